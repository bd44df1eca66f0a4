/**
 * Every closed set of values the product knows, written once. The drizzle tables, the zod
 * schemas of the API (and so the OpenAPI document), the SQL guards and the web UI all take
 * them from here; a value added here is added everywhere.
 */

export const ROLES = ['admin', 'manager', 'accountant'] as const;
export type Role = (typeof ROLES)[number];

export const VAT_MODES = ['none', 'on_top', 'included'] as const;
export type VatMode = (typeof VAT_MODES)[number];

/** A catalog item's labour: fixed norm-hours, or hours the manager estimates on each line. */
export const ITEM_MODES = ['fixed', 'estimate'] as const;
export type ItemMode = (typeof ITEM_MODES)[number];

/** A quote line: a catalog service, a free-form service, a section heading, a crowdfunding share. */
export const LINE_KINDS = ['item', 'free', 'section', 'project'] as const;
export type LineKind = (typeof LINE_KINDS)[number];

export const ACTOR_KINDS = ['user', 'customer', 'system'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

export const LEDGER_KINDS = ['topup', 'debit', 'correction'] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

/** What a top-up comes from (seed section 1): the tariff plan, an extended-support package, a separate contract. */
export const TOPUP_KINDS = ['tariff', 'support', 'contract'] as const;
export type TopupKind = (typeof TOPUP_KINDS)[number];

/** Stored quote statuses; `expired` is computed when read (DOMAIN.md) and never stored. */
export const STORED_QUOTE_STATUSES = ['draft', 'sent', 'accepted', 'declined', 'changes_requested', 'archived'] as const;
export type StoredQuoteStatus = (typeof STORED_QUOTE_STATUSES)[number];
export const QUOTE_STATUSES = ['draft', 'sent', 'accepted', 'declined', 'changes_requested', 'expired', 'archived'] as const;
export type QuoteStatus = (typeof QUOTE_STATUSES)[number];

export const ORDER_STATUSES = ['queued', 'in_progress', 'paused', 'done', 'withdrawn'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const STAGE_STATUSES = ['pending', 'accepted', 'withdrawn'] as const;
export type StageStatus = (typeof STAGE_STATUSES)[number];

/** Stored project statuses; `funded` is computed (an open project its confirmed pledges cover). */
export const STORED_PROJECT_STATUSES = ['open', 'in_development', 'released', 'withdrawn'] as const;
export type StoredProjectStatus = (typeof STORED_PROJECT_STATUSES)[number];
export const PROJECT_STATUSES = ['open', 'funded', 'in_development', 'released', 'withdrawn'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

export const PLEDGE_STATUSES = ['promised', 'confirmed', 'cancelled'] as const;
export type PledgeStatus = (typeof PLEDGE_STATUSES)[number];

/** How an accepted quote is cut into the stages of its work order. */
export const STAGE_SPLITS = ['by_line', 'by_section', 'single'] as const;
export type StageSplit = (typeof STAGE_SPLITS)[number];

/** The languages of the product: Russian first (the default), English. */
export const LANGS = ['ru', 'en'] as const;

/** The e-mails the product sends (worker/mail). */
export const MAIL_KINDS = [
  'quote_sent',
  'quote_answered',
  'quote_expiring',
  'quote_expired',
  'balance_low',
  'account_link',
  'stage_ready',
  'request_new',
  'request_answered',
] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

/** An outbox row: waiting (or being sent), sent, or failed after its attempts. */
export const OUTBOX_STATUSES = ['queued', 'sending', 'sent', 'failed'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/** A prepayment invoice («счёт на оплату»): issued, then paid by the top-up that settles it, or cancelled. */
export const INVOICE_STATUSES = ['issued', 'paid', 'cancelled'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

/** An accounting month: open, or closed by an accountant (nothing may be dated in it any more). */
export const PERIOD_STATUSES = ['open', 'closed'] as const;
export type PeriodStatus = (typeof PERIOD_STATUSES)[number];

/** Service request kinds (seed 004): incident, problem, service request, development request. */
export const REQUEST_KIND_CODES = ['incident', 'problem', 'service', 'development'] as const;

/** Service request statuses (DOMAIN.md, second round): new → in work → needs clarification → resolved / closed. */
export const REQUEST_STATUS_CODES = ['new', 'in_work', 'needs_clarification', 'resolved', 'closed'] as const;

/** SLA levels (seed 003), from the shortest reaction time to the longest. */
export const SLA_LEVEL_CODES_ENUM = ['vip', 'emergency', 'standard', 'non_commercial', 'consulting'] as const;
