/** The records a route names by id, or the API.md 404 when there is no such record. */
import type { QuoteView } from '../domain/quote';
import { findCustomer } from '../store/customers';
import type { Db } from '../store/db';
import { getQuote, type QuoteDetail } from '../store/quotes';
import { notFound } from './errors';

export const quoteNotFound = () => notFound({ en: 'No such quote.', ru: 'Такой сметы нет.' });
export const customerNotFound = () => notFound({ en: 'No such customer.', ru: 'Такого заказчика нет.' });

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
