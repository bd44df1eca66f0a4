/** Customers and their norm-hour balance (the sum of their ledger). */
import { and, asc, eq, sql } from 'drizzle-orm';
import { customers } from '../../schema/tables';
import { flagged } from '../domain/low-balance';
import { likePattern, searchText } from '../domain/search-text';
import type { Db } from './db';
import { thresholdSql } from './reports';

export type CustomerRow = typeof customers.$inferSelect;

export function customerView(row: CustomerRow) {
  const { searchText: _search, ...view } = row;
  return view;
}

/** The list, each with its low-balance flag (the threshold read in the same query, as the report does). */
export async function listCustomers(db: Db, search?: string) {
  const rows = await db
    .select({ row: customers, threshold: thresholdSql(sql`${customers.id}`) })
    .from(customers)
    .where(search ? sql`${customers.searchText} like ${likePattern(search)} escape '\\'` : undefined)
    .orderBy(asc(customers.name));
  return rows.map(({ row, threshold }) => ({
    ...customerView(row),
    lowBalance: flagged(row.balanceCenti, Number(threshold), row.lowBalanceCenti !== null),
  }));
}

export async function findCustomer(db: Db, id: number) {
  const rows = await db.select().from(customers).where(eq(customers.id, id)).limit(1);
  return rows[0] ? customerView(rows[0]) : null;
}

export type CustomerFields = Partial<Omit<CustomerRow, 'id' | 'createdAt' | 'version' | 'searchText' | 'balanceCenti'>>;

export async function insertCustomer(db: Db, f: CustomerFields & { name: string }) {
  const [row] = await db
    .insert(customers)
    .values({ ...f, searchText: searchText(f.name, f.legalName, f.taxId), createdAt: new Date().toISOString() })
    .returning();
  return customerView(row!);
}

export async function updateCustomer(db: Db, id: number, f: CustomerFields, expectedVersion?: number) {
  const current = await db.select().from(customers).where(eq(customers.id, id)).limit(1);
  if (!current[0]) return null;
  const merged = { ...current[0], ...Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined)) };
  const [row] = await db
    .update(customers)
    .set({ ...f, searchText: searchText(merged.name, merged.legalName, merged.taxId), version: sql`${customers.version} + 1` })
    .where(and(eq(customers.id, id), expectedVersion === undefined ? undefined : eq(customers.version, expectedVersion)))
    .returning({ id: customers.id });
  return row ? findCustomer(db, row.id) : null;
}
