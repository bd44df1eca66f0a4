/**
 * The accountant's truth (issue 17): the money of a debit is the accepted quote's — norm-hours ×
 * rate, less the quote's discount, VAT as the quote had it — in the sign-off's answer, the ledger,
 * the month report (per entry and per customer, JSON and Excel) and the customer's statement; and
 * once every stage is signed off at its estimate, the debits come to the quote's totals to the
 * kopeck, whatever the quote (fast-check over random quotes, discounts and VAT modes).
 */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { call, ok } from '../support/api';
import { acceptStage, acceptedQuote, newCustomer, thisMonth, topup, type LineSpec, type QuoteTerms } from '../support/money';

const MONEY = ['netMinor', 'vatMinor', 'totalMinor'] as const;
const pick = (x: Record<string, number>) => Object.fromEntries(MONEY.map((k) => [k, x[k]]));

/** The quote's totals as the services' money: net = subtotal − discount. */
const quoteMoney = (q: any) => ({
  netMinor: q.totals.subtotalMinor - q.totals.discountMinor,
  vatMinor: q.totals.vatMinor,
  totalMinor: q.totals.totalMinor,
});

/** Signs off every stage of the order at its estimate. */
async function signOffAll(order: any) {
  const answers = [];
  for (const s of order.stages) {
    const res = await acceptStage(order.id, s.n);
    expect(res.status, JSON.stringify(await res.clone().json())).toBe(200);
    answers.push(((await res.json()) as any).debit);
  }
  return answers;
}

/** The customer's month in the report (with entries), its summary row, the statement, and the workbook's figures. */
async function monthOf(customerId: number) {
  const month = thisMonth();
  const report = await ok('GET', `/api/reports/consumption?month=${month}&customerId=${customerId}`, { as: 'accountant' });
  const summary = await ok('GET', `/api/reports/consumption?month=${month}`, { as: 'accountant' });
  const statement = await ok('GET', `/api/customers/${customerId}/statement?month=${month}`, { as: 'accountant' });
  const res = await call('GET', `/api/reports/consumption.xlsx?month=${month}&customerId=${customerId}&lang=ru`, { as: 'accountant' });
  expect(res.status).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await res.arrayBuffer());
  const ws = wb.worksheets[0]!;
  // The summary's row of the customer: G..J are net, VAT, total of services, and paid.
  const value = (col: string) => {
    const v = ws.getCell(`${col}5`).value as { result?: number } | number;
    return Math.round((typeof v === 'number' ? v : (v.result ?? 0)) * 100); // exceljs reads a cached 0 as no result
  };
  return {
    customer: report.customers[0],
    row: summary.customers.find((c: any) => c.customerId === customerId),
    statement,
    excel: { netMinor: value('G'), vatMinor: value('H'), totalMinor: value('I'), paidMinor: value('J') },
  };
}

describe('the money of a debit is the accepted quote’s', () => {
  it('a 10 %-discounted 2.5 is 172 800,00 ₽ net, 38 016,00 ₽ VAT, 210 816,00 ₽ — not 192 000 ₽ — everywhere', async () => {
    const c = await newCustomer();
    await topup(c.id, 6400);
    const q = await acceptedQuote(c.id, [['2.5']], { discountRateMilli: 100, vatMode: 'on_top', vatRateMilli: 220 });
    expect(q.totals).toMatchObject({ subtotalMinor: 19_200_000, discountMinor: 1_920_000, vatMinor: 3_801_600, totalMinor: 21_081_600 });
    const order = await ok('POST', `/api/quotes/${q.id}/order`, {}, 201);
    expect(order.terms).toEqual({ discountRateMilli: 100, vatMode: 'on_top', vatRateMilli: 220 });
    expect(order.stages[0].plan).toMatchObject({ netMinor: 17_280_000, vatMinor: 3_801_600, totalMinor: 21_081_600 });
    const [debit] = await signOffAll(order);
    expect(debit).toMatchObject({
      normHoursCenti: 6400,
      subtotalMinor: 19_200_000,
      discountMinor: 1_920_000,
      moneyMinor: 17_280_000,
      netMinor: 17_280_000,
      vatMinor: 3_801_600,
      totalMinor: 21_081_600,
    });

    const ledger = await ok<any[]>('GET', `/api/customers/${c.id}/ledger`);
    const entry = ledger.find((e) => e.kind === 'debit');
    expect(entry).toMatchObject({
      moneyMinor: -17_280_000,
      subtotalMinor: -19_200_000,
      discountMinor: -1_920_000,
      vatMinor: -3_801_600,
      totalMinor: -21_081_600,
      discountRateMilli: 100,
      vatMode: 'on_top',
      vatRateMilli: 220,
    });
    expect(entry.items[0]).toMatchObject({
      code: '2.5',
      plannedNormHoursCenti: 6400,
      normHoursCenti: -6400,
      netMinor: -17_280_000,
      totalMinor: -21_081_600,
    });

    const m = await monthOf(c.id);
    const expected = { netMinor: 17_280_000, vatMinor: 3_801_600, totalMinor: 21_081_600 };
    expect(m.customer).toMatchObject({ ...expected, moneyMinor: 17_280_000, debitsCenti: 6400 });
    expect(m.customer.entries.find((e: any) => e.kind === 'debit')).toMatchObject({
      netMinor: -17_280_000,
      vatMinor: -3_801_600,
      totalMinor: -21_081_600,
      plannedNormHoursCenti: 6400,
    });
    expect(m.row).toMatchObject({ ...expected, moneyMinor: 17_280_000 });
    expect(m.row.entries).toBeUndefined(); // the summary has no entries (API.md)
    expect(m.statement.totals.services).toEqual(expected);
    expect(m.statement.orders[0].stages[0]).toMatchObject({ ...expected, plannedNormHoursCenti: 6400, normHoursCenti: 6400 });
    expect(pick(m.excel)).toEqual(expected);
  });

  for (const [mode, rate] of [
    ['included', 220],
    ['none', 0],
  ] as const) {
    it(`VAT ${mode}: three stages add up to the quote’s totals, and so do the report, the statement and the workbook`, async () => {
      const c = await newCustomer();
      await topup(c.id, 20_000);
      const lines: LineSpec[] = [['2.2'], ['4.3', 333], ['3.3.1', 1717, undefined, 1500]];
      const q = await acceptedQuote(c.id, lines, { discountRateMilli: 75, vatMode: mode, vatRateMilli: rate });
      const order = await ok('POST', `/api/quotes/${q.id}/order`, { body: { split: 'by_line' } }, 201);
      const debits = await signOffAll(order);
      const sum = Object.fromEntries(MONEY.map((k) => [k, debits.reduce((s, d) => s + d[k], 0)]));
      expect(sum).toEqual(quoteMoney(q));
      const m = await monthOf(c.id);
      expect(pick(m.customer)).toEqual(quoteMoney(q));
      expect(pick(m.row)).toEqual(quoteMoney(q));
      expect(m.statement.totals.services).toEqual(quoteMoney(q));
      expect(pick(m.excel)).toEqual(quoteMoney(q));
      if (mode === 'none') expect(m.customer.vatMinor).toBe(0);
    });
  }

  it('a correction of a debit gives its money back; the month’s services are the debits less it', async () => {
    const c = await newCustomer();
    await topup(c.id, 3000);
    const q = await acceptedQuote(c.id, [['2.2']], { discountRateMilli: 100, vatMode: 'on_top', vatRateMilli: 220 });
    const order = await ok('POST', `/api/quotes/${q.id}/order`, {}, 201);
    await signOffAll(order);
    const debit = (await ok<any[]>('GET', `/api/customers/${c.id}/ledger`)).find((e) => e.kind === 'debit');
    const half = await ok(
      'POST',
      `/api/customers/${c.id}/ledger`,
      { as: 'accountant', body: { kind: 'correction', normHoursCenti: 1000, memo: 'половина не понадобилась', correctsEntryId: debit.id } },
      201,
    );
    // 10 h × 3 000 ₽ = 30 000, less 10 %: 27 000 net, 5 940 VAT.
    expect(half.entry).toMatchObject({ moneyMinor: 2_700_000, vatMinor: 594_000, totalMinor: 3_294_000 });
    const rest = await ok(
      'POST',
      `/api/customers/${c.id}/ledger`,
      { as: 'accountant', body: { kind: 'correction', normHoursCenti: 1000, memo: 'и вторая', correctsEntryId: debit.id } },
      201,
    );
    // The last part takes exactly what is left: the debit is reversed to the kopeck.
    expect(rest.entry.netMinor + half.entry.netMinor).toBe(-debit.netMinor);
    expect(rest.entry.totalMinor + half.entry.totalMinor).toBe(-debit.totalMinor);
    const m = await monthOf(c.id);
    expect(pick(m.customer)).toEqual({ netMinor: 0, vatMinor: 0, totalMinor: 0 });
    expect(m.statement.totals.corrections).toEqual({ netMinor: -debit.netMinor, vatMinor: -debit.vatMinor, totalMinor: -debit.totalMinor });
    expect(pick(m.excel)).toEqual({ netMinor: 0, vatMinor: 0, totalMinor: 0 });
  });
});

describe('every stage at its estimate comes to the quote’s totals (fast-check)', () => {
  const codes = ['2.2', '2.4', '2.6', '3.2.1', '4.2', '4.8', '5.3', '2.1'];
  const line = fc.record({
    code: fc.constantFrom(...codes),
    hoursCenti: fc.integer({ min: 50, max: 4000 }),
    quantityMilli: fc.constantFrom(1000, 1500, 2000, 3000, 333),
  });
  const quote = fc.record({
    lines: fc.array(line, { minLength: 1, maxLength: 5 }),
    discountRateMilli: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 300 })),
    vatMode: fc.constantFrom<NonNullable<QuoteTerms['vatMode']>>('none', 'on_top', 'included'),
    vatRateMilli: fc.constantFrom(0, 100, 200, 220),
    split: fc.constantFrom('by_line', 'single'),
  });

  it('Σ debits = the quote’s net, VAT and total; the report, its summary, the statement and the workbook say the same', async () => {
    await fc.assert(
      fc.asyncProperty(quote, async (g) => {
        const c = await newCustomer();
        await topup(c.id, 10_000_000);
        const lines: LineSpec[] = g.lines.map((l) => [
          l.code,
          l.code === '2.2' || l.code === '2.4' ? undefined : l.hoursCenti,
          undefined,
          l.quantityMilli,
        ]);
        const q = await acceptedQuote(c.id, lines, {
          discountRateMilli: g.discountRateMilli,
          vatMode: g.vatMode,
          vatRateMilli: g.vatRateMilli,
        });
        const order = await ok('POST', `/api/quotes/${q.id}/order`, { body: { split: g.split } }, 201);
        const planned = Object.fromEntries(MONEY.map((k) => [k, order.stages.reduce((s: number, st: any) => s + st.plan[k], 0)]));
        expect(planned).toEqual(quoteMoney(q));
        const debits = await signOffAll(order);
        expect(Object.fromEntries(MONEY.map((k) => [k, debits.reduce((s, d) => s + d[k], 0)]))).toEqual(quoteMoney(q));
        const m = await monthOf(c.id);
        expect(pick(m.customer)).toEqual(quoteMoney(q));
        expect(pick(m.row)).toEqual(quoteMoney(q));
        expect(m.statement.totals.services).toEqual(quoteMoney(q));
        expect(pick(m.excel)).toEqual(quoteMoney(q));
        // Per entry, the items add up to their debit.
        const items = m.customer.entries.filter((e: any) => e.kind === 'debit');
        expect(-items.reduce((s: number, e: any) => s + e.totalMinor, 0)).toBe(q.totals.totalMinor);
      }),
      { numRuns: 12, seed: 17 },
    );
  }, 240_000);
});
