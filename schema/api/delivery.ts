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
    status: z
      .enum(['queued', 'sent', 'failed'])
      .openapi({ description: 'queued (also while being sent), sent, or failed after its attempts' }),
    attempts: int(),
    error: z.string().nullable(),
    createdAt: z.string(),
    sentAt: z.string().nullable(),
  })
  .openapi('OutboxItem');

export const MailPreviewBody = z
  .object({ message: z.string().trim().max(5_000).optional().openapi({ description: 'the manager’s note, as it would be quoted' }) })
  .openapi('MailPreviewBody');

export const MailPreview = z
  .object({
    to: z.array(z.string()).openapi({ description: 'suggested recipients: the customer card’s e-mail' }),
    lang: z.enum(['ru', 'en']),
    subject: z.string(),
    text: z.string(),
    html: z.string().openapi({ description: 'the message as the customer will see it (the link is made when it is sent)' }),
    attachment: z.string().openapi({ description: 'the PDF’s file name' }),
  })
  .openapi('MailPreview');

export type OutboxItemT = z.infer<typeof OutboxItem>;
export type MailPreviewT = z.infer<typeof MailPreview>;
