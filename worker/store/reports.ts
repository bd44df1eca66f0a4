/**
 * The monthly consumption report. Opening balances and the summary's month figures come from
 * the monthly balance snapshots (store/month-balances.ts): any month, however old, reads at
 * most the few hours of entries around its UTC month boundaries, not the history.
 * The all-customer summary is one row per customer, summed in SQL from the snapshots (one round
 * trip, no entries read into the Worker); a customer's report and the workbooks read the
 * month's entries themselves.
 */
import { asc, eq, sql, type SQL } from 'drizzle-orm';
import { customers } from '../../schema/tables';
import { localDater, monthRange } from '../domain/calendar';
import { snapshotPlan } from '../domain/month-balances';
import { reportTotals, summarize, type ConsumptionEntry, type ConsumptionReport, type CustomerConsumption } from '../domain/consumption';
import { OPEN_ORDER_STATUSES, STAGE_LIFECYCLE } from '../domain/order-lifecycle';
import { batch, type Db } from './db';
import { inStates, allowedBy } from './guards';
import { entriesBetween } from './ledger';
import { monthFiguresSql, openingSql } from './month-balances';
import type { SettingsRow } from './settings';

export interface MonthRange {
  start: string;
  end: string;
}

/**
 * The low-balance threshold of the customer in `customerId` (SQL): their own, or what their open
 * orders need next — each one's next pending stage (domain/low-balance.ts, nextStagesNeed).
 */
export function thresholdSql(customerId: SQL): SQL<number> {
  const pending = (alias: string) => allowedBy(STAGE_LIFECYCLE, 'accept', sql.raw(`${alias}.status`));
  return sql<number>`coalesce((select low_balance_centi from customers lc where lc.id = ${customerId}), (
    select coalesce(sum(s.norm_hours_centi), 0) from orders o join order_stages s on s.order_id = o.id
    where o.customer_id = ${customerId} and ${inStates(sql`o.status`, OPEN_ORDER_STATUSES)} and ${pending('s')}
      and s.n = (select min(p.n) from order_stages p where p.order_id = o.id and ${pending('p')})))`;
}

function header(month: string, settings: SettingsRow, closed: boolean) {
  return {
    month,
    timeZone: settings.timeZone,
    currency: settings.currency,
    companyName: settings.companyName,
    generatedAt: new Date().toISOString(),
    closed,
  };
}

export type SummaryRow = Omit<CustomerConsumption, 'entries'> & { balanceCenti: number; thresholdCenti: number; ownThreshold: boolean };

/** Every customer with a balance or entries in the month, from the snapshots; no entries. */
export async function consumptionSummary(db: Db, month: string, range: MonthRange, settings: SettingsRow, closed: boolean) {
  const plan = snapshotPlan(range);
  const rows = await db.all<Record<string, number | string>>(sql`
    select c.id, c.name, c.balance_centi as balance, c.low_balance_centi as own, ${openingSql(sql`c.id`, sql`c.balance_centi`, plan)} as
      opening, ${thresholdSql(sql`c.id`)} as threshold,
      coalesce(m.entries, 0) as n, coalesce(m.topups_centi, 0) as topups, coalesce(m.debits_centi, 0) as debits,
        coalesce(m.corrections_centi, 0) as corrections,
      coalesce(m.net_minor, 0) as net, coalesce(m.vat_minor, 0) as vat, coalesce(m.total_minor, 0) as total, coalesce(m.paid_minor, 0) as
        paid
    from customers c left join ${monthFiguresSql(plan)} m on m.customer_id = c.id
    order by c.name`);
  const list: SummaryRow[] = rows
    .map((r) => {
      const n = (k: string) => Number(r[k]);
      const opening = n('opening');
      return {
        customerId: n('id'),
        name: String(r.name),
        openingCenti: opening,
        topupsCenti: n('topups'),
        debitsCenti: n('debits'),
        correctionsCenti: n('corrections'),
        closingCenti: opening + n('topups') - n('debits') + n('corrections'),
        moneyMinor: n('net'),
        netMinor: n('net'),
        vatMinor: n('vat'),
        totalMinor: n('total'),
        topupsMinor: n('paid'),
        balanceCenti: n('balance'),
        thresholdCenti: n('threshold'),
        ownThreshold: r.own !== null,
        entryCount: n('n'),
      };
    })
    .filter((c) => c.openingCenti !== 0 || c.entryCount > 0)
    .map(({ entryCount: _n, ...c }) => c);
  return { ...header(month, settings, closed), customers: list, totals: reportTotals(list) };
}

/** The month with every entry (debits itemised), for one customer or for all (the workbook, the statement). */
export async function consumptionReport(
  db: Db,
  month: string,
  range: MonthRange,
  settings: SettingsRow,
  closed: boolean,
  customerId?: number,
): Promise<ConsumptionReport> {
  const [people, rows] = await batch(db, [
    db
      // Qualified: inside the subqueries a bare "id" would be the entry's or the snapshot's.
      .select({
        id: customers.id,
        name: customers.name,
        openingCenti: openingSql(sql`"customers"."id"`, sql`"customers"."balance_centi"`, snapshotPlan(range)).as('opening'),
      })
      .from(customers)
      .where(customerId ? eq(customers.id, customerId) : undefined)
      .orderBy(asc(customers.name)),
    entriesBetween(db, range.start, range.end, customerId),
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
      paymentRef: e.paymentRef,
      invoiceNumber: r.invoiceNumber,
      correctsEntryId: e.correctsEntryId,
      correctsKind: r.correctsKind,
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
        moneyMinor: r.itemNetMinor ?? 0,
        subtotalMinor: r.itemMoneyMinor ?? 0,
        discountMinor: r.itemDiscountMinor ?? 0,
        netMinor: r.itemNetMinor ?? 0,
        vatMinor: r.itemVatMinor ?? 0,
        totalMinor: r.itemTotalMinor ?? 0,
        plannedHoursCenti: r.itemPlannedHoursCenti,
        plannedNormHoursCenti: r.itemPlannedNormHoursCenti,
      });
    } else {
      list.push({
        ...base,
        code: null,
        title: null,
        categoryName: null,
        hoursCenti: null,
        kMilli: null,
        normHoursCenti: e.normHoursCenti,
        moneyMinor: e.netMinor,
        subtotalMinor: e.moneyMinor,
        discountMinor: e.discountMinor,
        netMinor: e.netMinor,
        vatMinor: e.vatMinor,
        totalMinor: e.totalMinor,
        plannedHoursCenti: null,
        plannedNormHoursCenti: null,
      });
    }
    byCustomer.set(e.customerId, list);
  }
  const result = people
    .map((p) => summarize(p.id, p.name, p.openingCenti, byCustomer.get(p.id) ?? []))
    .filter((c) => customerId !== undefined || c.openingCenti !== 0 || c.entries.length > 0);
  return { ...header(month, settings, closed), customers: result, totals: reportTotals(result) };
}

export interface MonthFigures {
  month: string;
  topupsCenti: number;
  debitsCenti: number;
  moneyMinor: number;
}

/** Top-ups, debits and their money (net, as the report's) per calendar month (company's zone), in one scan. */
export async function monthlySeries(db: Db, months: string[], timeZone: string, customerId?: number): Promise<MonthFigures[]> {
  const ranges = months.map((m) => monthRange(m, timeZone));
  const columns = ranges.flatMap((r, i) => [
    sql`coalesce(sum(case when at >= ${r.start} and at < ${r.end} and kind = 'topup' then norm_hours_centi end), 0) as ${sql.raw(`t${i}`)}`,
    sql`coalesce(sum(case when at >= ${r.start} and at < ${r.end} and kind = 'debit' then -norm_hours_centi end), 0) as
      ${sql.raw(`d${i}`)}`,
    sql`coalesce(sum(case when at >= ${r.start} and at < ${r.end} and kind = 'debit' then -net_minor end), 0) as ${sql.raw(`m${i}`)}`,
  ]);
  const first = ranges[0]!.start;
  const last = ranges[ranges.length - 1]!.end;
  const [row] = await db.all<Record<string, number>>(
    sql`select ${sql.join(columns, sql`, `)} from ledger_entries where at >= ${first} and at < ${last} ${
      customerId
        ? sql`and customer_id =
      ${customerId}`
        : sql``
    }`,
  );
  return months.map((month, i) => ({
    month,
    topupsCenti: row?.[`t${i}`] ?? 0,
    debitsCenti: row?.[`d${i}`] ?? 0,
    moneyMinor: row?.[`m${i}`] ?? 0,
  }));
}
