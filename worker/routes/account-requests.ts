/**
 * The customer raises a service request from the account page (issue 18, API.md «Customer
 * account»): `POST /api/account/:token/requests`. The token is resolved by `accountByToken`
 * (worker/store/account-token.ts) only; anything wrong with it is a plain 404. Throttled per
 * address like every route anyone can call.
 */
import { z } from '@hono/zod-openapi';
import { CustomerReplyBody, CustomerRequest, ErrorBody, NewRequestBody, type NewRequestBodyT } from '../../schema/api';
import type { RequestPriority } from '../domain/sla';
import { MAIL_WORDS } from '../domain/words/mail';
import { REQUEST_WORDS as W } from '../domain/words/requests';
import { both } from '../domain/words/words';
import { appOrigin, clientIp, type AppContext } from '../http/auth';
import { notFound, unprocessable } from '../http/errors';
import { rateLimit } from '../http/rate-limit';
import { jsonBody, jsonResponse, router, sharedRoute } from '../http/route';
import { enqueueMails } from '../mail/queue';
import { accountByToken } from '../store/account-token';
import type { Db } from '../store/db';
import { createRequest, customerReply, listCustomerRequests } from '../store/requests';
import { calendarOf, getSettings } from '../store/settings';

const ReplyParams = z.object({
  token: z.string().openapi({ param: { name: 'token', in: 'path' }, description: 'the secret of the account link', example: 'x'.repeat(43) }),
  id: z.coerce.number().int().min(1).max(2_147_483_647).openapi({ param: { name: 'id', in: 'path' }, example: 1 }),
});

const TokenParam = z.object({
  token: z.string().openapi({ param: { name: 'token', in: 'path' }, description: 'the secret of the account link', example: 'x'.repeat(43) }),
});

export const accountRequestsRouter = router().openapi(
  sharedRoute({
    method: 'post',
    path: '/{token}/requests',
    tags: ['account'],
    summary: 'The customer raises a service request (kind, subject, description, priority 1–4); answers it with its number and reaction deadline',
    middleware: [rateLimit('REQUEST_LIMITER')] as const,
    request: { params: TokenParam, body: jsonBody(NewRequestBody) },
    responses: {
      201: jsonResponse(CustomerRequest, 'the new request'),
      400: jsonResponse(ErrorBody, 'invalid input'),
      404: jsonResponse(ErrorBody, 'no such link'),
      429: jsonResponse(ErrorBody, 'too many requests'),
    },
  }),
  async (c) => {
    const account = await accountByToken(c.var.db, c.req.valid('param').token);
    if (!account) throw notFound(both(W.linkNotFound));
    return c.json(await raiseRequest(c, account.customerId, c.req.valid('json')), 201);
  },
)
  .openapi(
  sharedRoute({
    method: 'post',
    path: '/{token}/requests/{id}/replies',
    tags: ['account'],
    summary: 'The customer answers on their own request (e.g. the clarification staff asked for): the reply is added and a request that needed clarification goes back in work',
    middleware: [rateLimit('REQUEST_LIMITER')] as const,
    request: { params: ReplyParams, body: jsonBody(CustomerReplyBody) },
    responses: {
      201: jsonResponse(CustomerRequest, 'the request with the reply'),
      400: jsonResponse(ErrorBody, 'invalid input'),
      404: jsonResponse(ErrorBody, 'no such link or request'),
      422: jsonResponse(ErrorBody, 'the request is closed (request_closed)'),
      429: jsonResponse(ErrorBody, 'too many requests'),
    },
  }),
  async (c) => {
    const { token, id } = c.req.valid('param');
    const account = await accountByToken(c.var.db, token);
    if (!account) throw notFound(both(W.linkNotFound));
    const { name, body } = c.req.valid('json');
    return c.json(await replyToRequest(c.var.db, account.customerId, id, name, body), 201);
  },
);

/** A new request from the customer (the API and the account page's form): numbered, deadline set, managers told. */
export async function raiseRequest(c: AppContext, customerId: number, b: NewRequestBodyT) {
  const db = c.var.db;
  const settings = await getSettings(db);
  const created = await createRequest(
    db,
    { customerId, kind: b.kind, subject: b.subject, description: b.description, priority: b.priority as RequestPriority, ip: clientIp(c), origin: appOrigin(c) },
    calendarOf(settings),
    new Date(),
    MAIL_WORDS.requestNewSubject[0],
  );
  if (!created) throw notFound(both(W.linkNotFound));
  await enqueueMails(c.env.OUTBOX, created.mailIds);
  return (await listCustomerRequests(db, customerId)).find((r) => r.id === created.request.id)!;
}

/** The customer's reply on one of their requests; 404 when it is not theirs, 422 when it is closed. */
export async function replyToRequest(db: Db, customerId: number, id: number, name: string, body: string) {
  const theirs = (await listCustomerRequests(db, customerId)).find((r) => r.id === id);
  if (!theirs) throw notFound(both(W.notFound));
  if (!(await customerReply(db, id, customerId, name, body, new Date().toISOString()))) throw unprocessable('request_closed', both(W.closed));
  return (await listCustomerRequests(db, customerId)).find((r) => r.id === id)!;
}
