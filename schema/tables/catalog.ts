/** The price list: specialist categories and services. */
import { sql } from 'drizzle-orm';
import { check, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { ITEM_MODES } from '../../worker/domain/enums';

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
