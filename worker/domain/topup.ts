/**
 * Top-ups are payments (DOMAIN.md, second round): an amount in money or in norm-hours, the other
 * side computed at the rate of the day and stored with it:
 *   money → norm-hours = ROUND(amount ÷ rate, 2)
 *   norm-hours → money = ROUND(norm-hours × rate, 2)
 * Exact (BigInt), half away from zero. Both sides must come out positive: a payment too small to
 * buy 0.01 norm-hour (or hours worth less than a kopeck) is refused rather than recorded as nothing.
 */
import { ArithmeticRangeError, big, divRound, toSafe } from './money';

export interface TopupAmounts {
  amountMinor: number;
  normHoursCenti: number;
  rateMinor: number;
}

function positive(value: number, what: string): bigint {
  const v = big(value);
  if (v <= 0n) throw new ArithmeticRangeError(`${what} must be positive`);
  return v;
}

/** A payment in money: the norm-hours it buys, ROUND(amount ÷ rate, 2). */
export function topupFromMoney(amountMinor: number, rateMinor: number): TopupAmounts {
  const amount = positive(amountMinor, 'the amount');
  const rate = positive(rateMinor, 'the rate');
  const normHoursCenti = toSafe(divRound(amount * 100n, rate));
  if (normHoursCenti === 0) throw new ArithmeticRangeError('the amount buys less than 0.01 norm-hour at this rate');
  return { amountMinor, normHoursCenti, rateMinor };
}

/** A payment in norm-hours: the money they are worth, ROUND(norm-hours × rate, 2). */
export function topupFromHours(normHoursCenti: number, rateMinor: number): TopupAmounts {
  const hours = positive(normHoursCenti, 'the norm-hours');
  const rate = positive(rateMinor, 'the rate');
  const amountMinor = toSafe(divRound(hours * rate, 100n));
  if (amountMinor === 0) throw new ArithmeticRangeError('the norm-hours are worth less than one minor unit at this rate');
  return { amountMinor, normHoursCenti, rateMinor };
}
