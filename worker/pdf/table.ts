/**
 * Table rows as layout blocks: each cell a stack of wrapped runs (a title, then a smaller grey
 * note), padded, aligned, with an optional fill and rules. The header row is a block too; the
 * body rows carry it as their `header`, so it is drawn again on every page the table reaches.
 */
import type { Fonts } from './font';
import { lineHeight, textOps, wrapText, type Block, type TextStyle } from './layout';
import type { Op } from './page';

export interface Column {
  width: number;
  align: 'left' | 'right' | 'center';
}

export interface Run extends TextStyle {
  text: string;
  maxLines?: number;
}

export type Cell = Run[];

export interface RowStyle {
  fill?: number;
  /** A rule above the row: its width (the grid's hairline below is always drawn). */
  topRule?: number;
  paddingY?: number;
  /** Inset of the text from the cell's sides (default PADDING_X; 0 for text that lines up with the page's margin). */
  paddingX?: number;
  /** Cells spanning several columns: [first column, count]. Default: one cell per column. */
  spans?: [number, number][];
  /** Alignment per cell, where it differs from its first column's. */
  align?: (Column['align'] | undefined)[];
  keepWithNext?: boolean;
  header?: Block;
  /** No hairline below (the totals rows). */
  noRule?: boolean;
}

export const PADDING_X = 3;

interface LaidCell {
  x: number;
  width: number;
  align: Column['align'];
  runs: { lines: string[]; style: Run }[];
  height: number;
}

export function row(fonts: Fonts, columns: readonly Column[], cells: readonly Cell[], style: RowStyle = {}): Block {
  const spans = style.spans ?? columns.map((_, i) => [i, 1] as [number, number]);
  const paddingY = style.paddingY ?? 3;
  const paddingX = style.paddingX ?? PADDING_X;
  const lefts = columns.map((_, i) => columns.slice(0, i).reduce((s, c) => s + c.width, 0));
  const total = columns.reduce((s, c) => s + c.width, 0);
  const laid: LaidCell[] = spans.map(([first, count], i) => {
    const width = columns.slice(first, first + count).reduce((s, c) => s + c.width, 0);
    const inner = width - 2 * paddingX;
    const runs = (cells[i] ?? [])
      .filter((r) => r.text !== '')
      .map((r) => ({ lines: wrapText(fonts, r.face, r.text, r.size, inner, r.maxLines), style: r }));
    const height = runs.reduce((h, r) => h + r.lines.length * lineHeight(r.style), 0);
    return { x: lefts[first]! + paddingX, width: inner, align: style.align?.[i] ?? columns[first]!.align, runs, height };
  });
  const height = Math.max(0, ...laid.map((c) => c.height)) + 2 * paddingY;
  return {
    height,
    keepWithNext: style.keepWithNext,
    header: style.header,
    draw(ops: Op[], x: number, top: number) {
      if (style.fill !== undefined) ops.push({ kind: 'rect', x, y: top, w: total, h: height, gray: style.fill });
      if (style.topRule) ops.push({ kind: 'line', x1: x, y1: top, x2: x + total, y2: top, width: style.topRule, gray: 0 });
      if (!style.noRule) ops.push({ kind: 'line', x1: x, y1: top + height, x2: x + total, y2: top + height, width: 0.4, gray: 0.8 });
      for (const cell of laid) {
        let y = top + paddingY;
        for (const r of cell.runs) {
          textOps(ops, r.lines, r.style, x + cell.x, y, cell.width, cell.align, fonts);
          y += r.lines.length * lineHeight(r.style);
        }
      }
    },
  };
}
