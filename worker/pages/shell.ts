/**
 * What the customer's pages (the shared estimate, the account) have in common: the HTML document
 * around their body — private (no index, no referrer), on the shared stylesheet — and the
 * language switch.
 */
import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { Lang } from '../domain/format';
import { LANGUAGE_NAMES } from '../domain/words/customer-page';

export type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

/** The document: `head` is the page's own stylesheet or script, after the shared stylesheet. */
export function pageShell(lang: Lang, title: string, body: Html, head: string): Html {
  return html`<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="no-referrer">
<title>${title}</title>
<link rel="stylesheet" href="/s/share.css">
${raw(head)}
</head>
<body>${body}</body>
</html>`;
}

export function langSwitch(lang: Lang): Html {
  return html`<nav class="lang" aria-label="Language">
    ${
      lang === 'ru'
        ? html`<span aria-current="true">${LANGUAGE_NAMES.ru}</span>`
        : html`<a href="?lang=ru" hreflang="ru"
      lang="ru">${LANGUAGE_NAMES.ru}</a>`
    }
    ${
      lang === 'en'
        ? html`<span aria-current="true">${LANGUAGE_NAMES.en}</span>`
        : html`<a href="?lang=en" hreflang="en"
      lang="en">${LANGUAGE_NAMES.en}</a>`
    }
  </nav>`;
}
