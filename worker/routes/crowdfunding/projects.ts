/**
 * Crowdfunding projects themselves: the list and a new project; one project, its changes and its
 * lifecycle (open → in development → released, or withdrawn with confirmed pledges refunded).
 * Two routers, because the comparison's fixed paths are mounted between them, before `/{id}`.
 */
import { z } from '@hono/zod-openapi';
import { ErrorBody, IdParam, NewProjectBody, Project, ProjectPatchBody } from '../../../schema/api';
import { PROJECT_LIFECYCLE, storedProjectStatus } from '../../domain/crowdfunding';
import { actionBetween, may } from '../../domain/lifecycle';
import { currentUser, SALES, STAFF } from '../../http/auth';
import { conflict, unprocessable, versionConflict } from '../../http/errors';
import { commonErrors, jsonBody, jsonResponse, router, staffRoute } from '../../http/route';
import { insertProject, loadProjects, projectView, updateProject } from '../../store/crowdfunding';
import { reconcileCustomer } from '../../store/order-queue';
import { getSettings } from '../../store/settings';
import { ERRORS as E } from '../../domain/words/errors';
import { both, bothOf } from '../../domain/words/words';
import { statusWords, viewOf } from './common';

/** The list of projects and a new one (`/`). */
export const projectListRoutes = router()
  .openapi(
    staffRoute(STAFF, {
      method: 'get',
      path: '/',
      tags: ['crowdfunding'],
      summary: 'Projects with their price (Σ ROUND(hours × K × rate, 2)), pledges and funding',
      responses: { 200: jsonResponse(z.array(Project), 'projects'), ...commonErrors },
    }),
    async (c) => {
      const settings = await getSettings(c.var.db);
      return c.json(
        (await loadProjects(c.var.db)).map((p) => projectView(p, settings.rateMinor, settings.currency)),
        200,
      );
    },
  )
  .openapi(
    staffRoute(SALES, {
      method: 'post',
      path: '/',
      tags: ['crowdfunding'],
      summary: 'A new project, open for pledges',
      request: { body: jsonBody(NewProjectBody) },
      responses: { 201: jsonResponse(Project, 'created'), 409: jsonResponse(ErrorBody, 'code taken'), ...commonErrors },
    }),
    async (c) => {
      const b = c.req.valid('json');
      const id = await insertProject(c.var.db, { ...b, targetDate: b.targetDate ?? null, links: b.links ?? [] });
      if (id === null) throw conflict('code_taken', both(E.projectCodeTaken, { code: b.code }));
      return c.json(await viewOf(c.var.db, id), 201);
    },
  );

/** One project (`/{id}`): read it, change it, move it along its lifecycle. */
export const projectRoutes = router()
  .openapi(
    staffRoute(STAFF, {
      method: 'get',
      path: '/{id}',
      tags: ['crowdfunding'],
      summary: 'One project with its estimate and pledges',
      request: { params: IdParam },
      responses: { 200: jsonResponse(Project, 'the project'), ...commonErrors },
    }),
    async (c) => c.json(await viewOf(c.var.db, c.req.valid('param').id), 200),
  )
  .openapi(
    staffRoute(SALES, {
      method: 'patch',
      path: '/{id}',
      tags: ['crowdfunding'],
      summary: 'Change a project; move it open → in development → released, or withdraw it (refunding confirmed pledges)',
      request: { params: IdParam, body: jsonBody(ProjectPatchBody) },
      responses: {
        200: jsonResponse(Project, 'updated'),
        409: jsonResponse(ErrorBody, 'stale version'),
        422: jsonResponse(ErrorBody, 'illegal status change'),
        ...commonErrors,
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { version, ...patch } = c.req.valid('json');
      const current = await viewOf(c.var.db, id);
      const stored = storedProjectStatus(current.status);
      if (patch.status !== undefined && patch.status !== stored && !actionBetween(PROJECT_LIFECYCLE, stored, patch.status)) {
        throw unprocessable(
          'illegal_transition',
          bothOf(E.projectTransition, (lang) => ({ from: statusWords(lang, current.status), to: statusWords(lang, patch.status!) })),
        );
      }
      if (patch.estimate && !may(PROJECT_LIFECYCLE, 'editEstimate', stored)) {
        throw unprocessable('estimate_fixed', both(E.estimateFixed));
      }
      const ok = await updateProject(
        c.var.db,
        id,
        version,
        { ...patch, status: patch.status === stored ? undefined : patch.status },
        currentUser(c).id,
      );
      if (!ok) throw versionConflict(current.version);
      const after = await viewOf(c.var.db, id);
      if (patch.status === PROJECT_LIFECYCLE.withdraw.to)
        for (const customerId of new Set(current.pledges.map((p) => p.customerId))) await reconcileCustomer(c.var.db, customerId);
      return c.json(after, 200);
    },
  );
