/** Quotes: the list, a new quote, one quote, its header. */
import { IdParam, NewQuoteBody, Quote, QuoteList, QuoteListQuery, QuotePatchBody, QuoteServices } from '../../../schema/api';
import { SALES, STAFF, actorOf } from '../../http/auth';
import { fieldError, unprocessable } from '../../http/errors';
import { quoteNotFound, quoteOr404 } from '../../http/lookups';
import { commonErrors, jsonBody, jsonResponse, router, staffRoute } from '../../http/route';
import { createQuote, listQuotes, patchHeader, quoteServices } from '../../store/quotes';
import { checkValidUntil, companyToday, explain, quoteResponses } from './common';
import { ERRORS as E } from '../../domain/words/errors';
import { both } from '../../domain/words/words';

export const quoteHeaderRoutes = router()
  .openapi(
    // API.md: the quote list is sales' (manager, admin). The accountant opens a quote by id —
    // from a work order or a customer's ledger — but does not browse the sales pipeline.
    staffRoute(SALES, {
      method: 'get',
      path: '/',
      tags: ['quotes'],
      summary: 'Quotes (latest revision of each number), filtered and paged',
      request: { query: QuoteListQuery },
      responses: { 200: jsonResponse(QuoteList, 'a page of quotes'), ...commonErrors },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const { today } = await companyToday(c.var.db);
      return c.json(await listQuotes(c.var.db, { ...q, allRevisions: q.allRevisions === 'true', today }), 200);
    },
  )
  .openapi(
    staffRoute(SALES, {
      method: 'post',
      path: '/',
      tags: ['quotes'],
      summary: 'A new quote (draft) for a customer, with the current rate frozen',
      request: { body: jsonBody(NewQuoteBody) },
      responses: { 201: jsonResponse(Quote, 'created'), ...commonErrors },
    }),
    async (c) => {
      const b = c.req.valid('json');
      const { settings, today, year } = await companyToday(c.var.db);
      checkValidUntil(b.validUntil, today);
      if (b.currency !== undefined && b.currency !== settings.currency) {
        // One currency per installation (the settings'): reports and balances add quotes up.
        throw unprocessable('currency_mismatch', both(E.currencyMismatch, { currency: settings.currency }), {
          currency: settings.currency,
        });
      }
      const quote = await createQuote(
        c.var.db,
        b.customerId,
        year,
        {
          title: b.title,
          currency: settings.currency,
          rateMinor: settings.rateMinor,
          vatMode: b.vatMode ?? settings.vatMode,
          vatRateMilli: b.vatRateMilli ?? settings.vatRateMilli,
          discountRateMilli: b.discountRateMilli ?? 0,
          validUntil: b.validUntil ?? null,
          customerNote: b.customerNote ?? '',
          internalNote: b.internalNote ?? '',
        },
        actorOf(c),
      );
      if (!quote) throw fieldError('customerId', both(E.noSuchCustomerField));
      return c.json(quote, 201);
    },
  )
  .openapi(
    staffRoute(STAFF, {
      method: 'get',
      path: '/{id}',
      tags: ['quotes'],
      summary: 'One quote revision with its lines and totals',
      request: { params: IdParam },
      responses: { 200: jsonResponse(Quote, 'the quote'), ...commonErrors },
    }),
    async (c) => c.json(await quoteOr404(c.var.db, c.req.valid('param').id, 'staff'), 200),
  )
  .openapi(
    staffRoute(STAFF, {
      method: 'get',
      path: '/{id}/services',
      tags: ['quotes'],
      summary:
        'What the quote’s lines are, on demand: each catalog item’s specialist category and texts once, a line’s own where it differs',
      request: { params: IdParam },
      responses: { 200: jsonResponse(QuoteServices, 'the service info the lines were frozen with'), ...commonErrors },
    }),
    async (c) => {
      const services = await quoteServices(c.var.db, c.req.valid('param').id);
      if (!services) throw quoteNotFound();
      return c.json(services, 200);
    },
  )
  .openapi(
    staffRoute(SALES, {
      method: 'patch',
      path: '/{id}',
      tags: ['quotes'],
      summary: 'Change the header of a draft (title, VAT, discount, validity, notes)',
      request: { params: IdParam, body: jsonBody(QuotePatchBody) },
      responses: quoteResponses,
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { version, ...patch } = c.req.valid('json');
      const { today } = await companyToday(c.var.db);
      checkValidUntil(patch.validUntil, today);
      const result = await patchHeader(c.var.db, id, version, patch, actorOf(c));
      if (!result.applied) {
        await explain(result, version, 'edit', async () => {
          if (patch.customerId === undefined) return null;
          if (result.quote!.revision > 1) {
            return unprocessable('customer_fixed', both(E.customerFixed));
          }
          return fieldError('customerId', both(E.noSuchCustomerField));
        });
      }
      return c.json(result.quote!, 200);
    },
  );
