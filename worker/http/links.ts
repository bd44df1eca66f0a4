/**
 * A customer's secret links (the shared estimate's, the account's): the token's shape, the 404 a
 * dead link answers, and what an account link opens — one set of rules for the account page, its
 * API and the customer's service requests.
 */
import { ERRORS as E } from '../domain/words/errors';
import { both } from '../domain/words/words';
import { sha256Hex } from '../platform/secrets';
import { accountLinkState, openAccountLink, type AccountCustomer, type AccountLinkRow } from '../store/account';
import type { Db } from '../store/db';
import { AppError, notFound } from './errors';

/** A link's secret as it is handed out (base64url of 32 random bytes); anything else is no link. */
export const LINK_TOKEN = /^[A-Za-z0-9_-]{43}$/;

export const linkNotFound = () => notFound(both(E.noSuchLink));

export type DeadReason = 'not_found' | 'expired' | 'revoked';

export function deadError(reason: DeadReason): AppError {
  if (reason === 'expired') return new AppError(404, 'link_expired', both(E.linkExpired));
  if (reason === 'revoked') return new AppError(404, 'link_revoked', both(E.linkRevoked));
  return linkNotFound();
}

export interface OpenedAccount {
  link: AccountLinkRow;
  customer: AccountCustomer;
}

/** The account link's state: live (with its customer), or why not. A deleted customer's links are dead. */
export async function openAccount(db: Db, token: string, count: boolean): Promise<OpenedAccount | DeadReason> {
  if (!LINK_TOKEN.test(token)) return 'not_found';
  const { link, customer } = await openAccountLink(db, await sha256Hex(token), count);
  if (!link || !customer) return 'not_found';
  if (customer.anonymisedAt) return 'revoked';
  const state = accountLinkState(link, new Date().toISOString());
  return state === 'active' ? { link, customer } : state;
}

/** Opens a live account link or throws its 404. */
export async function liveAccount(db: Db, token: string, count = false): Promise<OpenedAccount> {
  const opened = await openAccount(db, token, count);
  if (typeof opened === 'string') throw deadError(opened);
  return opened;
}
