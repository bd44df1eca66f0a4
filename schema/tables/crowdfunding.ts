/** Crowdfunding projects, their estimates and pledges. */
import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { PLEDGE_STATUSES, STORED_PROJECT_STATUSES } from '../../worker/domain/enums';
import { customers } from './customers';

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
