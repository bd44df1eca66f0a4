/**
 * The estimate as Excel: for staff (`GET /api/quotes/{id}/export.xlsx`) and for whoever
 * holds the customer's link (`GET /api/shared/{token}/export.xlsx`). Both files are written
 * from the customer's view of the revision (`sharedView`), so a file a manager forwards
 * carries nothing internal. Language: staff by the request (Accept-Language / ?lang=),
 * the customer like their page (Russian unless asked otherwise).
 */
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { ErrorBody, IdParam } from '../../schema/api';
import type { Lang } from '../domain/format';
import type { QuoteView } from '../domain/quote';
import { sharedView } from '../domain/shared-view';
import { estimateWorkbook } from '../excel/estimate';
import { XLSX_TYPE } from '../excel/cells';
import { contentDisposition, estimateFileName } from '../excel/filename';
import { STAFF, type AppEnv } from '../http/auth';
import { notFound, requestLang } from '../http/errors';
import { rateLimit } from '../http/rate-limit';
import { commonErrors, fileResponse, jsonResponse, router, sharedRoute, staffRoute } from '../http/route';
import { findCustomer } from '../store/customers';
import { getQuote } from '../store/quotes';
import { getSettings, type SettingsRow } from '../store/settings';
import { openLive, pageLang, sharedHeaders } from './shared';

const LangQuery = z.object({ lang: z.enum(['ru', 'en']).optional().openapi({ description: 'language of the file (default: the request’s)' }) });
const TokenParam = z.object({
  token: z.string().openapi({ param: { name: 'token', in: 'path' }, description: 'the secret from the link', example: 'x'.repeat(43) }),
});

const xlsxResponses = {
  200: fileResponse(XLSX_TYPE, 'the estimate as an .xlsx workbook'),
  422: jsonResponse(ErrorBody, 'a line has no hours yet (incomplete_lines)'),
};

async function xlsx(c: Context<AppEnv>, quote: QuoteView, settings: SettingsRow, customerLegalName: string, lang: Lang, linkExpiresAt: string) {
  const view = sharedView(quote, {
    companyName: settings.companyName,
    companyDetails: settings.companyDetails,
    customerName: quote.customerName,
    customerLegalName,
    linkExpiresAt,
  });
  const file = await estimateWorkbook({ quote: view, timeZone: settings.timeZone, generatedAt: new Date() }, lang);
  return c.body(file, 200, {
    'content-type': XLSX_TYPE,
    'content-disposition': contentDisposition(estimateFileName(quote.number, quote.customerName)),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
}

export const quoteExports = router().openapi(
  staffRoute(STAFF, {
    method: 'get',
    path: '/{id}/export.xlsx',
    tags: ['quotes'],
    summary: 'The estimate as Excel (live formulas; what the customer sees, nothing internal)',
    request: { params: IdParam, query: LangQuery },
    responses: { ...xlsxResponses, ...commonErrors },
  }),
  async (c) => {
    const db = c.var.db;
    const { id } = c.req.valid('param');
    const [quote, settings] = await Promise.all([getQuote(db, id), getSettings(db)]);
    if (!quote) throw notFound({ en: 'No such quote.', ru: 'Такой сметы нет.' });
    const customer = await findCustomer(db, quote.customerId);
    return xlsx(c, quote, settings, customer?.legalName ?? '', requestLang(c), '');
  },
);

const downloadLimit = rateLimit('shared-export', 30, 60_000);

export const sharedExports = router();
sharedExports.use('*', sharedHeaders);
sharedExports.openapi(
  sharedRoute({
    method: 'get',
    path: '/{token}/export.xlsx',
    tags: ['shared'],
    summary: 'The revision the link shows, as Excel',
    middleware: [downloadLimit],
    request: { params: TokenParam, query: LangQuery },
    responses: {
      ...xlsxResponses,
      404: jsonResponse(ErrorBody, 'no such link (or expired, revoked)'),
      429: jsonResponse(ErrorBody, 'too many requests'),
    },
  }),
  async (c) => {
    const opened = await openLive(c.var.db, c.req.valid('param').token, false);
    return xlsx(c, opened.quote!, opened.settings, opened.customerLegalName, pageLang(c), opened.link!.expiresAt);
  },
);
