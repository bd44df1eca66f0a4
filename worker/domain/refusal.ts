/**
 * A business rule's "no", as the domain says it: an HTTP-like status (the API maps it
 * one-to-one), a stable code, the words in both languages, and details for a program.
 * The domain returns refusals; only the HTTP layer turns them into errors.
 */
export interface Refusal {
  /** 400: the input is wrong; 409: the record's state forbids it; 422: a rule refuses it. */
  status: 400 | 409 | 422;
  code: string;
  en: string;
  ru: string;
  details?: unknown;
}

export type Decided<T> = { ok: true; value: T } | { ok: false; refusal: Refusal };

export const decided = <T>(value: T): Decided<T> => ({ ok: true, value });
export const refused = <T>(refusal: Refusal): Decided<T> => ({ ok: false, refusal });

/** A refusal from its words (both languages already filled). */
export const refusal = (status: Refusal['status'], code: string, text: { ru: string; en: string }, details?: unknown): Refusal => ({
  status,
  code,
  ...text,
  details,
});

/** 400 for one field, named in the sentence and in `details` (as the HTTP layer's fieldError). */
export const fieldRefusal = (field: string, text: { ru: string; en: string }): Refusal => ({
  status: 400,
  code: 'validation_failed',
  en: `${field}: ${text.en}`,
  ru: `${field}: ${text.ru}`,
  details: [{ field, code: 'invalid', message: text.en }],
});
