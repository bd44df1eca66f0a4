/**
 * The append-only norm-hour ledger. This module only ever INSERTs into ledger_entries:
 * there is no update or delete of an entry anywhere in the code (and the database refuses
 * both). customers.balance_centi follows every insert through a trigger.
 */
import { and, asc, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import { customers, debitItems, ledgerEntries, orderStages, orders } from '../../schema/tables';
import type { TopupKind } from '../domain/consumption';
import { batch, raw, type Db } from './db';
import { claimInsert, type Claim } from './idempotency';

export type LedgerRow = typeof ledgerEntries.$inferSelect;

export interface NewTopup {
  customerId: number;
  topupKind: TopupKind;
  normHoursCenti: number;
  memo: string;
  at: string;
  userId: number | null;
}

export interface NewCorrection {
  customerId: number;
  normHoursCenti: number;
  memo: string;
  at: string;
  correctsEntryId: number | null;
  userId: number | null;
}

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
async function insertEntry(db: Db, customerId: number, insert: (key: string | null) => SQL, claim: Claim | null): Promise<AppendResult | 'raced' | null> {
  const balance = sql`(select balance_centi from customers where id = ${customerId})`;
  if (!claim) {
    const [inserted, after] = await batch(db, [raw(db, sql`${insert(null)} returning id`), raw(db, sql`select ${balance} as balance`)]);
    const id = (inserted as D1Result<{ id: number }>).results?.[0]?.id;
    return id === undefined ? null : { entryId: id, balanceAfterCenti: (after as D1Result<{ balance: number }>).results![0]!.balance };
  }
  const key = `ledger:${claim.key}`;
  const entry = sql`(select id from ledger_entries where idempotency_key = ${key})`;
  const result = sql`json_object('entryId', ${entry}, 'balanceAfterCenti', ${balance})`;
  let results;
  try {
    results = await batch(db, [raw(db, insert(key)), claimInsert(db, claim, result, sql`exists ${entry}`), raw(db, sql`select ${result} as result where exists ${entry}`)]);
  } catch (e) {
    // A twin request with the same key wrote first; the idempotency middleware answers with its result.
    if (/UNIQUE/i.test(String((e as Error).message))) return 'raced';
    throw e;
  }
  const row = (results[2] as D1Result<{ result: string }>).results?.[0];
  return row ? (JSON.parse(row.result) as AppendResult) : null;
}

export async function appendTopup(db: Db, t: NewTopup, claim: Claim | null): Promise<AppendResult | 'raced' | null> {
  return insertEntry(
    db,
    t.customerId,
    (key) => sql`insert into ledger_entries (customer_id, kind, topup_kind, norm_hours_centi, money_minor, memo, at, created_at, created_by, idempotency_key)
        select id, 'topup', ${t.topupKind}, ${t.normHoursCenti}, 0, ${t.memo}, ${t.at}, ${new Date().toISOString()}, ${t.userId}, ${key}
        from customers where id = ${t.customerId}`,
    claim,
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
            and abs(coalesce((select sum(x.norm_hours_centi) from ledger_entries x where x.corrects_entry_id = e.id), 0) + ${c.normHoursCenti}) <= abs(e.norm_hours_centi)
        )`;
  return insertEntry(
    db,
    c.customerId,
    (key) => sql`insert into ledger_entries (customer_id, kind, norm_hours_centi, money_minor, memo, at, created_at, created_by, corrects_entry_id, idempotency_key)
        select ${c.customerId}, 'correction', ${c.normHoursCenti}, 0, ${c.memo}, ${c.at}, ${new Date().toISOString()}, ${c.userId}, ${target}, ${key}
        where exists (select 1 from customers where id = ${c.customerId}) and ${rule}`,
    claim,
  );
}

export async function findEntry(db: Db, id: number) {
  return (await db.select().from(ledgerEntries).where(eq(ledgerEntries.id, id)))[0] ?? null;
}

export async function correctedSoFar(db: Db, entryId: number): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`coalesce(sum(${ledgerEntries.normHoursCenti}), 0)` })
    .from(ledgerEntries)
    .where(eq(ledgerEntries.correctsEntryId, entryId));
  return row?.n ?? 0;
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
      .where(sql`${debitItems.entryId} in (select id from ledger_entries where customer_id = ${customerId} order by at desc, id desc limit ${limit})`)
      .orderBy(asc(debitItems.id)),
    db.select({ balanceCenti: customers.balanceCenti }).from(customers).where(eq(customers.id, customerId)),
  ]);
  let balance = customer[0]?.balanceCenti ?? 0;
  return rows.map((r) => {
    const entry = {
      ...r.e,
      orderNumber: r.orderNumber,
      stageN: r.stageN,
      stageTitle: r.stageTitle,
      balanceAfterCenti: balance,
      items: items.filter((i) => i.entryId === r.e.id).map(({ entryId: _e, ...i }) => i),
    };
    balance -= r.e.normHoursCenti;
    return entry;
  });
}

/** Every entry in [from, to), oldest first, with its order, stage and debit items. */
export function entriesBetween(db: Db, from: string, to: string, customerId?: number) {
  const inRange = and(gte(ledgerEntries.at, from), lt(ledgerEntries.at, to), customerId ? eq(ledgerEntries.customerId, customerId) : undefined);
  // Item columns are aliased: several share names with the entry's and the stage's.
  return db
    .select({
      e: ledgerEntries,
      orderNumber: orders.number,
      stageN: orderStages.n,
      stageTitle: sql<string | null>`${orderStages.title}`.as('stage_title'),
      itemId: sql<number | null>`${debitItems.id}`.as('item_id'),
      itemCode: sql<string | null>`${debitItems.code}`.as('item_code'),
      itemTitle: sql<string | null>`${debitItems.title}`.as('item_title'),
      itemCategory: sql<string | null>`${debitItems.categoryName}`.as('item_category'),
      itemHoursCenti: sql<number | null>`${debitItems.hoursCenti}`.as('item_hours_centi'),
      itemKMilli: sql<number | null>`${debitItems.kMilli}`.as('item_k_milli'),
      itemNormHoursCenti: sql<number | null>`${debitItems.normHoursCenti}`.as('item_norm_hours_centi'),
      itemMoneyMinor: sql<number | null>`${debitItems.moneyMinor}`.as('item_money_minor'),
    })
    .from(ledgerEntries)
    .leftJoin(orders, eq(orders.id, ledgerEntries.orderId))
    .leftJoin(orderStages, eq(orderStages.id, ledgerEntries.stageId))
    .leftJoin(debitItems, eq(debitItems.entryId, ledgerEntries.id))
    .where(inRange)
    .orderBy(asc(ledgerEntries.at), asc(ledgerEntries.id), asc(debitItems.id));
}
