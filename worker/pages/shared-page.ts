/**
 * The customer's page at /s/:token: server-rendered HTML that works without JavaScript,
 * reads well at 360 px and prints on A4. Every value from the database goes through Hono's
 * `html` template, which escapes it.
 */
import { html } from 'hono/html';
import { formatDay, formatFixed, formatHours, formatMilli, formatMoney, formatPercentMilli, type Lang } from '../domain/format';
import { ACCEPT_TERMS, type SharedQuote } from '../domain/shared-view';
import { PAGE_WORDS } from '../domain/words/customer-page';
import { DOCUMENT_WORDS } from '../domain/words/documents';
import { QUOTE_STATUS_WORDS } from '../domain/words/statuses';
import { vocabulary } from '../domain/words/vocabulary';
import { fill, say } from '../domain/words/words';
import { langSwitch, pageShell, type Html } from './shell';

/** The words the page reads: the estimate's (as in the Excel file and the PDF) and its own. */
export const SHARED_PAGE_WORDS = vocabulary(DOCUMENT_WORDS, PAGE_WORDS);
type Word = keyof typeof SHARED_PAGE_WORDS;
const w = (lang: Lang, key: Word) => say(lang, SHARED_PAGE_WORDS[key]);

const dateText = (iso: string | null, lang: Lang) => (iso ? formatDay(iso, lang) : '—');

const layout = (lang: Lang, title: string, body: Html) => pageShell(lang, title, body, '<script src="/s/share.js" defer></script>');

type Answer = 'accept' | 'decline' | 'request_changes';

export interface FormState {
  action?: Answer;
  name?: string;
  message?: string;
  error?: string;
}

/** "Смета принята" / "Смета отклонена" / the status "Запрошены изменения". */
function answerTitle(kind: NonNullable<SharedQuote['answer']>['kind'], lang: Lang): string {
  if (kind === 'accepted') return w(lang, 'accepted');
  if (kind === 'declined') return w(lang, 'declined');
  return say(lang, QUOTE_STATUS_WORDS.changes_requested);
}

function answerBlock(q: SharedQuote, lang: Lang, token: string, form: FormState, done: boolean): Html {
  if (q.answer) {
    const title = answerTitle(q.answer.kind, lang);
    return html`<section class="answer answered answer-${q.answer.kind}" aria-labelledby="answer-title">
      <h2 id="answer-title">${title}</h2>
      <p>${q.answer.name} · ${dateText(q.answer.at, lang)}</p>
      ${q.answer.message ? html`<blockquote>${q.answer.message}</blockquote>` : ''}
      ${done ? html`<p class="thanks" role="status">${w(lang, 'thanks')}</p>` : ''}
    </section>`;
  }
  if (q.replaced) return html``;
  if (q.expired) return html`<section class="answer closed" role="status"><p>${w(lang, 'expiredNotice')}</p></section>`;
  if (!q.canAnswer) return html``;
  const action = form.action ?? 'accept';
  const error = form.error ? html`<p class="form-error" role="alert">${form.error}</p>` : '';
  const nameField = (id: string) => html`<label for="${id}">${w(lang, 'yourName')}</label>
    <input id="${id}" name="name" autocomplete="name" required minlength="3" maxlength="200" value="${form.name ?? ''}">`;
  /** One way to answer: a disclosure holding its form, open if it is the one the customer last sent. */
  const option = (kind: Answer, summary: string, fields: Html) => html`<details class="answer-option" ${action === kind ? 'open' : ''}>
      <summary>${summary}</summary>
      <form method="post" action="/s/${token}?lang=${lang}">
        <input type="hidden" name="action" value="${kind}">
        <input type="hidden" name="revision" value="${String(q.quote.revision)}">
        ${fields}
      </form>
    </details>`;
  const messageField = (kind: Answer, id: string, label: Word, rows: number) => html`<label for="${id}">${w(lang, label)}</label>
        <textarea id="${id}" name="message" required maxlength="5000"
          rows="${rows}">${action === kind ? (form.message ?? '') : ''}</textarea>`;
  return html`<section class="answer" aria-labelledby="answer-title">
    <h2 id="answer-title">${w(lang, 'answerTitle')}</h2>
    ${error}
    ${option(
      'accept',
      w(lang, 'accept'),
      html`<div class="terms"><strong>${w(lang, 'terms')}.</strong> ${lang === 'ru' ? ACCEPT_TERMS.ru : ACCEPT_TERMS.en}</div>
        ${nameField('accept-name')}
        <label class="check"><input type="checkbox" name="agree" value="yes" required> ${w(lang, 'agree')}</label>
        <button type="submit" class="primary">${w(lang, 'accept')}</button>`,
    )}
    ${option(
      'request_changes',
      w(lang, 'requestChanges'),
      html`${nameField('changes-name')}
        ${messageField('request_changes', 'changes-message', 'message', 4)}
        <button type="submit">${w(lang, 'requestChanges')}</button>`,
    )}
    ${option(
      'decline',
      w(lang, 'decline'),
      html`${nameField('decline-name')}
        ${messageField('decline', 'decline-reason', 'reason', 3)}
        <button type="submit" class="danger">${w(lang, 'decline')}</button>`,
    )}
  </section>`;
}

function lineBlock(l: SharedQuote['lines'][number], q: SharedQuote, lang: Lang): Html {
  if (l.kind === 'section') return html`<h3 class="section-title">${l.title}</h3>`;
  const money = (m: number | null) => (m === null ? '—' : formatMoney(m, q.quote.currency, lang));
  const calc =
    l.hoursCenti === null
      ? ''
      : `${formatMilli(l.quantityMilli, lang)} × ${formatFixed(l.hoursCenti, 2, lang)} ${w(lang, 'hourUnit')} × K ` +
        `${formatMilli(l.kMilli, lang)} = ${formatHours(l.normHoursCenti ?? 0, lang)} × ` +
        `${formatMoney(q.quote.rateMinor, q.quote.currency, lang)}`;
  const hasDetails = l.description || l.inputs || l.result || l.limits;
  const actual =
    l.mode === 'estimate' && l.actualTime && l.hoursCenti !== null
      ? html`<p class="actual"><span class="chip">${w(lang, 'actual')}</span> ${fill(w(lang, 'estimateOfActual'), {
          hours: formatHours(l.normHoursCenti ?? 0, lang),
        })}</p>`
      : '';
  return html`<article class="service">
    <div class="service-head">
      ${l.code ? html`<span class="code">${l.code}</span>` : ''}
      <h3>${l.title}</h3>
      <span class="amount num">${money(l.amountMinor)}</span>
    </div>
    <p class="calc num">${calc}</p>
    ${actual}
    ${l.note ? html`<p class="line-note">${l.note}</p>` : ''}
    ${
      hasDetails
        ? html`<details class="service-details">
          <summary>${w(lang, 'details')}</summary>
          <dl>
            ${l.description ? html`<dt>${w(lang, 'description')}</dt><dd>${l.description}</dd>` : ''}
            ${l.inputs ? html`<dt>${w(lang, 'inputs')}</dt><dd>${l.inputs}</dd>` : ''}
            ${l.result ? html`<dt>${w(lang, 'result')}</dt><dd>${l.result}</dd>` : ''}
            ${l.limits ? html`<dt>${w(lang, 'limits')}</dt><dd>${l.limits}</dd>` : ''}
          </dl>
        </details>`
        : ''
    }
  </article>`;
}

export function sharedPage(q: SharedQuote, lang: Lang, token: string, form: FormState = {}, done = false): Html {
  const money = (m: number) => formatMoney(m, q.quote.currency, lang);
  const t = q.totals;
  const vatLine =
    q.quote.vatMode === 'none'
      ? html`<tr><th scope="row">${w(lang, 'noVat')}</th><td class="num">—</td></tr>`
      : html`<tr><th scope="row">${q.quote.vatMode === 'included' ? w(lang, 'vatIncluded') : w(lang, 'vat')} ${formatPercentMilli(
          q.quote.vatRateMilli,
          lang,
        )}</th><td class="num">${money(t.vatMinor)}</td></tr>`;
  const answered = q.answer
    ? html`<p class="banner banner-${q.answer.kind}"
      role="status">${answerTitle(q.answer.kind, lang)} · ${q.answer.name} · ${dateText(q.answer.at, lang)}</p>`
    : '';
  const status = q.replaced
    ? html`<p class="banner banner-warn" role="status">${w(lang, 'replacedNotice')}</p>`
    : q.expired && !q.answer
      ? html`<p class="banner banner-warn" role="status">${w(lang, 'expiredNotice')}</p>`
      : '';
  const formError = form.error && (q.answer || !q.canAnswer) ? html`<p class="banner banner-error" role="alert">${form.error}</p>` : '';
  const history = q.history.length
    ? html`<details class="history"><summary>${w(lang, 'history')} (${q.history.length})</summary><ul>
        ${q.history.map(
          (h) =>
            html`<li>${fill(w(lang, 'historyItem'), {
              number: h.number,
              sent: dateText(h.sentAt, lang),
              by: h.replacedBy,
              replaced: dateText(h.replacedAt, lang),
            })}</li>`,
        )}
      </ul></details>`
    : '';
  const manager = q.manager
    ? html`<section class="manager" aria-label="${w(lang, 'yourManager')}"><span
      class="muted">${w(lang, 'yourManager')}:</span> <strong>${q.manager.name}</strong>
        ${q.manager.phone ? html` · <a href="tel:${q.manager.phone.replace(/[^+\d]/g, '')}">${q.manager.phone}</a>` : ''}
        ${q.manager.email ? html` · <a href="mailto:${q.manager.email}">${q.manager.email}</a>` : ''}</section>`
    : '';
  const whatNext =
    q.answer?.kind === 'accepted'
      ? html`<section class="what-next"><h2>${w(lang, 'whatNextTitle')}</h2><p>${w(lang, 'whatNext')}</p>
          ${q.manager ? html`<p>${fill(w(lang, 'whatNextContact'), { name: q.manager.name })}</p>` : ''}</section>`
      : '';
  const bar = q.canAnswer
    ? html`<nav class="answer-bar" aria-label="${w(lang, 'answerBar')}"><a class="button primary"
      href="#answer-title">${w(lang, 'answerBar')}</a></nav>`
    : '';
  const body = html`<header class="top">
      <div class="company">${
        q.company.logo
          ? html`<img class="logo" src="${q.company.logo}" alt=""
        height="40">`
          : ''
      }<strong>${q.company.name}</strong>${q.company.details ? html`<small>${q.company.details}</small>` : ''}</div>
      ${langSwitch(lang)}
    </header>
    <main class="sheet">
      <section class="hero">
        <p class="eyebrow">${w(lang, 'customer')}: ${q.customer.name}${
          q.customer.legalName && q.customer.legalName !== q.customer.name
            ? html` <span
            class="muted">(${q.customer.legalName})</span>`
            : ''
        }</p>
        <h1>${q.quote.title}</h1>
        <p class="meta">
          <span>${w(lang, 'numberSign')} <strong class="mono">${q.quote.number}</strong></span>
          ${q.quote.revision > 1 ? html`<span>${w(lang, 'revision')} ${q.quote.revision}</span>` : ''}
          <span>${w(lang, 'dated')} ${dateText(q.quote.sentAt, lang)}</span>
          <span>${w(lang, 'validUntil')} ${dateText(q.quote.validUntil, lang)}</span>
        </p>
        <div class="hero-total">
          <span class="hero-label">${w(lang, 'total')}</span>
          <span class="hero-amount num">${money(t.totalMinor)}</span>
          <span class="hero-sub num">${
            q.quote.vatMode === 'none'
              ? w(lang, 'noVat')
              : `${w(lang, 'vatIncludedTotal')} ` + `${formatPercentMilli(q.quote.vatRateMilli, lang)}: ` + `${money(t.vatMinor)}`
          } · ${formatFixed(t.normHoursCenti, 2, lang)} ${w(lang, 'normHoursCount')} · ${w(lang, 'rate')} ${money(q.quote.rateMinor)}</span>
        </div>
        ${answered}
        ${status}
        ${formError}
        ${manager}
        ${history}
      </section>
      ${whatNext}
      <section class="services" aria-label="${w(lang, 'services')}">
        <h2>${w(lang, 'services')}</h2>
        ${q.lines.map((l) => lineBlock(l, q, lang))}
      </section>
      <section class="totals" aria-label="${w(lang, 'total')}">
        <table>
          <tbody>
            <tr><th scope="row">${w(lang, 'subtotal')}</th><td class="num">${money(t.subtotalMinor)}</td></tr>
            ${
              q.quote.discountRateMilli > 0
                ? html`<tr>
              <th scope="row">${w(lang, 'discount')} ${formatPercentMilli(q.quote.discountRateMilli, lang)}</th>
                <td class="num">−${money(t.discountMinor)}</td></tr>`
                : ''
            }
            ${vatLine}
            <tr class="grand"><th scope="row">${w(lang, 'total')}</th><td class="num">${money(t.totalMinor)}</td></tr>
            <tr><th scope="row">${w(lang, 'normHours')}</th><td class="num">${formatHours(t.normHoursCenti, lang)}</td></tr>
          </tbody>
        </table>
        <p class="legend muted small">${w(lang, 'kLegend')}</p>
      </section>
      ${
        q.quote.customerNote
          ? html`<section class="customer-note"><h2>${w(lang, 'note')}</h2><p>${q.quote.customerNote}</p>
        </section>`
          : ''
      }
      ${answerBlock(q, lang, token, form, done)}
      <footer class="actions">
        <a class="button" href="/api/shared/${token}/export.pdf?lang=${lang}" download>${w(lang, 'downloadPdf')}</a>
        <a class="button" href="/api/shared/${token}/export.xlsx?lang=${lang}" download>${w(lang, 'download')}</a>
        <button type="button" class="js-print" hidden>${w(lang, 'print')}</button>
        <p class="muted small">${w(lang, 'questions')}</p>
      </footer>
    </main>
    ${bar}`;
  return layout(lang, `${w(lang, 'estimate')} ${q.quote.number} — ${q.company.name}`, body);
}

export function deadLinkPage(lang: Lang, reason: 'not_found' | 'expired' | 'revoked'): Html {
  const title =
    reason === 'expired' ? w(lang, 'expiredLinkTitle') : reason === 'revoked' ? w(lang, 'revokedLinkTitle') : w(lang, 'notFoundTitle');
  const text = reason === 'not_found' ? w(lang, 'notFoundText') : w(lang, 'deadLinkText');
  return layout(
    lang,
    title,
    html`<header class="top"><div class="company"></div>${langSwitch(lang)}</header>
      <main class="sheet dead"><h1>${title}</h1><p>${text}</p></main>`,
  );
}

/** The page's stylesheet: phones first, A4 on paper. */
export const SHARE_CSS =
  `
:root{--text:#17202b;--muted:#5b6573;--border:#e1e5ea;--accent:#1d4ed8;--bg:#f4f5f7;--ok:#166534;--bad:#b42318;--warn:#92400e;
font-family:system-ui,-apple-system,'Segoe UI',Roboto,'Helvetica Neue',Arial,'Noto Sans',sans-serif;color:var(--text);}
*{box-sizing:border-box}body{margin:0;background:var(--bg);font-size:15px;line-height:1.5}
.num{font-variant-numeric:tabular-nums;white-space:nowrap}.mono{font-family:ui-monospace,Menlo,Consolas,monospace}` +
  `.muted{color:var(--muted)}.small{font-size:13px}
.top{display:flex;justify-content:space-between;align-items:flex-start;gap:16px;max-width:880px;margin:0 auto;padding:18px 20px 8px}
.company strong{display:block;font-size:15px}.company small{color:var(--muted);font-size:12.5px}
.lang{display:flex;gap:10px;font-size:14px}.lang a{color:var(--accent)}.lang span{font-weight:700}
.sheet{max-width:880px;margin:0 auto 40px;background:#fff;border:1px solid var(--border);border-radius:14px;padding:28px 32px}
.hero{border-bottom:1px solid var(--border);padding-bottom:22px;margin-bottom:8px}
.eyebrow{margin:0 0 6px;color:var(--muted);font-size:14px}h1{font-size:26px;line-height:1.2;margin:0 0 10px;letter-spacing:-.01em}
.meta{display:flex;flex-wrap:wrap;gap:6px 18px;color:var(--muted);font-size:14px;margin:0 0 18px}.meta strong{color:var(--text)}
.hero-total{display:flex;flex-direction:column;gap:2px;background:#f5f8ff;border:1px solid #dbe5ff;border-radius:12px;padding:14px 18px}
.hero-label{font-size:13px;color:var(--muted);font-weight:600;text-transform:uppercase;letter-spacing:.04em}
.hero-amount{font-size:30px;font-weight:750;color:var(--accent)}.hero-sub{color:var(--muted);font-size:13.5px;white-space:normal}
.banner{margin:14px 0 0;padding:10px 14px;border-radius:10px}.banner-warn{background:#fdf3e1;color:var(--warn)}` +
  `.banner-error{background:#fdecea;color:var(--bad)}.banner-accepted{background:#e7f6ec;color:var(--ok);font-weight:650}` +
  `.banner-declined{background:#fdecea;color:var(--bad);font-weight:650}.banner-changes_requested{background:#fdf3e1;color:var(--warn)` +
  `;font-weight:650}
h2{font-size:17px;margin:24px 0 10px}
.section-title{font-size:13px;text-transform:uppercase;letter-spacing:.05em;color:var(--muted);margin:22px 0 ` +
  `4px;padding-top:8px;border-top:2px solid var(--border)}
.service{padding:14px 0;border-bottom:1px solid var(--border)}
.service-head{display:grid;grid-template-columns:auto 1fr auto;gap:4px 12px;align-items:baseline}
.service-head h3{font-size:15.5px;margin:0;font-weight:600}.code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:13px;` +
  `color:var(--muted)}
.amount{font-weight:650}.calc{margin:4px 0 0;color:var(--muted);font-size:13px;white-space:normal}
.line-note{margin:6px 0 0;font-size:13.5px}
.service-details summary{cursor:pointer;color:var(--accent);font-size:13.5px;margin-top:6px}
.service-details dl{margin:8px 0 0;padding:10px 14px;background:#fafbfc;border-radius:8px;font-size:13.5px}
.service-details dt{font-weight:650;color:var(--muted);margin-top:6px}.service-details dt:first-child{margin-top:0}.service-details ` +
  `dd{margin:2px 0 0;white-space:pre-line}
.totals table{width:100%;max-width:420px;margin:18px 0 0 auto;border-collapse:collapse}
.totals th{text-align:left;font-weight:500;color:var(--muted);padding:5px 0}.totals td{text-align:right;padding:5px 0}
.totals .grand th,.totals .grand td{font-weight:750;font-size:18px;color:var(--text);border-top:2px solid var(--text);padding-top:9px}
.customer-note p{white-space:pre-line}
.answer{margin-top:26px;padding:18px 20px;border:1px solid var(--border);border-radius:12px;background:#fcfcfd}
.answer h2{margin-top:0}.answer-option{border-top:1px solid var(--border);padding:10px 0}.answer-option ` +
  `summary{cursor:pointer;font-weight:650;padding:4px 0}
.answer form{display:flex;flex-direction:column;gap:8px;padding:8px 0 4px}
.answer label{font-weight:600;font-size:14px}.answer .check{display:flex;gap:8px;align-items:flex-start;font-weight:500}
.answer input:not([type]),.answer textarea{font:inherit;padding:10px 12px;border:1px solid #c4cad3;border-radius:8px;width:100%}
.answer input:focus,.answer textarea:focus,button:focus-visible,a:focus-visible,summary:focus-visible{outline:3px solid rgb(29 78 216 / ` +
  `40%);outline-offset:2px}
.terms{font-size:13.5px;color:var(--muted);background:#f6f7f9;border-radius:8px;padding:10px 12px}
button,.button{font:inherit;font-weight:650;border-radius:9px;border:1px solid #c4cad3;background:#fff;color:var(--text);padding:11px ` +
  `18px;cursor:pointer;text-decoration:none;display:inline-block;text-align:center}
button.primary{background:var(--accent);border-color:var(--accent);color:#fff}button.danger{color:var(--bad);border-color:#eab1ab}
.form-error{background:#fdecea;color:var(--bad);padding:10px 12px;border-radius:8px}
.answered{border-width:2px}.answer-accepted{border-color:#9bd3ad;background:#f1faf4}.answer-declined{border-color:#f0b7b0;` +
  `background:#fdf4f3}.answer-changes_requested{border-color:#f3d7a6;background:#fdf8ee}
.answered h2{color:inherit}.answer-accepted h2{color:var(--ok)}.answer-declined h2{color:var(--bad)}.answer-changes_requested ` +
  `h2{color:var(--warn)}
blockquote{margin:8px 0 0;padding:8px 12px;border-left:3px solid var(--border);white-space:pre-line}
.thanks{font-weight:650}.closed{background:#fdf3e1;border-color:#f3d7a6;color:var(--warn)}
.actions{display:flex;flex-wrap:wrap;gap:10px;align-items:center;margin-top:26px;padding-top:18px;border-top:1px solid ` +
  `var(--border)}.actions p{flex-basis:100%;margin:4px 0 0}
.dead{text-align:center;padding:48px 24px}
.logo{display:block;max-height:40px;max-width:180px;margin-bottom:6px}
.manager{margin:14px 0 0;font-size:14px}.manager a{color:var(--accent)}
.history{margin:12px 0 0;font-size:13.5px;color:var(--muted)}.history summary{cursor:pointer}.history ul{margin:6px 0 0;padding-left:18px}
.actual{margin:4px 0 0;font-size:13px;color:var(--muted)}.chip{display:inline-block;font-size:12px;font-weight:650;color:var(--warn);` +
  `background:#fdf3e1;border-radius:999px;padding:1px 8px}
.legend{margin:8px 0 0;text-align:right}
.what-next{margin-top:18px;padding:14px 18px;border-radius:12px;background:#f1faf4;border:1px solid #9bd3ad}.what-next ` +
  `h2{margin-top:0;color:var(--ok)}
.answer-bar{display:none}
@media (max-width:600px){.top{padding:14px 14px 6px}.sheet{border-radius:0;border-left:0;border-right:0;padding:20px 16px}
h1{font-size:22px}.hero-amount{font-size:26px}.service-head{grid-template-columns:auto 1fr}.service-head ` +
  `.amount{grid-column:2;justify-self:start}
.actions .button,.actions button,.answer button{width:100%}
.answer-bar{display:block;position:sticky;bottom:0;padding:10px 16px calc(10px + ` +
  `env(safe-area-inset-bottom));background:#fff;border-top:1px solid var(--border);box-shadow:0 -4px 12px rgb(0 0 0 / 6%)}
.answer-bar .button{width:100%;background:var(--accent);border-color:var(--accent);color:#fff}}
@media print{
@page{size:A4;margin:13mm 14mm 15mm}
body{background:#fff;font-size:9.5pt;line-height:1.35}
.lang,.actions,.answer form,.answer-option,.service-details,button,.button,.answer-bar,.history,.legend{display:none!important}
.answer:not(.answered){display:none!important}
.top{max-width:none;padding:0 0 3mm}.company strong{font-size:10.5pt}.company small{font-size:8pt}
.sheet{border:0;border-radius:0;padding:0;margin:0;max-width:none}
.hero{padding-bottom:3mm;margin-bottom:0}.eyebrow{font-size:9pt;margin:0 0 1mm}h1{font-size:15pt;margin:0 0 1.5mm}
.meta{font-size:9pt;margin:0 0 2.5mm;gap:1mm 5mm}
.hero-total{flex-direction:row;flex-wrap:wrap;align-items:baseline;gap:1mm ` +
  `4mm;border-color:#999;background:none;border-radius:2mm;padding:2mm 3mm}
.hero-label{font-size:8pt}.hero-amount{font-size:14pt;color:var(--text)}.hero-sub{font-size:8.5pt}
h2{font-size:11pt;margin:4mm 0 1mm;break-after:avoid}
.section-title{font-size:8.5pt;margin:3mm 0 0;padding-top:1.5mm;break-after:avoid}
.service{padding:1.3mm 0;break-inside:avoid}.service-head{gap:0 3mm}.service-head h3{font-size:9.5pt}.code{font-size:8.5pt}
.calc{font-size:8pt;margin:.3mm 0 0}.line-note{font-size:8.5pt;margin:.5mm 0 0}
.calc,.actual{display:inline}.actual{font-size:8pt;margin:0 0 0 2mm}.actual .chip{font-size:7pt;padding:0 ` +
  `1.2mm;background:none;border:1px solid #999;color:inherit}
.manager{margin:2mm 0 0;font-size:9pt}
.services>.service:last-child{break-after:avoid}
.totals{break-inside:avoid;break-before:avoid}.totals table{max-width:95mm;margin:3mm 0 0 auto}
.totals th,.totals td{padding:.7mm 0}.totals .grand th,.totals .grand td{font-size:11pt;padding-top:1.5mm}
.customer-note{break-inside:avoid}.customer-note h2{margin-top:3mm}
.answer.answered{break-inside:avoid;margin-top:4mm;padding:2mm 3mm;border-width:1px}
a{color:inherit;text-decoration:none}}
`;

/**
 * Shows the print button (the page works without it). On paper the services' details stay
 * collapsed — code, title, calculation and amount — so an 11–15-line estimate fits 1–2 A4 pages;
 * the full texts are in the Excel file, and the PDF has the same table.
 */
export const SHARE_JS =
  `
document.addEventListener('DOMContentLoaded',function(){var ` +
  `b=document.querySelector('.js-print');if(b){b.hidden=false;b.addEventListener('click',function(){print()})}});
`;
