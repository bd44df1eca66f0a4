/**
 * The customer's account through its link (API.md, "Customer account"): read it, sign off a stage
 * staff marked ready, withdraw an order not started, download the month statement and the
 * customer's own data. No login: the token is the key, so anything wrong with it is a 404, and
 * another customer's order or month is simply not there.
 */
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import {
  AccountAcceptBody,
  AccountViewS,
  AccountWithdrawBody,
  ErrorBody,
  IdParam,
  MonthQuery,
  pathToken,
  StageNumber,
} from '../../../schema/api';
import { localDate } from '../../domain/calendar';
import { customerMayWithdraw } from '../../domain/account';
import { XLSX_TYPE } from '../../excel/cells';
import { customerDataWorkbook } from '../../excel/customer-data';
import { contentDisposition, customerDataFileName } from '../../excel/filename';
import { appOrigin, clientIp, type AppContext, type AppEnv } from '../../http/auth';
import { assertCustomerDataFits, fileBody, PDF_TYPE } from '../../http/documents';
import { conflict, unprocessable } from '../../http/errors';
import { claimOf, idempotency, idempotencyHeader } from '../../http/idempotency';
import { rateLimit } from '../../http/rate-limit';
import { liveAccount } from '../../http/links';
import { fileResponse, jsonBody, jsonResponse, router, sharedRoute } from '../../http/route';
import { orderOr404, signOffStage } from '../../http/sign-off';
import { statementFile, statementOf } from '../../http/statement';
import { exportCustomer, exportForCustomer } from '../../store/customer-export';
import { reconcileCustomer } from '../../store/order-queue';
import { withdrawOrder } from '../../store/orders';
import type { Actor } from '../../store/quotes';
import { getSettings } from '../../store/settings';
import { accountView } from './view';
import type { Lang } from '../../domain/format';
import { ERRORS as E } from '../../domain/words/errors';
import { both } from '../../domain/words/words';

export const viewLimit = rateLimit('SHARED_VIEW_LIMITER');
export const answerLimit = rateLimit('SHARED_ANSWER_LIMITER');
export const downloadLimit = rateLimit('SHARED_EXPORT_LIMITER');

const token = pathToken('the secret from the account link');
const TokenParam = z.object({ token });
const OrderParams = z.object({ token, id: IdParam.shape.id });
const StageParams = z.object({ token, id: IdParam.shape.id, n: StageNumber });

const dead = {
  404: jsonResponse(ErrorBody, 'no such link (or expired, revoked), or not this customer’s'),
  429: jsonResponse(ErrorBody, 'too many requests'),
};

/** The customer acting through their link: the typed name, the address and the browser, for the audit trail. */
export function customerActor(c: Context, name: string): Actor {
  return { kind: 'customer', userId: null, name, ip: clientIp(c), userAgent: c.req.header('user-agent')?.slice(0, 300) ?? null };
}

/** The language of the customer's files: ?lang=, else the customer's own. */
const fileLang = (c: Context, own: Lang): Lang => {
  const q = c.req.query('lang');
  return q === 'ru' || q === 'en' ? q : own;
};

async function acceptAnswer(c: AppContext, result: Record<string, unknown>): Promise<Response> {
  const { token: t, id: orderId } = c.req.param() as { token: string; id: string };
  const opened = await liveAccount(c.var.db, t);
  const view = await accountView(c.var.db, opened, t, appOrigin(c));
  return c.json({ debit: result, balanceCenti: view.balanceCenti, order: view.orders.find((o) => o.id === Number(orderId)) ?? null }, 200);
}

async function withdrawAnswer(c: AppContext): Promise<Response> {
  const { token: t, id: orderId } = c.req.param() as { token: string; id: string };
  const opened = await liveAccount(c.var.db, t);
  const view = await accountView(c.var.db, opened, t, appOrigin(c));
  return c.json({ order: view.orders.find((o) => o.id === Number(orderId)) ?? null }, 200);
}

const AcceptResult = z
  .object({ debit: z.record(z.string(), z.unknown()), balanceCenti: z.number().int(), order: z.record(z.string(), z.unknown()).nullable() })
  .openapi('AccountAcceptResult');

export const accountApi = router()
  .openapi(
    sharedRoute({
      method: 'get',
      path: '/{token}',
      tags: ['account'],
      summary:
        'The customer’s account: balance and what it covers, open quotes with their links, orders with stages and queue position, the ' +
        'ledger by month',
      middleware: [viewLimit],
      request: { params: TokenParam },
      responses: { 200: jsonResponse(AccountViewS, 'the account'), ...dead },
    }),
    async (c) => {
      const { token: t } = c.req.valid('param');
      const opened = await liveAccount(c.var.db, t, true);
      return c.json(await accountView(c.var.db, opened, t, appOrigin(c)), 200);
    },
  )
  .openapi(
    sharedRoute({
      method: 'post',
      path: '/{token}/orders/{id}/stages/{n}/accept',
      tags: ['account', 'ledger'],
      summary:
        'The customer signs off a stage staff marked ready, with their name: debits it once (Idempotency-Key); the audit trail keeps ' +
        'the name, time and address',
      middleware: [answerLimit, idempotency({ scope: 'account-stage-accept', required: true, answer: acceptAnswer })],
      request: { params: StageParams, headers: idempotencyHeader(true), body: jsonBody(AccountAcceptBody) },
      responses: {
        200: jsonResponse(AcceptResult, 'debited (or the same answer again for a retry)'),
        400: jsonResponse(ErrorBody, 'invalid input'),
        409: jsonResponse(ErrorBody, 'already signed off, not the next stage, or withdrawn'),
        422: jsonResponse(ErrorBody, 'not ready for sign-off, the order does not run, or an overrun not confirmed'),
        ...dead,
      },
    }),
    async (c) => {
      const { token: t, id: orderId, n } = c.req.valid('param');
      const { name, ...body } = c.req.valid('json');
      const { customer } = await liveAccount(c.var.db, t);
      const claim = claimOf(c)!;
      const result = await signOffStage(c.var.db, {
        orderId,
        n,
        body,
        ledgerKey: `account-accept:${claim.key}`,
        claim,
        actor: customerActor(c, name),
        customerId: customer.id,
      });
      return acceptAnswer(c, result as unknown as Record<string, unknown>) as never;
    },
  )
  .openapi(
    sharedRoute({
      method: 'post',
      path: '/{token}/orders/{id}/withdraw',
      tags: ['account'],
      summary: 'The customer withdraws a work order that has not started (a started one: ask the manager); idempotent by Idempotency-Key',
      middleware: [answerLimit, idempotency({ scope: 'account-withdraw', required: false, answer: withdrawAnswer })],
      request: { params: OrderParams, headers: idempotencyHeader(false), body: jsonBody(AccountWithdrawBody) },
      responses: {
        200: jsonResponse(z.object({ order: z.record(z.string(), z.unknown()).nullable() }), 'withdrawn'),
        400: jsonResponse(ErrorBody, 'invalid input'),
        409: jsonResponse(ErrorBody, 'already withdrawn or done'),
        422: jsonResponse(ErrorBody, 'the work has started: ask the manager'),
        ...dead,
      },
    }),
    async (c) => {
      const { token: t, id: orderId } = c.req.valid('param');
      const { name, reason } = c.req.valid('json');
      const { customer } = await liveAccount(c.var.db, t);
      await customerWithdraws(c, customer.id, orderId, name, reason ?? '');
      return withdrawAnswer(c) as never;
    },
  )
  .openapi(
    sharedRoute({
      method: 'get',
      path: '/{token}/statement.xlsx',
      tags: ['account'],
      summary: 'The customer’s month statement as Excel (their month only)',
      middleware: [downloadLimit],
      request: { params: TokenParam, query: MonthQuery },
      responses: {
        200: fileResponse(XLSX_TYPE, 'the workbook'),
        400: jsonResponse(ErrorBody, 'not a month'),
        422: jsonResponse(ErrorBody, 'too many entries'),
        ...dead,
      },
    }),
    async (c) => {
      const { customer } = await liveAccount(c.var.db, c.req.valid('param').token);
      const s = await statementOf(c.var.db, customer.id, c.req.valid('query').month);
      const lang = fileLang(c, customer.lang);
      return (await statementFile(c, s, lang, 'xlsx')) as never;
    },
  )
  .openapi(
    sharedRoute({
      method: 'get',
      path: '/{token}/statement.pdf',
      tags: ['account'],
      summary: 'The customer’s month statement as an A4 PDF (their month only)',
      middleware: [downloadLimit],
      request: { params: TokenParam, query: MonthQuery },
      responses: {
        200: fileResponse(PDF_TYPE, 'the PDF'),
        400: jsonResponse(ErrorBody, 'not a month'),
        422: jsonResponse(ErrorBody, 'too many entries'),
        ...dead,
      },
    }),
    async (c) => {
      const { customer } = await liveAccount(c.var.db, c.req.valid('param').token);
      const s = await statementOf(c.var.db, customer.id, c.req.valid('query').month);
      const lang = fileLang(c, customer.lang);
      return (await statementFile(c, s, lang, 'pdf')) as never;
    },
  )
  .openapi(
    sharedRoute({
      method: 'get',
      path: '/{token}/export.json',
      tags: ['account'],
      summary: 'The customer’s own data as one JSON document: quotes as sent, orders, stages, the ledger (nothing internal)',
      middleware: [downloadLimit],
      request: { params: TokenParam },
      responses: { 200: jsonResponse(z.record(z.string(), z.unknown()), 'the document (as a download)'), ...dead },
    }),
    async (c) => {
      const { customer } = await liveAccount(c.var.db, c.req.valid('param').token);
      const doc = await exportForCustomer(c.var.db, customer.id);
      c.header('Content-Disposition', contentDisposition(`${customer.name}.json`));
      return c.json(doc as never, 200);
    },
  )
  .openapi(
    sharedRoute({
      method: 'get',
      path: '/{token}/export.xlsx',
      tags: ['account'],
      summary: 'The customer’s own data as one Excel workbook (the staff export without internal notes)',
      middleware: [downloadLimit],
      request: { params: TokenParam },
      responses: {
        200: fileResponse(XLSX_TYPE, 'the workbook'),
        422: jsonResponse(ErrorBody, 'too many rows: use the JSON export'),
        ...dead,
      },
    }),
    async (c) => {
      const { customer } = await liveAccount(c.var.db, c.req.valid('param').token);
      // The workbook itself leaves out what is internal (excel/customer-data.ts).
      const [doc, settings] = await Promise.all([exportCustomer(c.var.db, customer.id), getSettings(c.var.db)]);
      assertCustomerDataFits(doc!);
      const lang = fileLang(c, customer.lang);
      const generatedAt = new Date();
      const file = await customerDataWorkbook(
        { doc: doc!, companyName: settings.companyName, timeZone: settings.timeZone, currency: settings.currency, generatedAt },
        lang,
      );
      return fileBody(c, file, XLSX_TYPE, customerDataFileName(customer.name, localDate(generatedAt.getTime(), settings.timeZone), lang));
    },
  );

/** The customer withdraws their order through the link (the API and the page's form). */
export async function customerWithdraws(c: AppContext, customerId: number, orderId: number, name: string, reason: string) {
  const db = c.var.db;
  const order = await orderOr404(db, orderId, customerId);
  if (order.status === 'withdrawn' || order.status === 'done') {
    throw conflict('order_finished', both(order.status === 'done' ? E.orderAlreadyDone : E.orderAlreadyWithdrawn));
  }
  const started = () => unprocessable('order_started', both(E.orderStarted));
  if (!customerMayWithdraw(order)) throw started();
  const done = await withdrawOrder(db, order, reason, customerActor(c, name), claimOf(c), true);
  if (!done) {
    const now = await orderOr404(db, orderId, customerId);
    if (now.status === 'withdrawn') throw conflict('order_finished', both(E.orderAlreadyWithdrawn));
    throw started();
  }
  await reconcileCustomer(db, customerId);
}

export type { AppEnv };
