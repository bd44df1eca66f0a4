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
import { customers, orders, quoteLines, quoteSeries, quotes } from '../../../schema/tables';
import { localDate } from '../../domain/calendar';
import { buildQuoteView, priceLines, type LineRecord, type QuoteRecord, type QuoteView } from '../../domain/quote';
import { effectiveStatus, type QuoteStatus } from '../../domain/quote-lifecycle';
import { likePattern } from '../../domain/search-text';
import { batch, raw, type BatchItem, type Db } from '../db';
import { quoteMay, quoteStatusIs } from '../quote-guards';
import { settingsOrDefault, settingsQuery } from '../settings';

/**
 * Step 1 of a change to a draft: the version-guarded UPDATE that stamps the write token,
 * applying only while QUOTE_LIFECYCLE allows editing and `rules` hold.
 */
export function editStamp(db: Db, quoteId: number, version: number, token: string, now: string, rules: SQL = sql`1`): BatchItem {
  return raw(db, sql`update quotes set version = version + 1, write_token = ${token}, updated_at = ${now}
                     where id = ${quoteId} and version = ${version} and ${quoteMay('edit', null)} and ${rules}`);
}

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
        sentAt: quotes.sentAt,
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
  /** What each write statement answered (the ids an INSERT … RETURNING gave). */
  writeResults?: readonly unknown[];
}

/** Runs the writes and the read-back in one batch; `guardIndex` points at the guarded statement. */
export async function runWrite(db: Db, writes: BatchItem[], readId: number | SQL, guardIndex = 0): Promise<WriteResult> {
  const reads = quoteReads(db, readId);
  const results = await batch(db, [...writes, ...reads]);
  const guard = results[guardIndex] as { meta?: { changes?: number } };
  return { applied: (guard.meta?.changes ?? 0) > 0, quote: assemble(results.slice(writes.length)), writeResults: results.slice(0, writes.length) };
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
  if (f.status) conditions.push(quoteStatusIs(f.status, f.today, 'quotes'));
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
