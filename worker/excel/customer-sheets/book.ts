/**
 * What every sheet of the customer data workbook shares: the export, its words, the lists'
 * writer, dates on the company's calendar and the look-ups between the kinds of record.
 */
import type { Workbook } from 'exceljs';
import { stampText, type Lang } from '../../domain/format';
import { CUSTOMER_DATA_WORDS } from '../../domain/words/customer-data';
import { DOCUMENT_WORDS } from '../../domain/words/documents';
import { LEDGER_WORDS } from '../../domain/words/ledger';
import { vocabulary } from '../../domain/words/vocabulary';
import { say, wordsOf, type Pair } from '../../domain/words/words';
import type { CustomerExport } from '../../store/customer-export';
import { calendarDay, excelDate, excelDateTime } from '../cells';
import { ListBook } from '../table';

export interface CustomerDataInput {
  doc: CustomerExport;
  companyName: string;
  timeZone: string;
  /** The company's currency: money of ledger entries that belong to no work order. */
  currency: string;
  generatedAt: Date;
}

/** The words the workbook reads: the documents', the ledger's and its own. */
export const CUSTOMER_DATA_SHEET_WORDS = vocabulary(DOCUMENT_WORDS, LEDGER_WORDS, CUSTOMER_DATA_WORDS);
export type Word = keyof typeof CUSTOMER_DATA_SHEET_WORDS;

export type CustomerBook = ReturnType<typeof customerBook>;

export function customerBook(wb: Workbook, input: CustomerDataInput, lang: Lang) {
  const { doc, timeZone } = input;
  const w = wordsOf(CUSTOMER_DATA_SHEET_WORDS, lang);
  const list = new ListBook(wb, lang, input.currency, {
    subtitle:
      `${doc.customer.name} · ${input.companyName} · ${w('exported')} ${stampText(input.generatedAt, timeZone, lang)} · ` +
      `${w('timeZone')} ${timeZone}`,
    noRows: w('noRows'),
    total: w('total'),
    footerLeft: input.companyName,
    footerRight: (title) => `${doc.customer.name} · ${title}`,
  });
  const day = calendarDay(timeZone);
  const orderById = new Map(doc.orders.map((o) => [o.id, o]));
  const quoteById = new Map(doc.quotes.map((q) => [q.id, q]));
  const stageById = new Map(doc.stages.map((s) => [s.id, s]));
  return {
    input,
    doc,
    lang,
    w,
    list,
    /** A status or kind's words; a value the table does not know shows as it is. */
    named: (table: Readonly<Record<string, Pair>>, key: string) => (table[key] ? say(lang, table[key]) : key),
    /** A stored date or instant as a real date on the company's calendar. */
    date: (iso: string | null) => (iso ? excelDate(day(iso)!) : null),
    dateTime: (iso: string | null) => (iso ? excelDateTime(iso, timeZone) : null),
    quoteById,
    orderById,
    stageById,
    entryById: new Map(doc.ledger.map((e) => [e.id, e])),
    pledgeById: new Map(doc.pledges.map((p) => [p.id, p])),
    projectById: new Map(doc.projects.map((p) => [p.id, p])),
    lineById: new Map(doc.quoteLines.map((l) => [l.id, l])),
    /** A revision's number already names it (Q-2026-0012-R2). */
    quoteNumber: (id: number | null) => (id === null ? '' : (quoteById.get(id)?.number ?? `#${id}`)),
    stageText: (id: number | null) => {
      const s = id === null ? undefined : stageById.get(id);
      return s ? `${s.n}. ${s.title}` : '';
    },
    orderCurrency: (id: number | null) => (id === null ? input.currency : (orderById.get(id)?.currency ?? input.currency)),
  };
}

/** Groups `items` by `key`, in their order. */
export function groupBy<T>(items: readonly T[], key: (item: T) => number): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
