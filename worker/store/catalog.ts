/** The price list: specialist categories (with K) and catalog items. */
import { and, asc, eq, sql } from 'drizzle-orm';
import { catalogItems, categories } from '../../schema/tables';
import type { Db } from './db';

export type CategoryRow = typeof categories.$inferSelect;
export type CatalogItemRow = typeof catalogItems.$inferSelect;

export function categoryView(row: CategoryRow) {
  return {
    id: row.id,
    code: row.code,
    name: row.nameRu,
    nameEn: row.nameEn,
    kMilli: row.kMilli,
    active: row.active,
    version: row.version,
  };
}

export async function listCategories(db: Db) {
  const rows = await db.select().from(categories).orderBy(asc(categories.sortOrder), asc(categories.id));
  return rows.map(categoryView);
}

export async function findCategory(db: Db, id: number) {
  return (await db.select().from(categories).where(eq(categories.id, id)).limit(1))[0] ?? null;
}

export async function insertCategory(db: Db, c: { code: string; name: string; nameEn: string; kMilli: number }) {
  const [row] = await db
    .insert(categories)
    .values({ code: c.code, nameRu: c.name, nameEn: c.nameEn, kMilli: c.kMilli, sortOrder: 1000 })
    .onConflictDoNothing()
    .returning();
  return row ? categoryView(row) : null;
}

export async function updateCategory(db: Db, id: number, p: { name?: string; nameEn?: string; kMilli?: number; active?: boolean }) {
  const [row] = await db
    .update(categories)
    .set({ nameRu: p.name, nameEn: p.nameEn, kMilli: p.kMilli, active: p.active, version: sql`${categories.version} + 1` })
    .where(eq(categories.id, id))
    .returning();
  return row ? categoryView(row) : null;
}

const itemColumns = {
  item: catalogItems,
  categoryName: categories.nameRu,
  categoryNameEn: categories.nameEn,
};

export function itemView(r: { item: CatalogItemRow; categoryName: string; categoryNameEn: string }) {
  const i = r.item;
  return {
    id: i.id,
    code: i.code,
    name: i.nameRu,
    nameEn: i.nameEn,
    section: i.section,
    mode: i.mode,
    actualTime: i.actualTime,
    hoursCenti: i.hoursCenti,
    categoryId: i.categoryId,
    categoryName: r.categoryName,
    categoryNameEn: r.categoryNameEn,
    kMilli: i.kMilli,
    description: i.descriptionRu,
    inputs: i.inputsRu,
    result: i.resultRu,
    limits: i.limitsRu,
    active: i.active,
    sortOrder: i.sortOrder,
    version: i.version,
  };
}
export type CatalogItemView = ReturnType<typeof itemView>;

/** Catalog codes sort as section numbers: 2.2 < 2.10 < 3.1. */
export function compareCodes(a: string, b: string): number {
  const pa = a.split('.');
  const pb = b.split('.');
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? '';
    const y = pb[i] ?? '';
    const nx = Number(x);
    const ny = Number(y);
    const c = Number.isFinite(nx) && Number.isFinite(ny) && x !== '' && y !== '' ? nx - ny : x.localeCompare(y);
    if (c !== 0) return c;
  }
  return 0;
}

export async function listItems(db: Db) {
  const rows = await db
    .select(itemColumns)
    .from(catalogItems)
    .innerJoin(categories, eq(categories.id, catalogItems.categoryId))
    .orderBy(asc(catalogItems.sortOrder), asc(catalogItems.id));
  return rows.map(itemView).sort((a, b) => a.sortOrder - b.sortOrder || compareCodes(a.code, b.code));
}

export async function findItem(db: Db, id: number) {
  const rows = await db
    .select(itemColumns)
    .from(catalogItems)
    .innerJoin(categories, eq(categories.id, catalogItems.categoryId))
    .where(eq(catalogItems.id, id))
    .limit(1);
  return rows[0] ? itemView(rows[0]) : null;
}

export type ItemFields = {
  code: string;
  name: string;
  nameEn: string;
  section: string;
  mode: 'fixed' | 'estimate';
  actualTime: boolean;
  hoursCenti: number | null;
  categoryId: number;
  kMilli: number;
  description: string;
  inputs: string;
  result: string;
  limits: string;
  active: boolean;
  sortOrder: number;
};

function itemRow(f: ItemFields) {
  return {
    code: f.code,
    nameRu: f.name,
    nameEn: f.nameEn,
    section: f.section,
    mode: f.mode,
    actualTime: f.actualTime,
    hoursCenti: f.hoursCenti,
    categoryId: f.categoryId,
    kMilli: f.kMilli,
    descriptionRu: f.description,
    inputsRu: f.inputs,
    resultRu: f.result,
    limitsRu: f.limits,
    active: f.active,
    sortOrder: f.sortOrder,
  };
}

/** null when the code is taken. */
export async function insertItem(db: Db, f: ItemFields) {
  const [row] = await db
    .insert(catalogItems)
    .values({ ...itemRow(f), updatedAt: new Date().toISOString() })
    .onConflictDoNothing()
    .returning({ id: catalogItems.id });
  return row ? findItem(db, row.id) : null;
}

/** null when `expectedVersion` is stale. */
export async function updateItem(db: Db, id: number, f: ItemFields, expectedVersion: number) {
  const [row] = await db
    .update(catalogItems)
    .set({ ...itemRow(f), version: sql`${catalogItems.version} + 1`, updatedAt: new Date().toISOString() })
    .where(and(eq(catalogItems.id, id), eq(catalogItems.version, expectedVersion)))
    .returning({ id: catalogItems.id });
  return row ? findItem(db, row.id) : null;
}

export async function codeTaken(db: Db, code: string, exceptId?: number) {
  const rows = await db.select({ id: catalogItems.id }).from(catalogItems).where(eq(catalogItems.code, code)).limit(1);
  return rows.length > 0 && rows[0]!.id !== exceptId;
}
