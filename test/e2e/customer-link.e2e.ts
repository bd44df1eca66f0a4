/**
 * Journey 2: the manager copies a link; the customer opens it in a fresh browser (no
 * cookies) on a phone, reads it, accepts with a typed name; reopening shows the answer;
 * the manager sees the acceptance.
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

/** A sent quote made through the API with the manager's session. */
async function sentQuote(page: Page, title: string): Promise<any> {
  const api = async (method: string, path: string, data?: unknown) => {
    const res = await page.request.fetch(`${baseUrl()}${path}`, { method, data, headers: { origin: baseUrl() } });
    if (!res.ok()) throw new Error(`${method} ${path} → ${res.status()} ${await res.text()}`);
    return res.json();
  };
  const catalog: any[] = await api('GET', '/api/catalog/items');
  const id = (code: string) => catalog.find((i) => i.code === code).id;
  let q = await api('POST', '/api/quotes', { customerId: 1, title, customerNote: 'Работы начинаются после пополнения баланса.' });
  q = await api('POST', `/api/quotes/${q.id}/lines`, { version: q.version, catalogItemId: id('2.2') });
  q = await api('POST', `/api/quotes/${q.id}/lines`, { version: q.version, catalogItemId: id('2.5') });
  q = await api('POST', `/api/quotes/${q.id}/lines`, { version: q.version, catalogItemId: id('4.1'), hoursCenti: 1000 });
  return api('POST', `/api/quotes/${q.id}/send`, { version: q.version });
}

describe('the customer’s link', () => {
  it('the manager copies a link; the customer reads it on a phone and accepts; the manager sees it', async () => {
    const managerContext = await newContext(browser);
    await managerContext.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl() });
    const manager = await managerContext.newPage();
    await loginAs(manager, 'manager');
    const quote = await sentQuote(manager, 'Оформление и внедрение');
    await manager.goto(`${baseUrl()}/quotes/${quote.id}`);
    await manager.getByRole('button', { name: 'Ссылка для заказчика' }).click();
    const dialog = manager.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Создать и скопировать ссылку' }).click();
    const linkInput = dialog.getByLabel('Ссылка', { exact: true });
    await linkInput.waitFor();
    const url = await linkInput.inputValue();
    expect(url).toMatch(new RegExp(`^${baseUrl()}/s/[A-Za-z0-9_-]{43}$`));
    expect(await manager.evaluate(() => navigator.clipboard.readText())).toBe(url);
    await shot(manager, '02-manager-share-link');
    await dialog.getByRole('button', { name: 'Закрыть' }).click();

    // The customer: a fresh browser, no cookies, a phone.
    const customerContext = await newContext(browser, { phone: true });
    const customer = await customerContext.newPage();
    await customer.goto(url);
    expect(await customer.title()).toContain(quote.number);
    expect(await customer.locator('html').getAttribute('lang')).toBe('ru');
    const hero = customer.locator('.hero-amount');
    expect(await hero.innerText()).toBe(rub(quote.totals.totalMinor));
    const services = await customer.locator('.service h3').allInnerTexts();
    expect(services).toHaveLength(3);
    expect(services[1]).toContain('Внедрение среды электронного обучения');
    await customer.locator('.service').nth(1).getByText('Подробнее об услуге').click();
    expect(await customer.locator('.service').nth(1).innerText()).toContain('Результат сервиса');
    const width = await customer.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390); // no sideways scrolling on a phone
    await shot(customer, '02-customer-phone');

    // The customer downloads the same revision as Excel.
    const [download] = await Promise.all([
      customer.waitForEvent('download'),
      customer.getByRole('link', { name: 'Скачать в Excel' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`${quote.number} Северный государственный университет.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile((await download.path())!)) as unknown as ArrayBuffer);
    expect(JSON.stringify(workbook.worksheets[0]!.getSheetValues())).toContain(quote.number);

    await customer.getByLabel('Ваши фамилия, имя и отчество').first().fill('Смирнова Ирина Петровна');
    await customer.getByLabel('Я прочитал(а) условия и принимаю смету').check();
    await customer.getByRole('button', { name: 'Принять смету' }).click();
    await customer.waitForURL(/done=1/);
    expect(await customer.locator('.answer').innerText()).toContain('Смета принята');
    expect(await customer.locator('.thanks').innerText()).toContain('Спасибо');

    // Reopening shows the answer and offers no second one.
    await customer.goto(url);
    expect(await customer.locator('.answer h2').innerText()).toBe('Смета принята');
    expect(await customer.locator('.answer').innerText()).toContain('Смирнова Ирина Петровна');
    expect(await customer.locator('form').count()).toBe(0);
    await shot(customer, '02-customer-accepted');

    // The manager sees it: a notification, and the quote accepted.
    await manager.reload();
    await manager.getByRole('button', { name: /Уведомления/ }).click();
    const note = manager.locator('.bell-list li').first();
    expect(await note.innerText()).toContain('Смета принята');
    await note.getByRole('button').click();
    await manager.waitForURL(new RegExp(`/quotes/${quote.id}$`));
    await expect.poll(() => manager.locator('.page-header .chip').innerText()).toBe('Принята');
    expect(await manager.locator('.note-info').innerText()).toContain('Смирнова Ирина Петровна');
    const after = await apiGet(manager, `/api/quotes/${quote.id}`);
    expect(after).toMatchObject({ status: 'accepted', answerName: 'Смирнова Ирина Петровна' });
    await shot(manager, '03-manager-sees-acceptance');
    await customerContext.close();
    await managerContext.close();
  });
});
