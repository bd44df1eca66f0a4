/**
 * The customer's link reads through D1's Sessions API: every answer carries the session's
 * bookmark, and a client that sends it back starts its next session from it (read-your-writes
 * once replicas serve the reads). Staff routes stay on the primary.
 */
import { env } from 'cloudflare:test';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ORIGIN, call, fetchWorker, freshIp, ok } from '../support/api';
import { catalog } from '../support/money';

const BOOKMARK = /^[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{32}$/;
let token: string;

beforeAll(async () => {
  const items = await catalog();
  let q = await ok('POST', '/api/quotes', { body: { customerId: 1, title: 'Реплики' } }, 201);
  q = await ok('POST', `/api/quotes/${q.id}/lines`, { body: { version: q.version, catalogItemId: items['2.5']!.id } }, 201);
  q = await ok('POST', `/api/quotes/${q.id}/send`, { body: { version: q.version } });
  token = (await ok('POST', `/api/quotes/${q.id}/share`, {}, 201)).token;
});

afterEach(() => vi.restoreAllMocks());

const customer = (path: string, init: { method?: string; body?: unknown; bookmark?: string; cookie?: string } = {}) =>
  fetchWorker(path, {
    method: init.method ?? 'GET',
    headers: {
      'content-type': 'application/json',
      origin: ORIGIN,
      'cf-connecting-ip': freshIp(),
      ...(init.bookmark ? { 'x-d1-bookmark': init.bookmark } : {}),
      ...(init.cookie ? { cookie: init.cookie } : {}),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });

const cookieBookmark = (res: Response) => res.headers.get('set-cookie')?.match(/nh_d1=([^;]+)/)?.[1];

describe('reads near the customer', () => {
  it('a first visit starts unconstrained; the answer carries its bookmark as a header and an HttpOnly cookie', async () => {
    const spy = vi.spyOn(env.DB, 'withSession');
    const res = await customer(`/api/shared/${token}`);
    expect(res.status).toBe(200);
    expect(spy).toHaveBeenCalledWith('first-unconstrained');
    const bookmark = res.headers.get('x-d1-bookmark');
    expect(bookmark).toMatch(BOOKMARK);
    expect(cookieBookmark(res)).toBe(bookmark);
    expect(res.headers.get('set-cookie')).toMatch(/HttpOnly/i);
    expect(res.headers.get('set-cookie')).toMatch(/SameSite=Lax/i);
  });

  it('the bookmark of an answer comes back with the next request, which reads at least that write', async () => {
    const spy = vi.spyOn(env.DB, 'withSession');
    const answered = await customer(`/api/shared/${token}/request-changes`, {
      method: 'POST',
      body: { name: 'Ирина', message: 'Уберите пункт 2' },
    });
    expect(answered.status).toBe(200);
    const afterWrite = answered.headers.get('x-d1-bookmark')!;
    expect(afterWrite).toMatch(BOOKMARK);
    // Through the header (the API) …
    const viaHeader = await customer(`/api/shared/${token}`, { bookmark: afterWrite });
    expect(spy).toHaveBeenLastCalledWith(afterWrite);
    expect(((await viaHeader.json()) as any).answer).toMatchObject({ kind: 'changes_requested', name: 'Ирина' });
    expect(viaHeader.headers.get('x-d1-bookmark')! >= afterWrite).toBe(true);
    // … and through the cookie (the customer's page after its form posts).
    const page = await customer(`/s/${token}`, { cookie: `nh_d1=${afterWrite}` });
    expect(page.status).toBe(200);
    expect(spy).toHaveBeenLastCalledWith(afterWrite);
    expect(cookieBookmark(page)! >= afterWrite).toBe(true);
  });

  it('a bookmark that is not one of D1’s is ignored, never handed to D1', async () => {
    const spy = vi.spyOn(env.DB, 'withSession');
    for (const junk of [
      'garbage',
      'first-primary',
      '00000000-0000000a-00000000-0000',
      `${'f'.repeat(8)}-${'0'.repeat(8)}-${'0'.repeat(8)}-${'0'.repeat(32)}x`,
    ]) {
      const res = await customer(`/api/shared/${token}`, { bookmark: junk, cookie: `nh_d1=${encodeURIComponent(junk)}` });
      expect(res.status).toBe(200);
      expect(spy).toHaveBeenLastCalledWith('first-unconstrained');
    }
  });

  it('staff routes read the primary: no session, no bookmark', async () => {
    const spy = vi.spyOn(env.DB, 'withSession');
    const res = await call('GET', '/api/quotes');
    expect(res.status).toBe(200);
    expect(spy).not.toHaveBeenCalled();
    expect(res.headers.get('x-d1-bookmark')).toBeNull();
  });
});
