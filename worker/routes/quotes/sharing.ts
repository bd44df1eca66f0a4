/** The customer's links to a quote, and its audit trail. */
import { z } from '@hono/zod-openapi';
import { AuditEntry, ErrorBody, IdParam, ShareBody, ShareCreated, ShareLinkInfo } from '../../../schema/api';
import { refusalFor } from '../../domain/quote-lifecycle';
import { SALES, STAFF, actorOf, appOrigin } from '../../http/auth';
import { AppError } from '../../http/errors';
import { quoteOr404 } from '../../http/lookups';
import { commonErrors, jsonResponse, router, staffRoute } from '../../http/route';
import { randomToken, sha256Hex } from '../../platform/secrets';
import { listAudit } from '../../store/quotes';
import { createShareLink, linkState, listShareLinks, revokeShareLinks } from '../../store/shares';
import { companyToday } from './common';

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
      summary: 'A link for the customer to this sent revision: 256 random bits, stored only as SHA-256; shown once',
      request: { params: IdParam, body: { content: { 'application/json': { schema: ShareBody } }, required: false } },
      responses: { 201: jsonResponse(ShareCreated, 'the link'), 409: jsonResponse(ErrorBody, 'not sent, or replaced'), ...commonErrors },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      const quote = await quoteOr404(c.var.db, id);
      const refusal = refusalFor('share', quote.status, quote.latest, quote.supersededAt !== null);
      if (refusal) throw new AppError(refusal.status, refusal.code, refusal);
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
      summary: 'Revoke every link to this revision',
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
      summary: 'The links to this revision: when made, first opened, how often, whether still live',
      request: { params: IdParam },
      responses: { 200: jsonResponse(z.array(ShareLinkInfo), 'links'), ...commonErrors },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await quoteOr404(c.var.db, id);
      const now = new Date().toISOString();
      const links = await listShareLinks(c.var.db, id);
      return c.json(
        links.map((l) => ({
          id: l.id,
          createdAt: l.createdAt,
          expiresAt: l.expiresAt,
          revokedAt: l.revokedAt,
          firstOpenedAt: l.firstOpenedAt,
          lastOpenedAt: l.lastOpenedAt,
          openCount: l.openCount,
          state: linkState(l, now),
        })),
        200,
      );
    },
  );
