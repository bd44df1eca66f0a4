/**
 * A prepayment invoice («счёт на оплату») as .xlsx: one line — N norm-hours of extended
 * technical support at the norm-hour rate — its amount as ROUND(qty × price, 2), VAT as the
 * invoice has it (on top: ROUND(amount × r, 2); included: ROUND(amount × r / (1 + r), 2)), the
 * total to pay; payee and payer, the payment reference and the signature lines. Every formula
 * carries the value the domain computed; text from people is written as text.
 */
import ExcelJS from './exceljs';
import { localDate } from '../domain/calendar';
import { formatDay, formatFixed, formatMoney, formatPercentMilli, stampText, type Lang } from '../domain/format';
import { DOCUMENT_WORDS } from '../domain/words/documents';
import { INVOICE_WORDS } from '../domain/words/statement';
import { INVOICE_STATUS_WORDS } from '../domain/words/statuses';
import { vocabulary } from '../domain/words/vocabulary';
import { say, wordsOf } from '../domain/words/words';
import type { InvoiceView } from '../store/invoices';
import {
  Styles,
  TOP_RULE,
  TOTAL_FILL,
  fromMilli,
  fromMinor,
  percentFormat,
  setFormula,
  setNumber,
  setProperties,
  setText,
  toArrayBuffer,
  moneyFormat,
} from './cells';
import { ListBook } from './table';

/** The words the invoice reads: the documents' and its own. */
export const INVOICE_SHEET_WORDS = vocabulary(DOCUMENT_WORDS, INVOICE_WORDS);

export interface InvoiceDocument {
  invoice: InvoiceView;
  company: { name: string; details: string };
  customer: { name: string; legalName: string; taxId: string; address: string };
  timeZone: string;
  generatedAt: Date;
}

export async function invoiceWorkbook(doc: InvoiceDocument, lang: Lang): Promise<ArrayBuffer> {
  const w = wordsOf(INVOICE_SHEET_WORDS, lang);
  const i = doc.invoice;
  const wb = new ExcelJS.Workbook();
  const title = `${w('invoiceNo')} ${i.number} ${w('dated')} ${formatDay(i.issuedOn, lang)}`;
  setProperties(wb, { title, subject: w('invoiceLine'), company: doc.company.name, keywords: i.number, lang, created: doc.generatedAt });
  const book = new ListBook(wb, lang, i.currency, {
    subtitle: `${doc.company.name} · ${w('generatedOn')} ${stampText(doc.generatedAt, doc.timeZone, lang)}`,
    noRows: w('noLines'),
    total: w('subtotal'),
    footerLeft: doc.company.name,
    footerRight: () => `${i.number} · ${doc.customer.name}`,
  });
  const line = { n: 1, title: doc.invoice.memo ? `${w('invoiceLine')} — ${doc.invoice.memo}` : w('invoiceLine') };
  const sheet = book.list({
    sheet: w('invoiceFile'),
    table: 'Invoice',
    title,
    rows: [line],
    totals: true,
    cols: [
      { key: 'n', head: w('numberSign'), kind: 'int', width: [5, 6], get: (l) => l.n },
      { key: 'title', head: w('service'), kind: 'wrap', width: [40, 48], get: (l) => l.title },
      { key: 'qty', head: w('qty'), kind: 'hours', width: [10, 12], get: () => i.normHoursCenti },
      { key: 'unit', head: w('unitColumn'), kind: 'text', width: [8, 9], get: () => w('unit') },
      { key: 'price', head: w('price'), kind: 'money', width: [14, 18], get: () => i.rateMinor },
      {
        key: 'amount',
        head: w('amount'),
        kind: 'money',
        width: [16, 20],
        sum: true,
        get: (_l, ref) => ({ formula: `ROUND(${ref('qty')}*${ref('price')},2)`, result: i.subtotalMinor }),
      },
    ],
  });
  const { ws } = sheet;
  const st = new Styles();
  const money = st.get({ numFmt: moneyFormat(i.currency, lang), bold: true, border: TOP_RULE, fill: TOTAL_FILL });
  const label = st.text({ bold: true, h: 'right', border: TOP_RULE, fill: TOTAL_FILL });
  const plain = st.text({ wrap: true, v: 'top' });
  const strong = st.text({ bold: true, wrap: true });
  const small = st.text({ size: 8, grey: true, wrap: true });
  const A = sheet.letter('amount');
  const P = sheet.column('price');
  const subtotal = `${A}${sheet.totalRow}`;

  // VAT and the total to pay, under the amount.
  let r = sheet.totalRow + 1;
  const vatRow = r++;
  ws.mergeCells(vatRow, 1, vatRow, P - 1);
  if (i.vatMode === 'none') {
    setText(ws.getCell(vatRow, 1), w('noVat'), label);
    setNumber(ws.getCell(vatRow, sheet.column('amount')), 0, money);
    ws.getCell(vatRow, P).style = label;
  } else {
    setText(ws.getCell(vatRow, 1), i.vatMode === 'included' ? w('vatIncluded') : w('vat'), label);
    setNumber(
      ws.getCell(vatRow, P),
      fromMilli(i.vatRateMilli),
      st.get({ numFmt: percentFormat(i.vatRateMilli), bold: true, border: TOP_RULE, fill: TOTAL_FILL }),
    );
    const rate = `${sheet.letter('price')}${vatRow}`;
    const formula = i.vatMode === 'included' ? `ROUND(${subtotal}*${rate}/(1+${rate}),2)` : `ROUND(${subtotal}*${rate},2)`;
    setFormula(ws.getCell(vatRow, sheet.column('amount')), formula, fromMinor(i.vatMinor), money);
  }
  const totalRow = r++;
  ws.mergeCells(totalRow, 1, totalRow, P);
  setText(ws.getCell(totalRow, 1), w('toPay'), label);
  setFormula(
    ws.getCell(totalRow, sheet.column('amount')),
    i.vatMode === 'on_top' ? `${subtotal}+${A}${vatRow}` : subtotal,
    fromMinor(i.totalMinor),
    money,
  );

  // The parties, what the payment should say, the signatures.
  const last = sheet.column('amount');
  const block = (text: string, style: typeof plain, height?: number) => {
    const row = r++;
    ws.mergeCells(row, 1, row, last);
    setText(ws.getCell(row, 1), text, style);
    if (height) ws.getRow(row).height = height;
  };
  r++;
  block(`${w('payee')}: ${doc.company.name}`, strong);
  if (doc.company.details.trim()) block(doc.company.details, plain, Math.min(120, 13 * (doc.company.details.split('\n').length + 1)));
  const c = doc.customer;
  const payer = [c.legalName || c.name, c.taxId ? `${w('taxId')} ${c.taxId}` : '', c.address].filter((x) => x.trim() !== '').join(', ');
  block(`${w('payer')}: ${payer}`, strong, 26);
  r++;
  block(say(lang, INVOICE_WORDS.purpose, { number: i.number, date: formatDay(i.issuedOn, lang) }), plain);
  block(
    say(lang, INVOICE_WORDS.hoursNote, { hours: formatFixed(i.normHoursCenti, 2, lang), rate: formatMoney(i.rateMinor, i.currency, lang) }),
    small,
    24,
  );
  block(`${w('vat')}: ${i.vatMode === 'none' ? w('noVat') : formatPercentMilli(i.vatRateMilli, lang)}`, small);
  if (i.status !== 'issued') {
    const mark =
      i.status === 'paid'
        ? say(lang, INVOICE_WORDS.paidOn, {
            date: i.paidEntryAt ? formatDay(localDate(Date.parse(i.paidEntryAt), doc.timeZone), lang) : '',
            ref: i.paymentRef ?? '',
          })
        : w('cancelledMark');
    block(`${say(lang, INVOICE_STATUS_WORDS[i.status])}. ${mark}`, strong);
  }
  r++;
  for (const who of [w('director'), w('chiefAccountant')]) {
    const row = r++;
    ws.mergeCells(row, 1, row, 2);
    setText(ws.getCell(row, 1), `${who} ________________ / ________________ /`, plain);
    ws.getRow(row).height = 24;
  }
  block(w('stamp'), plain);
  return toArrayBuffer(wb);
}
