/**
 * Mistakes people and scripts make, and what the API must do with them: a stage worth nothing,
 * credit granted by the wrong role, a forged import, a crowd guessing a password, an empty PATCH,
 * dates from another century, a quote in another currency.
 */
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { call, fails, freshIp, login, ok } from '../support/api';
import { acceptStage, allowBackdating, balance, burst, ledgerFacts, newCustomer, runningOrder, topup } from '../support/money';

describe('a stage worth 0 norm-hours', () => {
  it('is accepted without a ledger entry and does not block the queue', async () => {
    const c = await newCustomer();
    await topup(c.id, 5000);
    // K 0 (work the company does not bill), and 0.001 × 4.99 h, which rounds to 0.00 norm-hours.
    const order = await runningOrder(c.id, [['2.9', 500, 0], ['2.6', 499, undefined, 1], ['2.4']], { split: 'by_line' });
    expect(order.stages.map((s: any) => s.normHoursCenti)).toEqual([0, 0, 1000]);
    for (const n of [1, 2]) {
      const res = await acceptStage(order.id, n);
      expect(res.status).toBe(200);
      expect(((await res.json()) as any).debit).toMatchObject({
        entryId: null,
        normHoursCenti: 0,
        moneyMinor: 0,
        totalMinor: 0,
        balanceAfterCenti: 5000,
      });
    }
    expect((await acceptStage(order.id, 3)).status).toBe(200);
    const after = await ok('GET', `/api/orders/${order.id}`);
    expect(after.status).toBe('done');
    expect(after.stages.map((s: any) => s.status)).toEqual(['accepted', 'accepted', 'accepted']);
    const facts = await ledgerFacts(c.id);
    expect(facts.entries.map((e) => [e.kind, e.n])).toEqual([
      ['topup', 5000],
      ['debit', -1000],
    ]);
  });
});

describe('credit (the allowed overdraft) is the accountant’s and the admin’s', () => {
  it('a manager cannot grant it, on a new customer or an existing one; other edits are fine', async () => {
    await fails(
      'POST',
      '/api/customers',
      { as: 'manager', body: { name: 'Кредит от менеджера', overdraftCenti: 100_000 } },
      403,
      'forbidden',
    );
    const c = await ok('POST', '/api/customers', { as: 'manager', body: { name: 'Без кредита' } }, 201);
    await fails(
      'PATCH',
      `/api/customers/${c.id}`,
      { as: 'manager', body: { version: c.version, overdraftCenti: 100_000 } },
      403,
      'forbidden',
    );
    const phone = await ok('PATCH', `/api/customers/${c.id}`, {
      as: 'manager',
      body: { version: c.version, phone: '+7 900 000-00-00', overdraftCenti: 0 },
    });
    const granted = await ok('PATCH', `/api/customers/${c.id}`, {
      as: 'accountant',
      body: { version: phone.version, overdraftCenti: 1500 },
    });
    expect(granted.overdraftCenti).toBe(1500);
    await ok('PATCH', `/api/customers/${c.id}`, { as: 'admin', body: { version: granted.version, overdraftCenti: 0 } });
  });

  it('a manager cannot debit against credit they granted themselves', async () => {
    const c = await ok('POST', '/api/customers', { as: 'manager', body: { name: 'Попытка в минус' } }, 201);
    await fails('PATCH', `/api/customers/${c.id}`, { as: 'manager', body: { version: c.version, overdraftCenti: 10_000 } }, 403);
    const order = await runningOrder(c.id, [['2.4']]);
    expect(order.status).toBe('queued');
    const res = await acceptStage(order.id, 1, undefined, {}, 'manager');
    expect(res.status).toBe(422);
    expect(await balance(c.id)).toBe(0);
  });
});

describe('importing a customer', () => {
  async function exported() {
    const c = await newCustomer();
    await topup(c.id, 3000);
    const order = await runningOrder(c.id, [['2.4']]);
    expect((await acceptStage(order.id, 1)).status).toBe(200);
    return ok('GET', `/api/customers/${c.id}/export.json`, { as: 'admin' });
  }
  const counts = async () =>
    env.DB.prepare(
      'select (select count(*) from ledger_entries) as ledger, (select count(*) from audit_log) as audit, (select count(*) from ' +
        'customers) as customers',
    ).first();

  it('refuses rows that reach into other customers’ records, and writes nothing', async () => {
    const doc = await exported();
    const victim = await newCustomer();
    const fresh = (n: number) => 900_000 + n;
    // The same document under ids that are free here, but with one row pointing elsewhere.
    const moved = JSON.parse(JSON.stringify(doc).replaceAll(`"customerId":${doc.customer.id}`, `"customerId":${fresh(1)}`));
    moved.customer.id = fresh(1);
    const renumber = (rows: any[], base: number) =>
      rows.forEach((r, i) => {
        r.id = base + i;
      });
    for (const [rows, base] of [
      [moved.ledger, 910_000],
      [moved.debitItems, 920_000],
      [moved.audit, 930_000],
    ] as const)
      renumber(rows as any[], base);
    const before = await counts();
    const intoVictim = structuredClone(moved);
    intoVictim.ledger[0].customerId = victim.id; // a top-up into someone else's balance
    const err = await fails('POST', '/api/import/customer', { as: 'admin', body: intoVictim }, 400, 'validation_failed');
    expect(JSON.stringify(err.details)).toContain('ledger');
    const forgedAudit = structuredClone(moved);
    forgedAudit.audit.push({
      ...forgedAudit.audit[0],
      id: 939_999,
      quoteId: 1,
      seriesId: 1,
      action: 'accepted',
      actorKind: 'customer',
      actorName: 'Подделка',
    });
    await fails('POST', '/api/import/customer', { as: 'admin', body: forgedAudit }, 400, 'validation_failed');
    expect(await counts()).toEqual(before);
    expect(await balance(victim.id)).toBe(0);
  });

  it('refuses a document whose ids are taken, all or nothing', async () => {
    const doc = await exported();
    const before = await counts();
    const moved = { ...doc, customer: { ...doc.customer, id: 777_777 } };
    // its rows still name the old customer
    await fails('POST', '/api/import/customer', { as: 'admin', body: moved }, 400, 'validation_failed');
    const err = await fails('POST', '/api/import/customer', { as: 'admin', body: doc }, 409, 'import_conflict');
    expect(JSON.stringify(err.details)).toContain('customer');
    expect(await counts()).toEqual(before);
  });
});

describe('login under a crowd of guesses', () => {
  it('16 concurrent wrong passwords: five are checked, the rest refused unchecked; then even the right one is locked out', async () => {
    await ok(
      'POST',
      '/api/users',
      { as: 'admin', body: { email: 'crowd@demo.local', name: 'Crowd', role: 'manager', password: 'the-right-password' } },
      201,
    );
    const ip = freshIp();
    const answers = await burst(16, (i) => login('crowd@demo.local', `guess-${i}`, ip));
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(11);
    expect((await login('crowd@demo.local', 'the-right-password', ip)).status).toBe(429);
  });

  it('successful logins do not use up an address’s attempts (fifty failures lock it)', async () => {
    const ip = freshIp();
    for (let i = 0; i < 55; i++) expect((await login('manager@demo.local', undefined, ip)).status).toBe(200);
  });
});

describe('a PATCH must change something', () => {
  it('an empty body (or only a version) is a 400 on every PATCH route, and no version moves', async () => {
    const c = await ok('POST', '/api/customers', { body: { name: 'Пустой PATCH' } }, 201);
    const q = await ok('POST', '/api/quotes', { body: { customerId: c.id, title: 'Пустой PATCH' } }, 201);
    const withLine = await ok('POST', `/api/quotes/${q.id}/lines`, { body: { version: q.version, title: 'Строка', hoursCenti: 100 } }, 201);
    const project = await ok(
      'POST',
      '/api/crowdfunding',
      { body: { code: 'EMPTY-PATCH', title: 'Пустой', description: '', estimate: [{ kMilli: 1000, hoursCenti: 100 }] } },
      201,
    );
    const settings = await ok('GET', '/api/settings');
    const item = (await ok<any[]>('GET', '/api/catalog/items'))[0];
    const category = (await ok<any[]>('GET', '/api/catalog/categories'))[0];
    const routes: [string, Record<string, unknown>][] = [
      [`/api/customers/${c.id}`, { version: c.version }],
      [`/api/quotes/${q.id}`, { version: withLine.version }],
      [`/api/quotes/${q.id}/lines/${withLine.lines[0].id}`, { version: withLine.version }],
      [`/api/crowdfunding/${project.id}`, { version: project.version }],
      ['/api/settings', { version: settings.version }],
      [`/api/catalog/items/${item.id}`, { version: item.version }],
      [`/api/catalog/categories/${category.id}`, {}],
      ['/api/users/2', {}],
    ];
    for (const [path, body] of routes) {
      for (const sent of [{}, body]) {
        const err = await fails('PATCH', path, { as: 'admin', body: sent }, 400, 'validation_failed');
        expect(err.message, path).toMatch(/nothing to change|is required/);
      }
    }
    expect((await ok('GET', `/api/customers/${c.id}`)).version).toBe(c.version);
    expect((await ok('GET', `/api/quotes/${q.id}`)).version).toBe(withLine.version);
    expect((await ok('GET', `/api/crowdfunding/${project.id}`)).version).toBe(project.version);
    expect((await ok('GET', '/api/settings')).version).toBe(settings.version);
  });
});

describe('dates and months are of this century, and entries are not back-dated without limit', () => {
  it('months and dates outside 2000–2099 are a 400, never read as another year', async () => {
    for (const month of ['0001-01', '1999-12', '2100-01', '99-01']) {
      await fails('GET', `/api/reports/consumption?month=${month}`, { as: 'accountant' }, 400, 'validation_failed');
    }
    const c = await newCustomer();
    for (const at of ['0001-01-01T00:00:00Z', '1901-06-01T00:00:00Z', '2100-01-01T00:00:00Z']) {
      await fails(
        'POST',
        `/api/customers/${c.id}/ledger`,
        { as: 'accountant', body: { kind: 'topup', normHoursCenti: 100, memo: 'x', at } },
        400,
        'validation_failed',
      );
    }
    for (const validUntil of ['0001-01-01', '2100-01-01', '2027-02-30']) {
      await fails('POST', '/api/quotes', { body: { customerId: c.id, title: 'Дата', validUntil } }, 400, 'validation_failed');
    }
    expect((await ledgerFacts(c.id)).entries).toHaveLength(0);
  });

  it('an entry may be dated back as far as the settings allow, no further (422)', async () => {
    await allowBackdating(10);
    const c = await newCustomer();
    const day = (d: number) => new Date(Date.now() - d * 86_400_000).toISOString();
    await topup(c.id, 100, { at: day(9) });
    const err = await fails(
      'POST',
      `/api/customers/${c.id}/ledger`,
      { as: 'accountant', body: { kind: 'topup', normHoursCenti: 100, memo: 'x', at: day(12) } },
      422,
      'backdated_too_far',
    );
    expect(err.details).toMatchObject({ backdateDays: 10 });
    await allowBackdating(3650);
    await topup(c.id, 100, { at: day(400) });
    expect(await balance(c.id)).toBe(200);
  });
});

describe('one currency per installation', () => {
  it('a quote in another currency is refused; the settings’ currency cannot change once quotes exist', async () => {
    const c = await newCustomer();
    await fails('POST', '/api/quotes', { body: { customerId: c.id, title: 'В долларах', currency: 'USD' } }, 422, 'currency_mismatch');
    const q = await ok('POST', '/api/quotes', { body: { customerId: c.id, title: 'В рублях', currency: 'RUB' } }, 201);
    expect(q.currency).toBe('RUB');
    const s = await ok('GET', '/api/settings');
    await fails('PATCH', '/api/settings', { as: 'admin', body: { version: s.version, currency: 'EUR' } }, 422, 'currency_in_use');
    expect((await ok('GET', '/api/settings')).currency).toBe('RUB');
  });
});

describe('who lists quotes', () => {
  it('the quote list is sales’ (API.md); the accountant opens a quote by id', async () => {
    await fails('GET', '/api/quotes', { as: 'accountant' }, 403, 'forbidden');
    const list = await ok('GET', '/api/quotes', { as: 'manager' });
    const first = list.items?.[0] ?? list[0];
    if (first) expect((await call('GET', `/api/quotes/${first.id}`, { as: 'accountant' })).status).toBe(200);
    expect(first).toBeDefined();
  });
});
