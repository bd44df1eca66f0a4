/** E-mails waiting to leave and sent. */
import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { LANGS, MAIL_KINDS, OUTBOX_STATUSES } from '../../worker/domain/enums';

/**
 * E-mails to send: each row is written in the same batch as the change that causes it, then
 * delivered by the queue consumer (worker/mail/deliver.ts) at most once. The body is rendered
 * at delivery from `payload` (what the message is about); no secret is stored here — a
 * customer's link is made when the e-mail leaves.
 */
export const outbox = sqliteTable(
  'outbox',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    kind: text({ enum: MAIL_KINDS }).notNull(),
    /** JSON array of addresses. */
    toJson: text('to_json').notNull(),
    lang: text({ enum: LANGS }).notNull(),
    subject: text().notNull(),
    payload: text().notNull().default('{}'),
    status: text({ enum: OUTBOX_STATUSES }).notNull(),
    attempts: integer().notNull().default(0),
    error: text(),
    /** A message that must go out once only (a reminder per revision): unique. */
    dedupeKey: text('dedupe_key'),
    createdAt: text('created_at').notNull(),
    createdBy: integer('created_by'),
    nextAttemptAt: text('next_attempt_at').notNull(),
    claimedAt: text('claimed_at'),
    sentAt: text('sent_at'),
    messageId: text('message_id'),
  },
  (t) => [
    uniqueIndex('outbox_dedupe').on(t.dedupeKey).where(sql`dedupe_key is not null`),
    index('outbox_due').on(t.status, t.nextAttemptAt),
    index('outbox_created').on(t.createdAt),
  ],
);
