/**
 * A customer's balance running low, and what a waiting order is short of.
 *  - Low balance: below a threshold per customer; by default what the customer's queue needs
 *    next — Σ over their open orders of the next stage's norm-hours (a queued order's need to
 *    start). Flagged on the customer's card, the queue and the month report; the customer is told
 *    once, by e-mail, when a sign-off takes the balance below it.
 *  - Shortfall: what a waiting (queued or paused) order lacks to run, counting everything ahead of
 *    it in the queue (a top-up goes to the earliest orders first): Σ needs up to and including it,
 *    less the balance and the overdraft allowed.
 */
import { nextStage, startNeed, type QueueOrder } from './ledger';

const OPEN = new Set(['queued', 'in_progress', 'paused']);

/** What an open order needs next: its next stage, or what it needs to start. */
export function needOf(order: QueueOrder): number {
  if (!OPEN.has(order.status)) return 0;
  if (order.status === 'queued') return startNeed(order);
  return nextStage(order.stages)?.normHoursCenti ?? 0;
}

/** Σ of what the customer's open orders need next: the default low-balance threshold. */
export function nextStagesNeed(orders: readonly QueueOrder[]): number {
  return orders.reduce((sum, o) => sum + needOf(o), 0);
}

export interface LowBalance {
  /** The threshold in force: the customer's own, or what the next stages need. */
  thresholdCenti: number;
  /** Whether the customer set it (false: the default). */
  own: boolean;
  low: boolean;
  /** How far below the threshold the balance is (0 when it is not low). */
  belowCenti: number;
}

export function lowBalance(balanceCenti: number, ownThresholdCenti: number | null, orders: readonly QueueOrder[]): LowBalance {
  return flagged(balanceCenti, ownThresholdCenti ?? nextStagesNeed(orders), ownThresholdCenti !== null);
}

/** The flag for a threshold already known (the report reads thresholds in SQL, store/reports.ts). */
export function flagged(balanceCenti: number, thresholdCenti: number, own: boolean): LowBalance {
  const below = Math.max(0, thresholdCenti - balanceCenti);
  return { thresholdCenti, own, low: below > 0, belowCenti: below };
}

/** Queue order: final approval, then id (as reconcile walks it). */
const byQueue = (a: QueueOrder, b: QueueOrder) => a.approvedAt.localeCompare(b.approvedAt) || a.id - b.id;

/**
 * What order `orderId` lacks to run (0 when it runs or is not waiting for money): the needs of
 * every open order up to and including it, less the balance and the overdraft.
 */
export function shortfallOf(orderId: number, balanceCenti: number, overdraftCenti: number, orders: readonly QueueOrder[]): number {
  const order = orders.find((o) => o.id === orderId);
  if (!order || (order.status !== 'queued' && order.status !== 'paused')) return 0;
  let need = 0;
  for (const o of [...orders].sort(byQueue)) {
    need += needOf(o);
    if (o.id === orderId) break;
  }
  return Math.max(0, need - (balanceCenti + overdraftCenti));
}

/**
 * What the customer's queue already needs: every pending stage of their open orders. A new
 * commitment (a crowdfunding share) is covered only by what is left after it.
 */
export function queuedNeed(orders: readonly QueueOrder[]): number {
  return orders
    .filter((o) => OPEN.has(o.status))
    .reduce((sum, o) => sum + o.stages.filter((s) => s.status === 'pending').reduce((t, s) => t + s.normHoursCenti, 0), 0);
}
