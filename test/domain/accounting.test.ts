/**
 * The accountant's rules in the domain, without the database: when an entry may be dated, top-ups
 * as payments, corrections and their money, closing months, invoices, low balance and shortfall,
 * and the statement built from a month's entries.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ConsumptionEntry } from '../../worker/domain/consumption';
import { summarize } from '../../worker/domain/consumption';
import { invoiceMay, invoiceMoney, settlementRule } from '../../worker/domain/invoice';
import { correctionMoney, correctionRule, entryInstant, topupPayment, type CorrectedEntry } from '../../worker/domain/ledger-entries';
import { lowBalance, queuedNeed, shortfallOf } from '../../worker/domain/low-balance';
import { monthsToClose } from '../../worker/domain/periods';
import { buildStatement } from '../../worker/domain/statement';
import type { QueueOrder } from '../../worker/domain/ledger';

const MOSCOW = 'Europe/Moscow';
const NOW = Date.parse('2026-12-10T12:00:00Z');
const clock = { now: NOW, timeZone: MOSCOW, backdateDays: 45, closedThrough: { month: '2026-10', endAt: '2026-10-31T21:00:00.000Z' } };
const refusalOf = <T>(d: { ok: boolean; refusal?: { code: string } } & T) => (d.ok ? null : d.refusal!.code);

describe('when an entry may be dated', () => {
  it(
    'now by default; a calendar day means its start in Moscow, today means now; never ahead, never in a closed month, never too ' +
      'far back',
    () => {
      expect(entryInstant(undefined, clock)).toEqual({ ok: true, value: new Date(NOW).toISOString() });
      expect(entryInstant('2026-12-10', clock)).toEqual({ ok: true, value: new Date(NOW).toISOString() });
      expect(entryInstant('2026-12-01', clock)).toEqual({ ok: true, value: '2026-11-30T21:00:00.000Z' });
      expect(refusalOf(entryInstant('2026-12-11', clock))).toBe('validation_failed');
      expect(refusalOf(entryInstant('2026-12-10T13:30:00Z', clock))).toBe('validation_failed');
      expect(refusalOf(entryInstant('2026-10-31', clock))).toBe('period_closed');
      expect(refusalOf(entryInstant('2026-10-31T20:59:59.999Z', clock))).toBe('period_closed');
      expect(refusalOf(entryInstant('2026-10-31T21:00:00.000Z', clock))).toBeNull(); // 1 November in Moscow
      const open = { ...clock, closedThrough: null };
      expect(refusalOf(entryInstant('2026-10-27', open))).toBeNull();
      expect(refusalOf(entryInstant('2026-10-25', open))).toBe('backdated_too_far'); // 45 days back is 26 October
      const closed = entryInstant('2026-09-01', clock);
      expect(closed.ok ? null : closed.refusal).toMatchObject({
        status: 422,
        details: { closedThrough: '2026-10', openFrom: '2026-11-01' },
      });
    },
  );
});

describe('top-ups are payments', () => {
  const vat = { vatMode: 'on_top' as const, vatRateMilli: 220 };
  it('one of money or norm-hours; the other at the rate; the settings’ VAT', () => {
    const money = topupPayment({ amountMinor: 12_345_678 }, 300_000, vat, 'RUB');
    expect(money.ok && money.value).toMatchObject({
      normHoursCenti: 4115,
      money: { subtotalMinor: 12_345_678, netMinor: 12_345_678, vatMinor: 2_716_049, totalMinor: 15_061_727, rateMinor: 300_000 },
    });
    const hours = topupPayment({ normHoursCenti: 333 }, 275_050, { vatMode: 'none', vatRateMilli: 0 }, 'RUB');
    expect(hours.ok && hours.value.money).toMatchObject({ subtotalMinor: 915_917, vatMinor: 0, totalMinor: 915_917 });
    expect(refusalOf(topupPayment({}, 300_000, vat, 'RUB'))).toBe('validation_failed');
    expect(refusalOf(topupPayment({ amountMinor: 1, normHoursCenti: 1 }, 300_000, vat, 'RUB'))).toBe('validation_failed');
    expect(refusalOf(topupPayment({ normHoursCenti: -5 }, 300_000, vat, 'RUB'))).toBe('validation_failed');
    expect(refusalOf(topupPayment({ amountMinor: 1499 }, 300_000, vat, 'RUB'))).toBe('topup_too_small');
  });

  it('money → norm-hours → money comes back within half a hundredth’s worth (fast-check)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1_000, max: 10_000_000_000 }), fc.integer({ min: 100, max: 10_000_000 }), (amount, rate) => {
        const paid = topupPayment({ amountMinor: amount }, rate, vat, 'RUB');
        if (!paid.ok) return paid.refusal.code === 'topup_too_small';
        const back = topupPayment({ normHoursCenti: paid.value.normHoursCenti }, rate, vat, 'RUB');
        return back.ok && Math.abs(back.value.money.subtotalMinor - amount) <= rate / 200 + 1;
      }),
    );
  });
});

describe('corrections', () => {
  const debit: CorrectedEntry = {
    customerId: 1,
    kind: 'debit',
    normHoursCenti: -1000,
    subtotalMinor: -3_000_000,
    discountMinor: -300_000,
    netMinor: -2_700_000,
    vatMinor: -594_000,
    totalMinor: -3_294_000,
    rateMinor: 300_000,
    discountRateMilli: 100,
    vatMode: 'on_top',
    vatRateMilli: 220,
    corrected: { normHoursCenti: 0, subtotalMinor: 0, discountMinor: 0, netMinor: 0, vatMinor: 0, totalMinor: 0 },
  };
  it('the rules: a reason, the same customer, the other way, never more than the entry', () => {
    expect(refusalOf(correctionRule(1, 0, 'x', false, undefined))).toBe('validation_failed');
    expect(refusalOf(correctionRule(1, 10, '  ', false, undefined))).toBe('validation_failed');
    expect(refusalOf(correctionRule(1, 10, 'x', true, undefined))).toBe('validation_failed');
    expect(refusalOf(correctionRule(2, 10, 'x', true, debit))).toBe('validation_failed');
    expect(refusalOf(correctionRule(1, -10, 'x', true, debit))).toBe('correction_same_sign');
    expect(refusalOf(correctionRule(1, 1001, 'x', true, debit))).toBe('correction_too_large');
    expect(refusalOf(correctionRule(1, 10, 'x', true, { ...debit, kind: 'correction' }))).toBe('correction_of_correction');
    expect(correctionRule(1, 1000, 'x', true, debit).ok).toBe(true);
  });

  it('reversed in any number of parts, the debit’s money comes back to the kopeck (fast-check)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 400 }), { minLength: 1, maxLength: 6 }), (parts) => {
        let target = debit;
        let left = 1000;
        const back = { netMinor: 0, vatMinor: 0, totalMinor: 0 };
        for (const p of [...parts, 1000]) {
          const h = Math.min(p, left);
          if (h === 0) break;
          const m = correctionMoney(h, target);
          back.netMinor += m.netMinor;
          back.vatMinor += m.vatMinor;
          back.totalMinor += m.totalMinor;
          const c = target.corrected;
          target = {
            ...target,
            corrected: {
              normHoursCenti: c.normHoursCenti + h,
              subtotalMinor: c.subtotalMinor + m.subtotalMinor,
              discountMinor: c.discountMinor + m.discountMinor,
              netMinor: c.netMinor + m.netMinor,
              vatMinor: c.vatMinor + m.vatMinor,
              totalMinor: c.totalMinor + m.totalMinor,
            },
          };
          left -= h;
        }
        expect(back).toEqual({ netMinor: 2_700_000, vatMinor: 594_000, totalMinor: 3_294_000 });
      }),
    );
    expect(correctionMoney(100, null)).toMatchObject({ netMinor: 0, rateMinor: null });
  });
});

describe('closing months', () => {
  it('only a month that has ended; it and the earlier open months; not twice', () => {
    const now = Date.parse('2026-12-10T12:00:00Z');
    expect(refusalOf(monthsToClose('2026-12', null, '2026-01', now, MOSCOW))).toBe('period_not_over');
    expect(refusalOf(monthsToClose('2026-10', '2026-10', '2026-01', now, MOSCOW))).toBe('period_already_closed');
    const months = monthsToClose('2026-11', '2026-08', '2026-01', now, MOSCOW);
    expect(months.ok && months.value.map((m) => m.month)).toEqual(['2026-09', '2026-10', '2026-11']);
    expect(months.ok && months.value[2]).toEqual({
      month: '2026-11',
      startAt: '2026-10-31T21:00:00.000Z',
      endAt: '2026-11-30T21:00:00.000Z',
    });
    const first = monthsToClose('2026-03', null, '2026-01', now, MOSCOW);
    expect(first.ok && first.value.map((m) => m.month)).toEqual(['2026-01', '2026-02', '2026-03']);
    const empty = monthsToClose('2026-03', null, null, now, MOSCOW);
    expect(empty.ok && empty.value.map((m) => m.month)).toEqual(['2026-03']);
  });
});

describe('invoices', () => {
  it('money at the rate with VAT; settled by the customer it was issued to, once, with its own amounts', () => {
    expect(invoiceMoney(1234, { rateMinor: 300_000, vatMode: 'included', vatRateMilli: 220 })).toEqual({
      subtotalMinor: 3_702_000,
      discountMinor: 0,
      netMinor: 3_702_000,
      vatMinor: 667_574,
      totalMinor: 3_702_000,
    });
    const inv = { number: 'INV-2026-0001', customerId: 1, status: 'issued' as const };
    expect(settlementRule(inv, 1, {}).ok).toBe(true);
    expect(refusalOf(settlementRule(inv, 2, {}))).toBe('validation_failed');
    expect(refusalOf(settlementRule(inv, 1, { amountMinor: 5 }))).toBe('validation_failed');
    expect(refusalOf(settlementRule({ ...inv, status: 'paid' }, 1, {}))).toBe('invoice_paid');
    expect(refusalOf(invoiceMay({ ...inv, status: 'cancelled' }, 'cancel'))).toBe('invoice_cancelled');
  });
});

describe('low balance, shortfall, what the queue needs', () => {
  const order = (id: number, status: QueueOrder['status'], approvedAt: string, stages: [number, 'pending' | 'accepted'][]): QueueOrder => ({
    id,
    status,
    approvedAt,
    stages: stages.map(([normHoursCenti, s], i) => ({ n: i + 1, status: s, normHoursCenti })),
  });
  const orders = [
    order(1, 'in_progress', '2026-01', [
      [500, 'accepted'],
      [800, 'pending'],
      [300, 'pending'],
    ]),
    order(2, 'paused', '2026-02', [[1000, 'pending']]),
    order(3, 'queued', '2026-03', [
      [200, 'pending'],
      [100, 'pending'],
    ]),
    order(4, 'done', '2026-00', [[999, 'accepted']]),
  ];
  it('the default threshold is what the next stages need; the customer’s own wins', () => {
    expect(lowBalance(1500, null, orders)).toEqual({ thresholdCenti: 800 + 1000 + 200, own: false, low: true, belowCenti: 500 });
    expect(lowBalance(1500, 1000, orders)).toEqual({ thresholdCenti: 1000, own: true, low: false, belowCenti: 0 });
    expect(lowBalance(-5, null, [])).toMatchObject({ thresholdCenti: 0, low: true });
  });
  it('a waiting order’s shortfall counts what is ahead of it; the queue’s need is every pending stage', () => {
    expect(shortfallOf(2, 900, 100, orders)).toBe(800 + 1000 - 1000);
    expect(shortfallOf(3, 900, 100, orders)).toBe(800 + 1000 + 200 - 1000);
    expect(shortfallOf(1, 0, 0, orders)).toBe(0); // running
    expect(queuedNeed(orders)).toBe(800 + 300 + 1000 + 200 + 100);
  });
});

describe('the statement', () => {
  let id = 1;
  const e = (o: Partial<ConsumptionEntry> & Pick<ConsumptionEntry, 'kind' | 'normHoursCenti'>): ConsumptionEntry => ({
    entryId: id++,
    at: '2026-11-05T10:00:00Z',
    date: '2026-11-05',
    topupKind: null,
    memo: '',
    orderId: null,
    orderNumber: null,
    stageN: null,
    stageTitle: null,
    code: null,
    title: null,
    categoryName: null,
    hoursCenti: null,
    kMilli: null,
    moneyMinor: o.netMinor ?? 0,
    subtotalMinor: 0,
    discountMinor: 0,
    netMinor: 0,
    vatMinor: 0,
    totalMinor: 0,
    rateMinor: null,
    paymentRef: '',
    invoiceNumber: null,
    plannedHoursCenti: null,
    plannedNormHoursCenti: null,
    correctsEntryId: null,
    correctsKind: null,
    ...o,
  });
  it('groups debits by order and stage, planned against actual; its totals are the report’s', () => {
    const item = (code: string, planned: number, actual: number, net: number) =>
      e({
        entryId: 20,
        kind: 'debit',
        orderId: 7,
        orderNumber: 'WO-7',
        stageN: 1,
        stageTitle: 'Этап',
        code,
        title: code,
        categoryName: 'c',
        hoursCenti: actual,
        kMilli: 1000,
        plannedHoursCenti: planned,
        plannedNormHoursCenti: planned,
        normHoursCenti: -actual,
        netMinor: -net,
        vatMinor: -net / 5,
        totalMinor: -net * 1.2,
      });
    const entries = [
      e({ kind: 'topup', normHoursCenti: 5000, netMinor: 15_000_000, totalMinor: 18_000_000, vatMinor: 3_000_000, paymentRef: 'п/п 1' }),
      item('2.2', 2000, 2000, 6_000_000),
      item('2.6', 500, 700, 2_100_000),
      e({ kind: 'debit', normHoursCenti: -100, netMinor: -300_000, vatMinor: -60_000, totalMinor: -360_000, memo: 'Взнос' }),
      e({
        kind: 'correction',
        normHoursCenti: 200,
        netMinor: 600_000,
        vatMinor: 120_000,
        totalMinor: 720_000,
        memo: 'ошибка',
        correctsEntryId: 20,
        correctsKind: 'debit',
      }),
    ];
    const consumption = summarize(1, 'A', 1000, entries);
    const s = buildStatement({
      month: '2026-11',
      timeZone: MOSCOW,
      currency: 'RUB',
      generatedAt: '',
      closed: true,
      company: { name: 'Исп', details: '' },
      customer: { id: 1, name: 'A', legalName: '', taxId: '', address: '' },
      consumption,
      corrected: new Map([[20, { entryId: 20, date: '2026-11-05', kind: 'debit' as const, memo: 'WO-7 · 1' }]]),
    });
    expect(s.orders.map((o) => [o.orderNumber, o.stages.length, o.normHoursCenti, o.plannedNormHoursCenti])).toEqual([
      ['WO-7', 1, 2700, 2500],
      [null, 1, 100, 100],
    ]);
    expect(s.orders[0]!.stages[0]!.items.map((i) => [i.code, i.plannedHoursCenti, i.hoursCenti])).toEqual([
      ['2.2', 2000, 2000],
      ['2.6', 500, 700],
    ]);
    expect(s.corrections[0]).toMatchObject({ memo: 'ошибка', corrects: { kind: 'debit' }, netMinor: 600_000 });
    expect(s.totals.services).toEqual({
      netMinor: consumption.netMinor,
      vatMinor: consumption.vatMinor,
      totalMinor: consumption.totalMinor,
    });
    expect(s.totals.services.netMinor).toBe(6_000_000 + 2_100_000 + 300_000 - 600_000);
    expect(s.closingCenti).toBe(1000 + 5000 - 2800 + 200);
  });
});
