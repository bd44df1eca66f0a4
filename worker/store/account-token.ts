/**
 * Which customer an account link's token opens (issue 18). A STAND-IN until the account link
 * (built on another branch: POST /api/customers/:id/account-link) is merged: it reads the minimal
 * `account_links` table of schema/tables/requests.ts by the token's SHA-256, live links only
 * (not revoked, not expired). At the merge this function keeps its signature and reads the
 * account branch's table instead; the request routes only ever call this.
 */
import { sql } from 'drizzle-orm';
import { sha256Hex } from '../platform/secrets';
import type { Db } from './db';

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export async function accountByToken(db: Db, token: string): Promise<{ customerId: number } | null> {
  if (!TOKEN.test(token)) return null;
  const hash = await sha256Hex(token);
  const now = new Date().toISOString();
  const row = await db.get<{ customer_id: number }>(
    sql`select customer_id from account_links where token_hash = ${hash} and revoked_at is null and expires_at > ${now} limit 1`,
  );
  return row ? { customerId: row.customer_id } : null;
}
