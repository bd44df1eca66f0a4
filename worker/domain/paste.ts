/**
 * Rows pasted from Excel, Google Sheets or a price list into the quote grid. The columns —
 * code, name, quantity, hours — may come in any order, with or without a header row: they are
 * found from the header's words, else from the shape of the data (the column of catalog
 * codes, the column of words, then the numbers: quantity, hours). Every row becomes either a
 * line to add or a reason it is skipped, so the person sees the plan before anything is
 * written. Pure: the grid and the tests share it.
 */
import { parseFixed } from './format';

export type PasteColumn = 'code' | 'title' | 'quantity' | 'hours';

export interface PastedRow {
  code?: string;
  title?: string;
  quantityMilli: number;
  hoursCenti?: number;
}

export interface PasteProblem {
  /** 1-based, as a person counts rows in a spreadsheet. */
  row: number;
  en: string;
  ru: string;
}

/** What the paste needs to know of the price list. */
export interface PasteCatalogItem {
  code: string;
  mode: 'fixed' | 'estimate';
  hoursCenti: number | null;
  active: boolean;
}

export interface PastePlan {
  /** The lines to add, in the order pasted; `source` is the spreadsheet row. */
  rows: (PastedRow & { source: number })[];
  /** Rows that will not be added, each with the reason. */
  skipped: PasteProblem[];
  /** Which pasted column (0-based) holds what. */
  columns: Partial<Record<PasteColumn, number>>;
  header: boolean;
}

const CODE_SHAPE = /^\d+(\.\d+)+$/;
const MAX_QUANTITY_MILLI = 10_000_000;
const MAX_HOURS_CENTI = 10_000_000;

/** Cells of tab-separated text as Excel copies it: quoted cells may hold tabs, newlines, "". */
export function splitTable(text: string): string[][] {
  const src = text.replace(/\r\n?/g, '\n');
  const tabbed = src.includes('\t');
  const sep = tabbed ? '\t' : src.includes(';') ? ';' : '\t';
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  while (i < src.length) {
    const ch = src[i]!;
    if (ch === '"' && cell.trim() === '') {
      // A quoted cell: up to the closing quote, "" is one quote.
      let j = i + 1;
      let value = '';
      while (j < src.length) {
        if (src[j] === '"' && src[j + 1] === '"') {
          value += '"';
          j += 2;
        } else if (src[j] === '"') break;
        else value += src[j++];
      }
      cell = value;
      i = j + 1;
      continue;
    }
    if (ch === sep) {
      row.push(cell.trim());
      cell = '';
    } else if (ch === '\n') {
      row.push(cell.trim());
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
    i++;
  }
  if (cell !== '' || row.length) {
    row.push(cell.trim());
    rows.push(row);
  }
  return rows;
}

const norm = (s: string) => s.toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ').trim();

/** The column a header cell names, or null (price, sum, K, norm-hours… are not read). */
export function headerColumn(text: string): PasteColumn | null {
  const t = norm(text);
  if (!t || /нормо|norm|цена|стоим|сумм|price|cost|amount|total|коэф|^k$|ндс|vat/.test(t)) return null;
  if (/^(код|code|артикул|шифр|№ услуги|номер услуги|пункт)/.test(t)) return 'code';
  if (/(кол-?во|количеств|^кол\.?$|qty|quantity|^шт|count|units)/.test(t)) return 'quantity';
  if (/(^час|часы|^ч\.?$|трудоемк|трудозатрат|hours?|^hrs?\.?$|^h$|оценка)/.test(t)) return 'hours';
  if (/(наименов|назван|услуг|работ|сервис|описан|name|service|title|description|item|task)/.test(t)) return 'title';
  return null;
}

/** A number as typed in a spreadsheet cell, with a unit or a percent sign tolerated. */
function number(text: string, decimals: number): number | null {
  const cleaned = text.replace(/\s*(шт|ед|ч|час|часа|часов|h|hrs?|hours?|pcs)\.?$/i, '');
  return parseFixed(cleaned, decimals);
}

const isNumber = (s: string) => number(s, 3) !== null;
const hasLetter = (s: string) => /\p{L}/u.test(s);

function share(cells: string[], test: (s: string) => boolean): number {
  const filled = cells.filter(Boolean);
  return filled.length ? filled.filter(test).length / filled.length : 0;
}

/** Columns from the shape of the data: the catalog codes, the words, then the numbers in order. */
function columnsFromShape(rows: string[][], isCode: (s: string) => boolean): Partial<Record<PasteColumn, number>> {
  const width = Math.max(...rows.map((r) => r.length));
  const col = (c: number) => rows.map((r) => r[c] ?? '');
  const columns: Partial<Record<PasteColumn, number>> = {};
  let best = 0.5;
  for (let c = 0; c < width; c++) {
    const s = share(col(c), isCode);
    if (s >= best && (columns.code === undefined || s > best)) {
      columns.code = c;
      best = s;
    }
  }
  const numbers: number[] = [];
  let words = 0.5;
  for (let c = 0; c < width; c++) {
    if (c === columns.code) continue;
    const cells = col(c);
    if (!cells.some(Boolean)) continue;
    if (share(cells, isNumber) >= 0.5) numbers.push(c);
    else {
      const s = share(cells, hasLetter);
      if (s >= words && columns.title === undefined) {
        columns.title = c;
        words = s;
      }
    }
  }
  if (numbers[0] !== undefined) columns.quantity = numbers[0];
  if (numbers[1] !== undefined) columns.hours = numbers[1];
  // A single column of words that are not codes: the first column names the line.
  if (columns.code === undefined && columns.title === undefined && width > 0 && !numbers.includes(0)) columns.title = 0;
  return columns;
}

/**
 * The plan for a paste. With a catalog, a code must be one of its codes (an unknown code or a
 * service no longer sold is skipped, and a fixed service keeps its own hours); without one,
 * any `2.5`-shaped text is taken as a code.
 */
export function planPaste(text: string, catalog?: readonly PasteCatalogItem[]): PastePlan {
  const byCode = new Map((catalog ?? []).map((i) => [i.code, i]));
  const isCode = (s: string) => (catalog ? byCode.has(s) : CODE_SHAPE.test(s));
  const table = splitTable(text)
    .map((cells, i) => ({ cells, source: i + 1 }))
    .filter((r) => r.cells.some(Boolean));
  const plan: PastePlan = { rows: [], skipped: [], columns: {}, header: false };
  if (table.length === 0) return plan;

  const first = table[0]!.cells;
  const named = first.map(headerColumn);
  // A header names at least two columns and holds no code and no number.
  const looksLikeHeader = named.filter((n) => n !== null).length >= 2 && !first.some(isCode) && !first.some((c) => c !== '' && isNumber(c));
  let body = table;
  if (looksLikeHeader) {
    plan.header = true;
    body = table.slice(1);
    named.forEach((n, c) => {
      if (n && plan.columns[n] === undefined) plan.columns[n] = c;
    });
  }
  const shape = columnsFromShape(
    body.map((r) => r.cells),
    isCode,
  );
  // The header decides; the shape fills what it did not name (a code column with no title…).
  for (const key of ['code', 'title', 'quantity', 'hours'] as const) {
    if (plan.columns[key] === undefined && shape[key] !== undefined && !Object.values(plan.columns).includes(shape[key]!)) {
      if (!plan.header || key === 'code' || key === 'title') plan.columns[key] = shape[key];
    }
  }

  const cell = (cells: string[], key: PasteColumn) => (plan.columns[key] === undefined ? '' : (cells[plan.columns[key]!] ?? ''));
  for (const { cells, source } of body) {
    const skip = (ru: string, en: string) => plan.skipped.push({ row: source, ru, en });
    let code = cell(cells, 'code');
    let title = cell(cells, 'title');
    // Words where a code should be, and no name: the words name a free-form line.
    if (code && !isCode(code) && !title && hasLetter(code) && !CODE_SHAPE.test(code)) {
      title = code;
      code = '';
    }
    const quantityText = cell(cells, 'quantity');
    const hoursText = cell(cells, 'hours');
    const item = code ? byCode.get(code) : undefined;
    if (code && (catalog ? !item : !CODE_SHAPE.test(code))) {
      skip(`нет услуги с кодом ${code} в прайс-листе`, `no service ${code} in the price list`);
      continue;
    }
    if (item && !item.active) {
      skip(`услуга ${code} больше не продаётся`, `${code} is no longer sold`);
      continue;
    }
    if (!code && !title) {
      skip('нет ни кода услуги, ни названия', 'neither a service code nor a name');
      continue;
    }
    const quantity = quantityText === '' ? 1000 : number(quantityText, 3);
    if (quantity === null || quantity <= 0 || quantity > MAX_QUANTITY_MILLI) {
      skip(`количество «${quantityText}» — не число от 0,001 до 10 000`, `quantity “${quantityText}” is not a number from 0.001 to 10,000`);
      continue;
    }
    const hours = hoursText === '' ? undefined : number(hoursText, 2);
    if (hours === null || (hours !== undefined && (hours <= 0 || hours > MAX_HOURS_CENTI))) {
      skip(`часы «${hoursText}» — не число от 0,01 до 100 000`, `hours “${hoursText}” is not a number from 0.01 to 100,000`);
      continue;
    }
    if (item?.mode === 'fixed' && hours !== undefined && hours !== item.hoursCenti) {
      const fixed = parseFixedText(item.hoursCenti ?? 0);
      skip(
        `${code} — фиксированная услуга на ${fixed} ч, а во вставке ${hoursText} ч`,
        `${code} is a fixed service of ${fixed} h, the paste says ${hoursText} h`,
      );
      continue;
    }
    const row: PastedRow & { source: number } = code
      ? { code, quantityMilli: quantity, source }
      : { title, quantityMilli: quantity, source };
    if (hours !== undefined && item?.mode !== 'fixed') row.hoursCenti = hours;
    plan.rows.push(row);
  }
  return plan;
}

/** 2000 → "20", 1250 → "12,5": hours as a person writes them in a sentence. */
function parseFixedText(centi: number): string {
  const whole = Math.trunc(centi / 100);
  const fraction = String(centi % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return fraction ? `${whole},${fraction}` : String(whole);
}

/** The old contract (`code, quantity, hours`, a header skipped): rows and the rows it cannot read. */
export function parsePastedRows(text: string): { rows: PastedRow[]; problems: PasteProblem[] } {
  const plan = planPaste(text);
  return { rows: plan.rows.map(({ source: _source, ...row }) => row), problems: plan.skipped };
}
