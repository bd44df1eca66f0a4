/** Work orders: from an accepted quote, staged, queued, signed off stage by stage, withdrawn. */
import { z } from '@hono/zod-openapi';
import {
  AcceptStageBody,
  AcceptStageResult,
  ErrorBody,
  IdParam,
  Order,
  OrderBody,
  OrderStatus,
  StageNumber,
  WithdrawBody,
} from '../../schema/api';
import { localDate } from '../domain/calendar';
import { planShare } from '../domain/debit-money';
import { refusalFor } from '../domain/quote-lifecycle';
import { invoiceMoney } from '../domain/invoice';
import { waitingReason } from '../domain/ledger';
import { lowBalance, shortfallOf } from '../domain/low-balance';
import { moneyPlanOf } from '../domain/sign-off';
import { MAIL_WORDS } from '../domain/words/mail';
import { ERRORS as E, RU_STATUS_WORDS as RU } from '../domain/words/errors';
import { both, bothOf, say } from '../domain/words/words';
import { actorOf, appOrigin, SALES, STAFF, type AppContext } from '../http/auth';
import { conflict, notFound, orThrow, refusalError, requestLang } from '../http/errors';
import { commonErrors, jsonResponse, router, staffRoute } from '../http/route';
import { claimOf, idempotency, idempotencyHeader } from '../http/idempotency';
import { orderOr404, signOffStage } from '../http/sign-off';
import { enqueueMails } from '../mail/queue';
import { markStageReady } from '../store/account';
import { findCustomer } from '../store/customers';
import { customerQueues, reconcileCustomer, type CustomerQueue } from '../store/order-queue';
import { createOrder, listOrders, quoteLinesFor, withdrawOrder, type OrderView } from '../store/orders';
import { getSettings, type SettingsRow } from '../store/settings';
import type { AcceptResult } from '../store/stage-accept';
import { quoteOr404 } from '../http/lookups';
import { planStages } from '../domain/stage-plan';

const ACCEPTORS = ['accountant', 'manager', 'admin'] as const;

/**
 * The order as the API answers it: why it waits (in the request's language), what it is short of
 * (norm-hours, and money at today's rate), each stage's share of the quote's money.
 */
function orderAnswer(c: AppContext, o: OrderView, queue: CustomerQueue | undefined, settings: SettingsRow) {
  const reason = waitingReason(o, o.balanceCenti, o.overdraftCenti);
  const plan = moneyPlanOf(o);
  const short = queue ? shortfallOf(o.id, queue.balanceCenti, queue.overdraftCenti, queue.orders) : 0;
  const money = invoiceMoney(short, settings);
  const low = queue ? lowBalance(queue.balanceCenti, queue.lowBalanceCenti, queue.orders) : null;
  return {
    ...o,
    lowBalance: low,
    stages: o.stages.map(({ id: _id, ...s }) => {
      const { n: _n, normHoursCenti: _h, ...share } = planShare(plan, s.n);
      return { ...s, plan: share };
    }),
    waiting: reason ? reason[requestLang(c)] : null,
    shortfall: short > 0 ? { normHoursCenti: short, amountMinor: money.subtotalMinor, totalMinor: money.totalMinor } : null,
  };
}

/** Answers for orders, with their customers' queues read in one batch. */
async function orderAnswers(c: AppContext, list: OrderView[]) {
  const [queues, settings] = await Promise.all([
    customerQueues(
      c.var.db,
      list.map((o) => o.customerId),
    ),
    getSettings(c.var.db),
  ]);
  return list.map((o) => orderAnswer(c, o, queues.get(o.customerId), settings));
}

async function answerOne(c: AppContext, o: OrderView) {
  return (await orderAnswers(c, [o]))[0]!;
}

export const quoteOrders = router().openapi(
  staffRoute(SALES, {
    method: 'post',
    path: '/{id}/order',
    tags: ['orders'],
    summary: 'Turn an accepted quote into a work order, cut into stages (by line, by section, one stage, or as given)',
    request: { params: IdParam, body: { content: { 'application/json': { schema: OrderBody } }, required: false } },
    responses: {
      201: jsonResponse(Order, 'the work order'),
      409: jsonResponse(ErrorBody, 'already has an order'),
      422: jsonResponse(ErrorBody, 'not accepted'),
      ...commonErrors,
    },
  }),
  async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json') ?? {};
    const quote = await quoteOr404(c.var.db, id);
    if (quote.orderId !== null) {
      throw conflict('order_exists', both(E.orderExists), { orderId: quote.orderId });
    }
    const refused = refusalFor('order', quote.status, quote.latest, quote.supersededAt !== null);
    if (refused) throw refusalError(refused);
    const plan = orThrow(planStages(await quoteLinesFor(c.var.db, id), body));
    const settings = await getSettings(c.var.db);
    const year = Number(localDate(Date.now(), settings.timeZone).slice(0, 4));
    const orderId = await createOrder(c.var.db, id, year, plan, actorOf(c));
    if (orderId === null) {
      const again = await quoteOr404(c.var.db, id);
      throw conflict('order_exists', both(E.orderExists), { orderId: again.orderId });
    }
    await reconcileCustomer(c.var.db, quote.customerId);
    return c.json(await answerOne(c, await orderOr404(c.var.db, orderId)), 201);
  },
);

/** The answer of an acceptance, from what its write stored: the order as it is now, and the debit. */
async function acceptAnswer(c: AppContext, result: Record<string, unknown>): Promise<Response> {
  const { id } = c.req.param() as { id: string };
  const order = await orderOr404(c.var.db, Number(id));
  const r = result as unknown as AcceptResult;
  const debit = {
    entryId: r.entryId,
    normHoursCenti: r.normHoursCenti,
    plannedCenti: r.plannedCenti,
    moneyMinor: r.moneyMinor,
    subtotalMinor: r.subtotalMinor,
    discountMinor: r.discountMinor,
    netMinor: r.netMinor,
    vatMinor: r.vatMinor,
    totalMinor: r.totalMinor,
    overrun: r.overrun,
    balanceAfterCenti: r.balanceAfterCenti,
  };
  return c.json({ order: await answerOne(c, order), debit }, 200);
}

const StageParams = z.object({
  id: IdParam.shape.id,
  n: StageNumber,
});
export const ordersRouter = router()
  .openapi(
    staffRoute(STAFF, {
      method: 'get',
      path: '/',
      tags: ['orders'],
      summary: 'Work orders in queue order (final approval time), with why each waiting one waits',
      request: { query: z.object({ status: OrderStatus.optional(), customerId: z.coerce.number().int().min(1).optional() }) },
      responses: { 200: jsonResponse(z.array(Order), 'orders'), ...commonErrors },
    }),
    async (c) => c.json(await orderAnswers(c, await listOrders(c.var.db, c.req.valid('query'))), 200),
  )
  .openapi(
    staffRoute(STAFF, {
      method: 'get',
      path: '/{id}',
      tags: ['orders'],
      summary: 'One work order with its stages',
      request: { params: IdParam },
      responses: { 200: jsonResponse(Order, 'the order'), ...commonErrors },
    }),
    async (c) => c.json(await answerOne(c, await orderOr404(c.var.db, c.req.valid('param').id)), 200),
  )
  .openapi(
    staffRoute(ACCEPTORS, {
      method: 'post',
      path: '/{id}/stages/{n}/accept',
      tags: ['orders', 'ledger'],
      summary:
        'Sign off a stage: debits its billable norm-hours once (fixed hours, or actual hours × K) on the accepted quote’s terms; an ' +
        'overrun needs confirmOverrun; a short balance pauses the order afterwards; idempotent by Idempotency-Key',
      middleware: [idempotency({ scope: 'stage-accept', required: true, answer: acceptAnswer })],
      request: {
        params: StageParams,
        headers: idempotencyHeader(true),
        body: { content: { 'application/json': { schema: AcceptStageBody } }, required: false },
      },
      responses: {
        200: jsonResponse(AcceptStageResult, 'debited (or the same answer again for a retry)'),
        409: jsonResponse(ErrorBody, 'not the next stage, already accepted, or withdrawn'),
        422: jsonResponse(
          ErrorBody,
          'the order is not running (waits for balance), an overrun is not confirmed, or the key was used for another request',
        ),
        ...commonErrors,
      },
    }),
    async (c) => {
      const { id, n } = c.req.valid('param');
      const claim = claimOf(c)!;
      // Staff sign off on the customer's behalf: the audit row says so (store/stage-accept.ts).
      const result = await signOffStage(c.var.db, {
        orderId: id,
        n,
        body: c.req.valid('json') ?? {},
        ledgerKey: `stage-accept:${claim.key}`,
        claim,
        actor: actorOf(c),
      });
      return acceptAnswer(c, result as unknown as Record<string, unknown>) as never;
    },
  )
  .openapi(
    staffRoute(SALES, {
      method: 'post',
      path: '/{id}/stages/{n}/ready',
      tags: ['orders', 'account'],
      summary:
        'Mark a finished stage «готов к приёмке»: it waits for the customer’s sign-off on their account page; the customer is told ' +
        'by e-mail',
      request: { params: StageParams },
      responses: {
        200: jsonResponse(Order, 'the order'),
        409: jsonResponse(ErrorBody, 'already ready, accepted or withdrawn'),
        ...commonErrors,
      },
    }),
    async (c) => {
      const { id, n } = c.req.valid('param');
      const order = await orderOr404(c.var.db, id);
      const stage = order.stages.find((s) => s.n === n);
      if (!stage) throw notFound(both(E.noSuchStage, { n }));
      if (stage.status !== 'pending' || order.status === 'done' || order.status === 'withdrawn') {
        throw conflict(
          'stage_not_pending',
          bothOf(E.stageNotPending, (lang) => ({
            n,
            status: lang === 'en' ? stage.status : stage.status === 'accepted' ? RU.stageAccepted : RU.stageWithdrawn,
          })),
        );
      }
      if (stage.readyAt) throw conflict('stage_already_ready', both(E.stageAlreadyReady, { n }));
      const customer = await findCustomer(c.var.db, order.customerId);
      const lang = customer?.lang ?? 'ru';
      const mail = customer?.email
        ? {
            kind: 'stage_ready' as const,
            to: [customer.email],
            lang,
            subject: say(lang, MAIL_WORDS.stageReadySubject, { order: order.number, stage: n }),
            payload: { customerId: order.customerId, orderId: order.id, n, origin: appOrigin(c) },
            createdBy: actorOf(c).userId,
          }
        : null;
      const done = await markStageReady(c.var.db, order, stage, actorOf(c), mail);
      if (!done.marked) throw conflict('stage_already_ready', both(E.stageAlreadyReady, { n }));
      await enqueueMails(c.env.OUTBOX, done.mailIds);
      return c.json(await answerOne(c, await orderOr404(c.var.db, id)), 200);
    },
  )
  .openapi(
    staffRoute(SALES, {
      method: 'post',
      path: '/{id}/withdraw',
      tags: ['orders'],
      summary:
        'Withdraw an order that has not started, or the rest of one that has (what was done stays debited); idempotent by Idempotency-Key',
      middleware: [idempotency({ scope: 'order-withdraw', required: false, answer: withdrawnAnswer })],
      request: {
        params: IdParam,
        headers: idempotencyHeader(false),
        body: { content: { 'application/json': { schema: WithdrawBody } }, required: false },
      },
      responses: { 200: jsonResponse(Order, 'withdrawn'), 409: jsonResponse(ErrorBody, 'already done or withdrawn'), ...commonErrors },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const reason = c.req.valid('json')?.reason ?? '';
      const order = await orderOr404(c.var.db, id);
      const done = await withdrawOrder(c.var.db, order, reason, actorOf(c), claimOf(c));
      if (!done) {
        throw conflict('order_finished', both(order.status === 'done' ? E.orderAlreadyDone : E.orderAlreadyWithdrawn));
      }
      await reconcileCustomer(c.var.db, order.customerId);
      return withdrawnAnswer(c) as never;
    },
  );

async function withdrawnAnswer(c: AppContext): Promise<Response> {
  return c.json(await answerOne(c, await orderOr404(c.var.db, Number(c.req.param('id')))), 200);
}

export { requestLang };
