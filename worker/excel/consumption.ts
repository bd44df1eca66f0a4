/**
 * The monthly consumption report as .xlsx (DOMAIN.md, "Monthly consumption report"):
 *
 * - a summary sheet: one row per customer — opening balance, top-ups, debits, corrections,
 *   closing balance in norm-hours, the money of the services (net, VAT, total) and of the
 *   payments — linked by formulas to the customer's sheet, closing = opening + top-ups −
 *   debits + corrections, and a total row of SUMs;
 * - one sheet per customer: the opening balance, every ledger entry of the month (date on
 *   the company's calendar, order, stage, service code, category, hours, K, norm-hours in a
 *   top-up / debit / correction column, a running balance, the money of services — a debit's
 *   net, VAT and total on its quote's terms, a correction of a debit taking it back — and of
 *   payments), SUMs, and the closing balance as opening + top-ups − debits + corrections.
 *
 * Every formula carries the value computed here in integer arithmetic, so a reader that
 * does not recalculate shows what one that does computes.
 */
import ExcelJS from './exceljs';
import type { Worksheet } from 'exceljs';
import {
  entryMoney,
  runningBalances,
  type ConsumptionEntry,
  type ConsumptionReport,
  type CustomerConsumption,
} from '../domain/consumption';
import { currencySymbol, stampText, type Lang } from '../domain/format';
import { upperFirst } from '../domain/words/case';
import { DOCUMENT_WORDS } from '../domain/words/documents';
import { LEDGER_KIND_WORDS, TOPUP_KIND_WORDS } from '../domain/words/kinds';
import { LEDGER_WORDS } from '../domain/words/ledger';
import { monthTitle } from '../domain/words/months';
import { REPORT_WORDS } from '../domain/words/reports';
import { vocabulary } from '../domain/words/vocabulary';
import { say, wordsOf } from '../domain/words/words';
import {
  CLOSING_RULES,
  HAIRLINE,
  HEADER_FILL,
  HEADER_RULES,
  HOURS_FORMAT,
  PLAIN_FORMAT,
  Styles,
  TOP_RULE,
  TOTAL_FILL,
  Widths,
  colLetter as col,
  dateFormat,
  fitRowHeight,
  freezeHeader,
  fromCenti,
  fromMilli,
  fromMinor,
  moneyFormat,
  printSetup,
  setDate,
  setFormula,
  setNumber,
  setProperties,
  setSum,
  setText,
  sheetRef,
  styleRange,
  toArrayBuffer,
  uniqueSheetName,
} from './cells';
import { refusal, unlessRefused, type DocumentRefusal } from './refusal';

/** Entry rows one workbook may hold: 10 000 took about 1 s and 105 MB in bench/RESULTS.md, 20 000 went past the 128 MB a Worker may use. */
export const CONSUMPTION_ROW_CAP = 10_000;

export function consumptionRowCount(report: Pick<ConsumptionReport, 'customers'>): number {
  return report.customers.reduce((n, c) => n + c.entries.length, 0);
}

/** A report with more entries than one file may hold (report_too_large; the route answers 422). */
export function consumptionRefusal(report: Pick<ConsumptionReport, 'customers'>, cap = CONSUMPTION_ROW_CAP): DocumentRefusal | null {
  const rows = consumptionRowCount(report);
  return rows <= cap ? null : refusal('report_too_large', REPORT_WORDS.tooLarge, { rows, cap }, { rows, cap });
}

/** The words the report reads: the documents', the ledger's and its own. */
export const REPORT_SHEET_WORDS = vocabulary(DOCUMENT_WORDS, LEDGER_WORDS, REPORT_WORDS);
const wordOf = (lang: Lang) => wordsOf(REPORT_SHEET_WORDS, lang);
/** A two-line column head: the unit under the name. */
const twoLines = (head: string) => head.replace(', ', ',\n');

/** Where a customer sheet keeps the figures the summary links to. */
interface CustomerCells {
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

// Columns of a customer sheet.
const E = {
  date: 1,
  kind: 2,
  order: 3,
  stage: 4,
  code: 5,
  content: 6,
  category: 7,
  hours: 8,
  k: 9,
  topup: 10,
  debit: 11,
  correction: 12,
  balance: 13,
  net: 14,
  vat: 15,
  total: 16,
  paid: 17,
} as const;
const E_LAST = E.paid;
/** The money columns of a customer sheet and of the summary, with the figure each sums. */
const MONEY = [
  ['net', 'netMinor', 'netOfServices'],
  ['vat', 'vatMinor', 'vatOfServices'],
  ['total', 'totalMinor', 'totalOfServices'],
  ['paid', 'topupsMinor', 'paid'],
] as const;

const CONTENT_WIDTH = 36;
const STAGE_WIDTH = 18;
const KIND_WIDTH = 15;

/** `rowCap` is for the bench, which measures a file beyond the cap to show why it is there. */
export async function consumptionWorkbook(
  report: ConsumptionReport,
  lang: Lang,
  { rowCap = CONSUMPTION_ROW_CAP } = {},
): Promise<ArrayBuffer> {
  unlessRefused(consumptionRefusal(report, rowCap));
  const w = wordOf(lang);
  const wb = new ExcelJS.Workbook();
  const period = monthTitle(report.month, lang);
  setProperties(wb, {
    title: `${w('title')} ${period}`,
    subject: `${w('title')} ${period}`,
    company: report.companyName,
    keywords: report.month,
    lang,
    created: Number.isNaN(Date.parse(report.generatedAt)) ? new Date() : new Date(report.generatedAt),
  });
  const st = sheetStyles(new Styles(), report.currency, lang);
  const taken = new Set<string>();
  const summary = wb.addWorksheet(uniqueSheetName(w('summary'), taken, 'Summary'));
  const cells = report.customers.map((c) =>
    customerSheet(wb, st, report, c, uniqueSheetName(c.name, taken, `${w('customer')} ${c.customerId}`), lang),
  );
  summarySheet(summary, st, report, cells, lang);
  return toArrayBuffer(wb);
}

type SheetStyles = ReturnType<typeof sheetStyles>;

/** The few looks the report uses, each one shared object (see `Styles`). */
function sheetStyles(st: Styles, currency: string, lang: Lang) {
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

function heading(
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

function headerRow(ws: Worksheet, S: SheetStyles, row: number, names: string[]) {
  names.forEach((name, i) => {
    setText(ws.getCell(row, i + 1), name, S.header);
  });
  ws.getRow(row).height = 27;
}

function kindText(e: ConsumptionEntry, lang: Lang): string {
  const kind = say(lang, LEDGER_KIND_WORDS[e.kind]);
  return e.kind === 'topup' && e.topupKind ? `${kind} (${say(lang, TOPUP_KIND_WORDS[e.topupKind])})` : kind;
}

function customerSheet(
  wb: ExcelJS.Workbook,
  S: SheetStyles,
  report: ConsumptionReport,
  c: CustomerConsumption,
  name: string,
  lang: Lang,
): CustomerCells {
  const w = wordOf(lang);
  const ws = wb.addWorksheet(name);
  const widths = new Widths(lang, report.currency);
  heading(ws, S, report, c.name, lang, E_LAST, true);

  // Row 3: the opening balance, where the running balance starts.
  const OPEN_ROW = 3;
  ws.mergeCells(OPEN_ROW, 1, OPEN_ROW, E.balance - 1);
  setText(ws.getCell(OPEN_ROW, 1), w('openingRow'), S.labelRight);
  setNumber(ws.getCell(OPEN_ROW, E.balance), fromCenti(c.openingCenti), S.openingValue);
  ws.getRow(OPEN_ROW).height = 18;

  const HEADER = 4;
  headerRow(ws, S, HEADER, [
    w('date'),
    w('operation'),
    w('order'),
    w('stage'),
    w('code'),
    w('content'),
    w('category'),
    w('hours'),
    w('k'),
    ...[w('topupColumn'), w('debitColumn'), w('correctionColumn'), w('runningColumn')].map(twoLines),
    ...MONEY.map(([, , word]) => `${w(word)}, ${currencySymbol(report.currency)}`),
  ]);
  ws.getRow(HEADER).height = 40;

  let r = HEADER + 1;
  const balances = runningBalances(c.openingCenti, c.entries);
  const B = col(E.balance);
  const [TU, DE, CO] = [col(E.topup), col(E.debit), col(E.correction)];
  for (const [i, e] of c.entries.entries()) {
    const row = ws.getRow(r);
    const cell = (n: number) => row.getCell(n);
    const kind = kindText(e, lang);
    const stage = e.stageN !== null ? `${e.stageN}${e.stageTitle ? `. ${e.stageTitle}` : ''}` : '';
    const content = [e.title, e.memo].filter((x): x is string => !!x && x.trim() !== '').join(' — ');
    setDate(cell(E.date), e.date, S.date);
    setText(cell(E.kind), kind, S.wrapped);
    setText(cell(E.order), e.orderNumber ?? (e.orderId !== null ? `#${e.orderId}` : ''), S.text);
    setText(cell(E.stage), stage, S.wrapped);
    setText(cell(E.code), e.code ?? '', S.text);
    setText(cell(E.content), content, S.wrapped);
    setText(cell(E.category), e.categoryName ?? '', S.text);
    if (e.hoursCenti !== null) setNumber(cell(E.hours), fromCenti(e.hoursCenti), S.hours);
    else cell(E.hours).style = S.blank;
    if (e.kMilli !== null) setNumber(cell(E.k), fromMilli(e.kMilli), S.plain);
    else cell(E.k).style = S.blank;
    // Norm-hours in the column of their kind: top-ups and debits positive, corrections signed.
    const amount = e.kind === 'debit' ? -e.normHoursCenti : e.normHoursCenti;
    const amountCol = e.kind === 'topup' ? E.topup : e.kind === 'debit' ? E.debit : E.correction;
    for (const k of [E.topup, E.debit, E.correction]) {
      if (k === amountCol) setNumber(cell(k), fromCenti(amount), S.hours);
      else cell(k).style = S.blank;
    }
    const balance = balances[i]!;
    const prev = r === HEADER + 1 ? `${B}${OPEN_ROW}` : `${B}${r - 1}`;
    setFormula(cell(E.balance), `${prev}+${TU}${r}-${DE}${r}+${CO}${r}`, fromCenti(balance), S.hours);
    const money = entryMoney(e);
    for (const [key] of MONEY) {
      const value = money[key];
      if (value === null) cell(E[key]).style = S.blank;
      else {
        setNumber(cell(E[key]), fromMinor(value), S.money);
        widths.money(E[key], value);
      }
    }
    fitRowHeight(ws, r, [
      { text: content, width: CONTENT_WIDTH },
      { text: stage, width: STAGE_WIDTH },
      { text: kind, width: KIND_WIDTH },
    ]);
    if (e.orderNumber) widths.text(E.order, e.orderNumber);
    if (e.code) widths.text(E.code, e.code);
    if (e.categoryName) widths.text(E.category, e.categoryName);
    widths.fixed(amountCol, amount, 2);
    widths.fixed(E.balance, balance, 2);
    r++;
  }
  const lastEntry = r - 1;
  if (c.entries.length === 0) {
    ws.mergeCells(r, 1, r, E_LAST);
    setText(ws.getCell(r, 1), w('noEntries'), S.note);
    r++;
  } else {
    ws.autoFilter = { from: { row: HEADER, column: 1 }, to: { row: lastEntry, column: E_LAST } };
  }

  // The month's totals and the closing balance that chains from the opening one.
  const TOTAL = r;
  styleRange(ws, TOTAL, 1, E_LAST, S.totalBlank);
  ws.mergeCells(TOTAL, 1, TOTAL, E.k);
  setText(ws.getCell(TOTAL, 1), w('monthTotal'), S.totalLabel);
  const sum = (colNo: number, hundredths: number, style: typeof S.totalHours) =>
    setSum(ws.getCell(TOTAL, colNo), colNo, { first: HEADER + 1, last: lastEntry }, hundredths / 100, style);
  sum(E.topup, c.topupsCenti, S.totalHours);
  sum(E.debit, c.debitsCenti, S.totalHours);
  sum(E.correction, c.correctionsCenti, S.totalHours);
  for (const [key, figure] of MONEY) sum(E[key], c[figure], S.totalMoney);
  const CLOSE = TOTAL + 1;
  ws.mergeCells(CLOSE, 1, CLOSE, E.balance - 1);
  setText(ws.getCell(CLOSE, 1), w('closingRow'), S.labelRight);
  setFormula(
    ws.getCell(CLOSE, E.balance),
    `${B}${OPEN_ROW}+${TU}${TOTAL}-${DE}${TOTAL}+${CO}${TOTAL}`,
    fromCenti(c.closingCenti),
    S.closing,
  );
  ws.getRow(CLOSE).height = 18;
  ws.mergeCells(CLOSE + 2, 1, CLOSE + 2, E_LAST);
  setText(ws.getCell(CLOSE + 2, 1), w('legend'), S.legend);

  for (const v of [c.topupsCenti, c.debitsCenti, c.correctionsCenti, c.openingCenti, c.closingCenti]) widths.fixed(E.balance, v, 2);
  for (const [key, figure] of MONEY) widths.money(E[key], c[figure]);
  widths.apply(ws, {
    [E.date]: { min: 12, max: 12 },
    [E.order]: { min: 10, max: 16 },
    [E.code]: { min: 6, max: 10 },
    [E.category]: { min: 12, max: 20 },
    [E.hours]: { min: 8, max: 10 },
    [E.k]: { min: 5, max: 7 },
    [E.topup]: { min: 12, max: 14 },
    [E.debit]: { min: 12, max: 14 },
    [E.correction]: { min: 15, max: 16 },
    [E.balance]: { min: 12, max: 14 },
    ...Object.fromEntries(MONEY.map(([key]) => [E[key], { min: 12, max: 18 }])),
  });
  ws.getColumn(E.stage).width = STAGE_WIDTH;
  ws.getColumn(E.kind).width = KIND_WIDTH;
  ws.getColumn(E.content).width = CONTENT_WIDTH;
  freezeHeader(ws, HEADER);
  printSetup(ws, { landscape: true, repeatRow: HEADER, footerLeft: report.companyName, footerRight: `${c.name} · ${report.month}` });

  return {
    sheet: name,
    opening: `${B}${OPEN_ROW}`,
    topups: `${TU}${TOTAL}`,
    debits: `${DE}${TOTAL}`,
    corrections: `${CO}${TOTAL}`,
    closing: `${B}${CLOSE}`,
    ...(Object.fromEntries(MONEY.map(([key]) => [key, `${col(E[key])}${TOTAL}`])) as Record<(typeof MONEY)[number][0], string>),
  };
}

// Columns of the summary.
const S_COL = { customer: 1, opening: 2, topups: 3, debits: 4, corrections: 5, closing: 6, net: 7, vat: 8, total: 9, paid: 10 } as const;
const S_LAST = S_COL.paid;

function summarySheet(ws: Worksheet, S: SheetStyles, report: ConsumptionReport, customers: CustomerCells[], lang: Lang) {
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
  const entries = consumptionRowCount(report);
  if (customers.length === 0 || entries === 0) {
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
