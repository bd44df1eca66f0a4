/**
 * Looks at a page the way a person would: logs in as a demo user (or not), opens a path in
 * Debian's Chromium and saves a PNG. A development aid, not a test.
 *   tsx scripts/screenshot.ts /catalog shot.png [--as manager] [--width 1440] [--height 900] [--lang en] [--full]
 */
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    as: { type: 'string' },
    width: { type: 'string', default: '1440' },
    height: { type: 'string', default: '900' },
    lang: { type: 'string', default: 'ru' },
    full: { type: 'boolean', default: false },
    base: { type: 'string', default: 'http://localhost:8787' },
    wait: { type: 'string', default: '600' },
  },
});
const [path = '/', out = 'screenshot.png'] = positionals;

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
try {
  const context = await browser.newContext({
    viewport: { width: Number(values.width), height: Number(values.height) },
    locale: values.lang === 'en' ? 'en-GB' : 'ru-RU',
  });
  const page = await context.newPage();
  await page.addInitScript((lang) => localStorage.setItem('lang', lang), values.lang!);
  if (values.as) {
    const res = await page.request.post(`${values.base}/api/auth/login`, {
      data: { email: `${values.as}@demo.local`, password: 'demo-password' },
      headers: { origin: values.base! },
    });
    if (!res.ok()) throw new Error(`login failed: ${res.status()} ${await res.text()}`);
  }
  await page.goto(values.base + path, { waitUntil: 'networkidle' });
  await page.waitForTimeout(Number(values.wait));
  await page.screenshot({ path: out, fullPage: values.full });
  console.log(`saved ${out}`);
} finally {
  await browser.close();
}
