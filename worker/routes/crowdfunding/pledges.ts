/**
 * Pledges to a crowdfunding project: promising one, confirming it (the customer's balance is
 * debited once) and cancelling it (a confirmed one is refunded by a correction).
 */
import { z } from '@hono/zod-openapi';
import { ErrorBody, IdParam, pathId, PledgeBody, Project } from '../../../schema/api';
import { localDate } from '../../domain/calendar';
import { PROJECT_LIFECYCLE, storedProjectStatus } from '../../domain/crowdfunding';
import { may } from '../../domain/lifecycle';
import { pledgeMoney } from '../../domain/ledger-entries';
import { big, divRound, toSafe } from '../../domain/money';
import { currentUser, forbidden, SALES } from '../../http/auth';
import { claimOf, idempotency, idempotencyHeader } from '../../http/idempotency';
import { AppError, conflict, fieldError, notFound, unprocessable } from '../../http/errors';
import { commonErrors, jsonBody, jsonResponse, router, staffRoute } from '../../http/route';
import { cancelPledge, confirmPledge, findPledge, insertPledge } from '../../store/crowdfunding';
import { findCustomer } from '../../store/customers';
import type { Db } from '../../store/db';
import { reconcileCustomer } from '../../store/order-queue';
import { getSettings } from '../../store/settings';
import { ERRORS as E, RU_STATUS_WORDS as RU } from '../../domain/words/errors';
import { both, bothOf } from '../../domain/words/words';
import { projectAnswer, statusWords, viewOf } from './common';

const PledgeParams = z.object({
  id: IdParam.shape.id,
  pledgeId: pathId('pledgeId'),
});

async function pledgeOf(db: Db, projectId: number, pledgeId: number) {
  const pledge = await findPledge(db, pledgeId);
  if (!pledge || pledge.projectId !== projectId) throw notFound(both(E.noSuchPledge));
  return pledge;
}

export const pledgeRoutes = router()
  .openapi(
    staffRoute(SALES, {
      method: 'post',
      path: '/{id}/pledges',
      tags: ['crowdfunding'],
      summary: 'A promised pledge (norm-hours, or money at the current rate); confirming it debits the balance',
      request: { params: IdParam, body: jsonBody(PledgeBody) },
      responses: {
        201: jsonResponse(Project, 'the project with the new pledge'),
        422: jsonResponse(ErrorBody, 'the project takes no pledges'),
        ...commonErrors,
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const b = c.req.valid('json');
      if ((b.normHoursCenti === undefined) === (b.moneyMinor === undefined)) {
        throw fieldError('normHoursCenti', both(E.pledgeHoursOrMoney));
      }
      const project = await viewOf(c.var.db, id);
      if (!may(PROJECT_LIFECYCLE, 'pledge', storedProjectStatus(project.status))) {
        throw unprocessable(
          'project_closed',
          bothOf(E.projectTakesNoPledges, (lang) => ({ status: statusWords(lang, project.status) })),
        );
      }
      if (!(await findCustomer(c.var.db, b.customerId))) throw fieldError('customerId', both(E.noSuchCustomerField));
      const settings = await getSettings(c.var.db);
      const normHoursCenti = b.normHoursCenti ?? toSafe(divRound(big(b.moneyMinor!) * 100n, big(settings.rateMinor)));
      if (normHoursCenti < 1) throw fieldError('moneyMinor', both(E.pledgeTooSmall));
      const pledgeId = await insertPledge(c.var.db, {
        projectId: id,
        customerId: b.customerId,
        normHoursCenti,
        pledgedOn: b.pledgedOn ?? localDate(Date.now(), settings.timeZone),
        note: b.note ?? '',
        userId: currentUser(c).id,
      });
      if (pledgeId === null) throw unprocessable('project_closed', both(E.projectNoPledges));
      return c.json(await viewOf(c.var.db, id), 201);
    },
  )
  .openapi(
    staffRoute(['accountant', 'admin'], {
      method: 'post',
      path: '/{id}/pledges/{pledgeId}/confirm',
      tags: ['crowdfunding', 'ledger'],
      summary: 'Confirm a promised pledge: debits the customer’s balance once; idempotent by Idempotency-Key',
      middleware: [idempotency({ scope: 'pledge-confirm', required: false, answer: projectAnswer })],
      request: { params: PledgeParams, headers: idempotencyHeader(false) },
      responses: {
        200: jsonResponse(Project, 'confirmed'),
        409: jsonResponse(ErrorBody, 'not promised'),
        422: jsonResponse(ErrorBody, 'balance too low'),
        ...commonErrors,
      },
    }),
    async (c) => {
      const { id, pledgeId } = c.req.valid('param');
      const pledge = await pledgeOf(c.var.db, id, pledgeId);
      if (pledge.status !== 'promised')
        throw conflict(
          'pledge_not_promised',
          bothOf(E.pledgeNotPromised, (lang) => ({
            status: lang === 'en' ? pledge.status : pledge.status === 'confirmed' ? RU.pledgeConfirmed : RU.pledgeCancelled,
          })),
        );
      const settings = await getSettings(c.var.db);
      const ok = await confirmPledge(
        c.var.db,
        pledgeId,
        pledge.normHoursCenti,
        pledgeMoney(pledge.normHoursCenti, settings),
        currentUser(c).id,
        claimOf(c),
      );
      if (!ok) {
        const again = await pledgeOf(c.var.db, id, pledgeId);
        if (again.status !== 'promised')
          throw conflict(
            'pledge_not_promised',
            bothOf(E.pledgeNotPromised, (lang) => ({ status: lang === 'en' ? again.status : RU.pledgeProcessed })),
          );
        const customer = await findCustomer(c.var.db, pledge.customerId);
        const project = await viewOf(c.var.db, id);
        if (!may(PROJECT_LIFECYCLE, 'confirmPledge', storedProjectStatus(project.status)))
          throw unprocessable('project_closed', both(E.projectClosed));
        throw new AppError(
          422,
          'insufficient_balance',
          bothOf(E.pledgeInsufficient, (lang) => {
            // Hundredths with the language's decimal mark (2.50 / 2,50).
            const f = (x: number) => (lang === 'ru' ? (x / 100).toFixed(2).replace('.', ',') : (x / 100).toFixed(2));
            return { need: f(pledge.normHoursCenti), balance: f(customer?.balanceCenti ?? 0) };
          }),
          { needCenti: pledge.normHoursCenti, balanceCenti: customer?.balanceCenti ?? 0 },
        );
      }
      await reconcileCustomer(c.var.db, pledge.customerId);
      return projectAnswer(c) as never;
    },
  )
  .openapi(
    staffRoute(['manager', 'accountant', 'admin'], {
      method: 'post',
      path: '/{id}/pledges/{pledgeId}/cancel',
      tags: ['crowdfunding', 'ledger'],
      summary:
        'Cancel a pledge; a confirmed one is refunded by a correction (accountant or admin, while the project is open); idempotent by ' +
        'Idempotency-Key',
      middleware: [idempotency({ scope: 'pledge-cancel', required: false, answer: projectAnswer })],
      request: {
        params: PledgeParams,
        headers: idempotencyHeader(false),
        body: {
          content: { 'application/json': { schema: z.object({ reason: z.string().trim().max(500).optional() }).strict() } },
          required: false,
        },
      },
      responses: {
        200: jsonResponse(Project, 'cancelled'),
        409: jsonResponse(ErrorBody, 'already cancelled'),
        422: jsonResponse(ErrorBody, 'development started'),
        ...commonErrors,
      },
    }),
    async (c) => {
      const { id, pledgeId } = c.req.valid('param');
      const pledge = await pledgeOf(c.var.db, id, pledgeId);
      const user = currentUser(c);
      if (pledge.status === 'cancelled') throw conflict('pledge_cancelled', both(E.pledgeCancelled));
      if (pledge.status === 'confirmed' && user.role === 'manager') throw forbidden(['accountant', 'admin']);
      const project = await viewOf(c.var.db, id);
      if (pledge.status === 'confirmed' && !may(PROJECT_LIFECYCLE, 'refundPledge', storedProjectStatus(project.status))) {
        throw unprocessable('development_started', both(E.developmentStarted));
      }
      const ok = await cancelPledge(c.var.db, pledgeId, c.req.valid('json')?.reason ?? '', user.id, claimOf(c));
      if (!ok) throw conflict('pledge_changed', both(E.pledgeChanged));
      if (pledge.status === 'confirmed') await reconcileCustomer(c.var.db, pledge.customerId);
      return projectAnswer(c) as never;
    },
  );
