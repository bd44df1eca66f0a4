/**
 * Links for customers. The token is 256 random bits; only its SHA-256 is stored. A link
 * belongs to a quote's number: it always shows the latest sent revision of it. Opening a
 * link counts the view and reads the quote in one batch; an answer is one guarded batch.
 */
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { customers, notifications, shareLinks } from '../../schema/tables';
import type { QuoteView } from '../domain/quote';
import { QUOTE_LIFECYCLE, type QuoteStatus } from '../domain/quote-lifecycle';
import { randomToken } from '../platform/secrets';
import { batch, changed, int, raw, type BatchItem, type Db } from './db';
import { applied, assemble, auditInsert, byToken, quoteReads, type Actor } from './quotes';
import { insertedIds, outboxInsert } from './outbox';
import { managerOf, managerRead, type Manager } from './quote-parties';
import { quoteMay } from './quote-guards';
import { settingsOrDefault, settingsQuery, type SettingsRow } from './settings';

export type ShareLinkRow = typeof shareLinks.$inferSelect;

/** A new link to the quote's number (its series): it shows the series' latest sent revision. */
export async function createShareLink(db: Db, quoteId: number, tokenHash: string, expiresAt: string, actor: Actor): Promise<ShareLinkRow> {
  const now = new Date().toISOString();
  const [rows] = await batch(db, [
    db
      .insert(shareLinks)
      .values({ quoteId, seriesId: seriesOf(quoteId), tokenHash, createdAt: now, createdBy: actor.userId, expiresAt })
      .returning(),
    auditInsert({ quoteId, action: 'shared', changes: sql`json_object('expiresAt', ${expiresAt})`, actor, at: now, when: sql`1` }),
  ]);
  return rows[0]!;
}

const seriesOf = (quoteId: number) => sql`(select series_id from quotes where id = ${quoteId})`;

/** Withdraws every live link to the quote's number. */
export async function revokeShareLinks(db: Db, quoteId: number, actor: Actor): Promise<number> {
  const now = new Date().toISOString();
  const [result] = await batch(db, [
    raw(sql`update share_links set revoked_at = ${now} where series_id = ${seriesOf(quoteId)} and revoked_at is null`),
    auditInsert({
      quoteId,
      action: 'share_revoked',
      changes: sql`json_object('links', (select count(*) from share_links where series_id = ${seriesOf(quoteId)} and revoked_at = ${now}))`,
      actor,
      at: now,
      when: sql`1`,
    }),
  ]);
  return changed(result);
}

/** Withdraws one link (of the quote's number); false when it is not one of them, or already withdrawn. */
export async function revokeShareLink(db: Db, linkId: number, quoteId?: number, actor?: Actor): Promise<boolean> {
  const now = new Date().toISOString();
  const ofQuote = quoteId === undefined ? sql`1` : sql`series_id = ${seriesOf(quoteId)}`;
  const writes: BatchItem[] = [
    raw(sql`update share_links set revoked_at = ${now} where id = ${linkId} and revoked_at is null and ${ofQuote}`),
  ];
  if (quoteId !== undefined && actor) {
    writes.push(
      auditInsert({
        quoteId,
        action: 'share_revoked',
        changes: sql`json_object('link', ${int(linkId)})`,
        actor,
        at: now,
        when: sql`exists (select 1 from share_links where id = ${linkId} and revoked_at = ${now})`,
      }),
    );
  }
  const [result] = await batch(db, writes);
  return changed(result) > 0;
}

/** A new expiry for a live link of the quote's number; false when it is not one of them or is withdrawn. */
export async function renewShareLink(db: Db, linkId: number, quoteId: number, expiresAt: string, actor: Actor): Promise<boolean> {
  const now = new Date().toISOString();
  const mine = sql`id = ${linkId} and series_id = ${seriesOf(quoteId)} and revoked_at is null`;
  const [, result] = await batch(db, [
    auditInsert({
      quoteId,
      action: 'link_renewed',
      changes: sql`json_object('link', ${int(linkId)}, 'expiresAt', json_array((select expires_at from share_links where ${mine}),
        ${expiresAt}))`,
      actor,
      at: now,
      when: sql`exists (select 1 from share_links where ${mine})`,
    }),
    raw(sql`update share_links set expires_at = ${expiresAt} where ${mine}`),
  ]);
  return changed(result) > 0;
}

/** The links to the quote's number, newest first. */
export async function listShareLinks(db: Db, quoteId: number) {
  return db
    .select()
    .from(shareLinks)
    .where(sql`${shareLinks.seriesId} = ${seriesOf(quoteId)}`)
    .orderBy(desc(shareLinks.id));
}

export type LinkState = 'active' | 'expired' | 'revoked';

export function linkState(link: Pick<ShareLinkRow, 'revokedAt' | 'expiresAt'>, nowIso: string): LinkState {
  if (link.revokedAt) return 'revoked';
  if (link.expiresAt <= nowIso) return 'expired';
  return 'active';
}

export interface OpenedLink {
  link: ShareLinkRow | null;
  quote: QuoteView | null;
  customerLegalName: string;
  settings: SettingsRow;
  /** Who the customer talks to about it (name, phone, e-mail). */
  manager: Manager | null;
}

/** What a link shows: the latest sent revision of its quote's number. */
const linkQuoteId = (tokenHash: string) =>
  sql`(select q.id from quotes q where q.series_id = (select series_id from share_links where token_hash = ${tokenHash})
       and q.sent_at is not null order by q.revision desc limit 1)`;

/**
 * Reads what a link shows, counting the view when the link is live — one round trip.
 * The quote is read even for a dead link, so the page can say kindly why it is closed.
 */
export async function openShareLink(db: Db, tokenHash: string, count: boolean): Promise<OpenedLink> {
  const now = new Date().toISOString();
  const writes: BatchItem[] = count
    ? [
        raw(sql`update share_links set open_count = open_count + 1, first_opened_at = coalesce(first_opened_at, ${now}), last_opened_at =
          ${now}
                   where token_hash = ${tokenHash} and revoked_at is null and expires_at > ${now}`),
      ]
    : [];
  const reads = quoteReads(linkQuoteId(tokenHash));
  const results = await batch(db, [
    ...writes,
    ...reads,
    db.select().from(shareLinks).where(eq(shareLinks.tokenHash, tokenHash)),
    db
      .select({ legalName: customers.legalName })
      .from(customers)
      .where(sql`${customers.id} = (select customer_id from quotes where id = ${linkQuoteId(tokenHash)})`),
    managerRead(linkQuoteId(tokenHash)),
    settingsQuery(db),
  ]);
  const offset = writes.length;
  const quoteResults = results.slice(offset, offset + reads.length);
  const [link] = results[offset + reads.length] as ShareLinkRow[];
  const [customer] = results[offset + reads.length + 1] as { legalName: string }[];
  return {
    link: link ?? null,
    quote: assemble(quoteResults),
    customerLegalName: customer?.legalName ?? '',
    settings: settingsOrDefault(results[offset + reads.length + 3] as SettingsRow[]),
    manager: managerOf(results[offset + reads.length + 2]),
  };
}

export type AnswerKind = 'accepted' | 'declined' | 'changes_requested';

/**
 * The customer's answer, on the revision the link points at, only while it is sent, current
 * and valid, and the link live. Records it in the audit trail with the typed name, IP and
 * user agent, and tells the manager who made the revision.
 */
export interface AnswerInput {
  kind: AnswerKind;
  name: string;
  message: string | null;
  /** The revision the customer saw; an answer on another one is refused (a newer one was sent). */
  revision: number | null;
  today: string;
  actor: Actor;
  terms: string | null;
  /** The manager's e-mail about the answer, written in the same batch. */
  mail: { subject: string; origin: string } | null;
}

export async function answerShared(db: Db, tokenHash: string, a: AnswerInput) {
  const { kind, name, message, today, actor, terms } = a;
  const token = randomToken(12);
  const now = new Date().toISOString();
  const live = sql`exists (select 1 from share_links where token_hash = ${tokenHash} and revoked_at is null and expires_at > ${now})`;
  const writes: BatchItem[] = [
    raw(sql`update quotes set status = ${kind}, answered_at = ${now}, answer_name = ${name}, answer_message = ${message},
                 version = version + 1, write_token = ${token}, updated_at = ${now}
               where id = ${linkQuoteId(tokenHash)} and ${live} and ${quoteMay('answer', today)} and superseded_at is null
                 and ${a.revision === null ? sql`1` : sql`revision = ${a.revision}`}`),
  ];
  if (kind === 'accepted') {
    // Each crowdfunding share in the quote becomes the customer's promised pledge.
    writes.push(
      raw(sql`insert into pledges (project_id, customer_id, norm_hours_centi, status, pledged_on, note, quote_id, quote_line_id, created_at)
                 select l.project_id, q.customer_id, (l.quantity_milli * l.hours_centi * l.k_milli + 500000) / 1000000, 'promised',
                   ${today},
                   'Смета ' || q.number || ', ' || ${name}, q.id, l.id, ${now}
                 from quote_lines l join quotes q on q.id = l.quote_id
                 where q.write_token = ${token} and l.kind = 'project' and l.project_id is not null and l.hours_centi is not null`),
    );
    // An accepted quote is final: a draft revision started meanwhile can never be sent.
    writes.push(
      raw(sql`update quotes set status = ${QUOTE_LIFECYCLE.archive.to}, archived_at = ${now}
                 where series_id = (select series_id from quotes where write_token = ${token}) and status =
                   ${'draft' satisfies QuoteStatus} and ${applied(token)}`),
    );
  }
  writes.push(
    auditInsert({
      quoteId: byToken(token),
      action: kind,
      changes: sql`json_object('name', ${name}, 'message', ${message}, 'terms', ${terms})`,
      actor,
      at: now,
      when: applied(token),
    }),
    raw(sql`insert into notifications (user_id, quote_id, kind, message, created_at)
               select u.id, q.id, ${kind}, ${`${name}: ${message ?? ''}`.slice(0, 500)}, ${now}
               from quotes q join users u on u.active = 1
                 and (u.id = q.created_by or (q.created_by is null and u.role in ('manager', 'admin')))
               where q.write_token = ${token}`),
  );
  if (a.mail) {
    // To the manager who sent this revision (the audit trail knows who), if they have an address.
    const sender = sql`(select json_array(u.email) from audit_log l join users u on u.id = l.actor_user_id
                        where l.quote_id = (select id from quotes where write_token = ${token}) and l.action = 'sent' and u.active = 1 and
                          u.email <> ''
                        order by l.id desc limit 1)`;
    writes.push(
      outboxInsert(
        {
          kind: 'quote_answered',
          to: sender,
          lang: 'ru',
          subject: a.mail.subject,
          payload: sql`json_object('quoteId', (select id from quotes where write_token = ${token}), 'kind', ${kind}, 'name', ${name},
                         'message', ${message}, 'at', ${now}, 'origin', ${a.mail.origin})`,
          createdBy: null,
        },
        applied(token),
      ),
    );
  }
  const results = await batch(db, [...writes, ...quoteReads(linkQuoteId(tokenHash))]);
  return {
    applied: changed(results[0]) > 0,
    quote: assemble(results.slice(writes.length)),
    mailIds: insertedIds(results.slice(0, writes.length)),
  };
}

// ---------- notifications ----------

export async function listNotifications(db: Db, userId: number) {
  return db.select().from(notifications).where(eq(notifications.userId, userId)).orderBy(desc(notifications.id)).limit(50);
}

export async function markNotificationsRead(db: Db, userId: number, ids: number[] | null) {
  const now = new Date().toISOString();
  const base = and(eq(notifications.userId, userId), isNull(notifications.readAt));
  await db
    .update(notifications)
    .set({ readAt: now })
    .where(ids ? and(base, sql`${notifications.id} in ${ids}`) : base);
}
