/**
 * Signing off a stage (DOMAIN.md, second round): what it debits and what that costs.
 *  - every service billed by time actually spent takes the hours given for it (a line left out
 *    is taken at its estimate); fixed services debit their fixed hours; K applies (content 0,6);
 *  - the money is the accepted quote's: debitMoney over the order's plan (debit-money.ts), so
 *    stages signed off at their estimates add up to the quote's totals to the kopeck;
 *  - actual hours above the estimate are an overrun: shown (planned, actual, difference in
 *    norm-hours and money) and signed off only when the one who signs confirms it;
 *  - the balance is not a reason to refuse: the work was done. The order then pauses before its
 *    next stage until a top-up covers it (ledger.ts, reconcile).
 */
import { debitMoney, orderMoneyPlan, stageEstimate, type DebitMoney, type MoneyFigures, type QuoteTerms } from './debit-money';
import { formatFixed, formatMoney } from './format';
import { DebitInputError, stageDebit, takesActualHours, type StageDebit, type StageLine } from './ledger';
import { decided, fieldRefusal, refusal, refused, type Decided } from './refusal';
import { ACCOUNTING_REFUSAL_WORDS as W } from './words/accounting';
import { both, bothOf } from './words/words';

export interface OrderForSignOff {
  rateMinor: number;
  currency: string;
  terms: Omit<QuoteTerms, 'rateMinor'>;
  stages: readonly { n: number; lines: readonly StageLine[] }[];
}

export interface SignOffRequest {
  /** Hours actually spent, when the stage has one actual-time service. */
  actualHoursCenti?: number;
  lines?: readonly { lineId: number; actualHoursCenti: number }[];
  confirmOverrun?: boolean;
}

export interface SignOff {
  /** The debit's items, their money the plan's (items[i].moneyMinor is the item's subtotal). */
  debit: StageDebit;
  money: DebitMoney;
  overrun: boolean;
}

/** The order's plan: each stage's share of the accepted quote's money at its estimate. */
export function moneyPlanOf(order: OrderForSignOff) {
  return orderMoneyPlan(
    { rateMinor: order.rateMinor, ...order.terms },
    order.stages.map((s) => stageEstimate(s.n, s.lines, order.rateMinor)),
  );
}

/** What the overrun costs, for the one who confirms it: planned, actual and the difference. */
export interface Overrun {
  plannedCenti: number;
  actualCenti: number;
  differenceCenti: number;
  planned: MoneyFigures;
  actual: MoneyFigures;
  difference: MoneyFigures;
}

export function overrunOf(m: DebitMoney): Overrun {
  const figures = (f: MoneyFigures): MoneyFigures => ({
    subtotalMinor: f.subtotalMinor,
    discountMinor: f.discountMinor,
    netMinor: f.netMinor,
    vatMinor: f.vatMinor,
    totalMinor: f.totalMinor,
  });
  return {
    plannedCenti: m.plan.normHoursCenti,
    actualCenti: m.normHoursCenti,
    differenceCenti: m.difference.normHoursCenti,
    planned: figures(m.plan),
    actual: figures(m),
    difference: figures(m.difference),
  };
}

export function signOff(order: OrderForSignOff, n: number, request: SignOffRequest): Decided<SignOff> {
  const stage = order.stages.find((s) => s.n === n);
  if (!stage) throw new RangeError(`the order has no stage ${n}`);
  const lines = stage.lines.map((l) => ({ ...l, actualTime: takesActualHours(l) }));
  const actual = new Map<number, number>();
  for (const l of request.lines ?? []) actual.set(l.lineId, l.actualHoursCenti);
  if (request.actualHoursCenti !== undefined) {
    const byTime = lines.filter((l) => l.actualTime);
    if (byTime.length !== 1)
      return refused(fieldRefusal('actualHoursCenti', both(byTime.length === 0 ? W.actualNoService : W.actualSeveral)));
    actual.set(byTime[0]!.lineId, request.actualHoursCenti);
  }
  for (const lineId of actual.keys()) {
    const line = lines.find((l) => l.lineId === lineId);
    if (!line)
      return refused(
        fieldRefusal(
          'lines',
          bothOf(W.lineNotInStage, () => ({ line: lineId })),
        ),
      );
    if (!line.actualTime)
      return refused(
        fieldRefusal(
          'lines',
          bothOf(W.lineFixed, () => ({ line: line.code || line.title })),
        ),
      );
  }
  let debit: StageDebit;
  try {
    debit = stageDebit(lines, order.rateMinor, actual);
  } catch (e) {
    if (e instanceof DebitInputError) return refused(fieldRefusal('lines', { en: e.en, ru: e.ru }));
    throw e;
  }
  const money = debitMoney(moneyPlanOf(order), n, debit);
  const items = debit.items.map((item, i) => ({ ...item, moneyMinor: money.items[i]!.subtotalMinor }));
  const overrun = money.difference.normHoursCenti > 0;
  if (overrun && !request.confirmOverrun) {
    const o = overrunOf(money);
    const text = bothOf(W.overrun, (lang) => ({
      actual: formatFixed(o.actualCenti, 2, lang),
      planned: formatFixed(o.plannedCenti, 2, lang),
      difference: formatFixed(o.differenceCenti, 2, lang),
      money: formatMoney(o.difference.totalMinor, order.currency, lang),
    }));
    return refused(refusal(422, 'overrun_not_confirmed', text, o));
  }
  return decided({ debit: { items, normHoursCenti: debit.normHoursCenti, moneyMinor: money.subtotalMinor }, money, overrun });
}
