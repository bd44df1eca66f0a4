import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { SharedQuote } from '../../schema/api';
import { base64url, randomToken } from '../../worker/platform/secrets';
import { ORIGIN, call, fails, fetchWorker, ok, expectThrottledAfter, freshIp } from '../support/api';

let items: Record<string, { id: number }>;
/** Each customer request from its own address, so the per-IP throttle stays out of the way. */

beforeAll(async () => {
  const list = await ok<any[]>('GET', '/api/catalog/items');
  items = Object.fromEntries(list.map((i) => [i.code, i]));
});

async function sentQuote(extra: Record<string, unknown> = {}) {
  let q = await ok(
    'POST',
    '/api/quotes',
    { body: { customerId: 1, title: 'Внедрение СЭО', internalNote: 'СЕКРЕТ: можем дать скидку 15%', ...extra } },
    201,
  );
  q = await ok('POST', `/api/quotes/${q.id}/lines`, { body: { version: q.version, catalogItemId: items['2.5']!.id } }, 201);
  q = await ok(
    'POST',
    `/api/quotes/${q.id}/lines`,
    { body: { version: q.version, catalogItemId: items['2.9']!.id, hoursCenti: 500, kMilli: 600, kReason: 'ВНУТРЕННЯЯ ПРИЧИНА K' } },
    201,
  );
  return ok('POST', `/api/quotes/${q.id}/send`, { body: { version: q.version } });
}

async function share(quoteId: number, body?: unknown) {
  return ok('POST', `/api/quotes/${quoteId}/share`, { body }, 201);
}

const customer = (method: string, path: string, body?: unknown, ip = freshIp()) =>
  fetchWorker(path, {
    method,
    headers: { 'content-type': 'application/json', 'cf-connecting-ip': ip, 'user-agent': 'Test Browser/1.0', origin: ORIGIN },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

describe('issuing links', () => {
  it('only a sent revision can be shared', async () => {
    const draft = await ok('POST', '/api/quotes', { body: { customerId: 1, title: 'x' } }, 201);
    await fails('POST', `/api/quotes/${draft.id}/share`, {}, 409, 'quote_not_sent');
    await fails('POST', `/api/quotes/${draft.id}/share`, { as: 'accountant' }, 403, 'forbidden');
  });

  it('a link is 256 random bits, stored only as its SHA-256, valid 30 days by default', async () => {
    const q = await sentQuote();
    const link = await share(q.id);
    expect(link.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(link.url).toBe(`${ORIGIN}/s/${link.token}`);
    const days = (Date.parse(link.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThanOrEqual(30);
    const rows = await env.DB.prepare('select token_hash from share_links').all<{ token_hash: string }>();
    expect(rows.results.every((r) => /^[0-9a-f]{64}$/.test(r.token_hash) && r.token_hash !== link.token)).toBe(true);
    const custom = await share(q.id, { expiresInDays: 7 });
    expect((Date.parse(custom.expiresAt) - Date.now()) / 86_400_000).toBeLessThanOrEqual(7);
    await fails('POST', `/api/quotes/${q.id}/share`, { body: { expiresInDays: 0 } }, 400, 'validation_failed');
  });
});

describe('what the customer sees', () => {
  it('the sent revision with its services, and no internal field anywhere', async () => {
    const q = await sentQuote();
    const { token } = await share(q.id);
    const res = await customer('GET', `/api/shared/${token}`);
    expect(res.status).toBe(200);
    const text = await res.text();
    const view = JSON.parse(text);
    expect(view.quote).toMatchObject({ number: q.number, revision: 1, title: 'Внедрение СЭО', status: 'sent', rateMinor: 300_000 });
    expect(view.customer.name).toBe('Северный государственный университет');
    expect(view.company.name).toBe('ООО «Открытые технологии»');
    expect(view.lines[0]).toMatchObject({ code: '2.5', hoursCenti: 6400, amountMinor: 19_200_000 });
    expect(view.lines[0].limits).toContain('до 10 тематических секций');
    expect(view.totals).toEqual(q.totals);
    expect(view.canAnswer).toBe(true);
    // The OpenAPI schema is strict: a field added to the view without the schema fails here.
    const parsed = SharedQuote.safeParse(view);
    expect(parsed.success, JSON.stringify(parsed.error?.issues.slice(0, 3))).toBe(true);

    expect(text).not.toContain('СЕКРЕТ');
    expect(text).not.toContain('ВНУТРЕННЯЯ ПРИЧИНА');
    const forbidden = [
      'internalNote',
      'kReason',
      'baseKMilli',
      'version',
      'id',
      'seriesId',
      'customerId',
      'catalogItemId',
      'writeToken',
      'searchText',
      'createdBy',
      'revisions',
      'allowed',
      'tokenHash',
      'email',
    ];
    const keys = new Set<string>();
    const walk = (v: unknown) => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object')
        for (const [k, x] of Object.entries(v)) {
          keys.add(k);
          walk(x);
        }
    };
    // The manager's contact is on the page on purpose (name, phone, e-mail); nothing else of staff or customer.
    expect(Object.keys(view.manager).sort()).toEqual(['email', 'name', 'phone']);
    expect(view.manager).toMatchObject({ name: 'Максим Менеджеров', email: 'manager@demo.local' });
    walk({ ...view, manager: null });
    for (const k of forbidden) expect(keys.has(k), `shared JSON has "${k}"`).toBe(false);
  });

  it('counts the opens the manager sees', async () => {
    const q = await sentQuote();
    const { token } = await share(q.id);
    let links = await ok<any[]>('GET', `/api/quotes/${q.id}/shares`);
    expect(links[0]).toMatchObject({ openCount: 0, firstOpenedAt: null, state: 'active' });
    await customer('GET', `/api/shared/${token}`);
    await customer('GET', `/s/${token}`);
    links = await ok<any[]>('GET', `/api/quotes/${q.id}/shares`, { as: 'accountant' });
    expect(links[0].openCount).toBe(2);
    expect(links[0].firstOpenedAt).not.toBeNull();
    expect(links[0]).not.toHaveProperty('tokenHash');
  });

  it('headers: no-store, no-referrer, noindex, a strict CSP', async () => {
    const q = await sentQuote();
    const { token } = await share(q.id);
    for (const path of [`/api/shared/${token}`, `/s/${token}`, `/api/shared/${randomToken()}`]) {
      const res = await customer('GET', path);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('x-robots-tag')).toContain('noindex');
      expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    }
  });
});

describe('bad links', () => {
  it('tokens are 32 bytes of the platform’s CSPRNG; random tokens find nothing', async () => {
    // The source: randomToken() takes its 256 bits from crypto.getRandomValues, and the token is
    // exactly those bytes in base64url (43 characters).
    const spy = vi.spyOn(crypto, 'getRandomValues');
    let token: string;
    let calls: unknown[][];
    try {
      token = randomToken();
      calls = [...spy.mock.calls];
    } finally {
      spy.mockRestore();
    }
    expect(calls).toHaveLength(1);
    const bytes = calls[0]![0] as Uint8Array;
    expect(bytes.byteLength).toBe(32);
    expect(token).toBe(base64url(bytes));
    // The link route uses it: 43 URL-safe characters, a different one each time.
    const q = await sentQuote();
    const links = await Promise.all([share(q.id), share(q.id), share(q.id)]);
    for (const link of links) expect(link.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(new Set(links.map((l) => l.token)).size).toBe(3);
    const ip = freshIp();
    const results = await Promise.all(Array.from({ length: 20 }, () => customer('GET', `/api/shared/${randomToken()}`, undefined, ip)));
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(404));
  });

  it('a truncated, padded or garbage token is a 404, on the API and the page', async () => {
    const q = await sentQuote();
    const { token } = await share(q.id);
    for (const bad of [token.slice(0, 42), `${token}A`, 'x', '%00', token.replace(/./, '!')]) {
      expect((await customer('GET', `/api/shared/${encodeURIComponent(bad)}`)).status).toBe(404);
      expect((await customer('GET', `/s/${encodeURIComponent(bad)}`)).status).toBe(404);
      expect((await customer('POST', `/api/shared/${encodeURIComponent(bad)}/accept`, { name: 'Иван Петров' })).status).toBe(404);
    }
  });

  it('revoked and expired links are 404s; the page says so kindly', async () => {
    const q = await sentQuote();
    const { token } = await share(q.id);
    const other = await share(q.id);
    expect(await ok('DELETE', `/api/quotes/${q.id}/share`)).toEqual({ revoked: 2 });
    const res = await customer('GET', `/api/shared/${token}`);
    expect(res.status).toBe(404);
    expect(((await res.json()) as any).error.code).toBe('link_revoked');
    const page = await customer('GET', `/s/${other.token}`);
    expect(page.status).toBe(404);
    expect(await page.text()).toContain('Ссылка отозвана');
    expect((await customer('POST', `/api/shared/${token}/accept`, { name: 'Иван Петров' })).status).toBe(404);

    const fresh = await share(q.id);
    await env.DB.prepare("update share_links set expires_at = '2020-01-01T00:00:00.000Z' where id = ?").bind(fresh.id).run();
    const expired = await customer('GET', `/api/shared/${fresh.token}`);
    expect(expired.status).toBe(404);
    expect(((await expired.json()) as any).error.code).toBe('link_expired');
    expect(await (await customer('GET', `/s/${fresh.token}`)).text()).toContain('Срок действия ссылки истёк');
  });

  it('throttles one address that asks too often (120 views a minute), with Retry-After', async () => {
    const ip = freshIp();
    const results: Response[] = [];
    for (let i = 0; i < 241; i++) results.push(await customer('GET', `/api/shared/${randomToken()}`, undefined, ip));
    expectThrottledAfter(
      results.map((r) => r.status),
      120,
    );
    const limited = results.find((r) => r.status === 429)!;
    expect(Number(limited.headers.get('retry-after'))).toBe(60);
    expect(((await limited.json()) as any).error).toMatchObject({ code: 'too_many_requests', details: { limit: 'SHARED_VIEW_LIMITER' } });
    // Another address is not affected.
    expect((await customer('GET', `/api/shared/${randomToken()}`, undefined, freshIp())).status).toBe(404);
  });
});

describe('answers', () => {
  it('accept with a typed name: recorded with IP and user agent, the manager notified, no second answer', async () => {
    const q = await sentQuote();
    const { token } = await share(q.id);
    const res = await customer('POST', `/api/shared/${token}/accept`, { name: '  Смирнова Ирина Петровна ' }, '203.0.113.7');
    expect(res.status).toBe(200);
    const view = (await res.json()) as any;
    expect(view.answer).toMatchObject({ kind: 'accepted', name: 'Смирнова Ирина Петровна' });
    expect(view.canAnswer).toBe(false);

    const staff = await ok('GET', `/api/quotes/${q.id}`);
    expect(staff).toMatchObject({
      status: 'accepted',
      answerName: 'Смирнова Ирина Петровна',
      allowed: { edit: false, revise: false, order: true },
    });
    const audit = await ok<any[]>('GET', `/api/quotes/${q.id}/audit`);
    expect(audit[0]).toMatchObject({
      action: 'accepted',
      actorKind: 'customer',
      actorName: 'Смирнова Ирина Петровна',
      ip: '203.0.113.7',
      userAgent: 'Test Browser/1.0',
    });
    expect(audit[0].changes.terms).toContain('Принимая смету');
    const notes = await ok<any[]>('GET', '/api/notifications');
    expect(notes[0]).toMatchObject({ quoteId: q.id, kind: 'accepted', readAt: null });
    expect(notes[0].message).toContain('Смирнова');
    await ok('POST', '/api/notifications/read', { body: {} });
    expect((await ok<any[]>('GET', '/api/notifications'))[0].readAt).not.toBeNull();

    for (const [path, body] of [
      ['accept', { name: 'Иван Петров' }],
      ['decline', { name: 'Иван Петров', reason: 'дорого' }],
      ['request-changes', { name: 'Иван Петров', message: 'меньше часов' }],
    ] as const) {
      const again = await customer('POST', `/api/shared/${token}/${path}`, body);
      expect(again.status).toBe(409);
      expect(((await again.json()) as any).error.code).toBe('already_answered');
    }
    expect((await ok('GET', `/api/quotes/${q.id}`)).answerName).toBe('Смирнова Ирина Петровна');
  });

  it('decline needs a reason, request changes a message; bad input stores nothing', async () => {
    const q = await sentQuote();
    const { token } = await share(q.id);
    const auditBefore = (await ok<any[]>('GET', `/api/quotes/${q.id}/audit`)).length;
    const cases: [string, unknown][] = [
      ['decline', { name: 'Иван Петров' }],
      ['decline', { name: 'Иван Петров', reason: '   ' }],
      ['decline', { name: 'Иван Петров', reason: 'я'.repeat(1_000_000) }],
      ['request-changes', { name: 'Иван Петров' }],
      ['accept', { name: '' }],
      ['accept', { name: '12345' }],
      ['accept', {}],
      ['accept', { name: 'Иван Петров', extra: 1 }],
    ];
    for (const [path, body] of cases) {
      const res = await customer('POST', `/api/shared/${token}/${path}`, body);
      expect(res.status, `${path} ${JSON.stringify(body).slice(0, 60)}`).toBe(400);
      expect(((await res.json()) as any).error.code).toBe('validation_failed');
    }
    expect((await ok('GET', `/api/quotes/${q.id}`)).status).toBe('sent');
    expect((await ok<any[]>('GET', `/api/quotes/${q.id}/audit`)).length).toBe(auditBefore);

    const declined = await customer('POST', `/api/shared/${token}/decline`, { name: 'Иван Петров', reason: 'Нашли другого подрядчика' });
    expect(((await declined.json()) as any).answer).toMatchObject({ kind: 'declined', message: 'Нашли другого подрядчика' });
    expect((await ok('GET', `/api/quotes/${q.id}`)).status).toBe('declined');
  });

  it('one link per quote number: after R2 is sent the same link shows R2, R1 listed as replaced', async () => {
    const q = await sentQuote();
    const link = await share(q.id);
    const changed = await customer('POST', `/api/shared/${link.token}/request-changes`, {
      name: 'Иван Петров',
      message: 'Уберите 2.9',
      revision: 1,
    });
    expect(changed.status).toBe(200);
    const r2 = await ok('POST', `/api/quotes/${q.id}/revise`, {}, 201);
    // until R2 is sent, the customer keeps seeing R1
    const before = (await (await customer('GET', `/api/shared/${link.token}`)).json()) as any;
    expect(before.quote.number).toBe(q.number);
    expect(before.history).toEqual([]);
    const edited = await ok('DELETE', `/api/quotes/${r2.id}/lines/${r2.lines[1].id}?version=1`);
    const sent = await ok('POST', `/api/quotes/${r2.id}/send`, { body: { version: edited.version } });
    const after = (await (await customer('GET', `/api/shared/${link.token}`)).json()) as any;
    expect(after.quote).toMatchObject({ number: `${q.number}-R2`, revision: 2 });
    expect(after).toMatchObject({ replaced: false, canAnswer: true });
    expect(after.lines).toHaveLength(1);
    expect(after.history).toEqual([
      { number: q.number, revision: 1, sentAt: expect.any(String), replacedAt: sent.sentAt, replacedBy: `${q.number}-R2` },
    ]);
    const page = await (await customer('GET', `/s/${link.token}`)).text();
    expect(page).toContain(`${q.number}-R2`);
    expect(page).toContain('заменена редакцией');
    // A link made from R1's id is a link to the number too.
    const again = await share(q.id);
    expect(((await (await customer('GET', `/api/shared/${again.token}`)).json()) as any).quote.revision).toBe(2);
  });

  it(
    'the link lives across R1 → R2 → R3: each sent revision in turn, the earlier ones in its history; a revoked link ' + 'stays dead',
    async () => {
      const q = await sentQuote();
      const link = await share(q.id);
      const seen = async () => (await (await customer('GET', `/api/shared/${link.token}`)).json()) as any;
      expect((await seen()).quote.number).toBe(q.number);
      const r2 = await ok('POST', `/api/quotes/${q.id}/revise`, {}, 201);
      await ok('POST', `/api/quotes/${r2.id}/send`, { body: { version: r2.version } });
      expect((await seen()).quote.number).toBe(`${q.number}-R2`);
      const r3 = await ok('POST', `/api/quotes/${r2.id}/revise`, {}, 201);
      // A draft R3 changes nothing for the customer.
      expect((await seen()).quote.number).toBe(`${q.number}-R2`);
      await ok('POST', `/api/quotes/${r3.id}/send`, { body: { version: r3.version } });
      const third = await seen();
      expect(third.quote).toMatchObject({ number: `${q.number}-R3`, revision: 3 });
      expect(third.history.map((h: any) => [h.number, h.replacedBy])).toEqual([
        [`${q.number}-R2`, `${q.number}-R3`],
        [q.number, `${q.number}-R2`],
      ]);
      expect(third.canAnswer).toBe(true);
      // Every revision's id lists the same links; revoking from R3 ends the link for all.
      const fromR1 = await ok<any[]>('GET', `/api/quotes/${q.id}/shares`);
      const fromR3 = await ok<any[]>('GET', `/api/quotes/${r3.id}/shares`);
      expect(fromR3.map((l) => l.id)).toEqual(fromR1.map((l) => l.id));
      expect(fromR3.find((l) => l.id === link.id)).toMatchObject({ state: 'active', openCount: 4 });
      await ok('DELETE', `/api/quotes/${r3.id}/shares/${link.id}`);
      expect((await customer('GET', `/api/shared/${link.token}`)).status).toBe(404);
      await fails('POST', `/api/quotes/${q.id}/shares/${link.id}/renew`, { body: {} }, 409, 'link_revoked');
    },
  );

  it('an answer names the revision the customer saw: a stale one is refused, the current one is taken', async () => {
    const q = await sentQuote();
    const link = await share(q.id);
    const r2 = await ok('POST', `/api/quotes/${q.id}/revise`, {}, 201);
    await ok('POST', `/api/quotes/${r2.id}/send`, { body: { version: 1 } });
    const stale = await customer('POST', `/api/shared/${link.token}/accept`, { name: 'Иван Петров', revision: 1 });
    expect(stale.status).toBe(409);
    const err = ((await stale.json()) as any).error;
    expect(err.code).toBe('revision_replaced');
    expect(err.message).toContain(`${q.number}-R2`);
    expect((await ok('GET', `/api/quotes/${r2.id}`)).status).toBe('sent');
    const fresh = await customer('POST', `/api/shared/${link.token}/accept`, { name: 'Иван Петров', revision: 2 });
    expect(fresh.status).toBe(200);
    expect((await ok('GET', `/api/quotes/${r2.id}`)).status).toBe('accepted');
    expect((await ok('GET', `/api/quotes/${q.id}`)).status).toBe('sent');
  });

  it('an expired estimate cannot be accepted', async () => {
    const q = await sentQuote();
    const { token } = await share(q.id);
    await env.DB.prepare("update quotes set valid_until = '2020-01-01' where id = ?").bind(q.id).run();
    const res = await customer('POST', `/api/shared/${token}/accept`, { name: 'Иван Петров' });
    expect(res.status).toBe(409);
    expect(((await res.json()) as any).error.code).toBe('quote_expired');
    expect((await (await customer('GET', `/api/shared/${token}`)).json()) as any).toMatchObject({ expired: true, canAnswer: false });
  });

  it('accepting closes a draft revision started meanwhile', async () => {
    const q = await sentQuote();
    const { token } = await share(q.id);
    const r2 = await ok('POST', `/api/quotes/${q.id}/revise`, {}, 201);
    await customer('POST', `/api/shared/${token}/accept`, { name: 'Иван Петров' });
    expect((await ok('GET', `/api/quotes/${r2.id}`)).status).toBe('archived');
    await fails('POST', `/api/quotes/${r2.id}/send`, { body: { version: r2.version } }, 409);
  });
});

describe('the customer’s page', () => {
  it('renders the estimate, escapes what users typed, and answers through a plain form', async () => {
    const q = await sentQuote({ title: '<script>alert("x")</script> Смета', customerNote: 'Оплата <b>нормо-часами</b>' });
    const { token } = await share(q.id);
    const page = await customer('GET', `/s/${token}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    expect(html).toContain('<html lang="ru">');
    expect(html).toContain(q.number);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Смета');
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('Оплата &lt;b&gt;нормо-часами&lt;/b&gt;');
    expect(html).not.toContain('СЕКРЕТ');
    expect(html).toContain('Исходный материал');
    expect(html).toContain('Принять смету');
    expect(html).toContain('Принимая смету');
    expect(html).toContain(`/api/shared/${token}/export.xlsx`);
    expect(await (await customer('GET', `/s/${token}?lang=en`)).text()).toContain('Accept the estimate');

    const form = (fields: Record<string, string>) =>
      fetchWorker(`/s/${token}`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN, 'cf-connecting-ip': freshIp() },
        body: new URLSearchParams(fields).toString(),
      });
    const noAgree = await form({ action: 'accept', name: 'Иван Петров' });
    expect(noAgree.status).toBe(400);
    expect(await noAgree.text()).toContain('Подтвердите, что прочитали условия');
    const noName = await form({ action: 'accept', name: '', agree: 'yes' });
    expect(noName.status).toBe(400);
    expect((await ok('GET', `/api/quotes/${q.id}`)).status).toBe('sent');

    const done = await form({ action: 'accept', name: 'Иван Петров', agree: 'yes' });
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe(`/s/${token}?lang=ru&done=1`);
    const after = await (await customer('GET', `/s/${token}?done=1`)).text();
    expect(after).toContain('Смета принята');
    expect(after).toContain('Иван Петров');
    expect(after).not.toContain('name="agree"');
    const twice = await form({ action: 'decline', name: 'Иван Петров', message: 'передумали' });
    expect(twice.status).toBe(409);
    expect(await twice.text()).toContain('уже дан ответ');
  });

  it('the page’s own form arrives with Origin: null (no-referrer) and is accepted on Sec-Fetch-Site', async () => {
    const q = await sentQuote();
    const { token } = await share(q.id);
    const post = (site: string) =>
      fetchWorker(`/s/${token}`, {
        method: 'POST',
        redirect: 'manual',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          origin: 'null',
          'sec-fetch-site': site,
          'cf-connecting-ip': freshIp(),
        },
        body: 'action=accept&name=%D0%98%D0%B2%D0%B0%D0%BD+%D0%9F%D0%B5%D1%82%D1%80%D0%BE%D0%B2&agree=yes',
      });
    expect((await post('cross-site')).status).toBe(403);
    expect((await ok('GET', `/api/quotes/${q.id}`)).status).toBe('sent');
    expect((await post('same-origin')).status).toBe(303);
    expect((await ok('GET', `/api/quotes/${q.id}`)).answerName).toBe('Иван Петров');
  });

  it('a form posted from a foreign site is refused', async () => {
    const q = await sentQuote();
    const { token } = await share(q.id);
    const res = await fetchWorker(`/s/${token}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' },
      body: 'action=accept&name=Mallory+Evil&agree=yes',
    });
    expect(res.status).toBe(403);
    expect((await ok('GET', `/api/quotes/${q.id}`)).status).toBe('sent');
  });
});

describe('staff routes around links', () => {
  it('revoke and list need the right roles', async () => {
    const q = await sentQuote();
    await fails('DELETE', `/api/quotes/${q.id}/share`, { as: 'accountant' }, 403);
    await fails('POST', '/api/quotes/99999/share', {}, 404);
    expect(await call('GET', `/api/quotes/${q.id}/shares`, { as: 'anon' }).then((r) => r.status)).toBe(401);
  });
});
