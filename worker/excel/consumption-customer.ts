/**
 * A customer's sheet of the monthly consumption report (excel/consumption.ts): the opening balance,
 * every ledger entry of the month with its norm-hours in the column of its kind, a running balance
 * as a formula chained from the opening one, the money of services and payments, the month's SUMs
 * and the closing balance. It answers where its totals are, for the summary's formulas to link to.
 */
import type ExcelJS from './exceljs';
import {
  entryMoney,
  runningBalances,
  type ConsumptionEntry,
  type ConsumptionReport,
  type CustomerConsumption,
} from '../domain/consumption';
import { currencySymbol, type Lang } from '../domain/format';
import { LEDGER_KIND_WORDS, TOPUP_KIND_WORDS } from '../domain/words/kinds';
import { say } from '../domain/words/words';
import {
  Widths,
  colLetter as col,
  fitRowHeight,
  freezeHeader,
  fromCenti,
  fromMilli,
  fromMinor,
  printSetup,
  setDate,
  setFormula,
  setNumber,
  setSum,
  setText,
  styleRange,
} from './cells';
import { MONEY, heading, headerRow, wordOf, type CustomerCells, type SheetStyles } from './consumption-layout';

/** A two-line column head: the unit under the name. */
const twoLines = (head: string) => head.replace(', ', ',\n');

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

const CONTENT_WIDTH = 36;
const STAGE_WIDTH = 18;
const KIND_WIDTH = 15;

function kindText(e: ConsumptionEntry, lang: Lang): string {
  const kind = say(lang, LEDGER_KIND_WORDS[e.kind]);
  return e.kind === 'topup' && e.topupKind ? `${kind} (${say(lang, TOPUP_KIND_WORDS[e.topupKind])})` : kind;
}

export function customerSheet(
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
