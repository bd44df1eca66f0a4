/**
 * A second, independent reader: LibreOffice headless opens the estimates the running app
 * serves (and consumption workbooks written by the same writer from synthetic reports),
 * RECALCULATES every formula, and converts the sheets to CSV; its totals must equal the
 * API's to the kopeck — VAT on top, VAT included, no VAT, discounts, K 0.6, fractional
 * quantities, half-kopeck cases and seeded random quotes.
 *
 * How recalculation is forced (measured with LibreOffice 7.4): by default LibreOffice
 * never recalculates an .xlsx on load ("Recalculation on File Load → Excel 2007 and newer:
 * Never recalculate") and simply shows the cached <v> results — it even ignores
 * `<calcPr fullCalcOnLoad="1"/>`. So each run gets a throwaway user profile whose
 * registrymodifications.xcu sets /org.openoffice.Office.Calc/Formula/Load/OOXMLRecalcMode
 * to 0 ("Always recalculate"). Two checks keep that honest: a scratch workbook whose cached
 * results are deliberately false must come out with the true values (and does come out
 * false under the default profile), and every file is also converted as a copy whose
 * cached results were all overwritten with nonsense — the totals must still match.
 *
 * Each LibreOffice run has its own process group and is killed (the whole group) when it
 * ends or times out; all files live in a temporary directory removed afterwards.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportTotals, summarize, type ConsumptionEntry, type ConsumptionReport } from '../../worker/domain/consumption';
import { figuresOf, type MoneyFigures, type QuoteTerms } from '../../worker/domain/debit-money';
import { normHoursAmountMinor } from '../../worker/domain/pricing';
import { topupFromHours } from '../../worker/domain/topup';
import { consumptionWorkbook } from '../../worker/excel/consumption';
import { baseUrl, SCREENSHOTS } from './browser';
import { CSV_ALL_SHEETS, falsified, hundredths, parseCsv, profile, run, sheetCsv, soffice } from './libreoffice';

const work = mkdtempSync(join(tmpdir(), 'normhours-xlsx-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// ---------- LibreOffice ----------

/** The CSV of the sheet of `base`.xlsx whose A1 reads `title` (sheet names may be shortened). */
function sheetTitled(dir: string, base: string, title: string): string[][] {
  for (const f of readdirSync(dir)) {
    if (!f.startsWith(`${base}-`) || !f.endsWith('.csv')) continue;
    const rows = parseCsv(readFileSync(join(dir, f), 'utf8'));
    if (rows[0]?.[0] === title) return rows;
  }
  throw new Error(`no sheet titled ${title} in ${base}`);
}

function rowWhere(rows: string[][], col: number, text: string): string[] {
  const row = rows.find((r) => r[col] === text);
  if (!row) throw new Error(`no row with "${text}" in column ${col}`);
  return row;
}

// ---------- the app's API ----------

let cookie = '';
async function api<T = any>(method: string, path: string, body?: unknown, expected = [200, 201]): Promise<T> {
  const res = await fetch(`${baseUrl()}${path}`, {
    method,
    headers: { origin: baseUrl(), cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!expected.includes(res.status)) throw new Error(`${method} ${path} → ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

let items: Record<string, { id: number }>;
beforeAll(async () => {
  const res = await fetch(`${baseUrl()}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl() },
    body: JSON.stringify({ email: 'manager@demo.local', password: 'demo-password' }),
  });
  expect(res.status).toBe(200);
  cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const catalog = await api<any[]>('GET', '/api/catalog/items');
  items = Object.fromEntries(catalog.map((i) => [i.code, i]));
});

type LineSpec = Record<string, unknown>;
async function quote(header: Record<string, unknown>, lines: LineSpec[]): Promise<any> {
  let q = await api('POST', '/api/quotes', { customerId: 1, title: 'Проверка в LibreOffice', ...header });
  for (const l of lines) q = await api('POST', `/api/quotes/${q.id}/lines`, { version: q.version, ...l });
  return q;
}
const item = (code: string, extra: LineSpec = {}) => ({ catalogItemId: items[code]!.id, ...extra });
const free = (title: string, quantityMilli: number, hoursCenti: number, kMilli: number) => ({ title, quantityMilli, hoursCenti, kMilli });

/** A small deterministic PRNG (mulberry32), so a failing random quote can be reproduced. */
function prng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---------- the checks ----------

describe('LibreOffice recalculates the workbooks and gets the API’s numbers', () => {
  it('a scratch check: the throwaway profile really recalculates (the default one does not)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.getCell('A1').value = 2;
    ws.getCell('A2').value = { formula: 'A1*21', result: 5 } as ExcelJS.CellValue; // false on purpose: 42
    ws.getCell('A3').value = { formula: 'ROUND(0.001*0.01*0.5*3000,2)', result: 0 } as ExcelJS.CellValue; // 0.015 → 0.02
    const file = join(work, 'scratch.xlsx');
    await wb.xlsx.writeFile(file);
    await soffice(profile(work, 'default', false), CSV_ALL_SHEETS, join(work, 'scratch-default'), [file]);
    expect(sheetCsv(join(work, 'scratch-default'), 'scratch', 'S').map((r) => r[0])).toEqual(['2', '5', '0']);
    await soffice(profile(work, 'recalc', true), CSV_ALL_SHEETS, join(work, 'scratch-recalc'), [file]);
    expect(sheetCsv(join(work, 'scratch-recalc'), 'scratch', 'S').map((r) => r[0])).toEqual(['2', '42', '0.02']);
  });

  it('estimates: VAT on top / included / none, discounts, K 0.6, fractional quantities, half kopecks, random quotes', async () => {
    const quotes: { name: string; q: any }[] = [];
    quotes.push({
      name: 'on-top-discount',
      q: await quote({ vatMode: 'on_top', vatRateMilli: 220, discountRateMilli: 100 }, [
        { kind: 'section', title: 'Оформление' },
        item('2.2'),
        item('2.3', { quantityMilli: 1500 }),
        { kind: 'section', title: 'Контент' },
        item('4.1', { hoursCenti: 1050, quantityMilli: 3000 }),
        free('Полкопейки: 0,001 × 0,01 ч × 0,5', 1, 1, 500),
        free('Полкопейки: 1,005 × 0,01 ч × 0,5', 1005, 1, 500),
        free('Полкопейки: 2,345 × 0,07 ч × 0,5', 2345, 7, 500),
        free('Пол-сотой часа: 1 × 0,01 ч × 0,5', 1000, 1, 500),
      ]),
    });
    quotes.push({
      name: 'included-discount',
      q: await quote({ vatMode: 'included', vatRateMilli: 220, discountRateMilli: 75 }, [
        item('2.5'),
        item('4.1', { hoursCenti: 333, quantityMilli: 1333 }),
        item('2.9', { hoursCenti: 125, kMilli: 600, kReason: 'ассистент' }),
        free('Перенос материалов', 1333, 125, 750),
      ]),
    });
    quotes.push({
      name: 'no-vat',
      q: await quote({ vatMode: 'none', discountRateMilli: 0 }, [
        item('2.4'),
        item('4.1', { hoursCenti: 75, quantityMilli: 2500 }),
        free('Доработка', 3, 17, 600),
      ]),
    });
    quotes.push({
      name: 'on-top-20',
      q: await quote({ vatMode: 'on_top', vatRateMilli: 200, discountRateMilli: 0 }, [
        item('4.1', { hoursCenti: 1, quantityMilli: 7 }),
        item('2.2', { quantityMilli: 2750 }),
      ]),
    });
    const random = prng(20260501);
    for (let n = 0; n < 4; n++) {
      const modes = ['on_top', 'included', 'none'] as const;
      const lines = Array.from({ length: 6 + Math.floor(random() * 6) }, (_, i) =>
        free(
          `Случайная ${i + 1}`,
          1 + Math.floor(random() * 9999),
          1 + Math.floor(random() * 9999),
          [500, 600, 750, 1000, 1200, 333][Math.floor(random() * 6)]!,
        ),
      );
      quotes.push({
        name: `random-${n}`,
        q: await quote(
          { vatMode: modes[n % 3], vatRateMilli: [220, 200, 100, 125][n]!, discountRateMilli: Math.floor(random() * 300) },
          lines,
        ),
      });
    }

    // Download each estimate, and a falsified copy of it.
    const files: string[] = [];
    for (const { name, q } of quotes) {
      const res = await fetch(`${baseUrl()}/api/quotes/${q.id}/export.xlsx?lang=ru`, { headers: { cookie } });
      expect(res.status, name).toBe(200);
      const file = join(work, `${name}.xlsx`);
      writeFileSync(file, Buffer.from(await res.arrayBuffer()));
      await falsified(file, join(work, `${name}-falsified.xlsx`));
      files.push(file, join(work, `${name}-falsified.xlsx`));
    }
    const out = join(work, 'csv-estimates');
    await soffice(profile(work, 'estimates', true), CSV_ALL_SHEETS, out, files);

    for (const { name, q } of quotes) {
      const t = q.totals;
      for (const base of [name, `${name}-falsified`]) {
        const rows = sheetCsv(out, base, 'Смета');
        const at = (label: string) => rowWhere(rows, 2, label);
        // Every line, as LibreOffice computes it from quantity, hours, K and rate.
        q.lines.forEach((line: any, i: number) => {
          if (line.kind === 'section') return;
          const row = rows[8 + i]!; // the table starts on row 9
          expect(hundredths(row[6], `${base} line ${i + 1} norm-hours`), `${base} line ${i + 1}`).toBe(line.normHoursCenti);
          expect(hundredths(row[8], `${base} line ${i + 1} amount`), `${base} line ${i + 1}`).toBe(line.amountMinor);
        });
        const sub = at('Сумма');
        expect(hundredths(sub[8], `${base} subtotal`)).toBe(t.subtotalMinor);
        expect(hundredths(sub[6], `${base} norm-hours`)).toBe(t.normHoursCenti);
        if (q.discountRateMilli > 0) {
          expect(hundredths(at('Скидка')[8], `${base} discount`)).toBe(t.discountMinor);
          expect(hundredths(at('Сумма со скидкой')[8], `${base} net`)).toBe(t.netMinor);
        }
        const vatLabel = q.vatMode === 'on_top' ? 'НДС' : q.vatMode === 'included' ? 'в т. ч. НДС' : 'Без НДС';
        expect(hundredths(at(vatLabel)[8], `${base} VAT`)).toBe(t.vatMinor);
        expect(hundredths(at('Итого')[8], `${base} total`)).toBe(t.totalMinor);
      }
    }
    // The half-kopeck lines really are half-kopeck cases (ROUND must go away from zero).
    const tricky = quotes[0]!.q.lines.filter((l: any) => l.title.startsWith('Полкопейки'));
    expect(tricky.map((l: any) => l.amountMinor)).toEqual([2, 1508, 24623]);
  });

  it('user text stays text in LibreOffice too: =HYPERLINK(…), +1+1, -2+3', async () => {
    const evil = '=HYPERLINK("http://evil.example/","нажмите")';
    const q = await quote({ title: evil, customerNote: '+1+1' }, [{ kind: 'section', title: '-2+3' }, free('=1+1', 1000, 100, 1000)]);
    const res = await fetch(`${baseUrl()}/api/quotes/${q.id}/export.xlsx?lang=ru`, { headers: { cookie } });
    const file = join(work, 'evil.xlsx');
    writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    const out = join(work, 'csv-evil');
    await soffice(profile(work, 'evil', true), CSV_ALL_SHEETS, out, [file]);
    const rows = sheetCsv(out, 'evil', 'Смета');
    expect(rows[1]![0]).toBe(evil); // a formula would have shown "нажмите"
    expect(rows[8]![2]).toBe('-2+3');
    expect(rows[9]![2]).toBe('=1+1');
    expect(rowWhere(rows, 0, 'Примечание')[2]).toBe('+1+1');
    expect(hundredths(rowWhere(rows, 2, 'Итого')[8], 'total')).toBe(q.totals.totalMinor);
  });

  it('the consumption workbook: summary and customer sheets recalculate to the report’s figures', async () => {
    let id = 1;
    const entry = (o: Partial<ConsumptionEntry> & Pick<ConsumptionEntry, 'date' | 'kind' | 'normHoursCenti'>): ConsumptionEntry => ({
      ...ledgerEntry(o),
      entryId: id++,
      at: `${o.date}T09:00:00Z`,
      date: o.date,
    });
    const debit = (date: string, code: string, hoursCenti: number, kMilli: number, terms: QuoteTerms) =>
      entry({ ...debitEntry(code, hoursCenti, kMilli, terms), date, stageN: 1, stageTitle: 'Этап' });
    const topup = (date: string, normHoursCenti: number, paymentRef: string) => entry({ ...topupEntry(normHoursCenti, paymentRef), date });
    const customers = [
      summarize(1, 'Северный государственный университет', 1250, [
        topup('2026-05-04', 10_000, 'Платёжное поручение № 118'),
        debit('2026-05-12', '2.2', 2000, 1000, DISCOUNT_ON_TOP),
        debit('2026-05-20', '4.1', 1050, 600, DISCOUNT_ON_TOP),
        debit('2026-05-21', '4.3', 333, 600, { rateMinor: 250_050, discountRateMilli: 0, vatMode: 'included', vatRateMilli: 220 }),
        entry({ date: '2026-05-31', kind: 'correction', memo: '+1+1 сторно', normHoursCenti: 200 }),
      ]),
      summarize(2, 'ГК «Технопарк»', -300, [
        entry({ ...topupEntry(2000, 'Счёт № 7'), date: '2026-05-02', topupKind: 'tariff', memo: 'Тариф' }),
        entry({ date: '2026-05-15', kind: 'correction', memo: 'Корректировка', normHoursCenti: -150 }),
        debit('2026-05-16', '2.6', 777, 1000, { rateMinor: 300_000, discountRateMilli: 0, vatMode: 'none', vatRateMilli: 0 }),
      ]),
      summarize(3, 'Колледж связи № 7', 500, []),
    ];
    const report: ConsumptionReport = {
      month: '2026-05',
      timeZone: 'Europe/Moscow',
      currency: 'RUB',
      companyName: 'ООО «Открытые технологии»',
      generatedAt: '2026-06-01T07:00:00Z',
      closed: false,
      customers,
      totals: reportTotals(customers),
    };
    const empty: ConsumptionReport = { ...report, month: '2026-02', customers: [], totals: reportTotals([]) };
    const file = join(work, 'consumption.xlsx');
    writeFileSync(file, Buffer.from(await consumptionWorkbook(report, 'ru')));
    await falsified(file, join(work, 'consumption-falsified.xlsx'));
    writeFileSync(join(work, 'consumption-empty.xlsx'), Buffer.from(await consumptionWorkbook(empty, 'ru')));
    const out = join(work, 'csv-consumption');
    await soffice(profile(work, 'consumption', true), CSV_ALL_SHEETS, out, [
      file,
      join(work, 'consumption-falsified.xlsx'),
      join(work, 'consumption-empty.xlsx'),
    ]);

    for (const base of ['consumption', 'consumption-falsified']) {
      const summary = sheetCsv(out, base, 'Сводка');
      customers.forEach((c, i) => {
        const row = summary[4 + i]!;
        expect(row[0]).toBe(c.name);
        expect([1, 2, 3, 4, 5].map((k) => hundredths(row[k], `${base} ${c.name} col ${k}`))).toEqual([
          c.openingCenti,
          c.topupsCenti,
          c.debitsCenti,
          c.correctionsCenti,
          c.closingCenti,
        ]);
        expect([6, 7, 8, 9].map((k) => hundredths(row[k], `${base} ${c.name} money col ${k}`))).toEqual([
          c.netMinor,
          c.vatMinor,
          c.totalMinor,
          c.topupsMinor,
        ]);
      });
      const total = rowWhere(summary, 0, 'Итого');
      const t = report.totals;
      expect([1, 2, 3, 4, 5, 6, 7, 8, 9].map((k) => hundredths(total[k], `${base} total col ${k}`))).toEqual([
        t.openingCenti,
        t.topupsCenti,
        t.debitsCenti,
        t.correctionsCenti,
        t.closingCenti,
        t.netMinor,
        t.vatMinor,
        t.totalMinor,
        t.topupsMinor,
      ]);
      for (const c of customers) {
        const rows = sheetTitled(out, base, c.name);
        expect(hundredths(rowWhere(rows, 0, 'Остаток на конец месяца')[12], `${base} ${c.name} closing`)).toBe(c.closingCenti);
        const month = rowWhere(rows, 0, 'Итого за месяц');
        expect([9, 10, 11, 13, 14, 15, 16].map((k) => hundredths(month[k], `${base} ${c.name} month col ${k}`))).toEqual([
          c.topupsCenti,
          c.debitsCenti,
          c.correctionsCenti,
          c.netMinor,
          c.vatMinor,
          c.totalMinor,
          c.topupsMinor,
        ]);
        // The running balance after the last entry is the closing balance.
        if (c.entries.length) expect(hundredths(rows[3 + c.entries.length]![12], `${base} ${c.name} running`)).toBe(c.closingCenti);
      }
    }
    const emptySummary = sheetCsv(out, 'consumption-empty', 'Сводка');
    expect(emptySummary[4]![0]).toContain('операций по балансам нормо-часов не было');
    expect(rowWhere(emptySummary, 0, 'Итого').slice(1, 7)).toEqual(['0', '0', '0', '0', '0', '0']);
  });

  it('renders as documents: PDF pages with the totals (estimate and report), PNGs for review', async () => {
    const q = await quote({ vatMode: 'on_top', discountRateMilli: 100, customerNote: 'Работы начинаются после пополнения баланса.' }, [
      { kind: 'section', title: 'Оформление' },
      item('2.2'),
      item('2.3', { quantityMilli: 1500, note: 'Две темы: студенческая и преподавательская' }),
      { kind: 'section', title: 'Контент' },
      item('4.1', { hoursCenti: 1050, quantityMilli: 3000 }),
    ]);
    const res = await fetch(`${baseUrl()}/api/quotes/${q.id}/export.xlsx?lang=ru`, { headers: { cookie } });
    const file = join(work, 'estimate.xlsx');
    writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    const customers = [
      summarize(1, 'Северный государственный университет', 1250, [
        { entryId: 1, at: '2026-05-04T09:00:00Z', date: '2026-05-04', ...topupEntry(10_000, 'Счёт № 118 от 30.04.2026') },
        {
          entryId: 2,
          at: '2026-05-20T09:00:00Z',
          date: '2026-05-20',
          ...debitEntry('4.1', 1050, 600, DISCOUNT_ON_TOP),
          stageN: 2,
          stageTitle: 'Наполнение курсов',
          title: 'Пустой курс до 10 секций',
        },
      ]),
    ];
    const report: ConsumptionReport = {
      month: '2026-05',
      timeZone: 'Europe/Moscow',
      currency: 'RUB',
      companyName: 'ООО «Открытые технологии»',
      generatedAt: '2026-06-01T07:00:00Z',
      closed: false,
      customers,
      totals: reportTotals(customers),
    };
    const consumption = join(work, 'consumption-report.xlsx');
    writeFileSync(consumption, Buffer.from(await consumptionWorkbook(report, 'ru')));
    const out = join(work, 'pdf');
    await soffice(profile(work, 'pdf', true), 'pdf', out, [file, consumption]);
    const report2 = await run('pdftotext', ['-layout', join(out, 'consumption-report.pdf'), '-']);
    expect(report2).toContain('Отчёт о расходе нормо-часов за май 2026 г.');
    expect(report2).toContain('Остаток на конец месяца');
    const pdf = join(out, 'estimate.pdf');
    const text = await run('pdftotext', ['-layout', pdf, '-']);
    expect(text).toContain(`Смета № ${q.number}`);
    expect(text).toContain('Итого');
    expect(text).toContain('Исходный материал'); // the services sheet prints too
    expect(text.replace(/[\s,.\u00a0]/g, '')).toContain(String(q.totals.totalMinor));
    mkdirSync(SCREENSHOTS, { recursive: true });
    await run('pdftoppm', ['-r', '70', '-png', '-f', '1', '-l', '1', '-singlefile', pdf, join(SCREENSHOTS, '05-estimate-xlsx')]);
    await run('pdftoppm', [
      '-r',
      '70',
      '-png',
      '-f',
      '2',
      '-l',
      '2',
      '-singlefile',
      join(out, 'consumption-report.pdf'),
      join(SCREENSHOTS, '05-consumption-xlsx'),
    ]);
  });
});

// ---------- ledger entries as the report reads them, their money on a quote's terms ----------

const DISCOUNT_ON_TOP: QuoteTerms = { rateMinor: 300_000, discountRateMilli: 100, vatMode: 'on_top', vatRateMilli: 220 };
const NO_MONEY: MoneyFigures = { subtotalMinor: 0, discountMinor: 0, netMinor: 0, vatMinor: 0, totalMinor: 0 };

/** Everything of an entry but its id and instant: no order, no money unless given. */
function ledgerEntry(
  o: Partial<ConsumptionEntry> & Pick<ConsumptionEntry, 'kind' | 'normHoursCenti'>,
): Omit<ConsumptionEntry, 'entryId' | 'at' | 'date'> {
  return {
    topupKind: null,
    memo: '',
    orderId: null,
    orderNumber: null,
    stageN: null,
    stageTitle: null,
    code: null,
    title: null,
    categoryName: null,
    hoursCenti: null,
    kMilli: null,
    moneyMinor: 0,
    ...NO_MONEY,
    rateMinor: null,
    paymentRef: '',
    invoiceNumber: null,
    plannedHoursCenti: null,
    plannedNormHoursCenti: null,
    correctsEntryId: null,
    correctsKind: null,
    ...o,
  };
}

/** A debit of one service: norm-hours = ROUND(hours × K, 2), its money on the quote's terms, signed like the hours. */
function debitEntry(code: string, hoursCenti: number, kMilli: number, terms: QuoteTerms) {
  const nh = Math.round((hoursCenti * kMilli) / 1000);
  const f = figuresOf(normHoursAmountMinor(nh, terms.rateMinor), terms);
  return ledgerEntry({
    kind: 'debit',
    orderId: 3,
    orderNumber: 'W-2026-0003',
    code,
    title: `Услуга ${code}`,
    categoryName: kMilli === 600 ? 'Ассистент редактора' : 'Разработчик',
    hoursCenti,
    kMilli,
    normHoursCenti: -nh,
    rateMinor: terms.rateMinor,
    plannedHoursCenti: hoursCenti,
    plannedNormHoursCenti: nh,
    moneyMinor: -f.netMinor,
    subtotalMinor: -f.subtotalMinor,
    discountMinor: -f.discountMinor,
    netMinor: -f.netMinor,
    vatMinor: -f.vatMinor,
    totalMinor: -f.totalMinor,
  });
}

/** A paid top-up in norm-hours: its money at the rate of the day, with the payment reference. */
function topupEntry(normHoursCenti: number, paymentRef: string) {
  const { amountMinor, rateMinor } = topupFromHours(normHoursCenti, DISCOUNT_ON_TOP.rateMinor);
  return ledgerEntry({
    kind: 'topup',
    topupKind: 'support',
    memo: paymentRef,
    paymentRef,
    normHoursCenti,
    rateMinor,
    moneyMinor: amountMinor,
    subtotalMinor: amountMinor,
    netMinor: amountMinor,
    totalMinor: amountMinor,
  });
}
