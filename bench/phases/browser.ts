/**
 * Time to first render of the quote editor in headless Chromium (Debian's, through
 * playwright-core): from navigation to the 50-line grid on screen, in a fresh browser context
 * each time (empty cache, as a first visit). Baseline: the login screen, the same bundle with no
 * data to fetch, measured the same way in the same run.
 */
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface RenderResults {
  chromium: string;
  editorMs: number[];
  loginMs: number[];
  rows: number;
}

async function once(
  browser: Browser,
  url: string,
  selector: string,
  cookie?: { value: string; url: string },
): Promise<{ ms: number; rows: number }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'ru-RU' });
  try {
    if (cookie) await context.addCookies([{ name: 'nh_session', value: cookie.value, url: cookie.url }]);
    const page = await context.newPage();
    const t0 = performance.now();
    await page.goto(url, { waitUntil: 'commit' });
    await page.locator(selector).first().waitFor({ state: 'visible', timeout: 30_000 });
    const ms = performance.now() - t0;
    const rows = await page.locator('.qgrid tbody tr').count();
    return { ms, rows };
  } finally {
    await context.close();
  }
}

export async function firstRender(base: string, draftId: number, sessionCookie: string, repeats: number): Promise<RenderResults> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-quic',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const cookie = { value: sessionCookie.replace(/^nh_session=/, ''), url: base };
    // One of each first, unrecorded: Chromium's own first start of a renderer is not the app's.
    await once(browser, `${base}/`, 'input[type=email]');
    await once(browser, `${base}/quotes/${draftId}`, '.qgrid', cookie);
    const editorMs: number[] = [];
    const loginMs: number[] = [];
    let rows = 0;
    for (let i = 0; i < repeats; i++) {
      loginMs.push((await once(browser, `${base}/`, 'input[type=email]')).ms);
      const editor = await once(browser, `${base}/quotes/${draftId}`, '.qgrid tbody tr:nth-child(50)', cookie);
      editorMs.push(editor.ms);
      rows = editor.rows;
    }
    return { chromium: browser.version(), editorMs, loginMs, rows };
  } finally {
    await browser.close();
  }
}
