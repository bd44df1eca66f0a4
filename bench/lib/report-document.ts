/**
 * The month report's part of bench/RESULTS.md (document.ts writes it): its summary rows — the
 * per-customer summary and one customer's itemised month (issue 19's goals) — and its tables.
 */
import type { MonthFigures, StageFigures } from '../phases/reports';
import type { Row, Verdict } from './document';
import { int, ms, table, x } from './format';

/** Issue 19: the per-customer summary over 1 000 000 entries, and one customer's itemised month (2 000 entries), end to end. */
export const REPORT_GOALS = { summaryMs: 150, customerMonthMs: 150 };

const verdict = (ok: boolean): Verdict => (ok ? 'met' : 'missed');

export function monthOf(stage: StageFigures, label: string): MonthFigures {
  return stage.months.find((m) => m.label === label)!;
}

export function reportRows(stages: StageFigures[]): Row[] {
  const rows: Row[] = [];
  const [small, big] = stages;
  if (!small || !big) return rows;
  const bm = monthOf(big, 'last complete month');
  const sm = monthOf(small, 'last complete month');
  const bo = monthOf(big, 'oldest complete month');
  const floor = `SELECT 1 round trip: ${ms(big.floorMs)}`;
  const goal = `< ${REPORT_GOALS.summaryMs} ms`;
  rows.push({
    area: 'Reports',
    measure: `GET /api/reports/consumption (per-customer summary), 1 000 000 entries, ${bm.month}`,
    figure: `${ms(bm.httpMedianMs)} (100 000: ${ms(sm.httpMedianMs)})`,
    baseline: floor,
    ratio: x(bm.httpMedianMs / big.floorMs),
    goal,
    verdict: verdict(bm.httpMedianMs < REPORT_GOALS.summaryMs),
  });
  rows.push({
    area: 'Reports',
    measure: 'Its SQL alone (D1 time of its statement)',
    figure: `${ms(bm.summary.sqlMs)} (100 000: ${ms(sm.summary.sqlMs)})`,
    baseline: floor,
    ratio: x(bm.summary.sqlMs / big.floorMs),
    goal,
    verdict: verdict(bm.summary.sqlMs < REPORT_GOALS.summaryMs),
  });
  rows.push({
    area: 'Reports',
    measure: `The same, oldest month (${bo.month}): HTTP / SQL`,
    figure: `${ms(bo.httpMedianMs)} / ${ms(bo.summary.sqlMs)}`,
    baseline: floor,
    ratio: x(bo.httpMedianMs / big.floorMs),
    goal,
    verdict: verdict(bo.httpMedianMs < REPORT_GOALS.summaryMs),
  });
  // The last complete month's one customer is the bench's busy one (2 000 entries); a run without it is not judged.
  const enough = bm.customer.entries >= 2000;
  rows.push({
    area: 'Reports',
    measure: `One customer’s itemised month (${int(bm.customer.entries)} entries), HTTP`,
    figure: ms(bm.customer.httpMedianMs),
    baseline: floor,
    ratio: x(bm.customer.httpMedianMs / big.floorMs),
    goal: `< ${REPORT_GOALS.customerMonthMs} ms for 2 000 entries`,
    verdict: enough ? verdict(bm.customer.httpMedianMs < REPORT_GOALS.customerMonthMs) : '—',
  });
  rows.push({
    area: 'Reports',
    measure: `Every customer itemised (${int(bm.entries)} rows, the workbook’s path), in the Worker / SQL`,
    figure: `${ms(bm.workerMs)} / ${ms(bm.sqlMs)}`,
    baseline: floor,
    ratio: x(bm.workerMs / big.floorMs),
    goal: '— (the workbook is capped)',
    verdict: '—',
  });
  return rows;
}

export function reportTables(stages: StageFigures[]): string {
  const main = table(
    [
      'ledger',
      'month',
      'summary: HTTP median',
      'summary: SQL (D1)',
      'summary: rows read',
      'one customer itemised: HTTP',
      'every customer itemised: rows',
      'answer',
      'in Worker',
      'D1 batch (wall)',
      'SQL (D1)',
      'JSON.stringify',
      'SELECT 1 round trip',
    ],
    stages.flatMap((s) =>
      s.months.map((m) => [
        int(s.ledger),
        `${m.month} (${m.label})`,
        `${ms(m.httpMedianMs)} (${m.summary.customers} customers)`,
        ms(m.summary.sqlMs),
        int(m.summary.statements.reduce((n, st) => n + st.rowsRead, 0)),
        `${ms(m.customer.httpMedianMs)} (${int(m.customer.entries)} entries)`,
        `${int(m.entries)} (${m.customers} customers)`,
        `${(m.httpBytes / 1e3).toFixed(1)} kB`,
        ms(m.workerMs),
        ms(m.batchMs),
        ms(m.sqlMs),
        ms(m.stringifyMs),
        ms(s.floorMs),
      ]),
    ),
  );
  const statements = table(
    ['ledger', 'month', 'statement', 'D1 ms', 'rows read', 'rows', 'plan'],
    stages.flatMap((s) =>
      s.months.flatMap((m) => {
        const month = `${m.month}${m.label.includes('ANALYZE') ? ' after ANALYZE' : ''}`;
        return [
          ...m.summary.statements.map((st) => [
            int(s.ledger),
            month,
            `summary: ${statementName(st.sql)}`,
            st.durationMs.toFixed(0),
            int(st.rowsRead),
            int(st.rows),
            st.plan.join('; '),
          ]),
          ...m.summary.alternatives.map((a) => [
            int(s.ledger),
            month,
            `↳ for comparison: ${a.name}`,
            a.durationMs.toFixed(0),
            int(a.rowsRead),
            '',
            a.plan.join('; '),
          ]),
          ...m.statements.map((st) => [
            int(s.ledger),
            month,
            `every customer itemised: ${statementName(st.sql)}`,
            st.durationMs.toFixed(0),
            int(st.rowsRead),
            int(st.rows),
            st.plan.join('; '),
          ]),
        ];
      }),
    ),
  );
  return (
    `${main}\n\nEach statement (median of 3), with SQLite's plan — the summary's one statement beside what it replaced, then the ` +
    `itemised report's one D1 batch. “answer” is the summary's JSON.\n\n${statements}`
  );
}

function statementName(sql: string): string {
  if (/customer_month_balances/.test(sql) && /low_balance_centi/.test(sql))
    return 'customers, openings and the month’s figures from the month-balance snapshots';
  if (/customer_month_balances/.test(sql)) return 'customers, with opening balances from the month-balance snapshots';
  if (/from "customers"/.test(sql) && !/ledger/.test(sql)) return 'customers';
  if (/debit_items/.test(sql)) return 'the month’s entries and items';
  return sql.slice(0, 60);
}
