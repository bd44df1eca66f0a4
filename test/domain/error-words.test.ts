/**
 * The API's error messages come from the catalogue (worker/domain/words/errors.ts, validation.ts):
 * every pair says something in both languages with the same `{names}`, and no route or HTTP module
 * writes a Russian word (an inline `{ en: '…', ru: '…' }` message) again.
 */
import { describe, expect, it } from 'vitest';
import { ERRORS } from '../../worker/domain/words/errors';
import { TYPE_WORDS, VALIDATION_WORDS } from '../../worker/domain/words/validation';
import type { Pair } from '../../worker/domain/words/words';

const TABLES: Record<string, Readonly<Record<string, Pair>>> = { ERRORS, VALIDATION_WORDS, TYPE_WORDS };

const names = (template: string) => [...new Set([...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();

const sources = import.meta.glob(['../../worker/routes/**/*.ts', '../../worker/http/**/*.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

describe('error words', () => {
  it('every key has both languages, non-empty, with the same placeholders', () => {
    const problems: string[] = [];
    for (const [table, pairs] of Object.entries(TABLES)) {
      for (const [key, [ru, en]] of Object.entries(pairs)) {
        if (!ru.trim() || !en.trim()) problems.push(`${table}.${key}: empty`);
        if (names(ru).join() !== names(en).join()) problems.push(`${table}.${key}: {${names(ru)}} ≠ {${names(en)}}`);
      }
    }
    expect(Object.keys(ERRORS).length).toBeGreaterThan(100);
    expect(problems).toEqual([]);
  });

  it('routes and http/ write no Russian text of their own', () => {
    expect(Object.keys(sources).length).toBeGreaterThan(30);
    // Comments and the OpenAPI summaries may quote a Russian term («готов к приёмке»); code may not.
    const code = (text: string) =>
      text
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1')
        // an OpenAPI summary or description, also when split over lines as 'a' + 'b'
        .replace(/\b(summary|description):\s*'(?:[^'\\\n]|\\.)*'(?:\s*\+\s*'(?:[^'\\\n]|\\.)*')*/g, '$1: ""');
    const russian = Object.entries(sources).flatMap(([path, text]) =>
      code(text)
        .split('\n')
        .filter((line) => /[\u0400-\u04FF]/.test(line))
        .map((line) => `${path.replace('../../worker/', '')}: ${line.trim()}`),
    );
    expect(russian).toEqual([]);
  });
});
