/** Prepayment invoices and closed accounting months. */
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { INVOICE_STATUSES, PERIOD_STATUSES, VAT_MODES } from '../../worker/domain/enums';
import { customers } from './customers';

/**
 * A prepayment invoice («счёт на оплату») for N norm-hours at the rate of its day, numbered
 * INV-YYYY-NNNN (gap-free per year). A top-up settles it once (ledger_entries.invoice_id).
 */
export const invoices = sqliteTable(
  'invoices',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    number: text().notNull(),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id),
    status: text({ enum: INVOICE_STATUSES }).notNull(),
    /** The invoice's date on the company's calendar, YYYY-MM-DD. */
    issuedOn: text('issued_on').notNull(),
    normHoursCenti: integer('norm_hours_centi').notNull(),
    rateMinor: integer('rate_minor').notNull(),
    currency: text().notNull(),
    subtotalMinor: integer('subtotal_minor').notNull(),
    vatMode: text('vat_mode', { enum: VAT_MODES }).notNull(),
    vatRateMilli: integer('vat_rate_milli').notNull(),
    vatMinor: integer('vat_minor').notNull(),
    totalMinor: integer('total_minor').notNull(),
    memo: text().notNull().default(''),
    createdAt: text('created_at').notNull(),
    createdBy: integer('created_by'),
    paidEntryId: integer('paid_entry_id'),
    paidAt: text('paid_at'),
    cancelledAt: text('cancelled_at'),
    version: integer().notNull().default(1),
    /** Random id of the request that created it, so the same batch can read it back. */
    createToken: text('create_token'),
  },
  (t) => [
    uniqueIndex('invoices_number').on(t.number),
    uniqueIndex('invoices_create_token').on(t.createToken),
    index('invoices_customer').on(t.customerId, t.id),
  ],
);

/**
 * Closed accounting months. Closing a month locks it and every month before it: no ledger entry
 * may be dated before the latest closed month's end (a trigger refuses it, whatever writes). The
 * month's instants are stored as they were when it closed, so its report never moves.
 */
export const accountingPeriods = sqliteTable('accounting_periods', {
  month: text().primaryKey(),
  status: text({ enum: PERIOD_STATUSES }).notNull(),
  startAt: text('start_at').notNull(),
  endAt: text('end_at').notNull(),
  closedAt: text('closed_at'),
  closedBy: integer('closed_by'),
  /** Random id of the request that closed it (so its batch knows it was the one). */
  closeToken: text('close_token'),
});
