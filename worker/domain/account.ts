/**
 * The customer's account (issue 18), pure: what the balance covers in the queue, the ledger by
 * month, whether an order may still be withdrawn by the customer, the end-of-service window.
 */
import { addDays, localMonth } from './calendar';
import type { OrderStatus, StageStatus } from './enums';
import { nextStage, startNeed, type QueueOrder } from './ledger';

/** Days the data stays downloadable after the service ends (seeds 001/002: backups are kept 30 days). */
export const DATA_WINDOW_DAYS = 30;

/** The last day the customer may download their data: 30 days after the service ends. */
export function dataAvailableUntil(serviceEndsOn: string | null): string | null {
  return serviceEndsOn ? addDays(serviceEndsOn, DATA_WINDOW_DAYS) : null;
}

/** Whether the window has ended on `today` (YYYY-MM-DD on the company's calendar): deletion may be confirmed. */
export function dataWindowEnded(serviceEndsOn: string | null, today: string): boolean {
  const until = dataAvailableUntil(serviceEndsOn);
  return until !== null && today > until;
}

/** What the customer sees of a stage: «готов к приёмке» is a pending stage staff marked ready. */
export type AccountStageStatus = StageStatus | 'ready';

export function accountStageStatus(s: { status: StageStatus; readyAt: string | null }): AccountStageStatus {
  return s.status === 'pending' && s.readyAt ? 'ready' : s.status;
}

/** The customer may withdraw an order only before it started (DOMAIN.md rule 2); a started one asks staff. */
export function customerMayWithdraw(o: { status: OrderStatus; startedAt: string | null }): boolean {
  return o.status === 'queued' && o.startedAt === null;
}

/**
 * What the balance covers: in the order of final approval, each open order's next stage (or,
 * for an order not started, what it needs to start) is covered while balance plus overdraft
 * lasts. The first one not covered says how much is missing.
 */
export interface Coverage {
  availableCenti: number;
  /** The orders whose next step the balance covers, in queue order. */
  coveredOrders: number[];
  /** The first order it does not cover, and by how much. */
  shortOrder: { orderId: number; needCenti: number; shortCenti: number } | null;
}

export function coverage(balanceCenti: number, overdraftCenti: number, orders: readonly QueueOrder[]): Coverage {
  let left = balanceCenti + overdraftCenti;
  const coveredOrders: number[] = [];
  const queue = [...orders].sort((a, b) => a.approvedAt.localeCompare(b.approvedAt) || a.id - b.id);
  for (const o of queue) {
    if (o.status === 'done' || o.status === 'withdrawn') continue;
    const next = nextStage(o.stages);
    if (!next) continue;
    const need = o.status === 'queued' ? startNeed(o) : next.normHoursCenti;
    if (left >= need) {
      coveredOrders.push(o.id);
      left -= need;
      continue;
    }
    return {
      availableCenti: balanceCenti + overdraftCenti,
      coveredOrders,
      shortOrder: { orderId: o.id, needCenti: need, shortCenti: need - Math.max(left, 0) },
    };
  }
  return { availableCenti: balanceCenti + overdraftCenti, coveredOrders, shortOrder: null };
}

export interface AccountEntry {
  id: number;
  kind: 'topup' | 'debit' | 'correction';
  normHoursCenti: number;
  totalMinor: number;
  memo: string;
  at: string;
}

export interface AccountMonth {
  month: string;
  openingCenti: number;
  topupsCenti: number;
  debitsCenti: number;
  correctionsCenti: number;
  closingCenti: number;
  entries: (AccountEntry & { balanceAfterCenti: number })[];
}

/** The ledger by calendar month of the company's zone, newest month first, with running balances. */
export function ledgerByMonth(entries: readonly AccountEntry[], timeZone: string): AccountMonth[] {
  const sorted = [...entries].sort((a, b) => a.at.localeCompare(b.at) || a.id - b.id);
  const months: AccountMonth[] = [];
  let balance = 0;
  for (const e of sorted) {
    const month = localMonth(Date.parse(e.at), timeZone);
    let m = months[months.length - 1];
    if (!m || m.month !== month) {
      m = { month, openingCenti: balance, topupsCenti: 0, debitsCenti: 0, correctionsCenti: 0, closingCenti: balance, entries: [] };
      months.push(m);
    }
    balance += e.normHoursCenti;
    if (e.kind === 'topup') m.topupsCenti += e.normHoursCenti;
    else if (e.kind === 'debit') m.debitsCenti += -e.normHoursCenti;
    else m.correctionsCenti += e.normHoursCenti;
    m.closingCenti = balance;
    m.entries.push({ ...e, balanceAfterCenti: balance });
  }
  return months.reverse();
}
