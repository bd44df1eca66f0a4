/** The grid's columns: what each shows, what may be typed into it, and how typing is read. */
import type { QuoteLineT } from '../../../schema/api';
import { formatFixed, formatHours, formatMilli, formatMoney, parseFixed } from '../../../worker/domain/format';
import { getLang, t } from '../i18n';
import type { Field } from './editor-state';

export type ColumnKey = 'code' | 'title' | 'quantityMilli' | 'hoursCenti' | 'kMilli' | 'normHoursCenti' | 'amountMinor';

export interface Column {
  key: ColumnKey;
  label: () => string;
  numeric: boolean;
  editable(line: QuoteLineT): boolean;
  /** Decimal places of the value as typed (hours 2, quantity and K 3). */
  decimals?: number;
}

export const COLUMNS: Column[] = [
  { key: 'code', label: () => t('code'), numeric: false, editable: () => false },
  { key: 'title', label: () => t('service'), numeric: false, editable: () => true },
  { key: 'quantityMilli', label: () => t('qty'), numeric: true, decimals: 3, editable: (l) => l.kind !== 'section' },
  { key: 'hoursCenti', label: () => t('hours'), numeric: true, decimals: 2, editable: (l) => l.kind !== 'section' && l.mode !== 'fixed' },
  { key: 'kMilli', label: () => 'K', numeric: true, decimals: 3, editable: (l) => l.kind !== 'section' },
  { key: 'normHoursCenti', label: () => t('normHoursShort'), numeric: true, editable: () => false },
  { key: 'amountMinor', label: () => t('amount'), numeric: true, editable: () => false },
];
export const TITLE_COL = 1;

export function display(line: QuoteLineT, key: ColumnKey, currency: string): string {
  const lang = getLang();
  if (line.kind === 'section' && key !== 'title') return '';
  switch (key) {
    case 'code':
      return line.code;
    case 'title':
      return line.title;
    case 'quantityMilli':
      return formatMilli(line.quantityMilli, lang);
    case 'hoursCenti':
      return line.hoursCenti === null ? '' : formatFixed(line.hoursCenti, 2, lang);
    case 'kMilli':
      return formatMilli(line.kMilli, lang);
    case 'normHoursCenti':
      return line.normHoursCenti === null ? '—' : formatHours(line.normHoursCenti, lang);
    case 'amountMinor':
      return line.amountMinor === null ? '—' : formatMoney(line.amountMinor, currency, lang);
  }
}

/** The text an editor opened with F2 or Enter starts from. */
export function editText(line: QuoteLineT, key: ColumnKey): string {
  if (key === 'title') return line.title;
  if (key === 'quantityMilli' || key === 'hoursCenti' || key === 'kMilli') return display(line, key, '');
  return '';
}

export type Parsed = { ok: true; value: string | number | null } | { ok: false; error: string };

/** Reads what was typed into a cell; an error says, in words, what is expected. */
export function parseCell(column: Column, text: string): Parsed {
  if (!column.numeric) {
    return text.trim() ? { ok: true, value: text.trim() } : { ok: false, error: t('titleEmpty') };
  }
  if (column.key === 'hoursCenti' && text.trim() === '') return { ok: true, value: null };
  const value = parseFixed(text, column.decimals!);
  const example = column.key === 'hoursCenti' ? t('exampleHours') : column.key === 'kMilli' ? t('exampleK') : t('exampleQty');
  if (value === null) {
    const places = column.decimals === 2 ? t('twoDecimals') : t('threeDecimals');
    return { ok: false, error: t('enterNumber', { example, places }) };
  }
  if (column.key === 'kMilli' && (value < 0 || value > 5000)) return { ok: false, error: t('kRange') };
  if (column.key === 'quantityMilli' && (value <= 0 || value > 10_000_000)) return { ok: false, error: t('qtyRange') };
  if (column.key === 'hoursCenti' && (value <= 0 || value > 10_000_000)) return { ok: false, error: t('hoursRange') };
  return { ok: true, value };
}

export const fieldOf = (c: number) => COLUMNS[c]!.key as Field;
