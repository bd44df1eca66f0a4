/**
 * zod failures → 400 `validation_failed`, with one entry per failing field in `details`
 * and a first sentence that names the field, in the request's language.
 */
import type { Context } from 'hono';
import type { z } from 'zod';
import { AppError, requestLang } from './errors';

type Issue = z.core.$ZodIssue;

export interface FieldProblem {
  field: string;
  code: string;
  message: string;
}

function fieldName(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '';
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : String(p))).join('.').replace(/\.\[/g, '[');
}

function describe(issue: Issue, lang: 'en' | 'ru'): string {
  const ru = lang === 'ru';
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return ru ? 'обязательное поле' : 'is required';
      return ru ? `ожидается ${typeWord(issue.expected, lang)}` : `must be ${typeWord(issue.expected, lang)}`;
    case 'too_small': {
      const min = String(issue.minimum);
      if (issue.origin === 'string') return ru ? `не короче ${min} симв.` : `must be at least ${min} characters`;
      if (issue.origin === 'array') return ru ? `не меньше ${min} элем.` : `must have at least ${min} items`;
      return issue.inclusive
        ? ru ? `не меньше ${min}` : `must be at least ${min}`
        : ru ? `больше ${min}` : `must be greater than ${min}`;
    }
    case 'too_big': {
      const max = String(issue.maximum);
      if (issue.origin === 'string') return ru ? `не длиннее ${max} симв.` : `must be at most ${max} characters`;
      if (issue.origin === 'array') return ru ? `не больше ${max} элем.` : `must have at most ${max} items`;
      return issue.inclusive
        ? ru ? `не больше ${max}` : `must be at most ${max}`
        : ru ? `меньше ${max}` : `must be less than ${max}`;
    }
    case 'unrecognized_keys':
      return ru ? `неизвестные поля: ${issue.keys.join(', ')}` : `unknown fields: ${issue.keys.join(', ')}`;
    case 'invalid_value':
      return ru
        ? `допустимые значения: ${issue.values.map(String).join(', ')}`
        : `must be one of: ${issue.values.map(String).join(', ')}`;
    case 'invalid_format':
      return ru ? `неверный формат (${issue.format})` : `has the wrong format (${issue.format})`;
    case 'not_multiple_of':
      return ru ? `должно быть кратно ${String(issue.divisor)}` : `must be a multiple of ${String(issue.divisor)}`;
    case 'custom': {
      const params = (issue.params ?? {}) as { ru?: string };
      return ru && params.ru ? params.ru : issue.message;
    }
    default:
      return issue.message;
  }
}

function typeWord(expected: string, lang: 'en' | 'ru'): string {
  const words: Record<string, [string, string]> = {
    int: ['an integer', 'целое число'],
    number: ['a number', 'число'],
    string: ['text', 'строка'],
    boolean: ['true or false', 'true или false'],
    object: ['an object', 'объект'],
    array: ['a list', 'список'],
  };
  const w = words[expected];
  return w ? (lang === 'ru' ? w[1] : w[0]) : expected;
}

export function problemsOf(error: z.ZodError, lang: 'en' | 'ru'): FieldProblem[] {
  return error.issues.flatMap((issue): FieldProblem[] => {
    if (issue.code === 'unrecognized_keys') {
      // One entry per unknown field, named by its own path.
      return issue.keys.map((key) => ({
        field: fieldName([...issue.path, key]),
        code: issue.code,
        message: lang === 'ru' ? 'неизвестное поле' : 'is not a known field',
      }));
    }
    return [{ field: fieldName(issue.path), code: issue.code, message: describe(issue, lang) }];
  });
}

export function validationError(c: Context, error: z.ZodError, target: string): AppError {
  const en = problemsOf(error, 'en');
  const ru = problemsOf(error, 'ru');
  const lang = requestLang(c);
  const details = lang === 'ru' ? ru : en;
  const sentence = (ps: FieldProblem[], prefix: string) =>
    ps
      .slice(0, 3)
      .map((p) => (p.field ? `${p.field}: ${p.message}` : `${prefix}: ${p.message}`))
      .join('; ');
  const where = target === 'json' ? 'body' : target;
  return new AppError(
    400,
    'validation_failed',
    {
      en: `Invalid input — ${sentence(en, where)}.`,
      ru: `Неверные данные — ${sentence(ru, where === 'body' ? 'тело запроса' : where)}.`,
    },
    details,
  );
}

/** The `defaultHook` of every router: turns a failed validation into our 400. */
export function validationHook(
  result: { success: true } | { success: false; error: z.ZodError; target?: string },
  c: Context,
): void {
  if (!result.success) throw validationError(c, result.error, result.target ?? 'json');
}
