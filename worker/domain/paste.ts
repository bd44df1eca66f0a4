/**
 * Rows pasted from Excel or Google Sheets into the quote grid: tab-separated
 * `code, quantity, hours`. A first column that is not a catalog code is a free-form
 * title; an empty quantity is one unit; empty hours take the price list's. A header row
 * is recognised and skipped. Pure, so the grid and the tests share it.
 */
import { parseFixed } from './format';

export interface PastedRow {
  code?: string;
  title?: string;
  quantityMilli: number;
  hoursCenti?: number;
}

export interface PasteProblem {
  /** 1-based, as a person counts rows in a spreadsheet. */
  row: number;
  en: string;
  ru: string;
}

const CODE = /^\d+(\.\d+)*$/;

function cells(line: string): string[] {
  const parts = line.includes('\t') ? line.split('\t') : line.split(';');
  return parts.map((c) => c.trim().replace(/^"(.*)"$/s, '$1').trim());
}

export function parsePastedRows(text: string): { rows: PastedRow[]; problems: PasteProblem[] } {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const rows: PastedRow[] = [];
  const problems: PasteProblem[] = [];
  lines.forEach((line, index) => {
    if (!line.trim()) return;
    const [first = '', quantityText = '', hoursText = ''] = cells(line);
    const quantity = quantityText === '' ? 1000 : parseFixed(quantityText, 3);
    const hours = hoursText === '' ? undefined : parseFixed(hoursText, 2);
    const isHeader = index === 0 && !CODE.test(first) && quantity === null;
    if (isHeader) return;
    if (!first) {
      problems.push({ row: index + 1, en: 'the first column (code) is empty', ru: 'первая колонка (код) пуста' });
      return;
    }
    if (quantity === null || quantity <= 0) {
      problems.push({ row: index + 1, en: `quantity “${quantityText}” is not a positive number`, ru: `количество «${quantityText}» — не положительное число` });
      return;
    }
    if (hours === null || (hours !== undefined && hours <= 0)) {
      problems.push({ row: index + 1, en: `hours “${hoursText}” is not a positive number`, ru: `часы «${hoursText}» — не положительное число` });
      return;
    }
    const row: PastedRow = CODE.test(first) ? { code: first, quantityMilli: quantity } : { title: first, quantityMilli: quantity };
    if (hours !== undefined) row.hoursCenti = hours;
    rows.push(row);
  });
  return { rows, problems };
}
