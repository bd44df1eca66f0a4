/**
 * Words that change with a number: the forms by the language's rule, separated by «|» —
 * one | few | many in Russian, one | other in English; {n} is the number. Only `plural()` in
 * the web reads them (web/src/i18n.ts), so the forms are never shown together.
 */
import type { Table } from '../words';

export const UI_PLURAL_WORDS = {
  rows: ['{n} строка|{n} строки|{n} строк', '{n} row|{n} rows'],
  /** «Добавить 1 строку»: the accusative. */
  rowsToAdd: ['{n} строку|{n} строки|{n} строк', '{n} row|{n} rows'],
  pasteWillAdd: [
    'Будет добавлена {n} строка|Будут добавлены {n} строки|Будет добавлено {n} строк',
    '{n} row will be added|{n} rows will be added',
  ],
  pasteSkipped: ['{n} пропущена|{n} пропущены|{n} пропущено', '{n} skipped|{n} skipped'],
} as const satisfies Table;
