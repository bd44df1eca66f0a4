/** The lines of a draft quote: add one or many, change, remove, reorder, move. */
import {
  DeleteLinesBody,
  IdParam,
  LineDeleteQuery,
  LinePatchBody,
  LineWriteQuery,
  MoveBody,
  NewLineBody,
  PasteBody,
  Quote,
  QuoteOrChange,
  ReorderBody,
  VersionBody,
} from '../../../schema/api';
import { changeOf } from '../../domain/quote-change';
import type { QuoteView } from '../../domain/quote';
import { SALES, actorOf } from '../../http/auth';
import { badRequest, fieldError, notFound, unprocessable } from '../../http/errors';
import { quoteOr404 } from '../../http/lookups';
import { jsonBody, jsonResponse, router, staffRoute } from '../../http/route';
import {
  addLine,
  addLines,
  deleteLine,
  deleteLines,
  findCatalogItemsByCode,
  lineIdsInOrder,
  patchLine,
  reorderLines,
} from '../../store/quotes';
import { LineParams, explain, lineRuleError, newLineFrom, quoteResponses } from './common';
import { ERRORS as E } from '../../domain/words/errors';
import { both } from '../../domain/words/words';

/** A line write's answer: the whole quote, or with `?answer=change` only what the write changed. */
function answerOf(quote: QuoteView, answer: 'quote' | 'change' | undefined, lineId: number | null, removed: number[] = []) {
  return answer === 'change' ? changeOf(quote, lineId, removed) : quote;
}

const { 200: _whole, ...refusals } = quoteResponses;
const changeAnswer = (what: string) =>
  jsonResponse(QuoteOrChange, `${what}: the whole quote, or with ?answer=change the line, totals, sections, order and new version`);

export const quoteLineRoutes = router()
  .openapi(
    staffRoute(SALES, {
      method: 'post',
      path: '/{id}/lines',
      tags: ['quotes'],
      summary: 'Add a line (from the price list, free-form, or a section heading); answers the whole quote (?answer=change: the new line)',
      request: { params: IdParam, query: LineWriteQuery, body: jsonBody(NewLineBody) },
      responses: { ...refusals, 201: changeAnswer('added') },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const b = c.req.valid('json');
      const kind = b.kind ?? (b.catalogItemId ? 'item' : 'free');
      if (kind === 'item' && !b.catalogItemId) throw fieldError('catalogItemId', both(E.itemLineNeedsItem));
      if (kind !== 'item' && b.catalogItemId) throw fieldError('kind', both(E.lineWithItemIsItem));
      if (kind !== 'item' && !b.title) throw fieldError('title', both(E.freeLineNeedsTitle));
      const line = newLineFrom(b, kind);
      const result = await addLine(c.var.db, id, b.version, line, actorOf(c));
      if (!result.applied) {
        await explain(result, b.version, 'edit', async () => {
          if (line.afterLineId !== null && !result.quote!.lines.some((l) => l.id === line.afterLineId)) {
            return fieldError('afterLineId', both(E.noSuchLineField));
          }
          return lineRuleError(c.var.db, b);
        });
      }
      // The new line has the largest id of the quote: SQLite gives a new row an id above every other.
      const added = Math.max(...result.quote!.lines.map((l) => l.id));
      return c.json(answerOf(result.quote!, c.req.valid('query').answer, added), 201);
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
          if (!item?.active)
            problems.push({ field: `rows[${i}].code`, code: 'unknown_code', message: `no service ${row.code} in the price list` });
          catalogItemId = item?.id;
        }
        if (!catalogItemId && !row.title && !row.code)
          problems.push({ field: `rows[${i}]`, code: 'required', message: 'a row needs a code or a title' });
        return newLineFrom({ ...row, catalogItemId });
      });
      if (problems.length) {
        const numbers = problems.map((p) => p.field.replace(/^rows\[(\d+)\].*/, (_, n) => String(Number(n) + 1)));
        const rows = numbers.length > 10 ? `${numbers.slice(0, 10).join(', ')}… (${numbers.length})` : numbers.join(', ');
        throw badRequest(both(E.pasteRowsUnknown, { rows }), problems);
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
          return b.afterLineId ? fieldError('afterLineId', both(E.noSuchLineField)) : null;
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
          badRequest(both(E.linesNotInQuote), [
            { field: 'lineIds', code: 'invalid', message: 'every id must be a line of this quote, once' },
          ]),
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
      summary: 'Change a line (quantity, hours, K with a reason, title, note); answers the whole quote (?answer=change: the line)',
      request: { params: LineParams, query: LineWriteQuery, body: jsonBody(LinePatchBody) },
      responses: { ...refusals, 200: changeAnswer('changed') },
    }),
    async (c) => {
      const { id, lineId } = c.req.valid('param');
      const { version, ...patch } = c.req.valid('json');
      const result = await patchLine(c.var.db, id, lineId, version, patch, actorOf(c));
      if (!result.applied) {
        await explain(result, version, 'edit', async () => {
          const line = result.quote!.lines.find((l) => l.id === lineId);
          if (!line) return notFound(both(E.noSuchLine));
          if (line.kind === 'section') {
            return unprocessable('heading_has_no_amounts', both(E.headingHasNoAmounts));
          }
          if (patch.hoursCenti !== undefined && line.mode === 'fixed') {
            return unprocessable('fixed_hours', both(E.fixedLineHours, { code: line.code, hours: (line.hoursCenti ?? 0) / 100 }));
          }
          return unprocessable('k_reason_required', both(E.kReasonRequired, { k: line.baseKMilli / 1000 }), [
            { field: 'kReason', code: 'required', message: 'required when K differs from the item' },
          ]);
        });
      }
      return c.json(answerOf(result.quote!, c.req.valid('query').answer, lineId), 200);
    },
  )
  .openapi(
    staffRoute(SALES, {
      method: 'delete',
      path: '/{id}/lines/{lineId}',
      tags: ['quotes'],
      summary: 'Remove a line; carries the version as ?version= (or in a JSON body)',
      request: { params: LineParams, query: LineDeleteQuery },
      responses: { ...refusals, 200: changeAnswer('removed') },
    }),
    async (c) => {
      const { id, lineId } = c.req.valid('param');
      const { answer, version: inQuery } = c.req.valid('query');
      let version = inQuery;
      if (version === undefined && c.req.header('content-type')?.includes('json')) {
        const body = VersionBody.safeParse(await c.req.json().catch(() => null));
        if (body.success) version = body.data.version;
      }
      if (version === undefined) throw fieldError('version', both(E.versionRequired));
      const result = await deleteLine(c.var.db, id, lineId, version, actorOf(c));
      if (!result.applied) {
        await explain(result, version, 'edit', async () => notFound(both(E.noSuchLine)));
      }
      return c.json(answerOf(result.quote!, answer, null, [lineId]), 200);
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
        await explain(result, b.version, 'edit', async () => fieldError('lineIds', both(E.lineIdsEveryOnce)));
      }
      return c.json(result.quote!, 200);
    },
  )
  .openapi(
    staffRoute(SALES, {
      method: 'post',
      path: '/{id}/lines/{lineId}/move',
      tags: ['quotes'],
      summary: 'Move a line one place up or down (?answer=change: the new order)',
      request: { params: LineParams, query: LineWriteQuery, body: jsonBody(MoveBody) },
      responses: { ...refusals, 200: changeAnswer('moved') },
    }),
    async (c) => {
      const { id, lineId } = c.req.valid('param');
      const b = c.req.valid('json');
      const order = await lineIdsInOrder(c.var.db, id);
      const index = order.indexOf(lineId);
      if (index < 0) {
        await quoteOr404(c.var.db, id);
        throw notFound(both(E.noSuchLine));
      }
      const target = b.direction === 'up' ? index - 1 : index + 1;
      if (target >= 0 && target < order.length) [order[index], order[target]] = [order[target]!, order[index]!];
      const result = await reorderLines(c.var.db, id, b.version, order, actorOf(c));
      if (!result.applied) await explain(result, b.version, 'edit');
      return c.json(answerOf(result.quote!, c.req.valid('query').answer, null), 200);
    },
  );
