/**
 * The monthly consumption report. Opening balances are computed backwards from the
 * trigger-kept balance: opening = balance − Σ entries since the month began, which reads
 * only the entries since then (a covering index), not the customer's whole history.
 */
import { asc, eq, sql } from 'drizzle-orm';
import { customers } from '../../schema/tables';
import { localDater, monthRange } from '../domain/calendar';
import { reportTotals, summarize, type ConsumptionEntry, type ConsumptionReport } from '../domain/consumption';
import { batch, type Db } from './db';
import { entriesBetween } from './ledger';
import type { SettingsRow } from './settings';

export async function consumptionReport(db: Db, month: string, settings: SettingsRow, customerId?: number): Promise<ConsumptionReport> {
  const { start, end } = monthRange(month, settings.timeZone);
  // Σ since the month began, one index range per customer on (customer_id, at): it reads only
  // the entries since then, however long the history (a GROUP BY over `at >= start` made
  // SQLite walk the whole (customer_id, at) index instead; measured in bench/RESULTS.md).
  // (Written out qualified: drizzle leaves a single table's columns unqualified, and inside the
  // subquery a bare "id" would be the ledger entry's.)
  const sinceStart = sql<number>`(select coalesce(sum(l.norm_hours_centi), 0) from ledger_entries l where l.customer_id = "customers"."id" and l.at >= ${start})`;
  const [people, rows] = await batch(db, [
    db
      .select({ id: customers.id, name: customers.name, balanceCenti: customers.balanceCenti, sinceStartCenti: sinceStart.as('since_start') })
      .from(customers)
      .where(customerId ? eq(customers.id, customerId) : undefined)
      .orderBy(asc(customers.name)),
    entriesBetween(db, start, end, customerId),
  ]);
  const dateOf = localDater(settings.timeZone);
  const byCustomer = new Map<number, ConsumptionEntry[]>();
  for (const r of rows) {
    const e = r.e;
    const list = byCustomer.get(e.customerId) ?? [];
    const base = {
      entryId: e.id,
      at: e.at,
      date: dateOf(Date.parse(e.at)),
      kind: e.kind,
      topupKind: e.topupKind,
      memo: e.memo,
      orderId: e.orderId,
      orderNumber: r.orderNumber,
      stageN: r.stageN,
      stageTitle: r.stageTitle,
      rateMinor: e.rateMinor,
      correctsEntryId: e.correctsEntryId,
    };
    if (r.itemId !== null) {
      list.push({
        ...base,
        code: r.itemCode,
        title: r.itemTitle,
        categoryName: r.itemCategory,
        hoursCenti: r.itemHoursCenti,
        kMilli: r.itemKMilli,
        normHoursCenti: r.itemNormHoursCenti ?? 0,
        moneyMinor: r.itemMoneyMinor ?? 0,
      });
    } else {
      list.push({ ...base, code: null, title: null, categoryName: null, hoursCenti: null, kMilli: null, normHoursCenti: e.normHoursCenti, moneyMinor: e.moneyMinor });
    }
    byCustomer.set(e.customerId, list);
  }
  const result = people
    .map((p) => {
      const opening = p.balanceCenti - p.sinceStartCenti;
      return summarize(p.id, p.name, opening, byCustomer.get(p.id) ?? []);
    })
    .filter((c) => customerId !== undefined || c.openingCenti !== 0 || c.entries.length > 0);
  return {
    month,
    timeZone: settings.timeZone,
    currency: settings.currency,
    companyName: settings.companyName,
    generatedAt: new Date().toISOString(),
    customers: result,
    totals: reportTotals(result),
  };
}

export interface MonthFigures {
  month: string;
  topupsCenti: number;
  debitsCenti: number;
  moneyMinor: number;
}

/** Top-ups, debits and their money per calendar month (company's zone), in one scan. */
export async function monthlySeries(db: Db, months: string[], timeZone: string, customerId?: number): Promise<MonthFigures[]> {
  const ranges = months.map((m) => monthRange(m, timeZone));
  const columns = ranges.flatMap((r, i) => [
    sql`coalesce(sum(case when at >= ${r.start} and at < ${r.end} and kind = 'topup' then norm_hours_centi end), 0) as ${sql.raw(`t${i}`)}`,
    sql`coalesce(sum(case when at >= ${r.start} and at < ${r.end} and kind = 'debit' then -norm_hours_centi end), 0) as ${sql.raw(`d${i}`)}`,
    sql`coalesce(sum(case when at >= ${r.start} and at < ${r.end} and kind = 'debit' then -money_minor end), 0) as ${sql.raw(`m${i}`)}`,
  ]);
  const first = ranges[0]!.start;
  const last = ranges[ranges.length - 1]!.end;
  const [row] = await db.all<Record<string, number>>(
    sql`select ${sql.join(columns, sql`, `)} from ledger_entries where at >= ${first} and at < ${last} ${customerId ? sql`and customer_id = ${customerId}` : sql``}`,
  );
  return months.map((month, i) => ({
    month,
    topupsCenti: row?.[`t${i}`] ?? 0,
    debitsCenti: row?.[`d${i}`] ?? 0,
    moneyMinor: row?.[`m${i}`] ?? 0,
  }));
}
