/**
 * Every export downloaded by 32 clients at once, each a real request of its own (through the
 * runtime's loopback, not the handler called in one context), so a module-global queue shared
 * between requests would fail here as it did in production: all 200, all complete files.
 */
import { SELF } from 'cloudflare:test';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ORIGIN, ok, sessionCookie } from '../support/api';
import { acceptStage, freshIp, newCustomer, runningOrder, thisMonth, topup } from '../support/money';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const CROWD = 32;

let routes: { name: string; path: string; as: 'manager' | 'accountant' | 'anon' }[] = [];
let pdfRoutes: typeof routes = [];

beforeAll(async () => {
  const c = await newCustomer();
  await topup(c.id, 20_000);
  const order = await runningOrder(c.id, [['2.2'], ['4.1', 1000]]);
  expect((await acceptStage(order.id, 1)).status).toBe(200);
  let q = await ok('POST', '/api/quotes', { body: { customerId: c.id, title: 'Смета для скачивания' } }, 201);
  const items = Object.fromEntries((await ok<any[]>('GET', '/api/catalog/items')).map((i) => [i.code, i]));
  for (const code of ['2.2', '2.3', '2.5'])
    q = await ok('POST', `/api/quotes/${q.id}/lines`, { body: { version: q.version, catalogItemId: items[code].id } }, 201);
  q = await ok('POST', `/api/quotes/${q.id}/send`, { body: { version: q.version } });
  const { token } = await ok('POST', `/api/quotes/${q.id}/share`, {}, 201);
  const estimate = (kMilli: number) => [{ kMilli, hoursCenti: 4000 }];
  const p1 = await ok(
    'POST',
    '/api/crowdfunding',
    { body: { code: 'DL-1', title: 'Первый', description: '', estimate: estimate(1000) } },
    201,
  );
  const p2 = await ok(
    'POST',
    '/api/crowdfunding',
    { body: { code: 'DL-2', title: 'Второй', description: '', estimate: estimate(600) } },
    201,
  );
  const account = await ok<{ token: string }>('POST', `/api/customers/${c.id}/account-link`, { body: { email: false } }, 201);
  const month = `month=${thisMonth()}`;
  routes = [
    { name: 'statement (staff)', path: `/api/customers/${c.id}/statement.xlsx?${month}`, as: 'accountant' },
    { name: 'statement (customer account)', path: `/api/account/${account.token}/statement.xlsx?${month}`, as: 'anon' },
    { name: 'estimate (staff)', path: `/api/quotes/${q.id}/export.xlsx`, as: 'manager' },
    { name: 'estimate (customer link)', path: `/api/shared/${token}/export.xlsx`, as: 'anon' },
    { name: 'crowdfunding comparison', path: `/api/crowdfunding/compare.xlsx?ids=${p1.id},${p2.id}`, as: 'manager' },
    { name: 'customer data', path: `/api/customers/${c.id}/export.xlsx`, as: 'accountant' },
    { name: 'month report', path: `/api/reports/consumption.xlsx?month=${thisMonth()}`, as: 'accountant' },
    {
      name: 'month report of one customer',
      path: `/api/reports/consumption.xlsx?month=${thisMonth()}&customerId=${c.id}`,
      as: 'accountant',
    },
  ];
  pdfRoutes = [
    { name: 'statement PDF (staff)', path: `/api/customers/${c.id}/statement.pdf?${month}`, as: 'accountant' },
    { name: 'statement PDF (customer account)', path: `/api/account/${account.token}/statement.pdf?${month}`, as: 'anon' },
    { name: 'estimate PDF (staff)', path: `/api/quotes/${q.id}/export.pdf`, as: 'manager' },
    { name: 'estimate PDF (customer link)', path: `/api/shared/${token}/export.pdf`, as: 'anon' },
  ];
});

async function download(path: string, as: 'manager' | 'accountant' | 'anon') {
  const headers: Record<string, string> = { 'cf-connecting-ip': freshIp() };
  if (as !== 'anon') headers.cookie = await sessionCookie(as);
  return SELF.fetch(`${ORIGIN}${path}`, { headers });
}

describe(`${CROWD} downloads at once`, () => {
  it('every .xlsx route answers each of them with a complete workbook', async () => {
    for (const route of routes) {
      const answers = await Promise.all(Array.from({ length: CROWD }, () => download(route.path, route.as)));
      const bodies = await Promise.all(answers.map((r) => r.arrayBuffer()));
      expect(
        answers.map((r) => r.status),
        route.name,
      ).toEqual(Array(CROWD).fill(200));
      expect(new Set(answers.map((r) => r.headers.get('content-type'))), route.name).toEqual(new Set([XLSX]));
      const sheets = new Set<string>();
      for (const body of bodies) {
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(body);
        sheets.add(wb.worksheets.map((ws) => `${ws.name}:${ws.rowCount}`).join('|'));
      }
      // The same workbook every time: same sheets, same number of rows.
      expect(sheets.size, route.name).toBe(1);
    }
  });

  it('every PDF route answers each of them with a complete document', async () => {
    for (const route of pdfRoutes) {
      const answers = await Promise.all(Array.from({ length: CROWD }, () => download(route.path, route.as)));
      const bodies = await Promise.all(answers.map((r) => r.text()));
      expect(
        answers.map((r) => r.status),
        route.name,
      ).toEqual(Array(CROWD).fill(200));
      expect(new Set(answers.map((r) => r.headers.get('content-type'))), route.name).toEqual(new Set(['application/pdf']));
      for (const body of bodies) {
        expect(body.startsWith('%PDF-'), route.name).toBe(true);
        expect(body.trimEnd().endsWith('%%EOF'), route.name).toBe(true);
      }
      expect(new Set(bodies.map((b) => b.length)).size, route.name).toBe(1);
    }
  });
});
