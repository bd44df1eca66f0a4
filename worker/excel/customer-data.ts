/**
 * Everything about one customer as one .xlsx, for the accountant and for the customer when
 * service ends: the same document as the JSON export (`exportCustomer`), one sheet per kind —
 *
 *   Customer · Quotes (every revision, its terms and totals) · Quote lines (norm-hours and
 *   amounts as ROUND formulas) · Services (descriptions, inputs, results, limits) · Quote
 *   history · Work orders · Stages · Norm-hour ledger (running balance as a formula, totals,
 *   the balance) · Itemised debits · Pledges · Projects
 *
 * — each list an Excel table with filters under a frozen header, dates as real dates on the
 * company's calendar, hours and money in number formats, A4 landscape, fit to width.
 *
 * What is left out on purpose, as in the estimate workbook (a file staff may hand to the
 * customer): internal notes on the customer and on quotes, the reasons given for a changed
 * K, and the audit trail's IP addresses, browsers and field-by-field changes; no token of
 * any kind is in the export to begin with.
 */
import ExcelJS from './exceljs';
import type { Cell, CellValue, Style, Worksheet } from 'exceljs';
import { localDate } from '../domain/calendar';
import { AUDIT_ACTION_WORDS } from '../domain/audit-words';
import { formatFixed, formatMilli, formatMoney, type Lang } from '../domain/format';
import { lineAmountMinor, lineNormHoursCenti } from '../domain/pricing';
import { priceLines, type LineRecord, type QuoteRecord } from '../domain/quote';
import { effectiveStatus } from '../domain/quote-lifecycle';
import { unprocessable } from '../http/errors';
import type { CustomerExport } from '../store/customer-export';
import {
  CLOSING_RULES,
  HAIRLINE,
  HEADER_FILL,
  HEADER_RULES,
  HOURS_FORMAT,
  INTEGER_FORMAT,
  PLAIN_FORMAT,
  SECTION_FILL,
  Styles,
  TOP_RULE,
  TOTAL_FILL,
  cleanText,
  dateFormat,
  dateTimeFormat,
  displayLength,
  excelDate,
  excelDateTime,
  fitRowHeight,
  fromCenti,
  fromMilli,
  fromMinor,
  moneyFormat,
  printSetup,
  setFormula,
  setNumber,
  setProperties,
  setText,
  sheetRef,
  styleRange,
  toArrayBuffer,
} from './cells';

/**
 * Rows (of all lists together) one workbook may hold. 5 000 ledger entries took about 0.6 s
 * in workerd (test/api/excel-more.test.ts); 10 000 rows stay near the budget bench/ measured
 * for a 10 000-entry consumption report. Memory was not measured for this workbook.
 */
export const CUSTOMER_DATA_ROW_CAP = 10_000;

export function customerDataRowCount(doc: Pick<CustomerExport, 'quotes' | 'quoteLines' | 'audit' | 'orders' | 'stages' | 'ledger' | 'debitItems' | 'pledges' | 'projects'>): number {
  return doc.quotes.length + doc.quoteLines.length + doc.audit.length + doc.orders.length + doc.stages.length + doc.ledger.length + doc.debitItems.length + doc.pledges.length + doc.projects.length;
}

/** Refuses (422 export_too_large) a customer with more rows than one file may hold; the JSON export has no such limit. */
export function assertCustomerDataFits(doc: Parameters<typeof customerDataRowCount>[0], cap = CUSTOMER_DATA_ROW_CAP) {
  const rows = customerDataRowCount(doc);
  if (rows <= cap) return;
  throw unprocessable(
    'export_too_large',
    {
      en: `The customer's data has ${rows} rows; one Excel file holds at most ${cap}. Download "All data (JSON)" instead, or the monthly consumption reports.`,
      ru: `В данных заказчика ${rows} строк; в один файл Excel помещается не больше ${cap}. Выгрузите «Все данные (JSON)» или отчёты о расходе по месяцам.`,
    },
    { rows, cap },
  );
}

export interface CustomerDataInput {
  doc: CustomerExport;
  companyName: string;
  timeZone: string;
  /** The company's currency: money of ledger entries that belong to no work order. */
  currency: string;
  generatedAt: Date;
}

type Pair = [string, string];

const WORDS = {
  title: ['Данные заказчика', 'Customer data'],
  exported: ['выгружено', 'exported'],
  timeZone: ['даты по часовому поясу', 'dates in the time zone'],
  noRows: ['Записей нет.', 'No records.'],
  total: ['Итого', 'Total'],
  yes: ['да', 'yes'],
  no: ['нет', 'no'],
  // sheets
  sCustomer: ['Заказчик', 'Customer'],
  sQuotes: ['Сметы', 'Quotes'],
  sLines: ['Строки смет', 'Quote lines'],
  sServices: ['Услуги', 'Services'],
  sHistory: ['История смет', 'Quote history'],
  sOrders: ['Заявки', 'Work orders'],
  sStages: ['Этапы', 'Stages'],
  sLedger: ['Журнал нормо-часов', 'Norm-hour ledger'],
  sItems: ['Списания по строкам', 'Itemised debits'],
  sPledges: ['Взносы', 'Pledges'],
  sProjects: ['Проекты', 'Projects'],
  // sheet titles
  tQuotes: ['Сметы: все редакции', 'Quotes: every revision'],
  tLines: ['Строки смет', 'Quote lines'],
  tServices: ['Услуги в сметах: описание, исходный материал, результат, ограничения', 'Services in the quotes: description, input materials, result, limits'],
  tHistory: ['История смет', 'Quote history'],
  tOrders: ['Заявки', 'Work orders'],
  tStages: ['Этапы заявок', 'Work order stages'],
  tLedger: ['Журнал баланса нормо-часов', 'Norm-hour ledger'],
  tItems: ['Списания по строкам смет', 'Debits itemised by quote line'],
  tPledges: ['Взносы в краудфандинг-проекты', 'Pledges to crowdfunding projects'],
  tProjects: ['Краудфандинг-проекты, в которые вносил заказчик', 'Crowdfunding projects the customer pledged to'],
  // the customer card
  name: ['Наименование', 'Name'],
  legalName: ['Юридическое наименование', 'Legal name'],
  taxId: ['ИНН', 'Tax id'],
  contact: ['Контактное лицо', 'Contact person'],
  email: ['Эл. почта', 'Email'],
  phone: ['Телефон', 'Phone'],
  address: ['Адрес', 'Address'],
  since: ['Заказчик с', 'Customer since'],
  customerNo: ['Номер заказчика', 'Customer number'],
  overdraft: ['Допустимый минус, нормо-ч', 'Overdraft allowed, norm-h'],
  balance: ['Баланс нормо-часов', 'Norm-hour balance'],
  sheet: ['Лист', 'Sheet'],
  holds: ['Что на листе', 'What it holds'],
  rows: ['Строк', 'Rows'],
  units: [
    'Часы и нормо-часы — в часах с сотыми, деньги — в валюте сметы или заявки. Нормо-часы строки = ОКРУГЛ(кол-во × часы × K; 2), сумма = ОКРУГЛ(кол-во × часы × K × ставка; 2). Остаток в журнале = предыдущий остаток + пополнение − списание + корректировка; итог журнала равен балансу. Деньги списаний — по ставке, действовавшей при списании; возврат взноса в проект показан с минусом. Внутренние заметки сотрудников в выгрузку не входят.',
    'Hours and norm-hours are in hours with hundredths, money in the currency of the quote or work order. Line norm-hours = ROUND(qty × hours × K, 2), amount = ROUND(qty × hours × K × rate, 2). The ledger’s running balance = the previous one + top-up − debit + correction; its final value is the balance. The money of a debit is at the rate in force when it was made; a refunded pledge shows as a negative amount. Staff’s internal notes are not part of the export.',
  ],
  // contents descriptions
  dQuotes: ['каждая редакция: статус, даты, ответ заказчика, условия и итоги', 'every revision: status, dates, answer, terms, totals'],
  dLines: ['строки каждой редакции с формулами нормо-часов и сумм', 'the lines of every revision, norm-hours and amounts as formulas'],
  dServices: ['описания услуг из смет', 'the services’ descriptions from the quotes'],
  dHistory: ['кто и когда создавал, менял, отправлял, принимал сметы', 'who created, changed, sent and answered the quotes, and when'],
  dOrders: ['заявки из принятых смет', 'work orders from accepted quotes'],
  dStages: ['этапы заявок, что по ним списано', 'the orders’ stages and what each debited'],
  dLedger: ['пополнения, списания, корректировки, остаток', 'top-ups, debits, corrections, running balance'],
  dItems: ['каждое списание по строкам смет', 'each debit by quote line'],
  dPledges: ['взносы в краудфандинг-проекты', 'pledges to crowdfunding projects'],
  dProjects: ['проекты, в которые вносил заказчик', 'the projects pledged to'],
  // columns
  number: ['Номер', 'Number'],
  revision: ['Ред.', 'Rev.'],
  quote: ['Смета', 'Quote'],
  quoteTitle: ['Название', 'Title'],
  status: ['Статус', 'Status'],
  sent: ['Отправлена', 'Sent'],
  validUntil: ['Действует до', 'Valid until'],
  answered: ['Ответ', 'Answered'],
  answerBy: ['Ответил, сообщение', 'Answered by, message'],
  terms: ['Условия', 'Terms'],
  rate: ['Ставка', 'Rate'],
  rateWord: ['ставка', 'rate'],
  discountWord: ['скидка', 'discount'],
  vatWord: ['НДС', 'VAT'],
  normHours: ['Нормо-часы', 'Norm-hours'],
  subtotal: ['Сумма', 'Subtotal'],
  discount: ['Скидка', 'Discount'],
  vat: ['Сумма НДС', 'VAT amount'],
  totalCol: ['Итого', 'Total'],
  customerNote: ['Примечание для заказчика', 'Note to the customer'],
  rowNo: ['№', 'No.'],
  kind: ['Вид', 'Kind'],
  code: ['Код', 'Code'],
  service: ['Услуга', 'Service'],
  category: ['Специалист', 'Specialist'],
  mode: ['Режим часов', 'Hours mode'],
  actual: ['По факту', 'Actual time'],
  qty: ['Кол-во', 'Qty'],
  hours: ['Часы, ч', 'Hours, h'],
  k: ['K', 'K'],
  amount: ['Сумма строки', 'Amount'],
  project: ['Проект', 'Project'],
  note: ['Примечание', 'Note'],
  description: ['Описание', 'Description'],
  inputs: ['Исходный материал', 'Input materials'],
  result: ['Результат сервиса', 'Result'],
  limits: ['Ограничения', 'Limits'],
  when: ['Когда', 'When'],
  side: ['Сторона', 'Party'],
  who: ['Кто', 'Who'],
  action: ['Действие', 'Action'],
  order: ['Заявка', 'Work order'],
  approved: ['Одобрена', 'Approved'],
  started: ['Начата', 'Started'],
  finished: ['Выполнена', 'Finished'],
  withdrawn: ['Отозвана', 'Withdrawn'],
  stagesCount: ['Этапов', 'Stages'],
  estimateNh: ['Нормо-часы по смете', 'Norm-hours quoted'],
  debitedNh: ['Списано, нормо-ч', 'Debited, norm-h'],
  debitedMoney: ['Списано, деньги', 'Debited, money'],
  stage: ['Этап', 'Stage'],
  stageHours: ['Часы по смете', 'Hours quoted'],
  accepted: ['Принят', 'Accepted'],
  composition: ['Строки сметы', 'Quote lines'],
  entry: ['Запись №', 'Entry No.'],
  date: ['Дата', 'Date'],
  operation: ['Операция', 'Entry'],
  content: ['Содержание', 'Description'],
  topup: ['Пополнение, нормо-ч', 'Top-up, norm-h'],
  debit: ['Списание, нормо-ч', 'Debit, norm-h'],
  correction: ['Корректировка, нормо-ч', 'Correction, norm-h'],
  running: ['Остаток, нормо-ч', 'Balance, norm-h'],
  money: ['Списано, деньги', 'Debited, money'],
  corrects: ['Исправляет запись №', 'Corrects entry No.'],
  itemsHours: ['Часы', 'Hours'],
  itemMoney: ['Сумма', 'Amount'],
  projectCode: ['Проект', 'Project'],
  projectTitle: ['Название проекта', 'Project title'],
  pledgedOn: ['Дата взноса', 'Pledged on'],
  confirmedAt: ['Подтверждён', 'Confirmed'],
  cancelledAt: ['Отменён', 'Cancelled'],
  targetDate: ['Плановый срок', 'Target date'],
  estimate: ['Оценка по специалистам', 'Estimate by specialist'],
  links: ['Ссылки', 'Links'],
  balanceRow: ['Баланс нормо-часов', 'Norm-hour balance'],
  pledgeTo: ['Взнос в проект', 'Pledge to project'],
  actualShort: ['факт', 'actual'],
  hourUnit: ['ч', 'h'],
} satisfies Record<string, Pair>;

const QUOTE_STATUS: Record<string, Pair> = {
  draft: ['Черновик', 'Draft'],
  sent: ['Отправлена', 'Sent'],
  accepted: ['Принята', 'Accepted'],
  declined: ['Отклонена', 'Declined'],
  changes_requested: ['Запрошены изменения', 'Changes requested'],
  expired: ['Просрочена', 'Expired'],
  archived: ['В архиве', 'Archived'],
};
const REPLACED: Pair = ['Заменена новой редакцией', 'Replaced by a newer revision'];
const LINE_KIND: Record<string, Pair> = { item: ['Услуга', 'Service'], free: ['Своя строка', 'Free line'], section: ['Раздел', 'Section'], project: ['Доля проекта', 'Project share'] };
const LINE_MODE: Record<string, Pair> = { fixed: ['фиксированные', 'fixed'], estimate: ['по оценке', 'estimated'] };
const VAT_MODE: Record<string, Pair> = { none: ['без НДС', 'no VAT'], on_top: ['сверху', 'on top'], included: ['в т. ч.', 'included'] };
const ACTOR: Record<string, Pair> = { user: ['сотрудник', 'staff'], customer: ['заказчик', 'customer'], system: ['система', 'system'] };
const ORDER_STATUS: Record<string, Pair> = {
  queued: ['В очереди', 'Queued'],
  in_progress: ['В работе', 'In progress'],
  paused: ['Пауза: мало нормо-часов', 'Paused for balance'],
  done: ['Выполнена', 'Done'],
  withdrawn: ['Отозвана', 'Withdrawn'],
};
const STAGE_STATUS: Record<string, Pair> = { pending: ['Ожидает приёмки', 'Pending'], accepted: ['Принят, списан', 'Accepted, debited'], withdrawn: ['Отозван', 'Withdrawn'] };
const ENTRY_KIND: Record<string, Pair> = { topup: ['Пополнение', 'Top-up'], debit: ['Списание', 'Debit'], correction: ['Корректировка', 'Correction'] };
const TOPUP_KIND: Record<string, Pair> = { tariff: ['тарифный план', 'tariff plan'], support: ['пакет расширенной поддержки', 'extended support package'], contract: ['отдельный договор', 'separate contract'] };
const PLEDGE_STATUS: Record<string, Pair> = { promised: ['Обещан', 'Promised'], confirmed: ['Подтверждён, списан', 'Confirmed, debited'], cancelled: ['Отменён', 'Cancelled'] };
const PROJECT_STATUS: Record<string, Pair> = { open: ['Сбор взносов', 'Open'], in_development: ['В разработке', 'In development'], released: ['Выпущен', 'Released'], withdrawn: ['Отозван', 'Withdrawn'] };

type Word = keyof typeof WORDS;

/** Spreadsheet column letters: 1 → A, 27 → AA. */
export function colLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

// ---------- a list as an Excel table ----------

type Kind = 'text' | 'wrap' | 'int' | 'hours' | 'money' | 'plain' | 'date' | 'datetime';
type Value = string | number | Date | null | { formula: string; result: number };

interface Column<T> {
  key: string;
  head: string;
  kind: Kind;
  /** Width in characters: [min, max]; a wrapped column is sized to its text within them. */
  width: [number, number];
  /** `ref(key)` is the cell of column `key` in this row; `ref(key, -1)` in the row above. */
  get: (row: T, ref: (key: string, rowOffset?: number) => string) => Value;
  currency?: (row: T) => string;
  /** A SUM of the column in the totals row. */
  sum?: boolean;
}

interface ListSpec<T> {
  name: string;
  table: string;
  title: string;
  cols: Column<T>[];
  rows: readonly T[];
  /** Adds a totals row with the columns marked `sum`. */
  totals?: boolean;
  /** Rows shown as headings (bold on grey): a quote's sections. */
  heading?: (row: T) => boolean;
}

interface ListSheet {
  ws: Worksheet;
  header: number;
  first: number;
  last: number;
  /** The totals row (0 when there is none). */
  totalRow: number;
  letter: (key: string) => string;
  totals: Map<string, number>;
}

class Writer {
  readonly wb = new ExcelJS.Workbook();
  readonly st = new Styles();
  readonly S;
  private readonly taken = new Set<string>();
  private readonly kindStyles = new Map<string, Partial<Style>>();

  constructor(
    readonly input: CustomerDataInput,
    readonly lang: Lang,
  ) {
    const st = this.st;
    this.S = {
      title: st.text({ bold: true, size: 14 }),
      subtitle: st.text({ grey: true, size: 9 }),
      header: st.text({ bold: true, h: 'center', v: 'middle', wrap: true, fill: HEADER_FILL, border: HEADER_RULES }),
      note: st.text({ italic: true, grey: true }),
      label: st.text({ grey: true, v: 'top' }),
      value: st.text({ wrap: true }),
      valueBold: st.text({ bold: true, wrap: true }),
      valueHours: st.get({ numFmt: HOURS_FORMAT, h: 'left' }),
      valueBalance: st.get({ numFmt: HOURS_FORMAT, h: 'left', bold: true }),
      valueDate: st.get({ numFmt: dateFormat(lang), h: 'left' }),
      valueInt: st.get({ numFmt: INTEGER_FORMAT, h: 'left' }),
      legend: st.text({ size: 8, grey: true, wrap: true }),
      section: st.text({ bold: true, border: HEADER_RULES, fill: HEADER_FILL }),
      contentsName: st.text({ border: HAIRLINE }),
      contentsText: st.text({ grey: true, wrap: true, border: HAIRLINE }),
      contentsCount: st.get({ numFmt: INTEGER_FORMAT, border: HAIRLINE }),
      totalLabel: st.text({ bold: true, border: TOP_RULE, fill: TOTAL_FILL }),
      totalBlank: st.get({ border: TOP_RULE, fill: TOTAL_FILL }),
      closingLabel: st.text({ bold: true, h: 'right' }),
      closing: st.get({ numFmt: HOURS_FORMAT, bold: true, border: CLOSING_RULES }),
    };
  }

  w = (key: Word) => WORDS[key][this.lang === 'ru' ? 0 : 1];
  pick = (pair: Readonly<Pair> | undefined, fallback = '') => (pair ? pair[this.lang === 'ru' ? 0 : 1] : fallback);

  sheetName(key: Word): string {
    const name = this.w(key);
    this.taken.add(name.toLowerCase());
    return name;
  }

  /** A cell look by kind (and currency for money), shared by every cell that has it: in a row, a totals row or a heading row. */
  style(kind: Kind, currency: string, variant: 'row' | 'total' | 'heading' = 'row'): Partial<Style> {
    const key = `${kind}|${currency}|${variant}`;
    let s = this.kindStyles.get(key);
    if (!s) {
      const border = variant === 'total' ? TOP_RULE : HAIRLINE;
      const extra = variant === 'total' ? { bold: true, fill: TOTAL_FILL } : variant === 'heading' ? { bold: true, fill: SECTION_FILL } : {};
      const st = this.st;
      s = {
        text: () => st.text({ border, ...extra }),
        wrap: () => st.text({ wrap: true, border, ...extra }),
        int: () => st.get({ numFmt: INTEGER_FORMAT, h: 'center', border, ...extra }),
        hours: () => st.get({ numFmt: HOURS_FORMAT, border, ...extra }),
        money: () => st.get({ numFmt: moneyFormat(currency, this.lang), border, ...extra }),
        plain: () => st.get({ numFmt: PLAIN_FORMAT, border, ...extra }),
        date: () => st.get({ numFmt: dateFormat(this.lang), h: 'center', border, ...extra }),
        datetime: () => st.get({ numFmt: dateTimeFormat(this.lang), h: 'center', border, ...extra }),
      }[kind]();
      this.kindStyles.set(key, s);
    }
    return s;
  }

  /** How wide a value shows, in characters (close enough to size a column). */
  private shownLength(kind: Kind, v: Value, currency: string): number {
    if (v === null || v === '') return 0;
    const n = typeof v === 'object' && !(v instanceof Date) ? v.result : v;
    switch (kind) {
      case 'text':
      case 'wrap':
        return displayLength(String(n));
      case 'hours':
        return formatFixed(Math.round(Number(n) * 100), 2, this.lang).length;
      case 'money':
        return formatMoney(Math.round(Number(n) * 100), currency, this.lang).length;
      case 'date':
        return 10;
      case 'datetime':
        return 16;
      case 'plain':
        return formatMilli(Math.round(Number(n) * 1000), this.lang).length;
      default:
        return String(n).length;
    }
  }

  heading(ws: Worksheet, title: string, lastCol: number) {
    const { doc, companyName, timeZone, generatedAt } = this.input;
    ws.mergeCells(1, 1, 1, Math.max(lastCol, 2));
    setText(ws.getCell(1, 1), title, this.S.title);
    ws.getRow(1).height = 20;
    ws.mergeCells(2, 1, 2, Math.max(lastCol, 2));
    setText(ws.getCell(2, 1), `${doc.customer.name} · ${companyName} · ${this.w('exported')} ${stampText(generatedAt, timeZone, this.lang)} · ${this.w('timeZone')} ${timeZone}`, this.S.subtitle);
    ws.getRow(3).height = 6;
  }

  finish(ws: Worksheet, header: number, title: string, landscape = true) {
    ws.views = [{ state: 'frozen', xSplit: 0, ySplit: header, topLeftCell: `A${header + 1}`, activeCell: `A${header + 1}`, showGridLines: false }];
    printSetup(ws, { landscape, repeatRow: header, footerLeft: this.input.companyName, footerRight: `${this.input.doc.customer.name} · ${title}` });
  }

  list<T>(spec: ListSpec<T>): ListSheet {
    const { cols, rows } = spec;
    const ws = this.wb.addWorksheet(spec.name, { properties: { defaultRowHeight: 12.75 } });
    const LAST = cols.length;
    const HEADER = 4;
    const first = HEADER + 1;
    this.heading(ws, spec.title, LAST);
    const letters = new Map(cols.map((c, i) => [c.key, colLetter(i + 1)]));
    const letter = (key: string) => {
      const l = letters.get(key);
      if (!l) throw new Error(`no column ${key}`);
      return l;
    };
    const fallbackCurrency = this.input.currency;

    // Values first (formulas need their row), then widths, then styles and heights.
    const values: Value[][] = rows.map((row, i) => {
      const r = first + i;
      const ref = (key: string, rowOffset = 0) => `${letter(key)}${r + rowOffset}`;
      return cols.map((c) => {
        const v = c.get(row, ref);
        return typeof v === 'string' ? cleanText(v) : v;
      });
    });
    const widths = cols.map((c) => Math.max(...c.head.split(/\s+/).map((word) => word.length)));
    values.forEach((vals, i) => {
      cols.forEach((c, j) => {
        const currency = c.currency?.(rows[i]!) ?? fallbackCurrency;
        widths[j] = Math.max(widths[j]!, this.shownLength(c.kind, vals[j]!, currency));
      });
    });
    const sums = new Map<string, number>();
    for (const [j, c] of cols.entries()) {
      if (!c.sum) continue;
      let hundredths = 0;
      for (const vals of values) {
        const v = vals[j];
        const n = v === null || v === undefined ? 0 : typeof v === 'object' && !(v instanceof Date) ? v.result : Number(v);
        hundredths += Math.round(n * 100);
      }
      sums.set(c.key, hundredths);
      widths[j] = Math.max(widths[j]!, this.shownLength(c.kind, hundredths / 100, fallbackCurrency) + 1);
    }
    cols.forEach((c, j) => (ws.getColumn(j + 1).width = Math.min(c.width[1], Math.max(c.width[0], widths[j]! + 2))));
    const totalWidth = cols.reduce((n, _c, j) => n + Number(ws.getColumn(j + 1).width), 0);

    if (rows.length > 0) {
      ws.addTable({
        name: spec.table,
        displayName: spec.table,
        ref: `A${HEADER}`,
        headerRow: true,
        totalsRow: false,
        style: { theme: 'TableStyleLight1', showRowStripes: false },
        columns: cols.map((c) => ({ name: c.head, filterButton: true })),
        rows: values.map((vals) => vals.map((v) => (v === '' ? null : v)) as CellValue[]),
      });
    } else {
      cols.forEach((c, j) => (ws.getCell(HEADER, j + 1).value = c.head));
    }
    styleRange(ws, HEADER, 1, LAST, this.S.header);
    const headerLines = Math.max(...cols.map((c, j) => fitLines(c.head, Number(ws.getColumn(j + 1).width))));
    ws.getRow(HEADER).height = Math.max(15, headerLines * 12.75 + 3);

    values.forEach((vals, i) => {
      const r = first + i;
      const row = ws.getRow(r);
      const wrapped: { text: string; width: number }[] = [];
      cols.forEach((c, j) => {
        const currency = c.currency?.(rows[i]!) ?? fallbackCurrency;
        row.getCell(j + 1).style = this.style(c.kind, currency, spec.heading?.(rows[i]!) ? 'heading' : 'row');
        if (c.kind === 'wrap' && typeof vals[j] === 'string') wrapped.push({ text: vals[j] as string, width: Number(ws.getColumn(j + 1).width) });
      });
      if (wrapped.length) fitRowHeight(ws, r, wrapped);
    });

    let r = first + rows.length;
    const last = r - 1;
    if (rows.length === 0) {
      ws.mergeCells(r, 1, r, LAST);
      setText(ws.getCell(r, 1), this.w('noRows'), this.S.note);
      r++;
    }
    let totalRow = 0;
    if (spec.totals) {
      totalRow = r;
      styleRange(ws, totalRow, 1, LAST, this.S.totalBlank);
      setText(ws.getCell(totalRow, 1), this.w('total'), this.S.totalLabel);
      cols.forEach((c, j) => {
        if (!c.sum) return;
        const cell = ws.getCell(totalRow, j + 1);
        const style = this.style(c.kind, fallbackCurrency, 'total');
        const L = letter(c.key);
        if (rows.length > 0) setFormula(cell, `SUM(${L}${first}:${L}${last})`, sums.get(c.key)! / 100, style);
        else setNumber(cell, 0, style);
      });
      r++;
    }
    // Portrait while the table fits A4's width at a readable scale.
    this.finish(ws, HEADER, spec.title, totalWidth > 105);
    return { ws, header: HEADER, first, last, totalRow, letter, totals: sums };
  }
}

/** Lines a header of `text` takes in a column `width` characters wide (words do not break). */
function fitLines(text: string, width: number): number {
  let lines = 1;
  let used = 0;
  for (const word of text.split(/\s+/)) {
    const need = used === 0 ? word.length : used + 1 + word.length;
    if (need > width - 1 && used > 0) {
      lines++;
      used = word.length;
    } else used = need;
  }
  return lines;
}

function stampText(date: Date, timeZone: string, lang: Lang): string {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(date)
      .map((x) => [x.type, x.value]),
  );
  return lang === 'ru' ? `${p.day}.${p.month}.${p.year} ${p.hour}:${p.minute}` : `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

function parseLinks(json: string): { title: string; url: string }[] {
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? v.filter((x): x is { title: string; url: string } => !!x && typeof x === 'object' && typeof (x as { url?: unknown }).url === 'string') : [];
  } catch {
    return [];
  }
}

// ---------- the workbook ----------

export async function customerDataWorkbook(input: CustomerDataInput, lang: Lang): Promise<ArrayBuffer> {
  const { doc, timeZone } = input;
  assertCustomerDataFits(doc);
  const x = new Writer(input, lang);
  const { w, pick } = x;
  const L = lang === 'ru' ? 0 : 1;
  setProperties(x.wb, {
    title: `${w('title')}: ${doc.customer.name}`,
    subject: `${w('title')}: ${doc.customer.name}`,
    company: input.companyName,
    keywords: [doc.customer.name, doc.customer.taxId].filter(Boolean).join('; '),
    lang,
    created: input.generatedAt,
  });
  const today = localDate(input.generatedAt.getTime(), timeZone);
  const percent = (milli: number) => `${formatMilli(milli * 100, lang)}${lang === 'ru' ? '\u00a0' : ''}%`;
  /** "ставка 3 000,00 ₽ / скидка 5 % / НДС 22 % сверху", a line each. */
  const termsText = (q: CustomerExport['quotes'][number]) =>
    [
      `${w('rateWord')} ${formatMoney(q.rateMinor, q.currency, lang)}`,
      q.discountRateMilli > 0 ? `${w('discountWord')} ${percent(q.discountRateMilli)}` : '',
      q.vatMode === 'none' ? pick(VAT_MODE.none) : `${w('vatWord')} ${percent(q.vatRateMilli)} ${pick(VAT_MODE[q.vatMode])}`,
    ]
      .filter(Boolean)
      .join('\n');
  const date = (iso: string | null) => (iso ? (iso.length === 10 ? excelDate(iso) : excelDate(localDate(Date.parse(iso), timeZone))) : null);
  const dateTime = (iso: string | null) => (iso ? excelDateTime(iso, timeZone) : null);
  const hours = (centi: number | null) => (centi === null ? null : fromCenti(centi));

  // Look-ups between the kinds.
  type QuoteRow = CustomerExport['quotes'][number];
  type LineRow = CustomerExport['quoteLines'][number];
  const quoteById = new Map(doc.quotes.map((q) => [q.id, q]));
  const orderById = new Map(doc.orders.map((o) => [o.id, o]));
  const stageById = new Map(doc.stages.map((s) => [s.id, s]));
  const entryById = new Map(doc.ledger.map((e) => [e.id, e]));
  const pledgeById = new Map(doc.pledges.map((p) => [p.id, p]));
  const projectById = new Map(doc.projects.map((p) => [p.id, p]));
  const lineById = new Map(doc.quoteLines.map((l) => [l.id, l]));
  const linesOf = new Map<number, LineRow[]>();
  for (const l of doc.quoteLines) linesOf.set(l.quoteId, [...(linesOf.get(l.quoteId) ?? []), l]);
  /** A revision's number already names it (Q-2026-0012-R2). */
  const quoteNumber = (id: number | null) => (id === null ? '' : (quoteById.get(id)?.number ?? `#${id}`));
  const stageText = (id: number | null) => {
    const s = id === null ? undefined : stageById.get(id);
    return s ? `${s.n}. ${s.title}` : '';
  };
  const orderCurrency = (id: number | null) => (id === null ? input.currency : (orderById.get(id)?.currency ?? input.currency));

  const customerSheet = x.wb.addWorksheet(x.sheetName('sCustomer'), { properties: { defaultRowHeight: 12.75 } });

  // ---- quotes: every revision with its terms and totals ----
  const priced = new Map(
    doc.quotes.map((q) => {
      const lines = (linesOf.get(q.id) ?? []) as unknown as LineRecord[];
      return [q.id, priceLines(lines, q as unknown as QuoteRecord)] as const;
    }),
  );
  const quotesSheet = x.list<QuoteRow>({
    name: x.sheetName('sQuotes'),
    table: 'Quotes',
    title: w('tQuotes'),
    rows: doc.quotes,
    cols: [
      { key: 'number', head: w('number'), kind: 'text', width: [12, 14], get: (q) => q.number },
      { key: 'rev', head: w('revision'), kind: 'int', width: [5, 6], get: (q) => q.revision },
      { key: 'title', head: w('quoteTitle'), kind: 'wrap', width: [16, 22], get: (q) => q.title },
      {
        key: 'status',
        head: w('status'),
        kind: 'wrap',
        width: [11, 14],
        get: (q) => (q.supersededAt ? REPLACED[L] : pick(QUOTE_STATUS[effectiveStatus(q as unknown as QuoteRecord, today)], q.status)),
      },
      { key: 'sent', head: w('sent'), kind: 'date', width: [11, 11], get: (q) => date(q.sentAt) },
      { key: 'valid', head: w('validUntil'), kind: 'date', width: [11, 11], get: (q) => date(q.validUntil) },
      { key: 'answered', head: w('answered'), kind: 'date', width: [11, 11], get: (q) => date(q.answeredAt) },
      { key: 'answer', head: w('answerBy'), kind: 'wrap', width: [12, 22], get: (q) => [q.answerName, q.answerMessage].filter((t) => t && t.trim()).join('\n') },
      { key: 'terms', head: w('terms'), kind: 'wrap', width: [14, 18], get: (q) => termsText(q) },
      { key: 'normHours', head: w('normHours'), kind: 'hours', width: [10, 12], get: (q) => fromCenti(priced.get(q.id)!.totals.normHoursCenti) },
      { key: 'subtotal', head: w('subtotal'), kind: 'money', width: [12, 16], currency: (q) => q.currency, get: (q) => fromMinor(priced.get(q.id)!.totals.subtotalMinor) },
      { key: 'discount', head: w('discount'), kind: 'money', width: [10, 14], currency: (q) => q.currency, get: (q) => fromMinor(priced.get(q.id)!.totals.discountMinor) },
      { key: 'vat', head: w('vat'), kind: 'money', width: [10, 14], currency: (q) => q.currency, get: (q) => fromMinor(priced.get(q.id)!.totals.vatMinor) },
      { key: 'total', head: w('totalCol'), kind: 'money', width: [12, 16], currency: (q) => q.currency, get: (q) => fromMinor(priced.get(q.id)!.totals.totalMinor) },
      { key: 'customerNote', head: w('customerNote'), kind: 'wrap', width: [14, 20], get: (q) => q.customerNote },
    ],
  });

  // ---- quote lines: norm-hours and amounts as the estimate's formulas ----
  const lineRows = [...doc.quotes].flatMap((q) => priced.get(q.id)!.lines.map((l, i) => ({ q, l: l as unknown as LineRow & LineRecord, n: i + 1 })));
  const isPriced = (l: LineRecord) => l.kind !== 'section' && l.hoursCenti !== null;
  const linesSheet = x.list<(typeof lineRows)[number]>({
    name: x.sheetName('sLines'),
    table: 'QuoteLines',
    title: w('tLines'),
    rows: lineRows,
    heading: ({ l }) => l.kind === 'section',
    cols: [
      { key: 'quote', head: w('quote'), kind: 'text', width: [12, 14], get: ({ q }) => q.number },
      { key: 'rev', head: w('revision'), kind: 'int', width: [5, 6], get: ({ q }) => q.revision },
      { key: 'no', head: w('rowNo'), kind: 'int', width: [4, 5], get: ({ n }) => n },
      { key: 'kind', head: w('kind'), kind: 'text', width: [8, 14], get: ({ l }) => pick(LINE_KIND[l.kind], l.kind) },
      { key: 'code', head: w('code'), kind: 'text', width: [6, 10], get: ({ l }) => l.code },
      { key: 'service', head: w('service'), kind: 'wrap', width: [20, 30], get: ({ l }) => l.title },
      { key: 'category', head: w('category'), kind: 'wrap', width: [10, 16], get: ({ l }) => l.categoryName },
      { key: 'mode', head: w('mode'), kind: 'text', width: [8, 14], get: ({ l }) => (l.kind === 'section' ? '' : pick(LINE_MODE[l.mode], l.mode)) },
      { key: 'actual', head: w('actual'), kind: 'text', width: [6, 9], get: ({ l }) => (l.kind === 'section' ? '' : l.actualTime ? w('yes') : w('no')) },
      { key: 'qty', head: w('qty'), kind: 'plain', width: [6, 9], get: ({ l }) => (l.kind === 'section' ? null : fromMilli(l.quantityMilli)) },
      { key: 'hours', head: w('hours'), kind: 'hours', width: [7, 10], get: ({ l }) => (l.kind === 'section' ? null : hours(l.hoursCenti)) },
      { key: 'k', head: w('k'), kind: 'plain', width: [5, 6], get: ({ l }) => (l.kind === 'section' ? null : fromMilli(l.kMilli)) },
      {
        key: 'normHours',
        head: w('normHours'),
        kind: 'hours',
        width: [10, 12],
        get: ({ l }, ref) => (isPriced(l) ? { formula: `ROUND(${ref('qty')}*${ref('hours')}*${ref('k')},2)`, result: fromCenti(lineNormHoursCenti(l)!) } : null),
      },
      { key: 'rate', head: w('rate'), kind: 'money', width: [11, 14], currency: ({ q }) => q.currency, get: ({ q, l }) => (l.kind === 'section' ? null : fromMinor(q.rateMinor)) },
      {
        key: 'amount',
        head: w('amount'),
        kind: 'money',
        width: [12, 16],
        currency: ({ q }) => q.currency,
        get: ({ q, l }, ref) => (isPriced(l) ? { formula: `ROUND(${ref('qty')}*${ref('hours')}*${ref('k')}*${ref('rate')},2)`, result: fromMinor(lineAmountMinor(l, q.rateMinor)!) } : null),
      },
      { key: 'project', head: w('project'), kind: 'text', width: [7, 10], get: ({ l }) => (l.projectId !== null ? (projectById.get(l.projectId)?.code ?? `#${l.projectId}`) : '') },
      { key: 'note', head: w('note'), kind: 'wrap', width: [12, 22], get: ({ l }) => l.note },
    ],
  });

  // ---- services: each distinct description once ----
  const seen = new Set<string>();
  const services = doc.quoteLines.filter((l) => {
    if (l.kind === 'section' || ![l.description, l.inputs, l.result, l.limits].some((t) => t.trim() !== '')) return false;
    const key = JSON.stringify([l.code, l.title, l.categoryName, l.description, l.inputs, l.result, l.limits]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const servicesSheet = x.list<LineRow>({
    name: x.sheetName('sServices'),
    table: 'Services',
    title: w('tServices'),
    rows: services,
    cols: [
      { key: 'code', head: w('code'), kind: 'text', width: [6, 10], get: (l) => l.code },
      { key: 'service', head: w('service'), kind: 'wrap', width: [18, 26], get: (l) => l.title },
      { key: 'category', head: w('category'), kind: 'wrap', width: [10, 16], get: (l) => l.categoryName },
      { key: 'description', head: w('description'), kind: 'wrap', width: [20, 40], get: (l) => l.description },
      { key: 'inputs', head: w('inputs'), kind: 'wrap', width: [16, 30], get: (l) => l.inputs },
      { key: 'result', head: w('result'), kind: 'wrap', width: [16, 30], get: (l) => l.result },
      { key: 'limits', head: w('limits'), kind: 'wrap', width: [16, 30], get: (l) => l.limits },
    ],
  });

  // ---- quote history: who did what, when (no addresses, browsers or field changes) ----
  type AuditRow = CustomerExport['audit'][number];
  const historySheet = x.list<AuditRow>({
    name: x.sheetName('sHistory'),
    table: 'QuoteHistory',
    title: w('tHistory'),
    rows: doc.audit,
    cols: [
      { key: 'when', head: w('when'), kind: 'datetime', width: [16, 16], get: (a) => dateTime(a.at) },
      { key: 'quote', head: w('quote'), kind: 'text', width: [12, 14], get: (a) => quoteById.get(a.quoteId)?.number ?? '' },
      { key: 'rev', head: w('revision'), kind: 'int', width: [5, 6], get: (a) => quoteById.get(a.quoteId)?.revision ?? null },
      { key: 'side', head: w('side'), kind: 'text', width: [9, 12], get: (a) => pick(ACTOR[a.actorKind], a.actorKind) },
      { key: 'who', head: w('who'), kind: 'wrap', width: [14, 30], get: (a) => a.actorName },
      { key: 'action', head: w('action'), kind: 'wrap', width: [18, 30], get: (a) => pick(AUDIT_ACTION_WORDS[a.action], a.action) },
    ],
  });

  // ---- work orders and their stages ----
  type OrderRow = CustomerExport['orders'][number];
  type StageRow = CustomerExport['stages'][number];
  const stagesOf = new Map<number, StageRow[]>();
  for (const s of doc.stages) stagesOf.set(s.orderId, [...(stagesOf.get(s.orderId) ?? []), s]);
  const sumOf = (list: StageRow[] | undefined, f: (s: StageRow) => number | null) => (list ?? []).reduce((n, s) => n + (f(s) ?? 0), 0);
  const ordersSheet = x.list<OrderRow>({
    name: x.sheetName('sOrders'),
    table: 'WorkOrders',
    title: w('tOrders'),
    rows: doc.orders,
    totals: true,
    cols: [
      { key: 'number', head: w('number'), kind: 'text', width: [12, 14], get: (o) => o.number },
      { key: 'quote', head: w('quote'), kind: 'text', width: [12, 16], get: (o) => quoteNumber(o.quoteId) },
      { key: 'status', head: w('status'), kind: 'wrap', width: [11, 16], get: (o) => pick(ORDER_STATUS[o.status], o.status) },
      { key: 'approved', head: w('approved'), kind: 'date', width: [11, 11], get: (o) => date(o.approvedAt) },
      { key: 'started', head: w('started'), kind: 'date', width: [11, 11], get: (o) => date(o.startedAt) },
      { key: 'finished', head: w('finished'), kind: 'date', width: [11, 11], get: (o) => date(o.finishedAt) },
      { key: 'withdrawn', head: w('withdrawn'), kind: 'date', width: [11, 11], get: (o) => date(o.withdrawnAt) },
      { key: 'rate', head: w('rate'), kind: 'money', width: [11, 14], currency: (o) => o.currency, get: (o) => fromMinor(o.rateMinor) },
      { key: 'stages', head: w('stagesCount'), kind: 'int', width: [7, 8], get: (o) => stagesOf.get(o.id)?.length ?? 0 },
      { key: 'estimate', head: w('estimateNh'), kind: 'hours', width: [11, 13], sum: true, get: (o) => fromCenti(sumOf(stagesOf.get(o.id), (s) => s.normHoursCenti)) },
      { key: 'debited', head: w('debitedNh'), kind: 'hours', width: [11, 13], sum: true, get: (o) => fromCenti(sumOf(stagesOf.get(o.id), (s) => s.debitedCenti)) },
      { key: 'money', head: w('debitedMoney'), kind: 'money', width: [12, 16], sum: true, currency: (o) => o.currency, get: (o) => fromMinor(sumOf(stagesOf.get(o.id), (s) => s.moneyMinor)) },
    ],
  });

  const stageLinesOf = new Map<number, CustomerExport['stageLines']>();
  for (const sl of doc.stageLines) stageLinesOf.set(sl.stageId, [...(stageLinesOf.get(sl.stageId) ?? []), sl]);
  const composition = (s: StageRow) =>
    (stageLinesOf.get(s.id) ?? [])
      .map((sl) => {
        const line = lineById.get(sl.lineId);
        const name = line ? [line.code, line.title].filter(Boolean).join(' ') : `#${sl.lineId}`;
        return sl.actualHoursCenti === null ? name : `${name} (${w('actualShort')} ${formatFixed(sl.actualHoursCenti, 2, lang)} ${w('hourUnit')})`;
      })
      .join('\n');
  const stagesSheet = x.list<StageRow>({
    name: x.sheetName('sStages'),
    table: 'Stages',
    title: w('tStages'),
    rows: doc.stages,
    totals: true,
    cols: [
      { key: 'order', head: w('order'), kind: 'text', width: [12, 14], get: (s) => orderById.get(s.orderId)?.number ?? '' },
      { key: 'n', head: w('rowNo'), kind: 'int', width: [4, 5], get: (s) => s.n },
      { key: 'title', head: w('stage'), kind: 'wrap', width: [16, 28], get: (s) => s.title },
      { key: 'status', head: w('status'), kind: 'wrap', width: [11, 16], get: (s) => pick(STAGE_STATUS[s.status], s.status) },
      { key: 'hours', head: w('stageHours'), kind: 'hours', width: [9, 11], sum: true, get: (s) => fromCenti(s.hoursCenti) },
      { key: 'normHours', head: w('estimateNh'), kind: 'hours', width: [11, 13], sum: true, get: (s) => fromCenti(s.normHoursCenti) },
      { key: 'debited', head: w('debitedNh'), kind: 'hours', width: [11, 13], sum: true, get: (s) => hours(s.debitedCenti) },
      { key: 'money', head: w('debitedMoney'), kind: 'money', width: [12, 16], sum: true, currency: (s) => orderCurrency(s.orderId), get: (s) => (s.moneyMinor === null ? null : fromMinor(s.moneyMinor)) },
      { key: 'accepted', head: w('accepted'), kind: 'date', width: [11, 11], get: (s) => date(s.acceptedAt) },
      { key: 'lines', head: w('composition'), kind: 'wrap', width: [20, 40], get: (s) => composition(s) },
    ],
  });

  // ---- the ledger: every entry, the running balance as a formula, totals and the balance ----
  type EntryRow = CustomerExport['ledger'][number];
  const itemsOf = new Map<number, CustomerExport['debitItems']>();
  for (const i of doc.debitItems) itemsOf.set(i.entryId, [...(itemsOf.get(i.entryId) ?? []), i]);
  /** The memo; for a stage's debit the services it paid for instead of the memo that repeats the order and stage. */
  const entryContent = (e: EntryRow) => {
    const order = e.orderId !== null ? orderById.get(e.orderId) : undefined;
    const stage = e.stageId !== null ? stageById.get(e.stageId) : undefined;
    const memo = e.memo.trim();
    if (e.kind === 'debit' && stage && (!memo || memo === `${order?.number ?? ''} · ${stage.n}. ${stage.title}`.slice(0, 500))) {
      return (itemsOf.get(e.id) ?? []).map((i) => [i.code, i.title].filter(Boolean).join(' ')).join('\n');
    }
    if (e.pledgeId !== null && !memo) {
      const pledge = pledgeById.get(e.pledgeId);
      const project = pledge ? projectById.get(pledge.projectId) : undefined;
      return project ? `${w('pledgeTo')} ${project.code} «${project.title}»` : w('pledgeTo');
    }
    return memo;
  };
  const entryKind = (e: EntryRow) => {
    const kind = pick(ENTRY_KIND[e.kind], e.kind);
    return e.kind === 'topup' && e.topupKind ? `${kind} (${pick(TOPUP_KIND[e.topupKind], e.topupKind)})` : kind;
  };
  let running = 0;
  const runningAfter = new Map<number, number>();
  for (const e of doc.ledger) runningAfter.set(e.id, (running += e.normHoursCenti));
  const firstEntryId = doc.ledger[0]?.id;
  const ledgerSheet = x.list<EntryRow>({
    name: x.sheetName('sLedger'),
    table: 'Ledger',
    title: w('tLedger'),
    rows: doc.ledger,
    totals: true,
    cols: [
      { key: 'id', head: w('entry'), kind: 'int', width: [7, 9], get: (e) => e.id },
      { key: 'date', head: w('date'), kind: 'date', width: [11, 11], get: (e) => date(e.at) },
      { key: 'kind', head: w('operation'), kind: 'wrap', width: [12, 18], get: entryKind },
      { key: 'order', head: w('order'), kind: 'text', width: [10, 14], get: (e) => (e.orderId !== null ? (orderById.get(e.orderId)?.number ?? `#${e.orderId}`) : '') },
      { key: 'stage', head: w('stage'), kind: 'wrap', width: [10, 18], get: (e) => stageText(e.stageId) },
      { key: 'content', head: w('content'), kind: 'wrap', width: [18, 30], get: entryContent },
      { key: 'topup', head: w('topup'), kind: 'hours', width: [11, 13], sum: true, get: (e) => (e.kind === 'topup' ? fromCenti(e.normHoursCenti) : null) },
      { key: 'debit', head: w('debit'), kind: 'hours', width: [11, 13], sum: true, get: (e) => (e.kind === 'debit' ? fromCenti(-e.normHoursCenti) : null) },
      { key: 'correction', head: w('correction'), kind: 'hours', width: [13, 15], sum: true, get: (e) => (e.kind === 'correction' ? fromCenti(e.normHoursCenti) : null) },
      {
        key: 'balance',
        head: w('running'),
        kind: 'hours',
        width: [11, 13],
        get: (e, ref) => {
          const change = `${ref('topup')}-${ref('debit')}+${ref('correction')}`;
          return { formula: e.id === firstEntryId ? change : `${ref('balance', -1)}+${change}`, result: fromCenti(runningAfter.get(e.id)!) };
        },
      },
      { key: 'money', head: w('money'), kind: 'money', width: [12, 16], sum: true, currency: (e) => orderCurrency(e.orderId), get: (e) => (e.moneyMinor !== 0 ? fromMinor(-e.moneyMinor) : null) },
      { key: 'rate', head: w('rate'), kind: 'money', width: [11, 14], currency: (e) => orderCurrency(e.orderId), get: (e) => (e.rateMinor === null ? null : fromMinor(e.rateMinor)) },
      { key: 'corrects', head: w('corrects'), kind: 'int', width: [9, 11], get: (e) => e.correctsEntryId },
    ],
  });
  // The balance: top-ups − debits + corrections, which the last running balance shows too.
  const BAL_ROW = ledgerSheet.totalRow + 1;
  const lw = ledgerSheet.ws;
  const ledgerBalanceCol = ledgerSheet.letter('balance');
  lw.mergeCells(`A${BAL_ROW}:${colLetter(colIndex(ledgerBalanceCol) - 1)}${BAL_ROW}`);
  setText(lw.getCell(`A${BAL_ROW}`), w('balanceRow'), x.S.closingLabel);
  const [TU, DE, CO] = ['topup', 'debit', 'correction'].map((k) => `${ledgerSheet.letter(k)}${ledgerSheet.totalRow}`);
  const balanceCenti = running;
  setFormula(lw.getCell(`${ledgerBalanceCol}${BAL_ROW}`), `${TU}-${DE}+${CO}`, fromCenti(balanceCenti), x.S.closing);
  lw.getRow(BAL_ROW).height = 18;

  // ---- itemised debits ----
  type ItemRow = CustomerExport['debitItems'][number];
  const itemsSheet = x.list<ItemRow>({
    name: x.sheetName('sItems'),
    table: 'DebitItems',
    title: w('tItems'),
    rows: doc.debitItems,
    totals: true,
    cols: [
      { key: 'entry', head: w('entry'), kind: 'int', width: [7, 9], get: (i) => i.entryId },
      { key: 'date', head: w('date'), kind: 'date', width: [11, 11], get: (i) => date(entryById.get(i.entryId)?.at ?? null) },
      { key: 'order', head: w('order'), kind: 'text', width: [10, 14], get: (i) => orderById.get(entryById.get(i.entryId)?.orderId ?? -1)?.number ?? '' },
      { key: 'stage', head: w('stage'), kind: 'wrap', width: [10, 20], get: (i) => stageText(entryById.get(i.entryId)?.stageId ?? null) },
      { key: 'code', head: w('code'), kind: 'text', width: [6, 10], get: (i) => i.code },
      { key: 'service', head: w('service'), kind: 'wrap', width: [20, 36], get: (i) => i.title },
      { key: 'category', head: w('category'), kind: 'wrap', width: [10, 18], get: (i) => i.categoryName },
      { key: 'hours', head: w('itemsHours'), kind: 'hours', width: [7, 10], get: (i) => fromCenti(i.hoursCenti) },
      { key: 'k', head: w('k'), kind: 'plain', width: [5, 6], get: (i) => fromMilli(i.kMilli) },
      { key: 'normHours', head: w('normHours'), kind: 'hours', width: [10, 12], sum: true, get: (i) => fromCenti(-i.normHoursCenti) }, // stored signed like the ledger: a debit is negative
      { key: 'money', head: w('itemMoney'), kind: 'money', width: [12, 16], sum: true, currency: (i) => orderCurrency(entryById.get(i.entryId)?.orderId ?? null), get: (i) => fromMinor(-i.moneyMinor) },
    ],
  });

  // ---- pledges and the projects they fund ----
  type PledgeRow = CustomerExport['pledges'][number];
  const pledgesSheet = x.list<PledgeRow>({
    name: x.sheetName('sPledges'),
    table: 'Pledges',
    title: w('tPledges'),
    rows: doc.pledges,
    cols: [
      { key: 'id', head: w('rowNo'), kind: 'int', width: [5, 7], get: (p) => p.id },
      { key: 'project', head: w('projectCode'), kind: 'text', width: [8, 12], get: (p) => projectById.get(p.projectId)?.code ?? `#${p.projectId}` },
      { key: 'title', head: w('projectTitle'), kind: 'wrap', width: [18, 32], get: (p) => projectById.get(p.projectId)?.title ?? '' },
      { key: 'normHours', head: w('normHours'), kind: 'hours', width: [10, 12], get: (p) => fromCenti(p.normHoursCenti) },
      { key: 'status', head: w('status'), kind: 'wrap', width: [11, 16], get: (p) => pick(PLEDGE_STATUS[p.status], p.status) },
      { key: 'pledgedOn', head: w('pledgedOn'), kind: 'date', width: [11, 11], get: (p) => date(p.pledgedOn) },
      { key: 'confirmed', head: w('confirmedAt'), kind: 'date', width: [11, 12], get: (p) => date(p.confirmedAt) },
      { key: 'cancelled', head: w('cancelledAt'), kind: 'date', width: [11, 11], get: (p) => date(p.cancelledAt) },
      { key: 'quote', head: w('quote'), kind: 'text', width: [10, 16], get: (p) => quoteNumber(p.quoteId) },
      { key: 'note', head: w('note'), kind: 'wrap', width: [14, 30], get: (p) => p.note },
    ],
  });

  type ProjectRow = CustomerExport['projects'][number];
  const estimatesOf = new Map<number, CustomerExport['projectEstimates']>();
  for (const e of doc.projectEstimates) estimatesOf.set(e.projectId, [...(estimatesOf.get(e.projectId) ?? []), e]);
  const projectsSheet = x.list<ProjectRow>({
    name: x.sheetName('sProjects'),
    table: 'Projects',
    title: w('tProjects'),
    rows: doc.projects,
    cols: [
      { key: 'code', head: w('code'), kind: 'text', width: [8, 12], get: (p) => p.code },
      { key: 'title', head: w('quoteTitle'), kind: 'wrap', width: [18, 30], get: (p) => p.title },
      { key: 'status', head: w('status'), kind: 'wrap', width: [11, 15], get: (p) => pick(PROJECT_STATUS[p.status], p.status) },
      { key: 'target', head: w('targetDate'), kind: 'date', width: [11, 11], get: (p) => date(p.targetDate) },
      {
        key: 'normHours',
        head: w('normHours'),
        kind: 'hours',
        width: [10, 12],
        get: (p) => fromCenti((estimatesOf.get(p.id) ?? []).reduce((n, e) => n + lineNormHoursCenti({ quantityMilli: 1000, hoursCenti: e.hoursCenti, kMilli: e.kMilli })!, 0)),
      },
      {
        key: 'estimate',
        head: w('estimate'),
        kind: 'wrap',
        width: [20, 34],
        get: (p) => (estimatesOf.get(p.id) ?? []).map((e) => `${e.title || '—'}: ${formatFixed(e.hoursCenti, 2, lang)} ${w('hourUnit')} × K ${formatMilli(e.kMilli, lang)}`).join('\n'),
      },
      { key: 'description', head: w('description'), kind: 'wrap', width: [24, 50], get: (p) => p.descriptionMd },
      { key: 'links', head: w('links'), kind: 'wrap', width: [16, 36], get: (p) => parseLinks(p.links).map((l) => (l.title ? `${l.title} — ${l.url}` : l.url)).join('\n') },
    ],
  });

  // ---- the customer card (first sheet): details, balance linked to the ledger, contents ----
  const ws = customerSheet;
  const c = doc.customer;
  ws.getColumn(1).width = 28;
  ws.getColumn(2).width = 58;
  ws.getColumn(3).width = 10;
  x.heading(ws, `${w('title')}: ${c.name}`, 3);
  let r = 4;
  const field = (key: Word, set: (cell: Cell) => void, text = '') => {
    setText(ws.getCell(r, 1), w(key), x.S.label);
    ws.mergeCells(r, 2, r, 3);
    set(ws.getCell(r, 2));
    ws.getRow(r).height = 15;
    if (text) fitRowHeight(ws, r, [{ text, width: 68 }]);
    r++;
  };
  const textField = (key: Word, text: string, bold = false) => field(key, (cell) => setText(cell, text || '—', bold ? x.S.valueBold : x.S.value), text);
  textField('name', c.name, true);
  textField('legalName', c.legalName);
  textField('taxId', c.taxId);
  textField('contact', c.contactName);
  textField('email', c.email);
  textField('phone', c.phone);
  textField('address', c.address);
  field('customerNo', (cell) => setNumber(cell, c.id, x.S.valueInt));
  field('since', (cell) => {
    const d = date(c.createdAt);
    if (d) {
      cell.value = d;
      cell.style = x.S.valueDate;
    } else setText(cell, '—', x.S.value);
  });
  field('overdraft', (cell) => setNumber(cell, fromCenti(c.overdraftCenti), x.S.valueHours));
  field('balance', (cell) => setFormula(cell, `${sheetRef(lw.name)}!${ledgerBalanceCol}${BAL_ROW}`, fromCenti(balanceCenti), x.S.valueBalance));

  r++;
  setText(ws.getCell(r, 1), w('sheet'), x.S.section);
  setText(ws.getCell(r, 2), w('holds'), x.S.section);
  setText(ws.getCell(r, 3), w('rows'), x.S.section);
  r++;
  const contents: [ListSheet, Word, number][] = [
    [quotesSheet, 'dQuotes', doc.quotes.length],
    [linesSheet, 'dLines', lineRows.length],
    [servicesSheet, 'dServices', services.length],
    [historySheet, 'dHistory', doc.audit.length],
    [ordersSheet, 'dOrders', doc.orders.length],
    [stagesSheet, 'dStages', doc.stages.length],
    [ledgerSheet, 'dLedger', doc.ledger.length],
    [itemsSheet, 'dItems', doc.debitItems.length],
    [pledgesSheet, 'dPledges', doc.pledges.length],
    [projectsSheet, 'dProjects', doc.projects.length],
  ];
  for (const [sheet, key, count] of contents) {
    setText(ws.getCell(r, 1), sheet.ws.name, x.S.contentsName);
    setText(ws.getCell(r, 2), w(key), x.S.contentsText);
    setNumber(ws.getCell(r, 3), count, x.S.contentsCount);
    ws.getRow(r).height = 15;
    fitRowHeight(ws, r, [{ text: w(key), width: 58 }]);
    r++;
  }
  r++;
  ws.mergeCells(r, 1, r, 3);
  setText(ws.getCell(r, 1), w('units'), x.S.legend);
  fitRowHeight(ws, r, [{ text: w('units'), width: 96 * 1.2, size: 8 }]);
  ws.views = [{ state: 'normal', showGridLines: false }];
  printSetup(ws, { landscape: false, footerLeft: input.companyName, footerRight: `${c.name} · ${w('title')}` });

  return toArrayBuffer(x.wb);
}

function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}
