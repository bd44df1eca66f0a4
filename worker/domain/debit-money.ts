/**
 * Money of a debit (DOMAIN.md, second round):
 *   money = norm-hours × the order's rate, less the accepted quote's discount rate, rounded per
 *   debit like a line; VAT as the quote had it (on top / included / none); net, VAT and total.
 *   When every stage is signed off at its estimate, the debits add up to the accepted quote's
 *   totals to the kopeck.
 *
 * How:
 *  - `orderMoneyPlan` takes the quote's ONE discount, ROUND(S × d, 2), and ONE VAT (from the
 *    quote's net, by mode) and distributes each over the stages by largest remainder — the
 *    discount in proportion to the stages' estimate amounts, the VAT in proportion to their nets —
 *    so Σ stages == `totalsOf` of the quote exactly. It depends only on the order's stages (ties go
 *    to the lower stage number, whatever the input order), so each sign-off recomputes it and
 *    takes its own stage's share.
 *  - `debitMoney`: a stage debited at its estimate norm-hours gets exactly its share; otherwise the
 *    money is computed directly (Σ ROUND(norm-hours × rate) per item, then discount and VAT on
 *    that), with the difference from the plan; a stage debiting 0 norm-hours is all zeros.
 *  - Items split their stage's figures by largest remainder again, so the itemised report adds up.
 * Pure; integers only (money in minor units, hours in hundredths, rates in thousandths).
 */
import { ArithmeticRangeError, big, toSafe } from './money';
import { VAT_MODES, type VatMode } from './enums';
import { discountMinor, lineAmountMinor, lineNormHoursCenti, normHoursAmountMinor, vatMinor, type LineInput } from './pricing';

/** The accepted quote's terms, frozen on the order. */
export interface QuoteTerms {
  rateMinor: number;
  discountRateMilli: number;
  vatMode: VatMode;
  vatRateMilli: number;
}

export interface MoneyFigures {
  subtotalMinor: number;
  discountMinor: number;
  netMinor: number;
  vatMinor: number;
  totalMinor: number;
}

/** A stage at its estimate: Σ of its lines' amounts and norm-hours exactly as the quote priced them. */
export interface StageEstimate {
  n: number;
  estimateAmountMinor: number;
  estimateNormHoursCenti: number;
}

/** A stage's part of the accepted quote's money. */
export interface StageShare extends MoneyFigures {
  n: number;
  normHoursCenti: number;
}

export interface OrderMoneyPlan {
  terms: QuoteTerms;
  /** Equal to the quote's `totalsOf` (and its norm-hours). */
  totals: MoneyFigures & { normHoursCenti: number };
  /** One per stage, ordered by stage number. */
  stages: StageShare[];
}

/** What `stageDebit` debits per item; only the norm-hours matter for money. */
export interface DebitItemHours {
  lineId: number;
  normHoursCenti: number;
}

export interface ItemMoney extends MoneyFigures {
  lineId: number;
  normHoursCenti: number;
}

export interface DebitMoney extends MoneyFigures {
  n: number;
  normHoursCenti: number;
  /** 'estimate': the plan's share; 'actual': computed from the debited norm-hours; 'zero': nothing debited. */
  basis: 'estimate' | 'actual' | 'zero';
  /** «план»: the stage's share of the quote. */
  plan: StageShare;
  /** «разница»: this debit minus the plan, hours and money (positive = overrun). */
  difference: MoneyFigures & { normHoursCenti: number };
  /** Per debit item, in the debit's order; each figure adds up to the stage's. */
  items: ItemMoney[];
}

const ZERO: MoneyFigures = { subtotalMinor: 0, discountMinor: 0, netMinor: 0, vatMinor: 0, totalMinor: 0 };

function checkTerms(terms: QuoteTerms): void {
  const { rateMinor, discountRateMilli, vatRateMilli, vatMode } = terms;
  if (!Number.isSafeInteger(rateMinor) || rateMinor < 1) throw new ArithmeticRangeError('the rate must be a positive integer');
  if (!Number.isSafeInteger(discountRateMilli) || discountRateMilli < 0 || discountRateMilli > 1000) {
    throw new ArithmeticRangeError('the discount rate must be 0..1000 thousandths');
  }
  if (!Number.isSafeInteger(vatRateMilli) || vatRateMilli < 0)
    throw new ArithmeticRangeError('the VAT rate must be a non-negative integer');
  if (!VAT_MODES.includes(vatMode)) throw new RangeError(`unknown VAT mode ${String(vatMode)}`);
}

function nonNegative(value: number, what: string): bigint {
  const v = big(value);
  if (v < 0n) throw new ArithmeticRangeError(`${what} must not be negative`);
  return v;
}

/**
 * Splits `total` (≥ 0) into integer shares proportional to `weights` (≥ 0) that add up exactly:
 * each share is ⌊total × w / Σw⌋, and the units left over go one each to the largest remainders,
 * equal remainders to the earlier index. Each share is within one unit of its exact proportion.
 */
export function allocateLargestRemainder(total: number, weights: readonly number[]): number[] {
  const t = nonNegative(total, 'an allocated total');
  const ws = weights.map((w) => nonNegative(w, 'a weight'));
  const sumW = ws.reduce((a, b) => a + b, 0n);
  if (sumW === 0n) {
    if (t !== 0n) throw new ArithmeticRangeError('cannot allocate a non-zero total over zero weights');
    return ws.map(() => 0);
  }
  const shares = ws.map((w) => (t * w) / sumW);
  const remainders = ws.map((w) => (t * w) % sumW);
  let left = t - shares.reduce((a, b) => a + b, 0n);
  const order = ws.map((_, i) => i).sort((a, b) => (remainders[a]! === remainders[b]! ? a - b : remainders[a]! > remainders[b]! ? -1 : 1));
  for (const i of order) {
    if (left === 0n) break;
    shares[i] = shares[i]! + 1n;
    left -= 1n;
  }
  return shares.map(toSafe);
}

/** Discount, net, VAT and total for one subtotal, exactly as `totalsOf` computes a quote's. */
export function figuresOf(subtotalMinor: number, terms: QuoteTerms): MoneyFigures {
  const discount = discountMinor(subtotalMinor, terms.discountRateMilli);
  const net = toSafe(big(subtotalMinor) - big(discount));
  const vat = vatMinor(net, terms.vatMode, terms.vatRateMilli);
  const total = terms.vatMode === 'on_top' ? toSafe(big(net) + big(vat)) : net;
  return { subtotalMinor, discountMinor: discount, netMinor: net, vatMinor: vat, totalMinor: total };
}

/** The money of N norm-hours at a rate, no discount, VAT as given (an invoice, a pledge, a top-up). */
export function hoursMoney(normHoursCenti: number, t: { rateMinor: number; vatMode: VatMode; vatRateMilli: number }): MoneyFigures {
  return figuresOf(normHoursAmountMinor(normHoursCenti, t.rateMinor), { ...t, discountRateMilli: 0 });
}

/**
 * Distributes `whole`'s discount and VAT over parts whose subtotals add up to `whole.subtotalMinor`:
 * the discount in proportion to the subtotals, the VAT in proportion to the resulting nets.
 * Every part is ≥ 0 and each figure adds up to the whole's.
 */
function distribute(whole: MoneyFigures, subtotals: readonly number[], vatMode: VatMode): MoneyFigures[] {
  const discounts = allocateLargestRemainder(whole.discountMinor, subtotals);
  const nets = subtotals.map((s, i) => s - discounts[i]!);
  const vats = allocateLargestRemainder(whole.vatMinor, nets);
  return subtotals.map((s, i) => ({
    subtotalMinor: s,
    discountMinor: discounts[i]!,
    netMinor: nets[i]!,
    vatMinor: vats[i]!,
    totalMinor: vatMode === 'on_top' ? nets[i]! + vats[i]! : nets[i]!,
  }));
}

/**
 * A stage at its estimate from its quote lines: Σ `lineAmountMinor` and Σ `lineNormHoursCenti`.
 * A line still without hours counts as nothing, as in `totalsOf`.
 */
export function stageEstimate(n: number, lines: readonly LineInput[], rateMinor: number): StageEstimate {
  let amount = 0n;
  let normHours = 0n;
  for (const line of lines) {
    amount += big(lineAmountMinor(line, rateMinor) ?? 0);
    normHours += big(lineNormHoursCenti(line) ?? 0);
  }
  return { n, estimateAmountMinor: toSafe(amount), estimateNormHoursCenti: toSafe(normHours) };
}

/**
 * The accepted quote's money per stage at its estimate. Σ of each figure over the stages equals the
 * quote's totals; the result does not depend on the order the stages are given in.
 */
export function orderMoneyPlan(terms: QuoteTerms, stages: readonly StageEstimate[]): OrderMoneyPlan {
  checkTerms(terms);
  const seen = new Set<number>();
  for (const s of stages) {
    if (!Number.isSafeInteger(s.n) || seen.has(s.n)) throw new RangeError(`stage number ${s.n} is not a unique integer`);
    seen.add(s.n);
    nonNegative(s.estimateAmountMinor, 'an estimate amount');
    nonNegative(s.estimateNormHoursCenti, 'estimate norm-hours');
  }
  const sorted = [...stages].sort((a, b) => a.n - b.n);
  const amounts = sorted.map((s) => s.estimateAmountMinor);
  const whole = figuresOf(toSafe(amounts.reduce((a, v) => a + big(v), 0n)), terms);
  const parts = distribute(whole, amounts, terms.vatMode);
  const normHours = toSafe(sorted.reduce((a, s) => a + big(s.estimateNormHoursCenti), 0n));
  return {
    terms: { ...terms },
    totals: { ...whole, normHoursCenti: normHours },
    stages: sorted.map((s, i) => ({ n: s.n, normHoursCenti: s.estimateNormHoursCenti, ...parts[i]! })),
  };
}

/** A stage's share of the plan; throws for a stage the order does not have. */
export function planShare(plan: OrderMoneyPlan, n: number): StageShare {
  const share = plan.stages.find((s) => s.n === n);
  if (!share) throw new RangeError(`the order has no stage ${n}`);
  return share;
}

function minus(a: MoneyFigures, b: MoneyFigures): MoneyFigures {
  return {
    subtotalMinor: a.subtotalMinor - b.subtotalMinor,
    discountMinor: a.discountMinor - b.discountMinor,
    netMinor: a.netMinor - b.netMinor,
    vatMinor: a.vatMinor - b.vatMinor,
    totalMinor: a.totalMinor - b.totalMinor,
  };
}

/**
 * The money of stage `n`'s debit (`stageDebit`'s items). Debited norm-hours equal to the stage's
 * estimate → exactly the plan's share (the stage's total counts, not how hours moved between its
 * lines: money follows norm-hours); 0 norm-hours → all zeros; otherwise computed directly.
 */
export function debitMoney(plan: OrderMoneyPlan, n: number, debit: { items: readonly DebitItemHours[] }): DebitMoney {
  const share = planShare(plan, n);
  const { terms } = plan;
  const hours = debit.items.map((i) => toSafe(nonNegative(i.normHoursCenti, 'debited norm-hours')));
  const normHoursCenti = toSafe(hours.reduce((a, h) => a + big(h), 0n));
  let basis: DebitMoney['basis'];
  let figures: MoneyFigures;
  let subtotals: number[];
  if (normHoursCenti === 0) {
    basis = 'zero';
    figures = ZERO;
    subtotals = hours.map(() => 0);
  } else if (normHoursCenti === share.normHoursCenti) {
    basis = 'estimate';
    const { n: _n, normHoursCenti: _h, ...planned } = share;
    figures = planned;
    subtotals = allocateLargestRemainder(share.subtotalMinor, hours);
  } else {
    basis = 'actual';
    subtotals = hours.map((h) => normHoursAmountMinor(h, terms.rateMinor));
    figures = figuresOf(toSafe(subtotals.reduce((a, s) => a + big(s), 0n)), terms);
  }
  const parts = distribute(figures, subtotals, terms.vatMode);
  return {
    n,
    normHoursCenti,
    basis,
    ...figures,
    plan: share,
    difference: { normHoursCenti: normHoursCenti - share.normHoursCenti, ...minus(figures, share) },
    items: debit.items.map((item, i) => ({ lineId: item.lineId, normHoursCenti: hours[i]!, ...parts[i]! })),
  };
}
