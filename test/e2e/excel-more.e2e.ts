/**
 * LibreOffice, an independent reader, RECALCULATES the crowdfunding comparison workbooks the
 * running app serves and must get the JSON compare's figures for the same query: remaining,
 * funded %, the share of each new co-funder (a remainder that does not divide evenly) and its
 * price (a half kopeck included), whether a customer's balance covers it. The customer data
 * workbook is recalculated too (the ledger's balance, the lines' amounts). Then both
 * workbooks, in Russian and English, are printed to PDF and rendered to PNG for review.
 *
 * LibreOffice only recalculates an .xlsx on load when its profile says so
 * (/org.openoffice.Office.Calc/Formula/Load/OOXMLRecalcMode = 0); each run gets a throwaway
 * profile that does, a scratch file proves it, and every workbook is also converted as a copy
 * whose cached results are all nonsense (the same trick as excel-libreoffice.e2e.ts; both use
 * ./libreoffice.ts).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, SCREENSHOTS } from './browser';
import { CSV_ALL_SHEETS, falsified, profile, run, scaled, sheetCsv, soffice } from './libreoffice';

const work = mkdtempSync(join(tmpdir(), 'normhours-xlsx-more-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function rowStarting(rows: string[][], text: string): string[] {
  const row = rows.find((r) => r[0]?.startsWith(text));
  if (!row) throw new Error(`no row starting with "${text}"`);
  return row;
}

// ---------- the app's API, as manager, accountant and admin ----------

const cookies: Record<string, string> = {};
async function api<T = any>(method: string, path: string, body?: unknown, as: 'manager' | 'accountant' | 'admin' = 'manager'): Promise<T> {
  const res = await fetch(`${baseUrl()}${path}`, {
    method,
    headers: { origin: baseUrl(), cookie: cookies[as]!, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (![200, 201].includes(res.status)) throw new Error(`${method} ${path} → ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

async function download(path: string, file: string): Promise<string> {
  const res = await fetch(`${baseUrl()}${path}`, { headers: { cookie: cookies.manager! } });
  expect(res.status, `${path}: ${res.status}`).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  const out = join(work, file);
  writeFileSync(out, Buffer.from(await res.arrayBuffer()));
  return out;
}

beforeAll(async () => {
  for (const as of ['manager', 'accountant', 'admin'] as const) {
    const res = await fetch(`${baseUrl()}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: baseUrl() },
      body: JSON.stringify({ email: `${as}@demo.local`, password: 'demo-password' }),
    });
    expect(res.status).toBe(200);
    cookies[as] = res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
  }
});

let codes = 0;
const project = (title: string, estimate: { kMilli: number; hoursCenti: number; title?: string }[], extra: Record<string, unknown> = {}) =>
  api('POST', '/api/crowdfunding', { code: `LO-${Date.now() % 100_000}-${++codes}`, title, estimate, ...extra });
const topup = (customerId: number, normHoursCenti: number, memo = 'Пакет расширенной поддержки') =>
  api('POST', `/api/customers/${customerId}/ledger`, { kind: 'topup', normHoursCenti, memo, topupKind: 'support' }, 'accountant');
async function pledge(projectId: number, customerId: number, normHoursCenti: number, confirm = false) {
  const v = await api('POST', `/api/crowdfunding/${projectId}/pledges`, { customerId, normHoursCenti, note: 'договорились на встрече' });
  if (confirm) await api('POST', `/api/crowdfunding/${projectId}/pledges/${v.pledges.at(-1).id}/confirm`, undefined, 'accountant');
}

/** Three to four projects with pledges, and a customer whose balance covers some shares. */
async function compareCase() {
  const customers = await api<any[]>('GET', '/api/customers');
  const [c1, c2] = customers;
  await topup(c1.id, 50_000);
  await topup(c2.id, 50_000);
  const a = await project(
    'Журнал посещаемости с отметками преподавателя',
    [
      { kMilli: 1000, hoursCenti: 4000, title: 'Разработка' },
      { kMilli: 600, hoursCenti: 1000, title: 'Методист' },
    ],
    { targetDate: '2026-09-01' },
  );
  const b = await project('Выгрузка оценок в 1С', [
    { kMilli: 1000, hoursCenti: 1000 },
    { kMilli: 1200, hoursCenti: 333 },
  ]);
  const c = await project('Тёмная тема оформления', [{ kMilli: 1500, hoursCenti: 333 }], { targetDate: '2026-12-15' });
  const d = await project('Отчёт для методиста по курсам', [{ kMilli: 750, hoursCenti: 2222 }]);
  await pledge(a.id, c1.id, 1000);
  await pledge(a.id, c2.id, 500, true);
  await pledge(b.id, c1.id, 333, true);
  await pledge(d.id, c2.id, 1667, true);
  await pledge(d.id, c1.id, 1, false);
  const customer = await api('POST', '/api/customers', { name: 'Колледж связи № 7', overdraftCenti: 50 }, 'accountant');
  await topup(customer.id, 200);
  return { a, b, c, d, customer };
}

/** The query of the comparison printed to PDF (four projects and a customer). */
let forPrint = '';

// Rows of the comparison sheet (1-based in the file; the CSV is 0-based): found by their labels.
const LABELS = {
  ru: {
    price: 'Стоимость',
    nh: 'Нормо-часы',
    confirmed: 'Подтверждено, нормо-ч',
    promised: 'Обещано, нормо-ч',
    remaining: 'Осталось, нормо-ч',
    funded: 'Собрано',
    funders: 'Участников',
    share: 'Доля нового участника, нормо-ч',
    shareMoney: 'Стоимость доли',
    covers: 'Баланс заказчика покрывает долю',
    yes: 'да',
    no: 'нет',
  },
  en: {
    price: 'Price',
    nh: 'Norm-hours',
    confirmed: 'Confirmed, norm-h',
    promised: 'Promised, norm-h',
    remaining: 'Remaining, norm-h',
    funded: 'Funded',
    funders: 'Co-funders',
    share: 'Share per new co-funder, norm-h',
    shareMoney: 'Share price',
    covers: 'The customer’s balance covers the share',
    yes: 'yes',
    no: 'no',
  },
};

function expectCompareFigures(rows: string[][], json: any, lang: 'ru' | 'en', what: string) {
  const L = LABELS[lang];
  const row = (label: string) => {
    const found = label === L.covers ? rowStarting(rows, label) : rows.find((r) => r[0] === label);
    if (!found) throw new Error(`${what}: no row "${label}"`);
    return found;
  };
  json.projects.forEach((p: any, i: number) => {
    const at = (label: string) => row(label)[1 + i];
    const name = `${what} ${p.code}`;
    expect(scaled(at(L.price), `${name} price`), name).toBe(p.priceMinor);
    expect(scaled(at(L.nh), `${name} norm-hours`), name).toBe(p.normHoursCenti);
    expect(scaled(at(L.confirmed), `${name} confirmed`), name).toBe(p.confirmedCenti);
    expect(scaled(at(L.promised), `${name} promised`), name).toBe(p.promisedCenti);
    expect(scaled(at(L.remaining), `${name} remaining`), name).toBe(p.remainingCenti);
    expect(scaled(at(L.funded), `${name} funded`, 1000), name).toBe(p.fundedMilli);
    expect(Number(at(L.funders)), name).toBe(p.funders);
    expect(scaled(at(L.share), `${name} share`), name).toBe(p.perFunderCenti);
    expect(scaled(at(L.shareMoney), `${name} share price`), name).toBe(p.perFunderMinor);
    if (json.customer) expect(at(L.covers), name).toBe(p.customerCovers ? L.yes : L.no);
  });
}

describe('LibreOffice recalculates the comparison, customer, statement and invoice workbooks to the API’s figures', () => {
  it('a scratch check: the throwaway profile recalculates ROUNDUP, ROUNDDOWN, MAX and IF (the default one does not)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.getCell('A1').value = 6.67;
    ws.getCell('A2').value = { formula: 'ROUNDUP(ROUND(A1*100,0)/3,0)/100', result: 5 } as ExcelJS.CellValue; // 2.23
    ws.getCell('A3').value = { formula: 'ROUNDDOWN(ROUND(3.33/10,12),3)', result: 5 } as ExcelJS.CellValue; // 0.333
    ws.getCell('A4').value = { formula: 'MAX(0,ROUND(1-2,2))', result: 5 } as ExcelJS.CellValue; // 0
    ws.getCell('A5').value = { formula: 'IF(ROUND(2+0.5,2)>=A2,"да","нет")', result: 'ложь' } as ExcelJS.CellValue; // да
    const file = join(work, 'scratch.xlsx');
    await wb.xlsx.writeFile(file);
    await soffice(profile(work, 'default', false), CSV_ALL_SHEETS, join(work, 'scratch-default'), [file]);
    expect(sheetCsv(join(work, 'scratch-default'), 'scratch', 'S').map((r) => r[0])).toEqual(['6.67', '5', '5', '5', 'ложь']);
    await soffice(profile(work, 'recalc', true), CSV_ALL_SHEETS, join(work, 'scratch-recalc'), [file]);
    expect(sheetCsv(join(work, 'scratch-recalc'), 'scratch', 'S').map((r) => r[0])).toEqual(['6.67', '2.23', '0.333', '0', 'да']);
  });

  it('comparisons: uneven splits among 3 and 7, a customer’s balance, four projects, a half-kopeck share price, English', async () => {
    const { a, b, c, d, customer } = await compareCase();
    forPrint = `ids=${a.id},${b.id},${c.id},${d.id}&n=3&customerId=${customer.id}`;
    const cases: { name: string; query: string; lang: 'ru' | 'en' }[] = [
      { name: 'three-n3-customer', query: `ids=${a.id},${b.id},${c.id}&n=3&customerId=${customer.id}`, lang: 'ru' },
      { name: 'four-n7', query: `ids=${a.id},${b.id},${c.id},${d.id}&n=7`, lang: 'ru' },
      { name: 'two-n2-en', query: `ids=${d.id},${b.id}&n=2&customerId=${customer.id}`, lang: 'en' },
    ];
    const files: string[] = [];
    const jsons: Record<string, any> = {};
    for (const k of cases) {
      jsons[k.name] = await api('GET', `/api/crowdfunding/compare?${k.query}`);
      const file = await download(`/api/crowdfunding/compare.xlsx?${k.query}&lang=${k.lang}`, `${k.name}.xlsx`);
      await falsified(file, join(work, `${k.name}-falsified.xlsx`));
      files.push(file, join(work, `${k.name}-falsified.xlsx`));
    }
    // At a rate with half a kopeck: 2 500,50 ₽ × 2,23 = 5 576,115 → 5 576,12.
    const admin = await api('GET', '/api/settings', undefined, 'admin');
    await api('PATCH', '/api/settings', { version: admin.version, rateMinor: 250_050 }, 'admin');
    try {
      const e = await project('Половина копейки', [{ kMilli: 1000, hoursCenti: 669 }]);
      const f = await project('Нечётный остаток', [{ kMilli: 1000, hoursCenti: 1001 }]);
      const query = `ids=${e.id},${f.id}&n=3`;
      jsons['half-kopeck'] = await api('GET', `/api/crowdfunding/compare?${query}`);
      expect(jsons['half-kopeck'].projects.map((p: any) => p.perFunderMinor)).toEqual([557_612, 835_167]);
      const file = await download(`/api/crowdfunding/compare.xlsx?${query}&lang=ru`, 'half-kopeck.xlsx');
      await falsified(file, join(work, 'half-kopeck-falsified.xlsx'));
      files.push(file, join(work, 'half-kopeck-falsified.xlsx'));
      cases.push({ name: 'half-kopeck', query, lang: 'ru' });
    } finally {
      const now = await api('GET', '/api/settings', undefined, 'admin');
      await api('PATCH', '/api/settings', { version: now.version, rateMinor: admin.rateMinor }, 'admin');
    }
    // The cases are the ones the test means: uneven splits, some shares covered and some not.
    expect(jsons['three-n3-customer'].projects.map((p: any) => p.sharesCenti.join('+'))).toEqual([
      '1034+1033+1033',
      '356+356+355',
      '167+167+166',
    ]);
    expect(jsons['three-n3-customer'].projects.map((p: any) => p.customerCovers)).toEqual([false, false, true]);
    expect(jsons['four-n7'].projects.some((p: any) => new Set(p.sharesCenti).size > 1)).toBe(true);

    const out = join(work, 'csv-compare');
    await soffice(profile(work, 'compare', true), CSV_ALL_SHEETS, out, files);
    for (const k of cases) {
      for (const base of [k.name, `${k.name}-falsified`]) {
        const rows = sheetCsv(out, base, k.lang === 'ru' ? 'Сравнение' : 'Comparison');
        expectCompareFigures(rows, jsons[k.name], k.lang, base);
      }
    }
  });

  it(
    'the customer data workbook recalculates to the ledger’s balance and the lines’ amounts; both workbooks print as documents ' +
      '(ru, en)',
    async () => {
      // A customer with a revised quote, an accepted revision turned into a debited order, a correction and pledges.
      const c = await api(
        'POST',
        '/api/customers',
        {
          name: 'ООО «Учебный центр „Прогресс“»',
          legalName: 'Общество с ограниченной ответственностью «Учебный центр „Прогресс“»',
          taxId: '7701234567',
          contactName: 'Ирина Бухова',
          email: 'buh@progress.example',
          phone: '+7 495 123-45-67',
          address: 'Москва, ул. Академика Королёва, д. 12, офис 305',
          overdraftCenti: 500,
        },
        'accountant',
      );
      const items = Object.fromEntries((await api<any[]>('GET', '/api/catalog/items')).map((i) => [i.code, i]));
      let q = await api('POST', '/api/quotes', {
        customerId: c.id,
        title: 'Внедрение СЭО: оформление и наполнение курсов',
        customerNote: 'Работы начинаются после пополнения баланса.',
        discountRateMilli: 50,
      });
      const add = async (body: Record<string, unknown>) =>
        (q = await api('POST', `/api/quotes/${q.id}/lines`, { version: q.version, ...body }));
      await add({ kind: 'section', title: 'Оформление' });
      await add({ catalogItemId: items['2.4'].id });
      await add({
        catalogItemId: items['2.1'].id,
        hoursCenti: 500,
        quantityMilli: 1500,
        note: 'Две темы: студенческая и преподавательская',
      });
      await add({ kind: 'section', title: 'Контент' });
      await add({ catalogItemId: items['4.1'].id, hoursCenti: 1050, quantityMilli: 3000 });
      q = await api('POST', `/api/quotes/${q.id}/send`, { version: q.version });
      const r2 = await api('POST', `/api/quotes/${q.id}/revise`, {});
      const sent = await api('POST', `/api/quotes/${r2.id}/send`, { version: r2.version });
      const { token } = await api('POST', `/api/quotes/${sent.id}/share`, {});
      const accept = await fetch(`${baseUrl()}/api/shared/${token}/accept`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: baseUrl() },
        body: JSON.stringify({ name: 'Ирина Бухова' }),
      });
      expect(accept.status).toBe(200);
      const t = await topup(c.id, 20_000, 'Счёт № 118 от 30.04.2026');
      await api(
        'POST',
        `/api/customers/${c.id}/ledger`,
        { kind: 'correction', normHoursCenti: -200, memo: 'Ошибка в счёте', correctsEntryId: t.entry.id },
        'accountant',
      );
      const order = await api('POST', `/api/quotes/${sent.id}/order`, {});
      const stage = await fetch(`${baseUrl()}/api/orders/${order.id}/stages/1/accept`, {
        method: 'POST',
        headers: {
          origin: baseUrl(),
          cookie: cookies.accountant!,
          'content-type': 'application/json',
          'idempotency-key': `libreoffice-accept-${c.id}-1`,
        },
        body: '{}',
      });
      expect(stage.status, await stage.clone().text()).toBe(200);
      const p = await project('Журнал посещаемости', [{ kMilli: 1000, hoursCenti: 1000, title: 'Разработка' }], {
        description: '## Что будет\n- отметки на занятии',
        links: [{ title: 'Макет', url: 'https://example.com/mockup' }],
      });
      await pledge(p.id, c.id, 300);
      await pledge(p.id, c.id, 125, true);
      const doc = await api('GET', `/api/customers/${c.id}/export.json`);
      const quote = await api('GET', `/api/quotes/${sent.id}`);

      const dataRu = await download(`/api/customers/${c.id}/export.xlsx?lang=ru`, 'customer-ru.xlsx');
      const dataEn = await download(`/api/customers/${c.id}/export.xlsx?lang=en`, 'customer-en.xlsx');
      await falsified(dataRu, join(work, 'customer-ru-falsified.xlsx'));
      const out = join(work, 'csv-customer');
      await soffice(profile(work, 'customer', true), CSV_ALL_SHEETS, out, [dataRu, join(work, 'customer-ru-falsified.xlsx')]);
      for (const base of ['customer-ru', 'customer-ru-falsified']) {
        const ledger = sheetCsv(out, base, 'Журнал нормо-часов');
        const balance = rowStarting(ledger, 'Баланс нормо-часов');
        expect(scaled(balance[9], `${base} balance`)).toBe(doc.balanceCenti);
        expect(scaled(ledger[4 + doc.ledger.length - 1]![9], `${base} last running balance`)).toBe(doc.balanceCenti);
        const card = sheetCsv(out, base, 'Заказчик');
        expect(scaled(rowStarting(card, 'Баланс нормо-часов')[1], `${base} card balance`)).toBe(doc.balanceCenti);
        const lines = sheetCsv(out, base, 'Строки смет').filter((r) => r[0] === quote.number && r[1] === '2' && r[3] !== 'Раздел');
        expect(lines.map((r) => [scaled(r[12], 'norm-hours'), scaled(r[14], 'amount')])).toEqual(
          quote.lines.filter((l: any) => l.kind !== 'section').map((l: any) => [l.normHoursCenti, l.amountMinor]),
        );
      }

      // PDFs: the text an accountant looks for is there; PNGs of the pages for review.
      expect(forPrint).not.toBe('');
      const compareRu = await download(`/api/crowdfunding/compare.xlsx?${forPrint}&lang=ru`, 'compare-ru.xlsx');
      const compareEn = await download(`/api/crowdfunding/compare.xlsx?${forPrint}&lang=en`, 'compare-en.xlsx');
      const pdf = join(work, 'pdf');
      await soffice(profile(work, 'pdf', true), 'pdf', pdf, [compareRu, compareEn, dataRu, dataEn]);
      const compareText = await run('pdftotext', ['-layout', join(pdf, 'compare-ru.pdf'), '-']);
      expect(compareText).toContain('Сравнение краудфандинг-проектов');
      expect(compareText).toContain('★');
      const dataText = await run('pdftotext', ['-layout', join(pdf, 'customer-ru.pdf'), '-']);
      for (const text of ['Данные заказчика', 'Журнал баланса нормо-часов', 'Счёт № 118', quote.number, 'Ирина Бухова'])
        expect(dataText).toContain(text);
      const pages = Number(/Pages:\s+(\d+)/.exec(await run('pdfinfo', [join(pdf, 'customer-ru.pdf')]))![1]);
      expect(pages).toBeGreaterThanOrEqual(11); // a page (at least) per sheet
      mkdirSync(SCREENSHOTS, { recursive: true });
      await run('pdftoppm', ['-r', '70', '-png', '-singlefile', join(pdf, 'compare-ru.pdf'), join(SCREENSHOTS, '09-compare-xlsx-ru')]);
      await run('pdftoppm', ['-r', '70', '-png', '-singlefile', join(pdf, 'compare-en.pdf'), join(SCREENSHOTS, '09-compare-xlsx-en')]);
      await run('pdftoppm', [
        '-r',
        '70',
        '-png',
        '-f',
        '1',
        '-l',
        '1',
        '-singlefile',
        join(pdf, 'customer-ru.pdf'),
        join(SCREENSHOTS, '10-customer-xlsx-ru-card'),
      ]);
      await run('pdftoppm', [
        '-r',
        '70',
        '-png',
        '-f',
        '2',
        '-l',
        '2',
        '-singlefile',
        join(pdf, 'customer-en.pdf'),
        join(SCREENSHOTS, '10-customer-xlsx-en-quotes'),
      ]);
      if (process.env.XLSX_PAGES_DIR) {
        // For review: every page of both customer workbooks, and the files themselves.
        for (const f of ['compare-ru', 'compare-en', 'customer-ru', 'customer-en']) {
          writeFileSync(join(process.env.XLSX_PAGES_DIR, `${f}.pdf`), readFileSync(join(pdf, `${f}.pdf`)));
          writeFileSync(join(process.env.XLSX_PAGES_DIR, `${f}.xlsx`), readFileSync(join(work, `${f}.xlsx`)));
        }
        await run('pdftoppm', ['-r', '60', '-png', join(pdf, 'customer-ru.pdf'), join(process.env.XLSX_PAGES_DIR, 'customer-ru')]);
        await run('pdftoppm', ['-r', '60', '-png', join(pdf, 'customer-en.pdf'), join(process.env.XLSX_PAGES_DIR, 'customer-en')]);
      }
    },
  );

  it(
    'the month statement and the prepayment invoice recalculate to the API’s figures (closing balance, services net / VAT / total, the ' +
      'sum to pay)',
    async () => {
      const month = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Moscow', year: 'numeric', month: '2-digit' })
        .format(new Date())
        .slice(0, 7);
      const c = await api(
        'POST',
        '/api/customers',
        { name: `ООО «Выписка ${Date.now() % 100_000}»`, legalName: 'ООО «Выписка»', overdraftCenti: 0 },
        'accountant',
      );
      const items = Object.fromEntries((await api<any[]>('GET', '/api/catalog/items')).map((i) => [i.code, i]));
      // A 7,5 % discount and VAT on top: the debit's money is the accepted quote's terms.
      let q = await api('POST', '/api/quotes', { customerId: c.id, title: 'Оформление по макету', discountRateMilli: 75 });
      for (const code of ['2.4', '2.2'])
        q = await api('POST', `/api/quotes/${q.id}/lines`, { version: q.version, catalogItemId: items[code].id });
      q = await api('POST', `/api/quotes/${q.id}/send`, { version: q.version });
      const { token } = await api('POST', `/api/quotes/${q.id}/share`, {});
      const accept = await fetch(`${baseUrl()}/api/shared/${token}/accept`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: baseUrl() },
        body: JSON.stringify({ name: 'Пётр Выписков', revision: q.revision }),
      });
      expect(accept.status, await accept.clone().text()).toBe(200);
      await api(
        'POST',
        `/api/customers/${c.id}/ledger`,
        { kind: 'topup', amountMinor: 30_000_000, paymentRef: 'п/п № 512', topupKind: 'support' },
        'accountant',
      );
      const order = await api('POST', `/api/quotes/${q.id}/order`, {});
      const stage = await fetch(`${baseUrl()}/api/orders/${order.id}/stages/1/accept`, {
        method: 'POST',
        headers: {
          origin: baseUrl(),
          cookie: cookies.accountant!,
          'content-type': 'application/json',
          'idempotency-key': `statement-lo-${c.id}`,
        },
        body: '{}',
      });
      expect(stage.status, await stage.clone().text()).toBe(200);
      const invoice = await api(
        'POST',
        `/api/customers/${c.id}/invoices`,
        { normHoursCenti: 4_050, memo: 'Предоплата за оформление' },
        'accountant',
      );
      const statement = await api('GET', `/api/customers/${c.id}/statement?month=${month}`, undefined, 'accountant');
      expect(statement.totals.services.totalMinor).toBeGreaterThan(0);

      const asAccountant = async (path: string, file: string) => {
        const res = await fetch(`${baseUrl()}${path}`, { headers: { cookie: cookies.accountant! } });
        expect(res.status, `${path}: ${res.status}`).toBe(200);
        const out = join(work, file);
        writeFileSync(out, Buffer.from(await res.arrayBuffer()));
        return out;
      };
      const st = await asAccountant(`/api/customers/${c.id}/statement.xlsx?month=${month}&lang=ru`, 'statement.xlsx');
      const inv = await asAccountant(`/api/invoices/${invoice.id}/invoice.xlsx?lang=ru`, 'invoice.xlsx');
      await falsified(st, join(work, 'statement-falsified.xlsx'));
      await falsified(inv, join(work, 'invoice-falsified.xlsx'));
      const out = join(work, 'csv-accounting');
      await soffice(profile(work, 'accounting', true), CSV_ALL_SHEETS, out, [
        st,
        inv,
        join(work, 'statement-falsified.xlsx'),
        join(work, 'invoice-falsified.xlsx'),
      ]);
      for (const base of ['statement', 'statement-falsified']) {
        const summary = sheetCsv(out, base, 'Выписка');
        expect(scaled(rowStarting(summary, 'Остаток на конец месяца')[1], `${base} closing`)).toBe(statement.closingCenti);
        const services = rowStarting(summary, 'Оказано услуг за месяц');
        expect([1, 2, 3].map((i) => scaled(services[i], `${base} services ${i}`))).toEqual([
          statement.totals.services.netMinor,
          statement.totals.services.vatMinor,
          statement.totals.services.totalMinor,
        ]);
      }
      for (const base of ['invoice', 'invoice-falsified']) {
        const rows = sheetCsv(out, base, 'Счёт');
        const toPay = rowStarting(rows, 'Всего к оплате');
        const amount = [...toPay].reverse().find((x) => x.trim() !== '');
        expect(scaled(amount, `${base} to pay`)).toBe(invoice.totalMinor);
      }
    },
  );
});
