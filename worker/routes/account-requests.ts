/**
 * The customer raises a service request from the account page (issue 18, API.md «Customer
 * account»): `POST /api/account/:token/requests`. The token is resolved by `accountByToken`
 * (worker/store/account-token.ts) only; anything wrong with it is a plain 404. Throttled per
 * address like every route anyone can call.
 */
import { z } from '@hono/zod-openapi';
import { CustomerRequest, ErrorBody, NewRequestBody } from '../../schema/api';
import type { RequestPriority } from '../domain/sla';
import { MAIL_WORDS } from '../domain/words/mail';
import { REQUEST_WORDS as W } from '../domain/words/requests';
import { both } from '../domain/words/words';
import { appOrigin, clientIp } from '../http/auth';
import { notFound } from '../http/errors';
import { rateLimit } from '../http/rate-limit';
import { jsonBody, jsonResponse, router, sharedRoute } from '../http/route';
import { enqueueMails } from '../mail/queue';
import { accountByToken } from '../store/account-token';
import { createRequest, listCustomerRequests } from '../store/requests';
import { calendarOf, getSettings } from '../store/settings';

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
    const db = c.var.db;
    const account = await accountByToken(db, c.req.valid('param').token);
    if (!account) throw notFound(both(W.linkNotFound));
    const b = c.req.valid('json');
    const settings = await getSettings(db);
    const created = await createRequest(
      db,
      { customerId: account.customerId, kind: b.kind, subject: b.subject, description: b.description, priority: b.priority as RequestPriority, ip: clientIp(c), origin: appOrigin(c) },
      calendarOf(settings),
      new Date(),
      MAIL_WORDS.requestNewSubject[0],
    );
    if (!created) throw notFound(both(W.linkNotFound));
    await enqueueMails(c.env.OUTBOX, created.mailIds);
    const mine = (await listCustomerRequests(db, account.customerId)).find((r) => r.id === created.request.id)!;
    return c.json(mine, 201);
  },
);
