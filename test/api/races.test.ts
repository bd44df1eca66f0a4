/**
 * Money under crowds: every money-writing route hit by 16–50 requests at once, with one
 * Idempotency-Key and with distinct ones. Whatever the interleaving, the ledger, its itemised
 * debits, the month report (JSON and Excel) and the balance agree to the hundredth of an hour,
 * and every request with the same key gets the same answer.
 */
import { env } from 'cloudflare:test';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, ok } from '../support/api';
import {
  acceptStage,
  allowBackdating,
  balance,
  burst,
  key,
  ledgerFacts,
  newCustomer,
  runningOrder,
  thisMonth,
  topup,
} from '../support/money';

beforeAll(async () => {
  await allowBackdating(60);
});

const orderVersion = async (id: number) =>
  (await env.DB.prepare('select version from orders where id = ?').bind(id).first<{ version: number }>())!.version;

/** The month report of one customer, as JSON and as the figures of its Excel summary. */
async function reportOf(customerId: number) {
  const month = thisMonth();
  const json = await ok('GET', `/api/reports/consumption?month=${month}&customerId=${customerId}`, { as: 'accountant' });
  const res = await call('GET', `/api/reports/consumption.xlsx?month=${month}&customerId=${customerId}`, { as: 'accountant' });
  expect(res.status).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await res.arrayBuffer());
  const numbers: number[] = [];
  wb.worksheets[0]!.eachRow((row) =>
    row.eachCell((cell) => {
      const v = cell.value as { result?: unknown } | number | null;
      if (typeof v === 'number') numbers.push(v);
      else if (v && typeof v === 'object' && typeof v.result === 'number') numbers.push(v.result);
    }),
  );
  return { customer: json.customers[0], excelNumbers: numbers };
}

describe('stage acceptance under a crowd', () => {
  // Three services in one stage: the debit has three item rows, whatever the crowd does.
  const LINES: [string, number?][] = [['2.2'], ['4.1', 1000], ['2.9', 250]];
  const STAGE_CENTI = 2000 + 600 + 250;

  it('16 concurrent acceptances with ONE key: one debit, its items once, the version moved once, 16 equal answers', async () => {
    const c = await newCustomer();
    await topup(c.id, 10_000);
    const order = await runningOrder(c.id, LINES);
    // Compare with the same acceptance done once, on an identical order.
    const single = await runningOrder(c.id, LINES);
    const singleBefore = await orderVersion(single.id);
    expect((await acceptStage(single.id, 1)).status).toBe(200);
    const singleMoved = (await orderVersion(single.id)) - singleBefore;

    const before = await orderVersion(order.id);
    const k = key();
    const answers = await burst(16, () => acceptStage(order.id, 1, k));

    const facts = await ledgerFacts(c.id);
    const mine = facts.entries.filter((e) => e.k === `stage-accept:${k}`);
    expect(mine.map((e) => e.n)).toEqual([-STAGE_CENTI]);
    expect(facts.items.filter((i) => i.entryId === mine[0]!.id).map((i) => i.n)).toEqual([-2000, -600, -250]);
    expect(facts.items.reduce((s, i) => s + i.n, 0)).toBe(facts.entries.filter((e) => e.kind === 'debit').reduce((s, e) => s + e.n, 0));
    expect(facts.balanceCenti).toBe(10_000 - 2 * STAGE_CENTI);
    expect(await balance(c.id)).toBe(10_000 - 2 * STAGE_CENTI);
    expect((await orderVersion(order.id)) - before).toBe(singleMoved);

    expect(answers.map((a) => a.status)).toEqual(Array(16).fill(200));
    const debits = answers.map((a) => JSON.parse(a.body).debit);
    expect(new Set(debits.map((d) => JSON.stringify(d))).size).toBe(1);
    expect(debits[0]).toMatchObject({ normHoursCenti: STAGE_CENTI });
    expect(answers.filter((a) => a.replayed)).toHaveLength(15);

    const { customer, excelNumbers } = await reportOf(c.id);
    expect(customer.debitsCenti).toBe(2 * STAGE_CENTI);
    expect(customer.entries.filter((e: any) => e.kind === 'debit').reduce((s: number, e: any) => s + e.normHoursCenti, 0)).toBe(
      -2 * STAGE_CENTI,
    );
    expect(customer.closingCenti).toBe(facts.balanceCenti);
    expect(excelNumbers).toContain((2 * STAGE_CENTI) / 100);
    expect(excelNumbers).toContain(facts.balanceCenti / 100);
  });

  it('50 concurrent acceptances with distinct keys: exactly one debits, the others are told it was accepted', async () => {
    const c = await newCustomer();
    await topup(c.id, 10_000);
    const order = await runningOrder(c.id, LINES);
    const answers = await burst(50, () => acceptStage(order.id, 1, key()));
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    for (const a of answers.filter((x) => x.status !== 200)) {
      expect(a.status).toBe(409);
      expect(JSON.parse(a.body).error.code).toBe('stage_already_accepted');
    }
    const facts = await ledgerFacts(c.id);
    expect(facts.entries.filter((e) => e.kind === 'debit').map((e) => e.n)).toEqual([-STAGE_CENTI]);
    expect(facts.items).toHaveLength(3);
    const { customer } = await reportOf(c.id);
    expect(customer).toMatchObject({ debitsCenti: STAGE_CENTI, closingCenti: 10_000 - STAGE_CENTI });
  });

  it('a debit that committed without its stored answer is replayed, not refused', async () => {
    const c = await newCustomer();
    await topup(c.id, 10_000);
    const order = await runningOrder(c.id, LINES);
    const k = key();
    const first = await acceptStage(order.id, 1, k);
    expect(first.status).toBe(200);
    const debit = ((await first.json()) as any).debit;
    // As if the answer had been lost between the write and the storing of it.
    await env.DB.prepare('update idempotency_keys set status_code = null, body = null where scope = ? and key = ?')
      .bind('stage-accept', k)
      .run();
    const retry = await acceptStage(order.id, 1, k);
    expect(retry.status).toBe(200);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(((await retry.json()) as any).debit).toEqual(debit);
    expect((await ledgerFacts(c.id)).entries.filter((e) => e.kind === 'debit')).toHaveLength(1);
  });
});

describe('top-ups and corrections under a crowd', () => {
  it('16 concurrent top-ups with ONE key credit once and answer the same; 16 with distinct keys credit 16 times', async () => {
    const c = await newCustomer();
    const k = key();
    const same = await burst(16, () =>
      call('POST', `/api/customers/${c.id}/ledger`, {
        as: 'accountant',
        headers: { 'idempotency-key': k },
        body: { kind: 'topup', normHoursCenti: 1234, memo: 'п/п 17' },
      }),
    );
    expect(same.map((a) => a.status)).toEqual(Array(16).fill(201));
    expect(new Set(same.map((a) => a.body)).size).toBe(1);
    expect(JSON.parse(same[0]!.body)).toMatchObject({ entry: { kind: 'topup', normHoursCenti: 1234 }, balanceCenti: 1234 });
    expect((await ledgerFacts(c.id)).entries).toHaveLength(1);

    const distinct = await burst(16, () =>
      call('POST', `/api/customers/${c.id}/ledger`, {
        as: 'accountant',
        headers: { 'idempotency-key': key() },
        body: { kind: 'topup', normHoursCenti: 100, memo: 'п/п' },
      }),
    );
    expect(distinct.map((a) => a.status)).toEqual(Array(16).fill(201));
    const facts = await ledgerFacts(c.id);
    expect(facts.entries).toHaveLength(17);
    expect(facts.balanceCenti).toBe(1234 + 1600);
    const { customer } = await reportOf(c.id);
    expect(customer).toMatchObject({ topupsCenti: 1234 + 1600, closingCenti: 1234 + 1600 });
  });

  it('a retried top-up after a lost answer credits once; the same key for another body is refused', async () => {
    const c = await newCustomer();
    const k = key();
    const body = { kind: 'topup', normHoursCenti: 500, memo: 'счёт 12' };
    const first = await call('POST', `/api/customers/${c.id}/ledger`, { as: 'accountant', headers: { 'idempotency-key': k }, body });
    expect(first.status).toBe(201);
    await env.DB.prepare('update idempotency_keys set status_code = null, body = null where key = ?').bind(k).run();
    const retry = await call('POST', `/api/customers/${c.id}/ledger`, { as: 'accountant', headers: { 'idempotency-key': k }, body });
    expect(retry.status).toBe(201);
    expect(((await retry.json()) as any).entry.id).toBe(((await first.json()) as any).entry.id);
    const other = await call('POST', `/api/customers/${c.id}/ledger`, {
      as: 'accountant',
      headers: { 'idempotency-key': k },
      body: { ...body, normHoursCenti: 600 },
    });
    expect(other.status).toBe(422);
    expect(((await other.json()) as any).error.code).toBe('idempotency_key_reused');
    expect(await balance(c.id)).toBe(500);
  });

  it('20 concurrent corrections of one entry, distinct keys: never more reversed than the entry; one key: once', async () => {
    const c = await newCustomer();
    const t = await topup(c.id, 1000);
    const distinct = await burst(20, () =>
      call('POST', `/api/customers/${c.id}/ledger`, {
        as: 'accountant',
        headers: { 'idempotency-key': key() },
        body: { kind: 'correction', normHoursCenti: -300, memo: 'сторно', correctsEntryId: t.entry.id },
      }),
    );
    expect(distinct.filter((a) => a.status === 201)).toHaveLength(3);
    expect(distinct.filter((a) => a.status !== 201).every((a) => a.status === 422)).toBe(true);
    const k = key();
    const same = await burst(16, () =>
      call('POST', `/api/customers/${c.id}/ledger`, {
        as: 'admin',
        headers: { 'idempotency-key': k },
        body: { kind: 'correction', normHoursCenti: -100, memo: 'сторно', correctsEntryId: t.entry.id },
      }),
    );
    expect(same.map((a) => a.status)).toEqual(Array(16).fill(201));
    const facts = await ledgerFacts(c.id);
    expect(facts.entries.map((e) => e.n)).toEqual([1000, -300, -300, -300, -100]);
    expect((await reportOf(c.id)).customer).toMatchObject({ correctionsCenti: -1000, closingCenti: 0 });
  });
});

describe('order withdrawal under a crowd', () => {
  it('one key: 16 equal answers and one audit row; distinct keys: one withdrawal, the rest told it is withdrawn', async () => {
    const c = await newCustomer();
    const a = await runningOrder(c.id, [['2.4']]);
    const b = await runningOrder(c.id, [['2.4']]);
    const k = key();
    const same = await burst(16, () =>
      call('POST', `/api/orders/${a.id}/withdraw`, { headers: { 'idempotency-key': k }, body: { reason: 'передумали' } }),
    );
    expect(same.map((x) => x.status)).toEqual(Array(16).fill(200));
    expect(JSON.parse(same[0]!.body)).toMatchObject({ status: 'withdrawn' });
    const distinct = await burst(16, () =>
      call('POST', `/api/orders/${b.id}/withdraw`, { headers: { 'idempotency-key': key() }, body: { reason: 'передумали' } }),
    );
    expect(distinct.filter((x) => x.status === 200)).toHaveLength(1);
    expect(distinct.filter((x) => x.status !== 200).map((x) => JSON.parse(x.body).error.code)).toEqual(Array(15).fill('order_finished'));
    for (const o of [a, b]) {
      const rows = await env.DB.prepare("select count(*) as n from audit_log where action = 'order_withdrawn' and quote_id = ?")
        .bind(o.quoteId)
        .first<{ n: number }>();
      expect(rows?.n).toBe(1);
    }
    expect((await ledgerFacts(c.id)).entries).toHaveLength(0);
  });
});

describe('crowdfunding pledges under a crowd', () => {
  async function pledgeOf(customerId: number, normHoursCenti: number) {
    const project = await ok(
      'POST',
      '/api/crowdfunding',
      {
        body: { code: `RACE-${key()}`.slice(0, 30), title: 'Интеграция', description: '', estimate: [{ kMilli: 1000, hoursCenti: 5000 }] },
      },
      201,
    );
    const withPledge = await ok('POST', `/api/crowdfunding/${project.id}/pledges`, { body: { customerId, normHoursCenti } }, 201);
    return { project, pledge: withPledge.pledges[0] };
  }
  const confirm = (p: { project: any; pledge: any }, k: string) =>
    call('POST', `/api/crowdfunding/${p.project.id}/pledges/${p.pledge.id}/confirm`, {
      as: 'accountant',
      headers: { 'idempotency-key': k },
    });
  const cancel = (p: { project: any; pledge: any }, k: string) =>
    call('POST', `/api/crowdfunding/${p.project.id}/pledges/${p.pledge.id}/cancel`, {
      as: 'accountant',
      headers: { 'idempotency-key': k },
      body: { reason: 'отказ' },
    });

  it('confirm: one key → one debit and 16 answers; distinct keys → one debit, the rest 409', async () => {
    const c = await newCustomer();
    await topup(c.id, 10_000);
    const one = await pledgeOf(c.id, 1000);
    const k = key();
    const same = await burst(16, () => confirm(one, k));
    expect(same.map((x) => x.status)).toEqual(Array(16).fill(200));
    const two = await pledgeOf(c.id, 1000);
    const distinct = await burst(16, () => confirm(two, key()));
    expect(distinct.filter((x) => x.status === 200)).toHaveLength(1);
    expect(distinct.filter((x) => x.status !== 200).map((x) => x.status)).toEqual(Array(15).fill(409));
    const facts = await ledgerFacts(c.id);
    expect(facts.entries.filter((e) => e.kind === 'debit').map((e) => e.n)).toEqual([-1000, -1000]);
    expect(facts.balanceCenti).toBe(8000);
  });

  it('cancel of a confirmed pledge refunds once, answers 200, and a withdrawal of the project refunds nothing more', async () => {
    const c = await newCustomer();
    await topup(c.id, 10_000);
    const p = await pledgeOf(c.id, 1000);
    expect((await confirm(p, key())).status).toBe(200);
    expect(await balance(c.id)).toBe(9000);
    const cancelled = await cancel(p, key());
    expect(cancelled.status).toBe(200);
    expect(((await cancelled.json()) as any).pledges[0]).toMatchObject({ status: 'cancelled' });
    expect(await balance(c.id)).toBe(10_000);
    const again = await cancel(p, key());
    expect(again.status).toBe(409);
    expect(((await again.json()) as any).error.code).toBe('pledge_cancelled');
    const project = await ok('GET', `/api/crowdfunding/${p.project.id}`);
    await ok('PATCH', `/api/crowdfunding/${p.project.id}`, { body: { version: project.version, status: 'withdrawn' } });
    expect(await balance(c.id)).toBe(10_000);
    const facts = await ledgerFacts(c.id);
    expect(facts.entries.map((e) => [e.kind, e.n, e.k])).toEqual([
      ['topup', 10_000, null],
      ['debit', -1000, `pledge:${p.pledge.id}`],
      ['correction', 1000, `pledge-refund:${p.pledge.id}`],
    ]);
  });

  it(
    'cancel under a crowd: one key → 16 answers, distinct keys → one refund; then the project’s withdrawal refunds the ' + 'rest once',
    async () => {
      const c = await newCustomer();
      await topup(c.id, 10_000);
      const p1 = await pledgeOf(c.id, 1000);
      const p2 = await pledgeOf(c.id, 700);
      for (const p of [p1, p2]) expect((await confirm(p, key())).status).toBe(200);
      const k = key();
      expect((await burst(16, () => cancel(p1, k))).map((x) => x.status)).toEqual(Array(16).fill(200));
      const distinct = await burst(16, () => cancel(p2, key()));
      expect(distinct.filter((x) => x.status === 200)).toHaveLength(1);
      expect(distinct.filter((x) => x.status !== 200).every((x) => x.status === 409)).toBe(true);
      expect(await balance(c.id)).toBe(10_000);
      // A third pledge, confirmed, is refunded by the withdrawal — once, even when the withdrawal races itself.
      const p3 = await pledgeOf(c.id, 400);
      expect((await confirm(p3, key())).status).toBe(200);
      const project = await ok('GET', `/api/crowdfunding/${p3.project.id}`);
      const withdrawals = await burst(16, () =>
        call('PATCH', `/api/crowdfunding/${p3.project.id}`, { body: { version: project.version, status: 'withdrawn' } }),
      );
      expect(withdrawals.filter((x) => x.status === 200)).toHaveLength(1);
      const facts = await ledgerFacts(c.id);
      expect(
        facts.entries
          .filter((e) => e.kind === 'correction')
          .map((e) => e.n)
          .sort(),
      ).toEqual([1000, 400, 700].sort());
      expect(facts.balanceCenti).toBe(10_000);
      expect((await reportOf(c.id)).customer).toMatchObject({ closingCenti: 10_000 });
    },
  );
});

describe('payments, invoices and closed months under a crowd', () => {
  const pay = (customerId: number, body: Record<string, unknown>, k: string) =>
    call('POST', `/api/customers/${customerId}/ledger`, {
      as: 'accountant',
      headers: { 'idempotency-key': k },
      body: { kind: 'topup', ...body },
    });

  it('16 top-ups paid in rubles with ONE key credit once; 16 with distinct keys credit 16 times, money and hours agreeing', async () => {
    const c = await newCustomer();
    const k = key();
    const same = await burst(16, () => pay(c.id, { amountMinor: 1_500_000, paymentRef: 'п/п 901' }, k));
    expect(same.map((a) => a.status)).toEqual(Array(16).fill(201));
    expect(new Set(same.map((a) => a.body)).size).toBe(1);
    expect(JSON.parse(same[0]!.body).entry).toMatchObject({ normHoursCenti: 500, moneyMinor: 1_500_000, paymentRef: 'п/п 901' });
    const distinct = await burst(16, () => pay(c.id, { amountMinor: 300_000, paymentRef: 'п/п' }, key()));
    expect(distinct.map((a) => a.status)).toEqual(Array(16).fill(201));
    const facts = await ledgerFacts(c.id);
    expect(facts.entries).toHaveLength(17);
    expect(facts.balanceCenti).toBe(500 + 16 * 100);
    expect(facts.entries.reduce((s, e) => s + e.m, 0)).toBe(1_500_000 + 16 * 300_000);
    const { customer } = await reportOf(c.id);
    expect(customer).toMatchObject({ topupsCenti: 2100, topupsMinor: 6_300_000, closingCenti: 2100 });
  });

  it('an invoice is settled once: one key → 16 equal answers; distinct keys → one top-up, the rest told it is paid', async () => {
    const c = await newCustomer();
    const one = await ok('POST', `/api/customers/${c.id}/invoices`, { as: 'accountant', body: { normHoursCenti: 1000 } }, 201);
    const two = await ok('POST', `/api/customers/${c.id}/invoices`, { as: 'accountant', body: { normHoursCenti: 700 } }, 201);
    const k = key();
    const same = await burst(16, () => pay(c.id, { invoiceId: one.id }, k));
    expect(same.map((a) => a.status)).toEqual(Array(16).fill(201));
    expect(new Set(same.map((a) => a.body)).size).toBe(1);
    const distinct = await burst(16, () => pay(c.id, { invoiceId: two.id }, key()));
    expect(distinct.filter((a) => a.status === 201)).toHaveLength(1);
    expect(distinct.filter((a) => a.status !== 201).map((a) => JSON.parse(a.body).error.code)).toEqual(Array(15).fill('invoice_paid'));
    const facts = await ledgerFacts(c.id);
    expect(facts.entries.map((e) => e.n)).toEqual([1000, 700]);
    expect(facts.balanceCenti).toBe(1700);
    expect((await ok('GET', `/api/invoices/${two.id}`)).status).toBe('paid');
    expect((await reportOf(c.id)).customer).toMatchObject({ topupsCenti: 1700, closingCenti: 1700 });
  });

  it(
    'closing a month: one key → the same answer 16 times; distinct keys → one closes it; top-ups dated in it land before or are ' +
      'refused',
    async () => {
      await allowBackdating(400);
      const now = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Moscow' }).format(new Date());
      const [y, m] = now.split('-').map(Number) as [number, number];
      const month = (back: number) => new Date(Date.UTC(y, m - 1 - back, 1)).toISOString().slice(0, 7);
      const c = await newCustomer();
      await topup(c.id, 100, { at: `${month(3)}-05` });
      const k = key();
      const same = await burst(16, () =>
        call('POST', `/api/periods/${month(3)}/close`, { as: 'accountant', headers: { 'idempotency-key': k } }),
      );
      expect(same.map((a) => a.status)).toEqual(Array(16).fill(200));
      expect(new Set(same.map((a) => a.body)).size).toBe(1);
      // A crowd of closes of the next month, with payments dated in it racing them.
      const [closes, payments] = await Promise.all([
        burst(16, () => call('POST', `/api/periods/${month(2)}/close`, { as: 'admin', headers: { 'idempotency-key': key() } })),
        burst(16, () => pay(c.id, { normHoursCenti: 10, at: `${month(2)}-10` }, key())),
      ]);
      expect(closes.filter((a) => a.status === 200)).toHaveLength(1);
      expect(closes.filter((a) => a.status !== 200).map((a) => JSON.parse(a.body).error.code)).toEqual(
        Array(15).fill('period_already_closed'),
      );
      for (const p of payments) {
        expect([201, 422]).toContain(p.status);
        if (p.status === 422) expect(JSON.parse(p.body).error.code).toBe('period_closed');
      }
      // Whatever the interleaving: nothing dated in the closed month was written after it closed.
      const closedAt = (await env.DB.prepare('select closed_at as t, end_at as e from accounting_periods where month = ?')
        .bind(month(2))
        .first<{ t: string; e: string }>())!;
      const late = await env.DB.prepare('select count(*) as n from ledger_entries where at < ? and created_at > ?')
        .bind(closedAt.e, closedAt.t)
        .first<{ n: number }>();
      expect(late!.n).toBe(0);
      const facts = await ledgerFacts(c.id);
      expect(facts.entries.length).toBe(1 + payments.filter((p) => p.status === 201).length);
    },
  );
});
