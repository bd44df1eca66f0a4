/**
 * Request and response bodies of the HTTP API (API.md). The routes validate with these,
 * the OpenAPI document is generated from them, and the web UI imports their types.
 * Units are in the names: *Minor money, *Centi hundredths of an hour, *Milli thousandths.
 */
import { z } from '@hono/zod-openapi';
import {
  ACTOR_KINDS,
  ITEM_MODES,
  LEDGER_KINDS,
  LINE_KINDS,
  ORDER_STATUSES,
  PLEDGE_STATUSES,
  PROJECT_STATUSES,
  QUOTE_STATUSES,
  ROLES,
  STAGE_SPLITS,
  STAGE_STATUSES,
  STORED_PROJECT_STATUSES,
  TOPUP_KINDS,
  VAT_MODES,
} from '../worker/domain/enums';


// ---------- building blocks ----------

export const MAX_HOURS_CENTI = 10_000_000; // 100 000 h
export const MAX_QUANTITY_MILLI = 10_000_000; // 10 000 units
export const MAX_K_MILLI = 5_000; // K ≤ 5
export const MAX_RATE_MINOR = 1_000_000_000; // 10 000 000.00 per norm-hour
export const MAX_RATE_MILLI = 1_000; // 100 %

const int = () => z.number().int();

export const IdParam = z.object({
  id: z.coerce.number().int().min(1).max(2_147_483_647).openapi({ param: { name: 'id', in: 'path' }, example: 1 }),
});

export const HoursCenti = int().min(1).max(MAX_HOURS_CENTI).openapi({ description: 'hundredths of an hour', example: 2000 });
export const QuantityMilli = int().min(1).max(MAX_QUANTITY_MILLI).openapi({ description: 'thousandths', example: 1000 });
export const KMilli = int().min(0).max(MAX_K_MILLI).openapi({ description: 'coefficient K in thousandths', example: 1000 });
export const RateMinor = int().min(1).max(MAX_RATE_MINOR).openapi({ description: 'money per norm-hour, minor units', example: 300000 });
export const RateMilli = int().min(0).max(MAX_RATE_MILLI).openapi({ description: 'thousandths: 220 = 22 %', example: 220 });
export const VatMode = z.enum(VAT_MODES);
export const Currency = z.string().regex(/^[A-Z]{3}$/, 'must be a three-letter ISO 4217 code').openapi({ example: 'RUB' });
/** Calendar dates, instants and months this business deals in: the years 2000–2099. */
const YEARS = { min: 2000, max: 2099 } as const;
const realDate = (d: string) => {
  const [y, m, day] = d.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, day));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === day;
};
export const IsoDate = z
  .string()
  .regex(/^20\d{2}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'must be a date YYYY-MM-DD in 2000–2099')
  .refine(realDate, { message: 'is not a real date', params: { ru: 'такой даты нет' } })
  .openapi({ example: '2026-12-31' });
export const IsoDateTime = z
  .string()
  .datetime({ offset: true })
  .refine(
    (v) => {
      const year = new Date(v).getUTCFullYear();
      return year >= YEARS.min && year <= YEARS.max;
    },
    { message: 'must be in the years 2000–2099', params: { ru: 'должно быть в 2000–2099 годах' } },
  )
  .openapi({ example: '2026-11-21T10:00:00Z' });
export const Month = z
  .string()
  .regex(/^20\d{2}-(0[1-9]|1[0-2])$/, 'must be a month YYYY-MM in 2000–2099')
  .openapi({ example: '2026-11' });

const text = (max: number) => z.string().max(max);

/** A PATCH must change something: at least one field besides `version`. */
const changesSomething = (body: Record<string, unknown>) => Object.keys(body).some((k) => k !== 'version' && body[k] !== undefined);
const NOTHING_TO_CHANGE = {
  message: 'nothing to change: give at least one field besides version',
  params: { ru: 'нечего менять: укажите хотя бы одно поле, кроме version' },
};
const name = (max = 200) => z.string().trim().min(1).max(max);

export const ErrorBody = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'validation_failed' }),
      message: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .openapi('Error');

export const Role = z.enum(ROLES);

// ---------- auth and users ----------

export const LoginBody = z
  .object({ email: z.string().trim().min(3).max(254), password: z.string().min(1).max(1024) })
  .strict()
  .openapi('LoginBody');

export const Me = z.object({ id: int(), email: z.string(), name: z.string(), role: Role }).openapi('Me');

export const User = Me.extend({ active: z.boolean(), createdAt: z.string() }).openapi('User');

export const NewUserBody = z
  .object({
    email: z.string().trim().toLowerCase().email().max(254),
    name: name(),
    role: Role,
    password: z.string().min(10, 'at least 10 characters').max(1024),
  })
  .strict()
  .openapi('NewUserBody');

export const UserPatchBody = z
  .object({
    name: name().optional(),
    role: Role.optional(),
    active: z.boolean().optional(),
    password: z.string().min(10).max(1024).optional(),
  })
  .strict()
  .refine(changesSomething, NOTHING_TO_CHANGE)
  .openapi('UserPatchBody');

// ---------- settings ----------

export const Settings = z
  .object({
    rateMinor: int(),
    currency: z.string(),
    vatRateMilli: int(),
    vatMode: VatMode,
    timeZone: z.string(),
    companyName: z.string(),
    companyDetails: z.string(),
    quoteValidityDays: int(),
    shareLinkDays: int(),
    backdateDays: int().openapi({ description: 'how many days back a ledger entry may be dated' }),
    version: int(),
    updatedAt: z.string(),
  })
  .openapi('Settings');

export const SettingsPatchBody = z
  .object({
    version: int().min(1).optional(),
    rateMinor: RateMinor.optional(),
    currency: Currency.optional(),
    vatRateMilli: RateMilli.optional(),
    vatMode: VatMode.optional(),
    timeZone: z.string().min(1).max(64).optional(),
    companyName: name().optional(),
    companyDetails: text(2000).optional(),
    quoteValidityDays: int().min(1).max(365).optional(),
    shareLinkDays: int().min(1).max(365).optional(),
    backdateDays: int().min(0).max(3650).optional(),
  })
  .strict()
  .refine(changesSomething, NOTHING_TO_CHANGE)
  .openapi('SettingsPatchBody');

// ---------- catalog ----------

export const Category = z
  .object({ id: int(), code: z.string(), name: z.string(), nameEn: z.string(), kMilli: int(), active: z.boolean(), version: int() })
  .openapi('Category');

export const NewCategoryBody = z
  .object({ code: z.string().trim().min(1).max(40), name: name(), nameEn: name(), kMilli: KMilli })
  .strict()
  .openapi('NewCategoryBody');

export const CategoryPatchBody = z
  .object({ name: name().optional(), nameEn: name().optional(), kMilli: KMilli.optional(), active: z.boolean().optional() })
  .strict()
  .refine(changesSomething, NOTHING_TO_CHANGE)
  .openapi('CategoryPatchBody');

export const CatalogItem = z
  .object({
    id: int(),
    code: z.string(),
    name: z.string().openapi({ description: 'Russian name (the price list’s own)' }),
    nameEn: z.string(),
    section: z.string(),
    mode: z.enum(ITEM_MODES),
    actualTime: z.boolean().openapi({ description: 'debited by the hours actually spent × K' }),
    hoursCenti: int().nullable(),
    categoryId: int(),
    categoryName: z.string(),
    categoryNameEn: z.string(),
    kMilli: int(),
    description: z.string(),
    inputs: z.string(),
    result: z.string(),
    limits: z.string(),
    active: z.boolean(),
    sortOrder: int(),
    version: int(),
  })
  .openapi('CatalogItem');

const catalogCode = z
  .string()
  .trim()
  .min(1)
  .max(20)
  .regex(/^[0-9A-Za-zА-Яа-я.\-_]+$/, 'letters, digits, dots and dashes only');

const catalogFields = {
  name: name(),
  nameEn: name().optional(),
  section: z.string().trim().min(1).max(20).optional(),
  mode: z.enum(ITEM_MODES),
  actualTime: z.boolean().optional(),
  hoursCenti: HoursCenti.nullable().optional(),
  categoryId: int().min(1),
  kMilli: KMilli.optional(),
  description: text(20_000).optional(),
  inputs: text(5_000).optional(),
  result: text(5_000).optional(),
  limits: text(10_000).optional(),
  active: z.boolean().optional(),
  sortOrder: int().min(0).max(1_000_000).optional(),
};

export const NewCatalogItemBody = z
  .object({ code: catalogCode, ...catalogFields })
  .strict()
  .openapi('NewCatalogItemBody');

export const CatalogItemPatchBody = z
  .object({
    version: int().min(1).optional(),
    code: catalogCode.optional(),
    ...catalogFields,
    name: name().optional(),
    mode: z.enum(ITEM_MODES).optional(),
    categoryId: int().min(1).optional(),
  })
  .strict()
  .refine(changesSomething, NOTHING_TO_CHANGE)
  .openapi('CatalogItemPatchBody');

// ---------- customers ----------

const customerFields = {
  name: name(),
  legalName: text(300).optional(),
  taxId: z.string().trim().max(20).regex(/^[0-9]*$/, 'digits only').optional(),
  email: z.union([z.literal(''), z.string().trim().email().max(254)]).optional(),
  phone: text(50).optional(),
  contactName: text(200).optional(),
  address: text(500).optional(),
  notes: text(5_000).optional(),
  overdraftCenti: int().min(0).max(MAX_HOURS_CENTI).optional(),
};

export const NewCustomerBody = z.object(customerFields).strict().openapi('NewCustomerBody');
export const CustomerPatchBody = z
  .object({ ...customerFields, name: name().optional(), version: int().min(1).optional() })
  .strict()
  .refine(changesSomething, NOTHING_TO_CHANGE)
  .openapi('CustomerPatchBody');

export const Customer = z
  .object({
    id: int(),
    name: z.string(),
    legalName: z.string(),
    taxId: z.string(),
    email: z.string(),
    phone: z.string(),
    contactName: z.string(),
    address: z.string(),
    notes: z.string(),
    overdraftCenti: int(),
    balanceCenti: int(),
    createdAt: z.string(),
    version: int(),
  })
  .openapi('Customer');

export const Balance = z
  .object({ customerId: int(), normHoursCenti: int(), overdraftCenti: int(), availableCenti: int() })
  .openapi('Balance');

export type CatalogItemT = z.infer<typeof CatalogItem>;
export type CategoryT = z.infer<typeof Category>;
export type SettingsT = z.infer<typeof Settings>;
export type CustomerT = z.infer<typeof Customer>;
export type MeT = z.infer<typeof Me>;
export type UserT = z.infer<typeof User>;
export type RoleT = z.infer<typeof Role>;

// ---------- quotes ----------

export const QuoteStatus = z.enum(QUOTE_STATUSES);
const Version = int().min(1).openapi({ description: 'the version you read; a stale one gets 409 version_conflict' });
const KReason = z.string().trim().max(500);

const quoteHeaderFields = {
  title: name(300),
  vatMode: VatMode.optional(),
  vatRateMilli: RateMilli.optional(),
  discountRateMilli: RateMilli.optional(),
  validUntil: IsoDate.nullable().optional(),
  customerNote: text(10_000).optional(),
  internalNote: text(10_000).optional(),
};

export const NewQuoteBody = z
  .object({ customerId: int().min(1), currency: Currency.optional(), ...quoteHeaderFields })
  .strict()
  .openapi('NewQuoteBody');

export const QuotePatchBody = z
  .object({ version: Version, customerId: int().min(1).optional(), ...quoteHeaderFields, title: name(300).optional() })
  .strict()
  .refine(changesSomething, NOTHING_TO_CHANGE)
  .openapi('QuotePatchBody');

export const NewLineBody = z
  .object({
    version: Version,
    kind: z.enum(['item', 'free', 'section']).optional().openapi({ description: 'default: item when catalogItemId is given, else free' }),
    catalogItemId: int().min(1).optional(),
    title: z.string().trim().min(1).max(500).optional(),
    quantityMilli: QuantityMilli.optional().openapi({ description: 'default 1000 (one unit)' }),
    hoursCenti: HoursCenti.nullable().optional(),
    kMilli: KMilli.optional(),
    kReason: KReason.optional(),
    note: text(2_000).optional(),
    afterLineId: int().min(1).optional().openapi({ description: 'insert after this line (default: at the end)' }),
  })
  .strict()
  .openapi('NewLineBody');

export const LinePatchBody = z
  .object({
    version: Version,
    title: z.string().trim().min(1).max(500).optional(),
    quantityMilli: QuantityMilli.optional(),
    hoursCenti: HoursCenti.nullable().optional(),
    kMilli: KMilli.optional(),
    kReason: KReason.optional(),
    note: text(2_000).optional(),
  })
  .strict()
  .refine(changesSomething, NOTHING_TO_CHANGE)
  .openapi('LinePatchBody');

export const VersionBody = z.object({ version: Version }).strict().openapi('VersionBody');

export const PasteRow = z
  .object({
    code: z.string().trim().min(1).max(20).optional(),
    catalogItemId: int().min(1).optional(),
    title: z.string().trim().min(1).max(500).optional(),
    quantityMilli: QuantityMilli.optional(),
    hoursCenti: HoursCenti.nullable().optional(),
    kMilli: KMilli.optional(),
    kReason: KReason.optional(),
  })
  .strict();

export const PasteBody = z
  .object({ version: Version, rows: z.array(PasteRow).min(1).max(500), afterLineId: int().min(1).optional() })
  .strict()
  .openapi('PasteBody');

/** Many lines removed in one write (the undo of a paste): every id a line of the quote, once. */
export const DeleteLinesBody = z
  .object({ version: Version, lineIds: z.array(int().min(1)).min(1).max(2_000) })
  .strict()
  .openapi('DeleteLinesBody');

/** A copy of a quote; for another customer when `customerId` is given. */
export const DuplicateBody = z.object({ customerId: int().min(1).optional() }).strict().openapi('DuplicateBody');

export const ReorderBody = z
  .object({ version: Version, lineIds: z.array(int().min(1)).min(1).max(2_000) })
  .strict()
  .openapi('ReorderBody');

export const MoveBody = z.object({ version: Version, direction: z.enum(['up', 'down']) }).strict().openapi('MoveBody');

export const QuoteLine = z
  .object({
    id: int(),
    position: int(),
    kind: z.enum(LINE_KINDS),
    catalogItemId: int().nullable(),
    projectId: int().nullable(),
    code: z.string(),
    title: z.string(),
    mode: z.enum(ITEM_MODES),
    actualTime: z.boolean(),
    quantityMilli: int(),
    hoursCenti: int().nullable(),
    kMilli: int(),
    baseKMilli: int(),
    kReason: z.string(),
    categoryName: z.string(),
    description: z.string(),
    inputs: z.string(),
    result: z.string(),
    limits: z.string(),
    note: z.string(),
    normHoursCenti: int().nullable(),
    amountMinor: int().nullable(),
  })
  .openapi('QuoteLine');

export const Totals = z
  .object({
    subtotalMinor: int(),
    discountMinor: int(),
    netMinor: int(),
    vatMinor: int(),
    totalMinor: int(),
    normHoursCenti: int(),
    incompleteLines: int(),
  })
  .openapi('Totals');

export const Quote = z
  .object({
    id: int(),
    seriesId: int(),
    number: z.string().openapi({ example: 'Q-2026-0042-R2' }),
    baseNumber: z.string(),
    revision: int(),
    status: QuoteStatus,
    version: int(),
    latest: z.boolean().openapi({ description: 'the newest revision of its number' }),
    customerId: int(),
    customerName: z.string(),
    title: z.string(),
    currency: z.string(),
    rateMinor: int(),
    vatMode: VatMode,
    vatRateMilli: int(),
    discountRateMilli: int(),
    validUntil: z.string().nullable(),
    customerNote: z.string(),
    internalNote: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
    sentAt: z.string().nullable(),
    supersededAt: z.string().nullable(),
    answeredAt: z.string().nullable(),
    answerName: z.string().nullable(),
    answerMessage: z.string().nullable(),
    orderId: int().nullable(),
    lines: z.array(QuoteLine),
    sections: z.array(z.object({ lineId: int().nullable(), title: z.string(), subtotalMinor: int(), normHoursCenti: int() })),
    totals: Totals,
    revisions: z.array(z.object({ id: int(), revision: int(), number: z.string(), status: QuoteStatus })),
    allowed: z.object({
      edit: z.boolean(),
      send: z.boolean(),
      revise: z.boolean(),
      duplicate: z.boolean(),
      archive: z.boolean(),
      share: z.boolean(),
      order: z.boolean(),
    }),
  })
  .openapi('Quote');

export const QuoteListItem = z
  .object({
    id: int(),
    number: z.string(),
    revision: int(),
    status: QuoteStatus,
    customerId: int(),
    customerName: z.string(),
    title: z.string(),
    currency: z.string(),
    totalMinor: int(),
    normHoursCenti: int(),
    incompleteLines: int(),
    validUntil: z.string().nullable(),
    updatedAt: z.string(),
    sentAt: z.string().nullable(),
    answeredAt: z.string().nullable(),
    answerName: z.string().nullable(),
  })
  .openapi('QuoteListItem');

export const QuoteList = z
  .object({ items: z.array(QuoteListItem), total: int(), page: int(), pageSize: int() })
  .openapi('QuoteList');

export const QuoteListQuery = z.object({
  customerId: z.coerce.number().int().min(1).optional(),
  status: QuoteStatus.optional(),
  q: z.string().max(200).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  allRevisions: z.enum(['true', 'false']).optional(),
});

export const AuditEntry = z
  .object({
    id: int(),
    quoteId: int(),
    revision: int(),
    number: z.string(),
    at: z.string(),
    actorKind: z.enum(ACTOR_KINDS),
    actorName: z.string(),
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
    action: z.string(),
    changes: z.record(z.string(), z.unknown()),
  })
  .openapi('AuditEntry');

export type QuoteT = z.infer<typeof Quote>;
export type QuoteLineT = z.infer<typeof QuoteLine>;
export type QuoteListItemT = z.infer<typeof QuoteListItem>;
export type QuoteListT = z.infer<typeof QuoteList>;
export type AuditEntryT = z.infer<typeof AuditEntry>;
export type TotalsT = z.infer<typeof Totals>;

// ---------- shared links and notifications ----------

export const ShareBody = z
  .object({ expiresInDays: int().min(1).max(365).optional().openapi({ description: 'default: the settings’ link validity (30 days)' }) })
  .strict()
  .openapi('ShareBody');

export const ShareCreated = z
  .object({
    id: int(),
    url: z.string().openapi({ example: 'https://quotes.example.com/s/…' }),
    token: z.string().openapi({ description: 'shown once: only its SHA-256 is stored' }),
    expiresAt: z.string(),
  })
  .openapi('ShareCreated');

export const ShareLinkInfo = z
  .object({
    id: int(),
    createdAt: z.string(),
    expiresAt: z.string(),
    revokedAt: z.string().nullable(),
    firstOpenedAt: z.string().nullable(),
    lastOpenedAt: z.string().nullable(),
    openCount: int(),
    state: z.enum(['active', 'expired', 'revoked']),
  })
  .openapi('ShareLinkInfo');

export const Notification = z
  .object({ id: int(), quoteId: int().nullable(), kind: z.string(), message: z.string(), createdAt: z.string(), readAt: z.string().nullable() })
  .openapi('Notification');

export type ShareCreatedT = z.infer<typeof ShareCreated>;
export type ShareLinkInfoT = z.infer<typeof ShareLinkInfo>;
export type NotificationT = z.infer<typeof Notification>;

// ---------- ledger, work orders, reports ----------

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

// ---------- crowdfunding ----------

export const ProjectStatus = z.enum(PROJECT_STATUSES);
export const EstimateRowBody = z
  .object({
    kMilli: KMilli,
    hoursCenti: HoursCenti,
    categoryId: int().min(1).optional(),
    title: z.string().trim().max(300).optional(),
  })
  .strict();
const Link = z.object({ title: z.string().trim().min(1).max(200), url: z.string().trim().url().max(2000).refine((u) => /^https?:\/\//i.test(u), 'must be an http(s) address') }).strict();
const projectCode = z.string().trim().min(1).max(40).regex(/^[0-9A-Za-zА-Яа-я.\-_]+$/, 'letters, digits, dots and dashes only');

export const NewProjectBody = z
  .object({
    code: projectCode,
    title: name(300),
    description: text(50_000).default(''),
    estimate: z.array(EstimateRowBody).min(1).max(100),
    targetDate: IsoDate.nullable().optional(),
    links: z.array(Link).max(20).optional(),
  })
  .strict()
  .openapi('NewProjectBody');

export const ProjectPatchBody = z
  .object({
    version: int().min(1),
    title: name(300).optional(),
    description: text(50_000).optional(),
    estimate: z.array(EstimateRowBody).min(1).max(100).optional(),
    targetDate: IsoDate.nullable().optional(),
    links: z.array(Link).max(20).optional(),
    status: z.enum(STORED_PROJECT_STATUSES).optional(),
  })
  .strict()
  .refine(changesSomething, NOTHING_TO_CHANGE)
  .openapi('ProjectPatchBody');

export const PledgeBody = z
  .object({
    customerId: int().min(1),
    normHoursCenti: int().min(1).max(MAX_HOURS_CENTI).optional(),
    moneyMinor: int().min(1).max(1_000_000_000_000).optional().openapi({ description: 'alternatively: money, turned into norm-hours at the current rate' }),
    pledgedOn: IsoDate.optional(),
    note: text(1_000).optional(),
  })
  .strict()
  .openapi('PledgeBody');

export const Pledge = z
  .object({
    id: int(),
    projectId: int(),
    customerId: int(),
    customerName: z.string(),
    normHoursCenti: int(),
    moneyMinor: int(),
    status: z.enum(PLEDGE_STATUSES),
    pledgedOn: z.string(),
    note: z.string(),
    quoteId: int().nullable(),
    confirmedAt: z.string().nullable(),
    cancelledAt: z.string().nullable(),
  })
  .openapi('Pledge');

export const FundingS = z.object({
  priceMinor: int(),
  normHoursCenti: int(),
  promisedCenti: int(),
  confirmedCenti: int(),
  remainingCenti: int(),
  fundedMilli: int(),
  overPledgedCenti: int(),
  funders: int(),
});

export const Project = z
  .object({
    id: int(),
    code: z.string(),
    title: z.string(),
    description: z.string(),
    status: ProjectStatus,
    targetDate: z.string().nullable(),
    links: z.array(z.object({ title: z.string(), url: z.string() })),
    estimate: z.array(z.object({ id: int(), categoryId: int().nullable(), title: z.string(), kMilli: int(), hoursCenti: int() })),
    rateMinor: int(),
    currency: z.string(),
    version: int(),
    createdAt: z.string(),
    updatedAt: z.string(),
    pledges: z.array(Pledge),
  })
  .merge(FundingS)
  .openapi('Project');

export const CompareQuery = z.object({
  ids: z.string().max(200).openapi({ example: '1,2,3' }),
  n: z.coerce.number().int().min(1).max(50).default(2).openapi({ description: 'split the remainder among N more customers' }),
  customerId: z.coerce.number().int().min(1).optional().openapi({ description: 'whose balance to test against each share' }),
});

export const Comparison = z
  .object({
    n: int(),
    customer: z.object({ id: int(), name: z.string(), balanceCenti: int() }).nullable(),
    projects: z.array(
      FundingS.extend({
        id: int(),
        code: z.string(),
        title: z.string(),
        status: ProjectStatus,
        targetDate: z.string().nullable(),
        perFunderCenti: int(),
        perFunderMinor: int(),
        sharesCenti: z.array(int()),
        customerCovers: z.boolean().nullable(),
      }),
    ),
  })
  .openapi('Comparison');

export const ProjectLineBody = z
  .object({
    quoteId: int().min(1),
    version: int().min(1),
    normHoursCenti: int().min(1).max(MAX_HOURS_CENTI).optional().openapi({ description: 'the customer’s share (default: the remainder split among n)' }),
    n: int().min(1).max(50).optional(),
  })
  .strict()
  .openapi('ProjectLineBody');

export type ProjectT = z.infer<typeof Project>;
export type PledgeT = z.infer<typeof Pledge>;
export type ComparisonT = z.infer<typeof Comparison>;
