/**
 * Work orders from accepted quotes and their stages: creating, reading, withdrawing. The queue
 * that starts, pauses and resumes them is store/order-queue.ts; the debit of a stage's sign-off
 * is store/stage-accept.ts.
 */
import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import { customers, ledgerEntries, orderStages, orders, quoteLines, quotes, stageLines } from '../../schema/tables';
import type { MoneyFigures, QuoteTerms } from '../domain/debit-money';
import type { OrderStatus, StageStatus } from '../domain/enums';
import type { StagePlan } from '../domain/stage-plan';
import { takesActualHours, type StageLine } from '../domain/ledger';
import { ORDER_LIFECYCLE, STAGE_LIFECYCLE } from '../domain/order-lifecycle';
import { lineNormHoursCenti } from '../domain/pricing';
import { randomToken } from '../platform/secrets';
import { batch, changed, raw, type BatchItem, type Db } from './db';
import { allowedBy } from './guards';
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
  const eligible = sql`exists (select 1 from quotes where id = ${quoteId} and ${quoteMay('order', null)}) and not exists (select 1 from
    orders where quote_id = ${quoteId})`;
  const created = sql`exists (select 1 from orders where create_token = ${token})`;
  const writes: BatchItem[] = [
    raw(sql`insert into counters (name, value) select ${counter}, 1 where ${eligible} on conflict(name) do update set value = value + 1`),
    raw(sql`insert into orders (number, quote_id, customer_id, status, approved_at, rate_minor, currency, created_at, created_by,
      create_token)
                select ${`WO-${year}-`} || printf('%04d', c.value), q.id, q.customer_id, 'queued', coalesce(q.answered_at, ${now}),
                  q.rate_minor, q.currency,
                  ${now}, ${actor.userId}, ${token}
                from quotes q, counters c where q.id = ${quoteId} and c.name = ${counter} and ${eligible}`),
  ];
  plan.forEach((stage, i) => {
    writes.push(
      raw(sql`insert into order_stages (order_id, n, title, status, hours_centi, norm_hours_centi)
                  select id, ${i + 1}, ${stage.title}, ${'pending' satisfies StageStatus}, ${stage.hoursCenti}, ${stage.normHoursCenti} from
                    orders where create_token = ${token}`),
    );
    for (const lineId of stage.lineIds) {
      writes.push(
        raw(sql`insert into stage_lines (stage_id, line_id)
                    select s.id, ${lineId} from order_stages s join orders o on o.id = s.order_id
                    where o.create_token = ${token} and s.n = ${i + 1}`),
      );
    }
  });
  writes.push(
    auditInsert({
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
  /** When staff marked it «готов к приёмке» (it waits for the customer's sign-off). */
  readyAt: string | null;
  /** The money its debit came to (entry figures, positive), null until then or for nothing debited. */
  debited: MoneyFigures | null;
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
  /** The accepted quote's discount and VAT: every debit's money follows them. */
  terms: Omit<QuoteTerms, 'rateMinor'>;
  balanceCenti: number;
  overdraftCenti: number;
  stages: StageView[];
}

function stageReads(db: Db, orderIds: number[] | SQL) {
  const ids = Array.isArray(orderIds)
    ? sql`${
        orderIds.length
          ? sql.join(
              orderIds.map((i) => sql`${i}`),
              sql`, `,
            )
          : sql`null`
      }`
    : orderIds;
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
    db
      .select({
        stageId: sql<number>`${ledgerEntries.stageId}`.as('debit_stage_id'),
        subtotalMinor: ledgerEntries.moneyMinor,
        discountMinor: ledgerEntries.discountMinor,
        netMinor: ledgerEntries.netMinor,
        vatMinor: ledgerEntries.vatMinor,
        totalMinor: ledgerEntries.totalMinor,
      })
      .from(ledgerEntries)
      .where(sql`${ledgerEntries.kind} = 'debit' and ${ledgerEntries.orderId} in (${ids})`),
  ] as const;
}

type DebitRow = { stageId: number } & MoneyFigures;
type StageRows = {
  stages: StageRow[];
  debits: DebitRow[];
  lines: {
    stageId: number;
    actualHoursCenti: number | null;
    lineId: number;
    code: string;
    title: string;
    categoryName: string;
    mode: 'fixed' | 'estimate';
    actualTime: boolean;
    quantityMilli: number;
    hoursCenti: number | null;
    kMilli: number;
  }[];
};

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
            actualTime: takesActualHours(l),
            quantityMilli: l.quantityMilli,
            hoursCenti: line.hoursCenti,
            kMilli: l.kMilli,
            normHoursCenti: lineNormHoursCenti(line) ?? 0,
            actualHoursCenti: l.actualHoursCenti,
          };
        });
      const ks = [...new Set(lines.map((l) => l.kMilli))];
      const d = rows.debits.find((x) => x.stageId === s.id);
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
        readyAt: s.readyAt,
        debited: d
          ? {
              subtotalMinor: -d.subtotalMinor,
              discountMinor: -d.discountMinor,
              netMinor: -d.netMinor,
              vatMinor: -d.vatMinor,
              totalMinor: -d.totalMinor,
            }
          : null,
        lines,
      };
    });
}

const orderColumns = {
  o: orders,
  quoteNumber: sql<string>`${quotes.number}`.as('quote_number'),
  quoteTitle: quotes.title,
  discountRateMilli: quotes.discountRateMilli,
  vatMode: quotes.vatMode,
  vatRateMilli: quotes.vatRateMilli,
  customerName: customers.name,
  balanceCenti: customers.balanceCenti,
  overdraftCenti: customers.overdraftCenti,
};

type OrderHead = {
  o: OrderRow;
  quoteNumber: string;
  quoteTitle: string;
  customerName: string;
  balanceCenti: number;
  overdraftCenti: number;
} & Omit<QuoteTerms, 'rateMinor'>;

function orderView(r: OrderHead, stages: StageView[]): OrderView {
  const { createToken: _t, version: _v, createdBy: _c, ...o } = r.o;
  const terms = { discountRateMilli: r.discountRateMilli, vatMode: r.vatMode, vatRateMilli: r.vatRateMilli };
  return {
    ...o,
    quoteNumber: r.quoteNumber,
    quoteTitle: r.quoteTitle,
    customerName: r.customerName,
    balanceCenti: r.balanceCenti,
    overdraftCenti: r.overdraftCenti,
    terms,
    stages,
  };
}

function ordersQuery(db: Db) {
  return db
    .select(orderColumns)
    .from(orders)
    .innerJoin(quotes, eq(quotes.id, orders.quoteId))
    .innerJoin(customers, eq(customers.id, orders.customerId));
}

export async function getOrder(db: Db, id: number): Promise<OrderView | null> {
  const [head, stages, lines, debits] = await batch(db, [ordersQuery(db).where(eq(orders.id, id)), ...stageReads(db, [id])]);
  const row = head[0];
  return row ? orderView(row, buildStages(id, { stages, lines, debits })) : null;
}

export async function listOrders(db: Db, filter: { customerId?: number; status?: OrderStatus; quoteId?: number }) {
  const where = and(
    filter.customerId ? eq(orders.customerId, filter.customerId) : undefined,
    filter.status ? eq(orders.status, filter.status) : undefined,
    filter.quoteId ? eq(orders.quoteId, filter.quoteId) : undefined,
  );
  const idsQuery = sql`select id from orders where 1 ${
    filter.customerId
      ? sql`and customer_id =
    ${filter.customerId}`
      : sql``
  } ${filter.status ? sql`and status = ${filter.status}` : sql``} ${
    filter.quoteId
      ? sql`and quote_id =
      ${filter.quoteId}`
      : sql``
  }`;
  const [heads, stages, lines, debits] = await batch(db, [
    ordersQuery(db).where(where).orderBy(asc(orders.approvedAt), asc(orders.id)),
    ...stageReads(db, idsQuery),
  ]);
  return heads.map((h) => orderView(h, buildStages(h.o.id, { stages, lines, debits })));
}

// ---------- withdrawal ----------

/**
 * Withdraws what is left of an order: its pending stages and the order itself. Accepted
 * stages stay accepted and debited. False when the order is already done or withdrawn.
 * The dependent writes come first, guarded by the order still being open; the order's own
 * status changes last, so a twin request finds it withdrawn and writes nothing.
 */
export async function withdrawOrder(
  db: Db,
  order: OrderView,
  reason: string,
  actor: Actor,
  claim: Claim | null,
  beforeStart = false,
): Promise<boolean> {
  const now = new Date().toISOString();
  // The customer (their account) may withdraw only an order that has not started; staff any open one.
  const action = beforeStart ? 'withdrawBeforeStart' : 'withdraw';
  const guard = sql`${allowedBy(ORDER_LIFECYCLE, action, sql`status`)} ${beforeStart ? sql`and started_at is null` : sql``}`;
  const open = sql`exists (select 1 from orders where id = ${order.id} and ${guard})`;
  const writes: BatchItem[] = [
    raw(
      sql`update order_stages set status = ${STAGE_LIFECYCLE.withdraw.to} where order_id = ${order.id} and
        ${allowedBy(STAGE_LIFECYCLE, 'withdraw', sql`status`)} and ${open}`,
    ),
    auditInsert({
      quoteId: order.quoteId,
      action: 'order_withdrawn',
      changes: sql`json_object('order', ${order.number}, 'reason', ${reason}, 'by', ${actor.kind === 'customer' ? 'customer' : 'staff'})`,
      actor,
      at: now,
      when: open,
    }),
  ];
  if (claim) writes.push(claimInsert(claim, sql`json_object()`, open));
  writes.push(
    raw(sql`update orders set status = ${ORDER_LIFECYCLE.withdraw.to}, withdrawn_at = ${now}, version = version + 1
                where id = ${order.id} and ${guard}`),
  );
  const results = await batch(db, writes);
  return changed(results[results.length - 1]) > 0;
}

export async function quoteLinesFor(db: Db, quoteId: number) {
  return db.select().from(quoteLines).where(eq(quoteLines.quoteId, quoteId)).orderBy(asc(quoteLines.position), asc(quoteLines.id));
}
