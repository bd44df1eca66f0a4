/**
 * The monthly balance snapshots (customer_month_balances, kept by a trigger on every ledger
 * insert) against the ledger itself, summed here in JavaScript: after writes made through the
 * API (top-ups back-dated to month boundaries, debits by stage sign-off and by pledge,
 * corrections of both, an imported history) and after random entries around month boundaries
 * of non-UTC zones. Then every month's opening balance and figures, as the reports compute them
 * from the snapshots, against the brute-force sums over the entries.
 */
import { applyD1Migrations, env as baseEnv, type D1Migration } from 'cloudflare:test';
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { monthRange, shiftMonth } from '../../worker/domain/calendar';
import { snapshotPlan } from '../../worker/domain/month-balances';
import { database, type Db } from '../../worker/store/db';
import { exportCustomer } from '../../worker/store/customer-export';
import { importCustomer } from '../../worker/store/customer-import';
import { openingSql } from '../../worker/store/month-balances';
import { consumptionReport, consumptionSummary } from '../../worker/store/reports';
import { getSettings } from '../../worker/store/settings';
import { ok } from '../support/api';
import { acceptStage, allowBackdating, newCustomer, runningOrder, thisMonth, topup } from '../support/money';

const env = baseEnv as typeof baseEnv & {
  IMPORT_DB: D1Database;
  TEST_SEED: string[];
  MIGRATION_DB: D1Database;
  TEST_MIGRATIONS: D1Migration[];
};

interface Entry {
  id: number;
  customerId: number;
  kind: 'topup' | 'debit' | 'correction';
  n: number;
  net: number;
  vat: number;
  total: number;
  corrects: number | null;
  at: string;
}

async function ledgerOf(d1: D1Database): Promise<Entry[]> {
  const rows = await d1
    .prepare(
      'select id, customer_id as customerId, kind, norm_hours_centi as n, net_minor as net, vat_minor as vat, total_minor as total, ' +
        'corrects_entry_id as corrects, at from ledger_entries order by id',
    )
    .all<Entry>();
  return rows.results;
}

const FIGURES = ['entries', 'delta', 'topups', 'debits', 'corrections', 'net', 'vat', 'total', 'paid'] as const;
type Figures = Record<(typeof FIGURES)[number], number>;
const zero = (): Figures => ({ entries: 0, delta: 0, topups: 0, debits: 0, corrections: 0, net: 0, vat: 0, total: 0, paid: 0 });

/** Adds an entry to figures the way the report defines them (a correction counts as the kind it corrects). */
function add(f: Figures, e: Entry, kindOf: Map<number, string>) {
  const target = e.corrects === null ? null : kindOf.get(e.corrects);
  const service = e.kind === 'debit' || (e.kind === 'correction' && target === 'debit');
  const payment = e.kind === 'topup' || (e.kind === 'correction' && target === 'topup');
  f.entries += 1;
  f.delta += e.n;
  if (e.kind === 'topup') f.topups += e.n;
  if (e.kind === 'debit') f.debits -= e.n;
  if (e.kind === 'correction') f.corrections += e.n;
  if (service) {
    f.net -= e.net;
    f.vat -= e.vat;
    f.total -= e.total;
  }
  if (payment) f.paid += e.net;
}

/** The snapshot table must hold exactly Σ of the entries per customer and UTC month: no row more, none less. */
async function expectSnapshotsEqualLedger(d1: D1Database) {
  const entries = await ledgerOf(d1);
  const kindOf = new Map(entries.map((e) => [e.id, e.kind]));
  const expected = new Map<string, Figures>();
  for (const e of entries) {
    const k = `${e.customerId} ${e.at.slice(0, 7)}`;
    const f = expected.get(k) ?? zero();
    add(f, e, kindOf);
    expected.set(k, f);
  }
  const rows = await d1
    .prepare(
      `select customer_id as c, month as m, entries, delta_centi as delta, topups_centi as topups, debits_centi as debits, ` +
        `corrections_centi as corrections,
                net_minor as net, vat_minor as vat, total_minor as total, paid_minor as paid from customer_month_balances`,
    )
    .all<Figures & { c: number; m: string }>();
  const stored = new Map(rows.results.map(({ c, m, ...f }) => [`${c} ${m}`, f]));
  expect(Object.fromEntries([...stored].sort())).toEqual(Object.fromEntries([...expected].sort()));
  return entries;
}

/** What the report must say for every customer over the local month [start, end), summed over the entries. */
function bruteMonth(entries: Entry[], range: { start: string; end: string }) {
  const kindOf = new Map(entries.map((e) => [e.id, e.kind]));
  const out = new Map<number, { opening: number; f: Figures }>();
  for (const e of entries) {
    const c = out.get(e.customerId) ?? { opening: 0, f: zero() };
    if (e.at < range.start) c.opening += e.n;
    else if (e.at < range.end) add(c.f, e, kindOf);
    out.set(e.customerId, c);
  }
  return out;
}

async function expectMonthReports(db: Db, entries: Entry[], month: string, timeZone: string, customerIds: number[]) {
  const settings = { ...(await getSettings(db)), timeZone };
  const range = monthRange(month, timeZone);
  const brute = bruteMonth(entries, range);
  const summary = await consumptionSummary(db, month, range, settings, false);
  const got = Object.fromEntries(
    summary.customers.map((c) => [
      c.customerId,
      [
        c.openingCenti,
        c.topupsCenti,
        c.debitsCenti,
        c.correctionsCenti,
        c.closingCenti,
        c.netMinor,
        c.vatMinor,
        c.totalMinor,
        c.topupsMinor,
      ],
    ]),
  );
  const want = Object.fromEntries(
    [...brute]
      .filter(([, b]) => b.opening !== 0 || b.f.entries > 0)
      .map(([id, { opening, f }]) => [id, [opening, f.topups, f.debits, f.corrections, opening + f.delta, f.net, f.vat, f.total, f.paid]]),
  );
  expect(got, `summary ${month} in ${timeZone}`).toEqual(want);
  const plan = snapshotPlan(range);
  for (const id of customerIds) {
    const opening = brute.get(id)?.opening ?? 0;
    const report = await consumptionReport(db, month, range, settings, false, id);
    expect(report.customers[0]?.openingCenti, `opening of ${id}, ${month} in ${timeZone}`).toBe(opening);
    // Both ways of summing the snapshots: the months before (an old month), back from the balance (a recent one).
    for (const nowMonth of ['9999-12', '0001-01']) {
      const [row] = await db.all<{ o: number }>(
        sql`select ${openingSql(sql`c.id`, sql`c.balance_centi`, plan, nowMonth)} as o from customers c where c.id = ${id}`,
      );
      expect(row?.o, `opening of ${id}, ${month} in ${timeZone}, now ${nowMonth}`).toBe(opening);
    }
  }
}

const db = database(baseEnv.DB);

beforeAll(async () => {
  await allowBackdating(3650);
});

describe('monthly balance snapshots', () => {
  it('equal the ledger after top-ups at month boundaries, sign-offs, a pledge, corrections and an imported history', async () => {
    const tz = (await ok('GET', '/api/settings')).timeZone as string;
    const m0 = thisMonth();
    const [m1, m2] = [shiftMonth(m0, -1), shiftMonth(m0, -2)];
    const c = await newCustomer();
    const d = await newCustomer(5000);
    await topup(c.id, 9000);
    await topup(c.id, 300, { at: `${m2}-01` }); // the local midnight that starts m2: the month's first instant
    const justBefore = new Date(Date.parse(monthRange(m1, tz).start) - 1).toISOString();
    const late = await topup(c.id, 200, { at: justBefore }); // the last instant of m2 on the company's clock
    await topup(d.id, 700, { at: monthRange(m1, tz).start });
    await topup(d.id, 400, { at: `${m1}-15` });
    const order = await runningOrder(c.id, [['2.2'], ['2.1', 150]], { split: 'by_section' });
    for (let n = 1; n <= order.stages.length; n++) expect((await acceptStage(order.id, n)).status).toBe(200);
    const debit = (await ok<any[]>('GET', `/api/customers/${c.id}/ledger`)).find((e) => e.kind === 'debit');
    await ok(
      'POST',
      `/api/customers/${c.id}/ledger`,
      { as: 'accountant', body: { kind: 'correction', normHoursCenti: 100, memo: 'часть не понадобилась', correctsEntryId: debit.id } },
      201,
    );
    await ok(
      'POST',
      `/api/customers/${c.id}/ledger`,
      {
        as: 'accountant',
        body: { kind: 'correction', normHoursCenti: -50, memo: 'не та сумма', correctsEntryId: late.entry.id, at: `${m1}-20` },
      },
      201,
    );
    await ok(
      'POST',
      `/api/customers/${d.id}/ledger`,
      { as: 'accountant', body: { kind: 'correction', normHoursCenti: -25, memo: 'без ссылки', at: `${m1}-02` } },
      201,
    );
    const project = await ok(
      'POST',
      '/api/crowdfunding',
      { body: { code: `SNAP-${c.id}`, title: 'Проект', estimate: [{ kMilli: 1000, hoursCenti: 1000 }] } },
      201,
    );
    await ok('POST', `/api/crowdfunding/${project.id}/pledges`, { body: { customerId: d.id, normHoursCenti: 300 } }, 201);

    const entries = await expectSnapshotsEqualLedger(baseEnv.DB);
    expect(entries.filter((e) => e.customerId === c.id || e.customerId === d.id).map((e) => e.kind)).toEqual(
      expect.arrayContaining(['topup', 'debit', 'correction']),
    );
    for (const month of [shiftMonth(m0, -3), m2, m1, m0]) await expectMonthReports(db, entries, month, tz, [c.id, d.id]);
    // The route answers what the store computed.
    const route = await ok('GET', `/api/reports/consumption?month=${m1}`);
    const brute = bruteMonth(entries, monthRange(m1, tz));
    expect(route.customers.find((x: any) => x.customerId === c.id)).toMatchObject({
      openingCenti: brute.get(c.id)!.opening,
      topupsCenti: brute.get(c.id)!.f.topups,
    });

    // An imported history (ids kept, dates as they were) is summed into the snapshots by the same trigger.
    const other = database(env.IMPORT_DB);
    await env.IMPORT_DB.batch(
      env.TEST_SEED.filter((s) => /^INSERT INTO (settings|categories|catalog_items|users) /.test(s)).map((s) => env.IMPORT_DB.prepare(s)),
    );
    await importCustomer(other, (await exportCustomer(db, c.id))!, {
      kind: 'user',
      userId: 1,
      name: 'Администратор',
      ip: null,
      userAgent: null,
    });
    const imported = await expectSnapshotsEqualLedger(env.IMPORT_DB);
    expect(imported.length).toBe(entries.filter((e) => e.customerId === c.id).length);
    for (const month of [m2, m1, m0]) await expectMonthReports(other, imported, month, tz, [c.id]);
  });

  it(
    'equal the ledger after random entries around month boundaries; every month’s openings and figures equal the brute-force sums, in ' +
      'any zone',
    async () => {
      const zones = ['Europe/Moscow', 'America/New_York', 'Asia/Kathmandu', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'UTC'];
      const months = ['2025-10', '2025-11', '2025-12', '2026-01', '2026-02'];
      const HOUR = 3_600_000;
      const entry = fc.record({
        customer: fc.nat(2),
        kind: fc.constantFrom<Entry['kind']>('topup', 'debit', 'correction'),
        hours: fc.integer({ min: 1, max: 5000 }),
        negative: fc.boolean(),
        net: fc.integer({ min: -500_000, max: 500_000 }),
        vat: fc.integer({ min: -100_000, max: 100_000 }),
        month: fc.constantFrom(...months),
        // Around the local month's first instant (where local and UTC months disagree), or anywhere in it.
        offset: fc.oneof(
          fc.constantFrom(0, -1, 1, -HOUR, HOUR, -13 * HOUR, 13 * HOUR),
          fc.integer({ min: -15 * HOUR, max: 15 * HOUR }),
          fc.integer({ min: 0, max: 27 * 24 * HOUR }),
        ),
        target: fc.nat(),
      });
      let run = 0;
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...zones), fc.array(entry, { minLength: 1, maxLength: 30 }), async (tz, specs) => {
          run++;
          const ids: number[] = [];
          for (let i = 0; i < 3; i++) ids.push((await newCustomer()).id);
          const statements = specs.map((s, i) => {
            const customerId = ids[s.customer]!;
            const earlier = specs
              .slice(0, i)
              .map((p, j) => ({ p, j }))
              .filter(({ p }) => p.customer === s.customer && p.kind !== 'correction');
            const target =
              s.kind === 'correction' && earlier.length > 0 && s.target % 3 !== 0 ? earlier[s.target % earlier.length]!.j : null;
            const n = s.kind === 'topup' ? s.hours : s.kind === 'debit' ? -s.hours : s.negative ? -s.hours : s.hours;
            const at = new Date(Date.parse(monthRange(s.month, tz).start) + s.offset).toISOString();
            return baseEnv.DB.prepare(
              `insert into ledger_entries (customer_id, kind, norm_hours_centi, net_minor, vat_minor, total_minor, memo, at, created_at, ` +
                `corrects_entry_id)
             values (?, ?, ?, ?, ?, ?, ?, ?, ?, (select id from ledger_entries where memo = ?))`,
            ).bind(
              customerId,
              s.kind,
              n,
              s.net,
              s.vat,
              s.net + s.vat,
              `p${run}-${i}`,
              at,
              at,
              target === null ? null : `p${run}-${target}`,
            );
          });
          // One at a time, each its own write, as the app writes entries (back-dated ones included).
          for (const st of statements) await st.run();
          const entries = await expectSnapshotsEqualLedger(baseEnv.DB);
          for (const month of ['2025-09', ...months, '2026-03']) await expectMonthReports(db, entries, month, tz, ids);
        }),
        { numRuns: 12, seed: 20261202 },
      );
    },
  );

  it('the migration sums the history already in the ledger; the trigger carries on from there', async () => {
    const all = env.TEST_MIGRATIONS;
    const snapshots = all.findIndex((m) => m.name.startsWith('0011_'));
    expect(snapshots).toBe(11);
    const old = env.MIGRATION_DB;
    await applyD1Migrations(old, all.slice(0, snapshots));
    const at = ['2026-09-30T20:59:59.999Z', '2026-09-30T21:00:00.000Z', '2026-10-31T23:59:59.999Z', '2026-11-01T00:00:00.000Z'];
    await old.batch([
      old.prepare("insert into customers (id, name, created_at) values (1, 'А', ?1), (2, 'Б', ?1)").bind(at[0]),
      old
        .prepare(
          `insert into ledger_entries (id, customer_id, kind, norm_hours_centi, net_minor, vat_minor, total_minor, memo, at, ` +
            `created_at, corrects_entry_id) values
        (1, 1, 'topup', 10000, 3000000, 0, 3000000, '', ?1, ?1, null), (2, 1, 'debit', -700, -210000, -46200, -256200, '', ?2, ?2, null),
        (3, 1, 'correction', 300, 90000, 19800, 109800, '', ?3, ?3, 2), (4, 1, 'correction', -100, -30000, 0, -30000, '', ?4, ?4, 1),
        (5, 2, 'topup', 500, 150000, 0, 150000, '', ?4, ?4, null), (6, 2, 'correction', -20, 0, 0, 0, '', ?2, ?2, null)`,
        )
        .bind(...at),
    ]);
    await applyD1Migrations(old, all);
    const entries = await expectSnapshotsEqualLedger(old);
    expect(entries).toHaveLength(6);
    await old
      .prepare(
        'insert into ledger_entries (customer_id, kind, norm_hours_centi, net_minor, at, created_at, corrects_entry_id) values (2, ' +
          "'correction', -50, -15000, ?1, ?1, 5)",
      )
      .bind(at[1])
      .run();
    await expectSnapshotsEqualLedger(old);
  });

  it('a snapshot row cannot be deleted', async () => {
    await expect(baseEnv.DB.prepare('delete from customer_month_balances').run()).rejects.toThrow(/append-only ledger/);
  });
  it('the check has teeth: without the trigger, the snapshots fall behind the ledger and the comparison says so', async () => {
    await expectSnapshotsEqualLedger(baseEnv.DB);
    await baseEnv.DB.prepare('drop trigger ledger_entries_month_balance').run();
    const c = await newCustomer();
    await topup(c.id, 100);
    await expect(expectSnapshotsEqualLedger(baseEnv.DB)).rejects.toThrow();
    // Put it back as the migration wrote it, for anything that runs after.
    const query = env.TEST_MIGRATIONS.flatMap((m) => m.queries).find((q) => /CREATE TRIGGER `ledger_entries_month_balance`/.test(q))!;
    const create = query.slice(query.indexOf('CREATE TRIGGER `ledger_entries_month_balance`'), query.indexOf('END;') + 4);
    await baseEnv.DB.prepare(create).run();
    await topup(c.id, 100);
    await expect(expectSnapshotsEqualLedger(baseEnv.DB)).rejects.toThrow(); // still one entry behind, as it should
  });
});
