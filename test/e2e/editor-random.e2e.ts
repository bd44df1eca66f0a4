/**
 * Issue 13, done-when: a scripted session of 200 random keyboard actions on a 30-line quote —
 * edits, Enter/Tab/arrows, undo/redo, paste, delete — checked after every step: every figure
 * on the screen equals the API's, the focus is never on <body>, and no write ever goes to
 * another quote. The randomness is seeded (E2E_SEED, default 13): a failure names the seed and
 * the step, and the same seed replays the same session.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launch, loginAs, newContext, shot } from './browser';
import { api, expectScreenIsApi, focused, openEditor, pasteText, quoteWith, waitSaved, withClipboard } from './editor-helpers';

const SEED = Number(process.env.E2E_SEED ?? 13);
const STEPS = 200;

/** mulberry32: a small seeded generator, the same sequence for the same seed everywhere. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
    chance: (p: number) => next() < p,
  };
}

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

const CODES = ['2.2', '2.5', '4.1', '2.9', '3.3.1', '4.10', '2.6', '5.1'];

function thirtyLines() {
  return Array.from({ length: 30 }, (_, i) => {
    if (i % 7 === 6) return { title: `Своя работа ${i + 1}`, quantityMilli: 1000, hoursCenti: 150 + i * 10 };
    const code = CODES[i % CODES.length]!;
    return { code, quantityMilli: 1000 + (i % 3) * 500, ...(code === '2.2' || code === '2.5' ? {} : { hoursCenti: 100 + i * 25 }) };
  });
}

describe('a random keyboard session', () => {
  it(`200 random keyboard actions on a 30-line quote (seed ${SEED}): the screen always shows what the API stored`, async () => {
    const q = await quoteWith(page, thirtyLines(), { title: 'Случайная сессия', discountRateMilli: 75 });
    const other = await quoteWith(page, [{ code: '2.2' }], { title: 'Чужая смета' });
    const writes: string[] = [];
    page.on('request', (r) => {
      if (r.method() !== 'GET' && r.url().includes('/api/')) writes.push(`${r.method()} ${new URL(r.url()).pathname}`);
    });
    await openEditor(page, q.id);
    await page.locator('.qgrid td[aria-colindex="3"]').first().click();
    const rnd = random(SEED);
    const log: string[] = [];

    /** Types a value the column may or may not accept, as a person would, then Enter or Tab. */
    async function typeValue() {
      if (rnd.chance(0.8)) {
        // Most of the time the person first goes to a number column of the row: Home, then right.
        const right = 2 + rnd.int(3);
        log.push(`Home, ArrowRight ×${right}`);
        await page.keyboard.press('Home');
        for (let i = 0; i < right; i++) await page.keyboard.press('ArrowRight');
      }
      // (Latin letters: Playwright types Cyrillic as inserted text, without the key events a
      // keyboard sends; names are typed into an open editor below.)
      const value = rnd.pick(['3', '2,5', '12', '0,6', '1', '7.5', '10', '1 000', 'abc']);
      const key = rnd.pick(['Enter', 'Enter', 'Tab']);
      log.push(`type ${value} + ${key}`);
      await page.keyboard.type(value);
      await page.keyboard.press(key);
      await settle();
    }

    /** After a key that may open a dialog (K with a reason) or leave an error: handle it as a person. */
    async function settle() {
      // The key's effect is on screen when the key has been handled (the app renders at once).
      if (await page.locator('dialog').count()) {
        await page.waitForFunction(() => document.activeElement?.closest('dialog[open]'));
        log.push('  (K needs a reason: typed one)');
        await page.keyboard.type('так решил менеджер');
        await page.keyboard.press('Enter');
      } else if (await page.locator('.cell-input[aria-invalid="true"]').count()) {
        log.push('  (refused in the cell: Esc)');
        await page.keyboard.press('Escape');
      }
    }

    const actions: [number, () => Promise<void>][] = [
      [
        10,
        async () => {
          const k = rnd.pick(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End', 'PageUp', 'PageDown']);
          log.push(k);
          await page.keyboard.press(k);
        },
      ],
      [
        4,
        async () => {
          const n = 1 + rnd.int(5);
          log.push(`ArrowUp ×${n}`);
          for (let i = 0; i < n; i++) await page.keyboard.press('ArrowUp');
        },
      ],
      [14, typeValue],
      [
        4,
        async () => {
          log.push('F2, Backspace, 4, Enter');
          await page.keyboard.press('F2');
          await page.keyboard.press('Backspace');
          await page.keyboard.type('4');
          await page.keyboard.press('Enter');
          await settle();
        },
      ],
      [
        3,
        async () => {
          log.push('type 9, Esc');
          await page.keyboard.type('9');
          await page.keyboard.press('Escape');
        },
      ],
      [
        2,
        async () => {
          log.push('Home, ArrowRight, F2, type « (этап 2)», Enter');
          await page.keyboard.press('Home');
          await page.keyboard.press('ArrowRight');
          await page.keyboard.press('F2');
          if (await page.locator('.cell-input').count()) await page.keyboard.type(' (этап 2)');
          await page.keyboard.press('Enter');
          await settle();
        },
      ],
      [
        2,
        async () => {
          log.push('type abc + Enter (refused), Esc');
          await page.keyboard.type('abc');
          await page.keyboard.press('Enter');
          await page.keyboard.press('Escape');
        },
      ],
      [
        4,
        async () => {
          log.push('Ctrl+Z');
          await page.keyboard.press('Control+z');
        },
      ],
      [
        3,
        async () => {
          log.push('Ctrl+Y');
          await page.keyboard.press('Control+y');
        },
      ],
      [
        3,
        async () => {
          const rows = Array.from({ length: 1 + rnd.int(3) }, () => `${rnd.pick(CODES)}\t${1 + rnd.int(3)}\t${rnd.pick(['', '2', '3,5'])}`);
          log.push(`paste ${JSON.stringify(rows)}`);
          await pasteText(page, rows.join('\n'));
          const dialog = page.getByRole('dialog', { name: 'Вставка строк из таблицы' });
          await dialog.waitFor();
          const add = dialog.getByRole('button', { name: /^Добавить/ });
          if (await add.count()) await add.click();
          else await dialog.getByRole('button', { name: 'Понятно' }).click();
        },
      ],
      [
        3,
        async () => {
          const lines = (await api(page, 'GET', `/api/quotes/${q.id}`)).lines.length;
          if (lines <= 8) return void log.push('(Ctrl+Delete skipped: few lines)');
          log.push('Ctrl+Delete');
          await page.keyboard.press('Control+Delete');
        },
      ],
      [
        2,
        async () => {
          const k = rnd.pick(['Alt+ArrowUp', 'Alt+ArrowDown']);
          log.push(k);
          await page.keyboard.press(k);
        },
      ],
      [
        1,
        async () => {
          log.push('Delete (clears hours)');
          await page.keyboard.press('Delete');
        },
      ],
      [
        1,
        async () => {
          log.push('Tab out, Shift+Tab back');
          await page.keyboard.press('Tab');
          await page.keyboard.press('Shift+Tab');
        },
      ],
      [
        1,
        async () => {
          const code = rnd.pick(CODES);
          log.push(`Ctrl+End, ${code}, Enter, ArrowUp`);
          await page.keyboard.press('Control+End');
          await page.keyboard.type(code);
          await page.keyboard.press('Enter');
          await waitSaved(page);
          await page.keyboard.press('ArrowUp');
        },
      ],
    ];
    const total = actions.reduce((s, [w]) => s + w, 0);

    for (let step = 1; step <= STEPS; step++) {
      let r = rnd.int(total);
      const action = actions.find(([w]) => {
        r -= w;
        return r < 0;
      })![1];
      try {
        await action();
        await expectScreenIsApi(page, q.id);
        const inGrid = () => page.evaluate(() => !!document.activeElement?.closest('.qgrid'));
        if (!(await inGrid()) && /Tab$/.test(log.at(-1) ?? '')) {
          // Tab outside an edit leaves the grid, as it should (past the page's last control, the
          // browser's own): the person comes back with Shift+Tab.
          log.push('  (left the grid: Shift+Tab back)');
          await page.keyboard.press('Shift+Tab');
        }
        const where = await focused(page);
        log.push(`  → focus ${where}`);
        expect(where).not.toBe('body');
        expect(await inGrid()).toBe(true);
        const stray = writes.filter(
          (w) =>
            !w.startsWith(`POST /api/quotes/${q.id}/`) &&
            !w.startsWith(`PATCH /api/quotes/${q.id}/`) &&
            !w.startsWith(`DELETE /api/quotes/${q.id}/`) &&
            w !== `PATCH /api/quotes/${q.id}`,
        );
        expect(stray).toEqual([]);
      } catch (e) {
        await shot(page, `editor-random-failed-seed-${SEED}`);
        const { actual, expected } = e as { actual?: unknown; expected?: unknown };
        const differ =
          Array.isArray(actual) && Array.isArray(expected)
            ? actual.flatMap((row, i) =>
                JSON.stringify(row) === JSON.stringify(expected[i])
                  ? []
                  : [`row ${i + 1}: screen ${JSON.stringify(row)} · API ${JSON.stringify(expected[i])}`],
              )
            : [];
        throw new Error(
          `seed ${SEED}, step ${step}: ${(e as Error).message}\n${differ.join('\n')}\nlast actions:\n${log.slice(-24).join('\n')}`,
        );
      }
    }
    await shot(page, 'editor-random-session-end');
    const untouched = await api(page, 'GET', `/api/quotes/${other.id}`);
    expect(untouched).toMatchObject({ version: other.version, title: 'Чужая смета' });
    expect(writes.length).toBeGreaterThan(40);
    expect(page.url()).toBe(`${baseUrl()}/quotes/${q.id}`);
  });
});
