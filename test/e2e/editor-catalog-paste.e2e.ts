/**
 * Issue 13, defects 4 and 5.
 *  4. The catalog list is visible above everything; a bare number adds a line only when it is
 *     exactly a catalog code; otherwise Enter adds nothing and says why.
 *  5. A copy from a price list — a header row, columns in any order — is previewed
 *     («Будет добавлено 37 строк, 2 пропущены: …»), then added all at once, counted and
 *     highlighted; Ctrl+Z takes the whole paste back; 500 rows work.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, loginAs, newContext, shot } from './browser';
import { COL, api, cell, expectScreenIsApi, openEditor, pasteText, quoteWith, waitSaved, withClipboard } from './editor-helpers';

let browser: Browser;
let context: BrowserContext;
let page: Page;
beforeAll(async () => {
  browser = await launch();
  context = await newContext(browser);
  await withClipboard(context);
  page = await context.newPage();
  await loginAs(page, 'manager');
});
afterAll(async () => {
  await browser?.close();
});

const addBox = () => page.getByRole('combobox', { name: /Добавить строку/ });
const lineCount = async (id: number) => (await api(page, 'GET', `/api/quotes/${id}`)).lines.length;

/** True when a person sees this element: on screen and not covered by anything. */
async function visibleToAPerson(selector: string): Promise<boolean> {
  return page.$eval(selector, (el) => {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0 || r.top < 0 || r.bottom > innerHeight || r.left < 0 || r.right > innerWidth) return false;
    const points = [
      [r.left + r.width / 2, r.top + r.height / 2],
      [r.left + 8, r.top + 8],
      [r.right - 8, r.bottom - 8],
    ];
    return points.every(([x, y]) => el.contains(document.elementFromPoint(x!, y!)));
  });
}

describe('defect 4: the catalog search in the add-line box', () => {
  it('the list shows above everything, even at the bottom of a long quote', async () => {
    const q = await quoteWith(
      page,
      Array.from({ length: 12 }, (_, i) => ({ title: `Работа ${i + 1}`, hoursCenti: 100 })),
    );
    await openEditor(page, q.id);
    await addBox().click();
    await page.keyboard.type('внедрение');
    await page.getByRole('option').first().waitFor();
    expect(await page.getByRole('option').first().innerText()).toContain('2.5');
    expect(await visibleToAPerson('[role="listbox"]')).toBe(true);
    expect(await visibleToAPerson('[role="option"]')).toBe(true);
    await shot(page, 'editor-4-catalog-list-visible');
    await page.keyboard.press('Enter');
    await expect.poll(() => lineCount(q.id)).toBe(13);
    expect((await api(page, 'GET', `/api/quotes/${q.id}`)).lines[12].code).toBe('2.5');
  });

  it('5, -2, 7,5 and 0,6 with Enter add nothing and say why; an exact code adds its service', async () => {
    const q = await quoteWith(page, [{ code: '2.2' }]);
    await openEditor(page, q.id);
    await addBox().click();
    for (const typed of ['5', '-2', '7,5', '0,6', '3.3']) {
      await page.keyboard.press('Control+A');
      await page.keyboard.type(typed);
      await page.keyboard.press('Enter');
      const message = page.locator('.combo-message[role="alert"]');
      await expect.poll(() => message.innerText()).toContain(`Нет услуги с кодом «${typed}»`);
      expect(await visibleToAPerson('.combo-message[role="alert"]')).toBe(true);
    }
    await shot(page, 'editor-4-number-is-not-a-code');
    expect(await lineCount(q.id)).toBe(1);
    // After «3.3»: the list offers 3.3.1 and 3.3.2; the arrow picks one, Enter adds it.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => lineCount(q.id)).toBe(2);
    await page.keyboard.type('2.9');
    await page.keyboard.press('Enter');
    const saved = await expectScreenIsApi(page, q.id);
    expect(saved.lines.map((l: any) => l.code)).toEqual(['2.2', '3.3.1', '2.9']);
  });
});

describe('defect 4: a list that opens under a resting mouse', () => {
  it('does not change what Enter adds: the exact code typed is added, not the option under the pointer', async () => {
    const q = await quoteWith(page, [{ code: '2.2' }]);
    await openEditor(page, q.id);
    await addBox().click();
    await page.keyboard.type('4.1');
    const under = (await page.getByRole('option', { name: /^4\.11/ }).boundingBox())!;
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape'); // the box is empty again
    // The mouse rests where 4.11 will be shown; the person types without touching it.
    await page.mouse.move(under.x + 40, under.y + under.height / 2);
    await page.keyboard.type('4.1');
    await page.getByRole('option', { name: /^4\.11/ }).waitFor();
    await page.mouse.move(under.x + 40, under.y + under.height / 2); // the browser's own "the pointer is here"
    expect(await page.getByRole('option', { selected: true }).innerText()).toMatch(/^4\.1\s/);
    await page.keyboard.press('Enter');
    const saved = await expectScreenIsApi(page, q.id);
    expect(saved.lines.map((l: any) => l.code)).toEqual(['2.2', '4.1']);
  });
});

/** A copy from a price list: № · name · code · quantity · hours · price, with a header row. */
function priceListCopy(): { text: string; good: { code: string; quantityMilli: number; hoursCenti: number | null }[] } {
  const codes = ['2.2', '2.5', '4.1', '2.9', '3.3.1', '4.10', '5.1'];
  const fixed: Record<string, number> = { '2.2': 2000, '2.5': 6400 };
  const lines = ['№\tНаименование работ\tКод\tКол-во\tЧасы\tЦена, ₽'];
  const good: { code: string; quantityMilli: number; hoursCenti: number | null }[] = [];
  for (let i = 0; i < 39; i++) {
    const n = i + 1;
    if (i === 10) lines.push(`${n}\tЧто-то из старого прайса\t7.7\t1\t5\t15 000,00`);
    else if (i === 25) lines.push(`${n}\tКурс по охране труда\t4.1\tмного\t3\t5 400,00`);
    else {
      const code = codes[i % codes.length]!;
      const qty = 1 + (i % 3);
      const h = fixed[code] ?? 100 + i * 25;
      lines.push(`${n}\tУслуга ${code}\t${code}\t${qty}\t${(h / 100).toFixed(2).replace('.', ',')}\t0,00`);
      good.push({ code, quantityMilli: qty * 1000, hoursCenti: h });
    }
  }
  return { text: lines.join('\r\n'), good };
}

describe('defect 5: paste from a spreadsheet or a price list', () => {
  it(
    'a price-list copy with a header is previewed, added whole, counted, highlighted; Ctrl+Z takes it back, Ctrl+Y ' + 'redoes it',
    async () => {
      const q = await quoteWith(page, [{ code: '2.2' }]);
      await openEditor(page, q.id);
      const { text, good } = priceListCopy();
      await cell(page, '2.2', COL.title).click();
      await pasteText(page, text);
      const dialog = page.getByRole('dialog', { name: 'Вставка строк из таблицы' });
      await dialog.waitFor();
      const summary = await dialog.innerText();
      expect(summary).toContain('Будет добавлено 37 строк, 2 пропущены');
      expect(summary).toContain('строка 12 — нет услуги с кодом 7.7 в прайс-листе');
      expect(summary).toContain('строка 27 — количество «много» — не число');
      expect(summary).toContain('Колонки: название — B, код — C, количество — D, часы — E');
      await shot(page, 'editor-5-paste-preview');
      await dialog.getByRole('button', { name: 'Добавить 37 строк' }).click();
      await waitSaved(page);
      const saved = await expectScreenIsApi(page, q.id);
      expect(saved.lines).toHaveLength(38);
      expect(saved.lines.slice(1).map((l: any) => ({ code: l.code, quantityMilli: l.quantityMilli, hoursCenti: l.hoursCenti }))).toEqual(
        good,
      );
      expect(await page.locator('.grid-notice').innerText()).toBe('Добавлено: 37 строк. Новые строки подсвечены.');
      expect(await page.locator('.qgrid tr.qrow-new').count()).toBe(37);
      await shot(page, 'editor-5-paste-added-highlighted');

      await page.keyboard.press('Control+z');
      await expect.poll(() => lineCount(q.id)).toBe(1);
      await expectScreenIsApi(page, q.id);
      await page.keyboard.press('Control+y');
      await expect.poll(() => lineCount(q.id)).toBe(38);
      const again = await expectScreenIsApi(page, q.id);
      expect(again.lines.slice(1).map((l: any) => l.code)).toEqual(good.map((g) => g.code));
    },
  );

  it('500 rows pasted into the grid are added in one write', async () => {
    const q = await quoteWith(page, [{ code: '2.2' }]);
    await openEditor(page, q.id);
    const rows = Array.from(
      { length: 500 },
      (_, i) => `${['4.1', '2.9', '2.5', '3.3.2'][i % 4]}\t${1 + (i % 2)}\t${i % 4 === 2 ? '' : String(1 + (i % 9))}`,
    );
    await cell(page, '2.2', COL.quantity).click();
    await pasteText(page, rows.join('\n'));
    const dialog = page.getByRole('dialog', { name: 'Вставка строк из таблицы' });
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('Будет добавлено 500 строк');
    await dialog.getByRole('button', { name: 'Добавить 500 строк' }).click();
    await waitSaved(page);
    const saved = await expectScreenIsApi(page, q.id);
    expect(saved.lines).toHaveLength(501);
    expect(saved.lines[500]).toMatchObject({ code: '3.3.2', quantityMilli: 2000, hoursCenti: 500 });
    expect(await page.locator('.grid-notice').innerText()).toContain('Добавлено: 500 строк');
    const audit = await api(page, 'GET', `/api/quotes/${q.id}/audit`);
    expect(audit.filter((a: any) => a.action === 'lines_pasted')).toHaveLength(2);
  });
});
