/** Debian's Chromium through playwright-core (no browser download), and helpers for the journeys. */
import { mkdirSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = 'test/e2e/screenshots';

export function baseUrl(): string {
  return inject('baseUrl');
}

export async function launch(): Promise<Browser> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export async function newContext(browser: Browser, options: { phone?: boolean; lang?: 'ru' | 'en' } = {}): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: options.phone ? { width: 390, height: 844 } : { width: 1440, height: 900 },
    deviceScaleFactor: options.phone ? 2 : 1,
    isMobile: options.phone ?? false,
    hasTouch: options.phone ?? false,
    locale: options.lang === 'en' ? 'en-GB' : 'ru-RU',
    acceptDownloads: true,
  });
  if (options.lang) await context.addInitScript((l) => localStorage.setItem('lang', l), options.lang);
  return context;
}

/** Logs in through the real login form, as a person would. */
export async function loginAs(page: Page, role: 'admin' | 'manager' | 'accountant') {
  await page.goto(`${baseUrl()}/`);
  await page.getByLabel('Email').fill(`${role}@demo.local`);
  await page.getByLabel('Пароль').fill('demo-password');
  await page.getByRole('button', { name: 'Войти' }).click();
  await page.locator('.sidebar').waitFor();
}

export async function shot(page: Page, name: string) {
  await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: false });
}

/** The API as the page's session sees it. */
export async function apiGet<T = any>(page: Page, path: string): Promise<T> {
  const res = await page.request.get(`${baseUrl()}${path}`);
  if (!res.ok()) throw new Error(`GET ${path} → ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}

/** Text of money as the Russian UI prints it, from minor units: 329 400,00 ₽. */
export function rub(minor: number): string {
  const whole = Math.trunc(Math.abs(minor) / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  const kopecks = String(Math.abs(minor) % 100).padStart(2, '0');
  return `${minor < 0 ? '−' : ''}${whole},${kopecks}\u00a0₽`;
}
