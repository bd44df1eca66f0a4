/**
 * Which customer an account link's token opens, for routes that only need the customer (the
 * service requests): the same link rules as the account page (worker/routes/account/view.ts) —
 * a live link (not revoked, not expired) of a customer whose data was not deleted.
 */
import { sha256Hex } from '../platform/secrets';
import { accountLinkState, openAccountLink } from './account';
import type { Db } from './db';

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export async function accountByToken(db: Db, token: string): Promise<{ customerId: number } | null> {
  if (!TOKEN.test(token)) return null;
  const { link, customer } = await openAccountLink(db, await sha256Hex(token), false);
  if (!link || !customer || customer.anonymisedAt) return null;
  if (accountLinkState(link, new Date().toISOString()) !== 'active') return null;
  return { customerId: customer.id };
}
