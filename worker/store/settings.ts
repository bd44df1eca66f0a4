/** The single settings row: the price list's rate, currency, VAT default, time zone. */
import { and, eq, sql } from 'drizzle-orm';
import { settings } from '../../schema/tables';
import type { Db } from './db';
import { DEFAULT_WORKING_CALENDAR, type WorkingCalendar } from '../domain/working-time';

export type SettingsRow = typeof settings.$inferSelect;

/** Used until an admin saves settings (and by a fresh database before the seed). */
export const DEFAULT_SETTINGS: Omit<SettingsRow, 'updatedAt'> = {
  id: 1,
  rateMinor: 300_000,
  currency: 'RUB',
  vatRateMilli: 220,
  vatMode: 'on_top',
  timeZone: 'Europe/Moscow',
  companyName: 'ООО «Открытые технологии»',
  companyDetails: '',
  quoteValidityDays: 30,
  shareLinkDays: 30,
  backdateDays: 45,
  logoDataUrl: '',
  workingDays: [...DEFAULT_WORKING_CALENDAR.workingDays],
  dayStart: DEFAULT_WORKING_CALENDAR.dayStart,
  dayEnd: DEFAULT_WORKING_CALENDAR.dayEnd,
  holidays: [...DEFAULT_WORKING_CALENDAR.holidays],
  workdaysOverride: [],
  version: 1,
};

export function settingsQuery(db: Db) {
  return db.select().from(settings).where(eq(settings.id, 1)).limit(1);
}

export function settingsOrDefault(rows: SettingsRow[]): SettingsRow {
  return rows[0] ?? { ...DEFAULT_SETTINGS, updatedAt: '1970-01-01T00:00:00.000Z' };
}

export async function getSettings(db: Db): Promise<SettingsRow> {
  return settingsOrDefault(await settingsQuery(db));
}

/** Writes a change; with `expectedVersion` it only applies over that version (else null). */
export async function saveSettings(
  db: Db,
  patch: Partial<Omit<SettingsRow, 'id' | 'version' | 'updatedAt'>>,
  expectedVersion: number | undefined,
): Promise<SettingsRow | null> {
  const current = await getSettings(db);
  const now = new Date().toISOString();
  const version = expectedVersion ?? current.version;
  const [row] = await db
    .insert(settings)
    .values({ ...current, ...patch, id: 1, version: 1, updatedAt: now })
    .onConflictDoUpdate({
      target: settings.id,
      set: { ...patch, version: current.version + 1, updatedAt: now },
      setWhere: and(eq(settings.id, 1), eq(settings.version, version)),
    })
    .returning();
  return row ?? null;
}

/** Whether any quote or work order exists: then the installation's currency is fixed. */
export async function moneyRecorded(db: Db): Promise<boolean> {
  const row = await db.get<{ n: number }>(sql`select exists (select 1 from quotes) or exists (select 1 from orders) as n`);
  return (row?.n ?? 0) > 0;
}

/** The company's working calendar (SLA reaction times), from the settings row. */
export function calendarOf(s: SettingsRow): WorkingCalendar {
  return {
    timeZone: s.timeZone,
    workingDays: s.workingDays,
    dayStart: s.dayStart,
    dayEnd: s.dayEnd,
    holidays: s.holidays,
    workdaysOverride: s.workdaysOverride,
  };
}
