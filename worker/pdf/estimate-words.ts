/** Words of the estimate PDF (ru → en as in UI.md and the Excel estimate). */
import type { Lang } from '../domain/format';
import type { QuoteStatus } from '../domain/quote-lifecycle';

const WORDS = {
  estimate: ['Смета', 'Estimate'],
  estimateNo: ['Смета №', 'Estimate No.'],
  revision: ['редакция', 'revision'],
  dated: ['от', 'dated'],
  validUntil: ['действует до', 'valid until'],
  contractor: ['Исполнитель', 'Contractor'],
  customer: ['Заказчик', 'Customer'],
  taxId: ['ИНН', 'Tax ID'],
  manager: ['Менеджер', 'Manager'],
  rate: ['Стоимость нормо-часа', 'Norm-hour rate'],
  note: ['Примечание', 'Note'],
  no: ['№', '#'],
  code: ['Код', 'Code'],
  service: ['Услуга', 'Service'],
  qty: ['Кол-во', 'Qty'],
  hours: ['Часы', 'Hours'],
  k: ['K', 'K'],
  normHours: ['Нормо-\nчасы', 'Norm-\nhours'],
  amount: ['Сумма', 'Amount'],
  sectionTotal: ['Итого по разделу', 'Section total'],
  looseTotal: ['Итого вне разделов', 'Total outside sections'],
  noLines: ['В смете нет строк.', 'The estimate has no lines.'],
  actual: ['по факту', 'actual time'],
  estimateOf: ['оценка', 'estimate'],
  subtotal: ['Сумма', 'Subtotal'],
  discount: ['Скидка', 'Discount'],
  net: ['Сумма со скидкой', 'After discount'],
  vat: ['НДС', 'VAT'],
  vatIncluded: ['в т. ч. НДС', 'incl. VAT'],
  noVat: ['Без НДС', 'No VAT'],
  total: ['Итого', 'Total'],
  totalNormHours: ['Нормо-часы', 'Norm-hours'],
  formula: [
    'Нормо-часы = кол-во × часы × K; сумма = кол-во × часы × K × стоимость нормо-часа, с округлением до копейки в каждой строке.',
    'Norm-hours = qty × hours × K; amount = qty × hours × K × norm-hour rate, rounded to the kopeck on each line.',
  ],
  actualLegend: [
    '«По факту»: услуга оплачивается по фактически затраченному времени; в смете указана оценка, списываются фактические часы × K.',
    '“Actual time”: the service is billed by the time actually spent; the estimate shows the expected hours, the actual hours × K are debited.',
  ],
  signature: ['подпись', 'signature'],
  signatureName: ['расшифровка подписи', 'name'],
  stamp: ['М. П.', 'Seal'],
  page: ['Страница', 'Page'],
  of: ['из', 'of'],
  replaced: ['Заменена новой редакцией', 'Replaced by a newer revision'],
} satisfies Record<string, [string, string]>;

export type Word = keyof typeof WORDS;
export const wordOf = (lang: Lang) => (key: Word) => WORDS[key][lang === 'ru' ? 0 : 1];

export const STATUS_WORDS: Record<QuoteStatus, [string, string]> = {
  draft: ['Черновик — не отправлена', 'Draft — not sent'],
  sent: ['Отправлена', 'Sent'],
  accepted: ['Принята', 'Accepted'],
  declined: ['Отклонена', 'Declined'],
  changes_requested: ['Запрошены изменения', 'Changes requested'],
  expired: ['Срок действия истёк', 'Expired'],
  archived: ['В архиве', 'Archived'],
};

/** 31.05.2026 / 31/05/2026 (the Excel estimate's dates). */
export const dayText = (iso: string, lang: Lang) => iso.slice(0, 10).split('-').reverse().join(lang === 'ru' ? '.' : '/');
