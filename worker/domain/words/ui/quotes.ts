/** The quote list and the new-quote dialog. */
import type { Table } from '../words';

export const UI_QUOTES_WORDS = {
  quotesSubtitle: [
    'Сметы для заказчиков: последняя редакция каждого номера',
    'Estimates for customers: the latest revision of each number',
  ],
  quoteSearchPlaceholder: ['Номер, название или заказчик', 'Number, title or customer'],
  allCustomers: ['Все заказчики', 'All customers'],
  anyStatus: ['Любой', 'Any'],
  noQuotes: ['Нет смет — создайте первую', 'No quotes yet — create the first one'],
  changeFilters: ['Измените условия поиска.', 'Change the filters.'],
  pages: ['Страницы', 'Pages'],
  previous: ['Назад', 'Previous'],
  pageOf: ['Страница {page} из {pages} · всего {total}', 'Page {page} of {pages} · {total} in all'],
  next: ['Дальше', 'Next'],
  noSuchCustomer: ['Такого заказчика нет', 'No such customer'],
  enterTitle: ['Введите название сметы', 'Enter a title'],
  titleInvalid: ['Название не подходит', 'The title is not valid'],
  titleExample: ['Например: «Внедрение СЭО, этап 1»', 'For example: “LMS implementation, stage 1”'],
  rateFrozenOnCreate: [
    'Стоимость нормо-часа фиксируется в смете при создании.',
    'The norm-hour rate is frozen in the quote when it is created.',
  ],
  create: ['Создать', 'Create'],
} as const satisfies Table;
