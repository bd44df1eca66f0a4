/** Work orders and their stages. */
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { ORDER_STATUSES, STAGE_STATUSES } from '../../worker/domain/enums';
import { customers } from './customers';
import { quoteLines, quotes } from './quotes';

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
    /** Staff marked the finished stage «готов к приёмке»: it waits for the customer's sign-off. */
    readyAt: text('ready_at'),
    readyBy: integer('ready_by'),
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
