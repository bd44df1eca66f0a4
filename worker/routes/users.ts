/** Staff accounts (admin only). */
import { z } from '@hono/zod-openapi';
import { ErrorBody, IdParam, NewUserBody, User, UserPatchBody } from '../../schema/api';
import { currentUser, forgetUserSessions } from '../http/auth';
import { conflict, notFound, unprocessable } from '../http/errors';
import { commonErrors, jsonBody, jsonResponse, router, staffRoute } from '../http/route';
import { hashPassword } from '../platform/secrets';
import { countActiveAdmins, insertUser, listUsers, updateUser } from '../store/users';
import { ERRORS as E } from '../domain/words/errors';
import { both } from '../domain/words/words';

const ADMIN = ['admin'] as const;

export const users = router()
  .openapi(
    staffRoute(ADMIN, {
      method: 'get',
      path: '/',
      tags: ['users'],
      summary: 'List staff users',
      responses: { 200: jsonResponse(z.array(User), 'users'), ...commonErrors },
    }),
    async (c) => c.json(await listUsers(c.var.db), 200),
  )
  .openapi(
    staffRoute(ADMIN, {
      method: 'post',
      path: '/',
      tags: ['users'],
      summary: 'Create a staff user',
      request: { body: jsonBody(NewUserBody) },
      responses: { 201: jsonResponse(User, 'created'), 409: jsonResponse(ErrorBody, 'email taken'), ...commonErrors },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const row = await insertUser(c.var.db, { ...body, passwordHash: await hashPassword(body.password) });
      if (!row) throw conflict('email_taken', both(E.emailTaken));
      return c.json(row, 201);
    },
  )
  .openapi(
    staffRoute(ADMIN, {
      method: 'patch',
      path: '/{id}',
      tags: ['users'],
      summary: 'Change a user’s name, role, phone, password or deactivate them',
      request: { params: IdParam, body: jsonBody(UserPatchBody) },
      responses: { 200: jsonResponse(User, 'updated'), 422: jsonResponse(ErrorBody, 'would leave no admin'), ...commonErrors },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      const me = currentUser(c);
      const demotesAdmin = body.role !== undefined && body.role !== 'admin';
      if ((body.active === false || demotesAdmin) && id === me.id && (await countActiveAdmins(c.var.db)) <= 1) {
        throw unprocessable('last_admin', both(E.lastAdmin));
      }
      const row = await updateUser(c.var.db, id, {
        name: body.name,
        role: body.role,
        active: body.active,
        phone: body.phone,
        passwordHash: body.password ? await hashPassword(body.password) : undefined,
      });
      if (!row) throw notFound(both(E.noSuchUser));
      forgetUserSessions(id);
      return c.json(row, 200);
    },
  );
