/** The drizzle handle over the D1 binding; one per request (it is only a thin wrapper). */
import { getTableColumns, getTableName, sql, type SQL } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { BatchResponse } from 'drizzle-orm/batch';
import { drizzle } from 'drizzle-orm/d1';
import { SQLiteAsyncDialect } from 'drizzle-orm/sqlite-core';
import * as tables from '../../schema/tables';

export type Db = ReturnType<typeof database>;
export type BatchItem = Parameters<Db['batch']>[0][number];

/**
 * Over the binding itself (every query to the primary) or over a Sessions API session
 * (http/replica-reads.ts). drizzle's D1 driver only prepares and batches statements, which a
 * session does as the binding does; its type just does not name sessions yet.
 */
export function database(d1: D1Database | D1DatabaseSession) {
  return drizzle(d1 as D1Database, { schema: tables });
}

export const nowIso = () => new Date().toISOString();

/**
 * An integer parameter as SQL. D1 binds every JS number as REAL, so `'key:' || ?` with 52 gives
 * 'key:52.0' and `json_object('n', ?)` gives 52.0; cast wherever a number meets text or JSON.
 */
export const int = (value: number) => sql`cast(${value} as integer)`;

/** Rows a batched write changed (D1's meta.changes). */
export function changed(result: unknown): number {
  return (result as { meta?: { changes?: number } }).meta?.changes ?? 0;
}

const dialect = new SQLiteAsyncDialect();

/**
 * A raw SQL statement that can go into `db.batch([...])` next to query builders and
 * answers the plain D1Result (meta.changes…). drizzle 0.45's own `db.run(sql)` cannot be
 * batched with parameters on D1 (its batch binds through a statement SQLiteRaw lacks).
 */
export function raw(db: Db, query: SQL): BatchItem {
  const built = dialect.sqlToQuery(query);
  const client = db.$client;
  const prepared = {
    getQuery: () => built,
    stmt: client.prepare(built.sql),
    mapResult: (result: unknown) => result,
  };
  return { _prepare: () => prepared } as unknown as BatchItem;
}

interface PreparedItem {
  getQuery(): { sql: string; params: unknown[] };
  stmt?: D1PreparedStatement;
  fields?: unknown[];
  mapResult(result: unknown, isFromBatch: boolean): unknown;
}

/**
 * One D1 batch (one transaction, one round trip), answering what `db.batch` answers.
 * It does what drizzle's batch does, plus one check: drizzle maps batched rows by the
 * *names* D1 gives them, so two selected columns with the same name (a join of quotes.number
 * and quote_series.number) would silently shift every value after them. Such a select
 * fails loudly here instead.
 */
export async function batch<const T extends readonly BatchItem[]>(db: Db, items: T): Promise<BatchResponse<T>> {
  const prepared = items.map((item) => (item as unknown as { _prepare(): PreparedItem })._prepare());
  const statements = prepared.map((p) => {
    const q = p.getQuery();
    return (p.stmt ?? db.$client.prepare(q.sql)).bind(...q.params);
  });
  const results = await db.$client.batch(statements);
  return results.map((result, i) => {
    const p = prepared[i]!;
    const first = (result as D1Result<Record<string, unknown>>).results?.[0];
    if (p.fields && first && Object.keys(first).length !== p.fields.length) {
      throw new Error(`batched select returns duplicate column names; alias them: ${p.getQuery().sql}`);
    }
    return p.mapResult(result, true);
  }) as BatchResponse<T>;
}

/** Rows per statement of `jsonInsert`: one JSON parameter each, well under D1's 2 MB per value. */
const JSON_ROWS_PER_STATEMENT = 500;

/**
 * INSERTs of many rows through ONE JSON parameter per statement (`… select … from json_each(?)`):
 * D1 allows 100 bound parameters per statement and counts statements per request, so a row per
 * statement or a VALUES list per row does not scale. Keys are the table's property names; a key
 * absent from every row of a chunk is left to the column's default.
 */
export function jsonInsert(db: Db, table: SQLiteTable, rows: readonly Record<string, unknown>[]): BatchItem[] {
  const columns = Object.entries(getTableColumns(table));
  const items: BatchItem[] = [];
  for (let i = 0; i < rows.length; i += JSON_ROWS_PER_STATEMENT) {
    const chunk = rows.slice(i, i + JSON_ROWS_PER_STATEMENT);
    const present = columns.filter(([key]) => chunk.some((r) => key in r));
    const names = sql.join(present.map(([, c]) => sql.identifier(c.name)), sql`, `);
    const values = sql.join(present.map(([key]) => sql`json_extract(j.value, ${`$.${key}`})`), sql`, `);
    items.push(raw(db, sql`insert into ${sql.identifier(getTableName(table))} (${names}) select ${values} from json_each(${JSON.stringify(chunk)}) j`));
  }
  return items;
}
