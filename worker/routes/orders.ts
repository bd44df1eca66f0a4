/** Work orders: from an accepted quote, staged, queued, debited stage by stage, withdrawn. */
import { z } from '@hono/zod-openapi';
import { AcceptStageBody, AcceptStageResult, ErrorBody, IdParam, Order, OrderBody, OrderStatus, WithdrawBody } from '../../schema/api';
import { localDate } from '../domain/calendar';
import { DebitInputError, nextStage, stageDebit, waitingReason, type StageLine } from '../domain/ledger';

import { actorOf, SALES, STAFF, type AppContext } from '../http/auth';
import { AppError, badRequest, conflict, notFound, orThrow, requestLang, unprocessable } from '../http/errors';
import { commonErrors, jsonResponse, router, staffRoute } from '../http/route';
import { claimOf, idempotency, idempotencyHeader } from '../http/idempotency';
import type { Db } from '../store/db';
import { acceptStage, createOrder, getOrder, listOrders, quoteLinesFor, reconcileCustomer, withdrawOrder, type AcceptResult, type OrderView } from '../store/orders';
import { getSettings } from '../store/settings';
import { quoteOr404 } from '../http/lookups';
import { planStages } from '../domain/stage-plan';

const ACCEPTORS = ['accountant', 'manager', 'admin'] as const;

const orderNotFound = () => notFound({ en: 'No such work order.', ru: 'Такой заявки нет.' });

/** The order as the API answers it: with why it waits, in the request's language. */
export function orderAnswer(c: AppContext, o: OrderView) {
  const reason = waitingReason(o, o.balanceCenti, o.overdraftCenti);
  return { ...o, stages: o.stages.map(({ id: _id, ...s }) => s), waiting: reason ? reason[requestLang(c)] : null };
}

async function orderOr404(db: Db, id: number) {
  const order = await getOrder(db, id);
  if (!order) throw orderNotFound();
  return order;
}

export const quoteOrders = router().openapi(
  staffRoute(SALES, {
    method: 'post',
    path: '/{id}/order',
    tags: ['orders'],
    summary: 'Turn an accepted quote into a work order, cut into stages (by line, by section, one stage, or as given)',
    request: { params: IdParam, body: { content: { 'application/json': { schema: OrderBody } }, required: false } },
    responses: { 201: jsonResponse(Order, 'the work order'), 409: jsonResponse(ErrorBody, 'already has an order'), 422: jsonResponse(ErrorBody, 'not accepted'), ...commonErrors },
  }),
  async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json') ?? {};
    const quote = await quoteOr404(c.var.db, id);
    if (quote.orderId !== null) {
      throw conflict('order_exists', { en: `This quote already has a work order.`, ru: 'По этой смете заявка уже создана.' }, { orderId: quote.orderId });
    }
    if (quote.status !== 'accepted') {
      throw unprocessable('quote_not_accepted', { en: 'Only an accepted quote becomes a work order.', ru: 'Заявку можно создать только из принятой сметы.' });
    }
    const plan = orThrow(planStages(await quoteLinesFor(c.var.db, id), body));
    const settings = await getSettings(c.var.db);
    const year = Number(localDate(Date.now(), settings.timeZone).slice(0, 4));
    const orderId = await createOrder(c.var.db, id, year, plan, actorOf(c));
    if (orderId === null) {
      const again = await quoteOr404(c.var.db, id);
      throw conflict('order_exists', { en: 'This quote already has a work order.', ru: 'По этой смете заявка уже создана.' }, { orderId: again.orderId });
    }
    await reconcileCustomer(c.var.db, quote.customerId);
    return c.json(orderAnswer(c, await orderOr404(c.var.db, orderId)), 201);
  },
);

/** The answer of an acceptance, from what its write stored: the order as it is now, and the debit. */
async function acceptAnswer(c: AppContext, result: Record<string, unknown>): Promise<Response> {
  const { id } = c.req.param() as { id: string };
  const order = await orderOr404(c.var.db, Number(id));
  const r = result as unknown as AcceptResult;
  const debit = { entryId: r.entryId, normHoursCenti: r.normHoursCenti, moneyMinor: r.moneyMinor, balanceAfterCenti: r.balanceAfterCenti };
  return c.json({ order: orderAnswer(c, order), debit }, 200);
}

const StageParams = z.object({
  id: IdParam.shape.id,
  n: z.coerce.number().int().min(1).max(1000).openapi({ param: { name: 'n', in: 'path' }, example: 1 }),
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
    async (c) => c.json((await listOrders(c.var.db, c.req.valid('query'))).map((o) => orderAnswer(c, o)), 200),
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
    async (c) => c.json(orderAnswer(c, await orderOr404(c.var.db, c.req.valid('param').id)), 200),
  )
  .openapi(
    staffRoute(ACCEPTORS, {
      method: 'post',
      path: '/{id}/stages/{n}/accept',
      tags: ['orders', 'ledger'],
      summary: 'Accept a stage: debits its billable norm-hours once (fixed hours, or actual hours × K); idempotent by Idempotency-Key',
      middleware: [idempotency({ scope: 'stage-accept', required: true, answer: acceptAnswer })],
      request: { params: StageParams, headers: idempotencyHeader(true), body: { content: { 'application/json': { schema: AcceptStageBody } }, required: false } },
      responses: {
        200: jsonResponse(AcceptStageResult, 'debited (or the same answer again for a retry)'),
        409: jsonResponse(ErrorBody, 'not the next stage, already accepted, or withdrawn'),
        422: jsonResponse(ErrorBody, 'the balance is too low, or the key was used for another request'),
        ...commonErrors,
      },
    }),
    async (c) => {
      const { id, n } = c.req.valid('param');
      const body = c.req.valid('json') ?? {};
      const db = c.var.db;
      const claim = claimOf(c)!;
      let order = await orderOr404(db, id);
      let stage = order.stages.find((s) => s.n === n);
      if (!stage) throw notFound({ en: `The order has no stage ${n}.`, ru: `В заявке нет этапа ${n}.` });
      if (stage.status === 'accepted') throw alreadyAccepted(n, stage.acceptedAt);
      if (stage.status === 'withdrawn' || order.status === 'withdrawn') {
        throw conflict('order_withdrawn', { en: 'This work order was withdrawn.', ru: 'Эта заявка отозвана.' });
      }
      const next = nextStage(order.stages);
      if (next && next.n !== n) {
        throw conflict('stage_not_next', { en: `Stage ${next.n} must be accepted before stage ${n}.`, ru: `Сначала нужно принять этап ${next.n}, затем ${n}.` });
      }
      if (order.status !== 'in_progress') {
        // The queue may be behind (a top-up just landed): bring it up to date first.
        await reconcileCustomer(db, order.customerId);
        order = await orderOr404(db, id);
        stage = order.stages.find((s) => s.n === n)!;
        if (order.status !== 'in_progress') throw notRunning(c, order);
      }

      const actual = new Map<number, number>();
      for (const l of body.lines ?? []) actual.set(l.lineId, l.actualHoursCenti);
      if (body.actualHoursCenti !== undefined) {
        const actualLines = stage.lines.filter((l) => l.actualTime);
        if (actualLines.length !== 1) {
          throw badRequest(
            {
              en: actualLines.length === 0 ? 'actualHoursCenti: this stage has no actual-time service.' : 'actualHoursCenti: this stage has several actual-time services: give lines[].',
              ru: actualLines.length === 0 ? 'actualHoursCenti: в этом этапе нет услуг с оплатой по факту.' : 'actualHoursCenti: в этапе несколько услуг по факту — укажите lines[].',
            },
            [{ field: 'actualHoursCenti', code: 'invalid', message: 'not applicable to this stage' }],
          );
        }
        actual.set(actualLines[0]!.lineId, body.actualHoursCenti);
      }
      let debit;
      try {
        debit = stageDebit(stage.lines as StageLine[], order.rateMinor, actual);
      } catch (e) {
        if (e instanceof DebitInputError) throw badRequest({ en: `lines: ${e.en}`, ru: `lines: ${e.ru}` }, [{ field: 'lines', code: 'invalid', message: e.en }]);
        throw e;
      }

      const outcome = await acceptStage(db, order, stage, debit, `stage-accept:${claim.key}`, claim, actorOf(c));
      if (outcome.accepted) {
        await reconcileCustomer(db, order.customerId);
        return acceptAnswer(c, outcome.result as unknown as Record<string, unknown>) as never;
      }
      // Nothing was accepted: someone else was first, or something changed under us. (A twin
      // with the same key is answered by the idempotency middleware.)
      const now = await orderOr404(db, id);
      const nowStage = now.stages.find((s) => s.n === n)!;
      if (nowStage.status === 'accepted') throw alreadyAccepted(n, nowStage.acceptedAt);
      if (now.status !== 'in_progress') throw notRunning(c, now);
      const short = debit.normHoursCenti - (now.balanceCenti + now.overdraftCenti);
      if (short > 0) throw insufficient(debit.normHoursCenti, now.balanceCenti, now.overdraftCenti);
      throw conflict('stage_not_next', { en: 'The order changed meanwhile; reload it and try again.', ru: 'Заявка изменилась; обновите её и повторите.' });
    },
  )
  .openapi(
    staffRoute(SALES, {
      method: 'post',
      path: '/{id}/withdraw',
      tags: ['orders'],
      summary: 'Withdraw an order that has not started, or the rest of one that has (what was done stays debited); idempotent by Idempotency-Key',
      middleware: [idempotency({ scope: 'order-withdraw', required: false, answer: withdrawnAnswer })],
      request: { params: IdParam, headers: idempotencyHeader(false), body: { content: { 'application/json': { schema: WithdrawBody } }, required: false } },
      responses: { 200: jsonResponse(Order, 'withdrawn'), 409: jsonResponse(ErrorBody, 'already done or withdrawn'), ...commonErrors },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const reason = c.req.valid('json')?.reason ?? '';
      const order = await orderOr404(c.var.db, id);
      const done = await withdrawOrder(c.var.db, order, reason, actorOf(c), claimOf(c));
      if (!done) {
        throw conflict('order_finished', { en: `This order is already ${order.status === 'done' ? 'done' : 'withdrawn'}.`, ru: `Эта заявка уже ${order.status === 'done' ? 'выполнена' : 'отозвана'}.` });
      }
      await reconcileCustomer(c.var.db, order.customerId);
      return withdrawnAnswer(c) as never;
    },
  );

async function withdrawnAnswer(c: AppContext): Promise<Response> {
  return c.json(orderAnswer(c, await orderOr404(c.var.db, Number(c.req.param('id')))), 200);
}

function alreadyAccepted(n: number, at: string | null) {
  return conflict(
    'stage_already_accepted',
    { en: `Stage ${n} was already accepted${at ? ` on ${at.slice(0, 10)}` : ''}; it is debited once.`, ru: `Этап ${n} уже принят${at ? ` ${at.slice(0, 10)}` : ''}; списание делается один раз.` },
    { acceptedAt: at },
  );
}

function insufficient(need: number, balance: number, overdraft: number) {
  const f = (x: number) => (x / 100).toFixed(2);
  return new AppError(
    422,
    'insufficient_balance',
    {
      en: `Not enough norm-hours: the stage needs ${f(need)}, the balance is ${f(balance)}${overdraft ? ` (overdraft allowed: ${f(overdraft)})` : ''}. Top up the balance first.`,
      ru: `Не хватает нормо-часов: этап требует ${f(need).replace('.', ',')}, на балансе ${f(balance).replace('.', ',')}${overdraft ? ` (допустимый минус ${f(overdraft).replace('.', ',')})` : ''}. Сначала пополните баланс.`,
    },
    { needCenti: need, balanceCenti: balance, overdraftCenti: overdraft },
  );
}

function notRunning(c: AppContext, order: OrderView) {
  const why = waitingReason(order, order.balanceCenti, order.overdraftCenti);
  if (order.status === 'paused' || order.status === 'queued') {
    const next = nextStage(order.stages);
    if (next && next.normHoursCenti > order.balanceCenti + order.overdraftCenti) return insufficient(next.normHoursCenti, order.balanceCenti, order.overdraftCenti);
  }
  return unprocessable('order_not_running', {
    en: `The order is ${order.status.replace('_', ' ')}. ${why?.en ?? ''}`.trim(),
    ru: `Заявка сейчас не выполняется (${order.status}). ${why?.ru ?? ''}`.trim(),
  });
}

export { requestLang };
