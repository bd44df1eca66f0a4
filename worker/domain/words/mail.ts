/** The words of the e-mails the product sends (worker/mail/render.ts), Russian and English. */
import type { Pair } from './words';

export const MAIL_WORDS = {
  greeting: ['Здравствуйте!', 'Hello,'],
  greetingNamed: ['Здравствуйте, {name}!', 'Hello {name},'],
  signature: ['С уважением,\n{manager}\n{company}', 'Kind regards,\n{manager}\n{company}'],
  contacts: ['Телефон: {phone}, e-mail: {email}', 'Phone: {phone}, e-mail: {email}'],
  contactsEmail: ['E-mail: {email}', 'E-mail: {email}'],
  automatic: [
    'Это письмо отправлено автоматически сервисом «Нормо-часы»; ответ на него придёт вашему менеджеру.',
    'This message was sent by the Norm-hours service; a reply reaches your manager.',
  ],

  sentSubject: ['Смета {number}: {title}', 'Estimate {number}: {title}'],
  sentIntro: [
    'Направляем смету {number} «{title}» на сумму {total}. Она действует до {validUntil}.',
    'Please find estimate {number} “{title}” for {total}, valid until {validUntil}.',
  ],
  sentIntroNoDate: ['Направляем смету {number} «{title}» на сумму {total}.', 'Please find estimate {number} “{title}” for {total}.'],
  sentLink: [
    'Смету можно открыть по ссылке, принять, отклонить или запросить изменения — без регистрации:',
    'Open the estimate at this link to accept it, decline it or ask for changes — no account needed:',
  ],
  sentAttachment: ['Смета также приложена к письму в PDF.', 'The estimate is also attached as a PDF.'],
  managerNote: ['Сообщение менеджера:', 'A note from your manager:'],
  linkExpires: ['Ссылка действует до {date}.', 'The link is valid until {date}.'],

  answeredSubject: ['{number}: {answer} — {customer}', '{number}: {answer} — {customer}'],
  answeredBody: [
    '{customer} ({name}) — {answer}: смета {number} «{title}», {at}.',
    '{customer} ({name}) — {answer}: estimate {number} “{title}”, {at}.',
  ],
  answeredMessage: ['Комментарий заказчика:', 'The customer’s comment:'],
  answeredNext: ['Открыть смету: {url}', 'Open the quote: {url}'],
  answerAccepted: ['смета принята', 'accepted'],
  answerDeclined: ['смета отклонена', 'declined'],
  answerChanges: ['запрошены изменения', 'changes requested'],

  expiringSubject: ['Смета {number} действует до {validUntil}', 'Estimate {number} is valid until {validUntil}'],
  expiringBody: [
    'Напоминаем: смета {number} «{title}» на сумму {total} действует до {validUntil}. Если она вам подходит, примите её по ссылке из ' +
      'письма, которым мы её прислали, или ответьте на это письмо — менеджер пришлёт новую ссылку.',
    'A reminder: estimate {number} “{title}” for {total} is valid until {validUntil}. If it suits you, accept it through the link in ' +
      'the e-mail that brought it, or reply to this message and your manager will send a new link.',
  ],

  expiredSubject: ['Смета {number} истекла без ответа — {customer}', 'Estimate {number} expired unanswered — {customer}'],
  expiredBody: [
    'Срок действия сметы {number} «{title}» для {customer} закончился {validUntil}, ответа не было. Можно сделать новую редакцию с ' +
      'новым сроком.',
    'Estimate {number} “{title}” for {customer} expired on {validUntil} without an answer. A new revision with a new date can be sent.',
  ],

  balanceLowSubject: ['Баланс нормо-часов ниже порога — {customer}', 'Norm-hour balance below the threshold — {customer}'],
  balanceLowBody: [
    'После приёмки этапа {stage} по заявке {order} на балансе {customer} осталось {balance} нормо-ч — меньше порога {threshold} нормо-ч.',
    'After stage {stage} of work order {order} was signed off, {customer} has {balance} norm-hours left: below the threshold of ' +
      '{threshold}.',
  ],
  balanceLowShort: [
    'Чтобы следующие этапы не встали на паузу, пополните баланс не меньше чем на {short} нормо-ч ({amount} по стоимости нормо-часа ' +
      '{rate}).',
    'So that the next stages do not pause, top up at least {short} norm-hours ({amount} at the norm-hour rate of {rate}).',
  ],
  balanceLowInvoice: [
    'Ваш менеджер может выставить счёт на оплату — ответьте на это письмо.',
    'Your manager can send a prepayment invoice: reply to this message.',
  ],

  accountLinkSubject: ['Личный кабинет {customer}: баланс, заявки, выписки', 'Your account, {customer}: balance, work orders, statements'],
  accountLinkBody: [
    'По этой ссылке — ваш личный кабинет: баланс нормо-часов, открытые сметы, заявки и их этапы, приёмка этапов, выписки за месяц и ' +
      'выгрузка ваших данных. Регистрация не нужна:',
    'This link opens your account: the norm-hour balance, open estimates, work orders and their stages, stage sign-off, monthly ' +
      'statements and an export of your data. No sign-up needed:',
  ],
  accountLinkPrivate: [
    'Не пересылайте ссылку: по ней можно принимать этапы от имени вашей организации.',
    'Do not forward the link: it lets its holder sign off stages for your organisation.',
  ],
  stageReadySubject: ['Этап {stage} заявки {order} готов к приёмке', 'Stage {stage} of work order {order} is ready for your sign-off'],
  stageReadyBody: [
    'Работы по этапу {stage} «{title}» заявки {order} выполнены. Проверьте результат и примите этап в личном кабинете ({hours} нормо-ч ' +
      'по оценке):',
    'The work of stage {stage} “{title}” of work order {order} is done. Please check the result and sign the stage off in your account ' +
      '({hours} norm-hours estimated):',
  ],
  requestNewSubject: ['Новое обращение {number}: {subject}', 'New request {number}: {subject}'],
  requestNewBody: [
    '{customer} — обращение {number} ({kind}, приоритет {priority}): «{subject}». Срок реакции — {due}.',
    '{customer} — request {number} ({kind}, priority {priority}): “{subject}”. Reaction due by {due}.',
  ],
  requestNewDescription: ['Описание:', 'Description:'],
  requestOpen: ['Открыть обращение: {url}', 'Open the request: {url}'],
  requestAnsweredSubject: ['Ответ по обращению {number}: {subject}', 'An answer to your request {number}: {subject}'],
  requestAnsweredBody: [
    'По вашему обращению {number} «{subject}» ответил(а) {name}:',
    '{name} answered your request {number} “{subject}”:',
  ],
  requestAnsweredStatus: ['Статус обращения: {status}.', 'The request’s status: {status}.'],
} as const satisfies Record<string, Pair>;
