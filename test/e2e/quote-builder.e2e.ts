/**
 * Journey 1 (first half) and journey 4: a manager builds a quote in the grid by keyboard
 * and by pasting rows, and the screen shows the API's totals to the kopeck; two managers
 * edit the same quote and the second loses nothing.
 */
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

async function expectScreenTotals(page: Page, quoteId: number) {
  const q = await apiGet(page, `/api/quotes/${quoteId}`);
  const bar = page.getByRole('region', { name: 'Итоги' });
  await expect.poll(() => bar.locator('.total-main dd').innerText()).toBe(rub(q.totals.totalMinor));
  const text = await bar.innerText();
  expect(text).toContain(rub(q.totals.subtotalMinor));
  expect(text).toContain(rub(q.totals.vatMinor));
  const hours = `${(q.totals.normHoursCenti / 100).toFixed(2).replace('.', ',')}\u00a0ч`;
  expect(text).toContain(hours);
  return q;
}

async function newQuote(page: Page, title: string): Promise<number> {
  await page.getByRole('link', { name: 'Сметы' }).click();
  await page.getByRole('button', { name: 'Новая смета' }).first().click();
  const dialog = page.getByRole('dialog');
  // The customer is picked from a searchable list: there is no silent default.
  await dialog.getByRole('combobox', { name: 'Заказчик' }).click();
  await page.keyboard.type('Северный');
  await dialog.getByRole('option', { name: 'Северный государственный университет' }).click();
  await dialog.getByLabel('Название').fill(title);
  await dialog.getByRole('button', { name: 'Создать' }).click();
  await page.waitForURL(/\/quotes\/\d+$/);
  return Number(new URL(page.url()).pathname.split('/').pop());
}

describe('the quote builder', () => {
  it('a manager builds 2.2 + 2.5 + a 10 h content task by keyboard and paste; the screen shows the API’s totals', async () => {
    const context = await newContext(browser);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl() });
    const page = await context.newPage();
    await loginAs(page, 'manager');
    const id = await newQuote(page, 'Внедрение СЭО, этап 1');

    // Keyboard: the add box finds services by code and by words.
    const add = page.getByRole('combobox', { name: /Добавить строку/ });
    await add.click();
    await page.keyboard.type('2.2');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.qgrid tbody tr').count()).toBe(2);
    await page.keyboard.type('внедрение');
    await expect.poll(() => page.getByRole('option').first().innerText()).toContain('2.5');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.qgrid tbody tr').count()).toBe(3);

    // Paste: a row copied from a spreadsheet (code, quantity, hours).
    await page.evaluate(() => navigator.clipboard.writeText('4.1\t1\t10'));
    await add.focus();
    await page.keyboard.press('Control+V');
    // The paste is previewed first, then added.
    const preview = page.getByRole('dialog', { name: 'Вставка строк из таблицы' });
    expect(await preview.locator('.paste-summary').innerText()).toBe('Будет добавлена 1 строка');
    await preview.getByRole('button', { name: 'Добавить 1 строку' }).click();
    await expect.poll(() => page.locator('.qgrid tbody tr').count()).toBe(4);
    await expect.poll(() => page.locator('.qgrid').innerText()).toContain('Создание пустого курса');

    let q = await expectScreenTotals(page, id);
    expect(q.totals).toMatchObject({ subtotalMinor: 27_000_000, vatMinor: 5_940_000, totalMinor: 32_940_000, normHoursCenti: 9000 });
    expect(q.lines.map((l: any) => [l.code, l.kMilli, l.normHoursCenti])).toEqual([
      ['2.2', 1000, 2000],
      ['2.5', 1000, 6400],
      ['4.1', 600, 600],
    ]);

    // Keyboard only: up to the content task's hours, type 12, Enter; then its quantity, 2, Tab.
    await add.focus();
    await page.keyboard.press('ArrowUp');
    for (let i = 0; i < 2; i++) await page.keyboard.press('ArrowRight');
    await page.keyboard.type('12');
    // The totals follow the keystrokes before anything is saved.
    await expect
      .poll(() => page.getByRole('region', { name: 'Итоги' }).locator('.total-main dd').innerText())
      .toBe(rub(32_940_000 + 439_200));
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.save-state').innerText()).toBe('Сохранено');
    q = await expectScreenTotals(page, id);
    expect(q.lines[2].hoursCenti).toBe(1200);

    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await apiGet(page, `/api/quotes/${id}`)).lines[2].hoursCenti).toBe(1000);
    q = await expectScreenTotals(page, id);
    expect(q.totals.totalMinor).toBe(32_940_000);

    await page.getByRole('button', { name: 'Отправить' }).click();
    const send = page.getByRole('dialog');
    await send.getByRole('button', { name: 'Отправить' }).click();
    await expect.poll(() => page.locator('.page-header .chip').innerText()).toBe('Отправлена');
    await shot(page, '01-quote-editor-sent');
    await context.close();
  });

  it('two managers edit the same quote: the second sees the conflict and loses nothing', async () => {
    const a = await (await newContext(browser)).newPage();
    await loginAs(a, 'manager');
    const id = await newQuote(a, 'Конфликт правок');
    const add = a.getByRole('combobox', { name: /Добавить строку/ });
    await add.click();
    for (const code of ['2.2', '4.1']) {
      await a.keyboard.type(code);
      await a.keyboard.press('Enter');
    }
    await expect.poll(() => a.locator('.qgrid tbody tr').count()).toBe(3);

    const b = await (await newContext(browser)).newPage();
    await loginAs(b, 'admin');
    await b.goto(`${baseUrl()}/quotes/${id}`);
    await b.locator('.qgrid').waitFor();

    // A saves first: the 4.1 hours.
    await a.locator('tr:has(td:text-is("4.1")) td[aria-colindex="4"]').click();
    await a.keyboard.type('7');
    await a.keyboard.press('Enter');
    await expect.poll(() => a.locator('.save-state').innerText()).toBe('Сохранено');

    // B, on the page it loaded before, changes the 2.2 quantity.
    await b.locator('tr:has(td:text-is("2.2")) td[aria-colindex="3"]').click();
    await b.keyboard.type('3');
    await b.keyboard.press('Enter');
    const dialog = b.getByRole('dialog', { name: 'Смету изменил кто-то другой' });
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('Максим Менеджеров');
    expect(await dialog.innerText()).toContain('2.2 · количество: 3');
    await shot(b, '04-quote-conflict');
    await dialog.getByRole('button', { name: 'Загрузить их версию и применить мои изменения' }).click();
    await expect.poll(() => b.locator('.save-state').innerText()).toBe('Сохранено');

    const q = await apiGet(b, `/api/quotes/${id}`);
    expect(q.lines.map((l: any) => [l.code, l.quantityMilli, l.hoursCenti])).toEqual([
      ['2.2', 3000, 2000],
      ['4.1', 1000, 700],
    ]);
    await expectScreenTotals(b, id);
  });
});
