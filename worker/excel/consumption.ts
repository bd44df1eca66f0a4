/**
 * The monthly consumption report as .xlsx (DOMAIN.md, "Monthly consumption report"):
 *
 * - a summary sheet: one row per customer — opening balance, top-ups, debits, corrections,
 *   closing balance in norm-hours, money equivalent of the debits — linked by formulas to
 *   the customer's sheet, closing = opening + top-ups − debits + corrections, and a total
 *   row of SUMs;
 * - one sheet per customer: the opening balance, every ledger entry of the month (date on
 *   the company's calendar, order, stage, service code, category, hours, K, norm-hours in a
 *   top-up / debit / correction column, a running balance, the money equivalent), SUMs,
 *   and the closing balance as the formula opening + top-ups − debits + corrections.
 *
 * Every formula carries the value computed here in integer arithmetic, so a reader that
 * does not recalculate shows what one that does computes.
 */
import ExcelJS from './exceljs';
import type { Worksheet } from 'exceljs';
import type { ConsumptionEntry, ConsumptionReport, CustomerConsumption, TopupKind } from '../domain/consumption';
import { currencySymbol, type Lang } from '../domain/format';
import { unprocessable } from '../http/errors';
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
  dateFormat,
  fitRowHeight,
  fromCenti,
  fromMilli,
  fromMinor,
  moneyFormat,
  printSetup,
  setDate,
  setFormula,
  setNumber,
  setProperties,
  setText,
  sheetRef,
  styleRange,
  toArrayBuffer,
  uniqueSheetName,
} from './cells';

/** Entry rows one workbook may hold: 10 000 took about 1 s and 105 MB in bench/RESULTS.md, 20 000 went past the 128 MB a Worker may use. */
export const CONSUMPTION_ROW_CAP = 10_000;

export function consumptionRowCount(report: Pick<ConsumptionReport, 'customers'>): number {
  return report.customers.reduce((n, c) => n + c.entries.length, 0);
}

/** Refuses (422 report_too_large) a report with more entries than one file may hold. */
export function assertConsumptionFits(report: Pick<ConsumptionReport, 'customers'>, cap = CONSUMPTION_ROW_CAP) {
  const rows = consumptionRowCount(report);
  if (rows <= cap) return;
  throw unprocessable(
    'report_too_large',
    {
      en: `The report has ${rows} ledger entries; one Excel file holds at most ${cap}. Download it per customer (customerId=…).`,
      ru: `В отчёте ${rows} операций; в один файл Excel помещается не больше ${cap}. Выгрузите отчёт по каждому заказчику отдельно (customerId=…).`,
    },
    { rows, cap },
  );
}

const WORDS = {
  summary: ['Сводка', 'Summary'],
  title: ['Отчёт о расходе нормо-часов за', 'Monthly norm-hour consumption report,'],
  timeZone: ['Даты — по часовому поясу', 'Dates in the time zone'],
  generated: ['сформирован', 'generated'],
  customer: ['Заказчик', 'Customer'],
  opening: ['Остаток на начало,\nнормо-ч', 'Opening balance,\nnorm-h'],
  topups: ['Пополнения,\nнормо-ч', 'Top-ups,\nnorm-h'],
  debits: ['Списания,\nнормо-ч', 'Debits,\nnorm-h'],
  corrections: ['Корректировки,\nнормо-ч', 'Corrections,\nnorm-h'],
  closing: ['Остаток на конец,\nнормо-ч', 'Closing balance,\nnorm-h'],
  money: ['Списано, денежный\nэквивалент', 'Debits, money\nequivalent'],
  total: ['Итого', 'Total'],
  emptyMonth: ['За этот месяц операций по балансам нормо-часов не было.', 'There were no norm-hour ledger entries in this month.'],
  noCustomers: ['Нет заказчиков с балансом или операциями за месяц.', 'No customer had a balance or ledger entries in this month.'],
  legend: [
    'Остаток на конец = остаток на начало + пополнения − списания + корректировки. Денежный эквивалент — по стоимости нормо-часа, действовавшей при списании.',
    'Closing = opening + top-ups − debits + corrections. Money equivalent at the norm-hour rate in force at each debit.',
  ],
  openingRow: ['Остаток на начало месяца', 'Opening balance'],
  closingRow: ['Остаток на конец месяца', 'Closing balance'],
  monthTotal: ['Итого за месяц', 'Month total'],
  noEntries: ['Операций за месяц не было.', 'No ledger entries this month.'],
  date: ['Дата', 'Date'],
  operation: ['Операция', 'Entry'],
  order: ['Заявка', 'Work order'],
  stage: ['Этап', 'Stage'],
  code: ['Код', 'Code'],
  content: ['Содержание', 'Description'],
  category: ['Категория', 'Category'],
  hours: ['Часы', 'Hours'],
  k: ['K', 'K'],
  topup: ['Пополнение,\nнормо-ч', 'Top-up,\nnorm-h'],
  debit: ['Списание,\nнормо-ч', 'Debit,\nnorm-h'],
  correction: ['Корректировка,\nнормо-ч', 'Correction,\nnorm-h'],
  balance: ['Остаток,\nнормо-ч', 'Balance,\nnorm-h'],
  debitMoney: ['Списано', 'Debited'],
  kindTopup: ['Пополнение', 'Top-up'],
  kindDebit: ['Списание', 'Debit'],
  kindCorrection: ['Корректировка', 'Correction'],
} satisfies Record<string, [string, string]>;

const TOPUP_KIND: Record<TopupKind, [string, string]> = {
  tariff: ['тарифный план', 'tariff plan'],
  support: ['пакет расширенной поддержки', 'extended support package'],
  contract: ['отдельный договор', 'separate contract'],
};

const MONTHS: Record<Lang, string[]> = {
  ru: ['январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

type Word = keyof typeof WORDS;
const wordOf = (lang: Lang) => (key: Word) => WORDS[key][lang === 'ru' ? 0 : 1];
const col = (n: number) => String.fromCharCode(64 + n);

export function monthTitle(month: string, lang: Lang): string {
  const [y, m] = month.split('-');
  const name = MONTHS[lang][Number(m) - 1] ?? month;
  return lang === 'ru' ? `${name} ${y} г.` : `${name} ${y}`;
}

function stampText(iso: string, timeZone: string, lang: Lang): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(d);
  const p = Object.fromEntries(parts.map((x) => [x.type, x.value]));
  return lang === 'ru' ? `${p.day}.${p.month}.${p.year} ${p.hour}:${p.minute}` : `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

/** Where a customer sheet keeps the figures the summary links to. */
interface CustomerCells {
  sheet: string;
  opening: string;
  topups: string;
  debits: string;
  corrections: string;
  closing: string;
  money: string;
  values: { opening: number; topups: number; debits: number; corrections: number; closing: number; money: number };
}

// Columns of a customer sheet.
const E = { date: 1, kind: 2, order: 3, stage: 4, code: 5, content: 6, category: 7, hours: 8, k: 9, topup: 10, debit: 11, correction: 12, balance: 13, money: 14 } as const;
const E_LAST = E.money;
const CONTENT_WIDTH = 36;
const STAGE_WIDTH = 18;
const KIND_WIDTH = 15;

/** `rowCap` is for the bench, which measures a file beyond the cap to show why it is there. */
export async function consumptionWorkbook(report: ConsumptionReport, lang: Lang, { rowCap = CONSUMPTION_ROW_CAP } = {}): Promise<ArrayBuffer> {
  assertConsumptionFits(report, rowCap);
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
  const cells = report.customers.map((c) => customerSheet(wb, st, report, c, uniqueSheetName(c.name, taken, `${w('customer')} ${c.customerId}`), lang));
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

function heading(ws: Worksheet, S: SheetStyles, report: ConsumptionReport, title: string, lang: Lang, lastCol: number, withPeriod: boolean) {
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
      `${w('timeZone')} ${report.timeZone}`,
      `${w('generated')} ${stampText(report.generatedAt, report.timeZone, lang)}`,
    ]
      .filter(Boolean)
      .join(' · '),
    S.subtitle,
  );
}

function headerRow(ws: Worksheet, S: SheetStyles, row: number, names: string[]) {
  names.forEach((name, i) => setText(ws.getCell(row, i + 1), name, S.header));
  ws.getRow(row).height = 27;
}

function kindText(e: ConsumptionEntry, lang: Lang): string {
  const w = wordOf(lang);
  if (e.kind === 'debit') return w('kindDebit');
  if (e.kind === 'correction') return w('kindCorrection');
  return e.topupKind ? `${w('kindTopup')} (${TOPUP_KIND[e.topupKind][lang === 'ru' ? 0 : 1]})` : w('kindTopup');
}

function customerSheet(wb: ExcelJS.Workbook, S: SheetStyles, report: ConsumptionReport, c: CustomerConsumption, name: string, lang: Lang): CustomerCells {
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
    w('date'), w('operation'), w('order'), w('stage'), w('code'), w('content'), w('category'), w('hours'), w('k'),
    w('topup'), w('debit'), w('correction'), w('balance'), `${w('debitMoney')}, ${currencySymbol(report.currency)}`,
  ]);

  let r = HEADER + 1;
  let balance = c.openingCenti;
  let topups = 0;
  let debits = 0;
  let corrections = 0;
  let moneyMinor = 0;
  const B = col(E.balance);
  const [TU, DE, CO] = [col(E.topup), col(E.debit), col(E.correction)];
  for (const e of c.entries) {
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
    if (e.kind === 'topup') topups += amount;
    else if (e.kind === 'debit') debits += amount;
    else corrections += amount;
    balance += e.kind === 'debit' ? -amount : amount;
    const prev = r === HEADER + 1 ? `${B}${OPEN_ROW}` : `${B}${r - 1}`;
    setFormula(cell(E.balance), `${prev}+${TU}${r}-${DE}${r}+${CO}${r}`, fromCenti(balance), S.hours);
    if (e.kind === 'debit') {
      setNumber(cell(E.money), fromMinor(-e.moneyMinor), S.money);
      moneyMinor -= e.moneyMinor;
      widths.money(E.money, -e.moneyMinor);
    } else cell(E.money).style = S.blank;
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
  const sum = (colNo: number, hundredths: number, style: typeof S.totalHours) => {
    const cell = ws.getCell(TOTAL, colNo);
    if (c.entries.length > 0) setFormula(cell, `SUM(${col(colNo)}${HEADER + 1}:${col(colNo)}${lastEntry})`, hundredths / 100, style);
    else setNumber(cell, 0, style);
  };
  sum(E.topup, topups, S.totalHours);
  sum(E.debit, debits, S.totalHours);
  sum(E.correction, corrections, S.totalHours);
  sum(E.money, moneyMinor, S.totalMoney);
  const CLOSE = TOTAL + 1;
  ws.mergeCells(CLOSE, 1, CLOSE, E.balance - 1);
  setText(ws.getCell(CLOSE, 1), w('closingRow'), S.labelRight);
  const closing = c.openingCenti + topups - debits + corrections;
  setFormula(ws.getCell(CLOSE, E.balance), `${B}${OPEN_ROW}+${TU}${TOTAL}-${DE}${TOTAL}+${CO}${TOTAL}`, fromCenti(closing), S.closing);
  ws.getRow(CLOSE).height = 18;
  ws.mergeCells(CLOSE + 2, 1, CLOSE + 2, E_LAST);
  setText(ws.getCell(CLOSE + 2, 1), w('legend'), S.legend);

  for (const v of [topups, debits, corrections, c.openingCenti, closing]) widths.fixed(E.balance, v, 2);
  widths.money(E.money, moneyMinor);
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
    [E.money]: { min: 14, max: 20 },
  });
  ws.getColumn(E.stage).width = STAGE_WIDTH;
  ws.getColumn(E.kind).width = KIND_WIDTH;
  ws.getColumn(E.content).width = CONTENT_WIDTH;
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: HEADER, topLeftCell: `A${HEADER + 1}`, activeCell: `A${HEADER + 1}`, showGridLines: false }];
  printSetup(ws, { landscape: true, repeatRow: HEADER, footerLeft: report.companyName, footerRight: `${c.name} · ${report.month}` });

  return {
    sheet: name,
    opening: `${B}${OPEN_ROW}`,
    topups: `${TU}${TOTAL}`,
    debits: `${DE}${TOTAL}`,
    corrections: `${CO}${TOTAL}`,
    closing: `${B}${CLOSE}`,
    money: `${col(E.money)}${TOTAL}`,
    values: { opening: c.openingCenti, topups, debits, corrections, closing, money: moneyMinor },
  };
}

// Columns of the summary.
const S_COL = { customer: 1, opening: 2, topups: 3, debits: 4, corrections: 5, closing: 6, money: 7 } as const;
const S_LAST = S_COL.money;

function summarySheet(ws: Worksheet, S: SheetStyles, report: ConsumptionReport, customers: CustomerCells[], lang: Lang) {
  const w = wordOf(lang);
  const widths = new Widths(lang, report.currency);
  const K = S_COL;
  heading(ws, S, report, `${w('title')} ${monthTitle(report.month, lang)}`, lang, S_LAST, false);
  const HEADER = 4;
  headerRow(ws, S, HEADER, [w('customer'), w('opening'), w('topups'), w('debits'), w('corrections'), w('closing'), `${w('money')}, ${currencySymbol(report.currency)}`]);
  ws.getRow(HEADER).height = 40;

  let r = HEADER + 1;
  const first = r;
  for (const [i, c] of customers.entries()) {
    const name = report.customers[i]!.name;
    setText(ws.getCell(r, K.customer), name, S.name);
    const link = (colNo: number, ref: string, value: number, style: typeof S.hours) => setFormula(ws.getCell(r, colNo), `${sheetRef(c.sheet)}!${ref}`, value / 100, style);
    link(K.opening, c.opening, c.values.opening, S.hours);
    link(K.topups, c.topups, c.values.topups, S.hours);
    link(K.debits, c.debits, c.values.debits, S.hours);
    link(K.corrections, c.corrections, c.values.corrections, S.hours);
    setFormula(ws.getCell(r, K.closing), `${col(K.opening)}${r}+${col(K.topups)}${r}-${col(K.debits)}${r}+${col(K.corrections)}${r}`, fromCenti(c.values.closing), S.hours);
    link(K.money, c.money, c.values.money, S.money);
    fitRowHeight(ws, r, [{ text: name, width: 40 }]);
    for (const [k, colNo] of [['opening', K.opening], ['topups', K.topups], ['debits', K.debits], ['corrections', K.corrections], ['closing', K.closing]] as const) {
      widths.fixed(colNo, c.values[k], 2);
    }
    widths.money(K.money, c.values.money);
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

  const TOTAL = r;
  setText(ws.getCell(TOTAL, K.customer), w('total'), S.totalLabelLeft);
  const total = (k: keyof CustomerCells['values']) => customers.reduce((n, c) => n + c.values[k], 0);
  const sum = (colNo: number, value: number, style: typeof S.totalHours) => {
    const cell = ws.getCell(TOTAL, colNo);
    if (customers.length > 0) setFormula(cell, `SUM(${col(colNo)}${first}:${col(colNo)}${last})`, value / 100, style);
    else setNumber(cell, 0, style);
  };
  sum(K.opening, total('opening'), S.totalHours);
  sum(K.topups, total('topups'), S.totalHours);
  sum(K.debits, total('debits'), S.totalHours);
  sum(K.corrections, total('corrections'), S.totalHours);
  sum(K.closing, total('closing'), S.totalHours);
  sum(K.money, total('money'), S.totalMoney);
  for (const k of ['opening', 'topups', 'debits', 'corrections', 'closing'] as const) widths.fixed(K[k], total(k), 2);
  widths.money(K.money, total('money'));
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
    [K.money]: { min: 16, max: 22 },
  });
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: HEADER, topLeftCell: `A${HEADER + 1}`, activeCell: `A${HEADER + 1}`, showGridLines: false }];
  printSetup(ws, { landscape: false, repeatRow: HEADER, footerLeft: report.companyName, footerRight: report.month });
}
