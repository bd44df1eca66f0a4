/**
 * What the API says about input its schemas refuse (worker/http/validate.ts): one phrase per zod
 * issue, `{field}: {phrase}` joined into the 400's sentence.
 */
import type { Pair } from './words';

export const VALIDATION_WORDS = {
  invalidInput: ['Неверные данные — {problems}.', 'Invalid input — {problems}.'],
  body: ['тело запроса', 'body'],
  required: ['обязательное поле', 'is required'],
  expected: ['ожидается {type}', 'must be {type}'],
  minChars: ['не короче {min} симв.', 'must be at least {min} characters'],
  minItems: ['не меньше {min} элем.', 'must have at least {min} items'],
  atLeast: ['не меньше {min}', 'must be at least {min}'],
  greaterThan: ['больше {min}', 'must be greater than {min}'],
  maxChars: ['не длиннее {max} симв.', 'must be at most {max} characters'],
  maxItems: ['не больше {max} элем.', 'must have at most {max} items'],
  atMost: ['не больше {max}', 'must be at most {max}'],
  lessThan: ['меньше {max}', 'must be less than {max}'],
  unknownFields: ['неизвестные поля: {keys}', 'unknown fields: {keys}'],
  unknownField: ['неизвестное поле', 'is not a known field'],
  oneOf: ['допустимые значения: {values}', 'must be one of: {values}'],
  wrongFormat: ['неверный формат ({format})', 'has the wrong format ({format})'],
  multipleOf: ['должно быть кратно {divisor}', 'must be a multiple of {divisor}'],
  personName: ['должно быть именем человека', 'must be a person’s name'],
  isoInstant: [
    'должно быть моментом времени ISO, например 2026-05-01T09:30:00.000Z',
    'must be an ISO instant like 2026-05-01T09:30:00.000Z',
  ],
} as const satisfies Record<string, Pair>;

/** The type a field should have, as the phrase `expected` names it. */
export const TYPE_WORDS = {
  int: ['целое число', 'an integer'],
  number: ['число', 'a number'],
  string: ['строка', 'text'],
  boolean: ['true или false', 'true or false'],
  object: ['объект', 'an object'],
  array: ['список', 'a list'],
} as const satisfies Record<string, Pair>;
