/**
 * The estimate's words in every form it takes — the Excel workbook, the PDF and the
 * customer's page — and the words every other document says too (code, date, status,
 * total…). One key per meaning: a document that says the same thing reads the same key,
 * so the Excel estimate and the PDF cannot drift apart. A document's own words live in its
 * module (reports.ts, crowdfunding.ts, customer-data.ts, customer-page.ts).
 *
 * Keys name the meaning, not the place: `total`, not `pdfTotalRow`. Where a document needs a
 * word in another case (mid-line, a column head) it changes the case (case.ts), not the word.
 */
import type { Table } from './words';

export const DOCUMENT_WORDS = {
  // ---- heading and parties ----
  estimate: ['Смета', 'Estimate'],
  estimateNo: ['Смета №', 'Estimate No.'],
  revision: ['редакция', 'revision'],
  dated: ['от', 'dated'],
  validUntil: ['Действует до', 'Valid until'],
  notSent: ['не отправлена', 'not sent'],
  replaced: ['Заменена новой редакцией', 'Replaced by a newer revision'],
  contractor: ['Исполнитель', 'Contractor'],
  customer: ['Заказчик', 'Customer'],
  taxId: ['ИНН', 'Tax ID'],
  manager: ['Менеджер', 'Manager'],
  rate: ['Стоимость нормо-часа', 'Norm-hour rate'],
  status: ['Статус', 'Status'],
  note: ['Примечание', 'Note'],
  answer: ['Ответ заказчика', 'Customer’s answer'],
  terms: ['Условия', 'Terms'],

  // ---- the lines ----
  numberSign: ['№', 'No.'],
  /** The PDF's 18 pt number column: "No." would not fit. */
  numberSignNarrow: ['№', '#'],
  code: ['Код', 'Code'],
  service: ['Услуга', 'Service'],
  specialist: ['Специалист', 'Specialist'],
  qty: ['Кол-во', 'Qty'],
  hours: ['Часы', 'Hours'],
  hourUnit: ['ч', 'h'],
  k: ['K', 'K'],
  normHours: ['Нормо-часы', 'Norm-hours'],
  rateColumn: ['Ставка', 'Rate'],
  amount: ['Сумма', 'Amount'],
  actual: ['по факту', 'actual time'],
  estimateOf: ['оценка', 'estimate'],
  noLines: ['В смете нет строк.', 'The estimate has no lines.'],

  // ---- what each service is ----
  services: ['Услуги', 'Services'],
  servicesOfEstimate: ['Услуги по смете №', 'Services in estimate No.'],
  description: ['Описание', 'Description'],
  inputs: ['Исходный материал', 'Input materials'],
  result: ['Результат сервиса', 'Result'],
  limits: ['Ограничения', 'Limits'],
  noDetails: ['Описания услуг в смете не заданы.', 'The estimate’s services carry no descriptions.'],

  // ---- sections and totals ----
  bySection: ['Итого по разделам', 'Subtotals by section'],
  noSection: ['Без раздела', 'Not in a section'],
  sectionTotal: ['Итого по разделу', 'Section total'],
  looseTotal: ['Итого вне разделов', 'Total outside sections'],
  subtotal: ['Сумма', 'Subtotal'],
  discount: ['Скидка', 'Discount'],
  net: ['Сумма со скидкой', 'After discount'],
  vat: ['НДС', 'VAT'],
  vatIncluded: ['в т. ч. НДС', 'incl. VAT'],
  noVat: ['Без НДС', 'No VAT'],
  total: ['Итого', 'Total'],

  // ---- legends ----
  /** Under the Excel estimate, whose cells hold these formulas. */
  formulaSheet: [
    'Нормо-часы = ОКРУГЛ(кол-во × часы × K; 2); сумма = ОКРУГЛ(кол-во × часы × K × ставка; 2).',
    'Norm-hours = ROUND(qty × hours × K, 2); amount = ROUND(qty × hours × K × rate, 2).',
  ],
  /** Under the printed estimate, which has figures, not formulas. */
  formulaPrint: [
    'Нормо-часы = кол-во × часы × K; сумма = кол-во × часы × K × стоимость нормо-часа, с округлением до копейки в каждой строке.',
    'Norm-hours = qty × hours × K; amount = qty × hours × K × norm-hour rate, rounded to the kopeck on each line.',
  ],
  actualLegend: [
    '«По факту»: услуга оплачивается по фактически затраченному времени; в смете указана оценка, списываются фактические часы × K.',
    '“Actual time”: the service is billed by the time actually spent; the estimate shows the expected hours, the actual hours × K are ' +
      'debited.',
  ],

  // ---- signatures, pages, stamps ----
  signature: ['подпись', 'signature'],
  signatureName: ['расшифровка подписи', 'name'],
  stamp: ['М. П.', 'Seal'],
  page: ['Страница', 'Page'],
  of: ['из', 'of'],
  generatedOn: ['Документ сформирован', 'Generated on'],

  // ---- what several documents say ----
  date: ['Дата', 'Date'],
  targetDate: ['Плановый срок', 'Target date'],
  timeZone: ['даты по часовому поясу', 'dates in the time zone'],
  yes: ['да', 'yes'],
  no: ['нет', 'no'],

  // ---- refusals (422) ----
  incompleteLines: [
    'Смету нельзя выгрузить, пока не во всех строках указаны часы. Нет часов: {list}. Укажите часы и повторите выгрузку.',
    'The estimate cannot be exported until every line has its hours. No hours yet: {list}. Enter them, then export again.',
  ],
} as const satisfies Table;
