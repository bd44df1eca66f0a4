/** What every status is called (chips in the UI, documents, the customer's page, e-mails). */
import type { InvoiceStatus, OrderStatus, PeriodStatus, PledgeStatus, ProjectStatus, QuoteStatus, StageStatus } from '../enums';
import type { Pair } from './words';

export const QUOTE_STATUS_WORDS: Readonly<Record<QuoteStatus, Pair>> = {
  draft: ['Черновик', 'Draft'],
  sent: ['Отправлена', 'Sent'],
  accepted: ['Принята', 'Accepted'],
  declined: ['Отклонена', 'Declined'],
  changes_requested: ['Запрошены изменения', 'Changes requested'],
  expired: ['Просрочена', 'Expired'],
  archived: ['В архиве', 'Archived'],
};

export const ORDER_STATUS_WORDS: Readonly<Record<OrderStatus, Pair>> = {
  queued: ['В очереди', 'Queued'],
  in_progress: ['В работе', 'In progress'],
  paused: ['Пауза: мало нормо-часов', 'Paused for balance'],
  done: ['Выполнена', 'Done'],
  withdrawn: ['Отозвана', 'Withdrawn'],
};

export const STAGE_STATUS_WORDS: Readonly<Record<StageStatus, Pair>> = {
  pending: ['Ожидает приёмки', 'Pending'],
  accepted: ['Принят, списан', 'Accepted, debited'],
  withdrawn: ['Отозван', 'Withdrawn'],
};

export const PROJECT_STATUS_WORDS: Readonly<Record<ProjectStatus, Pair>> = {
  open: ['Сбор взносов', 'Open'],
  funded: ['Профинансирован', 'Funded'],
  in_development: ['В разработке', 'In development'],
  released: ['Выпущен', 'Released'],
  withdrawn: ['Отозван', 'Withdrawn'],
};

export const PLEDGE_STATUS_WORDS: Readonly<Record<PledgeStatus, Pair>> = {
  promised: ['Обещан', 'Promised'],
  confirmed: ['Подтверждён, списан', 'Confirmed, debited'],
  cancelled: ['Отменён', 'Cancelled'],
};

export const INVOICE_STATUS_WORDS: Readonly<Record<InvoiceStatus, Pair>> = {
  issued: ['Выставлен', 'Issued'],
  paid: ['Оплачен', 'Paid'],
  cancelled: ['Отменён', 'Cancelled'],
};

export const PERIOD_STATUS_WORDS: Readonly<Record<PeriodStatus, Pair>> = {
  open: ['Открыт', 'Open'],
  closed: ['Закрыт', 'Closed'],
};
