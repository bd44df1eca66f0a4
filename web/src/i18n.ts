/**
 * The UI's language and its words. Every text comes from the catalogue of words
 * (worker/domain/words/ui): `t('key', params)` reads a UI entry in the current language,
 * `word(pair)` reads an entry keyed by a code (a status, a kind, a role), `plural('key', n)`
 * picks a form by the number. Numbers and money go through domain/format.
 */
import type { Lang } from '../../worker/domain/format';
import { lowerFirst } from '../../worker/domain/words/case';
import { UI_PLURAL_WORDS, UI_WORDS, type PluralKey, type UiKey, type UiWords } from '../../worker/domain/words/ui';
import { say, type Pair, type Params } from '../../worker/domain/words/words';

export type { Lang, PluralKey, UiKey };

let current: Lang = readStoredLang();

function readStoredLang(): Lang {
  try {
    const stored = globalThis.localStorage?.getItem('lang');
    if (stored === 'en' || stored === 'ru') return stored;
  } catch {
    // storage may be unavailable (private mode); Russian is the default anyway
  }
  return 'ru';
}

export function getLang(): Lang {
  return current;
}

export function setLang(lang: Lang) {
  current = lang;
  try {
    localStorage.setItem('lang', lang);
  } catch {
    // not persisted: fine
  }
  document.documentElement.lang = lang;
}

/** The names in braces of a template: 'Этап {n} из {total}' → 'n' | 'total'. */
type Names<S> = S extends `${string}{${infer Name}}${infer Rest}` ? Name | Names<Rest> : never;
type ParamsOf<K extends UiKey> = Names<UiWords[K][0]>;
/** A key with `{names}` needs them all; a key without takes none. */
type Args<K extends UiKey> = [ParamsOf<K>] extends [never] ? [] : [params: Record<ParamsOf<K>, string | number>];

/** A UI word in the current language: `t('newQuote')`, `t('stageAccepted', { n: 2 })`. */
export function t<K extends UiKey>(key: K, ...params: Args<K>): string {
  return say(current, UI_WORDS[key], params[0]);
}

/** An entry keyed by a code (statuses.ts, kinds.ts…) in the current language. */
export function word(pair: Pair, params?: Params): string {
  return say(current, pair, params);
}

/** A word in the middle of a sentence: «Скидка» → «скидка», but «НДС» and «K» stay. */
export function midSentence(text: string): string {
  return /^\p{Lu}\p{Ll}/u.test(text) ? lowerFirst(text) : text;
}

/** Russian: 1 строка, 2 строки, 5 строк; English: 1 row, 2 rows. */
function formIndex(n: number, lang: Lang): number {
  if (lang === 'en') return n === 1 ? 0 : 1;
  const n10 = n % 10;
  const n100 = n % 100;
  if (n10 === 1 && n100 !== 11) return 0;
  if (n10 >= 2 && n10 <= 4 && (n100 < 12 || n100 > 14)) return 1;
  return 2;
}

/** The form of a counted word for `n`, with {n} filled: plural('rows', 5) → «5 строк». */
export function plural(key: PluralKey, n: number): string {
  const forms = say(current, UI_PLURAL_WORDS[key]).split('|');
  const form = forms[Math.min(formIndex(n, current), forms.length - 1)] ?? '';
  return form.replace(/\{n\}/g, String(n));
}
