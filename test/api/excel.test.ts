/**
 * Excel that accountants trust: the estimate through the API (staff and customer), read
 * back with exceljs — cells, number formats, formulas and their results against the API's
 * totals, an independent recomputation of every formula, the table, frozen pane, print
 * setup, properties, headers — and the monthly consumption workbook from synthetic reports.
 */
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { reportTotals, summarize, type ConsumptionEntry, type ConsumptionReport } from '../../worker/domain/consumption';
import { CONSUMPTION_ROW_CAP, consumptionWorkbook } from '../../worker/excel/consumption';
import { assertConsumptionFits } from '../../worker/routes/reports';
import { contentDisposition } from '../../worker/excel/filename';
import { AppError } from '../../worker/http/errors';
import { allText, formulaCells, zipParts } from '../e2e/excel-check';
import { call, fails, fetchWorker, ok, freshIp } from '../support/api';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const EVIL_TITLE = '=HYPERLINK("http://evil.example/","нажмите")';
const SECRET_NOTE = 'СЕКРЕТ: можем дать скидку 15%';
const SECRET_K = 'ВНУТРЕННЯЯ ПРИЧИНА K';

let items: Record<string, { id: number; hoursCenti: number | null; kMilli: number }>;

beforeAll(async () => {
  const list = await ok<any[]>('GET', '/api/catalog/items');
  items = Object.fromEntries(list.map((i) => [i.code, i]));
});

async function addLine(q: any, body: Record<string, unknown>) {
  return ok('POST', `/api/quotes/${q.id}/lines`, { body: { version: q.version, ...body } }, 201);
}

/** Sections, catalog lines, fractional quantity, K 0.6, a free line with K 0.75, a changed K with a reason. */
async function richQuote(header: Record<string, unknown> = {}) {
  let q = await ok(
    'POST',
    '/api/quotes',
    {
      body: {
        customerId: 1,
        title: 'Внедрение СЭО: оформление и курсы',
        internalNote: SECRET_NOTE,
        customerNote: 'Работы начинаются после пополнения баланса.',
        ...header,
      },
    },
    201,
  );
  q = await addLine(q, { kind: 'section', title: 'Оформление' });
  q = await addLine(q, { catalogItemId: items['2.2']!.id });
  q = await addLine(q, { catalogItemId: items['2.3']!.id, quantityMilli: 1500, note: 'Две темы: студенческая и преподавательская' });
  q = await addLine(q, { kind: 'section', title: 'Контент' });
  q = await addLine(q, { catalogItemId: items['4.1']!.id, hoursCenti: 1050, quantityMilli: 3000 });
  q = await addLine(q, { catalogItemId: items['2.9']!.id, hoursCenti: 333, kMilli: 600, kReason: SECRET_K });
  q = await addLine(q, { title: 'Перенос материалов', quantityMilli: 1333, hoursCenti: 125, kMilli: 750 });
  return q;
}

async function download(path: string, headers: Record<string, string> = {}, as: 'manager' | 'accountant' | 'anon' = 'manager') {
  const res = await call('GET', path, { as, headers });
  return res;
}

async function book(res: Response) {
  expect(
    res.status,
    await res
      .clone()
      .text()
      .catch(() => ''),
  ).toBe(200);
  const data = await res.arrayBuffer();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data);
  return { wb, data };
}

/** The row whose column C (labels of the totals) reads `label`. */
function rowLabelled(ws: ExcelJS.Worksheet, label: string): number {
  let found = 0;
  ws.eachRow((row, n) => {
    if (!found && row.getCell(3).value === label) found = n;
  });
  if (!found) throw new Error(`no row labelled ${label}`);
  return found;
}

const formulaOf = (ws: ExcelJS.Worksheet, address: string) => (ws.getCell(address).value as { formula: string }).formula;
/** A formula's cached result (exceljs reads a cached 0 back as no result; `cachedResults` checks the XML has every <v>). */
const resultOf = (ws: ExcelJS.Worksheet, address: string) => (ws.getCell(address).value as { result?: number }).result ?? 0;
const toMinor = (x: number) => Math.round(x * 100);

/** Every formula recomputed from the cells gives its cached result, and the file does hold a result for each. */
async function expectFormulasConsistent(wb: ExcelJS.Workbook, data: ArrayBuffer) {
  const cells = formulaCells(wb);
  expect(cells.length).toBeGreaterThan(0);
  for (const c of cells) {
    const cached = c.result ?? 0;
    expect(Math.abs(c.computed - cached), `${c.sheet}!${c.address} ${c.formula}: cached ${cached}, computes ${c.computed}`).toBeLessThan(
      1e-9,
    );
  }
  let withValue = 0;
  for (const [name, xml] of await zipParts(data)) {
    if (!name.startsWith('xl/worksheets/sheet')) continue;
    const formulas = xml.match(/<f>/g)?.length ?? 0;
    const cachedValues = xml.match(/<f>[^<]*<\/f><v>-?[\d.E+-]+<\/v>/g)?.length ?? 0;
    expect(cachedValues, `${name}: every formula has its cached result`).toBe(formulas);
    withValue += cachedValues;
  }
  expect(withValue).toBe(cells.length);
  return cells;
}

describe('the estimate workbook (staff)', () => {
  it('lines, formulas, formats and totals equal the API to the kopeck (VAT on top, 10 % discount)', async () => {
    const q = await richQuote({ discountRateMilli: 100, vatMode: 'on_top', vatRateMilli: 220 });
    const res = await download(`/api/quotes/${q.id}/export.xlsx`, { 'accept-language': 'ru-RU,ru;q=0.9' });
    expect(res.headers.get('content-type')).toBe(XLSX);
    const disposition = res.headers.get('content-disposition')!;
    expect(disposition).toBe(
      `attachment; filename="${q.number} Severnyy gosudarstvennyy universitet.xlsx"; filename*=UTF-8''${encodeURIComponent(
        `${q.number} ` + `Северный государственный университет`,
      )}.xlsx`,
    );
    expect(res.headers.get('cache-control')).toBe('no-store');
    const { wb, data } = await book(res);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Смета', 'Услуги']);
    const ws = wb.getWorksheet('Смета')!;

    // Heading block.
    expect(ws.getCell('A1').value).toBe(`Смета № ${q.number}`);
    expect(ws.getCell('A2').value).toBe('Внедрение СЭО: оформление и курсы');
    expect(ws.getCell('C3').value).toBe('ООО «Открытые технологии»');
    expect(ws.getCell('C5').value).toBe('Северный государственный университет');
    expect(ws.getCell('C6').value).toBe('ФГБОУ ВО «Северный государственный университет»');
    expect(ws.getCell('I3').value).toBe('не отправлена');
    expect(ws.getCell('I5').value).toBe(3000);
    expect(ws.getCell('I5').numFmt).toBe('#,##0.00 "₽"'); // as exceljs reads it back: it drops the escapes
    const styles = (await zipParts(data)).get('xl/styles.xml')!;
    // hours (#,##0.00), 0% and text (@) are Excel's built-in formats 4, 9 and 49
    expect(styles).toContain('formatCode="#,##0.00\\ &quot;₽&quot;"');
    for (const id of [4, 9, 49]) expect(styles).toContain(`numFmtId="${id}"`);

    // The lines table: an Excel table with filters, a frozen and repeated header.
    const [table] = ws.getTables() as unknown as {
      table: { name: string; tableRef: string; columns: { name: string; filterButton: boolean }[] };
    }[];
    const lineRows = q.lines.length;
    expect(table!.table.name).toBe('Lines');
    expect(table!.table.tableRef).toBe(`A8:I${8 + lineRows}`);
    expect(table!.table.columns.map((c) => c.name)).toEqual([
      '№',
      'Код',
      'Услуга',
      'Кол-во',
      'Часы',
      'K',
      'Нормо-часы',
      'Ставка, ₽',
      'Сумма, ₽',
    ]);
    expect(table!.table.columns.every((c) => c.filterButton)).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 8 });
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '8:8',
    });
    expect(ws.headerFooter.oddFooter).toContain('&P / &N');

    // Every line: values, formats, formulas with the API's priced values as results.
    q.lines.forEach((line: any, i: number) => {
      const r = 9 + i;
      if (line.kind === 'section') {
        expect(ws.getCell(`C${r}`).value).toBe(line.title);
        expect(ws.getCell(`G${r}`).value).toBeNull();
        return;
      }
      const title = ws.getCell(`C${r}`).value as any;
      expect(typeof title === 'string' ? title : title.richText.map((t: any) => t.text).join('')).toBe(
        line.note ? `${line.title}\n${line.note}` : line.title,
      );
      expect(ws.getCell(`B${r}`).value).toBe(line.code);
      expect(ws.getCell(`D${r}`).value).toBe(line.quantityMilli / 1000);
      expect(ws.getCell(`E${r}`).value).toBe(line.hoursCenti / 100);
      expect(ws.getCell(`F${r}`).value).toBe(line.kMilli / 1000);
      expect(ws.getCell(`H${r}`).value).toBe(q.rateMinor / 100);
      expect(formulaOf(ws, `G${r}`)).toBe(`ROUND(D${r}*E${r}*F${r},2)`);
      expect(formulaOf(ws, `I${r}`)).toBe(`ROUND(D${r}*E${r}*F${r}*H${r},2)`);
      expect(toMinor(resultOf(ws, `G${r}`))).toBe(line.normHoursCenti);
      expect(toMinor(resultOf(ws, `I${r}`))).toBe(line.amountMinor);
      expect(ws.getCell(`E${r}`).numFmt).toBe('#,##0.00');
      expect(ws.getCell(`G${r}`).numFmt).toBe('#,##0.00');
      expect(ws.getCell(`I${r}`).numFmt).toBe('#,##0.00 "₽"');
    });
    expect(q.lines.some((l: any) => l.kMilli === 600 && l.quantityMilli !== 1000)).toBe(true);

    // Section subtotals, then subtotal → discount → net → VAT → total as formulas.
    const last = 8 + lineRows;
    const design = rowLabelled(ws, 'Оформление');
    expect(design).toBe(9);
    const bySection = rowLabelled(ws, 'Итого по разделам');
    expect(ws.getCell(`C${bySection + 1}`).value).toBe('Оформление');
    expect(formulaOf(ws, `I${bySection + 1}`)).toBe('SUM(I10:I11)');
    expect(toMinor(resultOf(ws, `I${bySection + 1}`))).toBe(q.sections[0].subtotalMinor);
    expect(formulaOf(ws, `I${bySection + 2}`)).toBe(`SUM(I13:I${last})`);
    expect(toMinor(resultOf(ws, `I${bySection + 2}`))).toBe(q.sections[1].subtotalMinor);
    expect(toMinor(resultOf(ws, `G${bySection + 2}`))).toBe(q.sections[1].normHoursCenti);

    const sub = rowLabelled(ws, 'Сумма');
    const disc = rowLabelled(ws, 'Скидка');
    const net = rowLabelled(ws, 'Сумма со скидкой');
    const vat = rowLabelled(ws, 'НДС');
    const total = rowLabelled(ws, 'Итого');
    expect(formulaOf(ws, `I${sub}`)).toBe(`SUM(I9:I${last})`);
    expect(formulaOf(ws, `G${sub}`)).toBe(`SUM(G9:G${last})`);
    expect(formulaOf(ws, `I${disc}`)).toBe(`ROUND(I${sub}*H${disc},2)`);
    expect(ws.getCell(`H${disc}`).value).toBe(0.1);
    expect(ws.getCell(`H${disc}`).numFmt).toBe('0%');
    expect(formulaOf(ws, `I${net}`)).toBe(`I${sub}-I${disc}`);
    expect(formulaOf(ws, `I${vat}`)).toBe(`ROUND(I${net}*H${vat},2)`);
    expect(ws.getCell(`H${vat}`).value).toBe(0.22);
    expect(formulaOf(ws, `I${total}`)).toBe(`I${net}+I${vat}`);
    const t = q.totals;
    expect(toMinor(resultOf(ws, `I${sub}`))).toBe(t.subtotalMinor);
    expect(toMinor(resultOf(ws, `G${sub}`))).toBe(t.normHoursCenti);
    expect(toMinor(resultOf(ws, `I${disc}`))).toBe(t.discountMinor);
    expect(toMinor(resultOf(ws, `I${net}`))).toBe(t.netMinor);
    expect(toMinor(resultOf(ws, `I${vat}`))).toBe(t.vatMinor);
    expect(toMinor(resultOf(ws, `I${total}`))).toBe(t.totalMinor);
    expect(t.discountMinor).toBeGreaterThan(0);

    // Recomputed independently from the cells, every formula gives its cached result.
    const cells = await expectFormulasConsistent(wb, data);
    // 2 per line, 2 per section, norm-hours and subtotal, discount, net, VAT, total
    expect(cells.length).toBe(2 * (lineRows - 2) + 2 * 2 + 2 + 4);

    // Properties.
    expect(wb.title).toBe(`Смета ${q.number}`);
    expect(wb.subject).toBe('Внедрение СЭО: оформление и курсы');
    expect(wb.creator).toBe('ООО «Открытые технологии»');
    expect(wb.company).toBe('ООО «Открытые технологии»');
    expect(wb.keywords).toContain(q.number);

    // Services sheet: descriptions, inputs, result, limits of each distinct service.
    const services = wb.getWorksheet('Услуги')!;
    const text = allText(wb);
    expect(services.getCell('A1').value).toBe(`Услуги по смете № ${q.number}`);
    const full = await ok('GET', `/api/quotes/${q.id}`);
    const info = await ok('GET', `/api/quotes/${q.id}/services`);
    const l25 = info.services[String(full.lines.find((l: any) => l.code === '2.2').catalogItemId)];
    expect(text).toContain(l25.description);
    expect(text).toContain(l25.result);
    expect(text).toContain('Результат сервиса');
    expect(text).toContain('Ограничения');

    // The staff file is the customer's view too: nothing internal.
    expect(text).not.toContain(SECRET_NOTE);
    expect(text).not.toContain(SECRET_K);
  });

  it('VAT included: ROUND(net × r / (1 + r), 2), total = net; English by the request', async () => {
    const q = await richQuote({ vatMode: 'included', vatRateMilli: 220, discountRateMilli: 0 });
    const { wb, data } = await book(await download(`/api/quotes/${q.id}/export.xlsx`, { 'accept-language': 'en-GB,en;q=0.8' }));
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Estimate', 'Services']);
    const ws = wb.getWorksheet('Estimate')!;
    expect(ws.getCell('A1').value).toBe(`Estimate No. ${q.number}`);
    expect(ws.getCell('I5').numFmt).toBe('"₽"#,##0.00');
    const sub = rowLabelled(ws, 'Subtotal');
    const vat = rowLabelled(ws, 'incl. VAT');
    const total = rowLabelled(ws, 'Total');
    expect(() => rowLabelled(ws, 'Discount')).toThrow();
    expect(formulaOf(ws, `I${vat}`)).toBe(`ROUND(I${sub}*H${vat}/(1+H${vat}),2)`);
    expect(formulaOf(ws, `I${total}`)).toBe(`I${sub}`);
    expect(toMinor(resultOf(ws, `I${vat}`))).toBe(q.totals.vatMinor);
    expect(toMinor(resultOf(ws, `I${total}`))).toBe(q.totals.totalMinor);
    expect(q.totals.totalMinor).toBe(q.totals.subtotalMinor);
    await expectFormulasConsistent(wb, data);
  });

  it('no VAT: a zero VAT line and total = net; ?lang= overrides the header', async () => {
    const q = await richQuote({ vatMode: 'none', discountRateMilli: 75 });
    const { wb, data } = await book(await download(`/api/quotes/${q.id}/export.xlsx?lang=ru`, { 'accept-language': 'en' }));
    const ws = wb.getWorksheet('Смета')!;
    const net = rowLabelled(ws, 'Сумма со скидкой');
    const vat = rowLabelled(ws, 'Без НДС');
    const total = rowLabelled(ws, 'Итого');
    expect(ws.getCell(`I${vat}`).value).toBe(0);
    expect(formulaOf(ws, `I${total}`)).toBe(`I${net}`);
    expect(ws.getCell(`H${rowLabelled(ws, 'Скидка')}`).numFmt).toBe('0.0%');
    expect(toMinor(resultOf(ws, `I${total}`))).toBe(q.totals.totalMinor);
    expect(q.totals.vatMinor).toBe(0);
    await expectFormulasConsistent(wb, data);
  });

  it('text from users stays text: a title, a line and a note that look like formulas', async () => {
    let q = await ok(
      'POST',
      '/api/quotes',
      { body: { customerId: 1, title: EVIL_TITLE, customerNote: '+1+1', internalNote: '@SUM(1)' } },
      201,
    );
    q = await addLine(q, { kind: 'section', title: '-2+3' });
    q = await addLine(q, { title: '=1+1', hoursCenti: 100, note: "=cmd|' /C calc'!A0" });
    const { wb, data } = await book(await download(`/api/quotes/${q.id}/export.xlsx`, { 'accept-language': 'ru' }));
    const ws = wb.getWorksheet('Смета')!;
    expect(ws.getCell('A2').value).toBe(EVIL_TITLE);
    expect(ws.getCell('A2').type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell('A2').numFmt).toBe('@');
    expect(ws.getCell('C9').value).toBe('-2+3');
    const line = ws.getCell('C10').value as any;
    expect(line.richText.map((t: any) => t.text).join('')).toBe("=1+1\n=cmd|' /C calc'!A0");
    let noteRow = 0;
    ws.eachRow((row, n) => {
      if (row.getCell(1).value === 'Примечание') noteRow = n;
    });
    expect(ws.getCell(`C${noteRow}`).value).toBe('+1+1');
    expect(ws.getCell(`C${noteRow}`).type).toBe(ExcelJS.ValueType.String);
    // In the file itself no formula holds any of it: the only formulas are our own.
    const parts = await zipParts(data);
    const sheetXml = parts.get('xl/worksheets/sheet1.xml')!;
    const formulas = [...sheetXml.matchAll(/<f>([^<]*)<\/f>/g)].map((m) => m[1]!);
    expect(formulas.length).toBeGreaterThan(0);
    for (const f of formulas) expect(f).toMatch(/^(ROUND|SUM|I\d+)[A-Z0-9(),.*+\-/:]*$/);
    expect(parts.get('xl/sharedStrings.xml')).toContain('=HYPERLINK(&quot;http://evil.example/&quot;,&quot;нажмите&quot;)');
  });

  it('a quote with a line waiting for its hours is refused with 422, saying which line', async () => {
    let q = await ok('POST', '/api/quotes', { body: { customerId: 1, title: 'Неполная' } }, 201);
    q = await addLine(q, { catalogItemId: items['2.2']!.id });
    q = await addLine(q, { catalogItemId: items['2.6']!.id });
    expect(q.lines[1].hoursCenti).toBeNull();
    const e = await fails('GET', `/api/quotes/${q.id}/export.xlsx`, { headers: { 'accept-language': 'ru' } }, 422, 'incomplete_lines');
    expect(e.message).toContain('2.6 «Пошаговое интерактивное консультирование»');
    expect(e.message).toContain('Укажите часы');
    expect(e.message).not.toContain('2.2');
    expect(e.details).toEqual({ incompleteLines: 1 });
  });

  it('access: no session 401, unknown quote 404, a bad id 400; every staff role may download', async () => {
    const q = await richQuote();
    await fails('GET', `/api/quotes/${q.id}/export.xlsx`, { as: 'anon' }, 401);
    await fails('GET', '/api/quotes/999999/export.xlsx', {}, 404, 'not_found');
    await fails('GET', '/api/quotes/abc/export.xlsx', {}, 400, 'validation_failed');
    for (const as of ['accountant', 'admin'] as const) {
      const res = await call('GET', `/api/quotes/${q.id}/export.xlsx`, { as });
      expect(res.status).toBe(200);
      await res.arrayBuffer();
    }
  });

  it('an empty draft is still a valid workbook that says so', async () => {
    const q = await ok('POST', '/api/quotes', { body: { customerId: 2, title: 'Пустая' } }, 201);
    const res = await download(`/api/quotes/${q.id}/export.xlsx`, { 'accept-language': 'ru' });
    expect(res.headers.get('content-disposition')).toContain(`filename="${q.number} GK Tekhnopark.xlsx"`);
    const { wb, data } = await book(res);
    const ws = wb.getWorksheet('Смета')!;
    expect(ws.getCell('A9').value).toBe('В смете нет строк.');
    expect(ws.getTables()).toHaveLength(0);
    expect(resultOf(ws, `I${rowLabelled(ws, 'Итого')}`)).toBe(0);
    await expectFormulasConsistent(wb, data);
  });
});

describe('the estimate workbook (customer link)', () => {
  const customer = (path: string, lang = 'ru-RU') =>
    fetchWorker(path, { headers: { 'cf-connecting-ip': freshIp(), 'accept-language': lang } });

  it('shows exactly what the shared page shows: no internal note, no K reason, no ids', async () => {
    let q = await richQuote({ discountRateMilli: 50 });
    q = await ok('POST', `/api/quotes/${q.id}/send`, { body: { version: q.version } });
    const { token } = await ok('POST', `/api/quotes/${q.id}/share`, {}, 201);
    const res = await customer(`/api/shared/${token}/export.xlsx`);
    expect(res.headers.get('content-type')).toBe(XLSX);
    expect(res.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent(q.number)}%20`);
    expect(res.headers.get('x-robots-tag')).toBe('noindex, nofollow, noarchive');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    const { wb, data } = await book(res);
    const ws = wb.getWorksheet('Смета')!;
    expect(ws.getCell('I6').value).toBe('Отправлена');
    expect(toMinor(resultOf(ws, `I${rowLabelled(ws, 'Итого')}`))).toBe(q.totals.totalMinor);
    await expectFormulasConsistent(wb, data);

    // Nothing internal anywhere in the file: not in cells, not in any XML part.
    const parts = await zipParts(data);
    const everything = [...parts.values()].join('\n') + allText(wb);
    for (const secret of [SECRET_NOTE, SECRET_K, 'internalNote', 'kReason', 'Максим Менеджеров', 'manager@demo.local']) {
      expect(everything, secret).not.toContain(secret);
    }
    // The same revision the page shows, in the same order.
    const page = await (await customer(`/api/shared/${token}`)).json<any>();
    const titles = page.lines.map((l: any) => l.title);
    for (const [i, title] of titles.entries()) {
      const v = ws.getCell(`C${9 + i}`).value as any;
      expect(typeof v === 'string' ? v : v.richText[0].text).toBe(title);
    }
  });

  it('follows the page’s language, and a dead or unknown link is 404', async () => {
    let q = await richQuote();
    q = await ok('POST', `/api/quotes/${q.id}/send`, { body: { version: q.version } });
    const { token } = await ok('POST', `/api/quotes/${q.id}/share`, {}, 201);
    const en = await book(await customer(`/api/shared/${token}/export.xlsx?lang=en`));
    expect(en.wb.worksheets[0]!.name).toBe('Estimate');
    const ru = await book(await customer(`/api/shared/${token}/export.xlsx`, 'de-DE'));
    expect(ru.wb.worksheets[0]!.name).toBe('Смета');
    expect((await customer(`/api/shared/${'x'.repeat(43)}/export.xlsx`)).status).toBe(404);
    expect((await customer('/api/shared/short/export.xlsx')).status).toBe(404);
    // A newer revision sent: the same link's file is the new revision (the link belongs to the number).
    const r2 = await ok('POST', `/api/quotes/${q.id}/revise`, {}, 201);
    await ok('POST', `/api/quotes/${r2.id}/send`, { body: { version: r2.version } });
    const latest = await book(await customer(`/api/shared/${token}/export.xlsx`));
    expect(latest.wb.worksheets[0]!.getCell('A1').value).toBe(`Смета № ${q.number}-R2, редакция 2`);
    expect(latest.wb.worksheets[0]!.getCell('I6').value).not.toBe('Заменена новой редакцией');
    await ok('DELETE', `/api/quotes/${q.id}/share`);
    const revoked = await customer(`/api/shared/${token}/export.xlsx`);
    expect(revoked.status).toBe(404);
    expect(((await revoked.json()) as any).error.code).toBe('link_revoked');
  });
});

describe('Content-Disposition (RFC 6266)', () => {
  it('an ASCII fallback and the UTF-8 name; nothing that could break the header or a path', () => {
    expect(contentDisposition('Q-2026-0042-R2 ГК «Технопарк».xlsx')).toBe(
      `attachment; filename="Q-2026-0042-R2 GK Tekhnopark.xlsx"; ` +
        `filename*=UTF-8''Q-2026-0042-R2%20%D0%93%D0%9A%20%C2%AB%D0%A2%D0%B5%D1%85%D0%BD%D0%BE%D0%BF%D0%B0%D1%80%D0%BA%C2%BB.xlsx`,
    );
    const nasty = contentDisposition('a"b\\c/d\r\ne;f\'(x).xlsx');
    expect(nasty).not.toMatch(/[\r\n]/);
    expect(nasty).toMatch(/^attachment; filename="[^"\\/]*"; filename\*=UTF-8''[A-Za-z0-9%!#$&+.^_`|~-]+$/);
  });
});

// ---------- the monthly consumption workbook ----------

let entryId = 1;
function entry(o: Partial<ConsumptionEntry> & Pick<ConsumptionEntry, 'date' | 'kind' | 'normHoursCenti'>): ConsumptionEntry {
  const money = o.moneyMinor ?? 0;
  return {
    entryId: entryId++,
    at: `${o.date}T09:00:00.000Z`,
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
    moneyMinor: money,
    rateMinor: null,
    correctsEntryId: null,
    subtotalMinor: money,
    discountMinor: 0,
    netMinor: money,
    vatMinor: 0,
    totalMinor: money,
    paymentRef: '',
    invoiceNumber: null,
    plannedHoursCenti: null,
    plannedNormHoursCenti: null,
    correctsKind: null,
    ...o,
  };
}
function debit(date: string, code: string, hoursCenti: number, kMilli: number, stageN: number, rateMinor = 300_000): ConsumptionEntry {
  const nh = Math.round((hoursCenti * kMilli) / 1000);
  return entry({
    date,
    kind: 'debit',
    orderId: 7,
    orderNumber: 'W-2026-0007',
    stageN,
    stageTitle: `Этап ${stageN}`,
    code,
    title: `Услуга ${code}`,
    categoryName: kMilli === 600 ? 'Ассистент редактора' : 'Разработчик',
    hoursCenti,
    kMilli,
    normHoursCenti: -nh,
    moneyMinor: -Math.round((nh * rateMinor) / 100),
    rateMinor,
  });
}
function report(customers: ReturnType<typeof summarize>[], month = '2026-05'): ConsumptionReport {
  return {
    month,
    timeZone: 'Europe/Moscow',
    currency: 'RUB',
    companyName: 'ООО «Открытые технологии»',
    generatedAt: '2026-06-01T07:00:00.000Z',
    closed: false,
    customers,
    totals: reportTotals(customers),
  };
}
async function read(data: ArrayBuffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data);
  return { wb, data };
}
function rowWith(ws: ExcelJS.Worksheet, col: number, text: string): number {
  let found = 0;
  ws.eachRow((row, n) => {
    if (!found && row.getCell(col).value === text) found = n;
  });
  if (!found) throw new Error(`no row with ${text}`);
  return found;
}

describe('the monthly consumption workbook', () => {
  const university = () =>
    summarize(1, 'Северный государственный университет', 1250, [
      entry({ date: '2026-05-04', kind: 'topup', topupKind: 'support', memo: 'Счёт № 118', normHoursCenti: 10_000 }),
      debit('2026-05-12', '2.2', 2000, 1000, 1),
      debit('2026-05-20', '4.1', 1050, 600, 2),
      debit('2026-05-20', '4.3', 333, 600, 2, 250_050),
      entry({ date: '2026-05-31', kind: 'correction', memo: '=HYPERLINK("http://evil") сторно', normHoursCenti: 200, correctsEntryId: 3 }),
    ]);
  const technopark = () =>
    summarize(2, 'ГК «Технопарк»: филиал [Москва]/Юг', -300, [
      entry({ date: '2026-05-02', kind: 'topup', topupKind: 'tariff', memo: 'Тариф', normHoursCenti: 2000 }),
      entry({ date: '2026-05-15', kind: 'correction', memo: 'Корректировка остатка', normHoursCenti: -150 }),
    ]);

  it('summary: a row per customer linked to its sheet, closing = opening + top-ups − debits + corrections, SUM totals', async () => {
    const r = report([university(), technopark(), summarize(3, 'Колледж связи № 7', 500, [])]);
    const { wb, data } = await read(await consumptionWorkbook(r, 'ru'));
    expect(wb.worksheets.map((s) => s.name)).toEqual([
      'Сводка',
      'Северный государственный универ',
      'ГК «Технопарк» филиал Москва Юг',
      'Колледж связи № 7',
    ]);
    const s = wb.getWorksheet('Сводка')!;
    expect(s.getCell('A1').value).toBe('Отчёт о расходе нормо-часов за май 2026 г.');
    expect(s.getCell('A5').value).toBe('Северный государственный университет');
    expect(formulaOf(s, 'B5')).toBe("'Северный государственный универ'!M3");
    expect(formulaOf(s, 'F5')).toBe('B5+C5-D5+E5');
    expect(s.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    expect(s.pageSetup).toMatchObject({ paperSize: 9, fitToPage: true, fitToWidth: 1, printTitlesRow: '4:4' });
    r.customers.forEach((c, i) => {
      const row = 5 + i;
      expect(toMinor(resultOf(s, `B${row}`))).toBe(c.openingCenti);
      expect(toMinor(resultOf(s, `C${row}`))).toBe(c.topupsCenti);
      expect(toMinor(resultOf(s, `D${row}`))).toBe(c.debitsCenti);
      expect(toMinor(resultOf(s, `E${row}`))).toBe(c.correctionsCenti);
      expect(toMinor(resultOf(s, `F${row}`))).toBe(c.closingCenti);
      expect(toMinor(resultOf(s, `G${row}`))).toBe(c.moneyMinor);
    });
    const total = rowWith(s, 1, 'Итого');
    expect(total).toBe(8);
    expect(formulaOf(s, 'F8')).toBe('SUM(F5:F7)');
    const t = r.totals;
    expect([...'BCDEFG'].map((c) => toMinor(resultOf(s, `${c}8`)))).toEqual([
      t.openingCenti,
      t.topupsCenti,
      t.debitsCenti,
      t.correctionsCenti,
      t.closingCenti,
      t.moneyMinor,
    ]);
    expect(s.getCell('G8').numFmt).toBe('#,##0.00 "₽"');
    expect(s.getCell('F8').numFmt).toBe('#,##0.00');
    expect(wb.title).toBe('Отчёт о расходе нормо-часов за май 2026 г.');
    expect(wb.creator).toBe('ООО «Открытые технологии»');
    await expectFormulasConsistent(wb, data);
  });

  it('a customer sheet: every entry, the running balance, SUMs and the closing that chains from the opening', async () => {
    const u = university();
    const { wb, data } = await read(await consumptionWorkbook(report([u]), 'ru'));
    const ws = wb.worksheets[1]!;
    expect(ws.getCell('A1').value).toBe(u.name);
    expect(ws.getCell('M3').value).toBe(12.5);
    expect(ws.getRow(4).values).toEqual([
      undefined,
      'Дата',
      'Операция',
      'Заявка',
      'Этап',
      'Код',
      'Содержание',
      'Категория',
      'Часы',
      'K',
      'Пополнение,\nнормо-ч',
      'Списание,\nнормо-ч',
      'Корректировка,\nнормо-ч',
      'Остаток,\nнормо-ч',
      'Услуги\nбез НДС, ₽',
      'НДС\nуслуг, ₽',
      'Услуги\nс НДС, ₽',
      'Оплачено\n(пополнения), ₽',
    ]);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    expect(ws.autoFilter).toBe('A4:Q9');
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', printTitlesRow: '4:4' });
    // Entry rows: the date on the company's calendar as a real date; the debit's details.
    const date = ws.getCell('A5');
    expect(date.value).toEqual(new Date(Date.UTC(2026, 4, 4)));
    expect(date.numFmt).toBe('dd.mm.yyyy');
    expect(ws.getCell('B5').value).toBe('Пополнение (пакет расширенной поддержки)');
    expect(ws.getCell('J5').value).toBe(100);
    expect(ws.getRow(7).values).toEqual(
      expect.arrayContaining(['Списание', 'W-2026-0007', '2. Этап 2', '4.1', 'Услуга 4.1', 'Ассистент редактора', 10.5, 0.6, 6.3]),
    );
    expect(ws.getCell('N7').value).toBe(18_900); // 6.30 norm-h × 3 000 ₽ (net: no discount, no VAT in this fixture)
    expect(ws.getCell('P7').value).toBe(18_900);
    expect(formulaOf(ws, 'M5')).toBe('M3+J5-K5+L5');
    expect(formulaOf(ws, 'M6')).toBe('M5+J6-K6+L6');
    expect(ws.getCell('F9').value).toBe('=HYPERLINK("http://evil") сторно');
    expect(ws.getCell('L9').value).toBe(2);
    const total = rowWith(ws, 1, 'Итого за месяц');
    expect(total).toBe(10);
    expect(formulaOf(ws, 'J10')).toBe('SUM(J5:J9)');
    expect(formulaOf(ws, 'K10')).toBe('SUM(K5:K9)');
    expect(formulaOf(ws, 'L10')).toBe('SUM(L5:L9)');
    expect(formulaOf(ws, 'N10')).toBe('SUM(N5:N9)');
    expect(formulaOf(ws, 'Q10')).toBe('SUM(Q5:Q9)');
    expect(formulaOf(ws, 'M11')).toBe('M3+J10-K10+L10');
    expect(toMinor(resultOf(ws, 'J10'))).toBe(u.topupsCenti);
    expect(toMinor(resultOf(ws, 'K10'))).toBe(u.debitsCenti);
    expect(toMinor(resultOf(ws, 'L10'))).toBe(u.correctionsCenti);
    expect(toMinor(resultOf(ws, 'N10'))).toBe(u.moneyMinor);
    expect(toMinor(resultOf(ws, 'P10'))).toBe(u.totalMinor);
    expect(toMinor(resultOf(ws, 'Q10'))).toBe(u.topupsMinor);
    expect(toMinor(resultOf(ws, 'M11'))).toBe(u.closingCenti);
    expect(toMinor(resultOf(ws, 'M9'))).toBe(u.closingCenti); // the running balance ends where the closing is
    await expectFormulasConsistent(wb, data);
  });

  it('corrections (negative too) and a negative opening balance chain correctly', async () => {
    const c = technopark();
    expect(c.correctionsCenti).toBe(-150);
    const { wb, data } = await read(await consumptionWorkbook(report([c]), 'en'));
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Summary', 'ГК «Технопарк» филиал Москва Юг']);
    const ws = wb.worksheets[1]!;
    expect(ws.getCell('A5').numFmt).toBe('dd/mm/yyyy');
    // a slash, whatever the reader's date separator
    expect((await zipParts(data)).get('xl/styles.xml')).toContain('formatCode="dd\\/mm\\/yyyy"');
    expect(ws.getCell('B5').value).toBe('Top-up (tariff plan)');
    expect(ws.getCell('L6').value).toBe(-1.5);
    expect(toMinor(resultOf(ws, 'M8'))).toBe(c.closingCenti);
    expect(c.closingCenti).toBe(-300 + 2000 - 150);
    const s = wb.getWorksheet('Summary')!;
    expect(s.getCell('A1').value).toBe('Monthly norm-hour consumption report, May 2026');
    expect(toMinor(resultOf(s, 'E5'))).toBe(-150);
    expect(s.getCell('G5').numFmt).toBe('"₽"#,##0.00');
    await expectFormulasConsistent(wb, data);
  });

  it('an empty month is a valid workbook that says so', async () => {
    const { wb } = await read(await consumptionWorkbook(report([], '2026-02'), 'ru'));
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Сводка']);
    const s = wb.worksheets[0]!;
    expect(String(s.getCell('A5').value)).toContain('За этот месяц операций по балансам нормо-часов не было.');
    expect(s.getCell('A6').value).toBe('Итого');
    expect(s.getCell('F6').value).toBe(0);
    // Customers with balances but no entries: their sheets say so, the balance carries over.
    const quiet = await read(await consumptionWorkbook(report([summarize(3, 'Колледж связи № 7', 500, [])]), 'ru'));
    expect(String(quiet.wb.worksheets[0]!.getCell('A6').value)).toContain('операций');
    const ws = quiet.wb.worksheets[1]!;
    expect(ws.getCell('A5').value).toBe('Операций за месяц не было.');
    expect(ws.autoFilter).toBeUndefined();
    expect(toMinor(resultOf(ws, 'M7'))).toBe(500);
    await expectFormulasConsistent(quiet.wb, quiet.data);
  });

  it('sheet names are valid and unique: ≤ 31 characters, no []:*?/\\, not "History", case-insensitively distinct', async () => {
    const names = [
      'Сводка',
      'сводка',
      'A'.repeat(40),
      'A'.repeat(40),
      'Name: [x]/y?*',
      "'Quoted'",
      'History',
      '',
      'Очень длинное название заказчика, которое не влезет',
      '&'.repeat(300),
    ];
    const r = report(names.map((n, i) => summarize(10 + i, n, 100, [])));
    const { wb, data } = await read(await consumptionWorkbook(r, 'ru'));
    const sheetNames = wb.worksheets.map((s) => s.name);
    expect(sheetNames).toHaveLength(names.length + 1);
    expect(new Set(sheetNames.map((n) => n.toLowerCase())).size).toBe(sheetNames.length);
    for (const n of sheetNames) {
      expect(n.length).toBeGreaterThan(0);
      expect(n.length).toBeLessThanOrEqual(31);
      expect(n).not.toMatch(/[[\]:*?/\\]/);
      expect(n).not.toMatch(/^'|'$/);
      expect(n.toLowerCase()).not.toBe('history');
    }
    expect(sheetNames.slice(0, 5)).toEqual(['Сводка', 'Сводка (2)', 'сводка (3)', 'A'.repeat(31), `${'A'.repeat(27)} (2)`]);
    expect(sheetNames.slice(5)).toEqual([
      'Name x y',
      'Quoted',
      'Заказчик 16',
      'Заказчик 17',
      'Очень длинное название заказчик',
      '&'.repeat(31),
    ]);
    // Excel refuses headers and footers over 255 characters.
    for (const ws of wb.worksheets) expect(ws.headerFooter.oddFooter!.length, ws.name).toBeLessThanOrEqual(255);
    await expectFormulasConsistent(wb, data); // the summary's references reach every (renamed) sheet
  });

  it('refuses more than the row cap with a clear 422', () => {
    expect(CONSUMPTION_ROW_CAP).toBe(10_000);
    const e1 = entry({ date: '2026-05-01', kind: 'topup', normHoursCenti: 1 });
    const big = report([
      { ...summarize(1, 'A', 0, []), entries: new Array(CONSUMPTION_ROW_CAP).fill(e1) },
      { ...summarize(2, 'B', 0, []), entries: [e1] },
    ]);
    let caught: unknown;
    try {
      assertConsumptionFits(big);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(AppError);
    const err = caught as AppError;
    expect(err.status).toBe(422);
    expect(err.code).toBe('report_too_large');
    expect(err.text.ru).toContain('10000');
    expect(err.text.en).toContain('customerId');
    expect(() => assertConsumptionFits({ customers: big.customers.slice(0, 1) })).not.toThrow();
  });
});
