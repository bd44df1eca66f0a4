/**
 * The staff UI's words, read by web/src/i18n.ts `t(key, params)`: one vocabulary of camelCase
 * keys named by meaning, merged from a table per screen (a key in two tables is refused as
 * soon as this module loads). Words the documents say too are the documents' own pairs
 * (documents.ts); statuses, roles and kinds are read by their codes from statuses.ts and
 * kinds.ts; the tables keyed by a code of the UI's own are exported beside.
 */
import { vocabulary } from '../vocabulary';
import { UI_ACCOUNT_WORDS } from './account';
import { UI_ACCOUNTING_WORDS } from './accounting';
import { UI_CATALOG_WORDS } from './catalog';
import { UI_COMMON_WORDS, UI_LOGIN_WORDS } from './common';
import { UI_CROWDFUNDING_WORDS } from './crowdfunding';
import { UI_CUSTOMERS_WORDS } from './customers';
import { UI_DELIVERY_WORDS } from './delivery';
import { UI_DOCUMENT_WORDS } from './documents';
import { UI_EDITOR_WORDS } from './editor';
import { UI_GRID_WORDS } from './grid';
import { UI_MONEY_WORDS } from './money';
import { UI_ORDERS_WORDS } from './orders';
import { UI_PLURAL_WORDS } from './plurals';
import { UI_QUOTES_WORDS } from './quotes';
import { UI_REPORT_WORDS } from './report';
import { UI_SETTINGS_WORDS, UI_USERS_WORDS } from './settings';
import { UI_SHARE_WORDS } from './share';
import { UI_REQUESTS_WORDS } from './requests';

export const UI_WORDS = vocabulary(
  UI_COMMON_WORDS,
  UI_LOGIN_WORDS,
  UI_DOCUMENT_WORDS,
  UI_QUOTES_WORDS,
  UI_EDITOR_WORDS,
  UI_GRID_WORDS,
  UI_SHARE_WORDS,
  UI_DELIVERY_WORDS,
  UI_CUSTOMERS_WORDS,
  UI_MONEY_WORDS,
  UI_ORDERS_WORDS,
  UI_REPORT_WORDS,
  UI_ACCOUNTING_WORDS,
  UI_CROWDFUNDING_WORDS,
  UI_CATALOG_WORDS,
  UI_SETTINGS_WORDS,
  UI_USERS_WORDS,
  UI_ACCOUNT_WORDS,
  UI_REQUESTS_WORDS,
);

export type UiWords = typeof UI_WORDS;
export type UiKey = keyof UiWords & string;

export { UI_PLURAL_WORDS };
export type PluralKey = keyof typeof UI_PLURAL_WORDS & string;

export { CATALOG_SECTION_WORDS } from './catalog';
export { NOTIFICATION_KIND_WORDS } from './common';
export { AUDIT_FIELD_WORDS, QUOTE_FIELD_WORDS } from './fields';
export { LINK_STATE_WORDS } from './share';
export { MAIL_KIND_WORDS, MAIL_STATUS_WORDS } from './delivery';
export { PRIORITY_LEVEL_WORDS, REQUEST_KIND_WORDS, REQUEST_STATUS_WORDS, SLA_LEVEL_WORDS, WEEKDAY_WORDS } from './requests';
