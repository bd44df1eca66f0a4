/**
 * Statuses as coloured chips with words, never colour alone. The words are the catalogue's
 * (worker/domain/words/statuses.ts, as the documents say them); the colours are the screen's.
 */
import type { InvoiceT, OrderT, OutboxItemT, ProjectT, QuoteT, ServiceRequestT, StageT } from '../../../schema/api';
import type { PledgeStatus } from '../../../worker/domain/enums';
import {
  INVOICE_STATUS_WORDS,
  ORDER_STATUS_WORDS,
  PLEDGE_STATUS_WORDS,
  PROJECT_STATUS_WORDS,
  QUOTE_STATUS_WORDS,
  STAGE_STATUS_WORDS,
} from '../../../worker/domain/words/statuses';
import { MAIL_STATUS_WORDS, REQUEST_STATUS_WORDS } from '../../../worker/domain/words/ui';
import type { Pair } from '../../../worker/domain/words/words';
import { word } from '../i18n';
import { Chip, type Tone } from './ui';

function statusChip<S extends string>(words: Readonly<Record<S, Pair>>, tones: Readonly<Record<S, Tone>>) {
  return function StatusChip({ status }: { status: S }) {
    return <Chip tone={tones[status]}>{word(words[status])}</Chip>;
  };
}

const QUOTE_TONES: Record<QuoteT['status'], Tone> = {
  draft: 'neutral',
  sent: 'info',
  accepted: 'success',
  declined: 'danger',
  changes_requested: 'warning',
  expired: 'warning',
  archived: 'neutral',
};

export const QUOTE_STATUSES = Object.keys(QUOTE_TONES) as QuoteT['status'][];
/** A status read from the address (`?status=sent`), or undefined when it is none. */
export const quoteStatusOf = (text: string) => QUOTE_STATUSES.find((s) => s === text);
export const quoteStatusWord = (status: QuoteT['status']) => word(QUOTE_STATUS_WORDS[status]);
export const orderStatusWord = (status: OrderT['status']) => word(ORDER_STATUS_WORDS[status]);

export const QuoteStatusChip = statusChip(QUOTE_STATUS_WORDS, QUOTE_TONES);

export const OrderStatusChip = statusChip(ORDER_STATUS_WORDS, {
  queued: 'neutral',
  in_progress: 'info',
  paused: 'warning',
  done: 'success',
  withdrawn: 'danger',
} satisfies Record<OrderT['status'], Tone>);

export const StageStatusChip = statusChip(STAGE_STATUS_WORDS, {
  pending: 'neutral',
  accepted: 'success',
  withdrawn: 'danger',
} satisfies Record<StageT['status'], Tone>);

export const ProjectStatusChip = statusChip(PROJECT_STATUS_WORDS, {
  open: 'info',
  funded: 'success',
  in_development: 'accent',
  released: 'success',
  withdrawn: 'neutral',
} satisfies Record<ProjectT['status'], Tone>);

export const PledgeStatusChip = statusChip(PLEDGE_STATUS_WORDS, {
  promised: 'info',
  confirmed: 'success',
  cancelled: 'neutral',
} satisfies Record<PledgeStatus, Tone>);

export const InvoiceStatusChip = statusChip(INVOICE_STATUS_WORDS, {
  issued: 'info',
  paid: 'success',
  cancelled: 'neutral',
} satisfies Record<InvoiceT['status'], Tone>);

export const MailStatusChip = statusChip(MAIL_STATUS_WORDS, {
  queued: 'info',
  sent: 'success',
  failed: 'danger',
} satisfies Record<OutboxItemT['status'], Tone>);

export const RequestStatusChip = statusChip(REQUEST_STATUS_WORDS, {
  new: 'accent',
  in_work: 'info',
  needs_clarification: 'warning',
  resolved: 'success',
  closed: 'neutral',
} satisfies Record<ServiceRequestT['status'], Tone>);
