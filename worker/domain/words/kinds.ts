/** What the kinds and modes are called wherever a person reads them. */
import type { ActorKind, ItemMode, LedgerKind, LineKind, Role, TopupKind, VatMode } from '../enums';
import type { Pair } from './words';

export const ROLE_WORDS: Readonly<Record<Role, Pair>> = {
  admin: ['администратор', 'admin'],
  manager: ['менеджер', 'manager'],
  accountant: ['бухгалтер', 'accountant'],
};

export const LINE_KIND_WORDS: Readonly<Record<LineKind, Pair>> = {
  item: ['Услуга', 'Service'],
  free: ['Своя строка', 'Free line'],
  section: ['Раздел', 'Section'],
  project: ['Доля проекта', 'Project share'],
};

export const ITEM_MODE_WORDS: Readonly<Record<ItemMode, Pair>> = {
  fixed: ['фиксированные', 'fixed'],
  estimate: ['по оценке', 'estimated'],
};

export const VAT_MODE_WORDS: Readonly<Record<VatMode, Pair>> = {
  none: ['без НДС', 'no VAT'],
  on_top: ['сверху', 'on top'],
  included: ['в т. ч.', 'included'],
};

export const ACTOR_KIND_WORDS: Readonly<Record<ActorKind, Pair>> = {
  user: ['сотрудник', 'staff'],
  customer: ['заказчик', 'customer'],
  system: ['система', 'system'],
};

export const LEDGER_KIND_WORDS: Readonly<Record<LedgerKind, Pair>> = {
  topup: ['Пополнение', 'Top-up'],
  debit: ['Списание', 'Debit'],
  correction: ['Корректировка', 'Correction'],
};

export const TOPUP_KIND_WORDS: Readonly<Record<TopupKind, Pair>> = {
  tariff: ['тарифный план', 'tariff plan'],
  support: ['пакет расширенной поддержки', 'extended support package'],
  contract: ['отдельный договор', 'separate contract'],
};
