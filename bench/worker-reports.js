/**
 * The bench Worker's ledger and report routes (bench/worker.js routes /__bench/* here):
 *   POST /__bench/customers, /__bench/ledger   customers and bulk ledger history, made by SQLite;
 *   GET  /__bench/report                       the app's own report functions through a D1 that
 *                                              records each statement (tracing, also used by the anatomy);
 *   POST /__bench/analyze                      ANALYZE, after the measurements.
 */
import { localDater, monthRange } from '../worker/domain/calendar';
import { database } from '../worker/store/db';
import { consumptionReport, consumptionSummary } from '../worker/store/reports';
import { getSettings } from '../worker/store/settings';

const json = (body, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

// ---------- bulk ledger load ----------

/**
 * Inserts ledger entries n = from…to spread evenly over [startMs, endMs) in time order, for the
 * given customers, then two debit items per debit (their hours sum to the debit). The rows are
 * made by SQLite itself (a recursive CTE), so nothing large crosses into the database.
 * Mix: every 20th entry a correction, every 5th a top-up, the rest debits.
 * The demo data closes its past months, and this history is dated years back: the closed-month
 * guard is lifted for the load and put back as it was (the other triggers run as in production).
 */
export async function ledger(request, env) {
  const b = await request.json();
  const { from, to, startMs, endMs, firstCustomer, customers } = b;
  const step = (endMs - startMs) / 1000 / (to - from + 1);
  const before = await env.DB.prepare('select coalesce(max(id), 0) as id from ledger_entries').first('id');
  const guard = await env.DB.prepare(
    "select sql from sqlite_master where type = 'trigger' and name = 'ledger_entries_closed_period'",
  ).first('sql');
  if (guard) await env.DB.prepare('drop trigger ledger_entries_closed_period').run();
  try {
    return await loadRows(env, { from, to, startMs, step, firstCustomer, customers, before });
  } finally {
    if (guard) await env.DB.prepare(guard).run();
  }
}

async function loadRows(env, { from, to, startMs, step, firstCustomer, customers, before }) {
  const entries = await env.DB.prepare(
    `insert into ledger_entries (customer_id, kind, topup_kind, norm_hours_centi, money_minor, rate_minor, memo, at, created_at, created_by)
     with recursive s(n) as (select ?1 union all select n + 1 from s where n < ?2),
     v(n, kind, hours, at) as (
       select n,
              case when n % 20 = 0 then 'correction' when n % 5 = 1 then 'topup' else 'debit' end,
              case when n % 20 = 0 then 100 when n % 5 = 1 then 1000 + (n * 7919) % 4000 else 75 + (n * 104729) % 700 end,
              strftime('%Y-%m-%dT%H:%M:%fZ', ?3 / 1000.0 + (n - ?1) * ?4, 'unixepoch')
       from s)
     select ?5 + (n * 7919) % ?6, kind, case kind when 'topup' then 'tariff' end,
            case kind when 'debit' then -hours else hours end,
            case kind when 'debit' then -hours * 3000 else 0 end,
            case kind when 'debit' then 300000 end,
            case kind when 'topup' then 'Пополнение по договору' when 'correction' then 'Исправление' else '' end,
            at, at, 3
     from v`,
  )
    .bind(from, to, startMs, step, firstCustomer, customers)
    .run();
  const items = await env.DB.prepare(
    `insert into debit_items (entry_id, code, title, category_name, hours_centi, k_milli, norm_hours_centi, money_minor)
     select e.id, c.code, c.name_ru, cat.name_ru,
            case k.k when 1 then (-e.norm_hours_centi * 6) / 10 else -e.norm_hours_centi - (-e.norm_hours_centi * 6) / 10 end,
            1000,
            case k.k when 1 then (-e.norm_hours_centi * 6) / 10 else -e.norm_hours_centi - (-e.norm_hours_centi * 6) / 10 end,
            case k.k when 1 then ((-e.norm_hours_centi * 6) / 10) * 3000 else (-e.norm_hours_centi - (-e.norm_hours_centi * 6) / 10) * 3000 end
     from ledger_entries e
     join (select 1 as k union all select 2) k
     join catalog_items c on c.id = 1 + (e.id * k.k) % (select count(*) from catalog_items)
     join categories cat on cat.id = c.category_id
     where e.id > ?1 and e.kind = 'debit'
     order by e.id, k.k`,
  )
    .bind(before)
    .run();
  return json({ entries: entries.meta.changes, items: items.meta.changes, entriesMs: entries.meta.duration, itemsMs: items.meta.duration });
}

/** Creates `count` customers for the ledger (names sort like real ones); answers the first id. */
export async function benchCustomers(request, env) {
  const { count } = await request.json();
  const now = new Date().toISOString();
  const first = await env.DB.prepare('select coalesce(max(id), 0) + 1 as id from customers').first('id');
  await env.DB.prepare(
    `insert into customers (name, legal_name, search_text, created_at)
     with recursive s(n) as (select 1 union all select n + 1 from s where n < ?1)
     select 'Заказчик ' || printf('%04d', n), 'ООО «Заказчик ' || n || '»', 'заказчик ' || n, ?2 from s`,
  )
    .bind(count, now)
    .run();
  return json({ first, count });
}

// ---------- the report's statements, traced ----------

/**
 * A D1Database that passes everything through and notes each call that reaches D1 (a round
 * trip): its statements' SQL, D1's meta (duration, rows read) and the wall time it took.
 */
export function tracing(d1, log) {
  log.calls = 0;
  log.wallMs = 0;
  const timedCall = async (fn) => {
    const t0 = performance.now();
    try {
      return await fn();
    } finally {
      log.calls++;
      log.wallMs += performance.now() - t0;
    }
  };
  const wrap = (inner, sql, params) => ({
    inner,
    sql,
    params,
    bind: (...p) => wrap(inner.bind(...p), sql, p),
    first: (...a) => timedCall(() => inner.first(...a)),
    all: async () => note(await timedCall(() => inner.all()), sql, params),
    run: async () => note(await timedCall(() => inner.run()), sql, params),
    raw: (...a) => timedCall(() => inner.raw(...a)),
  });
  const note = (result, sql, params) => {
    log.push({
      sql,
      params,
      durationMs: result.meta?.duration ?? null,
      rowsRead: result.meta?.rows_read ?? null,
      rows: result.results?.length ?? 0,
    });
    return result;
  };
  const traced = (d1) => ({
    prepare: (sql) => wrap(d1.prepare(sql), sql, []),
    batch: async (statements) => {
      const t0 = performance.now();
      const results = await timedCall(() => d1.batch(statements.map((s) => s.inner)));
      log.batchMs = (log.batchMs ?? 0) + performance.now() - t0;
      for (const [i, r] of results.entries()) note(r, statements[i].sql, statements[i].params);
      return results;
    },
    exec: (sql) => timedCall(() => d1.exec(sql)),
    dump: () => d1.dump(),
    // The customer's link reads through a D1 session (http/replica-reads.ts): traced the same way.
    withSession: (constraint) => {
      const session = d1.withSession(constraint);
      return { ...traced(session), getBookmark: () => session.getBookmark() };
    },
  });
  return traced(d1);
}

/** Gathers table statistics (ANALYZE) so that SQLite's planner knows how selective each index is. */
export async function analyze(env) {
  const t0 = performance.now();
  await env.DB.prepare('analyze').run();
  return json({ ms: performance.now() - t0 });
}

/**
 * What the summary computed before the monthly snapshots, measured the same way beside it: each
 * customer's Σ of entries since the month began (its opening balance, backwards from the kept
 * balance), and one GROUP BY over the month's entries (its figures).
 */
const BEFORE_SNAPSHOTS = [
  {
    name: 'opening balances, Σ entries since the month began (before the snapshots)',
    sql: 'select c.id, (select coalesce(sum(l.norm_hours_centi), 0) from ledger_entries l where l.customer_id = c.id and l.at >= ?1) as since_start from customers c',
    params: (range) => [range.start],
  },
  {
    name: 'the month’s figures, one GROUP BY over its entries (before the snapshots)',
    sql: `select e.customer_id, count(*) as n, sum(case when e.kind = 'topup' then e.norm_hours_centi else 0 end) as topups,
            sum(case when e.kind = 'debit' then -e.norm_hours_centi else 0 end) as debits, sum(case when e.kind = 'correction' then e.norm_hours_centi else 0 end) as corrections,
            sum(case when e.kind = 'debit' or (e.kind = 'correction' and t.kind = 'debit') then -e.net_minor else 0 end) as net,
            sum(case when e.kind = 'topup' or (e.kind = 'correction' and t.kind = 'topup') then e.net_minor else 0 end) as paid
          from ledger_entries e left join ledger_entries t on t.id = e.corrects_entry_id
          where e.at >= ?1 and e.at < ?2 group by e.customer_id`,
    params: (range) => [range.start, range.end],
  },
];

export async function report(url, env) {
  const month = url.searchParams.get('month');
  const kind = url.searchParams.get('kind') === 'summary' ? 'summary' : 'itemised';
  const customerId = url.searchParams.get('customerId') ? Number(url.searchParams.get('customerId')) : undefined;
  const db = database(env.DB);
  const settings = await getSettings(db);
  const range = monthRange(month, settings.timeZone);
  const log = [];
  const traced = database(tracing(env.DB, log));
  const t0 = performance.now();
  const result =
    kind === 'summary'
      ? await consumptionSummary(traced, month, range, settings, false)
      : await consumptionReport(traced, month, range, settings, false, customerId);
  const totalMs = performance.now() - t0;
  const plans = [];
  for (const s of log) {
    const plan = await env.DB.prepare(`explain query plan ${s.sql}`)
      .bind(...s.params)
      .all();
    plans.push(plan.results.map((p) => p.detail));
  }
  const entries = result.customers.reduce((n, c) => n + (c.entries?.length ?? 0), 0);
  const t1 = performance.now();
  const body = JSON.stringify(result);
  const stringifyMs = performance.now() - t1;
  // One part of building the itemised answer, timed alone: the company's calendar date of every entry.
  const t2 = performance.now();
  const dateOf = localDater(settings.timeZone);
  for (const c of result.customers) for (const e of c.entries ?? []) dateOf(Date.parse(e.at));
  const localDateMs = performance.now() - t2;
  const alternatives = [];
  if (kind === 'summary') {
    for (const alt of BEFORE_SNAPSHOTS) {
      const r = await env.DB.prepare(alt.sql)
        .bind(...alt.params(range))
        .all();
      const plan = await env.DB.prepare(`explain query plan ${alt.sql}`)
        .bind(...alt.params(range))
        .all();
      alternatives.push({
        name: alt.name,
        sql: alt.sql.replace(/\s+/g, ' '),
        durationMs: r.meta.duration,
        rowsRead: r.meta.rows_read,
        plan: plan.results.map((p) => p.detail),
      });
    }
  }
  return json({
    month,
    kind,
    totalMs,
    batchMs: log.batchMs ?? 0,
    stringifyMs,
    localDateMs,
    alternatives,
    customers: result.customers.length,
    entries,
    jsonBytes: body.length,
    statements: log.map((s, i) => ({
      sql: s.sql.replace(/\s+/g, ' '),
      durationMs: s.durationMs,
      rowsRead: s.rowsRead,
      rows: s.rows,
      plan: plans[i],
    })),
  });
}
