/**
 * A customer's norm-hour ledger: read by staff, appended to by the accountant and the admin.
 * Top-ups are payments (an amount in money or norm-hours, a payment reference, a date on the
 * company's calendar, or the invoice they settle); corrections name what they correct. The
 * rules are the domain's (domain/ledger.ts, domain/invoice.ts); this parses, asks, writes.
 */
import { z } from '@hono/zod-openapi';
import { ErrorBody, IdParam, LedgerBody, LedgerEntry, LedgerLine } from '../../schema/api';
import { invoiceMay, settlementMoney, settlementRule } from '../domain/invoice';
import { correctionMoney, correctionRule, entryInstant, topupPayment } from '../domain/ledger-entries';
import { ACCOUNTING_REFUSAL_WORDS as W } from '../domain/words/accounting';
import { ERRORS as E } from '../domain/words/errors';
import { both } from '../domain/words/words';
import { BOOKKEEPERS, STAFF, currentUser, type AppContext } from '../http/auth';
import { claimOf, idempotency, idempotencyHeader, raced } from '../http/idempotency';
import { fieldError, orThrow, unprocessable } from '../http/errors';
import { commonErrors, jsonBody, jsonResponse, router, staffRoute } from '../http/route';
import { customerOr404 } from '../http/lookups';
import { getInvoice } from '../store/invoices';
import { appendCorrection, appendTopup, correctedEntry, findEntry, listLedger, type AppendResult } from '../store/ledger';
import { reconcileCustomer } from '../store/order-queue';
import { closedThrough } from '../store/periods';
import { getSettings } from '../store/settings';

const Appended = z.object({ entry: LedgerEntry, balanceCenti: z.number().int() }).openapi('LedgerAppended');

type Body = z.infer<typeof LedgerBody>;

/** Fields that belong to the other kind of entry: a 400 naming the field. */
function foreignFields(b: Body) {
  const wrong = b.kind === 'topup' ? (['correctsEntryId'] as const) : (['topupKind', 'amountMinor', 'paymentRef', 'invoiceId'] as const);
  for (const field of wrong)
    if (b[field] !== undefined) throw fieldError(field, both(b.kind === 'topup' ? W.notForTopup : W.notForCorrection));
}

export const ledgerRouter = router()
  .openapi(
    staffRoute(STAFF, {
      method: 'get',
      path: '/{id}/ledger',
      tags: ['ledger'],
      summary: 'The customer’s ledger, newest first, with the balance after each entry, its money and the debited services',
      request: { params: IdParam },
      responses: { 200: jsonResponse(z.array(LedgerLine), 'entries'), ...commonErrors },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await customerOr404(c.var.db, id);
      return c.json(await listLedger(c.var.db, id), 200);
    },
  )
  .openapi(
    staffRoute(BOOKKEEPERS, {
      method: 'post',
      path: '/{id}/ledger',
      tags: ['ledger'],
      summary:
        'Append a top-up (a payment: money or norm-hours, the other at today’s rate; or the invoice it settles) or a correction ' +
        '(signed, naming the entry it reverses); never in a closed month; idempotent by Idempotency-Key',
      middleware: [idempotency({ scope: 'ledger', required: false, answer: appendedAnswer })],
      request: { params: IdParam, headers: idempotencyHeader(false), body: jsonBody(LedgerBody) },
      responses: {
        201: jsonResponse(Appended, 'appended'),
        409: jsonResponse(ErrorBody, 'the invoice is paid or cancelled already'),
        422: jsonResponse(
          ErrorBody,
          'a rule refuses it: the month is closed (period_closed), the date is too far back, the correction does not fit',
        ),
        ...commonErrors,
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const b = c.req.valid('json');
      const db = c.var.db;
      foreignFields(b);
      const [, settings, closed] = await Promise.all([customerOr404(db, id), getSettings(db), closedThrough(db)]);
      const at = orThrow(
        entryInstant(b.at, { now: Date.now(), timeZone: settings.timeZone, backdateDays: settings.backdateDays, closedThrough: closed }),
      );
      const user = currentUser(c);
      const claim = claimOf(c);
      let appended: AppendResult | 'raced' | null;
      if (b.kind === 'topup') {
        const topupKind = b.topupKind ?? 'support';
        if (b.invoiceId !== undefined) {
          const invoice = await getInvoice(db, b.invoiceId);
          if (!invoice) throw fieldError('invoiceId', both(E.noSuchInvoiceField));
          orThrow(settlementRule(invoice, id, b));
          const money = settlementMoney(invoice);
          const paymentRef = b.paymentRef || invoice.number;
          const memo = b.memo || invoice.memo;
          appended = await appendTopup(
            db,
            {
              customerId: id,
              topupKind,
              normHoursCenti: invoice.normHoursCenti,
              money,
              paymentRef,
              invoiceId: invoice.id,
              memo,
              at,
              userId: user.id,
            },
            claim,
          );
          // Nothing written: settled or cancelled meanwhile (another request came first)?
          if (appended === null) orThrow(invoiceMay((await getInvoice(db, invoice.id)) ?? invoice, 'settle'));
        } else {
          const paid = orThrow(topupPayment(b, settings.rateMinor, settings, settings.currency));
          appended = await appendTopup(
            db,
            {
              customerId: id,
              topupKind,
              normHoursCenti: paid.normHoursCenti,
              money: paid.money,
              paymentRef: b.paymentRef ?? '',
              invoiceId: null,
              memo: b.memo,
              at,
              userId: user.id,
            },
            claim,
          );
        }
      } else {
        const hours = b.normHoursCenti ?? 0;
        const named = b.correctsEntryId !== undefined;
        const target = named ? await correctedEntry(db, b.correctsEntryId!) : undefined;
        orThrow(correctionRule(id, hours, b.memo, named, target));
        const money = correctionMoney(hours, target ?? null);
        appended = await appendCorrection(
          db,
          { customerId: id, normHoursCenti: hours, money, memo: b.memo, at, correctsEntryId: b.correctsEntryId ?? null, userId: user.id },
          claim,
        );
        if (!appended) throw unprocessable('correction_refused', both(W.correctionRefused));
      }
      if (appended === 'raced') throw raced();
      if (!appended) throw unprocessable('customer_gone', both(E.customerGone));
      await reconcileCustomer(db, id);
      return appendedAnswer(c, appended as unknown as Record<string, unknown>) as never;
    },
  );

/** The answer of an append, from what its write stored: the entry and the balance right after it. */
async function appendedAnswer(c: AppContext, result: Record<string, unknown>): Promise<Response> {
  const r = result as unknown as AppendResult;
  const entry = await findEntry(c.var.db, r.entryId);
  if (!entry) throw new Error(`ledger entry ${r.entryId} vanished`);
  return c.json({ entry, balanceCenti: r.balanceAfterCenti }, 201);
}
