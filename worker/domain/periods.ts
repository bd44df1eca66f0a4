/**
 * Closed months (DOMAIN.md, second round): once an accountant closes a month, no ledger entry
 * may be dated in it — nor in any month before it, which would move its opening balance — and
 * its report never changes. A correction is dated in the open month and names what it corrects.
 * Only a month that has ended can be closed; closing it closes the earlier months too.
 */
import { localMonth, monthRange, shiftMonth } from './calendar';
import type { PeriodStatus } from './enums';
import type { Lifecycle } from './lifecycle';
import { decided, refusal, refused, type Decided } from './refusal';
import { ACCOUNTING_REFUSAL_WORDS as W } from './words/accounting';
import { monthTitle } from './words/months';
import { bothOf } from './words/words';

export type PeriodAction = 'close';

export const PERIOD_LIFECYCLE: Lifecycle<PeriodStatus, PeriodAction> = {
  close: { from: ['open'], to: 'closed' },
};

export interface PeriodToClose {
  month: string;
  startAt: string;
  endAt: string;
}

/**
 * The months that closing `month` closes: it and every earlier month back to `since` (the first
 * month of the ledger, or the month after the last closed one), each with its instants in the
 * company's time zone today. Refused when `month` has not ended or is closed already.
 */
export function monthsToClose(
  month: string,
  closedThrough: string | null,
  firstMonth: string | null,
  now: number,
  timeZone: string,
): Decided<PeriodToClose[]> {
  const words = (pair: readonly [string, string]) => bothOf(pair, (lang) => ({ month: monthTitle(month, lang) }));
  if (month >= localMonth(now, timeZone)) return refused(refusal(422, 'period_not_over', words(W.periodNotOver), { month }));
  if (closedThrough !== null && month <= closedThrough)
    return refused(refusal(409, 'period_already_closed', words(W.periodAlreadyClosed), { month, closedThrough }));
  let from = closedThrough !== null ? shiftMonth(closedThrough, 1) : (firstMonth ?? month);
  if (from > month) from = month;
  const months: PeriodToClose[] = [];
  for (let m = from; m <= month; m = shiftMonth(m, 1)) months.push({ month: m, ...rangeOf(monthRange(m, timeZone)) });
  return decided(months);
}

const rangeOf = (r: { start: string; end: string }) => ({ startAt: r.start, endAt: r.end });

/** Whether a month is closed, given the latest closed one. */
export const isClosed = (month: string, closedThrough: string | null) => closedThrough !== null && month <= closedThrough;
