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
import { heapUsage, inspect, selfTimes, type CpuProfile } from '../lib/inspector';
import { cpuTicks, memory, othersLoad, resetPeak, sleep, startDev } from '../lib/proc';

/** V8's own figures for the isolate (Runtime.getHeapUsage through the inspector), in MB. */
export interface HeapFigures {
  /** At rest after the warm-up. */
  restUsedMb: number;
  restTotalMb: number;
  /** Right after the first write, before anything else runs (no collection in between). */
  usedMb: number;
  /** The heap V8 committed: it grows to hold the write's peak and is given back only later. */
  totalMb: number;
  /** ArrayBuffers' memory outside the heap (the zip's buffers), which counts against the limit too. */
  backingMb: number;
}

/** Where a first write's CPU went: self time per function, from V8's sampling profiler. */
export interface FirstWriteProfile {
  kind: 'estimate' | 'report';
  n: number;
  /** The first write's time with the profiler on (it adds a little). */
  ms: number;
  top: { name: string; ms: number }[];
  gcMs: number;
}

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
  /** V8's heap statistics around the first write (xlsx only; absent if the inspector was not reachable). */
  heap?: HeapFigures;
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
        const session = format === 'xlsx' ? await inspect(dev.inspectorPort).catch(() => null) : null;
        const rest = session ? await heapUsage(session) : null;
        const pid = dev.workerdPid();
        const before = memory(pid).rssKb;
        const reset = resetPeak(pid);
        const first = await write(dev.url, c.kind, c.n, format, 1);
        const peakKb = reset ? memory(pid).hwmKb - before : null;
        const after = session ? await heapUsage(session) : null;
        session?.close();
        const MB = 1024 * 1024;
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
          ...(rest && after
            ? {
                heap: {
                  restUsedMb: rest.usedSize / MB,
                  restTotalMb: rest.totalSize / MB,
                  usedMb: after.usedSize / MB,
                  totalMb: after.totalSize / MB,
                  backingMb: ((after as { backingStorageSize?: number }).backingStorageSize ?? 0) / MB,
                },
              }
            : {}),
        };
        log(
          `    ${c.kind.padEnd(8)} ${String(c.n).padStart(6)} ${format.padEnd(4)}  first ${row.firstMs.toFixed(0)} ms  median ` +
            `${row.medianMs.toFixed(0)} ms (best ${row.bestMs.toFixed(0)})  peak +${row.peakMb?.toFixed(1)} MB${
              row.heap
                ? `  V8 heap ` +
                  `${row.heap.usedMb.toFixed(1)} used / ${row.heap.totalMb.toFixed(1)} committed + ${row.heap.backingMb.toFixed(1)} MB ` +
                  `buffers`
                : ''
            }  ${(row.bytes / 1024).toFixed(0)} KiB  (others: ${others.othersCores.toFixed(2)} cores)`,
        );
        out.push(row);
      } finally {
        await dev.stop();
      }
    }
  }
  return out;
}

/**
 * The first write of a file in a fresh isolate (after the same 10-row warm-up) under V8's
 * sampling profiler: what its time is spent on. A separate isolate from the timed one, so the
 * profiler's overhead stays out of the timed figures.
 */
export async function profileFirstWrite(
  benchConfig: string,
  persistTo: string,
  kind: 'estimate' | 'report',
  n: number,
): Promise<FirstWriteProfile> {
  const dev = await startDev(benchConfig, persistTo);
  try {
    await write(dev.url, kind, 10, 'xlsx', 3);
    await sleep(300);
    const s = await inspect(dev.inspectorPort);
    try {
      await s.send('Profiler.enable');
      await s.send('Profiler.setSamplingInterval', { interval: 250 });
      await s.send('Profiler.start');
      const first = await write(dev.url, kind, n, 'xlsx', 1);
      const { profile } = await s.send<{ profile: CpuProfile }>('Profiler.stop');
      const times = selfTimes(profile).filter((t) => !t.name.startsWith('(idle)') && !t.name.startsWith('(program)'));
      const gc = times.find((t) => t.name.startsWith('(garbage collector)'));
      return { kind, n, ms: first.ms[0]!, top: times.filter((t) => t !== gc).slice(0, 8), gcMs: gc?.ms ?? 0 };
    } finally {
      s.close();
    }
  } finally {
    await dev.stop();
  }
}
