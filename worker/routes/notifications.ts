/** What the logged-in person should know about: customers' answers to their quotes. */
import { z } from '@hono/zod-openapi';
import { Notification } from '../../schema/api';
import { STAFF, currentUser } from '../http/auth';
import { commonErrors, jsonBody, jsonResponse, router, staffRoute } from '../http/route';
import { listNotifications, markNotificationsRead } from '../store/shares';

const ReadBody = z
  .object({ ids: z.array(z.number().int().min(1)).max(500).optional() })
  .strict()
  .openapi('ReadNotificationsBody');

export const notificationsRouter = router()
  .openapi(
    staffRoute(STAFF, {
      method: 'get',
      path: '/',
      tags: ['notifications'],
      summary: 'The latest notifications of the logged-in user (newest first)',
      responses: { 200: jsonResponse(z.array(Notification), 'notifications'), ...commonErrors },
    }),
    async (c) => {
      const rows = await listNotifications(c.var.db, currentUser(c).id);
      return c.json(
        rows.map(({ userId: _u, ...n }) => n),
        200,
      );
    },
  )
  .openapi(
    staffRoute(STAFF, {
      method: 'post',
      path: '/read',
      tags: ['notifications'],
      summary: 'Mark notifications read (all, or the given ids)',
      request: { body: jsonBody(ReadBody) },
      responses: { 200: jsonResponse(z.object({ ok: z.literal(true) }), 'done'), ...commonErrors },
    }),
    async (c) => {
      await markNotificationsRead(c.var.db, currentUser(c).id, c.req.valid('json').ids ?? null);
      return c.json({ ok: true as const }, 200);
    },
  );
