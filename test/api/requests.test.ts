/**
 * Service requests (issue 18): the customer's form through an account link, the SLA deadline in
 * the company's working calendar (weekends, holidays, time zone; fast-check over creation times),
 * staff triage with versions (20 concurrent PATCHes: one wins), answers and their e-mails,
 * «в смету» keeping the text, roles, and bad input in API.md's error shape.
 */
import { env } from 'cloudflare:test';
import fc from 'fast-check';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { localDate } from '../../worker/domain/calendar';
import { PRIORITY_LEVELS, SLA_LEVELS } from '../../worker/domain/sla';
import { DEFAULT_WORKING_CALENDAR, workingMinutesBetween, workingPeriodOn, type WorkingCalendar } from '../../worker/domain/working-time';
import { randomToken, sha256Hex } from '../../worker/platform/secrets';
import { ORIGIN, call, expectThrottledAfter, fails, fetchWorker, freshIp, ok } from '../support/api';

/** An account link for a customer, made as a manager makes it (no e-mail); a negative life expires it. */
async function accountToken(customerId = 1, expiresInMs = 86_400_000): Promise<string> {
  const { token } = await ok<{ token: string }>('POST', `/api/customers/${customerId}/account-link`, { body: { email: false } }, 201);
  if (expiresInMs < 0) {
    await env.DB.prepare('update account_links set expires_at = ? where token_hash = ?')
      .bind(new Date(Date.now() + expiresInMs).toISOString(), await sha256Hex(token))
      .run();
  }
  return token;
}

function raise(token: string, body: unknown, ip = freshIp()) {
  return fetchWorker(`/api/account/${token}/requests`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'cf-connecting-ip': ip },
    body: JSON.stringify(body),
  });
}

async function raiseOk(token: string, body: Record<string, unknown> = {}) {
  const res = await raise(token, {
    kind: 'incident',
    subject: 'Не открывается курс',
    description: 'Ошибка 500 на странице курса',
    priority: 2,
    ...body,
  });
  const text = await res.text();
  expect(res.status, text).toBe(201);
  return JSON.parse(text);
}

/** Runs `fn` with the clock at `iso` (only routes without a session: staff sessions last 12 h). */
async function at<T>(iso: string, fn: () => Promise<T>): Promise<T> {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(iso));
  try {
    return await fn();
  } finally {
    vi.useRealTimers();
  }
}

const outboxOf = async (kind: string) =>
  (await env.DB.prepare('select * from outbox where kind = ? order by id').bind(kind).all<Record<string, any>>()).results;

let token: string;
beforeAll(async () => {
  token = await accountToken(1);
});

describe('the customer raises a request', () => {
  it('answers 201 with a number and a deadline; the managers get an e-mail in the same batch', async () => {
    const before = (await outboxOf('request_new')).length;
    const r = await raiseOk(token, { subject: '<script>alert(1)</script> курс' });
    expect(r).toMatchObject({
      number: expect.stringMatching(/^R-20\d\d-\d{4}$/),
      status: 'new',
      kind: 'incident',
      priority: 2,
      answers: [],
    });
    expect(Date.parse(r.reactionDueAt)).toBeGreaterThan(Date.parse(r.createdAt));
    const mails = await outboxOf('request_new');
    expect(mails.length).toBe(before + 1);
    expect(JSON.parse(mails.at(-1)!.to_json)).toEqual(['manager@demo.local']);
    expect(mails.at(-1)!.subject).toContain(r.number);
    const staff = await ok('GET', `/api/requests/${r.id}`);
    expect(staff).toMatchObject({
      id: r.id,
      customerId: 1,
      slaLevel: 'standard',
      reactionDueAt: r.reactionDueAt,
      breached: false,
      comments: [],
    });
    expect(staff.subject).toBe('<script>alert(1)</script> курс'); // stored as typed; escaped where shown
  });

  it('numbers are sequential and unique under concurrent requests', async () => {
    const rs = await Promise.all(Array.from({ length: 8 }, () => raiseOk(token)));
    const seqs = rs.map((r) => Number(r.number.slice(-4))).sort((a, b) => a - b);
    expect(new Set(seqs).size).toBe(8);
    expect(seqs.at(-1)! - seqs[0]!).toBe(7);
  });

  it('bad input → 400 validation_failed naming the fields; an unknown, expired or malformed token → 404', async () => {
    for (const body of [
      {},
      { kind: 'wish', subject: 'x', description: 'y', priority: 1 },
      { kind: 'incident', subject: '', description: 'y', priority: 1 },
      { kind: 'incident', subject: 'x', description: 'y', priority: 5 },
      { kind: 'incident', subject: 'x', description: 'y', priority: 1.5 },
      { kind: 'incident', subject: 'x'.repeat(201), description: 'y', priority: 1 },
      { kind: 'incident', subject: 'x', description: 'y', priority: 1, customerId: 2 },
    ]) {
      const res = await raise(token, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(((await res.json()) as any).error).toMatchObject({ code: 'validation_failed', message: expect.any(String) });
    }
    const bad = await fetchWorker(`/api/account/${token}/requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'cf-connecting-ip': freshIp() },
      body: '{not json',
    });
    expect(bad.status).toBe(400);
    const good = { kind: 'service', subject: 'x', description: 'y', priority: 3 };
    expect((await raise(randomToken(), good)).status).toBe(404);
    expect((await raise('short', good)).status).toBe(404);
    expect((await raise(await accountToken(1, -1000), good)).status).toBe(404);
    const revoked = await accountToken(2);
    await env.DB.prepare('update account_links set revoked_at = ? where token_hash = ?')
      .bind(new Date().toISOString(), await sha256Hex(revoked))
      .run();
    const res = await raise(revoked, good);
    expect(res.status).toBe(404);
    expect(((await res.json()) as any).error.code).toBe('not_found');
  });

  it('is throttled per address (429 with Retry-After)', async () => {
    const ip = freshIp();
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) statuses.push((await raise(token, { kind: 'x' }, ip)).status);
    expectThrottledAfter(statuses, 10);
  });

  it('a customer token cannot read the inbox: staff routes want a session', async () => {
    expect((await fetchWorker(`/api/requests`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
    await fails('GET', '/api/requests', { as: 'anon' }, 401);
    await fails('GET', `/api/account/${token}/requests`, { as: 'anon' }, 404);
  });
});

describe('the staff inbox and triage', () => {
  it('lists with filters: status, kind, customer, flags', async () => {
    const other = await accountToken(2);
    const a = await raiseOk(other, { kind: 'development', subject: 'Отчёт по оценкам', description: 'Нужен отчёт в Excel', priority: 4 });
    const all = await ok('GET', '/api/requests');
    expect(all.length).toBeGreaterThan(1);
    expect(all[0].id).toBeGreaterThan(all.at(-1).id);
    for (const r of all)
      expect(r).toMatchObject({ reactionDueAt: expect.any(String), breached: expect.any(Boolean), atRisk: expect.any(Boolean) });
    expect((await ok('GET', '/api/requests?customerId=2')).map((r: any) => r.id)).toContain(a.id);
    expect((await ok('GET', '/api/requests?customerId=2')).every((r: any) => r.customerId === 2)).toBe(true);
    expect((await ok('GET', '/api/requests?kind=development')).every((r: any) => r.kind === 'development')).toBe(true);
    expect((await ok('GET', '/api/requests?status=new')).every((r: any) => r.status === 'new')).toBe(true);
    for (const flag of ['breached', 'at_risk', 'open']) expect(Array.isArray(await ok('GET', `/api/requests?flag=${flag}`))).toBe(true);
    await fails('GET', '/api/requests?flag=late', {}, 400, 'validation_failed');
    await fails('GET', '/api/requests?customerId=abc', {}, 400, 'validation_failed');
    await fails('GET', '/api/requests/999999', {}, 404);
  });

  it('breached: an old request without an answer; at risk: under a quarter of the time left; an answer stops the clock', async () => {
    const r = await raiseOk(token, { priority: 1 });
    // Move its creation two weeks back, with the deadline its level gives then.
    const created = new Date(Date.now() - 14 * 86_400_000).toISOString();
    const { reactionDeadline } = await import('../../worker/domain/sla');
    await env.DB.prepare('update service_requests set created_at = ?, due_at = ? where id = ?')
      .bind(created, reactionDeadline(created, 'emergency', DEFAULT_WORKING_CALENDAR), r.id)
      .run();
    const late = await ok('GET', `/api/requests/${r.id}`);
    expect(late).toMatchObject({ breached: true, atRisk: false });
    expect(late.remainingMinutes).toBeLessThan(0);
    expect((await ok('GET', '/api/requests?flag=breached')).map((x: any) => x.id)).toContain(r.id);
    expect((await ok('GET', '/api/requests?flag=at_risk')).map((x: any) => x.id)).not.toContain(r.id);
    await ok('POST', `/api/requests/${r.id}/answers`, { body: { body: 'Смотрим' } }, 201);
    expect(await ok('GET', `/api/requests/${r.id}`)).toMatchObject({ breached: true }); // answered late: still a breach
  });

  it('PATCH with a stale version → 409 version_conflict; status follows the transition table (422)', async () => {
    const r = await raiseOk(token);
    const v1 = (await ok('GET', `/api/requests/${r.id}`)).version;
    const p = await ok('PATCH', `/api/requests/${r.id}`, { body: { version: v1, status: 'in_work', kind: 'problem' } });
    expect(p).toMatchObject({ status: 'in_work', kind: 'problem', version: v1 + 1 });
    await fails('PATCH', `/api/requests/${r.id}`, { body: { version: v1, status: 'resolved' } }, 409, 'version_conflict');
    await fails('PATCH', `/api/requests/${r.id}`, { body: { version: v1 + 1, status: 'new' } }, 422, 'transition_not_allowed');
    const done = await ok('PATCH', `/api/requests/${r.id}`, { body: { version: v1 + 1, status: 'resolved' } });
    const closed = await ok('PATCH', `/api/requests/${r.id}`, { body: { version: done.version, status: 'closed' } });
    await fails('PATCH', `/api/requests/${r.id}`, { body: { version: closed.version, status: 'in_work' } }, 422, 'transition_not_allowed');
    await fails('POST', `/api/requests/${r.id}/answers`, { body: { body: 'ещё' } }, 422, 'request_closed');
    await fails('PATCH', `/api/requests/${r.id}`, { body: { version: closed.version } }, 400, 'validation_failed');
    await fails('PATCH', `/api/requests/${r.id}`, { body: { status: 'in_work' } }, 400, 'validation_failed');
    await fails('PATCH', `/api/requests/${r.id}`, { body: { version: closed.version, slaLevel: 'gold' } }, 400, 'validation_failed');
    await fails('PATCH', '/api/requests/999999', { body: { version: 1, kind: 'problem' } }, 404);
  });

  it('a new SLA level moves the deadline: creation + the level’s working hours', async () => {
    const r = await raiseOk(token, { priority: 4 });
    const before = await ok('GET', `/api/requests/${r.id}`);
    expect(before.slaLevel).toBe('consulting');
    const after = await ok('PATCH', `/api/requests/${r.id}`, { body: { version: before.version, slaLevel: 'vip' } });
    expect(after.slaLevel).toBe('vip');
    const settings = await ok('GET', '/api/settings');
    expect(workingMinutesBetween(after.createdAt, after.reactionDueAt, settings)).toBe(120);
    expect(Date.parse(after.reactionDueAt)).toBeLessThan(Date.parse(before.reactionDueAt));
  });

  it('20 concurrent PATCHes with one version: exactly one wins, the others get 409', async () => {
    const r = await raiseOk(token);
    const { version } = await ok('GET', `/api/requests/${r.id}`, { as: 'admin' }); // logged in before the race
    const kinds = ['incident', 'problem', 'service', 'development'];
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        call('PATCH', `/api/requests/${r.id}`, { as: i % 2 ? 'manager' : 'admin', body: { version, kind: kinds[i % 4] } }),
      ),
    );
    const statuses = responses.map((x) => x.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    expect((await ok('GET', `/api/requests/${r.id}`)).version).toBe(version + 1);
  });

  it('a staff answer: the customer sees it, gets it by e-mail in their language, the SLA clock stops', async () => {
    await env.DB.prepare("update customers set lang = 'en', email = 'a@x.example, b@x.example' where id = 3").run();
    const t3 = await accountToken(3);
    const r = await raiseOk(t3, { priority: 3 });
    const answered = await ok('POST', `/api/requests/${r.id}/answers`, { as: 'accountant', body: { body: 'Hello <b>there</b>' } }, 201);
    expect(answered.firstAnswerAt).toEqual(expect.any(String));
    expect(answered.breached).toBe(false);
    expect(answered.comments).toEqual([
      expect.objectContaining({ author: 'staff', authorName: 'Бухгалтер Ольга', body: 'Hello <b>there</b>' }),
    ]);
    const mail = (await outboxOf('request_answered')).at(-1)!;
    expect(JSON.parse(mail.to_json)).toEqual(['a@x.example', 'b@x.example']);
    expect(mail.lang).toBe('en');
    expect(mail.subject).toBe(`An answer to your request ${r.number}: ${r.subject}`);
    await ok('POST', `/api/requests/${r.id}/answers`, { body: { body: 'Второй ответ' } }, 201);
    expect((await ok('GET', `/api/requests/${r.id}`)).firstAnswerAt).toBe(answered.firstAnswerAt);
    await fails('POST', `/api/requests/${r.id}/answers`, { body: { body: '  ' } }, 400, 'validation_failed');
    const { listCustomerRequests } = await import('../../worker/store/requests');
    const { database } = await import('../../worker/store/db');
    const mine = await listCustomerRequests(database(env.DB), 3);
    expect(mine.find((x) => x.id === r.id)!.answers.map((a) => a.body)).toEqual(['Hello <b>there</b>', 'Второй ответ']);
    expect(mine.find((x) => x.id === r.id)).not.toHaveProperty('slaLevel');
  });
});

describe('«в смету»: a development request becomes a draft quote', () => {
  it('keeps the text (subject → title and line, description → note), links both ways, once', async () => {
    const r = await raiseOk(token, {
      kind: 'development',
      subject: 'Плагин отчёта по посещаемости',
      description: 'Фильтры по группам,\nвыгрузка в xlsx',
      priority: 3,
    });
    const { version } = await ok('GET', `/api/requests/${r.id}`);
    const made = await ok('POST', `/api/requests/${r.id}/quote`, { body: { version } }, 201);
    const quote = await ok('GET', `/api/quotes/${made.quoteId}`);
    expect(quote).toMatchObject({
      status: 'draft',
      customerId: 1,
      title: 'Плагин отчёта по посещаемости',
      customerNote: 'Фильтры по группам,\nвыгрузка в xlsx',
    });
    expect(quote.internalNote).toContain(r.number);
    expect(quote.lines).toEqual([
      expect.objectContaining({ title: 'Плагин отчёта по посещаемости', note: 'Фильтры по группам,\nвыгрузка в xlsx' }),
    ]);
    expect(made.request).toMatchObject({ quoteId: made.quoteId, quoteNumber: quote.number, version: version + 1 });
    expect((await ok('GET', `/api/requests?quoteId=${made.quoteId}`)).map((x: any) => x.id)).toEqual([r.id]);
    await fails('POST', `/api/requests/${r.id}/quote`, { body: {} }, 409, 'already_quoted');
  });

  it('refuses other kinds (422), a stale version (409), and the accountant (403)', async () => {
    const inc = await raiseOk(token, { kind: 'incident' });
    await fails('POST', `/api/requests/${inc.id}/quote`, { body: {} }, 422, 'not_development');
    const dev = await raiseOk(token, { kind: 'development' });
    await fails('POST', `/api/requests/${dev.id}/quote`, { body: { version: 99 } }, 409, 'version_conflict');
    await fails('POST', `/api/requests/${dev.id}/quote`, { as: 'accountant', body: {} }, 403);
    await fails('POST', '/api/requests/999999/quote', { body: {} }, 404);
  });

  it('20 concurrent clicks make one quote', async () => {
    const dev = await raiseOk(token, { kind: 'development' });
    const quotesBefore = (await env.DB.prepare('select count(*) as n from quotes').first<{ n: number }>())!.n;
    const res = await Promise.all(Array.from({ length: 20 }, () => call('POST', `/api/requests/${dev.id}/quote`, { body: {} })));
    expect(res.filter((x) => x.status === 201)).toHaveLength(1);
    expect(res.every((x) => x.status === 201 || x.status === 409)).toBe(true);
    expect((await env.DB.prepare('select count(*) as n from quotes').first<{ n: number }>())!.n).toBe(quotesBefore + 1);
  });
});

// ---- SLA deadlines through the API, over the calendar in settings ----

async function setCalendar(patch: Record<string, unknown>) {
  const s = await ok('GET', '/api/settings', { as: 'admin' });
  return ok('PATCH', '/api/settings', { as: 'admin', body: { version: s.version, ...patch } });
}

describe('SLA deadlines in the company calendar (settings)', () => {
  it('settings validate the calendar and refuse a bad one with the fields named', async () => {
    const s = await ok('GET', '/api/settings');
    expect(s).toMatchObject({ workingDays: [1, 2, 3, 4, 5], dayStart: '09:00', dayEnd: '18:00', workdaysOverride: [] });
    expect(s.holidays).toContain('2026-01-01');
    await fails(
      'PATCH',
      '/api/settings',
      { as: 'admin', body: { version: s.version, dayStart: '18:00', dayEnd: '09:00' } },
      400,
      'validation_failed',
    );
    await fails('PATCH', '/api/settings', { as: 'admin', body: { version: s.version, workingDays: [] } }, 400, 'validation_failed');
    await fails('PATCH', '/api/settings', { as: 'admin', body: { version: s.version, workingDays: [0, 8] } }, 400, 'validation_failed');
    await fails(
      'PATCH',
      '/api/settings',
      { as: 'admin', body: { version: s.version, holidays: ['2026-02-30'] } },
      400,
      'validation_failed',
    );
    const e = await fails(
      'PATCH',
      '/api/settings',
      { as: 'admin', body: { version: s.version, holidays: ['2026-12-05'], workdaysOverride: ['2026-12-05'] } },
      400,
      'validation_failed',
    );
    expect(JSON.stringify(e.details)).toContain('workdaysOverride');
    await fails('PATCH', '/api/settings', { as: 'manager', body: { version: s.version, dayStart: '10:00' } }, 403);
  });

  it('across a weekend, a holiday set in settings, and in the settings’ time zone', async () => {
    const far = await accountToken(1, 400 * 86_400_000);
    try {
      await setCalendar({
        timeZone: 'Europe/Moscow',
        workingDays: [1, 2, 3, 4, 5],
        dayStart: '09:00',
        dayEnd: '18:00',
        holidays: ['2026-12-07'],
        workdaysOverride: [],
      });
      // Friday 4 December 2026, 17:00 Moscow (14:00Z), priority 2 (standard, 6 h): 1 h on Friday,
      // the weekend, Monday 7th a holiday, then 5 h on Tuesday: 14:00 Moscow (11:00Z).
      const fri = await at('2026-12-04T14:00:00Z', () => raiseOk(far, { priority: 2 }));
      expect(fri.reactionDueAt).toBe('2026-12-08T11:00:00.000Z');
      // The same instant in Vladivostok (UTC+10) is Saturday 00:00: Monday 09:00 + 6 h = Monday 15:00 (05:00Z).
      await setCalendar({ timeZone: 'Asia/Vladivostok', holidays: [] });
      const vlad = await at('2026-12-04T14:00:00Z', () => raiseOk(far, { priority: 2 }));
      expect(vlad.reactionDueAt).toBe('2026-12-07T05:00:00.000Z');
      // The existing request keeps the deadline it was given.
      expect((await ok('GET', `/api/requests/${fri.id}`)).reactionDueAt).toBe('2026-12-08T11:00:00.000Z');
      // A transferred working Saturday counts: 5 December worked 09:00–18:00 Vladivostok.
      await setCalendar({ workdaysOverride: ['2026-12-05'] });
      const sat = await at('2026-12-04T14:00:00Z', () => raiseOk(far, { priority: 2 }));
      expect(sat.reactionDueAt).toBe('2026-12-05T05:00:00.000Z');
    } finally {
      await setCalendar({ timeZone: 'Europe/Moscow', holidays: [...DEFAULT_WORKING_CALENDAR.holidays], workdaysOverride: [] });
    }
  });

  it(
    'property: over random creation times, the deadline lies in working time and is exactly the level’s working ' + 'minutes away',
    async () => {
      const cal: WorkingCalendar = {
        timeZone: 'Europe/Moscow',
        workingDays: [1, 2, 3, 4, 5],
        dayStart: '09:00',
        dayEnd: '18:00',
        holidays: ['2026-12-31', '2027-01-01', '2027-01-04'],
        workdaysOverride: [],
      };
      await setCalendar({ ...cal });
      const far = await accountToken(1, 400 * 86_400_000);
      try {
        await fc.assert(
          fc.asyncProperty(
            fc.integer({ min: Date.parse('2026-12-03T00:00:00Z'), max: Date.parse('2027-01-31T00:00:00Z') }),
            fc.integer({ min: 1, max: 4 }),
            async (t, priority) => {
              const r = await at(new Date(t).toISOString(), () => raiseOk(far, { priority }));
              expect(r.createdAt).toBe(new Date(t).toISOString());
              const minutes = SLA_LEVELS[PRIORITY_LEVELS[priority as 1 | 2 | 3 | 4]].reactionHours * 60;
              expect(workingMinutesBetween(r.createdAt, r.reactionDueAt, cal)).toBe(minutes);
              // the deadline is inside a working period (or at its very end), never in the night, a weekend or a holiday
              const due = Date.parse(r.reactionDueAt);
              const period = workingPeriodOn(localDate(due - 1, cal.timeZone), cal);
              expect(period).not.toBeNull();
              expect(Date.parse(period!.start) < due && due <= Date.parse(period!.end)).toBe(true);
            },
          ),
          { numRuns: 25 },
        );
      } finally {
        await setCalendar({ holidays: [...DEFAULT_WORKING_CALENDAR.holidays], workdaysOverride: [] });
      }
    },
  );
});

describe('roles', () => {
  it('every staff role reads and triages; only sales make quotes; Origin is required with a cookie', async () => {
    const r = await raiseOk(token);
    for (const as of ['admin', 'manager', 'accountant'] as const) expect((await call('GET', '/api/requests', { as })).status).toBe(200);
    const { version } = await ok('GET', `/api/requests/${r.id}`, { as: 'accountant' });
    await ok('PATCH', `/api/requests/${r.id}`, { as: 'accountant', body: { version, status: 'in_work' } });
    const res = await fetchWorker(`/api/requests/${r.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', cookie: '' },
      body: '{}',
    });
    expect(res.status).toBe(401);
    expect(ORIGIN).toBe('http://localhost');
  });
});

describe('the customer’s side on the account page', () => {
  const page = (token: string, form: Record<string, string>) =>
    fetchWorker(`/a/${token}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { origin: ORIGIN, 'cf-connecting-ip': freshIp(), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
    });

  it('the page’s new-request form sent twice at once (a double tap) raises one request and takes one number', async () => {
    const token = await accountToken(3);
    const subject = `Двойная отправка ${randomToken(4)}`;
    const form = { action: 'request', key: randomToken(16), kind: 'incident', subject, description: 'Одна и та же форма.', priority: '2' };
    const counter = async () =>
      (await env.DB.prepare("select sum(value) as n from counters where name like 'request:%'").first<{ n: number }>())?.n ?? 0;
    const before = await counter();
    const answers = await Promise.all(Array.from({ length: 8 }, () => page(token, form)));
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(303));
    const rows = await env.DB.prepare('select number from service_requests where subject = ?').bind(subject).all<{ number: string }>();
    expect(rows.results).toHaveLength(1);
    expect(new Set(answers.map((a) => new URL(a.headers.get('location')!, ORIGIN).searchParams.get('number')))).toEqual(
      new Set([rows.results[0]!.number]),
    );
    expect(await counter()).toBe(before + 1);
    // A new render of the page gives a new key: the same words sent again are a new request.
    expect((await page(token, { ...form, key: randomToken(16) })).status).toBe(303);
    expect(
      (await env.DB.prepare('select count(*) as n from service_requests where subject = ?').bind(subject).first<{ n: number }>())?.n,
    ).toBe(2);
  });

  it('the account lists the customer’s own requests with staff answers, and no other customer’s', async () => {
    const mine = await accountToken(1);
    const theirs = await accountToken(2);
    const r = await raiseOk(mine, { subject: 'Только мой запрос' });
    await raiseOk(theirs, { subject: 'Чужой запрос' });
    await ok('POST', `/api/requests/${r.id}/answers`, { body: { body: 'Смотрим, ответим сегодня.' } }, 201);
    const view = await (await fetchWorker(`/api/account/${mine}`, { headers: { 'cf-connecting-ip': freshIp() } })).json<any>();
    expect(view.requests.map((x: any) => x.subject)).toContain('Только мой запрос');
    expect(view.requests.map((x: any) => x.subject)).not.toContain('Чужой запрос');
    const shown = view.requests.find((x: any) => x.id === r.id);
    expect(shown.answers).toEqual([expect.objectContaining({ author: 'staff', body: 'Смотрим, ответим сегодня.' })]);
    expect(Object.keys(shown)).not.toContain('slaLevel');
  });

  it('the page’s form raises a request (plain line ends), and an incomplete one is said in words with what was typed kept', async () => {
    const token = await accountToken(1);
    const res = await page(token, {
      action: 'request',
      kind: 'development',
      subject: 'Отчёт по посещаемости',
      description: 'Строка 1\r\nСтрока 2',
      priority: '3',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toMatch(/done=requested&number=R-\d{4}-\d{4}/);
    const view = await (await fetchWorker(`/api/account/${token}`, { headers: { 'cf-connecting-ip': freshIp() } })).json<any>();
    expect(view.requests[0]).toMatchObject({
      kind: 'development',
      subject: 'Отчёт по посещаемости',
      description: 'Строка 1\nСтрока 2',
      priority: 3,
      status: 'new',
    });
    const before = view.requests.length;
    const bad = await page(token, { action: 'request', kind: 'development', subject: 'Без описания', description: '   ', priority: '3' });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain('Заполните вид, тему, описание и приоритет обращения.');
    expect(html).toContain('value="Без описания"');
    const after = await (await fetchWorker(`/api/account/${token}`, { headers: { 'cf-connecting-ip': freshIp() } })).json<any>();
    expect(after.requests.length).toBe(before);
  });

  it('a reply to «требует уточнения» puts the request back in work; another customer’s request is 404, a closed one 422', async () => {
    const token = await accountToken(1);
    const r = await raiseOk(token);
    const asked = await ok('PATCH', `/api/requests/${r.id}`, { body: { version: 1, status: 'needs_clarification' } });
    expect(asked.status).toBe('needs_clarification');
    const res = await fetchWorker(`/api/account/${token}/requests/${r.id}/replies`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'cf-connecting-ip': freshIp() },
      body: JSON.stringify({ name: 'Мария Иванова', body: 'Ошибка в курсе «Физика», после входа.' }),
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({
      status: 'in_work',
      answers: [expect.objectContaining({ author: 'customer', authorName: 'Мария Иванова' })],
    });
    expect((await ok<any>('GET', `/api/requests/${r.id}`)).status).toBe('in_work');

    // the page's reply form, on a request that is not asked about: the reply is kept, the status stays
    const form = await page(token, { action: 'reply', requestId: String(r.id), name: 'Мария Иванова', body: 'Ещё одно уточнение' });
    expect(form.status).toBe(303);
    expect((await ok<any>('GET', `/api/requests/${r.id}`)).status).toBe('in_work');

    const other = await accountToken(2);
    const foreign = await fetchWorker(`/api/account/${other}/requests/${r.id}/replies`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'cf-connecting-ip': freshIp() },
      body: JSON.stringify({ name: 'Чужой Человек', body: 'Не моё' }),
    });
    expect(foreign.status).toBe(404);
    const current = await ok<any>('GET', `/api/requests/${r.id}`);
    await ok('PATCH', `/api/requests/${r.id}`, { body: { version: current.version, status: 'closed' } });
    const late = await fetchWorker(`/api/account/${token}/requests/${r.id}/replies`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'cf-connecting-ip': freshIp() },
      body: JSON.stringify({ name: 'Мария Иванова', body: 'Поздно' }),
    });
    expect(late.status).toBe(422);
    expect(((await late.json()) as any).error.code).toBe('request_closed');
    const bad = await fetchWorker(`/api/account/${token}/requests/${r.id}/replies`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'cf-connecting-ip': freshIp() },
      body: JSON.stringify({ name: 'М', body: '' }),
    });
    expect(bad.status).toBe(400);
  });
});
