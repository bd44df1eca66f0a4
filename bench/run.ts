/**
 * `npm run bench`: measures the app on the local embedded runtime (wrangler dev / workerd) and
 * writes bench/RESULTS.md — figures beside baselines measured in the same run, every goal
 * marked met or missed — and prints the same summary table.
 *
 * Everything it starts runs in its own process group on a free port, with its own D1 under
 * bench/.work/ (git-ignored), and is stopped at the end, after a failure or on Ctrl-C. It
 * never uses port 8787, .wrangler/state or web/dist.
 *
 *   npm run bench                     the whole run (about 5 minutes on 2 cores)
 *   npm run bench -- --note "…"       adds a note to RESULTS.md (e.g. the machine was shared)
 *   npm run bench -- --render-only    rewrites RESULTS.md from the last run's bench/.work/results.json
 *   npm run bench -- --only pdf       measures only the PDF (about a minute) and patches its rows and
 *                                     section into RESULTS.md, leaving the other figures as they were
 *   npm run bench -- --only reports   measures only the month report over 100 000 and 1 000 000 entries
 *                                     and prints it (bench/.work/reports-results.json); RESULTS.md is
 *                                     written by a whole run only
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { DEMO_PASSWORD, DEMO_USERS } from '../schema/seed/demo';
import { demoHistorySql } from '../schema/seed/history';
import { baseSeedSql } from '../schema/seed/sql';
import { hashPassword } from '../worker/platform/secrets';
import { render, type Results } from './lib/document';
import { builtConfig, startDev, stopAll, wranglerSync } from './lib/proc';
import { loadTest, prepare } from './phases/api';
import { firstRender } from './phases/browser';
import { measureExcel, profileFirstWrite, restingRssMb } from './phases/excel';
import { measurePdf, pdfBundle, type PdfResults } from './phases/pdf';
import { patchPdf } from './lib/pdf-document';
import { measureAnatomy, measureReports } from './phases/reports';
import { buildUi, measureSizes } from './phases/sizes';

const ROOT = resolve(import.meta.dirname, '..');
const WORK = join(ROOT, 'bench/.work');
const RESULTS_MD = join(ROOT, 'bench/RESULTS.md');
const RESULTS_JSON = join(WORK, 'results.json');
const BENCH_CONFIG = join(ROOT, 'bench/wrangler.bench.toml');
/** Seconds of each autocannon run, and how many times each route runs at each level. */
const LOAD_SECONDS = 3;
const LOAD_ROUNDS = 2;
/** 50-line draft copies for the write benchmark (10 appends each; recycled, and reported, if short). */
const WRITE_COPIES = 400;

const argv = process.argv.slice(2);
const noteIndex = argv.indexOf('--note');
const note = noteIndex >= 0 ? argv[noteIndex + 1] : process.env.BENCH_NOTE;

const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;
const log = (s: string) => console.log(s);
const step = (s: string) => console.log(`\n▸ ${s}  [${elapsed()}]`);

function git(args: string[]): string {
  try {
    return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
}

function version(pkg: string): string {
  try {
    return (JSON.parse(readFileSync(join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '?';
  }
}

function tomlValue(file: string, key: string): string | undefined {
  return new RegExp(`^${key}\\s*=\\s*(.+)$`, 'm').exec(readFileSync(file, 'utf8'))?.[1]?.trim();
}

/**
 * wrangler.toml as it is, with absolute paths and the UI built into bench/.work/ui: the app
 * runs with its real settings without touching web/dist, and wrangler's scratch files land in
 * bench/.work/.wrangler.
 */
function appConfig(uiDir: string): string {
  const text = readFileSync(join(ROOT, 'wrangler.toml'), 'utf8')
    .replace(/^main = "(.+)"$/m, (_, p: string) => `main = "${join(ROOT, p)}"`)
    .replace(/^directory = "(.+)"$/m, () => `directory = "${uiDir}"`)
    .replace(/^migrations_dir = "(.+)"$/m, (_, p: string) => `migrations_dir = "${join(ROOT, p)}"`);
  const file = join(WORK, 'wrangler.app.toml');
  writeFileSync(file, text);
  return file;
}

/** The demo data `npm start` loads (users, price list, customers, a year of history). */
async function seed(config: string, persistTo: string) {
  const hash = await hashPassword(DEMO_PASSWORD);
  const statements = [...baseSeedSql(Object.fromEntries(DEMO_USERS.map((u) => [u.email, hash]))), ...demoHistorySql(new Date())];
  const file = join(WORK, 'seed.sql');
  writeFileSync(file, `${statements.join('\n')}\n`);
  wranglerSync(['d1', 'execute', 'DB', '--local', '--persist-to', persistTo, '-c', config, '--file', file]);
}

async function measure(): Promise<Results> {
  const loadStart = loadavg();
  const state = join(WORK, 'state');
  const uiDir = join(WORK, 'ui');
  // A clean scratch folder every run (git-ignored; results.json of the last run is kept in it).
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(WORK, { recursive: true });

  const compatibilityDate = tomlValue(join(ROOT, 'wrangler.toml'), 'compatibility_date')!.replace(/"/g, '');
  if (tomlValue(BENCH_CONFIG, 'compatibility_date') !== tomlValue(join(ROOT, 'wrangler.toml'), 'compatibility_date')) {
    throw new Error('bench/wrangler.bench.toml and wrangler.toml must share compatibility_date: update the bench config');
  }

  step('Building the web UI into bench/.work/ui');
  await buildUi(uiDir);
  const config = appConfig(uiDir);

  step('Sizes and start-up (wrangler deploy --dry-run, wrangler check startup)');
  const sizes = await measureSizes(WORK, config, uiDir, compatibilityDate);
  log(
    `    Worker ${sizes.worker.gzipBytes} B gzipped; start-up ${sizes.startup.app.busyMs.toFixed(0)} ms (one-line Worker ` +
      `${sizes.startup.trivial.busyMs.toFixed(0)} ms); UI JS ${sizes.ui.jsGzipBytes} B gzipped`,
  );

  // The Workers `wrangler dev` runs, built once now: the app exactly as just measured, and the bench Worker.
  const appDev = builtConfig(config, join(WORK, 'dry-run'), join(WORK, 'wrangler.app-dev.toml'), false);
  const benchDev = builtConfig(BENCH_CONFIG, join(WORK, 'bench-build'), join(WORK, 'wrangler.bench-dev.toml'), true);

  step('A local D1 for the bench: migrations and the demo data');
  wranglerSync(['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', state, '-c', config]);
  await seed(config, state);

  step(`API under load: wrangler dev, autocannon, ${LOAD_ROUNDS} × ${LOAD_SECONDS} s per route and level`);
  let dev = await startDev(appDev, state, '/api/health/db');
  let api: Results['api'];
  let browser: Results['browser'];
  let fixtures: Awaited<ReturnType<typeof prepare>>;
  try {
    fixtures = await prepare(dev.url, WRITE_COPIES);
    log(`    quote ${fixtures.quoteId} (sent, shared), draft ${fixtures.draftId}, ${fixtures.writable.length} draft copies to write to`);
    api = await loadTest(dev.url, fixtures, LOAD_SECONDS, LOAD_ROUNDS, dev.pgid, log);
    step('First render of the quote editor in headless Chromium');
    browser = await firstRender(dev.url, fixtures.draftId, fixtures.manager.cookie, 5);
    log(
      `    editor ${browser.editorMs.map((v) => v.toFixed(0)).join(', ')} ms; login screen ` +
        `${browser.loginMs.map((v) => v.toFixed(0)).join(', ')} ms`,
    );
  } finally {
    await dev.stop();
  }

  step('Excel inside workerd (a fresh workerd per case)');
  const excel = await measureExcel(benchDev, state, log);
  const trivialRssMb = await restingRssMb(join(WORK, 'trivial/wrangler.toml'), state);
  const appRestMb = excel[0]!.rssBeforeMb - trivialRssMb;
  log(
    `    workerd at rest: ${excel[0]!.rssBeforeMb.toFixed(1)} MB with the bench Worker, ${trivialRssMb.toFixed(1)} MB with a ` +
      `one-line Worker`,
  );
  const excelProfiles = [];
  for (const [kind, n] of [
    ['estimate', 1000],
    ['report', 10000],
  ] as const) {
    const p = await profileFirstWrite(benchDev, state, kind, n);
    excelProfiles.push(p);
    log(
      `    profile of a first ${kind} write (${n}): ${p.ms.toFixed(0)} ms; GC ${p.gcMs.toFixed(0)} ms; ${p.top
        .slice(0, 4)
        .map((t) => `${t.name} ${t.ms.toFixed(0)} ms`)
        .join('; ')}`,
    );
  }

  step('The estimate as a PDF inside workerd (a fresh workerd per size), and what it adds to the bundle');
  const pdf: PdfResults = {
    date: new Date().toISOString(),
    commit: git(['rev-parse', '--short', 'HEAD']),
    cases: await measurePdf(benchDev, state, log),
    bundle: pdfBundle(WORK, config),
  };

  step('Request anatomy, then the monthly report over 100 000 and 1 000 000 ledger entries (bench Worker)');
  dev = await startDev(benchDev, state);
  let reports: Results['reports'];
  let anatomy: Results['anatomy'];
  try {
    anatomy = await measureAnatomy(dev, {
      cookie: fixtures.manager.cookie,
      quoteId: fixtures.quoteId,
      token: fixtures.token,
      draftId: fixtures.anatomyDraftId,
      month: fixtures.month,
    });
    for (const a of anatomy)
      log(
        `    ${a.name.padEnd(44)} ${a.msPerRequest.toFixed(2)} ms/request, ${a.d1CallsPerRequest.toFixed(1)} D1 round trips ` +
          `(${a.d1MsPerRequest.toFixed(2)} ms), ${a.bytes} B${a.ok < a.repeat ? `  statuses ${JSON.stringify(a.statuses)}` : ''}`,
      );
    reports = await measureReports(dev, log);
  } finally {
    await dev.stop();
  }
  rmSync(state, { recursive: true, force: true });
  // wrangler's scratch folder from building bench/wrangler.bench.toml (git-ignored anyway).
  rmSync(join(ROOT, 'bench/.wrangler'), { recursive: true, force: true });

  const cpu = cpus();
  return {
    date: new Date(started).toISOString(),
    seconds: (Date.now() - started) / 1000,
    commit: git(['rev-parse', '--short', 'HEAD']),
    dirty: git(['status', '--porcelain', '--untracked-files=no']).length > 0,
    note: note ?? null,
    machine: {
      cpu: `${cpu.length} × ${cpu[0]?.model ?? '?'}`,
      memoryGiB: totalmem() / 1024 ** 3,
      os: `Linux ${release()}${(() => {
        try {
          return `, Debian ${readFileSync('/etc/debian_version', 'utf8').trim()}`;
        } catch {
          return '';
        }
      })()}`,
      node: process.version,
      wrangler: version('wrangler'),
      workerd: version('@cloudflare/workerd-linux-64'),
      autocannon: version('autocannon'),
      chromium: browser.chromium,
      loadStart,
      loadEnd: loadavg(),
    },
    sizes,
    api,
    quoteAnswer: { bytes: fixtures.answerBytes, servicesBytes: fixtures.servicesBytes, withTextsBytes: fixtures.withTextsBytes },
    anatomy,
    browser,
    excel,
    pdf,
    excelRest: { trivialRssMb, appRestMb },
    excelProfiles,
    reports,
  };
}

/** `--only pdf`: the PDF's figures alone, in their own scratch folder; the last whole run's results.json is kept. */
async function measurePdfOnly(): Promise<PdfResults> {
  const work = join(WORK, 'pdf-only');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(join(work, 'state'), { recursive: true });
  mkdirSync(join(work, 'ui'), { recursive: true });
  step('The bundle as wrangler deploy --dry-run builds it, with and without worker/pdf/');
  const bundle = pdfBundle(work, appConfig(join(work, 'ui')));
  log(`    Worker ${bundle.gzipBytes} B gzipped, worker/pdf/ adds ${bundle.pdfGzipBytes} B`);
  step('The estimate as a PDF inside workerd (a fresh workerd per size)');
  const benchDev = builtConfig(BENCH_CONFIG, join(work, 'bench-build'), join(work, 'wrangler.bench-dev.toml'), true);
  const cases = await measurePdf(benchDev, join(work, 'state'), log);
  rmSync(join(ROOT, 'bench/.wrangler'), { recursive: true, force: true });
  return { date: new Date(started).toISOString(), commit: git(['rev-parse', '--short', 'HEAD']), cases, bundle };
}

/** `--only reports`: the report phase alone, on its own D1 with the migrations and the demo data. */
async function measureReportsOnly(): Promise<Results['reports']> {
  const work = join(WORK, 'reports-only');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(join(work, 'ui'), { recursive: true });
  const state = join(work, 'state');
  const config = appConfig(join(work, 'ui'));
  step('A local D1 for the bench: migrations and the demo data');
  wranglerSync(['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', state, '-c', config]);
  await seed(config, state);
  step('The monthly report over 100 000 and 1 000 000 ledger entries (bench Worker)');
  const benchDev = builtConfig(BENCH_CONFIG, join(work, 'bench-build'), join(work, 'wrangler.bench-dev.toml'), true);
  const dev = await startDev(benchDev, state);
  try {
    return await measureReports(dev, log);
  } finally {
    await dev.stop();
    rmSync(state, { recursive: true, force: true });
    rmSync(join(ROOT, 'bench/.wrangler'), { recursive: true, force: true });
  }
}

async function main() {
  const renderOnly = argv.includes('--render-only');
  const only = argv.includes('--only') ? argv[argv.indexOf('--only') + 1] : null;
  if (only === 'reports') {
    mkdirSync(WORK, { recursive: true });
    try {
      writeFileSync(join(WORK, 'reports-results.json'), JSON.stringify(await measureReportsOnly(), null, 2));
    } finally {
      stopAll();
    }
    console.log(`\nWrote bench/.work/reports-results.json (run took ${elapsed()}); RESULTS.md is unchanged.`);
    return;
  }
  if (only !== null) {
    if (only !== 'pdf') throw new Error(`--only takes "pdf" or "reports" (got ${only})`);
    mkdirSync(WORK, { recursive: true });
    let pdf: PdfResults;
    try {
      pdf = await measurePdfOnly();
    } finally {
      stopAll();
    }
    writeFileSync(join(WORK, 'pdf-results.json'), JSON.stringify(pdf, null, 2));
    writeFileSync(RESULTS_MD, patchPdf(readFileSync(RESULTS_MD, 'utf8'), pdf));
    console.log(`\nPatched the PDF rows and section of bench/RESULTS.md (run took ${elapsed()}).`);
    return;
  }
  // Every step is bounded by itself; this is the backstop if one hangs all the same.
  setTimeout(() => {
    console.error('\nbench: still running after 25 minutes; stopping everything it started.');
    stopAll();
    process.exit(1);
  }, 25 * 60_000).unref();
  let results: Results;
  if (renderOnly) {
    results = JSON.parse(readFileSync(RESULTS_JSON, 'utf8')) as Results;
    if (note) results.note = note;
  } else {
    try {
      results = await measure();
    } finally {
      stopAll();
    }
    writeFileSync(RESULTS_JSON, JSON.stringify(results, null, 2));
  }
  const { markdown, summary } = render(results);
  writeFileSync(RESULTS_MD, markdown);
  console.log(`\n${summary}\n\nWrote bench/RESULTS.md (${renderOnly ? 'from the last run' : `run took ${elapsed()}`}).`);
}

main().catch((e) => {
  stopAll();
  console.error(e);
  process.exit(1);
});
