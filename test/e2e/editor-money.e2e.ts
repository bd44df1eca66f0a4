/**
 * Issue 13, defects 1 and 2, and the columns: what a manager types is what is stored.
 *  1. «Скидка, %» and «Ставка НДС, %» take percent as a person writes it (10, 7,5, 7.5, 10 %,
 *     0, 100); the field and the sticky footer always agree.
 *  2. Enter in a cell editor stays in it: typing 4, 5, 6, 7 with Enter down a filled column
 *     stores 4, 5, 6, 7; F2 and Enter edit with the caret at the end.
 *  Columns never cut K or amounts of millions; «по факту» services are marked in the grid.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, loginAs, newContext, shot } from './browser';
import { COL, api, cell, expectScreenIsApi, openEditor, percent, quoteWith } from './editor-helpers';

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

/** Clears a field and types into it key by key, then presses the key that saves it. */
async function typeInto(label: string, text: string, then: 'Enter' | 'Tab') {
  await page.getByLabel(label, { exact: true }).click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(text);
  await page.keyboard.press(then);
}

describe('defect 1: discount and VAT rate in percent, as typed', () => {
  it('10, 7,5, 7.5, «10 %», 0 and 100 in «Скидка, %» store what a person means; the field and the footer agree', async () => {
    const q = await quoteWith(page, [{ code: '2.2' }, { code: '4.1', hoursCenti: 1000 }]);
    await openEditor(page, q.id);
    const cases: [string, number, string][] = [
      ['10', 100, '10'],
      ['7,5', 75, '7,5'],
      ['7.5', 75, '7,5'],
      ['10 %', 100, '10'],
      ['0', 0, '0'],
      ['100', 1000, '100'],
      ['12,5', 125, '12,5'],
    ];
    for (const [typed, stored, field] of cases) {
      await typeInto('Скидка, %', typed, 'Enter');
      const saved = await expectScreenIsApi(page, q.id);
      expect(saved.discountRateMilli, `typed «${typed}»`).toBe(stored);
      expect(await page.getByLabel('Скидка, %', { exact: true }).inputValue()).toBe(field);
      if (stored > 0) expect(await page.locator('.totals-bar').innerText()).toContain(`Скидка ${percent(stored)}`);
    }
    // 12,5 % of 78 000,00 ₽ (2.2: 20 h; 4.1: 10 h × 0,6; 3 000 ₽ per hour) = 9 750,00 ₽
    const last = await api(page, 'GET', `/api/quotes/${q.id}`);
    expect(last.totals).toMatchObject({ subtotalMinor: 7_800_000, discountMinor: 975_000 });
    await shot(page, 'editor-1-discount-percent');
  });

  it('«Ставка НДС, %» takes 20 as 20 %, saved with Tab; a typed value shows in the footer before it is saved', async () => {
    const q = await quoteWith(page, [{ code: '2.2' }]);
    await openEditor(page, q.id);
    await page.getByLabel('Ставка НДС, %', { exact: true }).click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('2');
    await page.keyboard.type('0');
    // The footer follows the keystrokes: 20 % of 60 000,00 ₽ = 12 000,00 ₽
    await expect.poll(() => page.locator('.totals-bar').innerText()).toContain('НДС 20\u00a0%');
    await page.keyboard.press('Tab');
    const saved = await expectScreenIsApi(page, q.id);
    expect(saved).toMatchObject({ vatRateMilli: 200, totals: { vatMinor: 1_200_000, totalMinor: 7_200_000 } });
    expect(await page.getByLabel('Ставка НДС, %', { exact: true }).inputValue()).toBe('20');
  });

  it('what is not a percent is refused next to the field in words, and nothing is stored', async () => {
    const q = await quoteWith(page, [{ code: '2.2' }], { discountRateMilli: 50 });
    await openEditor(page, q.id);
    for (const typed of ['101', 'десять', '7,25', '-5']) {
      await typeInto('Скидка, %', typed, 'Enter');
      const error = page.locator('.field:has(input[aria-invalid="true"]) .field-error');
      await expect.poll(() => error.innerText()).toContain('Скидка — число от 0 до 100');
      expect(await error.innerText()).not.toMatch(/[a-z]+[A-Z]/);
      const box = (await error.boundingBox())!;
      expect(box.width).toBeGreaterThan(100);
      expect((await api(page, 'GET', `/api/quotes/${q.id}`)).discountRateMilli).toBe(50);
    }
    await shot(page, 'editor-1-percent-error');
    await page.keyboard.press('Escape');
    expect(await page.getByLabel('Скидка, %', { exact: true }).inputValue()).toBe('5');
    await expectScreenIsApi(page, q.id);
  });
});

describe('defect 2: Enter saves the cell and stays out of the grid', () => {
  it('4, 5, 6, 7 typed down a filled quantity column with Enter store 4, 5, 6, 7', async () => {
    const q = await quoteWith(page, [
      { code: '2.2' },
      { code: '2.5' },
      { code: '4.1', hoursCenti: 1000 },
      { code: '2.9', hoursCenti: 1000 },
    ]);
    await openEditor(page, q.id);
    await cell(page, '2.2', COL.quantity).click();
    for (const digit of ['4', '5', '6', '7']) {
      await page.keyboard.type(digit);
      await page.keyboard.press('Enter');
    }
    const saved = await expectScreenIsApi(page, q.id);
    expect(saved.lines.map((l: any) => l.quantityMilli)).toEqual([4000, 5000, 6000, 7000]);
    await shot(page, 'editor-2-enter-down-a-column');
  });

  it('F2 and Enter open the cell with the caret at the end; Esc keeps the stored value', async () => {
    const q = await quoteWith(page, [
      { code: '2.2', quantityMilli: 6000 },
      { code: '4.1', quantityMilli: 7000, hoursCenti: 1000 },
    ]);
    await openEditor(page, q.id);
    await cell(page, '2.2', COL.quantity).click();
    await page.keyboard.press('F2');
    await page.keyboard.type('0'); // 6 → 60
    await page.keyboard.press('Enter'); // saved; now on 4.1's quantity
    await page.keyboard.press('Enter'); // edit 4.1's quantity
    await page.keyboard.press('Backspace');
    await page.keyboard.type('8');
    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.type('9');
    await page.keyboard.press('Escape');
    const saved = await expectScreenIsApi(page, q.id);
    expect(saved.lines.map((l: any) => l.quantityMilli)).toEqual([60_000, 8000]);
  });
});

describe('columns and marks', () => {
  it('K 0,625 and amounts of tens of millions fit their cells; «по факту» services are marked', async () => {
    const q = await quoteWith(page, [
      { code: '2.5', quantityMilli: 150_000 },
      { code: '2.9', hoursCenti: 123_450, quantityMilli: 9_000 },
      { code: '4.1', hoursCenti: 1000, kMilli: 625, kReason: 'опытный методист' } as any,
    ]);
    await openEditor(page, q.id);
    const saved = await expectScreenIsApi(page, q.id);
    expect(saved.lines[0].amountMinor).toBe(2_880_000_000); // 28 800 000,00 ₽
    const cut = await page.$$eval('.qgrid td.num', (tds) =>
      tds.filter((td) => td.scrollWidth > td.clientWidth).map((td) => td.textContent),
    );
    expect(cut).toEqual([]);
    const totalsCut = await page.$$eval('.totals dd', (dds) =>
      dds.filter((dd) => dd.scrollWidth > dd.clientWidth).map((dd) => dd.textContent),
    );
    expect(totalsCut).toEqual([]);
    expect(await cell(page, '2.9', COL.title).innerText()).toContain('по факту');
    expect(await cell(page, '2.5', COL.title).innerText()).not.toContain('по факту');
    // A content task «по оценке» is billed by the hours actually spent too (issue 17, the seed's section 4).
    expect(await cell(page, '4.1', COL.title).innerText()).toContain('по факту');
    await shot(page, 'editor-columns-millions');
  });
});
