/**
 * The customer's quotes: every revision with its terms and the domain's totals; every line
 * with its norm-hours and amount as the estimate's formulas (the priced lines' figures as
 * their results); each service's description once; who did what to the quotes, and when.
 */
import { localDate } from '../../domain/calendar';
import { formatMilli, formatMoney } from '../../domain/format';
import { priceLines, type PricedLine, type QuoteRecord } from '../../domain/quote';
import { effectiveStatus } from '../../domain/quote-lifecycle';
import { AUDIT_ACTION_WORDS } from '../../domain/audit-words';
import { lowerFirst, upperFirst } from '../../domain/words/case';
import { ACTOR_KIND_WORDS, ITEM_MODE_WORDS, LINE_KIND_WORDS, VAT_MODE_WORDS } from '../../domain/words/kinds';
import { QUOTE_STATUS_WORDS } from '../../domain/words/statuses';
import type { CustomerExport } from '../../store/customer-export';
import type { ListSheet } from '../table';
import { groupBy, type CustomerBook } from './book';

type QuoteRow = CustomerExport['quotes'][number];
type LineRow = CustomerExport['quoteLines'][number];
type AuditRow = CustomerExport['audit'][number];

export interface QuoteSheets {
  quotes: ListSheet;
  lines: ListSheet;
  services: ListSheet;
  history: ListSheet;
  /** Rows of the lines and services sheets, for the card's contents. */
  lineCount: number;
  serviceCount: number;
}

export function quoteSheets(b: CustomerBook): QuoteSheets {
  const { doc, lang, w, list, named, date } = b;
  const today = localDate(b.input.generatedAt.getTime(), b.input.timeZone);
  const percent = (milli: number) => `${formatMilli(milli * 100, lang)}${lang === 'ru' ? '\u00a0' : ''}%`;
  /** "ставка 3 000,00 ₽ / скидка 5 % / НДС 22 % сверху", a line each. */
  const termsText = (q: QuoteRow) =>
    [
      `${lowerFirst(w('rateColumn'))} ${formatMoney(q.rateMinor, q.currency, lang)}`,
      q.discountRateMilli > 0 ? `${lowerFirst(w('discount'))} ${percent(q.discountRateMilli)}` : '',
      q.vatMode === 'none' ? named(VAT_MODE_WORDS, 'none') : `${w('vat')} ${percent(q.vatRateMilli)} ${named(VAT_MODE_WORDS, q.vatMode)}`,
    ]
      .filter(Boolean)
      .join('\n');

  // Each revision priced by the domain: its totals, and its lines with their figures.
  const linesOf = groupBy(doc.quoteLines, (l) => l.quoteId);
  const priced = new Map(doc.quotes.map((q) => [q.id, priceLines(linesOf.get(q.id) ?? [], q as unknown as QuoteRecord)] as const));
  const totalsOf = (q: QuoteRow) => priced.get(q.id)!.totals;

  const quotes = list.list<QuoteRow>({
    sheet: w('quotesSheet'),
    table: 'Quotes',
    title: w('quotesTitle'),
    rows: doc.quotes,
    cols: [
      { key: 'number', head: w('number'), kind: 'text', width: [12, 14], get: (q) => q.number },
      { key: 'rev', head: w('revisionShort'), kind: 'int', width: [5, 6], get: (q) => q.revision },
      { key: 'title', head: w('quoteTitle'), kind: 'wrap', width: [16, 22], get: (q) => q.title },
      {
        key: 'status',
        head: w('status'),
        kind: 'wrap',
        width: [11, 14],
        get: (q) => (q.supersededAt ? w('replaced') : named(QUOTE_STATUS_WORDS, effectiveStatus(q as unknown as QuoteRecord, today))),
      },
      { key: 'sent', head: w('sent'), kind: 'date', width: [11, 11], get: (q) => date(q.sentAt) },
      { key: 'valid', head: w('validUntil'), kind: 'date', width: [11, 11], get: (q) => date(q.validUntil) },
      { key: 'answered', head: w('answered'), kind: 'date', width: [11, 11], get: (q) => date(q.answeredAt) },
      {
        key: 'answer',
        head: w('answerBy'),
        kind: 'wrap',
        width: [12, 22],
        get: (q) => [q.answerName, q.answerMessage].filter((t) => t?.trim()).join('\n'),
      },
      { key: 'terms', head: w('terms'), kind: 'wrap', width: [14, 18], get: termsText },
      { key: 'normHours', head: w('normHours'), kind: 'hours', width: [10, 12], get: (q) => totalsOf(q).normHoursCenti },
      {
        key: 'subtotal',
        head: w('subtotal'),
        kind: 'money',
        width: [12, 16],
        currency: (q) => q.currency,
        get: (q) => totalsOf(q).subtotalMinor,
      },
      {
        key: 'discount',
        head: w('discount'),
        kind: 'money',
        width: [10, 14],
        currency: (q) => q.currency,
        get: (q) => totalsOf(q).discountMinor,
      },
      { key: 'vat', head: w('vatAmount'), kind: 'money', width: [10, 14], currency: (q) => q.currency, get: (q) => totalsOf(q).vatMinor },
      { key: 'total', head: w('total'), kind: 'money', width: [12, 16], currency: (q) => q.currency, get: (q) => totalsOf(q).totalMinor },
      { key: 'customerNote', head: w('customerNote'), kind: 'wrap', width: [14, 20], get: (q) => q.customerNote },
    ],
  });

  // ---- quote lines: norm-hours and amounts as the estimate's formulas, the domain's figures as results ----
  type LineItem = { q: QuoteRow; l: LineRow & PricedLine; n: number };
  const lineRows: LineItem[] = doc.quotes.flatMap((q) => priced.get(q.id)!.lines.map((l, i) => ({ q, l, n: i + 1 })));
  const notSection = <T>(l: LineRow & PricedLine, value: T) => (l.kind === 'section' ? null : value);
  const lines = list.list<LineItem>({
    sheet: w('linesSheet'),
    table: 'QuoteLines',
    title: w('linesSheet'),
    rows: lineRows,
    heading: ({ l }) => l.kind === 'section',
    cols: [
      { key: 'quote', head: w('quote'), kind: 'text', width: [12, 14], get: ({ q }) => q.number },
      { key: 'rev', head: w('revisionShort'), kind: 'int', width: [5, 6], get: ({ q }) => q.revision },
      { key: 'no', head: w('numberSign'), kind: 'int', width: [4, 5], get: ({ n }) => n },
      { key: 'kind', head: w('kind'), kind: 'text', width: [8, 14], get: ({ l }) => named(LINE_KIND_WORDS, l.kind) },
      { key: 'code', head: w('code'), kind: 'text', width: [6, 10], get: ({ l }) => l.code },
      { key: 'service', head: w('service'), kind: 'wrap', width: [20, 30], get: ({ l }) => l.title },
      { key: 'category', head: w('specialist'), kind: 'wrap', width: [10, 16], get: ({ l }) => l.categoryName },
      { key: 'mode', head: w('mode'), kind: 'text', width: [8, 14], get: ({ l }) => notSection(l, named(ITEM_MODE_WORDS, l.mode)) ?? '' },
      {
        key: 'actual',
        head: upperFirst(w('actual')),
        kind: 'text',
        width: [6, 9],
        get: ({ l }) => notSection(l, l.actualTime ? w('yes') : w('no')) ?? '',
      },
      { key: 'qty', head: w('qty'), kind: 'milli', width: [6, 9], get: ({ l }) => notSection(l, l.quantityMilli) },
      { key: 'hours', head: w('hours'), kind: 'hours', width: [7, 10], get: ({ l }) => notSection(l, l.hoursCenti) },
      { key: 'k', head: w('k'), kind: 'milli', width: [5, 6], get: ({ l }) => notSection(l, l.kMilli) },
      {
        key: 'normHours',
        head: w('normHours'),
        kind: 'hours',
        width: [10, 12],
        get: ({ l }, ref) =>
          l.normHoursCenti === null ? null : { formula: `ROUND(${ref('qty')}*${ref('hours')}*${ref('k')},2)`, result: l.normHoursCenti },
      },
      {
        key: 'rate',
        head: w('rateColumn'),
        kind: 'money',
        width: [11, 14],
        currency: ({ q }) => q.currency,
        get: ({ q, l }) => notSection(l, q.rateMinor),
      },
      {
        key: 'amount',
        head: w('amount'),
        kind: 'money',
        width: [12, 16],
        currency: ({ q }) => q.currency,
        get: ({ l }, ref) =>
          l.amountMinor === null
            ? null
            : { formula: `ROUND(${ref('qty')}*${ref('hours')}*${ref('k')}*${ref('rate')},2)`, result: l.amountMinor },
      },
      {
        key: 'project',
        head: w('project'),
        kind: 'text',
        width: [7, 10],
        get: ({ l }) => (l.projectId !== null ? (b.projectById.get(l.projectId)?.code ?? `#${l.projectId}`) : ''),
      },
      { key: 'note', head: w('note'), kind: 'wrap', width: [12, 22], get: ({ l }) => l.note },
    ],
  });

  // ---- services: each distinct description once ----
  const seen = new Set<string>();
  const serviceRows = doc.quoteLines.filter((l) => {
    if (l.kind === 'section' || ![l.description, l.inputs, l.result, l.limits].some((t) => t.trim() !== '')) return false;
    const key = JSON.stringify([l.code, l.title, l.categoryName, l.description, l.inputs, l.result, l.limits]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const services = list.list<LineRow>({
    sheet: w('services'),
    table: 'Services',
    title: w('servicesTitle'),
    rows: serviceRows,
    cols: [
      { key: 'code', head: w('code'), kind: 'text', width: [6, 10], get: (l) => l.code },
      { key: 'service', head: w('service'), kind: 'wrap', width: [18, 26], get: (l) => l.title },
      { key: 'category', head: w('specialist'), kind: 'wrap', width: [10, 16], get: (l) => l.categoryName },
      { key: 'description', head: w('description'), kind: 'wrap', width: [20, 40], get: (l) => l.description },
      { key: 'inputs', head: w('inputs'), kind: 'wrap', width: [16, 30], get: (l) => l.inputs },
      { key: 'result', head: w('result'), kind: 'wrap', width: [16, 30], get: (l) => l.result },
      { key: 'limits', head: w('limits'), kind: 'wrap', width: [16, 30], get: (l) => l.limits },
    ],
  });

  // ---- quote history: who did what, when (no addresses, browsers or field changes) ----
  const history = list.list<AuditRow>({
    sheet: w('historySheet'),
    table: 'QuoteHistory',
    title: w('historySheet'),
    rows: doc.audit,
    cols: [
      { key: 'when', head: w('when'), kind: 'datetime', width: [16, 16], get: (a) => b.dateTime(a.at) },
      { key: 'quote', head: w('quote'), kind: 'text', width: [12, 14], get: (a) => b.quoteById.get(a.quoteId)?.number ?? '' },
      { key: 'rev', head: w('revisionShort'), kind: 'int', width: [5, 6], get: (a) => b.quoteById.get(a.quoteId)?.revision ?? null },
      { key: 'side', head: w('side'), kind: 'text', width: [9, 12], get: (a) => named(ACTOR_KIND_WORDS, a.actorKind) },
      { key: 'who', head: w('who'), kind: 'wrap', width: [14, 30], get: (a) => a.actorName },
      { key: 'action', head: w('action'), kind: 'wrap', width: [18, 30], get: (a) => named(AUDIT_ACTION_WORDS, a.action) },
    ],
  });

  return { quotes, lines, services, history, lineCount: lineRows.length, serviceCount: serviceRows.length };
}
