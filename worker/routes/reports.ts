/** Reports for accountants: the monthly consumption report and the months before it. */
import { z } from '@hono/zod-openapi';
import { ConsumptionQuery, ConsumptionReportS, ErrorBody, Series, SeriesQuery } from '../../schema/api';
import { XLSX_TYPE } from '../excel/cells';
import { CONSUMPTION_ROW_CAP, consumptionRefusal, consumptionWorkbook } from '../excel/consumption';
import { consumptionFileName, contentDisposition } from '../excel/filename';
import { localMonth, monthsEndingWith } from '../domain/calendar';
import { flagged } from '../domain/low-balance';
import { requestLang, unprocessable } from '../http/errors';
import { commonErrors, fileResponse, jsonResponse, router, staffRoute } from '../http/route';
import { consumptionReport, consumptionSummary, monthlySeries } from '../store/reports';
import { reportMonth } from '../http/lookups';

export const REPORT_READERS = ['accountant', 'admin', 'manager'] as const;

/** 422 report_too_large: more ledger entries than one Excel file may hold. */
export function assertConsumptionFits(report: Parameters<typeof consumptionRefusal>[0], cap = CONSUMPTION_ROW_CAP) {
  const refused = consumptionRefusal(report, cap);
  if (refused) throw unprocessable(refused.code, refused.text, refused.details);
}

export const reportsRouter = router()
  .openapi(
    staffRoute(REPORT_READERS, {
      method: 'get',
      path: '/consumption',
      tags: ['reports'],
      summary:
        'Monthly consumption: the per-customer summary (opening, top-ups, debits, corrections, closing, money net / VAT / total, low ' +
        'balance); with customerId, that customer’s entries itemised too',
      request: { query: ConsumptionQuery },
      responses: { 200: jsonResponse(ConsumptionReportS, 'the report'), ...commonErrors },
    }),
    async (c) => {
      const { month, customerId } = c.req.valid('query');
      const { settings, range, closed } = await reportMonth(c.var.db, month, customerId);
      if (customerId !== undefined) return c.json(await consumptionReport(c.var.db, month, range, settings, closed, customerId), 200);
      const summary = await consumptionSummary(c.var.db, month, range, settings, closed);
      const customers = summary.customers.map(({ thresholdCenti, ownThreshold, ...row }) => ({
        ...row,
        lowBalance: flagged(row.balanceCenti, thresholdCenti, ownThreshold),
      }));
      return c.json({ ...summary, customers }, 200);
    },
  )
  .openapi(
    staffRoute(REPORT_READERS, {
      method: 'get',
      path: '/consumption.xlsx',
      tags: ['reports'],
      summary: 'The monthly consumption report as Excel: a summary sheet and one sheet per customer, with live formulas',
      request: { query: ConsumptionQuery.extend({ lang: z.enum(['ru', 'en']).optional() }) },
      responses: {
        200: fileResponse(XLSX_TYPE, 'the workbook'),
        422: jsonResponse(ErrorBody, 'too many rows for one file'),
        ...commonErrors,
      },
    }),
    async (c) => {
      const { month, customerId } = c.req.valid('query');
      const { settings, range, closed } = await reportMonth(c.var.db, month, customerId);
      const report = await consumptionReport(c.var.db, month, range, settings, closed, customerId);
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
      const { settings } = await reportMonth(c.var.db, q.until ?? '0000-01', q.customerId);
      const until = q.until ?? localMonth(Date.now(), settings.timeZone);
      return c.json(await monthlySeries(c.var.db, monthsEndingWith(until, q.months), settings.timeZone, q.customerId), 200);
    },
  );
