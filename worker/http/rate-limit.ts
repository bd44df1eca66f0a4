/**
 * Per-address throttling of the routes anyone can call (the customer's link, the login), through
 * the Workers Rate Limiting binding: counted across the Worker's isolates in each Cloudflare
 * location (a client reaching two locations has two counters), simulated by `wrangler dev` and
 * the tests. Limits and periods live in wrangler.toml ([[ratelimits]]); the period there is the
 * `Retry-After` the client is told, since the binding does not say when its window ends. The links'
 * other protection is here too: their answers are never cached, indexed or referred.
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './auth';
import { clientIp } from './auth';
import { AppError } from './errors';
import { ERRORS as E } from '../domain/words/errors';
import { both } from '../domain/words/words';

/** The Rate Limiting bindings and the period (seconds) each is declared with in wrangler.toml. */
export const LIMITERS = {
  SHARED_VIEW_LIMITER: 60,
  SHARED_ANSWER_LIMITER: 60,
  SHARED_EXPORT_LIMITER: 60,
  LOGIN_LIMITER: 60,
  REQUEST_LIMITER: 60,
} as const satisfies Partial<Record<keyof Env, 10 | 60>>;
export type Limiter = keyof typeof LIMITERS;

export function tooManyRequests(name: string, retry: number) {
  return new AppError(
    429,
    'too_many_requests',
    both(E.tooManyRequests, { retry }),
    { limit: name, retryAfterSeconds: retry },
    { 'Retry-After': String(retry) },
  );
}

export function rateLimit(limiter: Limiter): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const { success } = await c.env[limiter].limit({ key: clientIp(c) ?? 'unknown' });
    if (!success) throw tooManyRequests(limiter, LIMITERS[limiter]);
    await next();
  };
}

/** Headers on every shared answer: never cached, never indexed, never referred (the strict CSP is app.ts's). */
export const sharedHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  c.res.headers.set('Cache-Control', 'no-store');
  c.res.headers.set('Referrer-Policy', 'no-referrer');
  c.res.headers.set('X-Robots-Tag', 'noindex, nofollow, noarchive');
};
