/**
 * Signing off a stage, for staff (routes/orders.ts, on the customer's behalf) and for the customer
 * (their account page, routes/account): the same checks, in words, before the one guarded write of
 * store/stage-accept.ts; a stage debits once whoever signs it off.
 */
import type { z } from '@hono/zod-openapi';
import type { AcceptStageBody } from '../../schema/api';
import { localDate } from '../domain/calendar';
import { nextStage, waitingReason } from '../domain/ledger';
import { lowBalance } from '../domain/low-balance';
import { signOff } from '../domain/sign-off';
import { balanceLowSubject, type BalanceLowFacts } from '../mail/render';
import { findCustomer } from '../store/customers';
import type { Db } from '../store/db';
import type { Claim } from '../store/idempotency';
import { customerQueue, reconcileCustomer } from '../store/order-queue';
import { getOrder, type OrderView } from '../store/orders';
import type { Actor } from '../store/quotes';
import { getSettings } from '../store/settings';
import { acceptStage, type AcceptResult, type LowBalanceMail } from '../store/stage-accept';
import { AppError, conflict, notFound, orThrow, unprocessable } from './errors';
import { ERRORS as E } from '../domain/words/errors';
import { both, bothOf, type Lang } from '../domain/words/words';

export const orderNotFound = () => notFound(both(E.noSuchOrder));

export async function orderOr404(db: Db, id: number, customerId?: number) {
  const order = await getOrder(db, id);
  // Another customer's order is, for this one, no order at all.
  if (!order || (customerId !== undefined && order.customerId !== customerId)) throw orderNotFound();
  return order;
}

export interface SignOffRequest {
  orderId: number;
  n: number;
  body: z.infer<typeof AcceptStageBody>;
  /** The key of the ledger entry: one per operation (the Idempotency-Key). */
  ledgerKey: string;
  claim: Claim | null;
  actor: Actor;
  /** The customer signs off from their account: only their own orders, only a stage marked ready. */
  customerId?: number;
}

/** Runs the sign-off; answers what it debited (the route answers it), or throws the refusal in words. */
export async function signOffStage(db: Db, r: SignOffRequest): Promise<AcceptResult> {
  const { orderId: id, n } = r;
  const byCustomer = r.customerId !== undefined;
  let order = await orderOr404(db, id, r.customerId);
  let stage = order.stages.find((s) => s.n === n);
  if (!stage) throw notFound(both(E.noSuchStage, { n }));
  if (stage.status === 'accepted') throw alreadyAccepted(n, stage.acceptedAt);
  if (stage.status === 'withdrawn' || order.status === 'withdrawn') {
    throw conflict('order_withdrawn', both(E.orderWithdrawn));
  }
  if (byCustomer && !stage.readyAt) throw notReady(n);
  const next = nextStage(order.stages);
  if (next && next.n !== n) {
    throw conflict('stage_not_next', both(E.stageNotNext, { next: next.n, n }));
  }
  if (order.status !== 'in_progress') {
    // The queue may be behind (a top-up just landed): bring it up to date first.
    await reconcileCustomer(db, order.customerId);
    order = await orderOr404(db, id);
    stage = order.stages.find((s) => s.n === n)!;
    if (order.status !== 'in_progress') throw notRunning(order);
  }
  const signed = orThrow(signOff(order, n, r.body));
  const lowMail = await lowBalanceMail(db, order, stage.n, signed.debit.normHoursCenti);
  const outcome = await acceptStage(db, order, stage, signed, r.ledgerKey, r.claim, r.actor, lowMail, byCustomer);
  if (outcome.accepted) {
    await reconcileCustomer(db, order.customerId);
    return outcome.result;
  }
  // Nothing was accepted: someone else was first, or something changed under us. (A twin
  // with the same key is answered by the idempotency middleware.)
  const now = await orderOr404(db, id);
  const nowStage = now.stages.find((s) => s.n === n)!;
  if (nowStage.status === 'accepted') throw alreadyAccepted(n, nowStage.acceptedAt);
  if (now.status !== 'in_progress') throw notRunning(now);
  if (byCustomer && !nowStage.readyAt) throw notReady(n);
  throw conflict('stage_not_next', both(E.orderChanged));
}

function notReady(n: number) {
  return unprocessable('stage_not_ready', both(E.stageNotReady, { n }));
}

/**
 * The e-mail for the customer in case this sign-off takes their balance below its threshold
 * (the store writes it only if it does); null when the customer has no address.
 */
async function lowBalanceMail(db: Db, order: OrderView, n: number, debitCenti: number): Promise<LowBalanceMail | null> {
  const [customer, queue, settings] = await Promise.all([
    findCustomer(db, order.customerId),
    customerQueue(db, order.customerId),
    getSettings(db),
  ]);
  if (!customer?.email || !queue) return null;
  // Told once: not when the balance is below its threshold already.
  if (lowBalance(queue.balanceCenti, queue.lowBalanceCenti, queue.orders).low) return null;
  // As it will stand after the sign-off: the stage accepted, the balance debited.
  const after = queue.orders.map((o) =>
    o.id === order.id ? { ...o, stages: o.stages.map((s) => (s.n === n ? { ...s, status: 'accepted' as const } : s)) } : o,
  );
  const balanceCenti = queue.balanceCenti - debitCenti;
  const low = lowBalance(balanceCenti, queue.lowBalanceCenti, after);
  const facts: BalanceLowFacts = {
    customerName: customer.name,
    orderNumber: order.number,
    stageN: n,
    balanceCenti,
    thresholdCenti: low.thresholdCenti,
    rateMinor: settings.rateMinor,
    currency: settings.currency,
  };
  return {
    to: [customer.email],
    lang: customer.lang,
    subject: balanceLowSubject(customer.lang, customer.name),
    payload: { ...facts, customerId: customer.id },
    // Two sign-offs at once would both find the balance above: one e-mail a day at most.
    dedupeKey: `balance-low:${customer.id}:${localDate(Date.now(), settings.timeZone)}`,
    createdBy: null,
  };
}

export function alreadyAccepted(n: number, at: string | null) {
  return conflict('stage_already_accepted', at ? both(E.stageAcceptedOn, { n, date: at.slice(0, 10) }) : both(E.stageAccepted, { n }), {
    acceptedAt: at,
  });
}

function insufficient(need: number, balance: number, overdraft: number) {
  // Hundredths with the language's decimal mark (2.50 / 2,50).
  const f = (lang: Lang) => (x: number) => (lang === 'ru' ? (x / 100).toFixed(2).replace('.', ',') : (x / 100).toFixed(2));
  return new AppError(
    422,
    'insufficient_balance',
    bothOf(overdraft ? E.insufficientWithOverdraft : E.insufficient, (lang) => ({
      need: f(lang)(need),
      balance: f(lang)(balance),
      overdraft: f(lang)(overdraft),
    })),
    { needCenti: need, balanceCenti: balance, overdraftCenti: overdraft },
  );
}

export function notRunning(order: OrderView) {
  const why = waitingReason(order, order.balanceCenti, order.overdraftCenti);
  if (order.status === 'paused' || order.status === 'queued') {
    const next = nextStage(order.stages);
    if (next && next.normHoursCenti > order.balanceCenti + order.overdraftCenti)
      return insufficient(next.normHoursCenti, order.balanceCenti, order.overdraftCenti);
  }
  const text = bothOf(E.orderNotRunning, (lang) => ({
    status: lang === 'en' ? order.status.replace('_', ' ') : order.status,
    why: why?.[lang] ?? '',
  }));
  return unprocessable('order_not_running', { en: text.en.trim(), ru: text.ru.trim() });
}
