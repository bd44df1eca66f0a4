/**
 * What the demo history writes as it goes: SQL rows, ledger entries waiting to be numbered in
 * time order, gap-free counters, each customer's balance. Entries are kept with their instant so
 * the history can be replayed and checked against the rules before it is written.
 */
import { localDate } from '../../worker/domain/calendar';
import type { EntryMoney } from '../../worker/domain/ledger-entries';
import { DEMO_SETTINGS } from './demo';
import { insertSql } from './sql';

export const DAY = 86_400_000;
export const MANAGER = 2;
export const ACCOUNTANT = 3;

type Row = Record<string, string | number | boolean | null>;

export interface PendingEntry {
  at: number;
  customer: number;
  centi: number;
  /** The entry's row (and its items') once its id is known. */
  rows: (id: number) => string[];
}

export class Book {
  readonly out: string[] = [];
  /** Written after the orders (stages and their lines refer to them). */
  readonly afterOrders: string[] = [];
  readonly ledger: PendingEntry[] = [];
  readonly counters = new Map<string, number>();
  readonly ids = { quote: 0, line: 0, order: 0, stage: 0, invoice: 0 };

  constructor(readonly now: number) {}

  iso = (ms: number) => new Date(ms).toISOString();
  date = (ms: number) => localDate(ms, DEMO_SETTINGS.timeZone);
  year = (ms: number) => Number(this.date(ms).slice(0, 4));
  ago = (days: number) => this.now - days * DAY;

  /** The next value of a gap-free counter. */
  next(name: string): number {
    const v = (this.counters.get(name) ?? 0) + 1;
    this.counters.set(name, v);
    return v;
  }

  row(table: string, row: Row) {
    this.out.push(insertSql(table, row));
  }

  /** A ledger entry: its money signed like its hours, written once every entry is in time order. */
  entry(at: number, customer: number, centi: number, row: Row, money: EntryMoney, items: (id: number) => string[] = () => []) {
    this.ledger.push({
      at,
      customer,
      centi,
      rows: (id) => [
        insertSql('ledger_entries', {
          id,
          customer_id: customer,
          norm_hours_centi: centi,
          money_minor: money.subtotalMinor,
          discount_minor: money.discountMinor,
          net_minor: money.netMinor,
          vat_minor: money.vatMinor,
          total_minor: money.totalMinor,
          rate_minor: money.rateMinor,
          discount_rate_milli: money.discountRateMilli,
          vat_mode: money.vatMode,
          vat_rate_milli: money.vatRateMilli,
          at: this.iso(at),
          created_at: this.iso(at),
          created_by: ACCOUNTANT,
          ...row,
        }),
        ...items(id),
      ],
    });
  }

  /** The entries in time order (ids follow time, as they would have). */
  sortedLedger(): PendingEntry[] {
    return [...this.ledger].sort((a, b) => a.at - b.at);
  }
}
