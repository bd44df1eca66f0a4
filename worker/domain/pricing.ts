/**
 * The one pricing formula (DOMAIN.md), shared by the Worker, the web UI and the Excel writer:
 *   line norm-hours = ROUND(quantity × hours × K, 2)
 *   line amount     = ROUND(quantity × hours × K × rate, 2)
 *   subtotal = Σ line amounts; discount = ROUND(subtotal × d, 2); net = subtotal − discount
 *   VAT on top = ROUND(net × r, 2), total = net + VAT
 *   VAT included = ROUND(net × r / (1 + r), 2), total = net
 *   no VAT: VAT = 0, total = net
 * Units: quantity and K and rates in thousandths, hours in hundredths, money in minor units.
 */
import { big, mulDivRound, safeSum, toSafe } from './money';
import type { VatMode } from './enums';

export type { VatMode };

/** milli × centi × milli → centi: divide by 1000 × 1000. */
const NORM_HOURS_DIVISOR = 1_000_000;
/** milli × centi × milli × minor → minor: divide by 1000 × 100 × 1000. */
const AMOUNT_DIVISOR = 100_000_000;

export interface LineInput {
  quantityMilli: number;
  /** null while an "estimate" line waits for its hours. */
  hoursCenti: number | null;
  kMilli: number;
}

export function lineNormHoursCenti(line: LineInput): number | null {
  if (line.hoursCenti === null) return null;
  return mulDivRound([line.quantityMilli, line.hoursCenti, line.kMilli], NORM_HOURS_DIVISOR);
}

export function lineAmountMinor(line: LineInput, rateMinor: number): number | null {
  if (line.hoursCenti === null) return null;
  return mulDivRound([line.quantityMilli, line.hoursCenti, line.kMilli, rateMinor], AMOUNT_DIVISOR);
}

/** hours × K × rate for a number of billable norm-hours already multiplied by K. */
export function normHoursAmountMinor(normHoursCenti: number, rateMinor: number): number {
  return mulDivRound([normHoursCenti, rateMinor], 100);
}

export function discountMinor(subtotalMinor: number, discountRateMilli: number): number {
  return mulDivRound([subtotalMinor, discountRateMilli], 1000);
}

export function vatMinor(netMinor: number, vatMode: VatMode, vatRateMilli: number): number {
  switch (vatMode) {
    case 'none':
      return 0;
    case 'on_top':
      return mulDivRound([netMinor, vatRateMilli], 1000);
    case 'included':
      return mulDivRound([netMinor, vatRateMilli], 1000 + vatRateMilli);
  }
}

export interface PricingTerms {
  rateMinor: number;
  vatMode: VatMode;
  vatRateMilli: number;
  discountRateMilli: number;
}

export interface PricedLine {
  normHoursCenti: number | null;
  amountMinor: number | null;
}

export interface Totals {
  subtotalMinor: number;
  discountMinor: number;
  netMinor: number;
  vatMinor: number;
  totalMinor: number;
  normHoursCenti: number;
  /** Lines still waiting for their hours: they count as nothing until filled in. */
  incompleteLines: number;
}

export function priceLine(line: LineInput, rateMinor: number): PricedLine {
  return { normHoursCenti: lineNormHoursCenti(line), amountMinor: lineAmountMinor(line, rateMinor) };
}

export function totalsOf(pricedLines: readonly PricedLine[], terms: Omit<PricingTerms, 'rateMinor'>): Totals {
  const amounts: number[] = [];
  const hours: number[] = [];
  let incomplete = 0;
  for (const line of pricedLines) {
    if (line.amountMinor === null || line.normHoursCenti === null) {
      incomplete++;
      continue;
    }
    amounts.push(line.amountMinor);
    hours.push(line.normHoursCenti);
  }
  const subtotalMinor = safeSum(amounts);
  const discount = discountMinor(subtotalMinor, terms.discountRateMilli);
  const netMinor = subtotalMinor - discount;
  const vat = vatMinor(netMinor, terms.vatMode, terms.vatRateMilli);
  return {
    subtotalMinor,
    discountMinor: discount,
    netMinor,
    vatMinor: vat,
    // Past exact integers the total is refused, as every other figure (safeSum falls back to BigInt and toSafe).
    totalMinor: terms.vatMode === 'on_top' ? safeSum([netMinor, vat]) : netMinor,
    normHoursCenti: safeSum(hours),
    incompleteLines: incomplete,
  };
}

/** Prices every line and totals them: what the API answers, the screen shows and Excel recomputes. */
export function priceQuote<L extends LineInput>(lines: readonly L[], terms: PricingTerms): { lines: (L & PricedLine)[]; totals: Totals } {
  const priced = lines.map((line) => ({ ...line, ...priceLine(line, terms.rateMinor) }));
  return { lines: priced, totals: totalsOf(priced, terms) };
}

/** Σ ROUND(hours × K × rate, 2) and Σ ROUND(hours × K, 2) of an estimate by specialist category. */
export function priceEstimate(
  rows: readonly { hoursCenti: number; kMilli: number }[],
  rateMinor: number,
): { priceMinor: number; normHoursCenti: number } {
  let price = 0n;
  let normHours = 0n;
  for (const row of rows) {
    const line = { quantityMilli: 1000, hoursCenti: row.hoursCenti, kMilli: row.kMilli };
    price += big(lineAmountMinor(line, rateMinor) ?? 0);
    normHours += big(lineNormHoursCenti(line) ?? 0);
  }
  return { priceMinor: toSafe(price), normHoursCenti: toSafe(normHours) };
}
