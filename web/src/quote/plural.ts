/** Counting words: 1 строка, 2 строки, 5 строк. */
import { getLang } from '../i18n';

export function plural(n: number, one: string, few: string, many: string): string {
  const n10 = n % 10;
  const n100 = n % 100;
  if (n10 === 1 && n100 !== 11) return one;
  if (n10 >= 2 && n10 <= 4 && (n100 < 12 || n100 > 14)) return few;
  return many;
}

export function rowsWord(n: number): string {
  return getLang() === 'ru' ? `${n} ${plural(n, 'строка', 'строки', 'строк')}` : `${n} ${n === 1 ? 'row' : 'rows'}`;
}
