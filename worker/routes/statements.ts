/**
 * A customer's statement for a month («выписка» / «акт»): JSON for the screens, Excel and PDF for
 * the customer. Its figures are the month report's (domain/statement.ts builds it from them).
 */
import { ErrorBody, IdParam, MonthQuery, StatementS } from '../../schema/api';
import { localDate } from '../domain/calendar';
import { buildStatement, type CorrectedRef } from '../domain/statement';
import { XLSX_TYPE } from '../excel/cells';
import { consumptionRefusal } from '../excel/consumption';
import { statementFileName } from '../excel/filename';
import { statementWorkbook } from '../excel/statement';
import { renderStatementPdf } from '../pdf/statement';
import { BOOKKEEPERS, type AppContext } from '../http/auth';
import { fileBody, PDF_TYPE } from '../http/documents';
import { requestLang, unprocessable } from '../http/errors';
import { reportMonth } from '../http/lookups';
import { commonErrors, fileResponse, jsonResponse, router, staffRoute } from '../http/route';
import { entryRefs } from '../store/ledger';
import { consumptionReport } from '../store/reports';

async function statementOf(c: AppContext, customerId: number, month: string) {
  const db = c.var.db;
  const { settings, range, closed, customer } = await reportMonth(db, month, customerId);
  const report = await consumptionReport(db, month, range, settings, closed, customerId);
  const consumption = report.customers[0]!;
  const refused = consumptionRefusal(report);
  if (refused) throw unprocessable(refused.code, refused.text, refused.details);
  const named = consumption.entries.map((e) => e.correctsEntryId).filter((id): id is number => id !== null);
  const refs = await entryRefs(db, named);
  const corrected = new Map<number, CorrectedRef>(
    refs.filter((r) => r.customerId === customerId).map((r) => [r.entryId, { entryId: r.entryId, date: localDate(Date.parse(r.at), settings.timeZone), kind: r.kind, memo: r.memo }]),
  );
  const c0 = customer!;
  return buildStatement({
    month,
    timeZone: settings.timeZone,
    currency: settings.currency,
    generatedAt: report.generatedAt,
    closed,
    company: { name: settings.companyName, details: settings.companyDetails },
    customer: { id: c0.id, name: c0.name, legalName: c0.legalName, taxId: c0.taxId, address: c0.address },
    consumption,
    corrected,
  });
}

const responses = { 422: jsonResponse(ErrorBody, 'too many entries for one file'), ...commonErrors };

export const statementsRouter = router()
  .openapi(
    staffRoute(BOOKKEEPERS, {
      method: 'get',
      path: '/{id}/statement',
      tags: ['reports'],
      summary:
        'The customer’s month statement: opening balance, top-ups with their payments, debits by order and stage (planned vs actual hours, net / VAT / total), corrections with reasons, closing balance',
      request: { params: IdParam, query: MonthQuery },
      responses: { 200: jsonResponse(StatementS, 'the statement'), ...responses },
    }),
    async (c) => c.json(await statementOf(c, c.req.valid('param').id, c.req.valid('query').month), 200),
  )
  .openapi(
    staffRoute(BOOKKEEPERS, {
      method: 'get',
      path: '/{id}/statement.xlsx',
      tags: ['reports'],
      summary: 'The customer’s month statement as Excel, with live formulas and the signature block',
      request: { params: IdParam, query: MonthQuery },
      responses: { 200: fileResponse(XLSX_TYPE, 'the workbook'), ...responses },
    }),
    async (c) => {
      const s = await statementOf(c, c.req.valid('param').id, c.req.valid('query').month);
      const lang = requestLang(c);
      return fileBody(c, await statementWorkbook(s, lang), XLSX_TYPE, statementFileName(s.month, s.customer.name, lang, 'xlsx')) as never;
    },
  )
  .openapi(
    staffRoute(BOOKKEEPERS, {
      method: 'get',
      path: '/{id}/statement.pdf',
      tags: ['reports'],
      summary: 'The customer’s month statement as an A4 PDF, with the signature block',
      request: { params: IdParam, query: MonthQuery },
      responses: { 200: fileResponse(PDF_TYPE, 'the PDF'), ...responses },
    }),
    async (c) => {
      const s = await statementOf(c, c.req.valid('param').id, c.req.valid('query').month);
      const lang = requestLang(c);
      return fileBody(c, await renderStatementPdf(s, lang), PDF_TYPE, statementFileName(s.month, s.customer.name, lang, 'pdf')) as never;
    },
  );
