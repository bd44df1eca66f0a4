/**
 * `Idempotency-Key` for money-writing routes, as one middleware (API.md, second round):
 *  - a key already answered → the same answer again (same bytes, `Idempotent-Replayed: true`);
 *  - a key used for a different request (method, path or body) → 422 `idempotency_key_reused`;
 *  - otherwise the route runs; its write claims the key in the same batch (store/idempotency.ts),
 *    and the first answer is stored for later retries.
 * When the route fails but the key turns out to be claimed — a twin with the same key won the race,
 * or our own write committed before something after it failed — the claim's answer is given
 * instead of the error, rebuilt from what the write stored if no answer was stored yet.
 */
import { z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { findClaim, storeAnswer, type Claim, type ClaimedRow } from '../store/idempotency';
import type { AppContext, AppEnv } from './auth';
import { AppError, badRequest } from './errors';
import { sha256Hex } from '../platform/secrets';
import { ERRORS as E } from '../domain/words/errors';
import { both } from '../domain/words/words';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
const KEY_PATTERN = /^[\x21-\x7e]{8,200}$/;

/** The header, for the OpenAPI document of a route (the middleware itself validates it). */
export function idempotencyHeader(required: boolean) {
  const key = z
    .string()
    .min(8)
    .max(200)
    .openapi({
      param: { name: IDEMPOTENCY_HEADER, in: 'header' },
      description:
        'a unique key per operation (8–200 printable ASCII characters); a retry with it answers the same result and writes nothing more',
      example: 'b1f1c7e2-5d1a-4c1e-9a57-3f0c6a1d9e42',
    });
  return z.object({ [IDEMPOTENCY_HEADER]: required ? key : key.optional() });
}

export interface IdempotencyOptions {
  scope: string;
  required: boolean;
  /** The route's answer for a claimed key, from the `result` its write stored. */
  answer: (c: AppContext, result: Record<string, unknown>) => Promise<Response>;
}

function keyReused() {
  return new AppError(422, 'idempotency_key_reused', both(E.idempotencyKeyReused));
}

function replayed(res: Response): Response {
  const out = new Response(res.body, res);
  out.headers.set('Idempotent-Replayed', 'true');
  out.headers.set('cache-control', 'no-store');
  return out;
}

async function replay(c: AppContext, o: IdempotencyOptions, claim: Claim, row: ClaimedRow): Promise<Response> {
  if (row.requestHash !== claim.requestHash) throw keyReused();
  if (row.body !== null && row.statusCode !== null) {
    return replayed(new Response(row.body, { status: row.statusCode, headers: { 'content-type': 'application/json; charset=utf-8' } }));
  }
  const rebuilt = await o.answer(c, row.result);
  await storeAnswer(c.var.db, claim.scope, claim.key, rebuilt.status, await rebuilt.clone().text());
  return replayed(rebuilt);
}

/** What a route throws when a twin with the same key wrote first: the middleware answers with the twin's result. */
export function raced() {
  return new AppError(409, 'idempotency_key_in_use', both(E.idempotencyKeyInUse));
}

/** The claim of this request (null without a key), for the route's write. */
export function claimOf(c: AppContext): Claim | null {
  return c.var.claim;
}

export function idempotency(o: IdempotencyOptions): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('claim', null);
    const key = c.req.header(IDEMPOTENCY_HEADER);
    if (key === undefined) {
      if (!o.required) return next();
      throw badRequest(both(E.idempotencyKeyMissing), [{ field: IDEMPOTENCY_HEADER, code: 'invalid_type', message: 'is required' }]);
    }
    if (!KEY_PATTERN.test(key)) {
      throw badRequest(both(E.idempotencyKeyFormat), [
        { field: IDEMPOTENCY_HEADER, code: 'invalid_format', message: '8–200 printable ASCII characters' },
      ]);
    }
    const url = new URL(c.req.url);
    const claim: Claim = {
      scope: o.scope,
      key,
      requestHash: await sha256Hex(`${c.req.method} ${url.pathname}${url.search}\n${await c.req.text()}`),
    };
    const earlier = await findClaim(c.var.db, o.scope, key);
    if (earlier) return replay(c, o, claim, earlier);
    c.set('claim', claim);
    await next();
    if (c.res.status >= 200 && c.res.status < 300) {
      await storeAnswer(c.var.db, o.scope, key, c.res.status, await c.res.clone().text());
      return;
    }
    // The route refused or failed: was the key claimed meanwhile (by a twin, or by our own write)?
    const twin = await findClaim(c.var.db, o.scope, key);
    if (twin) {
      const res = await replay(c, o, claim, twin);
      c.res = undefined as never;
      c.res = res;
    }
  };
}
