/** Quotes: numbers, revisions, lines, the audit trail, the customer's links, staff notifications. */
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { ACTOR_KINDS, ITEM_MODES, LINE_KINDS, STORED_QUOTE_STATUSES, VAT_MODES } from '../../worker/domain/enums';
import { users } from './staff';
import { catalogItems } from './catalog';
import { customers } from './customers';

/** A quote number (Q-YYYY-NNNN); its revisions are rows of `quotes`. */
export const quoteSeries = sqliteTable(
  'quote_series',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    number: text().notNull(),
    year: integer().notNull(),
    seq: integer().notNull(),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id),
    createdAt: text('created_at').notNull(),
    /** Random id of the request that created the row, so the batch can find it again. */
    createToken: text('create_token').notNull(),
  },
  (t) => [
    uniqueIndex('quote_series_number').on(t.number),
    uniqueIndex('quote_series_year_seq').on(t.year, t.seq),
    uniqueIndex('quote_series_token').on(t.createToken),
  ],
);

/** One revision of a quote. */
export const quotes = sqliteTable(
  'quotes',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    seriesId: integer('series_id')
      .notNull()
      .references(() => quoteSeries.id),
    revision: integer().notNull(),
    number: text().notNull(),
    status: text({ enum: STORED_QUOTE_STATUSES }).notNull(),
    version: integer().notNull(),
    /** Random id of the last successful write: later statements of the same batch check it. */
    writeToken: text('write_token').notNull(),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id),
    title: text().notNull(),
    currency: text().notNull(),
    rateMinor: integer('rate_minor').notNull(),
    vatMode: text('vat_mode', { enum: VAT_MODES }).notNull(),
    vatRateMilli: integer('vat_rate_milli').notNull(),
    discountRateMilli: integer('discount_rate_milli').notNull(),
    validUntil: text('valid_until'),
    customerNote: text('customer_note').notNull().default(''),
    internalNote: text('internal_note').notNull().default(''),
    /** Lower-cased number and title, for case-insensitive search in any alphabet. */
    searchText: text('search_text').notNull().default(''),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    sentAt: text('sent_at'),
    /** Set when a later revision of the same number is sent: this one is replaced. */
    supersededAt: text('superseded_at'),
    answeredAt: text('answered_at'),
    answerName: text('answer_name'),
    answerMessage: text('answer_message'),
    archivedAt: text('archived_at'),
  },
  (t) => [
    uniqueIndex('quotes_series_revision').on(t.seriesId, t.revision),
    uniqueIndex('quotes_write_token').on(t.writeToken),
    index('quotes_customer').on(t.customerId),
    index('quotes_status').on(t.status),
    index('quotes_updated').on(t.updatedAt),
  ],
);

export const quoteLines = sqliteTable(
  'quote_lines',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    quoteId: integer('quote_id')
      .notNull()
      .references(() => quotes.id),
    position: integer().notNull(),
    /** item: from the catalog; free: free-form; section: a heading; project: a crowdfunding share. */
    kind: text({ enum: LINE_KINDS }).notNull(),
    catalogItemId: integer('catalog_item_id').references(() => catalogItems.id),
    projectId: integer('project_id'),
    code: text().notNull().default(''),
    title: text().notNull(),
    mode: text({ enum: ITEM_MODES }).notNull().default('estimate'),
    actualTime: integer('actual_time', { mode: 'boolean' }).notNull().default(false),
    quantityMilli: integer('quantity_milli').notNull().default(1000),
    hoursCenti: integer('hours_centi'),
    kMilli: integer('k_milli').notNull().default(1000),
    /** The K the line started with (the catalog's); a different kMilli needs kReason. */
    baseKMilli: integer('base_k_milli').notNull().default(1000),
    kReason: text('k_reason').notNull().default(''),
    categoryName: text('category_name').notNull().default(''),
    description: text().notNull().default(''),
    inputs: text().notNull().default(''),
    result: text().notNull().default(''),
    limits: text().notNull().default(''),
    note: text().notNull().default(''),
  },
  (t) => [index('quote_lines_quote').on(t.quoteId, t.position)],
);

/** Who did what to which quote revision; old → new values in `changes` (JSON). */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    seriesId: integer('series_id').notNull(),
    quoteId: integer('quote_id').notNull(),
    at: text().notNull(),
    actorKind: text('actor_kind', { enum: ACTOR_KINDS }).notNull(),
    actorUserId: integer('actor_user_id'),
    actorName: text('actor_name').notNull(),
    ip: text(),
    userAgent: text('user_agent'),
    action: text().notNull(),
    changes: text().notNull().default('{}'),
    /** Set on rows restored from a customer export: history from another installation. */
    importedAt: text('imported_at'),
  },
  (t) => [index('audit_log_series').on(t.seriesId, t.id)],
);

export const shareLinks = sqliteTable(
  'share_links',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    /** The revision the link was made for; the link shows its series' latest sent revision. */
    quoteId: integer('quote_id')
      .notNull()
      .references(() => quotes.id),
    /** A link belongs to the quote's number (its series), not to one revision. */
    seriesId: integer('series_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdAt: text('created_at').notNull(),
    createdBy: integer('created_by').references(() => users.id),
    expiresAt: text('expires_at').notNull(),
    revokedAt: text('revoked_at'),
    firstOpenedAt: text('first_opened_at'),
    lastOpenedAt: text('last_opened_at'),
    openCount: integer('open_count').notNull().default(0),
  },
  (t) => [
    uniqueIndex('share_links_token').on(t.tokenHash),
    index('share_links_quote').on(t.quoteId),
    index('share_links_series').on(t.seriesId),
  ],
);

export const notifications = sqliteTable(
  'notifications',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    userId: integer('user_id').references(() => users.id),
    quoteId: integer('quote_id'),
    kind: text().notNull(),
    message: text().notNull(),
    createdAt: text('created_at').notNull(),
    readAt: text('read_at'),
  },
  (t) => [index('notifications_user').on(t.userId, t.id)],
);
