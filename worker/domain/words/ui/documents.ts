/**
 * What the screens say exactly as the documents do: column heads, totals, parties, the
 * ledger's and the customer data's words. These are the documents' own pairs (the same
 * objects, not copies), so a word changed for the Excel file or the PDF changes on screen too.
 * Where a screen needs one mid-line it lowers its first letter (case.ts), it keeps no copy.
 */
import { CROWDFUNDING_WORDS } from '../crowdfunding';
import { CUSTOMER_DATA_WORDS } from '../customer-data';
import { PAGE_WORDS } from '../customer-page';
import { DOCUMENT_WORDS } from '../documents';
import { LEDGER_WORDS } from '../ledger';
import { REPORT_WORDS } from '../reports';
import type { Table } from '../words';

export const UI_DOCUMENT_WORDS = {
  // ---- the estimate's columns, totals and parties ----
  code: DOCUMENT_WORDS.code,
  service: DOCUMENT_WORDS.service,
  qty: DOCUMENT_WORDS.qty,
  hours: DOCUMENT_WORDS.hours,
  hourUnit: DOCUMENT_WORDS.hourUnit,
  k: DOCUMENT_WORDS.k,
  normHours: DOCUMENT_WORDS.normHours,
  rate: DOCUMENT_WORDS.rateColumn,
  normHourRate: DOCUMENT_WORDS.rate,
  amount: DOCUMENT_WORDS.amount,
  actualTime: DOCUMENT_WORDS.actual,
  noLines: DOCUMENT_WORDS.noLines,
  description: DOCUMENT_WORDS.description,
  inputs: DOCUMENT_WORDS.inputs,
  result: DOCUMENT_WORDS.result,
  limits: DOCUMENT_WORDS.limits,
  subtotal: DOCUMENT_WORDS.subtotal,
  discount: DOCUMENT_WORDS.discount,
  vat: DOCUMENT_WORDS.vat,
  noVat: DOCUMENT_WORDS.noVat,
  total: DOCUMENT_WORDS.total,
  customer: DOCUMENT_WORDS.customer,
  taxId: DOCUMENT_WORDS.taxId,
  status: DOCUMENT_WORDS.status,
  validUntil: DOCUMENT_WORDS.validUntil,
  customerAnswer: DOCUMENT_WORDS.answer,
  date: DOCUMENT_WORDS.date,
  targetDate: DOCUMENT_WORDS.targetDate,
  yes: DOCUMENT_WORDS.yes,
  no: DOCUMENT_WORDS.no,
  reason: PAGE_WORDS.reason,

  // ---- the ledger and the monthly report ----
  normHourBalance: LEDGER_WORDS.balance,
  ledgerEntry: LEDGER_WORDS.operation,
  workOrder: LEDGER_WORDS.order,
  stage: LEDGER_WORDS.stage,
  category: REPORT_WORDS.category,
  debited: REPORT_WORDS.debited,
  noEntriesThisMonth: REPORT_WORDS.noEntries,

  // ---- the customer's data: the customer's card and the sheets' columns ----
  name: CUSTOMER_DATA_WORDS.name,
  legalName: CUSTOMER_DATA_WORDS.legalName,
  contactPerson: CUSTOMER_DATA_WORDS.contact,
  phone: CUSTOMER_DATA_WORDS.phone,
  address: CUSTOMER_DATA_WORDS.address,
  quotes: CUSTOMER_DATA_WORDS.quotesSheet,
  quote: CUSTOMER_DATA_WORDS.quote,
  number: CUSTOMER_DATA_WORDS.number,
  title: CUSTOMER_DATA_WORDS.quoteTitle,
  answered: CUSTOMER_DATA_WORDS.answered,
  customerNote: CUSTOMER_DATA_WORDS.customerNote,
  quoteLines: CUSTOMER_DATA_WORDS.stageLines,
  workOrders: CUSTOMER_DATA_WORDS.ordersSheet,
  approved: CUSTOMER_DATA_WORDS.approved,
  stages: CUSTOMER_DATA_WORDS.stagesSheet,
  normHourLedger: CUSTOMER_DATA_WORDS.ledgerSheet,
  debitedNormHours: CUSTOMER_DATA_WORDS.debitedNormHours,
  project: CUSTOMER_DATA_WORDS.project,
  pledges: CUSTOMER_DATA_WORDS.pledgesSheet,
  estimateBySpecialist: CUSTOMER_DATA_WORDS.estimateBySpecialist,
  when: CUSTOMER_DATA_WORDS.when,
  who: CUSTOMER_DATA_WORDS.who,

  // ---- the crowdfunding comparison ----
  price: CROWDFUNDING_WORDS.price,
  funded: CROWDFUNDING_WORDS.funded,
  coFunders: CROWDFUNDING_WORDS.funders,
  newCoFunders: CROWDFUNDING_WORDS.n,
  figure: CROWDFUNDING_WORDS.figure,
} as const satisfies Table;
