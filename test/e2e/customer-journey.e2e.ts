/**
 * Issue 18's whole story, as the people in it live it: the manager e-mails a customer their
 * account link; the customer, on a phone, raises a development request; the manager triages it
 * in the inbox, makes a quote of it in one click, types the hours and sends it; the customer
 * opens the quote from the account page and accepts it; the accountant tops the balance up, the
 * manager makes the work order and marks its stage ready; the customer follows the e-mail and
 * signs the stage off. The balance and the month statement on the customer's page and in the
 * downloaded statement agree with the staff side to the hundredth.
 */
import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { apiGet, baseUrl, launch, loginAs, newContext, shot } from './browser';
import { COL, api, cell, expectScreenIsApi } from './editor-helpers';
import { waitForMail } from './mailbox';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Hundredths of an hour as the Russian page writes them: 1 650 → «16,50». */
const hours = (centi: number) => {
  const sign = centi < 0 ? '−' : '';
  const abs = Math.abs(centi);
  return `${sign}${String(Math.trunc(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0')},${String(abs % 100).padStart(2, '0')}`;
};
const companyMonth = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Moscow', year: 'numeric', month: '2-digit' }).format(new Date()).slice(0, 7);
const linkIn = (text: string, path: string) => new RegExp(`https?://\\S+/${path}/[A-Za-z0-9_-]{43}`).exec(text)?.[0];

/** The figures the account page's month sections show, by their row names (a new customer: one month). */
async function monthFigures(page: Page): Promise<Record<string, string>> {
  expect(await page.locator('section.month').count()).toBe(1);
  return page
    .locator('section.month tbody tr')
    .evaluateAll((rows) =>
      Object.fromEntries(
        rows.map((r) => [(r.querySelector('th')?.textContent ?? '').trim(), (r.querySelector('td')?.textContent ?? '').trim()]),
      ),
    );
}

describe('the customer’s account, from a request to a signed-off stage', () => {
  it(
    'request on a phone → triage → quote typed and sent → accepted on the account → stage signed off; balance and ' + 'statement agree',
    async () => {
      const state = inject('statePath');
      const stamp = Date.now().toString(36);
      const address = `it-${stamp}@gymnasium.example`;
      const manager = await (await newContext(browser)).newPage();
      await loginAs(manager, 'manager');
      const accountant = await (await newContext(browser)).newPage();
      await loginAs(accountant, 'accountant');
      const customer = await api(manager, 'POST', '/api/customers', { name: `Гимназия ${stamp}`, email: address });

      // 1. The manager e-mails the account link from the customer's card; the customer has only the e-mail.
      await manager.goto(`${baseUrl()}/customers/${customer.id}`);
      await manager.getByRole('button', { name: `Создать и отправить на ${address}` }).click();
      await manager.getByTestId('account-link-url').waitFor();
      const linkMail = await waitForMail(state, address, 'Личный кабинет');
      const accountUrl = linkIn(linkMail.text, 'a')!;
      expect(accountUrl.startsWith(`${baseUrl()}/a/`)).toBe(true);
      const token = accountUrl.split('/a/')[1]!;

      // 2. The customer raises a development request on a phone, typing as people type.
      const phone = await (await newContext(browser, { phone: true })).newPage();
      await phone.goto(accountUrl);
      expect(await phone.locator('.hero-amount').innerText()).toBe(`${hours(0)} нормо-ч`);
      const subject = `Модуль электронного журнала ${stamp}`;
      await phone.getByText('Новое обращение').click();
      await phone.getByLabel('Вид обращения').selectOption('development');
      await phone.getByLabel('Тема').pressSequentially(subject);
      await phone.getByLabel('Описание').pressSequentially('Журнал успеваемости для 5–11 классов');
      await phone.getByLabel('Описание').press('Enter');
      await phone.getByLabel('Описание').pressSequentially('с выгрузкой оценок в Excel.');
      await phone.getByLabel('Приоритет').selectOption('3');
      await phone.getByRole('button', { name: 'Отправить обращение' }).click();
      await phone.getByRole('status').filter({ hasText: 'принято' }).waitFor();
      const raised = (await apiGet(phone, `/api/account/${token}`)).requests.find((r: { subject: string }) => r.subject === subject);
      expect(raised).toMatchObject({ kind: 'development', priority: 3, status: 'new' });
      await waitForMail(state, 'manager@demo.local', raised.number);

      // 3. The manager triages it in the inbox and makes a quote of it in one click.
      await manager.getByRole('navigation', { name: 'Основная навигация' }).getByRole('link', { name: 'Обращения' }).click();
      await manager.locator('tr', { hasText: subject }).getByRole('link', { name: raised.number }).click();
      await manager.getByRole('heading', { name: `${raised.number}: ${subject}` }).waitFor();
      // Status, then «Создать смету» at once, as a quick hand does: the second action carries the first one's new version.
      await manager.getByLabel('Статус').selectOption('in_work');
      await manager.getByRole('button', { name: 'Создать смету' }).click();
      await manager.waitForURL(/\/quotes\/\d+$/);
      const quoteId = Number(new URL(manager.url()).pathname.split('/').pop());
      await manager.locator('.qgrid').waitFor();
      expect(await apiGet(manager, `/api/requests/${raised.id}`)).toMatchObject({ status: 'in_work', quoteId });

      // 4. The line has no hours yet: the manager types 16,5 digit by digit, then sends the quote.
      await cell(manager, subject, COL.hours).click();
      await manager.keyboard.type('16,5');
      await manager.keyboard.press('Enter');
      const typed = await expectScreenIsApi(manager, quoteId);
      expect(typed.lines[0]).toMatchObject({ title: subject, hoursCenti: 1650, normHoursCenti: 1650 });
      expect(typed.lines[0].note).toBe('Журнал успеваемости для 5–11 классов\nс выгрузкой оценок в Excel.');
      await manager.getByRole('button', { name: 'Отправить', exact: true }).click();
      const send = manager.getByRole('dialog');
      await send.getByLabel('Отправить заказчику письмо со ссылкой и PDF').uncheck();
      await send.getByRole('button', { name: 'Отправить', exact: true }).click();
      await expect.poll(() => manager.locator('.page-header .chip').innerText()).toBe('Отправлена');
      const sent = await apiGet(manager, `/api/quotes/${quoteId}`);

      // 5. The customer finds it on the account page, opens it and accepts it.
      await phone.goto(accountUrl);
      const open = phone.locator('li.quote', { hasText: sent.number });
      await open.getByRole('link', { name: 'Открыть' }).click();
      await phone.waitForURL(/\/s\/[A-Za-z0-9_-]{43}/);
      await phone.getByLabel('Ваши фамилия, имя и отчество').first().pressSequentially('Зоя Гимназистова');
      await phone.getByLabel('Я прочитал(а) условия и принимаю смету').check();
      await phone.getByRole('button', { name: 'Принять смету' }).click();
      await phone.waitForURL(/done=1/);
      expect(await apiGet(manager, `/api/quotes/${quoteId}`)).toMatchObject({ status: 'accepted', answerName: 'Зоя Гимназистова' });
      expect(await apiGet(manager, `/api/requests/${raised.id}`)).toMatchObject({ quoteId, quoteNumber: sent.number });

      // 6. The accountant tops the balance up with 40 norm-hours on the card.
      await accountant.goto(`${baseUrl()}/customers/${customer.id}`);
      await accountant.getByRole('button', { name: '+ Пополнить' }).click();
      const topup = accountant.getByRole('dialog');
      await topup.getByRole('button', { name: 'нормо-часах' }).click();
      await topup.getByLabel('Нормо-часы').pressSequentially('40');
      await topup.getByLabel('Платёжный документ').pressSequentially(`Счёт № ${stamp}`);
      await topup.getByRole('button', { name: 'Пополнить' }).click();
      await expect.poll(async () => (await apiGet(accountant, `/api/customers/${customer.id}/balance`)).normHoursCenti).toBe(4000);

      // 7. The manager makes the work order from the accepted quote and marks its stage ready.
      await manager.reload();
      await expect.poll(() => manager.locator('.page-header .chip').innerText()).toBe('Принята');
      await manager.getByRole('button', { name: 'Создать заявку' }).click();
      await manager.getByRole('dialog').getByRole('button', { name: 'Создать заявку' }).click();
      await manager.waitForURL(/\/orders\/\d+$/);
      const orderId = Number(new URL(manager.url()).pathname.split('/').pop());
      expect(await manager.locator('.page-header .chip').innerText()).toBe('В работе');
      await manager.getByRole('button', { name: 'Готов к приёмке' }).click();
      await manager.getByText('ждёт приёмки заказчиком', { exact: true }).waitFor();
      const order = await apiGet(manager, `/api/orders/${orderId}`);

      // 8. The customer follows the stage-ready e-mail and signs the stage off.
      const readyMail = await waitForMail(state, address, `заявки ${order.number} готов к приёмке`);
      // Links are kept hashed, so the e-mail carries a fresh link to the same account.
      const readyUrl = linkIn(readyMail.text, 'a')!;
      expect(readyUrl.startsWith(`${baseUrl()}/a/`)).toBe(true);
      await phone.goto(readyUrl);
      const stage = phone.locator('.stage-ready');
      await stage.getByLabel('Ваши фамилия, имя и отчество').pressSequentially('Зоя Гимназистова');
      await stage.getByRole('button', { name: 'Принять этап 1' }).click();
      await phone.waitForURL(/done=accepted/);
      expect(await phone.locator('.banner-accepted').innerText()).toContain('Этап 1 принят');
      await phone.screenshot({ path: 'test/e2e/screenshots/18-journey-signed-off.png', fullPage: true });

      // 9. The balance and the month statement agree with the staff side to the hundredth.
      const balance = (await apiGet(accountant, `/api/customers/${customer.id}/balance`)).normHoursCenti;
      expect(balance).toBe(4000 - 1650);
      expect(await phone.locator('.hero-amount').innerText()).toBe(`${hours(balance)} нормо-ч`);
      const month = companyMonth();
      const statement = await apiGet(accountant, `/api/customers/${customer.id}/statement?month=${month}`);
      expect(statement).toMatchObject({ openingCenti: 0, closingCenti: balance });
      expect(statement.totals).toMatchObject({ topupsCenti: 4000 });
      expect(statement.totals.debits.normHoursCenti).toBe(1650);
      expect(await monthFigures(phone)).toEqual({
        'На начало': hours(statement.openingCenti),
        Пополнения: `+${hours(statement.totals.topupsCenti)}`,
        Списания: `−${hours(statement.totals.debits.normHoursCenti)}`,
        'На конец': hours(statement.closingCenti),
      });
      const [download] = await Promise.all([
        phone.waitForEvent('download'),
        phone.getByRole('link', { name: 'Выписка Excel' }).first().click(),
      ]);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load((await readFile((await download.path())!)) as unknown as ArrayBuffer);
      const numbers: number[] = [];
      book.worksheets[0]!.eachRow((row) =>
        row.eachCell((c) => {
          const v = c.value as { result?: unknown } | number | null;
          if (typeof v === 'number') numbers.push(v);
          else if (v && typeof v === 'object' && typeof v.result === 'number') numbers.push(v.result);
        }),
      );
      expect(numbers).toEqual(expect.arrayContaining([statement.closingCenti / 100, 16.5, 40]));
      // The staff's month report row for this customer says the same.
      const report = await apiGet(accountant, `/api/reports/consumption?month=${month}`);
      expect(report.customers.find((c: { customerId: number }) => c.customerId === customer.id)).toMatchObject({
        openingCenti: 0,
        topupsCenti: 4000,
        debitsCenti: 1650,
        closingCenti: balance,
      });
      await shot(phone, '18-journey-account');
    },
  );
});
