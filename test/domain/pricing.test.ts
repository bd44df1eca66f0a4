import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ArithmeticRangeError, divRound, mulDivRound, safeSum, splitEvenly } from '../../worker/domain/money';
import {
  discountMinor,
  lineAmountMinor,
  lineNormHoursCenti,
  priceEstimate,
  priceQuote,
  totalsOf,
  vatMinor,
  type VatMode,
} from '../../worker/domain/pricing';

/** An independent reference for half-away-from-zero division: sign × floor((2|n| + d) / 2d). */
function referenceRound(n: bigint, d: bigint): bigint {
  const abs = n < 0n ? -n : n;
  const r = (2n * abs + d) / (2n * d);
  return n < 0n ? -r : r;
}

const quantity = fc.integer({ min: 1, max: 10_000_000 }); // up to 10 000 units
const hours = fc.integer({ min: 1, max: 10_000 }); // up to 100 h per unit
const k = fc.integer({ min: 0, max: 5_000 });
const rate = fc.integer({ min: 1, max: 1_000_000_000 }); // up to 10 000 000 ₽
const rateMilli = fc.integer({ min: 0, max: 1_000 });
const vatMode = fc.constantFrom<VatMode>('none', 'on_top', 'included');
const line = fc.record({ quantityMilli: quantity, hoursCenti: hours, kMilli: k });

describe('ROUND, half away from zero (Excel)', () => {
  it('matches the textbook cases', () => {
    expect(divRound(5n, 2n)).toBe(3n); // 2.5 → 3
    expect(divRound(-5n, 2n)).toBe(-3n); // −2.5 → −3 (not banker's −2)
    expect(divRound(249n, 100n)).toBe(2n);
    expect(divRound(250n, 100n)).toBe(3n);
    expect(divRound(-250n, 100n)).toBe(-3n);
    expect(divRound(0n, 7n)).toBe(0n);
  });

  it('agrees with an independent formula for any numerator and denominator', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), fc.bigInt({ min: 1n, max: 10n ** 12n }), (n, d) => {
        expect(divRound(n, d)).toBe(referenceRound(n, d));
      }),
    );
  });

  it('the number path (a product of safe integers, divided and rounded) is the BigInt one, up to 2^53 and past it', () => {
    const factor = fc.oneof(
      fc.integer({ min: -10_000_000, max: 10_000_000 }),
      fc.integer({ min: -1000, max: 1000 }),
      fc.constantFrom(0, 1, -1, 500, 2_147_483_647, Number.MAX_SAFE_INTEGER),
    );
    fc.assert(
      fc.property(
        fc.array(factor, { minLength: 1, maxLength: 4 }),
        fc.constantFrom(1, 2, 100, 1000, 1220, 1_000_000, 100_000_000),
        (factors, d) => {
          const exact = divRound(
            factors.reduce((p, f) => p * BigInt(f), 1n),
            BigInt(d),
          );
          const safe = exact <= BigInt(Number.MAX_SAFE_INTEGER) && exact >= BigInt(Number.MIN_SAFE_INTEGER);
          if (safe) expect(mulDivRound(factors, d)).toBe(Number(exact));
          else expect(() => mulDivRound(factors, d)).toThrow(ArithmeticRangeError);
        },
      ),
      { numRuns: 2000 },
    );
    // halves, both signs, and products just below and past 2^53
    expect(mulDivRound([250], 100)).toBe(3);
    expect(mulDivRound([-250], 100)).toBe(-3);
    expect(mulDivRound([249], 100)).toBe(2);
    expect(mulDivRound([2 ** 26, 2 ** 26, 2], 4)).toBe(2 ** 51);
    expect(mulDivRound([2 ** 27, 2 ** 27 - 1, 1001], 1_000_000)).toBe(Number(divRound(2n ** 27n * (2n ** 27n - 1n) * 1001n, 1_000_000n)));
    expect(Object.is(mulDivRound([0, -5], 7), 0)).toBe(true);
    expect(() => mulDivRound([0.5], 1)).toThrow(ArithmeticRangeError);
  });

  it('a sum stays exact, and refuses what no safe integer holds', () => {
    expect(safeSum([Number.MAX_SAFE_INTEGER, 1, -2])).toBe(Number.MAX_SAFE_INTEGER - 1);
    expect(() => safeSum([Number.MAX_SAFE_INTEGER, 1])).toThrow(ArithmeticRangeError);
    expect(safeSum([])).toBe(0);
  });

  it('never rounds away more than half a unit', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.bigInt({ min: 1n, max: 10n ** 9n }), (n, d) => {
        const error = divRound(n, d) * d - n;
        expect(2n * (error < 0n ? -error : error) <= d).toBe(true);
      }),
    );
  });
});

describe('line amount = ROUND(quantity × hours × K × rate, 2)', () => {
  it('prices the seed’s examples to the kopeck', () => {
    // 2.5 Implementation: 64 h × K 1 × 3 000 ₽ = 192 000,00 ₽
    expect(lineAmountMinor({ quantityMilli: 1000, hoursCenti: 6400, kMilli: 1000 }, 300_000)).toBe(19_200_000);
    // a content task of 10 h at K 0.6: 10 × 0.6 × 3 000 = 18 000,00 ₽ and 6 norm-hours
    expect(lineAmountMinor({ quantityMilli: 1000, hoursCenti: 1000, kMilli: 600 }, 300_000)).toBe(1_800_000);
    expect(lineNormHoursCenti({ quantityMilli: 1000, hoursCenti: 1000, kMilli: 600 })).toBe(600);
    // 1.5 × 0.33 h × 0.6 × 1 234.57 ₽ = 366.667… ₽ → 366.67 ₽
    expect(lineAmountMinor({ quantityMilli: 1500, hoursCenti: 33, kMilli: 600 }, 123_457)).toBe(36_667);
    // half a kopeck rounds away from zero: 0.5 × 0.01 h × 1 × 1.00 ₽ = 0.005 ₽ → 0.01 ₽
    expect(lineAmountMinor({ quantityMilli: 500, hoursCenti: 1, kMilli: 1000 }, 100)).toBe(1);
  });

  it('a line waiting for its hours has no amount', () => {
    expect(lineAmountMinor({ quantityMilli: 1000, hoursCenti: null, kMilli: 1000 }, 300_000)).toBeNull();
    expect(lineNormHoursCenti({ quantityMilli: 1000, hoursCenti: null, kMilli: 1000 })).toBeNull();
  });

  it('is exact, with no overflow, for quantities up to 10 000 and rates up to 10 000 000 ₽', () => {
    fc.assert(
      fc.property(line, rate, (l, r) => {
        const exact = referenceRound(BigInt(l.quantityMilli) * BigInt(l.hoursCenti) * BigInt(l.kMilli) * BigInt(r), 100_000_000n);
        expect(BigInt(lineAmountMinor(l, r)!)).toBe(exact);
        expect(Number.isSafeInteger(lineAmountMinor(l, r))).toBe(true);
      }),
    );
  });

  it('refuses, rather than rounding silently, amounts beyond exact integers', () => {
    const huge = { quantityMilli: 10_000_000, hoursCenti: 10_000_000, kMilli: 5_000 };
    expect(() => lineAmountMinor(huge, 1_000_000_000)).toThrow(ArithmeticRangeError);
  });

  it('refuses a total beyond exact integers even when the subtotal and the VAT each fit (VAT on top)', () => {
    // found by the debit-money property: net ≈ VAT ≈ 2^52, their sum past 2^53
    const lines = [
      { quantityMilli: 5_302_363, hoursCenti: 8_314_692, kMilli: 12 },
      { quantityMilli: 1_698_715, hoursCenti: 5, kMilli: 2470 },
      { quantityMilli: 6_263_625, hoursCenti: 23, kMilli: 596 },
    ];
    const terms = { rateMinor: 851_089_455, discountRateMilli: 0, vatMode: 'on_top' as const, vatRateMilli: 1000 };
    expect(() => priceQuote(lines, terms)).toThrow(ArithmeticRangeError);
    expect(priceQuote(lines, { ...terms, vatMode: 'none' }).totals.totalMinor).toBeLessThanOrEqual(Number.MAX_SAFE_INTEGER);
  });
});

describe('quote totals', () => {
  const terms = fc.record({
    discountRateMilli: rateMilli,
    vatMode,
    vatRateMilli: rateMilli,
    rateMinor: fc.integer({ min: 1, max: 10_000_000 }),
  });
  const lines = fc.array(fc.record({ quantityMilli: fc.integer({ min: 1, max: 100_000 }), hoursCenti: hours, kMilli: k }), {
    maxLength: 40,
  });

  it('total = Σ lines − discount + VAT (on top), or net with VAT inside (included), or net (none)', () => {
    fc.assert(
      fc.property(lines, terms, (ls, tm) => {
        const { lines: priced, totals } = priceQuote(ls, tm);
        const sumOfLines = priced.reduce((s, l) => s + l.amountMinor!, 0);
        expect(totals.subtotalMinor).toBe(sumOfLines);
        expect(totals.discountMinor).toBe(Number(referenceRound(BigInt(sumOfLines) * BigInt(tm.discountRateMilli), 1000n)));
        expect(totals.netMinor).toBe(sumOfLines - totals.discountMinor);
        if (tm.vatMode === 'on_top') expect(totals.totalMinor).toBe(totals.netMinor + totals.vatMinor);
        else expect(totals.totalMinor).toBe(totals.netMinor);
        if (tm.vatMode === 'none') expect(totals.vatMinor).toBe(0);
        expect(totals.normHoursCenti).toBe(priced.reduce((s, l) => s + l.normHoursCenti!, 0));
      }),
    );
  });

  it('included VAT of an on-top total is exactly the on-top VAT', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000_000 }), rateMilli, (net, r) => {
        const onTop = vatMinor(net, 'on_top', r);
        expect(vatMinor(net + onTop, 'included', r)).toBe(onTop);
      }),
    );
  });

  it('VAT included = ROUND(net × r / (1 + r), 2): 22 % inside 122 000 ₽ is 22 000 ₽', () => {
    expect(vatMinor(12_200_000, 'included', 220)).toBe(2_200_000);
    expect(vatMinor(10_000_000, 'on_top', 220)).toBe(2_200_000);
    expect(vatMinor(10_000_000, 'none', 220)).toBe(0);
  });

  it('a discount never exceeds the subtotal and 100 % leaves nothing', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 13 }), rateMilli, (subtotal, d) => {
        const discount = discountMinor(subtotal, d);
        expect(discount).toBeGreaterThanOrEqual(0);
        expect(discount).toBeLessThanOrEqual(subtotal);
      }),
    );
    expect(discountMinor(12_345, 1000)).toBe(12_345);
  });

  it('incomplete lines count as nothing and are counted', () => {
    const totals = totalsOf(
      [
        { amountMinor: 1000, normHoursCenti: 10 },
        { amountMinor: null, normHoursCenti: null },
      ],
      { discountRateMilli: 0, vatMode: 'none', vatRateMilli: 0 },
    );
    expect(totals).toMatchObject({ subtotalMinor: 1000, normHoursCenti: 10, incompleteLines: 1 });
  });

  it('the issue’s example: 2.2 + 2.5 + a 10 h content task at K 0.6, 3 000 ₽, VAT 22 % on top', () => {
    const { totals } = priceQuote(
      [
        { quantityMilli: 1000, hoursCenti: 2000, kMilli: 1000 },
        { quantityMilli: 1000, hoursCenti: 6400, kMilli: 1000 },
        { quantityMilli: 1000, hoursCenti: 1000, kMilli: 600 },
      ],
      { rateMinor: 300_000, vatMode: 'on_top', vatRateMilli: 220, discountRateMilli: 0 },
    );
    expect(totals).toMatchObject({
      subtotalMinor: 27_000_000, // 60 000 + 192 000 + 18 000
      vatMinor: 5_940_000,
      totalMinor: 32_940_000,
      normHoursCenti: 9000, // 20 + 64 + 6
    });
  });
});

describe('crowdfunding estimates and splitting', () => {
  it('price = Σ ROUND(hours × K × rate, 2)', () => {
    expect(
      priceEstimate(
        [
          { hoursCenti: 4000, kMilli: 1000 },
          { hoursCenti: 1000, kMilli: 600 },
        ],
        300_000,
      ),
    ).toEqual({ priceMinor: 13_800_000, normHoursCenti: 4600 });
  });

  it('a remainder split among N adds up to the kopeck and differs by at most one', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(10 ** 12), max: 10 ** 12 }), fc.integer({ min: 1, max: 50 }), (total, n) => {
        const shares = splitEvenly(total, n);
        expect(shares).toHaveLength(n);
        expect(shares.reduce((a, b) => a + b, 0)).toBe(total);
        expect(Math.max(...shares) - Math.min(...shares)).toBeLessThanOrEqual(1);
      }),
    );
    expect(splitEvenly(10_000, 3)).toEqual([3334, 3333, 3333]);
  });
});
