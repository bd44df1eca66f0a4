/**
 * What a manager reads when a write fails: words, never an API field name (`afterLineId`,
 * `discountRateMilli`) or an HTTP status.
 */
import { ApiError } from '../api';
import { t, midSentence } from '../i18n';
import { fieldWord } from './field-words';

/** Replaces every camelCase identifier (and «(kReason)» asides) with words. */
export function withoutFieldNames(text: string): string {
  return text
    .replace(/\s*\((?:[a-z]+[A-Z]\w*)\)/g, '')
    .replace(
      /\brows\[(\d+)\]\.?(\w*)/g,
      (_, n: string, f: string) => `${midSentence(t('row'))} ${Number(n) + 1}${f ? ` — ${fieldWord(f)}` : ''}`,
    )
    .replace(/\b[a-z]+[A-Z]\w*\b/g, (name) => fieldWord(name));
}

export function managerMessage(error: unknown): string {
  if (!(error instanceof ApiError)) {
    return t('notSavedRetry');
  }
  if (error.status === 0) return t('networkDownRetry');
  if (error.status >= 500 || error.status === 429) {
    return t('serverFailedRetry');
  }
  return withoutFieldNames(error.message);
}
