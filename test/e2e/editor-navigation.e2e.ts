/**
 * Issue 13, defect 3 and the keyboard promise.
 *  3. After «Новая редакция», «Копия» or a click on a revision chip, the editor shows and
 *     writes the quote in the address, never the previous one; a copy can be made for another
 *     customer.
 *  Focus is never lost to <body> (a new quote, Ctrl+Del, dialogs); the grid is one Tab stop
 *  with arrows, Home/End and PageUp/PageDown inside; the new-quote dialog has a searchable
 *  customer field with no silent default.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launch, loginAs, newContext, shot } from './browser';
import { COL, api, cell, expectScreenIsApi, focused, openEditor, quoteWith, waitSaved } from './editor-helpers';

let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await launch();
  page = await (await newContext(browser)).newPage();
  await loginAs(page, 'manager');
});
afterAll(async () => {
  await browser?.close();
});

const urlId = () => Number(new URL(page.url()).pathname.split('/').pop());
const heading = () => page.locator('.page-header h1').innerText();

async function rename(title: string) {
  const field = page.getByLabel('Название', { exact: true });
  await field.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(title);
  await page.keyboard.press('Tab');
  await waitSaved(page);
}

describe('defect 3: the editor shows and writes only the quote in the address', () => {
  it('«Новая редакция» opens the new revision, and renaming it renames it, not the sent one', async () => {
    let q = await quoteWith(page, [{ code: '2.2' }, { code: '4.1', hoursCenti: 1000 }], { title: 'Исходная смета' });
    q = await api(page, 'POST', `/api/quotes/${q.id}/send`, { version: q.version });
    await openEditor(page, q.id);
    await page.getByRole('button', { name: 'Новая редакция' }).first().click();
    await expect.poll(heading).toBe(`${q.number}-R2 · Исходная смета`);
    const r2 = urlId();
    expect(r2).not.toBe(q.id);
    expect(await page.locator('.editor').getAttribute('data-quote-id')).toBe(String(r2));
    await rename('Вторая редакция');
    expect((await api(page, 'GET', `/api/quotes/${r2}`)).title).toBe('Вторая редакция');
    expect((await api(page, 'GET', `/api/quotes/${q.id}`)).title).toBe('Исходная смета');
    await expectScreenIsApi(page, r2);
    await shot(page, 'editor-3-new-revision');

    // The chip R1 shows the sent revision, read-only; R2 is editable again and edits go to it.
    await page.locator('.revisions').getByRole('link', { name: 'R1' }).click();
    await expect.poll(heading).toBe(`${q.number} · Исходная смета`);
    expect(urlId()).toBe(q.id);
    expect(await page.locator('.note-info').innerText()).toContain('Смета отправлена и заморожена');
    await expectScreenIsApi(page, q.id);
    await page.locator('.revisions').getByRole('link', { name: 'R2' }).click();
    await expect.poll(heading).toBe(`${q.number}-R2 · Вторая редакция`);
    await cell(page, '2.2', COL.quantity).click();
    await page.keyboard.type('3');
    await page.keyboard.press('Enter');
    const edited = await expectScreenIsApi(page, r2);
    expect(edited.lines[0].quantityMilli).toBe(3000);
    expect((await api(page, 'GET', `/api/quotes/${q.id}`)).lines[0].quantityMilli).toBe(1000);
    expect(await focused(page)).not.toBe('body');
  });

  it('«Копия» for another customer opens the copy; renaming the copy leaves the original alone', async () => {
    const q = await quoteWith(page, [{ code: '2.5' }], { title: 'Оригинал' });
    await openEditor(page, q.id);
    await page.getByRole('button', { name: 'Копия' }).click();
    const dialog = page.getByRole('dialog', { name: `Копия сметы ${q.number}` });
    const customer = dialog.getByRole('combobox', { name: 'Заказчик копии' });
    expect(await customer.inputValue()).toBe('Северный государственный университет');
    await customer.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Техно');
    await dialog.getByRole('option', { name: 'ГК «Технопарк»' }).waitFor();
    await page.keyboard.press('Enter');
    expect(await customer.inputValue()).toBe('ГК «Технопарк»');
    await dialog.getByRole('button', { name: 'Создать копию' }).click();
    await expect.poll(() => page.url()).not.toContain(`/quotes/${q.id}`);
    const copyId = urlId();
    await expect.poll(heading).toMatch(/^Q-\d{4}-\d{4} · Оригинал$/);
    expect(await heading()).not.toContain(q.number);
    expect(await page.locator('.page-subtitle').innerText()).toContain('ГК «Технопарк»');
    await rename('Копия для Технопарка');
    const copy = await api(page, 'GET', `/api/quotes/${copyId}`);
    expect(copy).toMatchObject({ title: 'Копия для Технопарка', customerId: 2 });
    expect(await api(page, 'GET', `/api/quotes/${q.id}`)).toMatchObject({ title: 'Оригинал', customerId: 1 });
    await expectScreenIsApi(page, copyId);
    await shot(page, 'editor-3-copy-for-another-customer');
  });
});

describe('what is typed stays typed', () => {
  it('the title keeps every letter while the page loads something else (a re-render mid-typing)', async () => {
    const q = await quoteWith(page, [{ code: '2.5' }], { title: 'Старое' });
    // The line's service texts come later than usual: they arrive while the title is being typed.
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const held = '**/api/quotes/*/services';
    await page.route(held, async (route) => {
      await gate;
      await route.continue();
    });
    try {
      await openEditor(page, q.id);
      await page.getByLabel('Название', { exact: true }).click();
      await page.keyboard.press('Control+A');
      await page.keyboard.type('Новое наз');
      const arrived = page.waitForResponse((r) => r.url().includes('/services'));
      release();
      await arrived;
      await page.waitForTimeout(100); // the render that follows the answer
      await page.keyboard.type('вание');
      await page.keyboard.press('Tab');
      await waitSaved(page);
      expect((await api(page, 'GET', `/api/quotes/${q.id}`)).title).toBe('Новое название');
    } finally {
      await page.unroute(held);
    }
  });
});

describe('focus and the keyboard', () => {
  it('the new-quote dialog asks for a customer (no silent default); then the focus is in the add-line box', async () => {
    await page.goto(`${baseUrl()}/quotes`);
    await page.getByRole('button', { name: 'Новая смета' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Новая смета' });
    const customer = dialog.getByRole('combobox', { name: 'Заказчик' });
    expect(await customer.inputValue()).toBe('');
    await dialog.getByLabel('Название').fill('Без заказчика');
    await dialog.getByRole('button', { name: 'Создать' }).click();
    expect(await dialog.innerText()).toContain('Выберите заказчика из списка');
    expect(page.url()).toMatch(/\/quotes$/);
    await customer.click();
    await page.keyboard.type('колледж связи');
    await dialog.getByRole('option').first().waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    const chosen = await customer.inputValue();
    expect(chosen).toBe('Колледж связи № 7');
    await dialog.getByRole('button', { name: 'Создать' }).click();
    await page.waitForURL(/\/quotes\/\d+$/);
    await expect.poll(() => focused(page)).toBe('add-box');
    const created = await api(page, 'GET', `/api/quotes/${urlId()}`);
    expect(created.customerName).toBe(chosen);
    await page.keyboard.type('2.2');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await api(page, 'GET', `/api/quotes/${created.id}`)).lines.length).toBe(1);
    await shot(page, 'editor-focus-new-quote');
  });

  it('Ctrl+Del keeps the focus on the next row; a dialog gives the focus back where it was', async () => {
    const q = await quoteWith(page, [{ code: '2.2' }, { code: '2.5' }, { code: '4.1', hoursCenti: 500 }]);
    await openEditor(page, q.id);
    await cell(page, '2.5', COL.quantity).click();
    await page.keyboard.press('Control+Delete');
    await expect.poll(() => focused(page)).toBe('cell:4.1:3');
    await page.keyboard.press('Control+Delete');
    await expect.poll(() => focused(page)).toBe('add-box');
    let saved = await expectScreenIsApi(page, q.id);
    expect(saved.lines.map((l: any) => l.code)).toEqual(['2.2']);

    // A K that needs a reason opens a dialog; cancelling it puts the focus back in the grid.
    await page.keyboard.press('ArrowUp');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    expect(await focused(page)).toBe('cell:2.2:5');
    await page.keyboard.type('0,8');
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: 'Почему K отличается от прайс-листа?' }).waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => focused(page)).toMatch(/^cell:2\.2:/);
    // The audit trail, opened with the mouse and closed with Esc: the focus is on its button again.
    await page.getByRole('button', { name: 'История' }).click();
    await page.getByRole('dialog', { name: 'История изменений' }).waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => focused(page)).toBe('button');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('История');
    saved = await expectScreenIsApi(page, q.id);
    expect(saved.lines[0].kMilli).toBe(1000);
  });

  it('the grid is one Tab stop; arrows, Home/End and PageUp/PageDown move inside it', async () => {
    const rows = Array.from({ length: 25 }, (_, i) => ({ title: `Работа ${i + 1}`, quantityMilli: 1000, hoursCenti: 100 + i }));
    const q = await quoteWith(page, rows);
    await openEditor(page, q.id);
    const stops = await page.$$eval(
      '.qgrid [tabindex], .qgrid input, .qgrid button, .qgrid a[href]',
      (els) => els.filter((e) => (e as HTMLElement).tabIndex >= 0 && !(e as HTMLInputElement).disabled).length,
    );
    expect(stops).toBe(1);
    await cell(page, 'Работа 1', COL.title).click();
    await page.keyboard.press('PageDown');
    expect(await focused(page)).toBe('cell:Работа 11:2');
    await page.keyboard.press('PageDown');
    await page.keyboard.press('ArrowDown');
    expect(await focused(page)).toBe('cell:Работа 22:2');
    await page.keyboard.press('End');
    expect(await focused(page)).toBe('cell:Работа 22:7');
    await page.keyboard.press('Home');
    expect(await focused(page)).toBe('cell:Работа 22:1');
    await page.keyboard.press('PageUp');
    expect(await focused(page)).toBe('cell:Работа 12:1');
    await page.keyboard.press('Control+Home');
    expect(await focused(page)).toBe('cell:Работа 1:1');
    await page.keyboard.press('Control+End');
    expect(await focused(page)).toBe('add-box');
    await page.keyboard.press('ArrowUp');
    expect(await focused(page)).toBe('cell:Работа 25:2');
    // The side panel follows the active line; a person presses Tab after it has drawn.
    await page.locator('.editor-side h3', { hasText: 'Работа 25' }).waitFor();
    // Tab leaves the grid; Shift+Tab comes back to the same cell.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('.qgrid'))).toBe(false);
    expect(await focused(page)).not.toBe('body');
    await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toBe('cell:Работа 25:2');
    await expectScreenIsApi(page, q.id);
  });
});
