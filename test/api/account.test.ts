/**
 * The customer's account (issue 18): the link's token rules, what the account shows, the
 * customer's sign-off of a ready stage (once, under 20 concurrent clicks), withdrawal only before
 * start, the statement and the export of that customer only, the end-of-service window.
 */
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import worker from '../../worker/index';
import { sha256Hex } from '../../worker/platform/secrets';
import { ORIGIN, expectThrottledAfter, fails, fetchWorker, freshIp, ok } from '../support/api';
import {
  acceptedQuote,
  acceptStage,
  balance,
  burst,
  key,
  ledgerFacts,
  newCustomer,
  runningOrder,
  thisMonth,
  topup,
} from '../support/money';

async function accountLink(customerId: number, body: Record<string, unknown> = {}) {
  return ok<{ url: string; token: string; expiresAt: string; id: number; emailed: boolean }>(
    'POST',
    `/api/customers/${customerId}/account-link`,
    { body },
    201,
  );
}

/** A request as the customer's browser sends it: no cookie, its own address. */
function asCustomer(method: string, path: string, body?: unknown, headers: Record<string, string> = {}, ip = freshIp()) {
  return fetchWorker(path, {
    method,
    headers: { origin: ORIGIN, 'cf-connecting-ip': ip, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function json(res: Response) {
  return { status: res.status, body: (await res.json()) as any };
}

const signOff = (token: string, orderId: number, n: number, k: string | null, body: unknown = { name: 'Иван Петров' }, ip?: string) =>
  asCustomer('POST', `/api/account/${token}/orders/${orderId}/stages/${n}/accept`, body, k ? { 'idempotency-key': k } : {}, ip);

describe('the account link', () => {
  it('256 random bits, only the SHA-256 kept; expired and revoked links are 404; one link per customer’s data', async () => {
    const c = await newCustomer();
    const a = await accountLink(c.id);
    const b = await accountLink(c.id, { expiresInDays: 1 });
    expect(a.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a.token).not.toBe(b.token);
    expect(a.url).toBe(`${ORIGIN}/a/${a.token}`);
    expect(a.emailed).toBe(false);
    const rows = (
      await env.DB.prepare('select token_hash from account_links where customer_id = ?').bind(c.id).all<{ token_hash: string }>()
    ).results;
    expect(rows.map((r) => r.token_hash).sort()).toEqual([await sha256Hex(a.token), await sha256Hex(b.token)].sort());
    const all = JSON.stringify((await env.DB.prepare('select * from account_links').all()).results);
    expect(all).not.toContain(a.token);
    expect((await asCustomer('GET', `/api/account/${a.token}`)).status).toBe(200);
    expect((await asCustomer('GET', `/a/${a.token}`)).status).toBe(200);
    // Expired: the database says so.
    await env.DB.prepare('update account_links set expires_at = ? where token_hash = ?')
      .bind(new Date(Date.now() - 1000).toISOString(), await sha256Hex(b.token))
      .run();
    expect((await json(await asCustomer('GET', `/api/account/${b.token}`))).body.error.code).toBe('link_expired');
    expect((await asCustomer('GET', `/a/${b.token}`)).status).toBe(404);
    // Revoked by staff.
    expect(await ok('DELETE', `/api/customers/${c.id}/account-link`)).toEqual({ revoked: 1 });
    const gone = await json(await asCustomer('GET', `/api/account/${a.token}`));
    expect(gone.status).toBe(404);
    expect(gone.body.error.code).toBe('link_revoked');
    // A made-up token, or not a token at all.
    expect((await asCustomer('GET', `/api/account/${'A'.repeat(43)}`)).status).toBe(404);
    expect((await asCustomer('GET', '/api/account/short')).status).toBe(404);
    const links = await ok<any[]>('GET', `/api/customers/${c.id}/account-links`);
    expect(links.map((l) => l.state).sort()).toEqual(['expired', 'revoked']);
    expect(JSON.stringify(links)).not.toContain('tokenHash');
  });

  it('e-mailed to the customer through the outbox in the same batch; the outbox keeps no token', async () => {
    const c = await ok('POST', '/api/customers', { body: { name: 'Почтовый заказчик', email: 'client@example.org', lang: 'en' } }, 201);
    const link = await accountLink(c.id);
    expect(link.emailed).toBe(true);
    const mail = await env.DB.prepare("select * from outbox where kind = 'account_link' order by id desc limit 1").first<any>();
    expect(JSON.parse(mail.to_json)).toEqual(['client@example.org']);
    expect(mail.lang).toBe('en');
    expect(JSON.stringify(mail)).not.toContain(link.token);
    const none = await newCustomer();
    await fails('POST', `/api/customers/${none.id}/account-link`, { body: { email: true } }, 422, 'no_email');
  });

  it('bad input is a 400 in the API.md shape; an accountant may not make links; unknown customer 404', async () => {
    const c = await newCustomer();
    await fails('POST', `/api/customers/${c.id}/account-link`, { body: { expiresInDays: 0 } }, 400, 'validation_failed');
    await fails('POST', `/api/customers/${c.id}/account-link`, { body: { expiresInDays: 'x' } }, 400, 'validation_failed');
    await fails('POST', `/api/customers/${c.id}/account-link`, { body: { extra: 1 } }, 400, 'validation_failed');
    await fails('POST', `/api/customers/${c.id}/account-link`, { as: 'accountant', body: {} }, 403);
    await fails('POST', '/api/customers/999999/account-link', { body: {} }, 404);
  });

  it('is throttled per address', async () => {
    const c = await newCustomer();
    const { token } = await accountLink(c.id);
    const ip = freshIp();
    const statuses: number[] = [];
    for (let i = 0; i < 41; i++) statuses.push((await signOff(token, 1, 1, `k-${i}-throttle`, { name: 'x' }, ip)).status);
    expectThrottledAfter(statuses, 20);
  });
});

describe('what the account shows', () => {
  it(
    'the customer’s name, balance and what it covers, open quotes with links, orders with stages and queue position, the ledger by ' +
      'month, requests',
    async () => {
      const c = await newCustomer();
      const other = await newCustomer();
      await topup(c.id, 3000);
      const order = await runningOrder(c.id, [['2.4'], ['2.2']], { split: 'by_line' });
      const waiting = await acceptedQuote(c.id, [['2.3']]);
      const queued = await ok('POST', `/api/quotes/${waiting.id}/order`, { body: { split: 'single' } }, 201);
      // An open estimate, and another customer's that must not show.
      let q = await ok('POST', '/api/quotes', { body: { customerId: c.id, title: 'Новая смета <b>' } }, 201);
      q = await ok(
        'POST',
        `/api/quotes/${q.id}/lines`,
        { body: { version: q.version, catalogItemId: (await ok<any[]>('GET', '/api/catalog/items')).find((i) => i.code === '2.2').id } },
        201,
      );
      q = await ok('POST', `/api/quotes/${q.id}/send`, { body: { version: q.version } });
      await acceptedQuote(other.id, [['2.2']]);
      const { token } = await accountLink(c.id);
      const a = await json(await asCustomer('GET', `/api/account/${token}`));
      expect(a.status).toBe(200);
      expect(a.body.customer.name).toBe(c.name);
      expect(a.body.balanceCenti).toBe(3000);
      expect(a.body.requests).toEqual([]);
      expect(a.body.quotes).toEqual([
        expect.objectContaining({ number: q.number, status: 'sent', url: expect.stringContaining(`/a/${token}/quotes/`) }),
      ]);
      expect(a.body.orders.map((o: any) => o.number)).toEqual([queued.number, order.number]);
      expect(a.body.orders[1].stages).toEqual([
        expect.objectContaining({ n: 1, title: expect.any(String), status: 'pending', normHoursCenti: 1000 }),
        expect.objectContaining({ n: 2, status: 'pending', normHoursCenti: 2000 }),
      ]);
      expect(a.body.orders[0].status).toBe('queued');
      expect(a.body.orders[0].queuePosition).toBeGreaterThanOrEqual(1);
      expect(a.body.orders[1].queuePosition).toBeNull();
      expect(a.body.covers).toEqual({ orders: [order.number], short: { order: queued.number, needCenti: 3200, shortCenti: 3200 - 2000 } });
      expect(a.body.ledger).toEqual([
        expect.objectContaining({ month: thisMonth(), openingCenti: 0, topupsCenti: 3000, closingCenti: 3000 }),
      ]);
      // The quote's link: made as it is followed, then the estimate page.
      const follow = await asCustomer('GET', new URL(a.body.quotes[0].url).pathname);
      expect(follow.status).toBe(303);
      const page = await asCustomer('GET', new URL(follow.headers.get('location')!, ORIGIN).pathname);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('Новая смета &lt;b&gt;');
      // The page: escaped, in the customer's language, switchable.
      const html = await (await asCustomer('GET', `/a/${token}`)).text();
      expect(html).toContain('<html lang="ru">');
      expect(html).toContain('Личный кабинет');
      expect(html).toContain(order.number);
      expect(html).not.toContain('<b>');
      expect(await (await asCustomer('GET', `/a/${token}?lang=en`)).text()).toContain('Norm-hour balance');
    },
  );
});

describe('the customer signs off a stage', () => {
  it(
    'only a stage staff marked ready; once under 20 concurrent clicks with one key and with distinct keys; the audit keeps name, ' +
      'time and IP',
    async () => {
      const c = await ok('POST', '/api/customers', { body: { name: 'Приёмка', email: 'signoff@example.org' } }, 201);
      await topup(c.id, 10_000);
      const order = await runningOrder(c.id, [['2.4'], ['2.2'], ['2.6', 500]], { split: 'by_line' });
      const { token } = await accountLink(c.id, { email: false });
      const r = await json(await signOff(token, order.id, 1, key()));
      expect(r.status).toBe(422);
      expect(r.body.error.code).toBe('stage_not_ready');
      // Staff: only managers and admins mark ready; the customer is e-mailed.
      await fails('POST', `/api/orders/${order.id}/stages/1/ready`, { as: 'accountant' }, 403);
      const marked = await ok('POST', `/api/orders/${order.id}/stages/1/ready`);
      expect(marked.stages[0].readyAt).toEqual(expect.any(String));
      await fails('POST', `/api/orders/${order.id}/stages/1/ready`, {}, 409, 'stage_already_ready');
      const mail = await env.DB.prepare("select * from outbox where kind = 'stage_ready' order by id desc limit 1").first<any>();
      expect(JSON.parse(mail.to_json)).toEqual(['signoff@example.org']);
      // Bad input.
      expect((await json(await signOff(token, order.id, 1, key(), { name: '' }))).body.error.code).toBe('validation_failed');
      expect((await signOff(token, order.id, 1, null)).status).toBe(400);
      // 20 clicks with one key: one debit, the same answer 20 times.
      const k = key();
      const same = await burst(20, () => signOff(token, order.id, 1, k));
      expect(same.map((x) => x.status)).toEqual(Array(20).fill(200));
      expect(new Set(same.map((x) => JSON.parse(x.body).debit.entryId)).size).toBe(1);
      let facts = await ledgerFacts(c.id);
      expect(facts.entries.filter((e) => e.kind === 'debit')).toHaveLength(1);
      expect(facts.balanceCenti).toBe(10_000 - 1000);
      // 20 clicks with distinct keys on the next ready stage: one 200, the rest 409.
      await ok('POST', `/api/orders/${order.id}/stages/2/ready`);
      const distinct = await burst(20, () => signOff(token, order.id, 2, key()));
      expect(distinct.filter((x) => x.status === 200)).toHaveLength(1);
      expect(distinct.filter((x) => x.status !== 200).every((x) => x.status === 409)).toBe(true);
      facts = await ledgerFacts(c.id);
      expect(facts.entries.filter((e) => e.kind === 'debit')).toHaveLength(2);
      expect(await balance(c.id)).toBe(10_000 - 3000);
      // The audit trail: the typed name, the address; the staff side of it says "customer".
      const audit = await ok<any[]>('GET', `/api/quotes/${order.quoteId}/audit`);
      const accepted = audit.filter((x) => x.action === 'stage_accepted');
      expect(accepted).toHaveLength(2);
      expect(accepted[0]).toMatchObject({
        actorKind: 'customer',
        actorName: 'Иван Петров',
        ip: expect.stringMatching(/^2001:db8:/),
        changes: expect.objectContaining({ by: 'customer' }),
      });
      expect(audit.some((x) => x.action === 'stage_ready' && x.actorKind === 'user')).toBe(true);
      // Staff may still sign off on the customer's behalf (stage 3 not marked ready): recorded as such.
      const staff = await acceptStage(order.id, 3, key(), { actualHoursCenti: 400 }, 'manager');
      expect(staff.status).toBe(200);
      const after = await ok<any[]>('GET', `/api/quotes/${order.quoteId}/audit`);
      expect(after.find((x) => x.action === 'stage_accepted' && x.actorKind === 'user').changes.by).toBe('staff_on_behalf');
      // The account agrees with the staff side to the hundredth.
      const a = await json(await asCustomer('GET', `/api/account/${token}`));
      expect(a.body.balanceCenti).toBe(await balance(c.id));
      expect(a.body.orders[0].stages.map((s: any) => s.status)).toEqual(['accepted', 'accepted', 'accepted']);
    },
  );

  it('only the customer’s own orders: another customer’s order is 404 and nothing is debited', async () => {
    const mine = await newCustomer();
    const theirs = await newCustomer();
    await topup(theirs.id, 5000);
    const order = await runningOrder(theirs.id, [['2.4']]);
    await ok('POST', `/api/orders/${order.id}/stages/1/ready`);
    const { token } = await accountLink(mine.id);
    const r = await json(await signOff(token, order.id, 1, key()));
    expect(r.status).toBe(404);
    expect(await balance(theirs.id)).toBe(5000);
    expect((await asCustomer('POST', `/api/account/${token}/orders/${order.id}/withdraw`, { name: 'Иван Петров' })).status).toBe(404);
  });

  it('the page’s form signs off a ready stage and a second send debits nothing more', async () => {
    const c = await newCustomer();
    await topup(c.id, 2000);
    const order = await runningOrder(c.id, [['2.4']]);
    await ok('POST', `/api/orders/${order.id}/stages/1/ready`);
    const { token } = await accountLink(c.id);
    const page = await (await asCustomer('GET', `/a/${token}`)).text();
    const formKey = /name="key" value="([^"]+)"/.exec(page)![1]!;
    const send = () =>
      fetchWorker(`/a/${token}`, {
        method: 'POST',
        headers: { origin: ORIGIN, 'cf-connecting-ip': freshIp(), 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ action: 'accept', orderId: String(order.id), n: '1', key: formKey, name: 'Мария Иванова' }).toString(),
      });
    const first = await send();
    expect(first.status).toBe(303);
    const again = await send();
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('уже принят');
    expect(await balance(c.id)).toBe(1000);
  });
});

describe('withdrawal by the customer', () => {
  it('only before the order started; else 422 in words', async () => {
    const c = await newCustomer();
    const waiting = await acceptedQuote(c.id, [['2.2']]);
    const queued = await ok('POST', `/api/quotes/${waiting.id}/order`, { body: { split: 'single' } }, 201);
    expect(queued.status).toBe('queued');
    const { token } = await accountLink(c.id);
    expect((await json(await asCustomer('POST', `/api/account/${token}/orders/${queued.id}/withdraw`, { name: '' }))).status).toBe(400);
    const w = await json(
      await asCustomer('POST', `/api/account/${token}/orders/${queued.id}/withdraw`, { name: 'Иван Петров', reason: 'Передумали' }),
    );
    expect(w.status).toBe(200);
    expect(w.body.order.status).toBe('withdrawn');
    expect(
      (await json(await asCustomer('POST', `/api/account/${token}/orders/${queued.id}/withdraw`, { name: 'Иван Петров' }))).status,
    ).toBe(409);
    await topup(c.id, 5000);
    const running = await runningOrder(c.id, [['2.4']]);
    expect(running.status).toBe('in_progress');
    const r = await json(await asCustomer('POST', `/api/account/${token}/orders/${running.id}/withdraw`, { name: 'Иван Петров' }));
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('order_started');
    expect((await ok('GET', `/api/orders/${running.id}`)).status).toBe('in_progress');
  });
});

describe('statement and export: that customer’s only', () => {
  it('the month statement and the data export hold the customer’s own records and nothing internal', async () => {
    const c = await newCustomer();
    const other = await newCustomer();
    await topup(c.id, 4000, { memo: 'Пакет заказчика' });
    await topup(other.id, 7000, { memo: 'Чужой пакет' });
    const q = await ok('POST', '/api/quotes', { body: { customerId: c.id, title: 'Смета', internalNote: 'СЕКРЕТНАЯ ЗАМЕТКА' } }, 201);
    const { token } = await accountLink(c.id);
    const xlsx = await asCustomer('GET', `/api/account/${token}/statement.xlsx?month=${thisMonth()}`);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    const pdf = await asCustomer('GET', `/api/account/${token}/statement.pdf?month=${thisMonth()}`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect((await asCustomer('GET', `/api/account/${token}/statement.xlsx?month=2026-13`)).status).toBe(400);
    expect((await asCustomer('GET', `/api/account/${token}/statement.xlsx`)).status).toBe(400);
    const doc = (await json(await asCustomer('GET', `/api/account/${token}/export.json`))).body;
    expect(doc.customer.id).toBe(c.id);
    expect(doc.ledger.every((e: any) => e.customerId === c.id)).toBe(true);
    expect(doc.ledger.map((e: any) => e.normHoursCenti)).toEqual([4000]);
    expect(doc.quotes.map((x: any) => x.id)).toEqual([q.id]);
    const text = JSON.stringify(doc);
    expect(text).not.toContain('СЕКРЕТНАЯ');
    expect(text).not.toContain('Чужой');
    expect(text).not.toContain('"ip"');
    const book = await asCustomer('GET', `/api/account/${token}/export.xlsx`);
    expect(book.status).toBe(200);
    expect(book.headers.get('content-type')).toContain('spreadsheetml');
  });
});

/** The audit rows of a quote by actor kind, as stored. */
const audit = async (quoteId: number, kind: 'customer' | 'user') =>
  (
    await env.DB.prepare(
      'select action, actor_name, ip, user_agent, changes from audit_log where quote_id = ? and actor_kind = ? order by id',
    )
      .bind(quoteId, kind)
      .all<any>()
  ).results;

describe('end of service', () => {
  const scheduled = async () => {
    await worker.scheduled({ scheduledTime: Date.now(), cron: '17 * * * *', noRetry() {} } as ScheduledController, env as unknown as Env);
  };
  const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

  it(
    'an admin sets the date; the account says until when; the Cron lists the ended windows; deletion only when confirmed, the ' +
      'ledger kept',
    async () => {
      const c = await newCustomer();
      await topup(c.id, 1234);
      await fails('PATCH', `/api/customers/${c.id}`, { body: { serviceEndsOn: daysAgo(10) } }, 403);
      await fails('PATCH', `/api/customers/${c.id}`, { as: 'admin', body: { serviceEndsOn: '2026-02-30' } }, 400, 'validation_failed');
      const recent = await ok('PATCH', `/api/customers/${c.id}`, { as: 'admin', body: { serviceEndsOn: daysAgo(10) } });
      expect(recent.serviceEndsOn).toBe(daysAgo(10));
      const { token } = await accountLink(c.id);
      const a = (await json(await asCustomer('GET', `/api/account/${token}`))).body;
      expect(a.customer.serviceEndsOn).toBe(daysAgo(10));
      expect(a.customer.dataAvailableUntil).toBe(daysAgo(-20));
      expect(await (await asCustomer('GET', `/a/${token}`)).text()).toMatch(/Скачать свои данные можно до/);
      // Within the window: the Cron lists nobody, deletion is refused.
      await scheduled();
      expect((await ok<any[]>('GET', '/api/account-deletions', { as: 'admin' })).some((x) => x.id === c.id)).toBe(false);
      await fails('POST', `/api/customers/${c.id}/anonymise`, { as: 'admin', body: { confirm: c.name } }, 422, 'data_window_open');
      // The window ended: listed for an admin; nothing deleted by itself.
      await ok('PATCH', `/api/customers/${c.id}`, { as: 'admin', body: { serviceEndsOn: daysAgo(31) } });
      await scheduled();
      const listed = await ok<any[]>('GET', '/api/account-deletions', { as: 'admin' });
      expect(listed.find((x) => x.id === c.id)).toMatchObject({ name: c.name, serviceEndsOn: daysAgo(31), dataAvailableUntil: daysAgo(1) });
      await fails('GET', '/api/account-deletions', { as: 'manager' }, 403);
      expect((await ok('GET', `/api/customers/${c.id}`)).name).toBe(c.name);
      // Confirmed: anonymised, links dead, the ledger's totals kept.
      await fails(
        'POST',
        `/api/customers/${c.id}/anonymise`,
        { as: 'admin', body: { confirm: 'не то имя' } },
        422,
        'confirmation_mismatch',
      );
      await fails('POST', `/api/customers/${c.id}/anonymise`, { as: 'manager', body: { confirm: c.name } }, 403);
      const gone = await ok('POST', `/api/customers/${c.id}/anonymise`, { as: 'admin', body: { confirm: c.name } });
      expect(gone.name).toMatch(/данные удалены/);
      expect(gone.anonymisedAt).toEqual(expect.any(String));
      expect(await balance(c.id)).toBe(1234);
      expect((await ledgerFacts(c.id)).entries).toHaveLength(1);
      expect((await asCustomer('GET', `/api/account/${token}`)).status).toBe(404);
      expect((await ok<any[]>('GET', '/api/account-deletions', { as: 'admin' })).some((x) => x.id === c.id)).toBe(false);
      await fails('POST', `/api/customers/${c.id}/account-link`, { body: {} }, 422, 'customer_deleted');
    },
  );

  it(
    'deletion erases what the customer left — names, addresses, IPs, request texts, their mail — and the audit trail still refuses any ' +
      'other change',
    async () => {
      const c = await ok('POST', '/api/customers', { body: { name: 'Уходящий лицей', email: 'leaving@example.org' } }, 201);
      await topup(c.id, 5000);
      const order = await runningOrder(c.id, [['2.4']]);
      const { token } = await accountLink(c.id);
      const raised = await json(
        await asCustomer(
          'POST',
          `/api/account/${token}/requests`,
          { kind: 'incident', subject: 'Не входит учитель', description: 'Звоните мне: +7 900 111-22-33', priority: 2 },
          {},
          '203.0.113.71',
        ),
      );
      expect(raised.status).toBe(201);
      await ok('PATCH', `/api/requests/${raised.body.id}`, { body: { version: 1, status: 'needs_clarification' } });
      const reply = { name: 'Пётр Уходящий', body: 'Мой логин petr.leaving' };
      expect((await asCustomer('POST', `/api/account/${token}/requests/${raised.body.id}/replies`, reply, {}, '203.0.113.72')).status).toBe(
        201,
      );
      await ok('POST', `/api/orders/${order.id}/stages/1/ready`);
      expect((await signOff(token, order.id, 1, key(), { name: 'Пётр Уходящий' }, '203.0.113.73')).status).toBe(200);
      const entriesBefore = (await ledgerFacts(c.id)).entries;
      const staffRowsBefore = await audit(order.quoteId, 'user');
      await ok('PATCH', `/api/customers/${c.id}`, { as: 'admin', body: { serviceEndsOn: daysAgo(31) } });
      await scheduled();
      // Before the deletion the audit trail refuses even the erasure.
      await expect(
        env.DB.prepare("update audit_log set actor_name = '—', ip = null, user_agent = null where quote_id = ? and actor_kind = 'customer'")
          .bind(order.quoteId)
          .run(),
      ).rejects.toThrow(/append-only/);
      await ok('POST', `/api/customers/${c.id}/anonymise`, { as: 'admin', body: { confirm: c.name } });

      const customerRows = await audit(order.quoteId, 'customer');
      expect(customerRows.map((r) => r.action).sort()).toEqual(['accepted', 'stage_accepted']);
      for (const r of customerRows) expect(r).toMatchObject({ actor_name: '—', ip: null, user_agent: null });
      expect(customerRows.find((r) => r.action === 'stage_accepted')!.changes).toContain('"by":"customer"');
      expect(await audit(order.quoteId, 'user')).toEqual(staffRowsBefore);
      const request = await env.DB.prepare('select subject, description, ip from service_requests where id = ?')
        .bind(raised.body.id)
        .first<any>();
      expect(request).toEqual({ subject: 'Не входит учитель', description: '', ip: null });
      // Nothing of them is left anywhere the app keeps text: not in the audit, the requests, the outbox, the quotes, the notifications.
      const left: string[] = [];
      for (const table of ['audit_log', 'service_requests', 'request_comments', 'outbox', 'quotes', 'notifications', 'customers']) {
        const dump = JSON.stringify((await env.DB.prepare(`select * from ${table}`).all()).results);
        for (const trace of [
          'Пётр Уходящий',
          'Уходящий лицей',
          'leaving@example.org',
          '+7 900 111-22-33',
          'petr.leaving',
          '203.0.113.71',
          '203.0.113.72',
          '203.0.113.73',
        ]) {
          if (dump.includes(trace)) left.push(`${table}: ${trace}`);
        }
      }
      expect(left).toEqual([]);
      // The ledger is whole; the audit trail still refuses every other change, also on this customer's rows.
      expect((await ledgerFacts(c.id)).entries).toEqual(entriesBefore);
      expect(await balance(c.id)).toBe(5000 - 1000);
      await expect(
        env.DB.prepare("update audit_log set action = 'x' where quote_id = ? and actor_kind = 'customer'").bind(order.quoteId).run(),
      ).rejects.toThrow(/append-only/);
      await expect(
        env.DB.prepare("update audit_log set actor_name = '—' where quote_id = ? and actor_kind = 'user'").bind(order.quoteId).run(),
      ).rejects.toThrow(/append-only/);
      await expect(env.DB.prepare('delete from audit_log where quote_id = ?').bind(order.quoteId).run()).rejects.toThrow(/append-only/);
    },
  );
});
