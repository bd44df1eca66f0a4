/**
 * Blocks the accounting documents share (the invoice, the statement), in the estimate's look
 * (pdf/estimate.ts): a heading with the company and the document's number, a rule, the two
 * parties side by side, right-aligned totals rows, small legends, and the signature block with a
 * place for the stamp. Everything measured with the fonts, nothing drawn by hand elsewhere.
 */
import type { Fonts } from './font';
import { lineHeight, textOps, wrapText, type Block, type TextStyle } from './layout';
import { A4 } from './page';
import { row, type Cell, type Column } from './table';

export const FRAME = { left: 42, right: 42, top: 40, bottom: 48 } as const;
export const CONTENT_WIDTH = A4.width - FRAME.left - FRAME.right;

export const S = {
  company: { face: 'bold', size: 11 },
  small: { face: 'regular', size: 7.5, gray: 0.35 },
  label: { face: 'regular', size: 7.5, gray: 0.4 },
  number: { face: 'bold', size: 11 },
  meta: { face: 'regular', size: 8.5, gray: 0.2 },
  title: { face: 'bold', size: 13, leading: 1.25 },
  section: { face: 'bold', size: 10, leading: 1.3 },
  party: { face: 'bold', size: 9 },
  text: { face: 'regular', size: 8.5 },
  head: { face: 'bold', size: 7, gray: 0.25, leading: 1.15 },
  cell: { face: 'regular', size: 8, leading: 1.25 },
  cellBold: { face: 'bold', size: 8, leading: 1.25 },
  cellNote: { face: 'regular', size: 7, gray: 0.4, leading: 1.25 },
  total: { face: 'regular', size: 8.5 },
  grand: { face: 'bold', size: 10 },
} satisfies Record<string, TextStyle>;

export const run = (text: string, style: TextStyle, maxLines?: number) => ({ ...style, text, maxLines });

/** Columns of stacked runs, no rules (a heading, the parties). */
export function columnsBlock(fonts: Fonts, widths: number[], cells: Cell[], align: Column['align'][] = []): Block {
  return row(
    fonts,
    widths.map((width, i) => ({ width, align: align[i] ?? 'left' })),
    cells,
    { noRule: true, paddingY: 0, paddingX: 0 },
  );
}

/** The company on the left; the document's number and what to say under it on the right; a rule; the title. */
export function heading(fonts: Fonts, company: string, number: string, meta: string[], title: string): Block[] {
  const top = columnsBlock(
    fonts,
    [CONTENT_WIDTH * 0.5, CONTENT_WIDTH * 0.5],
    [[run(company, S.company, 2)], [run(number, S.number, 2), ...meta.filter(Boolean).map((m) => run(m, S.meta, 2))]],
    ['left', 'right'],
  );
  const rule: Block = {
    height: 10,
    draw: (ops, x, y) => ops.push({ kind: 'line', x1: x, y1: y + 6, x2: x + CONTENT_WIDTH, y2: y + 6, width: 1, gray: 0 }),
  };
  return [top, rule, { ...columnsBlock(fonts, [CONTENT_WIDTH], [[run(title, S.title, 3)]]), spaceBefore: 6 }];
}

export interface Party {
  label: string;
  name: string;
  lines: string[];
}

/** Two parties side by side (contractor and customer, payee and payer). */
export function parties(fonts: Fonts, left: Party, right: Party): Block {
  const cell = (p: Party): Cell => [
    run(p.label, S.label),
    run(p.name, S.party, 2),
    ...p.lines.filter((l) => l.trim() !== '').map((l) => run(l, S.text, 4)),
  ];
  const half = (CONTENT_WIDTH - 16) / 2;
  return { ...columnsBlock(fonts, [half, 16, half], [cell(left), [], cell(right)]), spaceBefore: 10 };
}

/** A section's title, kept with what follows. */
export function sectionTitle(fonts: Fonts, text: string): Block {
  return { ...columnsBlock(fonts, [CONTENT_WIDTH], [[run(text, S.section, 2)]]), spaceBefore: 14, keepWithNext: true };
}

/** Lines of small grey text (legends, notes). */
export function note(fonts: Fonts, texts: string[], spaceBefore = 8): Block[] {
  return texts.map((text, i) => ({
    ...columnsBlock(fonts, [CONTENT_WIDTH], [[run(text, S.small, 4)]]),
    spaceBefore: i === 0 ? spaceBefore : 2,
    keepWithNext: true,
  }));
}

/** Right-aligned label and value rows; the grand one bold between rules. */
export function totalsRows(
  fonts: Fonts,
  rows: readonly [label: string, value: string, grand: boolean][],
  labelWidth = 200,
  valueWidth = 100,
): Block[] {
  const cols: Column[] = [
    { width: CONTENT_WIDTH - labelWidth - valueWidth, align: 'left' },
    { width: labelWidth, align: 'left' },
    { width: valueWidth, align: 'right' },
  ];
  return rows.map(([label, value, grand], i) => {
    const style = grand ? S.grand : S.total;
    const b = row(fonts, cols, [[], [run(label, style, 2)], [run(value, style, 1)]], {
      noRule: true,
      paddingY: grand ? 4 : 2.5,
      keepWithNext: true,
    });
    const ruled = i === 0 || grand;
    return {
      ...b,
      spaceBefore: i === 0 ? 6 : 0,
      draw: (ops, x, top) => {
        if (ruled)
          ops.push({ kind: 'line', x1: x + cols[0]!.width, y1: top, x2: x + CONTENT_WIDTH, y2: top, width: grand ? 1 : 0.5, gray: 0 });
        b.draw(ops, x, top);
      },
    };
  });
}

export interface SignatureWords {
  signature: string;
  signatureName: string;
  stamp: string;
}

/** Two signature places side by side: a label, a name, the signature and name lines, the stamp. */
export function signatures(
  fonts: Fonts,
  sides: readonly [{ label: string; name: string }, { label: string; name: string }],
  w: SignatureWords,
): Block {
  const half = (CONTENT_WIDTH - 30) / 2;
  const placed = sides.map((s, i) => ({ ...s, x: i === 0 ? 0 : half + 30, names: wrapText(fonts, 'bold', s.name, S.party.size, half, 2) }));
  const namesHeight = Math.max(...placed.map((s) => s.names.length)) * lineHeight(S.party);
  const labelHeight = lineHeight(S.label);
  const signAt = labelHeight + namesHeight + 30;
  return {
    height: signAt + 40,
    spaceBefore: 22,
    draw(ops, x, top) {
      for (const s of placed) {
        const left = x + s.x;
        textOps(ops, [s.label], S.label, left, top, half, 'left', fonts);
        textOps(ops, s.names, S.party, left, top + labelHeight, half, 'left', fonts);
        const lineY = top + signAt;
        const signWidth = half * 0.5;
        ops.push({ kind: 'line', x1: left, y1: lineY, x2: left + signWidth, y2: lineY, width: 0.5, gray: 0 });
        ops.push({ kind: 'line', x1: left + signWidth + 12, y1: lineY, x2: left + half, y2: lineY, width: 0.5, gray: 0 });
        textOps(ops, [w.signature], S.small, left, lineY + 2, signWidth, 'center', fonts);
        textOps(ops, [w.signatureName], S.small, left + signWidth + 12, lineY + 2, half - signWidth - 12, 'center', fonts);
        textOps(ops, [w.stamp], S.text, left, lineY + 22, half, 'left', fonts);
      }
    },
  };
}

/** A table's column widths: the fixed ones as given, the one at `flex` takes the rest. */
export function columns(fixed: readonly number[], flex: number, align: readonly Column['align'][]): Column[] {
  const rest = CONTENT_WIDTH - fixed.reduce((s, x, i) => (i === flex ? s : s + x), 0);
  return fixed.map((w, i) => ({ width: i === flex ? rest : w, align: align[i] ?? 'left' }));
}
