/**
 * The rules of a ledger entry other than a stage's debit (domain/ledger.ts): when it may be dated
 * (never in the future, a closed month or further back than the settings allow), the money it
 * carries and on what terms, a top-up as a payment of money or of norm-hours, and a correction —
 * which entry it may name and how much of that entry's hours and money it takes back, so an entry
 * reversed in full is reversed to the kopeck. Pure: the store writes what these decide.
 */
import { addDays, isRealDate, localDate, localMidnightUtc } from './calendar';
import { figuresOf, hoursMoney, type MoneyFigures } from './debit-money';
import type { LedgerKind, VatMode } from './enums';
import { formatDay, formatFixed, formatMoney, type Lang } from './format';
import { ArithmeticRangeError } from './money';
import { normHoursAmountMinor } from './pricing';
import { decided, fieldRefusal, refusal, refused, type Decided, type Refusal } from './refusal';
import { topupFromHours, topupFromMoney, type TopupAmounts } from './topup';
import { ACCOUNTING_REFUSAL_WORDS } from './words/accounting';
import { monthTitle } from './words/months';
import { both, bothOf } from './words/words';

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
