/** The outbox: every e-mail the product sends, its state and attempts. */
import { z } from '@hono/zod-openapi';
import { MAIL_KINDS } from '../../worker/domain/enums';
import { int } from './common';

export const OutboxItem = z
  .object({
    id: int(),
    kind: z.enum(MAIL_KINDS),
    to: z.array(z.string()),
    subject: z.string(),
    status: z.enum(['queued', 'sent', 'failed']).openapi({ description: 'queued (also while being sent), sent, or failed after its attempts' }),
    attempts: int(),
    error: z.string().nullable(),
    createdAt: z.string(),
    sentAt: z.string().nullable(),
  })
  .openapi('OutboxItem');

export type OutboxItemT = z.infer<typeof OutboxItem>;
