/**
 * What staff do with a service request, each one guarded write or batch: triage (status, kind,
 * SLA level), an answer that stops the SLA clock and e-mails the customer, and «в смету».
 */
import { sql, type SQL } from 'drizzle-orm';
import type { RequestKind, RequestStatus, SlaLevelCode } from '../domain/sla';
import { reactionDeadline, statusesLeadingTo } from '../domain/sla';
import type { WorkingCalendar } from '../domain/working-time';
import { randomToken } from '../platform/secrets';
import { batch, changed, raw, type BatchItem, type Db } from './db';
import { inStates } from './guards';
import { insertedIds } from './outbox';
import { applied, byToken, createQuoteWrites, type Actor, type QuoteHeader } from './quotes';
import { requestMail } from './request-mail';
import { isOpen, type RequestRow } from './requests';

export interface RequestPatch {
  status?: RequestStatus;
  kind?: RequestKind;
  slaLevel?: SlaLevelCode;
}

/**
 * Triage: one UPDATE guarded by the version and by the status table (domain/sla.ts). A new SLA
 * level moves the deadline: creation + the new level's time, in the calendar of today.
 * Answers whether it applied; the caller reads the row again to say why not.
 */
export async function patchRequest(
  db: Db,
  id: number,
  version: number,
  p: RequestPatch,
  createdAt: string,
  calendar: WorkingCalendar,
): Promise<boolean> {
  const now = new Date().toISOString();
  const set: SQL[] = [sql`version = version + 1`, sql`updated_at = ${now}`];
  if (p.status) set.push(sql`status = ${p.status}`);
  if (p.kind) set.push(sql`kind = ${p.kind}`);
  if (p.slaLevel) set.push(sql`sla_level = ${p.slaLevel}`, sql`due_at = ${reactionDeadline(createdAt, p.slaLevel, calendar)}`);
  const statusGuard = p.status ? inStates(sql.raw('status'), statusesLeadingTo(p.status)) : sql`1`;
  const [result] = await batch(db, [
    raw(sql`update service_requests set ${sql.join(set, sql`, `)} where id = ${id} and version = ${version} and ${statusGuard}`),
  ]);
  return changed(result) > 0;
}

/**
 * A staff answer: the comment, the SLA clock stopped (the first answer only), and the customer's
 * e-mail, in one batch. Refused (false) on a closed request.
 */
export async function answerRequest(
  db: Db,
  id: number,
  body: string,
  actor: Actor,
  mail: { to: string[]; lang: 'ru' | 'en'; subject: string; origin: string } | null,
): Promise<{ applied: boolean; mailIds: number[] }> {
  const now = new Date().toISOString();
  const open = sql`exists (select 1 from service_requests where id = ${id} and ${isOpen('status')})`;
  const writes: BatchItem[] = [
    raw(sql`insert into request_comments (request_id, author, user_id, author_name, body, created_at)
               select ${id}, 'staff', ${actor.userId}, ${actor.name}, ${body}, ${now} where ${open}`),
    raw(sql`update service_requests set first_answer_at = coalesce(first_answer_at, ${now}), version = version + 1, updated_at = ${now}
               where id = ${id} and ${isOpen('status')}`),
  ];
  if (mail && mail.to.length > 0) {
    writes.push(
      requestMail({
        kind: 'request_answered',
        to: sql`${JSON.stringify(mail.to)}`,
        lang: mail.lang,
        subject: mail.subject,
        payload: sql`json_object('requestId', r.id, 'commentId', (select max(id) from request_comments where request_id = r.id), 'origin',
          ${mail.origin})`,
        createdBy: actor.userId,
        where: sql`r.id = ${id} and r.updated_at = ${now}`,
        now,
      }),
    );
  }
  const results = await batch(db, writes);
  return { applied: changed(results[0]) > 0, mailIds: insertedIds(results.slice(2)) };
}

/**
 * «В смету»: a development request becomes a draft quote in one batch — the subject is the
 * quote's title and its one line, the description the line's note and the customer's note; the
 * request points at the quote (and the quote's internal note names the request). Guarded by the
 * request's kind, its having no quote yet, its status and (when given) its version.
 */
export async function quoteFromRequest(
  db: Db,
  row: RequestRow,
  version: number | undefined,
  year: number,
  header: Omit<QuoteHeader, 'title' | 'customerNote' | 'internalNote'>,
  internalNote: string,
  actor: Actor,
): Promise<number | null> {
  const token = randomToken(12);
  const now = new Date().toISOString();
  const versionGuard = version === undefined ? sql`1` : sql`version = ${version}`;
  const results = await batch(db, [
    raw(sql`update service_requests set write_token = ${token}, version = version + 1, updated_at = ${now}
               where id = ${row.id} and kind = 'development' and quote_id is null and ${isOpen('status')} and ${versionGuard}`),
    ...createQuoteWrites(
      row.customerId,
      year,
      { ...header, title: row.subject, customerNote: row.description, internalNote },
      actor,
      token,
      now,
      sql`exists (select 1 from service_requests where write_token = ${token})`,
    ),
    raw(sql`insert into quote_lines (quote_id, position, kind, code, title, mode, quantity_milli, hours_centi, k_milli, base_k_milli,
      k_reason, note)
               select id, 1, 'free', '', ${row.subject}, 'estimate', 1000, null, 1000, 1000, '', ${row.description} from quotes where
                 write_token = ${token}`),
    raw(
      sql`update service_requests set quote_id = ${byToken(token)}, write_token = null where write_token = ${token} and ${applied(token)}`,
    ),
  ]);
  if (changed(results[0]) === 0) return null;
  const quoteId = (await db.get<{ quote_id: number }>(sql`select quote_id from service_requests where id = ${row.id}`))?.quote_id;
  return quoteId ?? null;
}
