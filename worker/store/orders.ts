/**
 * Work orders from accepted quotes, their stages, and the debits that accepting a stage
 * writes to the ledger.
 *
 * Stage acceptance is idempotent and race-free without a lock: the debit is ONE conditional
 * INSERT … SELECT inside one batch, which checks — at the moment D1 runs it — that the stage
 * is still pending, that every earlier stage is accepted, that the order is running, and that
 * the balance (plus any overdraft allowed) covers the debit. A unique index on the stage's
 * debit and another on the idempotency key make a second debit impossible even if two
 * requests pass every check at once.
 */
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import {
  customers,
  orderStages,
  orders,
  quoteLines,
  quotes,
  stageLines,
} from '../../schema/tables';
import type { OrderStatus, StageStatus } from '../domain/enums';
import type { StagePlan } from '../domain/stage-plan';
import { actionOf, reconcile, type QueueOrder, type StageDebit, type StageLine } from '../domain/ledger';
import { OPEN_ORDER_STATUSES, ORDER_LIFECYCLE, STAGE_LIFECYCLE } from '../domain/order-lifecycle';
import { lineNormHoursCenti } from '../domain/pricing';
import { randomToken } from '../platform/secrets';
import { batch, changed, int, raw, type BatchItem, type Db } from './db';
import { allowedBy, inStates } from './guards';
import { quoteMay } from './quote-guards';
import { claimInsert, type Claim } from './idempotency';
import { auditInsert, type Actor } from './quotes';

export type OrderRow = typeof orders.$inferSelect;
export type StageRow = typeof orderStages.$inferSelect;

/**
 * A work order for an accepted quote, with its stages, numbered WO-YYYY-NNNN (gap-free,
 * like quote numbers). Null when the quote is not accepted or already has an order.
 */
export async function createOrder(db: Db, quoteId: number, year: number, plan: StagePlan[], actor: Actor): Promise<number | null> {
  const token = randomToken(12);
  const now = new Date().toISOString();
  const counter = `order:${year}`;
  const eligible = sql`exists (select 1 from quotes where id = ${quoteId} and ${quoteMay('order', null)}) and not exists (select 1 from orders where quote_id = ${quoteId})`;
  const created = sql`exists (select 1 from orders where create_token = ${token})`;
  const writes: BatchItem[] = [
    raw(db, sql`insert into counters (name, value) select ${counter}, 1 where ${eligible} on conflict(name) do update set value = value + 1`),
    raw(db, sql`insert into orders (number, quote_id, customer_id, status, approved_at, rate_minor, currency, created_at, created_by, create_token)
                select ${`WO-${year}-`} || printf('%04d', c.value), q.id, q.customer_id, 'queued', coalesce(q.answered_at, ${now}), q.rate_minor, q.currency,
                  ${now}, ${actor.userId}, ${token}
                from quotes q, counters c where q.id = ${quoteId} and c.name = ${counter} and ${eligible}`),
  ];
  plan.forEach((stage, i) => {
    writes.push(
      raw(db, sql`insert into order_stages (order_id, n, title, status, hours_centi, norm_hours_centi)
                  select id, ${i + 1}, ${stage.title}, ${'pending' satisfies StageStatus}, ${stage.hoursCenti}, ${stage.normHoursCenti} from orders where create_token = ${token}`),
    );
    for (const lineId of stage.lineIds) {
      writes.push(
        raw(db, sql`insert into stage_lines (stage_id, line_id)
                    select s.id, ${lineId} from order_stages s join orders o on o.id = s.order_id
                    where o.create_token = ${token} and s.n = ${i + 1}`),
      );
    }
  });
  writes.push(
    auditInsert(db, {
      quoteId,
      action: 'order_created',
      changes: sql`json_object('order', (select number from orders where create_token = ${token}), 'stages', ${plan.length})`,
      actor,
      at: now,
      when: created,
    }),
  );
  const results = await batch(db, [...writes, db.select({ id: orders.id }).from(orders).where(eq(orders.createToken, token))]);
  const rows = results[results.length - 1] as { id: number }[];
  return rows[0]?.id ?? null;
}

export interface StageView {
  id: number;
  n: number;
  title: string;
  status: StageStatus;
  hoursCenti: number;
  kMilli: number | null;
  normHoursCenti: number;
  debitedCenti: number | null;
  moneyMinor: number | null;
  acceptedAt: string | null;
  lines: (StageLine & { normHoursCenti: number; actualHoursCenti: number | null })[];
}

export interface OrderView {
  id: number;
  number: string;
  quoteId: number;
  quoteNumber: string;
  quoteTitle: string;
  customerId: number;
  customerName: string;
  status: OrderStatus;
  approvedAt: string;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  withdrawnAt: string | null;
  rateMinor: number;
  currency: string;
  balanceCenti: number;
  overdraftCenti: number;
  stages: StageView[];
}

function stageReads(db: Db, orderIds: number[] | SQL) {
  const ids = Array.isArray(orderIds) ? sql`${orderIds.length ? sql.join(orderIds.map((i) => sql`${i}`), sql`, `) : sql`null`}` : orderIds;
  return [
    db.select().from(orderStages).where(sql`${orderStages.orderId} in (${ids})`).orderBy(asc(orderStages.orderId), asc(orderStages.n)),
    db
      .select({
        stageId: stageLines.stageId,
        actualHoursCenti: stageLines.actualHoursCenti,
        lineId: quoteLines.id,
        code: quoteLines.code,
        title: quoteLines.title,
        categoryName: quoteLines.categoryName,
        mode: quoteLines.mode,
        actualTime: quoteLines.actualTime,
        quantityMilli: quoteLines.quantityMilli,
        hoursCenti: quoteLines.hoursCenti,
        kMilli: quoteLines.kMilli,
        position: quoteLines.position,
      })
      .from(stageLines)
      .innerJoin(quoteLines, eq(quoteLines.id, stageLines.lineId))
      .where(sql`${stageLines.stageId} in (select id from order_stages where order_id in (${ids}))`)
      .orderBy(asc(quoteLines.position)),
  ] as const;
}

type StageRows = { stages: StageRow[]; lines: { stageId: number; actualHoursCenti: number | null; lineId: number; code: string; title: string; categoryName: string; mode: 'fixed' | 'estimate'; actualTime: boolean; quantityMilli: number; hoursCenti: number | null; kMilli: number }[] };

function buildStages(orderId: number, rows: StageRows): StageView[] {
  return rows.stages
    .filter((s) => s.orderId === orderId)
    .map((s) => {
      const lines = rows.lines
        .filter((l) => l.stageId === s.id)
        .map((l) => {
          const line = { ...l, hoursCenti: l.hoursCenti ?? 0 };
          return {
            lineId: l.lineId,
            code: l.code,
            title: l.title,
            categoryName: l.categoryName,
            mode: l.mode,
            actualTime: l.actualTime,
            quantityMilli: l.quantityMilli,
            hoursCenti: line.hoursCenti,
            kMilli: l.kMilli,
            normHoursCenti: lineNormHoursCenti(line) ?? 0,
            actualHoursCenti: l.actualHoursCenti,
          };
        });
      const ks = [...new Set(lines.map((l) => l.kMilli))];
      return {
        id: s.id,
        n: s.n,
        title: s.title,
        status: s.status,
        hoursCenti: s.hoursCenti,
        kMilli: ks.length === 1 ? ks[0]! : null,
        normHoursCenti: s.normHoursCenti,
        debitedCenti: s.debitedCenti,
        moneyMinor: s.moneyMinor,
        acceptedAt: s.acceptedAt,
        lines,
      };
    });
}

const orderColumns = {
  o: orders,
  quoteNumber: sql<string>`${quotes.number}`.as('quote_number'),
  quoteTitle: quotes.title,
  customerName: customers.name,
  balanceCenti: customers.balanceCenti,
  overdraftCenti: customers.overdraftCenti,
};

function orderView(r: { o: OrderRow; quoteNumber: string; quoteTitle: string; customerName: string; balanceCenti: number; overdraftCenti: number }, stages: StageView[]): OrderView {
  const { createToken: _t, version: _v, createdBy: _c, ...o } = r.o;
  return { ...o, quoteNumber: r.quoteNumber, quoteTitle: r.quoteTitle, customerName: r.customerName, balanceCenti: r.balanceCenti, overdraftCenti: r.overdraftCenti, stages };
}

function ordersQuery(db: Db) {
  return db
    .select(orderColumns)
    .from(orders)
    .innerJoin(quotes, eq(quotes.id, orders.quoteId))
    .innerJoin(customers, eq(customers.id, orders.customerId));
}

export async function getOrder(db: Db, id: number): Promise<OrderView | null> {
  const [head, stages, lines] = await batch(db, [ordersQuery(db).where(eq(orders.id, id)), ...stageReads(db, [id])]);
  const row = head[0];
  return row ? orderView(row, buildStages(id, { stages, lines })) : null;
}

export async function listOrders(db: Db, filter: { customerId?: number; status?: OrderStatus; quoteId?: number }) {
  const where = and(
    filter.customerId ? eq(orders.customerId, filter.customerId) : undefined,
    filter.status ? eq(orders.status, filter.status) : undefined,
    filter.quoteId ? eq(orders.quoteId, filter.quoteId) : undefined,
  );
  const idsQuery = sql`select id from orders where 1 ${filter.customerId ? sql`and customer_id = ${filter.customerId}` : sql``} ${filter.status ? sql`and status = ${filter.status}` : sql``} ${filter.quoteId ? sql`and quote_id = ${filter.quoteId}` : sql``}`;
  const [heads, stages, lines] = await batch(db, [ordersQuery(db).where(where).orderBy(asc(orders.approvedAt), asc(orders.id)), ...stageReads(db, idsQuery)]);
  return heads.map((h) => orderView(h, buildStages(h.o.id, { stages, lines })));
}

// ---------- the queue ----------

/** Puts every order of the customer where the rules say it belongs now; retries if raced. */
export async function reconcileCustomer(db: Db, customerId: number, attempt = 0): Promise<void> {
  const [customer, heads, stages] = await batch(db, [
    db.select({ balanceCenti: customers.balanceCenti, overdraftCenti: customers.overdraftCenti }).from(customers).where(eq(customers.id, customerId)),
    db.select().from(orders).where(and(eq(orders.customerId, customerId), inArray(orders.status, OPEN_ORDER_STATUSES))),
    db
      .select({ orderId: orderStages.orderId, n: orderStages.n, status: orderStages.status, normHoursCenti: orderStages.normHoursCenti })
      .from(orderStages)
      .where(sql`${orderStages.orderId} in (select id from orders where customer_id = ${customerId} and ${inStates(sql`status`, OPEN_ORDER_STATUSES)})`),
  ]);
  if (!customer[0]) return;
  const queue: QueueOrder[] = heads.map((o) => ({ id: o.id, status: o.status, approvedAt: o.approvedAt, stages: stages.filter((s) => s.orderId === o.id) }));
  const changes = reconcile(customer[0].balanceCenti, customer[0].overdraftCenti, queue);
  if (changes.length === 0) return;
  const now = new Date().toISOString();
  const results = await batch(
    db,
    changes.map((c) =>
      raw(db, sql`update orders set status = ${c.to}, version = version + 1,
                    started_at = case when ${c.to} = 'in_progress' then coalesce(started_at, ${now}) else started_at end,
                    finished_at = case when ${c.to} = 'done' then ${now} else finished_at end
                  where id = ${c.orderId} and status = ${c.from} and ${allowedBy(ORDER_LIFECYCLE, actionOf(c), sql`status`)}`),
    ),
  );
  const raced = results.some((r) => ((r as { meta?: { changes?: number } }).meta?.changes ?? 0) === 0);
  if (raced && attempt < 3) await reconcileCustomer(db, customerId, attempt + 1);
}

// ---------- accepting a stage ----------

export type AcceptOutcome = { accepted: true; result: AcceptResult } | { accepted: false };

/** What an acceptance did, as the idempotency claim stores it (and every replay answers). */
export interface AcceptResult {
  entryId: number | null;
  normHoursCenti: number;
  moneyMinor: number;
  balanceAfterCenti: number;
}

/**
 * Accepts the stage and debits it once, in ONE batch:
 *   1. the debit — a conditional INSERT … SELECT that checks, when D1 runs it, that the stage is
 *      still pending, every earlier stage accepted, the order running and the balance (with any
 *      overdraft) covering it; a stage worth 0 norm-hours writes no entry (nothing to debit);
 *   2. the debit's items, the actual hours, the order's version, the audit row and the
 *      idempotency claim — each only when step 1 happened in THIS batch: the stage is still
 *      pending (step 6 has not run yet) and, for a debit, the entry with our key exists;
 *   3. last, the stage becomes accepted.
 * A twin request with the same key (or any other) finds the stage accepted and writes nothing.
 */
export async function acceptStage(
  db: Db,
  order: OrderView,
  stage: StageView,
  debit: StageDebit,
  ledgerKey: string,
  claim: Claim | null,
  actor: Actor,
): Promise<AcceptOutcome> {
  const now = new Date().toISOString();
  const memo = `${order.number} · ${stage.n}. ${stage.title}`.slice(0, 500);
  const zero = debit.normHoursCenti === 0;
  const runnable = sql`${allowedBy(STAGE_LIFECYCLE, 'accept', sql`s.status`)} and ${allowedBy(ORDER_LIFECYCLE, 'debit', sql`o.status`)}
    and not exists (select 1 from order_stages p where p.order_id = o.id and p.n < s.n and p.status <> ${STAGE_LIFECYCLE.accept.to})`;
  const pending = sql`exists (select 1 from order_stages where id = ${stage.id} and ${allowedBy(STAGE_LIFECYCLE, 'accept', sql`status`)})`;
  const entry = sql`(select id from ledger_entries where idempotency_key = ${ledgerKey} and stage_id = ${stage.id})`;
  const mine = zero
    ? sql`exists (select 1 from orders o join order_stages s on s.order_id = o.id where o.id = ${order.id} and s.id = ${stage.id} and ${runnable})`
    : sql`${pending} and exists ${entry}`;
  const writes: BatchItem[] = [];
  if (!zero) {
    writes.push(
      raw(db, sql`insert into ledger_entries (customer_id, kind, norm_hours_centi, money_minor, rate_minor, memo, at, created_at, created_by, order_id, stage_id, idempotency_key)
                  select o.customer_id, 'debit', ${-debit.normHoursCenti}, ${-debit.moneyMinor}, o.rate_minor, ${memo}, ${now}, ${now}, ${actor.userId}, o.id, s.id, ${ledgerKey}
                  from orders o join order_stages s on s.order_id = o.id join customers c on c.id = o.customer_id
                  where o.id = ${order.id} and s.id = ${stage.id} and ${runnable}
                    and c.balance_centi - ${debit.normHoursCenti} >= -c.overdraft_centi`),
      // All items in one statement from one JSON parameter: D1 allows 100 parameters per statement.
      raw(db, sql`insert into debit_items (entry_id, code, title, category_name, hours_centi, k_milli, norm_hours_centi, money_minor)
                  select ${entry}, json_extract(j.value, '$.code'), json_extract(j.value, '$.title'), json_extract(j.value, '$.categoryName'),
                    json_extract(j.value, '$.hoursCenti'), json_extract(j.value, '$.kMilli'), -json_extract(j.value, '$.normHoursCenti'), -json_extract(j.value, '$.moneyMinor')
                  from json_each(${JSON.stringify(debit.items)}) j where ${mine}`),
    );
  }
  const actual = debit.items.filter((i) => i.actualHoursCenti !== null).map((i) => ({ lineId: i.lineId, h: i.actualHoursCenti }));
  if (actual.length) {
    writes.push(
      raw(db, sql`update stage_lines set actual_hours_centi = (select json_extract(j.value, '$.h') from json_each(${JSON.stringify(actual)}) j where json_extract(j.value, '$.lineId') = stage_lines.line_id)
                  where stage_id = ${stage.id} and line_id in (select json_extract(j.value, '$.lineId') from json_each(${JSON.stringify(actual)}) j) and ${mine}`),
    );
  }
  writes.push(
    raw(db, sql`update orders set version = version + 1 where id = ${order.id} and ${mine}`),
    auditInsert(db, {
      quoteId: order.quoteId,
      action: 'stage_accepted',
      changes: sql`json_object('order', ${order.number}, 'stage', ${int(stage.n)}, 'title', ${stage.title}, 'normHoursCenti', ${int(debit.normHoursCenti)})`,
      actor,
      at: now,
      when: mine,
    }),
  );
  const result = sql`json_object('entryId', ${zero ? sql`null` : entry}, 'normHoursCenti', ${int(debit.normHoursCenti)}, 'moneyMinor', ${int(debit.moneyMinor)},
    'balanceAfterCenti', (select balance_centi from customers where id = ${order.customerId}))`;
  if (claim) writes.push(claimInsert(db, claim, result, mine));
  writes.push(
    raw(db, sql`update order_stages set status = ${STAGE_LIFECYCLE.accept.to}, debited_centi = ${debit.normHoursCenti}, money_minor = ${debit.moneyMinor},
                  accepted_at = ${now}, accepted_by = ${actor.userId}
                where id = ${stage.id} and ${mine}`),
    raw(db, sql`select ${result} as result`),
  );
  const results = await batch(db, writes);
  if (changed(results[results.length - 2]) === 0) return { accepted: false };
  const row = (results[results.length - 1] as D1Result<{ result: string }>).results?.[0];
  return { accepted: true, result: JSON.parse(row!.result) as AcceptResult };
}

// ---------- withdrawal ----------

/**
 * Withdraws what is left of an order: its pending stages and the order itself. Accepted
 * stages stay accepted and debited. False when the order is already done or withdrawn.
 * The dependent writes come first, guarded by the order still being open; the order's own
 * status changes last, so a twin request finds it withdrawn and writes nothing.
 */
export async function withdrawOrder(db: Db, order: OrderView, reason: string, actor: Actor, claim: Claim | null): Promise<boolean> {
  const now = new Date().toISOString();
  const open = sql`exists (select 1 from orders where id = ${order.id} and ${allowedBy(ORDER_LIFECYCLE, 'withdraw', sql`status`)})`;
  const writes: BatchItem[] = [
    raw(db, sql`update order_stages set status = ${STAGE_LIFECYCLE.withdraw.to} where order_id = ${order.id} and ${allowedBy(STAGE_LIFECYCLE, 'withdraw', sql`status`)} and ${open}`),
    auditInsert(db, {
      quoteId: order.quoteId,
      action: 'order_withdrawn',
      changes: sql`json_object('order', ${order.number}, 'reason', ${reason})`,
      actor,
      at: now,
      when: open,
    }),
  ];
  if (claim) writes.push(claimInsert(db, claim, sql`json_object()`, open));
  writes.push(
    raw(db, sql`update orders set status = ${ORDER_LIFECYCLE.withdraw.to}, withdrawn_at = ${now}, version = version + 1
                where id = ${order.id} and ${allowedBy(ORDER_LIFECYCLE, 'withdraw', sql`status`)}`),
  );
  const results = await batch(db, writes);
  return changed(results[results.length - 1]) > 0;
}

export async function quoteLinesFor(db: Db, quoteId: number) {
  return db.select().from(quoteLines).where(eq(quoteLines.quoteId, quoteId)).orderBy(asc(quoteLines.position), asc(quoteLines.id));
}
