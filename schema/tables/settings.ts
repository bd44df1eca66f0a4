/** The settings row, gap-free counters, idempotency keys. */
import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { VAT_MODES } from '../../worker/domain/enums';
import { RUSSIAN_HOLIDAYS_2026_2027 } from '../../worker/domain/working-time';

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
  /**
   * The company's working calendar, in `timeZone` (SLA reaction times count its working hours):
   * ISO weekdays worked, the working day's start and end 'HH:MM', holidays and transferred
   * working days as JSON arrays of YYYY-MM-DD.
   */
  workingDays: text('working_days', { mode: 'json' }).$type<number[]>().notNull().default([1, 2, 3, 4, 5]),
  dayStart: text('day_start').notNull().default('09:00'),
  dayEnd: text('day_end').notNull().default('18:00'),
  holidays: text({ mode: 'json' })
    .$type<string[]>()
    .notNull()
    .default([...RUSSIAN_HOLIDAYS_2026_2027]),
  workdaysOverride: text('workdays_override', { mode: 'json' }).$type<string[]>().notNull().default([]),
  version: integer().notNull(),
  updatedAt: text('updated_at').notNull(),
});

/** Gap-free counters (quote numbers per year, work order numbers per year). */
export const counters = sqliteTable('counters', {
  name: text().primaryKey(),
  value: integer().notNull(),
});

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
