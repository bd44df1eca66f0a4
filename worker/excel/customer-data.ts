/**
 * Everything about one customer as one .xlsx, for the accountant and for the customer when
 * service ends: the same document as the JSON export (`exportCustomer`), one sheet per kind —
 *
 *   Customer · Quotes (every revision, its terms and totals) · Quote lines (norm-hours and
 *   amounts as ROUND formulas) · Services (descriptions, inputs, results, limits) · Quote
 *   history · Work orders · Stages · Norm-hour ledger (running balance as a formula, totals,
 *   the balance) · Itemised debits · Pledges · Projects
 *
 * — each list an Excel table with filters under a frozen header (excel/table.ts), dates as
 * real dates on the company's calendar, hours and money in number formats, A4, fit to width.
 * The sheets are written in customer-sheets/, one module per kind of record.
 *
 * What is left out on purpose, as in the estimate workbook (a file staff may hand to the
 * customer): internal notes on the customer and on quotes, the reasons given for a changed
 * K, and the audit trail's IP addresses, browsers and field-by-field changes; no token of
 * any kind is in the export to begin with.
 */
import ExcelJS from './exceljs';
import type { Lang } from '../domain/format';
import { CUSTOMER_DATA_WORDS } from '../domain/words/customer-data';
import type { CustomerExport } from '../store/customer-export';
import { setProperties, toArrayBuffer } from './cells';
import { customerBook, type CustomerDataInput } from './customer-sheets/book';
import { customerCard } from './customer-sheets/card';
import { crowdfundingSheets } from './customer-sheets/crowdfunding';
import { ledgerSheets } from './customer-sheets/ledger';
import { orderSheets } from './customer-sheets/orders';
import { quoteSheets } from './customer-sheets/quotes';
import { refusal, unlessRefused, type DocumentRefusal } from './refusal';

export type { CustomerDataInput };

/**
 * Rows (of all lists together) one workbook may hold. 5 000 ledger entries took about 0.6 s
 * in workerd (test/api/excel-more.test.ts); 10 000 rows stay near the budget bench/ measured
 * for a 10 000-entry consumption report. Memory was not measured for this workbook.
 */
export const CUSTOMER_DATA_ROW_CAP = 10_000;

export function customerDataRowCount(
  doc: Pick<CustomerExport, 'quotes' | 'quoteLines' | 'audit' | 'orders' | 'stages' | 'ledger' | 'debitItems' | 'pledges' | 'projects'>,
): number {
  return (
    doc.quotes.length +
    doc.quoteLines.length +
    doc.audit.length +
    doc.orders.length +
    doc.stages.length +
    doc.ledger.length +
    doc.debitItems.length +
    doc.pledges.length +
    doc.projects.length
  );
}

/** A customer with more rows than one file may hold (export_too_large; the route answers 422); the JSON export has no such limit. */
export function customerDataRefusal(doc: Parameters<typeof customerDataRowCount>[0], cap = CUSTOMER_DATA_ROW_CAP): DocumentRefusal | null {
  const rows = customerDataRowCount(doc);
  return rows <= cap ? null : refusal('export_too_large', CUSTOMER_DATA_WORDS.tooLarge, { rows, cap }, { rows, cap });
}

export async function customerDataWorkbook(input: CustomerDataInput, lang: Lang): Promise<ArrayBuffer> {
  const { doc } = input;
  unlessRefused(customerDataRefusal(doc));
  const wb = new ExcelJS.Workbook();
  const b = customerBook(wb, input, lang);
  const { w } = b;
  setProperties(wb, {
    title: `${w('title')}: ${doc.customer.name}`,
    subject: `${w('title')}: ${doc.customer.name}`,
    company: input.companyName,
    keywords: [doc.customer.name, doc.customer.taxId].filter(Boolean).join('; '),
    lang,
    created: input.generatedAt,
  });
  // The card comes first but is written last: it links to the ledger's balance and counts every sheet's rows.
  const card = wb.addWorksheet(w('customer'), { properties: { defaultRowHeight: 12.75 } });
  const q = quoteSheets(b);
  const o = orderSheets(b);
  const l = ledgerSheets(b);
  const c = crowdfundingSheets(b);
  customerCard(b, card, {
    sheets: [
      [q.quotes.ws.name, 'aboutQuotes', doc.quotes.length],
      [q.lines.ws.name, 'aboutLines', q.lineCount],
      [q.services.ws.name, 'aboutServices', q.serviceCount],
      [q.history.ws.name, 'aboutHistory', doc.audit.length],
      [o.orders.ws.name, 'aboutOrders', doc.orders.length],
      [o.stages.ws.name, 'aboutStages', doc.stages.length],
      [l.ledger.ws.name, 'aboutLedger', doc.ledger.length],
      [l.items.ws.name, 'aboutItems', doc.debitItems.length],
      [c.pledges.ws.name, 'aboutPledges', doc.pledges.length],
      [c.projects.ws.name, 'aboutProjects', doc.projects.length],
    ],
    balance: { sheet: l.ledger.ws.name, cell: l.balanceCell, centi: l.balanceCenti },
  });
  return toArrayBuffer(wb);
}
