/**
 * The estimate as a PDF through the API (staff and customer link): the answer's headers and
 * shape, who may download it, and what it says — read back with test/pdf-read.ts (streams
 * inflated, CIDs mapped through the document's own ToUnicode CMaps) and compared with the
 * JSON of the same quote, figure by figure, formatted as the UI formats them.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { formatFixed, formatHours, formatMoney, type Lang } from '../../worker/domain/format';
import { call, fails, fetchWorker, ok, expectThrottledAfter, freshIp } from '../support/api';
import { allTexts, readPdf } from '../pdf-read';

const SECRET_NOTE = 'СЕКРЕТ: можем дать скидку 15%';
const SECRET_K = 'ВНУТРЕННЯЯ ПРИЧИНА K';
const EVIL_TITLE = 'Смета (черновик) \\ ) ( <script>alert(1)</script> %%EOF endstream';

let items: Record<string, { id: number }>;
const customer = (path: string, ip = freshIp(), lang = 'ru-RU') =>
  fetchWorker(path, { headers: { 'cf-connecting-ip': ip, 'accept-language': lang } });

beforeAll(async () => {
  const list = await ok<any[]>('GET', '/api/catalog/items');
  items = Object.fromEntries(list.map((i) => [i.code, i]));
});

const addLine = (q: any, body: Record<string, unknown>) =>
  ok('POST', `/api/quotes/${q.id}/lines`, { body: { version: q.version, ...body } }, 201);

/** Sections, a fractional quantity, K 0.6, an actual-time line with its estimate, a free line, a changed K with a secret reason. */
async function richQuote(header: Record<string, unknown> = {}) {
  let q = await ok(
    'POST',
    '/api/quotes',
    {
      body: {
        customerId: 1,
        title: 'Внедрение СЭО: оформление и курсы',
        internalNote: SECRET_NOTE,
        customerNote: 'Работы начинаются после пополнения баланса.',
        ...header,
      },
    },
    201,
  );
  q = await addLine(q, { kind: 'section', title: 'Оформление' });
  q = await addLine(q, { catalogItemId: items['2.2']!.id });
  q = await addLine(q, { catalogItemId: items['2.3']!.id, quantityMilli: 1500, note: 'Две темы: студенческая и преподавательская' });
  q = await addLine(q, { kind: 'section', title: 'Контент' });
  q = await addLine(q, { catalogItemId: items['4.1']!.id, hoursCenti: 1050, quantityMilli: 3000 });
  q = await addLine(q, { catalogItemId: items['2.9']!.id, hoursCenti: 333, kMilli: 600, kReason: SECRET_K });
  q = await addLine(q, { title: 'Перенос материалов', quantityMilli: 1333, hoursCenti: 125, kMilli: 750 });
  return q;
}

async function pdfOf(res: Response) {
  expect(res.status, res.status === 200 ? '' : await res.clone().text()).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/pdf');
  const bytes = new Uint8Array(await res.arrayBuffer());
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 8));
  const tail = new TextDecoder('latin1').decode(bytes.subarray(bytes.length - 6));
  expect(head.startsWith('%PDF-')).toBe(true);
  expect(tail).toBe('%%EOF\n');
  const pdf = await readPdf(bytes);
  return { bytes, pdf, texts: allTexts(pdf) };
}

/** Every figure of the quote's JSON is a text of the document, formatted as the UI formats it. */
function expectFigures(texts: string[], q: any, lang: Lang) {
  const money = (m: number) => formatMoney(m, 'RUB', lang);
  for (const l of q.lines.filter((l: any) => l.kind !== 'section')) {
    expect(texts, `${l.title}: amount`).toContain(money(l.amountMinor));
    expect(texts, `${l.title}: norm-hours`).toContain(formatFixed(l.normHoursCenti, 2, lang));
    if (l.code) expect(texts, `${l.title}: code`).toContain(l.code);
  }
  const t = q.totals;
  expect(texts).toContain(money(t.subtotalMinor));
  if (q.discountRateMilli > 0) {
    expect(texts).toContain(`−${money(t.discountMinor)}`);
    expect(texts).toContain(money(t.netMinor));
  }
  if (q.vatMode !== 'none') expect(texts).toContain(money(t.vatMinor));
  expect(texts).toContain(money(t.totalMinor));
  expect(texts).toContain(formatHours(t.normHoursCenti, lang));
  for (const s of q.sections ?? []) expect(texts, `section ${s.title}`).toContain(money(s.subtotalMinor));
}

describe('GET /api/quotes/:id/export.pdf (staff)', () => {
  it('is an A4 PDF whose figures are the JSON’s to the kopeck, with the parties, the manager and the signatures', async () => {
    const q = await richQuote({ discountRateMilli: 100, vatMode: 'on_top', vatRateMilli: 220 });
    const sent = await ok('POST', `/api/quotes/${q.id}/send`, { body: { version: q.version } });
    const res = await call('GET', `/api/quotes/${q.id}/export.pdf`, { headers: { 'accept-language': 'ru-RU' } });
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="${q.number} Severnyy gosudarstvennyy universitet.pdf"; filename*=UTF-8''${encodeURIComponent(
        `${q.number} ` + `Северный государственный университет`,
      )}.pdf`,
    );
    expect(res.headers.get('cache-control')).toBe('no-store');
    const { pdf, texts } = await pdfOf(res);
    const json = await ok('GET', `/api/quotes/${q.id}`);
    expect(json.totals).toEqual(sent.totals);
    expectFigures(texts, json, 'ru');
    expect(texts).toContain(`Смета № ${q.number}`);
    expect(texts).toContain('Внедрение СЭО: оформление и курсы');
    expect(texts).toContain('Северный государственный университет');
    expect(texts).toContain('Исполнитель');
    expect(texts).toContain('Заказчик');
    expect(texts).toContain('М. П.');
    expect(texts.some((t) => t.startsWith('Менеджер: ') && t.includes('manager@demo.local'))).toBe(true);
    expect(texts).toContain('по факту · оценка 3,33\u00a0ч');
    expect(texts).toContain('Итого по разделу «Контент»');
    expect(texts).toContain(`Страница 1 из ${pdf.pages.length}`);
    expect(pdf.pages.length).toBeLessThanOrEqual(2);
    // Nothing internal: not the note for staff, not the reason behind a changed K.
    const everything = texts.join('\n') + pdf.info;
    for (const secret of [SECRET_NOTE, SECRET_K]) expect(everything).not.toContain(secret);
    expect(pdf.info).toContain('/Producer (normhours)');
  });

  it('in English on request, VAT included, no discount', async () => {
    const q = await richQuote({ vatMode: 'included', vatRateMilli: 200 });
    const { texts } = await pdfOf(await call('GET', `/api/quotes/${q.id}/export.pdf?lang=en`));
    expectFigures(texts, await ok('GET', `/api/quotes/${q.id}`), 'en');
    expect(texts).toContain(`Estimate No. ${q.number}`);
    expect(texts.some((t) => t.startsWith('incl. VAT 20'))).toBe(true);
    expect(texts).toContain('Contractor');
    expect(texts.some((t) => t.startsWith('Draft'))).toBe(true);
  });

  it('draws a user’s text as text: PDF syntax and markup in a title change nothing', async () => {
    const q = await richQuote({ title: EVIL_TITLE, vatMode: 'none' });
    const { pdf, texts, bytes } = await pdfOf(
      await call('GET', `/api/quotes/${q.id}/export.pdf`, { headers: { 'accept-language': 'ru' } }),
    );
    expect(texts).toContain(EVIL_TITLE);
    expect(texts).toContain('Без НДС');
    expect(pdf.info).toMatch(/\/Subject <FEFF[0-9A-F]+>/);
    // One %%EOF and one trailer: the title cannot end the file or open a stream.
    const latin = new TextDecoder('latin1').decode(bytes);
    expect(latin.match(/%%EOF/g)).toHaveLength(1);
    expect(latin).not.toContain('<script>');
  });

  it('every staff role may download it; no session 401; an unknown id 404; a bad id 400; an incomplete line 422', async () => {
    const q = await richQuote();
    for (const as of ['admin', 'manager', 'accountant'] as const)
      expect((await call('GET', `/api/quotes/${q.id}/export.pdf`, { as })).status).toBe(200);
    await fails('GET', `/api/quotes/${q.id}/export.pdf`, { as: 'anon' }, 401);
    await fails('GET', '/api/quotes/999999/export.pdf', {}, 404);
    await fails('GET', '/api/quotes/abc/export.pdf', {}, 400, 'validation_failed');
    const incomplete = await addLine(q, { catalogItemId: items['2.9']!.id });
    const err = await fails('GET', `/api/quotes/${incomplete.id}/export.pdf`, {}, 422, 'incomplete_lines');
    expect(err.message).toContain('2.9');
  });
});

describe('GET /api/shared/:token/export.pdf (the customer’s link)', () => {
  async function shared() {
    const q = await richQuote({ discountRateMilli: 50 });
    const sent = await ok('POST', `/api/quotes/${q.id}/send`, { body: { version: q.version } });
    const { token } = await ok('POST', `/api/quotes/${q.id}/share`, {}, 201);
    return { q: sent, token };
  }

  it('is the revision the link’s JSON shows, figure by figure, with the link’s headers', async () => {
    const { q, token } = await shared();
    const res = await customer(`/api/shared/${token}/export.pdf`);
    expect(res.headers.get('x-robots-tag')).toBe('noindex, nofollow, noarchive');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent(q.number)}%20`);
    const { texts } = await pdfOf(res);
    const page = await (await customer(`/api/shared/${token}`)).json<any>();
    expectFigures(texts, page, 'ru');
    for (const l of page.lines)
      expect(
        texts.some((t) => l.title.startsWith(t) || t.startsWith(l.title.slice(0, 20))),
        l.title,
      ).toBe(true);
    for (const secret of [SECRET_NOTE, SECRET_K]) expect(texts.join('\n')).not.toContain(secret);
    const en = await pdfOf(await customer(`/api/shared/${token}/export.pdf?lang=en`));
    expect(en.texts).toContain(`Estimate No. ${q.number}`);
  });

  it('an unknown, malformed or revoked link answers as the link does; after a new revision the link gives it', async () => {
    const { q, token } = await shared();
    for (const bad of ['x'.repeat(43), 'short']) {
      const res = await customer(`/api/shared/${bad}/export.pdf`);
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ error: expect.objectContaining({ code: 'not_found', message: expect.any(String) }) });
    }
    const r2 = await ok('POST', `/api/quotes/${q.id}/revise`, {}, 201);
    await ok('POST', `/api/quotes/${r2.id}/send`, { body: { version: r2.version } });
    // The link belongs to the number: its PDF is now the new revision.
    const latest = await pdfOf(await customer(`/api/shared/${token}/export.pdf`));
    expect(latest.texts).toContain(`Смета № ${q.number}-R2`);
    expect(latest.texts).not.toContain('Заменена новой редакцией');
    await ok('DELETE', `/api/quotes/${q.id}/share`);
    const revoked = await customer(`/api/shared/${token}/export.pdf`);
    expect(revoked.status).toBe(404);
    expect(((await revoked.json()) as any).error.code).toBe('link_revoked');
  });

  it('shares the Excel download’s per-address limit (30 a minute, both formats together)', async () => {
    const ip = freshIp();
    const statuses: number[] = [];
    for (let i = 0; i < 61; i++)
      statuses.push((await customer(`/api/shared/${'y'.repeat(43)}/export.${i % 2 ? 'pdf' : 'xlsx'}`, ip)).status);
    expectThrottledAfter(statuses, 30);
    expect(statuses.filter((s) => s !== 429).every((s) => s === 404)).toBe(true);
  });
});
