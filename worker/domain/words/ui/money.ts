/** A customer’s money: work orders, the norm-hour ledger, top-ups and corrections. */
import type { Table } from '../words';

export const UI_MONEY_WORDS = {
  noOrders: ['Заявок нет. Заявка создаётся из принятой сметы.', 'No work orders. One is made from an accepted quote.'],
  topUpAction: ['Пополнить', 'Top up'],
  noLedgerEntries: [
    'Записей нет. Пополните баланс, чтобы заявки могли начаться.',
    'No entries. Top up the balance so that work orders can start.',
  ],
  entryBasis: ['Основание', 'What for'],
  balance: ['Баланс', 'Balance'],
  reversesEntry: ['сторно записи №{id}', 'reverses entry #{id}'],
  reverseEntryHint: ['Сторнировать запись', 'Reverse this entry'],
  reverse: ['Сторно', 'Reverse'],
  enterNormHours: ['Введите количество нормо-часов, например 40 или 12,5.', 'Enter the norm-hours, e.g. 40 or 12.5.'],
  correctionRecorded: ['Корректировка записана', 'Correction recorded'],
  topupTitle: ['Пополнение баланса', 'Top-up'],
  reversingEntry: ['Сторно записи', 'Reversing entry'],
  normHoursUnit: ['нормо-ч', 'norm-h'],
  ledgerNeverChanges: [
    'Записи журнала не изменяются — корректировка добавляется новой строкой.',
    'Ledger entries never change: the correction is added as a new line.',
  ],
  topupBasis: ['Основание', 'Kind'],
  direction: ['Направление', 'Direction'],
  decrease: ['уменьшить', 'decrease'],
  increase: ['увеличить', 'increase'],
  topupMemo: ['Комментарий (номер счёта, договора)', 'Memo (invoice, contract)'],
  correctionReason: ['Причина корректировки', 'Reason'],
} as const satisfies Table;
