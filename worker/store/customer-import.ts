/**
 * Restoring a customer export (store/customer-export.ts) into another installation — all or
 * nothing, and only as that customer's own history:
 *  - every row of the document must belong to the exported customer (its quotes, their lines
 *    and audit, its orders, stages, ledger, items, pledges): a document that reaches into other
 *    records is refused before anything is written;
 *  - every id must be free here: an import never adds to or rewrites what exists;
 *  - audit rows are marked as imported history (`imported_at`), and one row per quote says
 *    who imported it: nothing reads as if it had happened in this installation.
 * Ids are kept, so every reference inside the document stays right. Catalog items are matched
 * by code, users by id, both left empty when absent; a project that exists here (by code) is
 * reused and the pledges point to it.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
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
  users,
  stageLines,
} from '../../schema/tables';
import { searchText } from '../domain/search-text';
import type { CustomerExport } from './customer-export';
import { batch, int, jsonInsert, raw, type BatchItem, type Db } from './db';
import type { Actor } from './quotes';

/** The document reaches beyond its customer, or its ids are taken here. */
export class ImportRefused extends Error {
  constructor(
    readonly reason: 'foreign' | 'taken',
    readonly problems: string[],
  ) {
    super(problems.join('; '));
  }
}

/** What in the document does not belong to its customer (empty when all of it does). */
export function foreignRows(doc: CustomerExport): string[] {
  const customerId = doc.customer.id;
  const ids = <T extends { id: number }>(rows: readonly T[]) => new Set(rows.map((r) => r.id));
  const series = ids(doc.quoteSeries);
  const quoteIds = ids(doc.quotes);
  const lineIds = ids(doc.quoteLines);
  const orderIds = ids(doc.orders);
  const stageIds = ids(doc.stages);
  const entryIds = ids(doc.ledger);
  const pledgeIds = ids(doc.pledges);
  const projectIds = ids(doc.projects);
  const problems: string[] = [];
  const check = (what: string, rows: readonly object[], ok: (row: never) => boolean) => {
    const bad = rows.filter((r) => !ok(r as never)) as { id?: number }[];
    if (bad.length)
      problems.push(
        `${what}: ${bad
          .slice(0, 5)
          .map((r) => r.id ?? '?')
          .join(', ')}${bad.length > 5 ? '…' : ''}`,
      );
  };
  const optional = (set: Set<number>, id: number | null) => id === null || set.has(id);
  check('quoteSeries.customerId', doc.quoteSeries, (s: { customerId: number }) => s.customerId === customerId);
  check('quotes', doc.quotes, (q: { customerId: number; seriesId: number }) => q.customerId === customerId && series.has(q.seriesId));
  check(
    'quoteLines.quoteId',
    doc.quoteLines,
    (l: { quoteId: number; projectId: number | null }) => quoteIds.has(l.quoteId) && optional(projectIds, l.projectId),
  );
  check('audit', doc.audit, (a: { seriesId: number; quoteId: number }) => series.has(a.seriesId) && quoteIds.has(a.quoteId));
  check('orders', doc.orders, (o: { customerId: number; quoteId: number }) => o.customerId === customerId && quoteIds.has(o.quoteId));
  check('stages.orderId', doc.stages, (s: { orderId: number }) => orderIds.has(s.orderId));
  check('stageLines', doc.stageLines, (s: { stageId: number; lineId: number }) => stageIds.has(s.stageId) && lineIds.has(s.lineId));
  check(
    'ledger',
    doc.ledger,
    (e: { customerId: number; orderId: number | null; stageId: number | null; pledgeId: number | null; correctsEntryId: number | null }) =>
      e.customerId === customerId &&
      optional(orderIds, e.orderId) &&
      optional(stageIds, e.stageId) &&
      optional(pledgeIds, e.pledgeId) &&
      optional(entryIds, e.correctsEntryId),
  );
  check('debitItems.entryId', doc.debitItems, (i: { entryId: number }) => entryIds.has(i.entryId));
  check(
    'pledges',
    doc.pledges,
    (p: { customerId: number; projectId: number; quoteId: number | null }) =>
      p.customerId === customerId && projectIds.has(p.projectId) && optional(quoteIds, p.quoteId),
  );
  check('projectEstimates.projectId', doc.projectEstimates, (e: { projectId: number }) => projectIds.has(e.projectId));
  return problems;
}

/** `select '<name>' as t, id from <table> where id in (<ids>)`, one JSON parameter. */
function takenIds(table: SQLiteTable, name: string, ids: number[]): SQL {
  return sql`select ${name} as t, id from ${table} where id in (select value from json_each(${JSON.stringify(ids)}))`;
}

export async function importCustomer(db: Db, doc: CustomerExport, actor: Actor): Promise<void> {
  const foreign = foreignRows(doc);
  if (foreign.length) throw new ImportRefused('foreign', foreign);
  const owned: [SQLiteTable, string, number[]][] = [
    [customers, 'customer', [doc.customer.id]],
    [quoteSeries, 'quoteSeries', doc.quoteSeries.map((r) => r.id)],
    [quotes, 'quotes', doc.quotes.map((r) => r.id)],
    [quoteLines, 'quoteLines', doc.quoteLines.map((r) => r.id)],
    [auditLog, 'audit', doc.audit.map((r) => r.id)],
    [orders, 'orders', doc.orders.map((r) => r.id)],
    [orderStages, 'stages', doc.stages.map((r) => r.id)],
    [ledgerEntries, 'ledger', doc.ledger.map((r) => r.id)],
    [debitItems, 'debitItems', doc.debitItems.map((r) => r.id)],
    [pledges, 'pledges', doc.pledges.map((r) => r.id)],
  ];
  const results = await batch(db, [
    db.select({ id: catalogItems.id, code: catalogItems.code }).from(catalogItems),
    db.select({ id: users.id }).from(users),
    db.select({ id: projects.id, code: projects.code }).from(projects),
    ...owned.map(([table, name, list]) => raw(takenIds(table, name, list))),
  ]);
  const [catalog, staff, knownProjects] = results as unknown as [
    { id: number; code: string }[],
    { id: number }[],
    { id: number; code: string }[],
  ];
  const takenRows = results.slice(3).flatMap((r) => (r as D1Result<{ t: string; id: number }>).results ?? []);
  if (takenRows.length) {
    throw new ImportRefused(
      'taken',
      [...new Set(takenRows.map((r) => r.t))].map(
        (t) =>
          `${t}: ${takenRows
            .filter((r) => r.t === t)
            .slice(0, 5)
            .map((r) => r.id)
            .join(', ')}`,
      ),
    );
  }
  const itemByCode = new Map(catalog.map((c) => [c.code, c.id]));
  const userIds = new Set(staff.map((u) => u.id));
  const user = (id: number | null) => (id !== null && userIds.has(id) ? id : null);
  // A project that exists here by code is the one the pledges fund; the others come with the document.
  const projectByCode = new Map(knownProjects.map((p) => [p.code, p.id]));
  const projectIds = new Map(doc.projects.map((p) => [p.id, projectByCode.get(p.code) ?? p.id]));
  const newProjects = doc.projects.filter((p) => !projectByCode.has(p.code));
  const takenProjects = newProjects.filter((p) => knownProjects.some((k) => k.id === p.id));
  if (takenProjects.length) throw new ImportRefused('taken', [`projects: ${takenProjects.map((p) => p.id).join(', ')}`]);
  const now = new Date().toISOString();
  const c = doc.customer;
  const writes: BatchItem[] = [
    ...jsonInsert(customers, [{ ...c, balanceCenti: 0, searchText: searchText(c.name, c.legalName, c.taxId) }]),
    ...jsonInsert(projects, newProjects),
    ...jsonInsert(
      projectEstimates,
      doc.projectEstimates.filter((e) => newProjects.some((p) => p.id === e.projectId)).map((e) => ({ ...e, categoryId: null })),
    ),
    ...jsonInsert(
      quoteSeries,
      doc.quoteSeries.map((s) => ({ ...s, createToken: `import-series-${s.id}` })),
    ),
    ...jsonInsert(
      quotes,
      doc.quotes.map((q) => ({
        ...q,
        createdBy: user(q.createdBy),
        writeToken: `import-quote-${q.id}`,
        searchText: `${q.number.toLowerCase()} ${searchText(q.title)}`,
      })),
    ),
    ...jsonInsert(
      quoteLines,
      doc.quoteLines.map(({ catalogItemCode, ...l }) => ({
        ...l,
        catalogItemId: catalogItemCode ? (itemByCode.get(catalogItemCode) ?? null) : null,
        projectId: l.projectId === null ? null : (projectIds.get(l.projectId) ?? null),
      })),
    ),
    ...jsonInsert(
      auditLog,
      doc.audit.map((a) => ({ ...a, actorUserId: user(a.actorUserId), importedAt: a.importedAt ?? now })),
    ),
    ...jsonInsert(
      orders,
      doc.orders.map((o) => ({ ...o, createdBy: user(o.createdBy), createToken: `import-order-${o.id}` })),
    ),
    ...jsonInsert(
      orderStages,
      doc.stages.map((s) => ({ ...s, acceptedBy: user(s.acceptedBy) })),
    ),
    ...jsonInsert(stageLines, doc.stageLines),
    // In id order, so a correction's entry is in before it: the month-balance trigger classifies it by that entry's kind.
    ...jsonInsert(
      ledgerEntries,
      [...doc.ledger].sort((a, b) => a.id - b.id).map((e) => ({ ...e, createdBy: user(e.createdBy) })),
    ),
    ...jsonInsert(debitItems, doc.debitItems),
    ...jsonInsert(
      pledges,
      doc.pledges.map((p) => ({ ...p, projectId: projectIds.get(p.projectId)!, createdBy: user(p.createdBy) })),
    ),
  ];
  // One row per quote number, written now and by this installation: who imported it, from when.
  const latest = new Map<number, { id: number; revision: number }>();
  for (const q of doc.quotes) if ((latest.get(q.seriesId)?.revision ?? 0) < q.revision) latest.set(q.seriesId, q);
  for (const q of latest.values()) {
    writes.push(
      raw(sql`insert into audit_log (series_id, quote_id, at, actor_kind, actor_user_id, actor_name, ip, user_agent, action, changes)
                  select series_id, id, ${now}, ${actor.kind}, ${actor.userId}, ${actor.name}, ${actor.ip}, ${actor.userAgent}, 'imported',
                    json_object('exportedAt', ${doc.exportedAt}, 'revision', ${int(q.revision)})
                  from quotes where id = ${q.id}`),
    );
  }
  // Numbers stay unique after the import: the counters move past every imported number.
  const seqs = new Map<string, number>();
  for (const s of doc.quoteSeries) seqs.set(`quote:${s.year}`, Math.max(seqs.get(`quote:${s.year}`) ?? 0, s.seq));
  for (const o of doc.orders) {
    const m = /^WO-(\d{4})-(\d+)$/.exec(o.number);
    if (m) seqs.set(`order:${m[1]}`, Math.max(seqs.get(`order:${m[1]}`) ?? 0, Number(m[2])));
  }
  for (const [name, value] of seqs) {
    writes.push(
      raw(
        sql`insert into counters (name, value) values (${name}, ${int(value)}) on conflict(name) do update set value = max(value,
          excluded.value)`,
      ),
    );
  }
  try {
    await batch(db, writes);
  } catch (e) {
    // Something unique beyond the ids (a number, a key) is taken: nothing was written.
    if (/UNIQUE|PRIMARY KEY/i.test(String((e as Error).message)))
      throw new ImportRefused('taken', [String((e as Error).message).slice(0, 300)]);
    throw e;
  }
}
