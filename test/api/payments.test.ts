/**
 * Top-ups are payments (issue 17): an amount in rubles or in norm-hours, the other computed at the
 * rate of the day and both stored, with the payment reference, dated on the company's calendar
 * (today by default and at most); and prepayment invoices — numbered, as PDF and Excel — that a
 * top-up settles once.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readPdf, allTexts } from '../pdf-read';
import { call, fails, ok } from '../support/api';
import { allowBackdating, balance, key, newCustomer } from '../support/money';

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Moscow' }).format(new Date());
const pay = (customerId: number, body: Record<string, unknown>, k = key()) =>
  call('POST', `/api/customers/${customerId}/ledger`, {
    as: 'accountant',
    headers: { 'idempotency-key': k },
    body: { kind: 'topup', ...body },
  });

async function setRate(rateMinor: number) {
  const s = await ok('GET', '/api/settings');
  if (s.rateMinor !== rateMinor) await ok('PATCH', '/api/settings', { as: 'admin', body: { version: s.version, rateMinor } });
}

describe('a top-up is a payment', () => {
  it('in rubles: the norm-hours are ROUND(amount ÷ rate, 2) at the rate of the day; both stored with the payment reference', async () => {
    await setRate(300_000);
    const c = await newCustomer();
    const res = await pay(c.id, { amountMinor: 12_345_678, paymentRef: 'п/п № 512 от 01.12.2026', memo: 'Пакет поддержки' });
    expect(res.status).toBe(201);
    const { entry, balanceCenti } = (await res.json()) as any;
    // 123 456,78 ₽ ÷ 3 000 ₽ = 41,152… → 41,15 norm-hours.
    expect(entry).toMatchObject({
      kind: 'topup',
      normHoursCenti: 4115,
      moneyMinor: 12_345_678,
      rateMinor: 300_000,
      paymentRef: 'п/п № 512 от 01.12.2026',
    });
    // The installation's VAT (22 % on top) as the invoice for it would carry it.
    expect(entry).toMatchObject({ vatMode: 'on_top', vatRateMilli: 220, vatMinor: 2_716_049, totalMinor: 15_061_727 });
    expect(balanceCenti).toBe(4115);
    const ledger = await ok<any[]>('GET', `/api/customers/${c.id}/ledger`);
    expect(ledger[0]).toMatchObject({ paymentRef: 'п/п № 512 от 01.12.2026', moneyMinor: 12_345_678 });
  });

  it('in norm-hours: the money is ROUND(norm-hours × rate, 2) at the rate of that day, not of a later one', async () => {
    await setRate(275_050);
    const c = await newCustomer();
    const { entry } = (await (await pay(c.id, { normHoursCenti: 333 })).json()) as any;
    expect(entry).toMatchObject({ normHoursCenti: 333, moneyMinor: 915_917, rateMinor: 275_050 }); // 3,33 × 2 750,50 = 9 159,165 → 9 159,17
    await setRate(300_000);
    expect((await ok<any[]>('GET', `/api/customers/${c.id}/ledger`))[0]).toMatchObject({ moneyMinor: 915_917, rateMinor: 275_050 });
  });

  it('one of the two, positive, and enough to buy 0,01 norm-hour', async () => {
    await setRate(300_000);
    const c = await newCustomer();
    for (const body of [{}, { normHoursCenti: 100, amountMinor: 300_000 }]) {
      const res = await pay(c.id, body);
      expect(res.status).toBe(400);
    }
    expect((await pay(c.id, { amountMinor: -100 })).status).toBe(400);
    const small = await pay(c.id, { amountMinor: 1499 }); // 14,99 ₽ buys 0,005 norm-hours: 0,00 after rounding
    expect(small.status).toBe(422);
    expect(((await small.json()) as any).error.code).toBe('topup_too_small');
    expect((await pay(c.id, { amountMinor: 1500 })).status).toBe(201); // 15,00 ₽ = 0,005 → 0,01
    await fails(
      'POST',
      `/api/customers/${c.id}/ledger`,
      { as: 'accountant', body: { kind: 'correction', normHoursCenti: -1, memo: 'x', paymentRef: 'п/п 1' } },
      400,
      'validation_failed',
    );
    await fails(
      'POST',
      `/api/customers/${c.id}/ledger`,
      { as: 'accountant', body: { kind: 'topup', normHoursCenti: 100, correctsEntryId: 1 } },
      400,
      'validation_failed',
    );
    expect(await balance(c.id)).toBe(1);
  });

  it('dated on the company’s calendar: today by default and at most; an earlier day means its start there', async () => {
    await allowBackdating(60);
    const c = await newCustomer();
    const now = (await (await pay(c.id, { normHoursCenti: 100 })).json()) as any;
    expect(Math.abs(Date.parse(now.entry.at) - Date.now())).toBeLessThan(120_000);
    const onToday = (await (await pay(c.id, { normHoursCenti: 100, at: today() })).json()) as any;
    expect(Math.abs(Date.parse(onToday.entry.at) - Date.now())).toBeLessThan(120_000);
    const [y, m, d] = today().split('-').map(Number) as [number, number, number];
    const tomorrow = new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
    const future = await pay(c.id, { normHoursCenti: 100, at: tomorrow });
    expect(future.status).toBe(400);
    expect(((await future.json()) as any).error.details[0].field).toBe('at');
    const tenDaysAgo = new Date(Date.UTC(y, m - 1, d - 10)).toISOString().slice(0, 10);
    const back = (await (await pay(c.id, { normHoursCenti: 100, at: tenDaysAgo, paymentRef: 'п/п 7' })).json()) as any;
    // Midnight in Moscow (UTC+3) is 21:00 UTC the day before.
    expect(back.entry.at).toBe(`${new Date(Date.UTC(y, m - 1, d - 11)).toISOString().slice(0, 10)}T21:00:00.000Z`);
  });
});

describe('prepayment invoices', () => {
  it(
    'numbered per year, N norm-hours at today’s rate with the settings’ VAT; settled once by a top-up that takes its ' + 'figures',
    async () => {
      await setRate(300_000);
      const c = await newCustomer();
      const first = await ok(
        'POST',
        `/api/customers/${c.id}/invoices`,
        { as: 'accountant', body: { normHoursCenti: 4000, memo: 'Пакет на декабрь' } },
        201,
      );
      const second = await ok('POST', `/api/customers/${c.id}/invoices`, { as: 'admin', body: { normHoursCenti: 150 } }, 201);
      const year = today().slice(0, 4);
      expect(first.number).toMatch(new RegExp(`^INV-${year}-\\d{4}$`));
      expect(Number(second.number.slice(-4))).toBe(Number(first.number.slice(-4)) + 1);
      expect(first).toMatchObject({
        status: 'issued',
        issuedOn: today(),
        normHoursCenti: 4000,
        rateMinor: 300_000,
        subtotalMinor: 12_000_000,
        vatMode: 'on_top',
        vatRateMilli: 220,
        vatMinor: 2_640_000,
        totalMinor: 14_640_000,
      });
      await fails('POST', `/api/customers/${c.id}/invoices`, { as: 'manager', body: { normHoursCenti: 100 } }, 403);
      expect((await ok<any[]>(`GET`, `/api/customers/${c.id}/invoices`)).map((i) => i.number)).toEqual([second.number, first.number]);

      // The rate changes before the customer pays: the invoice keeps its figures.
      await setRate(350_000);
      const settled = await pay(c.id, { invoiceId: first.id });
      expect(settled.status).toBe(201);
      const { entry } = (await settled.json()) as any;
      expect(entry).toMatchObject({
        normHoursCenti: 4000,
        moneyMinor: 12_000_000,
        vatMinor: 2_640_000,
        totalMinor: 14_640_000,
        rateMinor: 300_000,
        paymentRef: first.number,
        invoiceId: first.id,
        memo: 'Пакет на декабрь',
      });
      expect(await ok('GET', `/api/invoices/${first.id}`)).toMatchObject({
        status: 'paid',
        paidEntryId: entry.id,
        paymentRef: first.number,
      });
      const again = await pay(c.id, { invoiceId: first.id });
      expect(again.status).toBe(409);
      expect(((await again.json()) as any).error.code).toBe('invoice_paid');
      expect((await pay(c.id, { invoiceId: second.id, normHoursCenti: 10 })).status).toBe(400); // the invoice sets the amounts
      const other = await newCustomer();
      expect((await pay(other.id, { invoiceId: second.id })).status).toBe(400);
      await ok('POST', `/api/invoices/${second.id}/cancel`, { as: 'accountant' });
      const cancelled = await pay(c.id, { invoiceId: second.id });
      expect(cancelled.status).toBe(409);
      expect(((await cancelled.json()) as any).error.code).toBe('invoice_cancelled');
      await fails('POST', `/api/invoices/${first.id}/cancel`, { as: 'accountant' }, 409, 'invoice_paid');
      expect(await balance(c.id)).toBe(4000);
      await setRate(300_000);
    },
  );

  it('as Excel (live formulas) and as a PDF with its number, the payer, the total to pay and the signatures', async () => {
    await setRate(300_000);
    const c = await ok(
      'POST',
      '/api/customers',
      {
        as: 'accountant',
        body: { name: 'Колледж связи', legalName: 'ГБПОУ «Колледж связи № 54»', taxId: '7701234567', address: 'Москва, ул. Связистов, 1' },
      },
      201,
    );
    const inv = await ok('POST', `/api/customers/${c.id}/invoices`, { as: 'accountant', body: { normHoursCenti: 1234 } }, 201);
    const xlsx = await call('GET', `/api/invoices/${inv.id}/invoice.xlsx?lang=ru`, { as: 'manager' });
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-disposition')).toContain(inv.number);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await xlsx.arrayBuffer());
    const ws = wb.worksheets[0]!;
    expect(String(ws.getCell('A1').value)).toBe(`Счёт на оплату № ${inv.number} от ${today().split('-').reverse().join('.')}`);
    expect((ws.getCell('F5').value as any).formula).toBe('ROUND(C5*E5,2)');
    expect((ws.getCell('F5').value as any).result).toBe(37_020); // 12,34 × 3 000
    expect(ws.getCell('F7').value as any).toMatchObject({ formula: 'ROUND(F6*E7,2)', result: 8144.4 });
    expect(ws.getCell('F8').value as any).toMatchObject({ formula: 'F6+F7', result: 45_164.4 });
    const text: string[] = [];
    ws.eachRow((row) => row.eachCell((cell) => typeof cell.value === 'string' && text.push(cell.value)));
    expect(text.join('\n')).toContain('Плательщик: ГБПОУ «Колледж связи № 54», ИНН 7701234567');

    const pdf = await call('GET', `/api/invoices/${inv.id}/invoice.pdf?lang=ru`, { as: 'accountant' });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const read = await readPdf(new Uint8Array(await pdf.arrayBuffer()));
    const all = allTexts(read).join(' ');
    for (const expected of [
      `Счёт на оплату № ${inv.number}`,
      'ГБПОУ «Колледж связи № 54»',
      'ИНН 7701234567',
      'Всего к оплате',
      '45\u00a0164,40\u00a0₽',
      'НДС 22\u00a0%',
      'Руководитель',
      'Главный бухгалтер',
      'М. П.',
    ]) {
      expect(all, expected).toContain(expected);
    }
    expect(read.pages).toHaveLength(1);
  });
});
