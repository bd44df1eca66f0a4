/** The staff's request inbox and request screen; kinds, statuses, priorities and SLA levels by code. */
import type { RequestKind, RequestStatus, SlaLevelCode } from '../../sla';
import { PRIORITY_WORDS, REQUEST_KINDS, REQUEST_STATUSES, SLA_LEVELS } from '../../sla';
import { CUSTOMER_DATA_WORDS } from '../customer-data';
import { DOCUMENT_WORDS } from '../documents';
import { ACTOR_KIND_WORDS } from '../kinds';
import type { Pair, Table } from '../words';
import { UI_DELIVERY_WORDS } from './delivery';

export const UI_REQUESTS_WORDS = {
  navRequests: ['Обращения', 'Requests'],
  requestsSubtitle: [
    'Обращения заказчиков: срок реакции считается в рабочих часах компании (настройки).',
    'Customers’ requests: the reaction deadline counts the company’s working hours (settings).',
  ],
  requestsEmpty: ['Обращений нет — заказчики создают их в личном кабинете.', 'No requests: customers raise them on their account page.'],
  requestNumber: CUSTOMER_DATA_WORDS.number,
  requestSubject: UI_DELIVERY_WORDS.mailSubject,
  requestKind: CUSTOMER_DATA_WORDS.kind,
  requestPriority: ['Приоритет', 'Priority'],
  slaLevel: ['Уровень SLA', 'SLA level'],
  reactionDue: ['Срок реакции', 'Reaction due'],
  requestCreated: UI_DELIVERY_WORDS.mailCreated,
  flagAll: ['Все', 'All'],
  flagOpen: ['Открытые', 'Open'],
  flagAtRisk: ['Скоро просрочка', 'About to breach'],
  flagBreached: ['Просрочено', 'Breached'],
  answeredAt: ['Ответ {at}', 'Answered {at}'],
  remainingWorking: ['осталось {time} раб.', '{time} working left'],
  overdueWorking: ['просрочено на {time} раб.', '{time} working overdue'],
  workingHoursShort: ['{n} раб. ч', '{n} working h'],
  minutesShort: ['{h} ч {m} мин', '{h} h {m} min'],
  anyKind: ['Любой вид', 'Any kind'],
  requestDescription: DOCUMENT_WORDS.description,
  requestThread: ['Переписка', 'Thread'],
  requestNoAnswers: [
    'Ответов ещё нет. Первый ответ останавливает отсчёт срока реакции.',
    'No answers yet. The first answer stops the reaction clock.',
  ],
  requestAnswer: ['Ответ заказчику', 'Answer to the customer'],
  requestAnswerHint: [
    'Заказчик увидит ответ в личном кабинете и получит его письмом.',
    'The customer sees it on the account page and gets it by e-mail.',
  ],
  requestSendAnswer: ['Ответить', 'Send answer'],
  requestAnswered: ['Ответ отправлен', 'Answer sent'],
  requestTriage: ['Разбор', 'Triage'],
  requestMakeQuote: ['Создать смету', 'Create quote'],
  requestQuoteHint: ['Черновик сметы с темой и описанием обращения.', 'A draft quote with the request’s subject and description.'],
  requestQuoteMade: ['Смета {number} создана', 'Quote {number} created'],
  requestQuote: CUSTOMER_DATA_WORDS.quote,
  requestFromCustomer: DOCUMENT_WORDS.customer,
  requestStaffAuthor: ACTOR_KIND_WORDS.user,
  requestBack: ['К обращениям', 'To requests'],
  fromRequest: ['Из обращения {number}', 'From request {number}'],
  // settings: the working calendar
  workingCalendar: ['Рабочий календарь (сроки реакции SLA)', 'Working calendar (SLA reaction times)'],
  workingDays: ['Рабочие дни недели', 'Working days'],
  dayStart: ['Начало рабочего дня', 'Working day starts'],
  dayEnd: ['Конец рабочего дня', 'Working day ends'],
  holidays: ['Праздники и выходные', 'Holidays'],
  holidaysHint: ['Даты ГГГГ-ММ-ДД, по одной в строке или через запятую', 'Dates YYYY-MM-DD, one a line or separated by commas'],
  workdaysOverride: ['Рабочие выходные (переносы)', 'Working weekend days (transfers)'],
} as const satisfies Table;

const pairOf = (w: { ru: string; en: string }): Pair => [w.ru, w.en];
const mapPairs = <K extends string>(table: Readonly<Record<K, { ru: string; en: string }>>) =>
  Object.fromEntries(Object.entries(table).map(([k, v]) => [k, pairOf(v as { ru: string; en: string })])) as Record<K, Pair>;

export const REQUEST_KIND_WORDS: Readonly<Record<RequestKind, Pair>> = mapPairs(REQUEST_KINDS);
export const REQUEST_STATUS_WORDS: Readonly<Record<RequestStatus, Pair>> = mapPairs(REQUEST_STATUSES);
export const SLA_LEVEL_WORDS: Readonly<Record<SlaLevelCode, Pair>> = mapPairs(SLA_LEVELS);
export const PRIORITY_LEVEL_WORDS: Readonly<Record<string, Pair>> = mapPairs(PRIORITY_WORDS as Record<string, { ru: string; en: string }>);
export const WEEKDAY_WORDS: readonly Pair[] = [
  ['Пн', 'Mon'],
  ['Вт', 'Tue'],
  ['Ср', 'Wed'],
  ['Чт', 'Thu'],
  ['Пт', 'Fri'],
  ['Сб', 'Sat'],
  ['Вс', 'Sun'],
];
