/**
 * Delivering one outbox row, at most once: it is claimed (queued → sending) before anything
 * is sent; the message is rendered now from what the row's payload names (a quote, an
 * answer); a customer's link is made now, for this e-mail, and withdrawn again if the e-mail
 * does not leave. A failed attempt goes back to the queue with backoff, the last one stays
 * failed with its error for an admin to see and send again.
 */
import { addDays, localDate } from '../domain/calendar';
import type { Lang } from '../domain/format';
import { estimatePdfInput, renderEstimatePdf } from '../pdf/estimate';
import { estimateFileName } from '../excel/filename';
import { randomToken, sha256Hex } from '../platform/secrets';
import type { Db } from '../store/db';
import { claimMail, markAttemptFailed, markSent, type OutboxRow } from '../store/outbox';
import { quoteParties } from '../store/quote-parties';
import { getQuote } from '../store/quotes';
import { getSettings } from '../store/settings';
import { createShareLink, revokeShareLink } from '../store/shares';
import { createAccountLink, revokeAccountLink } from '../store/account';
import { findCustomer } from '../store/customers';
import { getOrder } from '../store/orders';
import {
  accountLinkMail,
  stageReadyMail,
  balanceLowMail,
  quoteAnsweredMail,
  quoteExpiredMail,
  quoteExpiringMail,
  quoteSentMail,
  requestAnsweredMail,
  requestNewMail,
  type AnswerKind,
  type RequestFacts,
  type BalanceLowFacts,
  type QuoteFacts,
  type Rendered,
} from './render';
import type { MailTransport, OutgoingMail } from './transport';
import { PRIORITY_WORDS, REQUEST_KINDS, REQUEST_STATUSES, type RequestPriority } from '../domain/sla';
import { stampText } from '../domain/format';
import { findRequest, listComments } from '../store/requests';

/** Attempts before a message fails for good; the waits between them grow. */
export const MAX_ATTEMPTS = 5;
const BACKOFF_SECONDS = [30, 120, 600, 1800, 7200];
export const retryDelaySeconds = (attempts: number) => BACKOFF_SECONDS[Math.min(attempts - 1, BACKOFF_SECONDS.length - 1)]!;

export interface DeliveryDeps {
  db: Db;
  transport: MailTransport;
  from: string;
}

export type Delivered = { outcome: 'sent' } | { outcome: 'retry'; delaySeconds: number } | { outcome: 'failed' } | { outcome: 'not_mine' };

const SYSTEM = { kind: 'system' as const, userId: null, name: 'E-mail', ip: null, userAgent: null };

interface Prepared {
  mail: Omit<OutgoingMail, 'from' | 'to'>;
  /** Undo what preparing did, when the e-mail does not leave. */
  undo?: () => Promise<void>;
}

function facts(q: NonNullable<Awaited<ReturnType<typeof getQuote>>>): QuoteFacts {
  return {
    number: q.number,
    title: q.title,
    totalMinor: q.totals.totalMinor,
    currency: q.currency,
    validUntil: q.validUntil,
    customerName: q.customerName,
  };
}

const asMail = (r: Rendered, extra: Partial<Prepared['mail']> = {}): Prepared['mail'] => ({
  subject: r.subject,
  text: r.text,
  html: r.html,
  ...extra,
});

async function prepare(db: Db, row: OutboxRow): Promise<Prepared> {
  const payload = JSON.parse(row.payload) as Record<string, unknown>;
  const lang = row.lang as Lang;
  if (row.kind === 'account_link' || row.kind === 'stage_ready') return prepareAccountMail(db, row, payload, lang);
  if (row.kind === 'balance_low') {
    // About a customer's balance, not a quote (issue 17): everything it says is in its payload.
    const settings = await getSettings(db);
    return { mail: asMail(balanceLowMail(lang, payload as unknown as BalanceLowFacts, { company: settings.companyName, manager: null })) };
  }
  if (row.kind === 'request_new' || row.kind === 'request_answered') return prepareRequestMail(db, row.kind, lang, payload);
  const quote = await getQuote(db, Number(payload.quoteId));
  if (!quote) throw new Error(`quote ${String(payload.quoteId)} is gone`);
  const settings = await getSettings(db);
  const parties = await quoteParties(db, quote.id);
  const sender = { company: settings.companyName, manager: parties.manager };
  const origin = String(payload.origin ?? '');
  switch (row.kind) {
    case 'quote_sent': {
      const token = randomToken();
      const days = Number(payload.linkDays ?? settings.shareLinkDays);
      const expiresAt = new Date(Date.now() + days * 86_400_000).toISOString();
      const link = await createShareLink(db, quote.id, await sha256Hex(token), expiresAt, SYSTEM);
      const pdf = await renderEstimatePdf(estimatePdfInput(quote, settings, parties, new Date()), lang);
      const rendered = quoteSentMail(
        lang,
        facts(quote),
        { url: `${origin}/s/${token}`, expiresAt: localDate(Date.parse(expiresAt), settings.timeZone) },
        String(payload.note ?? ''),
        sender,
      );
      return {
        mail: asMail(rendered, {
          replyTo: parties.manager?.email,
          attachments: [
            {
              filename: estimateFileName(quote.number, quote.customerName).replace(/\.xlsx$/, '.pdf'),
              type: 'application/pdf',
              content: pdf,
            },
          ],
        }),
        undo: async () => {
          await revokeShareLink(db, link.id);
        },
      };
    }
    case 'quote_answered':
      return {
        mail: asMail(
          quoteAnsweredMail(lang, facts(quote), {
            kind: payload.kind as AnswerKind,
            name: String(payload.name ?? ''),
            message: (payload.message as string | null) ?? null,
            at: localDate(Date.parse(String(payload.at)), settings.timeZone),
            url: `${origin}/quotes/${quote.id}`,
          }),
        ),
      };
    case 'quote_expiring':
      return {
        mail: asMail(
          quoteExpiringMail(
            lang,
            { ...facts(quote), validUntil: quote.validUntil ?? addDays(localDate(Date.now(), settings.timeZone), 3) },
            sender,
          ),
          { replyTo: parties.manager?.email },
        ),
      };
    case 'quote_expired':
      return {
        mail: asMail(
          quoteExpiredMail(
            lang,
            { ...facts(quote), validUntil: quote.validUntil ?? localDate(Date.now(), settings.timeZone) },
            `${origin}/quotes/${quote.id}`,
          ),
        ),
      };
  }
}

/** Days an account link made by an e-mail stays valid when the payload does not say. */
const ACCOUNT_LINK_DAYS = 90;

/**
 * The customer's account link, or a stage waiting for their sign-off: the customer's own link to
 * their account is made now, for this e-mail (the outbox keeps no token), and withdrawn again if
 * the e-mail does not leave.
 */
async function prepareAccountMail(db: Db, row: OutboxRow, payload: Record<string, unknown>, lang: Lang): Promise<Prepared> {
  const customer = await findCustomer(db, Number(payload.customerId));
  if (!customer || customer.anonymisedAt) throw new Error(`customer ${String(payload.customerId)} is gone`);
  const settings = await getSettings(db);
  const sender = { company: settings.companyName, manager: null };
  const expiresAt =
    typeof payload.expiresAt === 'string' && payload.expiresAt > new Date().toISOString()
      ? payload.expiresAt
      : new Date(Date.now() + ACCOUNT_LINK_DAYS * 86_400_000).toISOString();
  const token = randomToken();
  const { link } = await createAccountLink(db, customer.id, await sha256Hex(token), expiresAt, null, null);
  const url = `${String(payload.origin ?? '')}/a/${token}`;
  const shown = { url, expiresAt: localDate(Date.parse(expiresAt), settings.timeZone) };
  const undo = async () => revokeAccountLink(db, link.id);
  if (row.kind === 'account_link') return { mail: asMail(accountLinkMail(lang, customer.name, shown, sender)), undo };
  const order = await getOrder(db, Number(payload.orderId));
  const stage = order?.stages.find((s) => s.n === Number(payload.n));
  if (!order || !stage) {
    await undo();
    throw new Error(`order ${String(payload.orderId)} stage ${String(payload.n)} is gone`);
  }
  return {
    mail: asMail(
      stageReadyMail(lang, { order: order.number, n: stage.n, title: stage.title, normHoursCenti: stage.normHoursCenti }, shown, sender),
    ),
    undo,
  };
}

/** The request e-mails (issue 18): what they say is read now from the request and its answer. */
async function prepareRequestMail(
  db: Db,
  kind: 'request_new' | 'request_answered',
  lang: Lang,
  payload: Record<string, unknown>,
): Promise<Prepared> {
  const request = await findRequest(db, Number(payload.requestId));
  if (!request) throw new Error(`request ${String(payload.requestId)} is gone`);
  const settings = await getSettings(db);
  const pick = (pair: { ru: string; en: string }) => pair[lang];
  const facts: RequestFacts = {
    number: request.number,
    subject: request.subject,
    description: request.description,
    customerName: request.customerName,
    kind: pick(REQUEST_KINDS[request.kind]),
    priority: pick(PRIORITY_WORDS[request.priority as RequestPriority] ?? PRIORITY_WORDS[3]),
    status: pick(REQUEST_STATUSES[request.status]),
    due: stampText(request.dueAt, settings.timeZone, lang),
  };
  const origin = String(payload.origin ?? '');
  if (kind === 'request_new') return { mail: asMail(requestNewMail(lang, facts, `${origin}/requests/${request.id}`)) };
  const comment = (await listComments(db, request.id)).find((c) => c.id === Number(payload.commentId));
  if (!comment) throw new Error(`answer ${String(payload.commentId)} is gone`);
  return {
    mail: asMail(
      requestAnsweredMail(lang, facts, { name: comment.authorName, body: comment.body }, { company: settings.companyName, manager: null }),
    ),
  };
}

export async function deliverMail(deps: DeliveryDeps, id: number): Promise<Delivered> {
  const row = await claimMail(deps.db, id);
  if (!row) return { outcome: 'not_mine' };
  let prepared: Prepared | null = null;
  try {
    prepared = await prepare(deps.db, row);
    const result = await deps.transport.send({ ...prepared.mail, from: deps.from, to: JSON.parse(row.toJson) as string[] });
    await markSent(deps.db, id, result.messageId);
    return { outcome: 'sent' };
  } catch (e) {
    await prepared?.undo?.().catch(() => undefined);
    const last = row.attempts >= MAX_ATTEMPTS;
    const delaySeconds = retryDelaySeconds(row.attempts);
    await markAttemptFailed(deps.db, id, e instanceof Error ? e.message : String(e), last, delaySeconds * 1000);
    return last ? { outcome: 'failed' } : { outcome: 'retry', delaySeconds };
  }
}
