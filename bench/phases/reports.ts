/**
 * The monthly consumption report over 100 000 and then 1 000 000 ledger entries.
 *
 * Data: 300 customers; 8 333 entries a month (a fifth top-ups, a twentieth corrections, the rest
 * debits of two items each). 100 000 entries are the last 12 months; 900 000 older ones are then
 * added (the 108 months before), so the 1 000 000-entry ledger holds ten years at the same
 * monthly volume: what grows is the history, not the month. The bench Worker generates the
 * rows inside SQLite (a recursive CTE), in time order, so loading takes seconds, and the
 * trigger keeps customers.balance_centi exact as in production.
 *
 * Measured for the last complete month (the usual report) and the oldest complete month (the
 * longest history before or after it for opening balances):
 *   - GET /api/reports/consumption end to end, the per-customer summary (median of 5, after one
 *     warm-up), and one customer's itemised month (…&customerId=) the same way;
 *   - inside the Worker: consumptionSummary() — its statement's D1 duration, rows read and plan,
 *     beside the statements it replaced (opening balances from the entries since the month
 *     began, the month's GROUP BY) — and consumptionReport() for every customer (the workbook's
 *     path): its one D1 batch, each statement, JSON.stringify of the answer;
 *   - the baseline: GET /api/health/db (one SELECT 1), timed the same way in the same run.
 */
import { login, timed, type Session } from '../lib/api';
import type { DevServer } from '../lib/proc';

export const CUSTOMERS = 300;
/** The busy customer's entries in the last complete month (issue 19's goal for one customer's itemised month). */
export const BUSY_ENTRIES = 2000;
const DAY = 86_400_000;

export interface StatementFigures {
  sql: string;
  durationMs: number;
  rowsRead: number;
  rows: number;
  plan: string[];
}

export interface SummaryFigures {
  workerMs: number;
  sqlMs: number;
  stringifyMs: number;
  customers: number;
  statements: StatementFigures[];
  /** What the summary computed before the monthly snapshots, measured the same way, for comparison. */
  alternatives: { name: string; sql: string; durationMs: number; rowsRead: number; plan: string[] }[];
}

export interface MonthFigures {
  month: string;
  label: string;
  /** GET /api/reports/consumption?month= — the summary, one row per customer. */
  httpMs: number[];
  httpMedianMs: number;
  httpBytes: number;
  workerMs: number;
  batchMs: number;
  sqlMs: number;
  stringifyMs: number;
  /** localDate() for every row of the answer, timed alone. */
  localDateMs: number;
  entries: number;
  customers: number;
  /** Every customer's itemised month (consumptionReport, the workbook's path), inside the Worker. */
  statements: StatementFigures[];
  summary: SummaryFigures;
  /** One customer's itemised month over HTTP (…&customerId=). */
  customer: { id: number; httpMedianMs: number; entries: number; bytes: number };
}

export interface StageFigures {
  ledger: number;
  loadSeconds: number;
  floorMs: number;
  months: MonthFigures[];
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

const monthOf = (ms: number) => new Date(ms).toISOString().slice(0, 7);
/** The first month that starts on or after `ms` (so the month is fully inside the data). */
function firstFullMonth(ms: number): string {
  const d = new Date(ms);
  return monthOf(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1));
}

async function post(dev: DevServer, path: string, body: unknown) {
  const res = await fetch(`${dev.url}${path}`, { method: 'POST', body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`${path} → ${res.status} ${await res.text()}`);
  return (await res.json()) as any;
}

/** Entries n = from…to over [startMs, endMs), in chunks of 100 000 (one request each). */
async function load(dev: DevServer, from: number, to: number, startMs: number, endMs: number, firstCustomer: number) {
  const chunk = 100_000;
  const span = (endMs - startMs) / (to - from + 1);
  for (let a = from; a <= to; a += chunk) {
    const b = Math.min(to, a + chunk - 1);
    await post(dev, '/__bench/ledger', {
      from: a,
      to: b,
      startMs: startMs + (a - from) * span,
      endMs: startMs + (b - from + 1) * span,
      firstCustomer,
      customers: CUSTOMERS,
    });
  }
}

async function inside(dev: DevServer, query: string) {
  const runs: any[] = [];
  for (let i = 0; i < 3; i++) {
    const res = await fetch(`${dev.url}/__bench/report?${query}`);
    if (!res.ok) throw new Error(`/__bench/report ${query} → ${res.status} ${await res.text()}`);
    runs.push(await res.json());
  }
  const pick = [...runs].sort((a, b) => a.totalMs - b.totalMs)[1]; // the median run, whole
  const statements: StatementFigures[] = pick.statements.map((st: StatementFigures, i: number) => ({
    ...st,
    durationMs: median(runs.map((r) => r.statements[i].durationMs)),
  }));
  const alternatives = (pick.alternatives as SummaryFigures['alternatives']).map((a, i) => ({
    ...a,
    durationMs: median(runs.map((r) => r.alternatives[i].durationMs)),
  }));
  return { pick, statements, alternatives, sqlMs: statements.reduce((n, st) => n + st.durationMs, 0) };
}

async function httpMedian(url: string, headers: Record<string, string>) {
  const warm = await timed(url, headers);
  if (warm.status !== 200) throw new Error(`${url} → ${warm.status}`);
  const http: { ms: number; bytes: number }[] = [];
  for (let i = 0; i < 5; i++) http.push(await timed(url, headers));
  return { ms: http.map((h) => h.ms), medianMs: median(http.map((h) => h.ms)), bytes: http[0]!.bytes };
}

async function month(dev: DevServer, s: Session, m: string, label: string, customerId: number): Promise<MonthFigures> {
  const headers = { cookie: s.cookie };
  const http = await httpMedian(`${dev.url}/api/reports/consumption?month=${m}`, headers);
  const one = await httpMedian(`${dev.url}/api/reports/consumption?month=${m}&customerId=${customerId}`, headers);
  const oneBody = (await (await fetch(`${dev.url}/api/reports/consumption?month=${m}&customerId=${customerId}`, { headers })).json()) as {
    customers: { entries: unknown[] }[];
  };
  const sum = await inside(dev, `month=${m}&kind=summary`);
  const all = await inside(dev, `month=${m}`);
  return {
    month: m,
    label,
    httpMs: http.ms,
    httpMedianMs: http.medianMs,
    httpBytes: http.bytes,
    workerMs: all.pick.totalMs,
    batchMs: all.pick.batchMs,
    sqlMs: all.sqlMs,
    stringifyMs: all.pick.stringifyMs,
    localDateMs: all.pick.localDateMs,
    entries: all.pick.entries,
    customers: all.pick.customers,
    statements: all.statements,
    summary: {
      workerMs: sum.pick.totalMs,
      sqlMs: sum.sqlMs,
      stringifyMs: sum.pick.stringifyMs,
      customers: sum.pick.customers,
      statements: sum.statements,
      alternatives: sum.alternatives,
    },
    customer: { id: customerId, httpMedianMs: one.medianMs, entries: oneBody.customers[0]?.entries.length ?? 0, bytes: one.bytes },
  };
}

async function floor(dev: DevServer): Promise<number> {
  const ms: number[] = [];
  await timed(`${dev.url}/api/health/db`);
  for (let i = 0; i < 15; i++) ms.push((await timed(`${dev.url}/api/health/db`)).ms);
  return median(ms);
}

export async function measureReports(dev: DevServer, log: (s: string) => void): Promise<StageFigures[]> {
  const s = await login(dev.url, 'accountant@demo.local');
  const { first } = await post(dev, '/__bench/customers', { count: CUSTOMERS });
  const now = Date.now() - 3_600_000; // the newest entry an hour ago
  const yearAgo = now - 365 * DAY;
  const tenYearsAgo = now - 3_650 * DAY;
  const stages: StageFigures[] = [];
  // One busy customer: the goal's 2 000 entries in the last complete month (the spread ledger gives a customer ~30).
  const { first: busy } = await post(dev, '/__bench/customers', { count: 1 });
  const last = lastComplete(now);
  const lastStart = Date.parse(`${last}-01T00:00:00Z`);
  const lastEnd = Date.UTC(new Date(lastStart).getUTCFullYear(), new Date(lastStart).getUTCMonth() + 1, 1);
  await post(dev, '/__bench/ledger', {
    from: 1,
    to: BUSY_ENTRIES,
    startMs: lastStart + DAY,
    endMs: lastEnd - DAY,
    firstCustomer: busy,
    customers: 1,
  });

  let t0 = performance.now();
  await load(dev, 1, 100_000, yearAgo, now, first);
  let loadSeconds = (performance.now() - t0) / 1000;
  log(`    loaded 100 000 entries in ${loadSeconds.toFixed(1)} s`);
  stages.push({
    ledger: 100_000,
    loadSeconds,
    floorMs: await floor(dev),
    months: [
      await month(dev, s, lastComplete(now), 'last complete month', busy),
      await month(dev, s, firstFullMonth(yearAgo), 'oldest complete month', first),
    ],
  });
  report(stages.at(-1)!, log);

  t0 = performance.now();
  await load(dev, 100_001, 1_000_000, tenYearsAgo, yearAgo, first);
  loadSeconds = (performance.now() - t0) / 1000;
  log(`    loaded 900 000 older entries in ${loadSeconds.toFixed(1)} s`);
  stages.push({
    ledger: 1_000_000,
    loadSeconds,
    floorMs: await floor(dev),
    months: [
      await month(dev, s, lastComplete(now), 'last complete month', busy),
      await month(dev, s, firstFullMonth(tenYearsAgo), 'oldest complete month', first),
    ],
  });
  report(stages.at(-1)!, log);

  // Last, since it changes the database: would statistics alone change the planner's choice?
  const analyzed = await post(dev, '/__bench/analyze', {});
  for (const [m, label] of [
    [lastComplete(now), 'last complete month, after ANALYZE'],
    [firstFullMonth(tenYearsAgo), 'oldest complete month, after ANALYZE'],
  ] as const) {
    const after = await month(dev, s, m, label, first);
    const st = after.summary.statements[0];
    log(
      `    after ANALYZE (${(analyzed.ms / 1000).toFixed(1)} s), ${m}: summary SQL ${after.summary.sqlMs.toFixed(0)} ms, ` +
        `${st?.rowsRead} rows read; ${st?.plan.join('; ')}`,
    );
    stages.at(-1)!.months.push(after);
  }
  return stages;
}

function lastComplete(now: number): string {
  const d = new Date(now);
  return monthOf(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1));
}

function report(stage: StageFigures, log: (s: string) => void) {
  for (const m of stage.months) {
    log(
      `    ${String(stage.ledger).padStart(9)} entries, ${m.month} (${m.label}): summary HTTP ${m.httpMedianMs.toFixed(0)} ms (SQL ` +
        `${m.summary.sqlMs.toFixed(0)} ms, ${m.summary.statements[0]?.rowsRead} rows read), ` +
        `one customer ${m.customer.httpMedianMs.toFixed(0)} ms (${m.customer.entries} entries); every customer itemised in Worker ` +
        `${m.workerMs.toFixed(0)} ms, SQL ${m.sqlMs.toFixed(0)} ms, ${m.entries} rows`,
    );
  }
}

export interface Anatomy {
  name: string;
  repeat: number;
  ok: number;
  statuses: Record<string, number>;
  msPerRequest: number;
  d1CallsPerRequest: number;
  d1MsPerRequest: number;
  bytes: number;
}

/**
 * The API's routes one request at a time inside the bench Worker, through the app itself with a
 * traced D1: time per request, D1 round trips, time waiting on D1, and the rest (JavaScript).
 * Runs on the same D1 as the load test (the fixtures are still there).
 */
export async function measureAnatomy(
  dev: DevServer,
  f: { cookie: string; quoteId: number; token: string; draftId: number; month: string },
): Promise<Anatomy[]> {
  const s = { base: dev.url, cookie: f.cookie, origin: dev.url };
  const draft = await fetch(`${dev.url}/api/quotes/${f.draftId}`, { headers: { cookie: s.cookie } });
  if (!draft.ok) throw new Error(`anatomy: the draft quote is not readable (${draft.status})`);
  const version = ((await draft.json()) as { version: number }).version;
  const specs = [
    { name: 'GET /api/health (constant)', method: 'GET', path: '/api/health', repeat: 200 },
    { name: 'GET /api/health/db (SELECT 1)', method: 'GET', path: '/api/health/db', repeat: 200 },
    { name: 'GET /api/quotes/:id (50 lines)', method: 'GET', path: `/api/quotes/${f.quoteId}`, repeat: 100 },
    {
      name: 'POST /api/quotes/:id/lines (whole quote)',
      method: 'POST',
      path: `/api/quotes/${f.draftId}/lines`,
      versioned: true,
      version,
      body: { title: 'Доработка по результатам нагрузочного теста', hoursCenti: 150 },
      repeat: 10,
    },
    // After the 13 appends above: a 63–76-line quote, so the lean form is judged on the larger one.
    {
      name: 'POST /api/quotes/:id/lines?answer=change',
      method: 'POST',
      path: `/api/quotes/${f.draftId}/lines?answer=change`,
      versioned: true,
      version,
      body: { title: 'Доработка по результатам нагрузочного теста', hoursCenti: 150 },
      repeat: 10,
    },
    { name: 'GET /api/quotes/:id/services (on demand)', method: 'GET', path: `/api/quotes/${f.quoteId}/services`, repeat: 100 },
    { name: 'GET /api/shared/:token (50 lines)', method: 'GET', path: `/api/shared/${f.token}`, repeat: 100 },
    { name: 'GET /api/reports/consumption (demo month)', method: 'GET', path: `/api/reports/consumption?month=${f.month}`, repeat: 50 },
  ];
  return (await post(dev, '/__bench/anatomy', { cookie: s.cookie, specs })) as Anatomy[];
}
