/**
 * Journey: a customer's service request (issue 18) reaches the managers' inbox; the manager
 * triages it (status, SLA level), answers it, and makes a quote of it in one click; the quote
 * keeps the request's text and links back to it. The request is raised through the API with an
 * account link written straight into the database (the account page is built on another branch).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { d1Query } from '../../scripts/wrangler';
import { apiGet, baseUrl, launch, loginAs, newContext, shot } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

function accountLink(customerId: number): string {
  const token = randomBytes(32).toString('base64url');
  const hash = createHash('sha256').update(token).digest('hex');
  const now = new Date();
  d1Query(
    `insert into account_links (customer_id, token_hash, created_at, expires_at) values (${customerId}, '${hash}', '${now.toISOString()}', '${new Date(now.getTime() + 86_400_000).toISOString()}')`,
    '--local',
    inject('statePath'),
  );
  return token;
}

async function raise(token: string, body: Record<string, unknown>) {
  const res = await fetch(`${baseUrl()}/api/account/${token}/requests`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(res.status).toBe(201);
  return (await res.json()) as { id: number; number: string; reactionDueAt: string };
}

describe('service requests', () => {
  it('the manager triages a request in the inbox, answers it and makes a quote of it', async () => {
    const token = accountLink(1);
    const stamp = Date.now().toString(36);
    const subject = `Отчёт по посещаемости курсов ${stamp}`;
    const description = 'Нужен отчёт: посещаемость по группам за месяц,\nс выгрузкой в Excel.';
    await raise(token, { kind: 'incident', subject: `Не открывается журнал оценок ${stamp}`, description: 'Ошибка при открытии журнала.', priority: 1 });
    const created = await raise(token, { kind: 'development', subject, description, priority: 3 });

    const page = await (await newContext(browser)).newPage();
    await loginAs(page, 'manager');
    const nav = page.getByRole('navigation', { name: 'Основная навигация' });
    await nav.getByRole('link', { name: 'Заявки' }).click();
    const row = page.locator('tr', { hasText: subject });
    await row.waitFor();
    await expect.poll(() => row.innerText()).toContain('Запрос на развитие');
    await expect.poll(() => row.innerText()).toContain('Новый');
    await shot(page, 'requests-inbox');

    // filters: by kind, then the flags
    await page.getByLabel('Вид').selectOption('development');
    await expect.poll(() => page.locator('tbody tr').allInnerTexts()).not.toContainEqual(expect.stringContaining('журнал оценок'));
    await page.getByLabel('Вид').selectOption('');

    await row.getByRole('link', { name: created.number }).click();
    await page.getByRole('heading', { name: `${created.number}: ${subject}` }).waitFor();
    // triage: in work, VIP level (the deadline moves), then an answer
    await page.getByLabel('Статус').selectOption('in_work');
    await expect.poll(async () => (await apiGet(page, `/api/requests/${created.id}`)).status).toBe('in_work');
    await page.getByLabel('Уровень SLA').selectOption('vip');
    await expect.poll(async () => (await apiGet(page, `/api/requests/${created.id}`)).slaLevel).toBe('vip');
    await page.getByLabel('Ответ заказчику').fill('Спасибо! Оценим и пришлём смету сегодня.');
    await page.getByRole('button', { name: 'Ответить' }).click();
    await page.locator('.thread-staff', { hasText: 'Оценим и пришлём смету' }).waitFor();
    const triaged = await apiGet(page, `/api/requests/${created.id}`);
    expect(triaged).toMatchObject({ status: 'in_work', slaLevel: 'vip', breached: false });
    expect(triaged.firstAnswerAt).toEqual(expect.any(String));
    expect(Date.parse(triaged.reactionDueAt)).toBeLessThanOrEqual(Date.parse(created.reactionDueAt));
    await shot(page, 'request-triaged');

    // «Создать смету»: the editor opens the draft with the request's text, and names the request
    await page.getByRole('button', { name: 'Создать смету' }).click();
    await page.waitForURL(/\/quotes\/\d+$/);
    const quoteId = Number(page.url().split('/').pop());
    await page.getByRole('link', { name: `Из обращения ${created.number}` }).waitFor();
    const quote = await apiGet(page, `/api/quotes/${quoteId}`);
    expect(quote).toMatchObject({ status: 'draft', title: subject, customerNote: description });
    expect(quote.lines[0]).toMatchObject({ title: subject, note: description });
    await shot(page, 'request-quote');
    const linked = await apiGet(page, `/api/requests/${created.id}`);
    expect(linked).toMatchObject({ quoteId, quoteNumber: quote.number });
    expect(await page.getByRole('alert').count()).toBe(0);

    // back on the request: the button gave way to the quote's link
    await page.getByRole('link', { name: `Из обращения ${created.number}` }).click();
    await page.getByRole('link', { name: `Смета ${quote.number}` }).waitFor();
    expect(await page.getByRole('button', { name: 'Создать смету' }).count()).toBe(0);
  });

  it('the admin sets the working calendar in settings', async () => {
    const page = await (await newContext(browser)).newPage();
    await loginAs(page, 'admin');
    await page.goto(`${baseUrl()}/settings`);
    const calendar = page.getByRole('group', { name: 'Рабочий календарь (сроки реакции SLA)' });
    await calendar.waitFor();
    await calendar.getByLabel('Конец рабочего дня').fill('19:00');
    await page.getByRole('button', { name: 'Сохранить' }).click();
    await expect.poll(async () => (await apiGet(page, '/api/settings')).dayEnd).toBe('19:00');
    await calendar.scrollIntoViewIfNeeded();
    await shot(page, 'settings-calendar');
    await calendar.getByLabel('Конец рабочего дня').fill('18:00');
    await page.getByRole('button', { name: 'Сохранить' }).click();
    await expect.poll(async () => (await apiGet(page, '/api/settings')).dayEnd).toBe('18:00');
  });
});
