/**
 * The catalogue of words: every text a person reads — in the UI, the Excel and PDF documents,
 * the customer's page, e-mails and error messages — comes from a table of pairs
 * `[Russian, English]` keyed by a code, in one of the modules of this folder (statuses.ts,
 * documents.ts, …). Pure data and two small functions: the Worker and the web UI import the
 * same tables, so a word changed here changes everywhere.
 *
 * Templates name their parameters in braces: `'Нужно {need} нормо-ч'`; `say` fills them.
 */
import type { Lang } from '../format';

export type { Lang };

/** A text in both languages: Russian first (the product's default), then English. */
export type Pair = readonly [ru: string, en: string];

export type Table = Readonly<Record<string, Pair>>;

export type Params = Readonly<Record<string, string | number>>;

/** Fills `{name}` in a template; a name without a value is left as it is, visibly. */
export function fill(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** The pair's text in `lang`, its parameters filled. */
export function say(lang: Lang, pair: Pair, params?: Params): string {
  return fill(pair[lang === 'ru' ? 0 : 1], params);
}

/** A reader of one table in one language: `const w = wordsOf(DOCUMENT, 'ru'); w('total')`. */
export function wordsOf<T extends Table>(table: T, lang: Lang) {
  return (key: keyof T & string, params?: Params): string => say(lang, table[key]!, params);
}

/** Both languages of a pair with its parameters filled (for errors that answer in the request's language). */
export function both(pair: Pair, params?: Params): { ru: string; en: string } {
  return { ru: fill(pair[0], params), en: fill(pair[1], params) };
}

/** Both languages of a pair with parameters that differ by language (numbers, dates, money). */
export function bothOf(pair: Pair, params: (lang: Lang) => Params): { ru: string; en: string } {
  return { ru: fill(pair[0], params('ru')), en: fill(pair[1], params('en')) };
}
