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
 */
import ExcelJS from './exceljs';
import type { Worksheet } from 'exceljs';
import { localDate } from '../domain/calendar';
import { currencySymbol, type Lang } from '../domain/format';
import type { SharedQuote } from '../domain/shared-view';
import { unprocessable } from '../http/errors';
import {
  GRID,
  HAIRLINE,
  HEADER_FILL,
  HOURS_FORMAT,
  INTEGER_FORMAT,
  PLAIN_FORMAT,
  SECTION_FILL,
  Styles,
  TOP_RULE,
  TOTAL_FILL,
  Widths,
  cleanText,
  dateFormat,
  fitRowHeight,
  fromCenti,
  fromMilli,
  fromMinor,
  moneyFormat,
  percentFormat,
  printSetup,
  setDate,
  setFormula,
  setNumber,
  setProperties,
  setText,
  styleRange,
  toArrayBuffer,
} from './cells';

const WORDS = {
  sheet: ['Смета', 'Estimate'],
  services: ['Услуги', 'Services'],
  estimateNo: ['Смета №', 'Estimate No.'],
  revision: ['редакция', 'revision'],
  contractor: ['Исполнитель', 'Contractor'],
  customer: ['Заказчик', 'Customer'],
  date: ['Дата', 'Date'],
  validUntil: ['Действует до', 'Valid until'],
  rate: ['Стоимость нормо-часа', 'Norm-hour rate'],
  status: ['Статус', 'Status'],
  notSent: ['не отправлена', 'not sent'],
  no: ['№', 'No.'],
  code: ['Код', 'Code'],
  service: ['Услуга', 'Service'],
  qty: ['Кол-во', 'Qty'],
  hours: ['Часы', 'Hours'],
  k: ['K', 'K'],
  normHours: ['Нормо-часы', 'Norm-hours'],
  lineRate: ['Ставка', 'Rate'],
  amount: ['Сумма', 'Amount'],
  bySection: ['Итого по разделам', 'Subtotals by section'],
  noSection: ['Без раздела', 'Not in a section'],
  subtotal: ['Сумма', 'Subtotal'],
  discount: ['Скидка', 'Discount'],
  net: ['Сумма со скидкой', 'After discount'],
  vat: ['НДС', 'VAT'],
  vatIncluded: ['в т. ч. НДС', 'incl. VAT'],
  noVat: ['Без НДС', 'No VAT'],
  total: ['Итого', 'Total'],
  note: ['Примечание', 'Note'],
  answer: ['Ответ заказчика', 'Customer’s answer'],
  noLines: ['В смете нет строк.', 'The estimate has no lines.'],
  generated: ['Документ сформирован', 'Generated on'],
  servicesTitle: ['Услуги по смете №', 'Services in estimate No.'],
  category: ['Специалист', 'Specialist'],
  description: ['Описание', 'Description'],
  inputs: ['Исходный материал', 'Input materials'],
  result: ['Результат сервиса', 'Result'],
  limits: ['Ограничения', 'Limits'],
  noDetails: ['Описания услуг в смете не заданы.', 'The estimate’s services carry no descriptions.'],
  formulaHint: [
    'Нормо-часы = ОКРУГЛ(кол-во × часы × K; 2); сумма = ОКРУГЛ(кол-во × часы × K × ставка; 2).',
    'Norm-hours = ROUND(qty × hours × K, 2); amount = ROUND(qty × hours × K × rate, 2).',
  ],
} satisfies Record<string, [string, string]>;

const STATUS: Record<SharedQuote['quote']['status'], [string, string]> = {
  draft: ['Черновик', 'Draft'],
  sent: ['Отправлена', 'Sent'],
  accepted: ['Принята', 'Accepted'],
  declined: ['Отклонена', 'Declined'],
  changes_requested: ['Запрошены изменения', 'Changes requested'],
  expired: ['Просрочена', 'Expired'],
  archived: ['В архиве', 'Archived'],
};

/** A revision a later one replaced: the customer's page says so too. */
const REPLACED: [string, string] = ['Заменена новой редакцией', 'Replaced by a newer revision'];

type Word = keyof typeof WORDS;
const wordOf = (lang: Lang) => (key: Word) => WORDS[key][lang === 'ru' ? 0 : 1];

export interface EstimateInput {
  quote: SharedQuote;
  /** The company's time zone: dates in the file are its calendar dates. */
  timeZone: string;
  generatedAt: Date;
}

/** A quote whose lines are not all priced cannot be exported: its totals would be wrong. */
export function assertExportable(q: Pick<SharedQuote, 'lines' | 'totals'>) {
  const incomplete = q.lines.filter((l) => l.kind !== 'section' && (l.hoursCenti === null || l.amountMinor === null));
  if (incomplete.length === 0 && q.totals.incompleteLines === 0) return;
  const names = incomplete.map((l) => (l.code ? `${l.code} «${l.title}»` : `«${l.title}»`)).slice(0, 5);
  const list = names.join(', ') + (incomplete.length > names.length ? ', …' : '');
  throw unprocessable(
    'incomplete_lines',
    {
      en: `The estimate cannot be exported until every line has its hours. No hours yet: ${list}. Enter them, then export again.`,
      ru: `Смету нельзя выгрузить, пока не во всех строках указаны часы. Нет часов: ${list}. Укажите часы и повторите выгрузку.`,
    },
    { incompleteLines: incomplete.length },
  );
}

// Columns of the estimate sheet.
const C = { no: 1, code: 2, service: 3, qty: 4, hours: 5, k: 6, normHours: 7, rate: 8, amount: 9 } as const;
const LAST = C.amount;
const SERVICE_WIDTH = 46;
const col = (n: number) => String.fromCharCode(64 + n);

function dateOf(iso: string | null, timeZone: string): string | null {
  if (!iso) return null;
  return iso.length === 10 ? iso : localDate(Date.parse(iso), timeZone);
}

/** Builds the workbook; throws the 422 of `assertExportable` for incomplete quotes. */
export async function estimateWorkbook(input: EstimateInput, lang: Lang): Promise<ArrayBuffer> {
  const q = input.quote;
  assertExportable(q);
  const w = wordOf(lang);
  const wb = new ExcelJS.Workbook();
  setProperties(wb, {
    title: `${w('sheet')} ${q.quote.number}`,
    subject: q.quote.title,
    company: q.company.name,
    keywords: [q.quote.number, q.customer.name].join('; '),
    lang,
    created: input.generatedAt,
  });
  const st = new Styles();
  const money = moneyFormat(q.quote.currency, lang);
  const S = {
    title: st.text({ bold: true, size: 14 }),
    subtitle: st.text({ bold: true, size: 12, wrap: true }),
    label: st.text({ grey: true }),
    value: st.text({ wrap: true }),
    valueBold: st.text({ bold: true, wrap: true }),
    valueSmall: st.text({ grey: true, size: 9, wrap: true }),
    sideText: st.text({ h: 'right' }),
    sideWrap: st.text({ h: 'right', wrap: true }),
    sideDate: st.get({ numFmt: dateFormat(lang), h: 'right' }),
    sideMoney: st.get({ numFmt: money, h: 'right' }),
    header: st.text({ bold: true, h: 'center', v: 'middle', wrap: true, fill: HEADER_FILL, border: GRID }),
    sectionCell: st.get({ border: GRID, fill: SECTION_FILL }),
    sectionTitle: st.text({ bold: true, wrap: true, border: GRID, fill: SECTION_FILL }),
    no: st.get({ numFmt: INTEGER_FORMAT, h: 'center', border: GRID }),
    code: st.text({ border: GRID }),
    service: st.text({ wrap: true, border: GRID }),
    plain: st.get({ numFmt: PLAIN_FORMAT, border: GRID }),
    hours: st.get({ numFmt: HOURS_FORMAT, border: GRID }),
    money: st.get({ numFmt: money, border: GRID }),
    note: { font: { name: 'Arial', size: 9, italic: true, color: { argb: 'FF595959' } } },
    bySection: st.text({ bold: true }),
    sectionName: st.text({ wrap: true, border: HAIRLINE }),
    sectionHours: st.get({ numFmt: HOURS_FORMAT, border: HAIRLINE }),
    sectionMoney: st.get({ numFmt: money, border: HAIRLINE }),
    sectionBlank: st.get({ border: HAIRLINE }),
    totalLabel: st.text({ h: 'right' }),
    totalLabelRule: st.text({ h: 'right', border: TOP_RULE, fill: TOTAL_FILL }),
    totalLabelBold: st.text({ h: 'right', bold: true, border: TOP_RULE, fill: TOTAL_FILL }),
    ruleBlank: st.get({ border: TOP_RULE, fill: TOTAL_FILL }),
    ruleHoursBold: st.get({ numFmt: HOURS_FORMAT, bold: true, border: TOP_RULE, fill: TOTAL_FILL }),
    ruleMoney: st.get({ numFmt: money, border: TOP_RULE, fill: TOTAL_FILL }),
    ruleMoneyBold: st.get({ numFmt: money, bold: true, border: TOP_RULE, fill: TOTAL_FILL }),
    totalMoney: st.get({ numFmt: money }),
    percent: (milli: number) => st.get({ numFmt: percentFormat(milli), h: 'right' }),
    paragraph: st.text({ wrap: true }),
    small: st.text({ size: 8, grey: true }),
    empty: st.text({ italic: true, grey: true }),
  };

  const ws = wb.addWorksheet(w('sheet'), { properties: { defaultRowHeight: 12.75 } });
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

  const infoWidth = SERVICE_WIDTH + 8 + 9 + 6;
  label(3, C.no, C.code, w('contractor'));
  value(3, q.company.name, S.valueBold);
  label(5, C.no, C.code, w('customer'));
  value(5, q.customer.name, S.valueBold);
  if (q.company.details) value(4, q.company.details, S.valueSmall);
  const legal = q.customer.legalName && q.customer.legalName !== q.customer.name ? q.customer.legalName : '';
  if (legal) value(6, legal, S.valueSmall);
  sideValue(3, 'date', (cell) => dateValue(cell, dateOf(q.quote.sentAt, input.timeZone), w('notSent')));
  sideValue(4, 'validUntil', (cell) => dateValue(cell, q.quote.validUntil, '—'));
  sideValue(5, 'rate', (cell) => setNumber(cell, fromMinor(q.quote.rateMinor), S.sideMoney));
  const status = q.replaced ? REPLACED : STATUS[q.quote.status];
  sideValue(6, 'status', (cell) => setText(cell, status[lang === 'ru' ? 0 : 1], S.sideWrap));
  fitRowHeight(ws, 2, [{ text: q.quote.title, width: 130, size: 12 }]);
  fitRowHeight(ws, 3, [{ text: q.company.name, width: infoWidth }]);
  if (q.company.details) fitRowHeight(ws, 4, [{ text: q.company.details, width: infoWidth * 1.1, size: 9 }]);
  fitRowHeight(ws, 5, [{ text: q.customer.name, width: infoWidth }]);
  fitRowHeight(ws, 6, [{ text: legal, width: infoWidth * 1.1, size: 9 }, { text: status[lang === 'ru' ? 0 : 1], width: 18 }]);
  ws.getRow(7).height = 8;

  // ---- the lines table ----
  const HEADER_ROW = 8;
  const symbol = currencySymbol(q.quote.currency);
  const headers = [w('no'), w('code'), w('service'), w('qty'), w('hours'), w('k'), w('normHours'), `${w('lineRate')}, ${symbol}`, `${w('amount')}, ${symbol}`];
  type Line = SharedQuote['lines'][number];
  const rows: ExcelJS.CellValue[][] = [];
  const rowLines: Line[] = [];
  interface SectionRange {
    title: string;
    first: number;
    last: number;
    normHoursCenti: number;
    amountMinor: number;
  }
  const sections: SectionRange[] = [];
  const hasSections = q.lines.some((l) => l.kind === 'section');
  let current: SectionRange | null = null;
  let n = 0;
  for (const line of q.lines) {
    const r = HEADER_ROW + 1 + rows.length;
    rowLines.push(line);
    if (line.kind === 'section') {
      current = { title: line.title, first: r + 1, last: r, normHoursCenti: 0, amountMinor: 0 };
      sections.push(current);
      rows.push([null, null, cleanText(line.title), null, null, null, null, null, null]);
      continue;
    }
    if (hasSections && !current) {
      current = { title: '', first: r, last: r - 1, normHoursCenti: 0, amountMinor: 0 };
      sections.push(current);
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
    if (current) {
      current.last = r;
      current.normHoursCenti += line.normHoursCenti!;
      current.amountMinor += line.amountMinor!;
    }
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
    headers.forEach((h, i) => (ws.getCell(HEADER_ROW, i + 1).value = h));
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
      ITEM_STYLES.forEach((style, c) => (row.getCell(c + 1).style = style));
    }
    fitRowHeight(ws, r, [{ text, width: SERVICE_WIDTH }]);
  });

  let r = lastRow + 1;
  if (rows.length === 0) {
    ws.mergeCells(r, 1, r, LAST);
    setText(ws.getCell(r, 1), w('noLines'), S.empty);
    r++;
  }
  const range = (c: number) => (rows.length ? `${col(c)}${firstRow}:${col(c)}${lastRow}` : null);

  // ---- subtotals by section ----
  r++;
  if (sections.length > 0) {
    ws.mergeCells(r, C.service, r, C.k);
    setText(ws.getCell(r, C.service), w('bySection'), S.bySection);
    r++;
    for (const s of sections) {
      styleRange(ws, r, C.service, LAST, S.sectionBlank);
      ws.mergeCells(r, C.service, r, C.k);
      setText(ws.getCell(r, C.service), s.title || w('noSection'), S.sectionName);
      fitRowHeight(ws, r, [{ text: s.title, width: infoWidth }]);
      const sum = (c: number, result: number, style: typeof S.sectionHours) => {
        const cell = ws.getCell(r, c);
        if (s.last >= s.first) setFormula(cell, `SUM(${col(c)}${s.first}:${col(c)}${s.last})`, result, style);
        else setNumber(cell, 0, style);
      };
      sum(C.normHours, fromCenti(s.normHoursCenti), S.sectionHours);
      sum(C.amount, fromMinor(s.amountMinor), S.sectionMoney);
      r++;
    }
    r++;
  }

  // ---- totals: every figure a formula over the cells above, with its exact value ----
  const t = q.totals;
  const totalLine = (text: string, kind: 'plain' | 'rule' | 'bold' = 'plain') => {
    if (kind !== 'plain') styleRange(ws, r, C.service, LAST, S.ruleBlank);
    ws.mergeCells(r, C.service, r, C.k);
    setText(ws.getCell(r, C.service), text, kind === 'plain' ? S.totalLabel : kind === 'rule' ? S.totalLabelRule : S.totalLabelBold);
    return r++;
  };
  const amountCell = (row: number) => ws.getCell(row, C.amount);
  const amountRef = (row: number) => `${col(C.amount)}${row}`;

  const subRow = totalLine(w('subtotal'), 'rule');
  const nhRange = range(C.normHours);
  const amRange = range(C.amount);
  if (nhRange) setFormula(ws.getCell(subRow, C.normHours), `SUM(${nhRange})`, fromCenti(t.normHoursCenti), S.ruleHoursBold);
  else setNumber(ws.getCell(subRow, C.normHours), 0, S.ruleHoursBold);
  if (amRange) setFormula(amountCell(subRow), `SUM(${amRange})`, fromMinor(t.subtotalMinor), S.ruleMoney);
  else setNumber(amountCell(subRow), 0, S.ruleMoney);

  let netRow = subRow;
  if (q.quote.discountRateMilli > 0) {
    const d = totalLine(w('discount'));
    setNumber(ws.getCell(d, C.rate), fromMilli(q.quote.discountRateMilli), S.percent(q.quote.discountRateMilli));
    setFormula(amountCell(d), `ROUND(${amountRef(subRow)}*${col(C.rate)}${d},2)`, fromMinor(t.discountMinor), S.totalMoney);
    netRow = totalLine(w('net'));
    setFormula(amountCell(netRow), `${amountRef(subRow)}-${amountRef(d)}`, fromMinor(t.netMinor), S.totalMoney);
  }

  let vatRow: number;
  if (q.quote.vatMode === 'none') {
    vatRow = totalLine(w('noVat'));
    setNumber(amountCell(vatRow), 0, S.totalMoney);
  } else {
    const included = q.quote.vatMode === 'included';
    vatRow = totalLine(included ? w('vatIncluded') : w('vat'));
    setNumber(ws.getCell(vatRow, C.rate), fromMilli(q.quote.vatRateMilli), S.percent(q.quote.vatRateMilli));
    const rateRef = `${col(C.rate)}${vatRow}`;
    const formula = included ? `ROUND(${amountRef(netRow)}*${rateRef}/(1+${rateRef}),2)` : `ROUND(${amountRef(netRow)}*${rateRef},2)`;
    setFormula(amountCell(vatRow), formula, fromMinor(t.vatMinor), S.totalMoney);
  }

  const totalRow = totalLine(w('total'), 'bold');
  const totalFormula = q.quote.vatMode === 'on_top' ? `${amountRef(netRow)}+${amountRef(vatRow)}` : amountRef(netRow);
  setFormula(amountCell(totalRow), totalFormula, fromMinor(t.totalMinor), S.ruleMoneyBold);

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
    const when = dateOf(q.answer.at, input.timeZone);
    const whenText = when ? ' · ' + dayText(when, lang) : '';
    const statusWord = STATUS[q.answer.kind][lang === 'ru' ? 0 : 1];
    paragraph('answer', `${statusWord} · ${q.answer.name ?? ''}${whenText}${q.answer.message ? `\n${q.answer.message}` : ''}`);
  }
  r++;
  ws.mergeCells(r, C.no, r, LAST);
  setText(ws.getCell(r, C.no), w('formulaHint'), S.small);
  r++;
  ws.mergeCells(r, C.no, r, LAST);
  const stamp = dateOf(input.generatedAt.toISOString(), input.timeZone)!;
  setText(ws.getCell(r, C.no), `${w('generated')} ${dayText(stamp, lang)} · ${q.company.name}`, S.small);

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

  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: HEADER_ROW, topLeftCell: `A${HEADER_ROW + 1}`, activeCell: `A${HEADER_ROW + 1}`, showGridLines: false }];
  printSetup(ws, { repeatRow: HEADER_ROW, footerLeft: q.company.name, footerRight: `${w('sheet')} ${q.quote.number}` });

  servicesSheet(wb, q, lang, st);
  return toArrayBuffer(wb);
}

/** 31.05.2026 / 31/05/2026 */
const dayText = (iso: string, lang: Lang) => iso.split('-').reverse().join(lang === 'ru' ? '.' : '/');

/** One card per distinct service: what it is, what the customer gives, gets, and its limits. */
function servicesSheet(wb: ExcelJS.Workbook, q: SharedQuote, lang: Lang, st: Styles) {
  const w = wordOf(lang);
  const ws: Worksheet = wb.addWorksheet(w('services'));
  const LABEL_WIDTH = 22;
  const TEXT_WIDTH = 92;
  const S = {
    title: st.text({ bold: true, size: 14 }),
    subtitle: st.text({ wrap: true }),
    head: st.text({ bold: true, wrap: true, fill: SECTION_FILL, border: { top: { style: 'thin', color: { argb: 'FF808080' } } } }),
    label: st.text({ grey: true, wrap: true }),
    text: st.text({ wrap: true }),
    empty: st.text({ italic: true, grey: true }),
  };
  ws.getColumn(1).width = LABEL_WIDTH;
  ws.getColumn(2).width = TEXT_WIDTH;
  setText(ws.getCell('A1'), `${w('servicesTitle')} ${q.quote.number}`, S.title);
  ws.getRow(1).height = 20;
  ws.mergeCells(2, 1, 2, 2);
  setText(ws.getCell('A2'), q.quote.title, S.subtitle);
  fitRowHeight(ws, 2, [{ text: q.quote.title, width: LABEL_WIDTH + TEXT_WIDTH }]);

  let r = 4;
  const seen = new Set<string>();
  let cards = 0;
  for (const line of q.lines) {
    if (line.kind === 'section') continue;
    const key = JSON.stringify([line.code, line.title, line.description, line.inputs, line.result, line.limits, line.categoryName]);
    if (seen.has(key)) continue;
    seen.add(key);
    const fields = (
      [
        ['category', line.categoryName],
        ['description', line.description],
        ['inputs', line.inputs],
        ['result', line.result],
        ['limits', line.limits],
      ] as [Word, string][]
    ).filter(([, text]) => text.trim() !== '');
    if (fields.length === 0 && !line.code) continue;
    cards++;
    setText(ws.getCell(r, 1), line.code, S.head);
    setText(ws.getCell(r, 2), line.title, S.head);
    fitRowHeight(ws, r, [{ text: line.title, width: TEXT_WIDTH }]);
    r++;
    for (const [field, text] of fields) {
      setText(ws.getCell(r, 1), w(field), S.label);
      setText(ws.getCell(r, 2), text, S.text);
      fitRowHeight(ws, r, [{ text, width: TEXT_WIDTH }, { text: w(field), width: LABEL_WIDTH }]);
      r++;
    }
    r++;
  }
  if (cards === 0) setText(ws.getCell(r, 1), w('noDetails'), S.empty);
  ws.views = [{ state: 'normal', showGridLines: false }];
  printSetup(ws, { footerLeft: q.company.name, footerRight: `${w('sheet')} ${q.quote.number}` });
}
