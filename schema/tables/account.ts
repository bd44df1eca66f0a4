/** The customer's account: links to it (like quote links: only the token's SHA-256 is kept). */
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { customers } from './customers';

/**
 * A link to a customer's account page (/a/:token): 256 random bits, stored only as SHA-256,
 * with an expiry; revoked by staff (or when the customer's data is deleted). Opening it counts.
 */
export const accountLinks = sqliteTable(
  'account_links',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id),
    tokenHash: text('token_hash').notNull(),
    createdAt: text('created_at').notNull(),
    /** The staff user who made it; null when the e-mail made it as it left (worker/mail/deliver.ts). */
    createdBy: integer('created_by'),
    expiresAt: text('expires_at').notNull(),
    revokedAt: text('revoked_at'),
    firstOpenedAt: text('first_opened_at'),
    lastOpenedAt: text('last_opened_at'),
    openCount: integer('open_count').notNull().default(0),
  },
  (t) => [uniqueIndex('account_links_token').on(t.tokenHash), index('account_links_customer').on(t.customerId)],
);
