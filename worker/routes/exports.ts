/**
 * Excel and PDF downloads.
 *  - The estimate (.xlsx and .pdf): for staff (`GET /api/quotes/{id}/export.xlsx`) and for whoever holds the
 *    customer's link (`GET /api/shared/{token}/export.xlsx`). Both files are written from
 *    the customer's view of the revision (`sharedView`), so a file a manager forwards
 *    carries nothing internal.
 *  - The crowdfunding comparison (`GET /api/crowdfunding/compare.xlsx`): the figures of
 *    `GET /api/crowdfunding/compare`, from the same function.
 *  - A customer's data (`GET /api/customers/{id}/export.xlsx`): the JSON export as a workbook.
 * Language: staff by the request (Accept-Language / ?lang=), the customer like their page
 * (Russian unless asked otherwise).
 */
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { CompareQuery, ErrorBody, IdParam } from '../../schema/api';
import { localDate } from '../domain/calendar';
import type { Lang } from '../domain/format';
import type { QuoteView } from '../domain/quote';
import { sharedView } from '../domain/shared-view';
import { XLSX_TYPE } from '../excel/cells';
import { compareWorkbook } from '../excel/crowdfunding';
import { CUSTOMER_DATA_ROW_CAP, customerDataRefusal, customerDataWorkbook } from '../excel/customer-data';
import { estimateRefusal, estimateWorkbook } from '../excel/estimate';
import { compareFileName, contentDisposition, customerDataFileName, estimateFileName } from '../excel/filename';
import { STAFF, type AppEnv } from '../http/auth';
import { notFound, requestLang, unprocessable } from '../http/errors';
import { rateLimit } from '../http/rate-limit';
import { commonErrors, fileResponse, jsonResponse, router, sharedRoute, staffRoute } from '../http/route';
import { exportCustomer } from '../store/customer-export';
import { findCustomer } from '../store/customers';
import { renderEstimatePdf } from '../pdf/estimate';
import { quoteParties } from '../store/quote-parties';
import { getQuote } from '../store/quotes';
import { getSettings, type SettingsRow } from '../store/settings';
import { compareProjects } from './crowdfunding';
import { openLive, pageLang, sharedHeaders } from './shared';

const LangQuery = z.object({ lang: z.enum(['ru', 'en']).optional().openapi({ description: 'language of the file (default: the request’s)' }) });
const TokenParam = z.object({
  token: z.string().openapi({ param: { name: 'token', in: 'path' }, description: 'the secret from the link', example: 'x'.repeat(43) }),
});

const xlsxResponses = {
  200: fileResponse(XLSX_TYPE, 'the estimate as an .xlsx workbook'),
  422: jsonResponse(ErrorBody, 'a line has no hours yet (incomplete_lines)'),
};

function xlsxBody(c: Context<AppEnv>, file: ArrayBuffer, fileName: string) {
  return c.body(file, 200, {
    'content-type': XLSX_TYPE,
    'content-disposition': contentDisposition(fileName),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
}

/** 422 incomplete_lines: a line without hours would make the file's totals wrong (Excel and PDF alike). */
export function assertExportable(quote: Parameters<typeof estimateRefusal>[0]) {
  const refused = estimateRefusal(quote);
  if (refused) throw unprocessable(refused.code, refused.text, refused.details);
}

/** 422 export_too_large: more rows than one Excel file may hold (the JSON export has no such limit). */
export function assertCustomerDataFits(doc: Parameters<typeof customerDataRefusal>[0], cap = CUSTOMER_DATA_ROW_CAP) {
  const refused = customerDataRefusal(doc, cap);
  if (refused) throw unprocessable(refused.code, refused.text, refused.details);
}

async function xlsx(c: Context<AppEnv>, quote: QuoteView, settings: SettingsRow, customerLegalName: string, lang: Lang, linkExpiresAt: string) {
  const view = sharedView(quote, {
    companyName: settings.companyName,
    companyDetails: settings.companyDetails,
    customerName: quote.customerName,
    customerLegalName,
    linkExpiresAt,
  });
  assertExportable(view);
  const file = await estimateWorkbook({ quote: view, timeZone: settings.timeZone, generatedAt: new Date() }, lang);
  return xlsxBody(c, file, estimateFileName(quote.number, quote.customerName));
}

const PDF_TYPE = 'application/pdf';
const pdfResponses = {
  200: fileResponse(PDF_TYPE, 'the estimate as an A4 PDF'),
  422: jsonResponse(ErrorBody, 'a line has no hours yet (incomplete_lines)'),
};

/**
 * The estimate as a PDF, from the quote view itself (the renderer reads only customer-facing
 * fields). Its date is the day the revision was sent, in the company's calendar (today for a
 * draft); the manager is whoever sent it.
 */
async function pdf(c: Context<AppEnv>, quote: QuoteView, settings: SettingsRow, lang: Lang) {
  assertExportable(quote);
  const parties = await quoteParties(c.var.db, quote.id);
  const now = new Date();
  const file = await renderEstimatePdf(
    {
      quote,
      company: { name: settings.companyName, details: settings.companyDetails },
      customer: parties.customer ?? { name: quote.customerName, legalName: '', taxId: '', address: '' },
      manager: parties.manager,
      date: localDate(quote.sentAt ? Date.parse(quote.sentAt) : now.getTime(), settings.timeZone),
      generatedAt: now,
    },
    lang,
  );
  return c.body(file, 200, {
    'content-type': PDF_TYPE,
    // estimateFileName's name, with the PDF's extension.
    'content-disposition': contentDisposition(estimateFileName(quote.number, quote.customerName).replace(/\.xlsx$/, '.pdf')),
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
).openapi(
  staffRoute(STAFF, {
    method: 'get',
    path: '/{id}/export.pdf',
    tags: ['quotes'],
    summary: 'The estimate as an A4 PDF (what the customer sees, nothing internal; Cyrillic text selectable)',
    request: { params: IdParam, query: LangQuery },
    responses: { ...pdfResponses, ...commonErrors },
  }),
  async (c) => {
    const db = c.var.db;
    const { id } = c.req.valid('param');
    const [quote, settings] = await Promise.all([getQuote(db, id), getSettings(db)]);
    if (!quote) throw notFound({ en: 'No such quote.', ru: 'Такой сметы нет.' });
    return pdf(c, quote, settings, requestLang(c));
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
sharedExports.openapi(
  sharedRoute({
    method: 'get',
    path: '/{token}/export.pdf',
    tags: ['shared'],
    summary: 'The revision the link shows, as an A4 PDF',
    middleware: [downloadLimit],
    request: { params: TokenParam, query: LangQuery },
    responses: {
      ...pdfResponses,
      404: jsonResponse(ErrorBody, 'no such link (or expired, revoked)'),
      429: jsonResponse(ErrorBody, 'too many requests'),
    },
  }),
  async (c) => {
    const opened = await openLive(c.var.db, c.req.valid('param').token, false);
    return pdf(c, opened.quote!, opened.settings, pageLang(c));
  },
);

/**
 * Mounted at /api/crowdfunding BEFORE `crowdfundingRouter`, whose `/{id}` would otherwise
 * take "compare.xlsx" for an id (and answer 400).
 */
export const crowdfundingExports = router().openapi(
  staffRoute(STAFF, {
    method: 'get',
    path: '/compare.xlsx',
    tags: ['crowdfunding'],
    summary: 'The comparison of 2–4 projects as Excel: the figures of /compare side by side, live formulas, the best value per row marked',
    request: { query: CompareQuery.merge(LangQuery) },
    responses: { 200: fileResponse(XLSX_TYPE, 'the comparison as an .xlsx workbook'), ...commonErrors },
  }),
  async (c) => {
    const db = c.var.db;
    const { lang: _lang, ...query } = c.req.valid('query');
    const comparison = await compareProjects(db, query);
    const [settings, customer] = await Promise.all([getSettings(db), comparison.customer ? findCustomer(db, comparison.customer.id) : null]);
    const lang = requestLang(c);
    const file = await compareWorkbook(
      {
        comparison,
        rateMinor: settings.rateMinor,
        currency: settings.currency,
        companyName: settings.companyName,
        timeZone: settings.timeZone,
        overdraftCenti: customer?.overdraftCenti ?? 0,
        generatedAt: new Date(),
      },
      lang,
    );
    return xlsxBody(c, file, compareFileName(comparison.projects.map((p) => p.code), lang));
  },
);

export const customerExports = router().openapi(
  staffRoute(STAFF, {
    method: 'get',
    path: '/{id}/export.xlsx',
    tags: ['customers'],
    summary: 'Everything about the customer as one Excel workbook: a sheet per kind (quotes with revisions and lines, orders, stages, ledger, debits, pledges, projects)',
    request: { params: IdParam, query: LangQuery },
    responses: {
      200: fileResponse(XLSX_TYPE, 'the customer’s data as an .xlsx workbook'),
      422: jsonResponse(ErrorBody, 'too many rows for one file (export_too_large): use the JSON export'),
      ...commonErrors,
    },
  }),
  async (c) => {
    const db = c.var.db;
    const { id } = c.req.valid('param');
    const [doc, settings] = await Promise.all([exportCustomer(db, id), getSettings(db)]);
    if (!doc) throw notFound({ en: 'No such customer.', ru: 'Такого заказчика нет.' });
    assertCustomerDataFits(doc);
    const lang = requestLang(c);
    const generatedAt = new Date();
    const file = await customerDataWorkbook({ doc, companyName: settings.companyName, timeZone: settings.timeZone, currency: settings.currency, generatedAt }, lang);
    return xlsxBody(c, file, customerDataFileName(doc.customer.name, localDate(generatedAt.getTime(), settings.timeZone), lang));
  },
);
