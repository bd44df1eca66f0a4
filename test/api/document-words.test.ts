/**
 * The documents' words live in one catalogue (worker/domain/words): no writer keeps a table of
 * its own, the documents that say the same thing read the same entry, and one meaning has one
 * key. And the writers stay out of HTTP.
 */
import { describe, expect, it } from 'vitest';
import { CUSTOMER_DATA_SHEET_WORDS } from '../../worker/excel/customer-sheets/book';
import { COMPARE_SHEET_WORDS } from '../../worker/excel/crowdfunding';
import { REPORT_SHEET_WORDS } from '../../worker/excel/consumption-layout';
import { INVOICE_SHEET_WORDS } from '../../worker/excel/invoice';
import { STATEMENT_SHEET_WORDS } from '../../worker/excel/statement';
import { INVOICE_PDF_WORDS } from '../../worker/pdf/invoice';
import { STATEMENT_PDF_WORDS } from '../../worker/pdf/statement';
import { ACCOUNTING_REFUSAL_WORDS } from '../../worker/domain/words/accounting';
import { INVOICE_WORDS, STATEMENT_WORDS } from '../../worker/domain/words/statement';
import { ESTIMATE_SHEET_WORDS } from '../../worker/excel/estimate';
import { SHARED_PAGE_WORDS } from '../../worker/pages/shared-page';
import { ESTIMATE_PDF_WORDS } from '../../worker/pdf/estimate';
import { CROWDFUNDING_WORDS } from '../../worker/domain/words/crowdfunding';
import { CUSTOMER_DATA_WORDS } from '../../worker/domain/words/customer-data';
import { PAGE_WORDS } from '../../worker/domain/words/customer-page';
import { DOCUMENT_WORDS } from '../../worker/domain/words/documents';
import { LEDGER_WORDS } from '../../worker/domain/words/ledger';
import { REPORT_WORDS } from '../../worker/domain/words/reports';
import { vocabulary } from '../../worker/domain/words/vocabulary';

const sources = import.meta.glob(['../../worker/excel/**/*.ts', '../../worker/pdf/**/*.ts', '../../worker/pages/**/*.ts', '!**/fonts/**'], {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

/** The source without its comments (a `//` inside a string may cut the line short: that can only hide text, never invent it). */
const code = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');

/** String and template literals that hold a Cyrillic letter. */
function cyrillicLiterals(text: string): string[] {
  const literals = code(text).match(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g) ?? [];
  return literals.filter((l) => /[\u0400-\u04FF]/.test(l));
}

describe('the documents’ words', () => {
  it('no Excel writer, PDF or page keeps words of its own: no Russian text in their code', () => {
    const files = Object.keys(sources);
    expect(files.some((f) => f.endsWith('excel/estimate.ts'))).toBe(true);
    expect(files.some((f) => f.endsWith('pdf/estimate.ts'))).toBe(true);
    expect(files.some((f) => f.endsWith('pages/shared-page.ts'))).toBe(true);
    expect(files.some((f) => f.endsWith('excel/statement.ts')) && files.some((f) => f.endsWith('pdf/invoice.ts'))).toBe(true);
    const found = Object.entries(sources).flatMap(([file, text]) => cyrillicLiterals(text).map((l) => `${file}: ${l.slice(0, 60)}`));
    expect(found).toEqual([]);
    // The check itself sees a word table, a ternary and a template, and not a comment.
    expect(cyrillicLiterals("const W = { total: ['Итого', 'Total'] };")).toHaveLength(1);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a sample of source code, read as text
    expect(cyrillicLiterals("lang === 'ru' ? `Итого ${n}` : `Total ${n}`")).toHaveLength(1);
    expect(cyrillicLiterals("/** 'Итого' */ // 'Итого'\nconst a = 'Total';")).toEqual([]);
  });

  it('excel/, pdf/ and pages/ know nothing of HTTP: they refuse with data, the routes answer', () => {
    const http = Object.entries(sources)
      .filter(([, text]) => /from '(\.\.\/)+http\//.test(text))
      .map(([file]) => file);
    expect(http).toEqual([]);
  });

  it('the Excel estimate, the PDF and the customer’s page read the same entries: totals, VAT lines, parties, columns', () => {
    const shared = [
      'subtotal',
      'discount',
      'net',
      'vat',
      'vatIncluded',
      'noVat',
      'total',
      'normHours',
      'rate',
      'contractor',
      'customer',
      'estimateNo',
      'revision',
      'note',
      'noLines',
    ] as const;
    for (const key of shared) {
      expect(ESTIMATE_SHEET_WORDS[key], key).toBe(DOCUMENT_WORDS[key]);
      expect(ESTIMATE_PDF_WORDS[key], key).toBe(ESTIMATE_SHEET_WORDS[key]);
      expect(SHARED_PAGE_WORDS[key], key).toBe(ESTIMATE_SHEET_WORDS[key]);
    }
    // …and the report, the comparison and the customer's data the ledger's.
    for (const key of ['balance', 'overdraft'] as const) {
      expect(COMPARE_SHEET_WORDS[key]).toBe(LEDGER_WORDS[key]);
      expect(CUSTOMER_DATA_SHEET_WORDS[key]).toBe(LEDGER_WORDS[key]);
    }
    for (const key of [
      'operation',
      'order',
      'stage',
      'content',
      'topupColumn',
      'debitColumn',
      'correctionColumn',
      'runningColumn',
    ] as const) {
      expect(REPORT_SHEET_WORDS[key]).toBe(CUSTOMER_DATA_SHEET_WORDS[key]);
    }
    // The statement and the invoice: the Excel file and the PDF read the same entries, and the report's rows.
    for (const key of Object.keys(STATEMENT_SHEET_WORDS) as (keyof typeof STATEMENT_SHEET_WORDS)[])
      expect(STATEMENT_PDF_WORDS[key]).toBe(STATEMENT_SHEET_WORDS[key]);
    for (const key of Object.keys(INVOICE_SHEET_WORDS) as (keyof typeof INVOICE_SHEET_WORDS)[])
      expect(INVOICE_PDF_WORDS[key]).toBe(INVOICE_SHEET_WORDS[key]);
    for (const key of ['openingRow', 'closingRow', 'topupColumn', 'debitColumn', 'correctionColumn'] as const)
      expect(STATEMENT_SHEET_WORDS[key]).toBe(REPORT_SHEET_WORDS[key]);
    for (const key of ['total', 'vat', 'vatIncluded', 'noVat', 'contractor', 'customer', 'signature', 'stamp'] as const)
      expect(INVOICE_SHEET_WORDS[key]).toBe(STATEMENT_SHEET_WORDS[key]);
  });

  it('one meaning, one key: no pair of words is in the catalogue twice', () => {
    const tables = {
      DOCUMENT_WORDS,
      LEDGER_WORDS,
      REPORT_WORDS,
      CROWDFUNDING_WORDS,
      CUSTOMER_DATA_WORDS,
      PAGE_WORDS,
      STATEMENT_WORDS,
      INVOICE_WORDS,
      ACCOUNTING_REFUSAL_WORDS,
    };
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const [name, table] of Object.entries(tables)) {
      for (const [key, pair] of Object.entries(table)) {
        const text = pair.join(' | ');
        const first = seen.get(text);
        if (first) twice.push(`${first} = ${name}.${key}: ${text}`);
        else seen.set(text, `${name}.${key}`);
      }
    }
    expect(twice).toEqual([]);
  });

  it('a vocabulary refuses a key two of its tables hold', () => {
    expect(() => vocabulary(DOCUMENT_WORDS, { total: ['Всего', 'All'] })).toThrow(/"total"/);
  });
});
