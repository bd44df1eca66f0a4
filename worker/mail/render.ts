/**
 * The e-mails as text and HTML, from the words of domain/words/mail.ts. Pure: what a message
 * says is decided here from plain data, so it can be previewed (the send dialog) and tested
 * without sending. HTML is plain and escaped: no remote images, no tracking pixels, no scripts.
 */
import { formatDay, formatFixed, formatMoney, type Lang } from '../domain/format';
import { normHoursAmountMinor } from '../domain/pricing';
import { MAIL_WORDS } from '../domain/words/mail';
import { say, type Params } from '../domain/words/words';

export interface Rendered {
  subject: string;
  text: string;
  html: string;
}

type Block =
  | { kind: 'p'; text: string }
  | { kind: 'quote'; text: string }
  | { kind: 'link'; url: string }
  | { kind: 'small'; text: string };

const w = (lang: Lang, key: keyof typeof MAIL_WORDS, params?: Params) => say(lang, MAIL_WORDS[key], params);

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}

/** A header value on one line (no header injection through a title or a name). */
const oneLine = (text: string) => text.replace(/[\r\n]+/g, ' ').trim();

function render(subject: string, blocks: Block[]): Rendered {
  const text = blocks
    .map((b) =>
      b.kind === 'quote'
        ? b.text
            .split('\n')
            .map((l) => `> ${l}`)
            .join('\n')
        : b.kind === 'link'
          ? b.url
          : b.text,
    )
    .join('\n\n');
  const html = [
    '<!doctype html><html><body style="font-family:-apple-system,Segoe ' +
      'UI,Roboto,Arial,sans-serif;font-size:15px;line-height:1.5;color:#1f2933;max-width:640px">',
    ...blocks.map((b) => {
      const body = escapeHtml(b.kind === 'link' ? b.url : b.text).replace(/\n/g, '<br>');
      if (b.kind === 'quote')
        return `<blockquote style="margin:0 0 1em;padding:.5em 1em;border-left:3px solid #c5cdd8;color:#3e4c59">${body}</blockquote>`;
      if (b.kind === 'link') return `<p><a href="${escapeHtml(b.url)}" style="color:#1d4ed8">${body}</a></p>`;
      if (b.kind === 'small') return `<p style="font-size:12px;color:#616e7c">${body}</p>`;
      return `<p>${body}</p>`;
    }),
    '</body></html>',
  ].join('\n');
  return { subject: oneLine(subject), text: `${text}\n`, html };
}

export interface Sender {
  company: string;
  manager: { name: string; email: string; phone: string } | null;
}

function closing(lang: Lang, s: Sender): Block[] {
  const blocks: Block[] = [
    { kind: 'p', text: w(lang, 'signature', { manager: s.manager?.name ?? '', company: s.company }).replace(/^\n/, '') },
  ];
  if (s.manager) {
    blocks.push({
      kind: 'small',
      text: s.manager.phone
        ? w(lang, 'contacts', { phone: s.manager.phone, email: s.manager.email })
        : w(lang, 'contactsEmail', { email: s.manager.email }),
    });
  }
  blocks.push({ kind: 'small', text: w(lang, 'automatic') });
  return blocks;
}

export interface QuoteFacts {
  number: string;
  title: string;
  totalMinor: number;
  currency: string;
  validUntil: string | null;
  customerName: string;
}

const totalText = (q: QuoteFacts, lang: Lang) => formatMoney(q.totalMinor, q.currency, lang);

/** To the customer: the estimate, its link, the manager's note; the PDF goes as an attachment. */
export function quoteSentMail(lang: Lang, q: QuoteFacts, link: { url: string; expiresAt: string }, note: string, sender: Sender): Rendered {
  const intro = q.validUntil
    ? w(lang, 'sentIntro', { number: q.number, title: q.title, total: totalText(q, lang), validUntil: formatDay(q.validUntil, lang) })
    : w(lang, 'sentIntroNoDate', { number: q.number, title: q.title, total: totalText(q, lang) });
  const blocks: Block[] = [
    { kind: 'p', text: w(lang, 'greeting') },
    { kind: 'p', text: intro },
  ];
  if (note.trim()) blocks.push({ kind: 'p', text: w(lang, 'managerNote') }, { kind: 'quote', text: note.trim() });
  blocks.push(
    { kind: 'p', text: w(lang, 'sentLink') },
    { kind: 'link', url: link.url },
    { kind: 'small', text: `${w(lang, 'linkExpires', { date: formatDay(link.expiresAt, lang) })} ${w(lang, 'sentAttachment')}` },
    ...closing(lang, sender),
  );
  return render(w(lang, 'sentSubject', { number: q.number, title: q.title }), blocks);
}

export type AnswerKind = 'accepted' | 'declined' | 'changes_requested';

/** To the manager: the customer answered. */
export function quoteAnsweredMail(
  lang: Lang,
  q: QuoteFacts,
  a: { kind: AnswerKind; name: string; message: string | null; at: string; url: string },
): Rendered {
  const answer = w(lang, a.kind === 'accepted' ? 'answerAccepted' : a.kind === 'declined' ? 'answerDeclined' : 'answerChanges');
  const blocks: Block[] = [
    {
      kind: 'p',
      text: w(lang, 'answeredBody', {
        customer: q.customerName,
        name: a.name,
        answer,
        number: q.number,
        title: q.title,
        at: formatDay(a.at, lang),
      }),
    },
  ];
  if (a.message) blocks.push({ kind: 'p', text: w(lang, 'answeredMessage') }, { kind: 'quote', text: a.message });
  blocks.push({ kind: 'p', text: w(lang, 'answeredNext', { url: a.url }) });
  return render(w(lang, 'answeredSubject', { number: q.number, answer, customer: q.customerName }), blocks);
}

/** To the customer: the estimate expires in a few days and has no answer yet. */
export function quoteExpiringMail(lang: Lang, q: QuoteFacts & { validUntil: string }, sender: Sender): Rendered {
  const validUntil = formatDay(q.validUntil, lang);
  return render(w(lang, 'expiringSubject', { number: q.number, validUntil }), [
    { kind: 'p', text: w(lang, 'greeting') },
    { kind: 'p', text: w(lang, 'expiringBody', { number: q.number, title: q.title, total: totalText(q, lang), validUntil }) },
    ...closing(lang, sender),
  ]);
}

/** To the manager: the estimate expired without an answer. */
export function quoteExpiredMail(lang: Lang, q: QuoteFacts & { validUntil: string }, url: string): Rendered {
  return render(w(lang, 'expiredSubject', { number: q.number, customer: q.customerName }), [
    {
      kind: 'p',
      text: w(lang, 'expiredBody', {
        number: q.number,
        title: q.title,
        customer: q.customerName,
        validUntil: formatDay(q.validUntil, lang),
      }),
    },
    { kind: 'p', text: w(lang, 'answeredNext', { url }) },
  ]);
}

/** What the low-balance e-mail says (the outbox row's payload). */
export interface BalanceLowFacts {
  customerName: string;
  orderNumber: string;
  stageN: number;
  balanceCenti: number;
  thresholdCenti: number;
  rateMinor: number;
  currency: string;
}

/** To the customer: a sign-off took the balance below its threshold; how much to top up. */
export function balanceLowMail(lang: Lang, f: BalanceLowFacts, sender: Sender): Rendered {
  const hours = (centi: number) => formatFixed(centi, 2, lang);
  const short = Math.max(0, f.thresholdCenti - f.balanceCenti);
  const blocks: Block[] = [
    { kind: 'p', text: w(lang, 'greeting') },
    {
      kind: 'p',
      text: w(lang, 'balanceLowBody', {
        stage: f.stageN,
        order: f.orderNumber,
        customer: f.customerName,
        balance: hours(f.balanceCenti),
        threshold: hours(f.thresholdCenti),
      }),
    },
  ];
  if (short > 0) {
    const amount = formatMoney(normHoursAmountMinor(short, f.rateMinor), f.currency, lang);
    blocks.push({
      kind: 'p',
      text: w(lang, 'balanceLowShort', { short: hours(short), amount, rate: formatMoney(f.rateMinor, f.currency, lang) }),
    });
  }
  blocks.push({ kind: 'p', text: w(lang, 'balanceLowInvoice') }, ...closing(lang, sender));
  return render(balanceLowSubject(lang, f.customerName), blocks);
}

export const balanceLowSubject = (lang: Lang, customerName: string) => w(lang, 'balanceLowSubject', { customer: customerName });

/** To the customer: the link to their account (made as the e-mail leaves). */
export function accountLinkMail(lang: Lang, customerName: string, link: { url: string; expiresAt: string }, sender: Sender): Rendered {
  return render(w(lang, 'accountLinkSubject', { customer: customerName }), [
    { kind: 'p', text: w(lang, 'greeting') },
    { kind: 'p', text: w(lang, 'accountLinkBody') },
    { kind: 'link', url: link.url },
    { kind: 'small', text: `${w(lang, 'linkExpires', { date: formatDay(link.expiresAt, lang) })} ${w(lang, 'accountLinkPrivate')}` },
    ...closing(lang, sender),
  ]);
}

/** To the customer: a stage waits for their sign-off on the account page. */
export function stageReadyMail(
  lang: Lang,
  s: { order: string; n: number; title: string; normHoursCenti: number },
  link: { url: string; expiresAt: string },
  sender: Sender,
): Rendered {
  return render(w(lang, 'stageReadySubject', { order: s.order, stage: s.n }), [
    { kind: 'p', text: w(lang, 'greeting') },
    {
      kind: 'p',
      text: w(lang, 'stageReadyBody', { order: s.order, stage: s.n, title: s.title, hours: formatFixed(s.normHoursCenti, 2, lang) }),
    },
    { kind: 'link', url: link.url },
    { kind: 'small', text: `${w(lang, 'linkExpires', { date: formatDay(link.expiresAt, lang) })} ${w(lang, 'accountLinkPrivate')}` },
    ...closing(lang, sender),
  ]);
}

/** What the request e-mails say, read from the database when they leave. */
export interface RequestFacts {
  number: string;
  subject: string;
  description: string;
  customerName: string;
  kind: string;
  priority: string;
  status: string;
  /** The reaction deadline as the company's local date and time. */
  due: string;
}

/** To the managers: a customer raised a request. */
export function requestNewMail(lang: Lang, r: RequestFacts, url: string): Rendered {
  return render(w(lang, 'requestNewSubject', { number: r.number, subject: r.subject }), [
    {
      kind: 'p',
      text: w(lang, 'requestNewBody', {
        customer: r.customerName,
        number: r.number,
        kind: r.kind,
        priority: r.priority,
        subject: r.subject,
        due: r.due,
      }),
    },
    { kind: 'p', text: w(lang, 'requestNewDescription') },
    { kind: 'quote', text: r.description },
    { kind: 'p', text: w(lang, 'requestOpen', { url }) },
  ]);
}

/** To the customer's contacts: staff answered their request. */
export function requestAnsweredMail(lang: Lang, r: RequestFacts, answer: { name: string; body: string }, sender: Sender): Rendered {
  return render(w(lang, 'requestAnsweredSubject', { number: r.number, subject: r.subject }), [
    { kind: 'p', text: w(lang, 'greeting') },
    { kind: 'p', text: w(lang, 'requestAnsweredBody', { number: r.number, subject: r.subject, name: answer.name }) },
    { kind: 'quote', text: answer.body },
    { kind: 'small', text: w(lang, 'requestAnsweredStatus', { status: r.status }) },
    ...closing(lang, sender),
  ]);
}
