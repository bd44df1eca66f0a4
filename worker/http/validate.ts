/**
 * zod failures → 400 `validation_failed`, with one entry per failing field in `details`
 * and a first sentence that names the field, in the request's language.
 */
import type { Context } from 'hono';
import type { z } from 'zod';
import { TYPE_WORDS, VALIDATION_WORDS } from '../domain/words/validation';
import { say, wordsOf, type Lang } from '../domain/words/words';
import { AppError, requestLang } from './errors';

type Issue = z.core.$ZodIssue;

export interface FieldProblem {
  field: string;
  code: string;
  message: string;
}

function fieldName(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '';
  return path
    .map((p) => (typeof p === 'number' ? `[${p}]` : String(p)))
    .join('.')
    .replace(/\.\[/g, '[');
}

function describe(issue: Issue, lang: Lang): string {
  const w = wordsOf(VALIDATION_WORDS, lang);
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return w('required');
      return w('expected', { type: typeWord(issue.expected, lang) });
    case 'too_small': {
      const min = String(issue.minimum);
      if (issue.origin === 'string') return w('minChars', { min });
      if (issue.origin === 'array') return w('minItems', { min });
      return w(issue.inclusive ? 'atLeast' : 'greaterThan', { min });
    }
    case 'too_big': {
      const max = String(issue.maximum);
      if (issue.origin === 'string') return w('maxChars', { max });
      if (issue.origin === 'array') return w('maxItems', { max });
      return w(issue.inclusive ? 'atMost' : 'lessThan', { max });
    }
    case 'unrecognized_keys':
      return w('unknownFields', { keys: issue.keys.join(', ') });
    case 'invalid_value':
      return w('oneOf', { values: issue.values.map(String).join(', ') });
    case 'invalid_format':
      return w('wrongFormat', { format: issue.format });
    case 'not_multiple_of':
      return w('multipleOf', { divisor: String(issue.divisor) });
    case 'custom': {
      // A refinement names its Russian phrase in params.ru (its message is the English one).
      const params = (issue.params ?? {}) as { ru?: string };
      return lang === 'ru' && params.ru ? params.ru : issue.message;
    }
    default:
      return issue.message;
  }
}

function typeWord(expected: string, lang: Lang): string {
  return Object.hasOwn(TYPE_WORDS, expected) ? say(lang, TYPE_WORDS[expected as keyof typeof TYPE_WORDS]) : expected;
}

export function problemsOf(error: z.ZodError, lang: Lang): FieldProblem[] {
  return error.issues.flatMap((issue): FieldProblem[] => {
    if (issue.code === 'unrecognized_keys') {
      // One entry per unknown field, named by its own path.
      return issue.keys.map((key) => ({
        field: fieldName([...issue.path, key]),
        code: issue.code,
        message: say(lang, VALIDATION_WORDS.unknownField),
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
      en: say('en', VALIDATION_WORDS.invalidInput, { problems: sentence(en, where) }),
      ru: say('ru', VALIDATION_WORDS.invalidInput, { problems: sentence(ru, where === 'body' ? say('ru', VALIDATION_WORDS.body) : where) }),
    },
    details,
  );
}

/** The `defaultHook` of every router: turns a failed validation into our 400. */
export function validationHook(result: { success: true } | { success: false; error: z.ZodError; target?: string }, c: Context): void {
  if (!result.success) throw validationError(c, result.error, result.target ?? 'json');
}
