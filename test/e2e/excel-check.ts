/**
 * Test helpers for the Excel files, usable in workerd and in Node: reading the zip parts,
 * and an independent evaluator of the formulas we write (SUM, ROUND, + − × ÷, references
 * across sheets) that recomputes every formula from the cells instead of trusting the
 * cached results.
 */
import type { Workbook, Worksheet } from 'exceljs';

/** Every part of an .xlsx (a zip) as text, using the runtime's own inflate. */
export async function zipParts(data: ArrayBuffer): Promise<Map<string, string>> {
  const bytes = new Uint8Array(data);
  const view = new DataView(data);
  let eocd = bytes.length - 22;
  while (eocd >= 0 && view.getUint32(eocd, true) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('not a zip file');
  const count = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  const parts = new Map<string, string>();
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i++) {
    if (view.getUint32(p, true) !== 0x02014b50) throw new Error('bad central directory');
    const method = view.getUint16(p + 10, true);
    const compressed = view.getUint32(p + 20, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    const local = view.getUint32(p + 42, true);
    const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength));
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const raw = bytes.subarray(start, start + compressed);
    let content: Uint8Array;
    if (method === 0) content = raw;
    else if (method === 8) {
      const stream = new Blob([raw]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
      content = new Uint8Array(await new Response(stream).arrayBuffer());
    } else throw new Error(`zip method ${method}`);
    parts.set(name, decoder.decode(content));
    p += 46 + nameLength + extraLength + commentLength;
  }
  return parts;
}

/** Excel's ROUND: to 15 significant digits first, then half away from zero. */
export function excelRound(x: number, digits: number): number {
  const f = 10 ** digits;
  const scaled = Number((Math.abs(x) * f).toPrecision(15));
  return (Math.sign(x) * Math.round(scaled)) / f;
}

type Token = { t: 'num'; v: number } | { t: 'ref'; sheet: string | null; ref: string } | { t: 'fn'; v: string } | { t: 'op'; v: string };

function tokenize(formula: string): Token[] {
  const out: Token[] = [];
  const re = new RegExp(
    String.raw`\s*(?:(\d+(?:\.\d+)?)|((?:'(?:[^']|'')+'|` +
      String.raw`[A-Za-z_\u0400-\u04FF][\w.\u0400-\u04FF]*)!)?(\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)(?![\w(])|` +
      String.raw`([A-Z]+)\(|([-+*/(),]))`,
    'y',
  );
  let m: RegExpExecArray | null;
  let at = 0;
  while (at < formula.length) {
    re.lastIndex = at;
    m = re.exec(formula);
    if (!m) throw new Error(`cannot read formula at ${at}: ${formula}`);
    at = re.lastIndex;
    if (m[1]) out.push({ t: 'num', v: Number(m[1]) });
    else if (m[3]) {
      const sheet = m[2]
        ? m[2]
            .slice(0, -1)
            .replace(/^'(.*)'$/, '$1')
            .replace(/''/g, "'")
        : null;
      out.push({ t: 'ref', sheet, ref: m[3].replace(/\$/g, '') });
    } else if (m[4]) out.push({ t: 'fn', v: m[4] });
    else if (m[5]) out.push({ t: 'op', v: m[5] });
  }
  return out;
}

function decode(ref: string): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col };
}

/** Recomputes a cell from the formulas and numbers in the workbook (never a cached result). */
export class Evaluator {
  private readonly cache = new Map<string, number>();
  constructor(private readonly wb: Workbook) {}

  cell(ws: Worksheet, row: number, col: number): number {
    const key = `${ws.name}!${row}:${col}`;
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit;
    const v = ws.getCell(row, col).value as unknown;
    let result: number;
    if (v === null || v === undefined || v === '') result = 0;
    else if (typeof v === 'number') result = v;
    else if (typeof v === 'object' && v !== null && 'formula' in v) result = this.formula(ws, (v as { formula: string }).formula);
    else throw new Error(`${key} is not a number: ${JSON.stringify(v)}`);
    this.cache.set(key, result);
    return result;
  }

  formula(ws: Worksheet, formula: string): number {
    const tokens = tokenize(formula);
    let i = 0;
    const peek = () => tokens[i];
    const sheetOf = (name: string | null) => {
      if (name === null) return ws;
      const s = this.wb.getWorksheet(name);
      if (!s) throw new Error(`no sheet ${name}`);
      return s;
    };
    const values = (tok: Extract<Token, { t: 'ref' }>): number[] => {
      const s = sheetOf(tok.sheet);
      const [a, b] = tok.ref.split(':');
      const from = decode(a!);
      const to = decode(b ?? a!);
      const out: number[] = [];
      for (let r = from.row; r <= to.row; r++) for (let c = from.col; c <= to.col; c++) out.push(this.cell(s, r, c));
      return out;
    };
    const args = (): (number | number[])[] => {
      const list: (number | number[])[] = [];
      if (peek()?.t === 'op' && (peek() as { v: string }).v === ')') {
        i++;
        return list;
      }
      for (;;) {
        const tok = peek();
        const next = tokens[i + 1];
        if (tok?.t === 'ref' && tok.ref.includes(':') && next?.t === 'op' && (next.v === ',' || next.v === ')')) {
          i++;
          list.push(values(tok));
        } else list.push(expr());
        const sep = tokens[i++] as { v: string };
        if (sep.v === ')') return list;
        if (sep.v !== ',') throw new Error(`bad argument list in ${formula}`);
      }
    };
    const primary = (): number => {
      const tok = tokens[i++];
      if (!tok) throw new Error(`unexpected end of ${formula}`);
      if (tok.t === 'num') return tok.v;
      if (tok.t === 'ref') return values(tok)[0]!;
      if (tok.t === 'fn') {
        const a = args();
        const flat = a.flatMap((x) => (Array.isArray(x) ? x : [x]));
        if (tok.v === 'SUM') return flat.reduce((s, x) => s + x, 0);
        if (tok.v === 'ROUND') return excelRound(a[0] as number, a[1] as number);
        throw new Error(`function ${tok.v} not supported`);
      }
      if (tok.v === '(') {
        const v = expr();
        i++; // ')'
        return v;
      }
      if (tok.v === '-') return -primary();
      if (tok.v === '+') return primary();
      throw new Error(`unexpected ${tok.v} in ${formula}`);
    };
    const term = (): number => {
      let v = primary();
      while (peek()?.t === 'op' && ['*', '/'].includes((peek() as { v: string }).v)) {
        const op = (tokens[i++] as { v: string }).v;
        const r = primary();
        v = op === '*' ? v * r : v / r;
      }
      return v;
    };
    const expr = (): number => {
      let v = term();
      while (peek()?.t === 'op' && ['+', '-'].includes((peek() as { v: string }).v)) {
        const op = (tokens[i++] as { v: string }).v;
        const r = term();
        v = op === '+' ? v + r : v - r;
      }
      return v;
    };
    const v = expr();
    if (i !== tokens.length) throw new Error(`trailing tokens in ${formula}`);
    return v;
  }
}

/** Every formula cell: its cached result equals what its formula computes from the cells. */
export function formulaCells(wb: Workbook): { sheet: string; address: string; formula: string; result: number; computed: number }[] {
  const ev = new Evaluator(wb);
  const out: { sheet: string; address: string; formula: string; result: number; computed: number }[] = [];
  wb.eachSheet((ws) => {
    ws.eachRow((row) => {
      row.eachCell((cell) => {
        const v = cell.value as unknown;
        if (v && typeof v === 'object' && 'formula' in v) {
          const f = v as { formula: string; result: number };
          out.push({
            sheet: ws.name,
            address: cell.address,
            formula: f.formula,
            result: f.result,
            computed: ev.cell(ws, Number(cell.row), Number(cell.col)),
          });
        }
      });
    });
  });
  return out;
}

/** All text a workbook shows: cell values, sheet names, headers and footers, properties. */
export function allText(wb: Workbook): string {
  const parts: string[] = [wb.title, wb.subject, wb.creator, wb.company, wb.keywords, wb.description].map((s) => s ?? '');
  wb.eachSheet((ws) => {
    parts.push(ws.name, JSON.stringify(ws.headerFooter ?? {}));
    ws.eachRow((row) => row.eachCell((cell) => parts.push(cell.text, JSON.stringify(cell.value))));
  });
  return parts.join('\n');
}
