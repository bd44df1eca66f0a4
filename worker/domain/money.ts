/**
 * Exact integer arithmetic for money and hours. Values travel as JS numbers (safe
 * integers); every product is taken in BigInt, so no intermediate is ever rounded by
 * floating point, and the one rounding rule is Excel's ROUND: half away from zero.
 */

export class ArithmeticRangeError extends RangeError {}

/** numerator / denominator rounded half away from zero (Excel's ROUND to the unit). */
export function divRound(numerator: bigint, denominator: bigint): bigint {
  if (denominator <= 0n) throw new ArithmeticRangeError('denominator must be positive');
  const quotient = numerator / denominator; // truncates toward zero
  const remainder = numerator % denominator;
  if (remainder === 0n) return quotient;
  const twiceRemainder = (remainder < 0n ? -remainder : remainder) * 2n;
  if (twiceRemainder < denominator) return quotient;
  return numerator < 0n ? quotient - 1n : quotient + 1n;
}

/** A BigInt back to a number, refusing anything JSON or D1 could not hold exactly. */
export function toSafe(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new ArithmeticRangeError(`value ${value} is outside the safe integer range`);
  }
  return Number(value);
}

export function big(value: number): bigint {
  if (!Number.isSafeInteger(value)) throw new ArithmeticRangeError(`${value} is not a safe integer`);
  return BigInt(value);
}

export function sum(values: readonly number[]): number {
  let total = 0n;
  for (const v of values) total += big(v);
  return toSafe(total);
}

/** Splits `total` into `parts` integer shares that differ by at most one and add up exactly. */
export function splitEvenly(total: number, parts: number): number[] {
  if (!Number.isSafeInteger(parts) || parts < 1) throw new ArithmeticRangeError('parts must be a positive integer');
  const t = big(total);
  const n = BigInt(parts);
  const base = t / n;
  let remainder = t - base * n; // same sign as total
  const step = remainder < 0n ? -1n : 1n;
  const shares: number[] = [];
  for (let i = 0; i < parts; i++) {
    let share = base;
    if (remainder !== 0n) {
      share += step;
      remainder -= step;
    }
    shares.push(toSafe(share));
  }
  return shares;
}
