/** The customer list, a customer’s card and its form. */
import type { Table } from '../words';

export const UI_CUSTOMERS_WORDS = {
  customersSubtitle: ['Заказчики и их баланс нормо-часов', 'Customers and their norm-hour balances'],
  newCustomer: ['Новый заказчик', 'New customer'],
  customerSearchPlaceholder: ['Название или ИНН', 'Name or tax id'],
  noCustomers: ['Нет заказчиков — добавьте первого', 'No customers yet — add the first one'],
  contact: ['Контакт', 'Contact'],
  customerNotes: ['Заметки', 'Notes'],
  exportJsonHint: [
    'Все сметы с редакциями, заявки, журнал и взносы заказчика одним файлом',
    'All the customer’s quotes with revisions, orders, ledger and pledges in one file',
  ],
  exportJson: ['Все данные (JSON)', 'All data (JSON)'],
  exportExcelHint: [
    'Те же данные одной книгой Excel: лист на каждый вид — сметы, строки, заявки, этапы, журнал, взносы',
    'The same data as one Excel workbook: a sheet per kind — quotes, lines, orders, stages, ledger, pledges',
  ],
  exportExcel: ['Все данные (Excel)', 'All data (Excel)'],
  overdraftAllowed: ['Допустимый минус', 'Overdraft allowed'],
  creditTerms: ['Кредит и порог баланса', 'Credit and balance threshold'],
  creditTermsHint: ['Меняют только бухгалтер и администратор.', 'Only accountants and admins change these.'],
  overdraftHours: ['Допустимый минус, нормо-ч', 'Overdraft allowed, norm-hours'],
  lowBalanceThreshold: ['Порог низкого баланса, нормо-ч', 'Low-balance threshold, norm-hours'],
  lowBalanceThresholdHint: [
    'Пусто — по умолчанию: сколько нужно следующим этапам заявок',
    'Empty: the default — what the next stages of the orders need',
  ],
  hoursFieldInvalid: ['Число нормо-часов, например 12,5', 'A number of norm-hours, e.g. 12.5'],
  noQuotesForCustomer: ['У заказчика пока нет смет', 'No quotes for this customer yet'],
  updated: ['Изменена', 'Updated'],
} as const satisfies Table;
