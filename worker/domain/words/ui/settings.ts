/** The admin's screens: settings, and staff users with their roles (ROLE_WORDS in kinds.ts). */
import type { Table } from '../words';

export const UI_SETTINGS_WORDS = {
  settingsSubtitle: [
    'Новые сметы берут эти значения; старые сохраняют свои.',
    'New quotes take these values; existing quotes keep theirs.',
  ],
  currency: ['Валюта', 'Currency'],
  defaultVat: ['НДС по умолчанию', 'Default VAT'],
  timeZone: ['Часовой пояс', 'Time zone'],
  timeZoneHint: ['IANA, например Europe/Moscow', 'IANA, e.g. Europe/Moscow'],
  company: ['Компания', 'Company'],
  companyDetails: ['Реквизиты', 'Company details'],
  quoteValidityDays: ['Срок действия сметы, дней', 'Quote validity, days'],
  linkValidityDays: ['Срок действия ссылки, дней', 'Link validity, days'],
  rateMustBePositive: ['Стоимость нормо-часа — положительное число.', 'The rate must be a positive number.'],
  vatRateFormat: [
    'Ставка НДС — процент с точностью до десятой, например 22 или 10,5.',
    'VAT rate is a percentage with one decimal, e.g. 22 or 10.5.',
  ],
} as const satisfies Table;

export const UI_USERS_WORDS = {
  newUser: ['Новый пользователь', 'New user'],
  userName: ['Имя', 'Name'],
  role: ['Роль', 'Role'],
  userActive: ['Активен', 'Active'],
  userCreated: ['Создан', 'Created'],
  passwordHint: ['Пароль (не короче 10 символов)', 'Password (at least 10 characters)'],
  emptyKeepsPassword: ['Пусто — пароль не меняется', 'Empty: keep the password'],
} as const satisfies Table;
