/**
 * Journey: a quote delivered by e-mail. The manager sends R1 from the editor with a note typed
 * key by key; the message leaves through the simulated Email Service (its files are read back
 * from the app's log); the customer opens the e-mailed link on a phone and sees R1; the manager
 * makes and sends R2 without an e-mail; the same link now shows R2 with R1 in its history; the
 * customer accepts R2 and downloads its PDF; the manager is told by e-mail.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SCREENSHOTS, apiGet, baseUrl, launch, loginAs, newContext, rub, shot } from './browser';
import { waitForMail } from './mailbox';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function call(page: Page, method: string, path: string, data?: unknown) {
  const res = await page.request.fetch(`${baseUrl()}${path}`, { method, data, headers: { origin: baseUrl() } });
  if (!res.ok()) throw new Error(`${method} ${path} → ${res.status()} ${await res.text()}`);
  return res.json();
}

describe('a quote delivered by e-mail', () => {
  it('R1 by e-mail, R2 on the same link, accepted and downloaded as PDF; the manager hears of it', async () => {
    const state = inject('statePath');
    const stamp = Date.now().toString(36);
    const address = `zakupki-${stamp}@college.example`;
    const managerContext = await newContext(browser);
    const manager = await managerContext.newPage();
    await loginAs(manager, 'manager');
    const customer = await call(manager, 'POST', '/api/customers', { name: `Колледж ${stamp}`, email: address });
    const catalog: any[] = await call(manager, 'GET', '/api/catalog/items');
    const item = (code: string) => catalog.find((i) => i.code === code).id;
    let q = await call(manager, 'POST', '/api/quotes', { customerId: customer.id, title: 'Портал колледжа' });
    q = await call(manager, 'POST', `/api/quotes/${q.id}/lines`, { version: q.version, catalogItemId: item('2.2') });
    q = await call(manager, 'POST', `/api/quotes/${q.id}/lines`, { version: q.version, catalogItemId: item('2.5') });

    // The manager sends R1 from the editor: the customer card's address is already there.
    await manager.goto(`${baseUrl()}/quotes/${q.id}`);
    await manager.getByRole('button', { name: 'Отправить', exact: true }).click();
    const dialog = manager.getByRole('dialog');
    await expect.poll(() => dialog.getByLabel('Кому').inputValue()).toBe(address);
    await dialog.getByLabel('Сообщение заказчику').click();
    await manager.keyboard.type('Добрый день! Смета по вчерашнему звонку.');
    await expect.poll(() => dialog.locator('.mail-text').innerText()).toContain('Добрый день! Смета по вчерашнему звонку.');
    expect(await dialog.locator('.mail-text').innerText()).toContain(rub(q.totals.totalMinor));
    await shot(manager, '16-send-dialog');
    await dialog.getByRole('button', { name: 'Отправить', exact: true }).click();
    await expect.poll(() => manager.locator('.page-header .chip').innerText()).toBe('Отправлена');
    const r1 = await apiGet(manager, `/api/quotes/${q.id}`);
    expect(r1.status).toBe('sent');

    const mail = await waitForMail(state, address, r1.number);
    expect(mail.subject).toBe(`Смета ${r1.number}: Портал колледжа`);
    expect(mail.text).toContain('Добрый день! Смета по вчерашнему звонку.');
    expect(mail.attachments.map((a) => a.filename)).toEqual([`${r1.number} Колледж ${stamp}.pdf`]);
    const url = /https?:\/\/\S+\/s\/[A-Za-z0-9_-]{43}/.exec(mail.text)![0];
    expect(url.startsWith(baseUrl())).toBe(true);

    // The customer opens the e-mailed link on a phone: R1.
    const phoneContext = await newContext(browser, { phone: true });
    const phone = await phoneContext.newPage();
    await phone.goto(url);
    expect(await phone.title()).toContain(r1.number);
    expect(await phone.locator('.hero-amount').innerText()).toBe(rub(r1.totals.totalMinor));
    await shot(phone, '16-customer-phone-r1');

    // The manager makes R2 (one more service) and sends it without an e-mail.
    await manager.locator('.page-header').getByRole('button', { name: 'Новая редакция' }).click();
    await manager.waitForURL((u) => !u.pathname.endsWith(`/quotes/${q.id}`));
    const r2id = Number(new URL(manager.url()).pathname.split('/').pop());
    let r2 = await apiGet(manager, `/api/quotes/${r2id}`);
    r2 = await call(manager, 'POST', `/api/quotes/${r2id}/lines`, { version: r2.version, catalogItemId: item('2.4') });
    await manager.reload();
    await manager.getByRole('button', { name: 'Отправить', exact: true }).click();
    const second = manager.getByRole('dialog');
    await second.getByLabel('Отправить заказчику письмо со ссылкой и PDF').uncheck();
    await second.getByRole('button', { name: 'Отправить', exact: true }).click();
    await expect.poll(() => manager.locator('.page-header .chip').innerText()).toBe('Отправлена');
    r2 = await apiGet(manager, `/api/quotes/${r2id}`);
    expect(r2.number).toBe(`${r1.number}-R2`);

    // The same link now shows R2, with R1 in its history.
    await phone.reload();
    expect(await phone.title()).toContain(r2.number);
    expect(await phone.locator('.hero-amount').innerText()).toBe(rub(r2.totals.totalMinor));
    await phone.locator('.history summary').click();
    expect(await phone.locator('.history').innerText()).toContain(r1.number);
    await phone.getByLabel('Ваши фамилия, имя и отчество').first().fill('Орлова Мария Сергеевна');
    await phone.getByLabel('Я прочитал(а) условия и принимаю смету').check();
    await phone.getByRole('button', { name: 'Принять смету' }).click();
    await phone.waitForURL(/done=1/);
    expect(await phone.locator('.answer').innerText()).toContain('Смета принята');
    await shot(phone, '16-customer-phone-r2-accepted');
    expect(await apiGet(manager, `/api/quotes/${r2id}`)).toMatchObject({ status: 'accepted', answerName: 'Орлова Мария Сергеевна' });

    // The customer downloads the accepted R2 as PDF.
    const [download] = await Promise.all([phone.waitForEvent('download'), phone.getByRole('link', { name: 'Скачать PDF' }).click()]);
    const pdfPath = (await download.path())!;
    expect(readFileSync(pdfPath).subarray(0, 5).toString()).toBe('%PDF-');
    const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
    expect(text).toContain(r2.number);
    expect(text.replace(/\u00a0/g, ' ')).toContain(rub(r2.totals.totalMinor).replace(/\u00a0/g, ' '));
    execFileSync('pdftoppm', ['-r', '60', '-png', '-f', '1', '-l', '1', pdfPath, `${SCREENSHOTS}/16-customer-pdf-r2`]);

    // The manager hears of the answer by e-mail.
    const told = await waitForMail(state, 'manager@demo.local', r2.number);
    expect(told.text).toContain('Орлова Мария Сергеевна');
    await phoneContext.close();
    await managerContext.close();
  });
});
