/**
 * The accountant's rules, as the API says them when it refuses (domain/ledger.ts,
 * domain/sign-off.ts, domain/periods.ts, domain/invoice.ts): dates of entries, top-ups as
 * payments, corrections, closed months, overruns at sign-off, invoices.
 */
import type { Pair } from './words';

export const ACCOUNTING_REFUSAL_WORDS = {
  // ---- when an entry may be dated ----
  future: ['не может быть в будущем', 'must not be in the future'],
  backdatedTooFar: [
    'Запись можно датировать не более чем на {days} дн. назад (не раньше {earliest}).',
    'An entry may be dated at most {days} days back (not before {earliest}).',
  ],
  periodClosed: [
    'Месяц {month} закрыт: записи в нём больше не появляются. Проведите исправление датой открытого месяца (с {openFrom}) и укажите ' +
      'запись, которую оно исправляет.',
    '{month} is closed: no entry may be dated in it any more. Date the correction in the open month (from {openFrom}) and name the ' +
      'entry it corrects.',
  ],
  // ---- top-ups are payments ----
  topupOneOf: ['укажите сумму или нормо-часы — что-то одно', 'give the amount or the norm-hours, one of them'],
  topupPositive: [
    'пополнение должно быть положительным (чтобы уменьшить баланс, сделайте корректировку)',
    'a top-up must be positive (to take hours away, make a correction)',
  ],
  topupTooSmall: [
    'Сумма {amount} не покупает и 0,01 нормо-часа по ставке {rate}.',
    'An amount of {amount} buys less than 0.01 norm-hour at {rate}.',
  ],
  notForTopup: ['бывает только у корректировки', 'only a correction has it'],
  notForCorrection: ['бывает только у пополнения', 'only a top-up has it'],
  // ---- corrections ----
  correctionZero: ['корректировка не может быть нулевой', 'a correction cannot be zero'],
  correctionReason: ['укажите причину корректировки', 'say why the correction is made'],
  correctionNoEntry: ['такой записи в журнале заказчика нет', 'no such entry in this customer’s ledger'],
  correctionOfCorrection: ['Корректируйте исходную запись, а не корректировку.', 'Correct the original entry, not a correction.'],
  correctionSameSign: [
    'Корректировка направлена против исправляемой записи.',
    'A correction goes the other way from the entry it reverses.',
  ],
  correctionTooLarge: [
    'Из этой записи осталось сторнировать не больше {left} нормо-ч.',
    'At most {left} norm-hours of this entry are left to reverse.',
  ],
  correctionRefused: [
    'Корректировка уже не помещается в запись (раньше пришла другая).',
    'The correction no longer fits the entry (another correction came first).',
  ],
  // ---- sign-off ----
  actualNoService: [
    'actualHoursCenti: в этом этапе нет услуг с оплатой по факту.',
    'actualHoursCenti: this stage has no actual-time service.',
  ],
  actualSeveral: [
    'actualHoursCenti: в этапе несколько услуг по факту — укажите lines[].',
    'actualHoursCenti: this stage has several actual-time services: give lines[].',
  ],
  lineNotInStage: ['Строки {line} нет в этом этапе.', 'Line {line} is not part of this stage.'],
  lineFixed: ['{line} оплачивается по фиксированным часам, а не по факту.', '{line} is billed by its fixed hours, not by actual time.'],
  overrun: [
    'Фактически {actual} нормо-ч вместо {planned} по смете: на {difference} нормо-ч ({money}) больше. Подтвердите превышение ' +
      '(confirmOverrun).',
    'Actually {actual} norm-hours instead of {planned} estimated: {difference} norm-hours ({money}) more. Confirm the overrun ' +
      '(confirmOverrun).',
  ],
  // ---- closing months ----
  periodNotOver: [
    'Месяц {month} ещё не закончился — закрыть можно только прошедший месяц.',
    '{month} has not ended yet: only a past month can be closed.',
  ],
  periodAlreadyClosed: ['Месяц {month} уже закрыт.', '{month} is already closed.'],
  // ---- invoices ----
  invoiceNotIssued: ['Счёт {number} уже {status}.', 'Invoice {number} is already {statusEn}.'],
  invoiceOtherCustomer: ['Счёт {number} выставлен другому заказчику.', 'Invoice {number} was issued to another customer.'],
  invoiceFixesAmount: [
    'счёт определяет сумму и нормо-часы пополнения — не указывайте их',
    'the invoice sets the top-up’s amount and norm-hours: leave them out',
  ],
} as const satisfies Record<string, Pair>;
