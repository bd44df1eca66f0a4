/**
 * The monthly consumption report (DOMAIN.md): per customer and calendar month in the
 * company's time zone — opening balance, top-ups, each debit itemised, corrections,
 * closing balance, and the money equivalent of the debits at each debit's frozen rate.
 * Signs: every amount in `entries` is as in the ledger (top-ups +, debits −, corrections ±);
 * the totals are positive sums, and closing = opening + top-ups − debits + corrections.
 */
import type { LedgerKind, TopupKind } from './enums';

export type EntryKind = LedgerKind;
export type { TopupKind };

export interface ConsumptionEntry {
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
  /** Money equivalent at the frozen rate (debits, signed like the hours); 0 for top-ups. */
  moneyMinor: number;
  rateMinor: number | null;
  correctsEntryId: number | null;
}

export interface CustomerConsumption {
  customerId: number;
  name: string;
  openingCenti: number;
  topupsCenti: number;
  debitsCenti: number;
  correctionsCenti: number;
  closingCenti: number;
  /** Money equivalent of the month's debits (positive), at each debit's frozen rate. */
  moneyMinor: number;
  entries: ConsumptionEntry[];
}

export interface ConsumptionReport {
  month: string;
  timeZone: string;
  currency: string;
  companyName: string;
  generatedAt: string;
  customers: CustomerConsumption[];
  totals: Omit<CustomerConsumption, 'customerId' | 'name' | 'entries'>;
}

/** Sums one customer's month from its opening balance and its entries (already in order). */
export function summarize(customerId: number, name: string, openingCenti: number, entries: ConsumptionEntry[]): CustomerConsumption {
  let topups = 0;
  let debits = 0;
  let corrections = 0;
  let money = 0;
  for (const e of entries) {
    if (e.kind === 'topup') topups += e.normHoursCenti;
    else if (e.kind === 'debit') {
      debits -= e.normHoursCenti;
      money -= e.moneyMinor;
    } else corrections += e.normHoursCenti;
  }
  return {
    customerId,
    name,
    openingCenti,
    topupsCenti: topups,
    debitsCenti: debits,
    correctionsCenti: corrections,
    closingCenti: openingCenti + topups - debits + corrections,
    moneyMinor: money,
    entries,
  };
}

export function reportTotals(customers: readonly CustomerConsumption[]): ConsumptionReport['totals'] {
  const t = { openingCenti: 0, topupsCenti: 0, debitsCenti: 0, correctionsCenti: 0, closingCenti: 0, moneyMinor: 0 };
  for (const c of customers) {
    t.openingCenti += c.openingCenti;
    t.topupsCenti += c.topupsCenti;
    t.debitsCenti += c.debitsCenti;
    t.correctionsCenti += c.correctionsCenti;
    t.closingCenti += c.closingCenti;
    t.moneyMinor += c.moneyMinor;
  }
  return t;
}

/** The balance after each entry, from the opening one: what a ledger's "balance" column shows. */
export function runningBalances(openingCenti: number, entries: readonly Pick<ConsumptionEntry, 'normHoursCenti'>[]): number[] {
  let balance = openingCenti;
  return entries.map((e) => (balance += e.normHoursCenti));
}
