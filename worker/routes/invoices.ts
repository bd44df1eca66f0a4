/**
 * Prepayment invoices («счёт на оплату»): N norm-hours at today's rate, VAT as the installation
 * has it, numbered INV-YYYY-NNNN; as PDF and Excel; settled by a top-up naming it
 * (POST /api/customers/{id}/ledger with invoiceId), or cancelled while still issued.
 */
import { z } from '@hono/zod-openapi';
import { ErrorBody, IdParam, Invoice, InvoiceBody } from '../../schema/api';
import { localDate } from '../domain/calendar';
import { invoiceMay, invoiceMoney } from '../domain/invoice';
import { XLSX_TYPE } from '../excel/cells';
import { invoiceWorkbook } from '../excel/invoice';
import { invoiceFileName } from '../excel/filename';
import { renderInvoicePdf } from '../pdf/invoice';
import { BOOKKEEPERS, STAFF, currentUser, type AppContext } from '../http/auth';
import { fileBody, LangQuery, PDF_TYPE } from '../http/documents';
import { notFound, orThrow, requestLang } from '../http/errors';
import { claimOf, idempotency, idempotencyHeader } from '../http/idempotency';
import { customerOr404 } from '../http/lookups';
import { commonErrors, fileResponse, jsonBody, jsonResponse, router, staffRoute } from '../http/route';
import type { Db } from '../store/db';
import { cancelInvoice, createInvoice, getInvoice, listInvoices } from '../store/invoices';
import { getSettings } from '../store/settings';
import { ERRORS as E } from '../domain/words/errors';
import { both } from '../domain/words/words';

const invoiceNotFound = () => notFound(both(E.noSuchInvoice));

async function invoiceOr404(db: Db, id: number) {
  const invoice = await getInvoice(db, id);
  if (!invoice) throw invoiceNotFound();
  return invoice;
}

async function createdAnswer(c: AppContext, result: Record<string, unknown>): Promise<Response> {
  return c.json(await invoiceOr404(c.var.db, Number(result.invoiceId)), 201);
}

/** Invoices of one customer: issued and listed under the customer. */
export const customerInvoices = router()
  .openapi(
    staffRoute(STAFF, {
      method: 'get',
      path: '/{id}/invoices',
      tags: ['invoices'],
      summary: 'The customer’s prepayment invoices, newest first',
      request: { params: IdParam },
      responses: { 200: jsonResponse(z.array(Invoice), 'invoices'), ...commonErrors },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await customerOr404(c.var.db, id);
      return c.json(await listInvoices(c.var.db, id), 200);
    },
  )
  .openapi(
    staffRoute(BOOKKEEPERS, {
      method: 'post',
      path: '/{id}/invoices',
      tags: ['invoices'],
      summary: 'Issue a prepayment invoice for N norm-hours at today’s rate (VAT as in the settings); idempotent by Idempotency-Key',
      middleware: [idempotency({ scope: 'invoice-create', required: false, answer: createdAnswer })],
      request: { params: IdParam, headers: idempotencyHeader(false), body: jsonBody(InvoiceBody) },
      responses: { 201: jsonResponse(Invoice, 'issued'), ...commonErrors },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const b = c.req.valid('json');
      const db = c.var.db;
      const [, settings] = await Promise.all([customerOr404(db, id), getSettings(db)]);
      const issuedOn = localDate(Date.now(), settings.timeZone);
      const terms = { rateMinor: settings.rateMinor, vatMode: settings.vatMode, vatRateMilli: settings.vatRateMilli };
      const invoiceId = await createInvoice(
        db,
        {
          customerId: id,
          year: Number(issuedOn.slice(0, 4)),
          issuedOn,
          normHoursCenti: b.normHoursCenti,
          terms,
          money: invoiceMoney(b.normHoursCenti, terms),
          currency: settings.currency,
          memo: b.memo ?? '',
          userId: currentUser(c).id,
        },
        claimOf(c),
      );
      if (invoiceId === null) throw invoiceNotFound();
      return createdAnswer(c, { invoiceId }) as never;
    },
  );

export const invoicesRouter = router()
  .openapi(
    staffRoute(STAFF, {
      method: 'get',
      path: '/',
      tags: ['invoices'],
      summary: 'Recent prepayment invoices of every customer, newest first',
      responses: { 200: jsonResponse(z.array(Invoice), 'invoices'), ...commonErrors },
    }),
    async (c) => c.json(await listInvoices(c.var.db), 200),
  )
  .openapi(
    staffRoute(STAFF, {
      method: 'get',
      path: '/{id}',
      tags: ['invoices'],
      summary: 'One invoice, with the payment that settled it',
      request: { params: IdParam },
      responses: { 200: jsonResponse(Invoice, 'the invoice'), ...commonErrors },
    }),
    async (c) => c.json(await invoiceOr404(c.var.db, c.req.valid('param').id), 200),
  )
  .openapi(
    staffRoute(BOOKKEEPERS, {
      method: 'post',
      path: '/{id}/cancel',
      tags: ['invoices'],
      summary: 'Cancel an invoice that is still unpaid; idempotent by Idempotency-Key',
      middleware: [
        idempotency({
          scope: 'invoice-cancel',
          required: false,
          answer: async (c, r) => c.json(await invoiceOr404(c.var.db, Number(r.invoiceId)), 200),
        }),
      ],
      request: { params: IdParam, headers: idempotencyHeader(false) },
      responses: { 200: jsonResponse(Invoice, 'cancelled'), 409: jsonResponse(ErrorBody, 'paid or cancelled already'), ...commonErrors },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const invoice = await invoiceOr404(c.var.db, id);
      if (!(await cancelInvoice(c.var.db, id, claimOf(c)))) orThrow(invoiceMay((await getInvoice(c.var.db, id)) ?? invoice, 'cancel'));
      return c.json(await invoiceOr404(c.var.db, id), 200);
    },
  )
  .openapi(
    staffRoute(STAFF, {
      method: 'get',
      path: '/{id}/invoice.xlsx',
      tags: ['invoices'],
      summary: 'The invoice as Excel: one line of norm-hours, VAT, total, with live formulas',
      request: { params: IdParam, query: LangQuery },
      responses: { 200: fileResponse(XLSX_TYPE, 'the workbook'), ...commonErrors },
    }),
    async (c) => {
      const { doc, lang } = await invoiceDocument(c, c.req.valid('param').id);
      return fileBody(
        c,
        await invoiceWorkbook(doc, lang),
        XLSX_TYPE,
        invoiceFileName(doc.invoice.number, doc.customer.name, 'xlsx'),
      ) as never;
    },
  )
  .openapi(
    staffRoute(STAFF, {
      method: 'get',
      path: '/{id}/invoice.pdf',
      tags: ['invoices'],
      summary: 'The invoice as an A4 PDF, with the signature block',
      request: { params: IdParam, query: LangQuery },
      responses: { 200: fileResponse(PDF_TYPE, 'the PDF'), ...commonErrors },
    }),
    async (c) => {
      const { doc, lang } = await invoiceDocument(c, c.req.valid('param').id);
      return fileBody(
        c,
        await renderInvoicePdf(doc, lang),
        PDF_TYPE,
        invoiceFileName(doc.invoice.number, doc.customer.name, 'pdf'),
      ) as never;
    },
  );

/** What the invoice's documents print: the invoice, the company, the customer. */
async function invoiceDocument(c: AppContext, id: number) {
  const db = c.var.db;
  const invoice = await invoiceOr404(db, id);
  const [customer, settings] = await Promise.all([customerOr404(db, invoice.customerId), getSettings(db)]);
  const doc = {
    invoice,
    company: { name: settings.companyName, details: settings.companyDetails },
    customer: { name: customer.name, legalName: customer.legalName, taxId: customer.taxId, address: customer.address },
    timeZone: settings.timeZone,
    generatedAt: new Date(),
  };
  return { doc, lang: requestLang(c) };
}
