/**
 * What each role sees: the accountant has no quote list (API.md gives it to sales) and the
 * screens that used to read it still work for them.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launch, loginAs, newContext, shot } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('the accountant', () => {
  it('has no «Сметы» in the menu, and a customer’s page opens without an error', async () => {
    const page = await (await newContext(browser)).newPage();
    await loginAs(page, 'accountant');
    const nav = page.getByRole('navigation', { name: 'Основная навигация' });
    await expect.poll(() => nav.getByRole('link').allInnerTexts()).toContain('Заказчики');
    expect(await nav.getByRole('link', { name: 'Сметы' }).count()).toBe(0);
    await nav.getByRole('link', { name: 'Заказчики' }).click();
    await page.locator('table a').first().click();
    await page.getByText('Баланс нормо-часов').waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
    await shot(page, 'accountant-customer');
    await page.goto(`${baseUrl()}/quotes`);
    await page.getByText('Эта страница недоступна для вашей роли.').waitFor();
  });
});
