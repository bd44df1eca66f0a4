/** Service requests from customers (seed 004) with their reaction SLA (seed 003), and the thread of answers. */
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { REQUEST_KIND_CODES, REQUEST_STATUS_CODES, SLA_LEVEL_CODES_ENUM } from '../../worker/domain/enums';
import { customers } from './customers';
import { users } from './staff';

/**
 * A service request. `dueAt` is the reaction deadline, computed when the request is made (and
 * again when staff change its SLA level) from the calendar in settings at that moment: a later
 * change of working hours does not move a promise already made. `firstAnswerAt` (the first staff
 * answer) stops the SLA clock.
 */
export const serviceRequests = sqliteTable(
  'service_requests',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    /** R-2026-0001: sequential per year, never reused (seed 004: "a unique number each"). */
    number: text().notNull(),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id),
    kind: text({ enum: REQUEST_KIND_CODES }).notNull(),
    subject: text().notNull(),
    description: text().notNull(),
    /** 1 (critical) … 4 (low), as the customer set it. */
    priority: integer().notNull(),
    slaLevel: text('sla_level', { enum: SLA_LEVEL_CODES_ENUM }).notNull(),
    status: text({ enum: REQUEST_STATUS_CODES }).notNull(),
    dueAt: text('due_at').notNull(),
    firstAnswerAt: text('first_answer_at'),
    /** The draft quote made from a development request («в смету»); the quote's number links back. */
    quoteId: integer('quote_id'),
    /** A one-off token that ties the quote to this request inside the batch that makes both. */
    writeToken: text('write_token'),
    /** Who raised it on the account page: their address (throttling, audit). */
    ip: text(),
    version: integer().notNull().default(1),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('service_requests_number').on(t.number),
    uniqueIndex('service_requests_quote').on(t.quoteId).where(sql`quote_id is not null`),
    index('service_requests_customer').on(t.customerId, t.createdAt),
    index('service_requests_status').on(t.status, t.dueAt),
    check('service_requests_priority', sql`${t.priority} between 1 and 4`),
  ],
);

/** The thread of a request: staff answers (the customer sees them) and the customer's messages. */
export const requestComments = sqliteTable(
  'request_comments',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    requestId: integer('request_id')
      .notNull()
      .references(() => serviceRequests.id),
    /** 'staff' or 'customer'. */
    author: text({ enum: ['staff', 'customer'] }).notNull(),
    userId: integer('user_id').references(() => users.id),
    authorName: text('author_name').notNull(),
    body: text().notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('request_comments_request').on(t.requestId, t.id)],
);
