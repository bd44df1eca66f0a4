/** Login, logout, who am I. */
import { z } from '@hono/zod-openapi';
import { ErrorBody, LoginBody, Me } from '../../schema/api';
import { STAFF, clearSessionCookie, clientIp, currentUser, forgetSession, setSessionCookie, SESSION_TTL_MS } from '../http/auth';
import { AppError } from '../http/errors';
import { rateLimit } from '../http/rate-limit';
import { jsonBody, jsonResponse as json, publicRoute, router, staffRoute } from '../http/route';
import { DUMMY_PASSWORD_HASH, randomToken, sha256Hex, verifyPassword } from '../platform/secrets';
import {
  MAX_FAILURES_PER_EMAIL,
  MAX_FAILURES_PER_IP,
  createSession,
  deleteSession,
  findUserForLogin,
  releaseAttempt,
  takeAttempt,
} from '../store/users';
import { ERRORS as E } from '../domain/words/errors';
import { both } from '../domain/words/words';

export const auth = router()
  .openapi(
    publicRoute({
      method: 'post',
      path: '/login',
      tags: ['auth'],
      summary: 'Log in; sets an HttpOnly session cookie',
      middleware: [rateLimit('LOGIN_LIMITER')],
      request: { body: jsonBody(LoginBody) },
      responses: {
        200: json(Me, 'logged in'),
        401: json(ErrorBody, 'bad credentials'),
        429: json(ErrorBody, 'too many failures (too_many_attempts) or requests from this address (too_many_requests)'),
      },
    }),
    async (c) => {
      const { email, password } = c.req.valid('json');
      const db = c.var.db;
      const now = Date.now();
      const emailKey = `email:${email.toLowerCase()}`;
      const ipKey = `ip:${clientIp(c) ?? 'unknown'}`;
      const locked = await takeAttempt(
        db,
        [
          { key: emailKey, max: MAX_FAILURES_PER_EMAIL },
          { key: ipKey, max: MAX_FAILURES_PER_IP },
        ],
        now,
      );
      if (locked !== null) {
        const seconds = Math.ceil((locked - now) / 1000);
        throw new AppError(
          429,
          'too_many_attempts',
          both(E.tooManyLogins, { minutes: Math.ceil(seconds / 60) }),
          { retryAfterSeconds: seconds },
          { 'Retry-After': String(seconds) },
        );
      }
      const user = await findUserForLogin(db, email);
      const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_PASSWORD_HASH);
      if (!user || !ok || !user.active) {
        // The attempt taken above stays counted: it was a failure.
        throw new AppError(401, 'invalid_credentials', both(E.invalidCredentials));
      }
      await releaseAttempt(db, emailKey, ipKey);
      const token = randomToken();
      await createSession(db, {
        id: await sha256Hex(token),
        userId: user.id,
        expiresAt: new Date(now + SESSION_TTL_MS).toISOString(),
        ip: clientIp(c),
        userAgent: c.req.header('user-agent')?.slice(0, 300) ?? null,
      });
      setSessionCookie(c, token);
      return c.json({ id: user.id, email: user.email, name: user.name, role: user.role }, 200);
    },
  )
  .openapi(
    staffRoute(STAFF, {
      method: 'post',
      path: '/logout',
      tags: ['auth'],
      summary: 'End the session',
      responses: { 200: json(z.object({ ok: z.literal(true) }), 'logged out') },
    }),
    async (c) => {
      const id = c.var.sessionId;
      if (id) {
        forgetSession(id);
        await deleteSession(c.var.db, id);
      }
      clearSessionCookie(c);
      return c.json({ ok: true as const }, 200);
    },
  );

export const me = router().openapi(
  staffRoute(STAFF, {
    method: 'get',
    path: '/',
    tags: ['auth'],
    summary: 'The logged-in user',
    responses: { 200: json(Me, 'the user'), 401: json(ErrorBody, 'not logged in') },
  }),
  (c) => c.json(currentUser(c), 200),
);
