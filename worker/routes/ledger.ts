/** A customer's norm-hour ledger: read by staff, appended to by the accountant and the admin. */
import { z } from '@hono/zod-openapi';
import { ErrorBody, IdParam, LedgerBody, LedgerEntry, LedgerLine } from '../../schema/api';
import { addDays, localDate } from '../domain/calendar';
import { BOOKKEEPERS, STAFF, currentUser, type AppContext } from '../http/auth';
import { claimOf, idempotency, idempotencyHeader, raced } from '../http/idempotency';
import { fieldError, unprocessable } from '../http/errors';
import { commonErrors, jsonBody, jsonResponse, router, staffRoute } from '../http/route';
import { appendCorrection, appendTopup, correctedSoFar, findEntry, listLedger, type AppendResult } from '../store/ledger';
import { getSettings } from '../store/settings';
import { reconcileCustomer } from '../store/orders';
import { customerOr404 } from '../http/lookups';

const Appended = z.object({ entry: LedgerEntry, balanceCenti: z.number().int() }).openapi('LedgerAppended');

export const ledgerRouter = router()
  .openapi(
    staffRoute(STAFF, {
      method: 'get',
      path: '/{id}/ledger',
      tags: ['ledger'],
      summary: 'The customer’s ledger, newest first, with the balance after each entry and the debited services',
      request: { params: IdParam },
      responses: { 200: jsonResponse(z.array(LedgerLine), 'entries'), ...commonErrors },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await customerOr404(c.var.db, id);
      const rows = await listLedger(c.var.db, id);
      return c.json(rows.map(({ createdBy: _b, idempotencyKey: _k, pledgeId: _p, ...r }) => r), 200);
    },
  )
  .openapi(
    staffRoute(BOOKKEEPERS, {
      method: 'post',
      path: '/{id}/ledger',
      tags: ['ledger'],
      summary: 'Append a top-up (positive) or a correction (signed, naming the entry it reverses); entries are never edited; idempotent by Idempotency-Key',
      middleware: [idempotency({ scope: 'ledger', required: false, answer: appendedAnswer })],
      request: { params: IdParam, headers: idempotencyHeader(false), body: jsonBody(LedgerBody) },
      responses: { 201: jsonResponse(Appended, 'appended'), 422: jsonResponse(ErrorBody, 'the correction breaks a rule, or the date is too far back'), ...commonErrors },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const b = c.req.valid('json');
      const db = c.var.db;
      const [, settings] = await Promise.all([customerOr404(db, id), getSettings(db)]);
      const now = Date.now();
      const at = b.at ? new Date(b.at) : new Date(now);
      if (at.getTime() > now + 60_000) throw fieldError('at', { en: 'must not be in the future', ru: 'не может быть в будущем' });
      const earliest = addDays(localDate(now, settings.timeZone), -settings.backdateDays);
      if (localDate(at.getTime(), settings.timeZone) < earliest) {
        throw unprocessable(
          'backdated_too_far',
          {
            en: `An entry may be dated at most ${settings.backdateDays} days back (not before ${earliest}).`,
            ru: `Запись можно датировать не более чем на ${settings.backdateDays} дн. назад (не раньше ${earliest}).`,
          },
          { earliest, backdateDays: settings.backdateDays },
        );
      }
      const user = currentUser(c);
      const claim = claimOf(c);
      let appended;
      if (b.kind === 'topup') {
        if (b.normHoursCenti <= 0) {
          throw fieldError('normHoursCenti', { en: 'a top-up must be positive (to take hours away, make a correction)', ru: 'пополнение должно быть положительным (чтобы уменьшить баланс, сделайте корректировку)' });
        }
        if (b.correctsEntryId !== undefined) throw fieldError('correctsEntryId', { en: 'only a correction names an entry', ru: 'ссылка на запись бывает только у корректировки' });
        appended = await appendTopup(db, { customerId: id, topupKind: b.topupKind ?? 'support', normHoursCenti: b.normHoursCenti, memo: b.memo, at: at.toISOString(), userId: user.id }, claim);
      } else {
        if (b.normHoursCenti === 0) throw fieldError('normHoursCenti', { en: 'a correction cannot be zero', ru: 'корректировка не может быть нулевой' });
        if (!b.memo) throw fieldError('memo', { en: 'say why the correction is made', ru: 'укажите причину корректировки' });
        if (b.topupKind !== undefined) throw fieldError('topupKind', { en: 'only a top-up has a kind', ru: 'вид бывает только у пополнения' });
        const target = b.correctsEntryId ?? null;
        if (target !== null) {
          const corrected = await findEntry(db, target);
          if (!corrected || corrected.customerId !== id) throw fieldError('correctsEntryId', { en: 'no such entry in this customer’s ledger', ru: 'такой записи в журнале заказчика нет' });
          if (corrected.kind === 'correction') throw unprocessable('correction_of_correction', { en: 'Correct the original entry, not a correction.', ru: 'Корректируйте исходную запись, а не корректировку.' });
          if (corrected.normHoursCenti * b.normHoursCenti > 0) {
            throw unprocessable('correction_same_sign', { en: 'A correction goes the other way from the entry it reverses.', ru: 'Корректировка направлена против исправляемой записи.' });
          }
          const left = Math.abs(corrected.normHoursCenti) - Math.abs(await correctedSoFar(db, target));
          if (Math.abs(b.normHoursCenti) > left) {
            throw unprocessable(
              'correction_too_large',
              { en: `At most ${(left / 100).toFixed(2)} norm-hours of this entry are left to reverse.`, ru: `Из этой записи осталось сторнировать не больше ${(left / 100).toFixed(2).replace('.', ',')} нормо-ч.` },
              { leftCenti: left },
            );
          }
        }
        appended = await appendCorrection(db, { customerId: id, normHoursCenti: b.normHoursCenti, memo: b.memo, at: at.toISOString(), correctsEntryId: target, userId: user.id }, claim);
        if (!appended) throw unprocessable('correction_refused', { en: 'The correction no longer fits the entry (another correction came first).', ru: 'Корректировка уже не помещается в запись (раньше пришла другая).' });
      }
      if (appended === 'raced') throw raced();
      if (!appended) throw unprocessable('customer_gone', { en: 'The customer is gone.', ru: 'Заказчика больше нет.' });
      await reconcileCustomer(db, id);
      return appendedAnswer(c, appended as unknown as Record<string, unknown>) as never;
    },
  );

/** The answer of an append, from what its write stored: the entry and the balance right after it. */
async function appendedAnswer(c: AppContext, result: Record<string, unknown>): Promise<Response> {
  const r = result as unknown as AppendResult;
  const entry = await findEntry(c.var.db, r.entryId);
  if (!entry) throw new Error(`ledger entry ${r.entryId} vanished`);
  const { createdBy: _b, idempotencyKey: _k, pledgeId: _p, ...view } = entry;
  return c.json({ entry: view, balanceCenti: r.balanceAfterCenti }, 201);
}
