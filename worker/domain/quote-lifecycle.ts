/**
 * Quote lifecycle (DOMAIN.md): draft → sent → accepted | declined | changes_requested,
 * any non-final state → archived; a changed mind needs a new revision. "expired" is never
 * stored: it is what a sent, unanswered revision is once its validity date has passed.
 *
 * QUOTE_LIFECYCLE is the one table of what may be done in which status (as a reader sees
 * it, expired included). The refusals below, the store's SQL guards (store/quote-guards.ts),
 * the routes' errors, the editor's allowed actions and the customer's page all read it.
 */
import { QUOTE_STATUSES, type QuoteStatus, type StoredQuoteStatus } from './enums';
import { may, type Lifecycle } from './lifecycle';
import { QUOTE_REFUSAL_WORDS as W } from './words/refusals';
import { both, type Pair } from './words/words';

export { QUOTE_STATUSES };
export type { QuoteStatus, StoredQuoteStatus };

export type QuoteAction = 'edit' | 'send' | 'revise' | 'duplicate' | 'archive' | 'answer' | 'order' | 'share';
export type CustomerAnswer = 'accepted' | 'declined' | 'changes_requested';

export const QUOTE_LIFECYCLE: Lifecycle<QuoteStatus, QuoteAction> = {
  /** Lines, header, re-pricing: a draft only. */
  edit: { from: ['draft'], to: null },
  send: { from: ['draft'], to: 'sent' },
  /** A new draft revision from the latest one (and only the latest: see `refusalFor`). */
  revise: { from: ['sent', 'declined', 'changes_requested', 'expired'], to: null },
  duplicate: { from: QUOTE_STATUSES, to: null },
  archive: { from: ['draft', 'sent', 'changes_requested', 'expired'], to: 'archived' },
  /** The customer's answer, on the revision that was sent and not replaced since. */
  answer: { from: ['sent'], to: null },
  order: { from: ['accepted'], to: null },
  /**
   * A link to the quote's NUMBER (it shows the latest sent revision): from a revision that was sent, or any revision of a number that was.
   */
  share: { from: ['sent', 'accepted', 'declined', 'changes_requested', 'expired'], to: null },
};

export interface LifecycleFacts {
  status: StoredQuoteStatus;
  /** YYYY-MM-DD, inclusive: the quote is valid through this day. */
  validUntil: string | null;
  /** Set when a later revision of the same number has been sent. */
  supersededAt: string | null;
}

/** The status a reader sees; `today` is the company's calendar date (YYYY-MM-DD). */
export function effectiveStatus(q: LifecycleFacts, today: string): QuoteStatus {
  if (q.status === 'sent' && q.validUntil !== null && q.validUntil < today) return 'expired';
  return q.status;
}

export const FINAL_STATUSES: readonly QuoteStatus[] = ['accepted', 'declined', 'archived'];

export interface Refusal {
  /** 409: the state of the quote forbids it; 422: the request is well-formed but breaks a rule. */
  status: 409 | 422;
  code: string;
  en: string;
  ru: string;
}

const refuse = (status: 409 | 422, code: string, pair: Pair, word?: QuoteStatus): Refusal => ({
  status,
  code,
  ...both(pair, word ? { status: STATUS_IN_SENTENCE[word][0], statusEn: STATUS_IN_SENTENCE[word][1] } : undefined),
});

/** How a status reads inside a sentence («эта редакция — черновик», "this revision is a draft"). */
const STATUS_IN_SENTENCE: Record<QuoteStatus, Pair> = {
  draft: ['черновик', 'a draft'],
  sent: ['отправлена', 'sent'],
  accepted: ['принята', 'accepted'],
  declined: ['отклонена', 'declined'],
  changes_requested: ['ждёт изменений', 'waiting for changes'],
  expired: ['просрочена', 'expired'],
  archived: ['в архиве', 'archived'],
};

/** Why `action` is refused in `status` (the table said no): the code and the words. */
function refusalOf(action: QuoteAction, status: QuoteStatus): Refusal {
  switch (action) {
    case 'edit':
      return status === 'accepted' ? refuse(409, 'quote_locked', W.locked) : refuse(409, 'quote_not_editable', W.notEditable, status);
    case 'send':
      return refuse(409, 'illegal_transition', W.sendDraftOnly, status);
    case 'revise':
      if (status === 'draft') return refuse(409, 'illegal_transition', W.reviseDraft);
      if (status === 'accepted') return refuse(409, 'quote_locked', W.reviseAccepted);
      return refuse(409, 'illegal_transition', W.reviseArchived);
    case 'archive':
      return refuse(409, 'illegal_transition', W.archive, status);
    case 'answer':
      if (status === 'expired') return refuse(409, 'quote_expired', W.answerExpired);
      if (status === 'accepted' || status === 'declined' || status === 'changes_requested')
        return refuse(409, 'already_answered', W.answered);
      return refuse(409, 'not_available', W.notAvailable);
    case 'order':
      return refuse(422, 'quote_not_accepted', W.orderNotAccepted);
    case 'share':
      return refuse(409, 'quote_not_sent', W.shareNotSent);
    case 'duplicate':
      return refuse(409, 'illegal_transition', W.notAvailable);
  }
}

/**
 * Whether `action` is allowed on a revision, given its effective status. `latest` says
 * whether this is the newest revision of its number; `superseded`, whether a later one was
 * sent. Returns null when allowed.
 */
export function refusalFor(action: QuoteAction, status: QuoteStatus, latest: boolean, superseded: boolean): Refusal | null {
  if (action === 'revise' && !latest) return refuse(409, 'not_latest_revision', W.notLatest);
  if (action === 'answer' && superseded) return refuse(409, 'revision_replaced', W.replaced);
  return may(QUOTE_LIFECYCLE, action, status) ? null : refusalOf(action, status);
}

/** Q-2026-0042 for revision 1, Q-2026-0042-R2 for the second, … */
export function revisionNumber(baseNumber: string, revision: number): string {
  return revision <= 1 ? baseNumber : `${baseNumber}-R${revision}`;
}

export function baseNumber(year: number, seq: number, prefix = 'Q'): string {
  return `${prefix}-${year}-${String(seq).padStart(4, '0')}`;
}
