/**
 * Idempotency keys of money-writing requests. A key is *claimed* by an INSERT that runs in the
 * same batch as the write it guards and only when that write applies, carrying `result`: what
 * the write did, as JSON built in SQL at that moment (the entry id, the balance after it…). The
 * primary key (scope, key) makes a second claim impossible, so of any number of requests with
 * one key, exactly one writes. The answer's bytes are stored right after; until then (a twin
 * still on its way, or an answer lost with its connection) the answer is rebuilt from `result`.
 */
import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { idempotencyKeys } from '../../schema/tables';
import { raw, type BatchItem, type Db } from './db';

export interface Claim {
  scope: string;
  key: string;
  requestHash: string;
}

export interface ClaimedRow {
  requestHash: string;
  result: Record<string, unknown>;
  statusCode: number | null;
  body: string | null;
}

/** The claim, as a statement for the write's own batch: inserted only when `when` holds. */
export function claimInsert(claim: Claim, result: SQL, when: SQL): BatchItem {
  return raw(
    sql`insert into idempotency_keys (scope, key, request_hash, result, created_at)
        select ${claim.scope}, ${claim.key}, ${claim.requestHash}, ${result}, ${new Date().toISOString()}
        where ${when}`,
  );
}

export async function findClaim(db: Db, scope: string, key: string): Promise<ClaimedRow | null> {
  const [row] = await db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)));
  if (!row) return null;
  return {
    requestHash: row.requestHash,
    result: JSON.parse(row.result) as Record<string, unknown>,
    statusCode: row.statusCode,
    body: row.body,
  };
}

/** Stores the first answer given for a claimed key; later retries get these very bytes. */
export async function storeAnswer(db: Db, scope: string, key: string, statusCode: number, body: string): Promise<void> {
  await db
    .update(idempotencyKeys)
    .set({ statusCode, body })
    .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key), isNull(idempotencyKeys.body)));
}
