/**
 * Signing off a stage: its debit, written once (store/orders.ts holds the orders themselves).
 *
 * Stage acceptance is idempotent and race-free without a lock: the debit is ONE conditional
 * INSERT … SELECT inside one batch, which checks — at the moment D1 runs it — that the stage
 * is still pending, that every earlier stage is accepted and that the order is running. A unique
 * index on the stage's debit and another on the idempotency key make a second debit impossible
 * even if two requests pass every check at once.
 */
import { sql } from 'drizzle-orm';
import type { DebitMoney, MoneyFigures } from '../domain/debit-money';
import type { StageDebit } from '../domain/ledger';
import { ORDER_LIFECYCLE, STAGE_LIFECYCLE } from '../domain/order-lifecycle';
import { batch, changed, int, raw, type BatchItem, type Db } from './db';
import { allowedBy } from './guards';
import { claimInsert, type Claim } from './idempotency';
import type { OrderView, StageView } from './orders';
import { outboxInsert, type NewMail } from './outbox';
import { auditInsert, type Actor } from './quotes';
import { thresholdSql } from './reports';

export type AcceptOutcome = { accepted: true; result: AcceptResult } | { accepted: false };

/** What an acceptance did, as the idempotency claim stores it (and every replay answers). */
export interface AcceptResult extends MoneyFigures {
  entryId: number | null;
  normHoursCenti: number;
  plannedCenti: number;
  moneyMinor: number;
  overrun: boolean;
  balanceAfterCenti: number;
}

/** What a sign-off debits (domain/sign-off.ts): the items' norm-hours, the money on the quote's terms. */
export interface SignedOff {
  debit: StageDebit;
  money: DebitMoney;
  overrun: boolean;
}

/** The e-mail that tells the customer their balance went below the threshold (written only if it did). */
export type LowBalanceMail = Omit<NewMail, 'kind'>;

/**
 * Accepts the stage and debits it once, in ONE batch:
 *   1. the debit — a conditional INSERT … SELECT that checks, when D1 runs it, that the stage is
 *      still pending, every earlier stage accepted and the order running; a stage worth 0
 *      norm-hours writes no entry (nothing to debit). The balance is no reason to refuse: the
 *      work is done (DOMAIN.md, second round) — the queue pauses the order afterwards;
 *   2. the debit's items with their planned hours and money, the actual hours, the order's
 *      version, the audit row and the idempotency claim — each only when step 1 happened in THIS
 *      batch: the stage is still pending (step 6 has not run yet) and, for a debit, the entry with
 *      our key exists;
 *   3. the stage becomes accepted; then the low-balance e-mail, only when the balance is now below
 *      the customer's threshold (and was not before: the route passes no e-mail then).
 * A twin request with the same key (or any other) finds the stage accepted and writes nothing.
 */
export async function acceptStage(
  db: Db,
  order: OrderView,
  stage: StageView,
  signed: SignedOff,
  ledgerKey: string,
  claim: Claim | null,
  actor: Actor,
  lowMail: LowBalanceMail | null,
  /** The customer signs off only a stage staff marked ready (their account page); staff may sign off any. */
  requireReady = false,
): Promise<AcceptOutcome> {
  const { debit, money } = signed;
  const now = new Date().toISOString();
  const memo = `${order.number} · ${stage.n}. ${stage.title}`.slice(0, 500);
  const zero = debit.normHoursCenti === 0;
  const runnable = sql`${allowedBy(STAGE_LIFECYCLE, 'accept', sql`s.status`)} and ${allowedBy(ORDER_LIFECYCLE, 'debit', sql`o.status`)}
    and not exists (select 1 from order_stages p where p.order_id = o.id and p.n < s.n and p.status <> ${STAGE_LIFECYCLE.accept.to})
    ${requireReady ? sql`and s.ready_at is not null` : sql``}`;
  const pending = sql`exists (select 1 from order_stages where id = ${stage.id} and ${allowedBy(STAGE_LIFECYCLE, 'accept', sql`status`)})`;
  const entry = sql`(select id from ledger_entries where idempotency_key = ${ledgerKey} and stage_id = ${stage.id})`;
  const mine = zero
    ? sql`exists (select 1 from orders o join order_stages s on s.order_id = o.id where o.id = ${order.id} and s.id = ${stage.id} and
      ${runnable})`
    : sql`${pending} and exists ${entry}`;
  const t = order.terms;
  const writes: BatchItem[] = [];
  if (!zero) {
    const items = debit.items.map((item, i) => ({ ...item, ...money.items[i]!, lineId: item.lineId }));
    writes.push(
      raw(sql`insert into ledger_entries (customer_id, kind, norm_hours_centi, money_minor, discount_minor, net_minor, vat_minor,
        total_minor,
                    rate_minor, discount_rate_milli, vat_mode, vat_rate_milli, memo, at, created_at, created_by, order_id, stage_id,
                      idempotency_key)
                  select o.customer_id, 'debit', ${-debit.normHoursCenti}, ${-money.subtotalMinor}, ${-money.discountMinor},
                    ${-money.netMinor}, ${-money.vatMinor},
                    ${-money.totalMinor}, o.rate_minor, ${t.discountRateMilli}, ${t.vatMode}, ${t.vatRateMilli}, ${memo}, ${now}, ${now},
                      ${actor.userId}, o.id, s.id, ${ledgerKey}
                  from orders o join order_stages s on s.order_id = o.id
                  where o.id = ${order.id} and s.id = ${stage.id} and ${runnable}`),
      // All items in one statement from one JSON parameter: D1 allows 100 parameters per statement.
      raw(sql`insert into debit_items (entry_id, line_id, code, title, category_name, hours_centi, k_milli, norm_hours_centi,
        planned_hours_centi, planned_norm_hours_centi,
                    money_minor, discount_minor, net_minor, vat_minor, total_minor)
                  select ${entry}, json_extract(j.value, '$.lineId'), json_extract(j.value, '$.code'), json_extract(j.value, '$.title'),
                    json_extract(j.value, '$.categoryName'),
                    json_extract(j.value, '$.hoursCenti'), json_extract(j.value, '$.kMilli'), -json_extract(j.value, '$.normHoursCenti'),
                    json_extract(j.value, '$.plannedHoursCenti'), json_extract(j.value, '$.plannedNormHoursCenti'),
                    -json_extract(j.value, '$.subtotalMinor'), -json_extract(j.value, '$.discountMinor'), -json_extract(j.value,
                      '$.netMinor'),
                    -json_extract(j.value, '$.vatMinor'), -json_extract(j.value, '$.totalMinor')
                  from json_each(${JSON.stringify(items)}) j where ${mine}`),
    );
  }
  const actual = debit.items.filter((i) => i.actualHoursCenti !== null).map((i) => ({ lineId: i.lineId, h: i.actualHoursCenti }));
  if (actual.length) {
    writes.push(
      raw(sql`update stage_lines set actual_hours_centi = (select json_extract(j.value, '$.h') from json_each(${JSON.stringify(actual)}) j
        where json_extract(j.value, '$.lineId') = stage_lines.line_id)
                  where stage_id = ${stage.id} and line_id in (select json_extract(j.value, '$.lineId') from
                    json_each(${JSON.stringify(actual)}) j) and ${mine}`),
    );
  }
  writes.push(
    raw(sql`update orders set version = version + 1 where id = ${order.id} and ${mine}`),
    auditInsert({
      quoteId: order.quoteId,
      action: 'stage_accepted',
      changes: sql`json_object('order', ${order.number}, 'stage', ${int(stage.n)}, 'title', ${stage.title}, 'normHoursCenti',
        ${int(debit.normHoursCenti)},
        'plannedCenti', ${int(money.plan.normHoursCenti)}, 'totalMinor', ${int(money.totalMinor)},
        'by', ${actor.kind === 'customer' ? 'customer' : 'staff_on_behalf'})`,
      actor,
      at: now,
      when: mine,
    }),
  );
  const result = sql`json_object('entryId', ${zero ? sql`null` : entry}, 'normHoursCenti', ${int(debit.normHoursCenti)}, 'plannedCenti',
    ${int(money.plan.normHoursCenti)},
    'moneyMinor', ${int(money.netMinor)}, 'subtotalMinor', ${int(money.subtotalMinor)}, 'discountMinor', ${int(money.discountMinor)},
      'netMinor', ${int(money.netMinor)},
    'vatMinor', ${int(money.vatMinor)}, 'totalMinor', ${int(money.totalMinor)}, 'overrun', json(${signed.overrun ? 'true' : 'false'}),
    'balanceAfterCenti', (select balance_centi from customers where id = ${order.customerId}))`;
  if (claim) writes.push(claimInsert(claim, result, mine));
  writes.push(
    raw(sql`update order_stages set status = ${STAGE_LIFECYCLE.accept.to}, debited_centi = ${debit.normHoursCenti}, money_minor =
      ${money.netMinor},
                  accepted_at = ${now}, accepted_by = ${actor.userId}
                where id = ${stage.id} and ${mine}`),
  );
  const accepted = writes.length - 1;
  if (lowMail && !zero) {
    // After the stage is accepted, the threshold is what the customer's queue needs next (the
    // route sends no mail when the balance was below its threshold already).
    const balance = sql`(select balance_centi from customers where id = ${order.customerId})`;
    writes.push(
      outboxInsert({ ...lowMail, kind: 'balance_low' }, sql`exists ${entry} and ${balance} < ${thresholdSql(sql`${order.customerId}`)}`),
    );
  }
  writes.push(raw(sql`select ${result} as result`));
  const results = await batch(db, writes);
  if (changed(results[accepted]) === 0) return { accepted: false };
  const row = (results[results.length - 1] as D1Result<{ result: string }>).results?.[0];
  return { accepted: true, result: JSON.parse(row!.result) as AcceptResult };
}
