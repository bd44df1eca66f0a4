/** Customers and their kept balance. */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { LANGS } from '../../worker/domain/enums';

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
    /** Below this balance the customer is flagged (and told once); null = what the next stages need. */
    lowBalanceCenti: integer('low_balance_centi'),
    /** Lower-cased name, legal name and tax id: SQLite folds only ASCII case itself. */
    searchText: text('search_text').notNull().default(''),
    /** The last day of service (seeds 001/002), YYYY-MM-DD; the data stays downloadable 30 days after. */
    serviceEndsOn: text('service_ends_on'),
    /** When the daily Cron found the 30 days over: listed for an admin to confirm the deletion. */
    deletionDueAt: text('deletion_due_at'),
    /** When an admin confirmed the deletion: the customer's details were anonymised (the ledger stays). */
    anonymisedAt: text('anonymised_at'),
    createdAt: text('created_at').notNull(),
    version: integer().notNull().default(1),
  },
  (t) => [index('customers_name').on(t.name)],
);
