/**
 * A person double-clicks «Сохранить» (or presses Enter twice) on a form that writes: the record
 * is written once. Checked through the API for a new customer and for a crowdfunding pledge (money).
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiGet, baseUrl, launch, loginAs, newContext } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('a form sent twice in a hurry writes once', () => {
  it('a new customer: double-click on «Сохранить», then Enter twice on another', async () => {
    const page = await (await newContext(browser)).newPage();
    await loginAs(page, 'manager');
    const stamp = Date.now().toString(36);
    for (const [name, send] of [
      [`Двойной щелчок ${stamp}`, () => page.getByRole('dialog').getByRole('button', { name: 'Сохранить' }).dblclick()],
      [
        `Двойной Enter ${stamp}`,
        async () => {
          await page.keyboard.press('Enter');
          await page.keyboard.press('Enter');
        },
      ],
    ] as const) {
      await page.goto(`${baseUrl()}/customers`);
      await page.getByRole('button', { name: 'Новый заказчик' }).click();
      await page.getByRole('dialog').getByLabel('Наименование', { exact: true }).pressSequentially(name);
      await send();
      await page.getByRole('dialog').waitFor({ state: 'detached' });
      await page.waitForTimeout(1500); // a second write, if one was sent, has landed by now
      const found = await apiGet(page, `/api/customers?search=${encodeURIComponent(name)}`);
      const items = Array.isArray(found) ? found : found.items;
      expect(items.filter((c: { name: string }) => c.name === name)).toHaveLength(1);
    }
  });

  it('a pledge: double-click on «Сохранить» records one pledge', async () => {
    const page = await (await newContext(browser)).newPage();
    await loginAs(page, 'manager');
    const project = (await apiGet(page, '/api/crowdfunding'))[0];
    const before = (await apiGet(page, `/api/crowdfunding/${project.id}`)).pledges.length;
    await page.goto(`${baseUrl()}/crowdfunding/${project.id}`);
    await page.getByRole('button', { name: '+ Взнос' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Нормо-часы').fill('');
    await dialog.getByLabel('Нормо-часы').pressSequentially('1,5');
    await dialog.getByRole('button', { name: 'Сохранить' }).dblclick();
    await dialog.waitFor({ state: 'detached' });
    await page.waitForTimeout(1500);
    const after = (await apiGet(page, `/api/crowdfunding/${project.id}`)).pledges;
    expect(after).toHaveLength(before + 1);
  });

  it('the customer’s new request on the account page: a double tap raises one request', async () => {
    const manager = await (await newContext(browser)).newPage();
    await loginAs(manager, 'manager');
    const res = await manager.request.post(`${baseUrl()}/api/customers/1/account-link`, {
      data: { email: false },
      headers: { origin: baseUrl() },
    });
    const { token } = (await res.json()) as { token: string };
    const phone = await (await newContext(browser, { phone: true })).newPage();
    await phone.goto(`${baseUrl()}/a/${token}`);
    const subject = `Двойное нажатие ${Date.now().toString(36)}`;
    await phone.getByText('Новое обращение').click();
    await phone.getByLabel('Тема').pressSequentially(subject);
    await phone.getByLabel('Описание').pressSequentially('Проверка двойного нажатия.');
    await phone.getByRole('button', { name: 'Отправить обращение' }).dblclick();
    await phone.getByRole('status').filter({ hasText: 'принято' }).waitFor();
    await phone.waitForTimeout(1500);
    const mine = await apiGet(phone, `/api/account/${token}`);
    expect(mine.requests.filter((r: { subject: string }) => r.subject === subject)).toHaveLength(1);
  });

  it('«Отправить» pressed the moment the send dialog opens waits for the customer’s address instead of refusing it', async () => {
    const page = await (await newContext(browser)).newPage();
    await loginAs(page, 'manager');
    const draft = await page.request.post(`${baseUrl()}/api/quotes`, {
      data: { customerId: 1, title: 'Спешная отправка' },
      headers: { origin: baseUrl() },
    });
    let q = await draft.json();
    const catalog: any[] = await apiGet(page, '/api/catalog/items');
    const line = await page.request.post(`${baseUrl()}/api/quotes/${q.id}/lines`, {
      data: { version: q.version, catalogItemId: catalog.find((i) => i.code === '2.2').id },
      headers: { origin: baseUrl() },
    });
    q = await line.json();
    // The preview (which brings the customer card's addresses) takes a while, as on a slow line.
    await page.route('**/mail-preview', async (route) => {
      await new Promise((r) => setTimeout(r, 1500));
      await route.fallback();
    });
    await page.goto(`${baseUrl()}/quotes/${q.id}`);
    await page.getByRole('button', { name: 'Отправить', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Отправить', exact: true }).click();
    await expect.poll(async () => (await apiGet(page, `/api/quotes/${q.id}`)).status).toBe('sent');
    expect(await page.getByRole('dialog').count()).toBe(0);
  });
});
