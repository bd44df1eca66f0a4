/**
 * What a manager reads when a write fails: words, never an API field name (`afterLineId`,
 * `discountRateMilli`) or an HTTP status.
 */
import { ApiError } from '../api';
import { tr } from '../i18n';

/** The API's field names as the screen calls them. */
const FIELD_WORDS: Record<string, [string, string]> = {
  quantityMilli: ['количество', 'quantity'],
  hoursCenti: ['часы', 'hours'],
  kMilli: ['K', 'K'],
  kReason: ['причина K', 'the reason for K'],
  title: ['название', 'title'],
  note: ['примечание', 'note'],
  discountRateMilli: ['скидка', 'discount'],
  vatRateMilli: ['ставка НДС', 'VAT rate'],
  vatMode: ['НДС', 'VAT'],
  validUntil: ['срок действия', 'validity'],
  customerId: ['заказчик', 'customer'],
  catalogItemId: ['услуга', 'service'],
  afterLineId: ['место вставки строки', 'where to insert the line'],
  lineIds: ['строки', 'lines'],
  rows: ['строки вставки', 'pasted rows'],
  version: ['версия сметы', 'quote version'],
  customerNote: ['примечание для заказчика', 'customer note'],
  internalNote: ['внутреннее примечание', 'internal note'],
};

export function fieldWord(field: string): string {
  const base = field.replace(/^rows\[\d+\]\.?/, '').replace(/\[\d+\]$/, '');
  const w = FIELD_WORDS[base];
  return w ? tr(w[0], w[1]) : tr('значение', 'a value');
}

/** Replaces every camelCase identifier (and «(kReason)» asides) with words. */
export function withoutFieldNames(text: string): string {
  return text
    .replace(/\s*\((?:[a-z]+[A-Z]\w*)\)/g, '')
    .replace(/\brows\[(\d+)\]\.?(\w*)/g, (_, n: string, f: string) => `${tr('строка', 'row')} ${Number(n) + 1}${f ? ` — ${fieldWord(f)}` : ''}`)
    .replace(/\b[a-z]+[A-Z]\w*\b/g, (name) => fieldWord(name));
}

export function managerMessage(error: unknown): string {
  if (!(error instanceof ApiError)) {
    return tr('Изменение не сохранено. Нажмите «Повторить»; если не поможет — обновите страницу.', 'The change was not saved. Press “Try again”; if that does not help, reload the page.');
  }
  if (error.status === 0) return tr('Нет связи с сервером. Проверьте сеть и нажмите «Повторить».', 'The server cannot be reached. Check the network and press “Try again”.');
  if (error.status >= 500 || error.status === 429) {
    return tr('Сервер не смог сохранить изменение. Нажмите «Повторить» чуть позже.', 'The server could not save the change. Press “Try again” in a moment.');
  }
  return withoutFieldNames(error.message);
}
