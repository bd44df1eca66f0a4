/** Sending a quote by e-mail, the links of its number, and the admin's mail log («Почта»). */
import type { MailKind } from '../../enums';
import type { Pair, Table } from '../words';

export const UI_DELIVERY_WORDS = {
  sendTitle: ['Отправка сметы {number}', 'Send estimate {number}'],
  sendByEmail: ['Отправить заказчику письмо со ссылкой и PDF', 'E-mail the customer the link and the PDF'],
  recipients: ['Кому', 'To'],
  recipientsHint: [
    'Адреса через запятую; по умолчанию — из карточки заказчика',
    'Addresses separated by commas; by default the customer card’s',
  ],
  recipientsMissing: ['Укажите хотя бы один адрес или снимите галочку.', 'Enter at least one address or untick the box.'],
  recipientBad: ['Не похоже на адрес e-mail: {address}', 'Not an e-mail address: {address}'],
  recipientsTooMany: ['Не больше 10 адресов.', 'At most 10 addresses.'],
  mailMessage: ['Сообщение заказчику', 'Message to the customer'],
  mailMessageHint: ['Необязательно; будет процитировано в письме', 'Optional; quoted in the e-mail'],
  mailPreview: ['Так увидит письмо заказчик', 'What the customer will see'],
  mailSubject: ['Тема', 'Subject'],
  mailAttachment: ['Вложение', 'Attachment'],
  mailLinkLater: ['Ссылка на смету появится в письме при отправке.', 'The estimate’s link is made when the e-mail is sent.'],
  sendWithoutMail: [
    'Смета будет заморожена и помечена отправленной; ссылку можно сделать потом.',
    'The estimate is frozen and marked sent; you can make a link later.',
  ],
  quoteSentMailQueued: ['Смета отправлена, письмо в очереди', 'Estimate sent; the e-mail is on its way'],
  estimatePdf: ['Скачать смету в PDF', 'Download the estimate as PDF'],
  estimateExcel: ['Скачать смету в Excel', 'Download the estimate as Excel'],
  lastOpened: ['Последний просмотр', 'Last opened'],
  renewLink: ['Продлить', 'Extend'],
  renewedUntil: ['Ссылка действует до {date}', 'The link is valid until {date}'],
  revokeLink: ['Отозвать', 'Revoke'],
  revokeOneConfirm: [
    'Отозвать эту ссылку? Заказчик больше не сможет её открыть.',
    'Revoke this link? The customer will no longer be able to open it.',
  ],
  linkRevoked: ['Ссылка отозвана', 'Link revoked'],
  linksOfNumber: ['Ссылки на смету {number}', 'Links to estimate {number}'],
  linksShowLatest: ['Любая ссылка показывает последнюю отправленную редакцию.', 'Every link shows the latest sent revision.'],
  navMail: ['Почта', 'Mail'],
  mailSubtitle: [
    'Все письма сервиса: в очереди, отправленные и не ушедшие. Не ушедшее можно отправить снова.',
    'Every e-mail the service sends: queued, sent and failed. A failed one can be sent again.',
  ],
  mailEmpty: ['Писем ещё не было.', 'No e-mails yet.'],
  mailKind: ['Письмо', 'Message'],
  mailAttempts: ['Попыток', 'Attempts'],
  mailCreated: ['Создано', 'Created'],
  mailSent: ['Отправлено', 'Sent'],
  mailRetry: ['Отправить снова', 'Send again'],
  mailRequeued: ['Письмо снова в очереди', 'The e-mail is queued again'],
  logo: ['Логотип', 'Logo'],
  logoHint: ['PNG, JPEG или SVG до 200 КБ; на странице заказчика и в PDF', 'PNG, JPEG or SVG up to 200 KB; on the customer’s page and PDF'],
  logoTooLarge: ['Файл больше 200 КБ.', 'The file is larger than 200 KB.'],
  logoWrongType: ['Нужен файл PNG, JPEG или SVG.', 'Choose a PNG, JPEG or SVG file.'],
  logoRemove: ['Убрать логотип', 'Remove the logo'],
  customerLang: ['Язык заказчика', 'Customer’s language'],
  customerLangHint: ['Страница сметы, документы и письма', 'Their estimate page, documents and e-mails'],
  langRu: ['русский', 'Russian'],
  langEn: ['английский', 'English'],
  staffPhoneHint: ['Виден заказчикам в сметах и письмах', 'Shown to customers on estimates and e-mails'],
} as const satisfies Table;

/** The outbox's kinds (OutboxItem.kind) as the mail log names them. */
export const MAIL_KIND_WORDS: Readonly<Record<MailKind, Pair>> = {
  quote_sent: ['Смета заказчику', 'Estimate to the customer'],
  quote_answered: ['Ответ заказчика менеджеру', 'Customer’s answer to the manager'],
  quote_expiring: ['Напоминание: смета истекает', 'Reminder: estimate expires'],
  quote_expired: ['Смета истекла без ответа', 'Estimate expired unanswered'],
  balance_low: ['Баланс ниже порога', 'Balance below its threshold'],
  account_link: ['Ссылка на личный кабинет', 'Link to the customer’s account'],
  stage_ready: ['Этап готов к приёмке', 'Stage ready for sign-off'],
  request_new: ['Новое обращение менеджерам', 'New request to the managers'],
  request_answered: ['Ответ на обращение заказчику', 'Answer to the customer’s request'],
};

/** The outbox's states (OutboxItem.status). */
export const MAIL_STATUS_WORDS: Readonly<Record<'queued' | 'sent' | 'failed', Pair>> = {
  queued: ['в очереди', 'queued'],
  sent: ['отправлено', 'sent'],
  failed: ['не ушло', 'failed'],
};
