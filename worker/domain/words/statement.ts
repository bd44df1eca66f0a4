/**
 * The customer's month statement («выписка» / «акт»): its own words. The ledger's columns are in
 * ledger.ts, the report's rows (opening, closing) in reports.ts, the parties and totals in
 * documents.ts.
 */
import type { Table } from './words';

export const STATEMENT_WORDS = {
  statementTitle: ['Выписка по балансу нормо-часов и акт оказанных услуг', 'Norm-hour statement and services rendered'],
  statementFor: ['за', 'for'],
  statementFile: ['Выписка', 'Statement'],
  monthClosed: ['Месяц закрыт — цифры окончательные.', 'The month is closed: these figures are final.'],
  monthOpen: ['Месяц не закрыт — цифры могут дополниться.', 'The month is not closed yet: more entries may come.'],
  monthSummary: ['Итоги месяца', 'Month summary'],
  // ---- sections ----
  topupsSection: ['Пополнения баланса (оплаты)', 'Top-ups (payments)'],
  debitsSection: ['Списания по заявкам и этапам', 'Debits by work order and stage'],
  correctionsSection: ['Корректировки', 'Corrections'],
  noTopups: ['Пополнений в этом месяце не было.', 'No top-ups this month.'],
  noDebits: ['Списаний в этом месяце не было.', 'No debits this month.'],
  noCorrections: ['Корректировок в этом месяце не было.', 'No corrections this month.'],
  otherDebits: ['Прочие списания (взносы в проекты)', 'Other debits (project pledges)'],
  // ---- columns ----
  paymentRef: ['Платёжный документ', 'Payment reference'],
  plannedHours: ['План, ч', 'Planned, h'],
  actualHours: ['Факт, ч', 'Actual, h'],
  plannedNorm: ['План, нормо-ч', 'Planned, norm-h'],
  netColumn: ['Сумма без НДС', 'Net'],
  totalColumn: ['Всего', 'Total'],
  corrects: ['Исправляет', 'Corrects'],
  hoursColumn: ['Нормо-ч', 'Norm-h'],
  difference: ['Разница', 'Difference'],
  // ---- totals ----
  orderTotal: ['Итого по заявке', 'Work order total'],
  debitsTotal: ['Итого списано', 'Total debited'],
  topupsTotal: ['Итого пополнено', 'Total topped up'],
  correctionsTotal: ['Итого корректировок', 'Total corrections'],
  servicesTotal: ['Оказано услуг за месяц', 'Services rendered this month'],
  legendStatement: [
    'Остаток на конец = остаток на начало + пополнения − списания + корректировки. Деньги списаний — на условиях принятой сметы: ' +
      'стоимость нормо-часа, скидка, НДС; корректировка возвращает деньги исправляемой записи.',
    'Closing = opening + top-ups − debits + corrections. The money of each debit is on its accepted quote’s terms (rate, discount, ' +
      'VAT); a correction gives back the money of the entry it corrects.',
  ],
  rendered: [
    'Услуги оказаны полностью и в срок. Заказчик претензий по объёму, качеству и срокам оказания услуг не имеет.',
    'The services were rendered in full and on time. The customer has no claims as to their scope, quality or timing.',
  ],
} as const satisfies Table;

export const INVOICE_WORDS = {
  invoiceNo: ['Счёт на оплату №', 'Invoice No.'],
  invoiceFile: ['Счёт', 'Invoice'],
  invoiceLine: ['Нормо-часы расширенной технической поддержки (предоплата)', 'Norm-hours of extended technical support (prepayment)'],
  unit: ['нормо-ч', 'norm-h'],
  unitColumn: ['Ед.', 'Unit'],
  price: ['Цена', 'Price'],
  payee: ['Получатель', 'Payee'],
  payer: ['Плательщик', 'Payer'],
  toPay: ['Всего к оплате', 'Total to pay'],
  purpose: ['Назначение платежа: оплата по счёту № {number} от {date}', 'Payment reference: invoice No. {number} dated {date}'],
  paidOn: ['Оплачен {date}: {ref}', 'Paid on {date}: {ref}'],
  cancelledMark: ['Счёт отменён', 'Cancelled'],
  director: ['Руководитель', 'Director'],
  chiefAccountant: ['Главный бухгалтер', 'Chief accountant'],
  hoursNote: [
    'Оплата зачисляется на баланс нормо-часов заказчика: {hours} нормо-ч по стоимости нормо-часа {rate}.',
    'The payment is credited to the customer’s norm-hour balance: {hours} norm-hours at the norm-hour rate of {rate}.',
  ],
} as const satisfies Table;
