/**
 * LibreOffice as an independent reader of the workbooks the app writes, shared by the Excel
 * e2e tests. LibreOffice only recalculates an .xlsx on load when its profile says so
 * (/org.openoffice.Office.Calc/Formula/Load/OOXMLRecalcMode = 0): `profile(…, true)` makes a
 * throwaway profile that does. Each soffice run has its own process group, killed when it
 * ends or times out.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { expect } from 'vitest';

const SOFFICE = process.env.SOFFICE_PATH ?? 'soffice';

/** A fresh LibreOffice profile under `work`; with `recalc`, one that recalculates every .xlsx on load. */
export function profile(work: string, name: string, recalc: boolean): string {
  const dir = join(work, `profile-${name}`);
  mkdirSync(join(dir, 'user'), { recursive: true });
  if (recalc) {
    writeFileSync(
      join(dir, 'user', 'registrymodifications.xcu'),
      `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" ` +
        `xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`,
    );
  }
  return `file://${dir}`;
}

/** Runs one soffice conversion in its own process group; the group is killed afterwards whatever happened. */
export async function soffice(profileUrl: string, convertTo: string, outDir: string, files: string[], timeoutMs = 150_000): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  const child = spawn(
    SOFFICE,
    [
      `-env:UserInstallation=${profileUrl}`,
      '--headless',
      '--norestore',
      '--nolockcheck',
      '--convert-to',
      convertTo,
      '--outdir',
      outDir,
      ...files,
    ],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
      env: { ...process.env, SAL_USE_VCLPLUGIN: 'svp' },
    },
  );
  const output: string[] = [];
  child.stdout!.on('data', (d) => output.push(String(d)));
  child.stderr!.on('data', (d) => output.push(String(d)));
  const killGroup = () => {
    try {
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // the group is gone already
    }
  };
  try {
    const code = await new Promise<number | null>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`soffice did not finish in ${timeoutMs / 1000} s:\n${output.join('')}`)), timeoutMs);
      child.on('error', reject);
      child.on('exit', (c) => {
        clearTimeout(timer);
        resolve(c);
      });
    });
    if (code !== 0) throw new Error(`soffice exited with ${code}:\n${output.join('')}`);
  } finally {
    killGroup();
  }
}

/** CSV of every sheet, after recalculation: raw values (not as shown), UTF-8, comma-separated. */
export const CSV_ALL_SHEETS = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1';

export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** The CSV of sheet `sheet` of `base`.xlsx converted into `dir`. */
export function sheetCsv(dir: string, base: string, sheet: string): string[][] {
  const file = readdirSync(dir).find((f) => f === `${base}-${sheet}.csv`);
  if (!file) throw new Error(`no CSV for ${base} / ${sheet} in ${readdirSync(dir).join(', ')}`);
  return parseCsv(readFileSync(join(dir, file), 'utf8'));
}

/** A number LibreOffice computed, scaled by `scale` (100: kopecks, hundredths of an hour), which must come out whole. */
export function scaled(cell: string | undefined, what: string, scale = 100): number {
  // A percentage comes out as shown ("10.8%") even in this raw export; its format has all the places it holds.
  const x = cell !== undefined && /%$/.test(cell) ? Number(cell.slice(0, -1)) / 100 : Number(cell);
  if (cell === undefined || cell.trim() === '' || !Number.isFinite(x)) throw new Error(`${what}: not a number: ${JSON.stringify(cell)}`);
  const h = Math.round(x * scale);
  expect(Math.abs(x * scale - h), `${what} = ${cell} is whole at ×${scale}`).toBeLessThan(1e-6);
  return h;
}

/** In hundredths, which must come out whole: the kopeck or the hundredth of an hour. */
export const hundredths = (cell: string | undefined, what: string): number => scaled(cell, what, 100);

/** A copy whose every cached formula result is nonsense: only a recalculation gives the right values. */
export async function falsified(src: string, dest: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(src);
  let n = 0;
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const v = cell.value as { formula?: string; result?: unknown } | null;
        if (v && typeof v === 'object' && v.formula && !(cell.isMerged && cell.master !== cell)) {
          cell.value = { formula: v.formula, result: typeof v.result === 'string' ? 'ложь' : 987_654.321 } as ExcelJS.CellValue;
          n++;
        }
      }),
    ),
  );
  expect(n).toBeGreaterThan(0);
  await wb.xlsx.writeFile(dest);
}

/** Runs a command and resolves with its output, or rejects with it. */
export function run(cmd: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const out: string[] = [];
    child.stdout.on('data', (d) => out.push(String(d)));
    child.stderr.on('data', (d) => out.push(String(d)));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(out.join('')) : reject(new Error(`${cmd} exited with ${code}: ${out.join('')}`))));
  });
}
