/**
 * Staff sessions, roles and CSRF.
 * - The cookie holds a 256-bit random token; D1 holds only its SHA-256.
 * - A session is looked up at most every SESSION_CACHE_MS per isolate: the API's reads
 *   then cost one D1 round trip, not two. Logout clears the entry here at once; another
 *   isolate may honour a revoked session for at most that long (README, Security).
 * - A state-changing request that carries the cookie must come from our own origin.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie, deleteCookie } from 'hono/cookie';
import type { Lang } from '../domain/format';
import type { Db } from '../store/db';
import type { Claim } from '../store/idempotency';
import type { Actor } from '../store/quotes';
import { findSession, type Role, type StaffUser } from '../store/users';
import { AppError } from './errors';
import { sha256Hex } from '../platform/secrets';
import { ERRORS as E } from '../domain/words/errors';
import { both } from '../domain/words/words';

export type AppEnv = {
  Bindings: Env;
  Variables: { db: Db; user: StaffUser | null; sessionId: string | null; lang: Lang; claim: Claim | null };
};
export type AppContext = Context<AppEnv>;

export const SESSION_COOKIE = 'nh_session';
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
export const SESSION_CACHE_MS = 30_000;
const SESSION_CACHE_MAX = 2_000;

interface CachedSession {
  user: StaffUser | null;
  expiresAt: number;
  fetchedAt: number;
}
const sessionCache = new Map<string, CachedSession>();

export function forgetSession(sessionId: string) {
  sessionCache.delete(sessionId);
}

/** Drops every cached session of a user (role change, deactivation, new password). */
export function forgetUserSessions(userId: number) {
  for (const [id, entry] of sessionCache) if (entry.user?.id === userId) sessionCache.delete(id);
}

async function resolveSession(db: Db, token: string): Promise<{ id: string; user: StaffUser | null }> {
  const id = await sha256Hex(token);
  const now = Date.now();
  const cached = sessionCache.get(id);
  if (cached && now - cached.fetchedAt < SESSION_CACHE_MS && (cached.user === null || cached.expiresAt > now)) {
    return { id, user: cached.user };
  }
  const row = await findSession(db, id, new Date(now).toISOString());
  const user = row ? { id: row.id, email: row.email, name: row.name, role: row.role } : null;
  if (sessionCache.size >= SESSION_CACHE_MAX) sessionCache.clear();
  sessionCache.set(id, { user, expiresAt: row ? Date.parse(row.expiresAt) : 0, fetchedAt: now });
  return { id, user };
}

/** Attaches `user` (or null) from the session cookie; never refuses by itself. */
export const sessionMiddleware: MiddlewareHandler<AppEnv> = async (c, next) => {
  const token = getCookie(c, SESSION_COOKIE);
  c.set('user', null);
  c.set('sessionId', null);
  if (token && token.length >= 32 && token.length <= 128) {
    const { id, user } = await resolveSession(c.var.db, token);
    c.set('user', user);
    c.set('sessionId', user ? id : null);
  }
  await next();
};

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The app's own origin: APP_ORIGIN when set (a proxy in front), else the request's. */
export function appOrigin(c: Context): string {
  const configured = (c.env as { APP_ORIGIN?: string } | undefined)?.APP_ORIGIN;
  return configured || new URL(c.req.url).origin;
}

/**
 * CSRF: a state-changing request that carries a session cookie must name our origin in
 * `Origin`. Browsers always send it on such requests; scripts add it.
 */
export const csrfMiddleware: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!SAFE_METHODS.has(c.req.method)) {
    const origin = c.req.header('origin');
    const hasCookie = getCookie(c, SESSION_COOKIE) !== undefined;
    // A form posted from one of our own pages under `Referrer-Policy: no-referrer` (the
    // customer's page) carries `Origin: null`; the browser's Sec-Fetch-Site, which no page
    // script can set, then says whether it came from our own origin.
    const sameOriginNavigation = origin === 'null' && c.req.header('sec-fetch-site') === 'same-origin';
    if ((hasCookie || origin !== undefined) && origin !== appOrigin(c) && !sameOriginNavigation) {
      throw new AppError(403, 'csrf_rejected', both(E.csrfRejected));
    }
  }
  await next();
};

export const notLoggedIn = () => new AppError(401, 'unauthenticated', both(E.unauthenticated));

export function forbidden(roles: readonly Role[]) {
  return new AppError(403, 'forbidden', both(E.forbidden, { roles: roles.join(', ') }), { allowedRoles: roles });
}

export const STAFF: readonly Role[] = ['admin', 'manager', 'accountant'];
/** Who sells: quotes, links, orders, crowdfunding projects. */
export const SALES = ['manager', 'admin'] as const;
/** Who keeps the books: top-ups, corrections, credit, closed months. */
export const BOOKKEEPERS = ['accountant', 'admin'] as const;

/** Route guard: 401 without a session, 403 for a role not in the list. */
export function requireRoles(roles: readonly Role[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const user = c.var.user;
    if (!user) throw notLoggedIn();
    if (!roles.includes(user.role)) throw forbidden(roles);
    await next();
  };
}

export function currentUser(c: AppContext): StaffUser {
  const user = c.var.user;
  if (!user) throw notLoggedIn();
  return user;
}

export function isLocalhost(c: Context): boolean {
  const host = new URL(c.req.url).hostname;
  return host === 'localhost' || host === '127.0.0.1' || host === '[::1]';
}

export function setSessionCookie(c: Context, token: string) {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    secure: !isLocalhost(c),
    sameSite: 'Lax',
    path: '/',
    maxAge: Math.floor(SESSION_TTL_MS / 1000),
  });
}

export function clearSessionCookie(c: Context) {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: !isLocalhost(c), httpOnly: true, sameSite: 'Lax' });
}

export function clientIp(c: Context): string | null {
  return c.req.header('cf-connecting-ip') ?? c.req.header('x-real-ip') ?? null;
}

/** The logged-in user as the audit trail records them. */
export function actorOf(c: AppContext): Actor {
  const user = currentUser(c);
  return { kind: 'user', userId: user.id, name: user.name, ip: clientIp(c), userAgent: c.req.header('user-agent')?.slice(0, 300) ?? null };
}
