/**
 * The API under load: autocannon against `wrangler dev`, each route at 1, 16 and 64 connections
 * beside the two baselines on the same Worker in the same run — /api/health (a constant: the
 * ceiling) and /api/health/db (one SELECT 1 on D1: the floor of any D1-backed answer).
 */
import autocannon, { type Options, type Result } from 'autocannon';
import { SEED_ITEMS } from '../../schema/seed/catalog';
import { call, login, pool, type Session } from '../lib/api';
import { cpuTicks, othersLoad } from '../lib/proc';

export const LEVELS = [1, 16, 64] as const;
/** Appends per quote before a connection moves to a fresh one: every write sees a 50–60-line quote. */
export const APPENDS_PER_QUOTE = 10;

export interface Fixtures {
  manager: Session;
  /** A sent 50-line quote: read by GET /api/quotes/:id and, through its link, GET /api/shared/:token. */
  quoteId: number;
  token: string;
  /** A draft 50-line quote for the browser's first render. */
  draftId: number;
  /** Another, for the sequential request anatomy's line writes. */
  anatomyDraftId: number;
  /** Draft 50-line copies for the write benchmark. */
  writable: number[];
  month: string;
  /**
   * Size of the staff read of the 50-line quote, of its service texts on demand, and of the same read with the texts on every line (the
   * earlier form).
   */
  answerBytes: number;
  servicesBytes: number;
  withTextsBytes: number;
}

export interface LoadRun {
  route: string;
  connections: number;
  rps: number;
  p50: number;
  p99: number;
  mean: number;
  requests: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  codes: Record<string, number>;
  /** Each round's own figures. */
  rounds: { rps: number; p50: number; p99: number }[];
}

export interface WriteNotes {
  quotesPrepared: number;
  quotesUsed: number;
  recycled: number;
  lost: number;
  conflicts: number;
}

const fiftyRows = () =>
  Array.from({ length: 50 }, (_, i) => {
    const index = (i * 3) % SEED_ITEMS.length;
    const item = SEED_ITEMS[index]!;
    return {
      catalogItemId: index + 1,
      quantityMilli: 1000 + (i % 4) * 250,
      ...(item.hoursCenti === null ? { hoursCenti: 200 + ((i * 37) % 800) } : {}),
    };
  });

export function lastMonth(now = new Date()): string {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  return d.toISOString().slice(0, 7);
}

type Info = Record<string, string>;
/** The staff read as it was before issue 19: each line with its category and four texts. */
function withTexts(
  read: { lines: { id: number; catalogItemId: number | null }[] },
  s: { services: Record<string, Info>; lines: Record<string, Info> },
) {
  const none = { categoryName: '', description: '', inputs: '', result: '', limits: '' };
  return {
    ...read,
    lines: read.lines.map((l) => ({
      ...l,
      ...(s.lines[String(l.id)] ?? (l.catalogItemId !== null ? s.services[String(l.catalogItemId)] : undefined) ?? none),
    })),
  };
}

/** One 50-line quote, sent and shared; a draft twin for the browser; `copies` drafts to write to. */
export async function prepare(base: string, copies: number): Promise<Fixtures> {
  const manager = await login(base, 'manager@demo.local');
  const created = await call(manager, 'POST', '/api/quotes', { customerId: 1, title: 'Бенчмарк: смета на 50 строк' });
  const filled = await call(manager, 'POST', `/api/quotes/${created.id}/lines/paste`, { version: created.version, rows: fiftyRows() });
  if (filled.lines.length !== 50) throw new Error(`expected 50 lines, got ${filled.lines.length}`);
  const draft = await call(manager, 'POST', `/api/quotes/${created.id}/duplicate`);
  const anatomyDraft = await call(manager, 'POST', `/api/quotes/${created.id}/duplicate`);
  const writable = await pool(
    Array.from({ length: copies }),
    6,
    async () => (await call(manager, 'POST', `/api/quotes/${created.id}/duplicate`)).id as number,
  );
  const sent = await call(manager, 'POST', `/api/quotes/${created.id}/send`, { version: filled.version });
  const share = await call(manager, 'POST', `/api/quotes/${created.id}/share`, {});
  if (sent.status !== 'sent' || !share.token) throw new Error('could not send and share the quote');
  // The 50-line staff read as the editor gets it, and the service texts it asks for on demand.
  const read = await call(manager, 'GET', `/api/quotes/${created.id}`);
  const services = await call(manager, 'GET', `/api/quotes/${created.id}/services`);
  return {
    manager,
    quoteId: created.id,
    token: share.token,
    draftId: draft.id,
    anatomyDraftId: anatomyDraft.id,
    writable,
    month: lastMonth(),
    answerBytes: Buffer.byteLength(JSON.stringify(read)),
    servicesBytes: Buffer.byteLength(JSON.stringify(services)),
    withTextsBytes: Buffer.byteLength(JSON.stringify(withTexts(read, services))),
  };
}

/**
 * Line writes: each request takes a quote that no other request holds, sends its current
 * version, and on 201 hands it back one version on (201 proves the guarded write applied,
 * which bumps the version by exactly one), so no write is refused as stale. After
 * APPENDS_PER_QUOTE appends a quote is retired and a fresh 50-line copy takes its place.
 */
class WritePool {
  private ready: { id: number; version: number; appended: number }[] = [];
  private retired: { id: number; version: number; appended: number }[] = [];
  notes: WriteNotes;
  constructor(private fresh: { id: number; version: number; appended: number }[]) {
    this.notes = { quotesPrepared: fresh.length, quotesUsed: 0, recycled: 0, lost: 0, conflicts: 0 };
  }
  take() {
    const q = this.ready.pop() ?? this.fresh.pop();
    if (q) {
      if (q.appended === 0) this.notes.quotesUsed++;
      return q;
    }
    // Out of fresh copies: reuse the least-grown retired one (counted, and reported).
    this.retired.sort((a, b) => b.appended - a.appended);
    const old = this.retired.pop();
    if (!old) throw new Error('write pool is empty');
    this.notes.recycled++;
    return old;
  }
  give(q: { id: number; version: number; appended: number }, status: number) {
    if (status === 201) {
      q.version++;
      q.appended++;
      (q.appended % APPENDS_PER_QUOTE === 0 ? this.retired : this.ready).push(q);
    } else {
      if (status === 409) this.notes.conflicts++;
      this.notes.lost++; // its version is no longer known for sure: never used again
    }
  }
  /** Requests cut off by the end of a run never answered: their quotes are dropped too. */
  endRun(inFlight: number) {
    this.notes.lost += inFlight;
  }
}

let ipCounter = 0;
/** A distinct client address per request (what Cloudflare sets), so the per-IP view limit is not the thing measured. */
const nextIp = () => {
  const n = ++ipCounter;
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
};

export interface RouteSpec {
  name: string;
  /** The goal applies to this route (≥ 0.8× SELECT 1's throughput, ≤ 1.5× its p99). */
  goal: boolean;
  options: (connections: number) => Options;
  before?: () => void;
  after?: (result: Result) => void;
}

export function routes(base: string, f: Fixtures, writes: WritePool): RouteSpec[] {
  const cookie = { cookie: f.manager.cookie };
  return [
    { name: 'GET /api/health (constant)', goal: false, options: () => ({ url: `${base}/api/health` }) },
    { name: 'GET /api/health/db (SELECT 1)', goal: false, options: () => ({ url: `${base}/api/health/db` }) },
    { name: 'GET /api/quotes/:id (50 lines)', goal: true, options: () => ({ url: `${base}/api/quotes/${f.quoteId}`, headers: cookie }) },
    ...(['change', 'quote'] as const).map((answer): RouteSpec => {
      let held = 0;
      return {
        // The editor's form (only the change) is the one the goal is judged on; the whole quote beside it.
        name: answer === 'change' ? 'POST /api/quotes/:id/lines?answer=change' : 'POST /api/quotes/:id/lines (whole quote)',
        goal: answer === 'change',
        before: () => (held = 0),
        options: () => ({
          url: base,
          requests: [
            {
              method: 'POST',
              headers: { ...cookie, origin: f.manager.origin, 'content-type': 'application/json' },
              setupRequest: (req, context) => {
                const q = writes.take();
                context.q = q;
                held++;
                return {
                  ...req,
                  path: `/api/quotes/${q.id}/lines${answer === 'change' ? '?answer=change' : ''}`,
                  body: JSON.stringify({ version: q.version, title: 'Доработка по результатам нагрузочного теста', hoursCenti: 150 }),
                };
              },
              onResponse: (status, _body, context) => {
                held--;
                writes.give(context.q, status);
              },
            },
          ],
        }),
        after: () => writes.endRun(Math.max(0, held)),
      };
    }),
    {
      name: 'GET /api/shared/:token (50 lines)',
      goal: true,
      options: () => ({
        url: base,
        requests: [
          {
            method: 'GET',
            path: `/api/shared/${f.token}`,
            setupRequest: (req) => ({ ...req, headers: { ...req.headers, 'cf-connecting-ip': nextIp() } }),
          },
        ],
      }),
    },
    {
      name: 'GET /api/reports/consumption (demo month)',
      goal: false,
      options: () => ({ url: `${base}/api/reports/consumption?month=${f.month}`, headers: cookie }),
    },
  ];
}

async function run(spec: RouteSpec, connections: number, seconds: number): Promise<LoadRun> {
  spec.before?.();
  const r = await autocannon({ ...spec.options(connections), connections, duration: seconds, timeout: 30 });
  spec.after?.(r);
  const codes: Record<string, number> = {};
  for (const [code, v] of Object.entries(r.statusCodeStats ?? {})) codes[code] = v.count;
  return {
    route: spec.name,
    connections,
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    mean: r.latency.mean,
    requests: r.requests.total,
    errors: r.errors,
    timeouts: r.timeouts,
    non2xx: r.non2xx,
    codes,
    rounds: [{ rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99 }],
  };
}

/** One figure from a route's rounds: means of req/s and of each percentile; counts summed. */
function merge(runs: LoadRun[]): LoadRun {
  const mean = (f: (r: LoadRun) => number) => runs.reduce((n, r) => n + f(r), 0) / runs.length;
  const sum = (f: (r: LoadRun) => number) => runs.reduce((n, r) => n + f(r), 0);
  const codes: Record<string, number> = {};
  for (const r of runs) for (const [k, v] of Object.entries(r.codes)) codes[k] = (codes[k] ?? 0) + v;
  return {
    route: runs[0]!.route,
    connections: runs[0]!.connections,
    rps: mean((r) => r.rps),
    p50: mean((r) => r.p50),
    p99: mean((r) => r.p99),
    mean: mean((r) => r.mean),
    requests: sum((r) => r.requests),
    errors: sum((r) => r.errors),
    timeouts: sum((r) => r.timeouts),
    non2xx: sum((r) => r.non2xx),
    codes,
    rounds: runs.flatMap((r) => r.rounds),
  };
}

export interface ApiResults {
  runs: LoadRun[];
  seconds: number;
  rounds: number;
  writes: WriteNotes;
  /** Cores' worth of CPU used by other processes on the machine while the load ran. */
  othersCores: number;
  oursCores: number;
}

/**
 * Each level runs every route (the two baselines included) `rounds` times, in turn, the order
 * reversed every other round, so that a baseline and a route under test are measured minutes
 * apart at most and drift on a shared machine falls on both alike. A route's figure is the
 * mean over its rounds.
 */
export async function loadTest(
  base: string,
  f: Fixtures,
  seconds: number,
  rounds: number,
  pgid: number,
  log: (s: string) => void,
): Promise<ApiResults> {
  // Each copy's current version, read rather than assumed.
  const versions = await pool(f.writable, 6, async (id) => (await call(f.manager, 'GET', `/api/quotes/${id}`)).version as number);
  const writes = new WritePool(f.writable.map((id, i) => ({ id, version: versions[i]!, appended: 0 })));

  const specs = routes(base, f, writes);
  // Warm every route (JIT, session cache, D1 pages) before anything is recorded.
  for (const spec of specs) await run(spec, 4, 1);
  const before = cpuTicks([pgid]);
  const runs: LoadRun[] = [];
  for (const c of LEVELS) {
    const byRoute = new Map<string, LoadRun[]>();
    for (let round = 0; round < rounds; round++) {
      for (const spec of round % 2 === 0 ? specs : [...specs].reverse()) {
        const r = await run(spec, c, seconds);
        byRoute.set(spec.name, [...(byRoute.get(spec.name) ?? []), r]);
      }
    }
    for (const spec of specs) {
      const r = merge(byRoute.get(spec.name)!);
      runs.push(r);
      const each = r.rounds.map((x) => x.rps.toFixed(0)).join('/');
      log(
        `    ${String(c).padStart(2)} conn  ${spec.name.padEnd(44)} ${r.rps.toFixed(0).padStart(5)} req/s (${each})  p50 ` +
          `${r.p50.toFixed(0)} ms  p99 ${r.p99.toFixed(0)} ms${r.non2xx || r.errors ? `  non-2xx ${r.non2xx} errors ${r.errors}` : ''}`,
      );
    }
  }
  const load = othersLoad(before, cpuTicks([pgid]));
  log(`    other processes used ${load.othersCores.toFixed(2)} of ${load.cores} cores meanwhile (the bench: ${load.oursCores.toFixed(2)})`);
  return { runs, seconds, rounds, writes: writes.notes, othersCores: load.othersCores, oursCores: load.oursCores };
}
