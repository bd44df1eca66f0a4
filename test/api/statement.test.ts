/**
 * A statement per customer per month (issue 17): opening balance, top-ups with their payments,
 * debits by order and stage with planned vs actual hours, corrections with reasons, closing
 * balance, the money of the month, the signature block — as JSON, as Excel (its formulas give the
 * figures they carry) and as a PDF (its text read back). Only the accountant and the admin get it.
 */
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { formulaCells } from '../e2e/excel-check';
import { call, fails, ok } from '../support/api';
import { allTexts, readPdf } from '../pdf-read';
import { acceptStage, key, runningOrder, thisMonth } from '../support/money';

let customerId = 0;
let orderNumber = '';
const month = thisMonth();

beforeAll(async () => {
  const c = await ok(
    'POST',
    '/api/customers',
    { as: 'accountant', body: { name: 'Университет «Север»', legalName: 'ФГБОУ ВО «Северный университет»', taxId: '2901000001' } },
    201,
  );
  customerId = c.id;
  const paid = await ok(
    'POST',
    `/api/customers/${c.id}/ledger`,
    { as: 'accountant', body: { kind: 'topup', amountMinor: 30_000_000, paymentRef: 'п/п № 77 от 02.12.2026', memo: 'Пакет поддержки' } },
    201,
  );
  const order = await runningOrder(
    c.id,
    [['2.2'], ['4.5', 1000], ['3.3.1', 1500]],
    { split: 'by_line' },
    { discountRateMilli: 50, vatMode: 'on_top', vatRateMilli: 220 },
  );
  orderNumber = order.number;
  expect((await acceptStage(order.id, 1)).status).toBe(200);
  expect((await acceptStage(order.id, 2, key(), { actualHoursCenti: 1400, confirmOverrun: true })).status).toBe(200);
  expect((await acceptStage(order.id, 3, key(), { actualHoursCenti: 1200 })).status).toBe(200);
  const debit = (await ok<any[]>('GET', `/api/customers/${c.id}/ledger`)).find((e) => e.kind === 'debit' && e.stageN === 3);
  await ok(
    'POST',
    `/api/customers/${c.id}/ledger`,
    {
      as: 'accountant',
      body: { kind: 'correction', normHoursCenti: 200, memo: 'Два часа на исправление нашей ошибки', correctsEntryId: debit.id },
    },
    201,
  );
  await ok(
    'POST',
    `/api/customers/${c.id}/ledger`,
    {
      as: 'accountant',
      body: { kind: 'correction', normHoursCenti: -500, memo: 'Часть платежа возвращена', correctsEntryId: paid.entry.id },
    },
    201,
  );
});

describe('the customer’s month statement', () => {
  it('as JSON: the month’s balance, payments, debits planned against actual, corrections with what they correct, the money', async () => {
    const s = await ok('GET', `/api/customers/${customerId}/statement?month=${month}`, { as: 'accountant' });
    expect(s.customer).toMatchObject({ name: 'Университет «Север»', legalName: 'ФГБОУ ВО «Северный университет»', taxId: '2901000001' });
    expect(s).toMatchObject({ openingCenti: 0, closed: false });
    expect(s.topups).toEqual([
      expect.objectContaining({ paymentRef: 'п/п № 77 от 02.12.2026', normHoursCenti: 10_000, netMinor: 30_000_000 }),
    ]);
    expect(s.orders).toHaveLength(1);
    expect(s.orders[0].orderNumber).toBe(orderNumber);
    expect(s.orders[0].stages.map((st: any) => [st.n, st.plannedNormHoursCenti, st.normHoursCenti])).toEqual([
      [1, 2000, 2000],
      [2, 600, 840],
      [3, 1500, 1200],
    ]);
    expect(s.corrections.map((x: any) => [x.memo, x.corrects.kind, x.normHoursCenti])).toEqual([
      ['Два часа на исправление нашей ошибки', 'debit', 200],
      ['Часть платежа возвращена', 'topup', -500],
    ]);
    const debits = s.totals.debits;
    expect(debits.normHoursCenti).toBe(2000 + 840 + 1200);
    expect(s.totals.services.netMinor).toBe(debits.netMinor - s.totals.corrections.netMinor);
    expect(s.totals.services.totalMinor).toBe(debits.totalMinor - s.totals.corrections.totalMinor);
    expect(s.totals.topupsMinor).toBe(30_000_000 - 1_500_000);
    expect(s.closingCenti).toBe(10_000 - 4040 + 200 - 500);
    const report = (await ok('GET', `/api/reports/consumption?month=${month}&customerId=${customerId}`, { as: 'accountant' })).customers[0];
    expect(s.totals.services).toEqual({ netMinor: report.netMinor, vatMinor: report.vatMinor, totalMinor: report.totalMinor });
    expect(s.closingCenti).toBe(report.closingCenti);
    await fails('GET', `/api/customers/${customerId}/statement.xlsx?month=${month}`, { as: 'manager' }, 403);
  });

  it('as Excel: a summary whose formulas chain to the sheets’ totals, every formula carrying what it computes', async () => {
    const res = await call('GET', `/api/customers/${customerId}/statement.xlsx?month=${month}&lang=ru`, { as: 'accountant' });
    expect(res.status).toBe(200);
    expect(decodeURIComponent(res.headers.get('content-disposition')!)).toContain(`Выписка ${month} Университет «Север».xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Выписка',
      'Пополнения баланса (оплаты)',
      'Списания по заявкам и этапам',
      'Корректировки',
    ]);
    const cells = formulaCells(wb);
    expect(cells.length).toBeGreaterThan(20);
    for (const c of cells) expect(Math.abs(c.computed - (c.result ?? 0)), `${c.sheet}!${c.address} ${c.formula}`).toBeLessThan(1e-9);
    const s = await ok('GET', `/api/customers/${customerId}/statement?month=${month}`, { as: 'accountant' });
    const summary = wb.worksheets[0]!;
    const byLabel = (label: string) => {
      let found: ExcelJS.Row | undefined;
      summary.eachRow((row) => {
        if (row.getCell(1).value === label) found = row;
      });
      if (!found) throw new Error(`no row ${label}`);
      return found;
    };
    const result = (v: unknown) => (typeof v === 'number' ? v : ((v as { result?: number }).result ?? 0));
    expect(Math.round(result(byLabel('Остаток на конец месяца').getCell(2).value) * 100)).toBe(s.closingCenti);
    const services = byLabel('Оказано услуг за месяц');
    expect([2, 3, 4].map((col) => Math.round(result(services.getCell(col).value) * 100))).toEqual([
      s.totals.services.netMinor,
      s.totals.services.vatMinor,
      s.totals.services.totalMinor,
    ]);
    const text: string[] = [];
    summary.eachRow((row) => row.eachCell((c) => typeof c.value === 'string' && text.push(c.value)));
    expect(text.join('\n')).toMatch(/Заказчик: ФГБОУ ВО «Северный университет», ИНН 2901000001/);
    expect(text.join('\n')).toContain('Услуги оказаны полностью и в срок.');
    const debits = wb.worksheets[2]!;
    const rows: unknown[][] = [];
    debits.eachRow((row, n) => n > 4 && rows.push((row.values as unknown[]).slice(1)));
    expect(rows.some((r) => r.includes('4.5') && r.includes(10) && r.includes(14))).toBe(true); // planned 10 h, actual 14 h
  });

  it('as a PDF: every section, planned against actual, the money and the signature block on its pages', async () => {
    const res = await call('GET', `/api/customers/${customerId}/statement.pdf?month=${month}&lang=ru`, { as: 'admin' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const pdf = await readPdf(new Uint8Array(await res.arrayBuffer()));
    const all = allTexts(pdf).join('\n');
    for (const expected of [
      'Выписка по балансу нормо-часов и акт оказанных услуг',
      'ФГБОУ ВО «Северный университет»',
      'Пополнения баланса (оплаты)',
      'п/п № 77 от 02.12.2026',
      `Заявка ${orderNumber}`,
      'Списания по заявкам и этапам',
      'Два часа на исправление нашей ошибки',
      'Оказано услуг за месяц (всего)',
      'Исполнитель',
      'Заказчик',
      'М. П.',
      'Страница 1 из',
    ]) {
      expect(all, expected).toContain(expected);
    }
    const s = await ok('GET', `/api/customers/${customerId}/statement?month=${month}`, { as: 'accountant' });
    const money = (m: number) =>
      `${new Intl.NumberFormat('ru-RU', { minimumFractionDigits: 2 }).format(m / 100).replace(/\s/g, '\u00a0')}\u00a0₽`;
    expect(all).toContain(money(s.totals.services.totalMinor));
  });
});
