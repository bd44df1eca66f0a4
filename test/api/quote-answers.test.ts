/**
 * What the staff quote answers carry (issue 19): a line's pricing and wording, but not what
 * its service is (specialist category, the four texts) — that is GET /api/quotes/:id/services,
 * on demand, once per catalog item (a line has its own only when it differs: frozen on another
 * day) — and line writes that answer only the change (`?answer=change`): the line, the totals,
 * the new version and the order, which, merged into the quote read before, is the quote read after.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { lineAmountMinor } from '../../worker/domain/pricing';
import { applyQuoteChange } from '../../worker/domain/quote-change';
import { call, fails, fetchWorker, freshIp, ok } from '../support/api';

type Info = { categoryName: string; description: string; inputs: string; result: string; limits: string };
type Item = { id: number; code: string; version: number; hoursCenti: number | null } & Info;
let items: Record<string, Item>;
let itemList: Item[];

beforeAll(async () => {
  itemList = await ok<Item[]>('GET', '/api/catalog/items');
  items = Object.fromEntries(itemList.map((i) => [i.code, i]));
});

/** The customer's link, from an address of its own (the per-address limit stays out of the way). */
const customer = (path: string) => fetchWorker(path, { headers: { 'cf-connecting-ip': freshIp() } });

const NONE: Info = { categoryName: '', description: '', inputs: '', result: '', limits: '' };
const SERVICE_FIELDS = ['categoryName', 'description', 'inputs', 'result', 'limits'];
const infoOf = (i: Info): Info => ({
  categoryName: i.categoryName,
  description: i.description,
  inputs: i.inputs,
  result: i.result,
  limits: i.limits,
});
/** The rule a client reads a line's service by: the line's own entry, else its item's, else none. */
const serviceOf = (
  s: { services: Record<string, Info>; lines: Record<string, Info> },
  line: { id: number; catalogItemId: number | null },
) => s.lines[String(line.id)] ?? (line.catalogItemId !== null ? s.services[String(line.catalogItemId)] : undefined) ?? NONE;

async function newQuote() {
  return ok('POST', '/api/quotes', { body: { customerId: 1, title: 'Ответы сметы' } }, 201);
}

/** 50 lines cycling through the price list, as the bench's quote (estimate items get hours). */
async function fiftyLines() {
  const q = await newQuote();
  const rows = Array.from({ length: 50 }, (_, i) => {
    const item = itemList[(i * 3) % itemList.length]!;
    return {
      catalogItemId: item.id,
      quantityMilli: 1000 + (i % 4) * 250,
      ...(item.hoursCenti === null ? { hoursCenti: 200 + ((i * 37) % 800) } : {}),
    };
  });
  return ok('POST', `/api/quotes/${q.id}/lines/paste`, { body: { version: q.version, rows } }, 201);
}

describe('a staff quote read, and what its lines are on demand', () => {
  it('50 lines read in at most 20 KiB; each catalog item’s category and texts come once, on demand', async () => {
    const q = await fiftyLines();
    const res = await call('GET', `/api/quotes/${q.id}`);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(bytes.length).toBeLessThanOrEqual(20 * 1024);
    const read = JSON.parse(new TextDecoder().decode(bytes));
    expect(read.lines).toHaveLength(50);
    for (const line of read.lines) for (const f of SERVICE_FIELDS) expect(line[f], f).toBeUndefined();

    const info = await ok('GET', `/api/quotes/${q.id}/services`);
    expect(info.lines).toEqual({});
    expect(Object.keys(info.services).sort()).toEqual([...new Set(read.lines.map((l: any) => String(l.catalogItemId)))].sort());
    for (const line of read.lines) expect(serviceOf(info, line)).toEqual(infoOf(itemList.find((i) => i.id === line.catalogItemId)!));
    await fails('GET', '/api/quotes/999999999/services', {}, 404);
  });

  it('a line keeps what its service was the day it was added; the customer sees each line’s own', async () => {
    let q = await newQuote();
    const item = items['2.4']!;
    q = await ok('POST', `/api/quotes/${q.id}/lines`, { body: { version: q.version, catalogItemId: item.id } }, 201);
    const edited = await ok('PATCH', `/api/catalog/items/${item.id}`, {
      as: 'admin',
      body: { version: item.version, limits: 'Новые ограничения' },
    });
    try {
      q = await ok('POST', `/api/quotes/${q.id}/lines`, { body: { version: q.version, catalogItemId: item.id } }, 201);
      q = await ok(
        'POST',
        `/api/quotes/${q.id}/lines`,
        { body: { version: q.version, kind: 'free', title: 'Свободная строка', hoursCenti: 100 } },
        201,
      );
      const info = await ok('GET', `/api/quotes/${q.id}/services`);
      const [first, second, free] = q.lines;
      expect(serviceOf(info, first)).toEqual(infoOf(item));
      expect(serviceOf(info, second)).toEqual({ ...infoOf(item), limits: 'Новые ограничения' });
      expect(serviceOf(info, free)).toEqual(NONE);
      expect(Object.keys(info.lines)).toEqual([String(second.id)]);

      q = await ok('POST', `/api/quotes/${q.id}/send`, { body: { version: q.version } });
      const { token } = await ok('POST', `/api/quotes/${q.id}/share`, { body: {} }, 201);
      const shared = await (await customer(`/api/shared/${token}`)).json<any>();
      expect(shared.lines.map((l: any) => l.limits)).toEqual([item.limits, 'Новые ограничения', '']);
      expect(shared.lines.map((l: any) => l.categoryName)).toEqual([item.categoryName, item.categoryName, '']);
      expect(shared.lines[1].description).toBe(item.description);
    } finally {
      await ok('PATCH', `/api/catalog/items/${item.id}`, { as: 'admin', body: { version: edited.version, limits: item.limits } });
    }
  });
});

describe('line writes with ?answer=change', () => {
  const path = (q: { id: number }, rest = '') => `/api/quotes/${q.id}/lines${rest}?answer=change`;

  it('adding answers the new line, totals, version and order — merged, the quote as read after', async () => {
    const before = await fiftyLines();
    const change = await ok(
      'POST',
      path(before),
      { body: { version: before.version, catalogItemId: items['2.2']!.id, afterLineId: before.lines[9].id } },
      201,
    );
    expect(change.lines).toBeUndefined();
    expect(change).toMatchObject({ id: before.id, version: before.version + 1, removedLineIds: [] });
    expect(change.line).toMatchObject({ code: '2.2', catalogItemId: items['2.2']!.id, amountMinor: 6_000_000 });
    expect(change.order.indexOf(change.line.id)).toBe(10);
    expect(JSON.stringify(change).length).toBeLessThan(2 * 1024);
    expect(applyQuoteChange(before, change)).toEqual(await ok('GET', `/api/quotes/${before.id}`));
  });

  it('changing a line answers it re-priced; removing answers its id; both merge to the quote as read', async () => {
    let quote = await fiftyLines();
    // A fixed service in the middle of the quote (whichever the price list puts there).
    const line = quote.lines.find((l: any, i: number) => i >= 20 && l.mode === 'fixed' && l.hoursCenti !== null)!;
    const changed = await ok('PATCH', path(quote, `/${line.id}`), { body: { version: quote.version, quantityMilli: 2500 } });
    const amountMinor = lineAmountMinor({ quantityMilli: 2500, hoursCenti: line.hoursCenti, kMilli: line.kMilli }, quote.rateMinor);
    expect(amountMinor).toBeGreaterThan(line.amountMinor);
    expect(changed.line).toMatchObject({ id: line.id, quantityMilli: 2500, amountMinor });
    quote = applyQuoteChange(quote, changed);
    expect(quote).toEqual(await ok('GET', `/api/quotes/${quote.id}`));

    const removed = await ok('DELETE', `/api/quotes/${quote.id}/lines/${line.id}?version=${quote.version}&answer=change`);
    expect(removed).toMatchObject({ line: null, removedLineIds: [line.id], version: quote.version + 1 });
    quote = applyQuoteChange(quote, removed);
    expect(quote).toEqual(await ok('GET', `/api/quotes/${quote.id}`));
  });

  it('without it, every line write still answers the whole quote; refusals are the same with it', async () => {
    const q = await fiftyLines();
    const whole = await ok('POST', `/api/quotes/${q.id}/lines`, { body: { version: q.version, kind: 'section', title: 'Раздел' } }, 201);
    expect(whole.lines).toHaveLength(51);
    expect(whole.totals.subtotalMinor).toBe(q.totals.subtotalMinor);
    await fails('POST', path(q), { body: { version: q.version, kind: 'section', title: 'Раздел' } }, 409, 'version_conflict');
    const section = whole.lines.at(-1);
    await fails(
      'PATCH',
      path(q, `/${section.id}`),
      { body: { version: whole.version, quantityMilli: 2000 } },
      422,
      'heading_has_no_amounts',
    );
    await fails('DELETE', `/api/quotes/${q.id}/lines/999999999?version=${whole.version}&answer=change`, {}, 404);
    await fails(
      'POST',
      `/api/quotes/${q.id}/lines?answer=everything`,
      { body: { version: whole.version, kind: 'section', title: 'Раздел' } },
      400,
    );
  });
});
