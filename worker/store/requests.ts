/**
 * Service requests (seed 004) and their thread: making one, reading them with their SLA, the
 * customer's reply. Every change is one guarded statement or one batch: a request with its number
 * and the managers' e-mail. What staff do with a request is store/request-handling.ts.
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
} from '../domain/sla';
import { inStates } from './guards';
import type { WorkingCalendar } from '../domain/working-time';
import { randomToken } from '../platform/secrets';
import { batch, changed, raw, type Db } from './db';
import { claimInsert, findClaim, type Claim } from './idempotency';
import { insertedIds } from './outbox';
import { requestMail } from './request-mail';

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

/** The status in `column` is an open one (OPEN_REQUEST_STATUSES): answers and replies are taken. */
export const isOpen = (column: string) => inStates(sql.raw(column), OPEN_REQUEST_STATUSES);

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
  /** The account page form's one-time key: claimed in the same batch, so a second send of the form writes nothing. */
  claim?: Claim,
): Promise<{ request: RequestView; mailIds: number[] } | null> {
  const nowIso = now.toISOString();
  const level = PRIORITY_LEVELS[r.priority];
  const dueAt = reactionDeadline(nowIso, level, calendar);
  const year = Number(new Intl.DateTimeFormat('en-CA', { timeZone: calendar.timeZone, year: 'numeric' }).format(now));
  const counter = `request:${year}`;
  const token = randomToken(12);
  const exists = sql`exists (select 1 from customers where id = ${r.customerId})`;
  const made = sql`(select id from service_requests where write_token = ${token})`;
  const claimed = claim ? [claimInsert(claim, sql`json_object('requestId', ${made})`, sql`${made} is not null`)] : [];
  let results: unknown[];
  try {
    results = await batch(db, [
      raw(sql`insert into counters (name, value) select ${counter}, 1 where ${exists} on conflict(name) do update set value = value + 1`),
      raw(sql`insert into service_requests (number, customer_id, kind, subject, description, priority, sla_level, status, due_at,
      write_token, ip, version, created_at, updated_at)
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
      ...claimed,
    ]);
  } catch (e) {
    // The same form sent twice: its twin claimed the key first, and this batch wrote nothing (not even a number).
    if (!claim || !/UNIQUE/i.test(String((e as Error).message))) throw e;
    const first = await findClaim(db, claim.scope, claim.key);
    const request = first ? await getRequest(db, Number(first.result.requestId), calendar, nowIso) : null;
    if (!request) throw e;
    return { request, mailIds: [] };
  }
  const id = ((results[1] as D1Result<{ id: number }>).results ?? [])[0]?.id;
  if (!id) return null;
  const request = await getRequest(db, id, calendar, nowIso);
  return request ? { request, mailIds: insertedIds(results.slice(2, 3)) } : null;
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

// ---------- the customer's side ----------

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
