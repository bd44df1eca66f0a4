/**
 * One error type for everything a client can cause, mapped by `app.onError` to the
 * API.md shape: {"error": {"code", "message", "details"?}}. Messages exist in Russian and
 * English; the request's language picks one.
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Lang } from '../domain/format';
import { ArithmeticRangeError } from '../domain/money';
import type { Decided, Refusal } from '../domain/refusal';
import { ERRORS as E } from '../domain/words/errors';
import { both } from '../domain/words/words';

export interface Message {
  en: string;
  ru: string;
}

export class AppError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    readonly text: Message,
    readonly details?: unknown,
    readonly headers?: Record<string, string>,
  ) {
    super(text.en);
  }
}

/** The domain's refusal as the API's error. */
export const refusalError = (r: Refusal) => new AppError(r.status, r.code, r, r.details);

/** The decided value, or the refusal thrown as the API's error. */
export function orThrow<T>(d: Decided<T>): T {
  if (!d.ok) throw refusalError(d.refusal);
  return d.value;
}

export const badRequest = (text: Message, details?: unknown) => new AppError(400, 'validation_failed', text, details);

/** 400 for one field that the schema could not judge: the field named in the sentence and in `details`. */
export const fieldError = (field: string, text: Message) =>
  badRequest({ en: `${field}: ${text.en}`, ru: `${field}: ${text.ru}` }, [{ field, code: 'invalid', message: text.en }]);
export const notFound = (what: Message = both(E.notFound)) => new AppError(404, 'not_found', what);
export const conflict = (code: string, text: Message, details?: unknown) => new AppError(409, code, text, details);
export const unprocessable = (code: string, text: Message, details?: unknown) => new AppError(422, code, text, details);

export const versionConflict = (currentVersion: number) => conflict('version_conflict', both(E.quoteVersionConflict), { currentVersion });

/** ru when the client asks for Russian first (the UI sends its language), otherwise en. */
export function requestLang(c: Context): Lang {
  const query = c.req.query('lang');
  if (query === 'ru' || query === 'en') return query;
  const header = c.req.header('accept-language') ?? '';
  const first = header.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('ru') ? 'ru' : 'en';
}

export function errorBody(code: string, message: string, details?: unknown) {
  return details === undefined ? { error: { code, message } } : { error: { code, message, details } };
}

export function errorResponse(c: Context, err: AppError): Response {
  const lang = requestLang(c);
  const res = c.json(errorBody(err.code, err.text[lang], err.details), err.status);
  if (err.headers) for (const [k, v] of Object.entries(err.headers)) res.headers.set(k, v);
  return res;
}

/** What `app.onError` does: our errors as they are, Hono's as 4xx, the rest as a logged 500. */
export function handleError(err: unknown, c: Context): Response {
  if (err instanceof AppError) return errorResponse(c, err);
  if (err instanceof ArithmeticRangeError) {
    return errorResponse(c, unprocessable('amount_too_large', both(E.amountTooLarge)));
  }
  if (err instanceof Error && /period_closed/.test(err.message)) {
    // The database's own guard (migration 0006): an entry dated in a closed month, past every check.
    return errorResponse(c, unprocessable('period_closed', both(E.periodClosed)));
  }
  if (err instanceof HTTPException) {
    const status = err.status;
    if (status === 400) {
      return errorResponse(c, badRequest(both(E.invalidJson)));
    }
    if (status === 413) {
      return errorResponse(c, new AppError(413, 'payload_too_large', both(E.payloadTooLarge)));
    }
    if (status === 415) {
      return errorResponse(c, new AppError(415, 'unsupported_media_type', both(E.unsupportedMediaType)));
    }
    return errorResponse(c, new AppError(status as ContentfulStatusCode, 'http_error', { en: err.message, ru: err.message }));
  }
  console.error('unhandled error', c.req.method, c.req.path, err);
  return errorResponse(c, new AppError(500, 'internal_error', both(E.internalError)));
}
