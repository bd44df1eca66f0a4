import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { SEED_ITEMS } from '../../schema/seed/catalog';
import { call, fails, ok } from '../support/api';

const count = async (table: string) => (await env.DB.prepare(`select count(*) as n from ${table}`).first<{ n: number }>())!.n;

describe('price list', () => {
  it('serves the whole demo catalog in the API.md shape', async () => {
    const items = await ok<any[]>('GET', '/api/catalog/items', { as: 'accountant' });
    expect(items).toHaveLength(SEED_ITEMS.length);
    const impl = items.find((i) => i.code === '2.5');
    expect(impl).toMatchObject({ mode: 'fixed', hoursCenti: 6400, kMilli: 1000, active: true, categoryId: expect.any(Number) });
    expect(impl.limits).toContain('до 10 тематических секций');
    expect(impl.inputs.length).toBeGreaterThan(10);
    expect(impl.result).toContain('Готовая к эксплуатации');
    const content = items.find((i) => i.code === '2.1');
    expect(content).toMatchObject({ mode: 'estimate', hoursCenti: null, kMilli: 600, actualTime: true });
    // the seed's 14 typical content tasks (issue 17 added the first one)
    expect(items.filter((i) => i.code.startsWith('4.'))).toHaveLength(14);
    expect(items.filter((i) => i.section === '1').map((i) => i.code)).toEqual(['1.1', '1.2', '1.3', '1.4']);
    expect(items.map((i) => i.code).slice(0, 3)).toEqual(['2.1', '2.2', '2.3']);
  });

  it('serves specialist categories with K as data', async () => {
    const cats = await ok<any[]>('GET', '/api/catalog/categories');
    expect(cats.find((c) => c.code === 'content_assistant')).toMatchObject({
      kMilli: 600,
      name: 'Ассистент редактора',
      nameEn: 'Content assistant',
    });
    expect(cats.find((c) => c.code === 'developer')).toMatchObject({ kMilli: 1000 });
  });

  it('the admin adds a fixed item; K defaults to the category’s', async () => {
    const cats = await ok<any[]>('GET', '/api/catalog/categories');
    const assistant = cats.find((c) => c.code === 'content_assistant');
    const item = await ok(
      'POST',
      '/api/catalog/items',
      {
        as: 'admin',
        body: { code: '4.99', name: 'Проверка курса', nameEn: 'Course review', mode: 'fixed', hoursCenti: 500, categoryId: assistant.id },
      },
      201,
    );
    expect(item).toMatchObject({ code: '4.99', kMilli: 600, hoursCenti: 500, section: '4', version: 1 });
    const changed = await ok('PATCH', `/api/catalog/items/${item.id}`, {
      as: 'admin',
      body: { version: 1, hoursCenti: 750, kMilli: 1000 },
    });
    expect(changed).toMatchObject({ hoursCenti: 750, kMilli: 1000, version: 2 });
    await fails('PATCH', `/api/catalog/items/${item.id}`, { as: 'admin', body: { version: 1, hoursCenti: 100 } }, 409, 'version_conflict');
    expect((await ok('GET', `/api/catalog/items/${item.id}`)).hoursCenti).toBe(750);
  });

  it('only the admin edits the price list', async () => {
    const before = await count('catalog_items');
    for (const as of ['manager', 'accountant'] as const) {
      await fails(
        'POST',
        '/api/catalog/items',
        { as, body: { code: '9.9', name: 'x', mode: 'estimate', categoryId: 1 } },
        403,
        'forbidden',
      );
      await fails('PATCH', '/api/catalog/items/1', { as, body: { hoursCenti: 1 } }, 403, 'forbidden');
      await fails('PATCH', '/api/settings', { as, body: { rateMinor: 1 } }, 403, 'forbidden');
    }
    await fails('POST', '/api/catalog/items', { as: 'anon', body: {} }, 401, 'unauthenticated');
    expect(await count('catalog_items')).toBe(before);
  });

  it('keeps each item’s rules: fixed needs hours, estimate has none, codes are unique', async () => {
    const before = await count('catalog_items');
    const e1 = await fails(
      'POST',
      '/api/catalog/items',
      { as: 'admin', body: { code: '9.1', name: 'x', mode: 'fixed', categoryId: 1 } },
      400,
    );
    expect(e1.message).toContain('hoursCenti');
    const e2 = await fails(
      'POST',
      '/api/catalog/items',
      { as: 'admin', body: { code: '9.2', name: 'x', mode: 'estimate', hoursCenti: 100, categoryId: 1 } },
      400,
    );
    expect(e2.message).toContain('hoursCenti');
    await fails(
      'POST',
      '/api/catalog/items',
      { as: 'admin', body: { code: '2.2', name: 'dup', mode: 'fixed', hoursCenti: 100, categoryId: 1 } },
      409,
      'code_taken',
    );
    const e3 = await fails(
      'POST',
      '/api/catalog/items',
      { as: 'admin', body: { code: '9.3', name: 'x', mode: 'estimate', categoryId: 999 } },
      400,
    );
    expect(e3.message).toContain('categoryId');
    expect(await count('catalog_items')).toBe(before);
  });

  describe('bad input: a 400 that names the field, nothing stored', () => {
    const base = { code: '9.5', name: 'Проверка', mode: 'fixed', hoursCenti: 100, categoryId: 1 };
    const cases: [string, unknown, string][] = [
      ['negative hours', { ...base, hoursCenti: -100 }, 'hoursCenti'],
      ['absurd hours', { ...base, hoursCenti: 10_000_001 }, 'hoursCenti'],
      ['fractional hundredths', { ...base, hoursCenti: 10.5 }, 'hoursCenti'],
      ['hours as text', { ...base, hoursCenti: '20' }, 'hoursCenti'],
      ['K above 5', { ...base, kMilli: 5001 }, 'kMilli'],
      ['K below 0', { ...base, kMilli: -1 }, 'kMilli'],
      ['unknown field', { ...base, price: 5 }, 'price'],
      ['a 1 MB name', { ...base, name: 'я'.repeat(1_000_000) }, 'name'],
      ['missing name', { ...base, name: undefined }, 'name'],
      ['bad mode', { ...base, mode: 'hourly' }, 'mode'],
    ];
    for (const [label, body, field] of cases) {
      it(label, async () => {
        const before = await count('catalog_items');
        const error = await fails('POST', '/api/catalog/items', { as: 'admin', body }, 400, 'validation_failed');
        expect(error.message).toContain(field);
        expect(error.details.some((d: any) => d.field === field)).toBe(true);
        expect(await count('catalog_items')).toBe(before);
      });
    }

    it('malformed JSON', async () => {
      const error = await fails(
        'POST',
        '/api/catalog/items',
        { as: 'admin', rawBody: '{"code": "9.6",', headers: { 'content-type': 'application/json' } },
        400,
      );
      expect(error.code).toBe('validation_failed');
    });

    it('a body that is not JSON at all', async () => {
      const res = await call('POST', '/api/catalog/items', { as: 'admin', rawBody: 'code=1', headers: { 'content-type': 'text/plain' } });
      expect(res.status).toBe(415);
      expect(((await res.json()) as any).error.code).toBe('unsupported_media_type');
    });

    it('a body over 2 MB is refused before parsing', async () => {
      const res = await call('POST', '/api/catalog/items', { as: 'admin', body: { code: '9.7', name: 'x'.repeat(3_000_000) } });
      expect(res.status).toBe(413);
    });

    it('messages follow the request’s language', async () => {
      const ru = await fails(
        'POST',
        '/api/catalog/items',
        { as: 'admin', body: { ...base, kMilli: 9000 }, headers: { 'accept-language': 'ru-RU,ru' } },
        400,
      );
      expect(ru.message).toMatch(/Неверные данные.*kMilli.*не больше 5000/);
      const en = await fails(
        'POST',
        '/api/catalog/items',
        { as: 'admin', body: { ...base, kMilli: 9000 }, headers: { 'accept-language': 'en' } },
        400,
      );
      expect(en.message).toMatch(/Invalid input.*kMilli.*at most 5000/);
    });

    it('a path id that is not a number', async () => {
      const error = await fails('GET', '/api/catalog/items/abc', {}, 400, 'validation_failed');
      expect(error.message).toContain('id');
      await fails('GET', '/api/catalog/items/999999', {}, 404, 'not_found');
    });
  });
});

describe('settings', () => {
  it('defaults: 3 000 ₽, RUB, VAT 22 %, Europe/Moscow', async () => {
    expect(await ok('GET', '/api/settings', { as: 'accountant' })).toMatchObject({
      rateMinor: 300_000,
      currency: 'RUB',
      vatRateMilli: 220,
      timeZone: 'Europe/Moscow',
    });
  });

  it('the admin changes them with a version guard', async () => {
    const s = await ok('GET', '/api/settings');
    const saved = await ok('PATCH', '/api/settings', {
      as: 'admin',
      body: { version: s.version, rateMinor: 350_000, timeZone: 'Asia/Yekaterinburg' },
    });
    expect(saved).toMatchObject({ rateMinor: 350_000, timeZone: 'Asia/Yekaterinburg', version: s.version + 1 });
    await fails('PATCH', '/api/settings', { as: 'admin', body: { version: s.version, rateMinor: 1 } }, 409, 'version_conflict');
    await ok('PATCH', '/api/settings', { as: 'admin', body: { rateMinor: 300_000, timeZone: 'Europe/Moscow' } });
  });

  it('refuses a rate of 0, VAT over 100 %, an unknown time zone, a bad currency', async () => {
    const before = await ok('GET', '/api/settings');
    for (const [body, field] of [
      [{ rateMinor: 0 }, 'rateMinor'],
      [{ vatRateMilli: 1001 }, 'vatRateMilli'],
      [{ timeZone: 'Mars/Olympus' }, 'timeZone'],
      [{ currency: 'rubles' }, 'currency'],
      [{ vatMode: 'sometimes' }, 'vatMode'],
    ] as const) {
      const e = await fails('PATCH', '/api/settings', { as: 'admin', body }, 400, 'validation_failed');
      expect(e.message).toContain(field);
    }
    expect(await ok('GET', '/api/settings')).toEqual(before);
  });
});

describe('customers', () => {
  it('lists demo customers with balances; staff add and edit them', async () => {
    const list = await ok<any[]>('GET', '/api/customers', { as: 'accountant' });
    expect(list).toHaveLength(3);
    expect(list[0]).toMatchObject({ balanceCenti: 0, overdraftCenti: expect.any(Number) });
    const created = await ok(
      'POST',
      '/api/customers',
      { body: { name: '  ООО «Ромашка»  ', taxId: '7700000000', email: 'buh@romashka.example' } },
      201,
    );
    expect(created).toMatchObject({ name: 'ООО «Ромашка»', balanceCenti: 0, version: 1 });
    const found = await ok<any[]>('GET', `/api/customers?q=${encodeURIComponent('ромашк')}`);
    expect(found.map((c) => c.id)).toContain(created.id);
    const edited = await ok('PATCH', `/api/customers/${created.id}`, { body: { version: 1, contactName: 'Анна' } });
    expect(edited).toMatchObject({ contactName: 'Анна', version: 2 });
    await fails('PATCH', `/api/customers/${created.id}`, { body: { version: 1, contactName: 'Пётр' } }, 409, 'version_conflict');
    expect(await ok('GET', `/api/customers/${created.id}/balance`)).toEqual({
      customerId: created.id,
      normHoursCenti: 0,
      overdraftCenti: 0,
      availableCenti: 0,
    });
    await fails('GET', '/api/customers/424242/balance', {}, 404, 'not_found');
    await fails('POST', '/api/customers', { body: { name: '' } }, 400, 'validation_failed');
    await fails('POST', '/api/customers', { body: { name: 'X', email: 'not-an-email' } }, 400, 'validation_failed');
  });
});
