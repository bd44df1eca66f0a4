/** The outbox for admins: every e-mail, its state, attempts and error; a failed one sent again. */
import { z } from '@hono/zod-openapi';
import { ErrorBody, IdParam, OutboxItem } from '../../schema/api';
import { conflict, notFound } from '../http/errors';
import { commonErrors, jsonResponse, router, staffRoute } from '../http/route';
import { enqueueMails } from '../mail/queue';
import { findMail, listOutbox, requeueFailed, type OutboxRow } from '../store/outbox';
import { ERRORS as E } from '../domain/words/errors';
import { both } from '../domain/words/words';

const ADMIN = ['admin'] as const;

function itemOf(row: OutboxRow) {
  return {
    id: row.id,
    kind: row.kind,
    to: JSON.parse(row.toJson) as string[],
    subject: row.subject,
    status: row.status === 'sending' ? ('queued' as const) : row.status,
    attempts: row.attempts,
    error: row.error,
    createdAt: row.createdAt,
    sentAt: row.sentAt,
  };
}

export const outboxRouter = router()
  .openapi(
    staffRoute(ADMIN, {
      method: 'get',
      path: '/',
      tags: ['delivery'],
      summary: 'Every e-mail, newest first: its state, attempts and last error',
      responses: { 200: jsonResponse(z.array(OutboxItem), 'messages'), ...commonErrors },
    }),
    async (c) => c.json((await listOutbox(c.var.db)).map(itemOf), 200),
  )
  .openapi(
    staffRoute(ADMIN, {
      method: 'post',
      path: '/{id}/retry',
      tags: ['delivery'],
      summary: 'Queue a failed message again (its attempts counted anew)',
      request: { params: IdParam },
      responses: { 200: jsonResponse(OutboxItem, 'queued again'), 409: jsonResponse(ErrorBody, 'not failed'), ...commonErrors },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const requeued = await requeueFailed(c.var.db, id);
      const row = await findMail(c.var.db, id);
      if (!row) throw notFound(both(E.noSuchMail));
      if (!requeued) throw conflict('not_failed', both(E.mailNotFailed), { status: row.status });
      await enqueueMails(c.env.OUTBOX, [id]);
      return c.json(itemOf(row), 200);
    },
  );
