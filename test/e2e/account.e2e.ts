/**
 * Journey (issue 18): the manager makes the customer's account link on the customer's card and
 * marks a finished stage «Готов к приёмке»; the customer opens the link on a phone, signs the
 * stage off with their name; the balance and the month statement on the customer's side agree
 * with the staff side to the hundredth.
 */
import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiGet, baseUrl, launch, loginAs, newContext, shot } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function api(page: Page, method: string, path: string, data?: unknown) {
  const res = await page.request.fetch(`${baseUrl()}${path}`, { method, data, headers: { origin: baseUrl() } });
  if (!res.ok()) throw new Error(`${method} ${path} → ${res.status()} ${await res.text()}`);
  return res.json();
}

const hours = (centi: number) =>
  (centi / 100)
    .toFixed(2)
    .replace('.', ',')
    .replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
const month = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Moscow', year: 'numeric', month: '2-digit' }).format(new Date()).slice(0, 7);

describe('the customer’s account on a phone', () => {
  it(
    'the manager makes the link and marks a stage ready; the customer signs it off; balance and statement agree with the ' + 'staff side',
    async () => {
      const manager = await (await newContext(browser)).newPage();
      await loginAs(manager, 'manager');
      const accountant = await (await newContext(browser)).newPage();
      await loginAs(accountant, 'accountant');
      // A customer with an accepted quote (2.4: 10 h; a content task 12 h × K 0,6), topped up, and its staged order.
      const customer = await api(manager, 'POST', '/api/customers', { name: 'Колледж «Северный»', email: 'college@example.org' });
      const catalog: any[] = await api(manager, 'GET', '/api/catalog/items');
      const item = (code: string) => catalog.find((i) => i.code === code).id;
      let q = await api(manager, 'POST', '/api/quotes', { customerId: customer.id, title: 'Прототип и курс' });
      q = await api(manager, 'POST', `/api/quotes/${q.id}/lines`, { version: q.version, catalogItemId: item('2.4') });
      q = await api(manager, 'POST', `/api/quotes/${q.id}/lines`, { version: q.version, catalogItemId: item('4.1'), hoursCenti: 1200 });
      q = await api(manager, 'POST', `/api/quotes/${q.id}/send`, { version: q.version });
      const { token: quoteToken } = await api(manager, 'POST', `/api/quotes/${q.id}/share`, {});
      const answered = await manager.request.post(`${baseUrl()}/api/shared/${quoteToken}/accept`, {
        data: { name: 'Анна Северова' },
        headers: { origin: baseUrl() },
      });
      expect(answered.ok()).toBe(true);
      await api(accountant, 'POST', `/api/customers/${customer.id}/ledger`, {
        kind: 'topup',
        normHoursCenti: 2500,
        memo: 'Пакет поддержки',
      });
      const order = await api(manager, 'POST', `/api/quotes/${q.id}/order`, { split: 'by_line' });
      expect(order.status).toBe('in_progress');

      // The manager makes the account link on the customer's card.
      await manager.goto(`${baseUrl()}/customers/${customer.id}`);
      await manager.getByRole('button', { name: 'Создать ссылку' }).click();
      const linkInput = manager.getByTestId('account-link-url');
      await linkInput.waitFor();
      const url = await linkInput.inputValue();
      expect(url).toMatch(new RegExp(`^${baseUrl()}/a/[A-Za-z0-9_-]{43}$`));
      await shot(manager, '18-manager-account-link');

      // …and marks stage 1 ready on the order.
      await manager.goto(`${baseUrl()}/orders/${order.id}`);
      await manager.getByRole('button', { name: 'Готов к приёмке' }).click();
      await manager.getByText('ждёт приёмки заказчиком', { exact: true }).waitFor();
      await shot(manager, '18-manager-stage-ready');

      // The customer: a fresh phone browser, no cookies.
      const phone = await (await newContext(browser, { phone: true })).newPage();
      await phone.goto(url);
      expect(await phone.locator('html').getAttribute('lang')).toBe('ru');
      expect(await phone.locator('.hero-amount').innerText()).toBe(`${hours(2500)} нормо-ч`);
      expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await shot(phone, '18-customer-account-phone');
      const stage = phone.locator('.stage-ready');
      await stage.getByLabel('Ваши фамилия, имя и отчество').fill('Анна Северова');
      await shot(phone, '18-customer-signing');
      await stage.getByRole('button', { name: 'Принять этап 1' }).click();
      await phone.waitForURL(/done=accepted/);
      expect(await phone.locator('.banner-accepted').innerText()).toContain('Этап 1 принят');
      await phone.screenshot({ path: 'test/e2e/screenshots/18-customer-signed-full.png', fullPage: true });

      // Staff side: the debit, the balance, the month statement.
      const staffBalance = (await apiGet(accountant, `/api/customers/${customer.id}/balance`)).normHoursCenti;
      expect(staffBalance).toBe(2500 - 1000);
      expect(await phone.locator('.hero-amount').innerText()).toBe(`${hours(staffBalance)} нормо-ч`);
      const statement = await apiGet(accountant, `/api/customers/${customer.id}/statement?month=${month()}`);
      const account = await apiGet(phone, `/api/account/${url.split('/a/')[1]}`);
      expect(account.balanceCenti).toBe(staffBalance);
      const m = account.ledger.find((x: any) => x.month === month());
      expect({ opening: m.openingCenti, closing: m.closingCenti, topups: m.topupsCenti, debits: m.debitsCenti }).toEqual({
        opening: statement.openingCenti,
        closing: statement.closingCenti,
        topups: statement.totals.topupsCenti,
        debits: statement.totals.debits.normHoursCenti,
      });
      // The customer downloads the month statement from the page: the same closing balance.
      const [download] = await Promise.all([
        phone.waitForEvent('download'),
        phone.getByRole('link', { name: 'Выписка Excel' }).first().click(),
      ]);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load((await readFile((await download.path())!)) as unknown as ArrayBuffer);
      const results: number[] = [];
      book.worksheets[0]!.eachRow((row) =>
        row.eachCell((cell) => {
          const v = cell.value as { result?: unknown } | number | null;
          if (typeof v === 'number') results.push(v);
          else if (v && typeof v === 'object' && typeof v.result === 'number') results.push(v.result);
        }),
      );
      expect(results).toContain(statement.closingCenti / 100);
      // The audit trail names the customer, the stage sign-off is theirs.
      const audit: any[] = await apiGet(manager, `/api/quotes/${q.id}/audit`);
      expect(audit.find((a) => a.action === 'stage_accepted')).toMatchObject({ actorKind: 'customer', actorName: 'Анна Северова' });
      // English on request.
      await phone.goto(`${url}?lang=en`);
      expect(await phone.locator('h1').innerText()).toBe('Your account');
      await shot(phone, '18-customer-account-en');
    },
  );
});
