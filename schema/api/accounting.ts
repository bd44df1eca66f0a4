/** Prepayment invoices, closed months and the customer's month statement. */
import { z } from '@hono/zod-openapi';
import { INVOICE_STATUSES, LEDGER_KINDS, PERIOD_STATUSES, TOPUP_KINDS, VAT_MODES } from '../../worker/domain/enums';
import { MAX_HOURS_CENTI, Month, int } from './common';

export const InvoiceBody = z
  .object({
    normHoursCenti: int().min(1).max(MAX_HOURS_CENTI).openapi({ description: 'the norm-hours the invoice is for', example: 4000 }),
    memo: z.string().trim().max(1_000).optional().openapi({ description: 'what it is for, printed on the invoice' }),
  })
  .strict()
  .openapi('InvoiceBody');

export const Invoice = z
  .object({
    id: int(),
    number: z.string().openapi({ example: 'INV-2026-0001' }),
    customerId: int(),
    customerName: z.string(),
    status: z.enum(INVOICE_STATUSES),
    issuedOn: z.string().openapi({ description: 'the invoice’s date, YYYY-MM-DD on the company’s calendar' }),
    normHoursCenti: int(),
    rateMinor: int(),
    currency: z.string(),
    subtotalMinor: int(),
    vatMode: z.enum(VAT_MODES),
    vatRateMilli: int(),
    vatMinor: int(),
    totalMinor: int(),
    memo: z.string(),
    createdAt: z.string(),
    paidEntryId: int().nullable(),
    paidAt: z.string().nullable(),
    paymentRef: z.string().nullable(),
    paidEntryAt: z.string().nullable(),
    cancelledAt: z.string().nullable(),
    version: int(),
  })
  .openapi('Invoice');

export const Period = z
  .object({
    month: z.string(),
    status: z.enum(PERIOD_STATUSES),
    startAt: z.string(),
    endAt: z.string(),
    closedAt: z.string().nullable(),
    closedBy: z.string().nullable(),
  })
  .openapi('Period');

export const Periods = z
  .object({
    closedThrough: z.string().nullable().openapi({ description: 'the latest closed month: nothing may be dated in it or before it' }),
    openFrom: z.string().nullable().openapi({ description: 'the first day entries may be dated on again (company calendar)' }),
    periods: z.array(Period),
  })
  .openapi('Periods');

export const MonthParam = z.object({ month: Month.openapi({ param: { name: 'month', in: 'path' }, example: '2026-11' }) });
export const MonthQuery = z.object({ month: Month, lang: z.enum(['ru', 'en']).optional() });

const money = { netMinor: int(), vatMinor: int(), totalMinor: int() };
const hours = { plannedHoursCenti: int(), hoursCenti: int(), plannedNormHoursCenti: int(), normHoursCenti: int() };

export const StatementS = z
  .object({
    month: z.string(),
    timeZone: z.string(),
    currency: z.string(),
    generatedAt: z.string(),
    closed: z.boolean(),
    company: z.object({ name: z.string(), details: z.string() }),
    customer: z.object({ id: int(), name: z.string(), legalName: z.string(), taxId: z.string(), address: z.string() }),
    openingCenti: int(),
    closingCenti: int(),
    topups: z.array(
      z.object({
        entryId: int(),
        date: z.string(),
        topupKind: z.enum(TOPUP_KINDS).nullable(),
        paymentRef: z.string(),
        invoiceNumber: z.string().nullable(),
        memo: z.string(),
        normHoursCenti: int(),
        rateMinor: int().nullable(),
        ...money,
      }),
    ),
    orders: z.array(
      z.object({
        orderId: int().nullable(),
        orderNumber: z.string().nullable(),
        ...money,
        ...hours,
        stages: z.array(
          z.object({
            entryId: int(),
            n: int().nullable(),
            title: z.string(),
            date: z.string(),
            ...money,
            ...hours,
            items: z.array(z.object({ code: z.string(), title: z.string(), categoryName: z.string(), kMilli: int(), ...money, ...hours })),
          }),
        ),
      }),
    ),
    corrections: z.array(
      z.object({
        entryId: int(),
        date: z.string(),
        memo: z.string(),
        corrects: z.object({ entryId: int(), date: z.string(), kind: z.enum(LEDGER_KINDS), memo: z.string() }).nullable(),
        normHoursCenti: int(),
        ...money,
      }),
    ),
    totals: z.object({
      topupsCenti: int(),
      topupsMinor: int(),
      debits: z.object({ ...money, ...hours }),
      correctionsCenti: int(),
      corrections: z.object(money),
      services: z.object(money),
    }),
  })
  .openapi('Statement');

export type InvoiceT = z.infer<typeof Invoice>;
export type PeriodsT = z.infer<typeof Periods>;
export type StatementT = z.infer<typeof StatementS>;
