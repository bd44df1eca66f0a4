/**
 * The monthly consumption report (DOMAIN.md): per customer and calendar month in the
 * company's time zone — opening balance, top-ups with their payments, each debit itemised,
 * corrections, closing balance, and the money: each debit on its accepted quote's terms (net
 * after the discount, VAT as the quote had it, total), each top-up's amount.
 * Signs: every amount in `entries` is as in the ledger (top-ups +, debits −, corrections ±);
 * the totals are positive sums, and closing = opening + top-ups − debits + corrections.
 * Money of services (net, VAT, total) = the debits, less the corrections that reverse debits;
 * money of payments = the top-ups, with the corrections that reverse top-ups.
 */
import type { MoneyFigures } from './debit-money';
import type { LedgerKind, TopupKind } from './enums';

export type EntryKind = LedgerKind;
export type { TopupKind };

/** A ledger entry as reports show it; its money figures (subtotal at the rate, discount, net, VAT, total) are signed like the hours. */
export interface ConsumptionEntry extends MoneyFigures {
  entryId: number;
  /** The instant, ISO UTC. */
  at: string;
  /** The company's calendar date of `at`, YYYY-MM-DD. */
  date: string;
  kind: EntryKind;
  topupKind: TopupKind | null;
  memo: string;
  orderId: number | null;
  orderNumber: string | null;
  stageN: number | null;
  stageTitle: string | null;
  /** Debits: one row per service of the accepted stage. */
  code: string | null;
  title: string | null;
  categoryName: string | null;
  hoursCenti: number | null;
  kMilli: number | null;
  /** Signed, as in the ledger. */
  normHoursCenti: number;
  /** The money of the entry (net: after the quote's discount, before VAT on top), signed like the hours. */
  moneyMinor: number;
  rateMinor: number | null;
  /** A top-up's payment reference and the invoice it settled. */
  paymentRef: string;
  invoiceNumber: string | null;
  /** Debit items: the quote's estimate beside what was debited (positive). */
  plannedHoursCenti: number | null;
  plannedNormHoursCenti: number | null;
  correctsEntryId: number | null;
  /** The kind of the entry a correction names. */
  correctsKind: LedgerKind | null;
}

export interface CustomerConsumption {
  customerId: number;
  name: string;
  openingCenti: number;
  topupsCenti: number;
  debitsCenti: number;
  correctionsCenti: number;
  closingCenti: number;
  /** Money of the month's services (positive): net, VAT, total; `moneyMinor` is the net. */
  moneyMinor: number;
  netMinor: number;
  vatMinor: number;
  totalMinor: number;
  /** Money of the month's payments (top-ups, net of their reversals). */
  topupsMinor: number;
  entries: ConsumptionEntry[];
}

export type ConsumptionFigures = Omit<CustomerConsumption, 'customerId' | 'name' | 'entries'>;

export const FIGURE_KEYS = [
  'openingCenti',
  'topupsCenti',
  'debitsCenti',
  'correctionsCenti',
  'closingCenti',
  'moneyMinor',
  'netMinor',
  'vatMinor',
  'totalMinor',
  'topupsMinor',
] as const;

export interface ConsumptionReport {
  month: string;
  timeZone: string;
  currency: string;
  companyName: string;
  generatedAt: string;
  /** The month is closed: its figures are final. */
  closed: boolean;
  customers: CustomerConsumption[];
  totals: ConsumptionFigures;
}

/**
 * An entry's money as a report lists it: services positive (a debit; a correction of a debit
 * takes it back, negative), payments as paid (a top-up; its correction signed); null elsewhere.
 * Summed, they are the customer's netMinor, vatMinor, totalMinor and topupsMinor.
 */
export function entryMoney(e: ConsumptionEntry): { net: number | null; vat: number | null; total: number | null; paid: number | null } {
  const of = moneyOf(e);
  if (of === 'services') return { net: -e.netMinor, vat: -e.vatMinor, total: -e.totalMinor, paid: null };
  if (of === 'payments') return { net: null, vat: null, total: null, paid: e.netMinor };
  return { net: null, vat: null, total: null, paid: null };
}

/** Sums one customer's month from its opening balance and its entries (already in order). */
/** Whether an entry's money counts as services (debits and their reversals) or payments (top-ups and theirs). */
export function moneyOf(e: Pick<ConsumptionEntry, 'kind' | 'correctsKind'>): 'services' | 'payments' | null {
  const kind = e.kind === 'correction' ? e.correctsKind : e.kind;
  return kind === 'debit' ? 'services' : kind === 'topup' ? 'payments' : null;
}

/** Sums one customer's month from its opening balance and its entries (already in order). */
export function summarize(customerId: number, name: string, openingCenti: number, entries: ConsumptionEntry[]): CustomerConsumption {
  let topups = 0;
  let debits = 0;
  let corrections = 0;
  const services: MoneyFigures = { subtotalMinor: 0, discountMinor: 0, netMinor: 0, vatMinor: 0, totalMinor: 0 };
  let payments = 0;
  for (const e of entries) {
    if (e.kind === 'topup') topups += e.normHoursCenti;
    else if (e.kind === 'debit') debits -= e.normHoursCenti;
    else corrections += e.normHoursCenti;
    const of = moneyOf(e);
    if (of === 'services') {
      services.netMinor -= e.netMinor;
      services.vatMinor -= e.vatMinor;
      services.totalMinor -= e.totalMinor;
    } else if (of === 'payments') payments += e.netMinor;
  }
  return {
    customerId,
    name,
    openingCenti,
    topupsCenti: topups,
    debitsCenti: debits,
    correctionsCenti: corrections,
    closingCenti: openingCenti + topups - debits + corrections,
    moneyMinor: services.netMinor,
    netMinor: services.netMinor,
    vatMinor: services.vatMinor,
    totalMinor: services.totalMinor,
    topupsMinor: payments,
    entries,
  };
}

export function reportTotals(customers: readonly ConsumptionFigures[]): ConsumptionFigures {
  const t = Object.fromEntries(FIGURE_KEYS.map((k) => [k, 0])) as Record<(typeof FIGURE_KEYS)[number], number>;
  for (const c of customers) for (const k of FIGURE_KEYS) t[k] += c[k];
  return t;
}

/** The balance after each entry, from the opening one: what a ledger's "balance" column shows. */
export function runningBalances(openingCenti: number, entries: readonly Pick<ConsumptionEntry, 'normHoursCenti'>[]): number[] {
  let balance = openingCenti;
  return entries.map((e) => (balance += e.normHoursCenti));
}
