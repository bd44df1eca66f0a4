/**
 * Display of exact integer amounts: money as `1 234 567,89 ₽` (ru) or `₽1,234,567.89` (en),
 * hours as `20,00 ч` / `20.00 h`. No float is involved: digits are placed, not computed.
 * Dates as `31.05.2026` / `31/05/2026`, every document alike.
 */
import { wallClock } from './calendar';
import type { LANGS } from './enums';

export type Lang = (typeof LANGS)[number];

const CURRENCY_SYMBOLS: Record<string, string> = { RUB: '₽', USD: '$', EUR: '€', KZT: '₸', BYN: 'Br' };

/** Groups digits: ru uses a no-break space, en a comma. */
function groupDigits(digits: string, lang: Lang): string {
  const separator = lang === 'ru' ? '\u00a0' : ',';
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += separator;
    out += digits[i];
  }
  return out;
}

/** An integer with `decimals` implied decimal places, e.g. (123456, 2) → "1 234,56". */
export function formatFixed(value: number, decimals: number, lang: Lang): string {
  const negative = value < 0;
  const digits = String(Math.abs(value)).padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals);
  const fraction = digits.slice(digits.length - decimals);
  const point = lang === 'ru' ? ',' : '.';
  return `${negative ? '−' : ''}${groupDigits(whole, lang)}${decimals > 0 ? point + fraction : ''}`;
}

export function currencySymbol(currency: string): string {
  return CURRENCY_SYMBOLS[currency] ?? currency;
}

export function formatMoney(minor: number, currency: string, lang: Lang): string {
  const symbol = currencySymbol(currency);
  if (lang === 'ru') return `${formatFixed(minor, 2, lang)}\u00a0${symbol}`;
  const body = formatFixed(Math.abs(minor), 2, lang);
  return `${minor < 0 ? '−' : ''}${symbol}${body}`;
}

export function formatHours(centi: number, lang: Lang): string {
  return `${formatFixed(centi, 2, lang)}\u00a0${lang === 'ru' ? 'ч' : 'h'}`;
}

/** K and quantities: thousandths without trailing zeros (0,6 · 1,5 · 2). */
export function formatMilli(milli: number, lang: Lang): string {
  const text = formatFixed(milli, 3, lang);
  const point = lang === 'ru' ? ',' : '.';
  if (!text.includes(point)) return text;
  return text.replace(/0+$/, '').replace(new RegExp(`\\${point}$`), '');
}

export function formatPercentMilli(milli: number, lang: Lang): string {
  // 220 ‰ of one = 22 %: thousandths of one are tenths of a percent.
  return `${formatMilli(milli * 100, lang)}\u00a0%`;
}

/**
 * Parses what a person types into an integer with `decimals` places: "1 234,5" → 123450
 * for decimals = 2. Accepts comma or point, spaces as group separators. Returns null for
 * anything that is not a plain decimal number or has more places than allowed.
 */
export function parseFixed(text: string, decimals: number): number | null {
  const cleaned = text
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(/^−/, '-')
    .replace(',', '.');
  const m = /^(-?)(\d*)(?:\.(\d*))?$/.exec(cleaned);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return null;
  const fraction = m[3] ?? '';
  if (fraction.length > decimals && /[1-9]/.test(fraction.slice(decimals))) return null;
  const digits = (m[2] || '0') + fraction.slice(0, decimals).padEnd(decimals, '0');
  const value = Number(digits);
  if (!Number.isSafeInteger(value)) return null;
  return m[1] === '-' ? -value : value;
}

/** A calendar date 'YYYY-MM-DD' as people write it: 31.05.2026 (ru) or 31/05/2026 (en). */
export function formatDay(isoDate: string, lang: Lang): string {
  const [y, m, d] = isoDate.slice(0, 10).split('-');
  return lang === 'ru' ? `${d}.${m}.${y}` : `${d}/${m}/${y}`;
}

/** An instant as the company's wall clock showed it: 31.05.2026 14:05 / 31/05/2026 14:05; text that is no instant stays as it is. */
export function stampText(instant: Date | string, timeZone: string, lang: Lang): string {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  if (Number.isNaN(ms)) return String(instant);
  const w = wallClock(ms, timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${formatDay(`${String(w.year).padStart(4, '0')}-${two(w.month)}-${two(w.day)}`, lang)} ${two(w.hour)}:${two(w.minute)}`;
}
