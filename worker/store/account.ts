/**
 * The customer's account: its links (256 random bits, only the SHA-256 kept, like quote links in
 * store/shares.ts), what the account page reads (one batch), stages staff mark ready, the
 * end-of-service list and the confirmed deletion (anonymisation; the ledger stays whole).
 */
import { and, asc, desc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { accountLinks, customers, ledgerEntries, quotes } from '../../schema/tables';
import { ORDER_LIFECYCLE, STAGE_LIFECYCLE } from '../domain/order-lifecycle';
import { quoteMay } from './quote-guards';
import { getSettings } from './settings';
import { addDays, localDate } from '../domain/calendar';
import { DATA_WINDOW_DAYS } from '../domain/account';
import { batch, changed, int, raw, type BatchItem, type Db } from './db';
import { allowedBy, inStates } from './guards';
import { insertedIds, outboxInsert, type NewMail } from './outbox';
import type { OrderView, StageView } from './orders';
import { auditInsert, type Actor } from './quotes';
import { OPEN_ORDER_STATUSES } from '../domain/order-lifecycle';
import type { OutboxStatus } from '../domain/enums';

export type AccountLinkRow = typeof accountLinks.$inferSelect;
export type AccountCustomer = typeof customers.$inferSelect;

/**
 * A new link to the customer's account; with `mail`, the e-mail that tells the customer is written
 * in the same batch (it carries no token: the delivery makes the customer's own link as it leaves).
 */
export async function createAccountLink(
  db: Db,
  customerId: number,
  tokenHash: string,
  expiresAt: string,
  createdBy: number | null,
  mail: NewMail | null,
) {
  const now = new Date().toISOString();
  const writes: BatchItem[] = [db.insert(accountLinks).values({ customerId, tokenHash, createdAt: now, createdBy, expiresAt }).returning()];
  if (mail) writes.push(outboxInsert(mail));
  const results = await batch(db, writes);
  const [link] = results[0] as AccountLinkRow[];
  return { link: link!, mailIds: insertedIds(results.slice(1)) };
}

/** Withdraws every live link to the customer's account; answers how many. */
export async function revokeAccountLinks(db: Db, customerId: number): Promise<number> {
  const now = new Date().toISOString();
  const [result] = await batch(db, [
    raw(sql`update account_links set revoked_at = ${now} where customer_id = ${customerId} and revoked_at is null and expires_at > ${now}`),
  ]);
  return changed(result);
}

/** Withdraws one link (the e-mail that made it did not leave). */
export async function revokeAccountLink(db: Db, linkId: number): Promise<void> {
  await db
    .update(accountLinks)
    .set({ revokedAt: new Date().toISOString() })
    .where(and(eq(accountLinks.id, linkId), isNull(accountLinks.revokedAt)));
}

export async function listAccountLinks(db: Db, customerId: number) {
  return db.select().from(accountLinks).where(eq(accountLinks.customerId, customerId)).orderBy(desc(accountLinks.id));
}

export type AccountLinkState = 'active' | 'expired' | 'revoked';

export function accountLinkState(l: Pick<AccountLinkRow, 'revokedAt' | 'expiresAt'>, nowIso: string): AccountLinkState {
  if (l.revokedAt) return 'revoked';
  return l.expiresAt <= nowIso ? 'expired' : 'active';
}

/** The link and its customer, counting the view when the link is live — one round trip. */
export async function openAccountLink(db: Db, tokenHash: string, count: boolean) {
  const now = new Date().toISOString();
  const writes: BatchItem[] = count
    ? [
        raw(sql`update account_links set open_count = open_count + 1, first_opened_at = coalesce(first_opened_at, ${now}), last_opened_at =
          ${now}
                    where token_hash = ${tokenHash} and revoked_at is null and expires_at > ${now}`),
      ]
    : [];
  const results = await batch(db, [
    ...writes,
    db.select().from(accountLinks).where(eq(accountLinks.tokenHash, tokenHash)),
    db.select().from(customers).where(sql`${customers.id} = (select customer_id from account_links where token_hash = ${tokenHash})`),
  ]);
  const [link] = results[writes.length] as AccountLinkRow[];
  const [customer] = results[writes.length + 1] as AccountCustomer[];
  return { link: link ?? null, customer: customer ?? null };
}

/** An order still waiting in the queue: it has not started. */
const waiting = (column: SQL) => allowedBy(ORDER_LIFECYCLE, 'start', column);

/** What the account page reads besides the orders: open quotes, the ledger, the queue ahead of each waiting order. */
export async function accountReads(db: Db, customerId: number, today: string) {
  const [openQuotes, entries, positions] = await batch(db, [
    db
      .select({
        id: quotes.id,
        number: quotes.number,
        title: quotes.title,
        revision: quotes.revision,
        status: quotes.status,
        validUntil: quotes.validUntil,
        sentAt: quotes.sentAt,
        currency: quotes.currency,
      })
      .from(quotes)
      .where(
        sql`${quotes.customerId} = ${customerId} and ${quotes.sentAt} is not null and ${quotes.supersededAt} is null and
          ${quoteMay('answer', today)}`,
      )
      .orderBy(desc(quotes.sentAt)),
    db
      .select({
        id: ledgerEntries.id,
        kind: ledgerEntries.kind,
        normHoursCenti: ledgerEntries.normHoursCenti,
        totalMinor: ledgerEntries.totalMinor,
        memo: ledgerEntries.memo,
        at: ledgerEntries.at,
      })
      .from(ledgerEntries)
      .where(eq(ledgerEntries.customerId, customerId))
      .orderBy(asc(ledgerEntries.at), asc(ledgerEntries.id)),
    // The FIFO queue is the company's: a waiting order's place among all orders not started yet.
    raw(sql`select o.id as id, (select count(*) from orders p where ${waiting(sql`p.status`)} and (p.approved_at < o.approved_at or
      (p.approved_at = o.approved_at and p.id < o.id))) + 1 as position
                from orders o where o.customer_id = ${customerId} and ${waiting(sql`o.status`)}`),
  ]);
  const queue = new Map(((positions as D1Result<{ id: number; position: number }>).results ?? []).map((r) => [r.id, r.position]));
  return { openQuotes, entries, queue };
}

/** Whether the quote is the customer's and was sent (a link to it may be made for their account). */
export async function customerSentQuote(db: Db, customerId: number, quoteId: number) {
  const [row] = await db
    .select({ id: quotes.id })
    .from(quotes)
    .where(and(eq(quotes.id, quoteId), eq(quotes.customerId, customerId), sql`${quotes.sentAt} is not null`));
  return row ?? null;
}

/**
 * Staff mark a stage «готов к приёмке»: only a pending stage of an order still open, once; the
 * audit row and the customer's e-mail are written in the same batch, only if it changed.
 */
export async function markStageReady(db: Db, order: OrderView, stage: StageView, actor: Actor, mail: NewMail | null) {
  const now = new Date().toISOString();
  const mine = sql`exists (select 1 from order_stages where id = ${stage.id} and ready_at = ${now} and ready_by is ${actor.userId})`;
  const writes: BatchItem[] = [
    raw(sql`update order_stages set ready_at = ${now}, ready_by = ${actor.userId}
                where id = ${stage.id} and ready_at is null and ${allowedBy(STAGE_LIFECYCLE, 'accept', sql`status`)}
                  and exists (select 1 from orders where id = ${order.id} and ${inStates(sql`status`, OPEN_ORDER_STATUSES)})`),
    auditInsert({
      quoteId: order.quoteId,
      action: 'stage_ready',
      changes: sql`json_object('order', ${order.number}, 'stage', ${int(stage.n)}, 'title', ${stage.title})`,
      actor,
      at: now,
      when: mine,
    }),
  ];
  if (mail) writes.push(outboxInsert(mail, mine));
  const results = await batch(db, writes);
  return { marked: changed(results[0]) > 0, mailIds: insertedIds(results.slice(2)) };
}

// ---------- end of service ----------

/** The Cron: customers whose 30-day window after the end of service ended are listed for an admin; nothing is deleted. */
export async function listEndedService(db: Db, now: Date): Promise<number> {
  const settings = await getSettings(db);
  return listDueDeletions(db, addDays(localDate(now.getTime(), settings.timeZone), -DATA_WINDOW_DAYS));
}

/** Customers whose service ended before `lastKeptDay` (today − 30 days) are listed; nothing is deleted. */
export async function listDueDeletions(db: Db, lastKeptDay: string): Promise<number> {
  const [result] = await batch(db, [
    raw(sql`update customers set deletion_due_at = ${new Date().toISOString()}
                where service_ends_on is not null and service_ends_on < ${lastKeptDay} and deletion_due_at is null and anonymised_at is
                  null`),
  ]);
  return changed(result);
}

export async function dueDeletions(db: Db) {
  return db
    .select({
      id: customers.id,
      name: customers.name,
      serviceEndsOn: customers.serviceEndsOn,
      deletionDueAt: customers.deletionDueAt,
      balanceCenti: customers.balanceCenti,
    })
    .from(customers)
    .where(sql`${customers.deletionDueAt} is not null and ${customers.anonymisedAt} is null`)
    .orderBy(asc(customers.serviceEndsOn), asc(customers.id));
}

/**
 * An admin confirmed the deletion: the customer's details are replaced by a neutral name, their
 * links withdrawn; what they wrote and left (names and IP addresses in the audit trail, request
 * texts, their e-mail address in the outbox, answer names) is erased; the ledger (and so every
 * total and report) stays as it was — entries are never changed. Only a listed customer whose
 * window ended; one batch. The audit trail's trigger (migration 0009) lets exactly this erasure
 * through, and only for an anonymised customer's rows.
 */
export async function anonymiseCustomer(db: Db, customerId: number, lastKeptDay: string, label: string): Promise<boolean> {
  const now = new Date().toISOString();
  const due = sql`exists (select 1 from customers where id = ${customerId} and anonymised_at is null and deletion_due_at is not null
                   and service_ends_on is not null and service_ends_on < ${lastKeptDay})`;
  const gone = sql`exists (select 1 from customers where id = ${customerId} and anonymised_at = ${now})`;
  const theirQuotes = sql`(select id from quotes where customer_id = ${customerId})`;
  const customerWrite =
    raw(sql`update customers set name = ${label}, legal_name = '', tax_id = '', email = '', phone = '', contact_name = '', address = '',
                  notes = '', search_text = ${label.toLowerCase()}, anonymised_at = ${now}, version = version + 1
                where id = ${customerId} and anonymised_at is null and deletion_due_at is not null and service_ends_on is not null and
                  service_ends_on < ${lastKeptDay}`);
  // Mail not sent yet (bound, as the outbox's own rules are: no status literal in SQL).
  const unsent = inStates(sql`status`, ['queued', 'sending'] satisfies OutboxStatus[]);
  const writes: BatchItem[] = [
    raw(sql`update account_links set revoked_at = ${now} where customer_id = ${customerId} and revoked_at is null and ${due}`),
    raw(
      sql`update share_links set revoked_at = ${now} where revoked_at is null and series_id in (select id from quote_series where
        customer_id = ${customerId}) and ${due}`,
    ),
    // Mail to their address: forgotten, and what waits is not sent any more (before the address itself is erased).
    raw(sql`update outbox set to_json = '[]', payload = '{}', status = case when ${unsent} then ${'failed' satisfies OutboxStatus} else
      status end,
                  error = case when ${unsent} then 'customer data deleted' else error end
                where ${due} and exists (select 1 from json_each(outbox.to_json) t, customers c where c.id = ${customerId} and c.email <> ''
                  and lower(t.value) = lower(c.email))`),
    // Staff mail about them names them in its subject.
    raw(sql`update outbox set subject = replace(subject, (select name from customers where id = ${customerId}), ${label})
                where ${due} and instr(subject, (select name from customers where id = ${customerId})) > 0`),
    customerWrite,
    raw(sql`update quotes set answer_name = case when answer_name is null then null else '—' end, customer_note = '', internal_note = ''
                where customer_id = ${customerId} and ${gone}`),
    raw(sql`update notifications set message = ${label} where quote_id in ${theirQuotes} and ${gone}`),
    raw(sql`update audit_log set actor_name = '—', ip = null, user_agent = null, changes = json_remove(changes, '$.name', '$.message')
                where actor_kind = 'customer' and quote_id in ${theirQuotes} and ${gone}`),
    raw(sql`update service_requests set description = '', ip = null where customer_id = ${customerId} and ${gone}`),
    raw(sql`update request_comments set author_name = '—', body = '' where author = 'customer'
                and request_id in (select id from service_requests where customer_id = ${customerId}) and ${gone}`),
  ];
  const results = await batch(db, writes);
  return changed(results[writes.indexOf(customerWrite)]) > 0;
}
