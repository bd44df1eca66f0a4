/**
 * A quote's fields by their API names, as a person reads them: the editor's messages
 * («количество: 1 → 3»), a refusal that names a field, the audit trail. Written as headings;
 * mid-sentence the screen lowers the first letter (not of НДС or K).
 */
import { CUSTOMER_DATA_WORDS } from '../customer-data';
import { PAGE_WORDS } from '../customer-page';
import { DOCUMENT_WORDS } from '../documents';
import { LEDGER_WORDS } from '../ledger';
import type { Pair } from '../words';
import { UI_USERS_WORDS } from './settings';

export const QUOTE_FIELD_WORDS: Readonly<Record<string, Pair>> = {
  customerId: DOCUMENT_WORDS.customer,
  title: CUSTOMER_DATA_WORDS.quoteTitle,
  vatMode: DOCUMENT_WORDS.vat,
  vatRateMilli: ['Ставка НДС', 'VAT rate'],
  discountRateMilli: DOCUMENT_WORDS.discount,
  validUntil: ['Срок действия', 'Validity'],
  customerNote: CUSTOMER_DATA_WORDS.customerNote,
  internalNote: ['Внутреннее примечание', 'Internal note'],
  version: ['Версия сметы', 'Quote version'],
  catalogItemId: DOCUMENT_WORDS.service,
  quantityMilli: ['Количество', 'Quantity'],
  hoursCenti: DOCUMENT_WORDS.hours,
  kMilli: DOCUMENT_WORDS.k,
  kReason: ['Причина K', 'Reason for K'],
  note: DOCUMENT_WORDS.note,
  afterLineId: ['Место вставки строки', 'Where to insert the line'],
  lineIds: ['Строки', 'Lines'],
  rows: ['Строки вставки', 'Pasted rows'],
};

/** What else the audit trail records about a quote, beyond its fields. */
export const AUDIT_FIELD_WORDS: Readonly<Record<string, Pair>> = {
  validUntil: DOCUMENT_WORDS.validUntil,
  rateMinor: DOCUMENT_WORDS.rate,
  status: DOCUMENT_WORDS.status,
  expiresAt: ['Ссылка действует до', 'Link valid until'],
  links: ['Отозвано ссылок', 'Links revoked'],
  from: ['Из сметы', 'From quote'],
  order: LEDGER_WORDS.order,
  stages: CUSTOMER_DATA_WORDS.stagesCount,
  project: CUSTOMER_DATA_WORDS.project,
  reason: PAGE_WORDS.reason,
  message: ['Сообщение', 'Message'],
  name: UI_USERS_WORDS.userName,
};
