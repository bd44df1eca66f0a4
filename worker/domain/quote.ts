/**
 * A quote revision as everyone sees it: its lines priced by the one formula, section
 * subtotals, totals, the status a reader sees (expired computed now) and what may be done
 * with it. Pure: the API, the customer's page and the Excel writer all build from this.
 */
import { priceQuote, type PricedLine, type Totals, type VatMode } from './pricing';
import { effectiveStatus, refusalFor, type QuoteAction, type QuoteStatus, type StoredQuoteStatus } from './quote-lifecycle';

export interface LineRecord {
  id: number;
  position: number;
  kind: 'item' | 'free' | 'section' | 'project';
  catalogItemId: number | null;
  projectId: number | null;
  code: string;
  title: string;
  mode: 'fixed' | 'estimate';
  actualTime: boolean;
  quantityMilli: number;
  hoursCenti: number | null;
  kMilli: number;
  baseKMilli: number;
  kReason: string;
  /**
   * What the line's service is — its specialist category and the four texts — frozen when the
   * line was added. Staff reads leave it out (GET /api/quotes/:id/services has it on demand);
   * a full read carries it once per catalog item in the view's `services`, and on a line only
   * when the line's differs from its item's entry there (frozen on another day, or no item):
   * see `lineService`.
   */
  categoryName?: string;
  description?: string;
  inputs?: string;
  result?: string;
  limits?: string;
  note: string;
}

/** Who does the work, what the service is, what the customer gives and gets, and its limits. */
export interface ServiceInfo {
  categoryName: string;
  description: string;
  inputs: string;
  result: string;
  limits: string;
}

/** Each catalog item's service info once, keyed by its id (as a string: a JSON object's key). */
export type ServiceInfoMap = Record<string, ServiceInfo>;

export const NO_SERVICE_INFO: ServiceInfo = Object.freeze({ categoryName: '', description: '', inputs: '', result: '', limits: '' });

/** A line's service info: its own when it carries it, else its catalog item's entry in `services`. */
export function lineService(
  line: Pick<LineRecord, 'catalogItemId' | 'categoryName' | 'description' | 'inputs' | 'result' | 'limits'>,
  services: ServiceInfoMap | undefined,
): ServiceInfo {
  if (line.categoryName !== undefined) {
    return {
      categoryName: line.categoryName,
      description: line.description ?? '',
      inputs: line.inputs ?? '',
      result: line.result ?? '',
      limits: line.limits ?? '',
    };
  }
  return (line.catalogItemId !== null && services?.[String(line.catalogItemId)]) || NO_SERVICE_INFO;
}

export interface QuoteRecord {
  id: number;
  seriesId: number;
  revision: number;
  number: string;
  status: StoredQuoteStatus;
  version: number;
  customerId: number;
  title: string;
  currency: string;
  rateMinor: number;
  vatMode: VatMode;
  vatRateMilli: number;
  discountRateMilli: number;
  validUntil: string | null;
  customerNote: string;
  internalNote: string;
  createdAt: string;
  updatedAt: string;
  sentAt: string | null;
  supersededAt: string | null;
  answeredAt: string | null;
  answerName: string | null;
  answerMessage: string | null;
}

export type PricedQuoteLine = LineRecord & PricedLine;

export interface Section {
  /** The heading line, or null for lines above the first heading. */
  lineId: number | null;
  title: string;
  subtotalMinor: number;
  normHoursCenti: number;
}

/** What pricing and sections need of a line. */
export type PricedLineInput = Pick<LineRecord, 'id' | 'position' | 'kind' | 'title' | 'quantityMilli' | 'hoursCenti' | 'kMilli'>;

/** Headings are free of charge; every other line is priced (an incomplete one as nothing). */
export function priceLines<L extends PricedLineInput = LineRecord>(
  lines: readonly L[],
  q: Pick<QuoteRecord, 'rateMinor' | 'vatMode' | 'vatRateMilli' | 'discountRateMilli'>,
) {
  const sorted = [...lines].sort((a, b) => a.position - b.position || a.id - b.id);
  const billable = sorted.filter((l) => l.kind !== 'section');
  const { lines: pricedBillable, totals } = priceQuote(billable, q);
  const byId = new Map(pricedBillable.map((l) => [l.id, l]));
  const priced: (L & PricedLine)[] = sorted.map((l) => byId.get(l.id) ?? { ...l, normHoursCenti: null, amountMinor: null });
  return { lines: priced, totals };
}

export function sectionsOf(lines: readonly (Pick<LineRecord, 'id' | 'kind' | 'title'> & PricedLine)[]): Section[] {
  if (!lines.some((l) => l.kind === 'section')) return [];
  const sections: Section[] = [];
  let current: Section | null = null;
  for (const line of lines) {
    if (line.kind === 'section') {
      current = { lineId: line.id, title: line.title, subtotalMinor: 0, normHoursCenti: 0 };
      sections.push(current);
      continue;
    }
    if (!current) {
      current = { lineId: null, title: '', subtotalMinor: 0, normHoursCenti: 0 };
      sections.push(current);
    }
    current.subtotalMinor += line.amountMinor ?? 0;
    current.normHoursCenti += line.normHoursCenti ?? 0;
  }
  return sections;
}

export interface QuoteContext {
  /** The company's calendar date, YYYY-MM-DD. */
  today: string;
  customerName: string;
  baseNumber: string;
  latestRevision: number;
  revisions: {
    id: number;
    revision: number;
    number: string;
    status: StoredQuoteStatus;
    validUntil: string | null;
    sentAt: string | null;
    supersededAt: string | null;
  }[];
  orderId: number | null;
  /** Each catalog item's service info once (lines then carry only what differs); absent from staff reads. */
  services?: ServiceInfoMap;
}

const ACTIONS: QuoteAction[] = ['edit', 'send', 'revise', 'duplicate', 'archive', 'share', 'order'];

export function buildQuoteView(q: QuoteRecord, lines: readonly LineRecord[], ctx: QuoteContext) {
  const status: QuoteStatus = effectiveStatus(q, ctx.today);
  const latest = q.revision === ctx.latestRevision;
  const superseded = q.supersededAt !== null;
  const { lines: priced, totals } = priceLines(lines, q);
  const allowed = Object.fromEntries(
    ACTIONS.map((a) => [
      a,
      (refusalFor(a, status, latest, superseded) === null && !(a === 'order' && ctx.orderId !== null)) ||
        // A draft of a number that was sent may share the number's link too.
        (a === 'share' && ctx.revisions.some((r) => r.sentAt !== null)),
    ]),
  ) as Record<(typeof ACTIONS)[number], boolean>;
  return {
    id: q.id,
    seriesId: q.seriesId,
    number: q.number,
    baseNumber: ctx.baseNumber,
    revision: q.revision,
    status,
    version: q.version,
    latest,
    customerId: q.customerId,
    customerName: ctx.customerName,
    title: q.title,
    currency: q.currency,
    rateMinor: q.rateMinor,
    vatMode: q.vatMode,
    vatRateMilli: q.vatRateMilli,
    discountRateMilli: q.discountRateMilli,
    validUntil: q.validUntil,
    customerNote: q.customerNote,
    internalNote: q.internalNote,
    createdAt: q.createdAt,
    updatedAt: q.updatedAt,
    sentAt: q.sentAt,
    supersededAt: q.supersededAt,
    answeredAt: q.answeredAt,
    answerName: q.answerName,
    answerMessage: q.answerMessage,
    orderId: ctx.orderId,
    lines: priced,
    services: ctx.services,
    sections: sectionsOf(priced),
    totals,
    revisions: ctx.revisions.map((r) => ({
      id: r.id,
      revision: r.revision,
      number: r.number,
      status: effectiveStatus(r, ctx.today),
      sentAt: r.sentAt,
      supersededAt: r.supersededAt,
    })),
    allowed,
  };
}

export type QuoteView = ReturnType<typeof buildQuoteView>;
export type { PricedLine, Totals };
