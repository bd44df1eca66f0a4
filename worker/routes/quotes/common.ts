/** What the quote routes share: why a guarded write was refused, the company's today, line rules. */
import { z } from '@hono/zod-openapi';
import { ErrorBody, IdParam, type NewLineBody, type PasteRow, pathId, Quote } from '../../../schema/api';
import { isRealDate, localDate } from '../../domain/calendar';
import { refusalFor, type QuoteAction } from '../../domain/quote-lifecycle';
import { AppError, fieldError, unprocessable, versionConflict } from '../../http/errors';
import { quoteNotFound } from '../../http/lookups';
import { commonErrors, jsonResponse } from '../../http/route';
import { findItem } from '../../store/catalog';
import type { Db } from '../../store/db';
import type { NewLine, WriteResult } from '../../store/quotes';
import { getSettings } from '../../store/settings';
import { ERRORS as E } from '../../domain/words/errors';
import { both } from '../../domain/words/words';

/**
 * A guarded write matched nothing: say why, from the quote as it is now. Checked in the
 * order a person needs: gone, changed by someone else, not in a state for this, then the
 * rule specific to the request.
 */
export async function explain(
  result: WriteResult,
  version: number | null,
  action: QuoteAction,
  specific?: () => Promise<AppError | null>,
): Promise<never> {
  const quote = result.quote;
  if (!quote) throw quoteNotFound();
  if (version !== null && quote.version !== version) throw versionConflict(quote.version);
  const refusal = refusalFor(action, quote.status, quote.latest, quote.supersededAt !== null);
  if (refusal) throw new AppError(refusal.status, refusal.code, refusal);
  const e = specific ? await specific() : null;
  if (e) throw e;
  throw new AppError(409, 'write_refused', both(E.writeRefused));
}

export function checkValidUntil(validUntil: string | null | undefined, today: string) {
  if (validUntil === undefined || validUntil === null) return;
  if (!isRealDate(validUntil)) throw fieldError('validUntil', both(E.notRealDate));
  if (validUntil < today) throw fieldError('validUntil', both(E.dateInPast));
}

/** Why a catalog line was refused: the item, its fixed hours, or a K without a reason. */
export async function lineRuleError(
  db: Db,
  l: { catalogItemId?: number | null; hoursCenti?: number | null; kMilli?: number; kReason?: string },
  prefix = '',
): Promise<AppError | null> {
  if (!l.catalogItemId) return null;
  const item = await findItem(db, l.catalogItemId);
  if (!item?.active) {
    return fieldError(`${prefix}catalogItemId`, both(E.noSuchServiceField));
  }
  if (item.mode === 'fixed' && l.hoursCenti != null && l.hoursCenti !== item.hoursCenti) {
    return unprocessable('fixed_hours', both(E.fixedHours, { code: item.code, hours: item.hoursCenti! / 100 }));
  }
  if (l.kMilli !== undefined && l.kMilli !== item.kMilli && !l.kReason?.trim()) {
    return unprocessable('k_reason_required', both(E.kReasonRequiredFor, { k: item.kMilli / 1000, code: item.code }), [
      { field: `${prefix}kReason`, code: 'required', message: 'required when K differs from the item' },
    ]);
  }
  return null;
}

export function newLineFrom(b: z.infer<typeof NewLineBody> | z.infer<typeof PasteRow>, kindHint?: 'item' | 'free' | 'section'): NewLine {
  const kind = kindHint ?? (b.catalogItemId ? 'item' : 'free');
  return {
    kind,
    catalogItemId: b.catalogItemId ?? null,
    title: b.title ?? null,
    quantityMilli: b.quantityMilli ?? 1000,
    hoursCenti: b.hoursCenti,
    kMilli: b.kMilli,
    kReason: b.kReason ?? '',
    note: 'note' in b ? (b.note ?? '') : '',
    afterLineId: 'afterLineId' in b ? (b.afterLineId ?? null) : null,
  };
}

export async function companyToday(db: Db) {
  const settings = await getSettings(db);
  const today = localDate(Date.now(), settings.timeZone);
  return { settings, today, year: Number(today.slice(0, 4)) };
}

export const LineParams = z.object({
  id: IdParam.shape.id,
  lineId: pathId('lineId'),
});

export const quoteResponses = {
  200: jsonResponse(Quote, 'the whole quote, with totals'),
  409: jsonResponse(ErrorBody, 'stale version or wrong state'),
  422: jsonResponse(ErrorBody, 'a business rule refused it'),
  ...commonErrors,
};
