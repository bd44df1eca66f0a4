/**
 * What the monthly consumption report's sheets share (excel/consumption.ts): the words it reads,
 * its few looks, the heading and header rows every sheet opens with, the money columns a customer
 * sheet and the summary both carry, and where a customer sheet keeps the figures the summary links
 * to — so the summary's formulas and the customer sheets' totals cannot drift apart.
 */
import type { Worksheet } from 'exceljs';
import type { ConsumptionReport } from '../domain/consumption';
import { stampText, type Lang } from '../domain/format';
import { upperFirst } from '../domain/words/case';
import { DOCUMENT_WORDS } from '../domain/words/documents';
import { LEDGER_WORDS } from '../domain/words/ledger';
import { monthTitle } from '../domain/words/months';
import { REPORT_WORDS } from '../domain/words/reports';
import { vocabulary } from '../domain/words/vocabulary';
import { wordsOf } from '../domain/words/words';
import {
  CLOSING_RULES,
  HAIRLINE,
  HEADER_FILL,
  HEADER_RULES,
  HOURS_FORMAT,
  PLAIN_FORMAT,
  TOP_RULE,
  TOTAL_FILL,
  dateFormat,
  moneyFormat,
  setText,
  type Styles,
} from './cells';

/** The words the report reads: the documents', the ledger's and its own. */
export const REPORT_SHEET_WORDS = vocabulary(DOCUMENT_WORDS, LEDGER_WORDS, REPORT_WORDS);
export const wordOf = (lang: Lang) => wordsOf(REPORT_SHEET_WORDS, lang);

/** Where a customer sheet keeps the figures the summary links to. */
export interface CustomerCells {
  sheet: string;
  opening: string;
  topups: string;
  debits: string;
  corrections: string;
  closing: string;
  /** The money columns' totals, by MONEY's keys. */
  net: string;
  vat: string;
  total: string;
  paid: string;
}

/** The money columns of a customer sheet and of the summary, with the figure each sums. */
export const MONEY = [
  ['net', 'netMinor', 'netOfServices'],
  ['vat', 'vatMinor', 'vatOfServices'],
  ['total', 'totalMinor', 'totalOfServices'],
  ['paid', 'topupsMinor', 'paid'],
] as const;

export type SheetStyles = ReturnType<typeof sheetStyles>;

/** The few looks the report uses, each one shared object (see `Styles`). */
export function sheetStyles(st: Styles, currency: string, lang: Lang) {
  const money = moneyFormat(currency, lang);
  return {
    title: st.text({ bold: true, size: 14, wrap: true }),
    subtitle: st.text({ grey: true, size: 9, wrap: true }),
    header: st.text({ bold: true, h: 'center', v: 'middle', wrap: true, fill: HEADER_FILL, border: HEADER_RULES }),
    labelRight: st.text({ bold: true, h: 'right' }),
    openingValue: st.get({ numFmt: HOURS_FORMAT, bold: true }),
    // entry rows
    date: st.get({ numFmt: dateFormat(lang), h: 'center', border: HAIRLINE }),
    text: st.text({ border: HAIRLINE }),
    wrapped: st.text({ wrap: true, border: HAIRLINE }),
    hours: st.get({ numFmt: HOURS_FORMAT, border: HAIRLINE }),
    plain: st.get({ numFmt: PLAIN_FORMAT, border: HAIRLINE }),
    money: st.get({ numFmt: money, border: HAIRLINE }),
    blank: st.get({ border: HAIRLINE }),
    // totals
    totalLabel: st.text({ bold: true, h: 'right', border: TOP_RULE, fill: TOTAL_FILL }),
    totalLabelLeft: st.text({ bold: true, border: TOP_RULE, fill: TOTAL_FILL }),
    totalHours: st.get({ numFmt: HOURS_FORMAT, bold: true, border: TOP_RULE, fill: TOTAL_FILL }),
    totalMoney: st.get({ numFmt: money, bold: true, border: TOP_RULE, fill: TOTAL_FILL }),
    totalBlank: st.get({ border: TOP_RULE, fill: TOTAL_FILL }),
    closing: st.get({ numFmt: HOURS_FORMAT, bold: true, border: CLOSING_RULES }),
    legend: st.text({ size: 8, grey: true, wrap: true }),
    note: st.text({ italic: true, grey: true, wrap: true }),
    name: st.text({ wrap: true, border: HAIRLINE }),
  };
}

export function heading(
  ws: Worksheet,
  S: SheetStyles,
  report: ConsumptionReport,
  title: string,
  lang: Lang,
  lastCol: number,
  withPeriod: boolean,
) {
  const w = wordOf(lang);
  ws.mergeCells(1, 1, 1, lastCol);
  setText(ws.getCell('A1'), title, S.title);
  ws.getRow(1).height = 20;
  ws.mergeCells(2, 1, 2, lastCol);
  setText(
    ws.getCell('A2'),
    [
      report.companyName,
      withPeriod ? `${w('title')} ${monthTitle(report.month, lang)}` : null,
      `${upperFirst(w('timeZone'))} ${report.timeZone}`,
      `${w('generated')} ${stampText(report.generatedAt, report.timeZone, lang)}`,
    ]
      .filter(Boolean)
      .join(' · '),
    S.subtitle,
  );
}

export function headerRow(ws: Worksheet, S: SheetStyles, row: number, names: string[]) {
  names.forEach((name, i) => {
    setText(ws.getCell(row, i + 1), name, S.header);
  });
  ws.getRow(row).height = 27;
}
