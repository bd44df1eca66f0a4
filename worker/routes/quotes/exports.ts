/** The estimate as Excel and as PDF, for staff (what the customer sees, nothing internal). */
import { IdParam } from '../../../schema/api';
import { STAFF } from '../../http/auth';
import { LangQuery, estimatePdf, estimateXlsx, pdfResponses, xlsxResponses } from '../../http/documents';
import { requestLang } from '../../http/errors';
import { quoteOr404 } from '../../http/lookups';
import { commonErrors, router, staffRoute } from '../../http/route';
import { findCustomer } from '../../store/customers';
import { getSettings } from '../../store/settings';

export const quoteExportRoutes = router()
  .openapi(
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
      const [quote, settings] = await Promise.all([quoteOr404(db, c.req.valid('param').id), getSettings(db)]);
      const customer = await findCustomer(db, quote.customerId);
      return estimateXlsx(c, quote, settings, customer?.legalName ?? '', requestLang(c), '');
    },
  )
  .openapi(
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
      const [quote, settings] = await Promise.all([quoteOr404(db, c.req.valid('param').id), getSettings(db)]);
      return estimatePdf(c, quote, settings, requestLang(c));
    },
  );
