/**
 * Closed months: an accountant closes a month that has ended; from then on no ledger entry may
 * be dated in it or before it (422 period_closed), and its report never changes.
 */
import { ErrorBody, MonthParam, Periods } from '../../schema/api';
import { localDate, localMonth } from '../domain/calendar';
import { monthsToClose } from '../domain/periods';
import { BOOKKEEPERS, currentUser, type AppContext } from '../http/auth';
import { orThrow, refusalError } from '../http/errors';
import { claimOf, idempotency, idempotencyHeader } from '../http/idempotency';
import { commonErrors, jsonResponse, router, staffRoute } from '../http/route';
import { closePeriods, closedThrough, firstEntryAt, listPeriods } from '../store/periods';
import { getSettings } from '../store/settings';
import { refusal } from '../domain/refusal';
import { ACCOUNTING_REFUSAL_WORDS as W } from '../domain/words/accounting';
import { monthTitle } from '../domain/words/months';
import { bothOf } from '../domain/words/words';

async function periodsAnswer(c: AppContext): Promise<Response> {
  const [periods, through, settings] = await Promise.all([listPeriods(c.var.db), closedThrough(c.var.db), getSettings(c.var.db)]);
  return c.json(
    {
      closedThrough: through?.month ?? null,
      openFrom: through ? localDate(Date.parse(through.endAt), settings.timeZone) : null,
      periods,
    },
    200,
  );
}

export const periodsRouter = router()
  .openapi(
    staffRoute(BOOKKEEPERS, {
      method: 'get',
      path: '/',
      tags: ['periods'],
      summary: 'Closed months, and the first day entries may be dated on again',
      responses: { 200: jsonResponse(Periods, 'the closed months, oldest first'), ...commonErrors },
    }),
    async (c) => periodsAnswer(c) as never,
  )
  .openapi(
    staffRoute(BOOKKEEPERS, {
      method: 'post',
      path: '/{month}/close',
      tags: ['periods'],
      summary:
        'Close a month that has ended (and every earlier one still open): nothing may be dated in it any more; idempotent by ' +
        'Idempotency-Key',
      middleware: [idempotency({ scope: 'period-close', required: false, answer: periodsAnswer })],
      request: { params: MonthParam, headers: idempotencyHeader(false) },
      responses: {
        200: jsonResponse(Periods, 'closed: the closed months now'),
        409: jsonResponse(ErrorBody, 'the month is closed already'),
        422: jsonResponse(ErrorBody, 'the month has not ended'),
        ...commonErrors,
      },
    }),
    async (c) => {
      const { month } = c.req.valid('param');
      const db = c.var.db;
      const [settings, through, first] = await Promise.all([getSettings(db), closedThrough(db), firstEntryAt(db)]);
      const firstMonth = first ? localMonth(Date.parse(first), settings.timeZone) : null;
      const months = orThrow(monthsToClose(month, through?.month ?? null, firstMonth, Date.now(), settings.timeZone));
      if (!(await closePeriods(db, months, currentUser(c).id, claimOf(c)))) {
        throw refusalError(
          refusal(
            409,
            'period_already_closed',
            bothOf(W.periodAlreadyClosed, (lang) => ({ month: monthTitle(month, lang) })),
            { month },
          ),
        );
      }
      return periodsAnswer(c) as never;
    },
  );
