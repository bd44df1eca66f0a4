/**
 * The estimate as an .xlsx an accountant can file and check: sheet "Смета"/"Estimate" with
 * the company, customer, number, dates and a table of lines whose norm-hours and amounts
 * are live formulas (ROUND(qty×hours×K, 2), ROUND(qty×hours×K×rate, 2)), section subtotals,
 * then subtotal, discount, VAT and total as formulas; sheet "Услуги"/"Services" with each
 * service's description, inputs, result and limits.
 *
 * It is written from the customer's view of the quote (`SharedQuote`, an allow-list), for
 * staff and customers alike: a file a manager forwards can hold nothing internal (no
 * internal note, no reason for a changed K, no ids). Every formula carries the value the
 * shared pricing module computed, so a viewer that does not recalculate shows the same
 * kopecks as the API, and one that does recalculates to the same kopecks.
 *
 * This module writes the heading, the lines table and the paragraphs under it; the columns and
 * looks are excel/estimate-layout.ts, the figures under the table excel/estimate-totals.ts, the
 * second sheet excel/estimate-services.ts.
 */
import ExcelJS from './exceljs';
import { currencySymbol, formatDay, type Lang } from '../domain/format';
import type { SharedQuote } from '../domain/shared-view';
import { DOCUMENT_WORDS } from '../domain/words/documents';
import { QUOTE_STATUS_WORDS } from '../domain/words/statuses';
import { vocabulary } from '../domain/words/vocabulary';
import { say, wordsOf } from '../domain/words/words';
import {
  Styles,
  Widths,
  calendarDay,
  cleanText,
  colLetter as col,
  fitRowHeight,
  freezeHeader,
  fromCenti,
  fromMilli,
  fromMinor,
  printSetup,
  setDate,
  setNumber,
  setProperties,
  setText,
  styleRange,
  toArrayBuffer,
} from './cells';
import { C, INFO_WIDTH, LAST, SERVICE_WIDTH, estimateStyles } from './estimate-layout';
import { servicesSheet } from './estimate-services';
import { sectionSubtotals, totalRows } from './estimate-totals';
import { refusal, unlessRefused, type DocumentRefusal } from './refusal';

/** The words the Excel estimate reads: the estimate's, shared with the PDF and the customer's page. */
export const ESTIMATE_SHEET_WORDS = vocabulary(DOCUMENT_WORDS);
export type EstimateWord = keyof typeof ESTIMATE_SHEET_WORDS;
type Word = EstimateWord;

export interface EstimateInput {
  quote: SharedQuote;
  /** The company's time zone: dates in the file are its calendar dates. */
  timeZone: string;
  generatedAt: Date;
}

/** A quote whose lines are not all priced is not exported (Excel or PDF): its totals would be wrong. */
/** Incomplete lines refuse the file (what a line is made of beyond its figures does not matter here). */
type RefusalLine = Pick<SharedQuote['lines'][number], 'kind' | 'hoursCenti' | 'amountMinor' | 'code' | 'title'>;

export function estimateRefusal(q: {
  lines: readonly RefusalLine[];
  totals: Pick<SharedQuote['totals'], 'incompleteLines'>;
}): DocumentRefusal | null {
  const incomplete = q.lines.filter((l) => l.kind !== 'section' && (l.hoursCenti === null || l.amountMinor === null));
  if (incomplete.length === 0 && q.totals.incompleteLines === 0) return null;
  const names = incomplete.map((l) => (l.code ? `${l.code} «${l.title}»` : `«${l.title}»`)).slice(0, 5);
  const list = names.join(', ') + (incomplete.length > names.length ? ', …' : '');
  return refusal('incomplete_lines', DOCUMENT_WORDS.incompleteLines, { list }, { incompleteLines: incomplete.length });
}

/** Builds the workbook; a quote `estimateRefusal` refuses is the route's to answer (DocumentRefused here). */
export async function estimateWorkbook(input: EstimateInput, lang: Lang): Promise<ArrayBuffer> {
  const q = input.quote;
  unlessRefused(estimateRefusal(q));
  const w = wordsOf(ESTIMATE_SHEET_WORDS, lang);
  const dateOf = calendarDay(input.timeZone);
  const wb = new ExcelJS.Workbook();
  setProperties(wb, {
    title: `${w('estimate')} ${q.quote.number}`,
    subject: q.quote.title,
    company: q.company.name,
    keywords: [q.quote.number, q.customer.name].join('; '),
    lang,
    created: input.generatedAt,
  });
  const st = new Styles();
  const S = estimateStyles(st, q.quote.currency, lang);

  const ws = wb.addWorksheet(w('estimate'), { properties: { defaultRowHeight: 12.75 } });
  const widths = new Widths(lang, q.quote.currency);

  // ---- the heading block ----
  const revision = q.quote.revision > 1 ? `, ${w('revision')} ${q.quote.revision}` : '';
  setText(ws.getCell('A1'), `${w('estimateNo')} ${q.quote.number}${revision}`, S.title);
  ws.getRow(1).height = 20;
  ws.mergeCells(2, 1, 2, LAST);
  setText(ws.getCell('A2'), q.quote.title, S.subtitle);

  const label = (row: number, fromCol: number, toCol: number, text: string) => {
    if (toCol > fromCol) ws.mergeCells(row, fromCol, row, toCol);
    setText(ws.getCell(row, fromCol), text, S.label);
  };
  const value = (row: number, text: string, style: typeof S.value) => {
    ws.mergeCells(row, C.service, row, C.k);
    setText(ws.getCell(row, C.service), text, style);
  };
  const sideValue = (row: number, key: Word, set: (cell: ExcelJS.Cell) => void) => {
    label(row, C.normHours, C.rate, w(key));
    set(ws.getCell(row, C.amount));
  };
  const dateValue = (cell: ExcelJS.Cell, iso: string | null, missing: string) => {
    if (iso) setDate(cell, iso, S.sideDate);
    else setText(cell, missing, S.sideText);
  };

  label(3, C.no, C.code, w('contractor'));
  value(3, q.company.name, S.valueBold);
  label(5, C.no, C.code, w('customer'));
  value(5, q.customer.name, S.valueBold);
  if (q.company.details) value(4, q.company.details, S.valueSmall);
  const legal = q.customer.legalName && q.customer.legalName !== q.customer.name ? q.customer.legalName : '';
  if (legal) value(6, legal, S.valueSmall);
  sideValue(3, 'date', (cell) => dateValue(cell, dateOf(q.quote.sentAt), w('notSent')));
  sideValue(4, 'validUntil', (cell) => dateValue(cell, q.quote.validUntil, '—'));
  sideValue(5, 'rate', (cell) => setNumber(cell, fromMinor(q.quote.rateMinor), S.sideMoney));
  const status = q.replaced ? w('replaced') : say(lang, QUOTE_STATUS_WORDS[q.quote.status]);
  sideValue(6, 'status', (cell) => setText(cell, status, S.sideWrap));
  fitRowHeight(ws, 2, [{ text: q.quote.title, width: 130, size: 12 }]);
  fitRowHeight(ws, 3, [{ text: q.company.name, width: INFO_WIDTH }]);
  if (q.company.details) fitRowHeight(ws, 4, [{ text: q.company.details, width: INFO_WIDTH * 1.1, size: 9 }]);
  fitRowHeight(ws, 5, [{ text: q.customer.name, width: INFO_WIDTH }]);
  fitRowHeight(ws, 6, [
    { text: legal, width: INFO_WIDTH * 1.1, size: 9 },
    { text: status, width: 18 },
  ]);
  ws.getRow(7).height = 8;

  // ---- the lines table ----
  const HEADER_ROW = 8;
  const symbol = currencySymbol(q.quote.currency);
  const headers = [
    w('numberSign'),
    w('code'),
    w('service'),
    w('qty'),
    w('hours'),
    w('k'),
    w('normHours'),
    `${w('rateColumn')}, ${symbol}`,
    `${w('amount')}, ${symbol}`,
  ];
  type Line = SharedQuote['lines'][number];
  const rows: ExcelJS.CellValue[][] = [];
  const rowLines: Line[] = [];
  /** The rows of each of the view's sections (its figures are the view's), in the same order. */
  const ranges: { first: number; last: number }[] = [];
  const hasSections = q.sections.length > 0;
  let current: { first: number; last: number } | null = null;
  let n = 0;
  for (const line of q.lines) {
    const r = HEADER_ROW + 1 + rows.length;
    rowLines.push(line);
    if (line.kind === 'section') {
      current = { first: r + 1, last: r };
      ranges.push(current);
      rows.push([null, null, cleanText(line.title), null, null, null, null, null, null]);
      continue;
    }
    if (hasSections && !current) {
      current = { first: r, last: r - 1 };
      ranges.push(current);
    }
    n++;
    const ref = (c: number) => `${col(c)}${r}`;
    const title: ExcelJS.CellValue = line.note
      ? { richText: [{ text: cleanText(line.title) }, { text: `\n${cleanText(line.note)}`, font: S.note.font }] }
      : cleanText(line.title);
    rows.push([
      n,
      cleanText(line.code),
      title,
      fromMilli(line.quantityMilli),
      fromCenti(line.hoursCenti!),
      fromMilli(line.kMilli),
      { formula: `ROUND(${ref(C.qty)}*${ref(C.hours)}*${ref(C.k)},2)`, result: fromCenti(line.normHoursCenti!) },
      fromMinor(q.quote.rateMinor),
      { formula: `ROUND(${ref(C.qty)}*${ref(C.hours)}*${ref(C.k)}*${ref(C.rate)},2)`, result: fromMinor(line.amountMinor!) },
    ]);
    if (current) current.last = r;
    widths.text(C.code, line.code);
    widths.milli(C.qty, line.quantityMilli);
    widths.fixed(C.hours, line.hoursCenti!, 2);
    widths.milli(C.k, line.kMilli);
    widths.fixed(C.normHours, line.normHoursCenti!, 2);
    widths.money(C.amount, line.amountMinor!);
  }
  widths.money(C.rate, q.quote.rateMinor);
  widths.money(C.amount, q.totals.totalMinor);
  widths.money(C.amount, q.totals.subtotalMinor);
  widths.fixed(C.normHours, q.totals.normHoursCenti, 2);

  const firstRow = HEADER_ROW + 1;
  const lastRow = HEADER_ROW + rows.length;
  if (rows.length > 0) {
    // An Excel table: filters on every column; its cells get their styles just below.
    ws.addTable({
      name: 'Lines',
      displayName: 'Lines',
      ref: `A${HEADER_ROW}`,
      headerRow: true,
      totalsRow: false,
      style: { theme: 'TableStyleLight1', showRowStripes: false },
      columns: headers.map((name) => ({ name, filterButton: true })),
      rows,
    });
  } else {
    headers.forEach((h, i) => {
      ws.getCell(HEADER_ROW, i + 1).value = h;
    });
  }
  styleRange(ws, HEADER_ROW, 1, LAST, S.header);
  ws.getRow(HEADER_ROW).height = 27;

  const ITEM_STYLES = [S.no, S.code, S.service, S.plain, S.hours, S.plain, S.hours, S.money, S.money];
  rowLines.forEach((line, i) => {
    const r = firstRow + i;
    const row = ws.getRow(r);
    const text = line.note ? `${line.title}\n${line.note}` : line.title;
    if (line.kind === 'section') {
      for (let c = 1; c <= LAST; c++) row.getCell(c).style = c === C.service ? S.sectionTitle : S.sectionCell;
    } else {
      ITEM_STYLES.forEach((style, c) => {
        row.getCell(c + 1).style = style;
      });
    }
    fitRowHeight(ws, r, [{ text, width: SERVICE_WIDTH }]);
  });

  let r = lastRow + 1;
  if (rows.length === 0) {
    ws.mergeCells(r, 1, r, LAST);
    setText(ws.getCell(r, 1), w('noLines'), S.empty);
    r++;
  }

  // ---- subtotals by section, then the totals: every figure a formula over the cells above, with its exact value ----
  r = sectionSubtotals(ws, S, q, w, r + 1, ranges);
  r = totalRows(ws, S, q, w, r, { first: firstRow, last: lastRow });

  // ---- note, answer, formula legend ----
  r++;
  const paragraph = (key: Word, text: string) => {
    label(r, C.no, C.code, w(key));
    ws.mergeCells(r, C.service, r, LAST);
    setText(ws.getCell(r, C.service), text, S.paragraph);
    fitRowHeight(ws, r, [{ text, width: 120 }]);
    r++;
  };
  if (q.quote.customerNote) paragraph('note', q.quote.customerNote);
  if (q.answer) {
    const when = dateOf(q.answer.at);
    const whenText = when ? ` · ${formatDay(when, lang)}` : '';
    const statusWord = say(lang, QUOTE_STATUS_WORDS[q.answer.kind]);
    paragraph('answer', `${statusWord} · ${q.answer.name ?? ''}${whenText}${q.answer.message ? `\n${q.answer.message}` : ''}`);
  }
  r++;
  ws.mergeCells(r, C.no, r, LAST);
  setText(ws.getCell(r, C.no), w('formulaSheet'), S.small);
  r++;
  ws.mergeCells(r, C.no, r, LAST);
  const stamp = dateOf(input.generatedAt.toISOString())!;
  setText(ws.getCell(r, C.no), `${w('generatedOn')} ${formatDay(stamp, lang)} · ${q.company.name}`, S.small);

  widths.apply(ws, {
    [C.no]: { min: 5, max: 6 },
    [C.code]: { min: 8, max: 12 },
    [C.qty]: { min: 8, max: 12 },
    [C.hours]: { min: 9, max: 12 },
    [C.k]: { min: 6, max: 8 },
    [C.normHours]: { min: 11, max: 14 },
    [C.rate]: { min: 14, max: 18 },
    [C.amount]: { min: 18, max: 22 },
  });
  ws.getColumn(C.service).width = SERVICE_WIDTH;

  freezeHeader(ws, HEADER_ROW);
  printSetup(ws, { repeatRow: HEADER_ROW, footerLeft: q.company.name, footerRight: `${w('estimate')} ${q.quote.number}` });

  servicesSheet(wb, q, w, st);
  return toArrayBuffer(wb);
}
