/**
 * Actual time as the seed says (issue 17): every «по оценке» service — 2.1, 2.6–2.9 and the
 * estimated lines of sections 3, 4, 5 — takes actual hours at sign-off, content tasks at K 0,6; an
 * overrun is shown (planned, actual, difference in ₽) and confirmed; a short balance no longer
 * leaves the stage stuck: it is recorded and the order pauses. And the low-balance threshold: the
 * customer's card, the queue and the report flag it, and the customer is told once by e-mail.
 */
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { nextStagesNeed } from '../../worker/domain/low-balance';
import { fails, ok } from '../support/api';
import { acceptStage, balance, newCustomer, runningOrder, thisMonth, topup } from '../support/money';

const sign = async (orderId: number, n: number, body: unknown = {}) => {
  const res = await acceptStage(orderId, n, undefined, body);
  return { status: res.status, body: (await res.json()) as any };
};

describe('actual hours for every service billed by time', () => {
  it('3.x, 4.x and 5.x lines take the hours actually spent; content at K 0,6; fixed services never', async () => {
    const c = await newCustomer();
    await topup(c.id, 50_000);
    const order = await runningOrder(c.id, [['3.3.1', 2000], ['4.5', 1000], ['5.3', 500], ['2.2']], { split: 'by_line' });
    expect(order.stages.map((s: any) => s.lines[0].actualTime)).toEqual([true, true, true, false]);
    // Less than estimated: no confirmation needed, the actual hours are debited.
    let r = await sign(order.id, 1, { actualHoursCenti: 1750 });
    expect(r.status).toBe(200);
    expect(r.body.debit).toMatchObject({ normHoursCenti: 1750, plannedCenti: 2000, overrun: false, moneyMinor: 5_250_000 });
    // A content task: 12 h spent × K 0,6 = 7,2 norm-hours, over its 6,00 estimate.
    r = await sign(order.id, 2, { actualHoursCenti: 1200 });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('overrun_not_confirmed');
    // The difference in ₽ for the one who confirms: 1,2 × 3 000 = 3 600 + 22 % VAT.
    expect(r.body.error.details).toMatchObject({
      plannedCenti: 600,
      actualCenti: 720,
      differenceCenti: 120,
      difference: { netMinor: 360_000, totalMinor: 439_200 },
    });
    expect(r.body.error.message).toMatch(/7[.,]20/);
    expect(await balance(c.id)).toBe(50_000 - 1750);
    r = await sign(order.id, 2, { actualHoursCenti: 1200, confirmOverrun: true });
    expect(r.body.debit).toMatchObject({ normHoursCenti: 720, plannedCenti: 600, overrun: true });
    r = await sign(order.id, 3, { lines: [{ lineId: order.stages[2].lines[0].lineId, actualHoursCenti: 500 }] });
    expect(r.body.debit).toMatchObject({ normHoursCenti: 500, overrun: false });
    r = await sign(order.id, 4, { actualHoursCenti: 2500 });
    expect(r.status).toBe(400); // 2.2 is fixed: 20 norm-hours whatever
    r = await sign(order.id, 4);
    expect(r.body.debit).toMatchObject({ normHoursCenti: 2000 });
    // The statement shows planned against actual, service by service.
    const s = await ok('GET', `/api/customers/${c.id}/statement?month=${thisMonth()}`, { as: 'accountant' });
    const items = s.orders[0].stages.flatMap((st: any) =>
      st.items.map((i: any) => [i.code, i.plannedHoursCenti, i.hoursCenti, i.plannedNormHoursCenti, i.normHoursCenti]),
    );
    expect(items).toEqual([
      ['3.3.1', 2000, 1750, 2000, 1750],
      ['4.5', 1000, 1200, 600, 720],
      ['5.3', 500, 500, 500, 500],
      ['2.2', 2000, 2000, 2000, 2000],
    ]);
  });
});

describe('a short balance does not leave the finished stage stuck', () => {
  it('the stage is recorded (below the overdraft even), the order pauses before the next one, the shortfall is shown in ₽', async () => {
    const c = await newCustomer(500);
    await topup(c.id, 1200);
    const order = await runningOrder(c.id, [['2.6', 1000], ['2.4']], { split: 'by_line' });
    expect(order.status).toBe('in_progress');
    // 25 h of consulting instead of 10: recorded though it takes the balance to −13 (the overdraft is 5).
    const r = await sign(order.id, 1, { actualHoursCenti: 2500, confirmOverrun: true });
    expect(r.status).toBe(200);
    expect(r.body.debit).toMatchObject({ normHoursCenti: 2500, balanceAfterCenti: -1300 });
    expect(r.body.order.status).toBe('paused');
    // Stage 2 needs 10; available −13 + 5 = −8: 18 norm-hours short, 54 000 ₽ at today's rate (65 880 ₽ with VAT).
    expect(r.body.order.shortfall).toEqual({ normHoursCenti: 1800, amountMinor: 5_400_000, totalMinor: 6_588_000 });
    expect(r.body.order.lowBalance).toMatchObject({ low: true, thresholdCenti: 1000 });
    await fails(
      'POST',
      `/api/orders/${order.id}/stages/2/accept`,
      { as: 'accountant', headers: { 'idempotency-key': `k-${Date.now()}` } },
      422,
      'insufficient_balance',
    );
    await topup(c.id, 1800);
    const resumed = await ok('GET', `/api/orders/${order.id}`);
    expect(resumed.status).toBe('in_progress');
    expect(resumed.shortfall).toBeNull();
  });
});

describe('low balance', () => {
  it('by default what the next stages need; the card, the queue and the report flag it; the customer is told once', async () => {
    const c = await ok(
      'POST',
      '/api/customers',
      { as: 'accountant', body: { name: 'Лицей № 9', email: 'buh@lyceum9.example', overdraftCenti: 0 } },
      201,
    );
    await topup(c.id, 3200);
    const one = await runningOrder(c.id, [['2.2'], ['2.4']], { split: 'by_line' });
    const two = await runningOrder(c.id, [['2.4']]);
    let card = await ok('GET', `/api/customers/${c.id}`);
    // Next stages: 20 (order one) + 10 (order two) = 30 ≤ 32.
    expect(card.lowBalance).toEqual({ thresholdCenti: 3000, own: false, low: false, belowCenti: 0 });
    const listed = async () =>
      (await ok<any[]>('GET', `/api/customers?q=${encodeURIComponent('Лицей № 9')}`)).find((x) => x.id === c.id).lowBalance;
    expect(await listed()).toEqual(card.lowBalance);
    const mails = async () =>
      (
        await env.DB.prepare("select to_json as toJson, subject, lang, payload from outbox where kind = 'balance_low' and to_json like ?")
          .bind('%lyceum9%')
          .all<any>()
      ).results;
    let r = await sign(one.id, 1);
    expect(r.status).toBe(200);
    // 12 left; next: 10 + 10 = 20: low, and the e-mail is written in the sign-off's batch.
    card = await ok('GET', `/api/customers/${c.id}`);
    expect(card.lowBalance).toEqual({ thresholdCenti: 2000, own: false, low: true, belowCenti: 800 });
    // the customers list flags it the same way (its threshold read in SQL)
    expect(await listed()).toEqual(card.lowBalance);
    let sent = await mails();
    expect(sent).toHaveLength(1);
    expect(JSON.parse(sent[0].toJson)).toEqual(['buh@lyceum9.example']);
    expect(sent[0].subject).toBe('Баланс нормо-часов ниже порога — Лицей № 9');
    expect(JSON.parse(sent[0].payload)).toMatchObject({
      customerId: c.id,
      balanceCenti: 1200,
      thresholdCenti: 2000,
      orderNumber: one.number,
    });
    const queue = await ok<any[]>('GET', `/api/orders?customerId=${c.id}`);
    expect(queue.every((o) => o.lowBalance.low)).toBe(true);
    const report = await ok('GET', `/api/reports/consumption?month=${thisMonth()}`, { as: 'accountant' });
    expect(report.customers.find((x: any) => x.customerId === c.id).lowBalance).toMatchObject({ low: true, thresholdCenti: 2000 });
    // Already below: the next sign-off tells nobody again (order two waits: the queue keeps the 12 for order one's next stage).
    expect(queue.find((o) => o.id === two.id).status).toBe('paused');
    r = await sign(one.id, 2);
    expect(r.status).toBe(200);
    sent = await mails();
    expect(sent).toHaveLength(1);
    // The customer's own threshold wins; null goes back to the default.
    const own = await ok('PATCH', `/api/customers/${c.id}`, { as: 'manager', body: { version: card.version, lowBalanceCenti: 100 } });
    expect((await ok('GET', `/api/customers/${c.id}`)).lowBalance).toEqual({ thresholdCenti: 100, own: true, low: false, belowCenti: 0 });
    expect(await listed()).toEqual({ thresholdCenti: 100, own: true, low: false, belowCenti: 0 });
    await ok('PATCH', `/api/customers/${c.id}`, { as: 'manager', body: { version: own.version, lowBalanceCenti: null } });
    expect((await ok('GET', `/api/customers/${c.id}`)).lowBalance.own).toBe(false);
  });

  it('the report’s threshold (SQL) is the domain’s next stages’ need', async () => {
    const c = await newCustomer();
    await topup(c.id, 100_000);
    await runningOrder(c.id, [['2.2'], ['4.2', 777, undefined, 3000], ['2.3']], { split: 'by_line' });
    await runningOrder(c.id, [['2.5']]);
    const third = await runningOrder(c.id, [['2.4'], ['2.6', 250]], { split: 'by_line' });
    expect((await acceptStage(third.id, 1)).status).toBe(200);
    const queue = await ok<any[]>('GET', `/api/orders?customerId=${c.id}`);
    const domain = nextStagesNeed(queue.map((o) => ({ id: o.id, status: o.status, approvedAt: o.approvedAt, stages: o.stages })));
    expect(domain).toBe(2000 + 6400 + 250);
    const row = (await ok('GET', `/api/reports/consumption?month=${thisMonth()}`, { as: 'accountant' })).customers.find(
      (x: any) => x.customerId === c.id,
    );
    expect(row.lowBalance.thresholdCenti).toBe(domain);
    expect((await ok('GET', `/api/customers/${c.id}`)).lowBalance.thresholdCenti).toBe(domain);
  });
});
