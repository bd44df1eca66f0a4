/** Price-list settings: read by staff, changed by the admin. */
import { ErrorBody, Settings, SettingsPatchBody } from '../../schema/api';
import { isValidTimeZone } from '../domain/calendar';
import { STAFF } from '../http/auth';
import { badRequest, conflict, unprocessable } from '../http/errors';
import { commonErrors, jsonBody, jsonResponse, router, staffRoute } from '../http/route';
import { validateWorkingCalendar } from '../domain/working-time';
import { calendarOf, getSettings, moneyRecorded, saveSettings } from '../store/settings';
import { ERRORS as E } from '../domain/words/errors';
import { both } from '../domain/words/words';

export const settingsRoutes = router()
  .openapi(
    staffRoute(STAFF, {
      method: 'get',
      path: '/',
      tags: ['settings'],
      summary: 'Rate, currency, VAT default and time zone',
      responses: { 200: jsonResponse(Settings, 'settings'), ...commonErrors },
    }),
    async (c) => c.json(await getSettings(c.var.db), 200),
  )
  .openapi(
    staffRoute(['admin'], {
      method: 'patch',
      path: '/',
      tags: ['settings'],
      summary:
        'Change settings (new quotes use them; old quotes keep their frozen rate; the currency is fixed once quotes or orders exist)',
      request: { body: jsonBody(SettingsPatchBody) },
      responses: { 200: jsonResponse(Settings, 'saved'), 409: jsonResponse(ErrorBody, 'stale version'), ...commonErrors },
    }),
    async (c) => {
      const { version, ...patch } = c.req.valid('json');
      if (patch.timeZone !== undefined && !isValidTimeZone(patch.timeZone)) {
        throw badRequest(both(E.unknownTimeZone, { zone: patch.timeZone }), [
          { field: 'timeZone', code: 'invalid_value', message: 'unknown IANA time zone' },
        ]);
      }
      if (patch.workingDays || patch.dayStart || patch.dayEnd || patch.holidays || patch.workdaysOverride || patch.timeZone) {
        // The calendar as it would be after the change must be usable (SLA deadlines count in it).
        const current = await getSettings(c.var.db);
        const next = calendarOf({ ...current, ...patch });
        const problems = validateWorkingCalendar({ ...next, workingDays: [...new Set(next.workingDays)] });
        if (problems.length > 0) {
          throw badRequest(
            { en: problems.map((p) => p.en).join(' '), ru: problems.map((p) => p.ru).join(' ') },
            problems.map((p) => ({ field: p.field, code: 'invalid_value', message: p.en })),
          );
        }
        if (patch.workingDays) patch.workingDays = [...new Set(patch.workingDays)].sort();
        if (patch.holidays) patch.holidays = [...new Set(patch.holidays)].sort();
        if (patch.workdaysOverride) patch.workdaysOverride = [...new Set(patch.workdaysOverride)].sort();
      }
      if (patch.currency !== undefined) {
        const current = await getSettings(c.var.db);
        if (patch.currency !== current.currency && (await moneyRecorded(c.var.db))) {
          throw unprocessable('currency_in_use', both(E.currencyInUse, { currency: current.currency }), { currency: current.currency });
        }
      }
      const saved = await saveSettings(c.var.db, patch, version);
      if (!saved) {
        const current = await getSettings(c.var.db);
        throw conflict('version_conflict', both(E.settingsVersionConflict), { currentVersion: current.version });
      }
      return c.json(saved, 200);
    },
  );
