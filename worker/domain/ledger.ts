/**
 * Norm-hour balances and work orders (DOMAIN.md, "From quote to consumption"):
 *  - a stage's debit: fixed services debit their fixed norm-hours; every service billed by time
 *    actually spent (the seed's «по оценке» lines: 2.1, 2.6–2.9 and the estimated lines of
 *    sections 3–5) the hours actually spent × K; money: domain/debit-money.ts;
 *  - the queue: orders run in order of final approval; an order starts when the balance
 *    covers it (its first stage when staged); after a stage, it pauses when the balance
 *    cannot pay the next one, and resumes on a top-up that does.
 * Pure: the store applies what `reconcile` decides with guarded writes.
 */
import { addDays, isRealDate, localDate, localMidnightUtc } from './calendar';
import { figuresOf, hoursMoney, type MoneyFigures } from './debit-money';
import type { LedgerKind, OrderStatus, StageStatus, VatMode } from './enums';
import { formatDay, formatFixed, formatMoney, type Lang } from './format';
import { actionBetween } from './lifecycle';
import { ArithmeticRangeError, big, divRound, toSafe } from './money';
import { ORDER_LIFECYCLE, type OrderAction } from './order-lifecycle';
import { lineNormHoursCenti, normHoursAmountMinor } from './pricing';
import { decided, fieldRefusal, refusal, refused, type Decided, type Refusal } from './refusal';
import { topupFromHours, topupFromMoney, type TopupAmounts } from './topup';
import { ACCOUNTING_REFUSAL_WORDS } from './words/accounting';
import { monthTitle } from './words/months';
import { both, bothOf } from './words/words';

export type { OrderStatus, StageStatus };

export interface StageLine {
  lineId: number;
  code: string;
  title: string;
  categoryName: string;
  mode: 'fixed' | 'estimate';
  actualTime: boolean;
  quantityMilli: number;
  hoursCenti: number;
  kMilli: number;
}

/**
 * Whether a line is billed by the time actually spent (DOMAIN.md, second round): every
 * «по оценке» (estimate) line is, whatever its catalog item says; fixed services never are.
 */
export function takesActualHours(l: Pick<StageLine, 'mode' | 'actualTime'>): boolean {
  return l.mode === 'estimate' || l.actualTime;
}

/** quantity × hours per unit, in hundredths of an hour. */
export function totalHoursCenti(l: Pick<StageLine, 'quantityMilli' | 'hoursCenti'>): number {
  return toSafe(divRound(big(l.quantityMilli) * big(l.hoursCenti), 1000n));
}

export interface DebitItem {
  lineId: number;
  code: string;
  title: string;
  categoryName: string;
  hoursCenti: number;
  kMilli: number;
  normHoursCenti: number;
  moneyMinor: number;
  actualHoursCenti: number | null;
  /** The quote's estimate for the line: quantity × hours, and its norm-hours. */
  plannedHoursCenti: number;
  plannedNormHoursCenti: number;
}

export interface StageDebit {
  items: DebitItem[];
  normHoursCenti: number;
  moneyMinor: number;
}

export class DebitInputError extends Error {
  constructor(
    readonly en: string,
    readonly ru: string,
  ) {
    super(en);
  }
}

/**
 * What accepting a stage debits. `actual` maps line ids to the hours actually spent on
 * actual-time lines (total for the line, not per unit); a line without an entry is taken
 * at its estimate. Money per item = ROUND(norm-hours × rate, 2); the stage's money is
 * the sum of its items, so the report's rows add up to its totals to the kopeck.
 */
export function stageDebit(lines: readonly StageLine[], rateMinor: number, actual: ReadonlyMap<number, number>): StageDebit {
  for (const lineId of actual.keys()) {
    const line = lines.find((l) => l.lineId === lineId);
    if (!line) throw new DebitInputError(`Line ${lineId} is not part of this stage.`, `Строки ${lineId} нет в этом этапе.`);
    if (!line.actualTime) {
      throw new DebitInputError(
        `${line.code || line.title} is billed by its fixed or agreed hours, not by actual time.`,
        `${line.code || line.title} оплачивается по фиксированным или согласованным часам, а не по факту.`,
      );
    }
  }
  const items = lines.map((l): DebitItem => {
    const spent = l.actualTime ? actual.get(l.lineId) : undefined;
    const hoursCenti = spent ?? totalHoursCenti(l);
    const normHoursCenti =
      spent === undefined ? lineNormHoursCenti(l)! : lineNormHoursCenti({ quantityMilli: 1000, hoursCenti: spent, kMilli: l.kMilli })!;
    return {
      lineId: l.lineId,
      code: l.code,
      title: l.title,
      categoryName: l.categoryName,
      hoursCenti,
      kMilli: l.kMilli,
      normHoursCenti,
      moneyMinor: normHoursAmountMinor(normHoursCenti, rateMinor),
      actualHoursCenti: spent ?? null,
      plannedHoursCenti: totalHoursCenti(l),
      plannedNormHoursCenti: lineNormHoursCenti(l)!,
    };
  });
  return {
    items,
    normHoursCenti: items.reduce((s, i) => s + i.normHoursCenti, 0),
    moneyMinor: items.reduce((s, i) => s + i.moneyMinor, 0),
  };
}

export interface QueueStage {
  n: number;
  status: StageStatus;
  normHoursCenti: number;
}

export interface QueueOrder {
  id: number;
  status: OrderStatus;
  approvedAt: string;
  stages: QueueStage[];
}

export interface StatusChange {
  orderId: number;
  from: OrderStatus;
  to: OrderStatus;
}

/** A move the queue decides, checked against the lifecycle: every move it makes is one the table declares. */
function change(orderId: number, from: OrderStatus, to: OrderStatus): StatusChange {
  if (!actionBetween(ORDER_LIFECYCLE, from, to)) throw new Error(`no order action moves ${from} to ${to}`);
  return { orderId, from, to };
}

/** The lifecycle's action behind a move (for the store's guard). */
export function actionOf(c: StatusChange): OrderAction {
  return actionBetween(ORDER_LIFECYCLE, c.from, c.to)!;
}

/** The next stage to accept, or null when none is left. */
export function nextStage<S extends QueueStage>(stages: readonly S[]): S | null {
  return [...stages].sort((a, b) => a.n - b.n).find((s) => s.status === 'pending') ?? null;
}

/** What an order needs on the balance to start: all of it, or its first stage when staged. */
export function startNeed(order: QueueOrder): number {
  const pending = order.stages.filter((s) => s.status === 'pending');
  if (order.stages.length > 1) return nextStage(order.stages)?.normHoursCenti ?? 0;
  return pending.reduce((s, x) => s + x.normHoursCenti, 0);
}

/**
 * Where each of a customer's orders should stand now. In the order of final approval, every
 * running order reserves what its next stage needs from the available norm-hours (balance
 * plus any overdraft allowed); a running one that the rest cannot cover pauses, a paused
 * one that it can resumes, a queued one that it can starts. An order waiting for money does
 * not hold back the orders behind it.
 */
export function reconcile(balanceCenti: number, overdraftCenti: number, orders: readonly QueueOrder[]): StatusChange[] {
  let available = balanceCenti + overdraftCenti;
  const changes: StatusChange[] = [];
  const queue = [...orders].sort((a, b) => a.approvedAt.localeCompare(b.approvedAt) || a.id - b.id);
  for (const order of queue) {
    if (order.status === 'done' || order.status === 'withdrawn') continue;
    const next = nextStage(order.stages);
    if (!next) {
      changes.push(change(order.id, order.status, 'done'));
      continue;
    }
    if (order.status === 'queued') {
      const need = startNeed(order);
      if (available >= need) {
        changes.push(change(order.id, 'queued', 'in_progress'));
        available -= next.normHoursCenti;
      }
      continue;
    }
    const covered = available >= next.normHoursCenti;
    if (covered) available -= next.normHoursCenti;
    const to: OrderStatus = covered ? 'in_progress' : 'paused';
    if (to !== order.status) changes.push(change(order.id, order.status, to));
  }
  return changes;
}

/** Why an order waits, in words a person understands (for the queue board). */
export function waitingReason(order: QueueOrder, balanceCenti: number, overdraftCenti: number): { en: string; ru: string } | null {
  const next = nextStage(order.stages);
  if (!next || (order.status !== 'queued' && order.status !== 'paused')) return null;
  const need = order.status === 'queued' ? startNeed(order) : next.normHoursCenti;
  const short = need - (balanceCenti + overdraftCenti);
  const fmt = (c: number) => (c / 100).toFixed(2);
  if (short > 0) {
    return {
      en: `Needs ${fmt(need)} norm-hours; the balance is ${fmt(balanceCenti)} (short by ${fmt(short)}).`,
      ru:
        `Нужно ${fmt(need).replace('.', ',')} нормо-ч, на балансе ${fmt(balanceCenti).replace('.', ',')} (не хватает ` +
        `${fmt(short).replace('.', ',')}).`,
    };
  }
  return {
    en: 'Waits for earlier orders of this customer that the balance is reserved for.',
    ru: 'Ждёт более ранних заявок заказчика, под которые зарезервирован баланс.',
  };
}

// ---------- entries: when they may be dated, top-ups as payments, corrections ----------

/** The latest closed month and the instant it ends: nothing may be dated before it. */
export interface ClosedThrough {
  month: string;
  endAt: string;
}

export interface EntryClock {
  now: number;
  timeZone: string;
  backdateDays: number;
  closedThrough: ClosedThrough | null;
}

const W = ACCOUNTING_REFUSAL_WORDS;
const hoursText = (centi: number) => (lang: Lang) => formatFixed(centi, 2, lang);

/** 422 period_closed: `at` falls in a closed month; the correction belongs in the open one. */
export function periodClosed(closed: ClosedThrough, timeZone: string): Refusal {
  const openFrom = localDate(Date.parse(closed.endAt), timeZone);
  return refusal(
    422,
    'period_closed',
    bothOf(W.periodClosed, (lang) => ({ month: monthTitle(closed.month, lang), openFrom: formatDay(openFrom, lang) })),
    {
      closedThrough: closed.month,
      openFrom,
    },
  );
}

/**
 * The instant an entry is dated: now by default; a calendar date (the company's, YYYY-MM-DD)
 * means that day — its beginning, or now when it is today; an instant as it is. Never in the
 * future, never further back than the settings allow, never in a closed month.
 */
export function entryInstant(at: string | undefined, clock: EntryClock): Decided<string> {
  const today = localDate(clock.now, clock.timeZone);
  let instant: number;
  if (at === undefined) instant = clock.now;
  else if (isRealDate(at)) {
    if (at > today) return refused(fieldRefusal('at', both(W.future)));
    const [y, m, d] = at.split('-').map(Number) as [number, number, number];
    instant = at === today ? clock.now : localMidnightUtc(y, m, d, clock.timeZone);
  } else {
    instant = Date.parse(at);
    if (Number.isNaN(instant) || instant > clock.now + 60_000) return refused(fieldRefusal('at', both(W.future)));
  }
  const iso = new Date(instant).toISOString();
  if (clock.closedThrough && iso < clock.closedThrough.endAt) return refused(periodClosed(clock.closedThrough, clock.timeZone));
  const earliest = addDays(today, -clock.backdateDays);
  if (localDate(instant, clock.timeZone) < earliest) {
    return refused(
      refusal(
        422,
        'backdated_too_far',
        bothOf(W.backdatedTooFar, (lang) => ({ days: clock.backdateDays, earliest: formatDay(earliest, lang) })),
        {
          earliest,
          backdateDays: clock.backdateDays,
        },
      ),
    );
  }
  return decided(iso);
}

/** The money of an entry, every figure signed like its hours, with the terms it was computed on. */
export interface EntryMoney extends MoneyFigures {
  rateMinor: number | null;
  discountRateMilli: number | null;
  vatMode: VatMode | null;
  vatRateMilli: number | null;
}

export const NO_MONEY: EntryMoney = {
  subtotalMinor: 0,
  discountMinor: 0,
  netMinor: 0,
  vatMinor: 0,
  totalMinor: 0,
  rateMinor: null,
  discountRateMilli: null,
  vatMode: null,
  vatRateMilli: null,
};

const signed = (f: MoneyFigures, sign: 1 | -1): MoneyFigures => ({
  subtotalMinor: sign * f.subtotalMinor,
  discountMinor: sign * f.discountMinor,
  netMinor: sign * f.netMinor,
  vatMinor: sign * f.vatMinor,
  totalMinor: sign * f.totalMinor,
});

/** The money of a crowdfunding pledge's debit: its norm-hours at the rate, the installation's VAT, signed as a debit. */
export function pledgeMoney(normHoursCenti: number, t: { rateMinor: number; vatMode: VatMode; vatRateMilli: number }): EntryMoney {
  return {
    ...signed(hoursMoney(normHoursCenti, t), 1),
    rateMinor: t.rateMinor,
    discountRateMilli: 0,
    vatMode: t.vatMode,
    vatRateMilli: t.vatRateMilli,
  };
}

/**
 * A top-up is a payment: an amount of money or of norm-hours, one of them; the other is computed
 * at the rate of the day (money → norm-hours = ROUND(amount ÷ rate, 2)) and both are stored. Its
 * money carries the installation's VAT as the invoice for it would (no discount).
 */
export function topupPayment(
  given: { normHoursCenti?: number; amountMinor?: number },
  rateMinor: number,
  vat: { vatMode: VatMode; vatRateMilli: number },
  currency: string,
): Decided<{ normHoursCenti: number; money: EntryMoney }> {
  const { normHoursCenti: hours, amountMinor: amount } = given;
  if ((hours === undefined) === (amount === undefined))
    return refused(fieldRefusal(amount === undefined ? 'normHoursCenti' : 'amountMinor', both(W.topupOneOf)));
  if ((hours ?? amount!) <= 0) return refused(fieldRefusal(hours === undefined ? 'amountMinor' : 'normHoursCenti', both(W.topupPositive)));
  let paid: TopupAmounts;
  try {
    paid = hours === undefined ? topupFromMoney(amount!, rateMinor) : topupFromHours(hours, rateMinor);
  } catch (e) {
    if (!(e instanceof ArithmeticRangeError) || hours !== undefined) throw e;
    const text = bothOf(W.topupTooSmall, (lang) => ({
      amount: formatMoney(amount!, currency, lang),
      rate: formatMoney(rateMinor, currency, lang),
    }));
    return refused(refusal(422, 'topup_too_small', text, { amountMinor: amount, rateMinor }));
  }
  const terms = { rateMinor, discountRateMilli: 0, vatMode: vat.vatMode, vatRateMilli: vat.vatRateMilli };
  return decided({ normHoursCenti: paid.normHoursCenti, money: { ...figuresOf(paid.amountMinor, terms), ...terms } });
}

/** The entry a correction names, as the ledger holds it (with the money of what corrected it so far). */
export interface CorrectedEntry extends EntryMoney {
  customerId: number;
  kind: LedgerKind;
  normHoursCenti: number;
  /** Σ of the corrections that name it already: norm-hours and money. */
  corrected: MoneyFigures & { normHoursCenti: number };
}

/**
 * A correction: non-zero, with its reason. When it names an entry, that entry belongs to the same
 * customer, is not itself a correction, goes the other way, and all its corrections together never
 * reverse more than the entry. `target` is undefined when the named entry does not exist.
 */
export function correctionRule(
  customerId: number,
  hours: number,
  memo: string,
  named: boolean,
  target: CorrectedEntry | undefined,
): Decided<null> {
  if (hours === 0) return refused(fieldRefusal('normHoursCenti', both(W.correctionZero)));
  if (!memo.trim()) return refused(fieldRefusal('memo', both(W.correctionReason)));
  if (!named) return decided(null);
  if (!target || target.customerId !== customerId) return refused(fieldRefusal('correctsEntryId', both(W.correctionNoEntry)));
  if (target.kind === 'correction') return refused(refusal(422, 'correction_of_correction', both(W.correctionOfCorrection)));
  if (target.normHoursCenti * hours > 0) return refused(refusal(422, 'correction_same_sign', both(W.correctionSameSign)));
  const left = Math.abs(target.normHoursCenti) - Math.abs(target.corrected.normHoursCenti);
  if (Math.abs(hours) > left) {
    return refused(
      refusal(
        422,
        'correction_too_large',
        bothOf(W.correctionTooLarge, (lang) => ({ left: hoursText(left)(lang) })),
        { leftCenti: left },
      ),
    );
  }
  return decided(null);
}

/**
 * The money of a correction: none unless it names an entry; then at that entry's rate and terms,
 * and the one that reverses what is left of it takes exactly what is left of its money, so an
 * entry reversed in full (at once or in parts) is reversed to the kopeck.
 */
export function correctionMoney(hours: number, target: CorrectedEntry | null): EntryMoney {
  if (!target || target.rateMinor === null) return NO_MONEY;
  const terms = {
    rateMinor: target.rateMinor,
    discountRateMilli: target.discountRateMilli,
    vatMode: target.vatMode,
    vatRateMilli: target.vatRateMilli,
  };
  if (Math.abs(target.normHoursCenti) - Math.abs(target.corrected.normHoursCenti) === Math.abs(hours)) {
    const rest = (k: keyof MoneyFigures) => -(target[k] + target.corrected[k]);
    return {
      subtotalMinor: rest('subtotalMinor'),
      discountMinor: rest('discountMinor'),
      netMinor: rest('netMinor'),
      vatMinor: rest('vatMinor'),
      totalMinor: rest('totalMinor'),
      ...terms,
    };
  }
  const figures = figuresOf(normHoursAmountMinor(Math.abs(hours), target.rateMinor), {
    rateMinor: target.rateMinor,
    discountRateMilli: target.discountRateMilli ?? 0,
    vatMode: target.vatMode ?? 'none',
    vatRateMilli: target.vatRateMilli ?? 0,
  });
  return { ...signed(figures, hours < 0 ? -1 : 1), ...terms };
}
