/** The append-only norm-hour ledger and its itemised debits. */
import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { LEDGER_KINDS, TOPUP_KINDS, VAT_MODES } from '../../worker/domain/enums';
import { customers } from './customers';

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
    /**
     * Money, every figure signed like the hours (DOMAIN.md, second round). `money_minor` is the
     * subtotal at the rate (norm-hours × rate; a top-up's amount); a debit then takes the accepted
     * quote's discount and VAT: net = money − discount, total = net + VAT (on top) or net.
     */
    moneyMinor: integer('money_minor').notNull().default(0),
    discountMinor: integer('discount_minor').notNull().default(0),
    netMinor: integer('net_minor').notNull().default(0),
    vatMinor: integer('vat_minor').notNull().default(0),
    totalMinor: integer('total_minor').notNull().default(0),
    rateMinor: integer('rate_minor'),
    /** The terms the money was computed on: the accepted quote's (debits), the settings' (top-ups). */
    discountRateMilli: integer('discount_rate_milli'),
    vatMode: text('vat_mode', { enum: VAT_MODES }),
    vatRateMilli: integer('vat_rate_milli'),
    /** A top-up's payment: the payment order or invoice it came with. */
    paymentRef: text('payment_ref').notNull().default(''),
    /** The prepayment invoice a top-up settles (once). */
    invoiceId: integer('invoice_id'),
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
    uniqueIndex('ledger_invoice').on(t.invoiceId).where(sql`invoice_id is not null`),
    index('ledger_corrects').on(t.correctsEntryId).where(sql`corrects_entry_id is not null`),
    check('ledger_nonzero', sql`${t.normHoursCenti} <> 0`),
  ],
);

/**
 * The itemised debit: one row per quote line of an accepted stage, with what was planned (the
 * quote's hours) beside what was debited, and its part of the debit's money (the parts add up).
 */
export const debitItems = sqliteTable(
  'debit_items',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    entryId: integer('entry_id')
      .notNull()
      .references(() => ledgerEntries.id),
    lineId: integer('line_id'),
    code: text().notNull(),
    title: text().notNull(),
    categoryName: text('category_name').notNull(),
    /** Hours debited: actual hours for actual-time services, the estimate otherwise. */
    hoursCenti: integer('hours_centi').notNull(),
    kMilli: integer('k_milli').notNull(),
    normHoursCenti: integer('norm_hours_centi').notNull(),
    /** The quote's estimate for the line: quantity × hours, and its norm-hours (positive). */
    plannedHoursCenti: integer('planned_hours_centi').notNull().default(0),
    plannedNormHoursCenti: integer('planned_norm_hours_centi').notNull().default(0),
    /** Signed like the entry: subtotal at the rate, discount, net, VAT, total. */
    moneyMinor: integer('money_minor').notNull(),
    discountMinor: integer('discount_minor').notNull().default(0),
    netMinor: integer('net_minor').notNull().default(0),
    vatMinor: integer('vat_minor').notNull().default(0),
    totalMinor: integer('total_minor').notNull().default(0),
  },
  (t) => [index('debit_items_entry').on(t.entryId)],
);

/**
 * The ledger summed per customer and UTC calendar month (`month` = the first 7 characters of
 * `at`), kept by a database trigger on every ledger insert, in the same statement: a month's
 * figures and any opening balance are read from here plus at most the hours between a local
 * month's start and the nearest UTC month boundary (store/month-balances.ts). Keyed by UTC, not
 * the company's zone, so a change of settings.timeZone never invalidates it. Figures as the
 * report's: debits positive; services' and payments' money classified by the corrected entry.
 */
export const customerMonthBalances = sqliteTable(
  'customer_month_balances',
  {
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id),
    month: text().notNull(),
    entries: integer().notNull().default(0),
    /** Σ norm_hours_centi: the balance moves by this much over the month. */
    deltaCenti: integer('delta_centi').notNull().default(0),
    topupsCenti: integer('topups_centi').notNull().default(0),
    debitsCenti: integer('debits_centi').notNull().default(0),
    correctionsCenti: integer('corrections_centi').notNull().default(0),
    netMinor: integer('net_minor').notNull().default(0),
    vatMinor: integer('vat_minor').notNull().default(0),
    totalMinor: integer('total_minor').notNull().default(0),
    paidMinor: integer('paid_minor').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.customerId, t.month] }), index('customer_month_balances_month').on(t.month, t.customerId)],
);
