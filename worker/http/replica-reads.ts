/**
 * Reads near the customer: the customer's link (its page and its API) runs its queries in a D1
 * session (Sessions API), so that with read replication on they may be answered by a replica
 * close to the customer. Read-your-writes for the same client: the answer carries the session's
 * bookmark (header `X-D1-Bookmark` and an HttpOnly cookie), and the next request of that client
 * starts from it, so an accepted quote never reads back as unanswered. Staff routes keep the
 * plain binding: every staff query goes to the primary.
 */
import type { MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { database } from '../store/db';
import { isLocalhost, type AppEnv } from './auth';

export const BOOKMARK_HEADER = 'X-D1-Bookmark';
export const BOOKMARK_COOKIE = 'nh_d1';
/** D1's bookmarks: four hex groups. Anything else from a client is ignored, never passed on. */
const BOOKMARK = /^[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{32}$/;
/** How long a client's bookmark is worth keeping: past that, any replica has caught up. */
const BOOKMARK_MAX_AGE_S = 3600;

export function clientBookmark(value: string | undefined | null): string | null {
  return value && BOOKMARK.test(value) ? value : null;
}

export const replicaReads: MiddlewareHandler<AppEnv> = async (c, next) => {
  const bookmark = clientBookmark(c.req.header(BOOKMARK_HEADER)) ?? clientBookmark(getCookie(c, BOOKMARK_COOKIE));
  const session = c.env.DB.withSession(bookmark ?? 'first-unconstrained');
  c.set('db', database(session));
  await next();
  const latest = session.getBookmark();
  if (latest && BOOKMARK.test(latest)) {
    c.res.headers.set(BOOKMARK_HEADER, latest);
    setCookie(c, BOOKMARK_COOKIE, latest, {
      httpOnly: true,
      secure: !isLocalhost(c),
      sameSite: 'Lax',
      path: '/',
      maxAge: BOOKMARK_MAX_AGE_S,
    });
  }
};
