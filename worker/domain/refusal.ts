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
