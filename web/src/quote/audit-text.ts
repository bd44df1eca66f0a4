/**
 * The audit trail as sentences a manager reads: «Скидка: 1 % → 10 %», «2.2 «Настройка…»:
 * количество 1 → 3», dates as dates — never the stored field names or ISO timestamps.
 */
import type { AuditEntryT } from '../../../schema/api';
import { formatFixed, formatMilli, formatMoney, formatPercentMilli } from '../../../worker/domain/format';
import { getLang, tr } from '../i18n';
import { rowsWord } from './plural';

type Words = [string, string];

const FIELDS: Record<string, Words> = {
  title: ['Название', 'Title'],
  discountRateMilli: ['Скидка', 'Discount'],
  vatRateMilli: ['Ставка НДС', 'VAT rate'],
  vatMode: ['НДС', 'VAT'],
  validUntil: ['Действует до', 'Valid until'],
  customerNote: ['Примечание для заказчика', 'Note for the customer'],
  internalNote: ['Внутреннее примечание', 'Internal note'],
  customerId: ['Заказчик', 'Customer'],
  quantityMilli: ['количество', 'quantity'],
  hoursCenti: ['часы', 'hours'],
  kMilli: ['K', 'K'],
  kReason: ['причина K', 'reason for K'],
  note: ['примечание', 'note'],
  rateMinor: ['стоимость нормо-часа', 'norm-hour rate'],
  expiresAt: ['ссылка действует до', 'link valid until'],
  links: ['отозвано ссылок', 'links revoked'],
  from: ['из сметы', 'from quote'],
  order: ['заявка', 'work order'],
  stages: ['этапов', 'stages'],
  reason: ['причина', 'reason'],
  message: ['сообщение', 'message'],
  name: ['имя', 'name'],
  project: ['проект', 'project'],
  status: ['состояние', 'status'],
};

const VAT_MODES: Record<string, Words> = { on_top: ['сверху', 'on top'], included: ['включён', 'included'], none: ['без НДС', 'none'] };
const STATUS: Record<string, Words> = {
  draft: ['черновик', 'draft'],
  sent: ['отправлена', 'sent'],
  changes_requested: ['запрошены изменения', 'changes requested'],
  archived: ['в архиве', 'archived'],
};

const w = (words: Words | undefined, fallback: string) => (words ? tr(words[0], words[1]) : fallback);

function dateWords(iso: string): string {
  const lang = getLang();
  const d = iso.length === 10 ? new Date(`${iso}T12:00:00Z`) : new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return iso.length === 10
    ? d.toLocaleDateString(lang === 'ru' ? 'ru-RU' : 'en-GB', { day: '2-digit', month: '2-digit', year: 'numeric' })
    : d.toLocaleString(lang === 'ru' ? 'ru-RU' : 'en-GB', { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/** One stored value as the screen writes it. */
export function auditValue(field: string, value: unknown): string {
  const lang = getLang();
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'number') {
    if (field === 'discountRateMilli' || field === 'vatRateMilli') return formatPercentMilli(value, lang);
    if (field === 'hoursCenti') return formatFixed(value, 2, lang);
    if (field === 'quantityMilli' || field === 'kMilli') return formatMilli(value, lang);
    if (field === 'rateMinor') return formatMoney(value, 'RUB', lang);
    return String(value);
  }
  if (typeof value === 'string') {
    if (field === 'vatMode') return w(VAT_MODES[value], value);
    if (field === 'status') return w(STATUS[value], value);
    if (/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/.test(value)) return dateWords(value);
    if (field === 'title' || field === 'note' || field === 'kReason' || field === 'reason' || field === 'message' || field.endsWith('Note')) return `«${value}»`;
    return value;
  }
  return Array.isArray(value) ? value.map((v) => auditValue(field, v)).join(', ') : '';
}

/** What changed, as one sentence: «Скидка: 1 % → 10 %; Название: «А» → «Б»». */
export function auditSentence(entry: Pick<AuditEntryT, 'action' | 'changes'>): string {
  const c = entry.changes;
  const parts: string[] = [];
  // A line is named first: 2.2 «Настройка шаблона…»
  const subject = typeof c.code === 'string' || typeof c.title === 'string' ? lineName(c) : '';
  const lineAction = entry.action.startsWith('line_');
  if (typeof c.count === 'number') return `${rowsWord(c.count)}${typeof c.codes === 'string' && c.codes ? `: ${c.codes}` : ''}`;
  for (const [field, value] of Object.entries(c)) {
    if (field === 'lineId' || field === 'kind' || field === 'terms' || (lineAction && (field === 'code' || (field === 'title' && !Array.isArray(value))))) continue;
    if (field === 'order' && Array.isArray(value)) continue; // a new order of line ids says nothing to a reader
    const name = w(FIELDS[field], field);
    if (field === 'customerNote' || field === 'internalNote') parts.push(tr(`${name} изменено`, `${name} changed`));
    else if (Array.isArray(value) && value.length === 2 && field !== 'codes') parts.push(`${name}: ${auditValue(field, value[0])} → ${auditValue(field, value[1])}`);
    else parts.push(`${name} ${auditValue(field, value)}`);
  }
  const body = parts.join(lineAction ? ', ' : '; ');
  if (lineAction && subject) return body ? `${subject}: ${body}` : subject;
  return body;
}

function lineName(c: Record<string, unknown>): string {
  const code = typeof c.code === 'string' ? c.code : '';
  const title = typeof c.title === 'string' ? c.title : '';
  return [code, title && `«${title}»`].filter(Boolean).join(' ');
}
