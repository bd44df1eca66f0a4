/** The ledger, work orders and the month reports. */
import { z } from '@hono/zod-openapi';
import { ITEM_MODES, LEDGER_KINDS, ORDER_STATUSES, STAGE_SPLITS, STAGE_STATUSES, TOPUP_KINDS } from '../../worker/domain/enums';
import { HoursCenti, IsoDateTime, MAX_HOURS_CENTI, Month, int } from './common';

export const LedgerBody = z
  .object({
    kind: z.enum(['topup', 'correction']),
    normHoursCenti: int().min(-MAX_HOURS_CENTI).max(MAX_HOURS_CENTI).openapi({ description: 'top-ups > 0; corrections ≠ 0, signed', example: 4000 }),
    memo: z.string().trim().max(1_000).default(''),
    at: IsoDateTime.optional().openapi({ description: 'when it happened (default now; never in the future)' }),
    topupKind: z.enum(TOPUP_KINDS).optional().openapi({ description: 'tariff plan allotment, extended-support package, separate contract (default support)' }),
    correctsEntryId: int().min(1).optional().openapi({ description: 'the entry a correction reverses' }),
  })
  .strict()
  .openapi('LedgerBody');

export const LedgerEntry = z
  .object({
    id: int(),
    customerId: int(),
    kind: z.enum(LEDGER_KINDS),
    topupKind: z.enum(TOPUP_KINDS).nullable(),
    normHoursCenti: int(),
    moneyMinor: int(),
    rateMinor: int().nullable(),
    memo: z.string(),
    at: z.string(),
    createdAt: z.string(),
    orderId: int().nullable(),
    stageId: int().nullable(),
    correctsEntryId: int().nullable(),
  })
  .openapi('LedgerEntry');

export const LedgerLine = LedgerEntry.extend({
  orderNumber: z.string().nullable(),
  stageN: int().nullable(),
  stageTitle: z.string().nullable(),
  balanceAfterCenti: int(),
  items: z.array(z.object({ id: int(), code: z.string(), title: z.string(), categoryName: z.string(), hoursCenti: int(), kMilli: int(), normHoursCenti: int(), moneyMinor: int() })),
}).openapi('LedgerLine');

export const OrderBody = z
  .object({
    split: z.enum(STAGE_SPLITS).optional().openapi({ description: 'how to cut the quote into stages (default by_line)' }),
    stages: z
      .array(z.object({ title: z.string().trim().min(1).max(300), lineIds: z.array(int().min(1)).min(1).max(500) }).strict())
      .min(1)
      .max(100)
      .optional()
      .openapi({ description: 'stages chosen by the manager: every billable line exactly once' }),
  })
  .strict()
  .openapi('OrderBody');

export const OrderStatus = z.enum(ORDER_STATUSES);

export const Stage = z
  .object({
    n: int(),
    title: z.string(),
    status: z.enum(STAGE_STATUSES),
    hoursCenti: int(),
    kMilli: int().nullable(),
    normHoursCenti: int(),
    debitedCenti: int().nullable(),
    moneyMinor: int().nullable(),
    acceptedAt: z.string().nullable(),
    lines: z.array(
      z.object({
        lineId: int(),
        code: z.string(),
        title: z.string(),
        categoryName: z.string(),
        mode: z.enum(ITEM_MODES),
        actualTime: z.boolean(),
        quantityMilli: int(),
        hoursCenti: int(),
        kMilli: int(),
        normHoursCenti: int(),
        actualHoursCenti: int().nullable(),
      }),
    ),
  })
  .openapi('Stage');

export const Order = z
  .object({
    id: int(),
    number: z.string(),
    quoteId: int(),
    quoteNumber: z.string(),
    quoteTitle: z.string(),
    customerId: int(),
    customerName: z.string(),
    status: OrderStatus,
    approvedAt: z.string(),
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    withdrawnAt: z.string().nullable(),
    rateMinor: int(),
    currency: z.string(),
    balanceCenti: int(),
    overdraftCenti: int(),
    waiting: z.string().nullable().openapi({ description: 'why a queued or paused order waits, in words' }),
    stages: z.array(Stage),
  })
  .openapi('Order');

export const AcceptStageBody = z
  .object({
    actualHoursCenti: HoursCenti.optional().openapi({ description: 'hours actually spent, when the stage has one actual-time service' }),
    lines: z.array(z.object({ lineId: int().min(1), actualHoursCenti: HoursCenti }).strict()).max(500).optional(),
  })
  .strict()
  .openapi('AcceptStageBody');

export const AcceptStageResult = z
  .object({
    order: Order,
    debit: z.object({ entryId: int().nullable().openapi({ description: 'null for a stage worth 0 norm-hours: nothing is debited' }), normHoursCenti: int(), moneyMinor: int(), balanceAfterCenti: int() }),
  })
  .openapi('AcceptStageResult');

export const WithdrawBody = z.object({ reason: z.string().trim().max(1_000).optional() }).strict().openapi('WithdrawBody');

export type LedgerLineT = z.infer<typeof LedgerLine>;
export type OrderT = z.infer<typeof Order>;
export type StageT = z.infer<typeof Stage>;

export const ConsumptionQuery = z.object({
  month: Month,
  customerId: z.coerce.number().int().min(1).optional(),
});

export const ConsumptionEntryS = z
  .object({
    entryId: int(),
    at: z.string(),
    date: z.string(),
    kind: z.enum(LEDGER_KINDS),
    topupKind: z.enum(TOPUP_KINDS).nullable(),
    memo: z.string(),
    orderId: int().nullable(),
    orderNumber: z.string().nullable(),
    stageN: int().nullable(),
    stageTitle: z.string().nullable(),
    code: z.string().nullable(),
    title: z.string().nullable(),
    categoryName: z.string().nullable(),
    hoursCenti: int().nullable(),
    kMilli: int().nullable(),
    normHoursCenti: int(),
    moneyMinor: int(),
    rateMinor: int().nullable(),
    correctsEntryId: int().nullable(),
  })
  .openapi('ConsumptionEntry');

export const ConsumptionCustomer = z
  .object({
    customerId: int(),
    name: z.string(),
    openingCenti: int(),
    topupsCenti: int(),
    debitsCenti: int(),
    correctionsCenti: int(),
    closingCenti: int(),
    moneyMinor: int(),
    entries: z.array(ConsumptionEntryS),
  })
  .openapi('ConsumptionCustomer');

export const ConsumptionReportS = z
  .object({
    month: z.string(),
    timeZone: z.string(),
    currency: z.string(),
    companyName: z.string(),
    generatedAt: z.string(),
    customers: z.array(ConsumptionCustomer),
    totals: z.object({ openingCenti: int(), topupsCenti: int(), debitsCenti: int(), correctionsCenti: int(), closingCenti: int(), moneyMinor: int() }),
  })
  .openapi('ConsumptionReport');

export const SeriesQuery = z.object({
  until: Month.optional().openapi({ description: 'the last month (default: this month)' }),
  months: z.coerce.number().int().min(1).max(36).default(12),
  customerId: z.coerce.number().int().min(1).optional(),
});

export const Series = z
  .array(z.object({ month: z.string(), topupsCenti: int(), debitsCenti: int(), moneyMinor: int() }))
  .openapi('MonthlySeries');

export type ConsumptionReportT = z.infer<typeof ConsumptionReportS>;
export type SeriesT = z.infer<typeof Series>;
