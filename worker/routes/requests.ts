/**
 * Service requests, staff side: the inbox with its filters, one request with its thread,
 * triage (kind, SLA level, status) with optimistic versions, answers the customer sees and
 * e-mails, and «в смету» — a development request made a draft quote in one click.
 */
import { z } from '@hono/zod-openapi';
import {
  ErrorBody,
  IdParam,
  RequestAnswerBody,
  RequestListQuery,
  RequestPatchBody,
  RequestQuoteBody,
  RequestQuoted,
  ServiceRequest,
  ServiceRequestDetail,
} from '../../schema/api';
import { localDate } from '../domain/calendar';
import { mayQuote, REQUEST_STATUSES, statusesLeadingTo } from '../domain/sla';
import { MAIL_WORDS } from '../domain/words/mail';
import { REQUEST_WORDS as W } from '../domain/words/requests';
import { both, bothOf } from '../domain/words/words';
import { SALES, STAFF, actorOf, appOrigin } from '../http/auth';
import { conflict, notFound, unprocessable } from '../http/errors';
import { commonErrors, jsonBody, jsonResponse, router, staffRoute } from '../http/route';
import { enqueueMails } from '../mail/queue';
import type { Db } from '../store/db';
import { answerRequest, patchRequest, quoteFromRequest } from '../store/request-handling';
import { customerContacts, findRequest, getRequest, listComments, listRequests, viewOf } from '../store/requests';
import { calendarOf, getSettings } from '../store/settings';

const requestNotFound = () => notFound(both(W.notFound));

async function context(db: Db) {
  const settings = await getSettings(db);
  return { settings, calendar: calendarOf(settings), now: new Date().toISOString() };
}

async function detail(db: Db, id: number) {
  const { calendar, now } = await context(db);
  const [row, comments] = await Promise.all([findRequest(db, id), listComments(db, id)]);
  if (!row) throw requestNotFound();
  return { ...viewOf(row, now, calendar), comments };
}

const refusals = { 409: jsonResponse(ErrorBody, 'stale version'), 422: jsonResponse(ErrorBody, 'a rule refused it'), ...commonErrors };

export const requestsRouter = router()
  .openapi(
    staffRoute(STAFF, {
      method: 'get',
      path: '/',
      tags: ['requests'],
      summary: 'Service requests, newest first, with reactionDueAt, breached and atRisk; filters: status, kind, customerId, quoteId, flag',
      request: { query: RequestListQuery },
      responses: { 200: jsonResponse(z.array(ServiceRequest), 'requests'), ...commonErrors },
    }),
    async (c) => {
      const { calendar, now } = await context(c.var.db);
      return c.json(await listRequests(c.var.db, c.req.valid('query'), calendar, now), 200);
    },
  )
  .openapi(
    staffRoute(STAFF, {
      method: 'get',
      path: '/{id}',
      tags: ['requests'],
      summary: 'One request with its thread of answers',
      request: { params: IdParam },
      responses: { 200: jsonResponse(ServiceRequestDetail, 'the request'), ...commonErrors },
    }),
    async (c) => c.json(await detail(c.var.db, c.req.valid('param').id), 200),
  )
  .openapi(
    staffRoute(STAFF, {
      method: 'patch',
      path: '/{id}',
      tags: ['requests'],
      summary: 'Triage: kind, SLA level (moves the deadline), status (by the transition table); version required',
      request: { params: IdParam, body: jsonBody(RequestPatchBody) },
      responses: { 200: jsonResponse(ServiceRequestDetail, 'the request after the change'), ...refusals },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { version, ...patch } = c.req.valid('json');
      const db = c.var.db;
      const before = await findRequest(db, id);
      if (!before) throw requestNotFound();
      const { calendar } = await context(db);
      if (!(await patchRequest(db, id, version, patch, before.createdAt, calendar))) {
        const now = await findRequest(db, id);
        if (!now) throw requestNotFound();
        if (now.version !== version) throw conflict('version_conflict', both(W.versionConflict), { currentVersion: now.version });
        if (patch.status && !statusesLeadingTo(patch.status).includes(now.status)) {
          throw unprocessable(
            'transition_not_allowed',
            bothOf(W.transitionRefused, (l) => ({ from: REQUEST_STATUSES[now.status][l], to: REQUEST_STATUSES[patch.status!][l] })),
            { from: now.status, to: patch.status },
          );
        }
        throw conflict('version_conflict', both(W.versionConflict), { currentVersion: now.version });
      }
      return c.json(await detail(db, id), 200);
    },
  )
  .openapi(
    staffRoute(STAFF, {
      method: 'post',
      path: '/{id}/answers',
      tags: ['requests'],
      summary: 'A staff answer: the customer sees it and gets it by e-mail; the first one stops the SLA clock',
      request: { params: IdParam, body: jsonBody(RequestAnswerBody) },
      responses: { 201: jsonResponse(ServiceRequestDetail, 'the request with the answer'), ...refusals },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { body } = c.req.valid('json');
      const db = c.var.db;
      const request = await findRequest(db, id);
      if (!request) throw requestNotFound();
      const contacts = await customerContacts(db, request.customerId);
      const lang = contacts?.lang ?? 'ru';
      const mail =
        contacts && contacts.emails.length > 0
          ? { to: contacts.emails, lang, subject: MAIL_WORDS.requestAnsweredSubject[lang === 'ru' ? 0 : 1], origin: appOrigin(c) }
          : null;
      const result = await answerRequest(db, id, body, actorOf(c), mail);
      if (!result.applied) throw unprocessable('request_closed', both(W.closed));
      await enqueueMails(c.env.OUTBOX, result.mailIds);
      return c.json(await detail(db, id), 201);
    },
  )
  .openapi(
    staffRoute(SALES, {
      method: 'post',
      path: '/{id}/quote',
      tags: ['requests'],
      summary:
        '«В смету»: a development request becomes a draft quote keeping its text (subject → title and line, description → note); linked ' +
        'both ways',
      request: { params: IdParam, body: jsonBody(RequestQuoteBody) },
      responses: {
        201: jsonResponse(RequestQuoted, 'the new quote’s id and the request'),
        ...refusals,
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { version } = c.req.valid('json');
      const db = c.var.db;
      const row = await findRequest(db, id);
      if (!row) throw requestNotFound();
      const check = () => {
        if (row.quoteId !== null)
          throw conflict('already_quoted', both(W.alreadyQuoted, { number: row.quoteNumber ?? '' }), { quoteId: row.quoteId });
        if (!mayQuote(row)) throw unprocessable('not_development', both(W.notDevelopment));
      };
      check();
      if (version !== undefined && version !== row.version)
        throw conflict('version_conflict', both(W.versionConflict), { currentVersion: row.version });
      const { settings, calendar, now } = await context(db);
      const today = localDate(Date.now(), settings.timeZone);
      const quoteId = await quoteFromRequest(
        db,
        row,
        version,
        Number(today.slice(0, 4)),
        {
          currency: settings.currency,
          rateMinor: settings.rateMinor,
          vatMode: settings.vatMode,
          vatRateMilli: settings.vatRateMilli,
          discountRateMilli: 0,
          validUntil: null,
        },
        both(W.quoteInternalNote, { number: row.number }).ru,
        actorOf(c),
      );
      if (quoteId === null) {
        const again = await findRequest(db, id);
        if (!again) throw requestNotFound();
        Object.assign(row, again);
        check();
        throw conflict('version_conflict', both(W.versionConflict), { currentVersion: again.version });
      }
      const request = await getRequest(db, id, calendar, now);
      return c.json({ quoteId, request: request! }, 201);
    },
  );
