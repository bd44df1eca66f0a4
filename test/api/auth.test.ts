import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { ORIGIN, call, expectThrottledAfter, fails, fetchWorker, freshIp, login, ok } from '../support/api';

describe('login, sessions, roles', () => {
  it('logs in with an HttpOnly, SameSite cookie and answers /api/me', async () => {
    const res = await login('accountant@demo.local');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ email: 'accountant@demo.local', role: 'accountant' });
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^nh_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const me = await fetchWorker('/api/me', { headers: { cookie: cookie.split(';')[0]! } });
    expect(await me.json()).toMatchObject({ email: 'accountant@demo.local', role: 'accountant' });
  });

  it('marks the cookie Secure outside localhost', async () => {
    const res = await fetchWorker('https://quotes.example.com/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://quotes.example.com' },
      body: JSON.stringify({ email: 'manager@demo.local', password: 'demo-password' }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toMatch(/Secure/);
  });

  it('stores only a hash of the session token', async () => {
    const res = await login('manager@demo.local');
    const token = res.headers.get('set-cookie')!.split(';')[0]!.split('=')[1]!;
    const rows = await env.DB.prepare('select id from sessions').all<{ id: string }>();
    expect(rows.results.length).toBeGreaterThan(0);
    expect(rows.results.every((r) => r.id !== token && /^[0-9a-f]{64}$/.test(r.id))).toBe(true);
  });

  it('stores passwords as salted PBKDF2-SHA-256', async () => {
    const rows = await env.DB.prepare('select password_hash as h from users').all<{ h: string }>();
    for (const r of rows.results) expect(r.h).toMatch(/^pbkdf2-sha256\$100000\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
  });

  it('refuses bad credentials with 401 and the same message for unknown users', async () => {
    const a = await login('manager@demo.local', 'wrong-password');
    const b = await login('nobody@demo.local', 'wrong-password');
    expect(a.status).toBe(401);
    expect(b.status).toBe(401);
    const ea = (await a.json()) as any;
    const eb = (await b.json()) as any;
    expect(ea.error.code).toBe('invalid_credentials');
    expect(ea.error.message).toBe(eb.error.message);
  });

  it('throttles after five failures, even with the right password', async () => {
    await ok(
      'POST',
      '/api/users',
      { as: 'admin', body: { email: 'target@demo.local', name: 'Target', role: 'manager', password: 'the-right-password' } },
      201,
    );
    for (let i = 0; i < 5; i++) expect((await login('target@demo.local', `guess-${i}`)).status).toBe(401);
    const locked = await login('target@demo.local', 'the-right-password');
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await locked.json()) as any).error.code).toBe('too_many_attempts');
  });

  it('limits logins per address (60 a minute) before any password is checked; another address still logs in', async () => {
    const ip = freshIp();
    const statuses: number[] = [];
    const codes = new Set<string>();
    for (let i = 0; i < 121; i++) {
      // An empty body: cheap to refuse (400) until the address has used its minute.
      const res = await fetchWorker('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: ORIGIN, 'cf-connecting-ip': ip },
        body: '{}',
      });
      statuses.push(res.status);
      if (res.status === 429) codes.add(((await res.json()) as any).error.code);
    }
    expectThrottledAfter(statuses, 60);
    expect([...codes]).toEqual(['too_many_requests']);
    expect(statuses.filter((s) => s !== 429).every((s) => s === 400)).toBe(true);
    expect((await login('manager@demo.local', undefined, freshIp())).status).toBe(200);
  });

  it('logout ends the session for good', async () => {
    const res = await login('accountant@demo.local');
    const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
    const headers = { cookie, origin: ORIGIN };
    expect((await fetchWorker('/api/me', { headers })).status).toBe(200);
    expect((await fetchWorker('/api/auth/logout', { method: 'POST', headers })).status).toBe(200);
    expect((await fetchWorker('/api/me', { headers })).status).toBe(401);
  });

  it('a deactivated user is logged out and cannot log in', async () => {
    const created = await ok(
      'POST',
      '/api/users',
      { as: 'admin', body: { email: 'temp@demo.local', name: 'Temp', role: 'manager', password: 'long-enough-password' } },
      201,
    );
    const res = await login('temp@demo.local', 'long-enough-password');
    const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
    await ok('PATCH', `/api/users/${created.id}`, { as: 'admin', body: { active: false } });
    expect((await fetchWorker('/api/me', { headers: { cookie } })).status).toBe(401);
    expect((await login('temp@demo.local', 'long-enough-password')).status).toBe(401);
  });

  it('CSRF: a state-changing request with the cookie needs our Origin', async () => {
    const cookie = (await login('manager@demo.local')).headers.get('set-cookie')!.split(';')[0]!;
    const body = JSON.stringify({ name: 'CSRF test' });
    const noOrigin = await fetchWorker('/api/customers', { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body });
    expect(noOrigin.status).toBe(403);
    const foreign = await fetchWorker('/api/customers', {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json', origin: 'https://evil.example' },
      body,
    });
    expect(foreign.status).toBe(403);
    expect(((await foreign.json()) as any).error.code).toBe('csrf_rejected');
    const count = await env.DB.prepare("select count(*) as n from customers where name = 'CSRF test'").first<{ n: number }>();
    expect(count?.n).toBe(0);
    expect(
      (
        await fetchWorker('/api/customers', {
          method: 'POST',
          headers: { cookie, 'content-type': 'application/json', origin: ORIGIN },
          body,
        })
      ).status,
    ).toBe(201);
  });

  it('admin manages users; the last admin cannot demote themselves', async () => {
    const users = await ok<any[]>('GET', '/api/users', { as: 'admin' });
    expect(users.map((u) => u.email)).toEqual(expect.arrayContaining(['admin@demo.local', 'manager@demo.local', 'accountant@demo.local']));
    expect(users[0]).not.toHaveProperty('passwordHash');
    const me = users.find((u) => u.role === 'admin');
    await fails('PATCH', `/api/users/${me.id}`, { as: 'admin', body: { role: 'manager' } }, 422, 'last_admin');
    await fails(
      'POST',
      '/api/users',
      { as: 'admin', body: { email: 'manager@demo.local', name: 'Dup', role: 'manager', password: 'long-enough-password' } },
      409,
      'email_taken',
    );
    await fails(
      'POST',
      '/api/users',
      { as: 'admin', body: { email: 'x@demo.local', name: 'Short', role: 'manager', password: 'short' } },
      400,
      'validation_failed',
    );
  });
});

describe('secure headers', () => {
  it('every API answer has CSP, nosniff, frame-ancestors none and no-store', async () => {
    for (const res of [await call('GET', '/api/catalog/items'), await call('GET', '/api/nope', { as: 'anon' })]) {
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('cache-control')).toBe('no-store');
    }
  });

  it('unknown routes are a 404 in the error shape', async () => {
    await fails('GET', '/api/does-not-exist', { as: 'anon' }, 404, 'not_found');
  });
});
