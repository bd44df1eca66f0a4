/**
 * The monthly consumption report as .xlsx (DOMAIN.md, "Monthly consumption report"):
 *
 * - a summary sheet: one row per customer — opening balance, top-ups, debits, corrections,
 *   closing balance in norm-hours, the money of the services (net, VAT, total) and of the
 *   payments — linked by formulas to the customer's sheet, closing = opening + top-ups −
 *   debits + corrections, and a total row of SUMs;
 * - one sheet per customer: the opening balance, every ledger entry of the month (date on
 *   the company's calendar, order, stage, service code, category, hours, K, norm-hours in a
 *   top-up / debit / correction column, a running balance, the money of services — a debit's
 *   net, VAT and total on its quote's terms, a correction of a debit taking it back — and of
 *   payments), SUMs, and the closing balance as opening + top-ups − debits + corrections.
 *
 * Every formula carries the value computed here in integer arithmetic, so a reader that
 * does not recalculate shows what one that does computes.
 *
 * This module holds the cap on its size and builds the workbook; the sheets are
 * excel/consumption-customer.ts and excel/consumption-summary.ts, what they share
 * excel/consumption-layout.ts.
 */
import ExcelJS from './exceljs';
import type { ConsumptionReport } from '../domain/consumption';
import type { Lang } from '../domain/format';
import { monthTitle } from '../domain/words/months';
import { REPORT_WORDS } from '../domain/words/reports';
import { Styles, setProperties, toArrayBuffer, uniqueSheetName } from './cells';
import { customerSheet } from './consumption-customer';
import { sheetStyles, wordOf } from './consumption-layout';
import { summarySheet } from './consumption-summary';
import { refusal, unlessRefused, type DocumentRefusal } from './refusal';

/** Entry rows one workbook may hold: 10 000 took about 1 s and 105 MB in bench/RESULTS.md, 20 000 went past the 128 MB a Worker may use. */
export const CONSUMPTION_ROW_CAP = 10_000;

export function consumptionRowCount(report: Pick<ConsumptionReport, 'customers'>): number {
  return report.customers.reduce((n, c) => n + c.entries.length, 0);
}

/** A report with more entries than one file may hold (report_too_large; the route answers 422). */
export function consumptionRefusal(report: Pick<ConsumptionReport, 'customers'>, cap = CONSUMPTION_ROW_CAP): DocumentRefusal | null {
  const rows = consumptionRowCount(report);
  return rows <= cap ? null : refusal('report_too_large', REPORT_WORDS.tooLarge, { rows, cap }, { rows, cap });
}

/** `rowCap` is for the bench, which measures a file beyond the cap to show why it is there. */
export async function consumptionWorkbook(
  report: ConsumptionReport,
  lang: Lang,
  { rowCap = CONSUMPTION_ROW_CAP } = {},
): Promise<ArrayBuffer> {
  unlessRefused(consumptionRefusal(report, rowCap));
  const w = wordOf(lang);
  const wb = new ExcelJS.Workbook();
  const period = monthTitle(report.month, lang);
  setProperties(wb, {
    title: `${w('title')} ${period}`,
    subject: `${w('title')} ${period}`,
    company: report.companyName,
    keywords: report.month,
    lang,
    created: Number.isNaN(Date.parse(report.generatedAt)) ? new Date() : new Date(report.generatedAt),
  });
  const st = sheetStyles(new Styles(), report.currency, lang);
  const taken = new Set<string>();
  const summary = wb.addWorksheet(uniqueSheetName(w('summary'), taken, 'Summary'));
  const cells = report.customers.map((c) =>
    customerSheet(wb, st, report, c, uniqueSheetName(c.name, taken, `${w('customer')} ${c.customerId}`), lang),
  );
  summarySheet(summary, st, report, cells, lang);
  return toArrayBuffer(wb);
}
