/**
 * Reading a quote, and the pattern of every quote write. Every write is ONE batch (D1 runs a
 * batch as one transaction):
 *   1. a guarded UPDATE of the quote row — `WHERE id = ? AND version = ? AND <rules>` —
 *      that bumps the version and stamps a random write token;
 *   2. the dependent statements, each conditional on that token being there, so they do
 *      nothing when the guard did nothing (stale version, wrong status, broken rule);
 *   3. the read-back of the whole quote.
 * So a stale write changes nothing, nothing is ever half-written, and a line edit costs a
 * single round trip. When the guard matched no row, the read-back tells why.
 */
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { SQLiteAsyncDialect, type SQLiteSelect } from 'drizzle-orm/sqlite-core';
import { customers, quoteLines, quotes } from '../../../schema/tables';
import { localDate } from '../../domain/calendar';
import {
  buildQuoteView,
  lineService,
  priceLines,
  type LineRecord,
  type QuoteContext,
  type QuoteRecord,
  type QuoteView,
  type ServiceInfo,
  type ServiceInfoMap,
} from '../../domain/quote';
import { effectiveStatus, type QuoteStatus } from '../../domain/quote-lifecycle';
import { likePattern } from '../../domain/search-text';
import { batch, raw, statement, type BatchItem, type Db } from '../db';
import { quoteStatusIs, quoteWritable } from '../quote-guards';
import { DEFAULT_SETTINGS } from '../settings';

/**
 * Step 1 of a change to a draft: the version-guarded UPDATE that stamps the write token,
 * applying only while QUOTE_LIFECYCLE allows editing and `rules` hold.
 */
export function editStamp(quoteId: number, version: number, token: string, now: string, rules: SQL = sql`1`): BatchItem {
  return raw(sql`update quotes set version = version + 1, write_token = ${token}, updated_at = ${now}
                     where id = ${quoteId} and ${quoteWritable(version, 'edit', null)} and ${rules}`);
}

export const applied = (token: string) => sql`exists (select 1 from quotes where write_token = ${token})`;
export const byToken = (token: string) => sql`(select id from quotes where write_token = ${token})`;

// ---------- reading ----------

/**
 * SQL of the quote read, as plain text: `$ID` stands for the quote's id, a `?` or a subquery.
 * Three statements in the batch: the quote with its customer, base number, order and time
 * zone; its lines; its revisions.
 */
const HEAD_SQL = `select q.id, q.series_id as seriesId, q.revision, q.number, q.status, q.version, q.customer_id as customerId,
  q.title, q.currency, q.rate_minor as rateMinor, q.vat_mode as vatMode, q.vat_rate_milli as vatRateMilli,
  q.discount_rate_milli as discountRateMilli, q.valid_until as validUntil, q.customer_note as customerNote,
  q.internal_note as internalNote, q.created_at as createdAt, q.updated_at as updatedAt, q.sent_at as sentAt,
  q.superseded_at as supersededAt, q.answered_at as answeredAt, q.answer_name as answerName, q.answer_message as answerMessage,
  c.name as customerName, s.number as baseNumber, (select o.id from orders o where o.quote_id = q.id limit 1) as orderId,
  coalesce((select st.time_zone from settings st where st.id = 1), '${DEFAULT_SETTINGS.timeZone.replace(/'/g, "''")}') as timeZone
from quotes q join customers c on c.id = q.customer_id join quote_series s on s.id = q.series_id where q.id = $ID`;

/** The columns of a line as the domain names them, without what its service is (category, texts). */
export const LINE_COLUMNS_SQL = `id, position, kind, catalog_item_id as catalogItemId, project_id as projectId, code, title, mode,
  actual_time as actualTime, quantity_milli as quantityMilli, hours_centi as hoursCenti, k_milli as kMilli,
  base_k_milli as baseKMilli, k_reason as kReason, note`;

/** A staff read: the lines without their service info (the grid does not show it). */
const STAFF_LINES_SQL = `select ${LINE_COLUMNS_SQL} from quote_lines where quote_id = $ID order by position, id`;

/**
 * A full read (the customer's view, the documents): each catalog item's service info once —
 * the first line of the item carries it (`service_role` 1) — and again only on a line whose
 * info differs from that first one (role 2: frozen on another day, or a line without an item).
 */
const SAME_AS_FIRST = ['category_name', 'description', 'inputs', 'result', 'limits']
  .map((c) => `l.${c} = first_value(l.${c}) over w`)
  .join(' and ');
const NO_INFO = `l.category_name = '' and l.description = '' and l.inputs = '' and l.result = '' and l.limits = ''`;
const FULL_LINES_SQL = `select ${LINE_COLUMNS_SQL}, service_role as serviceRole,
  case when service_role > 0 then category_name end as categoryName,
  case when service_role > 0 then description end as description, case when service_role > 0 then inputs end as inputs,
  case when service_role > 0 then result end as result, case when service_role > 0 then limits end as limits
from (select l.*, case
    when l.catalog_item_id is null then case when ${NO_INFO} then 0 else 2 end
    when row_number() over w = 1 then case when ${NO_INFO} then 0 else 1 end
    when ${SAME_AS_FIRST} then 0
    else 2 end as service_role
  from quote_lines l where l.quote_id = $ID window w as (partition by l.catalog_item_id order by l.id))
order by position, id`;

const REVISIONS_SQL = `select id, revision, number, status, valid_until as validUntil, sent_at as sentAt, superseded_at as supersededAt
from quotes where series_id = (select series_id from quotes where id = $ID) order by revision`;

const dialect = new SQLiteAsyncDialect();

/** `$ID` replaced by the id's SQL, its parameters repeated for each place it stands. */
function withId(template: string, id: number | SQL): BatchItem {
  const key = typeof id === 'number' ? { sql: '?', params: [id] } : dialect.sqlToQuery(id);
  const parts = template.split('$ID');
  const params: unknown[] = [];
  for (let i = 1; i < parts.length; i++) params.push(...key.params);
  return statement(parts.join(key.sql), params);
}

/** staff: what the staff API answers (no service info); full: what the customer and the documents need. */
export type QuoteDetail = 'staff' | 'full';

/** The statements that read one whole quote; `id` may be a number or a subquery. */
export function quoteReads(id: number | SQL, detail: QuoteDetail = 'full') {
  return [withId(HEAD_SQL, id), withId(detail === 'staff' ? STAFF_LINES_SQL : FULL_LINES_SQL, id), withId(REVISIONS_SQL, id)] as const;
}

/** A line as D1 answers a LINE_COLUMNS_SQL select (with a full read's service columns). */
export interface LineRow extends Omit<LineRecord, 'actualTime'> {
  actualTime: number;
  serviceRole?: number;
}

const infoOf = (r: LineRow): ServiceInfo => ({
  categoryName: r.categoryName ?? '',
  description: r.description ?? '',
  inputs: r.inputs ?? '',
  result: r.result ?? '',
  limits: r.limits ?? '',
});

/** A line row as the domain's record, with its own service info when `own`. */
export function lineOf(r: LineRow, own = false): LineRecord {
  const line: LineRecord = {
    id: r.id,
    position: r.position,
    kind: r.kind,
    catalogItemId: r.catalogItemId,
    projectId: r.projectId,
    code: r.code,
    title: r.title,
    mode: r.mode,
    actualTime: r.actualTime === 1,
    quantityMilli: r.quantityMilli,
    hoursCenti: r.hoursCenti,
    kMilli: r.kMilli,
    baseKMilli: r.baseKMilli,
    kReason: r.kReason,
    note: r.note,
  };
  return own ? Object.assign(line, infoOf(r)) : line;
}

type HeadRow = QuoteRecord & { customerName: string; baseNumber: string; orderId: number | null; timeZone: string };
type RevisionRow = QuoteContext['revisions'][number];
const rowsOf = <T>(result: unknown) => ((result as D1Result<T>).results ?? []) as T[];

/** A full read's lines: each item's service info once in `services`, a line's own where it differs. */
function linesWithServices(rows: readonly LineRow[]) {
  const services: ServiceInfoMap = {};
  const lines = rows.map((r) => {
    if (r.serviceRole === 1) services[String(r.catalogItemId)] = infoOf(r);
    return lineOf(r, r.serviceRole === 2);
  });
  return { lines, services };
}

/** The whole quote from the results of `quoteReads` (null when it does not exist). */
export function assemble(results: readonly unknown[]): QuoteView | null {
  const head = rowsOf<HeadRow>(results[0])[0];
  if (!head) return null;
  const rows = rowsOf<LineRow>(results[1]);
  const full = rows.length > 0 && rows[0]!.serviceRole !== undefined;
  const { lines, services } = full ? linesWithServices(rows) : { lines: rows.map((r) => lineOf(r)), services: undefined };
  const revisions = rowsOf<RevisionRow>(results[2]);
  return buildQuoteView(head, lines, {
    today: localDate(Date.now(), head.timeZone),
    customerName: head.customerName,
    baseNumber: head.baseNumber,
    latestRevision: revisions.reduce((m, r) => Math.max(m, r.revision), 0),
    revisions,
    orderId: head.orderId,
    services,
  });
}

/** What the quote's lines are, on demand: each item's service info once, a line's own where it differs. */
export async function quoteServices(db: Db, id: number): Promise<{ services: ServiceInfoMap; lines: Record<string, ServiceInfo> } | null> {
  const [head, rows] = await batch(db, [withId('select id from quotes where id = $ID', id), withId(FULL_LINES_SQL, id)] as const);
  if (!rowsOf(head).length) return null;
  const { lines, services } = linesWithServices(rowsOf<LineRow>(rows));
  const own: Record<string, ServiceInfo> = {};
  for (const l of lines) if (l.categoryName !== undefined) own[String(l.id)] = lineService(l, services);
  return { services, lines: own };
}

export async function getQuote(db: Db, id: number, detail: QuoteDetail = 'full'): Promise<QuoteView | null> {
  return assemble(await batch(db, quoteReads(id, detail)));
}

/** The result of a guarded write: the quote as it is now, and whether our write applied. */
export interface WriteResult {
  applied: boolean;
  quote: QuoteView | null;
  /** What each write statement answered (the ids an INSERT … RETURNING gave). */
  writeResults?: readonly unknown[];
}

/** Runs the writes and the read-back (as staff read it) in one batch; `guardIndex` points at the guarded statement. */
export async function runWrite(db: Db, writes: BatchItem[], readId: number | SQL, guardIndex = 0): Promise<WriteResult> {
  const reads = quoteReads(readId, 'staff');
  const results = await batch(db, [...writes, ...reads]);
  const guard = results[guardIndex] as { meta?: { changes?: number } };
  return {
    applied: (guard.meta?.changes ?? 0) > 0,
    quote: assemble(results.slice(writes.length)),
    writeResults: results.slice(0, writes.length),
  };
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
  if (!f.allRevisions)
    conditions.push(sql`${quotes.revision} = (select max(q2.revision) from quotes q2 where q2.series_id = ${quotes.seriesId})`);
  if (f.customerId) conditions.push(eq(quotes.customerId, f.customerId));
  if (f.status) conditions.push(quoteStatusIs(f.status, f.today, 'quotes'));
  if (f.q?.trim()) {
    const pattern = likePattern(f.q);
    conditions.push(sql`(${quotes.searchText} like ${pattern} escape '\\' or ${customers.searchText} like ${pattern} escape '\\')`);
  }
  const where = conditions.length ? and(...conditions) : undefined;
  // One rule for which quotes are on the page: their rows, and the ids their lines are read by.
  const onPage = <T extends SQLiteSelect>(qb: T) =>
    qb
      .where(where)
      .orderBy(desc(quotes.updatedAt), desc(quotes.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize);
  const withCustomer = eq(customers.id, quotes.customerId);
  const page = onPage(db.select({ q: quotes, customerName: customers.name }).from(quotes).innerJoin(customers, withCustomer).$dynamic());
  const pageIds = onPage(db.select({ id: quotes.id }).from(quotes).innerJoin(customers, withCustomer).$dynamic());
  const [rows, lines, count] = await batch(db, [
    page,
    db.select().from(quoteLines).where(inArray(quoteLines.quoteId, pageIds)),
    db.select({ n: sql<number>`count(*)` }).from(quotes).innerJoin(customers, eq(customers.id, quotes.customerId)).where(where),
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
