/**
 * The audit trail as sentences a manager reads: «Скидка: 1 % → 10 %», «2.2 «Настройка…»:
 * количество 1 → 3», dates as dates — never the stored field names or ISO timestamps.
 */
import type { AuditEntryT } from '../../../schema/api';
import { formatFixed, formatMilli, formatMoney, formatPercentMilli } from '../../../worker/domain/format';
import { VAT_MODE_WORDS } from '../../../worker/domain/words/kinds';
import { QUOTE_STATUS_WORDS } from '../../../worker/domain/words/statuses';
import { AUDIT_FIELD_WORDS, QUOTE_FIELD_WORDS } from '../../../worker/domain/words/ui';
import type { Pair } from '../../../worker/domain/words/words';
import { dateText, dateTimeText } from '../components/ui';
import { getLang, t, midSentence, plural, word } from '../i18n';

/** Changes of the quote's terms start the sentence («Скидка: 1 % → 10 %»); the rest read mid-sentence. */
const HEADINGS = new Set([
  'title',
  'discountRateMilli',
  'vatRateMilli',
  'vatMode',
  'validUntil',
  'customerNote',
  'internalNote',
  'customerId',
]);

function fieldNameOf(field: string): string {
  const words = AUDIT_FIELD_WORDS[field] ?? QUOTE_FIELD_WORDS[field];
  if (!words) return field;
  return HEADINGS.has(field) ? word(words) : midSentence(word(words));
}

function codeWord(table: Readonly<Record<string, Pair>>, code: string): string {
  const words = table[code];
  return words ? midSentence(word(words)) : code;
}

function dateWords(iso: string): string {
  const day = iso.length === 10;
  if (Number.isNaN(Date.parse(day ? `${iso}T12:00:00Z` : iso))) return iso;
  return day ? dateText(iso) : dateTimeText(iso);
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
    if (field === 'vatMode') return codeWord(VAT_MODE_WORDS, value);
    if (field === 'status') return codeWord(QUOTE_STATUS_WORDS, value);
    if (/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/.test(value)) return dateWords(value);
    if (field === 'title' || field === 'note' || field === 'kReason' || field === 'reason' || field === 'message' || field.endsWith('Note'))
      return `«${value}»`;
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
  if (typeof c.count === 'number') return `${plural('rows', c.count)}${typeof c.codes === 'string' && c.codes ? `: ${c.codes}` : ''}`;
  for (const [field, value] of Object.entries(c)) {
    if (
      field === 'lineId' ||
      field === 'kind' ||
      field === 'terms' ||
      (lineAction && (field === 'code' || (field === 'title' && !Array.isArray(value))))
    )
      continue;
    if (field === 'order' && Array.isArray(value)) continue; // a new order of line ids says nothing to a reader
    const name = fieldNameOf(field);
    if (field === 'customerNote' || field === 'internalNote') parts.push(t('fieldChanged', { field: name }));
    else if (Array.isArray(value) && value.length === 2 && field !== 'codes')
      parts.push(`${name}: ${auditValue(field, value[0])} → ${auditValue(field, value[1])}`);
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
