import { describe, expect, it } from 'vitest';
import { parsePastedRows } from '../../worker/domain/paste';

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
