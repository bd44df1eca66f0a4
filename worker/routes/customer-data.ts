/** A customer's complete data: export as one JSON document, and restore it (admin). */
import { z } from '@hono/zod-openapi';
import { ErrorBody, IdParam } from '../../schema/api';
import { STAFF, actorOf } from '../http/auth';
import { assertCustomerDataFits, fileBody, LangQuery } from '../http/documents';
import { AppError, requestLang } from '../http/errors';
import { customerNotFound } from '../http/lookups';
import { commonErrors, fileResponse, jsonBody, jsonResponse, router, staffRoute } from '../http/route';
import { localDate } from '../domain/calendar';
import { XLSX_TYPE } from '../excel/cells';
import { customerDataWorkbook } from '../excel/customer-data';
import { customerDataFileName } from '../excel/filename';
import { getSettings } from '../store/settings';
import { EXPORT_FORMAT, EXPORT_VERSION, exportCustomer, type CustomerExport } from '../store/customer-export';
import { ImportRefused, importCustomer } from '../store/customer-import';
import { contentDisposition } from '../excel/filename';
import { ERRORS as E } from '../domain/words/errors';
import { VALIDATION_WORDS } from '../domain/words/validation';
import { both } from '../domain/words/words';

const row = z.object({ id: z.number().int().min(1) }).passthrough();
const rows = z.array(row).max(200_000);
/** An instant as every writer stores it (toISOString): reports and the month-balance snapshots key months by its text. */
const instant = z.string().refine((s) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(s), {
  message: VALIDATION_WORDS.isoInstant[1],
  params: { ru: VALIDATION_WORDS.isoInstant[0] },
});
const ledgerRows = z.array(row.extend({ at: instant, normHoursCenti: z.number().int() })).max(200_000);

export const ImportBody = z
  .object({
    format: z.literal(EXPORT_FORMAT),
    version: z.literal(EXPORT_VERSION),
    exportedAt: z.string().max(40),
    customer: z.object({ id: z.number().int().min(1), name: z.string().min(1).max(200) }).passthrough(),
    balanceCenti: z.number().int(),
    quoteSeries: rows,
    quotes: rows,
    quoteLines: rows,
    audit: rows,
    orders: rows,
    stages: rows,
    stageLines: z.array(z.object({ stageId: z.number().int(), lineId: z.number().int() }).passthrough()).max(200_000),
    ledger: ledgerRows,
    debitItems: rows,
    pledges: rows,
    projects: rows,
    projectEstimates: rows,
  })
  .openapi('CustomerExport');

export const customerExportRouter = router()
  .openapi(
    staffRoute(STAFF, {
      method: 'get',
      path: '/{id}/export.xlsx',
      tags: ['customers'],
      summary:
        'Everything about the customer as one Excel workbook: a sheet per kind (quotes with revisions and lines, orders, stages, ' +
        'ledger, debits, pledges, projects)',
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
      if (!doc) throw customerNotFound();
      assertCustomerDataFits(doc);
      const lang = requestLang(c);
      const generatedAt = new Date();
      const file = await customerDataWorkbook(
        { doc, companyName: settings.companyName, timeZone: settings.timeZone, currency: settings.currency, generatedAt },
        lang,
      );
      return fileBody(
        c,
        file,
        XLSX_TYPE,
        customerDataFileName(doc.customer.name, localDate(generatedAt.getTime(), settings.timeZone), lang),
      );
    },
  )
  .openapi(
    staffRoute(STAFF, {
      method: 'get',
      path: '/{id}/export.json',
      tags: ['customers'],
      summary: 'Everything about the customer as one JSON document: quotes with revisions, orders, ledger, pledges',
      request: { params: IdParam },
      responses: { 200: jsonResponse(ImportBody, 'the document (as a download)'), ...commonErrors },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const doc = await exportCustomer(c.var.db, id);
      if (!doc) throw customerNotFound();
      c.header('Content-Disposition', contentDisposition(`customer-${id} ${doc.customer.name}.json`));
      return c.json(doc as never, 200);
    },
  );

export const importRouter = router().openapi(
  staffRoute(['admin'], {
    method: 'post',
    path: '/customer',
    tags: ['customers'],
    summary: 'Restore a customer export into a database where its ids are free (an empty one): all or nothing',
    request: { body: jsonBody(ImportBody) },
    responses: {
      201: jsonResponse(z.object({ customerId: z.number().int(), balanceCenti: z.number().int() }), 'restored'),
      409: jsonResponse(ErrorBody, 'the ids are taken: restore into an empty database'),
      ...commonErrors,
    },
  }),
  async (c) => {
    const doc = c.req.valid('json') as unknown as CustomerExport;
    try {
      await importCustomer(c.var.db, doc, actorOf(c));
    } catch (e) {
      if (e instanceof ImportRefused && e.reason === 'foreign') {
        throw new AppError(
          400,
          'validation_failed',
          both(E.importForeignRecords),
          e.problems.map((p) => ({ field: p.split(':')[0], code: 'foreign_reference', message: p })),
        );
      }
      if (e instanceof ImportRefused) {
        throw new AppError(409, 'import_conflict', both(E.importConflict), { taken: e.problems });
      }
      // An entry dated in a closed month: the database refused it (422 period_closed, by the error handler).
      if (/period_closed/.test(String((e as Error).message))) throw e;
      if (/constraint|datatype|NOT NULL|no such column|has no column|malformed JSON/i.test(String((e as Error).message))) {
        throw new AppError(400, 'validation_failed', both(E.importIncomplete), { reason: String((e as Error).message).slice(0, 300) });
      }
      throw e;
    }
    return c.json({ customerId: doc.customer.id, balanceCenti: doc.balanceCenti }, 201);
  },
);
