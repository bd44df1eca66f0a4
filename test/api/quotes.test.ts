import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, fails, ok } from '../support/api';

let items: Record<string, { id: number; hoursCenti: number | null; kMilli: number }>;
const year = () => new Date(Date.now() + 3 * 3_600_000).getUTCFullYear(); // Moscow is UTC+3

beforeAll(async () => {
  const list = await ok<any[]>('GET', '/api/catalog/items');
  items = Object.fromEntries(list.map((i) => [i.code, i]));
});

const count = async (sql: string, ...binds: unknown[]) =>
  (await env.DB.prepare(sql)
    .bind(...binds)
    .first<{ n: number }>())!.n;

async function newQuote(body: Record<string, unknown> = {}) {
  return ok('POST', '/api/quotes', { body: { customerId: 1, title: 'Внедрение СЭО', ...body } }, 201);
}

async function addLine(quote: { id: number; version: number }, body: Record<string, unknown>) {
  return ok('POST', `/api/quotes/${quote.id}/lines`, { body: { version: quote.version, ...body } }, 201);
}

/** The example quote: 2.2 + 2.5 + a content task of 10 h at K 0.6. */
async function exampleQuote() {
  let q = await newQuote();
  q = await addLine(q, { catalogItemId: items['2.2']!.id });
  q = await addLine(q, { catalogItemId: items['2.5']!.id });
  q = await addLine(q, { catalogItemId: items['4.1']!.id, hoursCenti: 1000 });
  return q;
}

describe('creating quotes', () => {
  it('numbers Q-YYYY-NNNN, freezes the rate, defaults VAT 22 % on top', async () => {
    const q = await newQuote({ internalNote: 'скидка возможна' });
    expect(q).toMatchObject({
      number: expect.stringMatching(new RegExp(`^Q-${year()}-\\d{4}$`)),
      revision: 1,
      status: 'draft',
      version: 1,
      customerId: 1,
      customerName: 'Северный государственный университет',
      rateMinor: 300_000,
      currency: 'RUB',
      vatMode: 'on_top',
      vatRateMilli: 220,
      discountRateMilli: 0,
      internalNote: 'скидка возможна',
      lines: [],
      totals: { subtotalMinor: 0, totalMinor: 0, normHoursCenti: 0 },
    });
    expect(q.allowed).toMatchObject({ edit: true, send: true, revise: false, share: false });
  });

  it('numbers are sequential and gap-free under concurrent creation', async () => {
    const before = await count('select count(*) as n from quote_series');
    const created = await Promise.all(Array.from({ length: 20 }, (_, i) => newQuote({ title: `Параллельная ${i}` })));
    const seqs = created.map((q) => Number(q.number.slice(-4))).sort((a, b) => a - b);
    expect(new Set(seqs).size).toBe(20);
    expect(seqs[19]! - seqs[0]!).toBe(19);
    expect(await count('select count(*) as n from quote_series')).toBe(before + 20);
    const counter = await env.DB.prepare('select value from counters where name = ?').bind(`quote:${year()}`).first<{ value: number }>();
    expect(counter?.value).toBe(seqs[19]);
  });

  it('an unknown customer is refused and no number is used up', async () => {
    const counterBefore = await env.DB.prepare('select value from counters where name = ?')
      .bind(`quote:${year()}`)
      .first<{ value: number }>();
    const e = await fails('POST', '/api/quotes', { body: { customerId: 9999, title: 'x' } }, 400, 'validation_failed');
    expect(e.message).toContain('customerId');
    const counterAfter = await env.DB.prepare('select value from counters where name = ?')
      .bind(`quote:${year()}`)
      .first<{ value: number }>();
    expect(counterAfter?.value).toBe(counterBefore?.value);
  });

  it('refuses bad headers: VAT over 100 %, discount over 100 %, a past or impossible validity date', async () => {
    await fails('POST', '/api/quotes', { body: { customerId: 1, title: 'x', vatRateMilli: 1001 } }, 400, 'validation_failed');
    await fails('POST', '/api/quotes', { body: { customerId: 1, title: 'x', discountRateMilli: 1500 } }, 400, 'validation_failed');
    await fails('POST', '/api/quotes', { body: { customerId: 1, title: 'x', validUntil: '2020-01-01' } }, 400, 'validation_failed');
    await fails('POST', '/api/quotes', { body: { customerId: 1, title: 'x', validUntil: '2030-02-30' } }, 400, 'validation_failed');
    await fails('POST', '/api/quotes', { body: { customerId: 1, title: '' } }, 400, 'validation_failed');
    await fails('POST', '/api/quotes', { body: { customerId: 1, title: 'x', vatMode: 'sometimes' } }, 400, 'validation_failed');
  });

  it('only managers and admins create quotes; staff read them', async () => {
    await fails('POST', '/api/quotes', { as: 'accountant', body: { customerId: 1, title: 'x' } }, 403, 'forbidden');
    const q = await newQuote({ title: 'Видна бухгалтеру' });
    expect((await ok('GET', `/api/quotes/${q.id}`, { as: 'accountant' })).title).toBe('Видна бухгалтеру');
  });
});

describe('lines and totals', () => {
  it('the issue’s example: 2.2 + 2.5 + 10 h content at K 0.6 → 270 000 ₽ + 22 % VAT, 90 norm-hours', async () => {
    const q = await exampleQuote();
    expect(q.lines.map((l: any) => [l.code, l.hoursCenti, l.kMilli, l.normHoursCenti, l.amountMinor])).toEqual([
      ['2.2', 2000, 1000, 2000, 6_000_000],
      ['2.5', 6400, 1000, 6400, 19_200_000],
      ['4.1', 1000, 600, 600, 1_800_000],
    ]);
    expect(q.totals).toEqual({
      subtotalMinor: 27_000_000,
      discountMinor: 0,
      netMinor: 27_000_000,
      vatMinor: 5_940_000,
      totalMinor: 32_940_000,
      normHoursCenti: 9000,
      incompleteLines: 0,
    });
    expect(q.version).toBe(4);
  });

  it('copies the item’s code, name, hours, K and description at that moment', async () => {
    const q = await addLine(await newQuote(), { catalogItemId: items['2.4']!.id });
    expect(q.lines[0]).toMatchObject({ kind: 'item', code: '2.4', mode: 'fixed', hoursCenti: 1000, kMilli: 1000 });
    // What the service is comes on demand, once per catalog item (test/api/quote-answers.test.ts).
    const texts = (await ok('GET', `/api/quotes/${q.id}/services`)).services[String(items['2.4']!.id)];
    expect(texts.limits).toContain('до 10 тематических секций');
    expect(texts.result).toContain('Настроенная система');
    expect(texts.categoryName).toBe('Команда внедрения');
    // a later price-list change does not touch the quote
    const item = await ok('GET', `/api/catalog/items/${items['2.4']!.id}`, { as: 'admin' });
    await ok('PATCH', `/api/catalog/items/${item.id}`, {
      as: 'admin',
      body: { version: item.version, hoursCenti: 1500, name: 'Прототип (новый)' },
    });
    const again = await ok('GET', `/api/quotes/${q.id}`);
    expect(again.lines[0]).toMatchObject({ hoursCenti: 1000, title: 'Разработка прототипа среды электронного обучения' });
    await ok('PATCH', `/api/catalog/items/${item.id}`, {
      as: 'admin',
      body: { version: item.version + 1, hoursCenti: 1000, name: item.name },
    });
  });

  it('discount and VAT modes follow DOMAIN.md to the kopeck; "no VAT" is one field', async () => {
    let q = await exampleQuote();
    q = await ok('PATCH', `/api/quotes/${q.id}`, { body: { version: q.version, discountRateMilli: 75 } });
    expect(q.totals).toMatchObject({
      subtotalMinor: 27_000_000,
      discountMinor: 2_025_000,
      netMinor: 24_975_000,
      vatMinor: 5_494_500,
      totalMinor: 30_469_500,
    });
    q = await ok('PATCH', `/api/quotes/${q.id}`, { body: { version: q.version, vatMode: 'included' } });
    expect(q.totals).toMatchObject({ netMinor: 24_975_000, vatMinor: 4_503_689, totalMinor: 24_975_000 }); // 24 975 000 × 220 / 1220
    q = await ok('PATCH', `/api/quotes/${q.id}`, { body: { version: q.version, vatMode: 'none' } });
    expect(q.totals).toMatchObject({ vatMinor: 0, totalMinor: 24_975_000 });
  });

  it('fractional quantities round per line, half away from zero', async () => {
    let q = await newQuote();
    q = await addLine(q, { title: 'Консультация', quantityMilli: 1500, hoursCenti: 33, kMilli: 600 });
    // 1.5 × 0.33 × 0.6 × 3 000 = 891.00 ₽; norm-hours 0.297 → 0.30
    expect(q.lines[0]).toMatchObject({ amountMinor: 89_100, normHoursCenti: 30 });
    q = await addLine(q, { title: 'Копейка', quantityMilli: 1, hoursCenti: 1, kMilli: 1000 });
    // 0.001 × 0.01 × 1 × 3 000 = 0.03 ₽
    expect(q.lines[1]).toMatchObject({ amountMinor: 3, normHoursCenti: 0 });
  });

  it('an estimate item waits for its hours; the quote cannot be sent until then', async () => {
    let q = await addLine(await newQuote(), { catalogItemId: items['3.3.1']!.id });
    expect(q.lines[0]).toMatchObject({ hoursCenti: null, amountMinor: null, normHoursCenti: null });
    expect(q.totals.incompleteLines).toBe(1);
    const e = await fails('POST', `/api/quotes/${q.id}/send`, { body: { version: q.version } }, 422, 'incomplete_lines');
    expect(e.details.lineIds).toEqual([q.lines[0].id]);
    expect(e.message).toContain('3.3.1');
    q = await ok('PATCH', `/api/quotes/${q.id}/lines/${q.lines[0].id}`, { body: { version: q.version, hoursCenti: 1250 } });
    expect(q.lines[0]).toMatchObject({ hoursCenti: 1250, amountMinor: 3_750_000 });
    expect((await ok('POST', `/api/quotes/${q.id}/send`, { body: { version: q.version } })).status).toBe('sent');
  });

  it('a K that differs from the item’s needs a reason', async () => {
    let q = await newQuote();
    const e = await fails(
      'POST',
      `/api/quotes/${q.id}/lines`,
      { body: { version: 1, catalogItemId: items['2.9']!.id, hoursCenti: 500, kMilli: 600 } },
      422,
      'k_reason_required',
    );
    expect(e.message).toMatch(/kReason/);
    q = await addLine(q, { catalogItemId: items['2.9']!.id, hoursCenti: 500, kMilli: 600, kReason: 'выполняет ассистент редактора' });
    expect(q.lines[0]).toMatchObject({ kMilli: 600, baseKMilli: 1000, kReason: 'выполняет ассистент редактора', amountMinor: 900_000 });
    // clearing the reason while K still differs is refused
    await fails(
      'PATCH',
      `/api/quotes/${q.id}/lines/${q.lines[0].id}`,
      { body: { version: q.version, kReason: '' } },
      422,
      'k_reason_required',
    );
    // going back to the item's K needs none
    q = await ok('PATCH', `/api/quotes/${q.id}/lines/${q.lines[0].id}`, { body: { version: q.version, kMilli: 1000, kReason: '' } });
    expect(q.lines[0].kMilli).toBe(1000);
  });

  it('a fixed service keeps its hours; quantity changes instead', async () => {
    let q = await addLine(await newQuote(), { catalogItemId: items['2.2']!.id });
    await fails(
      'PATCH',
      `/api/quotes/${q.id}/lines/${q.lines[0].id}`,
      { body: { version: q.version, hoursCenti: 1000 } },
      422,
      'fixed_hours',
    );
    await fails(
      'POST',
      `/api/quotes/${q.id}/lines`,
      { body: { version: q.version, catalogItemId: items['2.3']!.id, hoursCenti: 100 } },
      422,
      'fixed_hours',
    );
    q = await ok('PATCH', `/api/quotes/${q.id}/lines/${q.lines[0].id}`, { body: { version: q.version, quantityMilli: 2000 } });
    expect(q.lines[0]).toMatchObject({ quantityMilli: 2000, amountMinor: 12_000_000, normHoursCenti: 4000 });
  });

  describe('bad input: a clear 4xx and nothing stored', () => {
    const cases: [string, Record<string, unknown>, number, string][] = [
      ['an unknown catalog item', { catalogItemId: 99_999 }, 400, 'catalogItemId'],
      ['quantity 0', { catalogItemId: 1, quantityMilli: 0, hoursCenti: 100 }, 400, 'quantityMilli'],
      ['a negative quantity', { catalogItemId: 1, quantityMilli: -1000, hoursCenti: 100 }, 400, 'quantityMilli'],
      ['hours over 100 000', { title: 'x', hoursCenti: 10_000_001 }, 400, 'hoursCenti'],
      ['K over 5', { title: 'x', hoursCenti: 100, kMilli: 5001 }, 400, 'kMilli'],
      ['a free line without a title', { hoursCenti: 100 }, 400, 'title'],
      ['an unknown field', { title: 'x', price: 1 }, 400, 'price'],
    ];
    for (const [label, body, status, field] of cases) {
      it(label, async () => {
        const q = await newQuote();
        const audit = await count('select count(*) as n from audit_log where quote_id = ?', q.id);
        const e = await fails('POST', `/api/quotes/${q.id}/lines`, { body: { version: 1, ...body } }, status);
        expect(e.message).toContain(field);
        const after = await ok('GET', `/api/quotes/${q.id}`);
        expect(after).toMatchObject({ version: 1, lines: [] });
        expect(await count('select count(*) as n from audit_log where quote_id = ?', q.id)).toBe(audit);
      });
    }

    it('a line on an unknown quote is a 404', async () => {
      await fails('POST', '/api/quotes/99999/lines', { body: { version: 1, title: 'x', hoursCenti: 1 } }, 404, 'not_found');
      await fails('PATCH', '/api/quotes/99999/lines/1', { body: { version: 1, quantityMilli: 1000 } }, 404, 'not_found');
    });

    it('a line of another quote is a 404', async () => {
      const a = await addLine(await newQuote(), { title: 'A', hoursCenti: 100 });
      const b = await newQuote();
      await fails('PATCH', `/api/quotes/${b.id}/lines/${a.lines[0].id}`, { body: { version: 1, quantityMilli: 2000 } }, 404, 'not_found');
      await fails('DELETE', `/api/quotes/${b.id}/lines/${a.lines[0].id}?version=1`, {}, 404, 'not_found');
      expect((await ok('GET', `/api/quotes/${a.id}`)).lines[0].quantityMilli).toBe(1000);
    });
  });
});

describe('optimistic concurrency', () => {
  it('a stale write gets 409 version_conflict and changes nothing', async () => {
    const q = await exampleQuote();
    const line = q.lines[2];
    const mine = await ok('PATCH', `/api/quotes/${q.id}/lines/${line.id}`, { body: { version: q.version, hoursCenti: 1200 } });
    const e = await fails(
      'PATCH',
      `/api/quotes/${q.id}/lines/${line.id}`,
      { body: { version: q.version, hoursCenti: 9900 } },
      409,
      'version_conflict',
    );
    expect(e.details.currentVersion).toBe(mine.version);
    await fails('POST', `/api/quotes/${q.id}/lines`, { body: { version: q.version, title: 'x', hoursCenti: 1 } }, 409, 'version_conflict');
    await fails('DELETE', `/api/quotes/${q.id}/lines/${line.id}?version=${q.version}`, {}, 409, 'version_conflict');
    await fails('PATCH', `/api/quotes/${q.id}`, { body: { version: q.version, title: 'чужое' } }, 409, 'version_conflict');
    await fails('POST', `/api/quotes/${q.id}/send`, { body: { version: q.version } }, 409, 'version_conflict');
    const now = await ok('GET', `/api/quotes/${q.id}`);
    expect(now.version).toBe(mine.version);
    expect(now.lines[2].hoursCenti).toBe(1200);
    expect(now.lines).toHaveLength(3);
    expect(now.title).toBe('Внедрение СЭО');
  });

  it('of ten concurrent writes with the same version exactly one wins', async () => {
    const q = await exampleQuote();
    const line = q.lines[2];
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        call('PATCH', `/api/quotes/${q.id}/lines/${line.id}`, { body: { version: q.version, hoursCenti: 1000 + i } }),
      ),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(9);
    const now = await ok('GET', `/api/quotes/${q.id}`);
    expect(now.version).toBe(q.version + 1);
    expect(await count("select count(*) as n from audit_log where quote_id = ? and action = 'line_updated'", q.id)).toBe(1);
  });
});

describe('lifecycle', () => {
  it('send freezes the revision; revise makes -R2; sending R2 replaces R1', async () => {
    let q = await exampleQuote();
    q = await ok('POST', `/api/quotes/${q.id}/send`, { body: { version: q.version } });
    expect(q).toMatchObject({ status: 'sent', allowed: { edit: false, revise: true, share: true } });
    expect(q.validUntil).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await fails(
      'PATCH',
      `/api/quotes/${q.id}/lines/${q.lines[0].id}`,
      { body: { version: q.version, quantityMilli: 2000 } },
      409,
      'quote_not_editable',
    );
    await fails('POST', `/api/quotes/${q.id}/send`, { body: { version: q.version } }, 409, 'illegal_transition');

    const r2 = await ok('POST', `/api/quotes/${q.id}/revise`, {}, 201);
    expect(r2).toMatchObject({ number: `${q.number}-R2`, revision: 2, status: 'draft', version: 1, seriesId: q.seriesId });
    expect(r2.lines.map((l: any) => l.code)).toEqual(['2.2', '2.5', '4.1']);
    expect(r2.totals).toEqual(q.totals);
    // the customer still sees R1 as sent until R2 is sent
    expect((await ok('GET', `/api/quotes/${q.id}`)).status).toBe('sent');
    await fails('POST', `/api/quotes/${q.id}/revise`, {}, 409, 'not_latest_revision');

    const edited = await ok('PATCH', `/api/quotes/${r2.id}/lines/${r2.lines[2].id}`, { body: { version: 1, hoursCenti: 2000 } });
    const sentR2 = await ok('POST', `/api/quotes/${r2.id}/send`, { body: { version: edited.version } });
    expect(sentR2.revisions.map((r: any) => [r.number, r.status])).toEqual([
      [q.number, 'sent'],
      [`${q.number}-R2`, 'sent'],
    ]);
    const r1 = await ok('GET', `/api/quotes/${q.id}`);
    expect(r1.supersededAt).not.toBeNull();
    // A link belongs to the number: R1 can still be shared, and the link shows R2.
    expect(r1.allowed.share).toBe(true);
    const r3 = await ok('POST', `/api/quotes/${r2.id}/revise`, {}, 201);
    expect(r3.number).toBe(`${q.number}-R3`);
  });

  it('duplicate gives a new number and a draft with the same frozen prices', async () => {
    let q = await exampleQuote();
    q = await ok('POST', `/api/quotes/${q.id}/send`, { body: { version: q.version } });
    const copy = await ok('POST', `/api/quotes/${q.id}/duplicate`, {}, 201);
    expect(copy.number).not.toBe(q.number);
    expect(copy.number).toMatch(/^Q-\d{4}-\d{4}$/);
    expect(Number(copy.number.slice(-4))).toBeGreaterThan(Number(q.number.slice(-4)));
    expect(copy).toMatchObject({ revision: 1, status: 'draft', rateMinor: q.rateMinor, totals: q.totals });
    await fails('POST', '/api/quotes/99999/duplicate', {}, 404, 'not_found');
  });

  it('expired is computed when read, never written', async () => {
    let q = await exampleQuote();
    q = await ok('POST', `/api/quotes/${q.id}/send`, { body: { version: q.version } });
    await env.DB.prepare("update quotes set valid_until = '2020-01-31' where id = ?").bind(q.id).run();
    const read = await ok('GET', `/api/quotes/${q.id}`);
    expect(read.status).toBe('expired');
    expect(read.allowed).toMatchObject({ revise: true, share: true, edit: false });
    const stored = await env.DB.prepare('select status from quotes where id = ?').bind(q.id).first<{ status: string }>();
    expect(stored?.status).toBe('sent');
    const list = await ok('GET', '/api/quotes?status=expired');
    expect(list.items.map((i: any) => i.id)).toContain(q.id);
    expect((await ok('GET', '/api/quotes?status=sent')).items.map((i: any) => i.id)).not.toContain(q.id);
  });

  it('an accepted revision is locked for good', async () => {
    let q = await exampleQuote();
    q = await ok('POST', `/api/quotes/${q.id}/send`, { body: { version: q.version } });
    await env.DB.prepare("update quotes set status = 'accepted', answered_at = ? where id = ?").bind(new Date().toISOString(), q.id).run();
    await fails(
      'PATCH',
      `/api/quotes/${q.id}/lines/${q.lines[0].id}`,
      { body: { version: q.version, quantityMilli: 2000 } },
      409,
      'quote_locked',
    );
    await fails('PATCH', `/api/quotes/${q.id}`, { body: { version: q.version, title: 'x' } }, 409, 'quote_locked');
    await fails('POST', `/api/quotes/${q.id}/revise`, {}, 409, 'quote_locked');
    await fails('POST', `/api/quotes/${q.id}/reprice`, { body: { version: q.version } }, 409, 'quote_locked');
    await fails('POST', `/api/quotes/${q.id}/archive`, { body: { version: q.version } }, 409, 'illegal_transition');
  });

  it('cannot send an empty quote; archives a draft', async () => {
    const q = await newQuote();
    await fails('POST', `/api/quotes/${q.id}/send`, { body: { version: 1 } }, 422, 'empty_quote');
    const archived = await ok('POST', `/api/quotes/${q.id}/archive`, { body: { version: 1 } });
    expect(archived.status).toBe('archived');
    await fails('POST', `/api/quotes/${q.id}/archive`, { body: { version: 2 } }, 409, 'illegal_transition');
  });

  it('re-pricing is on purpose only: a rate change leaves old quotes alone', async () => {
    const q = await exampleQuote();
    const s = await ok('GET', '/api/settings');
    await ok('PATCH', '/api/settings', { as: 'admin', body: { version: s.version, rateMinor: 350_000 } });
    expect((await ok('GET', `/api/quotes/${q.id}`)).rateMinor).toBe(300_000);
    const repriced = await ok('POST', `/api/quotes/${q.id}/reprice`, { body: { version: q.version } });
    expect(repriced.rateMinor).toBe(350_000);
    expect(repriced.totals.subtotalMinor).toBe(31_500_000); // 90 h × 3 500 ₽
    await ok('PATCH', '/api/settings', { as: 'admin', body: { version: s.version + 1, rateMinor: 300_000 } });
  });
});

describe('grid operations', () => {
  it('sections give subtotals; lines move up and down and can be removed', async () => {
    let q = await newQuote();
    q = await addLine(q, { kind: 'section', title: 'Этап 1. Оформление' });
    q = await addLine(q, { catalogItemId: items['2.2']!.id });
    q = await addLine(q, { kind: 'section', title: 'Этап 2. Курс' });
    q = await addLine(q, { catalogItemId: items['4.1']!.id, hoursCenti: 1000 });
    q = await addLine(q, { catalogItemId: items['4.2']!.id, hoursCenti: 500 });
    expect(q.sections).toEqual([
      { lineId: q.lines[0].id, title: 'Этап 1. Оформление', subtotalMinor: 6_000_000, normHoursCenti: 2000 },
      { lineId: q.lines[2].id, title: 'Этап 2. Курс', subtotalMinor: 2_700_000, normHoursCenti: 900 },
    ]);
    expect(q.lines[0]).toMatchObject({ kind: 'section', amountMinor: null });
    q = await ok('POST', `/api/quotes/${q.id}/lines/${q.lines[4].id}/move`, { body: { version: q.version, direction: 'up' } });
    expect(q.lines.map((l: any) => l.code || l.title)).toEqual(['Этап 1. Оформление', '2.2', 'Этап 2. Курс', '4.2', '4.1']);
    const removed = q.lines[1].id;
    q = await ok('DELETE', `/api/quotes/${q.id}/lines/${removed}?version=${q.version}`);
    expect(q.lines.map((l: any) => l.id)).not.toContain(removed);
    expect(q.sections[0].subtotalMinor).toBe(0);
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
    q = await addLine(q, { title: 'Вставка', hoursCenti: 100, afterLineId: reversed[0] });
    expect(q.lines[1].title).toBe('Вставка');
  });

  it('pasted rows (code, quantity, hours) arrive in one write, or not at all', async () => {
    let q = await newQuote();
    q = await ok(
      'POST',
      `/api/quotes/${q.id}/lines/paste`,
      {
        body: {
          version: 1,
          rows: [{ code: '2.2', quantityMilli: 1000 }, { code: '2.5' }, { code: '4.1', quantityMilli: 2000, hoursCenti: 500 }],
        },
      },
      201,
    );
    expect(q.version).toBe(2);
    expect(q.lines.map((l: any) => [l.code, l.quantityMilli, l.hoursCenti])).toEqual([
      ['2.2', 1000, 2000],
      ['2.5', 1000, 6400],
      ['4.1', 2000, 500],
    ]);
    const e = await fails(
      'POST',
      `/api/quotes/${q.id}/lines/paste`,
      { body: { version: 2, rows: [{ code: '2.2' }, { code: '7.7' }] } },
      400,
      'validation_failed',
    );
    expect(e.message).toMatch(/2/);
    expect(e.details[0].field).toBe('rows[1].code');
    expect((await ok('GET', `/api/quotes/${q.id}`)).lines).toHaveLength(3);
  });
});

describe('audit trail', () => {
  it('records who, when, what, with old → new values', async () => {
    let q = await exampleQuote();
    q = await ok('PATCH', `/api/quotes/${q.id}/lines/${q.lines[2].id}`, { body: { version: q.version, hoursCenti: 1500 } });
    q = await ok('PATCH', `/api/quotes/${q.id}`, { body: { version: q.version, title: 'Внедрение, этап 1' } });
    q = await ok('POST', `/api/quotes/${q.id}/send`, { body: { version: q.version } });
    const audit = await ok<any[]>('GET', `/api/quotes/${q.id}/audit`, { as: 'accountant' });
    expect(audit.map((a) => a.action)).toEqual(['sent', 'updated', 'line_updated', 'line_added', 'line_added', 'line_added', 'created']);
    expect(audit.every((a) => a.actorKind === 'user' && a.actorName === 'Максим Менеджеров' && a.at)).toBe(true);
    expect(audit[1].changes).toEqual({ title: ['Внедрение СЭО', 'Внедрение, этап 1'] });
    expect(audit[2].changes).toMatchObject({ code: '4.1', hoursCenti: [1000, 1500] });
    expect(audit[3].changes).toMatchObject({ code: '4.1', hoursCenti: 1000, kMilli: 600 });
    await fails('GET', '/api/quotes/99999/audit', {}, 404, 'not_found');
  });

  it('the audit trail cannot be changed, even by SQL', async () => {
    await exampleQuote();
    await expect(env.DB.prepare("update audit_log set actor_name = 'x'").run()).rejects.toThrow(/append-only/);
    await expect(env.DB.prepare('delete from audit_log').run()).rejects.toThrow(/append-only/);
  });
});

describe('the list', () => {
  it('filters by customer, status and text in any alphabet, pages, and shows the latest revision', async () => {
    const a = await newQuote({ customerId: 2, title: 'Интеграция с 1С' });
    const b = await addLine(await newQuote({ customerId: 2, title: 'Дизайн портала' }), { catalogItemId: items['2.2']!.id });
    const sent = await ok('POST', `/api/quotes/${b.id}/send`, { body: { version: b.version } });
    const r2 = await ok('POST', `/api/quotes/${sent.id}/revise`, {}, 201);

    const byCustomer = await ok('GET', '/api/quotes?customerId=2&pageSize=100');
    expect(byCustomer.items.map((i: any) => i.id).sort()).toEqual([a.id, r2.id].sort());
    expect(byCustomer.items.find((i: any) => i.id === r2.id)).toMatchObject({
      number: `${b.number}-R2`,
      totalMinor: 7_320_000,
      customerName: 'ГК «Технопарк»',
    });
    expect((await ok('GET', '/api/quotes?customerId=2&allRevisions=true&pageSize=100')).items).toHaveLength(3);

    expect((await ok('GET', `/api/quotes?q=${encodeURIComponent('ИНТЕГРАЦИЯ')}`)).items.map((i: any) => i.id)).toEqual([a.id]);
    expect((await ok('GET', `/api/quotes?q=${encodeURIComponent(b.number.toLowerCase())}`)).items.map((i: any) => i.id)).toEqual([r2.id]);
    expect((await ok('GET', `/api/quotes?q=${encodeURIComponent('технопарк')}&pageSize=100`)).total).toBe(2);
    expect((await ok('GET', '/api/quotes?q=%25')).items).toEqual([]);

    const page1 = await ok('GET', '/api/quotes?pageSize=2&page=1');
    const page2 = await ok('GET', '/api/quotes?pageSize=2&page=2');
    expect(page1.items).toHaveLength(2);
    expect(page1.total).toBe(page2.total);
    expect(page1.items.map((i: any) => i.id)).not.toContain(page2.items[0]?.id);
    await fails('GET', '/api/quotes?pageSize=1000', {}, 400, 'validation_failed');
    await fails('GET', '/api/quotes?status=lost', {}, 400, 'validation_failed');
  });
});
