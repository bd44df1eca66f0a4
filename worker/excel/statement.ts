/**
 * A customer's month statement («выписка» / «акт») as .xlsx, the figures of domain/statement.ts:
 *
 * - «Выписка»: the customer, the opening balance, top-ups, debits and corrections linked to the
 *   totals of the sheets below, the closing balance as opening + top-ups − debits + corrections,
 *   the money of the month's services (net, VAT, total: the debits less the corrections that
 *   reverse them) and of its payments, then the acknowledgement and the signature block;
 * - «Пополнения»: each top-up with its payment reference, invoice, norm-hours, rate and money;
 * - «Списания»: each service debited, under its work order, planned against actual hours, K,
 *   planned and debited norm-hours (their difference a formula), net, VAT and total;
 * - «Корректировки»: each correction with its reason, what it corrects, its norm-hours and money.
 *
 * Every formula carries the value the domain computed; text from people is written as text.
 */
import type { Worksheet } from 'exceljs';
import ExcelJS from './exceljs';
import { currencySymbol, formatDay, stampText, type Lang } from '../domain/format';
import type { Statement, StatementCorrection, StatementTopup } from '../domain/statement';
import { upperFirst } from '../domain/words/case';
import { DOCUMENT_WORDS } from '../domain/words/documents';
import { LEDGER_KIND_WORDS, TOPUP_KIND_WORDS } from '../domain/words/kinds';
import { LEDGER_WORDS } from '../domain/words/ledger';
import { monthTitle } from '../domain/words/months';
import { REPORT_WORDS } from '../domain/words/reports';
import { INVOICE_WORDS, STATEMENT_WORDS } from '../domain/words/statement';
import { CUSTOMER_DATA_WORDS } from '../domain/words/customer-data';
import { PAGE_WORDS } from '../domain/words/customer-page';
import { vocabulary } from '../domain/words/vocabulary';
import { say, wordsOf } from '../domain/words/words';
import {
  CLOSING_RULES,
  HOURS_FORMAT,
  Styles,
  TOP_RULE,
  TOTAL_FILL,
  excelDate,
  fitRowHeight,
  fromCenti,
  fromMinor,
  moneyFormat,
  printSetup,
  setFormula,
  setNumber,
  setProperties,
  setText,
  sheetRef,
  toArrayBuffer,
} from './cells';
import { ListBook, type ListSheet } from './table';

/** The words the statement reads: the documents', the ledger's, the report's and its own. */
export const STATEMENT_SHEET_WORDS = vocabulary(DOCUMENT_WORDS, LEDGER_WORDS, REPORT_WORDS, STATEMENT_WORDS, {
  // Words other documents say already, under this document's names.
  debitedNorm: CUSTOMER_DATA_WORDS.debitedNormHours,
  reason: PAGE_WORDS.reason,
  invoiceColumn: INVOICE_WORDS.invoiceFile,
});

type Row = { heading?: string; order?: string; stage?: string; date?: string; code?: string; title?: string; category?: string } & Partial<{
  plannedHoursCenti: number;
  hoursCenti: number;
  kMilli: number;
  plannedNormHoursCenti: number;
  normHoursCenti: number;
  netMinor: number;
  vatMinor: number;
  totalMinor: number;
}>;

export async function statementWorkbook(s: Statement, lang: Lang): Promise<ArrayBuffer> {
  const w = wordsOf(STATEMENT_SHEET_WORDS, lang);
  const wb = new ExcelJS.Workbook();
  const period = monthTitle(s.month, lang);
  const title = `${w('statementTitle')} ${w('statementFor')} ${period}`;
  setProperties(wb, {
    title,
    subject: s.customer.name,
    company: s.company.name,
    keywords: s.month,
    lang,
    created: new Date(s.generatedAt),
  });
  const summary = wb.addWorksheet(w('statementFile'));
  const book = new ListBook(wb, lang, s.currency, {
    subtitle:
      `${s.customer.name} · ${s.company.name} · ${period} · ${w('generated')} ${stampText(s.generatedAt, s.timeZone, lang)} · ` +
      `${w('timeZone')} ${s.timeZone}`,
    noRows: w('noEntries'),
    total: w('total'),
    footerLeft: s.company.name,
    footerRight: (t) => `${s.customer.name} · ${s.month} · ${t}`,
  });
  const date = (d: string | undefined) => (d ? excelDate(d) : null);
  const cur = currencySymbol(s.currency);

  const topups = book.list<StatementTopup>({
    sheet: w('topupsSection').slice(0, 31),
    table: 'Topups',
    title: w('topupsSection'),
    rows: s.topups,
    totals: true,
    cols: [
      { key: 'date', head: w('date'), kind: 'date', width: [11, 11], get: (t) => date(t.date) },
      {
        key: 'kind',
        head: w('operation'),
        kind: 'wrap',
        width: [14, 24],
        get: (t) => (t.topupKind ? say(lang, TOPUP_KIND_WORDS[t.topupKind]) : say(lang, LEDGER_KIND_WORDS.topup)),
      },
      { key: 'ref', head: w('paymentRef'), kind: 'wrap', width: [16, 28], get: (t) => t.paymentRef },
      { key: 'invoice', head: w('invoiceColumn'), kind: 'text', width: [8, 16], get: (t) => t.invoiceNumber ?? '' },
      { key: 'memo', head: w('content'), kind: 'wrap', width: [18, 36], get: (t) => t.memo },
      { key: 'hours', head: w('topupColumn'), kind: 'hours', width: [12, 14], sum: true, get: (t) => t.normHoursCenti },
      { key: 'rate', head: w('rate'), kind: 'money', width: [12, 16], get: (t) => t.rateMinor },
      { key: 'net', head: `${w('netColumn')}, ${cur}`, kind: 'money', width: [14, 18], sum: true, get: (t) => t.netMinor },
      { key: 'vat', head: `${w('vat')}, ${cur}`, kind: 'money', width: [12, 16], sum: true, get: (t) => t.vatMinor },
      { key: 'total', head: `${w('totalColumn')}, ${cur}`, kind: 'money', width: [14, 18], sum: true, get: (t) => t.totalMinor },
    ],
  });

  const rows: Row[] = [];
  for (const o of s.orders) {
    rows.push({ heading: o.orderNumber ? `${w('order')} ${o.orderNumber}` : w('otherDebits') });
    for (const st of o.stages) {
      const stage = st.n !== null ? `${st.n}. ${st.title}` : st.title;
      const { items: _items, plannedHoursCenti: _p, hoursCenti: _h, ...figures } = st;
      // A debit without services (a pledge) has norm-hours, not hours.
      const items = st.items.length ? st.items : [{ ...figures, code: '', title: st.title, categoryName: '', kMilli: 0 }];
      for (const { categoryName, kMilli, ...it } of items) {
        rows.push({ ...it, order: o.orderNumber ?? '', stage, date: st.date, category: categoryName, kMilli: kMilli || undefined });
      }
    }
  }
  const debits = book.list<Row>({
    sheet: w('debitsSection').slice(0, 31),
    table: 'Debits',
    title: w('debitsSection'),
    rows,
    totals: true,
    heading: (r) => r.heading !== undefined,
    cols: [
      { key: 'date', head: w('date'), kind: 'date', width: [11, 11], get: (r) => date(r.date) },
      { key: 'order', head: w('order'), kind: 'wrap', width: [12, 24], get: (r) => r.heading ?? r.order ?? '' },
      { key: 'stage', head: w('stage'), kind: 'wrap', width: [14, 26], get: (r) => r.stage ?? '' },
      { key: 'code', head: w('code'), kind: 'text', width: [6, 9], get: (r) => r.code ?? '' },
      { key: 'title', head: w('service'), kind: 'wrap', width: [22, 40], get: (r) => r.title ?? '' },
      { key: 'planned', head: w('plannedHours'), kind: 'hours', width: [9, 12], get: (r) => r.plannedHoursCenti ?? null },
      { key: 'actual', head: w('actualHours'), kind: 'hours', width: [9, 12], get: (r) => r.hoursCenti ?? null },
      { key: 'k', head: w('k'), kind: 'milli', width: [5, 6], get: (r) => r.kMilli ?? null },
      {
        key: 'plannedNorm',
        head: w('plannedNorm'),
        kind: 'hours',
        width: [11, 13],
        sum: true,
        get: (r) => r.plannedNormHoursCenti ?? null,
      },
      { key: 'norm', head: w('debitedNorm'), kind: 'hours', width: [11, 13], sum: true, get: (r) => r.normHoursCenti ?? null },
      {
        key: 'diff',
        head: `${w('difference')}, ${w('hourUnit')}`,
        kind: 'hours',
        width: [9, 12],
        sum: true,
        get: (r, ref) =>
          r.normHoursCenti === undefined
            ? null
            : { formula: `${ref('norm')}-${ref('plannedNorm')}`, result: r.normHoursCenti - (r.plannedNormHoursCenti ?? 0) },
      },
      { key: 'net', head: `${w('netColumn')}, ${cur}`, kind: 'money', width: [13, 18], sum: true, get: (r) => r.netMinor ?? null },
      { key: 'vat', head: `${w('vat')}, ${cur}`, kind: 'money', width: [12, 16], sum: true, get: (r) => r.vatMinor ?? null },
      { key: 'total', head: `${w('totalColumn')}, ${cur}`, kind: 'money', width: [13, 18], sum: true, get: (r) => r.totalMinor ?? null },
    ],
  });

  const services = (c: StatementCorrection) => c.corrects?.kind === 'debit';
  const correctsText = (c: StatementCorrection) =>
    c.corrects ? `${formatDay(c.corrects.date, lang)} ${say(lang, LEDGER_KIND_WORDS[c.corrects.kind])}: ${c.corrects.memo}` : '';
  const corrections = book.list<StatementCorrection>({
    sheet: w('correctionsSection').slice(0, 31),
    table: 'Corrections',
    title: w('correctionsSection'),
    rows: s.corrections,
    totals: true,
    cols: [
      { key: 'date', head: w('date'), kind: 'date', width: [11, 11], get: (c) => date(c.date) },
      { key: 'reason', head: w('reason'), kind: 'wrap', width: [20, 40], get: (c) => c.memo },
      { key: 'corrects', head: w('corrects'), kind: 'wrap', width: [20, 40], get: correctsText },
      {
        key: 'of',
        head: w('operation'),
        kind: 'text',
        width: [10, 14],
        get: (c) => (c.corrects ? say(lang, LEDGER_KIND_WORDS[c.corrects.kind]) : ''),
      },
      { key: 'hours', head: w('correctionColumn'), kind: 'hours', width: [13, 16], sum: true, get: (c) => c.normHoursCenti },
      // Money given back for services (a correction of a debit) apart from money of payments (of a top-up).
      {
        key: 'net',
        head: `${w('netColumn')}, ${cur}`,
        kind: 'money',
        width: [13, 18],
        sum: true,
        get: (c) => (services(c) ? c.netMinor : null),
      },
      { key: 'vat', head: `${w('vat')}, ${cur}`, kind: 'money', width: [12, 16], sum: true, get: (c) => (services(c) ? c.vatMinor : null) },
      {
        key: 'total',
        head: `${w('totalColumn')}, ${cur}`,
        kind: 'money',
        width: [13, 18],
        sum: true,
        get: (c) => (services(c) ? c.totalMinor : null),
      },
      {
        key: 'paid',
        head: `${w('topupColumn').split(',')[0]}, ${cur}`,
        kind: 'money',
        width: [13, 18],
        sum: true,
        get: (c) => (c.corrects?.kind === 'topup' ? c.netMinor : null),
      },
    ],
  });

  summarySheet(summary, book, s, lang, { topups, debits, corrections });
  return toArrayBuffer(wb);
}

interface Lists {
  topups: ListSheet;
  debits: ListSheet;
  corrections: ListSheet;
}

function summarySheet(ws: Worksheet, book: ListBook, s: Statement, lang: Lang, lists: Lists) {
  const w = wordsOf(STATEMENT_SHEET_WORDS, lang);
  const st = new Styles();
  const money = moneyFormat(s.currency, lang);
  const S = {
    label: st.text({ wrap: true }),
    strong: st.text({ bold: true, wrap: true }),
    note: st.text({ italic: true, grey: true, wrap: true }),
    small: st.text({ size: 8, grey: true, wrap: true }),
    hours: st.get({ numFmt: HOURS_FORMAT }),
    money: st.get({ numFmt: money }),
    closing: st.get({ numFmt: HOURS_FORMAT, bold: true, border: CLOSING_RULES }),
    head: st.text({ bold: true, h: 'center', border: TOP_RULE, fill: TOTAL_FILL }),
    grand: st.get({ numFmt: money, bold: true }),
  };
  book.heading(ws, `${w('statementTitle')} ${w('statementFor')} ${monthTitle(s.month, lang)}`, 4);
  ws.getColumn(1).width = 44;
  for (const c of [2, 3, 4]) ws.getColumn(c).width = 18;
  const c = s.customer;
  let r = 4;
  const line = (label: string, style = S.label) => {
    ws.mergeCells(r, 1, r, 4);
    setText(ws.getCell(r, 1), label, style);
    fitRowHeight(ws, r, [{ text: label, width: 44 + 3 * 18 }]);
    return r++;
  };
  line(`${w('contractor')}: ${s.company.name}`, S.strong);
  line(
    `${w('customer')}: ${[c.legalName || c.name, c.taxId ? `${w('taxId')} ${c.taxId}` : '', c.address].filter((x) => x.trim()).join(', ')}`,
    S.strong,
  );
  line(s.closed ? w('monthClosed') : w('monthOpen'), S.note);
  r++;
  const ref = (sheet: ListSheet, key: string) => `${sheetRef(sheet.ws.name)}!${sheet.letter(key)}${sheet.totalRow}`;
  const figure = (label: string, formula: string | null, value: number, style = S.hours) => {
    setText(ws.getCell(r, 1), label, S.label);
    if (formula === null) setNumber(ws.getCell(r, 2), value, style);
    else setFormula(ws.getCell(r, 2), formula, value, style);
    return r++;
  };
  const t = s.totals;
  const open = figure(w('openingRow'), null, fromCenti(s.openingCenti));
  const up = figure(upperFirst(w('topupColumn')), ref(lists.topups, 'hours'), fromCenti(t.topupsCenti));
  const down = figure(upperFirst(w('debitColumn')), ref(lists.debits, 'norm'), fromCenti(t.debits.normHoursCenti));
  const fix = figure(upperFirst(w('correctionColumn')), ref(lists.corrections, 'hours'), fromCenti(t.correctionsCenti));
  figure(w('closingRow'), `B${open}+B${up}-B${down}+B${fix}`, fromCenti(s.closingCenti), S.closing);
  r++;

  // Money: the services (debits less the corrections that reverse debits) and the payments.
  const cols = ['net', 'vat', 'total'] as const;
  const heads = [w('netColumn'), w('vat'), w('totalColumn')];
  setText(ws.getCell(r, 1), '', S.head);
  heads.forEach((h, i) => {
    setText(ws.getCell(r, i + 2), `${h}, ${currencySymbol(s.currency)}`, S.head);
  });
  r++;
  const moneyRow = (label: string, formulas: string[], values: number[], style = S.money) => {
    setText(ws.getCell(r, 1), label, S.label);
    formulas.forEach((f, i) => {
      setFormula(ws.getCell(r, i + 2), f, fromMinor(values[i]!), style);
    });
    r++;
  };
  moneyRow(
    w('debitsTotal'),
    cols.map((k) => ref(lists.debits, k)),
    [t.debits.netMinor, t.debits.vatMinor, t.debits.totalMinor],
  );
  moneyRow(
    w('correctionsTotal'),
    cols.map((k) => ref(lists.corrections, k)),
    [t.corrections.netMinor, t.corrections.vatMinor, t.corrections.totalMinor],
  );
  moneyRow(
    w('servicesTotal'),
    cols.map((_, i) => `${String.fromCharCode(66 + i)}${r - 2}-${String.fromCharCode(66 + i)}${r - 1}`),
    [t.services.netMinor, t.services.vatMinor, t.services.totalMinor],
    S.grand,
  );
  moneyRow(w('topupsTotal'), [`${ref(lists.topups, 'net')}+${ref(lists.corrections, 'paid')}`], [t.topupsMinor]);
  r++;
  line(w('legendStatement'), S.small);
  line(w('rendered'), S.label);
  r++;
  for (const [who, name] of [
    [w('contractor'), s.company.name],
    [w('customer'), c.legalName || c.name],
  ] as const) {
    line(`${who}: ${name}`, S.strong);
    line(`________________ / ________________ /    ${w('stamp')}`, S.label);
    ws.getRow(r - 1).height = 26;
  }
  printSetup(ws, { landscape: false, footerLeft: s.company.name, footerRight: `${c.name} · ${s.month}` });
}
