/** Quotes, their lines, audit and lists. */
import { z } from '@hono/zod-openapi';
import { ACTOR_KINDS, ITEM_MODES, LINE_KINDS, QUOTE_STATUSES } from '../../worker/domain/enums';
import {
  Currency,
  HoursCenti,
  IsoDate,
  KMilli,
  NOTHING_TO_CHANGE,
  QuantityMilli,
  RateMilli,
  VatMode,
  changesSomething,
  int,
  name,
  text,
} from './common';

export const QuoteStatus = z.enum(QUOTE_STATUSES);

export const Version = int().min(1).openapi({ description: 'the version you read; a stale one gets 409 version_conflict' });
export const KReason = z.string().trim().max(500);

const quoteHeaderFields = {
  title: name(300),
  vatMode: VatMode.optional(),
  vatRateMilli: RateMilli.optional(),
  discountRateMilli: RateMilli.optional(),
  validUntil: IsoDate.nullable().optional(),
  customerNote: text(10_000).optional(),
  internalNote: text(10_000).optional(),
};

export const NewQuoteBody = z
  .object({ customerId: int().min(1), currency: Currency.optional(), ...quoteHeaderFields })
  .strict()
  .openapi('NewQuoteBody');

export const QuotePatchBody = z
  .object({ version: Version, customerId: int().min(1).optional(), ...quoteHeaderFields, title: name(300).optional() })
  .strict()
  .refine(changesSomething, NOTHING_TO_CHANGE)
  .openapi('QuotePatchBody');

export const NewLineBody = z
  .object({
    version: Version,
    kind: z.enum(['item', 'free', 'section']).optional().openapi({ description: 'default: item when catalogItemId is given, else free' }),
    catalogItemId: int().min(1).optional(),
    title: z.string().trim().min(1).max(500).optional(),
    quantityMilli: QuantityMilli.optional().openapi({ description: 'default 1000 (one unit)' }),
    hoursCenti: HoursCenti.nullable().optional(),
    kMilli: KMilli.optional(),
    kReason: KReason.optional(),
    note: text(2_000).optional(),
    afterLineId: int().min(1).optional().openapi({ description: 'insert after this line (default: at the end)' }),
  })
  .strict()
  .openapi('NewLineBody');

export const LinePatchBody = z
  .object({
    version: Version,
    title: z.string().trim().min(1).max(500).optional(),
    quantityMilli: QuantityMilli.optional(),
    hoursCenti: HoursCenti.nullable().optional(),
    kMilli: KMilli.optional(),
    kReason: KReason.optional(),
    note: text(2_000).optional(),
  })
  .strict()
  .refine(changesSomething, NOTHING_TO_CHANGE)
  .openapi('LinePatchBody');

export const VersionBody = z.object({ version: Version }).strict().openapi('VersionBody');

/** Sending a draft, and with `email` an e-mail to the customer (link + PDF) written with the send. */
export const SendBody = z
  .object({
    version: Version,
    email: z
      .object({
        to: z.array(z.string().trim().email().max(254)).min(1).max(10).openapi({ description: 'the customer’s addresses' }),
        message: z.string().trim().max(5_000).optional().openapi({ description: 'the manager’s note, quoted in the e-mail' }),
      })
      .strict()
      .optional(),
  })
  .strict()
  .openapi('SendBody');

export const PasteRow = z
  .object({
    code: z.string().trim().min(1).max(20).optional(),
    catalogItemId: int().min(1).optional(),
    title: z.string().trim().min(1).max(500).optional(),
    quantityMilli: QuantityMilli.optional(),
    hoursCenti: HoursCenti.nullable().optional(),
    kMilli: KMilli.optional(),
    kReason: KReason.optional(),
  })
  .strict();

export const PasteBody = z
  .object({ version: Version, rows: z.array(PasteRow).min(1).max(500), afterLineId: int().min(1).optional() })
  .strict()
  .openapi('PasteBody');

/** Many lines removed in one write (the undo of a paste): every id a line of the quote, once. */
export const DeleteLinesBody = z
  .object({ version: Version, lineIds: z.array(int().min(1)).min(1).max(2_000) })
  .strict()
  .openapi('DeleteLinesBody');

/** A copy of a quote; for another customer when `customerId` is given. */
export const DuplicateBody = z
  .object({ customerId: int().min(1).optional() })
  .strict()
  .openapi('DuplicateBody');

export const ReorderBody = z
  .object({ version: Version, lineIds: z.array(int().min(1)).min(1).max(2_000) })
  .strict()
  .openapi('ReorderBody');

export const MoveBody = z
  .object({ version: Version, direction: z.enum(['up', 'down']) })
  .strict()
  .openapi('MoveBody');

export const QuoteLine = z
  .object({
    id: int(),
    position: int(),
    kind: z.enum(LINE_KINDS),
    catalogItemId: int().nullable(),
    projectId: int().nullable(),
    code: z.string(),
    title: z.string(),
    mode: z.enum(ITEM_MODES),
    actualTime: z.boolean(),
    quantityMilli: int(),
    hoursCenti: int().nullable(),
    kMilli: int(),
    baseKMilli: int(),
    kReason: z.string(),
    note: z.string(),
    normHoursCenti: int().nullable(),
    amountMinor: int().nullable(),
  })
  .openapi('QuoteLine', {
    description: 'a line as staff read it; what its service is (category, texts) is GET /api/quotes/{id}/services, on demand',
  });

/** What a line's service is, frozen when the line was added: the specialist category and the four texts. */
export const ServiceInfo = z
  .object({ categoryName: z.string(), description: z.string(), inputs: z.string(), result: z.string(), limits: z.string() })
  .openapi('ServiceInfo');

/** The quote's service info on demand: once per catalog item, and per line only where a line's differs. */
export const QuoteServices = z
  .object({
    services: z.record(z.string(), ServiceInfo).openapi({ description: 'by catalogItemId: the info its lines were frozen with' }),
    lines: z.record(z.string(), ServiceInfo).openapi({
      description: 'by line id: a line whose info is not its item’s entry (frozen on another day, or a line without an item)',
    }),
  })
  .openapi('QuoteServices');

export const Totals = z
  .object({
    subtotalMinor: int(),
    discountMinor: int(),
    netMinor: int(),
    vatMinor: int(),
    totalMinor: int(),
    normHoursCenti: int(),
    incompleteLines: int(),
  })
  .openapi('Totals');

const QuoteSection = z.object({ lineId: int().nullable(), title: z.string(), subtotalMinor: int(), normHoursCenti: int() });

export const Quote = z
  .object({
    id: int(),
    seriesId: int(),
    number: z.string().openapi({ example: 'Q-2026-0042-R2' }),
    baseNumber: z.string(),
    revision: int(),
    status: QuoteStatus,
    version: int(),
    latest: z.boolean().openapi({ description: 'the newest revision of its number' }),
    customerId: int(),
    customerName: z.string(),
    title: z.string(),
    currency: z.string(),
    rateMinor: int(),
    vatMode: VatMode,
    vatRateMilli: int(),
    discountRateMilli: int(),
    validUntil: z.string().nullable(),
    customerNote: z.string(),
    internalNote: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
    sentAt: z.string().nullable(),
    supersededAt: z.string().nullable(),
    answeredAt: z.string().nullable(),
    answerName: z.string().nullable(),
    answerMessage: z.string().nullable(),
    orderId: int().nullable(),
    lines: z.array(QuoteLine),
    sections: z.array(QuoteSection),
    totals: Totals,
    revisions: z.array(
      z.object({
        id: int(),
        revision: int(),
        number: z.string(),
        status: QuoteStatus,
        sentAt: z.string().nullable(),
        supersededAt: z.string().nullable(),
      }),
    ),
    allowed: z.object({
      edit: z.boolean(),
      send: z.boolean(),
      revise: z.boolean(),
      duplicate: z.boolean(),
      archive: z.boolean(),
      share: z.boolean(),
      order: z.boolean(),
    }),
  })
  .openapi('Quote');

/** A line write's lean answer (`?answer=change`): the change, not the whole quote. */
export const QuoteChange = z
  .object({
    id: int(),
    version: int(),
    updatedAt: z.string(),
    line: QuoteLine.nullable().openapi({ description: 'the line added or changed, priced; null after a removal' }),
    removedLineIds: z.array(int()),
    order: z.array(int()).openapi({ description: 'every line id of the quote, in order, after the write' }),
    positions: z.array(int()).openapi({ description: 'the position of each line of `order`, in the same order' }),
    sections: z.array(QuoteSection),
    totals: Totals,
  })
  .openapi('QuoteChange');

/** What a line write answers: the whole quote, or with `?answer=change` only the change. */
export const QuoteOrChange = z.union([Quote, QuoteChange]).openapi('QuoteOrChange');

export const LineWriteQuery = z.object({
  answer: z
    .enum(['quote', 'change'])
    .optional()
    .openapi({ description: 'quote (default): the whole quote; change: the line, totals, sections, order and new version only' }),
});

export const LineDeleteQuery = LineWriteQuery.extend({ version: z.coerce.number().int().min(1).optional() });

export const QuoteListItem = z
  .object({
    id: int(),
    number: z.string(),
    revision: int(),
    status: QuoteStatus,
    customerId: int(),
    customerName: z.string(),
    title: z.string(),
    currency: z.string(),
    totalMinor: int(),
    normHoursCenti: int(),
    incompleteLines: int(),
    validUntil: z.string().nullable(),
    updatedAt: z.string(),
    sentAt: z.string().nullable(),
    answeredAt: z.string().nullable(),
    answerName: z.string().nullable(),
  })
  .openapi('QuoteListItem');

export const QuoteList = z.object({ items: z.array(QuoteListItem), total: int(), page: int(), pageSize: int() }).openapi('QuoteList');

export const QuoteListQuery = z.object({
  customerId: z.coerce.number().int().min(1).optional(),
  status: QuoteStatus.optional(),
  q: z.string().max(200).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  allRevisions: z.enum(['true', 'false']).optional(),
});

export const AuditEntry = z
  .object({
    id: int(),
    quoteId: int(),
    revision: int(),
    number: z.string(),
    at: z.string(),
    actorKind: z.enum(ACTOR_KINDS),
    actorName: z.string(),
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
    action: z.string(),
    changes: z.record(z.string(), z.unknown()),
  })
  .openapi('AuditEntry');

export type QuoteT = z.infer<typeof Quote>;
export type QuoteLineT = z.infer<typeof QuoteLine>;
export type QuoteChangeT = z.infer<typeof QuoteChange>;
export type QuoteServicesT = z.infer<typeof QuoteServices>;
export type ServiceInfoT = z.infer<typeof ServiceInfo>;
export type QuoteOrChangeT = z.infer<typeof QuoteOrChange>;
export type QuoteListItemT = z.infer<typeof QuoteListItem>;
export type QuoteListT = z.infer<typeof QuoteList>;
export type AuditEntryT = z.infer<typeof AuditEntry>;
export type TotalsT = z.infer<typeof Totals>;
