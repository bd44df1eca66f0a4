/**
 * The norm-hour ledger's words, in every document that lists it or speaks of a balance: the
 * monthly consumption report, the customer's data and the crowdfunding comparison.
 * The kinds of entry are in kinds.ts (LEDGER_KIND_WORDS, TOPUP_KIND_WORDS).
 */
import type { Table } from './words';

export const LEDGER_WORDS = {
  balance: ['Баланс нормо-часов', 'Norm-hour balance'],
  overdraft: ['Допустимый минус, нормо-ч', 'Overdraft allowed, norm-h'],
  operation: ['Операция', 'Entry'],
  order: ['Заявка', 'Work order'],
  stage: ['Этап', 'Stage'],
  content: ['Содержание', 'Description'],
  topupColumn: ['Пополнение, нормо-ч', 'Top-up, norm-h'],
  debitColumn: ['Списание, нормо-ч', 'Debit, norm-h'],
  correctionColumn: ['Корректировка, нормо-ч', 'Correction, norm-h'],
  runningColumn: ['Остаток, нормо-ч', 'Balance, norm-h'],
} as const satisfies Table;
