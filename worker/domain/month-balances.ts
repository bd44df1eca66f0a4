/**
 * How a month in the company's time zone is read from the monthly balance snapshots
 * (customer_month_balances), which are kept per UTC month.
 *
 * Why UTC months: the snapshot is written by a database trigger from the entry's `at` (a UTC
 * ISO string) alone, and stays right whatever settings.timeZone says, now or later. A local
 * month starts within ±14 hours of a UTC month boundary, so the sums up to a local instant are
 * the snapshots up to the nearest UTC boundary plus (or minus) the entries between the two —
 * at most 14 hours of entries, whatever the month and however long the history.
 *
 *   Σ(at ≥ S)     = Σ snapshots(month ≥ m(B)) + edge(S, B), B the UTC month start nearest S
 *   Σ(S ≤ at < E) = Σ snapshots(m(Bs) ≤ month < m(Be)) + edge(S, Bs) − edge(E, Be)
 *   edge(X, B)    = Σ(X ≤ at < B) when X < B, −Σ(B ≤ at < X) otherwise
 */

/** Entries with lo ≤ at < hi, counted with `sign`; empty when lo = hi (a UTC company). */
export interface Edge {
  lo: string;
  hi: string;
  sign: 1 | -1;
}

export interface SnapshotPlan {
  /** UTC months [fromMonth, toMonth) whose snapshots make up the bulk of the month. */
  fromMonth: string;
  toMonth: string;
  /** edge(S, Bs): added to the snapshots from fromMonth to reach Σ(at ≥ S). */
  startEdge: Edge;
  /** edge(E, Be): subtracted, for the month's own figures. */
  endEdge: Edge;
}

/** The UTC month start (ISO) nearest to an instant (ties go to the earlier one). */
export function nearestUtcMonthStart(iso: string): string {
  const t = Date.parse(iso);
  const d = new Date(t);
  const here = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  const next = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
  return new Date(t - here <= next - t ? here : next).toISOString();
}

function edge(x: string, boundary: string): Edge {
  return x < boundary ? { lo: x, hi: boundary, sign: 1 } : { lo: boundary, hi: x, sign: -1 };
}

/** The plan for the local month [start, end) (instants as monthRange gives them). */
export function snapshotPlan(range: { start: string; end: string }): SnapshotPlan {
  const bs = nearestUtcMonthStart(range.start);
  const be = nearestUtcMonthStart(range.end);
  return { fromMonth: bs.slice(0, 7), toMonth: be.slice(0, 7), startEdge: edge(range.start, bs), endEdge: edge(range.end, be) };
}

/** Months since year 0, for comparing how far apart two YYYY-MM months are. */
export function monthIndex(month: string): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}
