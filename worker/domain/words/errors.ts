/**
 * The API's error messages (ru, en), keyed by code: `both(ERRORS.noSuchQuote)` gives the pair an
 * AppError carries, and the request's language picks one. Refusals decided by the domain keep
 * their own tables (refusals.ts, requests.ts…).
 */
import type { Pair } from './words';

export const ERRORS = {
  // HTTP, the session, idempotency (worker/http/)
  csrfRejected: [
    'Запрос пришёл не со страницы приложения (заголовок Origin отсутствует или чужой).',
    'This request did not come from the application’s own page (Origin header missing or foreign).',
  ],
  unauthenticated: ['Войдите в систему.', 'Please log in.'],
  notFound: ['Не найдено.', 'Not found.'],
  quoteVersionConflict: [
    'Смету уже изменил кто-то другой. Обновите её, чтобы увидеть изменения, и повторите свои.',
    'Someone else saved this quote first. Reload to see their changes, then apply yours again.',
  ],
  amountTooLarge: [
    'Суммы слишком велики для точного расчёта. Проверьте количество, часы и ставку.',
    'The amounts are too large to be computed exactly. Check the quantity, hours and rate.',
  ],
  periodClosed: [
    'Месяц закрыт: записи в нём больше не появляются. Проведите исправление датой открытого месяца и укажите запись, которую оно ' +
      'исправляет.',
    'The month is closed: no entry may be dated in it. Date the correction in the open month and name the entry it corrects.',
  ],
  invalidJson: ['Тело запроса — не корректный JSON.', 'The request body is not valid JSON.'],
  payloadTooLarge: ['Запрос слишком большой.', 'The request is too large.'],
  unsupportedMediaType: ['Отправьте тело запроса как application/json.', 'Send the body as application/json.'],
  internalError: [
    'Что-то пошло не так на нашей стороне. Попробуйте ещё раз; если повторится — сообщите администратору.',
    'Something went wrong on our side. Please try again; if it happens again, tell your administrator.',
  ],
  idempotencyKeyReused: [
    'Этот Idempotency-Key уже использован для другого запроса. Для новой операции нужен новый ключ.',
    'This Idempotency-Key was already used for a different request. Use a new key for a new operation.',
  ],
  idempotencyKeyInUse: [
    'Запрос с этим Idempotency-Key уже выполняется; повторите, чтобы получить его ответ.',
    'A request with this Idempotency-Key is being processed; retry to get its answer.',
  ],
  idempotencyKeyMissing: [
    'Idempotency-Key: нужен заголовок (новый уникальный ключ на каждую операцию).',
    'Idempotency-Key: the header is required (a new unique key per operation).',
  ],
  idempotencyKeyFormat: [
    'Idempotency-Key: 8–200 печатных символов ASCII без пробелов.',
    'Idempotency-Key: 8–200 printable ASCII characters, no spaces.',
  ],
  noSuchQuote: ['Такой сметы нет.', 'No such quote.'],
  noSuchCustomer: ['Такого заказчика нет.', 'No such customer.'],
  noSuchOrder: ['Такой заявки нет.', 'No such work order.'],
  orderWithdrawn: ['Эта заявка отозвана.', 'This work order was withdrawn.'],
  orderChanged: ['Заявка изменилась; обновите её и повторите.', 'The order changed meanwhile; reload it and try again.'],
  forbidden: ['Вашей роли это недоступно (можно: {roles}).', 'Your role cannot do this (allowed: {roles}).'],
  tooManyRequests: ['Слишком много запросов. Повторите через {retry} с.', 'Too many requests. Try again in {retry} s.'],
  // lookups (http/lookups.ts)
  monthNotBegun: ['{month} ещё не наступил', '{month} has not begun yet'],
  // a stage's sign-off (http/sign-off.ts)
  noSuchStage: ['В заявке нет этапа {n}.', 'The order has no stage {n}.'],
  stageNotNext: ['Сначала нужно принять этап {next}, затем {n}.', 'Stage {next} must be accepted before stage {n}.'],
  stageNotReady: [
    'Этап {n} ещё не готов к приёмке: менеджер отметит его «готов к приёмке», когда работа будет сделана.',
    'Stage {n} is not ready for your sign-off yet: your manager marks it «ready» when the work is done.',
  ],
  stageAccepted: ['Этап {n} уже принят; списание делается один раз.', 'Stage {n} was already accepted; it is debited once.'],
  stageAcceptedOn: [
    'Этап {n} уже принят {date}; списание делается один раз.',
    'Stage {n} was already accepted on {date}; it is debited once.',
  ],
  insufficient: [
    'Не хватает нормо-часов: этап требует {need}, на балансе {balance}. Сначала пополните баланс.',
    'Not enough norm-hours: the stage needs {need}, the balance is {balance}. Top up the balance first.',
  ],
  insufficientWithOverdraft: [
    'Не хватает нормо-часов: этап требует {need}, на балансе {balance} (допустимый минус {overdraft}). Сначала пополните баланс.',
    'Not enough norm-hours: the stage needs {need}, the balance is {balance} (overdraft allowed: {overdraft}). Top up the balance first.',
  ],
  orderNotRunning: ['Заявка сейчас не выполняется ({status}). {why}', 'The order is {status}. {why}'],
  // logging in
  invalidCredentials: ['Неверный email или пароль.', 'Wrong email or password.'],
  tooManyLogins: [
    'Слишком много неудачных попыток входа. Повторите через {minutes} мин.',
    'Too many failed logins. Try again in {minutes} min.',
  ],
  // users
  emailTaken: ['Пользователь с таким email уже есть.', 'A user with this email exists.'],
  lastAdmin: [
    'Вы последний активный администратор: сначала назначьте другого.',
    'You are the last active admin: make someone else admin first.',
  ],
  noSuchUser: ['Такого пользователя нет.', 'No such user.'],
  // settings
  settingsVersionConflict: [
    'Настройки уже изменил кто-то другой. Обновите страницу и повторите.',
    'Someone else changed the settings first. Reload and try again.',
  ],
  unknownTimeZone: ['timeZone: неизвестный часовой пояс «{zone}».', 'timeZone: unknown time zone “{zone}”.'],
  currencyInUse: [
    'Сметы и балансы уже ведутся в {currency}; валюту нельзя сменить, когда в системе уже есть суммы.',
    'Quotes and balances are already kept in {currency}; the currency of an installation cannot change once money is recorded.',
  ],
  // customers
  creditForbidden: [
    'Кредит (допустимый минус) устанавливает только бухгалтер или администратор.',
    'Only an accountant or an admin grants credit (the allowed overdraft).',
  ],
  serviceEndForbidden: [
    'Дату окончания обслуживания устанавливает только администратор.',
    'Only an admin sets the end of a customer’s service.',
  ],
  customerAnonymised: [
    'Данные этого заказчика удалены (обезличены); изменить их нельзя.',
    'This customer’s data was deleted (anonymised); it cannot be changed.',
  ],
  customerVersionConflict: [
    'Данные заказчика уже изменил кто-то другой. Обновите и повторите.',
    'Someone else changed this customer first. Reload and try again.',
  ],
  // a customer's data: export and import
  importForeignRecords: [
    'Документ ссылается на записи, которые не принадлежат этому заказчику; ничего не импортировано.',
    'The document refers to records that are not this customer’s own; nothing was imported.',
  ],
  importConflict: [
    'Эти данные пересекаются с уже имеющимися; ничего не импортировано. Восстанавливайте выгрузку заказчика туда, где её номера записей ' +
      'свободны.',
    'This data overlaps what the database already holds; nothing was imported. Restore a customer export into an installation where its ' +
      'ids are free.',
  ],
  importIncomplete: ['Документ не является полной выгрузкой заказчика.', 'The document is not a complete customer export.'],
  // the customer's account and links, and its staff side
  hoursNumber: ['Часы: число, например 12,5.', 'Hours: a number, e.g. 12.5.'],
  orderStarted: [
    'Работы по заявке уже начались: отозвать её здесь нельзя. Обратитесь к менеджеру — выполненная работа оплачивается.',
    'The work on this order has started: it can no longer be withdrawn here. Ask your manager — the work already done is billed.',
  ],
  orderAlreadyWithdrawn: ['Эта заявка уже отозвана.', 'This order is already withdrawn.'],
  customerDeleted: ['Данные этого заказчика удалены.', 'This customer’s data was deleted.'],
  customerNoEmail: [
    'У заказчика нет адреса e-mail: сначала укажите его в карточке.',
    'The customer has no e-mail address: add one on their card first.',
  ],
  confirmationMismatch: [
    'Для подтверждения введите название заказчика точно.',
    'Type the customer’s name exactly to confirm the deletion.',
  ],
  serviceNoEnd: ['У заказчика не задана дата окончания обслуживания.', 'The customer’s service has no end date.'],
  noSuchLink: ['Такой ссылки нет.', 'No such link.'],
  linkExpired: ['Срок действия ссылки истёк.', 'This link has expired.'],
  linkRevoked: ['Ссылка отозвана.', 'This link was withdrawn.'],
  orderAlreadyDone: ['Эта заявка уже выполнена.', 'This order is already done.'],
  dataWindowOpen: [
    'Заказчик может скачать свои данные до {until}; удаление подтверждается после того, как ежедневная проверка внесёт его в список.',
    'The customer may download their data until {until}; deletion can be confirmed after the daily check lists them.',
  ],
  // the shared estimate's page
  confirmTerms: ['Подтвердите, что прочитали условия.', 'Please confirm that you have read the terms.'],
  enterName: ['Укажите фамилию, имя и отчество. {problem}', 'Please enter your full name. {problem}'],
  enterNameAndText: ['Укажите фамилию, имя и отчество и текст. {problem}', 'Please enter your full name and the text. {problem}'],
  // the price list
  noSuchItem: ['Такой услуги в прайс-листе нет.', 'No such catalog item.'],
  fixedNeedsHours: ['у фиксированной услуги должны быть нормо-часы', 'a fixed service needs its norm-hours'],
  estimateHasNoHours: [
    'у услуги «по оценке» нет фиксированных часов: их вводят в каждой строке сметы',
    'an estimate service has no fixed hours (they are entered on each quote line)',
  ],
  fixedNotActualTime: ['фиксированная услуга не оплачивается по факту', 'a fixed service is not billed by actual time'],
  noSuchCategoryField: ['такой категории специалистов нет', 'no such specialist category'],
  itemVersionConflict: [
    'Эту услугу уже изменил кто-то другой. Обновите и повторите.',
    'Someone else changed this item first. Reload and try again.',
  ],
  categoryCodeTaken: ['Категория с таким кодом уже есть.', 'A category with this code exists.'],
  noSuchCategory: ['Такой категории нет.', 'No such category.'],
  itemCodeTaken: ['Код {code} уже есть в прайс-листе.', 'The code {code} is already in the price list.'],
  // quotes and their lines
  writeRefused: [
    'Изменение не удалось применить к текущему состоянию сметы. Обновите и повторите.',
    'The change could not be applied to the quote as it is now. Reload and try again.',
  ],
  notRealDate: ['такой даты нет', 'is not a real date'],
  dateInPast: ['не может быть в прошлом', 'must not be in the past'],
  noSuchServiceField: [
    'такой услуги нет в прайс-листе (или она больше не продаётся)',
    'no such service in the price list (or it is no longer sold)',
  ],
  customerFixed: [
    'У уже отправленной сметы заказчик не меняется; сделайте копию для другого заказчика.',
    'A quote that was already sent keeps its customer; duplicate it for another customer.',
  ],
  emptyQuote: ['Добавьте хотя бы одну услугу перед отправкой.', 'Add at least one service before sending.'],
  validityPast: ['Срок действия сметы уже прошёл — укажите новый.', 'The validity date has passed: set a new one.'],
  otherRevisionAccepted: ['Другая редакция этой сметы уже принята.', 'Another revision of this quote was accepted.'],
  itemLineNeedsItem: ['обязательно для строки из прайс-листа', 'is required for a price-list line'],
  lineWithItemIsItem: ['строка с catalogItemId — строка прайс-листа', 'a line with catalogItemId is an item line'],
  freeLineNeedsTitle: ['обязательно для свободной строки и заголовка', 'is required for a free-form line or a heading'],
  noSuchLineField: ['такой строки в смете нет', 'no such line in this quote'],
  linesNotInQuote: [
    'Некоторых из этих строк нет в смете (или они названы дважды). Ничего не удалено.',
    'Some of these lines are not in this quote (or are named twice). Nothing was removed.',
  ],
  noSuchLine: ['Такой строки в смете нет.', 'No such line in this quote.'],
  headingHasNoAmounts: ['У заголовка раздела есть только название.', 'A section heading has only a title.'],
  versionRequired: ['обязательна (?version=…)', 'is required (?version=…)'],
  lineIdsEveryOnce: ['должен перечислять каждую строку сметы ровно один раз', 'must list every line of the quote exactly once'],
  noSuchQuoteLink: ['Такой ссылки на эту смету нет.', 'No such link to this quote.'],
  quoteLinkRevoked: ['Ссылка отозвана — сделайте новую.', 'This link was withdrawn; make a new one.'],
  fixedHours: [
    '{code} — фиксированная услуга на {hours} нормо-ч.; измените количество или добавьте свободную строку.',
    '{code} is a fixed service of {hours} norm-hours; change the quantity, or add a free-form line.',
  ],
  kReasonRequiredFor: [
    'K отличается от прайс-листа ({k}) для {code}: укажите причину (kReason).',
    'K differs from the price list’s {k} for {code}: give a reason (kReason).',
  ],
  currencyMismatch: [
    'Сметы составляются в валюте из настроек ({currency}).',
    'Quotes are made in {currency}, the currency of the settings.',
  ],
  pasteRowsUnknown: [
    'Строки {rows}: неизвестный код услуги или пустая строка. Ничего не добавлено.',
    'Rows {rows}: unknown service code or empty row. Nothing was added.',
  ],
  fixedLineHours: [
    '{code} — фиксированная услуга на {hours} нормо-ч.; меняйте количество.',
    '{code} is a fixed service of {hours} norm-hours; change the quantity instead.',
  ],
  kReasonRequired: [
    'K отличается от прайс-листа ({k}): укажите причину (kReason).',
    'K differs from the price list’s {k}: give a reason (kReason).',
  ],
  incompleteLines: ['Перед отправкой укажите часы: {lines}.', 'Enter the hours of {lines} before sending.'],
  // work orders
  orderExists: ['По этой смете заявка уже создана.', 'This quote already has a work order.'],
  stageNotPending: ['Этап {n} уже {status}: принимать нечего.', 'Stage {n} is {status}: there is nothing to sign off.'],
  stageAlreadyReady: ['Этап {n} уже ждёт приёмки заказчиком.', 'Stage {n} already waits for the customer’s sign-off.'],
  // crowdfunding projects and pledges
  noSuchProject: ['Такого краудфандинг-проекта нет.', 'No such crowdfunding project.'],
  noSuchPledge: ['Такого взноса в проекте нет.', 'No such pledge in this project.'],
  projectIdsList: ['список номеров проектов через запятую', 'a comma-separated list of project ids'],
  estimateFixed: ['Оценку можно менять, только пока проект открыт.', 'The estimate can change only while the project is open.'],
  pledgeHoursOrMoney: ['укажите нормо-часы или сумму', 'give either norm-hours or money'],
  noSuchCustomerField: ['такого заказчика нет', 'no such customer'],
  pledgeTooSmall: ['меньше сотой нормо-часа', 'too small for a hundredth of a norm-hour'],
  projectNoPledges: ['Проект больше не принимает взносов.', 'The project no longer takes pledges.'],
  projectClosed: ['Проект закрыт.', 'The project is closed.'],
  pledgeCancelled: ['Взнос уже отменён.', 'The pledge is already cancelled.'],
  developmentStarted: [
    'Разработка начата: подтверждённый взнос уже не возвращается.',
    'Development has started: a confirmed pledge can no longer be refunded.',
  ],
  pledgeChanged: ['Взнос изменился; обновите страницу.', 'The pledge changed meanwhile; reload.'],
  projectNotOpen: ['В смету можно добавить только открытый проект.', 'Only an open project can be added to a quote.'],
  fullyPledged: ['В этом проекте уже нечего финансировать.', 'Nothing is left to fund in this project.'],
  noSuchQuoteField: ['такой сметы нет', 'no such quote'],
  quoteNotEditable: ['Новые строки добавляются только в черновик сметы.', 'Only a draft quote takes new lines.'],
  compareTwoToFour: ['сравнивать можно от 2 до 4 разных проектов (указано {count})', 'compare 2 to 4 different projects (got {count})'],
  noSuchProjects: ['Таких проектов нет: {ids}.', 'No such project: {ids}.'],
  projectCodeTaken: ['Проект {code} уже есть.', 'A project {code} exists.'],
  projectTransition: ['Проект в состоянии «{from}» нельзя перевести в «{to}».', 'A project that is {from} cannot become {to}.'],
  projectTakesNoPledges: ['Проект в состоянии «{status}» новых взносов не принимает.', 'The project is {status} and takes no new pledges.'],
  pledgeNotPromised: ['Взнос уже {status}.', 'The pledge is already {status}.'],
  pledgeInsufficient: [
    'Не хватает нормо-часов: взнос {need}, на балансе {balance}.',
    'Not enough norm-hours: the pledge needs {need}, the balance is {balance}.',
  ],
  // the ledger
  noSuchInvoiceField: ['такого счёта нет', 'no such invoice'],
  customerGone: ['Заказчика больше нет.', 'The customer is gone.'],
  // invoices
  noSuchInvoice: ['Такого счёта нет.', 'No such invoice.'],
  // the outbox
  noSuchMail: ['Такого письма нет.', 'No such message.'],
  mailNotFailed: ['Повторно отправить можно только письмо, которое не ушло.', 'Only a failed message can be sent again.'],
} as const satisfies Record<string, Pair>;

/** Statuses inside the Russian sentences above (`{status}`); the English ones name the status code itself. */
export const RU_STATUS_WORDS = {
  stageAccepted: 'принят',
  stageWithdrawn: 'отозван',
  pledgeConfirmed: 'подтверждён',
  pledgeCancelled: 'отменён',
  pledgeProcessed: 'обработан',
} as const;
