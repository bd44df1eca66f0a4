/** The manager's side of customer links: make one, see opens and answers, revoke. */
import type { Pair, Table } from '../words';

export const UI_SHARE_WORDS = {
  linkCopied: ['Ссылка скопирована', 'Link copied'],
  revokeConfirm: [
    'Отозвать все ссылки на эту смету? Заказчик больше не сможет их открыть.',
    'Revoke every link to this estimate? The customer will no longer be able to open them.',
  ],
  linksRevoked: ['Отозвано ссылок: {count}', '{count} links revoked'],
  linkShownOnce: [
    'Ссылка создана и скопирована. Она показывается один раз: у нас хранится только её отпечаток.',
    'The link is made and copied. It is shown once: only its fingerprint is kept.',
  ],
  link: ['Ссылка', 'Link'],
  copy: ['Копировать', 'Copy'],
  open: ['Открыть', 'Open'],
  linkValidity: ['Срок действия', 'Valid for'],
  daysCount: ['{days} дней', '{days} days'],
  createAndCopyLink: ['Создать и скопировать ссылку', 'Make and copy a link'],
  noLinks: ['Ссылок ещё нет.', 'No links yet.'],
  linkCreated: ['Создана', 'Made'],
  firstOpened: ['Впервые открыта', 'First opened'],
  opens: ['Открытий', 'Opens'],
  revokeAll: ['Отозвать все ссылки', 'Revoke all links'],
} as const satisfies Table;

/** A link's state (ShareLinkInfo.state) as its chip says it. */
export const LINK_STATE_WORDS: Readonly<Record<'active' | 'expired' | 'revoked', Pair>> = {
  active: ['действует', 'active'],
  expired: ['истекла', 'expired'],
  revoked: ['отозвана', 'revoked'],
};
