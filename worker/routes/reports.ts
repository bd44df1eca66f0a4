/** Reports for accountants: the monthly consumption report and the months before it. */
import { z } from '@hono/zod-openapi';
import { ConsumptionQuery, ConsumptionReportS, ErrorBody, Series, SeriesQuery } from '../../schema/api';
import { XLSX_TYPE } from '../excel/cells';
import { CONSUMPTION_ROW_CAP, consumptionRefusal, consumptionWorkbook } from '../excel/consumption';
import { consumptionFileName, contentDisposition } from '../excel/filename';
import { localMonth, monthsEndingWith } from '../domain/calendar';
import { fieldError, requestLang, unprocessable } from '../http/errors';
import { commonErrors, fileResponse, jsonResponse, router, staffRoute } from '../http/route';
import type { Db } from '../store/db';
import { consumptionReport, monthlySeries } from '../store/reports';
import { getSettings } from '../store/settings';
import { customerOr404 } from '../http/lookups';

export const REPORT_READERS = ['accountant', 'admin', 'manager'] as const;

/** 422 report_too_large: more ledger entries than one Excel file may hold. */
export function assertConsumptionFits(report: Parameters<typeof consumptionRefusal>[0], cap = CONSUMPTION_ROW_CAP) {
  const refused = consumptionRefusal(report, cap);
  if (refused) throw unprocessable(refused.code, refused.text, refused.details);
}

/** The month must not lie in the future (in the company's time zone); returns the settings. */
export async function checkedMonth(db: Db, month: string, customerId?: number) {
  const settings = await getSettings(db);
  if (month > localMonth(Date.now(), settings.timeZone)) {
    throw fieldError('month', { en: `${month} has not begun yet`, ru: `${month} ещё не наступил` });
  }
  if (customerId !== undefined) await customerOr404(db, customerId);
  return settings;
}

export const reportsRouter = router()
  .openapi(
    staffRoute(REPORT_READERS, {
      method: 'get',
      path: '/consumption',
      tags: ['reports'],
      summary: 'Monthly consumption per customer: opening, top-ups, debits itemised, corrections, closing, money (months in the company’s time zone)',
      request: { query: ConsumptionQuery },
      responses: { 200: jsonResponse(ConsumptionReportS, 'the report'), ...commonErrors },
    }),
    async (c) => {
      const { month, customerId } = c.req.valid('query');
      const settings = await checkedMonth(c.var.db, month, customerId);
      return c.json(await consumptionReport(c.var.db, month, settings, customerId), 200);
    },
  )
  .openapi(
    staffRoute(REPORT_READERS, {
      method: 'get',
      path: '/consumption.xlsx',
      tags: ['reports'],
      summary: 'The monthly consumption report as Excel: a summary sheet and one sheet per customer, with live formulas',
      request: { query: ConsumptionQuery.extend({ lang: z.enum(['ru', 'en']).optional() }) },
      responses: { 200: fileResponse(XLSX_TYPE, 'the workbook'), 422: jsonResponse(ErrorBody, 'too many rows for one file'), ...commonErrors },
    }),
    async (c) => {
      const { month, customerId } = c.req.valid('query');
      const settings = await checkedMonth(c.var.db, month, customerId);
      const report = await consumptionReport(c.var.db, month, settings, customerId);
      const lang = requestLang(c);
      assertConsumptionFits(report);
      const file = await consumptionWorkbook(report, lang);
      const customerName = customerId ? report.customers[0]?.name : undefined;
      return c.body(file, 200, {
        'content-type': XLSX_TYPE,
        'content-disposition': contentDisposition(consumptionFileName(month, lang, customerName)),
        'cache-control': 'no-store',
      });
    },
  )
  .openapi(
    staffRoute(REPORT_READERS, {
      method: 'get',
      path: '/consumption/series',
      tags: ['reports'],
      summary: 'Top-ups and debits per month over the last N months (for the chart)',
      request: { query: SeriesQuery },
      responses: { 200: jsonResponse(Series, 'one row per month, oldest first'), ...commonErrors },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const settings = await checkedMonth(c.var.db, q.until ?? '0000-01', q.customerId);
      const until = q.until ?? localMonth(Date.now(), settings.timeZone);
      return c.json(await monthlySeries(c.var.db, monthsEndingWith(until, q.months), settings.timeZone, q.customerId), 200);
    },
  );
