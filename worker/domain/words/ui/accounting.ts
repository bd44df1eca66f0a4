/** The accountant’s screens: payments, prepayment invoices, statements, closed months, sign-off money. */
import type { Table } from '../words';

export const UI_ACCOUNTING_WORDS = {
  // A top-up as a payment
  paidIn: ['Оплата в', 'Paid in'],
  inRubles: ['рублях', 'rubles'],
  inNormHours: ['нормо-часах', 'norm-hours'],
  paymentAmount: ['Сумма оплаты', 'Amount paid'],
  paymentRef: ['Платёжный документ', 'Payment reference'],
  paymentRefHint: ['Платёжное поручение или счёт: «п/п № 512 от 01.12.2026»', 'Payment order or invoice: “PO 512 of 01.12.2026”'],
  paymentDate: ['Дата оплаты', 'Payment date'],
  paymentDateHint: ['По календарю компании ({zone}); не позже сегодняшнего дня', 'On the company’s calendar ({zone}); today at the latest'],
  atRateOfDay: ['По ставке дня {rate} за нормо-час', 'At today’s rate of {rate} per norm-hour'],
  buysNormHours: ['зачисляется {hours}', 'credits {hours}'],
  worthMoney: ['на сумму {money}', 'worth {money}'],
  netOfVat: ['без НДС', 'net of VAT'],
  withVatTotal: ['с НДС {money}', '{money} with VAT'],
  enterAmount: ['Введите сумму, например 120 000 или 9 999,50.', 'Enter the amount, e.g. 120000 or 9999.50.'],
  settlesInvoice: ['Оплачивает счёт', 'Settles invoice'],
  noInvoiceSettled: ['Без счёта', 'No invoice'],
  invoiceSetsAmount: [
    'Сумма и нормо-часы берутся из счёта: {hours}, {money}.',
    'The amount and norm-hours are the invoice’s: {hours}, {money}.',
  ],
  paymentRecorded: ['Оплата записана: {hours}', 'Payment recorded: {hours}'],

  // Prepayment invoices
  invoices: ['Счета на оплату', 'Prepayment invoices'],
  issueInvoice: ['Выставить счёт', 'Issue an invoice'],
  newInvoiceTitle: ['Счёт на предоплату', 'Prepayment invoice'],
  invoiceHoursHint: [
    'Счёт выставляется на нормо-часы по текущей ставке {rate}',
    'The invoice is for norm-hours at the current rate of {rate}',
  ],
  invoiceMemo: ['Назначение (печатается в счёте)', 'What for (printed on the invoice)'],
  invoiceSum: ['Сумма счёта', 'Invoice total'],
  invoiceIssued: ['Счёт {number} выставлен', 'Invoice {number} issued'],
  noInvoices: [
    'Счетов нет. Выставьте счёт на предоплату, когда заказчику нужно пополнить баланс.',
    'No invoices. Issue a prepayment invoice when the customer needs to top up.',
  ],
  invoiceNumber: ['Счёт', 'Invoice'],
  paidBy: ['оплачен {date}', 'paid {date}'],
  cancelInvoice: ['Отменить счёт', 'Cancel the invoice'],
  cancelInvoiceText: [
    'Счёт {number} будет отменён: оплатить его будет нельзя. Номер останется в журнале счетов.',
    'Invoice {number} will be cancelled: it can no longer be paid. Its number stays in the list.',
  ],
  keepInvoice: ['Не отменять', 'Keep it'],
  invoiceCancelled: ['Счёт {number} отменён', 'Invoice {number} cancelled'],
  recordPayment: ['Записать оплату', 'Record the payment'],

  // Statements
  statement: ['Выписка за месяц', 'Month statement'],
  statementHint: [
    'Акт-выписка для заказчика: остатки, пополнения с платёжными документами, списания по заявкам и этапам, корректировки, подписи',
    'The customer’s statement: balances, top-ups with their payments, debits by order and stage, corrections, signatures',
  ],
  statementExcel: ['Выписка Excel', 'Statement Excel'],
  statementPdf: ['Выписка PDF', 'Statement PDF'],
  statementOf: ['Выписка {name} за {month}', 'Statement of {name} for {month}'],

  // Closed months
  closeMonth: ['Закрыть месяц', 'Close the month'],
  closeMonthTitle: ['Закрытие месяца: {month}', 'Closing {month}'],
  closeMonthText: [
    'После закрытия ни одна запись не может быть датирована этим месяцем или раньше, а его цифры больше не изменятся. ' +
      'Исправления вносятся корректировкой в открытом месяце со ссылкой на запись.',
    'Once closed, no entry may be dated in this month or before it, and its figures never change again. ' +
      'A mistake is put right by a correction in an open month that names the entry.',
  ],
  monthClosedToast: ['Месяц закрыт: {month}', 'Closed: {month}'],
  monthClosed: ['Месяц закрыт', 'Month closed'],
  monthClosedNote: ['Месяц закрыт {date}: его цифры окончательные.', 'The month was closed on {date}: its figures are final.'],
  cannotCloseCurrent: ['Текущий месяц ещё не кончился', 'The current month has not ended yet'],

  // The month report's money of services, as its workbook says it
  servicesNet: ['Услуги без НДС', 'Services, net'],
  servicesVat: ['НДС услуг', 'VAT on services'],
  servicesTotal: ['Услуги с НДС', 'Services, total'],

  // Low balance
  lowBalance: ['Низкий баланс', 'Low balance'],
  lowBalanceHint: ['Баланс ниже порога {threshold}: не хватает {below}', 'Below the threshold of {threshold}: {below} short'],
  lowBalanceOwn: ['порог заказчика', 'the customer’s own threshold'],
  lowBalanceNext: ['порог — потребность следующих этапов', 'threshold: what the next stages need'],

  // Sign-off money and the pause
  planned: ['План', 'Planned'],
  difference: ['Разница', 'Difference'],
  overrunWarning: [
    'Фактические часы больше оценки на {hours} — это {money} сверх сметы.',
    'The actual hours exceed the estimate by {hours}: {money} beyond the quote.',
  ],
  confirmOverrun: ['Подтверждаю работу сверх оценки', 'I confirm the work beyond the estimate'],
  confirmOverrunFirst: [
    'Подтвердите работу сверх оценки, чтобы принять этап.',
    'Confirm the work beyond the estimate to accept the stage.',
  ],
  shortAfterSignOff: [
    'Баланса не хватает: этап будет принят и списан (работа выполнена), а заявка встанет на паузу до пополнения.',
    'The balance is short: the stage is accepted and debited (the work is done) and the order pauses until a top-up.',
  ],
  pausesAfterSignOff: [
    'После приёмки баланса не хватит на следующий этап: заявка встанет на паузу до пополнения.',
    'After this sign-off the balance will not cover the next stage: the order pauses until a top-up.',
  ],
  stageRecordedPaused: ['Этап {n} принят; заявка на паузе до пополнения баланса', 'Stage {n} accepted; the order is paused until a top-up'],
  shortfallText: ['Не хватает {hours} — {money} (с НДС {total})', '{hours} short: {money} ({total} with VAT)'],
} as const satisfies Table;
