import { describe, expect, it } from 'vitest';
import { ORIGIN, fails, fetchWorker, ok, freshIp } from '../support/api';

let codeCounter = 0;
async function project(extra: Record<string, unknown> = {}) {
  return ok(
    'POST',
    '/api/crowdfunding',
    {
      body: {
        code: `CF-${++codeCounter}`,
        title: 'Журнал посещаемости с отметками преподавателя',
        description: '## Что будет\n- отметки на занятии\n- **выгрузка** в xls\n\n[Макет](https://example.com/mockup)',
        estimate: [
          { kMilli: 1000, hoursCenti: 4000, title: 'Разработка' },
          { kMilli: 600, hoursCenti: 1000, title: 'Методист' },
        ],
        ...extra,
      },
    },
    201,
  );
}

const topup = (customerId: number, normHoursCenti: number) =>
  ok('POST', `/api/customers/${customerId}/ledger`, { as: 'accountant', body: { kind: 'topup', normHoursCenti, memo: 'пакет' } }, 201);

describe('crowdfunding projects', () => {
  it('price = Σ ROUND(hours × K × rate, 2); nothing pledged yet', async () => {
    const p = await project();
    expect(p).toMatchObject({
      status: 'open',
      priceMinor: 13_800_000, // 40 h × 1 × 3 000 + 10 h × 0.6 × 3 000
      normHoursCenti: 4600,
      promisedCenti: 0,
      confirmedCenti: 0,
      remainingCenti: 4600,
      fundedMilli: 0,
      funders: 0,
    });
    expect((await ok<any[]>('GET', '/api/crowdfunding', { as: 'accountant' })).map((x) => x.id)).toContain(p.id);
    await fails(
      'POST',
      '/api/crowdfunding',
      { body: { code: p.code, title: 'x', estimate: [{ kMilli: 1000, hoursCenti: 100 }] } },
      409,
      'code_taken',
    );
    await fails(
      'POST',
      '/api/crowdfunding',
      { as: 'accountant', body: { code: 'Z', title: 'x', estimate: [{ kMilli: 1000, hoursCenti: 100 }] } },
      403,
    );
    await fails('POST', '/api/crowdfunding', { body: { code: 'Z', title: 'x', estimate: [] } }, 400, 'validation_failed');
    await fails(
      'POST',
      '/api/crowdfunding',
      { body: { code: 'Z', title: 'x', estimate: [{ kMilli: 6000, hoursCenti: 100 }] } },
      400,
      'validation_failed',
    );
    await fails(
      'POST',
      '/api/crowdfunding',
      {
        body: { code: 'Z', title: 'x', estimate: [{ kMilli: 1000, hoursCenti: 100 }], links: [{ title: 'x', url: 'javascript:alert(1)' }] },
      },
      400,
    );
  });

  it(
    'pledges: promised, then confirmed by the accountant (debiting the balance); funded is computed; an over-pledge is ' + 'visible',
    async () => {
      const p = await project();
      await topup(1, 10_000);
      await topup(2, 10_000);
      let v = await ok(
        'POST',
        `/api/crowdfunding/${p.id}/pledges`,
        { body: { customerId: 1, normHoursCenti: 3000, note: 'обещали на совещании' } },
        201,
      );
      expect(v).toMatchObject({ promisedCenti: 3000, remainingCenti: 1600, funders: 1, status: 'open' });
      v = await ok('POST', `/api/crowdfunding/${p.id}/pledges`, { body: { customerId: 2, moneyMinor: 6_000_000 } }, 201); // 60 000 ₽ = 20 h
      expect(v.pledges[1]).toMatchObject({ normHoursCenti: 2000, status: 'promised', customerName: 'ГК «Технопарк»' });
      expect(v).toMatchObject({ remainingCenti: 0, funders: 2 });

      const balanceBefore = (await ok('GET', '/api/customers/1/balance')).normHoursCenti;
      await fails('POST', `/api/crowdfunding/${p.id}/pledges/${v.pledges[0].id}/confirm`, { as: 'manager' }, 403);
      v = await ok('POST', `/api/crowdfunding/${p.id}/pledges/${v.pledges[0].id}/confirm`, { as: 'accountant' });
      expect(v).toMatchObject({ confirmedCenti: 3000, promisedCenti: 2000, fundedMilli: 652, status: 'open' }); // 30 / 46
      expect((await ok('GET', '/api/customers/1/balance')).normHoursCenti).toBe(balanceBefore - 3000);
      await fails('POST', `/api/crowdfunding/${p.id}/pledges/${v.pledges[0].id}/confirm`, { as: 'accountant' }, 409, 'pledge_not_promised');
      const ledger = await ok<any[]>('GET', '/api/customers/1/ledger');
      expect(ledger[0]).toMatchObject({ kind: 'debit', normHoursCenti: -3000, moneyMinor: -9_000_000 });

      v = await ok('POST', `/api/crowdfunding/${p.id}/pledges/${v.pledges[1].id}/confirm`, { as: 'admin' });
      expect(v).toMatchObject({ status: 'funded', fundedMilli: 1086, overPledgedCenti: 400, remainingCenti: 0 });
    },
  );

  it('a pledge in money becomes norm-hours at the current rate, rounded to the hundredth', async () => {
    const p = await project();
    // 500 ₽ at 3 000 ₽ per norm-hour = 0.1666… h → 0.17 h (half up, not truncated)
    const v = await ok('POST', `/api/crowdfunding/${p.id}/pledges`, { body: { customerId: 1, moneyMinor: 50_000 } }, 201);
    expect(v.pledges.at(-1)).toMatchObject({ normHoursCenti: 17 });
    await fails('POST', `/api/crowdfunding/${p.id}/pledges`, { body: { customerId: 1, moneyMinor: 1 } }, 400, 'validation_failed');
    expect((await ok('GET', `/api/crowdfunding/${p.id}`)).pledges).toHaveLength(1);
  });

  it('a confirmation the balance cannot pay is refused and nothing is debited', async () => {
    const p = await project();
    const c = await ok('POST', '/api/customers', { body: { name: 'Без денег' } }, 201);
    const v = await ok('POST', `/api/crowdfunding/${p.id}/pledges`, { body: { customerId: c.id, normHoursCenti: 500 } }, 201);
    await fails('POST', `/api/crowdfunding/${p.id}/pledges/${v.pledges[0].id}/confirm`, { as: 'accountant' }, 422, 'insufficient_balance');
    expect((await ok('GET', `/api/customers/${c.id}/balance`)).normHoursCenti).toBe(0);
  });

  it('status rules: open → in development → released; withdrawal refunds confirmed pledges', async () => {
    const p = await project();
    await topup(3, 5000);
    const before = (await ok('GET', '/api/customers/3/balance')).normHoursCenti;
    let v = await ok('POST', `/api/crowdfunding/${p.id}/pledges`, { body: { customerId: 3, normHoursCenti: 1000 } }, 201);
    v = await ok('POST', `/api/crowdfunding/${p.id}/pledges/${v.pledges[0].id}/confirm`, { as: 'accountant' });
    v = await ok('POST', `/api/crowdfunding/${p.id}/pledges`, { body: { customerId: 2, normHoursCenti: 700 } }, 201);
    await fails('PATCH', `/api/crowdfunding/${p.id}`, { body: { version: v.version, status: 'released' } }, 422, 'illegal_transition');
    v = await ok('PATCH', `/api/crowdfunding/${p.id}`, { body: { version: v.version, status: 'withdrawn' } });
    expect(v.status).toBe('withdrawn');
    expect(v.pledges.map((x: any) => x.status)).toEqual(['cancelled', 'cancelled']);
    expect((await ok('GET', '/api/customers/3/balance')).normHoursCenti).toBe(before);
    const ledger = await ok<any[]>('GET', '/api/customers/3/ledger');
    expect(ledger[0]).toMatchObject({ kind: 'correction', normHoursCenti: 1000 });
    expect(ledger[0].correctsEntryId).toBe(ledger[1].id);
    await fails('PATCH', `/api/crowdfunding/${p.id}`, { body: { version: v.version, status: 'open' } }, 422, 'illegal_transition');
    await fails('POST', `/api/crowdfunding/${p.id}/pledges`, { body: { customerId: 1, normHoursCenti: 100 } }, 422, 'project_closed');

    const q = await project();
    const dev = await ok('PATCH', `/api/crowdfunding/${q.id}`, { body: { version: q.version, status: 'in_development' } });
    await fails(
      'PATCH',
      `/api/crowdfunding/${q.id}`,
      { body: { version: dev.version, estimate: [{ kMilli: 1000, hoursCenti: 100 }] } },
      422,
      'estimate_fixed',
    );
    const released = await ok('PATCH', `/api/crowdfunding/${q.id}`, { body: { version: dev.version, status: 'released' } });
    expect(released.status).toBe('released');
    await fails('POST', `/api/crowdfunding/${q.id}/pledges`, { body: { customerId: 1, normHoursCenti: 100 } }, 422, 'project_closed');
    await fails('PATCH', `/api/crowdfunding/${q.id}`, { body: { version: dev.version, title: 'stale' } }, 409, 'version_conflict');
  });

  it('bad pledges: negative, zero, both or neither amount, unknown customer or project', async () => {
    const p = await project();
    await fails('POST', `/api/crowdfunding/${p.id}/pledges`, { body: { customerId: 1, normHoursCenti: -100 } }, 400, 'validation_failed');
    await fails('POST', `/api/crowdfunding/${p.id}/pledges`, { body: { customerId: 1, normHoursCenti: 0 } }, 400, 'validation_failed');
    await fails('POST', `/api/crowdfunding/${p.id}/pledges`, { body: { customerId: 1 } }, 400, 'validation_failed');
    await fails(
      'POST',
      `/api/crowdfunding/${p.id}/pledges`,
      { body: { customerId: 1, normHoursCenti: 100, moneyMinor: 100 } },
      400,
      'validation_failed',
    );
    await fails('POST', `/api/crowdfunding/${p.id}/pledges`, { body: { customerId: 9999, normHoursCenti: 100 } }, 400, 'validation_failed');
    await fails('POST', '/api/crowdfunding/9999/pledges', { body: { customerId: 1, normHoursCenti: 100 } }, 404);
    expect((await ok('GET', `/api/crowdfunding/${p.id}`)).pledges).toEqual([]);
  });
});

describe('comparing projects', () => {
  it('2–4 projects side by side with the remainder split among N, to the kopeck', async () => {
    const a = await project({ estimate: [{ kMilli: 1000, hoursCenti: 1000 }] }); // 10 h = 30 000 ₽
    const b = await project({ estimate: [{ kMilli: 600, hoursCenti: 1000 }] }); // 6 h = 18 000 ₽
    await ok('POST', `/api/crowdfunding/${a.id}/pledges`, { body: { customerId: 1, normHoursCenti: 1 } }, 201);
    const cmp = await ok('GET', `/api/crowdfunding/compare?ids=${a.id},${b.id}&n=3&customerId=3`);
    expect(cmp.n).toBe(3);
    expect(cmp.customer).toMatchObject({ id: 3 });
    const [pa, pb] = cmp.projects;
    expect(pa).toMatchObject({
      id: a.id,
      priceMinor: 3_000_000,
      normHoursCenti: 1000,
      promisedCenti: 1,
      remainingCenti: 999,
      fundedMilli: 0,
      funders: 1,
    });
    expect(pa.sharesCenti).toEqual([333, 333, 333]);
    expect(pa).toMatchObject({ perFunderCenti: 333, perFunderMinor: 999_000 });
    expect(pb.sharesCenti).toEqual([200, 200, 200]);
    expect(pb.sharesCenti.reduce((x: number, y: number) => x + y, 0)).toBe(pb.remainingCenti);
    expect(typeof pa.customerCovers).toBe('boolean');
    const balance3 = (await ok('GET', '/api/customers/3/balance')).availableCenti;
    expect(pa.customerCovers).toBe(balance3 >= 333);

    const uneven = await ok('GET', `/api/crowdfunding/compare?ids=${a.id},${b.id}&n=7`);
    expect(uneven.projects[0].sharesCenti).toEqual([143, 143, 143, 143, 143, 142, 142]); // 999 among 7
    expect(uneven.projects[0].perFunderMinor).toBe(429_000);
    expect(uneven.customer).toBeNull();
  });

  it(
    'funded % (confirmed) and promised % apart; the co-funders by name; the balance covers a share only after what the ' + 'queue needs',
    async () => {
      const a = await project({ estimate: [{ kMilli: 1000, hoursCenti: 1000 }], targetDate: '2027-03-31' }); // 10 norm-hours
      const b = await project({ estimate: [{ kMilli: 1000, hoursCenti: 2000 }] });
      const cust = await ok('POST', '/api/customers', { as: 'accountant', body: { name: 'Академия «Очередь»' } }, 201);
      const other = await ok('POST', '/api/customers', { as: 'accountant', body: { name: 'Гимназия «Альфа»' } }, 201);
      await topup(cust.id, 1000);
      const confirmed = await ok('POST', `/api/crowdfunding/${a.id}/pledges`, { body: { customerId: cust.id, normHoursCenti: 250 } }, 201);
      await ok('POST', `/api/crowdfunding/${a.id}/pledges/${confirmed.pledges[0].id}/confirm`, { as: 'accountant' });
      await ok('POST', `/api/crowdfunding/${a.id}/pledges`, { body: { customerId: other.id, normHoursCenti: 400 } }, 201);
      let cmp = await ok('GET', `/api/crowdfunding/compare?ids=${a.id},${b.id}&n=1&customerId=${cust.id}`);
      const [pa] = cmp.projects;
      expect(pa).toMatchObject({
        confirmedCenti: 250,
        promisedCenti: 400,
        fundedMilli: 250,
        promisedMilli: 400,
        targetDate: '2027-03-31',
        remainingCenti: 350,
      });
      expect(pa.cofunders).toEqual([
        { customerId: cust.id, name: 'Академия «Очередь»', promisedCenti: 0, confirmedCenti: 250 },
        { customerId: other.id, name: 'Гимназия «Альфа»', promisedCenti: 400, confirmedCenti: 0 },
      ]);
      // 7,50 left on the balance covers a 3,50 share…
      expect(cmp.customer).toMatchObject({ balanceCenti: 750, queuedCenti: 0, availableCenti: 750 });
      expect(pa.customerCovers).toBe(true);
      // …until a queued order needs 5 of them: 2,50 is what is left for a share.
      const q = await ok('POST', '/api/quotes', { body: { customerId: cust.id, title: 'Очередь' } }, 201);
      const items = await ok<any[]>('GET', '/api/catalog/items');
      let quote = await ok(
        'POST',
        `/api/quotes/${q.id}/lines`,
        { body: { version: q.version, catalogItemId: items.find((i) => i.code === '2.6').id, hoursCenti: 500 } },
        201,
      );
      quote = await ok('POST', `/api/quotes/${q.id}/send`, { body: { version: quote.version } });
      const { token } = await ok('POST', `/api/quotes/${q.id}/share`, {}, 201);
      const accepted = await fetchWorker(`/api/shared/${token}/accept`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: ORIGIN, 'cf-connecting-ip': freshIp() },
        body: JSON.stringify({ name: 'Директор' }),
      });
      expect(accepted.status).toBe(200);
      await ok('POST', `/api/quotes/${q.id}/order`, {}, 201);
      cmp = await ok('GET', `/api/crowdfunding/compare?ids=${a.id},${b.id}&n=1&customerId=${cust.id}`);
      expect(cmp.customer).toMatchObject({ balanceCenti: 750, queuedCenti: 500, availableCenti: 250 });
      expect(cmp.projects[0].customerCovers).toBe(false);
    },
  );

  it('refuses 1 or 5 projects, unknown ids, garbage', async () => {
    const ps = [];
    for (let i = 0; i < 5; i++) ps.push(await project());
    await fails('GET', `/api/crowdfunding/compare?ids=${ps[0].id}`, {}, 400, 'validation_failed');
    await fails('GET', `/api/crowdfunding/compare?ids=${ps[0].id},${ps[0].id}`, {}, 400, 'validation_failed');
    await fails('GET', `/api/crowdfunding/compare?ids=${ps.map((p) => p.id).join(',')}`, {}, 400, 'validation_failed');
    await fails('GET', `/api/crowdfunding/compare?ids=${ps[0].id},99999`, {}, 404);
    await fails('GET', `/api/crowdfunding/compare?ids=${ps[0].id},${ps[1].id}&customerId=99999`, {}, 404);
    const four = await ok(
      'GET',
      `/api/crowdfunding/compare?ids=${ps
        .slice(0, 4)
        .map((p) => p.id)
        .join(',')}`,
    );
    expect(four.projects.map((p: any) => p.id)).toEqual(ps.slice(0, 4).map((p) => p.id));
    await fails('GET', '/api/crowdfunding/compare?ids=1,abc', {}, 400);
    await fails('GET', `/api/crowdfunding/compare?ids=${ps[0].id},${ps[1].id}&n=0`, {}, 400);
    await fails('GET', '/api/crowdfunding/compare', {}, 400);
  });
});

describe('a share in a quote', () => {
  it('becomes a quote line linked to the project; accepting the quote makes the pledge', async () => {
    const p = await project({ estimate: [{ kMilli: 1000, hoursCenti: 3000 }] });
    let q = await ok('POST', '/api/quotes', { body: { customerId: 2, title: 'Долевое участие' } }, 201);
    q = await ok('POST', `/api/crowdfunding/${p.id}/quote-line`, { body: { quoteId: q.id, version: q.version, n: 3 } }, 201);
    expect(q.lines[0]).toMatchObject({
      kind: 'project',
      projectId: p.id,
      code: p.code,
      hoursCenti: 1000,
      kMilli: 1000,
      amountMinor: 3_000_000,
    });
    await fails('POST', `/api/crowdfunding/${p.id}/quote-line`, { body: { quoteId: q.id, version: 1 } }, 409, 'version_conflict');
    q = await ok('POST', `/api/quotes/${q.id}/send`, { body: { version: q.version } });
    const { token } = await ok('POST', `/api/quotes/${q.id}/share`, {}, 201);
    const res = await fetchWorker(`/api/shared/${token}/accept`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: ORIGIN, 'cf-connecting-ip': freshIp() },
      body: JSON.stringify({ name: 'Дмитрий Волков' }),
    });
    expect(res.status).toBe(200);
    const after = await ok('GET', `/api/crowdfunding/${p.id}`);
    expect(after.pledges).toHaveLength(1);
    expect(after.pledges[0]).toMatchObject({ customerId: 2, normHoursCenti: 1000, status: 'promised', quoteId: q.id });
    expect(after).toMatchObject({ promisedCenti: 1000, remainingCenti: 2000, funders: 1 });
    // the share is paid by confirming the pledge, not by a work-order stage
    const order = await fails('POST', `/api/quotes/${q.id}/order`, {}, 422, 'nothing_to_do');
    expect(order.message).toBeTruthy();
  });
});
