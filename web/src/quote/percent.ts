/**
 * Percent fields as a person types them: `10`, `7,5`, `7.5`, `10 %`, `0`, `100`. The API keeps
 * rates in thousandths of one (`discountRateMilli: 100` = 10 %), which are tenths of a percent:
 * so the typed percent, read with one decimal place, IS the API's number.
 */
import { formatMilli, parseFixed, type Lang } from '../../../worker/domain/format';

/** Thousandths of one (tenths of a percent), or null when the text is not a percent from 0 to 100. */
export function parsePercent(text: string): number | null {
  const bare = text.replace(/[\s\u00a0\u202f]/g, '').replace(/%$/, '');
  if (bare === '') return null;
  const milli = parseFixed(bare, 1);
  return milli === null || milli < 0 || milli > 1000 ? null : milli;
}

/** The field's text for a rate: 100 → "10", 75 → "7,5" (the footer adds " %"). */
export function percentText(milli: number, lang: Lang): string {
  return formatMilli(milli * 100, lang);
}
