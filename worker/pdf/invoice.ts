/**
 * A prepayment invoice as a PDF: the company and «Счёт на оплату № INV-…», payee and payer, one
 * line of norm-hours at the norm-hour rate, VAT as the invoice has it, the total to pay, what the
 * payment should say, and the director's and chief accountant's signatures with the stamp. Every
 * figure is the invoice's, formatted by domain/format.ts; nothing is recomputed.
 */
import { localDate } from '../domain/calendar';
import { formatDay, formatFixed, formatMoney, formatPercentMilli, type Lang } from '../domain/format';
import { DOCUMENT_WORDS } from '../domain/words/documents';
import { INVOICE_WORDS } from '../domain/words/statement';
import { INVOICE_STATUS_WORDS } from '../domain/words/statuses';
import { vocabulary } from '../domain/words/vocabulary';
import { say, wordsOf } from '../domain/words/words';
import type { InvoiceDocument } from '../excel/invoice';
import { CONTENT_WIDTH, FRAME, S, columns, heading, note, parties, run, signatures, totalsRows } from './blocks';
import { fonts as loadFonts } from './font';
import { addFooters, paginate, type Block } from './layout';
import { row } from './table';
import { writePdf } from './writer';

/** The words the invoice PDF reads: the same entries as its Excel file. */
export const INVOICE_PDF_WORDS = vocabulary(DOCUMENT_WORDS, INVOICE_WORDS);

const COLS = columns([20, 0, 60, 44, 80, 90], 1, ['center', 'left', 'right', 'left', 'right', 'right']);

export function layoutInvoice(doc: InvoiceDocument, lang: Lang, fonts = loadFonts()) {
  const w = wordsOf(INVOICE_PDF_WORDS, lang);
  const i = doc.invoice;
  const money = (m: number) => formatMoney(m, i.currency, lang);
  const status = i.status === 'issued' ? '' : say(lang, INVOICE_STATUS_WORDS[i.status]);
  const blocks: Block[] = heading(
    fonts,
    doc.company.name,
    `${w('invoiceNo')} ${i.number}`,
    [`${w('dated')} ${formatDay(i.issuedOn, lang)}`, status],
    w('invoiceLine'),
  );
  const c = doc.customer;
  blocks.push(
    parties(
      fonts,
      { label: w('payee'), name: doc.company.name, lines: [doc.company.details] },
      {
        label: w('payer'),
        name: c.legalName || c.name,
        lines: [c.legalName && c.legalName !== c.name ? c.name : '', c.taxId ? `${w('taxId')} ${c.taxId}` : '', c.address],
      },
    ),
  );
  const head = [w('numberSignNarrow'), w('service'), w('qty'), w('unitColumn'), w('price'), w('amount')].map((t) => [run(t, S.head)]);
  const header = row(fonts, COLS, head, { fill: 0.92, topRule: 0.8, paddingY: 4 });
  const title = i.memo ? `${w('invoiceLine')} — ${i.memo}` : w('invoiceLine');
  blocks.push({ ...header, spaceBefore: 14, keepWithNext: true });
  blocks.push(
    row(
      fonts,
      COLS,
      [
        [run('1', S.cell)],
        [run(title, S.cell, 4)],
        [run(formatFixed(i.normHoursCenti, 2, lang), S.cell)],
        [run(w('unit'), S.cell)],
        [run(money(i.rateMinor), S.cell)],
        [run(money(i.subtotalMinor), S.cell)],
      ],
      { header, keepWithNext: true },
    ),
  );
  const vat: [string, string, boolean] =
    i.vatMode === 'none'
      ? [w('noVat'), '—', false]
      : [`${i.vatMode === 'included' ? w('vatIncluded') : w('vat')} ${formatPercentMilli(i.vatRateMilli, lang)}`, money(i.vatMinor), false];
  blocks.push(...totalsRows(fonts, [[w('subtotal'), money(i.subtotalMinor), false], vat, [w('toPay'), money(i.totalMinor), true]]));
  const texts = [
    say(lang, INVOICE_WORDS.purpose, { number: i.number, date: formatDay(i.issuedOn, lang) }),
    say(lang, INVOICE_WORDS.hoursNote, { hours: formatFixed(i.normHoursCenti, 2, lang), rate: money(i.rateMinor) }),
  ];
  if (i.status === 'paid')
    texts.push(
      say(lang, INVOICE_WORDS.paidOn, {
        date: i.paidEntryAt ? formatDay(localDate(Date.parse(i.paidEntryAt), doc.timeZone), lang) : '',
        ref: i.paymentRef ?? '',
      }),
    );
  if (i.status === 'cancelled') texts.push(w('cancelledMark'));
  blocks.push(...note(fonts, texts, 12));
  blocks.push(
    signatures(
      fonts,
      [
        { label: w('director'), name: doc.company.name },
        { label: w('chiefAccountant'), name: doc.company.name },
      ],
      { signature: w('signature'), signatureName: w('signatureName'), stamp: w('stamp') },
    ),
  );
  const { pages, placed } = paginate(blocks, FRAME);
  addFooters(
    pages,
    fonts,
    { ...FRAME, width: CONTENT_WIDTH },
    `${w('invoiceNo')} ${i.number} · ${c.name} · ${doc.company.name}`,
    (n, of) => `${w('page')} ${n} ${w('of')} ${of}`,
  );
  return { pages, placed };
}

export async function renderInvoicePdf(doc: InvoiceDocument, lang: Lang): Promise<Uint8Array<ArrayBuffer>> {
  const fonts = loadFonts();
  const w = wordsOf(INVOICE_PDF_WORDS, lang);
  const { pages } = layoutInvoice(doc, lang, fonts);
  return writePdf(
    pages,
    {
      title: `${w('invoiceNo')} ${doc.invoice.number}`,
      subject: w('invoiceLine'),
      author: doc.company.name,
      lang,
      createdAt: doc.generatedAt,
    },
    fonts,
    {},
  );
}
