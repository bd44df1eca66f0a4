/**
 * The customer's account page at /a/:token: server-rendered like the estimate page (/s/:token),
 * phone first, works without JavaScript; every value from the database goes through Hono's
 * `html` template, which escapes it. Its forms post back to /a/:token and redirect to the page.
 */
import { html } from 'hono/html';
import { formatDay, formatFixed, formatMoney, stampText, type Lang } from '../domain/format';
import { PRIORITY_WORDS, REQUEST_KINDS, REQUEST_STATUSES, type RequestKind, type RequestPriority, type RequestStatus } from '../domain/sla';
import { ACCOUNT_STAGE_WORDS, ACCOUNT_WORDS } from '../domain/words/account';
import { monthTitle } from '../domain/words/months';
import { ORDER_STATUS_WORDS, QUOTE_STATUS_WORDS } from '../domain/words/statuses';
import { say } from '../domain/words/words';
import type { OrderStatus, QuoteStatus } from '../domain/enums';
import { langSwitch, pageShell, type Html } from './shell';

type Word = keyof typeof ACCOUNT_WORDS;
const w = (lang: Lang, key: Word, params?: Record<string, string | number>) => say(lang, ACCOUNT_WORDS[key], params);
const hours = (centi: number, lang: Lang) => formatFixed(centi, 2, lang);

/** What the page shows: the account as the API answers it (routes/account/view.ts). */
export interface AccountPageData {
  customer: { name: string; serviceEndsOn: string | null; dataAvailableUntil: string | null };
  balanceCenti: number;
  overdraftCenti: number;
  rateMinor: number;
  currency: string;
  balanceMoneyMinor: number;
  covers: { orders: string[]; short: { order: string; needCenti: number; shortCenti: number } | null };
  quotes: { number: string; title: string; status: string; validUntil: string | null; url: string }[];
  orders: {
    id: number;
    number: string;
    title: string;
    status: string;
    queuePosition: number | null;
    canWithdraw: boolean;
    stages: {
      n: number;
      title: string;
      status: 'pending' | 'ready' | 'accepted' | 'withdrawn';
      normHoursCenti: number;
      debitedCenti: number | null;
      actualTime: boolean;
      acceptedAt: string | null;
    }[];
  }[];
  ledger: {
    month: string;
    openingCenti: number;
    topupsCenti: number;
    debitsCenti: number;
    correctionsCenti: number;
    closingCenti: number;
    entries: { id: number; kind: string; normHoursCenti: number; memo: string; at: string; balanceAfterCenti: number }[];
  }[];
  requests: {
    id: number;
    number: string;
    kind: string;
    subject: string;
    description: string;
    priority: number;
    status: string;
    createdAt: string;
    reactionDueAt: string;
    answers: { id: number; author: 'staff' | 'customer'; authorName: string; body: string; createdAt: string }[];
  }[];
  linkExpiresAt: string;
}

export interface PageState {
  /** A banner after a form: what happened, or what went wrong. */
  notice?: { kind: 'ok' | 'error'; text: string };
  /** The form that failed, to keep what was typed. */
  form?: { orderId: number; n?: number; name?: string; actualHours?: string };
  /** The request form that failed (or the reply to request `requestId`), to keep what was typed. */
  requestForm?: {
    kind?: string;
    subject?: string;
    description?: string;
    priority?: string;
    requestId?: number;
    name?: string;
    body?: string;
  };
  /** A fresh key per render: a form sent twice debits once. */
  formKey: string;
  timeZone: string;
}

const layout = (lang: Lang, title: string, body: Html) => pageShell(lang, title, body, '<link rel="stylesheet" href="/a/account.css">');

const monthName = (month: string, lang: Lang) => monthTitle(month, lang);

function stageBlock(
  o: AccountPageData['orders'][number],
  s: AccountPageData['orders'][number]['stages'][number],
  lang: Lang,
  token: string,
  st: PageState,
): Html {
  const form = st.form && st.form.orderId === o.id && st.form.n === s.n ? st.form : undefined;
  const done =
    s.status === 'accepted' && s.debitedCenti !== null
      ? html`<p
        class="muted small">${w(lang, 'debited', {
          hours: hours(s.debitedCenti, lang),
          date: s.acceptedAt ? formatDay(s.acceptedAt.slice(0, 10), lang) : '',
        })}</p>`
      : '';
  const sign =
    s.status === 'ready'
      ? html`<form class="sign" method="post" action="/a/${token}?lang=${lang}">
          <input type="hidden" name="action" value="accept">
          <input type="hidden" name="orderId" value="${String(o.id)}">
          <input type="hidden" name="n" value="${String(s.n)}">
          <input type="hidden" name="key" value="${st.formKey}">
          <p class="muted small">${w(lang, 'acceptHint')}</p>
          <label for="name-${o.id}-${s.n}">${w(lang, 'yourName')}</label>
          <input id="name-${o.id}-${s.n}" name="name" autocomplete="name" required minlength="3" maxlength="200"
            value="${form?.name ?? ''}">
          ${
            s.actualTime
              ? html`<label for="hours-${o.id}-${s.n}">${w(lang, 'actualHours')}</label>
                <input id="hours-${o.id}-${s.n}" name="actualHours" inputmode="decimal" maxlength="12" value="${form?.actualHours ?? ''}">
                <label class="check"><input type="checkbox" name="confirmOverrun" value="yes"> ${w(lang, 'confirmOverrun')}</label>`
              : ''
          }
          <button type="submit" class="primary">${w(lang, 'accept')} ${s.n}</button>
        </form>`
      : '';
  return html`<li class="stage stage-${s.status}">
    <div class="stage-head"><span class="stage-n num">${s.n}.</span><span class="stage-title">${s.title}</span>
      <span class="chip chip-${s.status}">${say(lang, ACCOUNT_STAGE_WORDS[s.status])}</span></div>
    <p class="muted small num">${w(lang, 'stageHours', { hours: hours(s.normHoursCenti, lang) })}${
      s.actualTime ? ` · ${w(lang, 'actualTime')}` : ''
    }</p>
    ${done}${sign}
  </li>`;
}

function orderBlock(o: AccountPageData['orders'][number], lang: Lang, token: string, st: PageState): Html {
  const form = st.form && st.form.orderId === o.id && st.form.n === undefined ? st.form : undefined;
  const withdraw = o.canWithdraw
    ? html`<details class="withdraw"><summary>${w(lang, 'withdrawTitle')}</summary>
        <form method="post" action="/a/${token}?lang=${lang}">
          <input type="hidden" name="action" value="withdraw">
          <input type="hidden" name="orderId" value="${String(o.id)}">
          <p class="muted small">${w(lang, 'withdrawHint')}</p>
          <label for="wname-${o.id}">${w(lang, 'yourName')}</label>
          <input id="wname-${o.id}" name="name" autocomplete="name" required minlength="3" maxlength="200" value="${form?.name ?? ''}">
          <label for="wreason-${o.id}">${w(lang, 'reason')}</label>
          <textarea id="wreason-${o.id}" name="reason" maxlength="1000" rows="2"></textarea>
          <button type="submit" class="danger">${w(lang, 'withdraw')}</button>
        </form></details>`
    : '';
  const status = (ORDER_STATUS_WORDS as Record<OrderStatus, readonly [string, string]>)[o.status as OrderStatus];
  return html`<article class="order" id="order-${o.id}">
    <div class="order-head"><strong class="mono">${o.number}</strong> <span>${o.title}</span>
      <span class="chip chip-order-${o.status}">${status ? say(lang, status) : o.status}</span></div>
    ${o.queuePosition !== null ? html`<p class="muted small">${w(lang, 'queuePosition', { n: o.queuePosition })}</p>` : ''}
    <ol class="stages">${o.stages.map((s) => stageBlock(o, s, lang, token, st))}</ol>
    ${withdraw}
  </article>`;
}

const pair = (lang: Lang, p: { ru: string; en: string }) => p[lang];

function requestBlock(r: AccountPageData['requests'][number], lang: Lang, token: string, st: PageState): Html {
  const kind = REQUEST_KINDS[r.kind as RequestKind];
  const status = REQUEST_STATUSES[r.status as RequestStatus];
  const form = st.requestForm?.requestId === r.id ? st.requestForm : undefined;
  const open = r.status !== 'closed' && r.status !== 'resolved';
  const reply =
    r.status === 'needs_clarification'
      ? html`<form class="sign" method="post" action="/a/${token}?lang=${lang}#request-${r.id}">
          <input type="hidden" name="action" value="reply">
          <input type="hidden" name="requestId" value="${String(r.id)}">
          <p class="muted small">${w(lang, 'replyHint')}</p>
          <label for="rbody-${r.id}">${w(lang, 'yourReply')}</label>
          <textarea id="rbody-${r.id}" name="body" required maxlength="10000" rows="3">${form?.body ?? ''}</textarea>
          <label for="rname-${r.id}">${w(lang, 'yourName')}</label>
          <input id="rname-${r.id}" name="name" autocomplete="name" required minlength="3" maxlength="200" value="${form?.name ?? ''}">
          <button type="submit" class="primary">${w(lang, 'sendReply')}</button>
        </form>`
      : '';
  return html`<article class="order request" id="request-${r.id}">
    <div class="order-head"><strong class="mono">${r.number}</strong> <span>${r.subject}</span>
      <span class="chip chip-request-${r.status}">${status ? pair(lang, status) : r.status}</span></div>
    <p class="muted small">${kind ? pair(lang, kind) : r.kind} · ${pair(
      lang,
      PRIORITY_WORDS[r.priority as RequestPriority] ?? PRIORITY_WORDS[3],
    )} · ${formatDay(r.createdAt.slice(0, 10), lang)}${
      open ? html` · ${w(lang, 'reactionDue', { due: stampText(r.reactionDueAt, st.timeZone, lang) })}` : ''
    }</p>
    <p class="request-text">${r.description}</p>
    ${
      r.answers.length
        ? html`<ul class="answers">${r.answers.map(
            (a) =>
              html`<li class="answer answer-${a.author}">
                <p class="muted small">${w(lang, 'staffAnswered', {
                  name: a.authorName,
                  date: stampText(a.createdAt, st.timeZone, lang),
                })}</p><p>${a.body}</p>
                    </li>`,
          )}</ul>`
        : ''
    }
    ${reply}
  </article>`;
}

function newRequestForm(lang: Lang, token: string, st: PageState): Html {
  const f = st.requestForm && st.requestForm.requestId === undefined ? st.requestForm : undefined;
  const kinds = Object.keys(REQUEST_KINDS) as RequestKind[];
  const priorities = Object.keys(PRIORITY_WORDS).map(Number) as RequestPriority[];
  return html`<details class="new-request" ${f ? 'open' : ''}><summary>${w(lang, 'newRequest')}</summary>
    <form class="sign" method="post" action="/a/${token}?lang=${lang}#requests-title">
      <input type="hidden" name="action" value="request">
      <input type="hidden" name="key" value="${st.formKey}">
      <p class="muted small">${w(lang, 'newRequestHint')}</p>
      <label for="req-kind">${w(lang, 'requestKind')}</label>
      <select id="req-kind" name="kind" required>
        ${kinds.map(
          (k) => html`<option value="${k}"
          ${f?.kind === k ? 'selected' : ''}>${pair(lang, REQUEST_KINDS[k])} — ${
            lang === 'ru' ? REQUEST_KINDS[k].ruHint : REQUEST_KINDS[k].enHint
          }</option>`,
        )}
      </select>
      <label for="req-subject">${w(lang, 'requestSubject')}</label>
      <input id="req-subject" name="subject" required maxlength="200" value="${f?.subject ?? ''}">
      <label for="req-description">${w(lang, 'requestDescription')}</label>
      <textarea id="req-description" name="description" required maxlength="10000" rows="4">${f?.description ?? ''}</textarea>
      <label for="req-priority">${w(lang, 'requestPriority')}</label>
      <select id="req-priority" name="priority" required>
        ${priorities.map(
          (p) => html`<option value="${String(p)}"
          ${(f?.priority ?? '3') === String(p) ? 'selected' : ''}>${pair(lang, PRIORITY_WORDS[p])}</option>`,
        )}
      </select>
      <button type="submit" class="primary">${w(lang, 'sendRequest')}</button>
    </form></details>`;
}

export function accountPage(d: AccountPageData, lang: Lang, token: string, st: PageState, company: string): Html {
  const money = (m: number) => formatMoney(m, d.currency, lang);
  const api = `/api/account/${token}`;
  const cover = d.covers.short
    ? html`<p
      class="banner banner-warn">${w(lang, 'short', {
        order: d.covers.short.order,
        short: hours(d.covers.short.shortCenti, lang),
        need: hours(d.covers.short.needCenti, lang),
      })}</p>`
    : d.covers.orders.length
      ? html`<p class="muted">${w(lang, 'coversAll')}</p>`
      : html`<p class="muted">${w(lang, 'coversNone')}</p>`;
  const ending =
    d.customer.serviceEndsOn && d.customer.dataAvailableUntil
      ? html`<p class="banner banner-warn"
        role="status">${w(lang, 'serviceEnds', {
          date: formatDay(d.customer.serviceEndsOn, lang),
          until: formatDay(d.customer.dataAvailableUntil, lang),
        })}</p>`
      : '';
  const notice = st.notice
    ? html`<p class="banner ${st.notice.kind === 'ok' ? 'banner-accepted' : 'banner-error'}"
      role="${st.notice.kind === 'ok' ? 'status' : 'alert'}">${st.notice.text}</p>`
    : '';
  const quotes = d.quotes.length
    ? html`<ul class="plain">${d.quotes.map((q) => {
        const status = (QUOTE_STATUS_WORDS as Record<QuoteStatus, readonly [string, string]>)[q.status as QuoteStatus];
        return html`<li class="quote"><a class="button" href="${q.url}">${w(lang, 'open')}</a>
          <div><strong class="mono">${q.number}</strong> ${q.title}<br><span
            class="muted small">${status ? say(lang, status) : q.status}${
              q.validUntil ? ` · ${w(lang, 'validUntil', { date: formatDay(q.validUntil, lang) })}` : ''
            }</span></div></li>`;
      })}</ul>`
    : html`<p class="muted">${w(lang, 'noQuotes')}</p>`;
  const orders = d.orders.length ? d.orders.map((o) => orderBlock(o, lang, token, st)) : html`<p class="muted">${w(lang, 'noOrders')}</p>`;
  const ledger = d.ledger.length
    ? d.ledger.map(
        (m) => html`<section class="month" aria-label="${monthName(m.month, lang)}">
          <h3>${monthName(m.month, lang)}</h3>
          <table class="figures"><tbody>
            <tr><th scope="row">${w(lang, 'opening')}</th><td class="num">${hours(m.openingCenti, lang)}</td></tr>
            <tr><th scope="row">${w(lang, 'topups')}</th><td class="num">+${hours(m.topupsCenti, lang)}</td></tr>
            <tr><th scope="row">${w(lang, 'debits')}</th><td class="num">−${hours(m.debitsCenti, lang)}</td></tr>
            ${
              m.correctionsCenti !== 0
                ? html`<tr><th scope="row">${w(lang, 'corrections')}</th>
              <td class="num">${hours(m.correctionsCenti, lang)}</td></tr>`
                : ''
            }
            <tr class="grand"><th scope="row">${w(lang, 'closing')}</th><td class="num">${hours(m.closingCenti, lang)}</td></tr>
          </tbody></table>
          <details><summary>${w(lang, 'entries', { n: m.entries.length })}</summary><ul class="entries">
            ${m.entries.map(
              (e) => html`<li><span class="muted small">${formatDay(e.at.slice(0, 10), lang)}</span> ${e.memo} <span
              class="num">${e.normHoursCenti > 0 ? '+' : ''}${hours(e.normHoursCenti, lang)}</span></li>`,
            )}
          </ul></details>
          <p class="downloads"><a class="button" href="${api}/statement.pdf?month=${m.month}&amp;lang=${lang}"
            download>${w(lang, 'statementPdf')}</a>
            <a class="button" href="${api}/statement.xlsx?month=${m.month}&amp;lang=${lang}" download>${w(lang, 'statementXlsx')}</a></p>
        </section>`,
      )
    : html`<p class="muted">${w(lang, 'noLedger')}</p>`;
  const body = html`<header class="top">
    <div class="company"><strong>${company}</strong><small>${w(lang, 'title')}</small></div>${langSwitch(lang)}</header>
    <main class="sheet account">
      <section class="hero">
        <p class="eyebrow">${w(lang, 'customer')}: ${d.customer.name}</p>
        <h1>${w(lang, 'title')}</h1>
        ${notice}
        <div class="hero-total">
          <span class="hero-label">${w(lang, 'balance')}</span>
          <span class="hero-amount num"
            data-balance-centi="${String(d.balanceCenti)}">${hours(d.balanceCenti, lang)} ${w(lang, 'normHours')}</span>
          <span class="hero-sub num">${w(lang, 'balanceMoney', { money: money(d.balanceMoneyMinor), rate: money(d.rateMinor) })}</span>
          ${
            d.overdraftCenti > 0
              ? html`<span
            class="hero-sub">${w(lang, 'overdraft', { hours: hours(d.overdraftCenti, lang) })}</span>`
              : ''
          }
        </div>
        ${cover}
        ${ending}
      </section>
      <section aria-labelledby="orders-title"><h2 id="orders-title">${w(lang, 'orders')}</h2>${orders}</section>
      <section aria-labelledby="requests-title"><h2 id="requests-title">${w(lang, 'requests')}</h2>
        ${newRequestForm(lang, token, st)}
        ${
          d.requests.length
            ? d.requests.map((r) => requestBlock(r, lang, token, st))
            : html`<p
          class="muted">${w(lang, 'noRequests')}</p>`
        }</section>
      <section aria-labelledby="quotes-title"><h2 id="quotes-title">${w(lang, 'quotes')}</h2>${quotes}</section>
      <section aria-labelledby="ledger-title"><h2 id="ledger-title">${w(lang, 'ledger')}</h2>${ledger}</section>
      <section aria-labelledby="data-title" class="data"><h2 id="data-title">${w(lang, 'yourData')}</h2><p>${w(lang, 'yourDataText')}</p>
        <p class="downloads"><a class="button" href="${api}/export.xlsx?lang=${lang}" download>${w(lang, 'exportXlsx')}</a>
          <a class="button" href="${api}/export.json" download>${w(lang, 'exportJson')}</a></p></section>
      <footer class="actions"><p class="muted small">${w(lang, 'linkValid', {
        date: formatDay(d.linkExpiresAt.slice(0, 10), lang),
      })}</p></footer>
    </main>`;
  return layout(lang, `${w(lang, 'title')} — ${d.customer.name}`, body);
}

export function deadAccountPage(lang: Lang, reason: 'not_found' | 'expired' | 'revoked'): Html {
  const title = reason === 'not_found' ? w(lang, 'notFoundTitle') : w(lang, 'deadTitle');
  return layout(
    lang,
    title,
    html`<header class="top"><div class="company"></div>${langSwitch(lang)}</header>
      <main class="sheet dead"><h1>${title}</h1><p>${w(lang, 'deadText')}</p></main>`,
  );
}
