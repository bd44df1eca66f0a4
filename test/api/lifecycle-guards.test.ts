/**
 * Each lifecycle is one declared table in the domain; the store's SQL guards are generated from
 * it. For every (status, action) of every table, the SQL guard — run by D1 — says exactly what
 * the table says; and no store module writes a status rule of its own.
 */
import { env } from 'cloudflare:test';
import { sql, type SQL } from 'drizzle-orm';
import { SQLiteAsyncDialect } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import { PLEDGE_LIFECYCLE, PROJECT_LIFECYCLE } from '../../worker/domain/crowdfunding';
import {
  INVOICE_STATUSES,
  ORDER_STATUSES,
  PERIOD_STATUSES,
  PLEDGE_STATUSES,
  QUOTE_STATUSES,
  STAGE_STATUSES,
  STORED_PROJECT_STATUSES,
  type QuoteStatus,
} from '../../worker/domain/enums';
import { INVOICE_LIFECYCLE } from '../../worker/domain/invoice';
import { PERIOD_LIFECYCLE } from '../../worker/domain/periods';
import { may, type Lifecycle } from '../../worker/domain/lifecycle';
import { ORDER_LIFECYCLE, STAGE_LIFECYCLE } from '../../worker/domain/order-lifecycle';
import { QUOTE_LIFECYCLE, effectiveStatus } from '../../worker/domain/quote-lifecycle';
import { allowedBy } from '../../worker/store/guards';
import { quoteMay, quoteStatusIs } from '../../worker/store/quote-guards';

const dialect = new SQLiteAsyncDialect();

async function truth(guard: SQL, row: Record<string, string | null>): Promise<boolean> {
  const names = Object.keys(row);
  const from = sql.join(
    names.map((n) => sql`${row[n]} as ${sql.identifier(n)}`),
    sql`, `,
  );
  const q = dialect.sqlToQuery(sql`select (${guard}) as ok from (select ${from}) q`);
  const r = await env.DB.prepare(q.sql)
    .bind(...q.params)
    .first<{ ok: number }>();
  return r!.ok === 1;
}

const TODAY = '2026-12-01';
/** A stored row whose effective status (today) is `status`. */
function quoteRow(status: QuoteStatus): { status: string; valid_until: string | null } {
  if (status === 'expired') return { status: 'sent', valid_until: '2026-11-30' };
  if (status === 'sent') return { status: 'sent', valid_until: '2026-12-01' };
  return { status, valid_until: null };
}

async function checkTable<S extends string, A extends string>(table: Lifecycle<S, A>, statuses: readonly S[]) {
  let checked = 0;
  for (const action of Object.keys(table) as A[]) {
    for (const status of statuses) {
      expect(await truth(allowedBy(table, action, sql`q.status`), { status }), `${action} from ${status}`).toBe(may(table, action, status));
      checked++;
    }
  }
  return checked;
}

describe('the SQL guards say what the lifecycle tables say', () => {
  it('quotes: every action × every status a reader sees (expired by the date)', async () => {
    for (const status of QUOTE_STATUSES) {
      const row = quoteRow(status);
      expect(effectiveStatus({ status: row.status as never, validUntil: row.valid_until, supersededAt: null }, TODAY)).toBe(status);
      expect(await truth(quoteStatusIs(status, TODAY, 'q'), row), `is ${status}`).toBe(true);
      for (const action of Object.keys(QUOTE_LIFECYCLE) as (keyof typeof QUOTE_LIFECYCLE)[]) {
        expect(await truth(quoteMay(action, TODAY, 'q'), row), `${action} from ${status}`).toBe(may(QUOTE_LIFECYCLE, action, status));
      }
    }
  });

  it('orders, stages, projects and pledges: every action × every status', async () => {
    const checked =
      (await checkTable(ORDER_LIFECYCLE, ORDER_STATUSES)) +
      (await checkTable(STAGE_LIFECYCLE, STAGE_STATUSES)) +
      (await checkTable(PROJECT_LIFECYCLE, STORED_PROJECT_STATUSES)) +
      (await checkTable(PLEDGE_LIFECYCLE, PLEDGE_STATUSES));
    expect(checked).toBeGreaterThan(50);
  });

  it('invoices and accounting months: every action × every status', async () => {
    const checked = (await checkTable(INVOICE_LIFECYCLE, INVOICE_STATUSES)) + (await checkTable(PERIOD_LIFECYCLE, PERIOD_STATUSES));
    expect(checked).toBe(2 * 3 + 1 * 2);
  });
});

describe('no store module writes a status rule of its own', () => {
  it('status conditions come from the generated guards, not from literals', () => {
    // The sources, read by Vite at build time (workerd has no file system of the project).
    const sources = import.meta.glob('../../worker/store/**/*.ts', { query: '?raw', import: 'default', eager: true }) as Record<
      string,
      string
    >;
    expect(Object.keys(sources).length).toBeGreaterThan(10);
    const offences: string[] = [];
    for (const [file, text] of Object.entries(sources)) {
      // `status = 'x'`, `status <> 'x'`, `status in ('x', …)` inside SQL: a rule written by hand.
      for (const m of text.matchAll(/status\s*(=|<>|!=|in)\s*\(?\s*'[a-z_]+'/g)) offences.push(`${file}: ${m[0]}`);
    }
    expect(offences).toEqual([]);
  });
});
