import { describe, expect, it } from 'vitest';
import { monthRange } from '../../worker/domain/calendar';
import { nearestUtcMonthStart, snapshotPlan } from '../../worker/domain/month-balances';

const HOUR = 3_600_000;
const span = (e: { lo: string; hi: string }) => Date.parse(e.hi) - Date.parse(e.lo);

describe('reading a local month from UTC-month snapshots', () => {
  it('Moscow: November starts 3 hours before the UTC month, so those 3 hours are added', () => {
    expect(snapshotPlan(monthRange('2026-11', 'Europe/Moscow'))).toEqual({
      fromMonth: '2026-11',
      toMonth: '2026-12',
      startEdge: { lo: '2026-10-31T21:00:00.000Z', hi: '2026-11-01T00:00:00.000Z', sign: 1 },
      endEdge: { lo: '2026-11-30T21:00:00.000Z', hi: '2026-12-01T00:00:00.000Z', sign: 1 },
    });
  });

  it('New York: the month starts after the UTC one, so those hours are taken away; UTC needs no entries at all', () => {
    const ny = snapshotPlan(monthRange('2026-03', 'America/New_York'));
    expect(ny.startEdge).toEqual({ lo: '2026-03-01T00:00:00.000Z', hi: '2026-03-01T05:00:00.000Z', sign: -1 });
    expect(ny.endEdge).toEqual({ lo: '2026-04-01T00:00:00.000Z', hi: '2026-04-01T04:00:00.000Z', sign: -1 });
    const utc = snapshotPlan(monthRange('2026-03', 'UTC'));
    expect([span(utc.startEdge), span(utc.endEdge)]).toEqual([0, 0]);
  });

  it('whatever the zone and month, the entries read are at most 14 hours at each end', () => {
    for (const tz of ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'America/St_Johns']) {
      for (const m of ['2016-02', '2024-12', '2026-10']) {
        const plan = snapshotPlan(monthRange(m, tz));
        expect(Math.max(span(plan.startEdge), span(plan.endEdge))).toBeLessThanOrEqual(14 * HOUR);
      }
    }
    expect(nearestUtcMonthStart('2026-01-16T13:00:00.000Z')).toBe('2026-02-01T00:00:00.000Z');
    expect(nearestUtcMonthStart('2026-01-16T11:00:00.000Z')).toBe('2026-01-01T00:00:00.000Z');
  });
});
