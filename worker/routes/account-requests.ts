/**
 * The customer raises a service request from the account page (issue 18, API.md «Customer
 * account»): `POST /api/account/:token/requests`. The token opens the account as the account page's
 * does (http/links.ts); anything wrong with it is a plain 404 here. Throttled per
 * address like every route anyone can call.
 */
import { z } from '@hono/zod-openapi';
import { CustomerReplyBody, CustomerRequest, ErrorBody, IdParam, NewRequestBody, pathToken } from '../../schema/api';
import { raiseRequest, replyToRequest } from '../http/customer-requests';
import { linkNotFound, openAccount } from '../http/links';
import { rateLimit } from '../http/rate-limit';
import { jsonBody, jsonResponse, router, sharedRoute } from '../http/route';
import type { Db } from '../store/db';

/** The live account a token opens; an expired or withdrawn link is no different from none here. */
async function accountOr404(db: Db, token: string) {
  const opened = await openAccount(db, token, false);
  if (typeof opened === 'string') throw linkNotFound();
  return opened;
}

const TokenParam = z.object({ token: pathToken('the secret of the account link') });
const ReplyParams = TokenParam.extend({ id: IdParam.shape.id });

/** Anyone holding the link may call these: throttled per address, refusing what is not valid. */
const requestLimit = rateLimit('REQUEST_LIMITER');
const publicErrors = { 400: jsonResponse(ErrorBody, 'invalid input'), 429: jsonResponse(ErrorBody, 'too many requests') };

export const accountRequestsRouter = router()
  .openapi(
    sharedRoute({
      method: 'post',
      path: '/{token}/requests',
      tags: ['account'],
      summary:
        'The customer raises a service request (kind, subject, description, priority 1–4); answers it with its number and reaction ' +
        'deadline',
      middleware: [requestLimit] as const,
      request: { params: TokenParam, body: jsonBody(NewRequestBody) },
      responses: {
        201: jsonResponse(CustomerRequest, 'the new request'),
        404: jsonResponse(ErrorBody, 'no such link'),
        ...publicErrors,
      },
    }),
    async (c) => {
      const account = await accountOr404(c.var.db, c.req.valid('param').token);
      return c.json(await raiseRequest(c, account.customer.id, c.req.valid('json')), 201);
    },
  )
  .openapi(
    sharedRoute({
      method: 'post',
      path: '/{token}/requests/{id}/replies',
      tags: ['account'],
      summary:
        'The customer answers on their own request (e.g. the clarification staff asked for): the reply is added and a request that ' +
        'needed clarification goes back in work',
      middleware: [requestLimit] as const,
      request: { params: ReplyParams, body: jsonBody(CustomerReplyBody) },
      responses: {
        201: jsonResponse(CustomerRequest, 'the request with the reply'),
        404: jsonResponse(ErrorBody, 'no such link or request'),
        422: jsonResponse(ErrorBody, 'the request is closed (request_closed)'),
        ...publicErrors,
      },
    }),
    async (c) => {
      const { token, id } = c.req.valid('param');
      const account = await accountOr404(c.var.db, token);
      const { name, body } = c.req.valid('json');
      return c.json(await replyToRequest(c.var.db, account.customer.id, id, name, body), 201);
    },
  );
