/**
 * The monthly consumption report. Opening balances are computed backwards from the
 * trigger-kept balance: opening = balance − Σ entries since the month began, which reads
 * only the entries since then (a covering index), not the customer's whole history.
 */
import { asc, eq, gte, inArray, sql } from 'drizzle-orm';
import { customers, ledgerEntries } from '../../schema/tables';
import { localDate, monthRange } from '../domain/calendar';
import { reportTotals, summarize, type ConsumptionEntry, type ConsumptionReport } from '../domain/consumption';
import { batch, type Db } from './db';
import { entriesBetween } from './ledger';
import type { SettingsRow } from './settings';

export async function consumptionReport(db: Db, month: string, settings: SettingsRow, customerId?: number): Promise<ConsumptionReport> {
  const { start, end } = monthRange(month, settings.timeZone);
  const since = db
    .select({ customerId: ledgerEntries.customerId, sum: sql<number>`sum(${ledgerEntries.normHoursCenti})`.as('since_sum') })
    .from(ledgerEntries)
    .where(customerId ? sql`${ledgerEntries.at} >= ${start} and ${ledgerEntries.customerId} = ${customerId}` : gte(ledgerEntries.at, start))
    .groupBy(ledgerEntries.customerId);
  const [people, sinceStart, rows] = await batch(db, [
    db
      .select({ id: customers.id, name: customers.name, balanceCenti: customers.balanceCenti })
      .from(customers)
      .where(customerId ? eq(customers.id, customerId) : undefined)
      .orderBy(asc(customers.name)),
    since,
    entriesBetween(db, start, end, customerId),
  ]);
  const sinceByCustomer = new Map(sinceStart.map((r) => [r.customerId, r.sum]));
  const byCustomer = new Map<number, ConsumptionEntry[]>();
  for (const r of rows) {
    const e = r.e;
    const list = byCustomer.get(e.customerId) ?? [];
    const base = {
      entryId: e.id,
      at: e.at,
      date: localDate(Date.parse(e.at), settings.timeZone),
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
      const opening = p.balanceCenti - (sinceByCustomer.get(p.id) ?? 0);
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

export async function customerExists(db: Db, id: number) {
  return (await db.select({ id: customers.id }).from(customers).where(inArray(customers.id, [id]))).length > 0;
}
