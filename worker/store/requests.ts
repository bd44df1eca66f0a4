/**
 * Service requests (seed 004) and their thread. Every change is one guarded statement or one
 * batch: a request with its number and the managers' e-mail; an answer with the SLA clock
 * stopped and the customer's e-mail; a quote made from a request with both links.
 */
import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import { customers, quotes, requestComments, serviceRequests } from '../../schema/tables';
import type { RequestKind, RequestPriority, RequestStatus, SlaLevelCode } from '../domain/sla';
import {
  OPEN_REQUEST_STATUSES,
  REQUEST_TRANSITIONS,
  PRIORITY_LEVELS,
  SLA_RUNNING_STATUSES,
  reactionDeadline,
  slaState,
  statusesLeadingTo,
} from '../domain/sla';
import { inStates } from './guards';
import type { WorkingCalendar } from '../domain/working-time';
import { randomToken } from '../platform/secrets';
import { batch, changed, raw, type BatchItem, type Db } from './db';
import { insertedIds } from './outbox';
import { applied, byToken, createQuoteWrites, type Actor, type QuoteHeader } from './quotes';

export type RequestRow = typeof serviceRequests.$inferSelect;
export type CommentRow = typeof requestComments.$inferSelect;

/** A request as staff read it, with its SLA computed for `now`. */
export interface RequestView {
  id: number;
  number: string;
  customerId: number;
  customerName: string;
  kind: RequestKind;
  subject: string;
  description: string;
  priority: number;
  slaLevel: SlaLevelCode;
  status: RequestStatus;
  version: number;
  createdAt: string;
  updatedAt: string;
  firstAnswerAt: string | null;
  reactionDueAt: string;
  breached: boolean;
  atRisk: boolean;
  remainingMinutes: number;
  quoteId: number | null;
  quoteNumber: string | null;
}

const isOpen = (column: string) => inStates(sql.raw(column), OPEN_REQUEST_STATUSES);

/**
 * The SLA flags of a row. The deadline is the stored one (fixed when the request was made or its
 * level changed); a request resolved or closed without an answer stops the clock when it was.
 */
export function viewOf(
  row: RequestRow & { customerName: string; quoteNumber: string | null },
  nowIso: string,
  calendar: WorkingCalendar,
): RequestView {
  const stoppedAt = row.firstAnswerAt ?? (SLA_RUNNING_STATUSES.includes(row.status) ? null : row.updatedAt);
  const state = slaState({ createdAt: row.createdAt, firstAnswerAt: stoppedAt, level: row.slaLevel }, nowIso, calendar);
  const measured = stoppedAt ?? nowIso;
  return {
    id: row.id,
    number: row.number,
    customerId: row.customerId,
    customerName: row.customerName,
    kind: row.kind,
    subject: row.subject,
    description: row.description,
    priority: row.priority,
    slaLevel: row.slaLevel,
    status: row.status,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    firstAnswerAt: row.firstAnswerAt,
    reactionDueAt: row.dueAt,
    // Against the stored deadline (the one the customer was shown), not a recomputed one.
    breached: Date.parse(measured) > Date.parse(row.dueAt),
    atRisk: state.atRisk && Date.parse(measured) <= Date.parse(row.dueAt),
    remainingMinutes: state.remainingMinutes,
    quoteId: row.quoteId,
    quoteNumber: row.quoteNumber,
  };
}

const selectView = (db: Db) =>
  db
    .select({ r: serviceRequests, customerName: customers.name, quoteNumber: quotes.number })
    .from(serviceRequests)
    .innerJoin(customers, eq(customers.id, serviceRequests.customerId))
    .leftJoin(quotes, eq(quotes.id, serviceRequests.quoteId));

type Joined = { r: RequestRow; customerName: string; quoteNumber: string | null };
const flat = (j: Joined) => ({ ...j.r, customerName: j.customerName, quoteNumber: j.quoteNumber });

// ---------- creating ----------

export interface NewRequest {
  customerId: number;
  kind: RequestKind;
  subject: string;
  description: string;
  priority: RequestPriority;
  ip: string | null;
  /** The app's origin, for the link in the managers' e-mail. */
  origin: string;
}

/** Managers' addresses as a JSON array (admins when there is no manager), or null when nobody has one. */
const STAFF_TO = sql`(select case when count(*) > 0 then json_group_array(email) end from users
  where active = 1 and email <> '' and role = (case when exists (select 1 from users where active = 1 and role = 'manager') then 'manager'
    else 'admin' end))`;

/** An outbox row about request `r` (alias), its subject filled from the request in SQL: `{number}`, `{subject}`. */
function requestMail(m: {
  kind: 'request_new' | 'request_answered';
  to: SQL;
  lang: 'ru' | 'en';
  subject: string;
  payload: SQL;
  createdBy: number | null;
  where: SQL;
  now: string;
}): BatchItem {
  return raw(
    sql`insert into outbox (kind, to_json, lang, subject, payload, status, attempts, created_at, created_by, next_attempt_at)
        select ${m.kind}, ${m.to}, ${m.lang}, replace(replace(${m.subject}, '{number}', r.number), '{subject}', r.subject), ${m.payload},
          'queued', 0, ${m.now}, ${m.createdBy}, ${m.now}
        from service_requests r where ${m.where} and (${m.to}) is not null
        returning id`,
  );
}

/**
 * A new request: the next number of the year, the deadline from the calendar, and the managers'
 * e-mail, in one batch. Null when the customer does not exist.
 */
export async function createRequest(
  db: Db,
  r: NewRequest,
  calendar: WorkingCalendar,
  now: Date,
  subjectTemplate: string,
): Promise<{ request: RequestView; mailIds: number[] } | null> {
  const nowIso = now.toISOString();
  const level = PRIORITY_LEVELS[r.priority];
  const dueAt = reactionDeadline(nowIso, level, calendar);
  const year = Number(new Intl.DateTimeFormat('en-CA', { timeZone: calendar.timeZone, year: 'numeric' }).format(now));
  const counter = `request:${year}`;
  const token = randomToken(12);
  const exists = sql`exists (select 1 from customers where id = ${r.customerId})`;
  const results = await batch(db, [
    raw(sql`insert into counters (name, value) select ${counter}, 1 where ${exists} on conflict(name) do update set value = value + 1`),
    raw(sql`insert into service_requests (number, customer_id, kind, subject, description, priority, sla_level, status, due_at, write_token,
      ip, version, created_at, updated_at)
               select ${`R-${year}-`} || printf('%04d', value), ${r.customerId}, ${r.kind}, ${r.subject}, ${r.description}, ${r.priority},
                 ${level},
                 ${'new' satisfies RequestStatus}, ${dueAt}, ${token}, ${r.ip}, 1, ${nowIso}, ${nowIso}
               from counters where name = ${counter} and ${exists}
               returning id`),
    requestMail({
      kind: 'request_new',
      to: STAFF_TO,
      lang: 'ru',
      subject: subjectTemplate,
      payload: sql`json_object('requestId', r.id, 'origin', ${r.origin})`,
      createdBy: null,
      where: sql`r.write_token = ${token}`,
      now: nowIso,
    }),
  ]);
  const id = ((results[1] as D1Result<{ id: number }>).results ?? [])[0]?.id;
  if (!id) return null;
  const request = await getRequest(db, id, calendar, nowIso);
  return request ? { request, mailIds: insertedIds(results.slice(2)) } : null;
}

// ---------- reading ----------

export interface RequestFilter {
  status?: RequestStatus;
  kind?: RequestKind;
  customerId?: number;
  quoteId?: number;
  flag?: 'breached' | 'at_risk' | 'open';
}

/** The inbox, newest first; the SLA flags are computed for `now` (a flag filter is applied after). */
export async function listRequests(
  db: Db,
  f: RequestFilter,
  calendar: WorkingCalendar,
  nowIso: string,
  limit = 500,
): Promise<RequestView[]> {
  const where: SQL[] = [];
  if (f.status) where.push(eq(serviceRequests.status, f.status));
  if (f.kind) where.push(eq(serviceRequests.kind, f.kind));
  if (f.customerId) where.push(eq(serviceRequests.customerId, f.customerId));
  if (f.quoteId) where.push(eq(serviceRequests.quoteId, f.quoteId));
  if (f.flag) where.push(inStates(sql`${serviceRequests.status}`, SLA_RUNNING_STATUSES));
  if (f.flag === 'at_risk') where.push(sql`${serviceRequests.firstAnswerAt} is null`);
  const rows = await selectView(db)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(serviceRequests.id))
    .limit(limit);
  const views = rows.map((j) => viewOf(flat(j), nowIso, calendar));
  if (f.flag === 'breached') return views.filter((v) => v.breached);
  if (f.flag === 'at_risk') return views.filter((v) => v.atRisk);
  return views;
}

export async function findRequest(db: Db, id: number) {
  const [j] = await selectView(db).where(eq(serviceRequests.id, id)).limit(1);
  return j ? flat(j) : null;
}

export async function getRequest(db: Db, id: number, calendar: WorkingCalendar, nowIso: string): Promise<RequestView | null> {
  const row = await findRequest(db, id);
  return row ? viewOf(row, nowIso, calendar) : null;
}

export async function listComments(db: Db, requestId: number) {
  return db
    .select({
      id: requestComments.id,
      author: requestComments.author,
      authorName: requestComments.authorName,
      body: requestComments.body,
      createdAt: requestComments.createdAt,
    })
    .from(requestComments)
    .where(eq(requestComments.requestId, requestId))
    .orderBy(asc(requestComments.id));
}

/** One customer's requests as the account page shows them (API.md `requests`): no SLA level, no internal field. */
export async function listCustomerRequests(db: Db, customerId: number) {
  const [rows, comments] = await batch(db, [
    db.select().from(serviceRequests).where(eq(serviceRequests.customerId, customerId)).orderBy(desc(serviceRequests.id)).limit(200),
    db
      .select({
        id: requestComments.id,
        requestId: requestComments.requestId,
        author: requestComments.author,
        authorName: requestComments.authorName,
        body: requestComments.body,
        createdAt: requestComments.createdAt,
      })
      .from(requestComments)
      .innerJoin(serviceRequests, eq(serviceRequests.id, requestComments.requestId))
      .where(eq(serviceRequests.customerId, customerId))
      .orderBy(asc(requestComments.id)),
  ]);
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    kind: r.kind,
    subject: r.subject,
    description: r.description,
    priority: r.priority,
    status: r.status,
    createdAt: r.createdAt,
    reactionDueAt: r.dueAt,
    answers: comments.filter((c) => c.requestId === r.id).map(({ requestId: _, ...c }) => c),
  }));
}

// ---------- staff changes ----------

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
 * The customer's reply on their account page: the comment, and — when staff had asked for
 * clarification — the request back in work (the status table's `clarify`), in one batch. Only
 * the customer's own open request; answers whether it applied.
 */
export async function customerReply(db: Db, id: number, customerId: number, name: string, body: string, nowIso: string): Promise<boolean> {
  const mine = sql`exists (select 1 from service_requests where id = ${id} and customer_id = ${customerId} and ${isOpen('status')})`;
  const clarify = REQUEST_TRANSITIONS.clarify;
  const [inserted] = await batch(db, [
    raw(sql`insert into request_comments (request_id, author, user_id, author_name, body, created_at)
               select ${id}, 'customer', null, ${name}, ${body}, ${nowIso} where ${mine}`),
    raw(sql`update service_requests set status = ${clarify.to}, version = version + 1, updated_at = ${nowIso}
               where id = ${id} and customer_id = ${customerId} and ${inStates(sql.raw('status'), clarify.from)}`),
  ]);
  return changed(inserted) > 0;
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

/** Where a customer's e-mails go and in which language: the card's addresses (one or several, separated by commas). */
export async function customerContacts(db: Db, customerId: number): Promise<{ emails: string[]; lang: 'ru' | 'en' } | null> {
  const [row] = await db
    .select({ email: customers.email, lang: customers.lang })
    .from(customers)
    .where(eq(customers.id, customerId))
    .limit(1);
  if (!row) return null;
  const emails = [...new Set(row.email.split(/[\s,;]+/).filter((e) => /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(e)))];
  return { emails, lang: row.lang };
}
