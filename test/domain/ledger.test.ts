import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { summarize, type ConsumptionEntry } from '../../worker/domain/consumption';
import { DebitInputError, reconcile, stageDebit, startNeed, type QueueOrder, type StageLine } from '../../worker/domain/ledger';

const fixed: StageLine = {
  lineId: 1,
  code: '2.2',
  title: 'Шаблон',
  categoryName: 'Дизайнер',
  mode: 'fixed',
  actualTime: false,
  quantityMilli: 1000,
  hoursCenti: 2000,
  kMilli: 1000,
};
const actual: StageLine = {
  lineId: 2,
  code: '2.1',
  title: 'Материалы',
  categoryName: 'Ассистент',
  mode: 'estimate',
  actualTime: true,
  quantityMilli: 1000,
  hoursCenti: 1000,
  kMilli: 600,
};
const agreed: StageLine = {
  lineId: 3,
  code: '3.3.1',
  title: 'Доработка',
  categoryName: 'Разработчик',
  mode: 'estimate',
  actualTime: false,
  quantityMilli: 2000,
  hoursCenti: 750,
  kMilli: 1000,
};

describe('what a stage debits', () => {
  it('fixed services debit their fixed norm-hours; actual-time ones the hours spent × K', () => {
    const debit = stageDebit([fixed, actual], 300_000, new Map([[2, 1250]]));
    expect(debit.items.map((i) => [i.code, i.hoursCenti, i.kMilli, i.normHoursCenti, i.moneyMinor])).toEqual([
      ['2.2', 2000, 1000, 2000, 6_000_000],
      ['2.1', 1250, 600, 750, 2_250_000], // 12.5 h spent × 0.6 = 7.5 norm-hours
    ]);
    expect(debit).toMatchObject({ normHoursCenti: 2750, moneyMinor: 8_250_000 });
  });

  it('without actual hours, an actual-time line is taken at its estimate; agreed lines at quantity × hours', () => {
    const debit = stageDebit([actual, agreed], 300_000, new Map());
    expect(debit.items.map((i) => [i.hoursCenti, i.normHoursCenti])).toEqual([
      [1000, 600],
      [1500, 1500],
    ]);
  });

  it('refuses actual hours for a line billed by fixed or agreed hours, or not in the stage', () => {
    expect(() => stageDebit([fixed], 300_000, new Map([[1, 100]]))).toThrow(DebitInputError);
    expect(() => stageDebit([actual], 300_000, new Map([[99, 100]]))).toThrow(DebitInputError);
  });

  it('the stage’s money is the sum of its items’ money, each rounded to the kopeck', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 100_000 }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        (hours, rate) => {
          const lines = hours.map((h, i) => ({ ...actual, lineId: i + 1, hoursCenti: h }));
          const debit = stageDebit(lines, rate, new Map());
          expect(debit.moneyMinor).toBe(debit.items.reduce((s, i) => s + i.moneyMinor, 0));
          expect(debit.normHoursCenti).toBe(debit.items.reduce((s, i) => s + i.normHoursCenti, 0));
        },
      ),
    );
  });
});

const order = (id: number, status: QueueOrder['status'], approvedAt: string, stages: [number, 'pending' | 'accepted'][]): QueueOrder => ({
  id,
  status,
  approvedAt,
  stages: stages.map(([normHoursCenti, s], i) => ({ n: i + 1, status: s, normHoursCenti })),
});

describe('the queue', () => {
  it('an order starts when the balance covers it, or its first stage when staged', () => {
    expect(startNeed(order(1, 'queued', 'a', [[5000, 'pending']]))).toBe(5000);
    expect(
      startNeed(
        order(1, 'queued', 'a', [
          [2000, 'pending'],
          [3000, 'pending'],
        ]),
      ),
    ).toBe(2000);
    expect(
      reconcile(1999, 0, [
        order(1, 'queued', 'a', [
          [2000, 'pending'],
          [3000, 'pending'],
        ]),
      ]),
    ).toEqual([]);
    expect(
      reconcile(2000, 0, [
        order(1, 'queued', 'a', [
          [2000, 'pending'],
          [3000, 'pending'],
        ]),
      ]),
    ).toEqual([{ orderId: 1, from: 'queued', to: 'in_progress' }]);
    expect(reconcile(4999, 0, [order(1, 'queued', 'a', [[5000, 'pending']])])).toEqual([]);
  });

  it('pauses after a stage when the next cannot be paid; resumes when it can; overdraft counts', () => {
    const running = order(1, 'in_progress', 'a', [
      [2000, 'accepted'],
      [3000, 'pending'],
    ]);
    expect(reconcile(1000, 0, [running])).toEqual([{ orderId: 1, from: 'in_progress', to: 'paused' }]);
    expect(reconcile(3000, 0, [{ ...running, status: 'paused' }])).toEqual([{ orderId: 1, from: 'paused', to: 'in_progress' }]);
    expect(reconcile(1000, 2000, [running])).toEqual([]);
  });

  it('runs in order of final approval: earlier orders reserve the balance first', () => {
    const early = order(2, 'queued', '2026-01-01T10:00:00Z', [[3000, 'pending']]);
    const late = order(1, 'queued', '2026-01-02T10:00:00Z', [[3000, 'pending']]);
    expect(reconcile(4000, 0, [late, early])).toEqual([{ orderId: 2, from: 'queued', to: 'in_progress' }]);
    expect(reconcile(6000, 0, [late, early]).map((c) => c.orderId)).toEqual([2, 1]);
  });

  it('an order waiting for money does not hold back a smaller one behind it', () => {
    const big = order(1, 'queued', 'a', [[10_000, 'pending']]);
    const small = order(2, 'queued', 'b', [[1000, 'pending']]);
    expect(reconcile(2000, 0, [big, small])).toEqual([{ orderId: 2, from: 'queued', to: 'in_progress' }]);
  });

  it('an order with every stage accepted is done; final ones are left alone', () => {
    expect(reconcile(0, 0, [order(1, 'in_progress', 'a', [[100, 'accepted']])])).toEqual([{ orderId: 1, from: 'in_progress', to: 'done' }]);
    expect(reconcile(0, 0, [order(1, 'done', 'a', [[100, 'accepted']]), order(2, 'withdrawn', 'a', [[100, 'pending']])])).toEqual([]);
  });

  it('never lets running orders together need more than is available', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -5000, max: 50_000 }),
        fc.array(
          fc.tuple(
            fc.constantFrom('queued', 'in_progress', 'paused') as fc.Arbitrary<QueueOrder['status']>,
            fc.integer({ min: 1, max: 9000 }),
          ),
          { maxLength: 8 },
        ),
        (balance, specs) => {
          const orders = specs.map(([status, need], i) => order(i + 1, status, String(i).padStart(3, '0'), [[need, 'pending']]));
          const changes = reconcile(balance, 0, orders);
          const final = orders.map((o) => changes.find((c) => c.orderId === o.id)?.to ?? o.status);
          const reserved = orders.reduce((s, o, i) => s + (final[i] === 'in_progress' ? o.stages[0]!.normHoursCenti : 0), 0);
          expect(reserved <= Math.max(0, balance)).toBe(true);
        },
      ),
    );
  });
});

describe('month summaries', () => {
  const entry = (kind: ConsumptionEntry['kind'], normHoursCenti: number, moneyMinor = 0): ConsumptionEntry => ({
    entryId: 1,
    at: '',
    date: '',
    kind,
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
    normHoursCenti,
    moneyMinor,
    rateMinor: null,
    correctsEntryId: null,
    subtotalMinor: moneyMinor,
    discountMinor: 0,
    netMinor: moneyMinor,
    vatMinor: 0,
    totalMinor: moneyMinor,
    paymentRef: '',
    invoiceNumber: null,
    plannedHoursCenti: null,
    plannedNormHoursCenti: null,
    correctsKind: null,
  });
  it('closing = opening + top-ups − debits + corrections; money of the debits', () => {
    const s = summarize(1, 'A', 1000, [
      entry('topup', 5000),
      entry('debit', -2000, -6_000_000),
      entry('debit', -600, -1_800_000),
      entry('correction', -300),
    ]);
    expect(s).toMatchObject({
      openingCenti: 1000,
      topupsCenti: 5000,
      debitsCenti: 2600,
      correctionsCenti: -300,
      closingCenti: 3100,
      moneyMinor: 7_800_000,
    });
  });
});

import { funding, parseMarkdown, splitRemainder } from '../../worker/domain/crowdfunding';

describe('crowdfunding figures', () => {
  it('funded is computed from confirmed pledges only; cancelled ones do not count', () => {
    const est = [{ hoursCenti: 1000, kMilli: 1000 }];
    expect(funding(est, [{ customerId: 1, normHoursCenti: 1000, status: 'promised' }], 300_000, 'open').status).toBe('open');
    expect(funding(est, [{ customerId: 1, normHoursCenti: 1000, status: 'confirmed' }], 300_000, 'open').status).toBe('funded');
    expect(funding(est, [{ customerId: 1, normHoursCenti: 1000, status: 'cancelled' }], 300_000, 'open')).toMatchObject({
      funders: 0,
      remainingCenti: 1000,
    });
    expect(funding(est, [{ customerId: 1, normHoursCenti: 1000, status: 'confirmed' }], 300_000, 'in_development').status).toBe(
      'in_development',
    );
  });

  it('a split remainder adds up exactly, each share’s money to the kopeck', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 1, max: 10_000_000 }),
        (rem, n, rate) => {
          const s = splitRemainder(rem, n, rate);
          expect(s.sharesCenti.reduce((a, b) => a + b, 0)).toBe(rem);
          expect(s.perFunderCenti).toBe(Math.ceil(rem / n));
          expect(s.perFunderMinor).toBe(Number((BigInt(s.perFunderCenti) * BigInt(rate) * 2n + 100n) / 200n));
        },
      ),
    );
  });

  it('Markdown becomes a tree of safe nodes: no HTML, no javascript: links', () => {
    const blocks = parseMarkdown(
      '# Заголовок\nТекст <script>x</script> **жирный**\n\n- один\n- [ссылка](https://e.x)\n- [плохая](javascript:alert(1))',
    );
    expect(blocks[0]).toEqual({ t: 'h', level: 2, c: [{ t: 'text', v: 'Заголовок' }] });
    expect(blocks[1]).toEqual({
      t: 'p',
      c: [
        { t: 'text', v: 'Текст <script>x</script> ' },
        { t: 'strong', c: [{ t: 'text', v: 'жирный' }] },
      ],
    });
    expect(blocks[2]).toMatchObject({
      t: 'ul',
      items: [[{ t: 'text', v: 'один' }], [{ t: 'link', href: 'https://e.x' }], [{ t: 'text', v: 'плохая' }]],
    });
  });
});
