import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, localDate, wallClock } from '../../worker/domain/calendar';
import {
  REQUEST_KINDS,
  REQUEST_STATUSES,
  REQUEST_TRANSITIONS,
  SLA_LEVEL_CODES,
  SLA_LEVELS,
  actionsFrom,
  applyAction,
  canTransition,
  nextStatuses,
  reactionDeadline,
  slaState,
  type RequestStatus,
} from '../../worker/domain/sla';
import {
  DEFAULT_WORKING_CALENDAR,
  RUSSIAN_HOLIDAYS_2026_2027,
  addWorkingMinutes,
  isWorkingDate,
  validateWorkingCalendar,
  workingMinutesBetween,
  workingPeriodOn,
  type WorkingCalendar,
} from '../../worker/domain/working-time';

const MSK = DEFAULT_WORKING_CALENDAR;
const weekdays = (timeZone: string): WorkingCalendar => ({
  timeZone,
  workingDays: [1, 2, 3, 4, 5],
  dayStart: '09:00',
  dayEnd: '18:00',
  holidays: [],
});
const BERLIN = weekdays('Europe/Berlin');
const NEW_YORK = weekdays('America/New_York');
const add = (start: string, minutes: number, cal: WorkingCalendar = MSK) => addWorkingMinutes(start, minutes, cal);
const MIN = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

describe('the working calendar', () => {
  it('the default is Moscow, Monday to Friday, 09:00–18:00, with the Russian holidays, and valid', () => {
    expect(validateWorkingCalendar(MSK)).toEqual([]);
    expect(MSK).toMatchObject({ timeZone: 'Europe/Moscow', workingDays: [1, 2, 3, 4, 5], dayStart: '09:00', dayEnd: '18:00' });
    // days off moved onto weekdays by the 2026 decree and by Labour Code art. 112 in 2027
    for (const d of ['2026-01-09', '2026-03-09', '2026-05-11', '2026-12-31', '2027-05-03', '2027-05-10', '2027-06-14'])
      expect(isWorkingDate(d, MSK), d).toBe(false);
    for (const d of ['2026-01-12', '2026-02-20', '2026-11-05', '2027-01-11']) expect(isWorkingDate(d, MSK), d).toBe(true);
    expect([...RUSSIAN_HOLIDAYS_2026_2027].sort()).toEqual([...RUSSIAN_HOLIDAYS_2026_2027]);
  });

  it('the validator names every problem in English and Russian', () => {
    const bad: WorkingCalendar = {
      timeZone: 'Mars/Olympus',
      workingDays: [0, 8],
      dayStart: '9:00',
      dayEnd: '25:00',
      holidays: ['2026-02-30'],
      workdaysOverride: ['x'],
    };
    const problems = validateWorkingCalendar(bad);
    expect(problems.map((p) => p.field).sort()).toEqual(['dayEnd', 'dayStart', 'holidays', 'timeZone', 'workdaysOverride', 'workingDays']);
    for (const p of problems) expect(p.en.length > 0 && /[а-я]/i.test(p.ru)).toBe(true);
    expect(validateWorkingCalendar({ ...BERLIN, workingDays: [] })[0]?.ru).toBe('Выберите хотя бы один рабочий день недели.');
    expect(validateWorkingCalendar({ ...BERLIN, dayStart: '18:00', dayEnd: '09:00' }).map((p) => p.field)).toEqual(['dayEnd']);
    expect(validateWorkingCalendar({ ...BERLIN, dayStart: '10:00', dayEnd: '10:00' }).map((p) => p.field)).toEqual(['dayEnd']);
    expect(validateWorkingCalendar({ ...BERLIN, holidays: ['2026-05-09'], workdaysOverride: ['2026-05-09'] })[0]?.ru).toContain(
      '2026-05-09',
    );
    expect(validateWorkingCalendar({ ...BERLIN, dayStart: '00:00', dayEnd: '24:00', workingDays: [7] })).toEqual([]);
    expect(() => add('2026-02-06T14:00:00Z', 60, bad)).toThrow(RangeError);
  });

  it('refuses instants without an offset and negative or fractional minutes', () => {
    expect(() => add('2026-02-06T17:00', 60)).toThrow(RangeError);
    expect(() => add('2026-02-06T14:00:00Z', -1)).toThrow(RangeError);
    expect(() => add('2026-02-06T14:00:00Z', 1.5)).toThrow(RangeError);
    expect(add('2026-02-06T17:00:00+03:00', 60)).toBe(add('2026-02-06T14:00:00.000Z', 60));
  });
});

describe('addWorkingMinutes: hand-computed deadlines', () => {
  it('Friday 17:00 Moscow plus 2 working hours is Monday 10:00', () => {
    expect(add('2026-02-06T14:00:00Z', 120)).toBe('2026-02-09T07:00:00.000Z');
    expect(reactionDeadline('2026-02-06T14:00:00Z', 'vip', MSK)).toBe('2026-02-09T07:00:00.000Z');
    // a deadline at the end of the day stays there
    expect(add('2026-02-06T14:00:00Z', 60)).toBe('2026-02-06T15:00:00.000Z');
  });

  it('a request created on Saturday starts counting on Monday at 09:00', () => {
    expect(add('2026-02-07T08:00:00Z', 0)).toBe('2026-02-09T06:00:00.000Z');
    expect(add('2026-02-07T08:00:00Z', 120)).toBe('2026-02-09T08:00:00.000Z');
    // before opening and after closing on a weekday, too
    expect(add('2026-02-10T04:12:00Z', 30)).toBe('2026-02-10T06:30:00.000Z');
    expect(add('2026-02-10T17:59:00Z', 30)).toBe('2026-02-11T06:30:00.000Z');
  });

  it('across the New Year holidays', () => {
    // Wed 30 Dec 2026 16:00 + 6 h: 2 h that day; 31 Dec and 1–8 Jan are holidays, 9–10 Jan a weekend
    expect(reactionDeadline('2026-12-30T13:00:00Z', 'standard', MSK)).toBe('2027-01-11T10:00:00.000Z');
    // created on 1 January 2026: 9 January is a day off too (moved from 3 January), then the weekend
    expect(add('2026-01-01T09:00:00Z', 120)).toBe('2026-01-12T08:00:00.000Z');
  });

  it('a transferred working Saturday is worked', () => {
    const withSaturday: WorkingCalendar = { ...MSK, workdaysOverride: ['2027-11-13'] };
    expect(add('2027-11-12T14:00:00Z', 120, withSaturday)).toBe('2027-11-13T07:00:00.000Z');
    expect(add('2027-11-12T14:00:00Z', 120, MSK)).toBe('2027-11-15T07:00:00.000Z');
    expect(workingMinutesBetween('2027-11-12T14:00:00Z', '2027-11-15T14:00:00Z', withSaturday)).toBe(60 + 540 + 480);
  });

  it('a holiday in the middle of a 40-hour reaction time pushes it by a day', () => {
    // Mon 2 Nov 2026 09:00; 4 November is a holiday: 9 + 9 + (holiday) + 9 + 9 + 4 → Mon 9 Nov 13:00
    expect(reactionDeadline('2026-11-02T06:00:00Z', 'consulting', MSK)).toBe('2026-11-09T10:00:00.000Z');
    expect(reactionDeadline('2026-11-02T06:00:00Z', 'consulting', { ...MSK, holidays: [] })).toBe('2026-11-06T10:00:00.000Z');
  });

  it('Berlin and New York: the offset changes over the weekend of the clock change', () => {
    // Fri 27 Mar 2026 17:00 CET (UTC+1) → Mon 30 Mar 10:00 CEST (UTC+2)
    expect(add('2026-03-27T16:00:00Z', 120, BERLIN)).toBe('2026-03-30T08:00:00.000Z');
    // Fri 23 Oct 2026 17:00 CEST → Mon 26 Oct 10:00 CET
    expect(add('2026-10-23T15:00:00Z', 120, BERLIN)).toBe('2026-10-26T09:00:00.000Z');
    // Fri 6 Mar 2026 17:00 EST (UTC−5) → Mon 9 Mar 10:00 EDT (UTC−4)
    expect(add('2026-03-06T22:00:00Z', 120, NEW_YORK)).toBe('2026-03-09T14:00:00.000Z');
  });

  it('Berlin: the spring-forward day is an hour short, the fall-back day an hour long', () => {
    const allDay: WorkingCalendar = {
      timeZone: 'Europe/Berlin',
      workingDays: [1, 2, 3, 4, 5, 6, 7],
      dayStart: '00:00',
      dayEnd: '24:00',
      holidays: [],
    };
    expect(workingMinutesBetween('2026-03-28T23:00:00Z', '2026-03-29T22:00:00Z', allDay)).toBe(23 * 60);
    expect(workingMinutesBetween('2026-10-24T22:00:00Z', '2026-10-25T23:00:00Z', allDay)).toBe(25 * 60);
    // Sat 28 Mar 23:00 CET + 4 h of round-the-clock work is 04:00 CEST
    expect(add('2026-03-28T22:00:00Z', 240, allDay)).toBe('2026-03-29T02:00:00.000Z');
    const night: WorkingCalendar = { ...allDay, dayStart: '01:00', dayEnd: '05:00' };
    expect(workingPeriodOn('2026-03-29', night)).toEqual({ start: '2026-03-29T00:00:00.000Z', end: '2026-03-29T03:00:00.000Z' });
    expect(workingPeriodOn('2026-10-25', night)).toEqual({ start: '2026-10-24T23:00:00.000Z', end: '2026-10-25T04:00:00.000Z' });
    expect(add('2026-03-29T00:00:00Z', 180, night)).toBe('2026-03-29T03:00:00.000Z');
    expect(add('2026-10-24T23:00:00Z', 300, night)).toBe('2026-10-25T04:00:00.000Z');
    // 02:30 does not exist on 29 March: work starts when the clocks jump to 03:00 CEST
    expect(workingPeriodOn('2026-03-29', { ...night, dayStart: '02:30' })?.start).toBe('2026-03-29T01:00:00.000Z');
    // 02:30 happens twice on 25 October: the first one
    expect(workingPeriodOn('2026-10-25', { ...night, dayStart: '02:30' })?.start).toBe('2026-10-25T00:30:00.000Z');
  });
});

// ---- properties over random valid calendars and instants in 2026–2027 ----

const ZONES = ['Europe/Moscow', 'Europe/Berlin', 'America/New_York', 'UTC', 'Asia/Kathmandu'];
const pad = (n: number) => String(n).padStart(2, '0');
const hhmm = (m: number) => `${pad(Math.floor(m / 60))}:${pad(m % 60)}`;
const dateArb = fc.integer({ min: -10, max: 740 }).map((i) => addDays('2026-01-01', i));
const FROM = Date.parse('2026-01-01T00:00:00Z');
const TO = Date.parse('2027-12-31T23:59:59Z');
const QUARTER = 15 * MIN;
// half of the instants fall within three days before a Berlin or New York clock change
const CLOCK_CHANGES = [
  '2026-03-08T07:00Z',
  '2026-03-29T01:00Z',
  '2026-10-25T01:00Z',
  '2026-11-01T06:00Z',
  '2027-03-14T07:00Z',
  '2027-03-28T01:00Z',
  '2027-10-31T01:00Z',
  '2027-11-07T06:00Z',
].map(Date.parse);
const nearChange = (step: number) =>
  fc.tuple(fc.constantFrom(...CLOCK_CHANGES), fc.integer({ min: 0, max: (3 * 1440 * MIN) / step })).map(([t, k]) => t - k * step);
const instantArb = fc.oneof(fc.integer({ min: FROM, max: TO }), nearChange(1));
const quarterArb = fc.oneof(
  fc.integer({ min: FROM / QUARTER, max: Math.floor(TO / QUARTER) }).map((q) => q * QUARTER),
  nearChange(QUARTER),
);

/**
 * Random valid calendars. `safe` ones work on quarter hours, away from the hours clocks change in
 * (01:00–04:00), so the wall-clock oracle below can read them a quarter hour at a time.
 */
function calendarArb(safe = false) {
  const span = fc.integer({ min: safe ? 16 : 0, max: safe ? 80 : 1439 }).chain((s) =>
    safe
      ? fc.tuple(
          fc.constant(s * 15),
          fc.integer({ min: s + 1, max: 96 }).map((e) => e * 15),
        )
      : fc.tuple(fc.constant(s), fc.integer({ min: s + 1, max: 1440 })),
  );
  return fc
    .record({
      timeZone: fc.constantFrom(...ZONES),
      workingDays: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
      span,
      holidays: fc.uniqueArray(dateArb, { maxLength: 40 }),
      russian: fc.boolean(),
      overrides: fc.uniqueArray(dateArb, { maxLength: 8 }),
    })
    .map(({ timeZone, workingDays, span: [s, e], holidays, russian, overrides }): WorkingCalendar => {
      const off = [...new Set([...holidays, ...(russian ? RUSSIAN_HOLIDAYS_2026_2027 : [])])];
      return {
        timeZone,
        workingDays,
        dayStart: hhmm(s),
        dayEnd: hhmm(e),
        holidays: off,
        workdaysOverride: overrides.filter((d) => !off.includes(d)),
      };
    });
}

const minutesArb = fc.integer({ min: 0, max: 40 * 60 * 2 });

/** The test's own reading of "working minute", straight from the wall clock. */
function isWorkingMinute(t: number, cal: WorkingCalendar): boolean {
  const w = wallClock(t, cal.timeZone);
  const date = `${w.year}-${pad(w.month)}-${pad(w.day)}`;
  const weekday = ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
  const workingDate = !cal.holidays.includes(date) && (cal.workingDays.includes(weekday) || (cal.workdaysOverride ?? []).includes(date));
  const m = w.hour * 60 + w.minute;
  const [s, e] = [cal.dayStart, cal.dayEnd].map((x) => Number(x.slice(0, 2)) * 60 + Number(x.slice(3)));
  return workingDate && m >= s! && m < e!;
}

/** Working minutes in [a, b) for a safe calendar and a quarter-hour `a`: whole quarters, then minutes. */
const countWorkingMinutes = (a: number, b: number, cal: WorkingCalendar) => {
  let n = 0;
  let t = a;
  for (; t + QUARTER <= b; t += QUARTER) if (isWorkingMinute(t, cal)) n += 15;
  for (; t < b; t += MIN) if (isWorkingMinute(t, cal)) n++;
  return n;
};

describe('working time: properties', () => {
  it('the generator makes only calendars the validator accepts', () => {
    fc.assert(
      fc.property(calendarArb(), (cal) => {
        expect(validateWorkingCalendar(cal)).toEqual([]);
      }),
    );
  });

  it('agrees minute by minute with the wall clock (calendars away from clock changes)', () => {
    fc.assert(
      fc.property(calendarArb(true), quarterArb, fc.integer({ min: 1, max: 600 }), (cal, start, m) => {
        const due = Date.parse(add(iso(start), m, cal));
        expect(isWorkingMinute(due - MIN, cal)).toBe(true);
        expect(countWorkingMinutes(start, due, cal)).toBe(m);
      }),
      { numRuns: 80 },
    );
    fc.assert(
      fc.property(calendarArb(true), quarterArb, fc.integer({ min: 0, max: 3 * 1440 }), (cal, a, span) => {
        expect(workingMinutesBetween(iso(a), iso(a + span * MIN), cal)).toBe(countWorkingMinutes(a, a + span * MIN, cal));
      }),
      { numRuns: 80 },
    );
  });

  it('the due instant is in working time or exactly at the end of a working period', () => {
    fc.assert(
      fc.property(calendarArb(), instantArb, minutesArb, (cal, start, m) => {
        const due = Date.parse(add(iso(start), m, cal));
        // m > 0: the period of the date of the instant just before `due` holds it, due ∈ (start, end];
        // m = 0: the start itself or the next period's start, due ∈ [start, end)
        const p = workingPeriodOn(localDate(m > 0 ? due - 1 : due, cal.timeZone), cal);
        expect(p).not.toBeNull();
        const [s, e] = [Date.parse(p!.start), Date.parse(p!.end)];
        expect(m > 0 ? s < due && due <= e : s <= due && due < e).toBe(true);
        if (m === 0) expect(due === start || due === s).toBe(true);
      }),
    );
  });

  it('workingMinutesBetween(start, addWorkingMinutes(start, m)) is m, and the reverse is −m', () => {
    fc.assert(
      fc.property(calendarArb(), instantArb, minutesArb, (cal, start, m) => {
        const due = add(iso(start), m, cal);
        expect(workingMinutesBetween(iso(start), due, cal)).toBe(m);
        expect(workingMinutesBetween(due, iso(start), cal)).toBe(m === 0 ? 0 : -m);
      }),
    );
  });

  it('is strictly increasing in the minutes', () => {
    fc.assert(
      fc.property(calendarArb(), instantArb, minutesArb, fc.integer({ min: 1, max: 600 }), (cal, start, m, more) => {
        expect(Date.parse(add(iso(start), m + more, cal))).toBeGreaterThan(Date.parse(add(iso(start), m, cal)));
      }),
    );
  });

  it('adding a holiday never makes a deadline earlier, and a worked one makes it later', () => {
    fc.assert(
      fc.property(
        calendarArb(),
        instantArb,
        fc.integer({ min: 1, max: 40 * 60 }),
        fc.integer({ min: 0, max: 20 }),
        (cal, start, m, offset) => {
          const due = Date.parse(add(iso(start), m, cal));
          const day = addDays(localDate(start, cal.timeZone), offset);
          const withHoliday = {
            ...cal,
            holidays: [...cal.holidays, day],
            workdaysOverride: (cal.workdaysOverride ?? []).filter((d) => d !== day),
          };
          const later = Date.parse(add(iso(start), m, withHoliday));
          expect(later).toBeGreaterThanOrEqual(due);
          const p = workingPeriodOn(day, cal);
          if (p && Date.parse(p.end) > start && Date.parse(p.start) < due) expect(later).toBeGreaterThan(due);
        },
      ),
    );
  });

  it('a start anywhere in a non-working stretch gives the same due as the next period’s start', () => {
    fc.assert(
      fc.property(calendarArb(), dateArb, fc.double({ min: 0, max: 1, noNaN: true }), minutesArb, (cal, date, where, m) => {
        // the first working period on or after `date`, and the end of the one before it
        let d = date;
        while (!workingPeriodOn(d, cal)) d = addDays(d, 1);
        const next = Date.parse(workingPeriodOn(d, cal)!.start);
        let b = addDays(d, -1);
        while (!workingPeriodOn(b, cal)) b = addDays(b, -1);
        const previousEnd = Date.parse(workingPeriodOn(b, cal)!.end);
        const start = previousEnd + Math.floor(where * (next - previousEnd));
        expect(add(iso(start), m, cal)).toBe(add(iso(next), m, cal));
        expect(workingMinutesBetween(iso(previousEnd), iso(next), cal)).toBe(0);
      }),
    );
  });
});

describe('SLA levels and state', () => {
  it('levels carry seed 003’s maximum reaction times, the larger number where it gives two', () => {
    expect(Object.fromEntries(SLA_LEVEL_CODES.map((c) => [c, SLA_LEVELS[c].reactionHours]))).toEqual({
      vip: 2,
      emergency: 4,
      standard: 6,
      non_commercial: 24,
      consulting: 40,
    });
    for (const c of SLA_LEVEL_CODES) expect(SLA_LEVELS[c].code).toBe(c);
    expect(Object.keys(SLA_LEVELS).sort()).toEqual([...SLA_LEVEL_CODES].sort());
  });

  // VIP, created Mon 9 Feb 2026 09:00 Moscow: due 11:00 (08:00Z)
  const created = '2026-02-09T06:00:00Z';
  const vip = (firstAnswerAt: string | null, now: string) => slaState({ createdAt: created, firstAnswerAt, level: 'vip' }, now, MSK);

  it('answered before or at the deadline is kept, after it is breached even if the answer came', () => {
    expect(vip('2026-02-09T07:59:00Z', '2026-02-10T12:00:00Z')).toEqual({
      dueAt: '2026-02-09T08:00:00.000Z',
      breached: false,
      atRisk: false,
      remainingMinutes: 1,
    });
    expect(vip('2026-02-09T08:00:00Z', '2026-02-10T12:00:00Z').breached).toBe(false);
    expect(vip('2026-02-09T08:01:00Z', '2026-02-10T12:00:00Z')).toMatchObject({ breached: true, atRisk: false, remainingMinutes: -1 });
    // answered on Tuesday at 10:00: 8 working hours late (11:00–18:00 Monday, 09:00–10:00 Tuesday)
    expect(vip('2026-02-10T07:00:00Z', '2026-02-10T12:00:00Z').remainingMinutes).toBe(-8 * 60);
  });

  it('unanswered: breached once now is past the deadline, not at it', () => {
    expect(vip(null, '2026-02-09T08:00:00Z')).toMatchObject({ breached: false, remainingMinutes: 0 });
    expect(vip(null, '2026-02-09T08:00:00.001Z')).toMatchObject({ breached: true, atRisk: false });
    expect(vip(null, '2026-02-09T08:30:00Z')).toMatchObject({ breached: true, remainingMinutes: -30 });
    expect(vip(null, '2026-02-09T07:00:00Z')).toMatchObject({ breached: false, atRisk: false, remainingMinutes: 60 });
  });

  it('at risk: less than a quarter of the reaction time left (VIP: under 30 working minutes)', () => {
    expect(vip(null, '2026-02-09T07:30:00Z')).toMatchObject({ atRisk: false, remainingMinutes: 30 });
    expect(vip(null, '2026-02-09T07:30:01Z')).toMatchObject({ atRisk: true, remainingMinutes: 29 });
    // over a weekend the clock stands still: Fri 17:00 → due Mon 10:00; Saturday has 60 working minutes left
    const friday = { createdAt: '2026-02-06T14:00:00Z', firstAnswerAt: null, level: 'vip' as const };
    expect(slaState(friday, '2026-02-07T12:00:00Z', MSK)).toMatchObject({ atRisk: false, remainingMinutes: 60 });
    expect(slaState(friday, '2026-02-09T06:31:00Z', MSK)).toMatchObject({ atRisk: true, remainingMinutes: 29 });
  });

  it('for every level the boundary is exactly three quarters of its time used', () => {
    fc.assert(
      fc.property(calendarArb(), instantArb, fc.constantFrom(...SLA_LEVEL_CODES), (cal, createdMs, level) => {
        const createdAt = iso(createdMs);
        const allowed = SLA_LEVELS[level].reactionHours * 60;
        const state = (now: string, answer: string | null = null) => slaState({ createdAt, firstAnswerAt: answer, level }, now, cal);
        const edge = addWorkingMinutes(createdAt, (allowed * 3) / 4, cal);
        expect(state(edge)).toMatchObject({ atRisk: false, breached: false, remainingMinutes: allowed / 4 });
        const inside = addWorkingMinutes(createdAt, (allowed * 3) / 4 + 1, cal);
        expect(state(inside)).toMatchObject({ atRisk: true, breached: false });
        expect(state(inside, inside)).toMatchObject({ atRisk: false, breached: false });
        const due = reactionDeadline(createdAt, level, cal);
        expect(state(iso(Date.parse(due) + 1))).toMatchObject({ atRisk: false, breached: true });
      }),
      { numRuns: 60 },
    );
  });
});

describe('service requests: kinds, statuses, transitions', () => {
  it('kinds are seed 004’s four, in Russian and English', () => {
    expect(Object.keys(REQUEST_KINDS)).toEqual(['incident', 'problem', 'service', 'development']);
    expect(Object.values(REQUEST_KINDS).map((k) => k.ru)).toEqual(['Инцидент', 'Проблема', 'Запрос на обслуживание', 'Запрос на развитие']);
  });

  const ALLOWED: [RequestStatus, RequestStatus][] = [
    ['new', 'in_work'],
    ['new', 'needs_clarification'],
    ['new', 'closed'],
    ['in_work', 'needs_clarification'],
    ['in_work', 'resolved'],
    ['in_work', 'closed'],
    ['needs_clarification', 'in_work'],
    ['needs_clarification', 'closed'],
    ['resolved', 'in_work'],
    ['resolved', 'closed'],
  ];
  const STATUSES = Object.keys(REQUEST_STATUSES) as RequestStatus[];

  it('allows exactly the listed transitions and refuses every other pair', () => {
    expect(STATUSES).toEqual(['new', 'in_work', 'needs_clarification', 'resolved', 'closed']);
    const allowed = new Set(ALLOWED.map(([a, b]) => `${a}>${b}`));
    for (const from of STATUSES) {
      for (const to of STATUSES) expect(canTransition(from, to), `${from} → ${to}`).toBe(allowed.has(`${from}>${to}`));
      expect([...nextStatuses(from)].sort()).toEqual(
        ALLOWED.filter(([a]) => a === from)
          .map(([, b]) => b)
          .sort(),
      );
    }
    expect(nextStatuses('closed')).toEqual([]);
  });

  it('actions follow the same table', () => {
    expect(applyAction('new', 'take')).toBe('in_work');
    expect(applyAction('needs_clarification', 'clarify')).toBe('in_work');
    expect(applyAction('resolved', 'reopen')).toBe('in_work');
    expect(applyAction('closed', 'reopen')).toBeNull();
    expect(applyAction('new', 'resolve')).toBeNull();
    for (const from of STATUSES) {
      for (const action of actionsFrom(from)) expect(canTransition(from, applyAction(from, action)!)).toBe(true);
      for (const action of Object.keys(REQUEST_TRANSITIONS) as (keyof typeof REQUEST_TRANSITIONS)[]) {
        expect(applyAction(from, action) !== null).toBe(actionsFrom(from).includes(action));
      }
    }
  });
});
