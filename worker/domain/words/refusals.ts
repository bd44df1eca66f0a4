/** Why a quote refuses an action (domain/quote-lifecycle.ts): {status} and {statusEn} name its status. */
import type { Pair } from './words';

export const QUOTE_REFUSAL_WORDS = {
  locked: ['Эта редакция принята и больше не меняется.', 'This revision was accepted and is locked for good.'],
  notEditable: [
    'Эта редакция — {status}; чтобы её изменить, создайте новую редакцию.',
    'This revision is {statusEn}; make a new revision to change it.',
  ],
  sendDraftOnly: ['Отправить можно только черновик; эта редакция — {status}.', 'Only a draft can be sent; this revision is {statusEn}.'],
  notLatest: ['Новую редакцию можно создать только из последней.', 'Only the latest revision can be revised.'],
  reviseDraft: ['Эта редакция ещё черновик — редактируйте её.', 'This revision is still a draft: edit it directly.'],
  reviseAccepted: ['Принятую смету нельзя пересмотреть.', 'An accepted quote cannot be revised.'],
  reviseArchived: ['Архивную смету нельзя пересмотреть — сделайте копию.', 'An archived quote cannot be revised; duplicate it instead.'],
  archive: ['Смету в состоянии «{status}» нельзя отправить в архив.', 'A quote that is {statusEn} cannot be archived.'],
  replaced: ['Эта смета заменена более новой редакцией.', 'This estimate was replaced by a newer revision.'],
  answerExpired: ['Срок действия сметы истёк — запросите у менеджера новую.', 'This estimate has expired; ask your manager for a new one.'],
  answered: ['На эту смету уже дан ответ.', 'This estimate has already been answered.'],
  notAvailable: ['Эта смета сейчас не ожидает ответа.', 'This estimate is not open for an answer.'],
  orderNotAccepted: ['Заявку можно создать только из принятой сметы.', 'Only an accepted quote becomes a work order.'],
  shareNotSent: ['Сначала отправьте смету, затем делитесь ссылкой.', 'Send the quote before sharing it.'],
} as const satisfies Record<string, Pair>;

/** Why the customer's answer on the link is refused (routes/shared.ts). */
export const SHARED_ANSWER_WORDS = {
  newerRevision: [
    'Пока страница была открыта, менеджер прислал новую редакцию {number}. Обновите страницу, прочитайте её и ответьте на неё.',
    'While the page was open, your manager sent a new revision, {number}. Reload the page, read it and answer that one.',
  ],
  replaced: ['Эта смета заменена более новой редакцией.', 'This estimate was replaced by a newer revision.'],
  expired: ['Срок действия сметы истёк.', 'This estimate has expired.'],
  answered: ['На эту смету уже дан ответ.', 'This estimate has already been answered.'],
  notAvailable: ['Эта смета сейчас не ожидает ответа.', 'This estimate is not open for an answer.'],
} as const satisfies Record<string, Pair>;
