/** The monthly consumption report's own words (the ledger's columns are in ledger.ts). */
import type { Table } from './words';

export const REPORT_WORDS = {
  summary: ['Сводка', 'Summary'],
  title: ['Отчёт о расходе нормо-часов за', 'Monthly norm-hour consumption report,'],
  fileName: ['Расход нормо-часов', 'Norm-hour consumption'],
  generated: ['сформирован', 'generated'],
  // the summary's columns (a line break where the header wraps)
  opening: ['Остаток на начало,\nнормо-ч', 'Opening balance,\nnorm-h'],
  topups: ['Пополнения,\nнормо-ч', 'Top-ups,\nnorm-h'],
  debits: ['Списания,\nнормо-ч', 'Debits,\nnorm-h'],
  corrections: ['Корректировки,\nнормо-ч', 'Corrections,\nnorm-h'],
  closing: ['Остаток на конец,\nнормо-ч', 'Closing balance,\nnorm-h'],
  netOfServices: ['Услуги\nбез НДС', 'Services,\nnet'],
  vatOfServices: ['НДС\nуслуг', 'VAT on\nservices'],
  totalOfServices: ['Услуги\nс НДС', 'Services,\ntotal'],
  paid: ['Оплачено\n(пополнения)', 'Paid\n(top-ups)'],
  emptyMonth: ['За этот месяц операций по балансам нормо-часов не было.', 'There were no norm-hour ledger entries in this month.'],
  noCustomers: ['Нет заказчиков с балансом или операциями за месяц.', 'No customer had a balance or ledger entries in this month.'],
  legend: [
    'Остаток на конец = остаток на начало + пополнения − списания + корректировки. Деньги услуг — на условиях принятой сметы (стоимость ' +
      'нормо-часа, скидка, НДС), за вычетом корректировок списаний; оплачено — пополнения с их корректировками.',
    'Closing = opening + top-ups − debits + corrections. The money of services is on each accepted quote’s terms (rate, discount, VAT), ' +
      'less the corrections of debits; paid: the top-ups with their corrections.',
  ],
  // a customer's sheet
  openingRow: ['Остаток на начало месяца', 'Opening balance'],
  closingRow: ['Остаток на конец месяца', 'Closing balance'],
  monthTotal: ['Итого за месяц', 'Month total'],
  noEntries: ['Операций за месяц не было.', 'No ledger entries this month.'],
  category: ['Категория', 'Category'],
  debited: ['Списано', 'Debited'],
  // refusal (422 report_too_large)
  tooLarge: [
    'В отчёте {rows} операций; в один файл Excel помещается не больше {cap}. Выгрузите отчёт по каждому заказчику отдельно (customerId=…).',
    'The report has {rows} ledger entries; one Excel file holds at most {cap}. Download it per customer (customerId=…).',
  ],
} as const satisfies Table;
