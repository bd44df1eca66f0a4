/**
 * The staff UI's words live in the catalogue (worker/domain/words/ui): web/src holds no Russian
 * text and no inline `tr('…', '…')` pair, every key it reads is there in both languages, a
 * template says the same `{names}` in both, and the UI copies no word a document already has.
 */
import { describe, expect, it } from 'vitest';
import { CROWDFUNDING_WORDS } from '../../worker/domain/words/crowdfunding';
import { CUSTOMER_DATA_WORDS } from '../../worker/domain/words/customer-data';
import { PAGE_WORDS } from '../../worker/domain/words/customer-page';
import { DOCUMENT_WORDS } from '../../worker/domain/words/documents';
import { LEDGER_WORDS } from '../../worker/domain/words/ledger';
import { REPORT_WORDS } from '../../worker/domain/words/reports';
import * as KINDS from '../../worker/domain/words/kinds';
import * as STATUSES from '../../worker/domain/words/statuses';
import {
  AUDIT_FIELD_WORDS,
  CATALOG_SECTION_WORDS,
  LINK_STATE_WORDS,
  NOTIFICATION_KIND_WORDS,
  QUOTE_FIELD_WORDS,
  UI_PLURAL_WORDS,
  UI_WORDS,
} from '../../worker/domain/words/ui';
import type { Pair } from '../../worker/domain/words/words';

const sources = import.meta.glob('../../web/src/**/*.{ts,tsx}', { query: '?raw', import: 'default', eager: true }) as Record<
  string,
  string
>;

/** The source without its comments (a `//` inside a string may cut a line short: that can only hide text, never invent it). */
const code = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');

/** What a screen would show in Russian without the catalogue: a `tr` pair, or any Cyrillic in the code (a string, a template, JSX text). */
function wordsInCode(text: string): string[] {
  const pairs = code(text).match(/\btr\(\s*(['"`])/g) ?? [];
  const cyrillic = code(text)
    .split('\n')
    .filter((line) => /[\u0400-\u04FF]/.test(line))
    .map((line) => line.trim());
  return [...pairs, ...cyrillic];
}

const names = (template: string) => [...new Set([...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();

const KEYED: Record<string, Readonly<Record<string, Pair>>> = {
  CATALOG_SECTION_WORDS,
  LINK_STATE_WORDS,
  NOTIFICATION_KIND_WORDS,
  QUOTE_FIELD_WORDS,
  AUDIT_FIELD_WORDS,
  ...KINDS,
  ...STATUSES,
};

describe('the UI’s words', () => {
  it('web/src keeps no words of its own: no tr(ru, en) pair, no Cyrillic outside comments', () => {
    const files = Object.keys(sources);
    expect(files.some((f) => f.endsWith('web/src/pages/quote-editor.tsx'))).toBe(true);
    const found = Object.entries(sources).flatMap(([file, text]) => wordsInCode(text).map((w) => `${file}: ${w.slice(0, 80)}`));
    expect(found).toEqual([]);
    // The check itself sees a pair, a string, a template and JSX text, and no comment.
    expect(wordsInCode("toast(tr('Сохранено', 'Saved'));")).toHaveLength(2);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a sample of source code, read as text
    expect(wordsInCode('const a = `Итого ${n}`;')).toHaveLength(1);
    expect(wordsInCode('<th scope="col">Итого</th>')).toHaveLength(1);
    expect(wordsInCode('tr(word.ru, word.en) + tr(`x`, `y`)')).toHaveLength(1);
    expect(wordsInCode("/** 'Итого' */ // «Итого»\nconst a = t('total'); // Итого\nconst u = 'https://x.ru/путь'.length;")).toHaveLength(1);
  });

  it('every key the web reads is in the catalogue, in both languages, with the same {names}', () => {
    const used = new Set<string>();
    const plurals = new Set<string>();
    for (const text of Object.values(sources)) {
      for (const m of code(text).matchAll(/\bt\(\s*'(\w+)'/g)) used.add(m[1]!);
      for (const m of code(text).matchAll(/\bplural\(\s*'(\w+)'/g)) plurals.add(m[1]!);
      // The menu names its words by key (app.tsx NAV: label: 'quotes').
      for (const m of code(text).matchAll(/\blabel: '(\w+)'/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(300);
    const words = UI_WORDS as Readonly<Record<string, Pair>>;
    expect([...used].filter((key) => !words[key])).toEqual([]);
    expect([...plurals].filter((key) => !(key in UI_PLURAL_WORDS))).toEqual([]);
    // …and the catalogue holds nothing the web does not read.
    expect(Object.keys(words).filter((key) => !used.has(key))).toEqual([]);

    const tables: Record<string, Readonly<Record<string, Pair>>> = { UI_WORDS: words, UI_PLURAL_WORDS, ...KEYED };
    const bad: string[] = [];
    for (const [name, table] of Object.entries(tables)) {
      for (const [key, [ru, en]] of Object.entries(table)) {
        if (!ru.trim() || !en.trim()) bad.push(`${name}.${key}: empty`);
        if (names(ru).join() !== names(en).join()) bad.push(`${name}.${key}: {${names(ru)}} ≠ {${names(en)}}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('plural forms: one | few | many in Russian, one | other in English, each with {n}', () => {
    for (const [key, [ru, en]] of Object.entries(UI_PLURAL_WORDS)) {
      expect(ru.split('|'), key).toHaveLength(3);
      expect(en.split('|'), key).toHaveLength(2);
      expect(
        [...ru.split('|'), ...en.split('|')].every((form) => form.includes('{n}')),
        key,
      ).toBe(true);
    }
  });

  it('one meaning, one pair: the UI reads the documents’ pairs, it does not copy them', () => {
    const documents = {
      DOCUMENT_WORDS,
      LEDGER_WORDS,
      REPORT_WORDS,
      CROWDFUNDING_WORDS,
      CUSTOMER_DATA_WORDS,
      PAGE_WORDS,
      ...KINDS,
      ...STATUSES,
    };
    const owner = new Map<string, { pairs: Pair[]; where: string }>();
    for (const [name, table] of Object.entries(documents)) {
      for (const [key, pair] of Object.entries(table as Record<string, Pair>)) {
        const text = pair.join(' | ');
        const known = owner.get(text);
        if (known) known.pairs.push(pair);
        else owner.set(text, { pairs: [pair], where: `${name}.${key}` });
      }
    }
    /** The same words, another meaning: the product's name is not the norm-hours column. */
    const HOMONYMS = new Set(['UI_WORDS.appName']);
    const copies: string[] = [];
    const ui = { UI_WORDS, QUOTE_FIELD_WORDS, AUDIT_FIELD_WORDS, LINK_STATE_WORDS, NOTIFICATION_KIND_WORDS, CATALOG_SECTION_WORDS };
    for (const [name, table] of Object.entries(ui)) {
      for (const [key, pair] of Object.entries(table as Record<string, Pair>)) {
        const text = pair.join(' | ');
        const first = owner.get(text);
        if (first && !first.pairs.includes(pair) && !HOMONYMS.has(`${name}.${key}`))
          copies.push(`${name}.${key} copies ${first.where}: ${text}`);
        else if (!first) owner.set(text, { pairs: [pair], where: `${name}.${key}` });
      }
    }
    expect(copies).toEqual([]);
    // The shared ones are the documents' objects themselves.
    expect(UI_WORDS.total).toBe(DOCUMENT_WORDS.total);
    expect(UI_WORDS.normHourBalance).toBe(LEDGER_WORDS.balance);
  });
});
