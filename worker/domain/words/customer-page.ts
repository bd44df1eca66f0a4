/**
 * The customer's page's own words (/s/:token): the summary line, the answer forms, banners
 * and the pages of a dead link. The estimate's words it shares with the Excel file and the
 * PDF are in documents.ts.
 */
import type { Lang, Table } from './words';

export const PAGE_WORDS = {
  /** "12,00 нормо-часов" in the summary line. */
  normHoursCount: ['нормо-часов', 'norm-hours'],
  vatIncludedTotal: ['включая НДС', 'including VAT'],
  details: ['Подробнее об услуге', 'About this service'],
  answerTitle: ['Ваш ответ', 'Your answer'],
  accept: ['Принять смету', 'Accept the estimate'],
  decline: ['Отклонить', 'Decline'],
  requestChanges: ['Запросить изменения', 'Request changes'],
  yourName: ['Ваши фамилия, имя и отчество', 'Your full name'],
  reason: ['Причина', 'Reason'],
  message: ['Что изменить', 'What should change'],
  agree: ['Я прочитал(а) условия и принимаю смету', 'I have read the terms and accept the estimate'],
  download: ['Скачать в Excel', 'Download as Excel'],
  downloadPdf: ['Скачать PDF', 'Download as PDF'],
  print: ['Печать', 'Print'],
  accepted: ['Смета принята', 'Estimate accepted'],
  declined: ['Смета отклонена', 'Estimate declined'],
  replacedNotice: [
    'Эта смета заменена более новой редакцией. Попросите менеджера прислать ссылку на неё.',
    'This estimate was replaced by a newer revision. Ask your manager for a link to it.',
  ],
  expiredNotice: [
    'Срок действия сметы истёк. Попросите менеджера прислать новую.',
    'This estimate has expired. Ask your manager for a new one.',
  ],
  thanks: ['Спасибо! Ответ передан менеджеру.', 'Thank you! Your manager has your answer.'],
  questions: ['Вопросы по смете — вашему менеджеру', 'Questions about the estimate go to your manager'],
  notFoundTitle: ['Ссылка не найдена', 'Link not found'],
  notFoundText: [
    'Проверьте, что ссылка скопирована полностью, или попросите менеджера прислать новую.',
    'Check that the link was copied in full, or ask your manager for a new one.',
  ],
  expiredLinkTitle: ['Срок действия ссылки истёк', 'This link has expired'],
  revokedLinkTitle: ['Ссылка отозвана', 'This link was withdrawn'],
  history: ['Ранее отправленные редакции', 'Earlier revisions'],
  historyItem: ['{number} от {sent} — заменена редакцией {by} {replaced}', '{number} of {sent} — replaced by {by} on {replaced}'],
  yourManager: ['Ваш менеджер', 'Your manager'],
  kLegend: [
    'K — коэффициент специалиста: 1 — разработчик, инженер, дизайнер; 0,6 — ассистент редактора, методист.',
    'K is the specialist’s coefficient: 1 for developers, engineers and designers; 0.6 for content assistants and methodologists.',
  ],
  estimateOfActual: [
    'оценка {hours}; списываются фактически затраченные часы × K',
    'estimate {hours}; the hours actually spent × K are debited',
  ],
  whatNextTitle: ['Что дальше', 'What happens next'],
  whatNext: [
    'Менеджер создаст заявку по этой смете. Работы идут в порядке очереди, когда на балансе достаточно нормо-часов для первого этапа; ' +
      'нормо-часы списываются по мере того, как вы принимаете этапы (услуги «по факту» — по фактически затраченному времени).',
    'Your manager will open a work order for this estimate. Work is done in queue order once the norm-hour balance covers the first ' +
      'stage; norm-hours are debited as you accept the stages (actual-time services by the time actually spent).',
  ],
  whatNextContact: ['С вами свяжется {name}.', '{name} will be in touch.'],
  answerBar: ['Ответить на смету', 'Answer the estimate'],
  deadLinkText: ['Попросите менеджера прислать новую ссылку на смету.', 'Ask your manager to send you a new link to the estimate.'],
} as const satisfies Table;

/** Each language's name in itself, for the language switch. */
export const LANGUAGE_NAMES: Readonly<Record<Lang, string>> = { ru: 'Рус', en: 'Eng' };
