/**
 * Answering with a document: the estimate as Excel or PDF (for staff and for the customer's
 * link alike), any workbook as a download, and the documents' refusals as the API.md 422.
 */
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { ErrorBody } from '../../schema/api';
import type { Lang } from '../domain/format';
import type { QuoteView } from '../domain/quote';
import { sharedView } from '../domain/shared-view';
import { XLSX_TYPE } from '../excel/cells';
import { CUSTOMER_DATA_ROW_CAP, customerDataRefusal } from '../excel/customer-data';
import { estimateRefusal, estimateWorkbook } from '../excel/estimate';
import { contentDisposition, estimateFileName } from '../excel/filename';
import { estimatePdfInput, renderEstimatePdf } from '../pdf/estimate';
import { quoteParties } from '../store/quote-parties';
import type { SettingsRow } from '../store/settings';
import type { AppEnv } from './auth';
import { unprocessable } from './errors';
import { fileResponse, jsonResponse } from './route';

export const PDF_TYPE = 'application/pdf';

export const LangQuery = z.object({
  lang: z.enum(['ru', 'en']).optional().openapi({ description: 'language of the file (default: the request’s)' }),
});

export const xlsxResponses = {
  200: fileResponse(XLSX_TYPE, 'the estimate as an .xlsx workbook'),
  422: jsonResponse(ErrorBody, 'a line has no hours yet (incomplete_lines)'),
};

export const pdfResponses = {
  200: fileResponse(PDF_TYPE, 'the estimate as an A4 PDF'),
  422: jsonResponse(ErrorBody, 'a line has no hours yet (incomplete_lines)'),
};

/** A file as a download: its type, its name (ASCII and UTF-8), never cached. */
export function fileBody(c: Context<AppEnv>, file: ArrayBuffer | Uint8Array<ArrayBuffer>, type: string, fileName: string) {
  return c.body(file, 200, {
    'content-type': type,
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

/** The estimate as Excel, written from the customer's view of the revision: nothing internal. */
export async function estimateXlsx(
  c: Context<AppEnv>,
  quote: QuoteView,
  settings: SettingsRow,
  customerLegalName: string,
  lang: Lang,
  linkExpiresAt: string,
) {
  const view = sharedView(quote, {
    companyName: settings.companyName,
    companyDetails: settings.companyDetails,
    customerName: quote.customerName,
    customerLegalName,
    linkExpiresAt,
  });
  assertExportable(view);
  const file = await estimateWorkbook({ quote: view, timeZone: settings.timeZone, generatedAt: new Date() }, lang);
  return fileBody(c, file, XLSX_TYPE, estimateFileName(quote.number, quote.customerName));
}

/**
 * The estimate as a PDF, from the quote view itself (the renderer reads only customer-facing
 * fields); the manager is whoever sent it.
 */
export async function estimatePdfFile(db: AppEnv['Variables']['db'], quote: QuoteView, settings: SettingsRow, lang: Lang) {
  return renderEstimatePdf(estimatePdfInput(quote, settings, await quoteParties(db, quote.id), new Date()), lang);
}

export const estimatePdfName = (quote: QuoteView) => estimateFileName(quote.number, quote.customerName).replace(/\.xlsx$/, '.pdf');

export async function estimatePdf(c: Context<AppEnv>, quote: QuoteView, settings: SettingsRow, lang: Lang) {
  assertExportable(quote);
  return fileBody(c, await estimatePdfFile(c.var.db, quote, settings, lang), PDF_TYPE, estimatePdfName(quote));
}
