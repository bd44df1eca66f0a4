/**
 * The accountant's journey (issue 17), typed and clicked as a person does: a top-up paid in
 * rubles with its payment order; a prepayment invoice issued, downloaded (Excel and PDF), paid and
 * another cancelled; a stage signed off with more hours than estimated, the overrun confirmed and
 * the order paused for balance; the customer's month statement downloaded from the report row;
 * a month closed and a back-dated top-up into it refused in words. Each result is then read back
 * through the API.
 */
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiGet, baseUrl, launch, loginAs, newContext, rub, SCREENSHOTS, shot } from './browser';
import { pdfPngs, pdfText } from './poppler';

let browser: Browser;
let accountant: Page;
let manager: Page;
let customer: { id: number; name: string };
let rateMinor: number;
let orderId: number;

beforeAll(async () => {
  browser = await launch();
  manager = await (await newContext(browser)).newPage();
  await loginAs(manager, 'manager');
  accountant = await (await newContext(browser)).newPage();
  await loginAs(accountant, 'accountant');
  customer = await api(manager, 'POST', '/api/customers', { name: 'Техникум бухгалтерского учёта' });
  rateMinor = (await apiGet(accountant, '/api/settings')).rateMinor;
});
afterAll(async () => {
  await browser?.close();
});

async function api(page: Page, method: string, path: string, data?: unknown, headers: Record<string, string> = {}) {
  const res = await page.request.fetch(`${baseUrl()}${path}`, { method, data, headers: { origin: baseUrl(), ...headers } });
  if (!res.ok()) throw new Error(`${method} ${path} → ${res.status()} ${await res.text()}`);
  return res.json();
}

const hoursText = (centi: number) =>
  `${(centi / 100)
    .toFixed(2)
    .replace('.', ',')
    .replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0')}\u00a0ч`;
/** ROUND(amount ÷ rate, 2) in hundredths, as the server computes a payment's norm-hours. */
const hoursBought = (amountMinor: number) => Math.round((amountMinor * 100) / rateMinor);

async function workbook(path: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await readFile(path)) as unknown as ArrayBuffer);
  return wb;
}
/** A cell's number: a value, or a formula's result. */
const numberOf = (v: unknown) =>
  typeof v === 'number' ? v : typeof (v as { result?: unknown })?.result === 'number' ? (v as { result: number }).result : null;

async function openCustomer(page: Page) {
  await page.getByRole('link', { name: 'Заказчики' }).click();
  await page.getByRole('link', { name: customer.name }).click();
  await page.getByRole('heading', { level: 1, name: customer.name }).waitFor();
}

describe('the accountant', () => {
  it('records a top-up paid in rubles with its payment order: the norm-hours at the rate of the day', async () => {
    await openCustomer(accountant);
    await accountant.getByRole('button', { name: '+ Пополнить' }).click();
    const dialog = accountant.getByRole('dialog');
    // Rubles are the default; the norm-hours they buy are shown as the amount is typed.
    await dialog.getByLabel(/Сумма оплаты/).fill('90 000');
    await expect
      .poll(() => dialog.locator('.field-hint').first().innerText())
      .toContain(`зачисляется ${hoursText(hoursBought(9_000_000))}`);
    await dialog.getByLabel('Платёжный документ').fill('п/п № 512 от 01.12.2026');
    await shot(accountant, '20-payment-dialog');
    await dialog.getByRole('button', { name: 'Пополнить' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => accountant.locator('table', { hasText: 'п/п № 512' }).count()).toBe(1);
    await expect.poll(() => accountant.locator('.stat-value').first().innerText()).toBe(hoursText(hoursBought(9_000_000)));

    const [entry] = await apiGet(accountant, `/api/customers/${customer.id}/ledger`);
    expect(entry).toMatchObject({
      kind: 'topup',
      moneyMinor: 9_000_000,
      normHoursCenti: hoursBought(9_000_000),
      paymentRef: 'п/п № 512 от 01.12.2026',
      rateMinor,
    });
  });

  it('issues a prepayment invoice, downloads it as Excel and PDF, records its payment; cancels another', async () => {
    await accountant.getByRole('button', { name: '+ Выставить счёт' }).click();
    let dialog = accountant.getByRole('dialog');
    await dialog.getByLabel('Нормо-часы').fill('12,5');
    await dialog.getByLabel(/Назначение/).fill('Предоплата консультаций');
    await dialog.getByRole('button', { name: 'Выставить счёт' }).click();
    await dialog.waitFor({ state: 'detached' });
    const [invoice] = await apiGet(accountant, `/api/customers/${customer.id}/invoices`);
    expect(invoice).toMatchObject({ status: 'issued', normHoursCenti: 1250, rateMinor, memo: 'Предоплата консультаций' });
    const row = accountant.locator('tr', { hasText: invoice.number });
    await expect.poll(() => row.innerText()).toContain('Выставлен');
    expect(await row.innerText()).toContain(rub(invoice.totalMinor));
    await shot(accountant, '21-invoices');

    const [xlsx] = await Promise.all([
      accountant.waitForEvent('download'),
      row.getByRole('button', { name: `${invoice.number} Excel` }).click(),
    ]);
    expect(xlsx.suggestedFilename()).toContain(invoice.number);
    const wb = await workbook((await xlsx.path())!);
    const figures: number[] = [];
    wb.worksheets[0]!.eachRow((r) =>
      r.eachCell((c) => {
        const n = numberOf(c.value);
        if (n !== null) figures.push(Math.round(n * 100));
      }),
    );
    expect(figures).toContain(invoice.subtotalMinor);
    expect(figures).toContain(invoice.totalMinor);
    const [pdf] = await Promise.all([
      accountant.waitForEvent('download'),
      row.getByRole('button', { name: `${invoice.number} PDF` }).click(),
    ]);
    const text = pdfText((await pdf.path())!);
    pdfPngs((await pdf.path())!, SCREENSHOTS, '28-invoice-pdf', 70);
    expect(text).toContain(`Счёт на оплату № ${invoice.number}`);
    expect(text.replace(/\s/g, '')).toContain(rub(invoice.totalMinor).replace(/\s/g, ''));

    // The payment arrives: the invoice sets the norm-hours and the amount.
    await row.getByRole('button', { name: 'Записать оплату' }).click();
    dialog = accountant.getByRole('dialog');
    expect(await dialog.getByLabel('Оплачивает счёт').inputValue()).toBe(String(invoice.id));
    await dialog.getByLabel('Платёжный документ').fill('п/п № 530');
    await dialog.getByRole('button', { name: 'Пополнить' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => row.innerText()).toContain('Оплачен');
    const paid = (await apiGet(accountant, `/api/customers/${customer.id}/invoices`)).find((i: any) => i.id === invoice.id);
    expect(paid).toMatchObject({ status: 'paid', paymentRef: 'п/п № 530' });
    const [entry] = await apiGet(accountant, `/api/customers/${customer.id}/ledger`);
    expect(entry).toMatchObject({ kind: 'topup', invoiceId: invoice.id, normHoursCenti: 1250, paymentRef: 'п/п № 530' });

    // A second invoice, issued by mistake, is cancelled after a confirmation.
    await accountant.getByRole('button', { name: '+ Выставить счёт' }).click();
    dialog = accountant.getByRole('dialog');
    await dialog.getByLabel('Нормо-часы').fill('3');
    await dialog.getByRole('button', { name: 'Выставить счёт' }).click();
    await dialog.waitFor({ state: 'detached' });
    const second = (await apiGet(accountant, `/api/customers/${customer.id}/invoices`)).find((i: any) => i.normHoursCenti === 300);
    const secondRow = accountant.locator('tr', { hasText: second.number });
    await secondRow.getByRole('button', { name: 'Отменить счёт' }).click();
    dialog = accountant.getByRole('dialog');
    expect(await dialog.innerText()).toContain(second.number);
    await dialog.getByRole('button', { name: 'Отменить счёт' }).click();
    await expect.poll(() => secondRow.innerText()).toContain('Отменён');
    expect((await apiGet(accountant, `/api/customers/${customer.id}/invoices`)).find((i: any) => i.id === second.id).status).toBe(
      'cancelled',
    );
  });

  it(
    'signs off a stage with more hours than estimated: planned against actual, the difference in ₽, confirmed; the ' + 'order pauses',
    async () => {
      // An accepted quote: consulting 2.6 estimated at 10 h (actual time), then 2.4 (fixed, 10 h), a stage each.
      const catalog: any[] = await api(manager, 'GET', '/api/catalog/items');
      const item = (code: string) => catalog.find((i) => i.code === code).id;
      let q = await api(manager, 'POST', '/api/quotes', { customerId: customer.id, title: 'Консультации и внедрение' });
      q = await api(manager, 'POST', `/api/quotes/${q.id}/lines`, { version: q.version, catalogItemId: item('2.6'), hoursCenti: 1000 });
      q = await api(manager, 'POST', `/api/quotes/${q.id}/lines`, { version: q.version, catalogItemId: item('2.4') });
      q = await api(manager, 'POST', `/api/quotes/${q.id}/send`, { version: q.version });
      const { token } = await api(manager, 'POST', `/api/quotes/${q.id}/share`, {});
      await api(manager, 'POST', `/api/shared/${token}/accept`, { name: 'Ирина Счетоводова' });
      const order = await api(manager, 'POST', `/api/quotes/${q.id}/order`, { split: 'by_line' });
      orderId = order.id;
      expect(order.status).toBe('in_progress');
      const before = (await apiGet(accountant, `/api/customers/${customer.id}/balance`)).normHoursCenti;

      await openCustomer(accountant);
      await accountant.getByRole('link', { name: order.number }).click();
      await accountant.getByRole('button', { name: 'Принять этап' }).click();
      const dialog = accountant.getByRole('dialog');
      const actual = dialog.getByLabel('Факт, ч 2.6');
      await actual.fill('50');
      // 40 h over the estimate, beyond the balance: the difference in norm-hours and in ₽ on the quote's terms, and a warning that asks.
      const extra = 4000;
      const net = Math.round((extra * rateMinor) / 100);
      const totals = q.totals;
      const money = q.vatMode === 'on_top' ? net + Math.round((net * q.vatRateMilli) / 1000) : net;
      await expect.poll(() => dialog.getByTestId('sign-off-difference').innerText()).toBe(`+${hoursText(extra)} · +${rub(money)}`);
      expect(totals.discountMinor).toBe(0);
      expect(await dialog.getByRole('alert').innerText()).toContain('больше оценки');
      expect(await dialog.innerText()).toContain('Баланса не хватает');
      const submit = dialog.getByRole('button', { name: 'Принять и списать' });
      expect(await submit.isDisabled()).toBe(true);
      await shot(accountant, '22-sign-off-overrun');
      await dialog.getByLabel('Подтверждаю работу сверх оценки').check();
      await submit.click();
      await dialog.waitFor({ state: 'detached' });
      await expect.poll(() => accountant.locator('.page-header .chip').innerText()).toBe('Пауза: мало нормо-часов');
      expect(await accountant.locator('.note-warning').first().innerText()).toContain('Не хватает');
      await accountant.getByRole('link', { name: 'Выставить счёт' }).waitFor();
      await shot(accountant, '23-order-paused');

      const after = await apiGet(accountant, `/api/orders/${orderId}`);
      expect(after.status).toBe('paused');
      expect(after.stages[0]).toMatchObject({ status: 'accepted', debitedCenti: 5000 });
      expect(after.stages[0].lines[0].actualHoursCenti).toBe(5000);
      expect((await apiGet(accountant, `/api/customers/${customer.id}/balance`)).normHoursCenti).toBe(before - 5000);
      expect(after.shortfall.normHoursCenti).toBe(1000 - (before - 5000));
    },
  );

  it('downloads the customer’s month statement from the report row; its figures are the API’s', async () => {
    await accountant.getByRole('link', { name: 'Отчёт за месяц' }).click();
    const month = await accountant.getByLabel('Месяц', { exact: true }).inputValue();
    const row = accountant.locator('tbody tr', { hasText: customer.name }).first();
    await row.waitFor();
    expect(await row.innerText()).toContain('Низкий баланс');
    await shot(accountant, '24-report-statement');
    const [download] = await Promise.all([accountant.waitForEvent('download'), row.getByRole('button', { name: 'Выписка Excel' }).click()]);
    expect(download.suggestedFilename()).toBe(`Выписка ${month} ${customer.name}.xlsx`);
    const wb = await workbook((await download.path())!);
    const s = await apiGet(accountant, `/api/customers/${customer.id}/statement?month=${month}`);
    const summary = wb.getWorksheet('Выписка')!;
    const byLabel = (label: string) => {
      let found: ExcelJS.Row | undefined;
      summary.eachRow((r) => {
        if (r.getCell(1).value === label) found = r;
      });
      if (!found) throw new Error(`no row «${label}»`);
      return found;
    };
    const cents = (r: ExcelJS.Row, col: number) => Math.round(numberOf(r.getCell(col).value)! * 100);
    expect(cents(byLabel('Остаток на конец месяца'), 2)).toBe(s.closingCenti);
    const services = byLabel('Оказано услуг за месяц');
    expect([2, 3, 4].map((c) => cents(services, c))).toEqual([
      s.totals.services.netMinor,
      s.totals.services.vatMinor,
      s.totals.services.totalMinor,
    ]);
    expect(s.totals.topupsMinor).toBe(9_000_000 + s.topups[1].netMinor);
    expect(s.topups.map((t: any) => t.paymentRef)).toEqual(['п/п № 512 от 01.12.2026', 'п/п № 530']);
    const topups: string[] = [];
    wb.getWorksheet('Пополнения баланса (оплаты)')!.eachRow((r) => r.eachCell((c) => typeof c.value === 'string' && topups.push(c.value)));
    expect(topups).toContain('п/п № 512 от 01.12.2026');
    // The debit sheet: planned 10 h against 50 h actual.
    const debits: unknown[][] = [];
    wb.getWorksheet('Списания по заявкам и этапам')!.eachRow((r) => debits.push((r.values as unknown[]).slice(1)));
    expect(debits.some((r) => r.includes('2.6') && r.includes(10) && r.includes(50))).toBe(true);
    // The same month's report row shows the statement's money.
    const cells = await row.locator('td').allInnerTexts();
    expect(cells.slice(6, 9)).toEqual([
      rub(s.totals.services.netMinor),
      rub(s.totals.services.vatMinor),
      rub(s.totals.services.totalMinor),
    ]);
    // And the PDF, one click away.
    const [pdf] = await Promise.all([accountant.waitForEvent('download'), row.getByRole('button', { name: 'Выписка PDF' }).click()]);
    expect(pdfText((await pdf.path())!).replace(/\s/g, '')).toContain('п/п№512');
    pdfPngs((await pdf.path())!, SCREENSHOTS, '29-statement-pdf', 70); // looked at by a person
  });

  it('closes a month after a confirmation; the report says so; a back-dated top-up into it is refused in words', async () => {
    const periods = await apiGet(accountant, '/api/periods');
    const month: string = periods.openFrom.slice(0, 7); // the oldest open month
    const current = await accountant.getByLabel('Месяц', { exact: true }).inputValue();
    expect(month < current).toBe(true);
    const before = await apiGet(accountant, `/api/reports/consumption?month=${month}`);
    expect(before.closed).toBe(false);

    await accountant.getByLabel('Месяц', { exact: true }).fill(month);
    await accountant.waitForURL(new RegExp(`month=${month}`));
    await accountant.getByRole('button', { name: 'Закрыть месяц' }).click();
    const dialog = accountant.getByRole('dialog');
    expect(await dialog.innerText()).toContain('цифры больше не изменятся');
    await shot(accountant, '25-close-month');
    await dialog.getByRole('button', { name: 'Закрыть месяц' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => accountant.locator('.note-info').innerText()).toContain('Месяц закрыт');
    expect(await accountant.getByRole('button', { name: 'Закрыть месяц' }).count()).toBe(0);
    await shot(accountant, '26-month-closed');
    expect((await apiGet(accountant, '/api/periods')).closedThrough).toBe(month);

    // A payment dated in the closed month: the server's refusal, in words, in the dialog; nothing written.
    const entries = (await apiGet(accountant, `/api/customers/${customer.id}/ledger`)).length;
    await openCustomer(accountant);
    await accountant.getByRole('button', { name: '+ Пополнить' }).click();
    const pay = accountant.getByRole('dialog');
    await pay.getByLabel(/Сумма оплаты/).fill('30000');
    await pay.getByLabel('Платёжный документ').fill('п/п № 401');
    await pay.getByLabel('Дата оплаты').fill(`${month}-15`);
    await pay.getByRole('button', { name: 'Пополнить' }).click();
    const refusal = pay.locator('.note-danger');
    await refusal.waitFor();
    expect(await refusal.innerText()).toMatch(/закрыт: записи в нём больше не появляются/);
    expect(await refusal.innerText()).not.toMatch(/period_closed/);
    await shot(accountant, '27-closed-month-refusal');
    expect((await apiGet(accountant, `/api/customers/${customer.id}/ledger`)).length).toBe(entries);
    // The closed month's figures did not change.
    const after = await apiGet(accountant, `/api/reports/consumption?month=${month}`);
    expect(after.closed).toBe(true);
    expect(after.totals).toEqual(before.totals);
  });

  it('sets the customer’s overdraft and low-balance threshold in the card’s form; a manager sees no such fields', async () => {
    // Each from the customer's card, opened afresh (earlier tests leave their pages where they ended).
    for (const page of [manager, accountant]) {
      await page.goto(`${baseUrl()}/customers/${customer.id}`);
      await page.getByRole('heading', { level: 1, name: customer.name }).waitFor();
    }
    await manager.getByRole('button', { name: 'Изменить' }).click();
    await manager.getByRole('dialog').waitFor();
    expect(await manager.getByLabel('Допустимый минус, нормо-ч').count()).toBe(0);
    await manager.keyboard.press('Escape');

    await accountant.getByRole('button', { name: 'Изменить' }).click();
    const dialog = accountant.getByRole('dialog');
    const overdraft = dialog.getByLabel('Допустимый минус, нормо-ч');
    await overdraft.fill('');
    await overdraft.pressSequentially('12,5');
    const threshold = dialog.getByLabel('Порог низкого баланса, нормо-ч');
    await threshold.fill('');
    await threshold.pressSequentially('сорок');
    await dialog.getByRole('button', { name: 'Сохранить' }).click();
    await dialog.getByText('Число нормо-часов, например 12,5').waitFor();
    expect((await apiGet(accountant, `/api/customers/${customer.id}`)).lowBalanceCenti).toBeNull();
    await threshold.fill('');
    await threshold.pressSequentially('40');
    await shot(accountant, '30-customer-credit-terms');
    await threshold.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    const saved = await apiGet(accountant, `/api/customers/${customer.id}`);
    expect(saved).toMatchObject({ overdraftCenti: 1250, lowBalanceCenti: 4000 });
    expect(saved.lowBalance.thresholdCenti).toBe(4000);
  });
});
