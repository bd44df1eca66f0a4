/**
 * Migration 0006 (accounting) over a database of the first round: existing ledger rows get their
 * money as the second round counts it — a debit on its accepted quote's discount and VAT, item by
 * item (the items add up to the debit), its planned hours from the quote; a top-up and a
 * crowdfunding debit at the settings' rate and VAT; a correction on the entry it corrects, a full
 * reversal to the kopeck — and the append-only and closed-month guards are in force afterwards.
 */
import { applyD1Migrations, env, type D1Migration } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';

const bindings = env as unknown as { MIGRATION_DB: D1Database; TEST_MIGRATIONS: D1Migration[] };
const db = bindings.MIGRATION_DB;
const NOW = '2026-10-15T09:00:00.000Z';

beforeAll(async () => {
  const all = bindings.TEST_MIGRATIONS;
  const accounting = all.findIndex((m) => m.name.startsWith('0006_'));
  expect(accounting).toBe(6);
  await applyD1Migrations(db, all.slice(0, accounting));
  const rows = [
    `insert into settings (id, rate_minor, currency, vat_rate_milli, vat_mode, time_zone, company_name, company_details, ` +
      `quote_validity_days, share_link_days, version, updated_at)
       values (1, 300000, 'RUB', 220, 'on_top', 'Europe/Moscow', 'ООО «Открытые технологии»', '', 30, 30, 1, '${NOW}')`,
    `insert into customers (id, name, created_at) values (1, 'Заказчик', '${NOW}')`,
    `insert into quote_series (id, number, year, seq, customer_id, created_at, create_token) values (1, 'Q-2026-0001', 2026, 1, 1, ` +
      `'${NOW}', 't1')`,
    `insert into quotes (id, series_id, revision, number, status, version, write_token, customer_id, title, currency, rate_minor, ` +
      `vat_mode, vat_rate_milli, discount_rate_milli, created_at, updated_at)
       values (1, 1, 1, 'Q-2026-0001', 'accepted', 3, 'w1', 1, 'Внедрение', 'RUB', 300000, 'on_top', 220, 100, '${NOW}', '${NOW}')`,
    `insert into quote_lines (id, quote_id, position, kind, code, title, mode, quantity_milli, hours_centi, k_milli, category_name) values
       (1, 1, 1, 'item', '2.5', 'Внедрение', 'fixed', 1000, 6400, 1000, 'Команда внедрения'),
       (2, 1, 2, 'item', '4.4', 'Банк вопросов', 'estimate', 1000, 600, 600, 'Ассистент редактора')`,
    `insert into orders (id, number, quote_id, customer_id, status, approved_at, rate_minor, currency, created_at) values (1, ` +
      `'WO-2026-0001', 1, 1, 'in_progress', '${NOW}', 300000, 'RUB', '${NOW}')`,
    `insert into order_stages (id, order_id, n, title, status, hours_centi, norm_hours_centi, debited_centi, money_minor) values
       (1, 1, 1, 'Внедрение и банк вопросов', 'accepted', 7000, 6760, 6796, 20388000)`,
    `insert into stage_lines (stage_id, line_id, actual_hours_centi) values (1, 1, null), (1, 2, 660)`,
    // The first round's entries: a top-up (no money), a debit at the rate (no discount, no VAT), a correction of it, a pledge.
    `insert into ledger_entries (id, customer_id, kind, topup_kind, norm_hours_centi, money_minor, rate_minor, memo, at, created_at) values
       (1, 1, 'topup', 'support', 10000, 0, null, 'Пакет', '${NOW}', '${NOW}'),
       (2, 1, 'debit', null, -6796, -20388000, 300000, 'WO-2026-0001 · 1', '${NOW}', '${NOW}')`,
    `insert into debit_items (entry_id, code, title, category_name, hours_centi, k_milli, norm_hours_centi, money_minor) values
       (2, '2.5', 'Внедрение', 'Команда внедрения', 6400, 1000, -6400, -19200000),
       (2, '4.4', 'Банк вопросов', 'Ассистент редактора', 660, 600, -396, -1188000)`,
    `insert into ledger_entries (id, customer_id, kind, norm_hours_centi, money_minor, rate_minor, memo, at, created_at, ` +
      `corrects_entry_id) values
       (3, 1, 'correction', 6796, 0, null, 'сторно', '${NOW}', '${NOW}', 2)`,
    `insert into ledger_entries (id, customer_id, kind, norm_hours_centi, money_minor, rate_minor, memo, at, created_at, pledge_id) values
       (4, 1, 'debit', -100, -300000, 300000, 'Взнос', '${NOW}', '${NOW}', 9)`,
  ];
  for (const sql of rows) await db.prepare(sql).run();
  // (The debit's order and stage: the first round wrote them with the entry.)
  await db.prepare('drop trigger ledger_entries_no_update').run();
  await db.prepare('update ledger_entries set order_id = 1, stage_id = 1 where id = 2').run();
  await db
    .prepare(
      "create trigger ledger_entries_no_update before update on ledger_entries begin select raise(abort, 'ledger entries are " +
        "append-only'); end",
    )
    .run();
  await applyD1Migrations(db, all);
});

const entry = (id: number) =>
  db
    .prepare(
      'select money_minor as money, discount_minor as discount, net_minor as net, vat_minor as vat, total_minor as total, rate_minor as ' +
        'rate, discount_rate_milli as d, vat_mode as mode, vat_rate_milli as r from ledger_entries where id = ?',
    )
    .bind(id)
    .first<any>();

describe('migration 0006 over the first round’s ledger', () => {
  it(
    'a debit takes its quote’s 10 % discount and VAT on top, item by item; its items add up to it; planned hours from ' + 'the quote',
    async () => {
      const items = (
        await db
          .prepare(
            'select code, line_id as line, planned_hours_centi as ph, planned_norm_hours_centi as pn, money_minor as money, ' +
              'discount_minor as discount, net_minor as net, vat_minor as vat, total_minor as total from debit_items where entry_id = 2 ' +
              'order by id',
          )
          .all<any>()
      ).results;
      // 2.5: 192 000 less 10 % = 172 800, VAT 38 016; 4.4: 11 880 less 1 188 = 10 692, VAT 2 352,24.
      expect(items).toEqual([
        {
          code: '2.5',
          line: 1,
          ph: 6400,
          pn: 6400,
          money: -19_200_000,
          discount: -1_920_000,
          net: -17_280_000,
          vat: -3_801_600,
          total: -21_081_600,
        },
        {
          code: '4.4',
          line: 2,
          ph: 600,
          pn: 360,
          money: -1_188_000,
          discount: -118_800,
          net: -1_069_200,
          vat: -235_224,
          total: -1_304_424,
        },
      ]);
      expect(await entry(2)).toMatchObject({
        money: -20_388_000,
        discount: -2_038_800,
        net: -18_349_200,
        vat: -4_036_824,
        total: -22_386_024,
        d: 100,
        mode: 'on_top',
        r: 220,
      });
      expect((await db.prepare('select money_minor as m from order_stages where id = 1').first<{ m: number }>())!.m).toBe(18_349_200);
    },
  );

  it('a top-up and a crowdfunding debit at the settings’ rate and VAT; the full reversal of the debit to the kopeck', async () => {
    expect(await entry(1)).toMatchObject({
      money: 30_000_000,
      discount: 0,
      net: 30_000_000,
      vat: 6_600_000,
      total: 36_600_000,
      rate: 300_000,
      mode: 'on_top',
    });
    expect(await entry(4)).toMatchObject({ money: -300_000, net: -300_000, vat: -66_000, total: -366_000 });
    expect(await entry(3)).toMatchObject({
      money: 20_388_000,
      discount: 2_038_800,
      net: 18_349_200,
      vat: 4_036_824,
      total: 22_386_024,
      rate: 300_000,
      d: 100,
    });
  });

  it('the ledger is append-only again, and a closed month refuses entries', async () => {
    await expect(db.prepare('update ledger_entries set net_minor = 0').run()).rejects.toThrow(/append-only/);
    await expect(db.prepare('update debit_items set net_minor = 0').run()).rejects.toThrow(/append-only/);
    await db
      .prepare(
        "insert into accounting_periods (month, status, start_at, end_at) values ('2026-10', 'closed', '2026-09-30T21:00:00.000Z', " +
          "'2026-10-31T21:00:00.000Z')",
      )
      .run();
    await expect(
      db
        .prepare(
          `insert into ledger_entries (customer_id, kind, norm_hours_centi, at, created_at) values (1, 'topup', 1, '${NOW}', '${NOW}')`,
        )
        .run(),
    ).rejects.toThrow(/period_closed/);
    await db
      .prepare(
        `insert into ledger_entries (customer_id, kind, norm_hours_centi, at, created_at) values (1, 'topup', 1, ` +
          `'2026-11-02T09:00:00.000Z', '${NOW}')`,
      )
      .run();
    expect((await db.prepare('select balance_centi as b from customers where id = 1').first<{ b: number }>())!.b).toBe(
      10_000 - 6796 + 6796 - 100 + 1,
    );
  });
});
