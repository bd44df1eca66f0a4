/**
 * A customer's statement for a month («выписка» / «акт»): JSON for the screens, Excel and PDF for
 * the customer. Its figures are the month report's (domain/statement.ts builds it from them).
 */
import { ErrorBody, IdParam, MonthQuery, StatementS } from '../../schema/api';
import { XLSX_TYPE } from '../excel/cells';
import { BOOKKEEPERS } from '../http/auth';
import { PDF_TYPE } from '../http/documents';
import { requestLang } from '../http/errors';
import { statementFile, statementOf } from '../http/statement';
import { commonErrors, fileResponse, jsonResponse, router, staffRoute } from '../http/route';

const responses = { 422: jsonResponse(ErrorBody, 'too many entries for one file'), ...commonErrors };

export const statementsRouter = router()
  .openapi(
    staffRoute(BOOKKEEPERS, {
      method: 'get',
      path: '/{id}/statement',
      tags: ['reports'],
      summary:
        'The customer’s month statement: opening balance, top-ups with their payments, debits by order and stage (planned vs actual ' +
        'hours, net / VAT / total), corrections with reasons, closing balance',
      request: { params: IdParam, query: MonthQuery },
      responses: { 200: jsonResponse(StatementS, 'the statement'), ...responses },
    }),
    async (c) => c.json(await statementOf(c.var.db, c.req.valid('param').id, c.req.valid('query').month), 200),
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
      const s = await statementOf(c.var.db, c.req.valid('param').id, c.req.valid('query').month);
      return (await statementFile(c, s, requestLang(c), 'xlsx')) as never;
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
      const s = await statementOf(c.var.db, c.req.valid('param').id, c.req.valid('query').month);
      return (await statementFile(c, s, requestLang(c), 'pdf')) as never;
    },
  );
