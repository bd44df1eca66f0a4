/**
 * Excel inside workerd: the bench Worker writes an estimate (100, 1 000, 10 000 lines) or a
 * consumption report (1 000, 10 000 entries) with the app's own writers, and the same rows as
 * CSV (the baseline). Each case gets a fresh workerd (a new `wrangler dev`), so its memory
 * high-water mark belongs to that case alone:
 *   1. warm up on a 10-row file of the same kind (code loaded and compiled, heap still small);
 *   2. note workerd's RSS, reset its high-water mark (/proc/PID/clear_refs);
 *   3. write the file once (the "first" time); peak = VmHWM − that RSS;
 *   4. write it again `reps` times (the steady time: their median; the best is shown too).
 * Times are measured inside the Worker (performance.now(), which advances locally).
 */
import { cpuTicks, memory, othersLoad, resetPeak, sleep, startDev } from '../lib/proc';

export interface ExcelCase {
  kind: 'estimate' | 'report';
  n: number;
  format: 'xlsx' | 'csv';
  firstMs: number;
  medianMs: number;
  /** The fastest of the steady writes: the writer's own cost with the least interference. */
  bestMs: number;
  /** Cores' worth of CPU other processes used while this case ran. */
  othersCores: number;
  runsMs: number[];
  bytes: number;
  peakMb: number | null;
  rssBeforeMb: number;
}

export const EXCEL_CASES: { kind: 'estimate' | 'report'; n: number; reps: number; xlsxOnly?: boolean }[] = [
  { kind: 'estimate', n: 100, reps: 15 },
  { kind: 'estimate', n: 1_000, reps: 15 },
  { kind: 'estimate', n: 10_000, reps: 3 },
  { kind: 'report', n: 1_000, reps: 9 },
  { kind: 'report', n: 10_000, reps: 3 },
  // CONSUMPTION_ROW_CAP: the largest report the app agrees to write as one file.
  { kind: 'report', n: 20_000, reps: 1, xlsxOnly: true },
];

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

async function write(base: string, kind: string, n: number, format: string, reps: number): Promise<{ ms: number[]; bytes: number }> {
  const res = await fetch(`${base}/__bench/excel?kind=${kind}&n=${n}&format=${format}&reps=${reps}`, { method: 'POST' });
  if (!res.ok) throw new Error(`excel ${kind} ${n} ${format} → ${res.status} ${await res.text()}`);
  return (await res.json()) as { ms: number[]; bytes: number };
}

/**
 * workerd's RSS at rest running a one-line Worker (after one request): subtracted from the bench
 * Worker's RSS at rest, it estimates what the app's isolate holds before any file is written.
 */
export async function restingRssMb(trivialConfig: string, persistTo: string): Promise<number> {
  const dev = await startDev(trivialConfig, persistTo, '/');
  try {
    await fetch(dev.url);
    await sleep(300);
    return memory(dev.workerdPid()).rssKb / 1024;
  } finally {
    await dev.stop();
  }
}

export async function measureExcel(benchConfig: string, persistTo: string, log: (s: string) => void): Promise<ExcelCase[]> {
  const out: ExcelCase[] = [];
  for (const c of EXCEL_CASES) {
    for (const format of c.xlsxOnly ? (['xlsx'] as const) : (['xlsx', 'csv'] as const)) {
      const dev = await startDev(benchConfig, persistTo);
      try {
        const cpuBefore = cpuTicks([dev.pgid]);
        await write(dev.url, c.kind, 10, format, 3);
        await sleep(300);
        const pid = dev.workerdPid();
        const before = memory(pid).rssKb;
        const reset = resetPeak(pid);
        const first = await write(dev.url, c.kind, c.n, format, 1);
        const peakKb = reset ? memory(pid).hwmKb - before : null;
        const steady = await write(dev.url, c.kind, c.n, format, c.reps);
        const others = othersLoad(cpuBefore, cpuTicks([dev.pgid]));
        const row: ExcelCase = {
          kind: c.kind,
          n: c.n,
          format,
          firstMs: first.ms[0]!,
          medianMs: median(steady.ms),
          bestMs: Math.min(...steady.ms),
          othersCores: others.othersCores,
          runsMs: steady.ms,
          bytes: steady.bytes,
          peakMb: peakKb === null ? null : peakKb / 1024,
          rssBeforeMb: before / 1024,
        };
        log(`    ${c.kind.padEnd(8)} ${String(c.n).padStart(6)} ${format.padEnd(4)}  first ${row.firstMs.toFixed(0)} ms  median ${row.medianMs.toFixed(0)} ms (best ${row.bestMs.toFixed(0)})  peak +${row.peakMb?.toFixed(1)} MB  ${(row.bytes / 1024).toFixed(0)} KiB  (others: ${others.othersCores.toFixed(2)} cores)`);
        out.push(row);
      } finally {
        await dev.stop();
      }
    }
  }
  return out;
}
