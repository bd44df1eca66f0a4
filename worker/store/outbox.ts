/**
 * The outbox (schema/tables.ts): e-mails written in the batch of the change that causes them,
 * delivered by the queue consumer at most once. A row is claimed (queued → sending) by one
 * UPDATE before it is sent; whatever happens next, nobody else claims it again unless an
 * admin puts a failed one back in the queue.
 */
import { desc, eq, isSQLWrapper, sql, type SQL } from 'drizzle-orm';
import { outbox } from '../../schema/tables';
import type { MailKind, OutboxStatus } from '../domain/enums';
import type { Lang } from '../domain/format';
import { batch, changed, raw, type BatchItem, type Db } from './db';

export type OutboxRow = typeof outbox.$inferSelect;

export interface NewMail {
  kind: MailKind;
  /** Addresses, or SQL giving a JSON array of them (the manager who sent a quote…). */
  to: string[] | SQL;
  lang: Lang;
  subject: string;
  /** What the message is about (ids, a note); SQL when it names what the same batch writes. */
  payload: Record<string, unknown> | SQL;
  /** A message that must go out once only (a reminder per revision). */
  dedupeKey?: string;
  createdBy: number | null;
}

/** The statement that writes the message in a change's own batch, only when `when` holds; returns its id. */
export function outboxInsert(m: NewMail, when: SQL = sql`1`): BatchItem {
  const now = new Date().toISOString();
  return raw(
    sql`insert into outbox (kind, to_json, lang, subject, payload, status, attempts, dedupe_key, created_at, created_by, next_attempt_at)
        select ${m.kind}, ${Array.isArray(m.to) ? JSON.stringify(m.to) : m.to}, ${m.lang}, ${m.subject},
          ${isSQLWrapper(m.payload) ? m.payload : JSON.stringify(m.payload)}, ${'queued' satisfies OutboxStatus}, 0,
          ${m.dedupeKey ?? null}, ${now}, ${m.createdBy}, ${now}
        where ${when} ${Array.isArray(m.to) ? sql`` : sql`and (${m.to}) is not null`} ${
          m.dedupeKey
            ? sql`and not exists (select 1 from
          outbox where dedupe_key = ${m.dedupeKey})`
            : sql``
        }
        returning id`,
  );
}

/** The ids the batch's `outboxInsert` statements wrote. */
export function insertedIds(results: readonly unknown[]): number[] {
  return results.flatMap((r) =>
    ((r as D1Result<{ id?: number }>).results ?? []).map((x) => x.id).filter((id): id is number => typeof id === 'number'),
  );
}

/** Writes messages on their own (a reminder, a notification), answering their ids. */
export async function writeMails(db: Db, mails: NewMail[]): Promise<number[]> {
  if (mails.length === 0) return [];
  return insertedIds(
    await batch(
      db,
      mails.map((m) => outboxInsert(m)),
    ),
  );
}

/** Takes a queued row for delivery; null when it is not queued (sent, failed, or another consumer has it). */
export async function claimMail(db: Db, id: number): Promise<OutboxRow | null> {
  const now = new Date().toISOString();
  const [row] = await db
    .update(outbox)
    .set({ status: 'sending', attempts: sql`${outbox.attempts} + 1`, claimedAt: now })
    .where(sql`${outbox.id} = ${id} and ${outbox.status} = ${'queued' satisfies OutboxStatus}`)
    .returning();
  return row ?? null;
}

export async function markSent(db: Db, id: number, messageId: string): Promise<void> {
  await db
    .update(outbox)
    .set({ status: 'sent', sentAt: new Date().toISOString(), messageId, error: null })
    .where(sql`${outbox.id} = ${id} and ${outbox.status} = ${'sending' satisfies OutboxStatus}`);
}

/** A failed attempt: back to the queue after `retryInMs`, or failed for good after the last attempt. */
export async function markAttemptFailed(db: Db, id: number, error: string, finalAttempt: boolean, retryInMs: number): Promise<void> {
  await db
    .update(outbox)
    .set({
      status: finalAttempt ? 'failed' : 'queued',
      error: error.slice(0, 1000),
      nextAttemptAt: new Date(Date.now() + retryInMs).toISOString(),
    })
    .where(sql`${outbox.id} = ${id} and ${outbox.status} = ${'sending' satisfies OutboxStatus}`);
}

export async function listOutbox(db: Db, limit = 200) {
  return db.select().from(outbox).orderBy(desc(outbox.id)).limit(limit);
}

export async function findMail(db: Db, id: number): Promise<OutboxRow | null> {
  return (await db.select().from(outbox).where(eq(outbox.id, id)))[0] ?? null;
}

/** An admin sends a failed message again: queued, with its attempts counted anew. */
export async function requeueFailed(db: Db, id: number): Promise<boolean> {
  const [result] = await batch(db, [
    raw(sql`update outbox set status = ${'queued' satisfies OutboxStatus}, attempts = 0, error = null, next_attempt_at =
      ${new Date().toISOString()}
                where id = ${id} and status = ${'failed' satisfies OutboxStatus}`),
  ]);
  return changed(result) > 0;
}

/**
 * The sweep (cron): rows whose queue message was lost (queued and due for a while) are sent
 * to the queue again; rows whose delivery was interrupted (sending for too long) fail visibly
 * — they may or may not have left, so they are not sent twice behind anyone's back.
 */
export async function sweepOutbox(db: Db, now: Date, lostAfterMs: number, stuckAfterMs: number, interrupted: string): Promise<number[]> {
  const due = new Date(now.getTime() - lostAfterMs).toISOString();
  const stuck = new Date(now.getTime() - stuckAfterMs).toISOString();
  const [, lost] = await batch(db, [
    raw(sql`update outbox set status = ${'failed' satisfies OutboxStatus}, error = ${interrupted}
                where status = ${'sending' satisfies OutboxStatus} and claimed_at < ${stuck}`),
    db
      .select({ id: outbox.id })
      .from(outbox)
      .where(sql`${outbox.status} = ${'queued' satisfies OutboxStatus} and ${outbox.nextAttemptAt} <= ${due}`)
      .limit(500),
  ]);
  return (lost as { id: number }[]).map((r) => r.id);
}
