/** Month names, and a month as a report's title names it ("май 2026 г." / "May 2026"). */
import { say, type Lang, type Pair } from './words';

export const MONTH_WORDS: readonly Pair[] = [
  ['январь', 'January'],
  ['февраль', 'February'],
  ['март', 'March'],
  ['апрель', 'April'],
  ['май', 'May'],
  ['июнь', 'June'],
  ['июль', 'July'],
  ['август', 'August'],
  ['сентябрь', 'September'],
  ['октябрь', 'October'],
  ['ноябрь', 'November'],
  ['декабрь', 'December'],
];

const MONTH_TITLE: Pair = ['{name} {year} г.', '{name} {year}'];

/** 'YYYY-MM' as "май 2026 г." / "May 2026"; a month it cannot read stays as it is. */
export function monthTitle(month: string, lang: Lang): string {
  const [year, m] = month.split('-');
  const pair = MONTH_WORDS[Number(m) - 1];
  return say(lang, MONTH_TITLE, { name: pair ? say(lang, pair) : month, year: year ?? '' });
}
