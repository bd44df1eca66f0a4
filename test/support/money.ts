/**
 * Fixtures for the money tests: customers with balances, accepted quotes, work orders,
 * projects with pledges — made through the API as people make them — and the facts of the
 * database that the assertions compare (ledger, debit items, balances).
 */
import { env } from 'cloudflare:test';
import { expect } from 'vitest';
import { ORIGIN, call, fetchWorker, freshIp, ok } from './api';

let counter = 0;
/** A fresh Idempotency-Key. */
export const key = () => `key-${++counter}-${Math.random().toString(36).slice(2)}`;
export { freshIp } from './api';

let items: Record<string, { id: number; hoursCenti: number | null; kMilli: number }> | null = null;
export async function catalog() {
  items ??= Object.fromEntries((await ok<any[]>('GET', '/api/catalog/items')).map((i) => [i.code, i]));
  return items!;
}

export async function newCustomer(overdraftCenti = 0) {
  return ok('POST', '/api/customers', { as: 'accountant', body: { name: `Заказчик ${++counter}`, overdraftCenti } }, 201);
}

export async function topup(customerId: number, normHoursCenti: number, extra: Record<string, unknown> = {}) {
  return ok(
    'POST',
    `/api/customers/${customerId}/ledger`,
    { as: 'accountant', body: { kind: 'topup', normHoursCenti, memo: 'Пакет расширенной поддержки', ...extra } },
    201,
  );
}

export const balance = async (customerId: number) => (await ok('GET', `/api/customers/${customerId}/balance`)).normHoursCenti as number;

export type LineSpec = [code: string, hoursCenti?: number, kMilli?: number, quantityMilli?: number];

export interface QuoteTerms {
  discountRateMilli?: number;
  vatMode?: 'none' | 'on_top' | 'included';
  vatRateMilli?: number;
}

/** A quote of these catalog lines (on these terms), sent, shared and accepted by the customer through the link. */
export async function acceptedQuote(customerId: number, lines: LineSpec[], terms: QuoteTerms = {}) {
  const catalogItems = await catalog();
  let q = await ok('POST', '/api/quotes', { body: { customerId, title: 'Работы', ...terms } }, 201);
  for (const [code, hoursCenti, kMilli, quantityMilli] of lines) {
    const body: Record<string, unknown> = { version: q.version, catalogItemId: catalogItems[code]!.id };
    if (hoursCenti !== undefined) body.hoursCenti = hoursCenti;
    if (kMilli !== undefined) Object.assign(body, { kMilli, kReason: 'особый случай' });
    if (quantityMilli !== undefined) body.quantityMilli = quantityMilli;
    q = await ok('POST', `/api/quotes/${q.id}/lines`, { body }, 201);
  }
  q = await ok('POST', `/api/quotes/${q.id}/send`, { body: { version: q.version } });
  const { token } = await ok('POST', `/api/quotes/${q.id}/share`, {}, 201);
  const res = await fetchWorker(`/api/shared/${token}/accept`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: ORIGIN, 'cf-connecting-ip': freshIp() },
    body: JSON.stringify({ name: 'Иван Петров' }),
  });
  expect(res.status).toBe(200);
  return q;
}

/** An accepted quote turned into a running work order (the balance is topped up first). */
export async function runningOrder(
  customerId: number,
  lines: LineSpec[],
  body: Record<string, unknown> = { split: 'single' },
  terms: QuoteTerms = {},
) {
  const q = await acceptedQuote(customerId, lines, terms);
  return ok('POST', `/api/quotes/${q.id}/order`, { body }, 201);
}

export const acceptStage = (
  orderId: number,
  n: number,
  k = key(),
  body: unknown = {},
  as: 'accountant' | 'manager' | 'admin' = 'accountant',
) => call('POST', `/api/orders/${orderId}/stages/${n}/accept`, { as, body, headers: { 'idempotency-key': k } });

/** The month a debit made now belongs to (Moscow, the demo time zone). */
export const thisMonth = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Moscow', year: 'numeric', month: '2-digit' }).format(new Date()).slice(0, 7);

/** What the database holds for a customer: entries, debit items, and whether the kept balance equals the ledger. */
export async function ledgerFacts(customerId: number) {
  const entries = (
    await env.DB.prepare(
      'select id, kind, norm_hours_centi as n, money_minor as m, idempotency_key as k from ledger_entries where customer_id = ? ' +
        'order by id',
    )
      .bind(customerId)
      .all<{ id: number; kind: string; n: number; m: number; k: string | null }>()
  ).results;
  const items = (
    await env.DB.prepare(
      'select i.entry_id as entryId, i.code, i.norm_hours_centi as n, i.money_minor as m from debit_items i join ledger_entries e on ' +
        'e.id = i.entry_id where e.customer_id = ? order by i.id',
    )
      .bind(customerId)
      .all<{ entryId: number; code: string; n: number; m: number }>()
  ).results;
  const kept = await env.DB.prepare('select balance_centi as b from customers where id = ?').bind(customerId).first<{ b: number }>();
  const sum = entries.reduce((s, e) => s + e.n, 0);
  expect(kept?.b, 'the kept balance is the sum of the ledger').toBe(sum);
  return { entries, items, balanceCenti: sum };
}

/** Sends `n` copies of a request at once; answers their statuses and bodies. */
export async function burst(n: number, send: (i: number) => Promise<Response>) {
  const responses = await Promise.all(Array.from({ length: n }, (_, i) => send(i)));
  return Promise.all(
    responses.map(async (r) => ({ status: r.status, body: await r.text(), replayed: r.headers.get('idempotent-replayed') === 'true' })),
  );
}

/** Lets the tests date entries months back (the default limit is 45 days). */
export async function allowBackdating(days = 3650) {
  const s = await ok('GET', '/api/settings');
  if (s.backdateDays !== days) await ok('PATCH', '/api/settings', { as: 'admin', body: { version: s.version, backdateDays: days } });
}
