/**
 * The summary sheet of the monthly consumption report (excel/consumption.ts): one row per customer
 * whose figures are formulas linking to the totals of the customer's own sheet, the closing balance
 * as opening + top-ups − debits + corrections, and a total row of SUMs carrying the domain's totals.
 */
import type { Worksheet } from 'exceljs';
import type { ConsumptionReport } from '../domain/consumption';
import { currencySymbol, type Lang } from '../domain/format';
import { monthTitle } from '../domain/words/months';
import {
  Widths,
  colLetter as col,
  fitRowHeight,
  freezeHeader,
  fromCenti,
  printSetup,
  setFormula,
  setSum,
  setText,
  sheetRef,
} from './cells';
import { MONEY, heading, headerRow, wordOf, type CustomerCells, type SheetStyles } from './consumption-layout';

// Columns of the summary.
const S_COL = { customer: 1, opening: 2, topups: 3, debits: 4, corrections: 5, closing: 6, net: 7, vat: 8, total: 9, paid: 10 } as const;
const S_LAST = S_COL.paid;

export function summarySheet(ws: Worksheet, S: SheetStyles, report: ConsumptionReport, customers: CustomerCells[], lang: Lang) {
  const w = wordOf(lang);
  const widths = new Widths(lang, report.currency);
  const K = S_COL;
  heading(ws, S, report, `${w('title')} ${monthTitle(report.month, lang)}`, lang, S_LAST, false);
  const HEADER = 4;
  headerRow(ws, S, HEADER, [
    w('customer'),
    w('opening'),
    w('topups'),
    w('debits'),
    w('corrections'),
    w('closing'),
    ...MONEY.map(([, , word]) => `${w(word)}, ${currencySymbol(report.currency)}`),
  ]);
  ws.getRow(HEADER).height = 40;

  // The summary's norm-hour columns and the figure of the domain's summary each shows.
  const HOURS = [
    [K.opening, 'openingCenti'],
    [K.topups, 'topupsCenti'],
    [K.debits, 'debitsCenti'],
    [K.corrections, 'correctionsCenti'],
    [K.closing, 'closingCenti'],
  ] as const;
  let r = HEADER + 1;
  const first = r;
  for (const [i, cells] of customers.entries()) {
    const c = report.customers[i]!;
    setText(ws.getCell(r, K.customer), c.name, S.name);
    const link = (colNo: number, ref: string, value: number, style: typeof S.hours) =>
      setFormula(ws.getCell(r, colNo), `${sheetRef(cells.sheet)}!${ref}`, value / 100, style);
    link(K.opening, cells.opening, c.openingCenti, S.hours);
    link(K.topups, cells.topups, c.topupsCenti, S.hours);
    link(K.debits, cells.debits, c.debitsCenti, S.hours);
    link(K.corrections, cells.corrections, c.correctionsCenti, S.hours);
    setFormula(
      ws.getCell(r, K.closing),
      `${col(K.opening)}${r}+${col(K.topups)}${r}-${col(K.debits)}${r}+${col(K.corrections)}${r}`,
      fromCenti(c.closingCenti),
      S.hours,
    );
    for (const [key, figure] of MONEY) link(K[key], cells[key], c[figure], S.money);
    fitRowHeight(ws, r, [{ text: c.name, width: 40 }]);
    for (const [colNo, figure] of HOURS) widths.fixed(colNo, c[figure], 2);
    for (const [key, figure] of MONEY) widths.money(K[key], c[figure]);
    r++;
  }
  const last = r - 1;
  const noEntries = report.customers.every((c) => c.entries.length === 0);
  if (customers.length === 0 || noEntries) {
    ws.mergeCells(r, 1, r, S_LAST);
    setText(ws.getCell(r, 1), customers.length === 0 ? `${w('emptyMonth')} ${w('noCustomers')}` : w('emptyMonth'), S.note);
    ws.getRow(r).height = 27;
    r++;
  }

  // The totals are the domain's (reportTotals), as SUMs over the rows above.
  const TOTAL = r;
  const t = report.totals;
  setText(ws.getCell(TOTAL, K.customer), w('total'), S.totalLabelLeft);
  const sum = (colNo: number, value: number, style: typeof S.totalHours) =>
    setSum(ws.getCell(TOTAL, colNo), colNo, { first, last }, value / 100, style);
  for (const [colNo, figure] of HOURS) sum(colNo, t[figure], S.totalHours);
  for (const [key, figure] of MONEY) sum(K[key], t[figure], S.totalMoney);
  for (const [colNo, figure] of HOURS) widths.fixed(colNo, t[figure], 2);
  for (const [key, figure] of MONEY) widths.money(K[key], t[figure]);
  ws.mergeCells(TOTAL + 2, 1, TOTAL + 2, S_LAST);
  setText(ws.getCell(TOTAL + 2, 1), w('legend'), S.legend);
  ws.getRow(TOTAL + 2).height = 24;

  ws.getColumn(K.customer).width = 40;
  widths.apply(ws, {
    [K.opening]: { min: 13, max: 16 },
    [K.topups]: { min: 13, max: 16 },
    [K.debits]: { min: 13, max: 16 },
    [K.corrections]: { min: 14, max: 16 },
    [K.closing]: { min: 13, max: 16 },
    ...Object.fromEntries(MONEY.map(([key]) => [K[key], { min: 13, max: 18 }])),
  });
  freezeHeader(ws, HEADER);
  printSetup(ws, { landscape: false, repeatRow: HEADER, footerLeft: report.companyName, footerRight: report.month });
}
