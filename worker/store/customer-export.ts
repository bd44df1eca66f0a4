/**
 * Everything about one customer — quotes with every revision, line and audit entry, work
 * orders with their stages, the ledger with its itemised debits, pledges and the projects
 * they fund — as one document, as the company promises customers when service ends
 * (store/customer-import.ts restores it).
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
} from '../../schema/tables';
import { batch, type Db } from './db';

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

/**
 * The customer's own copy (their account, seeds 001/002): the same document without what is
 * internal — notes on the customer and on quotes, the reasons for a changed K, the audit trail's
 * addresses and browsers, the ledger's request keys.
 */
export async function exportForCustomer(db: Db, customerId: number) {
  const doc = await exportCustomer(db, customerId);
  if (!doc) return null;
  const { notes: _n, ...customer } = doc.customer;
  return {
    ...doc,
    customer,
    quotes: doc.quotes.map(({ internalNote: _i, ...q }) => q),
    quoteLines: doc.quoteLines.map(({ kReason: _k, ...l }) => l),
    audit: doc.audit.map(({ ip: _ip, userAgent: _ua, ...a }) => a),
    ledger: doc.ledger.map(({ idempotencyKey: _key, ...e }) => e),
  };
}
