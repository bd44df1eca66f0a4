/**
 * Size and start: the Worker bundle (wrangler's own dry-run build) gzipped, what it is made of,
 * its start-up as `wrangler check startup` profiles it beside a one-line Worker, and the web
 * UI's JavaScript gzipped, built into bench/.work so that web/dist is left alone.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { wranglerSync } from '../lib/proc';

export interface StartupProfile {
  /** CPU the profile shows busy (everything but idle), ms: evaluating the modules' global scope. */
  busyMs: number;
  /** The same for each repeat, in order. */
  runsMs: number[];
}

export interface SizeResults {
  worker: { rawBytes: number; gzipBytes: number; wranglerSays: string | null; parts: { name: string; bytes: number }[] };
  startup: { app: StartupProfile; trivial: StartupProfile };
  ui: { files: { name: string; rawBytes: number; gzipBytes: number }[]; jsRawBytes: number; jsGzipBytes: number; cssGzipBytes: number };
}

/** Builds the UI into `outDir` (the same config as `npm run build`, another output folder). */
export async function buildUi(outDir: string) {
  await build({ configFile: 'web/vite.config.ts', logLevel: 'error', build: { outDir, emptyOutDir: true } });
}

function uiSizes(outDir: string): SizeResults['ui'] {
  const dir = join(outDir, 'assets');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.js') || f.endsWith('.css'))
    .map((name) => {
      const data = readFileSync(join(dir, name));
      return { name, rawBytes: data.length, gzipBytes: gzipSync(data).length };
    });
  const js = files.filter((f) => f.name.endsWith('.js'));
  return {
    files,
    jsRawBytes: js.reduce((n, f) => n + f.rawBytes, 0),
    jsGzipBytes: js.reduce((n, f) => n + f.gzipBytes, 0),
    cssGzipBytes: files.filter((f) => f.name.endsWith('.css')).reduce((n, f) => n + f.gzipBytes, 0),
  };
}

/** CPU time in a V8 profile that was not idle, in ms. */
export function busyMs(profilePath: string): number {
  const p = JSON.parse(readFileSync(profilePath, 'utf8')) as {
    nodes: { id: number; callFrame: { functionName: string } }[];
    samples: number[];
    timeDeltas: number[];
  };
  const idle = new Set(p.nodes.filter((n) => n.callFrame.functionName === '(idle)').map((n) => n.id));
  let busy = 0;
  p.samples.forEach((s, i) => {
    if (!idle.has(s)) busy += p.timeDeltas[i] ?? 0;
  });
  return busy / 1000;
}

function startupOf(bundle: string, work: string, name: string, repeats: number): StartupProfile {
  const runsMs: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const out = join(work, `${name}-${i}.cpuprofile`);
    wranglerSync(['check', 'startup', '--worker', bundle, '--outfile', out]);
    runsMs.push(busyMs(out));
  }
  const sorted = [...runsMs].sort((a, b) => a - b);
  return { busyMs: sorted[Math.floor(sorted.length / 2)]!, runsMs };
}

/** Bytes each package (or the app's own code) contributes to the bundle, largest first. */
function parts(metafile: string): { name: string; bytes: number }[] {
  const meta = JSON.parse(readFileSync(metafile, 'utf8')) as {
    outputs: Record<string, { inputs: Record<string, { bytesInOutput: number }> }>;
  };
  const out = Object.entries(meta.outputs).find(([k]) => k.endsWith('.js'))?.[1];
  const by = new Map<string, number>();
  for (const [path, v] of Object.entries(out?.inputs ?? {})) {
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1];
    const name = pkg ?? (/\/(worker|schema)\//.test(path) ? 'the app (worker/, schema/)' : 'wrangler’s shims');
    by.set(name, (by.get(name) ?? 0) + v.bytesInOutput);
  }
  return [...by].map(([name, bytes]) => ({ name, bytes })).sort((a, b) => b.bytes - a.bytes);
}

export async function measureSizes(work: string, appConfig: string, uiDir: string, compatibilityDate: string): Promise<SizeResults> {
  const ui = uiSizes(uiDir);

  const dry = join(work, 'dry-run');
  rmSync(dry, { recursive: true, force: true });
  const bundle = join(work, 'app.bundle');
  const metafile = join(work, 'app.meta.json');
  const said = wranglerSync(['deploy', '--dry-run', '-c', appConfig, '--outdir', dry, '--outfile', bundle, '--metafile', metafile]);
  const modules = readdirSync(dry).filter((f) => /\.(js|mjs|wasm)$/.test(f));
  const data = modules.map((f) => readFileSync(join(dry, f)));
  const worker = {
    rawBytes: data.reduce((n, d) => n + d.length, 0),
    gzipBytes: data.reduce((n, d) => n + gzipSync(d).length, 0),
    wranglerSays: /Total Upload: .*/.exec(said)?.[0] ?? null,
    parts: parts(metafile),
  };

  // The floor: a Worker that only answers "ok", bundled and profiled the same way.
  const trivialDir = join(work, 'trivial');
  mkdirSync(trivialDir, { recursive: true });
  writeFileSync(join(trivialDir, 'index.js'), "export default { fetch() { return new Response('ok'); } };\n");
  writeFileSync(
    join(trivialDir, 'wrangler.toml'),
    `name = "trivial"\nmain = "index.js"\ncompatibility_date = "${compatibilityDate}"\ncompatibility_flags = ["nodejs_compat"]\n`,
  );
  const trivialBundle = join(work, 'trivial.bundle');
  wranglerSync(['deploy', '--dry-run', '-c', join(trivialDir, 'wrangler.toml'), '--outfile', trivialBundle]);

  const startup = { app: startupOf(bundle, work, 'startup-app', 3), trivial: startupOf(trivialBundle, work, 'startup-trivial', 3) };
  return { worker, startup, ui };
}
