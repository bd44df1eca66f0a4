import { describe, expect, it } from 'vitest';
import { parsePastedRows, planPaste } from '../../worker/domain/paste';

describe('rows pasted from a spreadsheet', () => {
  it('reads code, quantity, hours from tab-separated rows, with Russian decimals', () => {
    expect(parsePastedRows('2.2\t1\t\n2.5\t\t\n4.1\t2\t10,5\n').rows).toEqual([
      { code: '2.2', quantityMilli: 1000 },
      { code: '2.5', quantityMilli: 1000 },
      { code: '4.1', quantityMilli: 2000, hoursCenti: 1050 },
    ]);
  });

  it('skips a header row and blank lines; Windows line ends; a non-code is a free-form title', () => {
    expect(parsePastedRows('Код\tКол-во\tЧасы\r\n\r\n3.3.1\t1\t12\r\nСвоя работа\t1,5\t4').rows).toEqual([
      { code: '3.3.1', quantityMilli: 1000, hoursCenti: 1200 },
      { title: 'Своя работа', quantityMilli: 1500, hoursCenti: 400 },
    ]);
  });

  it('numbers with group separators, as Excel copies them', () => {
    expect(parsePastedRows('2.9\t1\t1 234,5').rows).toEqual([{ code: '2.9', quantityMilli: 1000, hoursCenti: 123_450 }]);
  });

  it('names the rows it cannot read, by spreadsheet row number', () => {
    const { rows, problems } = parsePastedRows('2.2\t1\n2.5\tмного\n4.1\t1\t-3');
    expect(rows).toHaveLength(1);
    expect(problems.map((p) => p.row)).toEqual([2, 3]);
    expect(problems[0]!.ru).toContain('много');
  });
});

const CATALOG = [
  { code: '2.2', mode: 'fixed' as const, hoursCenti: 2000, active: true },
  { code: '2.5', mode: 'fixed' as const, hoursCenti: 6400, active: true },
  { code: '2.9', mode: 'estimate' as const, hoursCenti: null, active: true },
  { code: '4.1', mode: 'estimate' as const, hoursCenti: null, active: true },
  { code: '4.10', mode: 'estimate' as const, hoursCenti: null, active: true },
  { code: '5.9', mode: 'estimate' as const, hoursCenti: null, active: false },
];

describe('a copy from a price list: columns in any order, found from the header or the shape', () => {
  it('a header row names the columns, whatever their order; columns it does not know are left out', () => {
    const text = [
      '№\tНаименование услуги\tЦена, ₽\tЧасы\tКод\tКол-во',
      '1\tНастройка шаблона\t60 000,00\t20\t2.2\t2',
      '2\tКонтент\t18 000,00\t10,5\t4.1\t',
    ].join('\n');
    const plan = planPaste(text, CATALOG);
    expect(plan.header).toBe(true);
    expect(plan.columns).toEqual({ title: 1, hours: 3, code: 4, quantity: 5 });
    expect(plan.rows).toEqual([
      { code: '2.2', quantityMilli: 2000, source: 2 },
      { code: '4.1', quantityMilli: 1000, hoursCenti: 1050, source: 3 },
    ]);
    expect(plan.skipped).toEqual([]);
  });

  it('without a header: the column of catalog codes, the column of words, then quantity and hours', () => {
    const text = 'Внедрение\t2.5\t1\t\nТехподдержка\t2.9\t3\t4,5\nГлоссарий\t4.10\t1\t2';
    const plan = planPaste(text, CATALOG);
    expect(plan.header).toBe(false);
    expect(plan.columns).toEqual({ code: 1, title: 0, quantity: 2, hours: 3 });
    expect(plan.rows.map((r) => [r.code, r.quantityMilli, r.hoursCenti])).toEqual([
      ['2.5', 1000, undefined],
      ['2.9', 3000, 450],
      ['4.10', 1000, 200],
    ]);
  });

  it('names every row it skips and why: unknown code, no longer sold, other hours for a fixed service, bad numbers', () => {
    const text = [
      'Код\tКоличество\tЧасы',
      '2.2\t1\t20',
      '7.7\t1\t5',
      '5.9\t1\t5',
      '2.5\t1\t60',
      '4.1\tмного\t1',
      '4.1\t1\t-2',
      '\t\t',
      '4.1\t2 шт\t3 ч',
    ].join('\r\n');
    const plan = planPaste(text, CATALOG);
    expect(plan.rows).toEqual([
      { code: '2.2', quantityMilli: 1000, source: 2 },
      { code: '4.1', quantityMilli: 2000, hoursCenti: 300, source: 9 },
    ]);
    expect(plan.skipped.map((s) => [s.row, s.ru])).toEqual([
      [3, 'нет услуги с кодом 7.7 в прайс-листе'],
      [4, 'услуга 5.9 больше не продаётся'],
      [5, '2.5 — фиксированная услуга на 64 ч, а во вставке 60 ч'],
      [6, 'количество «много» — не число от 0,001 до 10 000'],
      [7, 'часы «-2» — не число от 0,01 до 100 000'],
    ]);
  });

  it('quoted cells as Excel copies them: tabs, line breaks and quotes inside a name', () => {
    const text = 'Наименование\tКол-во\tЧасы\n"Работа ""под ключ"",\nэтап 1"\t1\t8\n';
    expect(planPaste(text, CATALOG).rows).toEqual([
      { title: 'Работа "под ключ",\nэтап 1', quantityMilli: 1000, hoursCenti: 800, source: 2 },
    ]);
  });

  it('a single line of words is a free-form line, not a header', () => {
    expect(planPaste('Свой курс по охране труда', CATALOG).rows).toEqual([
      { title: 'Свой курс по охране труда', quantityMilli: 1000, source: 1 },
    ]);
  });

  it('500 rows are planned, each with its spreadsheet row', () => {
    const lines = Array.from({ length: 500 }, (_, i) => `${['2.2', '4.1', '2.9'][i % 3]}\tУслуга ${i}\t1\t${i % 3 === 0 ? '' : '2'}`);
    const plan = planPaste(['Код\tНазвание\tКол-во\tЧасы', ...lines].join('\n'), CATALOG);
    expect(plan.rows).toHaveLength(500);
    expect(plan.rows[499]!.source).toBe(501);
    expect(plan.skipped).toEqual([]);
  });
});
