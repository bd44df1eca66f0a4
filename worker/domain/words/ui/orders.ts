/** A work order with its stages, accepting a stage, withdrawing; the queue board. */
import type { Table } from '../words';

export const UI_ORDERS_WORDS = {
  withdrawOrder: ['Отозвать заявку', 'Withdraw the order'],
  withdrawRest: ['Отозвать остаток', 'Withdraw the rest'],
  toBalance: ['К балансу заказчика', 'To the balance'],
  customerBalance: ['Баланс заказчика', 'Customer balance'],
  debitedForOrder: ['Списано по заявке', 'Debited for this order'],
  ofPlanned: ['из плановых', 'of planned'],
  rateFrozen: ['зафиксирована в смете', 'frozen in the quote'],
  plannedNormHours: ['План, нормо-ч', 'Planned, norm-h'],
  acceptStage: ['Принять этап', 'Accept stage'],
  enterActualHours: ['Укажите фактические часы для {code}', 'Enter the actual hours of {code}'],
  stageAccepted: ['Этап {n} принят, нормо-часы списаны', 'Stage {n} accepted and debited'],
  acceptingStage: ['Приёмка этапа {n}', 'Accepting stage {n}'],
  acceptStageHint: [
    'Фиксированные услуги списываются по нормо-часам сметы, услуги с оплатой по факту — по фактически затраченным часам × K.',
    'Fixed services are debited by the quote’s norm-hours; actual-time services by the hours actually spent × K.',
  ],
  toDebit: ['К списанию', 'To debit'],
  actualHours: ['Факт, ч', 'Actual, h'],
  totalToDebit: ['Итого к списанию', 'Total to debit'],
  onBalance: ['На балансе', 'Balance'],
  acceptAndDebit: ['Принять и списать', 'Accept and debit'],
  orderWithdrawn: ['Заявка отозвана', 'Work order withdrawn'],
  withdrawTitle: ['Отзыв заявки', 'Withdrawing the order'],
  withdrawStarted: [
    'Принятые этапы остаются списанными; оставшиеся этапы будут отозваны. Если по текущему этапу уже есть ' +
      'работа по факту, сначала примите его с фактическими часами.',
    'Accepted stages stay debited; the remaining stages are withdrawn. If the current stage has ' +
      'actual-time work done, accept it with the actual hours first.',
  ],
  withdrawNotStarted: [
    'Заявка ещё не начата: она будет отозвана целиком, ничего не спишется.',
    'The order has not started: it is withdrawn entirely and nothing is debited.',
  ],
  withdraw: ['Отозвать', 'Withdraw'],
  queueSubtitle: ['Заявки выполняются в порядке окончательного согласования', 'Work orders run in the order of their final approval'],
  noOrdersYet: ['Заявок пока нет', 'No work orders yet'],
  orderFromAcceptedQuote: ['Заявка создаётся из принятой сметы.', 'A work order is made from an accepted quote.'],
  emptyColumn: ['Пусто', 'Empty'],
  stagesAcceptedOf: ['Этапов принято: {done} из {total}', '{done} of {total} stages accepted'],
  nextStage: ['следующий', 'next'],
} as const satisfies Table;
