/**
 * poppler-utils as an independent reader of the PDFs the app writes and the pages Chromium
 * prints: page count (pdfinfo), text (pdftotext, per page), and PNGs of the pages (pdftoppm)
 * to look at. Each tool runs with a time limit.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const run = (tool: string, args: string[]) => execFileSync(tool, args, { encoding: 'utf8', timeout: 60_000, maxBuffer: 32 * 1024 * 1024 });

export function pdfPages(file: string): number {
  const m = /^Pages:\s+(\d+)$/m.exec(run('pdfinfo', [file]));
  if (!m) throw new Error(`pdfinfo found no page count in ${file}`);
  return Number(m[1]);
}

export function pdfInfo(file: string): string {
  return run('pdfinfo', [file]);
}

/** The text of the whole file, or of one page (1-based). poppler gives a no-break space as a plain one. */
export function pdfText(file: string, page?: number): string {
  return run('pdftotext', [...(page ? ['-f', String(page), '-l', String(page)] : []), '-enc', 'UTF-8', file, '-']);
}

/** Trimmed non-empty lines of the text (pdftotext puts each table cell on its own line). */
export const textLines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** Renders every page at `dpi` into dir/name-N.png; returns the file names. */
export function pdfPngs(file: string, dir: string, name: string, dpi = 60): string[] {
  mkdirSync(dir, { recursive: true });
  for (const f of readdirSync(dir)) if (f.startsWith(`${name}-`) && f.endsWith('.png')) rmSync(join(dir, f));
  run('pdftoppm', ['-r', String(dpi), '-png', file, join(dir, name)]);
  return readdirSync(dir)
    .filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'))
    .sort();
}
