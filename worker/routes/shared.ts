/**
 * What a customer with a link can do: read the estimate (JSON or the page at /s/:token),
 * accept, decline or request changes, download it. No account: the token is the key, so
 * anything wrong with it is a plain 404 (the page may say kindly that it expired).
 */
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { ErrorBody, pathToken, SharedQuote } from '../../schema/api';
import { localDate } from '../domain/calendar';
import type { Lang } from '../domain/format';
import { ACCEPT_TERMS, sharedView } from '../domain/shared-view';
import { appOrigin, clientIp, type AppEnv } from '../http/auth';
import { AppError, badRequest, conflict, type Message } from '../http/errors';
import { LINK_TOKEN, deadError, linkNotFound } from '../http/links';
import { LangQuery, estimatePdf, estimateXlsx, pdfResponses, xlsxResponses } from '../http/documents';
import { rateLimit, sharedHeaders } from '../http/rate-limit';
import { jsonBody, jsonResponse, publicRoute, router, sharedRoute } from '../http/route';
import { sha256Hex } from '../platform/secrets';
import { enqueueMails } from '../mail/queue';
import { SHARED_ANSWER_WORDS as W } from '../domain/words/refusals';
import { MAIL_WORDS } from '../domain/words/mail';
import { VALIDATION_WORDS } from '../domain/words/validation';
import { ERRORS as E } from '../domain/words/errors';
import { both, bothOf, say } from '../domain/words/words';
import { validationError } from '../http/validate';
import { SHARE_CSS, SHARE_JS, deadLinkPage, sharedPage, type FormState } from '../pages/shared-page';
import type { Db } from '../store/db';
import type { Actor } from '../store/quotes';
import { answerShared, linkState, openShareLink, type AnswerKind, type OpenedLink } from '../store/shares';

export { sharedHeaders };

const viewLimit = rateLimit('SHARED_VIEW_LIMITER');
const answerLimit = rateLimit('SHARED_ANSWER_LIMITER');

const TokenParam = z.object({
  token: pathToken('the secret from the link'),
});

export async function tokenHash(token: string): Promise<string> {
  if (!LINK_TOKEN.test(token)) throw linkNotFound();
  return sha256Hex(token);
}

/** The customer's page defaults to Russian; ?lang= or the browser's first language can switch it. */
export function pageLang(c: Context): Lang {
  const q = c.req.query('lang');
  if (q === 'ru' || q === 'en') return q;
  const first = (c.req.header('accept-language') ?? '').split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'ru';
}

function deadReason(opened: OpenedLink): 'not_found' | 'expired' | 'revoked' | null {
  if (!opened.link || !opened.quote) return 'not_found';
  const state = linkState(opened.link, new Date().toISOString());
  return state === 'active' ? null : state;
}

function viewOf(opened: OpenedLink) {
  return sharedView(opened.quote!, {
    companyName: opened.settings.companyName,
    companyDetails: opened.settings.companyDetails,
    logoDataUrl: opened.settings.logoDataUrl,
    manager: opened.manager,
    customerName: opened.quote!.customerName,
    customerLegalName: opened.customerLegalName,
    linkExpiresAt: opened.link!.expiresAt,
  });
}

/** Opens a live link or throws the 404 it deserves. */
export async function openLive(db: Db, token: string, count: boolean): Promise<OpenedLink> {
  const opened = await openShareLink(db, await tokenHash(token), count);
  const dead = deadReason(opened);
  if (dead) throw deadError(dead);
  return opened;
}

const name = z
  .string()
  .trim()
  .min(3)
  .max(200)
  .refine((s) => /\p{L}/u.test(s), { message: VALIDATION_WORDS.personName[1], params: { ru: VALIDATION_WORDS.personName[0] } });
const longText = z.string().trim().min(1).max(5_000);

const revision = z.number().int().min(1).max(1000).optional().openapi({
  description: 'the revision the customer saw (the page always sends it); when a newer one was sent since: 409 revision_replaced',
});

const AcceptBody = z.object({ name, revision }).strict().openapi('SharedAcceptBody');
const DeclineBody = z.object({ name, reason: longText, revision }).strict().openapi('SharedDeclineBody');
const ChangesBody = z.object({ name, message: longText, revision }).strict().openapi('SharedChangesBody');

const ANSWER_WORD = {
  accepted: MAIL_WORDS.answerAccepted,
  declined: MAIL_WORDS.answerDeclined,
  changes_requested: MAIL_WORDS.answerChanges,
} as const;

async function answer(c: Context<AppEnv>, token: string, kind: AnswerKind, nameText: string, message: string | null, seen: number | null) {
  const hash = await tokenHash(token);
  const db = c.var.db;
  const before = await openShareLink(db, hash, false);
  const dead = deadReason(before);
  if (dead) throw deadError(dead);
  const today = localDate(Date.now(), before.settings.timeZone);
  const actor: Actor = {
    kind: 'customer',
    userId: null,
    name: nameText,
    ip: clientIp(c),
    userAgent: c.req.header('user-agent')?.slice(0, 300) ?? null,
  };
  const shown = before.quote!;
  const result = await answerShared(db, hash, {
    kind,
    name: nameText,
    message,
    revision: seen,
    today,
    actor,
    terms: kind === 'accepted' ? ACCEPT_TERMS.ru : null,
    mail: {
      subject: say('ru', MAIL_WORDS.answeredSubject, {
        number: shown.number,
        answer: say('ru', ANSWER_WORD[kind]),
        customer: shown.customerName,
      }),
      origin: appOrigin(c),
    },
  });
  if (!result.applied) {
    const q = result.quote;
    if (!q) throw linkNotFound();
    if (seen !== null && q.revision !== seen)
      throw conflict('revision_replaced', both(W.newerRevision, { number: q.number }), { revision: q.revision, number: q.number });
    if (q.supersededAt) throw conflict('revision_replaced', both(W.replaced));
    if (q.status === 'expired') throw conflict('quote_expired', both(W.expired));
    if (q.status === 'accepted' || q.status === 'declined' || q.status === 'changes_requested')
      throw conflict('already_answered', both(W.answered));
    throw conflict('not_available', both(W.notAvailable));
  }
  await enqueueMails(c.env.OUTBOX, result.mailIds);
  return viewOf({ ...before, quote: result.quote });
}

const answerResponses = {
  200: jsonResponse(SharedQuote, 'the estimate with its answer'),
  400: jsonResponse(ErrorBody, 'invalid input'),
  404: jsonResponse(ErrorBody, 'no such link (or expired, revoked)'),
  409: jsonResponse(ErrorBody, 'already answered, replaced or expired'),
  429: jsonResponse(ErrorBody, 'too many requests'),
};

export const sharedApi = router();
sharedApi.use('*', sharedHeaders);
sharedApi
  .openapi(
    sharedRoute({
      method: 'get',
      path: '/{token}',
      tags: ['shared'],
      summary: 'The sent revision the link points at, without internal fields',
      middleware: [viewLimit],
      request: { params: TokenParam },
      responses: {
        200: jsonResponse(SharedQuote, 'the estimate'),
        404: jsonResponse(ErrorBody, 'no such link'),
        429: jsonResponse(ErrorBody, 'too many requests'),
      },
    }),
    async (c) => {
      const opened = await openLive(c.var.db, c.req.valid('param').token, true);
      return c.json(viewOf(opened), 200);
    },
  )
  .openapi(
    sharedRoute({
      method: 'post',
      path: '/{token}/accept',
      tags: ['shared'],
      summary: 'Accept, with the typed full name (only the current sent revision)',
      middleware: [answerLimit],
      request: { params: TokenParam, body: jsonBody(AcceptBody) },
      responses: answerResponses,
    }),
    async (c) => {
      const b = c.req.valid('json');
      return c.json(await answer(c, c.req.valid('param').token, 'accepted', b.name, null, b.revision ?? null), 200);
    },
  )
  .openapi(
    sharedRoute({
      method: 'post',
      path: '/{token}/decline',
      tags: ['shared'],
      summary: 'Decline, with a reason',
      middleware: [answerLimit],
      request: { params: TokenParam, body: jsonBody(DeclineBody) },
      responses: answerResponses,
    }),
    async (c) => {
      const b = c.req.valid('json');
      return c.json(await answer(c, c.req.valid('param').token, 'declined', b.name, b.reason, b.revision ?? null), 200);
    },
  )
  .openapi(
    sharedRoute({
      method: 'post',
      path: '/{token}/request-changes',
      tags: ['shared'],
      summary: 'Ask for changes, with a message',
      middleware: [answerLimit],
      request: { params: TokenParam, body: jsonBody(ChangesBody) },
      responses: answerResponses,
    }),
    async (c) => {
      const b = c.req.valid('json');
      return c.json(await answer(c, c.req.valid('param').token, 'changes_requested', b.name, b.message, b.revision ?? null), 200);
    },
  );

const downloadLimit = rateLimit('SHARED_EXPORT_LIMITER');
const downloadErrors = {
  404: jsonResponse(ErrorBody, 'no such link (or expired, revoked)'),
  429: jsonResponse(ErrorBody, 'too many requests'),
};

sharedApi
  .openapi(
    sharedRoute({
      method: 'get',
      path: '/{token}/export.xlsx',
      tags: ['shared'],
      summary: 'The revision the link shows, as Excel',
      middleware: [downloadLimit],
      request: { params: TokenParam, query: LangQuery },
      responses: { ...xlsxResponses, ...downloadErrors },
    }),
    async (c) => {
      const opened = await openLive(c.var.db, c.req.valid('param').token, false);
      return estimateXlsx(c, opened.quote!, opened.settings, opened.customerLegalName, pageLang(c), opened.link!.expiresAt);
    },
  )
  .openapi(
    sharedRoute({
      method: 'get',
      path: '/{token}/export.pdf',
      tags: ['shared'],
      summary: 'The revision the link shows, as an A4 PDF',
      middleware: [downloadLimit],
      request: { params: TokenParam, query: LangQuery },
      responses: { ...pdfResponses, ...downloadErrors },
    }),
    async (c) => {
      const opened = await openLive(c.var.db, c.req.valid('param').token, false);
      return estimatePdf(c, opened.quote!, opened.settings, pageLang(c));
    },
  );

const FormBody = z.object({
  action: z.enum(['accept', 'decline', 'request_changes']),
  name: z.string().optional(),
  message: z.string().optional(),
  agree: z.string().optional(),
  /** The revision the page showed (a newer one sent meanwhile refuses the answer). */
  revision: z.string().optional(),
});

const PAGE_ACTION: Record<z.infer<typeof FormBody>['action'], AnswerKind> = {
  accept: 'accepted',
  decline: 'declined',
  request_changes: 'changes_requested',
};

const html = (description: string) => ({ content: { 'text/html': { schema: z.string() } }, description });

export const sharedPages = router();
sharedPages.use('*', sharedHeaders);
sharedPages
  .openapi(
    publicRoute({
      method: 'get',
      path: '/share.css',
      tags: ['shared'],
      summary: 'The customer page’s stylesheet',
      responses: { 200: { content: { 'text/css': { schema: z.string() } }, description: 'CSS' } },
    }),
    (c) => c.body(SHARE_CSS, 200, { 'content-type': 'text/css; charset=utf-8' }),
  )
  .openapi(
    publicRoute({
      method: 'get',
      path: '/share.js',
      tags: ['shared'],
      summary: 'The customer page’s print helper',
      responses: { 200: { content: { 'text/javascript': { schema: z.string() } }, description: 'JS' } },
    }),
    (c) => c.body(SHARE_JS, 200, { 'content-type': 'text/javascript; charset=utf-8' }),
  )
  .openapi(
    sharedRoute({
      method: 'get',
      path: '/{token}',
      tags: ['shared'],
      summary: 'The customer’s page: the estimate, its services and totals, the answer forms',
      middleware: [viewLimit],
      // `?lang=en` and `?done` are read as they come: a mangled query on a page a person opened is no reason for an error.
      request: { params: TokenParam },
      responses: { 200: html('the page'), 404: html('a page saying the link is unknown, expired or withdrawn') },
    }),
    async (c) => {
      const lang = pageLang(c);
      const { token } = c.req.valid('param');
      if (!LINK_TOKEN.test(token)) return c.html(deadLinkPage(lang, 'not_found'), 404);
      const opened = await openShareLink(c.var.db, await sha256Hex(token), true);
      const dead = deadReason(opened);
      if (dead) return c.html(deadLinkPage(lang, dead), 404);
      return c.html(sharedPage(viewOf(opened), lang, token, {}, c.req.query('done') !== undefined), 200);
    },
  )
  .openapi(
    sharedRoute({
      method: 'post',
      path: '/{token}',
      tags: ['shared'],
      summary: 'The page’s answer form (works without JavaScript); redirects back to the page',
      middleware: [answerLimit],
      request: { params: TokenParam, body: { content: { 'application/x-www-form-urlencoded': { schema: FormBody } }, required: true } },
      responses: {
        303: { description: 'answered: back to the page' },
        400: html('the page with what to fix'),
        404: html('no such link'),
        409: html('the page saying why no answer is possible'),
      },
    }),
    async (c) => {
      const lang = pageLang(c);
      const { token } = c.req.valid('param');
      const form = c.req.valid('form');
      const state: FormState = { action: form.action, name: form.name, message: form.message };
      const kind = PAGE_ACTION[form.action];
      const render = async (status: 400 | 404 | 409 | 429, error: Message) => {
        if (!LINK_TOKEN.test(token)) return c.html(deadLinkPage(lang, 'not_found'), 404);
        const opened = await openShareLink(c.var.db, await sha256Hex(token), false);
        const dead = deadReason(opened);
        if (dead) return c.html(deadLinkPage(lang, dead), 404);
        return c.html(sharedPage(viewOf(opened), lang, token, { ...state, error: error[lang] }), status);
      };
      const parsed = (
        kind === 'accepted' ? AcceptBody : kind === 'declined' ? z.object({ name, reason: longText }) : ChangesBody
      ).safeParse(
        kind === 'accepted'
          ? { name: form.name ?? '' }
          : kind === 'declined'
            ? { name: form.name ?? '', reason: form.message ?? '' }
            : { name: form.name ?? '', message: form.message ?? '' },
      );
      if (!parsed.success) {
        const e = validationError(c, parsed.error, 'form');
        return render(
          400,
          bothOf(kind === 'accepted' ? E.enterName : E.enterNameAndText, (lang) => ({ problem: e.text[lang] })),
        );
      }
      if (kind === 'accepted' && form.agree !== 'yes') {
        return render(400, both(E.confirmTerms));
      }
      try {
        const seen = form.revision && /^\d{1,4}$/.test(form.revision) ? Number(form.revision) : null;
        await answer(c, token, kind, parsed.data.name, kind === 'accepted' ? null : (form.message ?? '').trim(), seen);
      } catch (e) {
        if (e instanceof AppError && (e.status === 404 || e.status === 409 || e.status === 400))
          return render(e.status as 400 | 404 | 409, e.text);
        throw e;
      }
      return c.redirect(`/s/${token}?lang=${lang}&done=1`, 303);
    },
  );

export { badRequest };
