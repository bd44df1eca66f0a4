/** The customer's links to a quote, and its audit trail. */
import { z } from '@hono/zod-openapi';
import { AuditEntry, ErrorBody, IdParam, pathId, ShareBody, ShareCreated, ShareLinkInfo } from '../../../schema/api';
import { refusalFor } from '../../domain/quote-lifecycle';
import { SALES, STAFF, actorOf, appOrigin } from '../../http/auth';
import { AppError, conflict, notFound } from '../../http/errors';
import { quoteOr404 } from '../../http/lookups';
import { commonErrors, jsonBody, jsonResponse, router, staffRoute } from '../../http/route';
import { randomToken, sha256Hex } from '../../platform/secrets';
import { listAudit } from '../../store/quotes';
import {
  createShareLink,
  linkState,
  listShareLinks,
  renewShareLink,
  revokeShareLink,
  revokeShareLinks,
  type ShareLinkRow,
} from '../../store/shares';
import { companyToday } from './common';
import { ERRORS as E } from '../../domain/words/errors';
import { both } from '../../domain/words/words';

const LinkParams = z.object({
  id: IdParam.shape.id,
  linkId: pathId('linkId'),
});

export const quoteSharingRoutes = router()
  .openapi(
    staffRoute(STAFF, {
      method: 'get',
      path: '/{id}/audit',
      tags: ['quotes'],
      summary: 'Who changed what and when, for every revision of the quote’s number (newest first)',
      request: { params: IdParam },
      responses: { 200: jsonResponse(z.array(AuditEntry), 'the audit trail'), ...commonErrors },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await quoteOr404(c.var.db, id);
      return c.json(await listAudit(c.var.db, id), 200);
    },
  )
  .openapi(
    staffRoute(SALES, {
      method: 'post',
      path: '/{id}/share',
      tags: ['quotes', 'shared'],
      summary:
        'A link for the customer to the quote’s number (it shows the latest sent revision): 256 random bits, stored only as SHA-256; ' +
        'shown once',
      request: { params: IdParam, body: { content: { 'application/json': { schema: ShareBody } }, required: false } },
      responses: { 201: jsonResponse(ShareCreated, 'the link'), 409: jsonResponse(ErrorBody, 'not sent, or replaced'), ...commonErrors },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      const quote = await quoteOr404(c.var.db, id);
      if (!quote.allowed.share) {
        const refusal = refusalFor('share', quote.status, quote.latest, quote.supersededAt !== null)!;
        throw new AppError(refusal.status, refusal.code, refusal);
      }
      const { settings } = await companyToday(c.var.db);
      const days = body?.expiresInDays ?? settings.shareLinkDays;
      const token = randomToken();
      const expiresAt = new Date(Date.now() + days * 86_400_000).toISOString();
      const link = await createShareLink(c.var.db, id, await sha256Hex(token), expiresAt, actorOf(c));
      return c.json({ id: link.id, url: `${appOrigin(c)}/s/${token}`, token, expiresAt }, 201);
    },
  )
  .openapi(
    staffRoute(SALES, {
      method: 'delete',
      path: '/{id}/share',
      tags: ['quotes', 'shared'],
      summary: 'Revoke every link to the quote’s number',
      request: { params: IdParam },
      responses: { 200: jsonResponse(z.object({ revoked: z.number().int() }), 'how many links were revoked'), ...commonErrors },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await quoteOr404(c.var.db, id);
      return c.json({ revoked: await revokeShareLinks(c.var.db, id, actorOf(c)) }, 200);
    },
  )
  .openapi(
    staffRoute(STAFF, {
      method: 'get',
      path: '/{id}/shares',
      tags: ['quotes', 'shared'],
      summary: 'The links to the quote’s number: when made, first and last opened, how often, until when, whether still live',
      request: { params: IdParam },
      responses: { 200: jsonResponse(z.array(ShareLinkInfo), 'links'), ...commonErrors },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await quoteOr404(c.var.db, id);
      const now = new Date().toISOString();
      return c.json(
        (await listShareLinks(c.var.db, id)).map((l) => linkInfo(l, now)),
        200,
      );
    },
  )
  .openapi(
    staffRoute(SALES, {
      method: 'post',
      path: '/{id}/shares/{linkId}/renew',
      tags: ['quotes', 'shared'],
      summary: 'Give a live link of the quote’s number a new expiry (the customer keeps the same link)',
      request: { params: LinkParams, body: jsonBody(ShareBody) },
      responses: { 200: jsonResponse(ShareLinkInfo, 'the link'), 409: jsonResponse(ErrorBody, 'withdrawn'), ...commonErrors },
    }),
    async (c) => {
      const { id, linkId } = c.req.valid('param');
      await quoteOr404(c.var.db, id);
      const { settings } = await companyToday(c.var.db);
      const days = c.req.valid('json').expiresInDays ?? settings.shareLinkDays;
      const renewed = await renewShareLink(c.var.db, linkId, id, new Date(Date.now() + days * 86_400_000).toISOString(), actorOf(c));
      const link = (await listShareLinks(c.var.db, id)).find((l) => l.id === linkId);
      if (!link) throw notFound(both(E.noSuchQuoteLink));
      if (!renewed) throw conflict('link_revoked', both(E.quoteLinkRevoked));
      return c.json(linkInfo(link, new Date().toISOString()), 200);
    },
  )
  .openapi(
    staffRoute(SALES, {
      method: 'delete',
      path: '/{id}/shares/{linkId}',
      tags: ['quotes', 'shared'],
      summary: 'Withdraw one link of the quote’s number',
      request: { params: LinkParams },
      responses: { 200: jsonResponse(z.object({ revoked: z.number().int() }), 'how many links were revoked (0 or 1)'), ...commonErrors },
    }),
    async (c) => {
      const { id, linkId } = c.req.valid('param');
      await quoteOr404(c.var.db, id);
      if (!(await listShareLinks(c.var.db, id)).some((l) => l.id === linkId)) throw notFound(both(E.noSuchQuoteLink));
      return c.json({ revoked: (await revokeShareLink(c.var.db, linkId, id, actorOf(c))) ? 1 : 0 }, 200);
    },
  );

function linkInfo(l: ShareLinkRow, now: string) {
  return {
    id: l.id,
    createdAt: l.createdAt,
    expiresAt: l.expiresAt,
    revokedAt: l.revokedAt,
    firstOpenedAt: l.firstOpenedAt,
    lastOpenedAt: l.lastOpenedAt,
    openCount: l.openCount,
    state: linkState(l, now),
  };
}
