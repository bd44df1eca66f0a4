/**
 * Working time on the company's calendar (settings: time zone, working days and hours, holidays,
 * transferred working days): what SLA reaction times are counted in (DOMAIN.md, second round;
 * seed 003). Pure, no I/O: the Worker and the browser UI share it.
 *
 * A date is a working date when it is not a holiday and its ISO weekday is a working day or it is
 * listed in workdaysOverride (a holiday wins over an override; the validator refuses both at once).
 * Working time is the union, over working dates D, of the half-open interval
 * [first instant D's wall clock shows dayStart, first instant D's wall clock shows dayEnd).
 * On a daylight-saving day that interval is as long as the clocks make it: a skipped
 * spring-forward hour inside it is not worked, a repeated fall-back hour is worked twice.
 * A dayStart that does not exist that day (inside a spring-forward gap) begins when the clocks jump.
 * All arithmetic is on integer milliseconds; instants are ISO strings in, ISO UTC strings out.
 */
import { addDays, isRealDate, isValidTimeZone, localDate, wallClock } from './calendar';

export interface WorkingCalendar {
  /** IANA time zone, e.g. Europe/Moscow. */
  readonly timeZone: string;
  /** ISO weekdays: 1 = Monday … 7 = Sunday. */
  readonly workingDays: readonly number[];
  /** 'HH:MM', 00:00–23:59. */
  readonly dayStart: string;
  /** 'HH:MM', after dayStart; '24:00' means midnight at the end of the day. */
  readonly dayEnd: string;
  /** YYYY-MM-DD company dates that are not worked (public holidays and the days off moved onto weekdays). */
  readonly holidays: readonly string[];
  /** YYYY-MM-DD dates worked although their weekday is not a working day (Russia's transferred working Saturdays). */
  readonly workdaysOverride?: readonly string[];
}

/**
 * Russian non-working holidays, 2026 and 2027, as the production calendar gives them as far as it
 * is known; the admin edits the company's list in settings (this is only the shipped default).
 * 2026: the decree of the Government of the Russian Federation of 24 September 2025: 1–8 January,
 * 23 February, 8 March, 1 May, 9 May, 12 June, 4 November, plus the days off moved onto weekdays:
 * 9 January (from Saturday 3 January), 9 March (from Sunday 8 March), 11 May (from Saturday 9 May),
 * 31 December (from Sunday 4 January). 2026 has no transferred working Saturday.
 * 2027: the statutory part only (Labour Code art. 112): 1–8 January, 23 February, 8 March, 1 May,
 * 9 May, 12 June, 4 November, and the automatic moves to the next weekday: 3 May (from Saturday
 * 1 May), 10 May (from Sunday 9 May), 14 June (from Saturday 12 June). Where the Government moves the
 * days off of Saturday 2 and Sunday 3 January 2027 (and any working Saturday) is set by a decree not
 * yet in this list: the admin adds those dates to holidays / workdaysOverride once it is published.
 * Shortened pre-holiday days (one hour less) are not modelled.
 */
export const RUSSIAN_HOLIDAYS_2026_2027: readonly string[] = Object.freeze([
  '2026-01-01',
  '2026-01-02',
  '2026-01-03',
  '2026-01-04',
  '2026-01-05',
  '2026-01-06',
  '2026-01-07',
  '2026-01-08',
  '2026-01-09',
  '2026-02-23',
  '2026-03-08',
  '2026-03-09',
  '2026-05-01',
  '2026-05-09',
  '2026-05-11',
  '2026-06-12',
  '2026-11-04',
  '2026-12-31',
  '2027-01-01',
  '2027-01-02',
  '2027-01-03',
  '2027-01-04',
  '2027-01-05',
  '2027-01-06',
  '2027-01-07',
  '2027-01-08',
  '2027-02-23',
  '2027-03-08',
  '2027-05-01',
  '2027-05-03',
  '2027-05-09',
  '2027-05-10',
  '2027-06-12',
  '2027-06-14',
  '2027-11-04',
]);

/** The company's default: Moscow, Monday to Friday, 09:00–18:00, the Russian holidays above. */
export const DEFAULT_WORKING_CALENDAR: WorkingCalendar = Object.freeze({
  timeZone: 'Europe/Moscow',
  workingDays: Object.freeze([1, 2, 3, 4, 5]),
  dayStart: '09:00',
  dayEnd: '18:00',
  holidays: RUSSIAN_HOLIDAYS_2026_2027,
  workdaysOverride: Object.freeze([]),
});

export interface CalendarProblem {
  field: keyof WorkingCalendar;
  en: string;
  ru: string;
}

const START_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;
const END_PATTERN = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;

function minuteOfDay(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

/** Everything wrong with a calendar, in words for the settings form; empty when it is usable. */
export function validateWorkingCalendar(calendar: WorkingCalendar): CalendarProblem[] {
  const problems: CalendarProblem[] = [];
  const add = (field: keyof WorkingCalendar, en: string, ru: string) => problems.push({ field, en, ru });
  const { timeZone, workingDays, dayStart, dayEnd, holidays } = calendar;
  const overrides = calendar.workdaysOverride ?? [];
  if (typeof timeZone !== 'string' || !isValidTimeZone(timeZone)) {
    add(
      'timeZone',
      `"${timeZone}" is not a time zone; use an IANA name such as Europe/Moscow.`,
      `«${timeZone}» — не часовой пояс; укажите имя IANA, например Europe/Moscow.`,
    );
  }
  if (!Array.isArray(workingDays) || workingDays.length === 0) {
    add('workingDays', 'Choose at least one working day of the week.', 'Выберите хотя бы один рабочий день недели.');
  } else if (workingDays.some((d) => !Number.isInteger(d) || d < 1 || d > 7)) {
    add(
      'workingDays',
      'Working days are weekday numbers from 1 (Monday) to 7 (Sunday).',
      'Рабочие дни — номера дней недели от 1 (понедельник) до 7 (воскресенье).',
    );
  }
  const startOk = typeof dayStart === 'string' && START_PATTERN.test(dayStart);
  const endOk = typeof dayEnd === 'string' && END_PATTERN.test(dayEnd);
  if (!startOk)
    add('dayStart', `The working day's start "${dayStart}" is not a time HH:MM.`, `Начало рабочего дня «${dayStart}» — не время ЧЧ:ММ.`);
  if (!endOk)
    add(
      'dayEnd',
      `The working day's end "${dayEnd}" is not a time HH:MM (24:00 at the latest).`,
      `Конец рабочего дня «${dayEnd}» — не время ЧЧ:ММ (не позже 24:00).`,
    );
  if (startOk && endOk && minuteOfDay(dayEnd) <= minuteOfDay(dayStart)) {
    add(
      'dayEnd',
      'The working day must end after it starts (shifts across midnight are not supported).',
      'Рабочий день должен заканчиваться позже, чем начинается (смены через полночь не поддерживаются).',
    );
  }
  const dates = (field: 'holidays' | 'workdaysOverride', list: unknown) => {
    if (!Array.isArray(list)) {
      add(field, 'Expected a list of dates YYYY-MM-DD.', 'Ожидается список дат ГГГГ-ММ-ДД.');
      return;
    }
    for (const d of list) {
      if (typeof d !== 'string' || !isRealDate(d)) add(field, `"${d}" is not a date YYYY-MM-DD.`, `«${d}» — не дата ГГГГ-ММ-ДД.`);
    }
  };
  dates('holidays', holidays);
  dates('workdaysOverride', overrides);
  if (Array.isArray(holidays) && Array.isArray(overrides)) {
    const off = new Set(holidays);
    for (const d of overrides) {
      if (off.has(d))
        add(
          'workdaysOverride',
          `${d} is listed both as a holiday and as a working day.`,
          `${d} указана и как праздник, и как рабочий день.`,
        );
    }
  }
  return problems;
}

const MINUTE = 60_000;
const DAY = 86_400_000;
/** A guard for broken data: this many consecutive dates without working time ends the search. */
const MAX_IDLE_DAYS = 3660;

type Period = readonly [start: number, end: number];

interface Compiled {
  timeZone: string;
  weekdays: Set<number>;
  start: number;
  end: number;
  holidays: Set<string>;
  workdays: Set<string>;
  periods: Map<string, Period | null>;
}

/** Compiled calendars by content, so a calendar read afresh for each HTTP request still hits the cache. */
const compiled = new Map<string, Compiled>();

function compile(calendar: WorkingCalendar): Compiled {
  const { timeZone, workingDays, dayStart, dayEnd, holidays, workdaysOverride } = calendar;
  const key = JSON.stringify([timeZone, workingDays, dayStart, dayEnd, holidays, workdaysOverride ?? []]);
  let c = compiled.get(key);
  if (!c) {
    const problems = validateWorkingCalendar(calendar);
    if (problems.length > 0) throw new RangeError(`invalid working calendar: ${problems.map((p) => p.en).join(' ')}`);
    c = {
      timeZone,
      weekdays: new Set(workingDays),
      start: minuteOfDay(dayStart),
      end: minuteOfDay(dayEnd),
      holidays: new Set(holidays),
      workdays: new Set(workdaysOverride ?? []),
      periods: new Map(),
    };
    if (compiled.size >= 32) compiled.clear();
    compiled.set(key, c);
  }
  return c;
}

/** Wall clock minus UTC, in ms, at that instant. */
function offsetAt(instantMs: number, timeZone: string): number {
  const w = wallClock(instantMs, timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(instantMs / 1000) * 1000;
}

function dateParts(date: string): [number, number, number] {
  return date.split('-').map(Number) as [number, number, number];
}

/**
 * The first instant at which the wall clock on `date` shows `minute` (minutes after its midnight,
 * 0–1440) or later: the earlier of two when the clocks fall back, the jump when they skip it.
 */
function wallTimeToUtc(date: string, minute: number, timeZone: string): number {
  const [y, m, d] = dateParts(date);
  const wall = Date.UTC(y, m - 1, d, 0, minute);
  // the offsets a day either side: equal unless the clocks change in between (at most once in two days)
  const before = offsetAt(wall - DAY, timeZone);
  const after = offsetAt(wall + DAY, timeZone);
  if (before === after) return wall - before;
  const fits = [before, after].filter((o) => offsetAt(wall - o, timeZone) === o);
  if (fits.length > 0) return Math.min(...fits.map((o) => wall - o));
  // skipped: find the jump between lo (still `before`) and hi (already `after`)
  let lo = wall - after;
  let hi = wall - before;
  while (hi - lo > MINUTE) {
    const mid = lo + Math.max(MINUTE, Math.floor((hi - lo) / 2 / MINUTE) * MINUTE);
    if (offsetAt(mid, timeZone) === before) lo = mid;
    else hi = mid;
  }
  return hi;
}

function isoWeekday(date: string): number {
  const [y, m, d] = dateParts(date);
  return ((new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7) + 1;
}

function isWorking(c: Compiled, date: string): boolean {
  if (c.holidays.has(date)) return false;
  return c.weekdays.has(isoWeekday(date)) || c.workdays.has(date);
}

function periodOn(c: Compiled, date: string): Period | null {
  const known = c.periods.get(date);
  if (known !== undefined) return known;
  let period: Period | null = null;
  if (isWorking(c, date)) {
    const start = wallTimeToUtc(date, c.start, c.timeZone);
    const end = wallTimeToUtc(date, c.end, c.timeZone);
    if (end > start) period = [start, end];
  }
  if (c.periods.size >= 4096) c.periods.clear();
  c.periods.set(date, period);
  return period;
}

/** Whether a company date (YYYY-MM-DD) is a working date of the calendar. */
export function isWorkingDate(date: string, calendar: WorkingCalendar): boolean {
  return isWorking(compile(calendar), date);
}

/** The working interval of a company date, as ISO UTC instants, or null on a day off. */
export function workingPeriodOn(date: string, calendar: WorkingCalendar): { start: string; end: string } | null {
  const p = periodOn(compile(calendar), date);
  return p && { start: new Date(p[0]).toISOString(), end: new Date(p[1]).toISOString() };
}

const INSTANT_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** An ISO instant with an explicit offset (Z or ±HH:MM) as epoch ms; a bare local time is refused. */
function instantMs(iso: string): number {
  const ms = INSTANT_PATTERN.test(iso) ? Date.parse(iso) : NaN;
  if (Number.isNaN(ms)) throw new RangeError(`not an ISO instant with an offset: ${iso}`);
  return ms;
}

/** The working periods of the dates from the one containing `fromMs` on, in order. */
function* periodsFrom(c: Compiled, fromMs: number): Generator<Period> {
  let idle = 0;
  for (let date = localDate(fromMs, c.timeZone); ; date = addDays(date, 1)) {
    const p = periodOn(c, date);
    if (p) {
      idle = 0;
      yield p;
    } else if (++idle > MAX_IDLE_DAYS) {
      throw new RangeError(`no working time in ${MAX_IDLE_DAYS} days after ${date}`);
    }
  }
}

/**
 * The instant at which `minutes` of working time have passed since `startIso`. A start outside
 * working time counts from the next period's start; the result may be exactly a period's end
 * (a deadline at 18:00 stays 18:00, not the next morning). With 0 minutes: the start itself when
 * it is working time, else the next period's start.
 */
export function addWorkingMinutes(startIso: string, minutes: number, calendar: WorkingCalendar): string {
  if (!Number.isSafeInteger(minutes) || minutes < 0) throw new RangeError(`minutes must be a non-negative integer: ${minutes}`);
  const c = compile(calendar);
  const cursor = instantMs(startIso);
  let left = minutes * MINUTE;
  for (const [start, end] of periodsFrom(c, cursor)) {
    if (end <= cursor) continue;
    const from = Math.max(start, cursor);
    if (left <= end - from) return new Date(from + left).toISOString();
    left -= end - from;
  }
  throw new Error('unreachable');
}

/**
 * Working time between two instants in whole minutes (truncated toward zero); negative when `toIso`
 * is before `fromIso`, so "overdue by" reads as a negative remainder.
 */
export function workingMinutesBetween(fromIso: string, toIso: string, calendar: WorkingCalendar): number {
  const c = compile(calendar);
  const a = instantMs(fromIso);
  const b = instantMs(toIso);
  const [lo, hi, sign] = a <= b ? [a, b, 1] : [b, a, -1];
  let total = 0;
  const last = localDate(hi, c.timeZone);
  for (let date = localDate(lo, c.timeZone); date <= last; date = addDays(date, 1)) {
    const p = periodOn(c, date);
    if (p) total += Math.max(0, Math.min(p[1], hi) - Math.max(p[0], lo));
  }
  const whole = Math.floor(total / MINUTE);
  return whole === 0 ? 0 : sign * whole;
}
