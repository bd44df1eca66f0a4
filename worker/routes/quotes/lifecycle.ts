/** A quote's lifecycle: send, new revision, copy, archive, re-price. */
import { DuplicateBody, IdParam, MailPreview, MailPreviewBody, Quote, SendBody, VersionBody } from '../../../schema/api';
import { addDays } from '../../domain/calendar';
import { MAIL_WORDS } from '../../domain/words/mail';
import { ERRORS as E } from '../../domain/words/errors';
import { both, say } from '../../domain/words/words';
import { SALES, actorOf, appOrigin, currentUser, type AppContext } from '../../http/auth';
import { AppError, fieldError, unprocessable } from '../../http/errors';
import { quoteOr404 } from '../../http/lookups';
import { commonErrors, jsonBody, jsonResponse, router, staffRoute } from '../../http/route';
import { enqueueMails } from '../../mail/queue';
import { quoteSentMail } from '../../mail/render';
import { estimateFileName } from '../../excel/filename';
import { quoteParties } from '../../store/quote-parties';
import { findCustomer } from '../../store/customers';
import type { NewMail } from '../../store/outbox';
import { archiveQuote, duplicateQuote, repriceQuote, reviseQuote, sendQuote } from '../../store/quotes';
import { companyToday, explain, quoteResponses } from './common';

export const quoteLifecycleRoutes = router()
  .openapi(
    staffRoute(SALES, {
      method: 'post',
      path: '/{id}/send',
      tags: ['quotes'],
      summary: 'Send a draft: freezes this revision (every line needs its hours); with `email`, the customer gets the link and the PDF',
      request: { params: IdParam, body: jsonBody(SendBody) },
      responses: quoteResponses,
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { version, email } = c.req.valid('json');
      const { settings, today } = await companyToday(c.var.db);
      const mail = email ? await sentMail(c, id, email, settings.shareLinkDays) : null;
      const result = await sendQuote(c.var.db, id, version, addDays(today, settings.quoteValidityDays), today, actorOf(c), mail);
      if (!result.applied) {
        await explain(result, version, 'send', async () => {
          const q = result.quote!;
          const billable = q.lines.filter((l) => l.kind !== 'section');
          if (billable.length === 0) return unprocessable('empty_quote', both(E.emptyQuote));
          const incomplete = billable.filter((l) => l.hoursCenti === null);
          if (incomplete.length) {
            return unprocessable(
              'incomplete_lines',
              both(E.incompleteLines, { lines: incomplete.map((l) => l.code || l.title).join(', ') }),
              { lineIds: incomplete.map((l) => l.id) },
            );
          }
          if (q.validUntil !== null && q.validUntil < today) {
            return unprocessable('validity_past', both(E.validityPast));
          }
          if (q.revisions.some((r) => r.status === 'accepted')) {
            return new AppError(409, 'quote_locked', both(E.otherRevisionAccepted));
          }
          return null;
        });
      }
      await enqueueMails(c.env.OUTBOX, result.mailIds);
      return c.json(result.quote!, 200);
    },
  )
  .openapi(
    staffRoute(SALES, {
      method: 'post',
      path: '/{id}/mail-preview',
      tags: ['quotes'],
      summary: 'The e-mail «Отправить» would send, rendered without sending it (the link is made when it is sent)',
      request: { params: IdParam, body: jsonBody(MailPreviewBody) },
      responses: { 200: jsonResponse(MailPreview, 'the message'), ...commonErrors },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { message } = c.req.valid('json');
      const quote = await quoteOr404(c.var.db, id);
      const { settings, today } = await companyToday(c.var.db);
      const parties = await quoteParties(c.var.db, id);
      const lang = parties.customer?.lang ?? 'ru';
      const validUntil = quote.status === 'draft' ? (quote.validUntil ?? addDays(today, settings.quoteValidityDays)) : quote.validUntil;
      const rendered = quoteSentMail(
        lang,
        {
          number: quote.number,
          title: quote.title,
          totalMinor: quote.totals.totalMinor,
          currency: quote.currency,
          validUntil,
          customerName: quote.customerName,
        },
        { url: `${appOrigin(c)}/s/…`, expiresAt: addDays(today, settings.shareLinkDays) },
        message ?? '',
        { company: settings.companyName, manager: parties.manager },
      );
      return c.json(
        {
          to: parties.customer?.email ? [parties.customer.email] : [],
          lang,
          subject: rendered.subject,
          text: rendered.text,
          html: rendered.html,
          attachment: estimateFileName(quote.number, quote.customerName).replace(/\.xlsx$/, '.pdf'),
        },
        200,
      );
    },
  )
  .openapi(
    staffRoute(SALES, {
      method: 'post',
      path: '/{id}/revise',
      tags: ['quotes'],
      summary: 'A new draft revision of the same number (-R2, -R3…); the customer keeps the sent one until the new one is sent',
      request: { params: IdParam },
      responses: { ...quoteResponses, 201: jsonResponse(Quote, 'the new revision') },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const result = await reviseQuote(c.var.db, id, actorOf(c));
      if (!result.applied) {
        const current = await quoteOr404(c.var.db, id);
        await explain({ applied: false, quote: current }, null, 'revise');
      }
      return c.json(result.quote!, 201);
    },
  )
  .openapi(
    staffRoute(SALES, {
      method: 'post',
      path: '/{id}/duplicate',
      tags: ['quotes'],
      summary: 'A copy under a new number, as a draft (to offer an alternative); for another customer with `customerId`',
      request: { params: IdParam, body: { content: { 'application/json': { schema: DuplicateBody } }, required: false } },
      responses: { 201: jsonResponse(Quote, 'the copy'), ...commonErrors },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      const { year } = await companyToday(c.var.db);
      const quote = await duplicateQuote(c.var.db, id, year, actorOf(c), { customerId: body?.customerId });
      if (!quote) {
        await quoteOr404(c.var.db, id);
        throw fieldError('customerId', both(E.noSuchCustomerField));
      }
      return c.json(quote, 201);
    },
  )
  .openapi(
    staffRoute(SALES, {
      method: 'post',
      path: '/{id}/archive',
      tags: ['quotes'],
      summary: 'Archive a quote that is not final',
      request: { params: IdParam, body: jsonBody(VersionBody) },
      responses: quoteResponses,
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { version } = c.req.valid('json');
      const result = await archiveQuote(c.var.db, id, version, actorOf(c));
      if (!result.applied) await explain(result, version, 'archive');
      return c.json(result.quote!, 200);
    },
  )
  .openapi(
    staffRoute(SALES, {
      method: 'post',
      path: '/{id}/reprice',
      tags: ['quotes'],
      summary: 'Re-price a draft on purpose: the current rate and the price list’s current hours and K',
      request: { params: IdParam, body: jsonBody(VersionBody) },
      responses: quoteResponses,
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { version } = c.req.valid('json');
      const { settings } = await companyToday(c.var.db);
      const result = await repriceQuote(c.var.db, id, version, settings.rateMinor, actorOf(c));
      if (!result.applied) await explain(result, version, 'edit');
      return c.json(result.quote!, 200);
    },
  );

/** The customer's e-mail about a quote being sent: in their language; the link and the PDF are made when it leaves. */
async function sentMail(c: AppContext, id: number, email: { to: string[]; message?: string }, linkDays: number): Promise<NewMail> {
  const quote = await quoteOr404(c.var.db, id);
  const lang = (await findCustomer(c.var.db, quote.customerId))?.lang ?? 'ru';
  return {
    kind: 'quote_sent',
    to: email.to,
    lang,
    subject: say(lang, MAIL_WORDS.sentSubject, { number: quote.number, title: quote.title }),
    payload: { quoteId: id, note: email.message ?? '', origin: appOrigin(c), linkDays },
    createdBy: currentUser(c).id,
  };
}
