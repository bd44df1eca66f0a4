/**
 * The customer's data workbook's own words: its sheets, their titles and what each holds, the
 * customer's card and the columns no other document has. Sheet names and titles that read
 * the same share a key.
 */
import type { Table } from './words';

export const CUSTOMER_DATA_WORDS = {
  title: ['Данные заказчика', 'Customer data'],
  exported: ['выгружено', 'exported'],
  noRows: ['Записей нет.', 'No records.'],

  // ---- sheets: a name, and a title where it says more ----
  quotesSheet: ['Сметы', 'Quotes'],
  quotesTitle: ['Сметы: все редакции', 'Quotes: every revision'],
  linesSheet: ['Строки смет', 'Quote lines'],
  servicesTitle: [
    'Услуги в сметах: описание, исходный материал, результат, ограничения',
    'Services in the quotes: description, input materials, result, limits',
  ],
  historySheet: ['История смет', 'Quote history'],
  ordersSheet: ['Заявки', 'Work orders'],
  stagesSheet: ['Этапы', 'Stages'],
  stagesTitle: ['Этапы заявок', 'Work order stages'],
  ledgerSheet: ['Журнал нормо-часов', 'Norm-hour ledger'],
  ledgerTitle: ['Журнал баланса нормо-часов', 'Norm-hour ledger'],
  itemsSheet: ['Списания по строкам', 'Itemised debits'],
  itemsTitle: ['Списания по строкам смет', 'Debits itemised by quote line'],
  pledgesSheet: ['Взносы', 'Pledges'],
  pledgesTitle: ['Взносы в краудфандинг-проекты', 'Pledges to crowdfunding projects'],
  projectsSheet: ['Проекты', 'Projects'],
  projectsTitle: ['Краудфандинг-проекты, в которые вносил заказчик', 'Crowdfunding projects the customer pledged to'],

  // ---- the customer's card ----
  name: ['Наименование', 'Name'],
  legalName: ['Юридическое наименование', 'Legal name'],
  contact: ['Контактное лицо', 'Contact person'],
  email: ['Эл. почта', 'Email'],
  phone: ['Телефон', 'Phone'],
  address: ['Адрес', 'Address'],
  since: ['Заказчик с', 'Customer since'],
  customerNo: ['Номер заказчика', 'Customer number'],
  sheet: ['Лист', 'Sheet'],
  holds: ['Что на листе', 'What it holds'],
  rows: ['Строк', 'Rows'],
  units: [
    'Часы и нормо-часы — в часах с сотыми, деньги — в валюте сметы или заявки. Нормо-часы строки = ОКРУГЛ(кол-во × часы × K; 2), сумма ' +
      '= ОКРУГЛ(кол-во × часы × K × ставка; 2). Остаток в журнале = предыдущий остаток + пополнение − списание + корректировка; итог ' +
      'журнала равен балансу. Деньги списаний — по ставке, действовавшей при списании; возврат взноса в проект показан с минусом. ' +
      'Внутренние заметки сотрудников в выгрузку не входят.',
    'Hours and norm-hours are in hours with hundredths, money in the currency of the quote or work order. Line norm-hours = ROUND(qty × ' +
      'hours × K, 2), amount = ROUND(qty × hours × K × rate, 2). The ledger’s running balance = the previous one + top-up − debit + ' +
      'correction; its final value is the balance. The money of a debit is at the rate in force when it was made; a refunded pledge ' +
      'shows as a negative amount. Staff’s internal notes are not part of the export.',
  ],

  // ---- what each sheet holds (the card's contents) ----
  aboutQuotes: ['каждая редакция: статус, даты, ответ заказчика, условия и итоги', 'every revision: status, dates, answer, terms, totals'],
  aboutLines: ['строки каждой редакции с формулами нормо-часов и сумм', 'the lines of every revision, norm-hours and amounts as formulas'],
  aboutServices: ['описания услуг из смет', 'the services’ descriptions from the quotes'],
  aboutHistory: ['кто и когда создавал, менял, отправлял, принимал сметы', 'who created, changed, sent and answered the quotes, and when'],
  aboutOrders: ['заявки из принятых смет', 'work orders from accepted quotes'],
  aboutStages: ['этапы заявок, что по ним списано', 'the orders’ stages and what each debited'],
  aboutLedger: ['пополнения, списания, корректировки, остаток', 'top-ups, debits, corrections, running balance'],
  aboutItems: ['каждое списание по строкам смет', 'each debit by quote line'],
  aboutPledges: ['взносы в краудфандинг-проекты', 'pledges to crowdfunding projects'],
  aboutProjects: ['проекты, в которые вносил заказчик', 'the projects pledged to'],

  // ---- columns ----
  number: ['Номер', 'Number'],
  revisionShort: ['Ред.', 'Rev.'],
  quote: ['Смета', 'Quote'],
  quoteTitle: ['Название', 'Title'],
  sent: ['Отправлена', 'Sent'],
  answered: ['Ответ', 'Answered'],
  answerBy: ['Ответил, сообщение', 'Answered by, message'],
  vatAmount: ['Сумма НДС', 'VAT amount'],
  customerNote: ['Примечание для заказчика', 'Note to the customer'],
  kind: ['Вид', 'Kind'],
  mode: ['Режим часов', 'Hours mode'],
  project: ['Проект', 'Project'],
  when: ['Когда', 'When'],
  side: ['Сторона', 'Party'],
  who: ['Кто', 'Who'],
  action: ['Действие', 'Action'],
  approved: ['Одобрена', 'Approved'],
  started: ['Начата', 'Started'],
  finished: ['Выполнена', 'Finished'],
  withdrawn: ['Отозвана', 'Withdrawn'],
  stagesCount: ['Этапов', 'Stages'],
  quotedNormHours: ['Нормо-часы по смете', 'Norm-hours quoted'],
  debitedNormHours: ['Списано, нормо-ч', 'Debited, norm-h'],
  debitedMoney: ['Списано, деньги', 'Debited, money'],
  quotedHours: ['Часы по смете', 'Hours quoted'],
  accepted: ['Принят', 'Accepted'],
  stageLines: ['Строки сметы', 'Quote lines'],
  entryNo: ['Запись №', 'Entry No.'],
  corrects: ['Исправляет запись №', 'Corrects entry No.'],
  projectTitle: ['Название проекта', 'Project title'],
  pledgedOn: ['Дата взноса', 'Pledged on'],
  confirmedOn: ['Подтверждён', 'Confirmed'],
  cancelledOn: ['Отменён', 'Cancelled'],
  estimateBySpecialist: ['Оценка по специалистам', 'Estimate by specialist'],
  links: ['Ссылки', 'Links'],
  pledgeTo: ['Взнос в проект', 'Pledge to project'],
  actualShort: ['факт', 'actual'],

  // ---- refusal (422 export_too_large) ----
  tooLarge: [
    'В данных заказчика {rows} строк; в один файл Excel помещается не больше {cap}. Выгрузите «Все данные (JSON)» или отчёты о расходе ' +
      'по месяцам.',
    'The customer\'s data has {rows} rows; one Excel file holds at most {cap}. Download "All data (JSON)" instead, or the monthly ' +
      'consumption reports.',
  ],
} as const satisfies Table;
