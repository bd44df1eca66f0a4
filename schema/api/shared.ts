/** The customer's links, and staff notifications. */
import { z } from '@hono/zod-openapi';
import { ITEM_MODES, LINE_KINDS, QUOTE_STATUSES, VAT_MODES } from '../../worker/domain/enums';
import { int } from './common';
import { Totals } from './quotes';

export const ShareBody = z
  .object({ expiresInDays: int().min(1).max(365).optional().openapi({ description: 'default: the settings’ link validity (30 days)' }) })
  .strict()
  .openapi('ShareBody');

export const ShareCreated = z
  .object({
    id: int(),
    url: z.string().openapi({ example: 'https://quotes.example.com/s/…' }),
    token: z.string().openapi({ description: 'shown once: only its SHA-256 is stored' }),
    expiresAt: z.string(),
  })
  .openapi('ShareCreated');

export const ShareLinkInfo = z
  .object({
    id: int(),
    createdAt: z.string(),
    expiresAt: z.string(),
    revokedAt: z.string().nullable(),
    firstOpenedAt: z.string().nullable(),
    lastOpenedAt: z.string().nullable(),
    openCount: int(),
    state: z.enum(['active', 'expired', 'revoked']),
  })
  .openapi('ShareLinkInfo');

export const Notification = z
  .object({
    id: int(),
    quoteId: int().nullable(),
    kind: z.string(),
    message: z.string(),
    createdAt: z.string(),
    readAt: z.string().nullable(),
  })
  .openapi('Notification');

export type ShareCreatedT = z.infer<typeof ShareCreated>;
export type ShareLinkInfoT = z.infer<typeof ShareLinkInfo>;
export type NotificationT = z.infer<typeof Notification>;

/**
 * What a customer with the link reads (worker/domain/shared-view.ts builds it from an
 * allow-list): no ids, versions, internal notes or reasons behind K.
 */
export const SharedQuote = z
  .object({
    company: z
      .object({ name: z.string(), details: z.string(), logo: z.string().openapi({ description: 'a data: URL, or empty' }) })
      .strict(),
    manager: z.object({ name: z.string(), phone: z.string(), email: z.string() }).strict().nullable(),
    customer: z.object({ name: z.string(), legalName: z.string() }).strict(),
    quote: z
      .object({
        number: z.string().openapi({ description: 'the latest sent revision of the link’s quote number: Q-2026-0042, Q-2026-0042-R2…' }),
        revision: int(),
        title: z.string(),
        status: z.enum(QUOTE_STATUSES),
        currency: z.string(),
        rateMinor: int(),
        vatMode: z.enum(VAT_MODES),
        vatRateMilli: int(),
        discountRateMilli: int(),
        validUntil: z.string().nullable(),
        sentAt: z.string().nullable(),
        customerNote: z.string(),
      })
      .strict(),
    lines: z.array(
      z
        .object({
          kind: z.enum(LINE_KINDS),
          code: z.string(),
          title: z.string(),
          mode: z.enum(ITEM_MODES),
          actualTime: z.boolean().openapi({ description: 'billed by the time actually spent; the hours are an estimate' }),
          quantityMilli: int(),
          hoursCenti: int().nullable(),
          kMilli: int(),
          categoryName: z.string(),
          normHoursCenti: int().nullable(),
          amountMinor: int().nullable(),
          description: z.string(),
          inputs: z.string(),
          result: z.string(),
          limits: z.string(),
          note: z.string(),
        })
        .strict(),
    ),
    sections: z.array(z.object({ title: z.string(), subtotalMinor: int(), normHoursCenti: int() }).strict()),
    totals: Totals,
    answer: z
      .object({
        kind: z.enum(['accepted', 'declined', 'changes_requested']),
        name: z.string().nullable(),
        message: z.string().nullable(),
        at: z.string().nullable(),
      })
      .strict()
      .nullable(),
    replaced: z.boolean(),
    expired: z.boolean(),
    canAnswer: z.boolean().openapi({ description: 'the page offers accept / decline / request changes' }),
    link: z.object({ expiresAt: z.string() }).strict(),
    history: z.array(
      z
        .object({ number: z.string(), revision: int(), sentAt: z.string(), replacedAt: z.string().nullable(), replacedBy: z.string() })
        .strict(),
    ),
  })
  .strict()
  .openapi('SharedQuote');

export type SharedQuoteT = z.infer<typeof SharedQuote>;
