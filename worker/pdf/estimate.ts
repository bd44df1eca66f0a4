/**
 * The estimate as a PDF: A4, the company and the customer, number, revision, date and
 * validity, the manager's contacts, a table of lines (code, title, quantity, hours, K,
 * norm-hours, amount; descriptions left out — the customer's page and the Excel file hold
 * them), section subtotals, the totals and the signature and stamp block, kept together with
 * the end of the table. Every figure is the quote view's, formatted by domain/format.ts;
 * nothing is recomputed. Only customer-facing fields are read (never the internal note or
 * the reason behind a changed K): the same allow-list idea as domain/shared-view.ts.
 */
import { formatDay, formatFixed, formatHours, formatMilli, formatMoney, formatPercentMilli, type Lang } from '../domain/format';
import { localDate } from '../domain/calendar';
import type { QuoteView } from '../domain/quote';
import { lowerFirst } from '../domain/words/case';
import { DOCUMENT_WORDS } from '../domain/words/documents';
import { QUOTE_STATUS_WORDS } from '../domain/words/statuses';
import { vocabulary } from '../domain/words/vocabulary';
import { say, wordsOf } from '../domain/words/words';
import { CONTENT_WIDTH, FRAME, S as BASE, columnsBlock, run, signatures, totalsRows } from './blocks';
import { fonts as loadFonts, type Fonts } from './font';
import { addFooters, paginate, paragraph, type Block, type PlacedBlock, type TextStyle } from './layout';
import type { Page } from './page';
import { row, type Cell, type Column } from './table';
import { writePdf } from './writer';

/** The words the PDF reads: the estimate's, shared with the Excel file and the customer's page. */
export const ESTIMATE_PDF_WORDS = vocabulary(DOCUMENT_WORDS);
const wordOf = (lang: Lang) => wordsOf(ESTIMATE_PDF_WORDS, lang);

/** What the heading says of the revision's state; nothing for a sent one. */
function statusText(q: QuoteView, lang: Lang): string {
  const w = wordOf(lang);
  if (q.supersededAt) return w('replaced');
  if (q.status === 'sent') return '';
  const status = say(lang, QUOTE_STATUS_WORDS[q.status]);
  return q.status === 'draft' ? `${status} — ${w('notSent')}` : status;
}

export interface EstimatePdfInput {
  quote: QuoteView;
  company: { name: string; details: string };
  customer: { name: string; legalName: string; taxId: string; address: string };
  /** Who the customer talks to; the phone is optional (users have no phone yet). */
  manager: { name: string; email: string; phone?: string } | null;
  /** The document's date, YYYY-MM-DD in the company's calendar (sent date, or today for a draft). */
  date: string;
  generatedAt: Date;
}

/** The document's parties as the store reads them (store/quote-parties.ts). */
export interface EstimateParties {
  customer: EstimatePdfInput['customer'] | null;
  manager: EstimatePdfInput['manager'];
}

/**
 * The input of an estimate PDF from the quote, the settings and its parties: dated the day the
 * revision was sent in the company's calendar (today for a draft). The same for the download
 * and the e-mail's attachment.
 */
export function estimatePdfInput(
  quote: QuoteView,
  settings: { companyName: string; companyDetails: string; timeZone: string },
  parties: EstimateParties,
  now: Date,
): EstimatePdfInput {
  return {
    quote,
    company: { name: settings.companyName, details: settings.companyDetails },
    customer: parties.customer ?? { name: quote.customerName, legalName: '', taxId: '', address: '' },
    manager: parties.manager,
    date: localDate(quote.sentAt ? Date.parse(quote.sentAt) : now.getTime(), settings.timeZone),
    generatedAt: now,
  };
}

/** The documents' styles (blocks.ts), with the estimate's denser table: larger cells, its own section rows. */
const S = {
  ...BASE,
  head: { face: 'bold', size: 7.5, gray: 0.25, leading: 1.15 },
  cell: { face: 'regular', size: 8.5, leading: 1.25 },
  section: { face: 'bold', size: 8.5 },
  sectionTotal: { face: 'regular', size: 8, gray: 0.3 },
} satisfies Record<string, TextStyle>;

type Line = QuoteView['lines'][number];

/** Widths of the lines table: №, code, service (the rest), qty, hours, K, norm-hours, amount. */
const FIXED = [18, 34, 0, 36, 44, 26, 46, 82];
export const COLUMNS: Column[] = FIXED.map((w, i) => ({
  width: i === 2 ? CONTENT_WIDTH - FIXED.reduce((s, x) => s + x, 0) : w,
  align: i === 0 ? 'center' : i <= 2 ? 'left' : 'right',
}));

function heading(fonts: Fonts, input: EstimatePdfInput, lang: Lang): Block[] {
  const w = wordOf(lang);
  const q = input.quote;
  const status = statusText(q, lang);
  const answered =
    q.answerName && (q.status === 'accepted' || q.status === 'declined' || q.status === 'changes_requested')
      ? ` · ${q.answerName}${q.answeredAt ? ` · ${formatDay(q.answeredAt, lang)}` : ''}`
      : '';
  const meta = [
    q.revision > 1 ? `${w('revision')} ${q.revision}` : '',
    `${w('dated')} ${formatDay(input.date, lang)}`,
    q.validUntil ? `${lowerFirst(w('validUntil'))} ${formatDay(q.validUntil, lang)}` : '',
  ].filter(Boolean);
  const right = [run(`${w('estimateNo')} ${q.number}`, S.number, 2), run(meta.join(' · '), S.meta, 2)];
  if (status) right.push(run(status + answered, S.meta, 2));
  const left = [run(input.company.name, S.company, 2)];
  const top = columnsBlock(fonts, [CONTENT_WIDTH * 0.55, CONTENT_WIDTH * 0.45], [left, right], ['left', 'right']);
  const rule: Block = {
    height: 10,
    draw: (ops, x, y) => ops.push({ kind: 'line', x1: x, y1: y + 6, x2: x + CONTENT_WIDTH, y2: y + 6, width: 1, gray: 0 }),
  };
  const title = columnsBlock(fonts, [CONTENT_WIDTH], [[run(q.title, S.title, 3)]]);
  return [top, rule, { ...title, spaceBefore: 6 }];
}

function parties(fonts: Fonts, input: EstimatePdfInput, lang: Lang): Block[] {
  const w = wordOf(lang);
  const c = input.customer;
  const contractor = [run(w('contractor'), S.label), run(input.company.name, S.party, 2), run(input.company.details, S.text, 4)];
  const customer = [run(w('customer'), S.label), run(c.name, S.party, 2)];
  if (c.legalName && c.legalName !== c.name) customer.push(run(c.legalName, S.text, 2));
  if (c.taxId) customer.push(run(`${w('taxId')} ${c.taxId}`, S.text, 1));
  if (c.address) customer.push(run(c.address, S.text, 3));
  const half = (CONTENT_WIDTH - 16) / 2;
  const blocks: Block[] = [{ ...columnsBlock(fonts, [half, 16, half], [contractor, [], customer]), spaceBefore: 10 }];
  const q = input.quote;
  const lines: string[] = [];
  const m = input.manager;
  if (m && (m.name || m.email))
    lines.push(`${w('manager')}: ${[m.name, m.phone ?? '', m.email].filter((s) => s.trim() !== '').join(' · ')}`);
  lines.push(`${w('rate')}: ${formatMoney(q.rateMinor, q.currency, lang)}`);
  blocks.push({ ...columnsBlock(fonts, [CONTENT_WIDTH], [lines.map((l) => run(l, S.text, 2))]), spaceBefore: 8 });
  if (q.customerNote.trim()) {
    blocks.push({ ...columnsBlock(fonts, [CONTENT_WIDTH], [[run(w('note'), S.label)]]), spaceBefore: 8, keepWithNext: true });
    blocks.push(...paragraph(fonts, q.customerNote, S.text, CONTENT_WIDTH));
  }
  return blocks;
}

function lineCells(l: Line, n: number, q: QuoteView, lang: Lang): Cell[] {
  const w = wordOf(lang);
  const service = [run(l.title, S.cell, 3)];
  if (l.actualTime && l.hoursCenti !== null)
    service.push(run(`${w('actual')} · ${w('estimateOf')} ${formatHours(l.hoursCenti, lang)}`, S.cellNote, 1));
  if (l.note.trim()) service.push(run(l.note, S.cellNote, 6));
  const figure = (text: string) => [run(text, S.cell, 1)];
  return [
    figure(String(n)),
    figure(l.code),
    service,
    figure(formatMilli(l.quantityMilli, lang)),
    figure(l.hoursCenti === null ? '—' : formatFixed(l.hoursCenti, 2, lang)),
    figure(formatMilli(l.kMilli, lang)),
    figure(l.normHoursCenti === null ? '—' : formatFixed(l.normHoursCenti, 2, lang)),
    figure(l.amountMinor === null ? '—' : formatMoney(l.amountMinor, q.currency, lang)),
  ];
}

/** The lines table: header, rows, a heading and a subtotal row per section. */
function linesTable(fonts: Fonts, q: QuoteView, lang: Lang): Block[] {
  const w = wordOf(lang);
  // The norm-hours column is narrow: its head breaks after the hyphen.
  const headerCells = [
    w('numberSignNarrow'),
    w('code'),
    w('service'),
    w('qty'),
    w('hours'),
    w('k'),
    w('normHours').replace('-', '-\n'),
    w('amount'),
  ].map((t) => [run(t, S.head)]);
  const header = row(fonts, COLUMNS, headerCells, { fill: 0.92, topRule: 0.8, paddingY: 4 });
  const blocks: Block[] = [{ ...header, spaceBefore: 12, keepWithNext: true }];
  const subtotals = new Map(q.sections.filter((s) => s.lineId !== null).map((s) => [s.lineId!, s]));
  const loose = q.sections.find((s) => s.lineId === null);
  let n = 0;
  let open: (typeof q.sections)[number] | undefined = loose;
  const closeSection = () => {
    if (!open) return;
    // The section's last line stays with its subtotal.
    if (blocks.length > 1) blocks[blocks.length - 1]!.keepWithNext = true;
    const label =
      open.lineId === null
        ? w('looseTotal')
        : `${w('sectionTotal')}${open.title ? ` ${lang === 'ru' ? `«${open.title}»` : `“${open.title}”`}` : ''}`;
    blocks.push(
      row(
        fonts,
        COLUMNS,
        [
          [run(label, S.sectionTotal, 2)],
          [run(formatFixed(open.normHoursCenti, 2, lang), S.sectionTotal, 1)],
          [run(formatMoney(open.subtotalMinor, q.currency, lang), S.sectionTotal, 1)],
        ],
        {
          spans: [
            [0, 6],
            [6, 1],
            [7, 1],
          ],
          align: ['right'],
          header,
          paddingY: 2.5,
        },
      ),
    );
    open = undefined;
  };
  for (const l of q.lines) {
    if (l.kind === 'section') {
      closeSection();
      open = subtotals.get(l.id);
      blocks.push(
        row(fonts, COLUMNS, [[run(l.title, S.section, 2)]], { spans: [[0, 8]], align: ['left'], fill: 0.96, header, keepWithNext: true }),
      );
      continue;
    }
    blocks.push(row(fonts, COLUMNS, lineCells(l, ++n, q, lang), { header }));
  }
  closeSection();
  if (n === 0) blocks.push(row(fonts, COLUMNS, [[run(w('noLines'), S.cellNote, 1)]], { spans: [[0, 8]], align: ['left'], header }));
  return blocks;
}

function totals(fonts: Fonts, q: QuoteView, lang: Lang): Block[] {
  const w = wordOf(lang);
  const t = q.totals;
  const money = (m: number) => formatMoney(m, q.currency, lang);
  const rows: [string, string, boolean][] = [[w('subtotal'), money(t.subtotalMinor), false]];
  if (q.discountRateMilli > 0) {
    rows.push([`${w('discount')} ${formatPercentMilli(q.discountRateMilli, lang)}`, `−${money(t.discountMinor)}`, false]);
    rows.push([w('net'), money(t.netMinor), false]);
  }
  if (q.vatMode === 'none') rows.push([w('noVat'), '—', false]);
  else
    rows.push([
      `${q.vatMode === 'included' ? w('vatIncluded') : w('vat')} ${formatPercentMilli(q.vatRateMilli, lang)}`,
      money(t.vatMinor),
      false,
    ]);
  rows.push([w('total'), money(t.totalMinor), true]);
  rows.push([w('normHours'), formatHours(t.normHoursCenti, lang), false]);
  return totalsRows(fonts, rows, 160, 90);
}

function legend(fonts: Fonts, q: QuoteView, lang: Lang): Block[] {
  const w = wordOf(lang);
  const texts = [w('formulaPrint')];
  if (q.lines.some((l) => l.kind !== 'section' && l.actualTime)) texts.push(w('actualLegend'));
  return texts.map((text, i) => ({
    ...columnsBlock(fonts, [CONTENT_WIDTH], [[run(text, S.small, 3)]]),
    spaceBefore: i === 0 ? 10 : 2,
    keepWithNext: true,
  }));
}

export interface EstimateLayout {
  pages: Page[];
  placed: PlacedBlock[];
  /** The blocks that must share a page: the last table row, the totals, the legend, the signatures. */
  tail: Block[];
}

/** The pages of the estimate, as drawing operations (what `renderEstimatePdf` writes). */
export function layoutEstimate(input: EstimatePdfInput, lang: Lang, fonts: Fonts = loadFonts()): EstimateLayout {
  const w = wordOf(lang);
  const q = input.quote;
  const table = linesTable(fonts, q, lang);
  table[table.length - 1]!.keepWithNext = true;
  // «Исполнитель / Заказчик»: the same signature block as the statement's and the invoice's.
  const sign = signatures(
    fonts,
    [
      { label: w('contractor'), name: input.company.name },
      { label: w('customer'), name: input.customer.legalName || input.customer.name },
    ],
    { signature: w('signature'), signatureName: w('signatureName'), stamp: w('stamp') },
  );
  const tail = [table[table.length - 1]!, ...totals(fonts, q, lang), ...legend(fonts, q, lang), sign];
  const blocks = [...heading(fonts, input, lang), ...parties(fonts, input, lang), ...table, ...tail.slice(1)];
  const { pages, placed } = paginate(blocks, FRAME);
  addFooters(
    pages,
    fonts,
    { ...FRAME, width: CONTENT_WIDTH },
    `${w('estimateNo')} ${q.number} · ${input.customer.name} · ${input.company.name}`,
    (i, n) => `${w('page')} ${i} ${w('of')} ${n}`,
  );
  return { pages, placed, tail };
}

export async function renderEstimatePdf(
  input: EstimatePdfInput,
  lang: Lang,
  options: { compress?: boolean } = {},
): Promise<Uint8Array<ArrayBuffer>> {
  const fonts = loadFonts();
  const { pages } = layoutEstimate(input, lang, fonts);
  const w = wordOf(lang);
  return writePdf(
    pages,
    {
      title: `${w('estimateNo')} ${input.quote.number}`,
      subject: input.quote.title,
      author: input.company.name,
      lang,
      createdAt: input.generatedAt,
    },
    fonts,
    options,
  );
}
