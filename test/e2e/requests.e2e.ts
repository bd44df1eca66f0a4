/**
 * Journey: a customer's service request (issue 18) reaches the managers' inbox; the manager
 * triages it (status, SLA level), answers it, and makes a quote of it in one click; the quote
 * keeps the request's text and links back to it. The request is raised through the API with an
 * account link the manager made.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiGet, baseUrl, launch, loginAs, newContext, shot } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** An account link as a manager makes it on the customer's card (no e-mail), through the page's session. */
async function accountLink(page: Page, customerId: number): Promise<string> {
  const res = await page.request.post(`${baseUrl()}/api/customers/${customerId}/account-link`, {
    data: { email: false },
    headers: { origin: baseUrl() },
  });
  expect(res.status()).toBe(201);
  return ((await res.json()) as { token: string }).token;
}

async function raise(token: string, body: Record<string, unknown>) {
  const res = await fetch(`${baseUrl()}/api/account/${token}/requests`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as { id: number; number: string; reactionDueAt: string };
}

describe('service requests', () => {
  it(
    'a customer raises a request on a phone; the manager triages it in the inbox, answers (the customer reads it) and makes a ' +
      'quote of it',
    async () => {
      const page = await (await newContext(browser)).newPage();
      await loginAs(page, 'manager');
      const token = await accountLink(page, 1);
      const stamp = Date.now().toString(36);
      const subject = `Отчёт по посещаемости курсов ${stamp}`;
      const description = 'Нужен отчёт: посещаемость по группам за месяц,\nс выгрузкой в Excel.';
      await raise(token, {
        kind: 'incident',
        subject: `Не открывается журнал оценок ${stamp}`,
        description: 'Ошибка при открытии журнала.',
        priority: 1,
      });
      // The development request is raised as the customer does: on a phone, through the account page's form.
      const phone = await (await newContext(browser, { phone: true })).newPage();
      await phone.goto(`${baseUrl()}/a/${token}`);
      await phone.getByText('Новое обращение').click();
      await phone.getByLabel('Вид обращения').selectOption('development');
      await phone.getByLabel('Тема').pressSequentially(subject);
      await phone.getByLabel('Описание').pressSequentially('Нужен отчёт: посещаемость по группам за месяц,');
      await phone.getByLabel('Описание').press('Enter');
      await phone.getByLabel('Описание').pressSequentially('с выгрузкой в Excel.');
      await phone.getByLabel('Приоритет').selectOption('3');
      await phone.getByRole('button', { name: 'Отправить обращение' }).click();
      await phone.getByRole('status').filter({ hasText: 'принято' }).waitFor();
      await shot(phone, 'requests-0-customer-raised');
      const mine = await (await fetch(`${baseUrl()}/api/account/${token}`)).json();
      const created = mine.requests.find((r: { subject: string }) => r.subject === subject) as {
        id: number;
        number: string;
        reactionDueAt: string;
      };
      expect(created).toMatchObject({ kind: 'development', description, priority: 3, status: 'new' });
      expect(await phone.locator(`#request-${created.id}`).innerText()).toContain(created.number);

      const nav = page.getByRole('navigation', { name: 'Основная навигация' });
      await nav.getByRole('link', { name: 'Обращения' }).click();
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
      // the customer reads the answer on their phone
      await phone.reload();
      expect(await phone.locator(`#request-${created.id}`).innerText()).toContain('Оценим и пришлём смету сегодня.');

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
    },
  );

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
