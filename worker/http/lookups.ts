/** The records a route names by id, or the API.md 404 when there is no such record. */
import { localMonth, monthRange } from '../domain/calendar';
import { isClosed } from '../domain/periods';
import type { QuoteView } from '../domain/quote';
import { findCustomer } from '../store/customers';
import type { Db } from '../store/db';
import { closedRange, closedThrough } from '../store/periods';
import { getQuote, type QuoteDetail } from '../store/quotes';
import { getSettings } from '../store/settings';
import { fieldError, notFound } from './errors';
import { ERRORS as E } from '../domain/words/errors';
import { both } from '../domain/words/words';

export const quoteNotFound = () => notFound(both(E.noSuchQuote));
export const customerNotFound = () => notFound(both(E.noSuchCustomer));

export async function quoteOr404(db: Db, id: number, detail: QuoteDetail = 'full'): Promise<QuoteView> {
  const quote = await getQuote(db, id, detail);
  if (!quote) throw quoteNotFound();
  return quote;
}

export async function customerOr404(db: Db, id: number) {
  const customer = await findCustomer(db, id);
  if (!customer) throw customerNotFound();
  return customer;
}

/**
 * A month a report or statement is asked for: not in the future (the company's time zone); its
 * instants — a closed month's as they were when it closed, so its figures never move — and
 * whether it is closed; the settings; the customer when one is named (404 otherwise).
 */
export async function reportMonth(db: Db, month: string, customerId?: number) {
  const [settings, through, stored] = await Promise.all([getSettings(db), closedThrough(db), closedRange(db, month)]);
  if (month > localMonth(Date.now(), settings.timeZone)) {
    throw fieldError('month', both(E.monthNotBegun, { month }));
  }
  const customer = customerId !== undefined ? await customerOr404(db, customerId) : null;
  return { settings, range: stored ?? monthRange(month, settings.timeZone), closed: isClosed(month, through?.month ?? null), customer };
}
