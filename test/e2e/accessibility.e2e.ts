/**
 * Accessibility smoke: every page has a title and a language, every visible control and
 * button has an accessible name, there is a main landmark; and the quote grid works with
 * the keyboard alone, from the page load on.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiGet, baseUrl, launch, loginAs, newContext } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** What a screen reader would miss on this page. */
async function problems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    if (!document.title.trim()) out.push('no <title>');
    if (!document.documentElement.lang) out.push('no lang on <html>');
    if (!document.querySelector('main')) out.push('no <main> landmark');
    const visible = (el: Element) => (el as HTMLElement).offsetParent !== null || getComputedStyle(el).position === 'fixed';
    for (const el of Array.from(document.querySelectorAll('input, select, textarea, button, a[href]'))) {
      if ((el as HTMLInputElement).type === 'hidden' || !visible(el)) continue;
      const labelled =
        el.getAttribute('aria-label') ||
        el.getAttribute('aria-labelledby') ||
        ((el as HTMLInputElement).labels && (el as HTMLInputElement).labels!.length > 0) ||
        el.getAttribute('title') ||
        ((el.tagName === 'BUTTON' || el.tagName === 'A') && (el.textContent ?? '').trim());
      if (!labelled) out.push(`unnamed <${el.tagName.toLowerCase()}> ${el.outerHTML.slice(0, 80)}`);
    }
    for (const img of Array.from(document.querySelectorAll('img'))) if (!img.hasAttribute('alt')) out.push(`img without alt ${img.src}`);
    return out;
  });
}

describe('accessibility', () => {
  it('every staff page: a title, a language, a main landmark, named controls', async () => {
    const page = await (await newContext(browser)).newPage();
    await page.goto(`${baseUrl()}/`);
    await page.getByLabel('Email').waitFor();
    expect(await problems(page)).toEqual([]); // the login page
    await loginAs(page, 'admin');
    const quotes = await apiGet(page, '/api/quotes?pageSize=1');
    const orders = await apiGet(page, '/api/orders');
    const projects = await apiGet(page, '/api/crowdfunding');
    const paths = [
      '/quotes',
      `/quotes/${quotes.items[0].id}`,
      '/customers',
      '/customers/1',
      '/queue',
      '/reports',
      '/crowdfunding',
      `/crowdfunding/${projects[0].id}`,
      `/crowdfunding/compare?ids=${projects[0].id},${projects[1].id}`,
      '/catalog',
      '/settings',
      '/users',
      `/orders/${orders[0].id}`,
    ];
    for (const path of paths) {
      await page.goto(`${baseUrl()}${path}`);
      await page.locator('.page-header h1').waitFor();
      await page.waitForLoadState('networkidle');
      expect(await page.title(), path).not.toBe('');
      expect(await page.locator('html').getAttribute('lang'), path).toBe('ru');
      expect(await problems(page), path).toEqual([]);
    }
    // English switch: the language follows
    await page.getByRole('button', { name: 'Switch to English' }).click();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toMatch(/^Work order WO-/);
    expect(await page.locator('.sidebar').innerText()).toContain('Quotes');
  });

  it('the customer’s page: title, language, named controls', async () => {
    const staff = await (await newContext(browser)).newPage();
    await loginAs(staff, 'manager');
    const list = await apiGet(staff, '/api/quotes?status=sent&pageSize=1');
    const res = await staff.request.post(`${baseUrl()}/api/quotes/${list.items[0].id}/share`, { headers: { origin: baseUrl() }, data: {} });
    const { url } = await res.json();
    const customer = await (await newContext(browser, { phone: true })).newPage();
    await customer.goto(url);
    expect(await problems(customer)).toEqual([]);
    expect(await customer.locator('h1').count()).toBe(1);
  });

  it('the quote grid works with the keyboard alone', async () => {
    const page = await (await newContext(browser)).newPage();
    await loginAs(page, 'manager');
    const created = await page.request.post(`${baseUrl()}/api/quotes`, {
      headers: { origin: baseUrl() },
      data: { customerId: 2, title: 'Только клавиатура' },
    });
    const quote = await created.json();
    await page.goto(`${baseUrl()}/quotes/${quote.id}`);
    await page.locator('.qgrid').waitFor();
    // Tab from the top of the page until the "add a line" box has the focus.
    let tabs = 0;
    while (!(await page.evaluate(() => document.activeElement?.getAttribute('role') === 'combobox')) && tabs < 80) {
      await page.keyboard.press('Tab');
      tabs++;
    }
    expect(tabs).toBeLessThan(80);
    // (each line is waited for on screen as a person would, before the next keys)
    const shownLines = () => page.locator('.qgrid tbody tr:not(.grid-add-row)').count();
    await page.keyboard.type('2.5');
    await page.keyboard.press('Enter');
    await expect.poll(shownLines).toBe(1);
    await page.keyboard.type('3.3.1');
    await page.keyboard.press('Enter');
    await expect.poll(shownLines).toBe(2);
    await expect.poll(() => page.locator('.save-state').innerText()).toBe('Сохранено');
    await expect.poll(async () => (await apiGet(page, `/api/quotes/${quote.id}`)).lines.length).toBe(2);
    // up to 3.3.1, right twice to its hours, type, Enter; up twice to 2.5, right to its quantity, type, Tab
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.type('12,5');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await apiGet(page, `/api/quotes/${quote.id}`)).lines[1].hoursCenti).toBe(1250);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.type('2');
    await page.keyboard.press('Tab');
    await expect.poll(async () => (await apiGet(page, `/api/quotes/${quote.id}`)).lines[0].quantityMilli).toBe(2000);
    // Escape cancels an edit; Alt+ArrowDown moves the line
    await page.keyboard.type('9');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Alt+ArrowDown');
    await expect.poll(async () => (await apiGet(page, `/api/quotes/${quote.id}`)).lines.map((l: any) => l.code)).toEqual(['3.3.1', '2.5']);
    const q = await apiGet(page, `/api/quotes/${quote.id}`);
    expect(q.lines.find((l: any) => l.code === '2.5').quantityMilli).toBe(2000);
    expect(await page.evaluate(() => document.activeElement?.closest('.qgrid') !== null)).toBe(true);
  });
});
