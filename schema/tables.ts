/**
 * D1 tables. Units are in the column names: *_minor = integer minor units (kopecks),
 * *_centi = hundredths of an hour, *_milli = thousandths (K, quantities, rates).
 * Timestamps are ISO-8601 UTC strings from Date#toISOString (fixed width, so they
 * compare correctly as text); calendar dates are YYYY-MM-DD.
 */
import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import {
  ACTOR_KINDS,
  ITEM_MODES,
  LEDGER_KINDS,
  LINE_KINDS,
  ORDER_STATUSES,
  PLEDGE_STATUSES,
  ROLES,
  STAGE_STATUSES,
  STORED_PROJECT_STATUSES,
  STORED_QUOTE_STATUSES,
  TOPUP_KINDS,
  VAT_MODES,
  LANGS,
  MAIL_KINDS,
  OUTBOX_STATUSES,
} from '../worker/domain/enums';


export const users = sqliteTable(
  'users',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    email: text().notNull(),
    name: text().notNull(),
    role: text({ enum: ROLES }).notNull(),
    passwordHash: text('password_hash').notNull(),
    /** Shown to customers on estimates and e-mails as the manager's contact. */
    phone: text().notNull().default(''),
    active: integer({ mode: 'boolean' }).notNull().default(true),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('users_email').on(t.email),
    check('users_role', sql`${t.role} in ('admin','manager','accountant')`), // as ROLES; a new role needs a migration
  ],
);

/** Server-side sessions; the id is the SHA-256 of the cookie token, never the token itself. */
export const sessions = sqliteTable(
  'sessions',
  {
    id: text().primaryKey(),
    userId: integer('user_id').notNull().references(() => users.id),
    createdAt: text('created_at').notNull(),
    expiresAt: text('expires_at').notNull(),
    ip: text(),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user').on(t.userId)],
);

/** Failed-login counters per key ("email:…" and "ip:…"), for throttling. */
export const loginAttempts = sqliteTable('login_attempts', {
  key: text().primaryKey(),
  failures: integer().notNull(),
  windowStart: text('window_start').notNull(),
  lockedUntil: text('locked_until'),
});

/** One row (id = 1): the price list's rate and the company's defaults. */
export const settings = sqliteTable('settings', {
  id: integer().primaryKey(),
  rateMinor: integer('rate_minor').notNull(),
  currency: text().notNull(),
  vatRateMilli: integer('vat_rate_milli').notNull(),
  vatMode: text('vat_mode', { enum: VAT_MODES }).notNull(),
  timeZone: text('time_zone').notNull(),
  companyName: text('company_name').notNull(),
  companyDetails: text('company_details').notNull(),
  quoteValidityDays: integer('quote_validity_days').notNull(),
  shareLinkDays: integer('share_link_days').notNull(),
  /** How many days back a ledger entry may be dated (top-ups and corrections). */
  backdateDays: integer('backdate_days').notNull().default(45),
  /** The company's logo for the customer's page and e-mails: a data: URL (PNG, JPEG or SVG), or ''. */
  logoDataUrl: text('logo_data_url').notNull().default(''),
  version: integer().notNull(),
  updatedAt: text('updated_at').notNull(),
});

export const categories = sqliteTable(
  'categories',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    code: text().notNull(),
    nameRu: text('name_ru').notNull(),
    nameEn: text('name_en').notNull(),
    kMilli: integer('k_milli').notNull(),
    active: integer({ mode: 'boolean' }).notNull().default(true),
    sortOrder: integer('sort_order').notNull().default(0),
    version: integer().notNull().default(1),
  },
  (t) => [uniqueIndex('categories_code').on(t.code)],
);

export const catalogItems = sqliteTable(
  'catalog_items',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    code: text().notNull(),
    section: text().notNull(),
    nameRu: text('name_ru').notNull(),
    nameEn: text('name_en').notNull(),
    /** fixed: the item states its norm-hours; estimate: hours are entered on each quote line. */
    mode: text({ enum: ITEM_MODES }).notNull(),
    /** Debited by the hours actually spent (× K) rather than by the quoted hours. */
    actualTime: integer('actual_time', { mode: 'boolean' }).notNull().default(false),
    hoursCenti: integer('hours_centi'),
    categoryId: integer('category_id')
      .notNull()
      .references(() => categories.id),
    kMilli: integer('k_milli').notNull(),
    descriptionRu: text('description_ru').notNull().default(''),
    inputsRu: text('inputs_ru').notNull().default(''),
    resultRu: text('result_ru').notNull().default(''),
    limitsRu: text('limits_ru').notNull().default(''),
    active: integer({ mode: 'boolean' }).notNull().default(true),
    sortOrder: integer('sort_order').notNull().default(0),
    version: integer().notNull().default(1),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('catalog_items_code').on(t.code),
    check('catalog_items_fixed_hours', sql`${t.mode} = 'estimate' or ${t.hoursCenti} is not null`),
  ],
);

export const customers = sqliteTable(
  'customers',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    name: text().notNull(),
    legalName: text('legal_name').notNull().default(''),
    taxId: text('tax_id').notNull().default(''),
    email: text().notNull().default(''),
    phone: text().notNull().default(''),
    contactName: text('contact_name').notNull().default(''),
    address: text().notNull().default(''),
    notes: text().notNull().default(''),
    /** The language the customer reads: their page, documents and e-mails. */
    lang: text({ enum: LANGS }).notNull().default('ru'),
    /** How far below zero the balance may go (norm-hour hundredths); 0 = no overdraft. */
    overdraftCenti: integer('overdraft_centi').notNull().default(0),
    /**
     * The sum of the customer's ledger, kept by a database trigger on every ledger insert
     * (entries are never updated or deleted), so it cannot drift from the entries.
     */
    balanceCenti: integer('balance_centi').notNull().default(0),
    /** Lower-cased name, legal name and tax id: SQLite folds only ASCII case itself. */
    searchText: text('search_text').notNull().default(''),
    createdAt: text('created_at').notNull(),
    version: integer().notNull().default(1),
  },
  (t) => [index('customers_name').on(t.name)],
);

/** Gap-free counters (quote numbers per year, work order numbers per year). */
export const counters = sqliteTable('counters', {
  name: text().primaryKey(),
  value: integer().notNull(),
});

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
  (t) => [uniqueIndex('share_links_token').on(t.tokenHash), index('share_links_quote').on(t.quoteId), index('share_links_series').on(t.seriesId)],
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

export const orders = sqliteTable(
  'orders',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    number: text().notNull(),
    quoteId: integer('quote_id')
      .notNull()
      .references(() => quotes.id),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id),
    status: text({ enum: ORDER_STATUSES }).notNull(),
    /** When the customer finally approved the quote: the FIFO key. */
    approvedAt: text('approved_at').notNull(),
    rateMinor: integer('rate_minor').notNull(),
    currency: text().notNull(),
    createdAt: text('created_at').notNull(),
    createdBy: integer('created_by'),
    startedAt: text('started_at'),
    finishedAt: text('finished_at'),
    withdrawnAt: text('withdrawn_at'),
    version: integer().notNull().default(1),
    /** Random id of the request that created the order, so the same batch can add its stages. */
    createToken: text('create_token'),
  },
  (t) => [
    uniqueIndex('orders_quote').on(t.quoteId),
    uniqueIndex('orders_create_token').on(t.createToken),
    uniqueIndex('orders_number').on(t.number),
    index('orders_customer').on(t.customerId, t.approvedAt),
    index('orders_status').on(t.status, t.approvedAt),
  ],
);

export const orderStages = sqliteTable(
  'order_stages',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    orderId: integer('order_id')
      .notNull()
      .references(() => orders.id),
    n: integer().notNull(),
    title: text().notNull(),
    status: text({ enum: STAGE_STATUSES }).notNull(),
    /** Estimate, from the quote lines: Σ quantity × hours, and Σ billable norm-hours. */
    hoursCenti: integer('hours_centi').notNull(),
    normHoursCenti: integer('norm_hours_centi').notNull(),
    /** Set on acceptance: what was actually debited. */
    debitedCenti: integer('debited_centi'),
    moneyMinor: integer('money_minor'),
    acceptedAt: text('accepted_at'),
    acceptedBy: integer('accepted_by'),
  },
  (t) => [uniqueIndex('order_stages_n').on(t.orderId, t.n)],
);

/** Which quote lines a stage is made of, with the hours actually spent (actual-time lines). */
export const stageLines = sqliteTable(
  'stage_lines',
  {
    stageId: integer('stage_id')
      .notNull()
      .references(() => orderStages.id),
    lineId: integer('line_id')
      .notNull()
      .references(() => quoteLines.id),
    actualHoursCenti: integer('actual_hours_centi'),
  },
  (t) => [primaryKey({ columns: [t.stageId, t.lineId] }), index('stage_lines_line').on(t.lineId)],
);

/**
 * The append-only norm-hour ledger. Signed amounts: top-ups positive, debits negative,
 * corrections either way. Nothing in the code updates or deletes a row of this table.
 */
export const ledgerEntries = sqliteTable(
  'ledger_entries',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id),
    kind: text({ enum: LEDGER_KINDS }).notNull(),
    topupKind: text('topup_kind', { enum: TOPUP_KINDS }),
    normHoursCenti: integer('norm_hours_centi').notNull(),
    /** Money equivalent at the rate frozen on the order (debits), signed like the hours. */
    moneyMinor: integer('money_minor').notNull().default(0),
    rateMinor: integer('rate_minor'),
    memo: text().notNull().default(''),
    at: text().notNull(),
    createdAt: text('created_at').notNull(),
    createdBy: integer('created_by'),
    orderId: integer('order_id'),
    stageId: integer('stage_id'),
    pledgeId: integer('pledge_id'),
    correctsEntryId: integer('corrects_entry_id'),
    idempotencyKey: text('idempotency_key'),
  },
  (t) => [
    index('ledger_customer_at').on(t.customerId, t.at, t.normHoursCenti),
    // Covering index for month reports: everything since a date, per customer, without the table.
    index('ledger_at_customer').on(t.at, t.customerId, t.normHoursCenti, t.kind),
    uniqueIndex('ledger_stage_debit').on(t.stageId).where(sql`kind = 'debit' and stage_id is not null`),
    uniqueIndex('ledger_pledge_debit').on(t.pledgeId).where(sql`kind = 'debit' and pledge_id is not null`),
    uniqueIndex('ledger_idempotency').on(t.idempotencyKey).where(sql`idempotency_key is not null`),
    check('ledger_nonzero', sql`${t.normHoursCenti} <> 0`),
  ],
);

/** The itemised debit: one row per quote line of an accepted stage. */
export const debitItems = sqliteTable(
  'debit_items',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    entryId: integer('entry_id')
      .notNull()
      .references(() => ledgerEntries.id),
    code: text().notNull(),
    title: text().notNull(),
    categoryName: text('category_name').notNull(),
    hoursCenti: integer('hours_centi').notNull(),
    kMilli: integer('k_milli').notNull(),
    normHoursCenti: integer('norm_hours_centi').notNull(),
    moneyMinor: integer('money_minor').notNull(),
  },
  (t) => [index('debit_items_entry').on(t.entryId)],
);

/**
 * Idempotent requests (money-writing routes), keyed by the client's Idempotency-Key per scope.
 * The row is claimed in the SAME batch as the money write it guards, with `result` (what the
 * write did, as JSON); the answer's bytes (`statusCode`, `body`) are stored right after. So a
 * retry — concurrent, or after an answer that was lost — always finds what happened.
 */
export const idempotencyKeys = sqliteTable(
  'idempotency_keys',
  {
    scope: text().notNull(),
    key: text().notNull(),
    requestHash: text('request_hash').notNull(),
    result: text().notNull().default('{}'),
    statusCode: integer('status_code'),
    body: text(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] })],
);

export const projects = sqliteTable(
  'crowdfunding_projects',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    code: text().notNull(),
    title: text().notNull(),
    descriptionMd: text('description_md').notNull().default(''),
    /** funded is computed from pledges, never stored. */
    status: text({ enum: STORED_PROJECT_STATUSES }).notNull(),
    targetDate: text('target_date'),
    links: text().notNull().default('[]'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    version: integer().notNull().default(1),
  },
  (t) => [uniqueIndex('projects_code').on(t.code)],
);

export const projectEstimates = sqliteTable(
  'project_estimates',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id),
    categoryId: integer('category_id'),
    title: text().notNull().default(''),
    kMilli: integer('k_milli').notNull(),
    hoursCenti: integer('hours_centi').notNull(),
  },
  (t) => [index('project_estimates_project').on(t.projectId)],
);

export const pledges = sqliteTable(
  'pledges',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id),
    normHoursCenti: integer('norm_hours_centi').notNull(),
    status: text({ enum: PLEDGE_STATUSES }).notNull(),
    pledgedOn: text('pledged_on').notNull(),
    note: text().notNull().default(''),
    quoteId: integer('quote_id'),
    quoteLineId: integer('quote_line_id'),
    createdAt: text('created_at').notNull(),
    createdBy: integer('created_by'),
    confirmedAt: text('confirmed_at'),
    cancelledAt: text('cancelled_at'),
  },
  (t) => [
    index('pledges_project').on(t.projectId),
    index('pledges_customer').on(t.customerId),
    uniqueIndex('pledges_quote_line').on(t.quoteLineId).where(sql`quote_line_id is not null`),
  ],
);

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
