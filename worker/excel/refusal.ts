/**
 * What a writer declines to write — a quote not fully priced, a file past its row cap — said
 * as data: the route turns it into the API's 422 (excel/ and pdf/ know nothing of HTTP). A
 * writer handed such input anyway throws `DocumentRefused`, a plain error: the route should
 * have answered first, so it is a bug, not an answer.
 */
import { both, type Pair, type Params } from '../domain/words/words';

export interface DocumentRefusal {
  code: string;
  text: { ru: string; en: string };
  details: Record<string, unknown>;
}

export const refusal = (code: string, words: Pair, params: Params, details: Record<string, unknown>): DocumentRefusal => ({
  code,
  text: both(words, params),
  details,
});

export class DocumentRefused extends Error {
  constructor(readonly refusal: DocumentRefusal) {
    super(refusal.text.en);
  }
}

/** Throws `DocumentRefused` for a refusal; writers call it before they write. */
export function unlessRefused(r: DocumentRefusal | null): void {
  if (r) throw new DocumentRefused(r);
}
