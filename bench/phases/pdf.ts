/**
 * The estimate as a PDF inside workerd: the bench Worker renders a synthetic sent quote of 15
 * and of 100 lines (lines cycling through the price list, a section every 20 lines) with the
 * app's own renderEstimatePdf, and the same quote as .xlsx (the baseline: the other file the
 * customer can download). Each size gets a fresh workerd: a 3-line warm-up, the first write
 * (a cold 3-line document first: fonts parsed, code compiled), then `reps` writes timed one by one (median, best) and as a
 * batch (mean, finer than the 1 ms clock). Times come from performance.now() inside the Worker,
 * which locally advances during computation: the CPU a request spends on the document.
 * Also the bundle: the Worker's gzipped size and the share of worker/pdf/ (writer, fonts) in it.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { cpuTicks, othersLoad, sleep, startDev, wranglerSync } from '../lib/proc';

export interface PdfCase {
  n: number;
  pages: number;
  bytes: number;
  /** A 3-line document in a fresh isolate: the fonts decoded and parsed, the code compiled. */
  coldMs: number;
  firstMs: number;
  medianMs: number;
  bestMs: number;
  /** The batch's total ÷ reps. */
  meanMs: number;
  runsMs: number[];
  xlsxMedianMs: number;
  xlsxBytes: number;
  othersCores: number;
}

export interface PdfBundle {
  gzipBytes: number;
  rawBytes: number;
  /** Bytes of worker/pdf/ in the bundle (raw, from esbuild's metafile), and of its font modules alone. */
  pdfRawBytes: number;
  fontRawBytes: number;
  /** What worker/pdf/ adds to the gzipped bundle: gzip of the bundle less gzip of it without those modules. */
  pdfGzipBytes: number;
}

export interface PdfResults {
  date: string;
  commit: string;
  cases: PdfCase[];
  bundle: PdfBundle | null;
}

export const PDF_CASES = [
  { n: 15, reps: 30 },
  { n: 100, reps: 10 },
];

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

interface Written {
  ms: number[];
  batchMs: number;
  bytes: number;
  pages?: number;
}

async function write(base: string, format: 'pdf' | 'xlsx', n: number, reps: number): Promise<Written> {
  const path = format === 'pdf' ? `/__bench/pdf?n=${n}&reps=${reps}` : `/__bench/excel?kind=estimate&n=${n}&format=xlsx&reps=${reps}`;
  const res = await fetch(base + path, { method: 'POST' });
  if (!res.ok) throw new Error(`${format} ${n} → ${res.status} ${await res.text()}`);
  const body = (await res.json()) as Written;
  return { ...body, batchMs: body.batchMs ?? body.ms.reduce((a, b) => a + b, 0) };
}

export async function measurePdf(benchConfig: string, persistTo: string, log: (s: string) => void): Promise<PdfCase[]> {
  const out: PdfCase[] = [];
  for (const c of PDF_CASES) {
    const dev = await startDev(benchConfig, persistTo);
    try {
      const before = cpuTicks([dev.pgid]);
      const cold = await write(dev.url, 'pdf', 3, 1);
      await write(dev.url, 'pdf', 3, 3);
      await sleep(200);
      const first = await write(dev.url, 'pdf', c.n, 1);
      const steady = await write(dev.url, 'pdf', c.n, c.reps);
      await write(dev.url, 'xlsx', 3, 3);
      const xlsx = await write(dev.url, 'xlsx', c.n, c.reps);
      const others = othersLoad(before, cpuTicks([dev.pgid]));
      const row: PdfCase = {
        n: c.n,
        pages: steady.pages ?? 0,
        bytes: steady.bytes,
        coldMs: cold.ms[0]!,
        firstMs: first.ms[0]!,
        medianMs: median(steady.ms),
        bestMs: Math.min(...steady.ms),
        meanMs: steady.batchMs / c.reps,
        runsMs: steady.ms,
        xlsxMedianMs: median(xlsx.ms),
        xlsxBytes: xlsx.bytes,
        othersCores: others.othersCores,
      };
      log(
        `    pdf ${String(c.n).padStart(4)} lines  ${row.pages} pages  cold ${row.coldMs.toFixed(0)} ms  first ` +
          `${row.firstMs.toFixed(0)} ms  median ${row.medianMs.toFixed(1)} ms (best ${row.bestMs.toFixed(0)}, mean ` +
          `${row.meanMs.toFixed(1)})  ${(row.bytes / 1024).toFixed(1)} KiB; xlsx median ${row.xlsxMedianMs.toFixed(0)} ms  (others: ` +
          `${others.othersCores.toFixed(2)} cores)`,
      );
      out.push(row);
    } finally {
      await dev.stop();
    }
  }
  return out;
}

/**
 * The app's Worker as `wrangler deploy --dry-run` builds it, and what worker/pdf/ adds to it:
 * the bundle gzipped as it is, and again with worker/pdf/'s modules cut out (esbuild marks
 * where each module starts with a `// path` comment).
 */
export function pdfBundle(work: string, appConfig: string): PdfBundle {
  const dry = join(work, 'pdf-dry-run');
  rmSync(dry, { recursive: true, force: true });
  const metafile = join(work, 'pdf-app.meta.json');
  wranglerSync(['deploy', '--dry-run', '-c', appConfig, '--outdir', dry, '--metafile', metafile]);
  const files = readdirSync(dry).filter((f) => /\.(js|mjs|wasm)$/.test(f));
  const data = files.map((f) => readFileSync(join(dry, f)));
  const meta = JSON.parse(readFileSync(metafile, 'utf8')) as {
    outputs: Record<string, { inputs: Record<string, { bytesInOutput: number }> }>;
  };
  const inputs = Object.entries(Object.entries(meta.outputs).find(([k]) => k.endsWith('.js'))?.[1].inputs ?? {});
  const pdfInputs = inputs.filter(([path]) => path.includes('worker/pdf/'));
  const main = readFileSync(join(dry, files.find((f) => /\.m?js$/.test(f))!), 'utf8');
  let keep = true;
  const without = main
    .split('\n')
    .filter((line) => {
      const marker = /^\/\/ (\S+\.(?:ts|js|mjs|cjs))$/.exec(line);
      if (marker) keep = !marker[1]!.includes('worker/pdf/');
      return keep;
    })
    .join('\n');
  const gzipBytes = data.reduce((n, d) => n + gzipSync(d).length, 0);
  return {
    gzipBytes,
    rawBytes: data.reduce((n, d) => n + d.length, 0),
    pdfRawBytes: pdfInputs.reduce((n, [, v]) => n + v.bytesInOutput, 0),
    fontRawBytes: pdfInputs.filter(([path]) => path.includes('/fonts/')).reduce((n, [, v]) => n + v.bytesInOutput, 0),
    pdfGzipBytes: gzipSync(Buffer.from(main)).length - gzipSync(Buffer.from(without)).length,
  };
}
