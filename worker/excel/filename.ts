/**
 * File names for downloads (RFC 6266): `filename="…"` in plain ASCII for old clients
 * (Cyrillic transliterated), and `filename*=UTF-8''…` (RFC 8187) with the real name, which
 * every current browser prefers.
 */
import type { Lang } from '../domain/format';
import { CROWDFUNDING_WORDS } from '../domain/words/crowdfunding';
import { CUSTOMER_DATA_WORDS } from '../domain/words/customer-data';
import { REPORT_WORDS } from '../domain/words/reports';
import { STATEMENT_WORDS } from '../domain/words/statement';
import { say } from '../domain/words/words';

const TRANSLIT: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
  '«': '"',
  '»': '"',
  '№': 'No',
  '–': '-',
  '—': '-',
};

/** A name safe on every file system: no path separators, reserved or control characters. */
export function safeFileName(name: string, maxLength = 120): string {
  const cleaned = name
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f"*/:<>?\\|]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  return Array.from(cleaned).slice(0, maxLength).join('').trim();
}

export function asciiFallback(name: string): string {
  let out = '';
  for (const ch of name) {
    const lower = ch.toLowerCase();
    const t = TRANSLIT[lower];
    if (t !== undefined) out += ch !== lower && t ? t[0]!.toUpperCase() + t.slice(1) : t;
    else if (/[\x20-\x7e]/.test(ch)) out += ch;
    else out += '_';
  }
  return out.replace(/["\\]/g, '').replace(/_+/g, '_').replace(/\s+/g, ' ').trim();
}

/** RFC 8187 value-chars: attr-char stays, everything else is %-encoded UTF-8. */
function encodeExtValue(text: string): string {
  return encodeURIComponent(text).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** `attachment; filename="Q-2026-0042-R2 Severnyy universitet.xlsx"; filename*=UTF-8''Q-2026-0042-R2%20…` */
export function contentDisposition(fileName: string): string {
  const name = safeFileName(fileName) || 'download';
  return `attachment; filename="${asciiFallback(name)}"; filename*=UTF-8''${encodeExtValue(name)}`;
}

/** `Q-2026-0042-R2 Customer.xlsx` */
export function estimateFileName(number: string, customerName: string): string {
  const customer = safeFileName(customerName, 80);
  return `${safeFileName(number, 40)}${customer ? ` ${customer}` : ''}.xlsx`;
}

/** `Расход нормо-часов 2026-05.xlsx` / `Norm-hour consumption 2026-05.xlsx`, with the customer when there is only one. */
export function consumptionFileName(month: string, lang: Lang, customerName?: string): string {
  const base = `${say(lang, REPORT_WORDS.fileName)} ${month}`;
  const customer = customerName ? safeFileName(customerName, 80) : '';
  return `${base}${customer ? ` ${customer}` : ''}.xlsx`;
}

/** `Сравнение проектов CF-1, CF-2.xlsx` / `Crowdfunding comparison CF-1, CF-2.xlsx` */
export function compareFileName(codes: readonly string[], lang: Lang): string {
  const base = say(lang, CROWDFUNDING_WORDS.fileName);
  const list = safeFileName(codes.join(', '), 80);
  return `${base}${list ? ` ${list}` : ''}.xlsx`;
}

/** `Данные заказчика Customer 2026-05-31.xlsx` / `Customer data Customer 2026-05-31.xlsx` */
export function customerDataFileName(customerName: string, date: string, lang: Lang): string {
  const base = say(lang, CUSTOMER_DATA_WORDS.title);
  const customer = safeFileName(customerName, 80);
  return `${base}${customer ? ` ${customer}` : ''} ${date}.xlsx`;
}

/** `Выписка 2026-11 Customer.xlsx` / `Statement 2026-11 Customer.pdf` */
export function statementFileName(month: string, customerName: string, lang: Lang, ext: 'xlsx' | 'pdf'): string {
  const customer = safeFileName(customerName, 80);
  return `${say(lang, STATEMENT_WORDS.statementFile)} ${month}${customer ? ` ${customer}` : ''}.${ext}`;
}

/** `INV-2026-0001 Customer.pdf` */
export function invoiceFileName(number: string, customerName: string, ext: 'xlsx' | 'pdf'): string {
  const customer = safeFileName(customerName, 80);
  return `${safeFileName(number, 40)}${customer ? ` ${customer}` : ''}.${ext}`;
}
