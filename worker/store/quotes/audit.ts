/** The quote's audit trail: who changed what and when, written in the batch of the change. */
import { desc, eq, sql, type SQL } from 'drizzle-orm';
import { auditLog, quotes } from '../../../schema/tables';
import { raw, type Db } from '../db';

export interface Actor {
  kind: 'user' | 'customer' | 'system';
  userId: number | null;
  name: string;
  ip: string | null;
  userAgent: string | null;
}

// ---------- audit ----------

export function auditInsert(a: { quoteId: number | SQL; action: string; changes: SQL; actor: Actor; at: string; when: SQL }) {
  const q = typeof a.quoteId === 'number' ? sql`${a.quoteId}` : a.quoteId;
  return raw(sql`
    insert into audit_log (series_id, quote_id, at, actor_kind, actor_user_id, actor_name, ip, user_agent, action, changes)
    select q.series_id, q.id, ${a.at}, ${a.actor.kind}, ${a.actor.userId}, ${a.actor.name}, ${a.actor.ip}, ${a.actor.userAgent},
      ${a.action}, ${a.changes}
    from quotes q where q.id = ${q} and ${a.when}`);
}

/** json_object('field', json_array(old, new), …) for the fields a request changes. */
export function oldNewJson(alias: string, changes: Record<string, { column: string; value: unknown }>): SQL {
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

/** A line as the audit trail records it. */
export function lineJson(alias: string) {
  return sql.raw(
    `json_object('lineId', ${alias}.id, 'kind', ${alias}.kind, 'code', ${alias}.code, 'title', ${alias}.title, 'quantityMilli', ` +
      `${alias}.quantity_milli, 'hoursCenti', ${alias}.hours_centi, 'kMilli', ${alias}.k_milli)`,
  );
}
