/**
 * Every route × every role (and no session) → the expected status, generated from the
 * route table: the OpenAPI document (x-access, x-roles) cross-checked against the routes
 * Hono actually serves. A route added without a declared access rule fails here.
 */
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { app } from '../../worker/app';
import { randomToken, sha256Hex } from '../../worker/platform/secrets';
import { ORIGIN, fetchWorker } from '../support/api';

type Op = { 'x-access'?: 'public' | 'shared' | 'staff'; 'x-roles'?: string[] };
const ROLES = ['admin', 'manager', 'accountant'] as const;
const USER_IDS = { admin: 1, manager: 2, accountant: 3 } as const;

/** Routes served outside the OpenAPI document on purpose. */
const UNDOCUMENTED = new Set(['GET /api/openapi.json']);

async function sessionFor(role: (typeof ROLES)[number]): Promise<string> {
  const token = randomToken();
  await env.DB.prepare('insert into sessions (id, user_id, created_at, expires_at) values (?, ?, ?, ?)')
    .bind(await sha256Hex(token), USER_IDS[role], new Date().toISOString(), new Date(Date.now() + 3_600_000).toISOString())
    .run();
  return `nh_session=${token}`;
}

async function loadDoc(): Promise<Record<string, Record<string, Op>>> {
  const res = await fetchWorker('/api/openapi.json');
  expect(res.status).toBe(200);
  return ((await res.json()) as { paths: Record<string, Record<string, Op>> }).paths;
}

const concrete = (path: string) => path.replace(/\{[^}]+\}/g, '1');

function request(method: string, path: string, cookie?: string) {
  const headers: Record<string, string> = { origin: ORIGIN, 'idempotency-key': randomToken(16) };
  if (cookie) headers.cookie = cookie;
  const hasBody = !['get', 'head', 'delete'].includes(method);
  if (hasBody) headers['content-type'] = 'application/json';
  return fetchWorker(concrete(path), { method: method.toUpperCase(), headers, body: hasBody ? '{}' : undefined });
}

const STAFF = ['accountant', 'admin', 'manager'];
const SALES = ['admin', 'manager'];
const BOOKS = ['accountant', 'admin'];
/**
 * The contract: who may call each route API.md lists (the document and the code must say the
 * same). Routes added beyond API.md are checked by the matrix below from their own declaration.
 */
const CONTRACT: Record<string, 'public' | 'shared' | string[]> = {
  'post /api/auth/login': 'public',
  'post /api/auth/logout': STAFF,
  'get /api/me': STAFF,
  'get /api/catalog/items': STAFF,
  'post /api/catalog/items': ['admin'],
  'patch /api/catalog/items/{id}': ['admin'],
  'get /api/settings': STAFF,
  'patch /api/settings': ['admin'],
  'get /api/customers': STAFF,
  'post /api/customers': STAFF,
  'get /api/customers/{id}/balance': STAFF,
  'post /api/customers/{id}/ledger': BOOKS,
  'get /api/quotes': SALES,
  'post /api/quotes': SALES,
  'patch /api/quotes/{id}': SALES,
  'get /api/quotes/{id}': STAFF,
  'post /api/quotes/{id}/lines': SALES,
  'patch /api/quotes/{id}/lines/{lineId}': SALES,
  'delete /api/quotes/{id}/lines/{lineId}': SALES,
  'post /api/quotes/{id}/send': SALES,
  'post /api/quotes/{id}/revise': SALES,
  'post /api/quotes/{id}/duplicate': SALES,
  'post /api/quotes/{id}/share': SALES,
  'delete /api/quotes/{id}/share': SALES,
  'get /api/quotes/{id}/export.xlsx': STAFF,
  'get /api/shared/{token}': 'shared',
  'post /api/shared/{token}/accept': 'shared',
  'post /api/shared/{token}/decline': 'shared',
  'post /api/shared/{token}/request-changes': 'shared',
  'get /api/shared/{token}/export.xlsx': 'shared',
  'post /api/quotes/{id}/order': SALES,
  'get /api/orders/{id}': STAFF,
  'post /api/orders/{id}/stages/{n}/accept': STAFF,
  'get /api/crowdfunding': STAFF,
  'post /api/crowdfunding': SALES,
  'post /api/crowdfunding/{id}/pledges': SALES,
  'get /api/crowdfunding/compare': STAFF,
  'get /api/reports/consumption': STAFF,
  'get /api/reports/consumption.xlsx': STAFF,
  // Second round
  'get /api/quotes/{id}/export.pdf': STAFF,
  'get /api/shared/{token}/export.pdf': 'shared',
  'get /api/outbox': ['admin'],
  'post /api/quotes/{id}/mail-preview': SALES,
  'post /api/outbox/{id}/retry': ['admin'],
  'post /api/quotes/{id}/shares/{linkId}/renew': SALES,
  'delete /api/quotes/{id}/shares/{linkId}': SALES,
  'patch /api/customers/{id}': STAFF, // overdraftCenti itself: accountant and admin only (test/api/trust.test.ts)
  // Second round: accounting
  'post /api/periods/{month}/close': BOOKS,
  'get /api/periods': BOOKS,
  'get /api/customers/{id}/statement.xlsx': BOOKS,
  'get /api/customers/{id}/statement.pdf': BOOKS,
  // Second round: the customer's account
  'post /api/customers/{id}/account-link': SALES,
  'delete /api/customers/{id}/account-link': SALES,
  'get /a/{token}': 'shared',
  'get /api/account/{token}': 'shared',
  'post /api/account/{token}/orders/{id}/stages/{n}/accept': 'shared',
  'post /api/account/{token}/orders/{id}/withdraw': 'shared',
  'get /api/account/{token}/statement.xlsx': 'shared',
  'get /api/account/{token}/statement.pdf': 'shared',
  'get /api/account/{token}/export.json': 'shared',
  'get /api/account/{token}/export.xlsx': 'shared',
  'post /api/orders/{id}/stages/{n}/ready': SALES,
};

describe('authorization matrix', () => {
  it('every route API.md lists is served with the roles API.md gives it', async () => {
    const paths = await loadDoc();
    for (const [route, expected] of Object.entries(CONTRACT)) {
      const [method, path] = route.split(' ') as [string, string];
      const op = paths[path]?.[method];
      expect(op, `${route} exists`).toBeDefined();
      if (typeof expected === 'string') expect(op!['x-access'], route).toBe(expected);
      else expect([...op!['x-roles']!].sort(), route).toEqual(expected);
    }
  });

  it('every route Hono serves is in the OpenAPI document with an access rule', async () => {
    const paths = await loadDoc();
    const documented = new Set<string>();
    for (const [path, ops] of Object.entries(paths)) {
      for (const [method, op] of Object.entries(ops)) {
        documented.add(`${method.toUpperCase()} ${path.replace(/\{([^}]+)\}/g, ':$1')}`);
        expect(['public', 'shared', 'staff'], `${method} ${path} declares its access`).toContain(op['x-access']);
        if (op['x-access'] === 'staff') expect(op['x-roles']?.length, `${method} ${path} lists roles`).toBeGreaterThan(0);
      }
    }
    const served = app.routes
      .filter((r) => r.method !== 'ALL' && r.path.startsWith('/'))
      .map((r) => `${r.method} ${r.path}`)
      .filter((r) => !UNDOCUMENTED.has(r));
    expect(served.length).toBeGreaterThan(10);
    for (const route of new Set(served)) expect(documented, `${route} is documented`).toContain(route);
  });

  it('no session → 401 on staff routes; public and shared routes never ask for a login', async () => {
    const paths = await loadDoc();
    for (const [path, ops] of Object.entries(paths)) {
      for (const [method, op] of Object.entries(ops)) {
        if (method === 'post' && path === '/api/auth/login') continue; // would count failures
        const res = await request(method, path);
        if (op['x-access'] === 'staff') expect(res.status, `${method} ${path} without a session`).toBe(401);
        else expect([401, 403], `${method} ${path} is open`).not.toContain(res.status);
        if (res.status >= 400 && res.headers.get('content-type')?.includes('json')) {
          const body = (await res.json()) as { error?: { code?: string } };
          expect(body.error?.code, `${method} ${path} error shape`).toEqual(expect.any(String));
        }
      }
    }
  });

  for (const role of ROLES) {
    it(`${role}: allowed routes pass the role check, the others answer 403`, async () => {
      const paths = await loadDoc();
      let checked = 0;
      for (const [path, ops] of Object.entries(paths)) {
        for (const [method, op] of Object.entries(ops)) {
          if (op['x-access'] !== 'staff') continue;
          const res = await request(method, path, await sessionFor(role));
          const allowed = op['x-roles']!.includes(role);
          if (allowed) expect([401, 403], `${role} may ${method} ${path} (got ${res.status})`).not.toContain(res.status);
          else expect(res.status, `${role} may not ${method} ${path}`).toBe(403);
          expect(res.status, `${method} ${path} never 500`).toBeLessThan(500);
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(10);
    });
  }
});
