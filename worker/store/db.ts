/** The drizzle handle over the D1 binding; one per request (it is only a thin wrapper). */
import { getTableColumns, getTableName, sql, type SQL } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { BatchItem as QueryItem, BatchResponse } from 'drizzle-orm/batch';
import { drizzle } from 'drizzle-orm/d1';
import { SQLiteAsyncDialect } from 'drizzle-orm/sqlite-core';

export type Db = ReturnType<typeof database>;

/**
 * SQL of our own in a batch: its text and parameters, bound as they are and answered as D1's plain
 * result (meta.changes, results). drizzle 0.45's `db.run(sql)` cannot stand for it: its batch binds
 * parameters through a prepared statement that a raw query lacks (drizzle-orm issue #2277).
 */
export class Statement {
  /** Tells a statement from a query builder in the batch's answer type. */
  readonly kind = 'statement';
  constructor(
    readonly sql: string,
    readonly params: readonly unknown[],
  ) {}
}

/** What a batch takes: drizzle's query builders (select, insert, update, delete) and our statements. */
export type BatchItem = QueryItem<'sqlite'> | Statement;

type Answer<I> = I extends Statement ? D1Result : I extends QueryItem<'sqlite'> ? BatchResponse<[I]>[0] : never;

/** What a batch answers, item by item: a builder's rows (or run result), a statement's D1Result. */
export type BatchAnswers<T extends readonly BatchItem[]> = { -readonly [K in keyof T]: Answer<T[K]> };

/** What a builder's public `prepare()` gives: its SQL, and how drizzle maps a batched result. */
interface Prepared {
  getQuery(): { sql: string; params: unknown[] };
  mapResult(result: unknown, isFromBatch: boolean): unknown;
}

export function database(d1: D1Database | D1DatabaseSession) {
  return drizzle(d1 as D1Database);
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

/** A statement from drizzle's `sql` template (identifiers quoted, values bound). */
export function raw(query: SQL): Statement {
  const built = dialect.sqlToQuery(query);
  return new Statement(built.sql, built.params);
}

/**
 * A statement from SQL text and its parameters as they are: no query builder, so the hot reads
 * (a quote, a line write's answer) cost no per-request SQL building.
 */
export function statement(text: string, params: readonly unknown[]): Statement {
  return new Statement(text, params);
}

/** A lost column leaves `undefined` where D1 gives every value, even NULL (null). */
function hasUndefined(row: unknown): boolean {
  if (row === undefined) return true;
  if (row === null || typeof row !== 'object' || Object.getPrototypeOf(row) !== Object.prototype) return false;
  return Object.values(row).some(hasUndefined);
}

/**
 * One D1 batch (one transaction, one round trip), answering what `db.batch` answers. Builders
 * are prepared and mapped through drizzle's public `prepare()`; statements go to D1 as they are.
 * One check more than drizzle's: it maps batched rows by the *names* D1 gives them, so two
 * selected columns with the same name (a join of quotes.number and quote_series.number) would
 * shift every value after them and leave the last ones undefined. Such a select fails loudly here.
 */
export async function batch<const T extends readonly BatchItem[]>(db: Db, items: T): Promise<BatchAnswers<T>> {
  const prepared = items.map((item) => (item instanceof Statement ? null : (item as unknown as { prepare(): Prepared }).prepare()));
  const statements = items.map((item, i) => {
    const q = prepared[i]?.getQuery() ?? (item as Statement);
    return db.$client.prepare(q.sql).bind(...q.params);
  });
  const results = await db.$client.batch(statements);
  return results.map((result, i) => {
    const p = prepared[i];
    if (!p) return result;
    const mapped = p.mapResult(result, true);
    const first = Array.isArray(mapped) ? mapped[0] : undefined;
    if (first !== undefined && hasUndefined(first)) {
      throw new Error(`batched select returns duplicate column names; alias them: ${p.getQuery().sql}`);
    }
    return mapped;
  }) as BatchAnswers<T>;
}

/** Rows per statement of `jsonInsert`: one JSON parameter each, well under D1's 2 MB per value. */
const JSON_ROWS_PER_STATEMENT = 500;

/**
 * INSERTs of many rows through ONE JSON parameter per statement (`… select … from json_each(?)`):
 * D1 allows 100 bound parameters per statement and counts statements per request, so a row per
 * statement or a VALUES list per row does not scale. Keys are the table's property names; a key
 * absent from every row of a chunk is left to the column's default.
 */
export function jsonInsert(table: SQLiteTable, rows: readonly Record<string, unknown>[]): BatchItem[] {
  const columns = Object.entries(getTableColumns(table));
  const items: BatchItem[] = [];
  for (let i = 0; i < rows.length; i += JSON_ROWS_PER_STATEMENT) {
    const chunk = rows.slice(i, i + JSON_ROWS_PER_STATEMENT);
    const present = columns.filter(([key]) => chunk.some((r) => key in r));
    const names = sql.join(
      present.map(([, c]) => sql.identifier(c.name)),
      sql`, `,
    );
    const values = sql.join(
      present.map(([key]) => sql`json_extract(j.value, ${`$.${key}`})`),
      sql`, `,
    );
    items.push(
      raw(sql`insert into ${sql.identifier(getTableName(table))} (${names}) select ${values} from json_each(${JSON.stringify(chunk)}) j`),
    );
  }
  return items;
}
