/**
 * The customer's account page: GET /a/:token (server-rendered, ru/en — the customer's language,
 * ?lang= switches), its forms (sign off a ready stage, withdraw an order not started) posted
 * back to /a/:token, and /a/:token/quotes/:id — an open estimate's own link, made as it is
 * followed (quote links are stored hashed, so the account cannot keep one to show).
 */
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Lang } from '../../domain/format';
import { parseFixed, stampText } from '../../domain/format';
import { NewRequestBody, pathToken } from '../../../schema/api';
import { raiseRequest, replyToRequest } from '../../http/customer-requests';
import { appOrigin, type AppContext } from '../../http/auth';
import { AppError } from '../../http/errors';
import { openAccount, type OpenedAccount } from '../../http/links';
import { publicRoute, router, sharedRoute } from '../../http/route';
import { signOffStage } from '../../http/sign-off';
import { ACCOUNT_CSS } from '../../pages/account-css';
import { accountPage, deadAccountPage, type PageState } from '../../pages/account-page';
import { ACCOUNT_WORDS } from '../../domain/words/account';
import { ERRORS as E } from '../../domain/words/errors';
import { say } from '../../domain/words/words';
import { randomToken, sha256Hex } from '../../platform/secrets';
import { customerSentQuote } from '../../store/account';
import { createShareLink } from '../../store/shares';
import { getSettings } from '../../store/settings';
import { accountView } from './view';
import { answerLimit, customerActor, customerWithdraws, viewLimit } from './api';

const html = (description: string) => ({ content: { 'text/html': { schema: z.string() } }, description });
const token = pathToken('the secret from the account link');
const TokenParam = z.object({ token });
// Read as it comes (a person followed it): a mangled id is a page saying so, not a JSON error.
const QuoteParams = z.object({ token, id: z.string().openapi({ param: { name: 'id', in: 'path' }, example: '1' }) });

/** ?lang= wins; otherwise the customer's own language. */
function langOf(c: Context, own: Lang): Lang {
  const q = c.req.query('lang');
  return q === 'ru' || q === 'en' ? q : own;
}

const deadLang = (c: Context): Lang => (c.req.query('lang') === 'en' ? 'en' : 'ru');

async function render(
  c: AppContext,
  opened: OpenedAccount,
  t: string,
  lang: Lang,
  state: Omit<PageState, 'formKey' | 'timeZone'>,
  status: 200 | 400 | 404 | 409 | 422 | 429 = 200,
) {
  const [view, settings] = await Promise.all([accountView(c.var.db, opened, t, appOrigin(c)), getSettings(c.var.db)]);
  return c.html(
    accountPage(view, lang, t, { ...state, formKey: randomToken(16), timeZone: settings.timeZone }, settings.companyName),
    status,
  );
}

const FormBody = z.object({
  action: z.enum(['accept', 'withdraw', 'request', 'reply']),
  orderId: z.string().max(12).optional(),
  n: z.string().max(5).optional(),
  name: z.string().optional(),
  actualHours: z.string().optional(),
  confirmOverrun: z.string().optional(),
  reason: z.string().optional(),
  key: z.string().max(100).optional(),
  // a new service request, or the customer's reply on one
  kind: z.string().max(20).optional(),
  subject: z.string().max(1000).optional(),
  description: z.string().max(20_000).optional(),
  priority: z.string().max(2).optional(),
  requestId: z.string().max(12).optional(),
  body: z.string().max(20_000).optional(),
});

const personName = (s: string | undefined) => {
  const v = (s ?? '').trim();
  return v.length >= 3 && v.length <= 200 && /\p{L}/u.test(v) ? v : null;
};

type Form = z.infer<typeof FormBody>;

/** A form's textarea comes with CRLF line ends; the request keeps plain ones, as the API's. */
const lines = (s: string | undefined) => (s ?? '').replace(/\r\n?/g, '\n');

/** The page's request forms: a new service request, or the customer's reply on one of theirs. */
async function requestForm(c: AppContext, opened: OpenedAccount, t: string, lang: Lang, f: Form) {
  const requestId = f.requestId && /^\d{1,9}$/.test(f.requestId) ? Number(f.requestId) : undefined;
  const kept = {
    kind: f.kind,
    subject: f.subject,
    description: f.description,
    priority: f.priority,
    requestId: f.action === 'reply' ? (requestId ?? 0) : undefined,
    name: f.name,
    body: f.body,
  };
  const refuse = (status: 400 | 404 | 422, text: string) =>
    render(c, opened, t, lang, { notice: { kind: 'error', text }, requestForm: kept }, status);
  try {
    if (f.action === 'request') {
      const parsed = NewRequestBody.safeParse({
        kind: f.kind,
        subject: f.subject ?? '',
        description: lines(f.description),
        priority: Number(f.priority),
      });
      if (!parsed.success) return refuse(400, say(lang, ACCOUNT_WORDS.requestInvalid));
      const key = f.key && /^[A-Za-z0-9_-]{8,100}$/.test(f.key) ? f.key : undefined;
      const created = await raiseRequest(c, opened.customer.id, parsed.data, key);
      const settings = await getSettings(c.var.db);
      const due = encodeURIComponent(stampText(created.reactionDueAt, settings.timeZone, lang));
      return c.redirect(
        `/a/${t}?lang=${lang}&done=requested&number=${encodeURIComponent(created.number)}&due=${due}#request-${created.id}`,
        303,
      );
    }
    const name = personName(f.name);
    const body = lines(f.body).trim();
    if (!requestId || !name || !body || body.length > 10_000) return refuse(400, say(lang, ACCOUNT_WORDS.replyInvalid));
    const replied = await replyToRequest(c.var.db, opened.customer.id, requestId, name, body);
    return c.redirect(`/a/${t}?lang=${lang}&done=replied&number=${encodeURIComponent(replied.number)}#request-${replied.id}`, 303);
  } catch (e) {
    if (e instanceof AppError && (e.status === 404 || e.status === 422)) return refuse(e.status, e.text[lang]);
    throw e;
  }
}

export const accountPages = router()
  .openapi(
    publicRoute({
      method: 'get',
      path: '/account.css',
      tags: ['account'],
      summary: 'The account page’s own stylesheet',
      responses: { 200: { content: { 'text/css': { schema: z.string() } }, description: 'CSS' } },
    }),
    (c) => c.body(ACCOUNT_CSS, 200, { 'content-type': 'text/css; charset=utf-8' }),
  )
  .openapi(
    sharedRoute({
      method: 'get',
      path: '/{token}',
      tags: ['account'],
      summary:
        'The customer’s account page: balance, open estimates, orders and stages with sign-off, the ledger by month with statements, ' +
        'data export',
      middleware: [viewLimit],
      request: { params: TokenParam },
      responses: { 200: html('the page'), 404: html('a page saying the link is unknown, expired or withdrawn') },
    }),
    async (c) => {
      const t = c.req.valid('param').token;
      const opened = await openAccount(c.var.db, t, true);
      if (typeof opened === 'string') return c.html(deadAccountPage(deadLang(c), opened), 404);
      const lang = langOf(c, opened.customer.lang);
      const done = c.req.query('done');
      const notice =
        done === 'accepted'
          ? say(lang, ACCOUNT_WORDS.accepted, { n: c.req.query('n') ?? '' })
          : done === 'withdrawn'
            ? say(lang, ACCOUNT_WORDS.withdrawn, { order: c.req.query('order') ?? '' })
            : done === 'requested'
              ? say(lang, ACCOUNT_WORDS.requested, { number: c.req.query('number') ?? '', due: c.req.query('due') ?? '' })
              : done === 'replied'
                ? say(lang, ACCOUNT_WORDS.replied, { number: c.req.query('number') ?? '' })
                : null;
      return render(c, opened, t, lang, notice ? { notice: { kind: 'ok', text: notice.replace(/[^\p{L}\p{N} .,«»“”:;()№-]/gu, '') } } : {});
    },
  )
  .openapi(
    sharedRoute({
      method: 'post',
      path: '/{token}',
      tags: ['account'],
      summary:
        'The page’s forms (work without JavaScript): sign off a ready stage, withdraw an order not started, raise a service request, ' +
        'reply on one; redirects back to the page',
      middleware: [answerLimit],
      request: { params: TokenParam, body: { content: { 'application/x-www-form-urlencoded': { schema: FormBody } }, required: true } },
      responses: {
        303: { description: 'done: back to the page' },
        400: html('the page with what to fix'),
        404: html('no such link'),
        409: html('the page saying why not'),
        422: html('the page saying why not'),
      },
    }),
    async (c) => {
      const t = c.req.valid('param').token;
      const opened = await openAccount(c.var.db, t, false);
      if (typeof opened === 'string') return c.html(deadAccountPage(deadLang(c), opened), 404);
      const lang = langOf(c, opened.customer.lang);
      const f = c.req.valid('form');
      if (f.action === 'request' || f.action === 'reply') return requestForm(c, opened, t, lang, f);
      const orderId = f.orderId && /^\d{1,9}$/.test(f.orderId) ? Number(f.orderId) : 0;
      const n = f.n && /^\d{1,4}$/.test(f.n) ? Number(f.n) : undefined;
      const form = { orderId, n: f.action === 'accept' ? n : undefined, name: f.name, actualHours: f.actualHours };
      const refuse = (status: 400 | 404 | 409 | 422, text: string) =>
        render(c, opened, t, lang, { notice: { kind: 'error', text }, form }, status);
      const name = personName(f.name);
      if (!name) return refuse(400, say(lang, ACCOUNT_WORDS.nameNeeded));
      try {
        if (f.action === 'accept') {
          if (!n) return refuse(400, say(lang, ACCOUNT_WORDS.nameNeeded));
          const typed = (f.actualHours ?? '').trim();
          const actual = typed ? parseFixed(typed, 2) : undefined;
          if (actual === null || (actual !== undefined && (actual < 0 || actual > 10_000_000)))
            return refuse(400, say(lang, E.hoursNumber));
          const key = f.key && /^[A-Za-z0-9_-]{8,64}$/.test(f.key) ? f.key : randomToken(16);
          await signOffStage(c.var.db, {
            orderId,
            n,
            body: {
              ...(actual !== undefined ? { actualHoursCenti: actual } : {}),
              ...(f.confirmOverrun === 'yes' ? { confirmOverrun: true } : {}),
            },
            // A form sent twice carries the same key: the second finds the stage signed off.
            ledgerKey: `account-form:${await sha256Hex(`${opened.link.id}:${key}`)}`,
            claim: null,
            actor: customerActor(c, name),
            customerId: opened.customer.id,
          });
          return c.redirect(`/a/${t}?lang=${lang}&done=accepted&n=${n}#order-${orderId}`, 303);
        }
        await customerWithdraws(c, opened.customer.id, orderId, name, (f.reason ?? '').trim().slice(0, 1000));
        const view = await accountView(c.var.db, opened, t, appOrigin(c));
        const number = view.orders.find((o) => o.id === orderId)?.number ?? '';
        return c.redirect(`/a/${t}?lang=${lang}&done=withdrawn&order=${encodeURIComponent(number)}`, 303);
      } catch (e) {
        if (e instanceof AppError && [400, 404, 409, 422].includes(e.status))
          return refuse(e.status as 400 | 404 | 409 | 422, e.text[lang]);
        throw e;
      }
    },
  )
  .openapi(
    sharedRoute({
      method: 'get',
      path: '/{token}/quotes/{id}',
      tags: ['account'],
      summary:
        'An open estimate of the customer’s: a link to it is made as it is followed (valid while the account link is), then the ' +
        'estimate’s page',
      middleware: [viewLimit],
      request: { params: QuoteParams },
      responses: {
        200: html('the estimate’s page, reached through the redirect'),
        303: { description: 'to the estimate’s page /s/:token' },
        404: html('no such link or estimate'),
      },
    }),
    async (c) => {
      const { token: t, id: idText } = c.req.valid('param');
      const opened = await openAccount(c.var.db, t, false);
      if (typeof opened === 'string') return c.html(deadAccountPage(deadLang(c), opened), 404);
      const id = /^[1-9]\d{0,8}$/.test(idText) ? Number(idText) : 0;
      const quote = id ? await customerSentQuote(c.var.db, opened.customer.id, id) : null;
      if (!quote) return c.html(deadAccountPage(langOf(c, opened.customer.lang), 'not_found'), 404);
      const shareToken = randomToken();
      const actor = customerActor(c, opened.customer.name);
      await createShareLink(c.var.db, id, await sha256Hex(shareToken), opened.link.expiresAt, {
        ...actor,
        kind: 'system',
        name: say('ru', ACCOUNT_WORDS.title),
      });
      return c.redirect(`/s/${shareToken}?lang=${langOf(c, opened.customer.lang)}`, 303);
    },
  );
