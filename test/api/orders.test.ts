import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { ORIGIN, call, fails, fetchWorker, ok } from '../support/api';

let items: Record<string, { id: number }>;
let nextCustomer = 0;
let keyCounter = 0;
const key = () => `test-key-${++keyCounter}-${Math.random().toString(36).slice(2)}`;

beforeAll(async () => {
  const list = await ok<any[]>('GET', '/api/catalog/items');
  items = Object.fromEntries(list.map((i) => [i.code, i]));
});

async function newCustomer(overdraftCenti = 0) {
  return ok('POST', '/api/customers', { as: 'accountant', body: { name: `Заказчик ${++nextCustomer}`, overdraftCenti } }, 201);
}

async function topup(customerId: number, normHoursCenti: number, extra: Record<string, unknown> = {}) {
  return ok(
    'POST',
    `/api/customers/${customerId}/ledger`,
    { as: 'accountant', body: { kind: 'topup', normHoursCenti, memo: 'Пакет расширенной поддержки', ...extra } },
    201,
  );
}

const balance = async (customerId: number) => (await ok('GET', `/api/customers/${customerId}/balance`)).normHoursCenti as number;

/** An accepted quote: `lines` are [code, hoursCenti?] pairs, or { section } headings. */
async function acceptedQuote(customerId: number, lines: ([string, number?] | { section: string })[]) {
  let q = await ok('POST', '/api/quotes', { body: { customerId, title: 'Работы' } }, 201);
  for (const line of lines) {
    const body = Array.isArray(line)
      ? { catalogItemId: items[line[0]]!.id, ...(line[1] ? { hoursCenti: line[1] } : {}) }
      : { kind: 'section', title: line.section };
    q = await ok('POST', `/api/quotes/${q.id}/lines`, { body: { version: q.version, ...body } }, 201);
  }
  q = await ok('POST', `/api/quotes/${q.id}/send`, { body: { version: q.version } });
  const { token } = await ok('POST', `/api/quotes/${q.id}/share`, {}, 201);
  const res = await fetchWorker(`/api/shared/${token}/accept`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: ORIGIN, 'cf-connecting-ip': `10.9.${keyCounter % 250}.${nextCustomer % 250}` },
    body: JSON.stringify({ name: 'Иван Петров' }),
  });
  expect(res.status).toBe(200);
  return q;
}

const accept = (orderId: number, n: number, body: unknown = {}, k = key(), as: 'accountant' | 'manager' | 'admin' = 'accountant') =>
  call('POST', `/api/orders/${orderId}/stages/${n}/accept`, { as, body, headers: { 'idempotency-key': k } });

describe('the ledger', () => {
  it('top-ups add, corrections reverse the entry they name; the balance is the sum of entries', async () => {
    const c = await newCustomer();
    const t = await topup(c.id, 4000, { topupKind: 'tariff' });
    expect(t).toMatchObject({ entry: { kind: 'topup', topupKind: 'tariff', normHoursCenti: 4000 }, balanceCenti: 4000 });
    const fix = await ok(
      'POST',
      `/api/customers/${c.id}/ledger`,
      { as: 'admin', body: { kind: 'correction', normHoursCenti: -1500, memo: 'ошибка ввода', correctsEntryId: t.entry.id } },
      201,
    );
    expect(fix).toMatchObject({ entry: { kind: 'correction', correctsEntryId: t.entry.id }, balanceCenti: 2500 });
    await fails(
      'POST',
      `/api/customers/${c.id}/ledger`,
      { as: 'accountant', body: { kind: 'correction', normHoursCenti: -2600, memo: 'слишком много', correctsEntryId: t.entry.id } },
      422,
      'correction_too_large',
    );
    await fails(
      'POST',
      `/api/customers/${c.id}/ledger`,
      { as: 'accountant', body: { kind: 'correction', normHoursCenti: 100, memo: 'не туда', correctsEntryId: t.entry.id } },
      422,
      'correction_same_sign',
    );
    await fails(
      'POST',
      `/api/customers/${c.id}/ledger`,
      { as: 'accountant', body: { kind: 'correction', normHoursCenti: 1500, memo: 'вернуть', correctsEntryId: fix.entry.id } },
      422,
      'correction_of_correction',
    );
    const ledger = await ok<any[]>('GET', `/api/customers/${c.id}/ledger`, { as: 'manager' });
    expect(ledger.map((e) => [e.kind, e.normHoursCenti, e.balanceAfterCenti])).toEqual([
      ['correction', -1500, 2500],
      ['topup', 4000, 4000],
    ]);
    // A correction that names no entry (an agreed adjustment) needs only its reason.
    const general = await ok(
      'POST',
      `/api/customers/${c.id}/ledger`,
      { as: 'accountant', body: { kind: 'correction', normHoursCenti: 250, memo: 'компенсация простоя' } },
      201,
    );
    expect(general).toMatchObject({
      entry: { kind: 'correction', correctsEntryId: null, memo: 'компенсация простоя' },
      balanceCenti: 2750,
    });
    const sum = await env.DB.prepare('select sum(norm_hours_centi) as s from ledger_entries where customer_id = ?')
      .bind(c.id)
      .first<{ s: number }>();
    expect(await balance(c.id)).toBe(sum!.s);
  });

  describe('bad input: a clear 4xx and nothing stored', () => {
    const cases: [string, Record<string, unknown>, number][] = [
      ['a top-up of 0', { kind: 'topup', normHoursCenti: 0 }, 400],
      ['a negative top-up', { kind: 'topup', normHoursCenti: -100 }, 400],
      ['a zero correction', { kind: 'correction', normHoursCenti: 0, memo: 'x' }, 400],
      ['a correction without a reason', { kind: 'correction', normHoursCenti: -100 }, 400],
      ['a correction of an unknown entry', { kind: 'correction', normHoursCenti: -100, memo: 'x', correctsEntryId: 999_999 }, 400],
      ['a date in the future', { kind: 'topup', normHoursCenti: 100, at: '2099-01-01T00:00:00Z' }, 400],
      ['hours as text', { kind: 'topup', normHoursCenti: '100' }, 400],
      ['an unknown kind', { kind: 'gift', normHoursCenti: 100 }, 400],
    ];
    for (const [label, body, status] of cases) {
      it(label, async () => {
        const c = await newCustomer();
        await fails('POST', `/api/customers/${c.id}/ledger`, { as: 'accountant', body }, status);
        expect(await ok<any[]>('GET', `/api/customers/${c.id}/ledger`)).toEqual([]);
      });
    }

    it('a correction of another customer’s entry, and a manager’s top-up', async () => {
      const a = await newCustomer();
      const b = await newCustomer();
      const t = await topup(a.id, 1000);
      await fails(
        'POST',
        `/api/customers/${b.id}/ledger`,
        { as: 'accountant', body: { kind: 'correction', normHoursCenti: -100, memo: 'x', correctsEntryId: t.entry.id } },
        400,
      );
      await fails(
        'POST',
        `/api/customers/${b.id}/ledger`,
        { as: 'manager', body: { kind: 'topup', normHoursCenti: 100 } },
        403,
        'forbidden',
      );
      await fails('POST', '/api/customers/99999/ledger', { as: 'accountant', body: { kind: 'topup', normHoursCenti: 100 } }, 404);
      expect(await balance(b.id)).toBe(0);
    });
  });

  it('entries can never be changed or removed, by the database itself', async () => {
    const c = await newCustomer();
    await topup(c.id, 100);
    await expect(env.DB.prepare('update ledger_entries set norm_hours_centi = 1').run()).rejects.toThrow(/append-only/);
    await expect(env.DB.prepare('delete from ledger_entries').run()).rejects.toThrow(/append-only/);
  });

  it('no code updates or deletes a ledger entry', () => {
    const sources = import.meta.glob('../../worker/**/*.ts', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
    expect(Object.keys(sources).length).toBeGreaterThan(20);
    for (const [file, text] of Object.entries(sources)) {
      expect(text, file).not.toMatch(
        /update\s+ledger_entries|delete\s+from\s+ledger_entries|update\s+debit_items|delete\s+from\s+debit_items/i,
      );
      expect(text, file).not.toMatch(/\.(update|delete)\(\s*(ledgerEntries|debitItems)\s*\)/);
    }
  });
});

describe('work orders', () => {
  it('an accepted quote becomes an order staged by line, linked both ways; only once', async () => {
    const c = await newCustomer();
    const q = await acceptedQuote(c.id, [['2.2'], ['2.5'], ['4.1', 1000]]);
    const order = await ok('POST', `/api/quotes/${q.id}/order`, {}, 201);
    expect(order).toMatchObject({
      quoteId: q.id,
      customerId: c.id,
      status: 'queued',
      number: expect.stringMatching(/^WO-\d{4}-\d{4}$/),
      rateMinor: 300_000,
    });
    expect(order.stages.map((s: any) => [s.n, s.status, s.hoursCenti, s.kMilli, s.normHoursCenti])).toEqual([
      [1, 'pending', 2000, 1000, 2000],
      [2, 'pending', 6400, 1000, 6400],
      [3, 'pending', 1000, 600, 600],
    ]);
    expect(order.waiting).toMatch(/20\.00/);
    expect((await ok('GET', `/api/quotes/${q.id}`)).orderId).toBe(order.id);
    expect((await ok('GET', `/api/orders/${order.id}`, { as: 'accountant' })).quoteNumber).toBe(q.number);
    const again = await fails('POST', `/api/quotes/${q.id}/order`, {}, 409, 'order_exists');
    expect(again.details.orderId).toBe(order.id);
    const audit = await ok<any[]>('GET', `/api/quotes/${q.id}/audit`);
    expect(audit[0]).toMatchObject({ action: 'order_created', changes: { order: order.number } });
  });

  it('refuses an order from a quote that is not accepted; splits by section or as the manager says', async () => {
    const c = await newCustomer();
    const draft = await ok('POST', '/api/quotes', { body: { customerId: c.id, title: 'x' } }, 201);
    await fails('POST', `/api/quotes/${draft.id}/order`, {}, 422, 'quote_not_accepted');
    await fails('POST', '/api/quotes/99999/order', {}, 404);
    await fails('POST', `/api/quotes/${draft.id}/order`, { as: 'accountant' }, 403);
    const q = await acceptedQuote(c.id, [['2.2'], ['2.4'], ['4.1', 500]]);
    const ids = (await ok('GET', `/api/quotes/${q.id}`)).lines.map((l: any) => l.id);
    await fails(
      'POST',
      `/api/quotes/${q.id}/order`,
      { body: { stages: [{ title: 'Всё', lineIds: [ids[0], ids[1]] }] } },
      400,
      'validation_failed',
    );
    await fails(
      'POST',
      `/api/quotes/${q.id}/order`,
      {
        body: {
          stages: [
            { title: 'A', lineIds: [ids[0], ids[1]] },
            { title: 'B', lineIds: [ids[1], ids[2]] },
          ],
        },
      },
      400,
    );
    const order = await ok(
      'POST',
      `/api/quotes/${q.id}/order`,
      {
        body: {
          stages: [
            { title: 'Дизайн и прототип', lineIds: [ids[0], ids[1]] },
            { title: 'Курс', lineIds: [ids[2]] },
          ],
        },
      },
      201,
    );
    expect(order.stages.map((s: any) => [s.title, s.normHoursCenti, s.kMilli])).toEqual([
      ['Дизайн и прототип', 3000, 1000],
      ['Курс', 300, 600],
    ]);
    const sectioned = await acceptedQuote(c.id, [
      { section: 'Этап 1. Оформление' },
      ['2.2'],
      ['2.4'],
      { section: 'Этап 2. Курс' },
      ['4.1', 500],
    ]);
    const bySection = await ok('POST', `/api/quotes/${sectioned.id}/order`, { body: { split: 'by_section' } }, 201);
    expect(bySection.stages.map((s: any) => [s.n, s.title, s.normHoursCenti])).toEqual([
      [1, 'Этап 1. Оформление', 3000],
      [2, 'Этап 2. Курс', 300],
    ]);
    await fails('GET', '/api/orders/99999', {}, 404);
  });

  it('starts when the balance covers the first stage; debits each stage once; pauses; resumes on a top-up; done', async () => {
    const c = await newCustomer();
    const q = await acceptedQuote(c.id, [['2.2'], ['2.1', 1000], ['2.5']]);
    let order = await ok('POST', `/api/quotes/${q.id}/order`, {}, 201);
    expect(order.status).toBe('queued');
    const queued = await fails(
      'POST',
      `/api/orders/${order.id}/stages/1/accept`,
      { as: 'accountant', headers: { 'idempotency-key': key() } },
      422,
      'insufficient_balance',
    );
    expect(queued.details).toMatchObject({ needCenti: 2000, balanceCenti: 0 });

    await topup(c.id, 2500); // covers stage 1 (20 h), not stage 2 after it
    order = await ok('GET', `/api/orders/${order.id}`);
    expect(order.status).toBe('in_progress');
    expect(order.startedAt).not.toBeNull();

    const notNext = await accept(order.id, 2);
    expect(notNext.status).toBe(409);
    expect(((await notNext.json()) as any).error.code).toBe('stage_not_next');

    let res = await accept(order.id, 1, { actualHoursCenti: 3000 });
    expect(res.status).toBe(400); // 2.2 is a fixed service
    res = await accept(order.id, 1);
    expect(res.status).toBe(200);
    let body = (await res.json()) as any;
    expect(body.debit).toMatchObject({ normHoursCenti: 2000, moneyMinor: 6_000_000, balanceAfterCenti: 500 });
    expect(body.order.status).toBe('paused'); // 2.1 needs 6 h at its estimate; 5 h left
    expect(body.order.waiting).toMatch(/6\.00/);

    await topup(c.id, 8000);
    order = await ok('GET', `/api/orders/${order.id}`);
    expect(order.status).toBe('in_progress');

    // 2.1 is billed by actual time: 12.5 h spent × K 0.6 = 7.5 norm-hours, over its 6.00 estimate:
    // the one who signs off confirms the overrun (DOMAIN.md, second round).
    res = await accept(order.id, 2, { actualHoursCenti: 1250 });
    expect(res.status).toBe(422);
    expect(((await res.json()) as any).error).toMatchObject({
      code: 'overrun_not_confirmed',
      details: { plannedCenti: 600, actualCenti: 750, differenceCenti: 150 },
    });
    res = await accept(order.id, 2, { actualHoursCenti: 1250, confirmOverrun: true });
    body = (await res.json()) as any;
    expect(body.debit).toMatchObject({
      normHoursCenti: 750,
      plannedCenti: 600,
      overrun: true,
      moneyMinor: 2_250_000,
      balanceAfterCenti: 7750,
    });
    expect(body.order.stages[1]).toMatchObject({ status: 'accepted', debitedCenti: 750 });
    expect(body.order.stages[1].lines[0].actualHoursCenti).toBe(1250);
    expect(body.order.status).toBe('in_progress');

    res = await accept(order.id, 3, {}, key(), 'manager');
    body = (await res.json()) as any;
    expect(body.order.status).toBe('done');
    expect(body.debit.balanceAfterCenti).toBe(1350);
    expect(await balance(c.id)).toBe(1350);

    const ledger = await ok<any[]>('GET', `/api/customers/${c.id}/ledger`);
    const debits = ledger.filter((e) => e.kind === 'debit');
    expect(debits.map((d) => [d.normHoursCenti, d.moneyMinor, d.orderNumber, d.stageN])).toEqual([
      [-6400, -19_200_000, order.number, 3],
      [-750, -2_250_000, order.number, 2],
      [-2000, -6_000_000, order.number, 1],
    ]);
    expect(debits[1].items[0]).toMatchObject({ code: '2.1', hoursCenti: 1250, kMilli: 600, normHoursCenti: -750 });
    // the itemised debits are as unchangeable as the entries
    await expect(env.DB.prepare('update debit_items set norm_hours_centi = 0').run()).rejects.toThrow(/append-only/);
    await expect(env.DB.prepare('delete from debit_items').run()).rejects.toThrow(/append-only/);
  });

  it('a retried acceptance with the same key debits once and answers the same result', async () => {
    const c = await newCustomer();
    const q = await acceptedQuote(c.id, [['2.2'], ['2.4']]);
    await topup(c.id, 10_000);
    const order = await ok('POST', `/api/quotes/${q.id}/order`, {}, 201);
    const k = key();
    const first = await accept(order.id, 1, {}, k);
    const firstText = await first.text();
    const second = await accept(order.id, 1, {}, k);
    expect(second.status).toBe(200);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(await second.text()).toBe(firstText);
    const reused = await accept(order.id, 2, {}, k);
    expect(reused.status).toBe(422);
    expect(((await reused.json()) as any).error.code).toBe('idempotency_key_reused');
    const other = await accept(order.id, 1, {}, key());
    expect(other.status).toBe(409);
    expect(((await other.json()) as any).error.code).toBe('stage_already_accepted');
    expect(await balance(c.id)).toBe(8000);
    await fails('POST', `/api/orders/${order.id}/stages/1/accept`, { as: 'accountant' }, 400, 'validation_failed'); // no key
    await fails('POST', `/api/orders/${order.id}/stages/1/accept`, { as: 'anon', headers: { 'idempotency-key': key() } }, 401);
    await fails('POST', `/api/orders/${order.id}/stages/9/accept`, { as: 'accountant', headers: { 'idempotency-key': key() } }, 404);
  });

  it('50 concurrent acceptances of the same stage debit once', async () => {
    const c = await newCustomer();
    const q = await acceptedQuote(c.id, [['2.5']]);
    await topup(c.id, 10_000);
    const order = await ok('POST', `/api/quotes/${q.id}/order`, {}, 201);
    const sameKey = key();
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => accept(order.id, 1, {}, i % 2 ? sameKey : key())));
    const statuses = results.map((r) => r.status);
    expect(statuses.every((s) => s === 200 || s === 409)).toBe(true);
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(1);
    const debits = await env.DB.prepare(
      "select count(*) as n, sum(norm_hours_centi) as s from ledger_entries where customer_id = ? and kind = 'debit'",
    )
      .bind(c.id)
      .first<{ n: number; s: number }>();
    expect(debits).toEqual({ n: 1, s: -6400 });
    expect(await balance(c.id)).toBe(3600);
  });

  it(
    'concurrent sign-offs of different orders are all recorded, even past the overdraft; then the queue pauses what it ' + 'cannot pay',
    async () => {
      const c = await newCustomer();
      const quotes = [];
      for (let i = 0; i < 6; i++) quotes.push(await acceptedQuote(c.id, [['2.4']])); // 10 h each
      await topup(c.id, 6000);
      const orders = [];
      for (const q of quotes) orders.push(await ok('POST', `/api/quotes/${q.id}/order`, {}, 201));
      // Every order could start on its own; the queue lets as many run as the balance covers.
      const running = (await ok<any[]>('GET', `/api/orders?customerId=${c.id}`)).filter((o) => o.status === 'in_progress');
      expect(running).toHaveLength(6);
      const results = await Promise.all(orders.map((o) => accept(o.id, 1)));
      expect(results.filter((r) => r.status === 200)).toHaveLength(6);
      expect(await balance(c.id)).toBe(0);

      // Second round: a finished stage is always recorded — the work was done — even beyond the
      // overdraft (it used to be a 422 that left the stage stuck); the orders then pause before their next stage.
      const d = await newCustomer(1500);
      const two: [string][] = [['2.4'], ['2.4']];
      const qs = [await acceptedQuote(d.id, two), await acceptedQuote(d.id, two), await acceptedQuote(d.id, two)];
      await topup(d.id, 1000);
      const os = [];
      for (const q of qs) os.push(await ok('POST', `/api/quotes/${q.id}/order`, {}, 201));
      // as if the queue had let them all run
      await env.DB.prepare("update orders set status = 'in_progress' where customer_id = ?").bind(d.id).run();
      const raced = await Promise.all(os.map((o) => accept(o.id, 1)));
      expect(raced.map((r) => r.status)).toEqual([200, 200, 200]);
      expect(await balance(d.id)).toBe(-2000); // 10 − 3 × 10, beyond the 15 allowed
      const after = await ok<any[]>('GET', `/api/orders?customerId=${d.id}`);
      expect(after.map((o) => o.status)).toEqual(['paused', 'paused', 'paused']);
      expect(after[0].shortfall).toMatchObject({ normHoursCenti: 1000 - (-2000 + 1500) });
      expect(after[2].shortfall).toMatchObject({ normHoursCenti: 3000 - (-2000 + 1500) });
      await fails(
        'POST',
        `/api/orders/${os[0]!.id}/stages/2/accept`,
        { as: 'accountant', headers: { 'idempotency-key': key() } },
        422,
        'insufficient_balance',
      );
    },
  );

  it('the queue runs in order of final approval', async () => {
    const c = await newCustomer();
    const first = await acceptedQuote(c.id, [['2.4']]);
    const second = await acceptedQuote(c.id, [['2.4']]);
    // orders are made in the opposite order to the approvals
    const o2 = await ok('POST', `/api/quotes/${second.id}/order`, {}, 201);
    const o1 = await ok('POST', `/api/quotes/${first.id}/order`, {}, 201);
    await topup(c.id, 1000); // one order's worth
    const list = await ok<any[]>('GET', `/api/orders?customerId=${c.id}`);
    expect(list.map((o) => o.id)).toEqual([o1.id, o2.id]);
    expect(list.map((o) => o.status)).toEqual(['in_progress', 'queued']);
    expect(list[1].waiting).toBeTruthy();
  });

  it('withdrawal: a queued order entirely; a started one keeps what was debited', async () => {
    const c = await newCustomer();
    const q1 = await acceptedQuote(c.id, [['2.4']]);
    const o1 = await ok('POST', `/api/quotes/${q1.id}/order`, {}, 201);
    const w1 = await ok('POST', `/api/orders/${o1.id}/withdraw`, { body: { reason: 'заказчик передумал' } });
    expect(w1.status).toBe('withdrawn');
    expect(w1.stages[0].status).toBe('withdrawn');
    await fails('POST', `/api/orders/${o1.id}/withdraw`, {}, 409, 'order_finished');
    const audit = await ok<any[]>('GET', `/api/quotes/${q1.id}/audit`);
    expect(audit[0]).toMatchObject({ action: 'order_withdrawn', changes: { order: o1.number, reason: 'заказчик передумал' } });

    const q2 = await acceptedQuote(c.id, [['2.2'], ['2.4']]);
    await topup(c.id, 5000);
    const o2 = await ok('POST', `/api/quotes/${q2.id}/order`, {}, 201);
    expect((await accept(o2.id, 1)).status).toBe(200);
    const w2 = await ok('POST', `/api/orders/${o2.id}/withdraw`, {});
    expect(w2.stages.map((s: any) => s.status)).toEqual(['accepted', 'withdrawn']);
    expect(await balance(c.id)).toBe(3000);
    const stale = await accept(o2.id, 2);
    expect(stale.status).toBe(409);
    await fails('POST', `/api/orders/${o2.id}/withdraw`, { as: 'accountant' }, 403);
  });
});

describe('the monthly consumption report', () => {
  beforeAll(async () => {
    // History from months ago: allow dating entries that far back (the default is 45 days).
    const s = await ok('GET', '/api/settings');
    await ok('PATCH', '/api/settings', { as: 'admin', body: { version: s.version, backdateDays: 3650 } });
  });

  it('opening, top-ups, itemised debits, corrections, closing and money; months in Moscow time', async () => {
    const c = await newCustomer();
    await topup(c.id, 1000, { at: '2026-09-15T09:00:00Z' }); // September: the opening of October
    const oct = await topup(c.id, 5000, { at: '2026-10-10T09:00:00Z', topupKind: 'contract' });
    await ok(
      'POST',
      `/api/customers/${c.id}/ledger`,
      {
        as: 'accountant',
        body: { kind: 'correction', normHoursCenti: -500, memo: 'сторно', correctsEntryId: oct.entry.id, at: '2026-10-20T09:00:00Z' },
      },
      201,
    );
    // 00:30 on 1 November in Moscow is still 31 October in UTC: it belongs to November.
    await topup(c.id, 700, { at: '2026-10-31T21:30:00Z' });
    const october = await ok('GET', `/api/reports/consumption?month=2026-10&customerId=${c.id}`, { as: 'accountant' });
    expect(october).toMatchObject({ month: '2026-10', timeZone: 'Europe/Moscow' });
    expect(october.customers[0]).toMatchObject({
      openingCenti: 1000,
      topupsCenti: 5000,
      debitsCenti: 0,
      correctionsCenti: -500,
      closingCenti: 5500,
    });
    const november = await ok('GET', `/api/reports/consumption?month=2026-11&customerId=${c.id}`, { as: 'manager' });
    expect(november.customers[0]).toMatchObject({ openingCenti: 5500, topupsCenti: 700 });
    expect(november.customers[0].entries[0]).toMatchObject({ date: '2026-11-01', kind: 'topup', normHoursCenti: 700 });
  });

  it('itemises debits at each debit’s frozen rate', async () => {
    const c = await newCustomer();
    const q = await acceptedQuote(c.id, [['2.2'], ['4.1', 1000]]);
    await topup(c.id, 10_000);
    const order = await ok('POST', `/api/quotes/${q.id}/order`, { body: { split: 'single' } }, 201);
    const s = await ok('GET', '/api/settings');
    // later rate changes do not matter
    await ok('PATCH', '/api/settings', { as: 'admin', body: { version: s.version, rateMinor: 500_000 } });
    expect((await accept(order.id, 1)).status).toBe(200);
    await ok('PATCH', '/api/settings', { as: 'admin', body: { version: s.version + 1, rateMinor: 300_000 } });
    const month = new Date(Date.now() + 3 * 3_600_000).toISOString().slice(0, 7);
    const report = await ok('GET', `/api/reports/consumption?month=${month}&customerId=${c.id}`);
    const customer = report.customers[0];
    expect(
      customer.entries
        .filter((e: any) => e.kind === 'debit')
        .map((e: any) => [e.code, e.hoursCenti, e.kMilli, e.normHoursCenti, e.moneyMinor, e.orderNumber, e.stageN]),
    ).toEqual([
      ['2.2', 2000, 1000, -2000, -6_000_000, order.number, 1],
      ['4.1', 1000, 600, -600, -1_800_000, order.number, 1],
    ]);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Moscow' }).format(new Date());
    expect(customer.entries.filter((e: any) => e.kind === 'debit').map((e: any) => [e.categoryName, e.date])).toEqual([
      ['Дизайнер', today],
      ['Ассистент редактора', today],
    ]);
    expect(customer).toMatchObject({ topupsCenti: 10_000, debitsCenti: 2600, moneyMinor: 7_800_000, closingCenti: 7400 });
    const all = await ok('GET', `/api/reports/consumption?month=${month}`, { as: 'admin' });
    expect(all.customers.some((x: any) => x.customerId === c.id)).toBe(true);
    expect(all.totals.debitsCenti).toBe(all.customers.reduce((sum: number, x: any) => sum + x.debitsCenti, 0));
    const series = await ok<any[]>('GET', `/api/reports/consumption/series?customerId=${c.id}`);
    expect(series).toHaveLength(12);
    expect(series[11]).toEqual({ month, topupsCenti: 10_000, debitsCenti: 2600, moneyMinor: 7_800_000 });
  });

  it('refuses a month like 2026-13, a month in the future, an unknown customer', async () => {
    await fails('GET', '/api/reports/consumption?month=2026-13', { as: 'accountant' }, 400, 'validation_failed');
    await fails('GET', '/api/reports/consumption?month=2999-01', { as: 'accountant' }, 400, 'validation_failed');
    await fails('GET', '/api/reports/consumption', { as: 'accountant' }, 400);
    await fails('GET', '/api/reports/consumption?month=2026-01&customerId=99999', { as: 'accountant' }, 404);
    const empty = await ok('GET', '/api/reports/consumption?month=2020-01');
    expect(empty.customers).toEqual([]);
  });
});

describe('the monthly consumption report as Excel', () => {
  it('a workbook whose figures equal the JSON report’s; the same refusals', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const c = await newCustomer();
    const q = await acceptedQuote(c.id, [['2.2'], ['4.1', 1000]]);
    await topup(c.id, 10_000);
    const order = await ok('POST', `/api/quotes/${q.id}/order`, {}, 201);
    expect((await accept(order.id, 1)).status).toBe(200);
    const month = new Date(Date.now() + 3 * 3_600_000).toISOString().slice(0, 7);
    const json = await ok('GET', `/api/reports/consumption?month=${month}&customerId=${c.id}`);
    const res = await call('GET', `/api/reports/consumption.xlsx?month=${month}&customerId=${c.id}`, { as: 'accountant' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    expect(res.headers.get('content-disposition')).toContain(`filename*=UTF-8''`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const summary = wb.worksheets[0]!;
    const values: number[] = [];
    summary.eachRow((row) =>
      row.eachCell((cell) => {
        const v = cell.value as any;
        const n = typeof v === 'number' ? v : typeof v?.result === 'number' ? v.result : null;
        if (n !== null) values.push(n);
      }),
    );
    const customer = json.customers[0];
    // (exceljs reads a cached 0 back as "no result", so only the non-zero figures are looked for)
    for (const centi of [customer.openingCenti, customer.topupsCenti, customer.debitsCenti, customer.closingCenti].filter((x) => x !== 0))
      expect(values).toContain(centi / 100);
    expect(values).toContain(customer.moneyMinor / 100);
    expect(wb.worksheets.length).toBe(2);
    await fails('GET', '/api/reports/consumption.xlsx?month=2026-13', { as: 'accountant' }, 400);
    await fails('GET', `/api/reports/consumption.xlsx?month=${month}&customerId=99999`, { as: 'accountant' }, 404);
    const empty = await call('GET', '/api/reports/consumption.xlsx?month=2020-01', { as: 'admin' });
    expect(empty.status).toBe(200);
  });
});
