/**
 * The PDF's layout engine and the estimate's pages, checked on the drawing operations
 * themselves (text, position, page): wrapping, page breaks, keep-together chains, the
 * repeated table header, page numbers, and the estimate's figures and blocks.
 */
import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../worker/domain/format';
import { CONTENT_WIDTH, FRAME } from '../../worker/pdf/blocks';
import { layoutEstimate, renderEstimatePdf } from '../../worker/pdf/estimate';
import { fonts } from '../../worker/pdf/font';
import { paginate, wrapText, type Block } from '../../worker/pdf/layout';
import { A4, pageTexts, type Page } from '../../worker/pdf/page';
import { sampleInput } from '../pdf-sample';
import { allTexts, readPdf } from '../pdf-read';

const F = fonts();
const texts = (page: Page) => pageTexts(page).map((t) => t.text);

describe('wrapText', () => {
  const text = 'Настройка шаблона оформления в стиле предоставленного макета или образца сайта заказчика';

  it('breaks at spaces into lines that fit, losing and reordering nothing', () => {
    for (const width of [F.regular.width('предоставленного', 9), 120, 200, 400]) {
      const lines = wrapText(F, 'regular', text, 9, width);
      for (const l of lines) expect(F.regular.width(l, 9), l).toBeLessThanOrEqual(width);
      expect(lines.join(' ')).toBe(text);
      if (width < F.regular.width(text, 9)) expect(lines.length).toBeGreaterThan(1);
    }
    expect(wrapText(F, 'regular', text, 9, 1000)).toEqual([text]);
  });

  it('never breaks at a no-break space (money stays whole), and keeps line breaks', () => {
    const money = 'Итого 1\u00a0234\u00a0567,89\u00a0₽';
    const width = F.regular.width(money.slice(6), 9) + 1;
    // With plain spaces the same text would break inside the figure.
    expect(wrapText(F, 'regular', money.replace(/\u00a0/g, ' '), 9, width)[0]).toMatch(/^Итого \d/);
    expect(wrapText(F, 'regular', money, 9, width)).toEqual(['Итого', '1\u00a0234\u00a0567,89\u00a0₽']);
    expect(wrapText(F, 'regular', 'первая\nвторая\n\nчетвёртая', 9, 500)).toEqual(['первая', 'вторая', '', 'четвёртая']);
  });

  it('cuts a word wider than the line between characters, and ends a capped text with an ellipsis', () => {
    const long = 'ОченьДлинноеСловоБезПробеловКотороеНеПомещается';
    const lines = wrapText(F, 'bold', long, 10, 80);
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.join('')).toBe(long);
    for (const l of lines) expect(F.bold.width(l, 10)).toBeLessThanOrEqual(80);
    const capped = wrapText(F, 'regular', text, 9, 100, 2);
    expect(capped).toHaveLength(2);
    expect(capped[1]!.endsWith('…')).toBe(true);
    expect(F.regular.width(capped[1]!, 9)).toBeLessThanOrEqual(100);
  });

  it('drops control characters and turns tabs into spaces', () => {
    expect(wrapText(F, 'regular', 'a\tb\u0000c\u0007', 9, 500)).toEqual(['a bc']);
  });
});

/** A block that draws its name, to see where it went. */
const box = (name: string, height: number, extra: Partial<Block> = {}): Block => ({
  height,
  draw: (ops, x, top) => ops.push({ kind: 'text', x, y: top + height / 2, size: 8, face: 'regular', text: name, gray: 0 }),
  ...extra,
});
const frame = { left: 40, top: 40, bottom: 40 };
const usable = A4.height - 80;

describe('paginate', () => {
  it('fills a page, then breaks', () => {
    const blocks = Array.from({ length: 10 }, (_, i) => box(`b${i}`, usable / 4));
    const { pages } = paginate(blocks, frame);
    expect(pages.map(texts)).toEqual([
      ['b0', 'b1', 'b2', 'b3'],
      ['b4', 'b5', 'b6', 'b7'],
      ['b8', 'b9'],
    ]);
  });

  it('moves a keep-together chain to the next page whole, with the table header drawn above it', () => {
    const header = box('header', 20);
    const rows = Array.from({ length: 6 }, (_, i) => box(`row${i}`, 100, { header }));
    rows[5]!.keepWithNext = true;
    const tail = [box('totals', 120, { keepWithNext: true }), box('signatures', 90)];
    const { pages } = paginate([box('top', 100), header, ...rows, ...tail], frame);
    expect(pages).toHaveLength(2);
    // row5 would fit on page 1, but then the totals would not: it goes with them.
    expect(pageOf(pages, 'row4')).toBe(0);
    expect(texts(pages[1]!)).toEqual(['header', 'row5', 'totals', 'signatures']);
  });

  it('repeats the header on every page a long table reaches, and never orphans the tail', () => {
    const header = box('header', 20);
    const rows = Array.from({ length: 40 }, (_, i) => box(`row${i}`, 30, { header }));
    rows[39]!.keepWithNext = true;
    const { pages } = paginate([header, ...rows, box('totals', 100, { keepWithNext: true }), box('signatures', 100)], frame);
    expect(pages.length).toBeGreaterThan(1);
    for (const p of pages) expect(texts(p)[0]).toBe('header');
    const last = texts(pages[pages.length - 1]!);
    expect(last.slice(-3)).toEqual(['row39', 'totals', 'signatures']);
  });

  it('a chain taller than a page still breaks (and places every block once)', () => {
    const blocks = Array.from({ length: 5 }, (_, i) => box(`c${i}`, usable / 2, { keepWithNext: i < 4 }));
    const { pages, placed } = paginate(blocks, frame);
    expect(placed.map((p) => p.page)).toEqual([0, 0, 1, 1, 2]);
    expect(pages.flatMap(texts)).toEqual(['c0', 'c1', 'c2', 'c3', 'c4']);
  });

  it('drops the space before a block at the top of a page', () => {
    const { placed } = paginate([box('a', usable - 10), box('b', 20, { spaceBefore: 15 })], frame);
    expect(placed[1]).toMatchObject({ page: 1, top: frame.top });
  });
});

function pageOf(pages: Page[], name: string): number {
  return pages.findIndex((p) => texts(p).includes(name));
}

describe('the estimate’s pages', () => {
  it('15 lines: 1–2 pages, every amount and total as the view has it, the tail on one page with the last line', () => {
    const input = sampleInput(15);
    const { pages, placed, tail } = layoutEstimate(input, 'ru');
    expect(pages.length).toBeGreaterThanOrEqual(1);
    expect(pages.length).toBeLessThanOrEqual(2);
    const all = pages.flatMap(texts);
    const q = input.quote;
    for (const l of q.lines) expect(all).toContain(formatMoney(l.amountMinor!, 'RUB', 'ru'));
    for (const m of [q.totals.subtotalMinor, q.totals.netMinor, q.totals.vatMinor, q.totals.totalMinor])
      expect(all).toContain(formatMoney(m, 'RUB', 'ru'));
    const tailPages = new Set(tail.map((b) => placed.find((p) => p.block === b)!.page));
    expect(tailPages.size).toBe(1);
    pages.forEach((p, i) => {
      expect(texts(p)).toContain(`Страница ${i + 1} из ${pages.length}`);
    });
    for (const op of pages.flatMap((p) => p.ops)) {
      if (op.kind !== 'text') continue;
      expect(op.x).toBeGreaterThanOrEqual(FRAME.left - 0.01);
      expect(op.x + F[op.face].width(op.text, op.size)).toBeLessThanOrEqual(FRAME.left + CONTENT_WIDTH + 0.01);
      expect(op.y).toBeLessThan(A4.height - 10);
    }
  });

  it('40 lines with sections: more pages, the header row on each, section totals never alone at a page top', () => {
    const { pages, placed, tail } = layoutEstimate(sampleInput(40, { sectionEvery: 8 }), 'ru');
    expect(pages.length).toBeGreaterThanOrEqual(3);
    for (const p of pages.slice(1)) expect(texts(p)).toContain('Услуга');
    const lastPage = placed.find((p) => p.block === tail[tail.length - 1])!.page;
    expect(placed.find((p) => p.block === tail[0])!.page).toBe(lastPage);
    for (const p of pages) {
      const first = pageTexts(p).find((t) => t.y > FRAME.top + 25 && t.text !== 'Нормо-' && t.text !== 'часы');
      expect(first?.text.startsWith('Итого по разделу')).toBe(false);
    }
  });

  it('marks actual-time lines with their estimate, shows the line note, and leaves descriptions out', () => {
    const input = sampleInput(3, { line: (i) => (i === 1 ? { note: 'Две темы оформления' } : {}) });
    const all = layoutEstimate(input, 'ru').pages.flatMap(texts);
    expect(all).toContain('по факту · оценка 1,00\u00a0ч');
    expect(all).toContain('Две темы оформления');
    expect(all.join(' ')).not.toContain(input.quote.lines[1]!.description!.slice(0, 30));
  });

  it('writes what it laid out: the PDF’s texts are the layout’s, through compression and the CMaps', async () => {
    const input = sampleInput(12, { sectionEvery: 5 });
    const laid = layoutEstimate(input, 'en').pages.map((p) => texts(p));
    for (const compress of [true, false]) {
      const pdf = await readPdf(await renderEstimatePdf(input, 'en', { compress }));
      expect(pdf.pages.map((p) => [...p.texts].sort((a, b) => b.y - a.y || a.x - b.x).map((t) => t.text))).toEqual(laid);
      expect(allTexts(pdf)).toContain(formatMoney(input.quote.totals.totalMinor, 'RUB', 'en'));
    }
  });
});
