import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allocateLargestRemainder,
  debitMoney,
  orderMoneyPlan,
  stageEstimate,
  type DebitMoney,
  type MoneyFigures,
  type QuoteTerms,
  type StageEstimate,
} from '../../worker/domain/debit-money';
import { stageDebit, type StageLine } from '../../worker/domain/ledger';
import { ArithmeticRangeError } from '../../worker/domain/money';
import { priceQuote, type LineInput, type VatMode } from '../../worker/domain/pricing';
import { topupFromHours, topupFromMoney } from '../../worker/domain/topup';

/** Independent half-away-from-zero division: sign × ⌊(2|n| + d) / 2d⌋. */
function ref(n: bigint, d: bigint): bigint {
  const abs = n < 0n ? -n : n;
  const r = (2n * abs + d) / (2n * d);
  return n < 0n ? -r : r;
}

const FIGURES = ['subtotalMinor', 'discountMinor', 'netMinor', 'vatMinor', 'totalMinor'] as const;
const sumOf = (rows: readonly MoneyFigures[]): MoneyFigures =>
  Object.fromEntries(FIGURES.map((f) => [f, rows.reduce((s, r) => s + r[f], 0)])) as unknown as MoneyFigures;
const figures = (x: MoneyFigures): MoneyFigures => Object.fromEntries(FIGURES.map((f) => [f, x[f]])) as unknown as MoneyFigures;

function expectConsistent(x: MoneyFigures, mode: VatMode): void {
  for (const f of FIGURES) expect(x[f]).toBeGreaterThanOrEqual(0);
  expect(x.netMinor).toBe(x.subtotalMinor - x.discountMinor);
  expect(x.totalMinor).toBe(mode === 'on_top' ? x.netMinor + x.vatMinor : x.netMinor);
  if (mode === 'none') expect(x.vatMinor).toBe(0);
}

/** Items add up to their debit, figure by figure and in norm-hours, and each is consistent. */
function expectItemsAddUp(d: DebitMoney, mode: VatMode): void {
  expect(sumOf(d.items)).toEqual(figures(d));
  expect(d.items.reduce((s, i) => s + i.normHoursCenti, 0)).toBe(d.normHoursCenti);
  for (const item of d.items) expectConsistent(item, mode);
}

/** |share − total × part / whole| < 1, in integers (a zero whole leaves nothing to share). */
function withinOne(share: number, total: number, part: number, whole: number): boolean {
  if (whole === 0) return share === 0;
  const gap = BigInt(share) * BigInt(whole) - BigInt(total) * BigInt(part);
  return (gap < 0n ? -gap : gap) < BigInt(whole);
}

const L = (hoursCenti: number, kMilli = 1000, quantityMilli = 1000): LineInput => ({ quantityMilli, hoursCenti, kMilli });
const stageLine = (lineId: number, l: LineInput, actualTime = false): StageLine => ({
  lineId,
  code: `x${lineId}`,
  title: `line ${lineId}`,
  categoryName: 'c',
  mode: actualTime ? 'estimate' : 'fixed',
  actualTime,
  quantityMilli: l.quantityMilli,
  hoursCenti: l.hoursCenti ?? 0,
  kMilli: l.kMilli,
});

// ---- generators: the API's limits (schema/api.ts), and a bounded variant that never overflows ----
const vatMode = fc.constantFrom<VatMode>('none', 'on_top', 'included');
const rateMilli = fc.integer({ min: 0, max: 1000 });
const termsOf = (maxRate: number) =>
  fc.record({ rateMinor: fc.integer({ min: 1, max: maxRate }), discountRateMilli: rateMilli, vatMode, vatRateMilli: rateMilli });
const lineOf = (max: number) =>
  fc.record({
    quantityMilli: fc.integer({ min: 1, max }),
    hoursCenti: fc.integer({ min: 1, max }),
    kMilli: fc.integer({ min: 0, max: 5000 }),
    actualTime: fc.boolean(),
  });
/** How lines become stages: one per line, all in one, or random groups (group ids per line). */
const split = fc.oneof(
  fc.constant<'line' | 'single'>('line'),
  fc.constant<'line' | 'single'>('single'),
  fc.array(fc.nat({ max: 14 }), { minLength: 15, maxLength: 15 }),
);
const quoteOf = (max: number, maxRate: number, bounded: boolean) =>
  fc.record({
    lines: fc.array(lineOf(max), { minLength: 1, maxLength: 15 }),
    terms: termsOf(maxRate),
    split,
    bounded: fc.constant(bounded),
  });
// ≤ 15 lines × 100 units × 1 000 h × K 5 × 100 000 ₽ stays far inside safe integers; the full range may not.
const quote = fc.oneof(
  { arbitrary: quoteOf(100_000, 10_000_000, true), weight: 3 },
  { arbitrary: quoteOf(10_000_000, 1_000_000_000, false), weight: 1 },
);
type Quote = typeof quote extends fc.Arbitrary<infer Q> ? Q : never;

/** Stage number → the indexes of its lines, numbered by first appearance. */
function stagesOf(q: Quote): Map<number, number[]> {
  const group = (i: number) => (q.split === 'line' ? i : q.split === 'single' ? 0 : q.split[i]!);
  const ns = new Map<number, number>();
  const stages = new Map<number, number[]>();
  q.lines.forEach((_, i) => {
    if (!ns.has(group(i))) ns.set(group(i), ns.size + 1);
    const n = ns.get(group(i))!;
    stages.set(n, [...(stages.get(n) ?? []), i]);
  });
  return stages;
}
const estimatesOf = (q: Quote, stages: Map<number, number[]>): StageEstimate[] =>
  [...stages].map(([n, idx]) =>
    stageEstimate(
      n,
      idx.map((i) => q.lines[i]!),
      q.terms.rateMinor,
    ),
  );
const stageLinesOf = (q: Quote, idx: number[]) => idx.map((i) => stageLine(i + 1, q.lines[i]!, q.lines[i]!.actualTime));

describe('the order’s money plan: the quote’s discount and VAT distributed over its stages', () => {
  it('stages add up to the quote’s totals exactly, each ≥ 0, deterministic, and debits at estimate are the plan', () => {
    fc.assert(
      fc.property(quote, (q) => {
        const stages = stagesOf(q);
        let totals: ReturnType<typeof priceQuote>['totals'];
        try {
          totals = priceQuote(q.lines, q.terms).totals;
        } catch (e) {
          expect(q.bounded).toBe(false);
          expect(e).toBeInstanceOf(ArithmeticRangeError);
          expect(() => orderMoneyPlan(q.terms, estimatesOf(q, stages))).toThrow(ArithmeticRangeError);
          return;
        }
        const estimates = estimatesOf(q, stages);
        const plan = orderMoneyPlan(q.terms, estimates);
        expect(plan.totals).toEqual({ ...figures(totals), normHoursCenti: totals.normHoursCenti });
        expect(sumOf(plan.stages)).toEqual(figures(totals));
        expect(plan.stages.map((s) => s.n)).toEqual([...stages.keys()]);
        for (const s of plan.stages) {
          expectConsistent(s, q.terms.vatMode);
          // each within one kopeck of its exact proportion: discount of the amount, VAT of the net
          expect(withinOne(s.discountMinor, totals.discountMinor, s.subtotalMinor, totals.subtotalMinor)).toBe(true);
          expect(withinOne(s.vatMinor, totals.vatMinor, s.netMinor, totals.netMinor)).toBe(true);
        }
        expect(orderMoneyPlan(q.terms, estimates)).toEqual(plan);
        expect(orderMoneyPlan(q.terms, [...estimates].reverse())).toEqual(plan);

        const debits = [...stages].map(([n, idx]) => debitMoney(plan, n, stageDebit(stageLinesOf(q, idx), q.terms.rateMinor, new Map())));
        const unpaid: MoneyFigures[] = []; // stages whose estimate rounds to 0 norm-hours debit nothing
        debits.forEach((d, i) => {
          const share = plan.stages[i]!;
          expectItemsAddUp(d, q.terms.vatMode);
          if (share.normHoursCenti === 0) {
            expect(d.basis).toBe('zero');
            expect(figures(d)).toEqual(sumOf([]));
            unpaid.push(figures(share));
          } else {
            expect(d.basis).toBe('estimate');
            expect(figures(d)).toEqual(figures(share));
            expect(d.difference).toEqual({ normHoursCenti: 0, ...sumOf([]) });
          }
        });
        expect(sumOf([...debits, ...unpaid])).toEqual(figures(totals));
      }),
      { numRuns: 300 },
    );
  });

  it('a debit off its estimate is computed directly from its norm-hours, with the difference from the plan', () => {
    const actuals = fc.array(fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: undefined }), { minLength: 15, maxLength: 15 });
    fc.assert(
      fc.property(quoteOf(100_000, 10_000_000, true), actuals, (q, spent) => {
        const stages = stagesOf(q);
        const plan = orderMoneyPlan(q.terms, estimatesOf(q, stages));
        const { rateMinor, discountRateMilli: d, vatMode: mode, vatRateMilli: r } = q.terms;
        for (const [n, idx] of stages) {
          const actual = new Map(idx.filter((i) => q.lines[i]!.actualTime && spent[i] !== undefined).map((i) => [i + 1, spent[i]!]));
          const debit = stageDebit(stageLinesOf(q, idx), rateMinor, actual);
          const money = debitMoney(plan, n, debit);
          const share = plan.stages.find((s) => s.n === n)!;
          expectItemsAddUp(money, mode);
          expect(money.normHoursCenti).toBe(debit.normHoursCenti);
          expect(money.difference).toEqual({
            normHoursCenti: money.normHoursCenti - share.normHoursCenti,
            ...Object.fromEntries(FIGURES.map((f) => [f, money[f] - share[f]])),
          });
          if (debit.normHoursCenti === 0) expect(figures(money)).toEqual(sumOf([]));
          else if (debit.normHoursCenti === share.normHoursCenti) expect(figures(money)).toEqual(figures(share));
          else {
            expect(money.basis).toBe('actual');
            const sub = debit.items.reduce((s, i) => s + ref(BigInt(i.normHoursCenti) * BigInt(rateMinor), 100n), 0n);
            const disc = ref(sub * BigInt(d), 1000n);
            const net = sub - disc;
            const vat = mode === 'none' ? 0n : mode === 'on_top' ? ref(net * BigInt(r), 1000n) : ref(net * BigInt(r), 1000n + BigInt(r));
            expect(money.subtotalMinor).toBe(Number(sub));
            expect(money.discountMinor).toBe(Number(disc));
            expect(money.vatMinor).toBe(Number(vat));
            expect(money.totalMinor).toBe(Number(mode === 'on_top' ? net + vat : net));
          }
        }
      }),
    );
  });
});

describe('hand examples', () => {
  // The quote: 2.2 (20 h) + 2.5 (64 h) + a 10 h content task at K 0.6, 3 000 ₽, 10 % discount, one stage per line.
  const lines = [L(2000), L(6400), L(1000, 600)];
  const termsWith = (vatMode: VatMode): QuoteTerms => ({ rateMinor: 300_000, discountRateMilli: 100, vatMode, vatRateMilli: 220 });
  const planOf = (terms: QuoteTerms) =>
    orderMoneyPlan(
      terms,
      lines.map((l, i) => stageEstimate(i + 1, [l], terms.rateMinor)),
    );
  const debit25 = () => stageDebit([stageLine(2, lines[1]!)], 300_000, new Map());

  it('2.5 with 10 % off and VAT 22 % on top: net 172 800 ₽, VAT 38 016 ₽, total 210 816 ₽ (not 192 000 ₽)', () => {
    expect(debit25().moneyMinor).toBe(19_200_000); // what the ledger recorded before: no discount, no VAT
    const money = debitMoney(planOf(termsWith('on_top')), 2, debit25());
    expect(money).toMatchObject({
      basis: 'estimate',
      normHoursCenti: 6400,
      subtotalMinor: 19_200_000,
      discountMinor: 1_920_000,
      netMinor: 17_280_000,
      vatMinor: 3_801_600,
      totalMinor: 21_081_600,
    });
    expect(planOf(termsWith('on_top')).totals).toMatchObject({ netMinor: 24_300_000, vatMinor: 5_346_000, totalMinor: 29_646_000 });
  });

  it('VAT included: 43 819,67 ₽ of the quote is split 9 737,71 + 31 160,65 + 2 921,31', () => {
    const plan = planOf(termsWith('included'));
    expect(plan.totals).toMatchObject({ netMinor: 24_300_000, vatMinor: 4_381_967, totalMinor: 24_300_000 });
    expect(plan.stages.map((s) => [s.netMinor, s.vatMinor, s.totalMinor])).toEqual([
      [5_400_000, 973_771, 5_400_000],
      [17_280_000, 3_116_065, 17_280_000],
      [1_620_000, 292_131, 1_620_000],
    ]);
    expect(debitMoney(plan, 2, debit25())).toMatchObject({ netMinor: 17_280_000, vatMinor: 3_116_065, totalMinor: 17_280_000 });
  });

  it('no VAT: total = net = 172 800 ₽ for 2.5', () => {
    expect(debitMoney(planOf(termsWith('none')), 2, debit25())).toMatchObject({
      netMinor: 17_280_000,
      vatMinor: 0,
      totalMinor: 17_280_000,
    });
  });

  it('three stages whose own rounding would charge a kopeck more than the quote add up to it exactly', () => {
    // 4 h + 4 h + 14 h of content work at K 0.6, 2 345,67 ₽, 10 % off, VAT 22 % on top.
    const terms: QuoteTerms = { rateMinor: 234_567, discountRateMilli: 100, vatMode: 'on_top', vatRateMilli: 220 };
    const ls = [L(400, 600), L(400, 600), L(1400, 600)];
    const totals = priceQuote(ls, terms).totals;
    expect(totals).toMatchObject({
      subtotalMinor: 3_096_285,
      discountMinor: 309_629,
      netMinor: 2_786_656,
      vatMinor: 613_064,
      totalMinor: 3_399_720,
    });
    // Each stage priced on its own: discounts 56 296 + 56 296 + 197 036 = 309 628, totals … = 3 399 721.
    const alone = ls.map((l) => priceQuote([l], terms).totals);
    expect(alone.reduce((s, t) => s + t.discountMinor, 0)).toBe(309_628);
    expect(alone.reduce((s, t) => s + t.totalMinor, 0)).toBe(3_399_721);
    const plan = orderMoneyPlan(
      terms,
      ls.map((l, i) => stageEstimate(i + 1, [l], terms.rateMinor)),
    );
    expect(plan.stages.map((s) => [s.subtotalMinor, s.discountMinor, s.netMinor, s.vatMinor, s.totalMinor])).toEqual([
      [562_961, 56_296, 506_665, 111_466, 618_131],
      [562_961, 56_296, 506_665, 111_466, 618_131],
      [1_970_363, 197_037, 1_773_326, 390_132, 2_163_458], // the left-over kopeck of discount goes to the largest remainder
    ]);
    expect(sumOf(plan.stages)).toEqual(figures(totals));
  });

  it('VAT follows the net: a stage the discount left at 0 gets no VAT', () => {
    // 0,01 ₽ + 0,01 ₽ at 50 % off: the one kopeck of discount goes to stage 1 (tie → lower number), so the VAT goes to stage 2.
    const plan = orderMoneyPlan({ rateMinor: 1, discountRateMilli: 500, vatMode: 'on_top', vatRateMilli: 1000 }, [
      { n: 1, estimateAmountMinor: 1, estimateNormHoursCenti: 100 },
      { n: 2, estimateAmountMinor: 1, estimateNormHoursCenti: 100 },
    ]);
    expect(plan.stages.map((s) => [s.discountMinor, s.netMinor, s.vatMinor, s.totalMinor])).toEqual([
      [1, 0, 0, 0],
      [0, 1, 1, 2],
    ]);
  });

  describe('actual time above and below the estimate (3 000 ₽, 10 % off, VAT 22 % on top)', () => {
    const sl = [stageLine(1, L(2000)), stageLine(2, L(1000), true), stageLine(3, L(1000, 600), true)];
    const terms = termsWith('on_top');
    const plan = orderMoneyPlan(terms, [stageEstimate(1, sl, 300_000)]);

    it('plan: 36 norm-hours, net 97 200 ₽, total 118 584 ₽', () => {
      expect(plan.stages[0]).toMatchObject({ normHoursCenti: 3600, netMinor: 9_720_000, vatMinor: 2_138_400, totalMinor: 11_858_400 });
    });

    it('12.5 h of consulting instead of 10: +2.5 norm-hours, +6 750 ₽ net, +8 235 ₽ total', () => {
      const money = debitMoney(plan, 1, stageDebit(sl, 300_000, new Map([[2, 1250]])));
      expect(money).toMatchObject({
        basis: 'actual',
        normHoursCenti: 3850,
        subtotalMinor: 11_550_000,
        discountMinor: 1_155_000,
        netMinor: 10_395_000,
        vatMinor: 2_286_900,
        totalMinor: 12_681_900,
      });
      expect(money.difference).toEqual({
        normHoursCenti: 250,
        subtotalMinor: 750_000,
        discountMinor: 75_000,
        netMinor: 675_000,
        vatMinor: 148_500,
        totalMinor: 823_500,
      });
      expect(money.items.map((i) => [i.lineId, i.normHoursCenti, i.netMinor, i.totalMinor])).toEqual([
        [1, 2000, 5_400_000, 6_588_000],
        [2, 1250, 3_375_000, 4_117_500],
        [3, 600, 1_620_000, 1_976_400],
      ]);
    });

    it('7.25 h of consulting and 13.33 h of content work (8.00 norm-hours): −0.75 norm-hours, −2 470,50 ₽ total', () => {
      const money = debitMoney(
        plan,
        1,
        stageDebit(
          sl,
          300_000,
          new Map([
            [2, 725],
            [3, 1333],
          ]),
        ),
      );
      expect(money).toMatchObject({
        basis: 'actual',
        normHoursCenti: 3525,
        netMinor: 9_517_500,
        vatMinor: 2_093_850,
        totalMinor: 11_611_350,
      });
      expect(money.difference).toMatchObject({ normHoursCenti: -75, netMinor: -202_500, totalMinor: -247_050 });
    });

    it('hours moved between lines with the same total norm-hours keep the plan’s money', () => {
      const money = debitMoney(
        plan,
        1,
        stageDebit(
          sl,
          300_000,
          new Map([
            [2, 1300],
            [3, 500],
          ]),
        ),
      ); // 13 + 5 × 0.6 = 16
      expect(money).toMatchObject({ basis: 'estimate', normHoursCenti: 3600, totalMinor: 11_858_400 });
      expect(money.items.map((i) => i.subtotalMinor)).toEqual([6_000_000, 3_900_000, 900_000]);
    });

    it('an odd rate rounds per debit like a line: 4.33 h × 0.6 at 2 345,67 ₽ = 2.60 norm-hours → 6 098,74 ₽', () => {
      const t: QuoteTerms = { ...terms, rateMinor: 234_567 };
      const one = [stageLine(1, L(400, 600), true)];
      const money = debitMoney(orderMoneyPlan(t, [stageEstimate(1, one, 234_567)]), 1, stageDebit(one, 234_567, new Map([[1, 433]])));
      expect(money).toMatchObject({
        normHoursCenti: 260,
        subtotalMinor: 609_874,
        discountMinor: 60_987,
        netMinor: 548_887,
        vatMinor: 120_755,
        totalMinor: 669_642,
      });
    });
  });

  describe('a stage worth 0 norm-hours', () => {
    const terms: QuoteTerms = { rateMinor: 300_000, discountRateMilli: 333, vatMode: 'included', vatRateMilli: 220 };

    it('K 0 lines: a zero share and a zero debit, the other stage carries everything', () => {
      const plan = orderMoneyPlan(terms, [stageEstimate(1, [L(1000, 0), L(3333, 0)], 300_000), stageEstimate(2, [L(1234)], 300_000)]);
      expect(figures(plan.stages[0]!)).toEqual(sumOf([]));
      expect(figures(plan.stages[1]!)).toEqual(figures(plan.totals));
      const money = debitMoney(plan, 1, stageDebit([stageLine(1, L(1000, 0)), stageLine(2, L(3333, 0))], 300_000, new Map()));
      expect(money).toMatchObject({ basis: 'zero', normHoursCenti: 0, ...sumOf([]) });
      expect(money.items.map(figures)).toEqual([sumOf([]), sumOf([])]);
    });

    it('actual time of 0 h debits nothing and shows the whole plan as the difference', () => {
      const plan = orderMoneyPlan(terms, [stageEstimate(1, [L(1000)], 300_000)]);
      const money = debitMoney(plan, 1, stageDebit([stageLine(1, L(1000), true)], 300_000, new Map([[1, 0]])));
      expect(money).toMatchObject({ basis: 'zero', totalMinor: 0 });
      expect(money.difference).toMatchObject({ normHoursCenti: -1000, totalMinor: -plan.totals.totalMinor });
    });

    it('a line of 0.004 norm-hours priced 12 ₽ on the quote rounds to 0 norm-hours and debits nothing', () => {
      const plan = orderMoneyPlan({ ...terms, discountRateMilli: 0, vatMode: 'none' }, [stageEstimate(1, [L(1, 400)], 300_000)]);
      expect(plan.stages[0]).toMatchObject({ normHoursCenti: 0, totalMinor: 1200 });
      const money = debitMoney(plan, 1, stageDebit([stageLine(1, L(1, 400))], 300_000, new Map()));
      expect(money).toMatchObject({ basis: 'zero', totalMinor: 0, difference: { normHoursCenti: 0, totalMinor: -1200 } });
    });
  });

  it('refuses terms, stages and debits it cannot price', () => {
    const ok: QuoteTerms = termsWith('on_top');
    expect(() => orderMoneyPlan({ ...ok, rateMinor: 0 }, [])).toThrow(ArithmeticRangeError);
    expect(() => orderMoneyPlan({ ...ok, discountRateMilli: 1001 }, [])).toThrow(ArithmeticRangeError);
    expect(() => orderMoneyPlan(ok, [{ n: 1, estimateAmountMinor: -1, estimateNormHoursCenti: 0 }])).toThrow(ArithmeticRangeError);
    expect(() =>
      orderMoneyPlan(ok, [
        { n: 1, estimateAmountMinor: 1, estimateNormHoursCenti: 1 },
        { n: 1, estimateAmountMinor: 1, estimateNormHoursCenti: 1 },
      ]),
    ).toThrow(RangeError);
    expect(() => debitMoney(planOf(ok), 9, debit25())).toThrow(RangeError);
    expect(orderMoneyPlan(ok, []).totals).toEqual({ normHoursCenti: 0, ...sumOf([]) });
  });
});

describe('largest remainder', () => {
  it('adds up exactly, each share within one unit of its proportion', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 ** 12 }),
        fc.array(fc.integer({ min: 0, max: 10 ** 9 }), { minLength: 1, maxLength: 20 }),
        (total, ws) => {
          fc.pre(ws.some((w) => w > 0));
          const shares = allocateLargestRemainder(total, ws);
          expect(shares.reduce((a, b) => a + b, 0)).toBe(total);
          const W = BigInt(ws.reduce((a, b) => a + b, 0));
          shares.forEach((s, i) => {
            const gap = BigInt(s) * W - BigInt(total) * BigInt(ws[i]!);
            expect(gap > -W && gap < W).toBe(true);
          });
        },
      ),
    );
  });

  it('equal remainders go to the earlier stage; zero weights get nothing', () => {
    expect(allocateLargestRemainder(2, [1, 1, 1])).toEqual([1, 1, 0]);
    expect(allocateLargestRemainder(5, [0, 3, 0, 3])).toEqual([0, 3, 0, 2]);
    expect(allocateLargestRemainder(0, [0, 0])).toEqual([0, 0]);
    expect(() => allocateLargestRemainder(1, [0, 0])).toThrow(ArithmeticRangeError);
    expect(() => allocateLargestRemainder(-1, [1])).toThrow(ArithmeticRangeError);
  });
});

describe('top-ups are payments', () => {
  it('money → norm-hours = ROUND(amount ÷ rate, 2), half away from zero', () => {
    // 100 000 ₽ → 33.33
    expect(topupFromMoney(10_000_000, 300_000)).toEqual({ amountMinor: 10_000_000, normHoursCenti: 3333, rateMinor: 300_000 });
    expect(topupFromMoney(1500, 300_000).normHoursCenti).toBe(1); // 15 ₽ = 0.005 h → 0.01
    expect(topupFromMoney(20_000_000, 300_000).normHoursCenti).toBe(6667); // 66.666… → 66.67
  });

  it('norm-hours → money = ROUND(norm-hours × rate, 2), half away from zero', () => {
    expect(topupFromHours(3333, 300_000)).toEqual({ amountMinor: 9_999_000, normHoursCenti: 3333, rateMinor: 300_000 });
    expect(topupFromHours(1, 123_450).amountMinor).toBe(1235); // 12,345 ₽ → 12,35 ₽
    expect(topupFromHours(1, 123_449).amountMinor).toBe(1234);
  });

  it('agrees with an independent formula; hours → money → hours is exact at a rate of at least 1 ₽', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10 ** 12 }),
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.integer({ min: 1, max: 1_000_000_000 }),
        (amount, hours, rate) => {
          const toHours = ref(BigInt(amount) * 100n, BigInt(rate));
          if (toHours === 0n) expect(() => topupFromMoney(amount, rate)).toThrow(ArithmeticRangeError);
          else expect(topupFromMoney(amount, rate).normHoursCenti).toBe(Number(toHours));
          const toMoney = ref(BigInt(hours) * BigInt(rate), 100n);
          if (toMoney === 0n) expect(() => topupFromHours(hours, rate)).toThrow(ArithmeticRangeError);
          else expect(topupFromHours(hours, rate).amountMinor).toBe(Number(toMoney));
          if (rate >= 100) expect(topupFromMoney(topupFromHours(hours, rate).amountMinor, rate).normHoursCenti).toBe(hours);
        },
      ),
    );
  });

  it('refuses non-positive inputs, amounts that buy nothing, and overflow', () => {
    for (const [a, r] of [
      [0, 300_000],
      [-100, 300_000],
      [100, 0],
      [100, -1],
      [1.5, 300_000],
    ] as const) {
      expect(() => topupFromMoney(a, r)).toThrow(ArithmeticRangeError);
      expect(() => topupFromHours(a, r)).toThrow(ArithmeticRangeError);
    }
    expect(() => topupFromMoney(1499, 300_000)).toThrow(ArithmeticRangeError); // 0.004997 h rounds to 0
    expect(() => topupFromHours(1, 49)).toThrow(ArithmeticRangeError); // 0,49 kopeck rounds to 0
    expect(() => topupFromMoney(Number.MAX_SAFE_INTEGER, 1)).toThrow(ArithmeticRangeError);
    expect(() => topupFromHours(Number.MAX_SAFE_INTEGER, 1_000_000_000)).toThrow(ArithmeticRangeError);
  });
});
