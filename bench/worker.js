/**
 * The bench-only Worker (`bench/wrangler.bench.toml`, never deployed): the app itself for every
 * path but /__bench/*, plus the measurements that have to happen inside workerd:
 *   POST /__bench/excel    writes an estimate or a consumption report (xlsx or the same rows as
 *                          CSV) from synthetic input, R times, and says how long each took;
 *   POST /__bench/pdf      renders the estimate as a PDF (n lines, R times) and says how long each took;
 *   POST /__bench/ledger   bulk-loads ledger entries and their debit items (SQL generates the rows;
 *                          this route, /customers, /report and /analyze live in worker-reports.js);
 *   GET  /__bench/report   runs the app's own consumptionSummary (?kind=summary) or consumptionReport
 *                          through a D1 wrapper that records each statement's SQL, D1's meta
 *                          (duration, rows read) and the plan;
 *   POST /__bench/analyze  runs ANALYZE (after the measurements: does the planner then choose better?);
 *   POST /__bench/anatomy  sends requests through the app itself, one at a time, with that wrapper
 *                          as its D1: time in the Worker, D1 round trips and the time waiting on them.
 *
 * Plain JavaScript on purpose: `npm run typecheck` checks bench/*.ts with Node's types
 * (scripts/tsconfig.json), which cannot type Worker code; wrangler's esbuild bundles this file
 * and the TypeScript it imports as usual.
 */
import { SEED_CATEGORIES, SEED_ITEMS } from '../schema/seed/catalog';
import { app } from '../worker/app';
import { reportTotals, summarize } from '../worker/domain/consumption';
import { buildQuoteView } from '../worker/domain/quote';
import { sharedView } from '../worker/domain/shared-view';
import { consumptionWorkbook } from '../worker/excel/consumption';
import { estimateWorkbook } from '../worker/excel/estimate';
import { layoutEstimate, renderEstimatePdf } from '../worker/pdf/estimate';
import { sampleInput } from '../test/pdf-sample';
import { analyze, benchCustomers, ledger, report, tracing } from './worker-reports';

const json = (body, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

// ---------- synthetic input for the Excel writers ----------

const categoryOf = new Map(SEED_CATEGORIES.map((c) => [c.code, c]));

/** A sent quote of `n` lines (a section heading every 20 lines), seen as the customer sees it. */
function sharedQuote(n) {
  const lines = [];
  for (let i = 0; i < n; i++) {
    const id = i + 1;
    const base = { id, position: id, catalogItemId: null, projectId: null, actualTime: false, kReason: '', note: '' };
    if (i % 20 === 0) {
      lines.push({
        ...base,
        kind: 'section',
        code: '',
        title: `Раздел ${i / 20 + 1}. Работы по этапу`,
        mode: 'estimate',
        quantityMilli: 1000,
        hoursCenti: null,
        kMilli: 1000,
        baseKMilli: 1000,
        categoryName: '',
        description: '',
        inputs: '',
        result: '',
        limits: '',
      });
      continue;
    }
    const item = SEED_ITEMS[i % SEED_ITEMS.length];
    const category = categoryOf.get(item.category);
    lines.push({
      ...base,
      kind: 'item',
      catalogItemId: (i % SEED_ITEMS.length) + 1,
      code: item.code,
      title: item.nameRu,
      mode: item.mode,
      actualTime: item.actualTime,
      quantityMilli: 1000 + (i % 3) * 500,
      hoursCenti: item.hoursCenti ?? 100 + ((i * 37) % 900),
      kMilli: category.kMilli,
      baseKMilli: category.kMilli,
      categoryName: category.nameRu,
      description: item.description,
      inputs: item.inputs,
      result: item.result,
      limits: item.limits,
      note: i % 7 === 0 ? 'Уточнить объём после первой встречи с заказчиком.' : '',
    });
  }
  const today = new Date().toISOString().slice(0, 10);
  const record = {
    id: 1,
    seriesId: 1,
    revision: 1,
    number: 'С-2026-0001',
    status: 'sent',
    version: 1,
    customerId: 1,
    title: `Смета на ${n} строк`,
    currency: 'RUB',
    rateMinor: 300_000,
    vatMode: 'on_top',
    vatRateMilli: 220,
    discountRateMilli: 50,
    validUntil: '2099-12-31',
    customerNote: 'Сроки выполнения согласуются отдельно.',
    internalNote: '',
    createdAt: `${today}T09:00:00.000Z`,
    updatedAt: `${today}T09:00:00.000Z`,
    sentAt: `${today}T10:00:00.000Z`,
    supersededAt: null,
    answeredAt: null,
    answerName: null,
    answerMessage: null,
  };
  const view = buildQuoteView(record, lines, {
    today,
    customerName: 'Северный государственный университет',
    baseNumber: 'С-2026-0001',
    latestRevision: 1,
    revisions: [{ id: 1, revision: 1, number: 'С-2026-0001', status: 'sent', validUntil: '2099-12-31', supersededAt: null }],
    orderId: null,
  });
  return sharedView(view, {
    companyName: 'ООО «Открытые технологии»',
    companyDetails: 'ИНН 0000000000 · Москва',
    customerName: 'Северный государственный университет',
    customerLegalName: 'ФГБОУ ВО «Северный государственный университет»',
    linkExpiresAt: '2099-12-31T00:00:00.000Z',
  });
}

/** A month's report of `n` entries over 25 customers: debits itemised, some top-ups and corrections. */
function consumption(n) {
  const customers = 25;
  const per = Math.ceil(n / customers);
  const list = [];
  let made = 0;
  for (let c = 0; c < customers && made < n; c++) {
    const entries = [];
    for (let j = 0; j < per && made < n; j++, made++) {
      const day = String(1 + Math.floor((j * 28) / per)).padStart(2, '0');
      const item = SEED_ITEMS[(c * 31 + j) % SEED_ITEMS.length];
      const base = {
        entryId: made + 1,
        at: `2026-03-${day}T09:00:00.000Z`,
        date: `2026-03-${day}`,
        topupKind: null,
        memo: '',
        orderId: null,
        orderNumber: null,
        stageN: null,
        stageTitle: null,
        code: null,
        title: null,
        categoryName: null,
        hoursCenti: null,
        kMilli: null,
        moneyMinor: 0,
        rateMinor: null,
        correctsEntryId: null,
      };
      if (j % 10 === 0) entries.push({ ...base, kind: 'topup', topupKind: 'tariff', memo: 'Пополнение по договору', normHoursCenti: 4000 });
      else if (j % 50 === 7) entries.push({ ...base, kind: 'correction', memo: 'Исправление ошибки', normHoursCenti: 150 });
      else {
        const hours = item.hoursCenti ?? 100 + ((j * 37) % 900);
        const k = categoryOf.get(item.category).kMilli;
        const norm = Math.round((hours * k) / 1000);
        entries.push({
          ...base,
          kind: 'debit',
          orderId: 100 + j,
          orderNumber: `З-2026-${String(100 + j).padStart(4, '0')}`,
          stageN: 1 + (j % 3),
          stageTitle: 'Разработка и согласование',
          code: item.code,
          title: item.nameRu,
          categoryName: categoryOf.get(item.category).nameRu,
          hoursCenti: hours,
          kMilli: k,
          normHoursCenti: -norm,
          moneyMinor: -norm * 3000,
          rateMinor: 300_000,
        });
      }
    }
    list.push(summarize(c + 1, `Заказчик № ${c + 1} — образовательная организация`, 10_000, entries));
  }
  return {
    month: '2026-03',
    timeZone: 'Europe/Moscow',
    currency: 'RUB',
    companyName: 'ООО «Открытые технологии»',
    generatedAt: '2026-04-01T06:00:00.000Z',
    customers: list,
    totals: reportTotals(list),
  };
}

const inputs = new Map();
function input(kind, n) {
  const key = `${kind}:${n}`;
  if (!inputs.has(key)) inputs.set(key, kind === 'estimate' ? sharedQuote(n) : consumption(n));
  return inputs.get(key);
}

// ---------- the CSV baseline: the same rows, as plain text ----------

const cell = (v) => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[";\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const row = (values) => values.map(cell).join(';');

function estimateCsv(q) {
  const out = [row(['№', 'Код', 'Услуга', 'Кол-во', 'Часы', 'K', 'Нормо-часы', 'Ставка', 'Сумма'])];
  let no = 0;
  for (const l of q.lines) {
    if (l.kind === 'section') out.push(row(['', '', l.title]));
    else
      out.push(
        row([
          ++no,
          l.code,
          l.title,
          l.quantityMilli / 1000,
          l.hoursCenti / 100,
          l.kMilli / 1000,
          l.normHoursCenti / 100,
          q.quote.rateMinor / 100,
          l.amountMinor / 100,
        ]),
      );
  }
  const t = q.totals;
  for (const [label, v] of [
    ['Сумма', t.subtotalMinor],
    ['Скидка', t.discountMinor],
    ['НДС', t.vatMinor],
    ['Итого', t.totalMinor],
  ])
    out.push(row(['', '', label, '', '', '', '', '', v / 100]));
  return new TextEncoder().encode(out.join('\r\n')).buffer;
}

function consumptionCsv(r) {
  const out = [
    row([
      'Заказчик',
      'Дата',
      'Операция',
      'Заявка',
      'Этап',
      'Код',
      'Содержание',
      'Специалист',
      'Часы',
      'K',
      'Пополнение',
      'Списание',
      'Коррекция',
      'Остаток',
      'Сумма',
    ]),
  ];
  for (const c of r.customers) {
    let balance = c.openingCenti;
    for (const e of c.entries) {
      balance += e.normHoursCenti;
      out.push(
        row([
          c.name,
          e.date,
          e.kind,
          e.orderNumber,
          e.stageN,
          e.code,
          [e.title, e.memo].filter(Boolean).join(' — '),
          e.categoryName,
          e.hoursCenti === null ? '' : e.hoursCenti / 100,
          e.kMilli === null ? '' : e.kMilli / 1000,
          e.kind === 'topup' ? e.normHoursCenti / 100 : '',
          e.kind === 'debit' ? -e.normHoursCenti / 100 : '',
          e.kind === 'correction' ? e.normHoursCenti / 100 : '',
          balance / 100,
          e.kind === 'debit' ? -e.moneyMinor / 100 : '',
        ]),
      );
    }
  }
  return new TextEncoder().encode(out.join('\r\n')).buffer;
}

async function excel(url) {
  const kind = url.searchParams.get('kind') === 'report' ? 'report' : 'estimate';
  const format = url.searchParams.get('format') === 'csv' ? 'csv' : 'xlsx';
  const n = Number(url.searchParams.get('n') ?? 100);
  const reps = Number(url.searchParams.get('reps') ?? 1);
  const data = input(kind, n);
  const ms = [];
  let bytes = 0;
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    const file =
      format === 'csv'
        ? kind === 'estimate'
          ? estimateCsv(data)
          : consumptionCsv(data)
        : kind === 'estimate'
          ? await estimateWorkbook({ quote: data, timeZone: 'Europe/Moscow', generatedAt: new Date() }, 'ru')
          : await consumptionWorkbook(data, 'ru', { rowCap: Infinity });
    ms.push(performance.now() - t0);
    bytes = file.byteLength;
  }
  return json({ kind, format, n, reps, ms, bytes });
}

/** The estimate as a PDF: the app's renderer over test/pdf-sample.ts's quote (a section every 20 lines). */
const pdfInputs = new Map();
async function pdf(url) {
  const n = Number(url.searchParams.get('n') ?? 15);
  const reps = Number(url.searchParams.get('reps') ?? 1);
  if (!pdfInputs.has(n)) pdfInputs.set(n, sampleInput(n, { sectionEvery: 20 }));
  const data = pdfInputs.get(n);
  const ms = [];
  let bytes = 0;
  const start = performance.now();
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    const file = await renderEstimatePdf(data, 'ru');
    ms.push(performance.now() - t0);
    bytes = file.byteLength;
  }
  const batchMs = performance.now() - start;
  return json({ n, reps, ms, batchMs, bytes, pages: layoutEstimate(data, 'ru').pages.length });
}

/** Is the clock inside this isolate advancing during pure computation (workerd may freeze it)? */
function clock() {
  const t0 = performance.now();
  let x = 0;
  for (let i = 0; i < 2e7; i++) x += i % 7;
  return json({ elapsed: performance.now() - t0, x });
}

/**
 * The anatomy of a request, sequentially inside the Worker (no HTTP, no concurrency): for each
 * spec, `repeat` requests through the app itself with a traced D1. Answers per request: the
 * time in the Worker, D1 round trips and the wall time spent waiting on them (the rest is
 * JavaScript: routing, validation, building and serialising the answer), and the answer's size.
 * A spec with `versioned` sends {…body, version} and moves the version on after each 201 (carried
 * on to the next spec that writes to the same path).
 */
async function anatomy(request, env, ctx) {
  const { specs, cookie } = await request.json();
  const out = [];
  // Specs that write to the same quote carry its version from one to the next.
  const versions = new Map();
  for (const spec of specs) {
    const quotePath = spec.path.split('?')[0];
    let version = versions.get(quotePath) ?? spec.version;
    let calls = 0,
      d1Ms = 0,
      bytes = 0,
      ok = 0;
    const statuses = {};
    let t0 = performance.now();
    // Three unrecorded requests first: compiled code, a cached session, warm D1 pages.
    for (let i = -3; i < spec.repeat; i++) {
      if (i === 0) t0 = performance.now();
      const log = [];
      const headers = { cookie, 'cf-connecting-ip': `10.200.${((i + 3) >> 8) & 255}.${(i + 3) & 255}` };
      if (spec.method !== 'GET') Object.assign(headers, { origin: new URL(request.url).origin, 'content-type': 'application/json' });
      const body = spec.method === 'GET' ? undefined : JSON.stringify({ ...spec.body, ...(spec.versioned ? { version } : {}) });
      const res = await app.fetch(
        new Request(new URL(spec.path, request.url), { method: spec.method, headers, body }),
        { ...env, DB: tracing(env.DB, log) },
        ctx,
      );
      bytes = (await res.arrayBuffer()).byteLength;
      if (spec.versioned && res.status === 201) version++;
      if (i < 0) continue;
      statuses[res.status] = (statuses[res.status] ?? 0) + 1;
      if (res.status < 300) ok++;
      calls += log.calls;
      d1Ms += log.wallMs;
    }
    const totalMs = performance.now() - t0;
    if (spec.versioned) versions.set(quotePath, version);
    out.push({
      name: spec.name,
      repeat: spec.repeat,
      ok,
      statuses,
      msPerRequest: totalMs / spec.repeat,
      d1CallsPerRequest: calls / spec.repeat,
      d1MsPerRequest: d1Ms / spec.repeat,
      bytes,
    });
  }
  return json(out);
}

export default {
  async fetch(request, env, ctx) {
    const url = new URL(request.url);
    if (!url.pathname.startsWith('/__bench/')) return app.fetch(request, env, ctx);
    if (url.pathname === '/__bench/excel') return excel(url);
    if (url.pathname === '/__bench/pdf') return pdf(url);
    if (url.pathname === '/__bench/clock') return clock();
    if (url.pathname === '/__bench/customers' && request.method === 'POST') return benchCustomers(request, env);
    if (url.pathname === '/__bench/ledger' && request.method === 'POST') return ledger(request, env);
    if (url.pathname === '/__bench/report') return report(url, env);
    if (url.pathname === '/__bench/anatomy' && request.method === 'POST') return anatomy(request, env, ctx);
    if (url.pathname === '/__bench/analyze' && request.method === 'POST') return analyze(env);
    return json({ error: 'no such bench route' }, 404);
  },
};
