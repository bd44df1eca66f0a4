/**
 * Journey 3: the manager turns an accepted quote into a staged work order; the accountant
 * tops up the balance, accepts a stage and sees the balance fall by its billable
 * norm-hours, opens the month view with its chart and downloads the consumption workbook.
 */
import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiGet, baseUrl, launch, loginAs, newContext, rub, shot } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
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
    .replace(/\B(?=(\d{3})+(?!,))/g, '\u00a0')}\u00a0ч`;

describe('from an accepted quote to the month report', () => {
  it('order, top-up, stage acceptance, balance, month view, consumption workbook', async () => {
    const manager = await (await newContext(browser)).newPage();
    await loginAs(manager, 'manager');
    // An accepted quote for a new customer: 2.2 (20 h) and a content task of 10 h at K 0.6.
    const customer = await api(manager, 'POST', '/api/customers', { name: 'Лицей информационных технологий' });
    const catalog: any[] = await api(manager, 'GET', '/api/catalog/items');
    const item = (code: string) => catalog.find((i) => i.code === code).id;
    let q = await api(manager, 'POST', '/api/quotes', { customerId: customer.id, title: 'Шаблон и курс' });
    q = await api(manager, 'POST', `/api/quotes/${q.id}/lines`, { version: q.version, catalogItemId: item('2.2') });
    q = await api(manager, 'POST', `/api/quotes/${q.id}/lines`, { version: q.version, catalogItemId: item('4.1'), hoursCenti: 1000 });
    q = await api(manager, 'POST', `/api/quotes/${q.id}/send`, { version: q.version });
    const { token } = await api(manager, 'POST', `/api/quotes/${q.id}/share`, {});
    const answer = await manager.request.post(`${baseUrl()}/api/shared/${token}/accept`, {
      data: { name: 'Ольга Лицеева' },
      headers: { origin: baseUrl() },
    });
    expect(answer.ok()).toBe(true);

    // The manager sees the acceptance and makes a staged work order.
    await manager.goto(`${baseUrl()}/quotes/${q.id}`);
    await expect.poll(() => manager.locator('.page-header .chip').innerText()).toBe('Принята');
    await manager.getByRole('button', { name: 'Создать заявку' }).click();
    await manager
      .getByRole('dialog')
      .getByLabel(/По строкам/)
      .check();
    await manager.getByRole('dialog').getByRole('button', { name: 'Создать заявку' }).click();
    await manager.waitForURL(/\/orders\/\d+$/);
    const orderId = Number(new URL(manager.url()).pathname.split('/').pop());
    expect(await manager.locator('.page-header .chip').innerText()).toBe('В очереди');
    expect(await manager.locator('.note-warning').innerText()).toContain('Нужно 20,00 нормо-ч');
    expect(await manager.locator('tbody tr').count()).toBe(2);
    await shot(manager, '06-order-queued');

    // The accountant tops the balance up on the customer's page.
    const accountant = await (await newContext(browser)).newPage();
    await loginAs(accountant, 'accountant');
    await accountant.getByRole('link', { name: 'Заказчики' }).click();
    await accountant.getByRole('link', { name: 'Лицей информационных технологий' }).click();
    await accountant.getByRole('button', { name: '+ Пополнить' }).click();
    const topup = accountant.getByRole('dialog');
    await topup.getByRole('button', { name: 'нормо-часах' }).click();
    await topup.getByLabel('Нормо-часы').fill('40');
    await topup.getByLabel('Платёжный документ').fill('Счёт № 512');
    await topup.getByRole('button', { name: 'Пополнить' }).click();
    await expect.poll(() => accountant.locator('.stat-value').first().innerText()).toBe(hoursText(4000));

    // The order started; the accountant accepts its first stage and the balance falls by 20 h.
    await accountant.getByRole('link', { name: /^WO-/ }).click();
    await accountant.waitForURL(new RegExp(`/orders/${orderId}$`));
    expect(await accountant.locator('.page-header .chip').innerText()).toBe('В работе');
    await accountant.getByRole('button', { name: 'Принять этап' }).click();
    const dialog = accountant.getByRole('dialog');
    expect(await dialog.locator('tfoot').innerText()).toContain(hoursText(2000));
    await dialog.getByRole('button', { name: 'Принять и списать' }).click();
    await expect.poll(() => accountant.locator('tbody tr').first().innerText()).toContain('Принят, списан');
    expect(await accountant.locator('.stat-value').first().innerText()).toBe(hoursText(2000));
    const balance = await apiGet(accountant, `/api/customers/${customer.id}/balance`);
    expect(balance.normHoursCenti).toBe(2000); // 40 − 20: the fixed 20 norm-hours of 2.2
    await shot(accountant, '07-stage-accepted');

    // The month view: the customer's debit in the table, the 12-month chart, the workbook.
    await accountant.getByRole('link', { name: 'Отчёт за месяц' }).click();
    await accountant.locator('.uplot').waitFor();
    const row = accountant.locator('tbody tr', { hasText: 'Лицей информационных технологий' }).first();
    const cells = await row.locator('td').allInnerTexts();
    expect(cells.slice(1, 7)).toEqual([
      hoursText(0),
      hoursText(4000),
      hoursText(2000),
      hoursText(0),
      hoursText(2000),
      '60\u00a0000,00\u00a0₽',
    ]);
    // VAT and the total with it are the API's for the same month.
    const month = await accountant.getByLabel('Месяц', { exact: true }).inputValue();
    const report = await apiGet(accountant, `/api/reports/consumption?month=${month}`);
    const mine = report.customers.find((c: any) => c.customerId === customer.id);
    expect(cells.slice(7, 9)).toEqual([rub(mine.vatMinor), rub(mine.totalMinor)]);
    expect(await accountant.locator('.uplot canvas').count()).toBeGreaterThan(0);
    await shot(accountant, '08-month-report');
    const [download] = await Promise.all([
      accountant.waitForEvent('download'),
      accountant.getByRole('button', { name: 'Скачать Excel' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const file = await readFile((await download.path())!);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file as unknown as ArrayBuffer);
    const sheetNames = wb.worksheets.map((s) => s.name);
    expect(sheetNames.some((n) => n.includes('Лицей'))).toBe(true);
    const text = JSON.stringify(wb.worksheets.map((s) => s.getSheetValues()));
    expect(text).toContain('Лицей информационных технологий');
  });
});
