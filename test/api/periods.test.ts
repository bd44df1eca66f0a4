/**
 * Closed months (issue 17): an accountant closes a month that has ended; after that no entry may
 * be dated in it (422 period_closed) by any write path — a top-up, a correction, an invoice's
 * settlement, an import, the database itself — the correction goes into the open month naming
 * what it corrects, and the closed month's figures never change: the report (JSON and Excel) and
 * the statement read the same before and after every attempt, even when the time zone changes.
 */
import { env } from 'cloudflare:test';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, fails, ok } from '../support/api';
import { acceptStage, allowBackdating, key, newCustomer, runningOrder, topup } from '../support/money';

const zoned = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Moscow' }).format(d);
const today = zoned(new Date());
const [Y, M] = today.split('-').map(Number) as [number, number];
const monthOf = (back: number) => new Date(Date.UTC(Y, M - 1 - back, 1)).toISOString().slice(0, 7);
const LAST = monthOf(1);
const EARLIER = monthOf(2);

/** Everything the closed month says, without what says when it was asked (generatedAt) or today's flags. */
async function figures(customerIds: number[]) {
  const strip = (r: any) => ({
    ...r,
    generatedAt: undefined,
    customers: r.customers.map(({ balanceCenti: _b, lowBalance: _l, ...c }: any) => c),
  });
  const all = strip(await ok('GET', `/api/reports/consumption?month=${LAST}`, { as: 'accountant' }));
  const per = [];
  for (const id of customerIds) {
    per.push(strip(await ok('GET', `/api/reports/consumption?month=${LAST}&customerId=${id}`, { as: 'accountant' })));
    per.push({ ...(await ok('GET', `/api/customers/${id}/statement?month=${LAST}`, { as: 'accountant' })), generatedAt: undefined });
  }
  const res = await call('GET', `/api/reports/consumption.xlsx?month=${LAST}&lang=en`, { as: 'accountant' });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await res.arrayBuffer());
  const numbers: number[] = [];
  for (const ws of wb.worksheets)
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const v = cell.value as any;
        if (typeof v === 'number') numbers.push(v);
        else if (v && typeof v === 'object' && 'formula' in v) numbers.push(v.result ?? 0);
      }),
    );
  return { all, per, numbers };
}

beforeAll(async () => {
  await allowBackdating(400);
});

describe('closing a month', () => {
  it('closes a month that has ended, and every earlier one; not the current one, not twice', async () => {
    const c = await newCustomer();
    await topup(c.id, 700, { at: `${EARLIER}-10` });
    await topup(c.id, 500, { at: `${LAST}-03`, paymentRef: 'п/п 11' });
    await fails('POST', `/api/periods/${today.slice(0, 7)}/close`, { as: 'accountant' }, 422, 'period_not_over');
    await fails('POST', `/api/periods/${LAST}/close`, { as: 'manager' }, 403);
    const closed = await ok('POST', `/api/periods/${LAST}/close`, { as: 'accountant' });
    expect(closed.closedThrough).toBe(LAST);
    expect(closed.openFrom).toBe(`${today.slice(0, 7)}-01`);
    expect(closed.periods.map((p: any) => p.month)).toEqual(expect.arrayContaining([EARLIER, LAST]));
    expect(closed.periods.find((p: any) => p.month === LAST)).toMatchObject({ status: 'closed', closedBy: expect.any(String) });
    await fails('POST', `/api/periods/${LAST}/close`, { as: 'admin' }, 409, 'period_already_closed');
    await fails('POST', `/api/periods/${EARLIER}/close`, { as: 'admin' }, 409, 'period_already_closed');
    expect((await ok('GET', '/api/periods', { as: 'admin' })).closedThrough).toBe(LAST);
    const report = await ok('GET', `/api/reports/consumption?month=${LAST}`, { as: 'accountant' });
    expect(report.closed).toBe(true);
    expect((await ok('GET', `/api/reports/consumption?month=${today.slice(0, 7)}`, { as: 'accountant' })).closed).toBe(false);
  });

  it(
    'every write path is refused in a closed month, the correction goes into the open one, and the closed month never ' + 'changes',
    async () => {
      const a = await newCustomer();
      const b = await newCustomer();
      // A stage signed off now, with an invoice waiting: the write paths of the open month.
      await topup(a.id, 10_000);
      const order = await runningOrder(a.id, [['2.4'], ['2.2']], { split: 'by_line' });
      const invoice = await ok('POST', `/api/customers/${a.id}/invoices`, { as: 'accountant', body: { normHoursCenti: 300 } }, 201);
      const project = await ok(
        'POST',
        '/api/crowdfunding',
        { body: { code: `PER-${key()}`.slice(0, 30), title: 'Проект', description: '', estimate: [{ kMilli: 1000, hoursCenti: 1000 }] } },
        201,
      );
      const pledged = await ok('POST', `/api/crowdfunding/${project.id}/pledges`, { body: { customerId: a.id, normHoursCenti: 200 } }, 201);
      const before = await figures([a.id, b.id]);
      // The closed month held an entry of the first test's customer: it may not be reversed by date.
      const lastEntry = (await env.DB.prepare(
        'select id, customer_id as c from ledger_entries where at >= ? and at < ? order by id limit 1',
      )
        .bind(`${monthOf(1)}-01`, `${today.slice(0, 7)}-01`)
        .first<{ id: number; c: number }>())!;
      expect(lastEntry).toBeTruthy();

      const inClosed = [`${LAST}-15`, `${LAST}-01`, `${EARLIER}-20`, `${LAST}-15T12:00:00+03:00`];
      for (const at of inClosed) {
        const err = await fails(
          'POST',
          `/api/customers/${a.id}/ledger`,
          { as: 'accountant', body: { kind: 'topup', normHoursCenti: 100, at } },
          422,
          'period_closed',
        );
        expect(err.details).toEqual({ closedThrough: LAST, openFrom: `${today.slice(0, 7)}-01` });
        await fails(
          'POST',
          `/api/customers/${a.id}/ledger`,
          { as: 'accountant', body: { kind: 'topup', amountMinor: 300_000, paymentRef: 'п/п', at } },
          422,
          'period_closed',
        );
        await fails(
          'POST',
          `/api/customers/${lastEntry.c}/ledger`,
          { as: 'admin', body: { kind: 'correction', normHoursCenti: -1, memo: 'задним числом', correctsEntryId: lastEntry.id, at } },
          422,
          'period_closed',
        );
        await fails(
          'POST',
          `/api/customers/${a.id}/ledger`,
          { as: 'accountant', body: { kind: 'topup', invoiceId: invoice.id, at } },
          422,
          'period_closed',
        );
      }
      // The database refuses it too, whatever writes.
      await expect(
        env.DB.prepare(
          "insert into ledger_entries (customer_id, kind, norm_hours_centi, memo, at, created_at) values (?, 'topup', 100, 'мимо " +
            "API', ?, ?)",
        )
          .bind(b.id, `${LAST}-20T09:00:00.000Z`, new Date().toISOString())
          .run(),
      ).rejects.toThrow(/period_closed/);

      // What belongs to the open month goes through: the correction names what it corrects.
      const fix = await ok(
        'POST',
        `/api/customers/${lastEntry.c}/ledger`,
        {
          as: 'accountant',
          body: { kind: 'correction', normHoursCenti: -100, memo: 'исправление за прошлый месяц', correctsEntryId: lastEntry.id },
        },
        201,
      );
      expect(zoned(new Date(fix.entry.at)).slice(0, 7)).toBe(today.slice(0, 7));
      expect(fix.entry.correctsEntryId).toBe(lastEntry.id);
      expect((await acceptStage(order.id, 1)).status).toBe(200);
      expect(
        (await call('POST', `/api/customers/${a.id}/ledger`, { as: 'accountant', body: { kind: 'topup', invoiceId: invoice.id } })).status,
      ).toBe(201);
      await ok('POST', `/api/crowdfunding/${project.id}/pledges/${pledged.pledges[0].id}/confirm`, { as: 'accountant' });
      await ok('POST', `/api/crowdfunding/${project.id}/pledges/${pledged.pledges[0].id}/cancel`, {
        as: 'accountant',
        body: { reason: 'передумали' },
      });
      await topup(b.id, 100, { at: today });

      // An import carrying an entry of the closed month: refused, nothing written.
      const exported = await ok('GET', `/api/customers/${lastEntry.c}/export.json`, { as: 'admin' });
      const count = async () => (await env.DB.prepare('select count(*) as n from ledger_entries').first<{ n: number }>())!.n;
      const entries = await count();
      const moved = JSON.parse(JSON.stringify(exported).replaceAll(`"customerId":${exported.customer.id}`, '"customerId":990001'));
      moved.customer.id = 990001;
      const ids = new Map<number, number>(moved.ledger.map((e: any, i: number) => [e.id, 991_000 + i]));
      for (const e of moved.ledger) {
        e.id = ids.get(e.id);
        if (e.correctsEntryId !== null) e.correctsEntryId = ids.get(e.correctsEntryId) ?? null;
      }
      moved.audit.forEach((r: any, i: number) => {
        r.id = 992_000 + i;
      });
      await fails('POST', '/api/import/customer', { as: 'admin', body: moved }, 422, 'period_closed');
      expect(await count()).toBe(entries);

      expect(await figures([a.id, b.id])).toEqual(before);
      // A new time zone moves months to come, never a closed one.
      const s = await ok('GET', '/api/settings');
      await ok('PATCH', '/api/settings', { as: 'admin', body: { version: s.version, timeZone: 'Asia/Vladivostok' } });
      try {
        const after = await figures([a.id, b.id]);
        expect(after.numbers).toEqual(before.numbers);
        expect({ ...after.all, timeZone: undefined }).toEqual({ ...before.all, timeZone: undefined });
      } finally {
        const now = await ok('GET', '/api/settings');
        await ok('PATCH', '/api/settings', { as: 'admin', body: { version: now.version, timeZone: 'Europe/Moscow' } });
      }
    },
  );
});
