/**
 * Many lines in one write: a paste of up to 500 rows (one guarded batch, all or nothing, the
 * bound parameters do not grow with the rows), removing many lines at once (undo of a paste),
 * and a copy of a quote for another customer.
 */
import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { fails, ok } from '../support/api';

let items: Record<string, { id: number; hoursCenti: number | null; kMilli: number }>;

beforeAll(async () => {
  const list = await ok<any[]>('GET', '/api/catalog/items');
  items = Object.fromEntries(list.map((i) => [i.code, i]));
});

const count = async (sql: string, ...binds: unknown[]) =>
  (await env.DB.prepare(sql)
    .bind(...binds)
    .first<{ n: number }>())!.n;

async function newQuote(body: Record<string, unknown> = {}) {
  return ok('POST', '/api/quotes', { body: { customerId: 1, title: 'Вставка из прайс-листа', ...body } }, 201);
}

/** 500 rows as a price list gives them: codes of every kind, quantities, hours, a few free lines. */
function manyRows(n: number): any[] {
  const codes = ['2.2', '2.5', '4.1', '2.9', '3.3.1', '4.10'];
  return Array.from({ length: n }, (_, i) => {
    const code = codes[i % codes.length]!;
    if (i % 50 === 49) return { title: `Своя работа ${i + 1}`, quantityMilli: 1000, hoursCenti: 150 };
    const fixed = items[code]!.hoursCenti !== null;
    return { code, quantityMilli: 1000 + (i % 3) * 500, ...(fixed ? {} : { hoursCenti: 100 + i }) };
  });
}

describe('pasting many rows', () => {
  it('500 rows arrive in one write, in order, priced to the kopeck', async () => {
    const q = await newQuote();
    const rows = manyRows(500);
    const pasted = await ok('POST', `/api/quotes/${q.id}/lines/paste`, { body: { version: q.version, rows } }, 201);
    expect(pasted.version).toBe(q.version + 1);
    expect(pasted.lines).toHaveLength(500);
    expect(pasted.lines.map((l: any) => l.code || l.title)).toEqual(rows.map((r) => r.code ?? r.title));
    expect(pasted.lines.map((l: any) => l.quantityMilli)).toEqual(rows.map((r) => r.quantityMilli));
    expect(pasted.lines.map((l: any) => l.hoursCenti)).toEqual(rows.map((r) => r.hoursCenti ?? items[r.code!]!.hoursCenti));
    expect(new Set(pasted.lines.map((l: any) => l.position)).size).toBe(500);
    // Totals are the sum of the lines, each ROUND(qty × hours × K × rate, 2).
    const subtotal = pasted.lines.reduce((s: number, l: any) => s + l.amountMinor, 0);
    expect(pasted.totals.subtotalMinor).toBe(subtotal);
    const audit = await ok<any[]>('GET', `/api/quotes/${q.id}/audit`);
    expect(audit[0]).toMatchObject({ action: 'lines_pasted', changes: { count: 500 } });
    expect(await count('select count(*) as n from audit_log where quote_id = ?', q.id)).toBe(2);
  });

  it('500 rows after a given line keep the lines below it below them', async () => {
    let q = await newQuote();
    q = await ok(
      'POST',
      `/api/quotes/${q.id}/lines/paste`,
      { body: { version: q.version, rows: [{ code: '2.2' }, { code: '2.5' }] } },
      201,
    );
    const [first, last] = q.lines;
    q = await ok(
      'POST',
      `/api/quotes/${q.id}/lines/paste`,
      { body: { version: q.version, rows: manyRows(500), afterLineId: first.id } },
      201,
    );
    expect(q.lines).toHaveLength(502);
    expect(q.lines[0].id).toBe(first.id);
    expect(q.lines[501].id).toBe(last.id);
  });

  it('one bad row among 500 adds nothing: an unknown code, a fixed service with other hours', async () => {
    const q = await newQuote();
    const rows: any[] = manyRows(500);
    rows[321] = { code: '7.7', quantityMilli: 1000 };
    const e = await fails('POST', `/api/quotes/${q.id}/lines/paste`, { body: { version: q.version, rows } }, 400, 'validation_failed');
    expect(e.message).toContain('322');
    rows[321] = { code: '2.2', quantityMilli: 1000, hoursCenti: 2500 };
    await fails('POST', `/api/quotes/${q.id}/lines/paste`, { body: { version: q.version, rows } }, 422, 'fixed_hours');
    rows[321] = { code: '4.1', quantityMilli: 1000, hoursCenti: 100, kMilli: 1000 };
    await fails('POST', `/api/quotes/${q.id}/lines/paste`, { body: { version: q.version, rows } }, 422, 'k_reason_required');
    const now = await ok('GET', `/api/quotes/${q.id}`);
    expect(now.lines).toHaveLength(0);
    expect(now.version).toBe(q.version);
  });

  it('500 different unknown codes are a 400 naming the rows, never a 500', async () => {
    const q = await newQuote();
    const rows = Array.from({ length: 500 }, (_, i) => ({ code: `9.${i + 1}` }));
    const e = await fails('POST', `/api/quotes/${q.id}/lines/paste`, { body: { version: q.version, rows } }, 400, 'validation_failed');
    expect(e.details).toHaveLength(500);
  });

  it('a stale version pastes nothing (409)', async () => {
    const q = await newQuote();
    await ok('PATCH', `/api/quotes/${q.id}`, { body: { version: q.version, title: 'Изменена' } });
    await fails('POST', `/api/quotes/${q.id}/lines/paste`, { body: { version: q.version, rows: manyRows(200) } }, 409, 'version_conflict');
    expect((await ok('GET', `/api/quotes/${q.id}`)).lines).toHaveLength(0);
  });
});

describe('removing many lines at once', () => {
  it('removes 500 pasted lines in one write and says so in the audit trail', async () => {
    let q = await newQuote();
    q = await ok('POST', `/api/quotes/${q.id}/lines/paste`, { body: { version: q.version, rows: [{ code: '2.2' }] } }, 201);
    const kept = q.lines[0].id;
    q = await ok('POST', `/api/quotes/${q.id}/lines/paste`, { body: { version: q.version, rows: manyRows(500) } }, 201);
    const ids = q.lines.slice(1).map((l: any) => l.id);
    const after = await ok('POST', `/api/quotes/${q.id}/lines/delete`, { body: { version: q.version, lineIds: ids } });
    expect(after.version).toBe(q.version + 1);
    expect(after.lines.map((l: any) => l.id)).toEqual([kept]);
    const audit = await ok<any[]>('GET', `/api/quotes/${q.id}/audit`);
    expect(audit[0]).toMatchObject({ action: 'lines_removed', changes: { count: 500 } });
  });

  it('refuses ids of another quote, repeated ids and stale versions, removing nothing', async () => {
    let a = await newQuote();
    a = await ok(
      'POST',
      `/api/quotes/${a.id}/lines/paste`,
      { body: { version: a.version, rows: [{ code: '2.2' }, { code: '2.5' }] } },
      201,
    );
    let b = await newQuote();
    b = await ok('POST', `/api/quotes/${b.id}/lines/paste`, { body: { version: b.version, rows: [{ code: '4.1' }] } }, 201);
    const e = await fails(
      'POST',
      `/api/quotes/${a.id}/lines/delete`,
      { body: { version: a.version, lineIds: [a.lines[0].id, b.lines[0].id] } },
      400,
      'validation_failed',
    );
    expect(e.message).not.toMatch(/lineIds/);
    await fails(
      'POST',
      `/api/quotes/${a.id}/lines/delete`,
      { body: { version: a.version, lineIds: [a.lines[0].id, a.lines[0].id] } },
      400,
      'validation_failed',
    );
    await fails(
      'POST',
      `/api/quotes/${a.id}/lines/delete`,
      { body: { version: a.version - 1, lineIds: [a.lines[0].id] } },
      409,
      'version_conflict',
    );
    expect((await ok('GET', `/api/quotes/${a.id}`)).lines).toHaveLength(2);
    expect((await ok('GET', `/api/quotes/${b.id}`)).lines).toHaveLength(1);
  });
});

describe('a copy for another customer', () => {
  it('duplicates for the customer asked for, under a new number, with the same lines and prices', async () => {
    let q = await newQuote({ discountRateMilli: 75 });
    q = await ok(
      'POST',
      `/api/quotes/${q.id}/lines/paste`,
      { body: { version: q.version, rows: [{ code: '2.2' }, { code: '4.1', hoursCenti: 1000 }] } },
      201,
    );
    const copy = await ok('POST', `/api/quotes/${q.id}/duplicate`, { body: { customerId: 2 } }, 201);
    expect(copy).toMatchObject({
      customerId: 2,
      customerName: 'ГК «Технопарк»',
      status: 'draft',
      revision: 1,
      discountRateMilli: 75,
      totals: q.totals,
    });
    expect(copy.number).not.toBe(q.number);
    expect(copy.lines.map((l: any) => [l.code, l.hoursCenti])).toEqual(q.lines.map((l: any) => [l.code, l.hoursCenti]));
    expect((await ok('GET', `/api/quotes/${q.id}`)).customerId).toBe(1);
  });

  it('an unknown customer is a 400 and uses up no number; no body copies for the same customer', async () => {
    const q = await newQuote();
    const year = q.number.slice(2, 6);
    const before = await env.DB.prepare('select value from counters where name = ?').bind(`quote:${year}`).first<{ value: number }>();
    await fails('POST', `/api/quotes/${q.id}/duplicate`, { body: { customerId: 9999 } }, 400, 'validation_failed');
    const after = await env.DB.prepare('select value from counters where name = ?').bind(`quote:${year}`).first<{ value: number }>();
    expect(after?.value).toBe(before?.value);
    const same = await ok('POST', `/api/quotes/${q.id}/duplicate`, {}, 201);
    expect(same.customerId).toBe(1);
  });
});

describe('moving lines in a long quote', () => {
  it('moves a line and reorders 500 lines without running out of bound parameters', async () => {
    let q = await newQuote();
    q = await ok('POST', `/api/quotes/${q.id}/lines/paste`, { body: { version: q.version, rows: manyRows(500) } }, 201);
    const third = q.lines[2].id;
    q = await ok('POST', `/api/quotes/${q.id}/lines/${third}/move`, { body: { version: q.version, direction: 'up' } });
    expect(q.lines[1].id).toBe(third);
    const reversed = [...q.lines].reverse().map((l: any) => l.id);
    q = await ok('POST', `/api/quotes/${q.id}/lines/reorder`, { body: { version: q.version, lineIds: reversed } });
    expect(q.lines.map((l: any) => l.id)).toEqual(reversed);
    await fails(
      'POST',
      `/api/quotes/${q.id}/lines/reorder`,
      { body: { version: q.version, lineIds: reversed.slice(1) } },
      400,
      'validation_failed',
    );
  });
});
