/**
 * The append-only norm-hour ledger. This module only ever INSERTs into ledger_entries:
 * there is no update or delete of an entry anywhere in the code (and the database refuses
 * both). customers.balance_centi follows every insert through a trigger.
 */
import { alias } from 'drizzle-orm/sqlite-core';
import { and, asc, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import { customers, debitItems, invoices, ledgerEntries, orderStages, orders } from '../../schema/tables';
import type { TopupKind } from '../domain/consumption';
import { INVOICE_LIFECYCLE } from '../domain/invoice';
import type { CorrectedEntry, EntryMoney } from '../domain/ledger-entries';
import { batch, raw, type Db } from './db';
import { allowedBy } from './guards';
import { claimInsert, type Claim } from './idempotency';

export type LedgerRow = typeof ledgerEntries.$inferSelect;

export interface NewTopup {
  customerId: number;
  topupKind: TopupKind;
  normHoursCenti: number;
  money: EntryMoney;
  paymentRef: string;
  /** The invoice the payment settles (it becomes paid in the same batch), or null. */
  invoiceId: number | null;
  memo: string;
  at: string;
  userId: number | null;
}

export interface NewCorrection {
  customerId: number;
  normHoursCenti: number;
  money: EntryMoney;
  memo: string;
  at: string;
  correctsEntryId: number | null;
  userId: number | null;
}

/** The money columns of an entry, in `moneyColumns` order. */
const moneyValues = (m: EntryMoney) =>
  sql`${m.subtotalMinor}, ${m.discountMinor}, ${m.netMinor}, ${m.vatMinor}, ${m.totalMinor}, ${m.rateMinor}, ${m.discountRateMilli},
    ${m.vatMode}, ${m.vatRateMilli}`;
const moneyColumns = sql.raw(
  'money_minor, discount_minor, net_minor, vat_minor, total_minor, rate_minor, discount_rate_milli, vat_mode, vat_rate_milli',
);

/** What a top-up or correction did, as its idempotency claim stores it. */
export interface AppendResult {
  entryId: number;
  balanceAfterCenti: number;
}

/**
 * Runs one guarded INSERT of an entry and reads back what it did; null when the rules refused
 * it; 'raced' when a twin request with the same Idempotency-Key wrote first. With a key the
 * entry carries `ledger:<key>` (unique) and the claim is written in the same batch.
 */
async function insertEntry(
  db: Db,
  customerId: number,
  insert: (key: string | null) => SQL,
  claim: Claim | null,
  invoiceId: number | null = null,
): Promise<AppendResult | 'raced' | null> {
  const balance = sql`(select balance_centi from customers where id = ${customerId})`;
  // A settlement marks its invoice paid in the same batch, once its entry is in (the invoice id is unique on the ledger).
  const settle = (entry: SQL) =>
    invoiceId === null
      ? []
      : [
          raw(sql`update invoices set status = ${INVOICE_LIFECYCLE.settle.to}, paid_entry_id = ${entry}, paid_at =
            ${new Date().toISOString()}, version = version + 1
                      where id = ${invoiceId} and ${allowedBy(INVOICE_LIFECYCLE, 'settle', sql`status`)} and exists ${entry}`),
        ];
  if (!claim) {
    const mine = sql`(select id from ledger_entries where invoice_id = ${invoiceId})`;
    const [inserted, ...rest] = await batch(db, [
      raw(sql`${insert(null)} returning id`),
      ...settle(mine),
      raw(sql`select ${balance} as balance`),
    ]);
    const id = (inserted as D1Result<{ id: number }>).results?.[0]?.id;
    const after = rest[rest.length - 1] as D1Result<{ balance: number }>;
    return id === undefined ? null : { entryId: id, balanceAfterCenti: after.results![0]!.balance };
  }
  const key = `ledger:${claim.key}`;
  const entry = sql`(select id from ledger_entries where idempotency_key = ${key})`;
  const result = sql`json_object('entryId', ${entry}, 'balanceAfterCenti', ${balance})`;
  let results: unknown[];
  try {
    results = await batch(db, [
      raw(insert(key)),
      ...settle(entry),
      claimInsert(claim, result, sql`exists ${entry}`),
      raw(sql`select ${result} as result where exists ${entry}`),
    ]);
  } catch (e) {
    // A twin request with the same key wrote first; the idempotency middleware answers with its result.
    if (/UNIQUE/i.test(String((e as Error).message))) return 'raced';
    throw e;
  }
  const row = (results[results.length - 1] as D1Result<{ result: string }>).results?.[0];
  return row ? (JSON.parse(row.result) as AppendResult) : null;
}

/** A top-up; with an invoice, only while that invoice is the customer's and still issued. */
export async function appendTopup(db: Db, t: NewTopup, claim: Claim | null): Promise<AppendResult | 'raced' | null> {
  const invoiceRule =
    t.invoiceId === null
      ? sql`1`
      : sql`exists (select 1 from invoices where id = ${t.invoiceId} and customer_id = ${t.customerId} and
        ${allowedBy(INVOICE_LIFECYCLE, 'settle', sql`status`)})`;
  return insertEntry(
    db,
    t.customerId,
    (
      key,
    ) => sql`insert into ledger_entries (customer_id, kind, topup_kind, norm_hours_centi, ${moneyColumns}, payment_ref, invoice_id, memo,
      at, created_at, created_by, idempotency_key)
        select id, 'topup', ${t.topupKind}, ${t.normHoursCenti}, ${moneyValues(t.money)}, ${t.paymentRef}, ${t.invoiceId}, ${t.memo},
          ${t.at}, ${new Date().toISOString()}, ${t.userId}, ${key}
        from customers where id = ${t.customerId} and ${invoiceRule}`,
    claim,
    t.invoiceId,
  );
}

/**
 * A correction. When it names the entry it corrects, that entry must belong to the same
 * customer, the correction must go the other way, and all corrections of it together may not
 * reverse more than the entry itself. Null when those rules refuse it.
 */
export async function appendCorrection(db: Db, c: NewCorrection, claim: Claim | null): Promise<AppendResult | 'raced' | null> {
  const target = c.correctsEntryId;
  const rule =
    target === null
      ? sql`1`
      : sql`exists (
          select 1 from ledger_entries e
          where e.id = ${target} and e.customer_id = ${c.customerId} and e.kind <> 'correction'
            and e.norm_hours_centi * ${c.normHoursCenti} < 0
            and abs(coalesce((select sum(x.norm_hours_centi) from ledger_entries x where x.corrects_entry_id = e.id), 0) +
              ${c.normHoursCenti}) <= abs(e.norm_hours_centi)
        )`;
  return insertEntry(
    db,
    c.customerId,
    (key) => sql`insert into ledger_entries (customer_id, kind, norm_hours_centi, ${moneyColumns}, memo, at, created_at, created_by,
      corrects_entry_id, idempotency_key)
        select ${c.customerId}, 'correction', ${c.normHoursCenti}, ${moneyValues(c.money)}, ${c.memo}, ${c.at}, ${new Date().toISOString()},
          ${c.userId}, ${target}, ${key}
        where exists (select 1 from customers where id = ${c.customerId}) and ${rule}`,
    claim,
  );
}

/**
 * An entry as the API shows it: `moneyMinor` is the money of the entry — its net (after the
 * quote's discount) — and `subtotalMinor` the norm-hours at the rate (the `money_minor` column).
 */
export function entryView<R extends LedgerRow>(row: R) {
  const { createdBy: _b, idempotencyKey: _k, pledgeId: _p, moneyMinor, ...rest } = row;
  return { ...rest, moneyMinor: row.netMinor, subtotalMinor: moneyMinor };
}

export async function findEntry(db: Db, id: number) {
  const row = (await db.select().from(ledgerEntries).where(eq(ledgerEntries.id, id)))[0];
  return row ? entryView(row) : null;
}

/** The entry a correction names, with what its corrections reversed so far (hours and money). */
export async function correctedEntry(db: Db, entryId: number): Promise<CorrectedEntry | undefined> {
  const sum = (column: SQL) => sql<number>`coalesce(sum(${column}), 0)`;
  const [[entry], [so]] = await batch(db, [
    db.select().from(ledgerEntries).where(eq(ledgerEntries.id, entryId)),
    db
      .select({
        normHoursCenti: sum(sql`norm_hours_centi`),
        subtotalMinor: sum(sql`money_minor`),
        discountMinor: sum(sql`discount_minor`),
        netMinor: sum(sql`net_minor`),
        vatMinor: sum(sql`vat_minor`),
        totalMinor: sum(sql`total_minor`),
      })
      .from(ledgerEntries)
      .where(eq(ledgerEntries.correctsEntryId, entryId)),
  ]);
  if (!entry) return undefined;
  return {
    customerId: entry.customerId,
    kind: entry.kind,
    normHoursCenti: entry.normHoursCenti,
    subtotalMinor: entry.moneyMinor,
    discountMinor: entry.discountMinor,
    netMinor: entry.netMinor,
    vatMinor: entry.vatMinor,
    totalMinor: entry.totalMinor,
    rateMinor: entry.rateMinor,
    discountRateMilli: entry.discountRateMilli,
    vatMode: entry.vatMode,
    vatRateMilli: entry.vatRateMilli,
    corrected: so!,
  };
}

/** A customer's ledger, newest first, with the balance after each entry and what it was for. */
export async function listLedger(db: Db, customerId: number, limit = 500) {
  const [rows, items, customer] = await batch(db, [
    db
      .select({
        e: ledgerEntries,
        orderNumber: orders.number,
        stageN: orderStages.n,
        stageTitle: orderStages.title,
      })
      .from(ledgerEntries)
      .leftJoin(orders, eq(orders.id, ledgerEntries.orderId))
      .leftJoin(orderStages, eq(orderStages.id, ledgerEntries.stageId))
      .where(eq(ledgerEntries.customerId, customerId))
      .orderBy(desc(ledgerEntries.at), desc(ledgerEntries.id))
      .limit(limit),
    db
      .select()
      .from(debitItems)
      .where(
        sql`${debitItems.entryId} in (select id from ledger_entries where customer_id = ${customerId} order by at desc, id desc limit
          ${limit})`,
      )
      .orderBy(asc(debitItems.id)),
    db.select({ balanceCenti: customers.balanceCenti }).from(customers).where(eq(customers.id, customerId)),
  ]);
  let balance = customer[0]?.balanceCenti ?? 0;
  return rows.map((r) => {
    const entry = {
      ...entryView(r.e),
      orderNumber: r.orderNumber,
      stageN: r.stageN,
      stageTitle: r.stageTitle,
      balanceAfterCenti: balance,
      items: items
        .filter((i) => i.entryId === r.e.id)
        .map(({ entryId: _e, moneyMinor, ...i }) => ({ ...i, moneyMinor: i.netMinor, subtotalMinor: moneyMinor })),
    };
    balance -= r.e.normHoursCenti;
    return entry;
  });
}

const corrected = alias(ledgerEntries, 'corrected');

/** Every entry in [from, to), oldest first, with its order, stage, invoice, what it corrects and its debit items. */
export function entriesBetween(db: Db, from: string, to: string, customerId?: number) {
  const inRange = and(
    gte(ledgerEntries.at, from),
    lt(ledgerEntries.at, to),
    customerId ? eq(ledgerEntries.customerId, customerId) : undefined,
  );
  // Item columns are aliased: several share names with the entry's and the stage's.
  return db
    .select({
      e: ledgerEntries,
      orderNumber: orders.number,
      stageN: orderStages.n,
      stageTitle: sql<string | null>`${orderStages.title}`.as('stage_title'),
      invoiceNumber: sql<string | null>`${invoices.number}`.as('invoice_number'),
      correctsKind: sql<'topup' | 'debit' | 'correction' | null>`${corrected.kind}`.as('corrects_kind'),
      itemId: sql<number | null>`${debitItems.id}`.as('item_id'),
      itemCode: sql<string | null>`${debitItems.code}`.as('item_code'),
      itemTitle: sql<string | null>`${debitItems.title}`.as('item_title'),
      itemCategory: sql<string | null>`${debitItems.categoryName}`.as('item_category'),
      itemHoursCenti: sql<number | null>`${debitItems.hoursCenti}`.as('item_hours_centi'),
      itemKMilli: sql<number | null>`${debitItems.kMilli}`.as('item_k_milli'),
      itemNormHoursCenti: sql<number | null>`${debitItems.normHoursCenti}`.as('item_norm_hours_centi'),
      itemMoneyMinor: sql<number | null>`${debitItems.moneyMinor}`.as('item_money_minor'),
      itemDiscountMinor: sql<number | null>`${debitItems.discountMinor}`.as('item_discount_minor'),
      itemNetMinor: sql<number | null>`${debitItems.netMinor}`.as('item_net_minor'),
      itemVatMinor: sql<number | null>`${debitItems.vatMinor}`.as('item_vat_minor'),
      itemTotalMinor: sql<number | null>`${debitItems.totalMinor}`.as('item_total_minor'),
      itemPlannedHoursCenti: sql<number | null>`${debitItems.plannedHoursCenti}`.as('item_planned_hours_centi'),
      itemPlannedNormHoursCenti: sql<number | null>`${debitItems.plannedNormHoursCenti}`.as('item_planned_norm_hours_centi'),
    })
    .from(ledgerEntries)
    .leftJoin(orders, eq(orders.id, ledgerEntries.orderId))
    .leftJoin(orderStages, eq(orderStages.id, ledgerEntries.stageId))
    .leftJoin(invoices, eq(invoices.id, ledgerEntries.invoiceId))
    .leftJoin(corrected, eq(corrected.id, ledgerEntries.correctsEntryId))
    .leftJoin(debitItems, eq(debitItems.entryId, ledgerEntries.id))
    .where(inRange)
    .orderBy(asc(ledgerEntries.at), asc(ledgerEntries.id), asc(debitItems.id));
}

/** The entries with these ids, briefly: what a statement says a correction corrects. */
export async function entryRefs(db: Db, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      entryId: ledgerEntries.id,
      at: ledgerEntries.at,
      kind: ledgerEntries.kind,
      memo: ledgerEntries.memo,
      customerId: ledgerEntries.customerId,
    })
    .from(ledgerEntries)
    .where(sql`${ledgerEntries.id} in (select value from json_each(${JSON.stringify([...new Set(ids)])}))`);
}
