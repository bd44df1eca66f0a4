/**
 * What a laid-out page is: drawing operations in points, measured from the page's top-left
 * corner (the writer turns them into PDF's bottom-up space). Plain data, so tests can read
 * every text a document draws, and where.
 */
import type { Face } from './font';

/** A4 in points (210 × 297 mm). */
export const A4 = { width: 595.28, height: 841.89 } as const;

/** `y` is the baseline; `gray` 0 is black, 1 white. */
export interface TextOp {
  kind: 'text';
  x: number;
  y: number;
  size: number;
  face: Face;
  text: string;
  gray: number;
}

export interface LineOp {
  kind: 'line';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  width: number;
  gray: number;
}

export interface RectOp {
  kind: 'rect';
  x: number;
  y: number;
  w: number;
  h: number;
  gray: number;
}

export type Op = TextOp | LineOp | RectOp;

export interface Page {
  ops: Op[];
}

/** The texts of a page in reading order (top to bottom, left to right). */
export function pageTexts(page: Page): TextOp[] {
  return page.ops.filter((o): o is TextOp => o.kind === 'text').sort((a, b) => a.y - b.y || a.x - b.x);
}
