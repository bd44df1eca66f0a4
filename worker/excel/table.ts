/**
 * A sheet of rows, the way a list reads best in Excel: a title and a subtitle, then the rows
 * as an Excel table (a filter on every column) under a frozen header, each column typed —
 * text, wrapped text, an integer, hours, money, thousandths (K, quantities), a date, a date
 * and time — widths from what the column holds within its limits, an optional totals row of
 * SUMs, A4 print setup (landscape once the table is too wide for portrait).
 *
 * Figures come in the domain's integers (hours in hundredths, money in minor units, K in
 * thousandths) and are written as the numbers a spreadsheet holds; a figure may be a live
 * formula with the value the domain computed as its result. Text columns take strings only:
 * a text cell is always text, never a formula, whatever it says.
 */
import type { CellValue, Style, Workbook, Worksheet } from 'exceljs';
import { formatFixed, formatMilli, formatMoney, type Lang } from '../domain/format';
import {
  HAIRLINE,
  HEADER_FILL,
  HEADER_RULES,
  HOURS_FORMAT,
  INTEGER_FORMAT,
  PLAIN_FORMAT,
  SECTION_FILL,
  Styles,
  TOP_RULE,
  TOTAL_FILL,
  cleanText,
  colLetter,
  dateFormat,
  dateTimeFormat,
  displayLength,
  fitRowHeight,
  freezeHeader,
  fromCenti,
  fromMilli,
  fromMinor,
  moneyFormat,
  printSetup,
  setSum,
  setText,
  styleRange,
} from './cells';

/** A live formula and the value the domain computed for it, in the column's unit. */
export interface Computed {
  formula: string;
  result: number;
}

/** `ref('key')` is this row's cell in column `key`; `ref('key', -1)` the row above's. */
export type Ref = (key: string, rowOffset?: number) => string;

interface ColumnBase {
  key: string;
  head: string;
  /** Width in characters: [min, max]; the column is sized to what it holds within them. */
  width: readonly [min: number, max: number];
}

export interface TextColumn<T> extends ColumnBase {
  /** `wrap` breaks long text into lines and makes the row as tall as it needs. */
  kind: 'text' | 'wrap';
  get: (row: T) => string;
}

export interface FigureColumn<T> extends ColumnBase {
  /** hours: hundredths; money: minor units; milli: thousandths; int: as it is. */
  kind: 'int' | 'hours' | 'money' | 'milli';
  get: (row: T, ref: Ref) => number | Computed | null;
  /** Money's currency in this row (the book's currency otherwise). */
  currency?: (row: T) => string;
  /** A SUM of the column in the totals row. */
  sum?: boolean;
}

export interface DateColumn<T> extends ColumnBase {
  kind: 'date' | 'datetime';
  get: (row: T) => Date | null;
}

export type Column<T> = TextColumn<T> | FigureColumn<T> | DateColumn<T>;
type Kind = Column<unknown>['kind'];

export interface ListSpec<T> {
  /** The sheet's name and the Excel table's (letters and digits). */
  sheet: string;
  table: string;
  title: string;
  rows: readonly T[];
  cols: readonly Column<T>[];
  /** A totals row under the rows with a SUM in each `sum` column. */
  totals?: boolean;
  /** Rows shown as headings (bold on grey), such as a quote's sections. */
  heading?: (row: T) => boolean;
}

export interface ListSheet {
  ws: Worksheet;
  /** The totals row (0 when there is none). */
  totalRow: number;
  /** The column of `key`: its number (1 = A) and its letter. */
  column: (key: string) => number;
  letter: (key: string) => string;
}

/** What every list of a workbook says around its rows. */
export interface ListBookWords {
  /** Row 2 of every sheet, under its title. */
  subtitle: string;
  noRows: string;
  total: string;
  footerLeft: string;
  footerRight: (title: string) => string;
}

type Value = string | number | Date | Computed | null;
const isComputed = (v: Value): v is Computed => typeof v === 'object' && v !== null && !(v instanceof Date);
const HEADER = 4;

/** A workbook of lists: one look per kind of cell, shared by every sheet. */
export class ListBook {
  readonly st = new Styles();
  private readonly looks = new Map<string, Partial<Style>>();
  readonly S;

  constructor(
    readonly wb: Workbook,
    readonly lang: Lang,
    /** Money without a currency of its own, and the totals row's. */
    readonly currency: string,
    readonly words: ListBookWords,
  ) {
    const st = this.st;
    this.S = {
      title: st.text({ bold: true, size: 14 }),
      subtitle: st.text({ grey: true, size: 9 }),
      header: st.text({ bold: true, h: 'center', v: 'middle', wrap: true, fill: HEADER_FILL, border: HEADER_RULES }),
      note: st.text({ italic: true, grey: true }),
      totalLabel: st.text({ bold: true, border: TOP_RULE, fill: TOTAL_FILL }),
      totalBlank: st.get({ border: TOP_RULE, fill: TOTAL_FILL }),
    };
  }

  /** Title (row 1) and the book's subtitle (row 2) across `lastCol` columns; row 3 a small gap. */
  heading(ws: Worksheet, title: string, lastCol: number) {
    ws.mergeCells(1, 1, 1, Math.max(lastCol, 2));
    setText(ws.getCell(1, 1), title, this.S.title);
    ws.getRow(1).height = 20;
    ws.mergeCells(2, 1, 2, Math.max(lastCol, 2));
    setText(ws.getCell(2, 1), this.words.subtitle, this.S.subtitle);
    ws.getRow(3).height = 6;
  }

  /** The look of a cell of `kind` (money in `currency`): in a row, the totals row or a heading row. */
  look(kind: Kind, currency: string, variant: 'row' | 'total' | 'heading' = 'row'): Partial<Style> {
    const key = `${kind}|${currency}|${variant}`;
    let look = this.looks.get(key);
    if (!look) {
      const border = variant === 'total' ? TOP_RULE : HAIRLINE;
      const extra =
        variant === 'total' ? { bold: true, fill: TOTAL_FILL } : variant === 'heading' ? { bold: true, fill: SECTION_FILL } : {};
      const st = this.st;
      look = {
        text: () => st.text({ border, ...extra }),
        wrap: () => st.text({ wrap: true, border, ...extra }),
        int: () => st.get({ numFmt: INTEGER_FORMAT, h: 'center', border, ...extra }),
        hours: () => st.get({ numFmt: HOURS_FORMAT, border, ...extra }),
        money: () => st.get({ numFmt: moneyFormat(currency, this.lang), border, ...extra }),
        milli: () => st.get({ numFmt: PLAIN_FORMAT, border, ...extra }),
        date: () => st.get({ numFmt: dateFormat(this.lang), h: 'center', border, ...extra }),
        datetime: () => st.get({ numFmt: dateTimeFormat(this.lang), h: 'center', border, ...extra }),
      }[kind]();
      this.looks.set(key, look);
    }
    return look;
  }

  /** How wide a value shows, in characters (close enough to size a column). */
  private shownLength(kind: Kind, v: Value, currency: string): number {
    if (v === null || v === '') return 0;
    const n = isComputed(v) ? v.result : v;
    switch (kind) {
      case 'text':
      case 'wrap':
        return displayLength(String(n));
      case 'hours':
        return formatFixed(Number(n), 2, this.lang).length;
      case 'money':
        return formatMoney(Number(n), currency, this.lang).length;
      case 'milli':
        return formatMilli(Number(n), this.lang).length;
      case 'date':
        return 10;
      case 'datetime':
        return 16;
      default:
        return String(n).length;
    }
  }

  /** A sheet holding `spec.rows` as an Excel table. */
  list<T>(spec: ListSpec<T>): ListSheet {
    const { cols, rows } = spec;
    const ws = this.wb.addWorksheet(spec.sheet, { properties: { defaultRowHeight: 12.75 } });
    const LAST = cols.length;
    const first = HEADER + 1;
    this.heading(ws, spec.title, LAST);
    const column = (key: string) => {
      const i = cols.findIndex((c) => c.key === key);
      if (i < 0) throw new Error(`no column ${key}`);
      return i + 1;
    };
    const letters = new Map(cols.map((c, i) => [c.key, colLetter(i + 1)]));
    const letter = (key: string) => letters.get(key) ?? colLetter(column(key));
    const currencyOf = (c: Column<T>, row: T) => (c.kind === 'money' ? (c.currency?.(row) ?? this.currency) : this.currency);

    // Values first (formulas need their row), then widths, then styles and heights.
    const values: Value[][] = rows.map((row, i) => {
      const r = first + i;
      const ref: Ref = (key, rowOffset = 0) => `${letter(key)}${r + rowOffset}`;
      return cols.map(
        (c): Value =>
          c.kind === 'text' || c.kind === 'wrap'
            ? cleanText(c.get(row))
            : c.kind === 'date' || c.kind === 'datetime'
              ? c.get(row)
              : c.get(row, ref),
      );
    });
    const widths = cols.map((c) => Math.max(...c.head.split(/\s+/).map((word) => word.length)));
    values.forEach((vals, i) => {
      cols.forEach((c, j) => {
        widths[j] = Math.max(widths[j]!, this.shownLength(c.kind, vals[j]!, currencyOf(c, rows[i]!)));
      });
    });
    const sums = new Map<string, number>();
    for (const [j, c] of cols.entries()) {
      if (!(c.kind === 'hours' || c.kind === 'money' || c.kind === 'milli' || c.kind === 'int') || !c.sum) continue;
      let sum = 0;
      for (const vals of values) {
        const v = vals[j]!;
        sum += v === null ? 0 : isComputed(v) ? v.result : Number(v);
      }
      sums.set(c.key, sum);
      widths[j] = Math.max(widths[j]!, this.shownLength(c.kind, sum, this.currency) + 1);
    }
    cols.forEach((c, j) => {
      ws.getColumn(j + 1).width = Math.min(c.width[1], Math.max(c.width[0], widths[j]! + 2));
    });
    const totalWidth = cols.reduce((n, _c, j) => n + Number(ws.getColumn(j + 1).width), 0);

    if (rows.length > 0) {
      ws.addTable({
        name: spec.table,
        displayName: spec.table,
        ref: `A${HEADER}`,
        headerRow: true,
        totalsRow: false,
        style: { theme: 'TableStyleLight1', showRowStripes: false },
        columns: cols.map((c) => ({ name: c.head, filterButton: true })),
        rows: values.map((vals) => vals.map((v, j) => cellValue(cols[j]!.kind, v))),
      });
    } else {
      cols.forEach((c, j) => {
        ws.getCell(HEADER, j + 1).value = c.head;
      });
    }
    styleRange(ws, HEADER, 1, LAST, this.S.header);
    const headerLines = Math.max(...cols.map((c, j) => fitLines(c.head, Number(ws.getColumn(j + 1).width))));
    ws.getRow(HEADER).height = Math.max(15, headerLines * 12.75 + 3);

    values.forEach((vals, i) => {
      const r = first + i;
      const row = ws.getRow(r);
      const wrapped: { text: string; width: number }[] = [];
      cols.forEach((c, j) => {
        row.getCell(j + 1).style = this.look(c.kind, currencyOf(c, rows[i]!), spec.heading?.(rows[i]!) ? 'heading' : 'row');
        if (c.kind === 'wrap' && typeof vals[j] === 'string')
          wrapped.push({ text: vals[j] as string, width: Number(ws.getColumn(j + 1).width) });
      });
      if (wrapped.length) fitRowHeight(ws, r, wrapped);
    });

    let r = first + rows.length;
    const last = r - 1;
    if (rows.length === 0) {
      ws.mergeCells(r, 1, r, LAST);
      setText(ws.getCell(r, 1), this.words.noRows, this.S.note);
      r++;
    }
    let totalRow = 0;
    if (spec.totals) {
      totalRow = r;
      styleRange(ws, totalRow, 1, LAST, this.S.totalBlank);
      setText(ws.getCell(totalRow, 1), this.words.total, this.S.totalLabel);
      cols.forEach((c, j) => {
        const sum = sums.get(c.key);
        if (sum === undefined) return;
        setSum(ws.getCell(totalRow, j + 1), j + 1, { first, last }, inCell(c.kind, sum), this.look(c.kind, this.currency, 'total'));
      });
    }
    freezeHeader(ws, HEADER);
    // Portrait while the table fits A4's width at a readable scale.
    printSetup(ws, {
      landscape: totalWidth > 105,
      repeatRow: HEADER,
      footerLeft: this.words.footerLeft,
      footerRight: this.words.footerRight(spec.title),
    });
    return { ws, totalRow, column, letter };
  }
}

/** A figure in the domain's unit as the number the cell holds. */
function inCell(kind: Kind, n: number): number {
  if (kind === 'hours') return fromCenti(n);
  if (kind === 'money') return fromMinor(n);
  if (kind === 'milli') return fromMilli(n);
  return n;
}

function cellValue(kind: Kind, v: Value): CellValue {
  if (v === null || v === '') return null;
  if (isComputed(v)) return { formula: v.formula, result: inCell(kind, v.result) } as CellValue;
  return typeof v === 'number' ? inCell(kind, v) : v;
}

/** Lines a header of `text` takes in a column `width` characters wide (words do not break). */
function fitLines(text: string, width: number): number {
  let lines = 1;
  let used = 0;
  for (const word of text.split(/\s+/)) {
    const need = used === 0 ? word.length : used + 1 + word.length;
    if (need > width - 1 && used > 0) {
      lines++;
      used = word.length;
    } else used = need;
  }
  return lines;
}
