/**
 * The account page's stylesheet, served at /a/account.css and linked by pages/account-page.ts:
 * one static text the route answers as it is, no part of any render, so it lives apart from the
 * markup. It only adds to the estimate page's stylesheet (/s/share.css), whose colours it reads.
 */
/** The account page's own styles, on top of the estimate page's (/s/share.css). */
export const ACCOUNT_CSS =
  `
.account .plain{list-style:none;margin:0;padding:0}
.account .hero .banner{margin:0 0 14px}
.account .quote{display:flex;gap:12px;align-items:center;padding:10px 0;border-bottom:1px solid var(--border)}
.order{border:1px solid var(--border);border-radius:12px;padding:14px 16px;margin:0 0 14px}
.order-head{display:flex;flex-wrap:wrap;gap:6px 10px;align-items:baseline}
.stages{list-style:none;margin:10px 0 0;padding:0}
.stage{padding:10px 0;border-top:1px solid var(--border)}
.stage-head{display:grid;grid-template-columns:auto 1fr auto;gap:8px;align-items:baseline}.stage-title{font-weight:600}
.stage p{margin:2px 0 0}
.chip-ready{color:#fff;background:var(--accent)}.chip-accepted,.chip-order-done{color:var(--ok);background:#e7f6ec}.chip-withdrawn,` +
  `.chip-order-withdrawn{color:var(--muted);background:#eef0f3}
.chip-pending,.chip-order-in_progress{color:#1e3a8a;background:#e8efff}.chip-order-queued,.chip-order-paused{color:var(--warn);` +
  `background:#fdf3e1}
.sign,.withdraw form{display:flex;flex-direction:column;gap:8px;margin-top:10px;padding:12px;border-radius:10px;background:#f5f8ff;` +
  `border:1px solid #dbe5ff}
.withdraw summary{cursor:pointer;color:var(--bad);font-weight:600;margin-top:8px}
.sign label,.withdraw label{font-weight:600;font-size:14px}.sign .check{display:flex;gap:8px;font-weight:500}
.sign input:not([type]),.withdraw input:not([type]),.withdraw textarea,.sign input[inputmode]{font:inherit;padding:10px 12px;border:1px ` +
  `solid #c4cad3;border-radius:8px;width:100%}
.month{border-top:1px solid var(--border);padding:6px 0 12px}.month h3{margin:10px 0 6px;font-size:15.5px}
.figures{width:100%;max-width:420px;border-collapse:collapse}.figures th{text-align:left;font-weight:500;color:var(--muted);padding:3px ` +
  `0}.figures td{text-align:right;padding:3px 0}
.figures .grand th,.figures .grand td{font-weight:700;color:var(--text);border-top:1px solid var(--text)}
.entries{margin:6px 0 0;padding-left:18px;font-size:14px}.entries li{margin:3px 0}
.downloads{display:flex;flex-wrap:wrap;gap:8px}
.new-request{margin:0 0 14px}.new-request summary{cursor:pointer;color:var(--accent);font-weight:600}
.sign select,.sign textarea{font:inherit;padding:10px 12px;border:1px solid #c4cad3;border-radius:8px;width:100%;background:#fff}
.request-text{white-space:pre-wrap;margin:6px 0}.answers{list-style:none;margin:8px 0 0;padding:0}
.answer{padding:8px 12px;border-radius:10px;margin:6px 0}.answer ` +
  `p{margin:0;white-space:pre-wrap}.answer-staff{background:#f1f5f9}.answer-customer{background:#f5f8ff;margin-left:24px}
.chip-request-new,.chip-request-in_work{color:#1e3a8a;background:#e8efff}.chip-request-needs_clarification{color:var(--warn);` +
  `background:#fdf3e1}.chip-request-resolved,.chip-request-closed{color:var(--ok);background:#e7f6ec}
@media (max-width:600px){.account .quote{flex-direction:row-reverse;justify-content:space-between}.downloads .button{flex:1 1 45%}.sign ` +
  `button,.withdraw button{width:100%}}
`;
