/**
 * Two more workbooks, read back with exceljs:
 *  - the crowdfunding comparison (`/api/crowdfunding/compare.xlsx`): the same figures as the
 *    JSON compare for the same query — including a remainder that does not divide evenly and
 *    a half-kopeck share price — its formulas (recomputed here independently) with their
 *    results, the best value per row marked as the screen marks it, formats, 400/404;
 *  - a customer's data (`/api/customers/{id}/export.xlsx`): every quote revision, line,
 *    ledger entry (with the running balance), debit item, pledge and project of the JSON
 *    export, dates as dates, tables with filters under frozen headers, nothing internal.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { CUSTOMER_DATA_ROW_CAP, customerDataWorkbook } from '../../worker/excel/customer-data';
import { assertCustomerDataFits } from '../../worker/http/documents';
import { AppError } from '../../worker/http/errors';
import { excelRound, zipParts } from '../e2e/excel-check';
import { ORIGIN, call, fails, fetchWorker, ok } from '../support/api';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function book(res: Response) {
  expect(
    res.status,
    await res
      .clone()
      .text()
      .catch(() => ''),
  ).toBe(200);
  expect(res.headers.get('content-type')).toBe(XLSX);
  const data = await res.arrayBuffer();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data);
  return { wb, data };
}

const toHundredths = (x: number) => Math.round(x * 100);
type Formula = { formula: string; result?: number | string };
const formulaOf = (cell: ExcelJS.Cell) => (cell.value as Formula).formula;
/** exceljs reads a cached 0 back as no result. */
const resultOf = (cell: ExcelJS.Cell) => (cell.value as Formula).result ?? 0;

// ---------- an independent evaluator for the formulas these workbooks use ----------

type V = number | string | boolean | V[];

/** Excel's rounding family: to 15 significant digits first, then the direction asked. */
function excelRoundDir(x: number, digits: number, dir: 'up' | 'down'): number {
  const f = 10 ** digits;
  const scaled = Number((Math.abs(x) * f).toPrecision(15));
  return (Math.sign(x) * (dir === 'up' ? Math.ceil(scaled) : Math.floor(scaled))) / f;
}

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/**
 * Recomputes a formula from the cells: numbers, "text", references (A1, $B$4, 'Sheet'!A1,
 * ranges), + − × ÷, comparisons, SUM, ROUND, ROUNDUP, ROUNDDOWN, MAX, MIN, IF.
 */
class Evaluator {
  constructor(private readonly wb: ExcelJS.Workbook) {}

  cell(ws: ExcelJS.Worksheet, row: number, col: number): V {
    const v = ws.getCell(row, col).value as unknown;
    if (v === null || v === undefined) return 0;
    if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
    if (typeof v === 'object' && 'formula' in (v as object)) return this.formula(ws, (v as Formula).formula);
    throw new Error(`${ws.name}!${row}:${col} holds ${JSON.stringify(v)}`);
  }

  formula(ws: ExcelJS.Worksheet, text: string): V {
    const re = new RegExp(
      String.raw`\s*(?:(\d+(?:\.\d+)?)|"((?:[^"]|"")*)"|((?:'(?:[^']|'')+'|` +
        String.raw`[A-Za-z_][\w.]*)!)?(\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)(?![\w(])|([A-Z]+)\(|(>=|` +
        String.raw`<=|<>|[-+*/(),<>=]))`,
      'y',
    );
    type Tok =
      | { t: 'num'; v: number }
      | { t: 'str'; v: string }
      | { t: 'ref'; sheet: string | null; ref: string }
      | { t: 'fn'; v: string }
      | { t: 'op'; v: string };
    const toks: Tok[] = [];
    for (let at = 0; at < text.length; ) {
      re.lastIndex = at;
      const m = re.exec(text);
      if (!m) throw new Error(`cannot read ${text} at ${at}`);
      at = re.lastIndex;
      if (m[1] !== undefined) toks.push({ t: 'num', v: Number(m[1]) });
      else if (m[2] !== undefined) toks.push({ t: 'str', v: m[2].replace(/""/g, '"') });
      else if (m[4] !== undefined)
        toks.push({
          t: 'ref',
          sheet: m[3]
            ? m[3]
                .slice(0, -1)
                .replace(/^'(.*)'$/, '$1')
                .replace(/''/g, "'")
            : null,
          ref: m[4].replace(/\$/g, ''),
        });
      else if (m[5] !== undefined) toks.push({ t: 'fn', v: m[5] });
      else if (m[6] !== undefined) toks.push({ t: 'op', v: m[6] });
    }
    let i = 0;
    const isOp = (v: string) => toks[i]?.t === 'op' && (toks[i] as { v: string }).v === v;
    const num = (v: V): number => {
      if (typeof v === 'number') return v;
      if (typeof v === 'boolean') return v ? 1 : 0;
      throw new Error(`${text}: ${JSON.stringify(v)} is not a number`);
    };
    const refValues = (tok: Extract<Tok, { t: 'ref' }>): V[] => {
      const sheet = tok.sheet === null ? ws : this.wb.getWorksheet(tok.sheet);
      if (!sheet) throw new Error(`no sheet ${tok.sheet}`);
      const [a, b] = tok.ref.split(':');
      const at = (ref: string) => {
        const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
        return { col: colNumber(m[1]!), row: Number(m[2]) };
      };
      const from = at(a!);
      const to = at(b ?? a!);
      const out: V[] = [];
      for (let r = from.row; r <= to.row; r++) for (let c = from.col; c <= to.col; c++) out.push(this.cell(sheet, r, c));
      return out;
    };
    const call = (name: string, args: V[]): V => {
      const flat = args.flat(2) as V[];
      switch (name) {
        case 'SUM':
          return flat.reduce<number>((s, x) => s + (typeof x === 'number' ? x : 0), 0);
        case 'MAX':
          return Math.max(...flat.map(num));
        case 'MIN':
          return Math.min(...flat.map(num));
        case 'ROUND':
          return excelRound(num(args[0]!), num(args[1]!));
        case 'ROUNDUP':
          return excelRoundDir(num(args[0]!), num(args[1]!), 'up');
        case 'ROUNDDOWN':
          return excelRoundDir(num(args[0]!), num(args[1]!), 'down');
        case 'IF':
          return args[0] ? args[1]! : args[2]!;
        default:
          throw new Error(`function ${name} not supported`);
      }
    };
    const primary = (): V => {
      const tok = toks[i++];
      if (!tok) throw new Error(`unexpected end of ${text}`);
      if (tok.t === 'num' || tok.t === 'str') return tok.v;
      if (tok.t === 'ref') {
        const values = refValues(tok);
        return tok.ref.includes(':') ? values : values[0]!;
      }
      if (tok.t === 'fn') {
        const args: V[] = [];
        if (isOp(')')) i++;
        else
          for (;;) {
            args.push(comparison());
            const sep = toks[i++] as { v: string };
            if (sep.v === ')') break;
            if (sep.v !== ',') throw new Error(`bad arguments in ${text}`);
          }
        return call(tok.v, args);
      }
      if (tok.v === '(') {
        const v = comparison();
        i++;
        return v;
      }
      if (tok.v === '-') return -num(primary());
      if (tok.v === '+') return primary();
      throw new Error(`unexpected ${tok.v} in ${text}`);
    };
    const term = (): V => {
      let v = primary();
      while (isOp('*') || isOp('/')) {
        const op = (toks[i++] as { v: string }).v;
        const r = num(primary());
        v = op === '*' ? num(v) * r : num(v) / r;
      }
      return v;
    };
    const additive = (): V => {
      let v = term();
      while (isOp('+') || isOp('-')) {
        const op = (toks[i++] as { v: string }).v;
        const r = num(term());
        v = op === '+' ? num(v) + r : num(v) - r;
      }
      return v;
    };
    const comparison = (): V => {
      const left = additive();
      for (const op of ['>=', '<=', '<>', '>', '<', '='] as const) {
        if (!isOp(op)) continue;
        i++;
        const a = num(left);
        const b = num(additive());
        return { '>=': a >= b, '<=': a <= b, '<>': a !== b, '>': a > b, '<': a < b, '=': a === b }[op];
      }
      return left;
    };
    const v = comparison();
    if (i !== toks.length) throw new Error(`trailing tokens in ${text}`);
    return v;
  }
}

/** Every formula of the workbook, recomputed from the cells, gives its cached result; and the file holds a result for each. */
async function expectFormulasConsistent(wb: ExcelJS.Workbook, data: ArrayBuffer): Promise<number> {
  const ev = new Evaluator(wb);
  let n = 0;
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const v = cell.value as Formula | null;
        if (!v || typeof v !== 'object' || !('formula' in v)) return;
        if (cell.isMerged && cell.master !== cell) return; // a merged cell's other cells read back the master's value
        n++;
        const computed = ev.cell(ws, Number(cell.row), Number(cell.col));
        const cached = v.result ?? 0;
        if (typeof computed === 'number')
          expect(
            Math.abs(computed - Number(cached)),
            `${ws.name}!${cell.address} ${v.formula}: cached ${cached}, computes ${computed}`,
          ).toBeLessThan(1e-9);
        else expect(computed, `${ws.name}!${cell.address} ${v.formula}`).toBe(cached);
      }),
    ),
  );
  let cachedInXml = 0;
  let formulasInXml = 0;
  for (const [name, xml] of await zipParts(data)) {
    if (!name.startsWith('xl/worksheets/sheet')) continue;
    formulasInXml += xml.match(/<f>/g)?.length ?? 0;
    cachedInXml += xml.match(/<f>[^<]*<\/f><v>[^<]*<\/v>/g)?.length ?? 0;
  }
  expect(cachedInXml, 'every formula has its cached result').toBe(formulasInXml);
  expect(formulasInXml).toBe(n);
  return n;
}

/** The row whose column A reads `label` (exactly, or starting with it). */
function rowLabelled(ws: ExcelJS.Worksheet, label: string, prefix = false): number {
  let found = 0;
  ws.eachRow((row, n) => {
    const v = row.getCell(1).value;
    if (!found && typeof v === 'string' && (prefix ? v.startsWith(label) : v === label)) found = n;
  });
  if (!found) throw new Error(`no row labelled ${label}`);
  return found;
}

// ---------- data ----------

let codeCounter = 0;
async function project(estimate: { kMilli: number; hoursCenti: number; title?: string }[], extra: Record<string, unknown> = {}) {
  return ok(
    'POST',
    '/api/crowdfunding',
    { body: { code: `XL-${++codeCounter}`, title: `Проект ${codeCounter}: журнал посещаемости`, estimate, ...extra } },
    201,
  );
}
const topup = (customerId: number, normHoursCenti: number, memo = 'пакет') =>
  ok(
    'POST',
    `/api/customers/${customerId}/ledger`,
    { as: 'accountant', body: { kind: 'topup', normHoursCenti, memo, topupKind: 'support' } },
    201,
  );
async function pledge(projectId: number, customerId: number, normHoursCenti: number, confirm = false) {
  const v = await ok('POST', `/api/crowdfunding/${projectId}/pledges`, { body: { customerId, normHoursCenti, note: 'с совещания' } }, 201);
  if (confirm) return ok('POST', `/api/crowdfunding/${projectId}/pledges/${v.pledges.at(-1).id}/confirm`, { as: 'accountant' });
  return v;
}

/** A: 46 h, 10 promised, 5 confirmed, 2 funders; B: 10 h, 3.33 confirmed; C: 3.33 h × K 1.5 = 5 h, nothing; D: like B. */
async function compareSet() {
  await topup(1, 100_000);
  await topup(2, 100_000);
  const a = await project(
    [
      { kMilli: 1000, hoursCenti: 4000, title: 'Разработка' },
      { kMilli: 600, hoursCenti: 1000, title: 'Методист' },
    ],
    { targetDate: '2026-09-01' },
  );
  const b = await project([{ kMilli: 1000, hoursCenti: 1000 }]);
  const c = await project([{ kMilli: 1500, hoursCenti: 333 }]);
  await pledge(a.id, 1, 1000);
  await pledge(a.id, 2, 500, true);
  await pledge(b.id, 1, 333, true);
  const customer = await ok(
    'POST',
    '/api/customers',
    { as: 'accountant', body: { name: 'ООО «Проверка баланса»', overdraftCenti: 50 } },
    201,
  );
  await topup(customer.id, 200);
  return { a, b, c, customer };
}

// ---------- the comparison workbook ----------

describe('the crowdfunding comparison workbook', () => {
  it('holds the JSON compare’s figures for the same query, as formulas with their results (remainder split unevenly among 3)', async () => {
    const { a, b, c, customer } = await compareSet();
    const query = `ids=${a.id},${b.id},${c.id}&n=3&customerId=${customer.id}`;
    const json = await ok('GET', `/api/crowdfunding/compare?${query}`);
    // The set-up is what the test means: uneven splits, a customer covering some shares only.
    expect(json.projects.map((p: any) => p.sharesCenti)).toEqual([
      [1034, 1033, 1033],
      [223, 222, 222],
      [167, 167, 166],
    ]);
    expect(json.projects.map((p: any) => p.customerCovers)).toEqual([false, true, true]);

    const res = await call('GET', `/api/crowdfunding/compare.xlsx?${query}`, { headers: { 'accept-language': 'ru-RU,ru;q=0.9' } });
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="Sravnenie proektov ${a.code}, ${b.code}, ${c.code}.xlsx"; filename*=UTF-8''${encodeURIComponent(
        `Сравнение ` + `проектов ${a.code}, ${b.code}, ${c.code}`,
      )}.xlsx`,
    );
    expect(res.headers.get('cache-control')).toBe('no-store');
    const { wb, data } = await book(res);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Сравнение']);
    const ws = wb.getWorksheet('Сравнение')!;
    expect(ws.getCell('A1').value).toBe('Сравнение краудфандинг-проектов');
    expect(ws.getCell('A2').value).toMatch(/^ООО «Открытые технологии» · сформировано \d\d\.\d\d\.\d{4} \d\d:\d\d \(Europe\/Moscow\)$/);

    // Parameters the formulas use.
    expect(ws.getCell('A4').value).toBe('Стоимость нормо-часа');
    expect(ws.getCell('B4').value).toBe(3000);
    expect(ws.getCell('B4').numFmt).toBe('#,##0.00 "₽"');
    expect(ws.getCell('A5').value).toBe('Новых участников, N');
    expect(ws.getCell('B5').value).toBe(3);
    expect(ws.getCell('B6').value).toBe('ООО «Проверка баланса»');
    expect(ws.getCell('B7').value).toBe(2);
    expect(ws.getCell('B8').value).toBe(0.5);
    expect(ws.getCell('A9').value).toBe('Уже нужно заявкам в очереди, нормо-ч'); // issue 17: covers what the queue leaves
    expect(ws.getCell('B9').value).toBe(0);

    const header = rowLabelled(ws, 'Показатель');
    expect(header).toBe(11);
    expect([2, 3, 4].map((col) => ws.getCell(header, col).value)).toEqual([a.title, b.title, c.title]);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: header });
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${header}:${header}`,
    });
    const info = (label: string) => [2, 3, 4].map((col) => ws.getCell(rowLabelled(ws, label), col).value);
    expect(info('Код')).toEqual([a.code, b.code, c.code]);
    expect(info('Статус')).toEqual(['Сбор взносов', 'Сбор взносов', 'Сбор взносов']);
    expect(info('Плановый срок')).toEqual([new Date(Date.UTC(2026, 8, 1)), '—', '—']);
    const names = info('Участники (обещано / подтверждено, нормо-ч)');
    json.projects.forEach((p: any, i: number) => {
      for (const f of p.cofunders) expect(String(names[i])).toContain(f.name);
    });

    const row = (label: string) => rowLabelled(ws, label);
    const R = {
      price: row('Стоимость'),
      nh: row('Нормо-часы'),
      confirmed: row('Подтверждено, нормо-ч'),
      promised: row('Обещано, нормо-ч'),
      remaining: row('Осталось, нормо-ч'),
      funded: row('Собрано'),
      promisedPercent: row('Обещано, ещё не подтверждено'),
      funders: row('Участников'),
      share: row('Доля нового участника, нормо-ч'),
      shareMoney: row('Стоимость доли'),
      shares: row('Деление остатка на N долей, нормо-ч'),
      covers: rowLabelled(ws, 'Баланс заказчика покрывает долю', true),
    };
    expect(ws.getCell(R.covers, 1).value).toBe('Баланс заказчика покрывает долю (ООО «Проверка баланса»)');
    json.projects.forEach((p: any, i: number) => {
      const C = String.fromCharCode(66 + i);
      const at = (r: number) => ws.getCell(`${C}${r}`);
      expect(at(R.price).value).toBe(p.priceMinor / 100);
      expect(at(R.nh).value).toBe(p.normHoursCenti / 100);
      expect(at(R.confirmed).value).toBe(p.confirmedCenti / 100);
      expect(at(R.promised).value).toBe(p.promisedCenti / 100);
      expect(at(R.funders).value).toBe(p.funders);
      expect(formulaOf(at(R.remaining))).toBe(`MAX(0,ROUND(${C}${R.nh}-${C}${R.promised}-${C}${R.confirmed},2))`);
      expect(toHundredths(Number(resultOf(at(R.remaining))))).toBe(p.remainingCenti);
      expect(formulaOf(at(R.funded))).toBe(`IF(${C}${R.nh}>0,ROUNDDOWN(ROUND(${C}${R.confirmed}/${C}${R.nh},12),3),0)`);
      expect(Math.round(Number(resultOf(at(R.funded))) * 1000)).toBe(p.fundedMilli);
      expect(formulaOf(at(R.promisedPercent))).toBe(`IF(${C}${R.nh}>0,ROUNDDOWN(ROUND(${C}${R.promised}/${C}${R.nh},12),3),0)`);
      expect(Math.round(Number(resultOf(at(R.promisedPercent)) ?? 0) * 1000)).toBe(p.promisedMilli);
      expect(formulaOf(at(R.share))).toBe(`ROUNDUP(ROUND(${C}${R.remaining}*100,0)/$B$5,0)/100`);
      expect(toHundredths(Number(resultOf(at(R.share))))).toBe(p.perFunderCenti);
      expect(formulaOf(at(R.shareMoney))).toBe(`ROUND(${C}${R.share}*$B$4,2)`);
      expect(toHundredths(Number(resultOf(at(R.shareMoney))))).toBe(p.perFunderMinor);
      expect(formulaOf(at(R.covers))).toBe(`IF(ROUND($B$7+$B$8-$B$9,2)>=${C}${R.share},"да","нет")`);
      expect(resultOf(at(R.covers))).toBe(p.customerCovers ? 'да' : 'нет');
    });
    expect([2, 3, 4].map((col) => ws.getCell(R.shares, col).value)).toEqual([
      '1 × 10,34 + 2 × 10,33',
      '1 × 2,23 + 2 × 2,22',
      '2 × 1,67 + 1 × 1,66',
    ]);

    // Formats: money, hours, percent with a decimal, integer; the best of each row marked with ★, bold and green.
    const plain = (r: number, col: number) => ws.getCell(r, col);
    expect(plain(R.price, 3).numFmt).toBe('#,##0.00 "₽"');
    expect(plain(R.nh, 2).numFmt).toBe('#,##0.00');
    expect(plain(R.funded, 4).numFmt).toBe('0.0%');
    expect(plain(R.funders, 4).numFmt).toBe('0');
    const marked = (r: number) =>
      [2, 3, 4].filter((col) => {
        const cell = ws.getCell(r, col);
        const isBest = String(cell.numFmt).includes('★');
        expect(!!cell.font?.bold, `${cell.address} bold iff best`).toBe(isBest);
        expect((cell.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb === 'FFE2EFDA', `${cell.address} green iff best`).toBe(isBest);
        return isBest;
      });
    // A, B, C: price min → C (15 000 ₽); norm-hours min → C; confirmed max → A (5) ; promised max → A;
    // remaining min → C (5); funded max → B (33.3 %); co-funders max → A; share min → C; covers "yes" → B and C.
    expect(marked(R.price)).toEqual([4]);
    expect(marked(R.nh)).toEqual([4]);
    expect(marked(R.confirmed)).toEqual([2]);
    expect(marked(R.promised)).toEqual([2]);
    expect(marked(R.remaining)).toEqual([4]);
    expect(marked(R.funded)).toEqual([3]);
    expect(marked(R.funders)).toEqual([2]);
    expect(marked(R.share)).toEqual([4]);
    expect(marked(R.shareMoney)).toEqual([4]);
    expect(marked(R.covers)).toEqual([3, 4]);
    expect(plain(R.price, 4).numFmt).toBe('#,##0.00 "₽ ★"');
    expect(plain(R.funded, 3).numFmt).toBe('0.0%" ★"');
    expect(plain(R.covers, 3).numFmt).toBe('@" ★"');
    const legend = rowLabelled(ws, '★ — лучшее значение в строке', true);
    expect(ws.getCell(legend + 1, 1).value).toMatch(/^Осталось = МАКС\(0; нормо-часы − обещано − подтверждено\)/);

    // Recomputed independently, every formula gives its cached result.
    expect(await expectFormulasConsistent(wb, data)).toBe(3 * 6); // remaining, funded, promised %, share, its money, covers
    expect(wb.title).toBe('Сравнение краудфандинг-проектов');
    expect(wb.keywords).toBe(`${a.code}; ${b.code}; ${c.code}`);
    expect(wb.creator).toBe('ООО «Открытые технологии»');
  });

  it('no mark in a row where every project has the same value; no customer rows without a customer; English', async () => {
    const b = await project([{ kMilli: 1000, hoursCenti: 1000 }]);
    const d = await project([{ kMilli: 1000, hoursCenti: 1000 }]);
    await pledge(b.id, 1, 250);
    const query = `ids=${b.id},${d.id}&n=4`;
    const json = await ok('GET', `/api/crowdfunding/compare?${query}`);
    const { wb, data } = await book(await call('GET', `/api/crowdfunding/compare.xlsx?${query}&lang=en`));
    const ws = wb.getWorksheet('Comparison')!;
    expect(ws.getCell('A1').value).toBe('Crowdfunding projects compared');
    expect(ws.getCell('B4').numFmt).toBe('"₽"#,##0.00');
    expect(() => rowLabelled(ws, 'Customer')).toThrow();
    expect(() => rowLabelled(ws, 'The customer’s balance covers the share', true)).toThrow();
    const best = (label: string) => [2, 3].filter((col) => String(ws.getCell(rowLabelled(ws, label), col).numFmt).includes('★'));
    expect(best('Price')).toEqual([]); // equal prices: no mark
    expect(best('Norm-hours')).toEqual([]);
    expect(best('Confirmed, norm-h')).toEqual([]); // 0 and 0
    expect(best('Promised, norm-h')).toEqual([2]);
    expect(best('Remaining, norm-h')).toEqual([2]);
    expect(best('Funded')).toEqual([]);
    expect(best('Co-funders')).toEqual([2]);
    expect(best('Share per new co-funder, norm-h')).toEqual([2]);
    expect(ws.getCell(rowLabelled(ws, 'Price'), 3).numFmt).toBe('"₽"#,##0.00');
    expect(ws.getCell(rowLabelled(ws, 'The remainder in N shares, norm-h'), 2).value).toBe('2 × 1.88 + 2 × 1.87');
    json.projects.forEach((p: any, i: number) => {
      expect(toHundredths(Number(resultOf(ws.getCell(rowLabelled(ws, 'Share per new co-funder, norm-h'), 2 + i))))).toBe(p.perFunderCenti);
      expect(toHundredths(Number(resultOf(ws.getCell(rowLabelled(ws, 'Share price'), 2 + i))))).toBe(p.perFunderMinor);
    });
    expect(ws.pageSetup.orientation).toBe('portrait');
    await expectFormulasConsistent(wb, data);
  });

  it('bad queries: the same 400s and 404s as the JSON compare (and compare.xlsx never reaches /{id})', async () => {
    const a = await project([{ kMilli: 1000, hoursCenti: 100 }]);
    const b = await project([{ kMilli: 1000, hoursCenti: 100 }]);
    const xlsx = (q: string) => `/api/crowdfunding/compare.xlsx?${q}`;
    const one = await fails('GET', xlsx(`ids=${a.id}`), {}, 400, 'validation_failed');
    expect(one.details).toEqual([expect.objectContaining({ field: 'ids' })]);
    expect(one.message).toMatch(/2 to 4|от 2 до 4/);
    await fails('GET', xlsx(`ids=${a.id},${a.id}`), {}, 400, 'validation_failed');
    await fails('GET', xlsx('ids=1,2,3,4,5'), {}, 400, 'validation_failed');
    await fails('GET', xlsx('ids=1,abc'), {}, 400, 'validation_failed');
    await fails('GET', xlsx(`ids=${a.id},${b.id}&n=0`), {}, 400, 'validation_failed');
    await fails('GET', xlsx(`ids=${a.id},${b.id}&n=51`), {}, 400, 'validation_failed');
    await fails('GET', xlsx(''), {}, 400, 'validation_failed');
    await fails('GET', xlsx(`ids=${a.id},${b.id}&lang=de`), {}, 400, 'validation_failed');
    const missing = await fails('GET', xlsx(`ids=${a.id},99999`), {}, 404);
    expect(missing.message).toContain('99999');
    await fails('GET', xlsx(`ids=${a.id},${b.id}&customerId=99999`), {}, 404);
    await fails('GET', xlsx(`ids=${a.id},${b.id}`), { as: 'anon' }, 401);
    // Every staff role may download it, like the JSON.
    for (const as of ['manager', 'accountant', 'admin'] as const) {
      expect((await call('GET', xlsx(`ids=${a.id},${b.id}`), { as })).status).toBe(200);
    }
    // The JSON route is unchanged by sharing its computation.
    await fails('GET', `/api/crowdfunding/compare?ids=${a.id}`, {}, 400, 'validation_failed');
    await fails('GET', `/api/crowdfunding/compare?ids=${a.id},99999`, {}, 404);
  });

  it('a share price on a half kopeck rounds like the API (rate 2 500,50 ₽); user text stays text', async () => {
    const settings = await ok('GET', '/api/settings');
    await ok('PATCH', '/api/settings', { as: 'admin', body: { version: settings.version, rateMinor: 250_050 } });
    try {
      const evil = await project([{ kMilli: 1000, hoursCenti: 669 }], { title: '=HYPERLINK("http://evil.example/","нажмите")' });
      const b = await project([{ kMilli: 1000, hoursCenti: 1001 }]);
      const query = `ids=${evil.id},${b.id}&n=3`;
      const json = await ok('GET', `/api/crowdfunding/compare?${query}`);
      // 6.69 / 3 = 2.23 → 2.23 × 2 500.50 = 5 576.115 → 5 576.12; 10.01 / 3 → 3.34 × 2 500.50 = 8 351.67
      expect(json.projects.map((p: any) => [p.perFunderCenti, p.perFunderMinor])).toEqual([
        [223, 557_612],
        [334, 835_167],
      ]);
      const { wb, data } = await book(await call('GET', `/api/crowdfunding/compare.xlsx?${query}&lang=ru`));
      const ws = wb.worksheets[0]!;
      expect(ws.getCell('B4').value).toBe(2500.5);
      const money = rowLabelled(ws, 'Стоимость доли');
      expect([2, 3].map((col) => toHundredths(Number(resultOf(ws.getCell(money, col)))))).toEqual([557_612, 835_167]);
      expect([2, 3].map((col) => toHundredths(ws.getCell(rowLabelled(ws, 'Стоимость'), col).value as number))).toEqual(
        json.projects.map((p: any) => p.priceMinor),
      );
      await expectFormulasConsistent(wb, data);
      const title = ws.getCell(rowLabelled(ws, 'Показатель'), 2);
      expect(title.value).toBe('=HYPERLINK("http://evil.example/","нажмите")');
      expect(title.numFmt).toBe('@');
      const xml = [...(await zipParts(data)).values()].join('\n');
      expect(xml).not.toContain('<f>HYPERLINK');
    } finally {
      const now = await ok('GET', '/api/settings');
      await ok('PATCH', '/api/settings', { as: 'admin', body: { version: now.version, rateMinor: 300_000 } });
    }
  });
});

// ---------- the customer data workbook ----------

/** A customer with a revised quote, an accepted one turned into an order and debited, a correction, pledges (one confirmed). */
async function busyCustomer(name = 'ООО «Выгрузка»') {
  const c = await ok(
    'POST',
    '/api/customers',
    {
      as: 'accountant',
      body: {
        name,
        legalName: 'ООО «Выгрузка данных»',
        taxId: '7700123456',
        overdraftCenti: 500,
        notes: 'ВНУТРЕННЯЯ ЗАМЕТКА О КЛИЕНТЕ',
        email: 'buh@example.ru',
      },
    },
    201,
  );
  const items = Object.fromEntries((await ok<any[]>('GET', '/api/catalog/items')).map((i) => [i.code, i]));
  let q = await ok(
    'POST',
    '/api/quotes',
    {
      body: {
        customerId: c.id,
        title: 'Внедрение',
        internalNote: 'СЕКРЕТНАЯ ЗАМЕТКА',
        customerNote: 'Работы начинаются после пополнения баланса.',
        discountRateMilli: 75,
      },
    },
    201,
  );
  q = await ok('POST', `/api/quotes/${q.id}/lines`, { body: { version: q.version, kind: 'section', title: 'Оформление' } }, 201);
  q = await ok('POST', `/api/quotes/${q.id}/lines`, { body: { version: q.version, catalogItemId: items['2.4'].id } }, 201);
  q = await ok(
    'POST',
    `/api/quotes/${q.id}/lines`,
    { body: { version: q.version, catalogItemId: items['2.1'].id, hoursCenti: 500, quantityMilli: 1500 } },
    201,
  );
  q = await ok(
    'POST',
    `/api/quotes/${q.id}/lines`,
    { body: { version: q.version, catalogItemId: items['2.9'].id, hoursCenti: 333, kMilli: 600, kReason: 'ПРИЧИНА K ВНУТРЕННЯЯ' } },
    201,
  );
  q = await ok('POST', `/api/quotes/${q.id}/send`, { body: { version: q.version } });
  const r2 = await ok('POST', `/api/quotes/${q.id}/revise`, {}, 201);
  const sent = await ok('POST', `/api/quotes/${r2.id}/send`, { body: { version: r2.version } });
  const { token } = await ok('POST', `/api/quotes/${sent.id}/share`, {}, 201);
  await fetchWorker(`/api/shared/${token}/accept`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: ORIGIN, 'cf-connecting-ip': '10.77.66.55', 'user-agent': 'SecretBrowser/1.0' },
    body: JSON.stringify({ name: 'Анна Выгрузкина' }),
  });
  const t = await ok(
    'POST',
    `/api/customers/${c.id}/ledger`,
    { as: 'accountant', body: { kind: 'topup', normHoursCenti: 5000, memo: 'Счёт № 118', topupKind: 'contract' } },
    201,
  );
  await ok(
    'POST',
    `/api/customers/${c.id}/ledger`,
    { as: 'accountant', body: { kind: 'correction', normHoursCenti: -200, memo: 'ошибка в счёте', correctsEntryId: t.entry.id } },
    201,
  );
  const order = await ok('POST', `/api/quotes/${sent.id}/order`, {}, 201);
  const accepted = await call('POST', `/api/orders/${order.id}/stages/1/accept`, {
    as: 'accountant',
    body: {},
    headers: { 'idempotency-key': `xlsx-export-${c.id}` },
  });
  expect(accepted.status).toBe(200);
  const p1 = await ok(
    'POST',
    '/api/crowdfunding',
    {
      body: {
        code: `XLE-${c.id}`,
        title: 'Журнал посещаемости',
        description: '## Что будет\n- отметки',
        estimate: [{ kMilli: 1000, hoursCenti: 1000, title: 'Разработка' }],
        links: [{ title: 'Макет', url: 'https://example.com/mockup' }],
      },
    },
    201,
  );
  await pledge(p1.id, c.id, 300);
  await pledge(p1.id, c.id, 125, true);
  return c;
}

describe('the customer data workbook', () => {
  it(
    'holds every quote revision, line, ledger entry (running balance, the balance), debit item, pledge and project of the ' + 'JSON export',
    async () => {
      const c = await busyCustomer();
      const doc = await ok('GET', `/api/customers/${c.id}/export.json`, { as: 'accountant' });
      expect(doc.ledger.map((e: any) => e.kind)).toEqual(['topup', 'correction', 'debit', 'debit']);
      const res = await call('GET', `/api/customers/${c.id}/export.xlsx`, { as: 'accountant', headers: { 'accept-language': 'ru' } });
      expect(res.headers.get('content-disposition')).toMatch(
        /^attachment; filename="Dannye zakazchika OOO "?.*Vygruzka.* \d{4}-\d\d-\d\d\.xlsx"; filename\*=UTF-8''/,
      );
      expect(decodeURIComponent(res.headers.get('content-disposition')!.split("UTF-8''")[1]!)).toMatch(
        /^Данные заказчика ООО «Выгрузка» \d{4}-\d\d-\d\d\.xlsx$/,
      );
      const { wb, data } = await book(res);
      expect(wb.worksheets.map((s) => s.name)).toEqual([
        'Заказчик',
        'Сметы',
        'Строки смет',
        'Услуги',
        'История смет',
        'Заявки',
        'Этапы',
        'Журнал нормо-часов',
        'Списания по строкам',
        'Взносы',
        'Проекты',
      ]);

      // The card: details, the balance as a link to the ledger's balance, the contents.
      const card = wb.getWorksheet('Заказчик')!;
      expect(card.getCell('A1').value).toBe('Данные заказчика: ООО «Выгрузка»');
      const cardValue = (label: string) => card.getCell(rowLabelled(card, label), 2);
      expect(cardValue('ИНН').value).toBe('7700123456');
      expect(cardValue('Юридическое наименование').value).toBe('ООО «Выгрузка данных»');
      expect(cardValue('Эл. почта').value).toBe('buh@example.ru');
      expect(cardValue('Телефон').value).toBe('—');
      expect(cardValue('Допустимый минус, нормо-ч').value).toBe(5);
      expect(cardValue('Заказчик с').value).toBeInstanceOf(Date);
      const balance = cardValue('Баланс нормо-часов');
      expect(toHundredths(Number(resultOf(balance)))).toBe(doc.balanceCenti);
      expect(formulaOf(balance)).toMatch(/^'Журнал нормо-часов'!J\d+$/);
      expect(card.getCell(rowLabelled(card, 'Журнал нормо-часов'), 3).value).toBe(doc.ledger.length);
      expect(card.getCell(rowLabelled(card, 'Сметы'), 3).value).toBe(doc.quotes.length);

      // Quotes: one row per revision, with status words, real dates, terms and totals.
      const quotes = wb.getWorksheet('Сметы')!;
      expect(quotes.getCell('A4').value).toBe('Номер');
      expect(quotes.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
      doc.quotes.forEach((q: any, i: number) => {
        const r = 5 + i;
        expect(quotes.getCell(r, 1).value).toBe(q.number);
        expect(quotes.getCell(r, 2).value).toBe(q.revision);
        expect(quotes.getCell(r, 3).value).toBe(q.title);
        expect(quotes.getCell(r, 5).value).toBeInstanceOf(Date); // sent
        expect(quotes.getCell(r, 5).numFmt).toBe('dd.mm.yyyy');
      });
      expect([5, 6].map((r) => quotes.getCell(r, 4).value)).toEqual(['Заменена новой редакцией', 'Принята']);
      expect(quotes.getRow(4).values).toEqual([
        undefined,
        'Номер',
        'Ред.',
        'Название',
        'Статус',
        'Отправлена',
        'Действует до',
        'Ответ',
        'Ответил, сообщение',
        'Условия',
        'Нормо-часы',
        'Сумма',
        'Скидка',
        'Сумма НДС',
        'Итого',
        'Примечание для заказчика',
      ]);
      expect(quotes.getCell(6, 7).value).toBeInstanceOf(Date);
      expect(quotes.getCell(6, 8).value).toBe('Анна Выгрузкина');
      expect(quotes.getCell(6, 9).value).toBe('ставка 3\u00a0000,00\u00a0₽\nскидка 7,5\u00a0%\nНДС 22\u00a0% сверху');
      const r2 = await ok('GET', `/api/quotes/${doc.quotes[1].id}`);
      expect([11, 12, 13, 14].map((col) => toHundredths(quotes.getCell(6, col).value as number))).toEqual([
        r2.totals.subtotalMinor,
        r2.totals.discountMinor,
        r2.totals.vatMinor,
        r2.totals.totalMinor,
      ]);
      expect(toHundredths(quotes.getCell(6, 10).value as number)).toBe(r2.totals.normHoursCenti);
      expect(quotes.getCell(6, 11).numFmt).toBe('#,##0.00 "₽"');
      expect(quotes.getCell(6, 15).value).toBe('Работы начинаются после пополнения баланса.');

      // Lines: every line of every revision; norm-hours and amounts as the estimate's formulas.
      const lines = wb.getWorksheet('Строки смет')!;
      expect(doc.quoteLines).toHaveLength(8);
      const lineRows: any[] = [];
      lines.eachRow((row, n) => n > 4 && row.getCell(1).value && lineRows.push(n));
      expect(lineRows).toHaveLength(doc.quoteLines.length);
      const priced = [...r2.lines];
      priced.forEach((line: any, i: number) => {
        const r = 5 + 4 + i; // revision 2 follows revision 1's four lines
        expect(lines.getCell(r, 1).value).toBe(r2.number);
        expect(lines.getCell(r, 2).value).toBe(2);
        expect(lines.getCell(r, 6).value).toBe(line.title);
        if (line.kind === 'section') {
          expect(lines.getCell(r, 4).value).toBe('Раздел');
          expect(lines.getCell(r, 13).value).toBeNull();
          return;
        }
        expect(formulaOf(lines.getCell(r, 13))).toBe(`ROUND(J${r}*K${r}*L${r},2)`);
        expect(formulaOf(lines.getCell(r, 15))).toBe(`ROUND(J${r}*K${r}*L${r}*N${r},2)`);
        expect(toHundredths(Number(resultOf(lines.getCell(r, 13))))).toBe(line.normHoursCenti);
        expect(toHundredths(Number(resultOf(lines.getCell(r, 15))))).toBe(line.amountMinor);
      });

      // Services: the descriptions, once each.
      const services = wb.getWorksheet('Услуги')!;
      expect(services.getCell('A5').value).toBe('2.4');
      expect(String(services.getCell('D5').value).length).toBeGreaterThan(10);

      // The ledger: every entry in order, in the column of its kind, the running balance chaining to the balance.
      const ledger = wb.getWorksheet('Журнал нормо-часов')!;
      expect(ledger.getRow(4).values).toEqual([
        undefined,
        'Запись №',
        'Дата',
        'Операция',
        'Заявка',
        'Этап',
        'Содержание',
        'Пополнение, нормо-ч',
        'Списание, нормо-ч',
        'Корректировка, нормо-ч',
        'Остаток, нормо-ч',
        'Списано, деньги',
        'Ставка',
        'Исправляет запись №',
      ]);
      let running = 0;
      doc.ledger.forEach((e: any, i: number) => {
        const r = 5 + i;
        running += e.normHoursCenti;
        expect(ledger.getCell(r, 1).value).toBe(e.id);
        expect(ledger.getCell(r, 2).value).toBeInstanceOf(Date);
        expect(ledger.getCell(r, 2).numFmt).toBe('dd.mm.yyyy');
        const col = e.kind === 'topup' ? 7 : e.kind === 'debit' ? 8 : 9;
        expect(toHundredths(ledger.getCell(r, col).value as number)).toBe(e.kind === 'debit' ? -e.normHoursCenti : e.normHoursCenti);
        for (const other of [7, 8, 9].filter((k) => k !== col)) expect(ledger.getCell(r, other).value).toBeNull();
        expect(formulaOf(ledger.getCell(r, 10))).toBe(i === 0 ? `G${r}-H${r}+I${r}` : `J${r - 1}+G${r}-H${r}+I${r}`);
        expect(toHundredths(Number(resultOf(ledger.getCell(r, 10))))).toBe(running);
        if (e.kind === 'debit') expect(toHundredths(ledger.getCell(r, 11).value as number)).toBe(-e.moneyMinor);
      });
      expect(ledger.getCell(5, 3).value).toBe('Пополнение (отдельный договор)');
      expect(ledger.getCell(5, 6).value).toBe('Счёт № 118');
      expect(ledger.getCell(6, 13).value).toBe(doc.ledger[0].id); // the correction names the entry it corrects
      // the stage's services, not a memo repeating order and stage
      expect(ledger.getCell(7, 6).value).toBe(doc.debitItems.map((i: any) => `${i.code} ${i.title}`).join('\n'));
      expect(ledger.getCell(8, 6).value).toMatch(/^Взнос в проект XLE-\d+ · Журнал посещаемости/);
      const total = 5 + doc.ledger.length;
      expect(ledger.getCell(total, 1).value).toBe('Итого');
      expect(formulaOf(ledger.getCell(total, 7))).toBe(`SUM(G5:G${total - 1})`);
      expect(formulaOf(ledger.getCell(total + 1, 10))).toBe(`G${total}-H${total}+I${total}`);
      expect(toHundredths(Number(resultOf(ledger.getCell(total + 1, 10))))).toBe(doc.balanceCenti);
      expect(running).toBe(doc.balanceCenti);
      expect(formulaOf(balance)).toBe(`'Журнал нормо-часов'!J${total + 1}`);

      // Itemised debits, stages, orders, pledges, projects.
      const items = wb.getWorksheet('Списания по строкам')!;
      doc.debitItems.forEach((it: any, i: number) => {
        expect(items.getCell(5 + i, 1).value).toBe(it.entryId);
        expect(items.getCell(5 + i, 5).value).toBe(it.code);
        expect(toHundredths(items.getCell(5 + i, 10).value as number)).toBe(Math.abs(it.normHoursCenti));
      });
      const stages = wb.getWorksheet('Этапы')!;
      expect(stages.getCell('D5').value).toBe('Принят, списан');
      expect(String(stages.getCell('J5').value)).toContain('2.4');
      const orders = wb.getWorksheet('Заявки')!;
      expect(orders.getCell('A5').value).toBe(doc.orders[0].number);
      expect(orders.getCell('B5').value).toBe(r2.number);
      expect(r2.number).toMatch(/-R2$/);
      const pledges = wb.getWorksheet('Взносы')!;
      expect(
        [5, 6].map((r) => [pledges.getCell(r, 2).value, toHundredths(pledges.getCell(r, 4).value as number), pledges.getCell(r, 5).value]),
      ).toEqual([
        [`XLE-${c.id}`, 300, 'Обещан'],
        [`XLE-${c.id}`, 125, 'Подтверждён, списан'],
      ]);
      const projects = wb.getWorksheet('Проекты')!;
      expect(projects.getCell('A5').value).toBe(`XLE-${c.id}`);
      expect(projects.getCell('E5').value).toBe(10);
      expect(projects.getCell('H5').value).toBe('Макет — https://example.com/mockup');

      // History: who did what and when, without addresses or browsers.
      const history = wb.getWorksheet('История смет')!;
      const actions: unknown[] = [];
      history.eachRow((row, n) => n > 4 && actions.push(row.getCell(6).value));
      expect(actions).toHaveLength(doc.audit.length);
      expect(actions).toContain('принята заказчиком');
      expect(history.pageSetup.orientation).toBe('portrait');
      expect(ledger.pageSetup.orientation).toBe('landscape');

      // Every list is an Excel table with filters under a frozen header; A4 (landscape when wide), fit to width.
      for (const ws of wb.worksheets.slice(1)) {
        const tables = ws.getTables() as unknown as { table: { tableRef: string; columns: { filterButton: boolean }[] } }[];
        expect(tables, ws.name).toHaveLength(1);
        expect(tables[0]!.table.tableRef.startsWith('A4:'), ws.name).toBe(true);
        expect(tables[0]!.table.columns.every((col) => col.filterButton)).toBe(true);
        expect(ws.views[0], ws.name).toMatchObject({ state: 'frozen', ySplit: 4 });
        expect(ws.pageSetup, ws.name).toMatchObject({ paperSize: 9, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '4:4' });
        const width = ws.columns.reduce((n, col) => n + (col.width ?? 0), 0);
        if (width > 110) expect(ws.pageSetup.orientation, ws.name).toBe('landscape');
      }
      await expectFormulasConsistent(wb, data);

      // Nothing internal: no internal notes, K reasons, addresses, browsers or tokens.
      const xml = [...(await zipParts(data)).values()].join('\n');
      for (const secret of [
        'СЕКРЕТНАЯ ЗАМЕТКА',
        'ПРИЧИНА K ВНУТРЕННЯЯ',
        'ВНУТРЕННЯЯ ЗАМЕТКА О КЛИЕНТЕ',
        '10.77.66.55',
        'SecretBrowser',
        'xlsx-export-',
        'import-',
      ])
        expect(xml).not.toContain(secret);
      expect(xml).not.toMatch(/token/i);
    },
  );

  it('English; a customer with nothing yet is a valid workbook that says so; user text stays text; 404 and roles', async () => {
    const evil = '=HYPERLINK("http://evil.example/","нажмите")';
    const c = await ok('POST', '/api/customers', { body: { name: evil } }, 201);
    const { wb, data } = await book(await call('GET', `/api/customers/${c.id}/export.xlsx?lang=en`));
    expect(wb.worksheets.map((s) => s.name)).toEqual([
      'Customer',
      'Quotes',
      'Quote lines',
      'Services',
      'Quote history',
      'Work orders',
      'Stages',
      'Norm-hour ledger',
      'Itemised debits',
      'Pledges',
      'Projects',
    ]);
    const card = wb.getWorksheet('Customer')!;
    expect(card.getCell(rowLabelled(card, 'Name'), 2).value).toBe(evil);
    expect(card.getCell(rowLabelled(card, 'Name'), 2).numFmt).toBe('@');
    const ledger = wb.getWorksheet('Norm-hour ledger')!;
    expect(ledger.getCell('A5').value).toBe('No records.');
    expect(ledger.getCell('A6').value).toBe('Total');
    expect(formulaOf(ledger.getCell('J7'))).toBe('G6-H6+I6');
    expect(resultOf(ledger.getCell('J7'))).toBe(0);
    expect(toHundredths(Number(resultOf(card.getCell(rowLabelled(card, 'Norm-hour balance'), 2))))).toBe(0);
    expect(wb.getWorksheet('Quotes')!.getCell('A5').value).toBe('No records.');
    const xml = [...(await zipParts(data)).values()].join('\n');
    expect(xml).not.toContain('<f>HYPERLINK');
    await expectFormulasConsistent(wb, data);

    await fails('GET', '/api/customers/99999/export.xlsx', {}, 404);
    await fails('GET', `/api/customers/${c.id}/export.xlsx`, { as: 'anon' }, 401);
    await fails('GET', `/api/customers/${c.id}/export.xlsx?lang=xx`, {}, 400, 'validation_failed');
    for (const as of ['manager', 'accountant', 'admin'] as const)
      expect((await call('GET', `/api/customers/${c.id}/export.xlsx`, { as })).status).toBe(200);
  });

  it('a customer too large for one file is refused with a clear 422 (the JSON export has no limit); a large one is written', async () => {
    const doc = await ok('GET', `/api/customers/1/export.json`);
    const many = (n: number) => Array.from({ length: n }, (_, i) => ({ ...doc.ledger[0], id: 1_000_000 + i }));
    expect(() => assertCustomerDataFits({ ...doc, ledger: many(CUSTOMER_DATA_ROW_CAP + 1) })).toThrow(AppError);
    try {
      assertCustomerDataFits({ ...doc, ledger: many(CUSTOMER_DATA_ROW_CAP + 1) });
    } catch (e) {
      expect(e).toMatchObject({ status: 422, code: 'export_too_large' });
      expect((e as AppError).text.ru).toContain('«Все данные (JSON)»');
    }
    // 5 000 ledger entries: one table, a running balance formula each, and the balance at the end.
    const entries = Array.from({ length: 5_000 }, (_, i) => ({
      ...doc.ledger[0],
      id: i + 1,
      kind: i % 2 ? 'debit' : 'topup',
      normHoursCenti: i % 2 ? -100 : 150,
      moneyMinor: i % 2 ? -300_000 : 0,
      memo: `запись ${i + 1}`,
      orderId: null,
      stageId: null,
      pledgeId: null,
    }));
    const file = await customerDataWorkbook(
      {
        doc: { ...doc, ledger: entries, debitItems: [] },
        companyName: 'ООО «Открытые технологии»',
        timeZone: 'Europe/Moscow',
        currency: 'RUB',
        generatedAt: new Date(),
      },
      'ru',
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file);
    const ledger = wb.getWorksheet('Журнал нормо-часов')!;
    expect(toHundredths(Number(resultOf(ledger.getCell(5 + 5_000 + 1, 10))))).toBe(2_500 * 50);
  });
});
