/**
 * The estimate as a PDF, read by poppler (an independent reader): page count, the text a
 * customer can select and copy — Cyrillic title, customer, every line's amount and the total
 * exactly as the API has them — the signature block, a long quote flowing onto more pages
 * with its totals kept with the table; and the customer's page printed by Chromium to A4.
 * Every page is rendered to PNG in test/e2e/screenshots/ to be looked at.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { APIRequestContext, Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCREENSHOTS, baseUrl, launch, newContext, rub } from './browser';
import { pdfInfo, pdfPages, pdfPngs, pdfText, textLines } from './poppler';

const WORK = 'test/e2e/artifacts/pdf';
/** poppler gives a no-break space as a plain space: the API's figures as pdftotext prints them. */
const asText = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
const money = (minor: number) => asText(rub(minor));

let browser: Browser;
let staff: BrowserContext;
let api: APIRequestContext;

async function call(method: string, path: string, data?: unknown): Promise<any> {
  const res = await api.fetch(`${baseUrl()}${path}`, { method, data, headers: { origin: baseUrl() } });
  if (!res.ok()) throw new Error(`${method} ${path} → ${res.status()} ${await res.text()}`);
  return res.json();
}

/** A sent quote of `n` priced lines from the price list (hours entered where the item has none), a section every `every` lines. */
async function sentQuote(n: number, title: string, every = 0): Promise<any> {
  const catalog: any[] = (await call('GET', '/api/catalog/items')).filter((i: any) => i.active);
  let q = await call('POST', '/api/quotes', {
    customerId: 1,
    title,
    discountRateMilli: 50,
    vatMode: 'on_top',
    vatRateMilli: 220,
    customerNote: 'Работы начинаются после пополнения баланса нормо-часов.',
  });
  for (let i = 0; i < n; i++) {
    if (every && i % every === 0)
      q = await call('POST', `/api/quotes/${q.id}/lines`, { version: q.version, kind: 'section', title: `Этап ${i / every + 1}` });
    const item = catalog[i % catalog.length];
    const body: Record<string, unknown> = { version: q.version, catalogItemId: item.id, quantityMilli: 1000 + (i % 3) * 500 };
    if (item.hoursCenti === null) body.hoursCenti = 150 + ((i * 37) % 600);
    q = await call('POST', `/api/quotes/${q.id}/lines`, body);
  }
  return call('POST', `/api/quotes/${q.id}/send`, { version: q.version });
}

async function download(path: string, name: string, ctx: APIRequestContext = api): Promise<string> {
  const res = await ctx.get(`${baseUrl()}${path}`);
  expect(res.status(), await res.text().catch(() => '')).toBe(200);
  expect(res.headers()['content-type']).toBe('application/pdf');
  const file = join(WORK, name);
  writeFileSync(file, await res.body());
  return file;
}

beforeAll(async () => {
  mkdirSync(WORK, { recursive: true });
  browser = await launch();
  staff = await newContext(browser);
  api = staff.request;
  const login = await api.post(`${baseUrl()}/api/auth/login`, {
    data: { email: 'manager@demo.local', password: 'demo-password' },
    headers: { origin: baseUrl() },
  });
  expect(login.status()).toBe(200);
});
afterAll(async () => {
  await staff?.close();
  await browser?.close();
});

describe('the estimate as a PDF (poppler)', () => {
  let quote: any;
  let token: string;

  it('15 lines: 1–2 A4 pages whose text is the API’s, Cyrillic and all; the link’s PDF is the same document', async () => {
    quote = await sentQuote(15, 'Внедрение СЭО: оформление, курсы и поддержка');
    const file = await download(`/api/quotes/${quote.id}/export.pdf?lang=ru`, 'estimate-15.pdf');
    const pages = pdfPages(file);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(2);
    expect(pdfInfo(file)).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
    const lines = textLines(pdfText(file));
    expect(lines).toContain('Внедрение СЭО: оформление, курсы и поддержка');
    expect(lines).toContain('Северный государственный университет');
    expect(lines).toContain(`Смета № ${quote.number}`);
    const items = quote.lines.filter((l: any) => l.kind !== 'section');
    expect(items).toHaveLength(15);
    for (const l of items) expect(lines, `${l.code} ${l.title}`).toContain(money(l.amountMinor));
    for (const m of [quote.totals.subtotalMinor, quote.totals.vatMinor, quote.totals.totalMinor]) expect(lines).toContain(money(m));
    expect(lines).toContain(`−${money(quote.totals.discountMinor)}`);
    expect(lines).toContain('Исполнитель');
    expect(lines).toContain('Заказчик');
    expect(lines).toContain(`Страница ${pages} из ${pages}`);
    // The totals are on the page of the last line.
    const last = textLines(pdfText(file, pages));
    expect(last).toContain(money(items[items.length - 1].amountMinor));
    expect(last).toContain(money(quote.totals.totalMinor));
    expect(pdfPngs(file, SCREENSHOTS, 'pdf-estimate-15')).toHaveLength(pages);

    ({ token } = await call('POST', `/api/quotes/${quote.id}/share`));
    const customer = await browser.newContext();
    const shared = await download(`/api/shared/${token}/export.pdf`, 'estimate-15-shared.pdf', customer.request);
    await customer.close();
    expect(pdfText(shared)).toBe(pdfText(file));
  });

  it('in English on request', async () => {
    const file = await download(`/api/quotes/${quote.id}/export.pdf?lang=en`, 'estimate-15-en.pdf');
    const lines = textLines(pdfText(file));
    expect(lines).toContain(`Estimate No. ${quote.number}`);
    expect(lines).toContain(asText(`₽${(quote.totals.totalMinor / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`));
    expect(lines).toContain('Contractor');
    pdfPngs(file, SCREENSHOTS, 'pdf-estimate-15-en');
  });

  it('40 lines flow onto more pages: the header row on each, the totals with the last lines, never alone', async () => {
    const q = await sentQuote(40, 'Сопровождение и доработки на год', 10);
    const file = await download(`/api/quotes/${q.id}/export.pdf?lang=ru`, 'estimate-40.pdf');
    const pages = pdfPages(file);
    expect(pages).toBeGreaterThanOrEqual(3);
    for (let p = 1; p <= pages; p++) {
      const lines = textLines(pdfText(file, p));
      expect(lines, `page ${p}`).toContain('Услуга');
      expect(lines, `page ${p}`).toContain(`Страница ${p} из ${pages}`);
    }
    const items = q.lines.filter((l: any) => l.kind !== 'section');
    const last = textLines(pdfText(file, pages));
    expect(last).toContain(money(items[items.length - 1].amountMinor));
    expect(last).toContain('Итого по разделу «Этап 4»');
    expect(last).toContain(money(q.totals.totalMinor));
    expect(last).toContain('М. П.');
    for (let p = 1; p < pages; p++) expect(textLines(pdfText(file, p))).not.toContain('Итого');
    const all = textLines(pdfText(file));
    for (const l of items) expect(all).toContain(money(l.amountMinor));
    pdfPngs(file, SCREENSHOTS, 'pdf-estimate-40');
  });
});

describe('the customer’s page on paper (Chromium, A4)', () => {
  for (const n of [11, 15]) {
    it(`${n} lines print on 1–2 pages: descriptions collapsed, totals kept together, no buttons`, async () => {
      const q = await sentQuote(n, `Смета на ${n} строк для печати`);
      const { token } = await call('POST', `/api/quotes/${q.id}/share`);
      const context = await newContext(browser);
      const page = await context.newPage();
      await page.goto(`${baseUrl()}/s/${token}`);
      // A service's details opened on screen are still left out on paper.
      await page.locator('.service-details summary').first().click();
      const file = join(WORK, `printed-${n}.pdf`);
      await page.pdf({ path: file, format: 'A4', printBackground: true });
      await context.close();
      const pages = pdfPages(file);
      expect(pages).toBeGreaterThanOrEqual(1);
      expect(pages).toBeLessThanOrEqual(2);
      const text = pdfText(file);
      const lines = textLines(text);
      expect(lines.join('\n')).toContain(`Смета на ${n} строк для печати`);
      for (const word of ['Скачать в Excel', 'Скачать PDF', 'Печать', 'Подробнее об услуге', 'Принять смету', 'Результат сервиса'])
        expect(text, word).not.toContain(word);
      const last = textLines(pdfText(file, pages));
      for (const m of [q.totals.subtotalMinor, q.totals.totalMinor]) expect(last.join('\n')).toContain(money(m));
      const items = q.lines.filter((l: any) => l.kind !== 'section');
      expect(last.join('\n')).toContain(money(items[items.length - 1].amountMinor));
      pdfPngs(file, SCREENSHOTS, `print-customer-page-${n}`);
    });
  }
});
