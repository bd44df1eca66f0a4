/**
 * The same crowd as test/api/exports-concurrency.test.ts, against `wrangler dev` as `npm start`
 * runs it: 32 downloads at once of every export (Excel and PDF), each a separate HTTP request.
 * Every one is a 200 with a complete file — LibreOffice-free check: the xlsx is a ZIP that
 * exceljs reads, the PDF has its header and trailer.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { baseUrl } from './browser';

const CROWD = 32;

async function session(email: string): Promise<string> {
  const res = await fetch(`${baseUrl()}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl() },
    body: JSON.stringify({ email, password: 'demo-password' }),
  });
  expect(res.status).toBe(200);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

async function api<T = any>(cookie: string, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${baseUrl()}${path}`, {
    method,
    headers: { cookie, origin: baseUrl(), 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

describe(`${CROWD} downloads at once from wrangler dev`, () => {
  it('every export answers every request with a complete file', { timeout: 600_000 }, async () => {
    const manager = await session('manager@demo.local');
    const accountant = await session('accountant@demo.local');
    const catalog: any[] = await api(manager, 'GET', '/api/catalog/items');
    const customers: any[] = await api(manager, 'GET', '/api/customers');
    let q = await api(manager, 'POST', '/api/quotes', { customerId: customers[0].id, title: 'Толпа скачиваний' });
    for (const code of ['2.2', '2.3', '2.5'])
      q = await api(manager, 'POST', `/api/quotes/${q.id}/lines`, {
        version: q.version,
        catalogItemId: catalog.find((i) => i.code === code).id,
      });
    q = await api(manager, 'POST', `/api/quotes/${q.id}/send`, { version: q.version });
    const { token } = await api(manager, 'POST', `/api/quotes/${q.id}/share`, {});
    const projects: any[] = await api(manager, 'GET', '/api/crowdfunding');
    const month = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Moscow', year: 'numeric', month: '2-digit' })
      .format(new Date())
      .slice(0, 7);
    const routes: { path: string; cookie: string | null; kind: 'xlsx' | 'pdf' }[] = [
      { path: `/api/quotes/${q.id}/export.xlsx`, cookie: manager, kind: 'xlsx' },
      { path: `/api/shared/${token}/export.xlsx`, cookie: null, kind: 'xlsx' },
      { path: `/api/crowdfunding/compare.xlsx?ids=${projects[0].id},${projects[1].id}`, cookie: manager, kind: 'xlsx' },
      { path: `/api/customers/${customers[0].id}/export.xlsx`, cookie: accountant, kind: 'xlsx' },
      { path: `/api/reports/consumption.xlsx?month=${month}`, cookie: accountant, kind: 'xlsx' },
      { path: `/api/quotes/${q.id}/export.pdf`, cookie: manager, kind: 'pdf' },
      { path: `/api/shared/${token}/export.pdf`, cookie: null, kind: 'pdf' },
    ];
    for (const route of routes) {
      const t0 = Date.now();
      const answers = await Promise.all(
        Array.from({ length: CROWD }, async (_, i) => {
          // Each its own client address: the customer link's download limit is per address.
          const headers: Record<string, string> = { 'cf-connecting-ip': `10.66.${i}.1` };
          if (route.cookie) headers.cookie = route.cookie;
          // wrangler dev's own proxy (its ProxyWorker in front of the app's workerd) now and then
          // holds a burst of requests for as long as their clients wait, before they reach the
          // Worker at all: measured with a log at the top of the Worker's fetch — none of the held
          // requests had entered it (the note on issue 14; workers-sdk #15252 fixes a sibling of it
          // in a later wrangler). A request with no answer at all after 20 s is asked again once,
          // and counted; every answer that does come must be a complete file.
          for (let attempt = 1; ; attempt++) {
            try {
              const res = await fetch(`${baseUrl()}${route.path}`, { headers, signal: AbortSignal.timeout(20_000) });
              return { status: res.status, type: res.headers.get('content-type'), body: Buffer.from(await res.arrayBuffer()), attempt };
            } catch (e) {
              if (attempt >= 2) throw new Error(`${route.path} #${i}: no answer, twice (${String(e)})`);
            }
          }
        }),
      );
      const held = answers.filter((a) => a.attempt > 1).length;
      console.log(
        `${route.path}: ${CROWD} answers in ${Date.now() - t0} ms${held ? ` (${held} held by wrangler's proxy, asked again)` : ''}`,
      );
      expect(
        answers.map((a) => a.status),
        route.path,
      ).toEqual(Array(CROWD).fill(200));
      for (const a of answers) {
        if (route.kind === 'pdf') {
          expect(a.type, route.path).toBe('application/pdf');
          expect(a.body.subarray(0, 5).toString(), route.path).toBe('%PDF-');
          expect(a.body.subarray(-8).toString(), route.path).toContain('%%EOF');
        } else {
          expect(a.type, route.path).toContain('spreadsheetml');
          const wb = new ExcelJS.Workbook();
          await wb.xlsx.load(a.body as unknown as ArrayBuffer);
          expect(wb.worksheets.length, route.path).toBeGreaterThan(0);
        }
      }
    }
  });
});
