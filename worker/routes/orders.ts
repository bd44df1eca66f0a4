/** Work orders: from an accepted quote, staged, queued, signed off stage by stage, withdrawn. */
import { z } from '@hono/zod-openapi';
import { AcceptStageBody, AcceptStageResult, ErrorBody, IdParam, Order, OrderBody, OrderStatus, WithdrawBody } from '../../schema/api';
import { localDate } from '../domain/calendar';
import { planShare } from '../domain/debit-money';
import { invoiceMoney } from '../domain/invoice';
import { nextStage, waitingReason } from '../domain/ledger';
import { lowBalance, shortfallOf } from '../domain/low-balance';
import { moneyPlanOf, signOff } from '../domain/sign-off';
import { balanceLowSubject, type BalanceLowFacts } from '../mail/render';
import { actorOf, SALES, STAFF, type AppContext } from '../http/auth';
import { AppError, conflict, notFound, orThrow, requestLang, unprocessable } from '../http/errors';
import { commonErrors, jsonResponse, router, staffRoute } from '../http/route';
import { claimOf, idempotency, idempotencyHeader } from '../http/idempotency';
import { findCustomer } from '../store/customers';
import type { Db } from '../store/db';
import { createOrder, customerQueue, customerQueues, getOrder, listOrders, quoteLinesFor, reconcileCustomer, withdrawOrder, type CustomerQueue, type OrderView } from '../store/orders';
import { getSettings, type SettingsRow } from '../store/settings';
import { acceptStage, type AcceptResult, type LowBalanceMail } from '../store/stage-accept';
import { quoteOr404 } from '../http/lookups';
import { planStages } from '../domain/stage-plan';

const ACCEPTORS = ['accountant', 'manager', 'admin'] as const;

const orderNotFound = () => notFound({ en: 'No such work order.', ru: 'Такой заявки нет.' });

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
  const [queues, settings] = await Promise.all([customerQueues(c.var.db, list.map((o) => o.customerId)), getSettings(c.var.db)]);
  return list.map((o) => orderAnswer(c, o, queues.get(o.customerId), settings));
}

async function answerOne(c: AppContext, o: OrderView) {
  return (await orderAnswers(c, [o]))[0]!;
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
        'Sign off a stage: debits its billable norm-hours once (fixed hours, or actual hours × K) on the accepted quote’s terms; an overrun needs confirmOverrun; a short balance pauses the order afterwards; idempotent by Idempotency-Key',
      middleware: [idempotency({ scope: 'stage-accept', required: true, answer: acceptAnswer })],
      request: { params: StageParams, headers: idempotencyHeader(true), body: { content: { 'application/json': { schema: AcceptStageBody } }, required: false } },
      responses: {
        200: jsonResponse(AcceptStageResult, 'debited (or the same answer again for a retry)'),
        409: jsonResponse(ErrorBody, 'not the next stage, already accepted, or withdrawn'),
        422: jsonResponse(ErrorBody, 'the order is not running (waits for balance), an overrun is not confirmed, or the key was used for another request'),
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

      const signed = orThrow(signOff(order, n, body));
      const lowMail = await lowBalanceMail(db, order, stage.n, signed.debit.normHoursCenti);
      const outcome = await acceptStage(db, order, stage, signed, `stage-accept:${claim.key}`, claim, actorOf(c), lowMail);
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
  return c.json(await answerOne(c, await orderOr404(c.var.db, Number(c.req.param('id')))), 200);
}

/**
 * The e-mail for the customer in case this sign-off takes their balance below its threshold
 * (the store writes it only if it does); null when the customer has no address.
 */
async function lowBalanceMail(db: Db, order: OrderView, n: number, debitCenti: number): Promise<LowBalanceMail | null> {
  const [customer, queue, settings] = await Promise.all([findCustomer(db, order.customerId), customerQueue(db, order.customerId), getSettings(db)]);
  if (!customer?.email || !queue) return null;
  // Told once: not when the balance is below its threshold already.
  if (lowBalance(queue.balanceCenti, queue.lowBalanceCenti, queue.orders).low) return null;
  // As it will stand after the sign-off: the stage accepted, the balance debited.
  const after = queue.orders.map((o) => (o.id === order.id ? { ...o, stages: o.stages.map((s) => (s.n === n ? { ...s, status: 'accepted' as const } : s)) } : o));
  const balanceCenti = queue.balanceCenti - debitCenti;
  const low = lowBalance(balanceCenti, queue.lowBalanceCenti, after);
  const facts: BalanceLowFacts = {
    customerName: customer.name,
    orderNumber: order.number,
    stageN: n,
    balanceCenti,
    thresholdCenti: low.thresholdCenti,
    rateMinor: settings.rateMinor,
    currency: settings.currency,
  };
  return {
    to: [customer.email],
    lang: customer.lang,
    subject: balanceLowSubject(customer.lang, customer.name),
    payload: { ...facts, customerId: customer.id },
    // Two sign-offs at once would both find the balance above: one e-mail a day at most.
    dedupeKey: `balance-low:${customer.id}:${localDate(Date.now(), settings.timeZone)}`,
    createdBy: null,
  };
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
