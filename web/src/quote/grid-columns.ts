/** The grid's columns: what each shows, what may be typed into it, and how typing is read. */
import type { QuoteLineT } from '../../../schema/api';
import { formatFixed, formatHours, formatMilli, formatMoney, parseFixed } from '../../../worker/domain/format';
import { getLang, tr } from '../i18n';
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
  { key: 'code', label: () => tr('Код', 'Code'), numeric: false, editable: () => false },
  { key: 'title', label: () => tr('Услуга', 'Service'), numeric: false, editable: () => true },
  { key: 'quantityMilli', label: () => tr('Кол-во', 'Qty'), numeric: true, decimals: 3, editable: (l) => l.kind !== 'section' },
  { key: 'hoursCenti', label: () => tr('Часы', 'Hours'), numeric: true, decimals: 2, editable: (l) => l.kind !== 'section' && l.mode !== 'fixed' },
  { key: 'kMilli', label: () => 'K', numeric: true, decimals: 3, editable: (l) => l.kind !== 'section' },
  { key: 'normHoursCenti', label: () => tr('Нормо-ч', 'Norm-h'), numeric: true, editable: () => false },
  { key: 'amountMinor', label: () => tr('Сумма', 'Amount'), numeric: true, editable: () => false },
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
    return text.trim() ? { ok: true, value: text.trim() } : { ok: false, error: tr('Название не может быть пустым', 'The title cannot be empty') };
  }
  if (column.key === 'hoursCenti' && text.trim() === '') return { ok: true, value: null };
  const value = parseFixed(text, column.decimals!);
  const example = column.key === 'hoursCenti' ? tr('например 12 или 7,5', 'e.g. 12 or 7.5') : column.key === 'kMilli' ? tr('например 1 или 0,6', 'e.g. 1 or 0.6') : tr('например 2 или 1,5', 'e.g. 2 or 1.5');
  if (value === null) {
    const places = column.decimals === 2 ? tr('сотых', 'two decimals') : tr('тысячных', 'three decimals');
    return { ok: false, error: tr(`Введите число (${example}), не точнее ${places}`, `Enter a number (${example}), at most ${places}`) };
  }
  if (column.key === 'kMilli' && (value < 0 || value > 5000)) return { ok: false, error: tr('K — от 0 до 5', 'K is from 0 to 5') };
  if (column.key === 'quantityMilli' && (value <= 0 || value > 10_000_000)) return { ok: false, error: tr('Количество — больше 0 и не больше 10 000', 'Quantity is above 0 and at most 10,000') };
  if (column.key === 'hoursCenti' && (value <= 0 || value > 10_000_000)) return { ok: false, error: tr('Часы — больше 0 и не больше 100 000', 'Hours are above 0 and at most 100,000') };
  return { ok: true, value };
}

export const fieldOf = (c: number) => COLUMNS[c]!.key as Field;
