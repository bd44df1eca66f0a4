/**
 * Words of the UI in Russian (default) and English, as UI.md fixes them.
 * `t('key')` picks the current language; numbers and money go through domain/format.
 */
import type { Lang } from '../../worker/domain/format';

export type { Lang };

const words = {
  app_name: ['Нормо-часы', 'Norm-hours'],
  app_tagline: ['Сметы, заявки и баланс нормо-часов', 'Estimates, work orders and norm-hour balances'],
  lang_switch: ['English', 'Русский'],
  lang_switch_label: ['Switch to English', 'Переключить на русский'],

  nav_main: ['Основная навигация', 'Main navigation'],
  nav_quotes: ['Сметы', 'Quotes'],
  nav_customers: ['Заказчики', 'Customers'],
  nav_queue: ['Очередь заявок', 'Queue'],
  nav_report: ['Отчёт за месяц', 'Month report'],
  nav_crowdfunding: ['Краудфандинг', 'Crowdfunding'],
  nav_catalog: ['Прайс-лист', 'Price list'],
  nav_settings: ['Настройки', 'Settings'],
  nav_users: ['Пользователи', 'Users'],
  logout: ['Выйти', 'Log out'],
  skip_to_content: ['Перейти к содержимому', 'Skip to content'],

  role_admin: ['администратор', 'admin'],
  role_manager: ['менеджер', 'manager'],
  role_accountant: ['бухгалтер', 'accountant'],

  login_title: ['Вход для сотрудников', 'Staff login'],
  login_email: ['Email', 'Email'],
  login_password: ['Пароль', 'Password'],
  login_submit: ['Войти', 'Log in'],
  login_busy: ['Вход…', 'Logging in…'],

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
  reload: ['Обновить', 'Reload'],
  yes: ['да', 'yes'],
  no: ['нет', 'no'],
  none: ['—', '—'],
  error_title: ['Ошибка', 'Error'],
  not_found_title: ['Страница не найдена', 'Page not found'],
  not_found_text: ['Такой страницы нет. Вернитесь к списку смет.', 'There is no such page. Go back to the quotes.'],
  back_to_quotes: ['К сметам', 'To quotes'],
  forbidden_text: ['Эта страница недоступна для вашей роли.', 'Your role cannot open this page.'],

  // price list
  catalog_title: ['Прайс-лист', 'Price list'],
  catalog_intro: [
    'Услуги в нормо-часах. Цена = часы × K × стоимость нормо-часа',
    'Services in norm-hours. Price = hours × K × norm-hour rate',
  ],
  catalog_section_2: ['2. Регламентированные платные сервисы', '2. Standard paid services'],
  catalog_section_3: ['3. Доработка СЭО ЗКЛ', '3. Enhancements'],
  catalog_section_4: ['4. Работа с контентом', '4. Content work'],
  catalog_section_5: ['5. Настройка, конфигурирование', '5. Configuration'],
  catalog_code: ['Код', 'Code'],
  catalog_service: ['Услуга', 'Service'],
  catalog_mode: ['Режим', 'Mode'],
  catalog_hours: ['Часы', 'Hours'],
  catalog_category: ['Категория', 'Category'],
  catalog_k: ['K', 'K'],
  catalog_price: ['Цена', 'Price'],
  mode_fixed: ['фиксированная', 'fixed'],
  mode_estimate: ['по оценке', 'estimate'],
  actual_time: ['по факту', 'actual time'],
  catalog_inputs: ['Исходный материал', 'Input materials'],
  catalog_result: ['Результат сервиса', 'Result'],
  catalog_limits: ['Ограничения', 'Limits'],
  catalog_description: ['Описание', 'Description'],
  catalog_inactive: ['не продаётся', 'inactive'],
  catalog_new_item: ['Новая услуга', 'New service'],
  catalog_edit_item: ['Услуга', 'Service'],
  catalog_name_ru: ['Название (рус.)', 'Name (Russian)'],
  catalog_name_en: ['Название (англ.)', 'Name (English)'],
  catalog_active: ['Продаётся', 'Active'],
  catalog_hours_per_unit: ['Нормо-часы', 'Norm-hours'],
  catalog_estimate_hint: ['Часы вводятся в каждой строке сметы', 'Hours are entered on each quote line'],
  catalog_filter: ['Найти услугу по коду или словам', 'Find a service by code or words'],
  catalog_empty: ['Ничего не найдено', 'Nothing found'],
  categories_title: ['Категории специалистов', 'Specialist categories'],
  rate_label: ['Стоимость нормо-часа', 'Norm-hour rate'],

  // settings
  settings_title: ['Настройки', 'Settings'],
  settings_currency: ['Валюта', 'Currency'],
  settings_vat_rate: ['Ставка НДС, %', 'VAT rate, %'],
  settings_vat_mode: ['НДС по умолчанию', 'Default VAT'],
  settings_time_zone: ['Часовой пояс', 'Time zone'],
  settings_company: ['Компания', 'Company'],
  settings_company_details: ['Реквизиты', 'Company details'],
  settings_validity_days: ['Срок действия сметы, дней', 'Quote validity, days'],
  settings_link_days: ['Срок действия ссылки, дней', 'Link validity, days'],
  vat_on_top: ['НДС сверху', 'VAT on top'],
  vat_included: ['НДС включён', 'VAT included'],
  vat_none: ['Без НДС', 'No VAT'],

  // users
  users_title: ['Пользователи', 'Users'],
  users_new: ['Новый пользователь', 'New user'],
  users_name: ['Имя', 'Name'],
  users_role: ['Роль', 'Role'],
  users_active: ['Активен', 'Active'],
  users_password: ['Пароль (не короче 10 символов)', 'Password (at least 10 characters)'],
} satisfies Record<string, readonly [string, string]>;

export type WordKey = keyof typeof words;

let current: Lang = readStoredLang();

function readStoredLang(): Lang {
  try {
    const stored = globalThis.localStorage?.getItem('lang');
    if (stored === 'en' || stored === 'ru') return stored;
  } catch {
    // storage may be unavailable (private mode); Russian is the default anyway
  }
  return 'ru';
}

export function getLang(): Lang {
  return current;
}

export function setLang(lang: Lang) {
  current = lang;
  try {
    localStorage.setItem('lang', lang);
  } catch {
    // not persisted: fine
  }
  document.documentElement.lang = lang;
}

export function t(key: WordKey): string {
  return words[key][current === 'ru' ? 0 : 1];
}

/** For words that need a parameter, or that are known only at run time. */
export function tr(ru: string, en: string): string {
  return current === 'ru' ? ru : en;
}

export function hasWord(key: string): key is WordKey {
  return key in words;
}

/** Register more words from a page module (keeps each page's words next to it). */
export function defineWords<T extends Record<string, readonly [string, string]>>(more: T) {
  return (key: keyof T): string => more[key]![current === 'ru' ? 0 : 1];
}
