/**
 * Issue 13, keyboard and feedback: undo and redo of several deletes and edits in a row; a
 * failed save offers «Повторить» and loses nothing; errors are words next to their cell,
 * never clipped, never a field name; the audit trail reads as sentences.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, loginAs, newContext, shot } from './browser';
import { COL, api, cell, expectScreenIsApi, focused, openEditor, quoteWith } from './editor-helpers';

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

/** The lines as a person compares two versions of a quote (ids change when lines come back). */
const lines = (q: any) => q.lines.map((l: any) => [l.code || l.title, l.quantityMilli, l.hoursCenti, l.kMilli]);

/** True when a person sees this element: on screen and not covered by anything. */
async function visibleToAPerson(selector: string): Promise<boolean> {
  return page.$eval(selector, (el) => {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.top < 0 || r.bottom > innerHeight || r.left < 0 || r.right > innerWidth) return false;
    return [
      [r.left + 4, r.top + 4],
      [r.right - 4, r.bottom - 4],
    ].every(([x, y]) => el.contains(document.elementFromPoint(x!, y!)));
  });
}

describe('undo and redo', () => {
  it('several edits and deletes in a row are undone one by one, and redone', async () => {
    const q = await quoteWith(page, [
      { code: '2.2' },
      { code: '2.5' },
      { code: '4.1', hoursCenti: 1000 },
      { code: '2.9', hoursCenti: 500 },
      { title: 'Своя работа', hoursCenti: 300 },
    ]);
    await openEditor(page, q.id);
    const states = [lines(await expectScreenIsApi(page, q.id))];
    await cell(page, '2.2', COL.quantity).click();
    await page.keyboard.type('2');
    await page.keyboard.press('Enter'); // now on 2.5
    states.push(lines(await expectScreenIsApi(page, q.id)));
    await page.keyboard.press('Control+Delete'); // 2.5 goes; the focus is on 4.1
    states.push(lines(await expectScreenIsApi(page, q.id)));
    await page.keyboard.press('Control+Delete'); // 4.1 goes; on 2.9
    states.push(lines(await expectScreenIsApi(page, q.id)));
    await page.keyboard.press('ArrowRight');
    await page.keyboard.type('7,5'); // 2.9's hours
    await page.keyboard.press('Enter');
    states.push(lines(await expectScreenIsApi(page, q.id)));
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Control+Delete'); // 2.9 goes too
    states.push(lines(await expectScreenIsApi(page, q.id)));
    expect(states.at(-1)).toEqual([
      ['2.2', 2000, 2000, 1000],
      ['Своя работа', 1000, 300, 1000],
    ]);
    for (let i = states.length - 2; i >= 0; i--) {
      await page.keyboard.press('Control+z');
      expect(lines(await expectScreenIsApi(page, q.id)), `after undo back to state ${i}`).toEqual(states[i]);
    }
    for (let i = 1; i < states.length; i++) {
      await page.keyboard.press('Control+y');
      expect(lines(await expectScreenIsApi(page, q.id)), `after redo to state ${i}`).toEqual(states[i]);
    }
    expect(await focused(page)).not.toBe('body');
  });
});

describe('a failed save', () => {
  it('says so with «Повторить», keeps what was typed, and saves it on retry; undo still works after', async () => {
    const q = await quoteWith(page, [{ code: '4.1', hoursCenti: 1000 }, { code: '2.2' }]);
    await openEditor(page, q.id);
    // The network drops the next write, once.
    let dropped = 0;
    await page.route('**/api/quotes/*/lines/*', async (route) => {
      if (route.request().method() === 'PATCH' && dropped === 0) {
        dropped++;
        return route.abort('failed');
      }
      return route.fallback();
    });
    await cell(page, '4.1', COL.hours).click();
    await page.keyboard.type('12');
    await page.keyboard.press('Enter');
    const failure = page.locator('.save-failure');
    await expect.poll(() => failure.innerText()).toContain('Не сохранено');
    expect(await failure.innerText()).toContain('Нет связи с сервером');
    expect(await cell(page, '4.1', COL.hours).innerText()).toBe('12,00'); // still on screen
    expect((await api(page, 'GET', `/api/quotes/${q.id}`)).lines[0].hoursCenti).toBe(1000);
    await shot(page, 'editor-failed-save-retry');
    await page.unroute('**/api/quotes/*/lines/*');
    await failure.getByRole('button', { name: 'Повторить' }).click();
    const saved = await expectScreenIsApi(page, q.id);
    expect(saved.lines[0].hoursCenti).toBe(1200);
    expect(await page.locator('.save-state').innerText()).toBe('Сохранено');
    expect(await focused(page)).not.toBe('body');
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await api(page, 'GET', `/api/quotes/${q.id}`)).lines[0].hoursCenti).toBe(1000);
    await expectScreenIsApi(page, q.id);
  });
});

describe('errors are words next to the cell', () => {
  it('a value that is not a number is said next to its cell, fully visible; a refusal never shows a field name', async () => {
    const q = await quoteWith(
      page,
      Array.from({ length: 14 }, (_, i) => ({ title: `Работа ${i + 1}`, hoursCenti: 100 })),
    );
    await openEditor(page, q.id);
    // The last line sits just above the sticky footer: the message must still be seen whole.
    await cell(page, 'Работа 14', COL.hours).click();
    await page.keyboard.type('два часа');
    await page.keyboard.press('Enter');
    const message = page.locator('.cell-error[role="alert"]');
    await expect.poll(() => message.innerText()).toContain('Введите число');
    expect(await visibleToAPerson('.cell-error[role="alert"]')).toBe(true);
    await shot(page, 'editor-cell-error');
    await page.keyboard.press('Escape');
    expect(await message.count()).toBe(0);

    // A refusal from the server is said at the cell, in words.
    await page.route('**/api/quotes/*/lines/*', (route) =>
      route.request().method() === 'PATCH'
        ? route.fulfill({
            status: 400,
            contentType: 'application/json',
            body: JSON.stringify({
              error: {
                code: 'validation_failed',
                message: 'Неверные данные — afterLineId: такой строки в смете нет; kMilli: не больше 5000',
                details: [{ field: 'afterLineId', code: 'invalid', message: 'x' }],
              },
            }),
          })
        : route.fallback(),
    );
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.type('3');
    await page.keyboard.press('Enter');
    const refusal = page.locator('.qgrid .cell-error[role="alert"]');
    await expect.poll(() => refusal.innerText()).toContain('место вставки строки');
    const text = await refusal.innerText();
    expect(text).not.toMatch(/afterLineId|kMilli|[a-z]+[A-Z]\w*/);
    expect(await visibleToAPerson('.qgrid .cell-error[role="alert"]')).toBe(true);
    await page.unroute('**/api/quotes/*/lines/*');
    await expectScreenIsApi(page, q.id);
  });
});

describe('the audit trail', () => {
  it('reads as sentences: «Скидка: 1 % → 10 %», a line’s change, no field names, no ISO times', async () => {
    const q = await quoteWith(page, [{ code: '2.2' }], { discountRateMilli: 10 });
    await openEditor(page, q.id);
    await page.getByLabel('Скидка, %', { exact: true }).click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('10');
    await page.keyboard.press('Enter');
    await cell(page, '2.2', COL.quantity).click();
    await page.keyboard.type('3');
    await page.keyboard.press('Enter');
    await expectScreenIsApi(page, q.id);
    await page.getByRole('button', { name: 'История' }).click();
    const dialog = page.getByRole('dialog', { name: 'История изменений' });
    await dialog.locator('tbody tr').first().waitFor();
    const text = await dialog.innerText();
    expect(text).toContain('Скидка: 1\u00a0% → 10\u00a0%');
    expect(text).toContain('2.2 «Настройка шаблона оформления в стиле предоставленного макета или образца»: количество: 1 → 3');
    expect(text).toContain('1 строка: 2.2');
    expect(text).toContain('Изменены условия');
    expect(text).not.toMatch(/[a-z]+[A-Z]\w*/); // discountRateMilli, quantityMilli…
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
    await shot(page, 'editor-audit-sentences');
    await page.keyboard.press('Escape');
  });
});
