/** Quotes: create, edit lines in a grid, send, revise, duplicate, archive, audit. */
import { z } from '@hono/zod-openapi';
import {
  AuditEntry,
  DeleteLinesBody,
  DuplicateBody,
  ErrorBody,
  IdParam,
  LinePatchBody,
  MoveBody,
  NewLineBody,
  NewQuoteBody,
  PasteBody,
  Quote,
  QuoteList,
  QuoteListQuery,
  QuotePatchBody,
  ReorderBody,
  ShareBody,
  ShareCreated,
  ShareLinkInfo,
  VersionBody,
} from '../../schema/api';
import { addDays, isRealDate, localDate } from '../domain/calendar';
import { refusalFor, type QuoteAction } from '../domain/quote-lifecycle';
import type { QuoteView } from '../domain/quote';
import { SALES, STAFF, actorOf, appOrigin } from '../http/auth';
import { randomToken, sha256Hex } from '../http/secrets';
import { createShareLink, linkState, listShareLinks, revokeShareLinks } from '../store/shares';
import { AppError, badRequest, notFound, unprocessable, versionConflict, type Message } from '../http/errors';
import { commonErrors, jsonBody, jsonResponse, router, staffRoute } from '../http/route';
import { findItem } from '../store/catalog';
import type { Db } from '../store/db';
import { addLines, deleteLines, findCatalogItemsByCode } from '../store/quote-bulk';
import {
  addLine,
  archiveQuote,
  createQuote,
  deleteLine,
  duplicateQuote,
  getQuote,
  lineIdsInOrder,
  listAudit,
  listQuotes,
  patchHeader,
  patchLine,
  reorderLines,
  repriceQuote,
  reviseQuote,
  sendQuote,
  type NewLine,
  type WriteResult,
} from '../store/quotes';
import { getSettings } from '../store/settings';


export const quoteNotFound = () => notFound({ en: 'No such quote.', ru: 'Такой сметы нет.' });

const fieldError = (field: string, text: Message) =>
  badRequest({ en: `${field}: ${text.en}`, ru: `${field}: ${text.ru}` }, [{ field, code: 'invalid', message: text.en }]);

export async function quoteOr404(db: Db, id: number): Promise<QuoteView> {
  const quote = await getQuote(db, id);
  if (!quote) throw quoteNotFound();
  return quote;
}

/**
 * A guarded write matched nothing: say why, from the quote as it is now. Checked in the
 * order a person needs: gone, changed by someone else, not in a state for this, then the
 * rule specific to the request.
 */
async function explain(result: WriteResult, version: number | null, action: QuoteAction, specific?: () => Promise<AppError | null>): Promise<never> {
  const quote = result.quote;
  if (!quote) throw quoteNotFound();
  if (version !== null && quote.version !== version) throw versionConflict(quote.version);
  const refusal = refusalFor(action, quote.status, quote.latest, quote.supersededAt !== null);
  if (refusal) throw new AppError(refusal.status, refusal.code, refusal);
  const e = specific ? await specific() : null;
  if (e) throw e;
  throw new AppError(409, 'write_refused', {
    en: 'The change could not be applied to the quote as it is now. Reload and try again.',
    ru: 'Изменение не удалось применить к текущему состоянию сметы. Обновите и повторите.',
  });
}

function checkValidUntil(validUntil: string | null | undefined, today: string) {
  if (validUntil === undefined || validUntil === null) return;
  if (!isRealDate(validUntil)) throw fieldError('validUntil', { en: 'is not a real date', ru: 'такой даты нет' });
  if (validUntil < today) throw fieldError('validUntil', { en: 'must not be in the past', ru: 'не может быть в прошлом' });
}

/** Why a catalog line was refused: the item, its fixed hours, or a K without a reason. */
async function lineRuleError(
  db: Db,
  l: { catalogItemId?: number | null; hoursCenti?: number | null; kMilli?: number; kReason?: string },
  prefix = '',
): Promise<AppError | null> {
  if (!l.catalogItemId) return null;
  const item = await findItem(db, l.catalogItemId);
  if (!item || !item.active) {
    return fieldError(`${prefix}catalogItemId`, { en: 'no such service in the price list (or it is no longer sold)', ru: 'такой услуги нет в прайс-листе (или она больше не продаётся)' });
  }
  if (item.mode === 'fixed' && l.hoursCenti != null && l.hoursCenti !== item.hoursCenti) {
    return unprocessable('fixed_hours', {
      en: `${item.code} is a fixed service of ${item.hoursCenti! / 100} norm-hours; change the quantity, or add a free-form line.`,
      ru: `${item.code} — фиксированная услуга на ${item.hoursCenti! / 100} нормо-ч.; измените количество или добавьте свободную строку.`,
    });
  }
  if (l.kMilli !== undefined && l.kMilli !== item.kMilli && !l.kReason?.trim()) {
    return unprocessable(
      'k_reason_required',
      { en: `K differs from the price list’s ${item.kMilli / 1000} for ${item.code}: give a reason (kReason).`, ru: `K отличается от прайс-листа (${item.kMilli / 1000}) для ${item.code}: укажите причину (kReason).` },
      [{ field: `${prefix}kReason`, code: 'required', message: 'required when K differs from the item' }],
    );
  }
  return null;
}

function newLineFrom(b: z.infer<typeof NewLineBody> | z.infer<typeof import('../../schema/api').PasteRow>, kindHint?: 'item' | 'free' | 'section'): NewLine {
  const kind = kindHint ?? (b.catalogItemId ? 'item' : 'free');
  return {
    kind,
    catalogItemId: b.catalogItemId ?? null,
    title: b.title ?? null,
    quantityMilli: b.quantityMilli ?? 1000,
    hoursCenti: b.hoursCenti,
    kMilli: b.kMilli,
    kReason: b.kReason ?? '',
    note: 'note' in b ? (b.note ?? '') : '',
    afterLineId: 'afterLineId' in b ? (b.afterLineId ?? null) : null,
  };
}

async function companyToday(db: Db) {
  const settings = await getSettings(db);
  const today = localDate(Date.now(), settings.timeZone);
  return { settings, today, year: Number(today.slice(0, 4)) };
}

const LineParams = z.object({
  id: IdParam.shape.id,
  lineId: z.coerce.number().int().min(1).max(2_147_483_647).openapi({ param: { name: 'lineId', in: 'path' }, example: 1 }),
});

const quoteResponses = { 200: jsonResponse(Quote, 'the whole quote, with totals'), 409: jsonResponse(ErrorBody, 'stale version or wrong state'), 422: jsonResponse(ErrorBody, 'a business rule refused it'), ...commonErrors };

export const quotesRouter = router()
  .openapi(
    // API.md: the quote list is sales' (manager, admin). The accountant opens a quote by id —
    // from a work order or a customer's ledger — but does not browse the sales pipeline.
    staffRoute(SALES, {
      method: 'get',
      path: '/',
      tags: ['quotes'],
      summary: 'Quotes (latest revision of each number), filtered and paged',
      request: { query: QuoteListQuery },
      responses: { 200: jsonResponse(QuoteList, 'a page of quotes'), ...commonErrors },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const { today } = await companyToday(c.var.db);
      return c.json(
        await listQuotes(c.var.db, { ...q, allRevisions: q.allRevisions === 'true', today }),
        200,
      );
    },
  )
  .openapi(
    staffRoute(SALES, {
      method: 'post',
      path: '/',
      tags: ['quotes'],
      summary: 'A new quote (draft) for a customer, with the current rate frozen',
      request: { body: jsonBody(NewQuoteBody) },
      responses: { 201: jsonResponse(Quote, 'created'), ...commonErrors },
    }),
    async (c) => {
      const b = c.req.valid('json');
      const { settings, today, year } = await companyToday(c.var.db);
      checkValidUntil(b.validUntil, today);
      if (b.currency !== undefined && b.currency !== settings.currency) {
        // One currency per installation (the settings'): reports and balances add quotes up.
        throw unprocessable('currency_mismatch', {
          en: `Quotes are made in ${settings.currency}, the currency of the settings.`,
          ru: `Сметы составляются в валюте из настроек (${settings.currency}).`,
        }, { currency: settings.currency });
      }
      const quote = await createQuote(
        c.var.db,
        b.customerId,
        year,
        {
          title: b.title,
          currency: settings.currency,
          rateMinor: settings.rateMinor,
          vatMode: b.vatMode ?? settings.vatMode,
          vatRateMilli: b.vatRateMilli ?? settings.vatRateMilli,
          discountRateMilli: b.discountRateMilli ?? 0,
          validUntil: b.validUntil ?? null,
          customerNote: b.customerNote ?? '',
          internalNote: b.internalNote ?? '',
        },
        actorOf(c),
      );
      if (!quote) throw fieldError('customerId', { en: 'no such customer', ru: 'такого заказчика нет' });
      return c.json(quote, 201);
    },
  )
  .openapi(
    staffRoute(STAFF, {
      method: 'get',
      path: '/{id}',
      tags: ['quotes'],
      summary: 'One quote revision with its lines and totals',
      request: { params: IdParam },
      responses: { 200: jsonResponse(Quote, 'the quote'), ...commonErrors },
    }),
    async (c) => c.json(await quoteOr404(c.var.db, c.req.valid('param').id), 200),
  )
  .openapi(
    staffRoute(SALES, {
      method: 'patch',
      path: '/{id}',
      tags: ['quotes'],
      summary: 'Change the header of a draft (title, VAT, discount, validity, notes)',
      request: { params: IdParam, body: jsonBody(QuotePatchBody) },
      responses: quoteResponses,
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { version, ...patch } = c.req.valid('json');
      const { today } = await companyToday(c.var.db);
      checkValidUntil(patch.validUntil, today);
      const result = await patchHeader(c.var.db, id, version, patch, actorOf(c));
      if (!result.applied) {
        await explain(result, version, 'edit', async () => {
          if (patch.customerId === undefined) return null;
          if (result.quote!.revision > 1) {
            return unprocessable('customer_fixed', {
              en: 'A quote that was already sent keeps its customer; duplicate it for another customer.',
              ru: 'У уже отправленной сметы заказчик не меняется; сделайте копию для другого заказчика.',
            });
          }
          return fieldError('customerId', { en: 'no such customer', ru: 'такого заказчика нет' });
        });
      }
      return c.json(result.quote!, 200);
    },
  )
  .openapi(
    staffRoute(SALES, {
      method: 'post',
      path: '/{id}/lines',
      tags: ['quotes'],
      summary: 'Add a line (from the price list, free-form, or a section heading); answers the whole quote',
      request: { params: IdParam, body: jsonBody(NewLineBody) },
      responses: { ...quoteResponses, 201: jsonResponse(Quote, 'added') },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const b = c.req.valid('json');
      const kind = b.kind ?? (b.catalogItemId ? 'item' : 'free');
      if (kind === 'item' && !b.catalogItemId) throw fieldError('catalogItemId', { en: 'is required for a price-list line', ru: 'обязательно для строки из прайс-листа' });
      if (kind !== 'item' && b.catalogItemId) throw fieldError('kind', { en: 'a line with catalogItemId is an item line', ru: 'строка с catalogItemId — строка прайс-листа' });
      if (kind !== 'item' && !b.title) throw fieldError('title', { en: 'is required for a free-form line or a heading', ru: 'обязательно для свободной строки и заголовка' });
      const line = newLineFrom(b, kind);
      const result = await addLine(c.var.db, id, b.version, line, actorOf(c));
      if (!result.applied) {
        await explain(result, b.version, 'edit', async () => {
          if (line.afterLineId !== null && !result.quote!.lines.some((l) => l.id === line.afterLineId)) {
            return fieldError('afterLineId', { en: 'no such line in this quote', ru: 'такой строки в смете нет' });
          }
          return lineRuleError(c.var.db, b);
        });
      }
      return c.json(result.quote!, 201);
    },
  )
  .openapi(
    staffRoute(SALES, {
      method: 'post',
      path: '/{id}/lines/paste',
      tags: ['quotes'],
      summary: 'Add many lines at once (rows pasted from Excel or Google Sheets: code, quantity, hours); all or nothing',
      request: { params: IdParam, body: jsonBody(PasteBody) },
      responses: { ...quoteResponses, 201: jsonResponse(Quote, 'added') },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const b = c.req.valid('json');
      const codes = [...new Set(b.rows.filter((r) => r.code && !r.catalogItemId).map((r) => r.code!))];
      const byCode = new Map((await findCatalogItemsByCode(c.var.db, codes)).map((i) => [i.code, i]));
      const problems: { field: string; code: string; message: string }[] = [];
      const lines = b.rows.map((row, i) => {
        let catalogItemId = row.catalogItemId;
        if (!catalogItemId && row.code) {
          const item = byCode.get(row.code);
          if (!item || !item.active) problems.push({ field: `rows[${i}].code`, code: 'unknown_code', message: `no service ${row.code} in the price list` });
          catalogItemId = item?.id;
        }
        if (!catalogItemId && !row.title && !row.code) problems.push({ field: `rows[${i}]`, code: 'required', message: 'a row needs a code or a title' });
        return newLineFrom({ ...row, catalogItemId });
      });
      if (problems.length) {
        const numbers = problems.map((p) => p.field.replace(/^rows\[(\d+)\].*/, (_, n) => String(Number(n) + 1)));
        const rows = numbers.length > 10 ? `${numbers.slice(0, 10).join(', ')}… (${numbers.length})` : numbers.join(', ');
        throw badRequest({ en: `Rows ${rows}: unknown service code or empty row. Nothing was added.`, ru: `Строки ${rows}: неизвестный код услуги или пустая строка. Ничего не добавлено.` }, problems);
      }
      const labels = b.rows.map((r) => r.code ?? r.title ?? '');
      const result = await addLines(c.var.db, id, b.version, lines, b.afterLineId ?? null, actorOf(c), labels);
      if (!result.applied) {
        await explain(result, b.version, 'edit', async () => {
          // Each distinct line once: 500 pasted rows name a few dozen services at most.
          const seen = new Set<string>();
          for (const [i, l] of lines.entries()) {
            const key = JSON.stringify([l.catalogItemId, l.hoursCenti, l.kMilli, l.kReason]);
            if (seen.has(key)) continue;
            seen.add(key);
            const e = await lineRuleError(c.var.db, l, `rows[${i}].`);
            if (e) return e;
          }
          return b.afterLineId ? fieldError('afterLineId', { en: 'no such line in this quote', ru: 'такой строки в смете нет' }) : null;
        });
      }
      return c.json(result.quote!, 201);
    },
  )
  .openapi(
    staffRoute(SALES, {
      method: 'post',
      path: '/{id}/lines/delete',
      tags: ['quotes'],
      summary: 'Remove many lines in one write (every id a line of this quote, once); all or nothing',
      request: { params: IdParam, body: jsonBody(DeleteLinesBody) },
      responses: quoteResponses,
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const b = c.req.valid('json');
      const result = await deleteLines(c.var.db, id, b.version, b.lineIds, actorOf(c));
      if (!result.applied) {
        await explain(result, b.version, 'edit', async () =>
          badRequest(
            { en: 'Some of these lines are not in this quote (or are named twice). Nothing was removed.', ru: 'Некоторых из этих строк нет в смете (или они названы дважды). Ничего не удалено.' },
            [{ field: 'lineIds', code: 'invalid', message: 'every id must be a line of this quote, once' }],
          ),
        );
      }
      return c.json(result.quote!, 200);
    },
  )
  .openapi(
    staffRoute(SALES, {
      method: 'patch',
      path: '/{id}/lines/{lineId}',
      tags: ['quotes'],
      summary: 'Change a line (quantity, hours, K with a reason, title, note); answers the whole quote',
      request: { params: LineParams, body: jsonBody(LinePatchBody) },
      responses: quoteResponses,
    }),
    async (c) => {
      const { id, lineId } = c.req.valid('param');
      const { version, ...patch } = c.req.valid('json');
      const result = await patchLine(c.var.db, id, lineId, version, patch, actorOf(c));
      if (!result.applied) {
        await explain(result, version, 'edit', async () => {
          const line = result.quote!.lines.find((l) => l.id === lineId);
          if (!line) return notFound({ en: 'No such line in this quote.', ru: 'Такой строки в смете нет.' });
          if (line.kind === 'section') {
            return unprocessable('heading_has_no_amounts', { en: 'A section heading has only a title.', ru: 'У заголовка раздела есть только название.' });
          }
          if (patch.hoursCenti !== undefined && line.mode === 'fixed') {
            return unprocessable('fixed_hours', {
              en: `${line.code} is a fixed service of ${(line.hoursCenti ?? 0) / 100} norm-hours; change the quantity instead.`,
              ru: `${line.code} — фиксированная услуга на ${(line.hoursCenti ?? 0) / 100} нормо-ч.; меняйте количество.`,
            });
          }
          return unprocessable(
            'k_reason_required',
            { en: `K differs from the price list’s ${line.baseKMilli / 1000}: give a reason (kReason).`, ru: `K отличается от прайс-листа (${line.baseKMilli / 1000}): укажите причину (kReason).` },
            [{ field: 'kReason', code: 'required', message: 'required when K differs from the item' }],
          );
        });
      }
      return c.json(result.quote!, 200);
    },
  )
  .openapi(
    staffRoute(SALES, {
      method: 'delete',
      path: '/{id}/lines/{lineId}',
      tags: ['quotes'],
      summary: 'Remove a line; carries the version as ?version= (or in a JSON body)',
      request: { params: LineParams, query: z.object({ version: z.coerce.number().int().min(1).optional() }) },
      responses: quoteResponses,
    }),
    async (c) => {
      const { id, lineId } = c.req.valid('param');
      let version = c.req.valid('query').version;
      if (version === undefined && c.req.header('content-type')?.includes('json')) {
        const body = VersionBody.safeParse(await c.req.json().catch(() => null));
        if (body.success) version = body.data.version;
      }
      if (version === undefined) throw fieldError('version', { en: 'is required (?version=…)', ru: 'обязательна (?version=…)' });
      const result = await deleteLine(c.var.db, id, lineId, version, actorOf(c));
      if (!result.applied) {
        await explain(result, version, 'edit', async () => notFound({ en: 'No such line in this quote.', ru: 'Такой строки в смете нет.' }));
      }
      return c.json(result.quote!, 200);
    },
  )
  .openapi(
    staffRoute(SALES, {
      method: 'post',
      path: '/{id}/lines/reorder',
      tags: ['quotes'],
      summary: 'Put the lines in a new order (every line id once)',
      request: { params: IdParam, body: jsonBody(ReorderBody) },
      responses: quoteResponses,
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const b = c.req.valid('json');
      const result = await reorderLines(c.var.db, id, b.version, b.lineIds, actorOf(c));
      if (!result.applied) {
        await explain(result, b.version, 'edit', async () =>
          fieldError('lineIds', { en: 'must list every line of the quote exactly once', ru: 'должен перечислять каждую строку сметы ровно один раз' }),
        );
      }
      return c.json(result.quote!, 200);
    },
  )
  .openapi(
    staffRoute(SALES, {
      method: 'post',
      path: '/{id}/lines/{lineId}/move',
      tags: ['quotes'],
      summary: 'Move a line one place up or down',
      request: { params: LineParams, body: jsonBody(MoveBody) },
      responses: quoteResponses,
    }),
    async (c) => {
      const { id, lineId } = c.req.valid('param');
      const b = c.req.valid('json');
      const order = await lineIdsInOrder(c.var.db, id);
      const index = order.indexOf(lineId);
      if (index < 0) {
        await quoteOr404(c.var.db, id);
        throw notFound({ en: 'No such line in this quote.', ru: 'Такой строки в смете нет.' });
      }
      const target = b.direction === 'up' ? index - 1 : index + 1;
      if (target >= 0 && target < order.length) [order[index], order[target]] = [order[target]!, order[index]!];
      const result = await reorderLines(c.var.db, id, b.version, order, actorOf(c));
      if (!result.applied) await explain(result, b.version, 'edit');
      return c.json(result.quote!, 200);
    },
  )
  .openapi(
    staffRoute(SALES, {
      method: 'post',
      path: '/{id}/send',
      tags: ['quotes'],
      summary: 'Send a draft: freezes this revision (every line needs its hours)',
      request: { params: IdParam, body: jsonBody(VersionBody) },
      responses: quoteResponses,
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { version } = c.req.valid('json');
      const { settings, today } = await companyToday(c.var.db);
      const result = await sendQuote(c.var.db, id, version, addDays(today, settings.quoteValidityDays), today, actorOf(c));
      if (!result.applied) {
        await explain(result, version, 'send', async () => {
          const q = result.quote!;
          const billable = q.lines.filter((l) => l.kind !== 'section');
          if (billable.length === 0) return unprocessable('empty_quote', { en: 'Add at least one service before sending.', ru: 'Добавьте хотя бы одну услугу перед отправкой.' });
          const incomplete = billable.filter((l) => l.hoursCenti === null);
          if (incomplete.length) {
            return unprocessable(
              'incomplete_lines',
              {
                en: `Enter the hours of ${incomplete.map((l) => l.code || l.title).join(', ')} before sending.`,
                ru: `Перед отправкой укажите часы: ${incomplete.map((l) => l.code || l.title).join(', ')}.`,
              },
              { lineIds: incomplete.map((l) => l.id) },
            );
          }
          if (q.validUntil !== null && q.validUntil < today) {
            return unprocessable('validity_past', { en: 'The validity date has passed: set a new one.', ru: 'Срок действия сметы уже прошёл — укажите новый.' });
          }
          if (q.revisions.some((r) => r.status === 'accepted')) {
            return new AppError(409, 'quote_locked', { en: 'Another revision of this quote was accepted.', ru: 'Другая редакция этой сметы уже принята.' });
          }
          return null;
        });
      }
      return c.json(result.quote!, 200);
    },
  )
  .openapi(
    staffRoute(SALES, {
      method: 'post',
      path: '/{id}/revise',
      tags: ['quotes'],
      summary: 'A new draft revision of the same number (-R2, -R3…); the customer keeps the sent one until the new one is sent',
      request: { params: IdParam },
      responses: { ...quoteResponses, 201: jsonResponse(Quote, 'the new revision') },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const result = await reviseQuote(c.var.db, id, actorOf(c));
      if (!result.applied) {
        const current = await quoteOr404(c.var.db, id);
        await explain({ applied: false, quote: current }, null, 'revise');
      }
      return c.json(result.quote!, 201);
    },
  )
  .openapi(
    staffRoute(SALES, {
      method: 'post',
      path: '/{id}/duplicate',
      tags: ['quotes'],
      summary: 'A copy under a new number, as a draft (to offer an alternative); for another customer with `customerId`',
      request: { params: IdParam, body: { content: { 'application/json': { schema: DuplicateBody } }, required: false } },
      responses: { 201: jsonResponse(Quote, 'the copy'), ...commonErrors },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      const { year } = await companyToday(c.var.db);
      const quote = await duplicateQuote(c.var.db, id, year, actorOf(c), { customerId: body?.customerId });
      if (!quote) {
        await quoteOr404(c.var.db, id);
        throw fieldError('customerId', { en: 'no such customer', ru: 'такого заказчика нет' });
      }
      return c.json(quote, 201);
    },
  )
  .openapi(
    staffRoute(SALES, {
      method: 'post',
      path: '/{id}/archive',
      tags: ['quotes'],
      summary: 'Archive a quote that is not final',
      request: { params: IdParam, body: jsonBody(VersionBody) },
      responses: quoteResponses,
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { version } = c.req.valid('json');
      const result = await archiveQuote(c.var.db, id, version, actorOf(c));
      if (!result.applied) await explain(result, version, 'archive');
      return c.json(result.quote!, 200);
    },
  )
  .openapi(
    staffRoute(SALES, {
      method: 'post',
      path: '/{id}/reprice',
      tags: ['quotes'],
      summary: 'Re-price a draft on purpose: the current rate and the price list’s current hours and K',
      request: { params: IdParam, body: jsonBody(VersionBody) },
      responses: quoteResponses,
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { version } = c.req.valid('json');
      const { settings } = await companyToday(c.var.db);
      const result = await repriceQuote(c.var.db, id, version, settings.rateMinor, actorOf(c));
      if (!result.applied) await explain(result, version, 'edit');
      return c.json(result.quote!, 200);
    },
  )
  .openapi(
    staffRoute(STAFF, {
      method: 'get',
      path: '/{id}/audit',
      tags: ['quotes'],
      summary: 'Who changed what and when, for every revision of the quote’s number (newest first)',
      request: { params: IdParam },
      responses: { 200: jsonResponse(z.array(AuditEntry), 'the audit trail'), ...commonErrors },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await quoteOr404(c.var.db, id);
      return c.json(await listAudit(c.var.db, id), 200);
    },
  )
  .openapi(
    staffRoute(SALES, {
      method: 'post',
      path: '/{id}/share',
      tags: ['quotes', 'shared'],
      summary: 'A link for the customer to this sent revision: 256 random bits, stored only as SHA-256; shown once',
      request: { params: IdParam, body: { content: { 'application/json': { schema: ShareBody } }, required: false } },
      responses: { 201: jsonResponse(ShareCreated, 'the link'), 409: jsonResponse(ErrorBody, 'not sent, or replaced'), ...commonErrors },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      const quote = await quoteOr404(c.var.db, id);
      const refusal = refusalFor('share', quote.status, quote.latest, quote.supersededAt !== null);
      if (refusal) throw new AppError(refusal.status, refusal.code, refusal);
      const { settings } = await companyToday(c.var.db);
      const days = body?.expiresInDays ?? settings.shareLinkDays;
      const token = randomToken();
      const expiresAt = new Date(Date.now() + days * 86_400_000).toISOString();
      const link = await createShareLink(c.var.db, id, await sha256Hex(token), expiresAt, actorOf(c));
      return c.json({ id: link.id, url: `${appOrigin(c)}/s/${token}`, token, expiresAt }, 201);
    },
  )
  .openapi(
    staffRoute(SALES, {
      method: 'delete',
      path: '/{id}/share',
      tags: ['quotes', 'shared'],
      summary: 'Revoke every link to this revision',
      request: { params: IdParam },
      responses: { 200: jsonResponse(z.object({ revoked: z.number().int() }), 'how many links were revoked'), ...commonErrors },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await quoteOr404(c.var.db, id);
      return c.json({ revoked: await revokeShareLinks(c.var.db, id, actorOf(c)) }, 200);
    },
  )
  .openapi(
    staffRoute(STAFF, {
      method: 'get',
      path: '/{id}/shares',
      tags: ['quotes', 'shared'],
      summary: 'The links to this revision: when made, first opened, how often, whether still live',
      request: { params: IdParam },
      responses: { 200: jsonResponse(z.array(ShareLinkInfo), 'links'), ...commonErrors },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await quoteOr404(c.var.db, id);
      const now = new Date().toISOString();
      const links = await listShareLinks(c.var.db, id);
      return c.json(
        links.map((l) => ({
          id: l.id,
          createdAt: l.createdAt,
          expiresAt: l.expiresAt,
          revokedAt: l.revokedAt,
          firstOpenedAt: l.firstOpenedAt,
          lastOpenedAt: l.lastOpenedAt,
          openCount: l.openCount,
          state: linkState(l, now),
        })),
        200,
      );
    },
  );
