/**
 * Closed accounting months. A month is closed by one batch that writes it (and the earlier open
 * months) as closed; the database refuses any ledger entry dated before the latest closed
 * month's end (migration 0006's trigger), so a closed month's figures cannot move.
 */
import { asc, desc, eq, sql } from 'drizzle-orm';
import { accountingPeriods, ledgerEntries, users } from '../../schema/tables';
import type { ClosedThrough } from '../domain/ledger-entries';
import { PERIOD_LIFECYCLE, type PeriodToClose } from '../domain/periods';
import { randomToken } from '../platform/secrets';
import { batch, changed, raw, type Db } from './db';
import { allowedBy } from './guards';
import { claimInsert, type Claim } from './idempotency';

const closed = sql`${accountingPeriods.status} = ${PERIOD_LIFECYCLE.close.to}`;

/** The latest closed month and its end, or null when none is closed. */
export async function closedThrough(db: Db): Promise<ClosedThrough | null> {
  const [row] = await db
    .select({ month: accountingPeriods.month, endAt: accountingPeriods.endAt })
    .from(accountingPeriods)
    .where(closed)
    .orderBy(desc(accountingPeriods.month))
    .limit(1);
  return row ?? null;
}

/** A closed month's instants as they were when it closed (its report keeps them), or null. */
export async function closedRange(db: Db, month: string): Promise<{ start: string; end: string } | null> {
  const [row] = await db.select().from(accountingPeriods).where(sql`${accountingPeriods.month} = ${month} and ${closed}`);
  return row ? { start: row.startAt, end: row.endAt } : null;
}

/** The instant of the first ledger entry, or null for an empty ledger. */
export async function firstEntryAt(db: Db): Promise<string | null> {
  const [row] = await db.select({ at: sql<string | null>`min(${ledgerEntries.at})` }).from(ledgerEntries);
  return row?.at ?? null;
}

export async function listPeriods(db: Db) {
  return db
    .select({
      month: accountingPeriods.month,
      status: accountingPeriods.status,
      startAt: accountingPeriods.startAt,
      endAt: accountingPeriods.endAt,
      closedAt: accountingPeriods.closedAt,
      closedBy: users.name,
    })
    .from(accountingPeriods)
    .leftJoin(users, eq(users.id, accountingPeriods.closedBy))
    .orderBy(asc(accountingPeriods.month));
}

/**
 * Closes the last month of `months` and, with it, the earlier ones — in one batch, only when the
 * last one was still open: the one request of any crowd that closes it writes, claims its key
 * and answers; the others find it closed. False when it was closed already.
 */
export async function closePeriods(db: Db, months: readonly PeriodToClose[], userId: number, claim: Claim | null): Promise<boolean> {
  const target = months[months.length - 1]!;
  const token = randomToken(12);
  const now = new Date().toISOString();
  const mine = sql`exists (select 1 from accounting_periods where month = ${target.month} and close_token = ${token})`;
  const results = await batch(db, [
    raw(sql`insert into accounting_periods (month, status, start_at, end_at, closed_at, closed_by, close_token)
                values (${target.month}, ${PERIOD_LIFECYCLE.close.to}, ${target.startAt}, ${target.endAt}, ${now}, ${userId}, ${token})
                on conflict (month) do update set status = excluded.status, closed_at = excluded.closed_at, closed_by = excluded.closed_by,
                  close_token = excluded.close_token
                where ${allowedBy(PERIOD_LIFECYCLE, 'close', sql`accounting_periods.status`)}`),
    // The earlier months, closed with it (all at once: one JSON parameter), those closed already left alone.
    raw(sql`insert into accounting_periods (month, status, start_at, end_at, closed_at, closed_by)
                select json_extract(j.value, '$.month'), ${PERIOD_LIFECYCLE.close.to}, json_extract(j.value, '$.startAt'),
                  json_extract(j.value, '$.endAt'), ${now}, ${userId}
                from json_each(${JSON.stringify(months.slice(0, -1))}) j where ${mine}
                on conflict (month) do nothing`),
    ...(claim ? [claimInsert(claim, sql`json_object('month', ${target.month})`, mine)] : []),
  ]);
  return changed(results[0]) > 0;
}
