/** The staff side of the customer's account: its link, stages ready for sign-off, the end of service. */
import type { Table } from '../words';

export const UI_ACCOUNT_WORDS = {
  customerAccount: ['Личный кабинет заказчика', 'Customer’s account'],
  customerAccountHint: [
    'По ссылке заказчик без входа видит баланс, сметы, заявки, принимает готовые этапы, скачивает выписки и свои данные.',
    'With the link the customer sees, without signing in, the balance, estimates and work orders, signs off ready stages, downloads ' +
      'statements and their data.',
  ],
  makeAccountLink: ['Создать ссылку', 'Make a link'],
  mailAccountLink: ['Создать и отправить на {email}', 'Make and e-mail to {email}'],
  accountLinkMailed: ['Письмо со ссылкой на кабинет поставлено в очередь', 'The e-mail with a link to the account is queued'],
  revokeAccountConfirm: ['Отозвать все ссылки на кабинет этого заказчика?', 'Revoke every link to this customer’s account?'],
  madeByEmail: ['отправлена письмом', 'sent by e-mail'],
  serviceEndsOn: ['Окончание обслуживания', 'End of service'],
  serviceEndsHint: [
    'После этой даты заказчик ещё 30 дней может скачать свои данные',
    'After this date the customer may download their data for 30 more days',
  ],
  dataAvailableUntil: ['Данные доступны заказчику до {date}', 'Data downloadable by the customer until {date}'],
  dueDeletions: ['Ожидают удаления данных', 'Waiting for data deletion'],
  dueDeletionsHint: [
    '30 дней после окончания обслуживания прошли. Данные удаляются только после подтверждения администратора; журнал нормо-часов и ' +
      'итоги сохраняются обезличенными.',
    'The 30 days after the end of service are over. Data is deleted only when an admin confirms; the norm-hour ledger and totals stay, ' +
      'anonymised.',
  ],
  confirmDeletion: ['Подтвердить удаление', 'Confirm deletion'],
  confirmDeletionPrompt: [
    'Чтобы обезличить данные заказчика, введите его название: {name}',
    'To anonymise the customer’s data, type their name: {name}',
  ],
  customerDeleted: ['Данные заказчика удалены (обезличены)', 'The customer’s data is deleted (anonymised)'],
  markReady: ['Готов к приёмке', 'Ready for sign-off'],
  markReadyHint: [
    'Заказчику уйдёт письмо, он примет этап в личном кабинете',
    'The customer is e-mailed and signs the stage off in their account',
  ],
  waitsForCustomer: ['ждёт приёмки заказчиком', 'waits for the customer’s sign-off'],
  stageMarkedReady: ['Этап {n} ждёт приёмки заказчиком', 'Stage {n} waits for the customer’s sign-off'],
} as const satisfies Table;
