/** The lines of a draft: add, change, remove, reorder — each one guarded write. */
import { sql, type SQL } from 'drizzle-orm';
import { randomToken } from '../../platform/secrets';
import { raw, type BatchItem, type Db } from '../db';
import { auditInsert, lineJson, oldNewJson, type Actor } from './audit';
import { applied, editStamp, runWrite, type WriteResult } from './read';

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
function positionFor(quoteId: number, afterLineId: number | null, token: string, offset = 1) {
  if (afterLineId === null) {
    return { shift: null, position: sql`(select coalesce(max(position), 0) + ${offset} from quote_lines where quote_id = ${quoteId})` };
  }
  const after = sql`(select position from quote_lines where id = ${afterLineId} and quote_id = ${quoteId})`;
  return {
    shift: (count: number) =>
      raw(
        sql`update quote_lines set position = position + ${count} where quote_id = ${quoteId} and position > ${after} and
          ${applied(token)}`,
      ),
    position: sql`${after} + ${offset}`,
  };
}

/** The rules a catalog line must keep, as SQL over the catalog item `c`. */
function itemRules(l: { hoursCenti: number | null | undefined; kMilli: number | undefined; kReason: string }) {
  const hoursRule =
    l.hoursCenti === undefined || l.hoursCenti === null ? sql`1` : sql`(c.mode = 'estimate' or c.hours_centi = ${l.hoursCenti})`;
  const kRule = l.kMilli === undefined || l.kReason.length > 0 ? sql`1` : sql`c.k_milli = ${l.kMilli}`;
  return sql`${hoursRule} and ${kRule}`;
}

function insertLine(quoteId: number, l: NewLine, token: string, position: SQL) {
  if (l.kind === 'item') {
    return raw(sql`
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
  return raw(sql`
    insert into quote_lines (quote_id, position, kind, code, title, mode, quantity_milli, hours_centi, k_milli, base_k_milli, k_reason,
      note)
    select ${quoteId}, ${position}, ${l.kind}, '', ${l.title ?? ''}, 'estimate', ${l.kind === 'section' ? 1000 : l.quantityMilli},
      ${l.kind === 'section' ? null : (l.hoursCenti ?? null)}, ${l.kind === 'section' ? 1000 : k}, ${l.kind === 'section' ? 1000 : k},
      ${l.kReason}, ${l.note}
    where ${applied(token)}`);
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
  const place = positionFor(quoteId, l.afterLineId, token);
  const writes: BatchItem[] = [editStamp(quoteId, version, token, now, sql`${itemCheck} and ${afterCheck}`)];
  if (place.shift) writes.push(place.shift(1));
  writes.push(insertLine(quoteId, l, token, place.position));
  writes.push(
    auditInsert({
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

export async function patchLine(
  db: Db,
  quoteId: number,
  lineId: number,
  version: number,
  p: LinePatch,
  actor: Actor,
): Promise<WriteResult> {
  const token = randomToken(12);
  const now = new Date().toISOString();
  const changes: Record<string, { column: string; value: unknown }> = {};
  for (const [field, value] of Object.entries(p)) {
    if (value !== undefined) changes[field] = { column: LINE_COLUMNS[field as keyof LinePatch], value };
  }
  const lineOk = sql`exists (select 1 from quote_lines l where l.id = ${lineId} and l.quote_id = ${quoteId} and ${linePatchRules(p)})`;
  const sets = Object.values(changes).map((c) => sql`${sql.raw(c.column)} = ${c.value as string | number | null}`);
  const writes: BatchItem[] = [
    editStamp(quoteId, version, token, now, lineOk),
    auditInsert({
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
    writes.push(
      raw(sql`update quote_lines set ${sql.join(sets, sql`, `)} where id = ${lineId} and quote_id = ${quoteId} and ${applied(token)}`),
    );
  }
  return runWrite(db, writes, quoteId);
}

export async function deleteLine(db: Db, quoteId: number, lineId: number, version: number, actor: Actor): Promise<WriteResult> {
  const token = randomToken(12);
  const now = new Date().toISOString();
  return runWrite(
    db,
    [
      editStamp(quoteId, version, token, now, sql`exists (select 1 from quote_lines where id = ${lineId} and quote_id = ${quoteId})`),
      auditInsert({
        quoteId,
        action: 'line_removed',
        changes: sql`(select ${lineJson('l')} from quote_lines l where l.id = ${lineId})`,
        actor,
        at: now,
        when: applied(token),
      }),
      raw(sql`delete from quote_lines where id = ${lineId} and quote_id = ${quoteId} and ${applied(token)}`),
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
      editStamp(
        quoteId,
        version,
        token,
        now,
        sql`${unique ? sql`1` : sql`0`}
                 and (select count(*) from quote_lines where quote_id = ${quoteId}) = ${lineIds.length}
                 and (select count(*) from quote_lines where quote_id = ${quoteId} and id in (select value from json_each(${ids}))) =
                   ${lineIds.length}`,
      ),
      raw(sql`update quote_lines set position = (select j.key + 1 from json_each(${ids}) j where j.value = quote_lines.id)
                 where quote_id = ${quoteId} and id in (select value from json_each(${ids})) and ${applied(token)}`),
      auditInsert({
        quoteId,
        action: 'lines_reordered',
        changes: sql`json_object('order', json(${ids}))`,
        actor,
        at: now,
        when: applied(token),
      }),
    ],
    quoteId,
  );
}
