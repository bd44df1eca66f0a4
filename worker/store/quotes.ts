/**
 * Quotes, their revisions and lines, in D1.
 *
 * Every write is ONE batch (D1 runs a batch as one transaction):
 *   1. a guarded UPDATE of the quote row — `WHERE id = ? AND version = ? AND <rules>` —
 *      that bumps the version and stamps a random write token;
 *   2. the dependent statements, each conditional on that token being there, so they do
 *      nothing when the guard did nothing (stale version, wrong status, broken rule);
 *   3. the read-back of the whole quote.
 * So a stale write changes nothing, nothing is ever half-written, and a line edit costs a
 * single round trip. When the guard matched no row, the read-back tells why.
 */
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import {
  auditLog,
  customers,
  orders,
  quoteLines,
  quoteSeries,
  quotes,
} from '../../schema/tables';
import { localDate } from '../domain/calendar';
import { buildQuoteView, priceLines, type LineRecord, type QuoteRecord, type QuoteView } from '../domain/quote';
import { effectiveStatus, type QuoteStatus } from '../domain/quote-lifecycle';
import { likePattern, searchText } from '../domain/search-text';
import { randomToken } from '../http/secrets';
import { batch, raw, type BatchItem, type Db } from './db';
import { settingsOrDefault, settingsQuery } from './settings';

export interface Actor {
  kind: 'user' | 'customer' | 'system';
  userId: number | null;
  name: string;
  ip: string | null;
  userAgent: string | null;
}


/** SQL that is true when this request's guarded UPDATE took effect. */
export const applied = (token: string) => sql`exists (select 1 from quotes where write_token = ${token})`;
export const byToken = (token: string) => sql`(select id from quotes where write_token = ${token})`;

// ---------- reading ----------

/** The statements that read one whole quote; `id` may be a number or a subquery. */
export function quoteReads(db: Db, id: number | SQL) {
  const idExpr = typeof id === 'number' ? sql`${id}` : id;
  return [
    db
      // Aliased: quotes.number and quote_series.number must not share a name in a batch.
      .select({ q: quotes, customerName: customers.name, baseNumber: sql<string>`${quoteSeries.number}`.as('base_number') })
      .from(quotes)
      .innerJoin(customers, eq(customers.id, quotes.customerId))
      .innerJoin(quoteSeries, eq(quoteSeries.id, quotes.seriesId))
      .where(sql`${quotes.id} = ${idExpr}`),
    db.select().from(quoteLines).where(sql`${quoteLines.quoteId} = ${idExpr}`).orderBy(asc(quoteLines.position), asc(quoteLines.id)),
    db
      .select({
        id: quotes.id,
        revision: quotes.revision,
        number: quotes.number,
        status: quotes.status,
        validUntil: quotes.validUntil,
        supersededAt: quotes.supersededAt,
      })
      .from(quotes)
      .where(sql`${quotes.seriesId} = (select series_id from quotes where id = ${idExpr})`)
      .orderBy(asc(quotes.revision)),
    db.select({ id: orders.id }).from(orders).where(sql`${orders.quoteId} = ${idExpr}`),
    settingsQuery(db),
  ] as const;
}

type ReadResults = Awaited<ReturnType<typeof readBack>>;
async function readBack(db: Db, id: number | SQL) {
  return batch(db, quoteReads(db, id));
}

/** The whole quote from the results of `quoteReads` (null when it does not exist). */
export function assemble(results: readonly unknown[]): QuoteView | null {
  const [head, lines, revisions, order, settingsRows] = results as unknown as ReadResults;
  const row = head[0];
  if (!row) return null;
  const settings = settingsOrDefault(settingsRows);
  return buildQuoteView(row.q as QuoteRecord, lines as LineRecord[], {
    today: localDate(Date.now(), settings.timeZone),
    customerName: row.customerName,
    baseNumber: row.baseNumber,
    latestRevision: revisions.reduce((m, r) => Math.max(m, r.revision), 0),
    revisions,
    orderId: order[0]?.id ?? null,
  });
}

export async function getQuote(db: Db, id: number): Promise<QuoteView | null> {
  return assemble(await readBack(db, id));
}

/** The result of a guarded write: the quote as it is now, and whether our write applied. */
export interface WriteResult {
  applied: boolean;
  quote: QuoteView | null;
}

/** Runs the writes and the read-back in one batch; `guardIndex` points at the guarded statement. */
export async function runWrite(db: Db, writes: BatchItem[], readId: number | SQL, guardIndex = 0): Promise<WriteResult> {
  const reads = quoteReads(db, readId);
  const results = await batch(db, [...writes, ...reads]);
  const guard = results[guardIndex] as { meta?: { changes?: number } };
  return { applied: (guard.meta?.changes ?? 0) > 0, quote: assemble(results.slice(writes.length)) };
}

// ---------- audit ----------

export function auditInsert(db: Db, a: { quoteId: number | SQL; action: string; changes: SQL; actor: Actor; at: string; when: SQL }) {
  const q = typeof a.quoteId === 'number' ? sql`${a.quoteId}` : a.quoteId;
  return raw(db, sql`
    insert into audit_log (series_id, quote_id, at, actor_kind, actor_user_id, actor_name, ip, user_agent, action, changes)
    select q.series_id, q.id, ${a.at}, ${a.actor.kind}, ${a.actor.userId}, ${a.actor.name}, ${a.actor.ip}, ${a.actor.userAgent}, ${a.action}, ${a.changes}
    from quotes q where q.id = ${q} and ${a.when}`);
}

/** json_object('field', json_array(old, new), …) for the fields a request changes. */
function oldNewJson(alias: string, changes: Record<string, { column: string; value: unknown }>): SQL {
  const parts = Object.entries(changes).map(
    ([field, c]) => sql`${field}, json_array(${sql.raw(`${alias}.${c.column}`)}, ${c.value as string | number | null})`,
  );
  return parts.length ? sql`json_object(${sql.join(parts, sql`, `)})` : sql`json_object()`;
}

export async function listAudit(db: Db, quoteId: number) {
  const rows = await db
    .select({ a: auditLog, revision: quotes.revision, number: quotes.number })
    .from(auditLog)
    .innerJoin(quotes, eq(quotes.id, auditLog.quoteId))
    .where(sql`${auditLog.seriesId} = (select series_id from quotes where id = ${quoteId})`)
    .orderBy(desc(auditLog.id));
  return rows.map((r) => ({
    id: r.a.id,
    quoteId: r.a.quoteId,
    revision: r.revision,
    number: r.number,
    at: r.a.at,
    actorKind: r.a.actorKind,
    actorName: r.a.actorName,
    ip: r.a.ip,
    userAgent: r.a.userAgent,
    action: r.a.action,
    changes: JSON.parse(r.a.changes) as Record<string, unknown>,
  }));
}

// ---------- creating ----------

export interface QuoteHeader {
  title: string;
  currency: string;
  rateMinor: number;
  vatMode: 'none' | 'on_top' | 'included';
  vatRateMilli: number;
  discountRateMilli: number;
  validUntil: string | null;
  customerNote: string;
  internalNote: string;
}

/**
 * A new quote number and its first revision. The per-year counter, the number and the
 * quote are written in one batch, so numbers are sequential, gap-free and never reused,
 * however many managers create quotes at once. Null when the customer does not exist.
 */
export async function createQuote(db: Db, customerId: number, year: number, h: QuoteHeader, actor: Actor): Promise<QuoteView | null> {
  const token = randomToken(12);
  const now = new Date().toISOString();
  const counter = `quote:${year}`;
  const customerExists = sql`exists (select 1 from customers where id = ${customerId})`;
  const writes: BatchItem[] = [
    raw(db, sql`insert into counters (name, value) select ${counter}, 1 where ${customerExists}
               on conflict(name) do update set value = value + 1`),
    raw(db, sql`insert into quote_series (number, year, seq, customer_id, created_at, create_token)
               select ${`Q-${year}-`} || printf('%04d', value), ${year}, value, ${customerId}, ${now}, ${token}
               from counters where name = ${counter} and ${customerExists}`),
    raw(db, sql`insert into quotes (series_id, revision, number, status, version, write_token, customer_id, title, currency, rate_minor,
                 vat_mode, vat_rate_milli, discount_rate_milli, valid_until, customer_note, internal_note, search_text,
                 created_by, created_at, updated_at)
               select s.id, 1, s.number, 'draft', 1, ${token}, ${customerId}, ${h.title}, ${h.currency}, ${h.rateMinor},
                 ${h.vatMode}, ${h.vatRateMilli}, ${h.discountRateMilli}, ${h.validUntil}, ${h.customerNote}, ${h.internalNote},
                 lower(s.number) || ' ' || ${searchText(h.title)}, ${actor.userId}, ${now}, ${now}
               from quote_series s where s.create_token = ${token}`),
    auditInsert(db, {
      quoteId: byToken(token),
      action: 'created',
      changes: sql`json_object('title', ${h.title}, 'rateMinor', ${h.rateMinor}, 'vatMode', ${h.vatMode})`,
      actor,
      at: now,
      when: applied(token),
    }),
  ];
  const result = await runWrite(db, writes, byToken(token));
  return result.quote;
}

// ---------- the header ----------

export type HeaderPatch = Partial<Omit<QuoteHeader, 'currency' | 'rateMinor'>> & { customerId?: number };

const HEADER_COLUMNS: Record<keyof HeaderPatch, string> = {
  title: 'title',
  vatMode: 'vat_mode',
  vatRateMilli: 'vat_rate_milli',
  discountRateMilli: 'discount_rate_milli',
  validUntil: 'valid_until',
  customerNote: 'customer_note',
  internalNote: 'internal_note',
  customerId: 'customer_id',
};

export async function patchHeader(db: Db, id: number, version: number, patch: HeaderPatch, actor: Actor): Promise<WriteResult> {
  const token = randomToken(12);
  const now = new Date().toISOString();
  const changes: Record<string, { column: string; value: unknown }> = {};
  for (const [field, value] of Object.entries(patch)) {
    if (value !== undefined) changes[field] = { column: HEADER_COLUMNS[field as keyof HeaderPatch], value };
  }
  const sets = Object.values(changes).map((c) => sql`${sql.raw(c.column)} = ${c.value as string | number | null}`);
  if (patch.title !== undefined) sets.push(sql`search_text = lower(number) || ' ' || ${searchText(patch.title)}`);
  // Only a quote that was never sent may change its customer.
  const customerRule =
    patch.customerId === undefined
      ? sql`1`
      : sql`revision = 1 and exists (select 1 from customers where id = ${patch.customerId})`;
  const writes: BatchItem[] = [
    // Old values are read before the guard changes them, under the guard's own conditions,
    // so the audit row exists exactly when the change does.
    auditInsert(db, {
      quoteId: id,
      action: 'updated',
      changes: oldNewJson('q', changes),
      actor,
      at: now,
      when: sql`q.version = ${version} and q.status = 'draft' and ${customerRule}`,
    }),
    raw(db, sql`update quotes set ${sql.join([...sets, sql`version = version + 1`, sql`write_token = ${token}`, sql`updated_at = ${now}`], sql`, `)}
               where id = ${id} and version = ${version} and status = 'draft' and ${customerRule}`),
  ];
  if (patch.customerId !== undefined) {
    writes.push(
      raw(db, sql`update quote_series set customer_id = ${patch.customerId}
                 where id = (select series_id from quotes where id = ${id}) and ${applied(token)}`),
    );
  }
  return runWrite(db, writes, id, 1);
}

// ---------- lines ----------

export interface NewLine {
  kind: 'item' | 'free' | 'section';
  catalogItemId: number | null;
  title: string | null;
  quantityMilli: number;
  hoursCenti: number | null | undefined;
  kMilli: number | undefined;
  kReason: string;
  note: string;
  afterLineId: number | null;
}

/** Where a new line goes: after `afterLineId`, or at the end. Shifts the lines below it. */
function positionFor(db: Db, quoteId: number, afterLineId: number | null, token: string, offset = 1) {
  if (afterLineId === null) {
    return { shift: null, position: sql`(select coalesce(max(position), 0) + ${offset} from quote_lines where quote_id = ${quoteId})` };
  }
  const after = sql`(select position from quote_lines where id = ${afterLineId} and quote_id = ${quoteId})`;
  return {
    shift: (count: number) =>
      raw(db, sql`update quote_lines set position = position + ${count} where quote_id = ${quoteId} and position > ${after} and ${applied(token)}`),
    position: sql`${after} + ${offset}`,
  };
}

/** The rules a catalog line must keep, as SQL over the catalog item `c`. */
function itemRules(l: { hoursCenti: number | null | undefined; kMilli: number | undefined; kReason: string }) {
  const hoursRule =
    l.hoursCenti === undefined || l.hoursCenti === null
      ? sql`1`
      : sql`(c.mode = 'estimate' or c.hours_centi = ${l.hoursCenti})`;
  const kRule = l.kMilli === undefined || l.kReason.length > 0 ? sql`1` : sql`c.k_milli = ${l.kMilli}`;
  return sql`${hoursRule} and ${kRule}`;
}

function insertLine(db: Db, quoteId: number, l: NewLine, token: string, position: SQL) {
  if (l.kind === 'item') {
    return raw(db, sql`
      insert into quote_lines (quote_id, position, kind, catalog_item_id, code, title, mode, actual_time, quantity_milli, hours_centi,
        k_milli, base_k_milli, k_reason, category_name, description, inputs, result, limits, note)
      select ${quoteId}, ${position}, 'item', c.id, c.code, coalesce(${l.title}, c.name_ru), c.mode, c.actual_time, ${l.quantityMilli},
        ${l.hoursCenti === undefined || l.hoursCenti === null ? sql`c.hours_centi` : sql`${l.hoursCenti}`},
        ${l.kMilli === undefined ? sql`c.k_milli` : sql`${l.kMilli}`}, c.k_milli, ${l.kReason}, cat.name_ru,
        c.description_ru, c.inputs_ru, c.result_ru, c.limits_ru, ${l.note}
      from catalog_items c join categories cat on cat.id = c.category_id
      where c.id = ${l.catalogItemId} and ${applied(token)}`);
  }
  const k = l.kMilli ?? 1000;
  return raw(db, sql`
    insert into quote_lines (quote_id, position, kind, code, title, mode, quantity_milli, hours_centi, k_milli, base_k_milli, k_reason, note)
    select ${quoteId}, ${position}, ${l.kind}, '', ${l.title ?? ''}, 'estimate', ${l.kind === 'section' ? 1000 : l.quantityMilli},
      ${l.kind === 'section' ? null : (l.hoursCenti ?? null)}, ${l.kind === 'section' ? 1000 : k}, ${l.kind === 'section' ? 1000 : k},
      ${l.kReason}, ${l.note}
    where ${applied(token)}`);
}

function lineJson(alias: string) {
  return sql.raw(
    `json_object('lineId', ${alias}.id, 'kind', ${alias}.kind, 'code', ${alias}.code, 'title', ${alias}.title, 'quantityMilli', ${alias}.quantity_milli, 'hoursCenti', ${alias}.hours_centi, 'kMilli', ${alias}.k_milli)`,
  );
}

export async function addLine(db: Db, quoteId: number, version: number, l: NewLine, actor: Actor): Promise<WriteResult> {
  const token = randomToken(12);
  const now = new Date().toISOString();
  const itemCheck =
    l.kind === 'item'
      ? sql`exists (select 1 from catalog_items c where c.id = ${l.catalogItemId} and c.active = 1 and ${itemRules(l)})`
      : sql`1`;
  const afterCheck =
    l.afterLineId === null ? sql`1` : sql`exists (select 1 from quote_lines where id = ${l.afterLineId} and quote_id = ${quoteId})`;
  const place = positionFor(db, quoteId, l.afterLineId, token);
  const writes: BatchItem[] = [
    raw(db, sql`update quotes set version = version + 1, write_token = ${token}, updated_at = ${now}
               where id = ${quoteId} and version = ${version} and status = 'draft' and ${itemCheck} and ${afterCheck}`),
  ];
  if (place.shift) writes.push(place.shift(1));
  writes.push(insertLine(db, quoteId, l, token, place.position));
  writes.push(
    auditInsert(db, {
      quoteId,
      action: 'line_added',
      changes: sql`(select ${lineJson('l')} from quote_lines l where l.id = last_insert_rowid())`,
      actor,
      at: now,
      when: applied(token),
    }),
  );
  return runWrite(db, writes, quoteId);
}

export interface LinePatch {
  title?: string;
  quantityMilli?: number;
  hoursCenti?: number | null;
  kMilli?: number;
  kReason?: string;
  note?: string;
}

const LINE_COLUMNS: Record<keyof LinePatch, string> = {
  title: 'title',
  quantityMilli: 'quantity_milli',
  hoursCenti: 'hours_centi',
  kMilli: 'k_milli',
  kReason: 'k_reason',
  note: 'note',
};

/** The rules a changed line must keep, as SQL over the line `l` (before the change). */
function linePatchRules(p: LinePatch): SQL {
  const rules: SQL[] = [];
  if (p.quantityMilli !== undefined || p.hoursCenti !== undefined || p.kMilli !== undefined || p.kReason !== undefined) {
    rules.push(sql`l.kind <> 'section'`);
  }
  if (p.hoursCenti !== undefined) {
    rules.push(p.hoursCenti === null ? sql`l.mode = 'estimate'` : sql`(l.mode = 'estimate' or l.hours_centi = ${p.hoursCenti})`);
  }
  // A K that differs from the item's needs a reason (catalog lines only).
  const newK = p.kMilli === undefined ? sql`l.k_milli` : sql`${p.kMilli}`;
  const newReason = p.kReason === undefined ? sql`l.k_reason` : sql`${p.kReason}`;
  rules.push(sql`(l.kind <> 'item' or ${newK} = l.base_k_milli or length(trim(${newReason})) > 0)`);
  return sql.join(rules, sql` and `);
}

export async function patchLine(db: Db, quoteId: number, lineId: number, version: number, p: LinePatch, actor: Actor): Promise<WriteResult> {
  const token = randomToken(12);
  const now = new Date().toISOString();
  const changes: Record<string, { column: string; value: unknown }> = {};
  for (const [field, value] of Object.entries(p)) {
    if (value !== undefined) changes[field] = { column: LINE_COLUMNS[field as keyof LinePatch], value };
  }
  const lineOk = sql`exists (select 1 from quote_lines l where l.id = ${lineId} and l.quote_id = ${quoteId} and ${linePatchRules(p)})`;
  const sets = Object.values(changes).map((c) => sql`${sql.raw(c.column)} = ${c.value as string | number | null}`);
  const writes: BatchItem[] = [
    raw(db, sql`update quotes set version = version + 1, write_token = ${token}, updated_at = ${now}
               where id = ${quoteId} and version = ${version} and status = 'draft' and ${lineOk}`),
    auditInsert(db, {
      quoteId,
      action: 'line_updated',
      changes: sql`(select json_patch(json_object('lineId', l.id, 'code', l.code, 'title', l.title), ${oldNewJson('l', changes)})
                    from quote_lines l where l.id = ${lineId})`,
      actor,
      at: now,
      when: applied(token),
    }),
  ];
  if (sets.length) {
    writes.push(raw(db, sql`update quote_lines set ${sql.join(sets, sql`, `)} where id = ${lineId} and quote_id = ${quoteId} and ${applied(token)}`));
  }
  return runWrite(db, writes, quoteId);
}

export async function deleteLine(db: Db, quoteId: number, lineId: number, version: number, actor: Actor): Promise<WriteResult> {
  const token = randomToken(12);
  const now = new Date().toISOString();
  return runWrite(
    db,
    [
      raw(db, sql`update quotes set version = version + 1, write_token = ${token}, updated_at = ${now}
                 where id = ${quoteId} and version = ${version} and status = 'draft'
                 and exists (select 1 from quote_lines where id = ${lineId} and quote_id = ${quoteId})`),
      auditInsert(db, {
        quoteId,
        action: 'line_removed',
        changes: sql`(select ${lineJson('l')} from quote_lines l where l.id = ${lineId})`,
        actor,
        at: now,
        when: applied(token),
      }),
      raw(db, sql`delete from quote_lines where id = ${lineId} and quote_id = ${quoteId} and ${applied(token)}`),
    ],
    quoteId,
  );
}

/**
 * Puts the lines in the given order; the list must name every line of the quote once. The
 * ids travel as one JSON parameter (D1 binds at most 100), so a quote of any length reorders.
 */
export async function reorderLines(db: Db, quoteId: number, version: number, lineIds: number[], actor: Actor): Promise<WriteResult> {
  const token = randomToken(12);
  const now = new Date().toISOString();
  const unique = new Set(lineIds).size === lineIds.length;
  const ids = JSON.stringify(lineIds);
  return runWrite(
    db,
    [
      raw(db, sql`update quotes set version = version + 1, write_token = ${token}, updated_at = ${now}
                 where id = ${quoteId} and version = ${version} and status = 'draft' and ${unique ? sql`1` : sql`0`}
                 and (select count(*) from quote_lines where quote_id = ${quoteId}) = ${lineIds.length}
                 and (select count(*) from quote_lines where quote_id = ${quoteId} and id in (select value from json_each(${ids}))) = ${lineIds.length}`),
      raw(db, sql`update quote_lines set position = (select j.key + 1 from json_each(${ids}) j where j.value = quote_lines.id)
                 where quote_id = ${quoteId} and id in (select value from json_each(${ids})) and ${applied(token)}`),
      auditInsert(db, { quoteId, action: 'lines_reordered', changes: sql`json_object('order', json(${ids}))`, actor, at: now, when: applied(token) }),
    ],
    quoteId,
  );
}

// ---------- lifecycle ----------

/**
 * Sends a draft: freezes it, fixes its validity (today + the default days when not set),
 * and marks every earlier revision of the number as replaced. Refused while any line lacks
 * hours, when there is nothing priced, or when a revision of the number was accepted.
 */
export async function sendQuote(db: Db, id: number, version: number, validUntilDefault: string, today: string, actor: Actor): Promise<WriteResult> {
  const token = randomToken(12);
  const now = new Date().toISOString();
  return runWrite(
    db,
    [
      raw(db, sql`update quotes set status = 'sent', sent_at = ${now}, valid_until = coalesce(valid_until, ${validUntilDefault}),
                   version = version + 1, write_token = ${token}, updated_at = ${now}
                 where id = ${id} and version = ${version} and status = 'draft'
                 and (valid_until is null or valid_until >= ${today})
                 and exists (select 1 from quote_lines where quote_id = ${id} and kind <> 'section')
                 and not exists (select 1 from quote_lines where quote_id = ${id} and kind <> 'section' and hours_centi is null)
                 and not exists (select 1 from quotes o where o.series_id = quotes.series_id and o.status = 'accepted')`),
      raw(db, sql`update quotes set superseded_at = ${now}
                 where series_id = (select series_id from quotes where id = ${id}) and revision < (select revision from quotes where id = ${id})
                 and superseded_at is null and ${applied(token)}`),
      auditInsert(db, {
        quoteId: id,
        action: 'sent',
        changes: sql`json_object('validUntil', (select valid_until from quotes where id = ${id}))`,
        actor,
        at: now,
        when: applied(token),
      }),
    ],
    id,
  );
}

/** A new draft revision (same number, -R2, -R3…) copied from the latest one. */
export async function reviseQuote(db: Db, id: number, actor: Actor): Promise<WriteResult> {
  const token = randomToken(12);
  const now = new Date().toISOString();
  const copyColumns = `customer_id, title, currency, rate_minor, vat_mode, vat_rate_milli, discount_rate_milli, customer_note, internal_note`;
  return runWrite(
    db,
    [
      raw(db, sql`insert into quotes (series_id, revision, number, status, version, write_token, ${sql.raw(copyColumns)}, valid_until, search_text,
                   created_by, created_at, updated_at)
                 select q.series_id, q.revision + 1, s.number || '-R' || (q.revision + 1), 'draft', 1, ${token}, ${sql.raw(
                   copyColumns.split(', ').map((c) => `q.${c}`).join(', '),
                 )}, null, lower(s.number || '-r' || (q.revision + 1)) || ' ' || substr(q.search_text, instr(q.search_text, ' ') + 1),
                   ${actor.userId}, ${now}, ${now}
                 from quotes q join quote_series s on s.id = q.series_id
                 where q.id = ${id} and q.status in ('sent', 'declined', 'changes_requested')
                 and q.revision = (select max(revision) from quotes where series_id = q.series_id)`),
      raw(db, sql`insert into quote_lines (quote_id, position, kind, catalog_item_id, project_id, code, title, mode, actual_time, quantity_milli,
                   hours_centi, k_milli, base_k_milli, k_reason, category_name, description, inputs, result, limits, note)
                 select ${byToken(token)}, position, kind, catalog_item_id, project_id, code, title, mode, actual_time, quantity_milli,
                   hours_centi, k_milli, base_k_milli, k_reason, category_name, description, inputs, result, limits, note
                 from quote_lines where quote_id = ${id} and ${applied(token)}`),
      auditInsert(db, {
        quoteId: byToken(token),
        action: 'revised',
        changes: sql`json_object('from', (select number from quotes where id = ${id}))`,
        actor,
        at: now,
        when: applied(token),
      }),
    ],
    byToken(token),
  );
}

/**
 * A copy under a new number (to offer an alternative), as a draft with the same frozen prices;
 * for another customer when `customerId` is given (null when the source or that customer is
 * missing: then no number is used up).
 */
export async function duplicateQuote(db: Db, id: number, year: number, actor: Actor, to: { customerId?: number } = {}): Promise<QuoteView | null> {
  const token = randomToken(12);
  const now = new Date().toISOString();
  const counter = `quote:${year}`;
  const customer = to.customerId === undefined ? sql`q.customer_id` : sql`${to.customerId}`;
  const sourceExists = sql`exists (select 1 from quotes q where q.id = ${id} and exists (select 1 from customers where id = ${customer}))`;
  const copyColumns = 'title, currency, rate_minor, vat_mode, vat_rate_milli, discount_rate_milli, customer_note, internal_note';
  const result = await runWrite(
    db,
    [
      raw(db, sql`insert into counters (name, value) select ${counter}, 1 where ${sourceExists}
                 on conflict(name) do update set value = value + 1`),
      raw(db, sql`insert into quote_series (number, year, seq, customer_id, created_at, create_token)
                 select ${`Q-${year}-`} || printf('%04d', c.value), ${year}, c.value, ${customer}, ${now}, ${token}
                 from counters c, quotes q where c.name = ${counter} and q.id = ${id} and ${sourceExists}`),
      raw(db, sql`insert into quotes (series_id, revision, number, status, version, write_token, customer_id, ${sql.raw(copyColumns)}, valid_until, search_text,
                   created_by, created_at, updated_at)
                 select s.id, 1, s.number, 'draft', 1, ${token}, s.customer_id, ${sql.raw(copyColumns.split(', ').map((c) => `q.${c}`).join(', '))}, null,
                   lower(s.number) || ' ' || substr(q.search_text, instr(q.search_text, ' ') + 1), ${actor.userId}, ${now}, ${now}
                 from quote_series s, quotes q where s.create_token = ${token} and q.id = ${id}`),
      raw(db, sql`insert into quote_lines (quote_id, position, kind, catalog_item_id, project_id, code, title, mode, actual_time, quantity_milli,
                   hours_centi, k_milli, base_k_milli, k_reason, category_name, description, inputs, result, limits, note)
                 select ${byToken(token)}, position, kind, catalog_item_id, project_id, code, title, mode, actual_time, quantity_milli,
                   hours_centi, k_milli, base_k_milli, k_reason, category_name, description, inputs, result, limits, note
                 from quote_lines where quote_id = ${id} and ${applied(token)}`),
      auditInsert(db, {
        quoteId: byToken(token),
        action: 'duplicated',
        changes: sql`json_object('from', (select number from quotes where id = ${id}))`,
        actor,
        at: now,
        when: applied(token),
      }),
    ],
    byToken(token),
  );
  return result.quote;
}

export async function archiveQuote(db: Db, id: number, version: number, actor: Actor): Promise<WriteResult> {
  const token = randomToken(12);
  const now = new Date().toISOString();
  const archivable = sql`status in ('draft', 'sent', 'changes_requested')`;
  return runWrite(
    db,
    [
      auditInsert(db, {
        quoteId: id,
        action: 'archived',
        changes: sql`json_object('status', json_array(q.status, 'archived'))`,
        actor,
        at: now,
        when: sql`q.version = ${version} and q.${archivable}`,
      }),
      raw(db, sql`update quotes set status = 'archived', archived_at = ${now}, version = version + 1, write_token = ${token}, updated_at = ${now}
                 where id = ${id} and version = ${version} and ${archivable}`),
    ],
    id,
    1,
  );
}

/**
 * Re-prices a draft on purpose: the current rate, and for catalog lines the item's current
 * hours (fixed services) and K (unless a line's K was changed with a reason).
 */
export async function repriceQuote(db: Db, id: number, version: number, rateMinor: number, actor: Actor): Promise<WriteResult> {
  const token = randomToken(12);
  const now = new Date().toISOString();
  return runWrite(
    db,
    [
      auditInsert(db, {
        quoteId: id,
        action: 'repriced',
        changes: sql`json_object('rateMinor', json_array(q.rate_minor, ${rateMinor}))`,
        actor,
        at: now,
        when: sql`q.version = ${version} and q.status = 'draft'`,
      }),
      raw(db, sql`update quotes set rate_minor = ${rateMinor}, version = version + 1, write_token = ${token}, updated_at = ${now}
                 where id = ${id} and version = ${version} and status = 'draft'`),
      raw(db, sql`update quote_lines set
                   hours_centi = case when mode = 'fixed' then (select hours_centi from catalog_items c where c.id = quote_lines.catalog_item_id) else hours_centi end,
                   k_milli = case when k_milli = base_k_milli then (select k_milli from catalog_items c where c.id = quote_lines.catalog_item_id) else k_milli end,
                   base_k_milli = (select k_milli from catalog_items c where c.id = quote_lines.catalog_item_id)
                 where quote_id = ${id} and kind = 'item' and catalog_item_id in (select id from catalog_items) and ${applied(token)}`),
    ],
    id,
    1,
  );
}

// ---------- listing ----------

export interface ListFilter {
  customerId?: number;
  status?: QuoteStatus;
  q?: string;
  page: number;
  pageSize: number;
  allRevisions: boolean;
  today: string;
}

export async function listQuotes(db: Db, f: ListFilter) {
  const conditions: SQL[] = [];
  if (!f.allRevisions) conditions.push(sql`${quotes.revision} = (select max(q2.revision) from quotes q2 where q2.series_id = ${quotes.seriesId})`);
  if (f.customerId) conditions.push(eq(quotes.customerId, f.customerId));
  if (f.status === 'expired') conditions.push(sql`${quotes.status} = 'sent' and ${quotes.validUntil} < ${f.today}`);
  else if (f.status === 'sent') conditions.push(sql`${quotes.status} = 'sent' and (${quotes.validUntil} is null or ${quotes.validUntil} >= ${f.today})`);
  else if (f.status) conditions.push(eq(quotes.status, f.status));
  if (f.q?.trim()) {
    const pattern = likePattern(f.q);
    conditions.push(sql`(${quotes.searchText} like ${pattern} escape '\\' or ${customers.searchText} like ${pattern} escape '\\')`);
  }
  const where = conditions.length ? and(...conditions) : undefined;
  const page = db
    .select({
      q: quotes,
      customerName: customers.name,
    })
    .from(quotes)
    .innerJoin(customers, eq(customers.id, quotes.customerId))
    .where(where)
    .orderBy(desc(quotes.updatedAt), desc(quotes.id))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  const pageIds = db
    .select({ id: quotes.id })
    .from(quotes)
    .innerJoin(customers, eq(customers.id, quotes.customerId))
    .where(where)
    .orderBy(desc(quotes.updatedAt), desc(quotes.id))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  const [rows, lines, count] = await batch(db, [
    page,
    db.select().from(quoteLines).where(inArray(quoteLines.quoteId, pageIds)),
    db
      .select({ n: sql<number>`count(*)` })
      .from(quotes)
      .innerJoin(customers, eq(customers.id, quotes.customerId))
      .where(where),
  ]);
  const linesByQuote = new Map<number, LineRecord[]>();
  for (const l of lines) {
    const list = linesByQuote.get(l.quoteId) ?? [];
    list.push(l as LineRecord);
    linesByQuote.set(l.quoteId, list);
  }
  return {
    items: rows.map((r) => {
      const { totals } = priceLines(linesByQuote.get(r.q.id) ?? [], r.q);
      return {
        id: r.q.id,
        number: r.q.number,
        revision: r.q.revision,
        status: effectiveStatus(r.q, f.today),
        customerId: r.q.customerId,
        customerName: r.customerName,
        title: r.q.title,
        currency: r.q.currency,
        totalMinor: totals.totalMinor,
        normHoursCenti: totals.normHoursCenti,
        incompleteLines: totals.incompleteLines,
        validUntil: r.q.validUntil,
        updatedAt: r.q.updatedAt,
        sentAt: r.q.sentAt,
        answeredAt: r.q.answeredAt,
        answerName: r.q.answerName,
      };
    }),
    total: count[0]?.n ?? 0,
    page: f.page,
    pageSize: f.pageSize,
  };
}

export async function lineIdsInOrder(db: Db, quoteId: number): Promise<number[]> {
  const rows = await db
    .select({ id: quoteLines.id })
    .from(quoteLines)
    .where(eq(quoteLines.quoteId, quoteId))
    .orderBy(asc(quoteLines.position), asc(quoteLines.id));
  return rows.map((r) => r.id);
}
