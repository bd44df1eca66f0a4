/**
 * Helpers for the quote editor's journeys: quotes made through the API, the editor opened as
 * a person opens it, and the one check every journey ends with — the figures on the screen
 * are the figures the API stored, to the kopeck. Expected texts are written here from the
 * API's integers (not with the app's own formatters).
 */
import type { BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { baseUrl, rub } from './browser';

export async function api<T = any>(page: Page, method: string, path: string, data?: unknown): Promise<T> {
  const res = await page.request.fetch(`${baseUrl()}${path}`, { method, data, headers: { origin: baseUrl() } });
  if (!res.ok()) throw new Error(`${method} ${path} → ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}

let catalogCache: any[] | null = null;
export async function catalog(page: Page): Promise<any[]> {
  catalogCache ??= await api<any[]>(page, 'GET', '/api/catalog/items');
  return catalogCache;
}

/** A draft with the given rows (code, quantity, hours), made through the API. */
export async function quoteWith(
  page: Page,
  rows: { code?: string; title?: string; quantityMilli?: number; hoursCenti?: number }[],
  header: Record<string, unknown> = {},
) {
  let q = await api(page, 'POST', '/api/quotes', { customerId: 1, title: 'Смета для проверки', ...header });
  if (rows.length) q = await api(page, 'POST', `/api/quotes/${q.id}/lines/paste`, { version: q.version, rows });
  return q;
}

export async function openEditor(page: Page, id: number) {
  await page.goto(`${baseUrl()}/quotes/${id}`);
  await page.locator('.qgrid').waitFor();
}

export async function withClipboard(context: BrowserContext) {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl() });
}

/** Puts text on the clipboard and presses Ctrl+V in the focused element, as a person pastes. */
export async function pasteText(page: Page, text: string) {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.keyboard.press('Control+V');
}

/**
 * Everything typed is saved: no write waits, nothing is pending (the footer's `data-idle`; on
 * a footer without it, what a person reads there: not «Сохранение…»).
 */
export async function waitSaved(page: Page) {
  await expect.poll(() => page.evaluate(IDLE), { timeout: 20_000 }).toBe(true);
}

/** In the page: nothing waits to be saved (for page.evaluate / waitForFunction). */
export const IDLE = () => {
  const bar = document.querySelector('.totals-bar');
  if (!bar) return false;
  const flag = bar.getAttribute('data-idle');
  return flag !== null ? flag === 'true' : !/Сохранение/.test(bar.querySelector('.save-state')?.textContent ?? '');
};

// ---------- the figures as a Russian screen writes them ----------

const group = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
export function fixed(value: number, decimals: number): string {
  const sign = value < 0 ? '−' : '';
  const abs = Math.abs(value);
  const unit = 10 ** decimals;
  const whole = group(String(Math.trunc(abs / unit)));
  return decimals ? `${sign}${whole},${String(abs % unit).padStart(decimals, '0')}` : `${sign}${whole}`;
}
/** Thousandths without trailing zeros: 600 → "0,6", 2000 → "2". */
export const milli = (v: number) => fixed(v, 3).replace(/0+$/, '').replace(/,$/, '');
export const hours = (centi: number) => `${fixed(centi, 2)}\u00a0ч`;
export const percent = (m: number) => `${milli(m * 100)}\u00a0%`;

/** What each line's cells show, as the person sees them. */
export async function screenRows(page: Page): Promise<string[][]> {
  return page.$$eval('.qgrid tbody tr:not(.grid-add-row)', (rows) =>
    rows.map((tr) =>
      Array.from(tr.querySelectorAll('td[role="gridcell"]')).map((td) => {
        const clone = td.cloneNode(true) as HTMLElement;
        clone.querySelectorAll('.fact-mark, .line-note, .k-mark, .sr-only, .anchored').forEach((e) => {
          e.remove();
        });
        return (clone.textContent ?? '').trim();
      }),
    ),
  );
}

/** The API's lines as the screen must show them. */
export function expectedRows(q: any): string[][] {
  return q.lines.map((l: any) =>
    l.kind === 'section'
      ? ['', l.title, '', '', '', '', '']
      : [
          l.code,
          l.title,
          milli(l.quantityMilli),
          l.hoursCenti === null ? 'часы?' : fixed(l.hoursCenti, 2),
          milli(l.kMilli),
          l.normHoursCenti === null ? '—' : hours(l.normHoursCenti),
          l.amountMinor === null ? '—' : rub(l.amountMinor),
        ],
  );
}

export async function screenTotals(page: Page): Promise<Record<string, string>> {
  return page.$$eval('.totals-bar .totals > div', (items) =>
    Object.fromEntries(
      items.map((d) => [(d.querySelector('dt')?.textContent ?? '').trim(), (d.querySelector('dd')?.textContent ?? '').trim()]),
    ),
  );
}

export function expectedTotals(q: any): Record<string, string> {
  const out: Record<string, string> = { Сумма: rub(q.totals.subtotalMinor) };
  if (q.discountRateMilli > 0) out[`Скидка ${percent(q.discountRateMilli)}`] = `−${rub(q.totals.discountMinor)}`;
  const vat = q.vatMode === 'none' ? 'Без НДС' : `НДС ${percent(q.vatRateMilli)}${q.vatMode === 'included' ? ' (в т. ч.)' : ''}`;
  out[vat] = rub(q.totals.vatMinor);
  out.Итого = rub(q.totals.totalMinor);
  out['Нормо-часы'] = hours(q.totals.normHoursCenti);
  return out;
}

/** Waits until everything is saved, then: every figure on the screen is the API's. Returns the quote. */
export async function expectScreenIsApi(page: Page, id: number) {
  await waitSaved(page);
  const q = await api(page, 'GET', `/api/quotes/${id}`);
  expect(await screenRows(page)).toEqual(expectedRows(q));
  expect(await screenTotals(page)).toEqual(expectedTotals(q));
  return q;
}

/** The cell of a line (by its code or title) and a column (1-based, as aria-colindex). */
export function cell(page: Page, line: string, column: number) {
  return page
    .locator(`.qgrid tbody tr:has(td[aria-colindex="1"]:text-is("${line}")), .qgrid tbody tr:has(td[aria-colindex="2"]:text-is("${line}"))`)
    .first()
    .locator(`td[aria-colindex="${column}"]`);
}

export const COL = { code: 1, title: 2, quantity: 3, hours: 4, k: 5, normHours: 6, amount: 7 } as const;

/** Which element has the focus, in words a test can compare. */
export async function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'body';
    const td = el.closest('td[role="gridcell"]');
    const tr = el.closest('tr');
    if (el.getAttribute('role') === 'combobox' && el.closest('.qgrid')) return 'add-box';
    if (td && tr)
      return `cell:${
        (tr.querySelector('td[aria-colindex="1"]')?.textContent ?? '').trim() ||
        (tr.querySelector('td[aria-colindex="2"]')?.textContent ?? '').trim()
      }:${td.getAttribute('aria-colindex')}`;
    return `${el.tagName.toLowerCase()}${el.getAttribute('aria-label') ? `[${el.getAttribute('aria-label')}]` : ''}`;
  });
}
