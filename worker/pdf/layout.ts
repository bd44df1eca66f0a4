/**
 * A tiny layout engine: text measured with the font's own widths and wrapped at spaces (a
 * no-break space binds), blocks stacked down the page, page breaks that keep chains of
 * blocks together (a table's last row, its totals and the signatures never part), a table
 * header repeated at the top of each page a table continues on, and page numbers.
 */
import type { Face, Fonts } from './font';
import { A4, type Op, type Page } from './page';

/** Tabs become spaces; other control characters (but line breaks) are dropped. */
export function cleanText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, ' ')
    .replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g, '');
}

/** Cuts `text` so that it plus an ellipsis fits `width`. */
function ellipsize(fonts: Fonts, face: Face, text: string, size: number, width: number): string {
  const f = fonts[face];
  const chars = Array.from(text.trimEnd());
  while (chars.length && f.width(`${chars.join('')}…`, size) > width) chars.pop();
  return `${chars.join('').trimEnd()}…`;
}

/**
 * Lines of `text` no wider than `width`: paragraphs at line breaks, words at plain spaces,
 * a word wider than the line cut between characters. More than `maxLines` lines: the last
 * kept one ends in an ellipsis.
 */
export function wrapText(fonts: Fonts, face: Face, text: string, size: number, width: number, maxLines = Infinity): string[] {
  const f = fonts[face];
  const lines: string[] = [];
  for (const paragraph of cleanText(text).split('\n')) {
    const words = paragraph.split(/ +/).filter((w) => w !== '');
    if (words.length === 0) {
      lines.push('');
      continue;
    }
    let line = '';
    for (const word of words) {
      const candidate = line ? `${line} ${word}` : word;
      if (f.width(candidate, size) <= width) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      line = '';
      let rest = word;
      while (f.width(rest, size) > width) {
        const chars = Array.from(rest);
        let n = 1;
        while (n < chars.length && f.width(chars.slice(0, n + 1).join(''), size) <= width) n++;
        lines.push(chars.slice(0, n).join(''));
        rest = chars.slice(n).join('');
      }
      line = rest;
    }
    lines.push(line);
  }
  while (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    kept[maxLines - 1] = ellipsize(fonts, face, kept[maxLines - 1]!, size, width);
    return kept;
  }
  return lines;
}

/** Something of a fixed height that draws itself at (x, top). */
export interface Block {
  height: number;
  draw(ops: Op[], x: number, top: number): void;
  /** A page break never falls between this block and the next one. */
  keepWithNext?: boolean;
  /** Drawn above this block when it begins a page (a table's header row). */
  header?: Block;
  /** Space above the block, dropped at the top of a page. */
  spaceBefore?: number;
}

export interface Frame {
  left: number;
  top: number;
  bottom: number;
}

export interface PlacedBlock {
  page: number;
  top: number;
  block: Block;
}

/**
 * Stacks the blocks onto pages. A chain (blocks joined by keepWithNext) that does not fit on
 * what is left of the page starts a new one, when it fits on a fresh page; a chain taller than
 * a page breaks where it must. `placed` tells where each block went (for tests and checks).
 */
export function paginate(blocks: readonly Block[], frame: Frame): { pages: Page[]; placed: PlacedBlock[] } {
  const limit = A4.height - frame.bottom;
  const usable = limit - frame.top;
  const pages: Page[] = [{ ops: [] }];
  const placed: PlacedBlock[] = [];
  let y = frame.top;
  let empty = true;
  const newPage = () => {
    pages.push({ ops: [] });
    y = frame.top;
    empty = true;
  };
  const place = (b: Block) => {
    if (!empty && y + (b.spaceBefore ?? 0) + b.height > limit) newPage();
    const page = pages[pages.length - 1]!;
    if (empty && b.header) {
      b.header.draw(page.ops, frame.left, y);
      y += b.header.height;
    } else if (!empty) y += b.spaceBefore ?? 0;
    b.draw(page.ops, frame.left, y);
    placed.push({ page: pages.length - 1, top: y, block: b });
    y += b.height;
    empty = false;
  };
  for (let i = 0; i < blocks.length; ) {
    let j = i;
    while (j < blocks.length - 1 && blocks[j]!.keepWithNext) j++;
    const chain = blocks.slice(i, j + 1);
    const height = chain.reduce((h, b, k) => h + b.height + (k > 0 ? (b.spaceBefore ?? 0) : 0), 0);
    const fresh = (chain[0]!.header?.height ?? 0) + height;
    if (!empty && y + (chain[0]!.spaceBefore ?? 0) + height > limit && fresh <= usable) newPage();
    for (const b of chain) place(b);
    i = j + 1;
  }
  return { pages, placed };
}

/** A vertical gap. */
export const gap = (height: number): Block => ({ height, draw: () => {} });

export interface TextStyle {
  face: Face;
  size: number;
  gray?: number;
  /** Line height as a multiple of the size. */
  leading?: number;
}

export const lineHeight = (s: TextStyle) => s.size * (s.leading ?? 1.3);

/** Baseline offset from the top of a line box. */
export const baseline = (s: TextStyle) => s.size * 0.93 + (lineHeight(s) - s.size * 1.16) / 2;

export function textOps(
  ops: Op[],
  lines: readonly string[],
  style: TextStyle,
  x: number,
  top: number,
  width: number,
  align: 'left' | 'right' | 'center',
  fonts: Fonts,
) {
  lines.forEach((line, i) => {
    if (line === '') return;
    const w = fonts[style.face].width(line, style.size);
    const dx = align === 'right' ? width - w : align === 'center' ? (width - w) / 2 : 0;
    ops.push({
      kind: 'text',
      x: x + dx,
      y: top + i * lineHeight(style) + baseline(style),
      size: style.size,
      face: style.face,
      text: line,
      gray: style.gray ?? 0,
    });
  });
}

/** Wrapped text as one block per line, so a long paragraph can break across pages. */
export function paragraph(
  fonts: Fonts,
  text: string,
  style: TextStyle,
  width: number,
  options: { maxLines?: number; spaceBefore?: number } = {},
): Block[] {
  const lines = wrapText(fonts, style.face, text, style.size, width, options.maxLines);
  return lines.map((line, i) => ({
    height: lineHeight(style),
    spaceBefore: i === 0 ? options.spaceBefore : 0,
    // A paragraph's first two lines stay together, and its last two.
    keepWithNext: i === 0 || i === lines.length - 2,
    draw: (ops, x, top) => textOps(ops, [line], style, x, top, width, 'left', fonts),
  }));
}

/** Footer of every page: a left text and «Страница i из n» on the right. */
export function addFooters(
  pages: Page[],
  fonts: Fonts,
  frame: Frame & { width: number },
  left: string,
  pageWord: (i: number, n: number) => string,
) {
  const style: TextStyle = { face: 'regular', size: 7.5, gray: 0.4 };
  const top = A4.height - frame.bottom + 14;
  pages.forEach((page, i) => {
    page.ops.push({ kind: 'line', x1: frame.left, y1: top - 4, x2: frame.left + frame.width, y2: top - 4, width: 0.5, gray: 0.75 });
    const right = pageWord(i + 1, pages.length);
    const rightWidth = fonts.regular.width(right, style.size);
    const leftText = wrapText(fonts, 'regular', left, style.size, frame.width - rightWidth - 20, 1);
    textOps(page.ops, leftText, style, frame.left, top, frame.width, 'left', fonts);
    textOps(page.ops, [right], style, frame.left, top, frame.width, 'right', fonts);
  });
}
