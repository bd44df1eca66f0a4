/**
 * Everything about one customer — quotes with every revision, line and audit entry, work
 * orders with their stages, the ledger with its itemised debits, pledges and the projects
 * they fund — as one document, as the company promises customers when service ends; and the
 * import that restores such a document into an empty database in one atomic batch.
 */
import { eq, inArray, sql } from 'drizzle-orm';
import {
  auditLog,
  catalogItems,
  customers,
  debitItems,
  ledgerEntries,
  orderStages,
  orders,
  pledges,
  projectEstimates,
  projects,
  quoteLines,
  quoteSeries,
  quotes,
  stageLines,
  users,
} from '../../schema/tables';
import { searchText } from '../domain/search-text';
import { batch, raw, type BatchItem, type Db } from './db';

export const EXPORT_FORMAT = 'normhours.customer-export';
export const EXPORT_VERSION = 1;

export async function exportCustomer(db: Db, customerId: number) {
  const [customer] = await db.select().from(customers).where(eq(customers.id, customerId));
  if (!customer) return null;
  const seriesIds = sql`(select id from quote_series where customer_id = ${customerId})`;
  const quoteIds = sql`(select id from quotes where customer_id = ${customerId})`;
  const orderIds = sql`(select id from orders where customer_id = ${customerId})`;
  const stageIds = sql`(select id from order_stages where order_id in ${orderIds})`;
  const entryIds = sql`(select id from ledger_entries where customer_id = ${customerId})`;
  const [series, revs, lines, audit, ords, stages, sLines, entries, items, pls] = await batch(db, [
    db.select().from(quoteSeries).where(eq(quoteSeries.customerId, customerId)).orderBy(quoteSeries.id),
    db.select().from(quotes).where(eq(quotes.customerId, customerId)).orderBy(quotes.id),
    db.select().from(quoteLines).where(sql`${quoteLines.quoteId} in ${quoteIds}`).orderBy(quoteLines.id),
    db.select().from(auditLog).where(sql`${auditLog.seriesId} in ${seriesIds}`).orderBy(auditLog.id),
    db.select().from(orders).where(eq(orders.customerId, customerId)).orderBy(orders.id),
    db.select().from(orderStages).where(sql`${orderStages.orderId} in ${orderIds}`).orderBy(orderStages.id),
    db.select().from(stageLines).where(sql`${stageLines.stageId} in ${stageIds}`),
    db.select().from(ledgerEntries).where(eq(ledgerEntries.customerId, customerId)).orderBy(ledgerEntries.id),
    db.select().from(debitItems).where(sql`${debitItems.entryId} in ${entryIds}`).orderBy(debitItems.id),
    db.select().from(pledges).where(eq(pledges.customerId, customerId)).orderBy(pledges.id),
  ]);
  const projectIds = [...new Set(pls.map((p) => p.projectId))];
  const [projs, estimates, catalogCodes] = projectIds.length
    ? await batch(db, [
        db.select().from(projects).where(inArray(projects.id, projectIds)),
        db.select().from(projectEstimates).where(inArray(projectEstimates.projectId, projectIds)),
        db.select({ id: catalogItems.id, code: catalogItems.code }).from(catalogItems),
      ])
    : [[], [], await db.select({ id: catalogItems.id, code: catalogItems.code }).from(catalogItems)];
  const { searchText: _s, balanceCenti, ...customerFields } = customer;
  const codeOf = new Map(catalogCodes.map((c) => [c.id, c.code]));
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: new Date().toISOString(),
    customer: customerFields,
    balanceCenti,
    quoteSeries: series.map(({ createToken: _t, ...s }) => s),
    quotes: revs.map(({ writeToken: _w, searchText: _x, ...q }) => q),
    quoteLines: lines.map((l) => ({ ...l, catalogItemCode: l.catalogItemId === null ? null : (codeOf.get(l.catalogItemId) ?? null) })),
    audit,
    orders: ords.map(({ createToken: _t, ...o }) => o),
    stages,
    stageLines: sLines,
    ledger: entries,
    debitItems: items,
    pledges: pls,
    projects: projs,
    projectEstimates: estimates,
  };
}

export type CustomerExport = NonNullable<Awaited<ReturnType<typeof exportCustomer>>>;

export class ImportConflict extends Error {}

/**
 * Restores an export. Ids are kept, so every reference inside the document stays right;
 * it therefore needs a database where those ids and numbers are free (an empty one).
 * Catalog items are matched by code, users by id, both left empty when absent. All rows go
 * in one batch: the import happens completely or not at all.
 */
export async function importCustomer(db: Db, doc: CustomerExport): Promise<void> {
  const [catalog, staff, existing, projectCodes] = await batch(db, [
    db.select({ id: catalogItems.id, code: catalogItems.code }).from(catalogItems),
    db.select({ id: users.id }).from(users),
    db.select({ id: customers.id }).from(customers).where(eq(customers.id, doc.customer.id)),
    db.select({ code: projects.code }).from(projects),
  ]);
  if (existing.length) throw new ImportConflict(`customer ${doc.customer.id} already exists`);
  const itemByCode = new Map(catalog.map((c) => [c.code, c.id]));
  const userIds = new Set(staff.map((u) => u.id));
  const user = (id: number | null) => (id !== null && userIds.has(id) ? id : null);
  const c = doc.customer;
  const writes: BatchItem[] = [
    db.insert(customers).values({ ...c, balanceCenti: 0, searchText: searchText(c.name, c.legalName, c.taxId) }),
  ];
  // Projects the pledges fund: created with their estimate unless one with the code exists.
  const known = new Set(projectCodes.map((p) => p.code));
  for (const p of doc.projects.filter((x) => !known.has(x.code))) {
    writes.push(db.insert(projects).values(p));
    for (const e of doc.projectEstimates.filter((x) => x.projectId === p.id)) writes.push(db.insert(projectEstimates).values({ ...e, categoryId: null }));
  }
  for (const s of doc.quoteSeries) writes.push(db.insert(quoteSeries).values({ ...s, createToken: `import-series-${s.id}` }));
  for (const q of doc.quotes) {
    writes.push(db.insert(quotes).values({ ...q, createdBy: user(q.createdBy), writeToken: `import-quote-${q.id}`, searchText: `${q.number.toLowerCase()} ${searchText(q.title)}` }));
  }
  for (const l of doc.quoteLines) {
    const { catalogItemCode, ...line } = l;
    writes.push(db.insert(quoteLines).values({ ...line, catalogItemId: catalogItemCode ? (itemByCode.get(catalogItemCode) ?? null) : null }));
  }
  for (const a of doc.audit) writes.push(db.insert(auditLog).values({ ...a, actorUserId: user(a.actorUserId) }));
  for (const o of doc.orders) writes.push(db.insert(orders).values({ ...o, createdBy: user(o.createdBy), createToken: `import-order-${o.id}` }));
  for (const s of doc.stages) writes.push(db.insert(orderStages).values({ ...s, acceptedBy: user(s.acceptedBy) }));
  for (const s of doc.stageLines) writes.push(db.insert(stageLines).values(s));
  for (const e of doc.ledger) writes.push(db.insert(ledgerEntries).values({ ...e, createdBy: user(e.createdBy) }));
  for (const i of doc.debitItems) writes.push(db.insert(debitItems).values(i));
  for (const p of doc.pledges) writes.push(db.insert(pledges).values({ ...p, createdBy: user(p.createdBy) }));
  // Numbers stay unique after the import: the counters move past every imported number.
  const seqs = new Map<string, number>();
  for (const s of doc.quoteSeries) seqs.set(`quote:${s.year}`, Math.max(seqs.get(`quote:${s.year}`) ?? 0, s.seq));
  for (const o of doc.orders) {
    const m = /^WO-(\d{4})-(\d+)$/.exec(o.number);
    if (m) seqs.set(`order:${m[1]}`, Math.max(seqs.get(`order:${m[1]}`) ?? 0, Number(m[2])));
  }
  for (const [name, value] of seqs) {
    writes.push(raw(db, sql`insert into counters (name, value) values (${name}, ${value}) on conflict(name) do update set value = max(value, excluded.value)`));
  }
  try {
    await batch(db, writes);
  } catch (e) {
    if (/UNIQUE|PRIMARY KEY|constraint/i.test(String((e as Error).message))) throw new ImportConflict(String((e as Error).message));
    throw e;
  }
}
