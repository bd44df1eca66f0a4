/**
 * Processes the bench starts: wrangler (one-shot and `wrangler dev`), each dev server in its own
 * process group on a free port with its own --persist-to directory, stopped as a whole group;
 * and workerd's memory as Linux reports it (/proc/PID/status, clear_refs).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { cpus } from 'node:os';
import { offlineEnv } from '../../scripts/wrangler';
import { freePort } from '../../scripts/free-port';

const WRANGLER = 'node_modules/wrangler/bin/wrangler.js';

/** Runs wrangler to completion; throws with its output when it fails. */
export function wranglerSync(args: string[]): string {
  const r = spawnSync(process.execPath, [WRANGLER, ...args], { env: offlineEnv, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`wrangler ${args.join(' ')} failed (exit ${r.status})\n${r.stdout}${r.stderr}`.slice(-4000));
  return `${r.stdout}${r.stderr}`;
}

/**
 * A copy of a wrangler config whose Worker is the already built `built` (a file of
 * `wrangler deploy --dry-run --outdir`), with every relative path made absolute; written next to
 * `writeTo`. With `build`, runs that dry-run build first, into `built`'s folder.
 */
export function builtConfig(source: string, outDir: string, writeTo: string, build: boolean): string {
  if (build) {
    rmSync(outDir, { recursive: true, force: true });
    wranglerSync(['deploy', '--dry-run', '-c', source, '--outdir', outDir]);
  }
  const main = readdirSync(outDir).find((f) => /\.m?js$/.test(f));
  if (!main) throw new Error(`no built Worker in ${outDir}`);
  const from = dirname(resolve(source));
  const abs = (p: string) => (isAbsolute(p) ? p : join(from, p));
  const text = readFileSync(source, 'utf8')
    .replace(/^main = "(.+)"$/m, () => `main = "${join(outDir, main)}"`)
    .replace(/^directory = "(.+)"$/m, (_, p: string) => `directory = "${abs(p)}"`)
    .replace(/^migrations_dir = "(.+)"$/m, (_, p: string) => `migrations_dir = "${abs(p)}"`);
  writeFileSync(writeTo, text);
  return writeTo;
}

/** Every process group this run started, so that an exit or a signal stops them all. */
const groups = new Set<number>();

function killGroup(pid: number) {
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {
    // already gone
  }
  groups.delete(pid);
}

export function stopAll() {
  for (const pid of [...groups]) killGroup(pid);
}
process.once('exit', stopAll);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    stopAll();
    process.exit(130);
  });
}

export interface DevServer {
  url: string;
  port: number;
  pgid: number;
  /** wrangler's inspector port: the Worker's isolate over the DevTools protocol (lib/inspector.ts). */
  inspectorPort: number;
  child: ChildProcess;
  /** The workerd process that runs the Worker (wrangler dev also runs a small proxy workerd). */
  workerdPid(): number;
  log(): string;
  stop(): Promise<void>;
}

/**
 * `wrangler dev --no-bundle` of a Worker built beforehand (see `builtConfig`), on a free port, in
 * its own process group; returns once it answers `readyPath`. Prebuilt, so that edits others
 * make to the sources meanwhile neither restart the Worker mid-run nor change what is measured.
 */
export async function startDev(config: string, persistTo: string, readyPath = '/api/health', timeoutMs = 120_000): Promise<DevServer> {
  const port = await freePort();
  // Its own inspector port too: wrangler's default (9229) may be taken by anyone else's workerd.
  const inspector = await freePort();
  const out: string[] = [];
  const child = spawn(
    process.execPath,
    [
      WRANGLER,
      'dev',
      '-c',
      config,
      '--port',
      String(port),
      '--ip',
      '127.0.0.1',
      '--inspector-port',
      String(inspector),
      '--no-bundle',
      '--persist-to',
      persistTo,
      '--show-interactive-dev-session=false',
      '--log-level',
      'warn',
    ],
    { env: offlineEnv, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  groups.add(child.pid!);
  child.stdout!.on('data', (d) => out.push(String(d)));
  child.stderr!.on('data', (d) => out.push(String(d)));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    killGroup(child.pid!);
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline && groupAlive(child.pid!)) await sleep(100);
    if (groupAlive(child.pid!)) {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // gone
      }
    }
  };
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited early (code ${child.exitCode})\n${out.join('').slice(-3000)}`);
    try {
      const res = await fetch(url + readyPath);
      if (res.ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`wrangler dev did not answer ${readyPath} within ${timeoutMs / 1000} s\n${out.join('').slice(-3000)}`);
    }
    await sleep(200);
  }
  return {
    url,
    port,
    pgid: child.pid!,
    inspectorPort: inspector,
    child,
    workerdPid: () => workerdOf(child.pid!, port),
    log: () => out.join(''),
    stop,
  };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function groupAlive(pgid: number): boolean {
  return processes().some((p) => p.pgid === pgid);
}

interface Proc {
  pid: number;
  pgid: number;
  comm: string;
  cmdline: string;
}

function processes(): Proc[] {
  const list: Proc[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      const comm = stat.slice(stat.indexOf('(') + 1, close);
      const fields = stat.slice(close + 2).split(' ');
      const cmdline = readFileSync(`/proc/${name}/cmdline`, 'utf8').replace(/\0/g, ' ');
      list.push({ pid: Number(name), pgid: Number(fields[2]), comm, cmdline });
    } catch {
      // exited meanwhile
    }
  }
  return list;
}

/**
 * wrangler dev runs two workerd processes: a proxy that listens on our port and forwards, and
 * the one that runs the Worker (and its local D1). The latter is the one not bound to our port.
 */
function workerdOf(pgid: number, port: number): number {
  const candidates = processes().filter((p) => p.pgid === pgid && p.comm === 'workerd');
  const runner = candidates.filter((p) => !p.cmdline.includes(`127.0.0.1:${port}`));
  const pick = runner.length === 1 ? runner : candidates;
  if (pick.length === 0) throw new Error('no workerd process found');
  return pick.sort((a, b) => memory(b.pid).rssKb - memory(a.pid).rssKb)[0]!.pid;
}

/** Resident set size now and its high-water mark since start or the last reset, in KiB. */
export function memory(pid: number): { rssKb: number; hwmKb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssKb: field('VmRSS'), hwmKb: field('VmHWM') };
}

/** Resets the high-water mark to the current RSS (Linux ≥ 4.0: write 5 to clear_refs). */
export function resetPeak(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

/** CPU time (clock ticks) of the whole machine and of this process plus the given process groups. */
export function cpuTicks(pgids: number[]): { busy: number; total: number; ours: number } {
  const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/);
  const v = fields.map(Number);
  const total = v.slice(0, 8).reduce((n, f) => n + f, 0);
  const idle = (v[3] ?? 0) + (v[4] ?? 0);
  let ours = 0;
  const groupsWanted = new Set(pgids);
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(name) === process.pid || groupsWanted.has(Number(rest[2]))) ours += Number(rest[11]) + Number(rest[12]);
    } catch {
      // exited meanwhile
    }
  }
  return { busy: total - idle, total, ours };
}

/** How much of the machine's CPU others used between two snapshots: cores' worth, and share. */
export function othersLoad(
  a: ReturnType<typeof cpuTicks>,
  b: ReturnType<typeof cpuTicks>,
): { othersCores: number; oursCores: number; cores: number } {
  const cores = cpus().length;
  const elapsed = (b.total - a.total) / cores; // ticks per core
  const busy = b.busy - a.busy;
  const ours = b.ours - a.ours;
  return { othersCores: Math.max(0, busy - ours) / elapsed, oursCores: ours / elapsed, cores };
}
