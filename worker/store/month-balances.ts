/**
 * Reading the monthly balance snapshots (customer_month_balances, kept by a trigger on every
 * ledger insert — migrations 0010/0011): opening balances and a month's figures of any month,
 * however old, from the snapshots plus at most the ~14 hours of entries between the company's
 * month start and the nearest UTC month boundary (domain/month-balances.ts says why).
 */
import { sql, type SQL } from 'drizzle-orm';
import { monthIndex, type Edge, type SnapshotPlan } from '../domain/month-balances';

const monthNumber = (m: SQL) => sql`(cast(substr(${m}, 1, 4) as integer) * 12 + cast(substr(${m}, 6, 2) as integer) - 1)`;

/** Σ hours of the customer's entries inside an edge, signed: one range of the (customer_id, at) index. */
function edgeHours(customer: SQL, e: Edge): SQL {
  if (e.lo === e.hi) return sql`0`;
  return sql`(${e.sign} * (select coalesce(sum(l.norm_hours_centi), 0) from ledger_entries l where l.customer_id = ${customer} and l.at >=
    ${e.lo} and l.at < ${e.hi}))`;
}

/**
 * The customer's balance when the planned month began (Σ of entries before it). Summed from
 * whichever side reads fewer snapshot rows: the months before it (an old month) or, back from
 * the kept balance, the months since (a recent one); both are exact.
 */
export function openingSql(customer: SQL, balance: SQL, plan: SnapshotPlan, nowMonth = new Date().toISOString().slice(0, 7)): SQL<number> {
  const m = plan.fromMonth;
  const sum = (cmp: SQL) =>
    sql`(select coalesce(sum(b.delta_centi), 0) from customer_month_balances b where b.customer_id = ${customer} and ${cmp})`;
  // Uncorrelated, so SQLite evaluates it once; with no snapshots at all it is null and the balance side is taken.
  const first = monthNumber(sql`(select min(month) from customer_month_balances)`);
  const olderHalf = sql`${monthIndex(m)} - ${first} < ${monthIndex(nowMonth) - monthIndex(m)}`;
  const edge = edgeHours(customer, plan.startEdge);
  return sql<number>`(case when ${olderHalf} then ${sum(sql`b.month < ${m}`)} - ${edge} else ${balance} - ${sum(sql`b.month >= ${m}`)} -
    ${edge} end)`;
}

/** The snapshot columns, which are also the names of monthFiguresSql's figures. */
export const MONTH_FIGURES = [
  'entries',
  'delta_centi',
  'topups_centi',
  'debits_centi',
  'corrections_centi',
  'net_minor',
  'vat_minor',
  'total_minor',
  'paid_minor',
] as const;

/** One entry's figures weighted by `w` (±1), in MONTH_FIGURES order — as the trigger adds them. */
function entryFigures(w: SQL): SQL[] {
  const service = sql`(e.kind = 'debit' or (e.kind = 'correction' and t.kind = 'debit'))`;
  const payment = sql`(e.kind = 'topup' or (e.kind = 'correction' and t.kind = 'topup'))`;
  const when = (cond: SQL, value: SQL) => sql`${w} * (case when ${cond} then ${value} else 0 end)`;
  return [
    w,
    sql`${w} * e.norm_hours_centi`,
    when(sql`e.kind = 'topup'`, sql`e.norm_hours_centi`),
    when(sql`e.kind = 'debit'`, sql`-e.norm_hours_centi`),
    when(sql`e.kind = 'correction'`, sql`e.norm_hours_centi`),
    when(service, sql`-e.net_minor`),
    when(service, sql`-e.vat_minor`),
    when(service, sql`-e.total_minor`),
    when(payment, sql`e.net_minor`),
  ];
}

const inEdge = (e: Edge) => sql`(e.at >= ${e.lo} and e.at < ${e.hi})`;

/**
 * A subquery: every customer's figures (MONTH_FIGURES) over the planned month — the month's
 * snapshot rows, plus the entries of the start edge, minus those of the end edge. One row per
 * customer with anything in the month; O(customers) snapshot rows and two edges of entries.
 */
export function monthFiguresSql(plan: SnapshotPlan): SQL {
  const cols = (values: SQL[]) =>
    sql.join(
      values.map((v, i) => sql`${v} as ${sql.raw(MONTH_FIGURES[i]!)}`),
      sql`, `,
    );
  const parts: SQL[] = [
    sql`select customer_id, ${sql.join(
      MONTH_FIGURES.map((f) => sql.raw(f)),
      sql`, `,
    )} from customer_month_balances where month >= ${plan.fromMonth} and month < ${plan.toMonth}`,
  ];
  const { startEdge: s, endEdge: x } = plan;
  const edges = [s, x].filter((e) => e.lo !== e.hi);
  if (edges.length > 0) {
    // Start-edge entries count with the start's sign, end-edge ones against the end's (they never overlap: a month apart).
    const w = sql`(case when ${inEdge(s)} then ${s.sign} else ${-x.sign} end)`;
    parts.push(sql`select e.customer_id, ${cols(entryFigures(w))}
      from ledger_entries e left join ledger_entries t on t.id = e.corrects_entry_id
      where ${sql.join(edges.map(inEdge), sql` or `)}`);
  }
  return sql`(select customer_id, ${sql.join(
    MONTH_FIGURES.map((f) => sql`sum(${sql.raw(f)}) as ${sql.raw(f)}`),
    sql`, `,
  )}
    from (${sql.join(parts, sql` union all `)}) group by customer_id)`;
}
