/**
 * Many lines in one write: rows pasted from a spreadsheet (up to 500) and removing many
 * lines at once (the undo of a paste).
 *
 * D1 binds at most 100 parameters per statement, so the rows never become parameters one by
 * one: they travel as JSON text and SQLite unpacks them with `json_each(?)`. Each statement
 * binds a handful of parameters whatever the number of rows, the rows are inserted in chunks
 * (each chunk one INSERT … SELECT … FROM json_each(?)), and everything — the version-guarded
 * UPDATE that stamps the write token, the chunks conditional on it, the audit row and the
 * read-back — is ONE batch, so a paste lands whole or not at all.
 */
import { sql, type SQL } from 'drizzle-orm';
import { randomToken } from '../../platform/secrets';
import { raw, type BatchItem, type Db } from '../db';
import { auditInsert, type Actor } from './audit';
import type { NewLine } from './lines';
import { applied, editStamp, runWrite, type WriteResult } from './read';

/** Rows per INSERT statement: keeps each JSON parameter small (a row is at most ~1 KB). */
export const PASTE_CHUNK_ROWS = 100;

/** The JSON fields of one pasted row, as the statements below read them. */
interface RowJson {
  kind: NewLine['kind'];
  catalogItemId: number | null;
  title: string | null;
  quantityMilli: number;
  hoursCenti: number | null;
  kMilli: number | null;
  kReason: string;
  note: string;
}

const rowJson = (l: NewLine): RowJson => ({
  kind: l.kind,
  catalogItemId: l.kind === 'item' ? l.catalogItemId : null,
  title: l.title,
  quantityMilli: l.quantityMilli,
  hoursCenti: l.hoursCenti ?? null,
  kMilli: l.kMilli ?? null,
  kReason: l.kReason,
  note: l.note,
});

const f = (field: keyof RowJson) => sql.raw(`json_extract(j.value, '$.${field}')`);

/**
 * True when some catalog row of the JSON breaks a rule the single-line add keeps: an item
 * that is missing or no longer sold, hours that differ from a fixed service's, or a K that
 * differs from the item's without a reason.
 */
function anyRowBroken(rows: string): SQL {
  return sql`exists (
    select 1 from json_each(${rows}) j left join catalog_items c on c.id = ${f('catalogItemId')}
    where ${f('kind')} = 'item' and (
      c.id is null or c.active <> 1
      or (${f('hoursCenti')} is not null and c.mode <> 'estimate' and c.hours_centi is not ${f('hoursCenti')})
      or (${f('kMilli')} is not null and length(${f('kReason')}) = 0 and c.k_milli <> ${f('kMilli')})))`;
}

/** One chunk of rows, each at `position(j.key)`; catalog rows copy the item as it is today. */
function insertChunk(quoteId: number, rows: string, position: SQL, token: string) {
  const kind = f('kind');
  return raw(sql`
    insert into quote_lines (quote_id, position, kind, catalog_item_id, code, title, mode, actual_time, quantity_milli, hours_centi,
      k_milli, base_k_milli, k_reason, category_name, description, inputs, result, limits, note)
    select ${quoteId}, ${position}, ${kind}, c.id, coalesce(c.code, ''), coalesce(${f('title')}, c.name_ru, ''),
      coalesce(c.mode, 'estimate'), coalesce(c.actual_time, 0),
      case when ${kind} = 'section' then 1000 else ${f('quantityMilli')} end,
      case ${kind} when 'section' then null when 'item' then coalesce(${f('hoursCenti')}, c.hours_centi) else ${f('hoursCenti')} end,
      case ${kind} when 'section' then 1000 when 'item' then coalesce(${f('kMilli')}, c.k_milli) else coalesce(${f('kMilli')}, 1000) end,
      case ${kind} when 'section' then 1000 when 'item' then c.k_milli else coalesce(${f('kMilli')}, 1000) end,
      ${f('kReason')}, coalesce(cat.name_ru, ''), coalesce(c.description_ru, ''), coalesce(c.inputs_ru, ''),
      coalesce(c.result_ru, ''), coalesce(c.limits_ru, ''), ${f('note')}
    from json_each(${rows}) j
      left join catalog_items c on ${kind} = 'item' and c.id = ${f('catalogItemId')}
      left join categories cat on cat.id = c.category_id
    where ${applied(token)}`);
}

/** Several lines in one write (rows pasted from a spreadsheet): all or nothing. */
export async function addLines(
  db: Db,
  quoteId: number,
  version: number,
  lines: NewLine[],
  afterLineId: number | null,
  actor: Actor,
  /** How the audit trail names the rows (their codes, or titles); by default titles or item ids. */
  labels: string[] = lines.map((l) => l.title ?? `#${l.catalogItemId}`),
): Promise<WriteResult> {
  const token = randomToken(12);
  const now = new Date().toISOString();
  const all = lines.map(rowJson);
  const afterCheck =
    afterLineId === null ? sql`1` : sql`exists (select 1 from quote_lines where id = ${afterLineId} and quote_id = ${quoteId})`;
  const writes: BatchItem[] = [
    editStamp(
      quoteId,
      version,
      token,
      now,
      sql`${afterCheck}
               and not ${anyRowBroken(JSON.stringify(all))}`,
    ),
  ];
  const after = sql`(select position from quote_lines where id = ${afterLineId} and quote_id = ${quoteId})`;
  if (afterLineId !== null) {
    writes.push(
      raw(
        sql`update quote_lines set position = position + ${lines.length} where quote_id = ${quoteId} and position > ${after} and
          ${applied(token)}`,
      ),
    );
  }
  for (let start = 0; start < all.length; start += PASTE_CHUNK_ROWS) {
    const chunk = JSON.stringify(all.slice(start, start + PASTE_CHUNK_ROWS));
    // At the end: each chunk goes below what is there, including the chunks before it.
    const position =
      afterLineId === null
        ? sql`(select coalesce(max(position), 0) from quote_lines where quote_id = ${quoteId}) + j.key + 1`
        : sql`${after} + ${start} + j.key + 1`;
    writes.push(insertChunk(quoteId, chunk, position, token));
  }
  writes.push(
    auditInsert({
      quoteId,
      action: 'lines_pasted',
      changes: sql`json_object('count', ${lines.length}, 'codes', ${labels.join(', ').slice(0, 500)})`,
      actor,
      at: now,
      when: applied(token),
    }),
  );
  return runWrite(db, writes, quoteId);
}

/** Removes the given lines of one quote in one write; every id must be a line of it, once. */
export async function deleteLines(db: Db, quoteId: number, version: number, lineIds: number[], actor: Actor): Promise<WriteResult> {
  const token = randomToken(12);
  const now = new Date().toISOString();
  const ids = JSON.stringify(lineIds);
  const unique = new Set(lineIds).size === lineIds.length;
  const ours = sql`(select id from quote_lines where quote_id = ${quoteId} and id in (select value from json_each(${ids})))`;
  return runWrite(
    db,
    [
      editStamp(
        quoteId,
        version,
        token,
        now,
        sql`${unique ? sql`1` : sql`0`}
                 and (select count(*) from ${ours}) = ${lineIds.length}`,
      ),
      auditInsert({
        quoteId,
        action: 'lines_removed',
        changes: sql`(select json_object('count', count(*), 'codes', substr(group_concat(case when code <> '' then code else title end,
          ', '), 1, 500))
                      from quote_lines where id in ${ours})`,
        actor,
        at: now,
        when: applied(token),
      }),
      raw(sql`delete from quote_lines where quote_id = ${quoteId} and id in (select value from json_each(${ids})) and ${applied(token)}`),
    ],
    quoteId,
  );
}

/** Catalog items by code, for any number of codes (one JSON parameter). */
export async function findCatalogItemsByCode(db: Db, codes: string[]) {
  if (codes.length === 0) return [];
  const result = await db.$client
    .prepare(`select id, code, active, mode, hours_centi as hoursCenti, k_milli as kMilli from catalog_items
              where code in (select value from json_each(?))`)
    .bind(JSON.stringify(codes))
    .all<{ id: number; code: string; active: number; mode: 'fixed' | 'estimate'; hoursCenti: number | null; kMilli: number }>();
  return result.results.map((r) => ({ ...r, active: r.active === 1 }));
}
