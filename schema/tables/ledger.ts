/** The append-only norm-hour ledger and its itemised debits. */
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { LEDGER_KINDS, TOPUP_KINDS } from '../../worker/domain/enums';
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
