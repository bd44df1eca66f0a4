/**
 * Quote lifecycle (DOMAIN.md): draft → sent → accepted | declined | changes_requested,
 * any non-final state → archived; a changed mind needs a new revision. "expired" is never
 * stored: it is what a sent, unanswered revision is once its validity date has passed.
 */
import { QUOTE_STATUSES, type QuoteStatus, type StoredQuoteStatus } from './enums';

export { QUOTE_STATUSES };
export type { QuoteStatus, StoredQuoteStatus };

export type QuoteAction = 'edit' | 'send' | 'revise' | 'duplicate' | 'archive' | 'answer' | 'order' | 'share';
export type CustomerAnswer = 'accepted' | 'declined' | 'changes_requested';

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

const refuse = (status: 409 | 422, code: string, en: string, ru: string): Refusal => ({ status, code, en, ru });

const STATUS_WORDS: Record<QuoteStatus, { en: string; ru: string }> = {
  draft: { en: 'a draft', ru: 'черновик' },
  sent: { en: 'sent', ru: 'отправлена' },
  accepted: { en: 'accepted', ru: 'принята' },
  declined: { en: 'declined', ru: 'отклонена' },
  changes_requested: { en: 'waiting for changes', ru: 'ждёт изменений' },
  expired: { en: 'expired', ru: 'просрочена' },
  archived: { en: 'archived', ru: 'в архиве' },
};

/**
 * Whether `action` is allowed on a revision, given its effective status. `latest` says
 * whether this is the newest revision of its number. Returns null when allowed.
 */
export function refusalFor(action: QuoteAction, status: QuoteStatus, latest: boolean, superseded: boolean): Refusal | null {
  const word = STATUS_WORDS[status];
  switch (action) {
    case 'edit':
      if (status === 'draft') return null;
      if (status === 'accepted')
        return refuse(409, 'quote_locked', 'This revision was accepted and is locked for good.', 'Эта редакция принята и больше не меняется.');
      return refuse(
        409,
        'quote_not_editable',
        `This revision is ${word.en}; make a new revision to change it.`,
        `Эта редакция — ${word.ru}; чтобы её изменить, создайте новую редакцию.`,
      );
    case 'send':
      if (status === 'draft') return null;
      return refuse(409, 'illegal_transition', `Only a draft can be sent; this revision is ${word.en}.`, `Отправить можно только черновик; эта редакция — ${word.ru}.`);
    case 'revise':
      if (!latest)
        return refuse(409, 'not_latest_revision', 'Only the latest revision can be revised.', 'Новую редакцию можно создать только из последней.');
      if (status === 'draft')
        return refuse(409, 'illegal_transition', 'This revision is still a draft: edit it directly.', 'Эта редакция ещё черновик — редактируйте её.');
      if (status === 'accepted')
        return refuse(409, 'quote_locked', 'An accepted quote cannot be revised.', 'Принятую смету нельзя пересмотреть.');
      if (status === 'archived')
        return refuse(409, 'illegal_transition', 'An archived quote cannot be revised; duplicate it instead.', 'Архивную смету нельзя пересмотреть — сделайте копию.');
      return null;
    case 'duplicate':
      return null;
    case 'archive':
      if (status === 'draft' || status === 'sent' || status === 'changes_requested' || status === 'expired') return null;
      return refuse(409, 'illegal_transition', `A quote that is ${word.en} cannot be archived.`, `Смету в состоянии «${word.ru}» нельзя отправить в архив.`);
    case 'answer':
      if (superseded)
        return refuse(409, 'revision_replaced', 'This estimate was replaced by a newer revision.', 'Эта смета заменена более новой редакцией.');
      if (status === 'sent') return null;
      if (status === 'expired')
        return refuse(409, 'quote_expired', 'This estimate has expired; ask your manager for a new one.', 'Срок действия сметы истёк — запросите у менеджера новую.');
      if (status === 'accepted' || status === 'declined' || status === 'changes_requested')
        return refuse(409, 'already_answered', 'This estimate has already been answered.', 'На эту смету уже дан ответ.');
      return refuse(409, 'not_available', 'This estimate is not open for an answer.', 'Эта смета сейчас не ожидает ответа.');
    case 'order':
      if (status === 'accepted') return null;
      return refuse(422, 'quote_not_accepted', 'Only an accepted quote becomes a work order.', 'Заявку можно создать только из принятой сметы.');
    case 'share':
      if (superseded)
        return refuse(409, 'revision_replaced', 'A newer revision has been sent: share that one.', 'Отправлена более новая редакция — делитесь ею.');
      if (status === 'sent' || status === 'accepted' || status === 'declined' || status === 'changes_requested' || status === 'expired')
        return null;
      return refuse(409, 'quote_not_sent', 'Send the quote before sharing it.', 'Сначала отправьте смету, затем делитесь ссылкой.');
  }
}

/** Q-2026-0042 for revision 1, Q-2026-0042-R2 for the second, … */
export function revisionNumber(baseNumber: string, revision: number): string {
  return revision <= 1 ? baseNumber : `${baseNumber}-R${revision}`;
}

export function baseNumber(year: number, seq: number, prefix = 'Q'): string {
  return `${prefix}-${year}-${String(seq).padStart(4, '0')}`;
}
