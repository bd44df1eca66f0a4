/**
 * The staff application's own words that every screen shares: the shell and its menu, the
 * buttons and states of every form, the customer picker and the notification bell.
 */
import { QUOTE_STATUS_WORDS } from '../statuses';
import type { Pair, Table } from '../words';

export const UI_COMMON_WORDS = {
  // ---- the shell ----
  appName: ['Нормо-часы', 'Norm-hours'],
  appTagline: ['Сметы, заявки и баланс нормо-часов', 'Estimates, work orders and norm-hour balances'],
  langSwitch: ['English', 'Русский'],
  langSwitchLabel: ['Switch to English', 'Переключить на русский'],
  skipToContent: ['Перейти к содержимому', 'Skip to content'],
  logout: ['Выйти', 'Log out'],

  // ---- the menu (the quote list's name is the documents' «Сметы») ----
  navMain: ['Основная навигация', 'Main navigation'],
  customers: ['Заказчики', 'Customers'],
  navQueue: ['Очередь заявок', 'Queue'],
  navReport: ['Отчёт за месяц', 'Month report'],
  navCrowdfunding: ['Краудфандинг', 'Crowdfunding'],
  priceList: ['Прайс-лист', 'Price list'],
  settings: ['Настройки', 'Settings'],
  users: ['Пользователи', 'Users'],

  // ---- forms and states ----
  loading: ['Загрузка…', 'Loading…'],
  save: ['Сохранить', 'Save'],
  saving: ['Сохранение…', 'Saving…'],
  saved: ['Сохранено', 'Saved'],
  cancel: ['Отмена', 'Cancel'],
  close: ['Закрыть', 'Close'],
  edit: ['Изменить', 'Edit'],
  add: ['Добавить', 'Add'],
  search: ['Поиск', 'Search'],
  retry: ['Повторить', 'Try again'],
  actions: ['Действия', 'Actions'],
  nothingFound: ['Ничего не найдено', 'Nothing found'],
  email: ['Email', 'Email'],
  password: ['Пароль', 'Password'],
  networkDown: ['Нет связи с сервером. Проверьте сеть и повторите.', 'Cannot reach the server. Check the network and try again.'],

  // ---- words several screens say ----
  newQuote: ['Новая смета', 'New quote'],
  withoutHours: ['без часов: {count}', '{count} without hours'],
  pickCustomer: ['Выберите заказчика из списка', 'Pick a customer from the list'],
  vatOnTop: ['НДС сверху', 'VAT on top'],
  vatIncluded: ['НДС включён', 'VAT included'],
  vatRatePercent: ['Ставка НДС, %', 'VAT rate, %'],

  // ---- the customer picker ----
  customerPickerPlaceholder: ['Начните вводить название заказчика', 'Start typing the customer’s name'],
  noSuchCustomerInPicker: [
    'Нет такого заказчика. Проверьте название или добавьте заказчика на странице «Заказчики».',
    'No such customer. Check the name or add the customer on the Customers page.',
  ],

  // ---- the notification bell ----
  notifications: ['Уведомления', 'Notifications'],
  notificationsUnread: ['Уведомления: непрочитанных {count}', 'Notifications: {count} unread'],
  noNotifications: ['Уведомлений нет', 'No notifications'],
  markAllRead: ['Отметить все прочитанными', 'Mark all read'],

  // ---- a page that is not there ----
  notFoundTitle: ['Страница не найдена', 'Page not found'],
  notFoundText: ['Такой страницы нет. Вернитесь к списку смет.', 'There is no such page. Go back to the quotes.'],
  forbidden: ['Эта страница недоступна для вашей роли.', 'Your role cannot open this page.'],
  backToQuotes: ['К сметам', 'To quotes'],
} as const satisfies Table;

/** The staff login page. */
export const UI_LOGIN_WORDS = {
  loginTitle: ['Вход для сотрудников', 'Staff login'],
  logIn: ['Войти', 'Log in'],
  loggingIn: ['Вход…', 'Logging in…'],
} as const satisfies Table;

/** A notification's heading by its kind: a customer answered a quote. */
export const NOTIFICATION_KIND_WORDS: Readonly<Record<string, Pair>> = {
  accepted: ['Смета принята', 'Quote accepted'],
  declined: ['Смета отклонена', 'Quote declined'],
  changes_requested: QUOTE_STATUS_WORDS.changes_requested,
};
