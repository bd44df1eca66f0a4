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

/**
 * factors[0] × factors[1] × … / denominator, rounded as `divRound`, as a number. When the product
 * is a safe integer, every partial product was too (each factor is a nonzero integer, or the
 * product is 0), so plain number arithmetic is exact: `%` and the division of an exact multiple
 * are exact on integers below 2^53. Beyond that it falls back to BigInt (and `toSafe`'s refusal).
 * A quote read prices every line this way; BigInt for each of them was most of its CPU.
 */
export function mulDivRound(factors: readonly number[], denominator: number): number {
  let product = 1;
  for (const f of factors) {
    if (!Number.isSafeInteger(f)) throw new ArithmeticRangeError(`${f} is not a safe integer`);
    product *= f;
  }
  if (!Number.isSafeInteger(denominator) || denominator <= 0) throw new ArithmeticRangeError('denominator must be a positive safe integer');
  if (!Number.isSafeInteger(product)) {
    let exact = 1n;
    for (const f of factors) exact *= BigInt(f);
    return toSafe(divRound(exact, BigInt(denominator)));
  }
  const remainder = product % denominator; // same sign as product
  const quotient = (product - remainder) / denominator;
  if (remainder === 0 || Math.abs(remainder) * 2 < denominator) return quotient + 0; // + 0: never -0
  return product < 0 ? quotient - 1 : quotient + 1;
}

/** Σ values exactly, refusing a total JSON or D1 could not hold (as `sum`, without BigInt while it stays safe). */
export function safeSum(values: readonly number[]): number {
  let total = 0;
  for (const v of values) {
    if (!Number.isSafeInteger(v)) throw new ArithmeticRangeError(`${v} is not a safe integer`);
    total += v;
    if (!Number.isSafeInteger(total)) return sum(values);
  }
  return total;
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
