/** The customer's links, and staff notifications. */
import { z } from '@hono/zod-openapi';
import { int } from './common';

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
  .object({ id: int(), quoteId: int().nullable(), kind: z.string(), message: z.string(), createdAt: z.string(), readAt: z.string().nullable() })
  .openapi('Notification');

export type ShareCreatedT = z.infer<typeof ShareCreated>;
export type ShareLinkInfoT = z.infer<typeof ShareLinkInfo>;
export type NotificationT = z.infer<typeof Notification>;
