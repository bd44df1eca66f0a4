/**
 * What every workbook we write has in common: number formats, styles, text cells that can
 * never turn into formulas, formula cells that always carry their computed result, widths
 * and row heights that fit, A4 print setup.
 *
 * Number formats are stored in Excel's invariant code (`,` groups, `.` is the decimal
 * point); Excel and LibreOffice display them with the reader's separators, so a Russian
 * Excel shows `1 234 567,89 ₽` and an English one `₽1,234,567.89`.
 */
import type * as ExcelJS from 'exceljs';
import type { Alignment, Borders, Cell, Fill, Font, Style, Workbook, Worksheet } from 'exceljs';
import { localDater, wallClock } from '../domain/calendar';
import { currencySymbol, formatFixed, formatMilli, formatMoney, type Lang } from '../domain/format';
import { deflateStoredZip } from './zip-deflate';

export const FONT_NAME = 'Arial';
export const FONT_SIZE = 10;
/** Points per line of 10 pt Arial in a wrapped cell (Excel's default row is 12.75 pt for it). */
const LINE_HEIGHT = 12.75;

// ---------- number formats ----------

export function moneyFormat(currency: string, lang: Lang): string {
  const symbol = currencySymbol(currency).replace(/"/g, '');
  return lang === 'ru' ? `#,##0.00\\ "${symbol}"` : `"${symbol}"#,##0.00`;
}
/** Hours and norm-hours: always two places, like the API's hundredths. */
export const HOURS_FORMAT = '#,##0.00';
/** Quantities and K: as many places as they have (0.6, 1.5, 2). */
export const PLAIN_FORMAT = 'General';
export const INTEGER_FORMAT = '0';
/** `/` would be the reader's date separator; escaped it stays a slash. */
export const dateFormat = (lang: Lang) => (lang === 'ru' ? 'dd.mm.yyyy' : 'dd\\/mm\\/yyyy');
/** A rate in thousandths (220 = 22 %) as a percent format with as many places as it needs. */
export function percentFormat(milli: number): string {
  if (milli % 10 === 0) return '0%';
  return '0.0%';
}
export const TEXT_FORMAT = '@';

// ---------- values ----------

/** Integer hundredths / thousandths / minor units as the number a spreadsheet holds. */
export const fromCenti = (centi: number) => centi / 100;
export const fromMilli = (milli: number) => milli / 1000;
export const fromMinor = (minor: number) => minor / 100;

/** 'YYYY-MM-DD' as an Excel date (exceljs converts a Date through its UTC value). */
export function excelDate(isoDate: string): Date {
  const [y, m, d] = isoDate.slice(0, 10).split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d!));
}

// Characters XML 1.0 cannot carry (a file with them needs "repair"), and lone surrogates.
// eslint-disable-next-line no-control-regex
const NOT_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** Excel's limit for one cell. */
export const MAX_CELL_TEXT = 32_767;

export function cleanText(text: string | null | undefined): string {
  const clean = (text ?? '').replace(/\r\n?/g, '\n').replace(NOT_XML, '');
  return clean.length > MAX_CELL_TEXT ? `${clean.slice(0, MAX_CELL_TEXT - 1)}…` : clean;
}

/**
 * Text that came from people (titles, names, notes, memos). Written as a string (a shared
 * string in the file, never a `<f>`), in a style with the Text number format so that
 * editing the cell in Excel keeps it text too: `=HYPERLINK(…)` or `+1+1` stays what was typed.
 */
export function setText(cell: Cell, text: string | null | undefined, style: Partial<Style>): Cell {
  if (style.numFmt !== TEXT_FORMAT) throw new Error('a text cell needs a text style');
  cell.value = cleanText(text);
  cell.style = style;
  return cell;
}

/** A formula with the value our exact integer arithmetic computed for it (a word for IF(…, "yes", "no")). */
export function setFormula(cell: Cell, formula: string, result: number | string, style: Partial<Style>): Cell {
  cell.value = { formula, result } as Cell['value'];
  cell.style = style;
  return cell;
}

export function setNumber(cell: Cell, value: number, style: Partial<Style>): Cell {
  cell.value = value;
  cell.style = style;
  return cell;
}

/** The SUM of column `col` over rows first..last with the total computed for it; a plain 0 when there are no rows. */
export function setSum(cell: Cell, col: number, rows: { first: number; last: number }, result: number, style: Partial<Style>): Cell {
  if (rows.last < rows.first) return setNumber(cell, 0, style);
  const L = colLetter(col);
  return setFormula(cell, `SUM(${L}${rows.first}:${L}${rows.last})`, result, style);
}

/** An instant (ISO) as the date and time the company's wall clock showed, as a real Excel date-time. */
export function excelDateTime(iso: string, timeZone: string): Date | null {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return null;
  const w = wallClock(ms, timeZone);
  return new Date(Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute));
}

/**
 * The company's calendar date ('YYYY-MM-DD') of what a row stores: a date as it is, an
 * instant through `localDater` (one time-zone look-up per hour of instants, not per row).
 */
export function calendarDay(timeZone: string): (iso: string | null) => string | null {
  const local = localDater(timeZone);
  return (iso) => (iso === null ? null : iso.length === 10 ? iso : local(Date.parse(iso)));
}

export const dateTimeFormat = (lang: Lang) => (lang === 'ru' ? 'dd.mm.yyyy hh:mm' : 'dd\\/mm\\/yyyy hh:mm');

/**
 * A number format that shows `mark` after the value, for the best value of a row: inside a
 * trailing quoted literal when the format ends with one (`#,##0.00\ "₽ ★"`), else appended.
 */
export function markedFormat(numFmt: string, mark: string): string {
  const m = mark.replace(/"/g, '');
  if (numFmt === PLAIN_FORMAT) return `General" ${m}"`;
  return numFmt.endsWith('"') ? `${numFmt.slice(0, -1)} ${m}"` : `${numFmt}" ${m}"`;
}

/** A calendar date 'YYYY-MM-DD' as a real date (sortable, filterable). */
export function setDate(cell: Cell, isoDate: string, style: Partial<Style>): Cell {
  cell.value = excelDate(isoDate);
  cell.style = style;
  return cell;
}

/** Spreadsheet column letters: 1 → A, 27 → AA. */
export function colLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** A sheet name quoted for a formula reference: 'It''s'!A1. */
export const sheetRef = (name: string) => `'${name.replace(/'/g, "''")}'`;

// ---------- sheet names ----------

const SHEET_NAME_MAX = 31;

/**
 * Sheet names Excel accepts: 1–31 characters, none of []:*?/\, not starting or ending with
 * an apostrophe, not "History" (reserved), unique ignoring case (Excel compares them so).
 */
export function uniqueSheetName(wanted: string, taken: Set<string>, fallback: string): string {
  let base = cleanText(wanted)
    .replace(/[[\]:*?/\\]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^'+|'+$/g, '')
    .trim();
  if (!base || base.toLowerCase() === 'history') base = fallback;
  const fits = (s: string, suffix: string) =>
    (s.length + suffix.length > SHEET_NAME_MAX
      ? s
          .slice(0, SHEET_NAME_MAX - suffix.length)
          .replace(/'+$/, '')
          .trimEnd()
      : s) + suffix;
  let name = fits(base, '');
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = fits(base, ` (${n})`);
  taken.add(name.toLowerCase());
  return name;
}

// ---------- styles ----------

export const GREY = 'FF595959';
export const fill = (argb: string): Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });
export const HEADER_FILL = fill('FFDDE4EE');
export const SECTION_FILL = fill('FFF2F2F2');
export const TOTAL_FILL = fill('FFEEF2F7');
const thin = { style: 'thin' as const, color: { argb: 'FFB4B4B4' } };
const dark = { style: 'thin' as const, color: { argb: 'FF808080' } };
const medium = { style: 'medium' as const, color: { argb: 'FF404040' } };
const hair = { style: 'hair' as const, color: { argb: 'FFBFBFBF' } };
export const GRID: Partial<Borders> = { top: thin, bottom: thin, left: thin, right: thin };
export const TOP_RULE: Partial<Borders> = { top: medium };
export const HEADER_RULES: Partial<Borders> = { top: dark, bottom: dark };
export const HAIRLINE: Partial<Borders> = { bottom: hair };
export const CLOSING_RULES: Partial<Borders> = { top: { style: 'thin' }, bottom: { style: 'double' } };

export interface StyleSpec {
  numFmt?: string;
  bold?: boolean;
  italic?: boolean;
  size?: number;
  grey?: boolean;
  h?: 'left' | 'center' | 'right';
  v?: 'top' | 'middle';
  wrap?: boolean;
  border?: Partial<Borders>;
  fill?: Fill;
}

/**
 * One frozen style object per distinct look, shared by every cell that has it: exceljs
 * registers a style once per object (a WeakMap), so a 10 000-row sheet costs a handful of
 * style look-ups instead of one XML serialisation per cell; frozen, so that nothing can
 * change one cell's look through another (assign a whole style, never `cell.numFmt = …`).
 */
export class Styles {
  private readonly cache = new Map<string, Partial<Style>>();

  get(spec: StyleSpec): Partial<Style> {
    const key = JSON.stringify(spec);
    let style = this.cache.get(key);
    if (!style) {
      const f: Partial<Font> = { name: FONT_NAME, size: spec.size ?? FONT_SIZE };
      if (spec.bold) f.bold = true;
      if (spec.italic) f.italic = true;
      if (spec.grey) f.color = { argb: GREY };
      const alignment: Partial<Alignment> = {};
      if (spec.h) alignment.horizontal = spec.h;
      alignment.vertical = spec.v ?? 'top';
      if (spec.wrap) alignment.wrapText = true;
      style = Object.freeze({
        numFmt: spec.numFmt ?? PLAIN_FORMAT,
        font: Object.freeze(f),
        alignment: Object.freeze(alignment),
        ...(spec.border ? { border: spec.border } : {}),
        ...(spec.fill ? { fill: spec.fill } : {}),
      }) as Partial<Style>;
      this.cache.set(key, style);
    }
    return style;
  }

  text(spec: Omit<StyleSpec, 'numFmt'> = {}) {
    return this.get({ ...spec, numFmt: TEXT_FORMAT });
  }
}

/** Gives the cells of `row` from column `from` to `to` (1-based, inclusive) a style, values untouched. */
export function styleRange(ws: Worksheet, row: number, from: number, to: number, style: Partial<Style>) {
  const r = ws.getRow(row);
  for (let col = from; col <= to; col++) r.getCell(col).style = style;
}

// ---------- widths and heights ----------

/** Display length of a value, close enough to size a column (10 pt Arial ≈ 1 char unit each). */
export function displayLength(text: string): number {
  let longest = 0;
  for (const line of text.split('\n')) longest = Math.max(longest, line.length);
  return longest;
}

/** Tracks the widest content per column while a sheet is written. */
export class Widths {
  private readonly max = new Map<number, number>();
  constructor(
    private readonly lang: Lang,
    private readonly currency: string,
  ) {}

  see(col: number, length: number) {
    this.max.set(col, Math.max(this.max.get(col) ?? 0, length));
  }
  text(col: number, text: string) {
    this.see(col, displayLength(text));
  }
  money(col: number, minor: number) {
    this.see(col, formatMoney(minor, this.currency, this.lang).length);
  }
  fixed(col: number, value: number, decimals: number) {
    this.see(col, formatFixed(value, decimals, this.lang).length);
  }
  milli(col: number, milli: number) {
    this.see(col, formatMilli(milli, this.lang).length);
  }
  /** Sets each column's width from what it holds, within [min, max] characters. */
  apply(ws: Worksheet, limits: Record<number, { min: number; max: number }>) {
    for (const [colText, { min, max }] of Object.entries(limits)) {
      const col = Number(colText);
      const seen = this.max.get(col) ?? 0;
      ws.getColumn(col).width = Math.min(max, Math.max(min, seen + 2));
    }
  }
}

/** Lines a text takes in a wrapped cell `width` characters wide. */
export function wrappedLines(text: string, width: number): number {
  const perLine = Math.max(1, Math.floor(width * 1.15) - 1);
  let lines = 0;
  for (const paragraph of text.split('\n')) lines += Math.max(1, Math.ceil(paragraph.length / perLine));
  return lines;
}

/**
 * Excel does not grow a row to fit wrapped text it did not lay out itself, so the height is
 * set from an estimate: the most lines any wrapped cell of the row needs.
 */
export function fitRowHeight(ws: Worksheet, row: number, cells: { text: string; width: number; size?: number }[]) {
  let height = LINE_HEIGHT;
  for (const c of cells) {
    const scale = (c.size ?? FONT_SIZE) / FONT_SIZE;
    height = Math.max(height, wrappedLines(c.text, c.width / scale) * LINE_HEIGHT * scale + 2);
  }
  if (height > LINE_HEIGHT) ws.getRow(row).height = Math.min(409, Math.ceil(height));
}

// ---------- view and print ----------

/** Rows down to `headerRow` (and the first `columns` columns) stay in view while the rest scrolls; no grid lines. */
export function freezeHeader(ws: Worksheet, headerRow: number, columns = 0) {
  const first = `${colLetter(columns + 1)}${headerRow + 1}`;
  ws.views = [{ state: 'frozen', xSplit: columns, ySplit: headerRow, topLeftCell: first, activeCell: first, showGridLines: false }];
}

/** `&` starts a code in headers and footers; a literal one is doubled. */
export const headerText = (text: string) => cleanText(text).replace(/&/g, '&&').replace(/\n/g, ' ');

/**
 * 8 pt text for a header or footer; a space keeps a leading digit from joining the size code.
 * Excel refuses a header or footer over 255 characters: each part is kept to 55 (110 with every & doubled).
 */
const small = (text: string) => {
  const clipped = Array.from(cleanText(text).replace(/\n/g, ' '));
  const t = headerText(clipped.length > 55 ? `${clipped.slice(0, 54).join('')}…` : clipped.join(''));
  return /^\d/.test(t) ? `&8 ${t}` : `&8${t}`;
};

export function printSetup(ws: Worksheet, o: { landscape?: boolean; repeatRow?: number; footerLeft: string; footerRight: string }) {
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9, // A4
    orientation: o.landscape ? 'landscape' : 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0, // as many pages tall as it takes
    horizontalCentered: false,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.7, header: 0.3, footer: 0.3 },
    ...(o.repeatRow ? { printTitlesRow: `${o.repeatRow}:${o.repeatRow}` } : {}),
  };
  ws.headerFooter = {
    ...ws.headerFooter,
    oddFooter: `&L${small(o.footerLeft)}&C&8&P / &N&R${small(o.footerRight)}`,
  };
}

/** Document properties every file carries. */
export function setProperties(
  wb: Workbook,
  p: { title: string; subject: string; company: string; keywords: string; lang: Lang; created: Date },
) {
  const company = cleanText(p.company);
  wb.creator = company;
  wb.lastModifiedBy = company;
  wb.company = company;
  wb.title = cleanText(p.title);
  wb.subject = cleanText(p.subject);
  wb.keywords = cleanText(p.keywords);
  wb.created = p.created;
  wb.modified = p.created;
  (wb as Workbook & { language?: string }).language = p.lang === 'ru' ? 'ru-RU' : 'en-GB';
}

/**
 * The finished file; exceljs' browser build (the one workerd runs) only writes to a buffer. It
 * writes the parts stored, and the runtime's native deflate compresses them (zip-deflate.ts):
 * exceljs's own deflate is JavaScript, the largest cost of a write, worst in a fresh isolate.
 */
export async function toArrayBuffer(wb: Workbook): Promise<ArrayBuffer> {
  const options = { zip: { compression: 'STORE' } } as unknown as Partial<ExcelJS.XlsxWriteOptions>;
  const stored = (await wb.xlsx.writeBuffer(options)) as ArrayBuffer | Uint8Array;
  const zip = await deflateStoredZip(stored instanceof Uint8Array ? (stored as Uint8Array<ArrayBuffer>) : new Uint8Array(stored));
  return zip.buffer;
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
