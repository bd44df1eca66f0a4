/** The ledger, work orders and the month reports. */
import { z } from '@hono/zod-openapi';
import { ITEM_MODES, LEDGER_KINDS, ORDER_STATUSES, STAGE_SPLITS, STAGE_STATUSES, TOPUP_KINDS, VAT_MODES } from '../../worker/domain/enums';
import { HoursCenti, IsoDate, IsoDateTime, MAX_HOURS_CENTI, MAX_MONEY_MINOR, Month, int } from './common';

export const LedgerBody = z
  .object({
    kind: z.enum(['topup', 'correction']),
    normHoursCenti: int()
      .min(-MAX_HOURS_CENTI)
      .max(MAX_HOURS_CENTI)
      .optional()
      .openapi({ description: 'top-ups > 0 (or give amountMinor); corrections ≠ 0, signed', example: 4000 }),
    amountMinor: int().min(-MAX_MONEY_MINOR).max(MAX_MONEY_MINOR).optional().openapi({
      description: 'a top-up paid in money (at the norm-hour rate): its norm-hours are ROUND(amount ÷ rate, 2)',
      example: 12_000_000,
    }),
    paymentRef: z
      .string()
      .trim()
      .max(200)
      .optional()
      .openapi({ description: 'the payment order or invoice the top-up came with', example: 'п/п № 512 от 01.12.2026' }),
    invoiceId: int()
      .min(1)
      .optional()
      .openapi({ description: 'the prepayment invoice the top-up settles: it sets the norm-hours and the amount' }),
    memo: z.string().trim().max(1_000).default(''),
    at: z.union([IsoDate, IsoDateTime]).optional().openapi({
      description:
        'when it happened: a date on the company’s calendar or an instant (default now; never in the future, never in a closed month)',
    }),
    topupKind: z
      .enum(TOPUP_KINDS)
      .optional()
      .openapi({ description: 'tariff plan allotment, extended-support package, separate contract (default support)' }),
    correctsEntryId: int().min(1).optional().openapi({ description: 'the entry a correction reverses' }),
  })
  .strict()
  .openapi('LedgerBody');

/** Every figure of an entry's money, signed like its hours; `moneyMinor` is the net. */
const entryMoney = {
  moneyMinor: int().openapi({
    description: 'the money of the entry: net (after the accepted quote’s discount, before VAT on top); a top-up’s amount',
  }),
  subtotalMinor: int().openapi({ description: 'norm-hours × rate' }),
  discountMinor: int(),
  netMinor: int(),
  vatMinor: int(),
  totalMinor: int(),
};

export const LedgerEntry = z
  .object({
    id: int(),
    customerId: int(),
    kind: z.enum(LEDGER_KINDS),
    topupKind: z.enum(TOPUP_KINDS).nullable(),
    normHoursCenti: int(),
    ...entryMoney,
    rateMinor: int().nullable(),
    discountRateMilli: int().nullable(),
    vatMode: z.enum(VAT_MODES).nullable(),
    vatRateMilli: int().nullable(),
    paymentRef: z.string(),
    invoiceId: int().nullable(),
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
  items: z.array(
    z.object({
      id: int(),
      lineId: int().nullable(),
      code: z.string(),
      title: z.string(),
      categoryName: z.string(),
      hoursCenti: int(),
      kMilli: int(),
      normHoursCenti: int(),
      plannedHoursCenti: int(),
      plannedNormHoursCenti: int(),
      ...entryMoney,
    }),
  ),
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

/** Net, VAT and total of a sum of money on the accepted quote's terms. */
export const MoneyFiguresS = z
  .object({ subtotalMinor: int(), discountMinor: int(), netMinor: int(), vatMinor: int(), totalMinor: int() })
  .openapi('MoneyFigures');

export const LowBalanceS = z
  .object({ thresholdCenti: int(), own: z.boolean(), low: z.boolean(), belowCenti: int() })
  .openapi('LowBalance', {
    description: 'the threshold in force (the customer’s own, or what their next stages need) and whether the balance is below it',
  });

export const QuoteTermsS = z.object({ discountRateMilli: int(), vatMode: z.enum(VAT_MODES), vatRateMilli: int() }).openapi('QuoteTerms');

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
    readyAt: z
      .string()
      .nullable()
      .openapi({ description: 'when staff marked the stage «готов к приёмке» (it waits for the customer’s sign-off)' }),
    plan: MoneyFiguresS.openapi({ description: 'the stage’s share of the accepted quote’s money at its estimate' }),
    debited: MoneyFiguresS.nullable().openapi({
      description: 'the money its sign-off debited (null until then, or for a stage worth nothing)',
    }),
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
    terms: QuoteTermsS.openapi({ description: 'the accepted quote’s discount and VAT: the money of every debit follows them' }),
    shortfall: z.object({ normHoursCenti: int(), amountMinor: int(), totalMinor: int() }).nullable().openapi({
      description:
        'what a waiting order lacks to run (with what is ahead of it in the queue), in norm-hours and at today’s rate (net and with VAT)',
    }),
    lowBalance: LowBalanceS.nullable().openapi({ description: 'whether the customer’s balance is below their threshold now' }),
    stages: z.array(Stage),
  })
  .openapi('Order');

export const AcceptStageBody = z
  .object({
    actualHoursCenti: HoursCenti.optional().openapi({ description: 'hours actually spent, when the stage has one actual-time service' }),
    lines: z
      .array(z.object({ lineId: int().min(1), actualHoursCenti: HoursCenti }).strict())
      .max(500)
      .optional(),
    confirmOverrun: z
      .boolean()
      .optional()
      .openapi({ description: 'the one who signs off confirms actual hours above the estimate (otherwise 422 overrun_not_confirmed)' }),
  })
  .strict()
  .openapi('AcceptStageBody');

export const AcceptStageResult = z
  .object({
    order: Order,
    debit: z.object({
      entryId: int().nullable().openapi({ description: 'null for a stage worth 0 norm-hours: nothing is debited' }),
      normHoursCenti: int(),
      plannedCenti: int().openapi({ description: 'the stage’s estimate in norm-hours' }),
      moneyMinor: int().openapi({ description: 'the net money of the debit' }),
      subtotalMinor: int(),
      discountMinor: int(),
      netMinor: int(),
      vatMinor: int(),
      totalMinor: int(),
      overrun: z.boolean(),
      balanceAfterCenti: int(),
    }),
  })
  .openapi('AcceptStageResult');

export const WithdrawBody = z
  .object({ reason: z.string().trim().max(1_000).optional() })
  .strict()
  .openapi('WithdrawBody');

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
    ...entryMoney,
    rateMinor: int().nullable(),
    paymentRef: z.string(),
    invoiceNumber: z.string().nullable(),
    plannedHoursCenti: int().nullable(),
    plannedNormHoursCenti: int().nullable(),
    correctsEntryId: int().nullable(),
    correctsKind: z.enum(LEDGER_KINDS).nullable(),
  })
  .openapi('ConsumptionEntry');

const consumptionFigures = {
  openingCenti: int(),
  topupsCenti: int(),
  debitsCenti: int(),
  correctionsCenti: int(),
  closingCenti: int(),
  moneyMinor: int().openapi({
    description: 'the net money of the month’s services (debits less their reversals), on each accepted quote’s terms',
  }),
  netMinor: int(),
  vatMinor: int(),
  totalMinor: int(),
  topupsMinor: int().openapi({ description: 'the money of the month’s top-ups (payments), less their reversals' }),
};

export const ConsumptionCustomer = z
  .object({
    customerId: int(),
    name: z.string(),
    ...consumptionFigures,
    balanceCenti: int().optional().openapi({ description: 'the balance now (the summary only)' }),
    lowBalance: LowBalanceS.optional(),
    entries: z.array(ConsumptionEntryS).optional().openapi({ description: 'only with customerId' }),
  })
  .openapi('ConsumptionCustomer');

export const ConsumptionReportS = z
  .object({
    month: z.string(),
    timeZone: z.string(),
    currency: z.string(),
    companyName: z.string(),
    generatedAt: z.string(),
    closed: z.boolean().openapi({ description: 'the month is closed: its figures are final' }),
    customers: z.array(ConsumptionCustomer),
    totals: z.object(consumptionFigures),
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
