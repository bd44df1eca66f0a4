/**
 * What a customer with the link may see of a quote revision. Built field by field from an
 * allow-list — never by copying the staff view and deleting — so that internal notes, the
 * reasons behind a changed K, ids, versions, other revisions and other customers cannot
 * leak into the page or the JSON, whatever is added to the staff view later.
 */
import { lineService, type QuoteView } from './quote';

export interface SharedContext {
  companyName: string;
  companyDetails: string;
  /** The company's logo (a data: URL) or ''. */
  logoDataUrl?: string;
  /** Who the customer talks to: shown on the page with their phone and e-mail. */
  manager?: { name: string; phone: string; email: string } | null;
  customerName: string;
  customerLegalName: string;
  linkExpiresAt: string;
}

export type SharedAnswer = 'accepted' | 'declined' | 'changes_requested';

export function sharedView(q: QuoteView, ctx: SharedContext) {
  const replaced = q.supersededAt !== null;
  const answer: SharedAnswer | null =
    q.status === 'accepted' || q.status === 'declined' || q.status === 'changes_requested' ? q.status : null;
  return {
    company: { name: ctx.companyName, details: ctx.companyDetails, logo: ctx.logoDataUrl ?? '' },
    manager: ctx.manager ? { name: ctx.manager.name, phone: ctx.manager.phone, email: ctx.manager.email } : null,
    customer: { name: ctx.customerName, legalName: ctx.customerLegalName },
    quote: {
      number: q.number,
      revision: q.revision,
      title: q.title,
      status: q.status,
      currency: q.currency,
      rateMinor: q.rateMinor,
      vatMode: q.vatMode,
      vatRateMilli: q.vatRateMilli,
      discountRateMilli: q.discountRateMilli,
      validUntil: q.validUntil,
      sentAt: q.sentAt,
      customerNote: q.customerNote,
    },
    lines: q.lines.map((l) => ({
      kind: l.kind,
      code: l.code,
      title: l.title,
      mode: l.mode,
      actualTime: l.actualTime,
      quantityMilli: l.quantityMilli,
      hoursCenti: l.hoursCenti,
      kMilli: l.kMilli,
      ...lineService(l, q.services),
      normHoursCenti: l.normHoursCenti,
      amountMinor: l.amountMinor,
      note: l.note,
    })),
    sections: q.sections.map((s) => ({ title: s.title, subtotalMinor: s.subtotalMinor, normHoursCenti: s.normHoursCenti })),
    totals: q.totals,
    answer: answer ? { kind: answer, name: q.answerName, message: answer === 'accepted' ? null : q.answerMessage, at: q.answeredAt } : null,
    replaced,
    expired: q.status === 'expired',
    canAnswer: q.status === 'sent' && !replaced,
    link: { expiresAt: ctx.linkExpiresAt },
    /** The number's earlier sent revisions, newest first, read-only: when each was sent, and by which it was replaced when. */
    history: history(q),
  };
}

function history(q: {
  revision: number;
  number: string;
  revisions: { revision: number; number: string; sentAt: string | null; supersededAt: string | null }[];
}) {
  const sent = q.revisions.filter((r) => r.sentAt !== null && r.revision <= q.revision).sort((a, b) => a.revision - b.revision);
  return sent
    .filter((r) => r.revision < q.revision)
    .map((r) => {
      const next = sent.find((n) => n.revision > r.revision);
      return {
        number: r.number,
        revision: r.revision,
        sentAt: r.sentAt!,
        replacedAt: r.supersededAt,
        replacedBy: next?.number ?? q.number,
      };
    })
    .reverse();
}

export type SharedQuote = ReturnType<typeof sharedView>;

/** The terms a customer reads before accepting (also shown on the page and in the audit). */
export const ACCEPT_TERMS = {
  ru:
    'Принимая смету, вы подтверждаете состав работ, их трудоёмкость в нормо-часах и стоимость. ' +
    'На основании принятой сметы создаётся заявка; работы выполняются в порядке очереди и при наличии ' +
    'нормо-часов на балансе, нормо-часы списываются по мере приёмки этапов (для услуг с оплатой по ' +
    'факту — по фактически затраченному времени).',
  en:
    'By accepting this estimate you confirm the scope of work, its effort in norm-hours and its price. ' +
    'A work order is created from the accepted estimate; work is done in queue order when the balance ' +
    'covers it, and norm-hours are debited as stages are accepted (actual-time services by the time ' +
    'actually spent).',
};
