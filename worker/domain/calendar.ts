/**
 * Calendar days and months in the company's time zone (a setting, default Europe/Moscow).
 * Instants are stored in UTC; a month is the half-open range [first instant of the month,
 * first instant of the next month) as seen on the company's wall clock.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export function wallClock(instantMs: number, timeZone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(new Date(instantMs))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return {
    year: parts.year ?? 1970,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

/** Wall-clock minus UTC, in ms, at that instant. */
function offsetMs(instantMs: number, timeZone: string): number {
  const w = wallClock(instantMs, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(instantMs / 1000) * 1000;
}

/** The UTC instant at which the company's wall clock shows the given local midnight. */
export function localMidnightUtc(year: number, month: number, day: number, timeZone: string): number {
  const guess = Date.UTC(year, month - 1, day);
  let instant = guess - offsetMs(guess, timeZone);
  const corrected = guess - offsetMs(instant, timeZone);
  if (corrected !== instant) instant = corrected;
  return instant;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** YYYY-MM-DD of an instant on the company's calendar. */
export function localDate(instantMs: number, timeZone: string): string {
  const w = wallClock(instantMs, timeZone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
}

/**
 * localDate for many instants in one zone (a month's ledger): the zone's offset is looked up
 * once per UTC hour and reused for every instant in that hour, so a report of thousands of
 * rows formats a few hundred hours instead of every row. An hour whose offset differs at its
 * start and its end (a transition inside it) falls back to localDate for each instant.
 */
export function localDater(timeZone: string): (instantMs: number) => string {
  const HOUR = 3_600_000;
  const offsets = new Map<number, number | null>();
  return (instantMs) => {
    const hour = Math.floor(instantMs / HOUR);
    let offset = offsets.get(hour);
    if (offset === undefined) {
      const atStart = offsetMs(hour * HOUR, timeZone);
      offset = atStart === offsetMs(hour * HOUR + HOUR - 1, timeZone) ? atStart : null;
      offsets.set(hour, offset);
    }
    if (offset === null) return localDate(instantMs, timeZone);
    return new Date(instantMs + offset).toISOString().slice(0, 10);
  };
}

/** YYYY-MM of an instant on the company's calendar. */
export function localMonth(instantMs: number, timeZone: string): string {
  return localDate(instantMs, timeZone).slice(0, 7);
}

export const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function parseMonth(month: string): { year: number; month: number } | null {
  const m = MONTH_PATTERN.exec(month);
  if (!m) return null;
  return { year: Number(m[1]), month: Number(m[2]) };
}

export function shiftMonth(month: string, delta: number): string {
  const p = parseMonth(month);
  if (!p) throw new RangeError(`not a month: ${month}`);
  const index = p.year * 12 + (p.month - 1) + delta;
  return `${pad(Math.floor(index / 12), 4)}-${pad((index % 12) + 1)}`;
}

/** [start, end) of a calendar month in the company's zone, as ISO UTC strings. */
export function monthRange(month: string, timeZone: string): { start: string; end: string } {
  const p = parseMonth(month);
  if (!p) throw new RangeError(`not a month: ${month}`);
  const next = parseMonth(shiftMonth(month, 1))!;
  return {
    start: new Date(localMidnightUtc(p.year, p.month, 1, timeZone)).toISOString(),
    end: new Date(localMidnightUtc(next.year, next.month, 1, timeZone)).toISOString(),
  };
}

/** The last `count` months up to and including `month`, oldest first. */
export function monthsEndingWith(month: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => shiftMonth(month, i - count + 1));
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return t.toISOString().slice(0, 10);
}

export const DATE_PATTERN = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export function isRealDate(date: string): boolean {
  if (!DATE_PATTERN.test(date)) return false;
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}
