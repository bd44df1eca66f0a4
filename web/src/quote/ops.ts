/**
 * The editor's writes, each one request (or two), each knowing how to undo itself from the
 * quote just before and just after it. Every path is built from the one quote id the editor
 * was opened for, so a write can never land on another quote.
 */
import type { QuoteLineT, QuoteOrChangeT, QuoteT } from '../../../schema/api';
import { formatFixed, formatMilli, formatPercentMilli } from '../../../worker/domain/format';
import { applyQuoteChange } from '../../../worker/domain/quote-change';
import { api, type BodyOf } from '../api';
import { getLang, t } from '../i18n';
import type { Draft, Field, HeaderField, Op, OpContext } from './editor-state';
import { fieldWord } from './field-words';

const lineLabel = (line: Pick<QuoteLineT, 'code' | 'title'>) => line.code || line.title;

/** A value as a person typed it: 3, not 3000 thousandths; 10 %, not 100. */
export function valueText(field: Field | HeaderField, value: string | number | null): string {
  if (value === null) return '—';
  if (typeof value === 'string') return `«${value}»`;
  if (field === 'hoursCenti') return formatFixed(value, 2, getLang());
  if (field === 'discountRateMilli' || field === 'vatRateMilli') return formatPercentMilli(value, getLang());
  return formatMilli(value, getLang());
}

/** A line's fields as PATCH …/lines/{lineId} takes them. */
type LineChanges = Omit<BodyOf<'PATCH /api/quotes/{id}/lines/{lineId}'>, 'version'>;
type NewLine = Omit<BodyOf<'POST /api/quotes/{id}/lines'>, 'version'>;
type PasteRow = BodyOf<'POST /api/quotes/{id}/lines/paste'>['rows'][number];

/** What POST …/lines needs to bring a removed line back as it was. */
function lineBody(line: QuoteLineT): NewLine {
  if (line.kind === 'section') return { kind: 'section', title: line.title };
  if (line.kind === 'item' && line.catalogItemId !== null) {
    return {
      catalogItemId: line.catalogItemId,
      title: line.title,
      quantityMilli: line.quantityMilli,
      kMilli: line.kMilli,
      ...(line.kReason ? { kReason: line.kReason } : {}),
      ...(line.note ? { note: line.note } : {}),
      ...(line.mode === 'estimate' && line.hoursCenti !== null ? { hoursCenti: line.hoursCenti } : {}),
    };
  }
  return {
    kind: 'free',
    title: line.title,
    quantityMilli: line.quantityMilli,
    hoursCenti: line.hoursCenti,
    kMilli: line.kMilli,
    ...(line.note ? { note: line.note } : {}),
  };
}

/** The row of a paste that brings a line back (the undo of removing pasted lines). */
function pasteRowOf(line: QuoteLineT): PasteRow {
  const row: PasteRow =
    line.catalogItemId !== null && line.kind === 'item'
      ? { code: line.code, catalogItemId: line.catalogItemId, title: line.title }
      : { title: line.title };
  row.quantityMilli = line.quantityMilli;
  if (line.hoursCenti !== null && line.mode === 'estimate') row.hoursCenti = line.hoursCenti;
  if (line.kind !== 'item' || line.kMilli !== line.baseKMilli) row.kMilli = line.kMilli;
  if (line.kReason) row.kReason = line.kReason;
  return row;
}

/**
 * A line write asks for its change only (`?answer=change`: the line, totals, order, version);
 * merged into the quote it was sent against — the one the server last answered — it is the
 * quote as it is now. A whole quote (a server that answers one) is taken as it is.
 */
const CHANGE = { answer: 'change' } as const;
const merged = (before: QuoteT, answer: QuoteOrChangeT): QuoteT => ('lines' in answer ? answer : applyQuoteChange(before, answer));

const added = (before: QuoteT, after: QuoteT) => after.lines.filter((l) => !before.lines.some((b) => b.id === l.id));

export function quoteOps(quoteId: number) {
  /** The nearest of `preceding` (nearest last) that is still in the quote, or null for the top. */
  function anchor(ctx: OpContext, preceding: number[]): number | null {
    for (let i = preceding.length - 1; i >= 0; i--) {
      const id = ctx.resolve(preceding[i]!);
      if (ctx.quote.lines.some((l) => l.id === id)) return id;
    }
    return null;
  }

  /** Lines just added at the end, moved to the top (the API adds after a line or at the end). */
  async function toTop(q: QuoteT, ids: number[]): Promise<QuoteT> {
    const rest = q.lines.map((l) => l.id).filter((id) => !ids.includes(id));
    if (rest.length === 0) return q;
    return api('POST /api/quotes/{id}/lines/reorder', {
      params: { id: quoteId },
      body: { version: q.version, lineIds: [...ids, ...rest] },
    });
  }

  function edit(line: QuoteLineT, changes: LineChanges): Op {
    const entries = Object.entries(changes) as [Field, string | number | null][];
    const drafts: Draft[] = entries.map(([field, value]) => ({ lineId: line.id, field, value }));
    return {
      label: `${lineLabel(line)} · ${entries.map(([f, v]) => `${fieldWord(f)}: ${valueText(f, v)}`).join(', ')}`,
      send: async (ctx) =>
        merged(
          ctx.quote,
          await api('PATCH /api/quotes/{id}/lines/{lineId}', {
            params: { id: quoteId, lineId: ctx.resolve(line.id) },
            query: CHANGE,
            body: { version: ctx.quote.version, ...changes },
          }),
        ),
      inverse: (before, _after, resolve) => {
        const was = before.lines.find((l) => l.id === resolve(line.id));
        if (!was) return null;
        const old = Object.fromEntries(entries.map(([f]) => [f, was[f]])) as LineChanges;
        return { ...edit(was, old), drafts: undefined };
      },
      drafts,
      target: { lineId: line.id, field: entries[0]![0] },
    };
  }

  function restore(line: QuoteLineT, preceding: number[]): Op {
    return {
      label: `${lineLabel(line)} · ${t('restoringLine')}`,
      send: async (ctx) => {
        const after = anchor(ctx, preceding);
        const q = merged(
          ctx.quote,
          await api('POST /api/quotes/{id}/lines', {
            params: { id: quoteId },
            query: CHANGE,
            body: { version: ctx.quote.version, ...lineBody(line), ...(after ? { afterLineId: after } : {}) },
          }),
        );
        return after === null
          ? toTop(
              q,
              added(ctx.quote, q).map((l) => l.id),
            )
          : q;
      },
      restores: (before, after) => added(before, after).map((l) => [line.id, l.id]),
      inverse: () => remove(line),
    };
  }

  function remove(line: QuoteLineT): Op {
    return {
      label: `${lineLabel(line)} · ${t('removal')}`,
      send: async (ctx) =>
        merged(
          ctx.quote,
          await api('DELETE /api/quotes/{id}/lines/{lineId}', {
            params: { id: quoteId, lineId: ctx.resolve(line.id) },
            query: { version: ctx.quote.version, ...CHANGE },
          }),
        ),
      inverse: (before, _after, resolve) => {
        const index = before.lines.findIndex((l) => l.id === resolve(line.id));
        if (index < 0) return null;
        return restore(
          { ...before.lines[index]!, id: line.id },
          before.lines.slice(0, index).map((l) => l.id),
        );
      },
      removes: [line.id],
    };
  }

  function add(label: string, body: Record<string, unknown>): Op {
    return {
      label,
      send: async (ctx) =>
        merged(
          ctx.quote,
          await api('POST /api/quotes/{id}/lines', {
            params: { id: quoteId },
            query: CHANGE,
            body: { version: ctx.quote.version, ...body },
          }),
        ),
      inverse: (before, after) => {
        const line = added(before, after)[0];
        return line ? remove(line) : null;
      },
    };
  }

  function move(line: QuoteLineT, direction: 'up' | 'down'): Op {
    return {
      label: `${lineLabel(line)} · ${t('moving')}`,
      send: async (ctx) =>
        merged(
          ctx.quote,
          await api('POST /api/quotes/{id}/lines/{lineId}/move', {
            params: { id: quoteId, lineId: ctx.resolve(line.id) },
            query: CHANGE,
            body: { version: ctx.quote.version, direction },
          }),
        ),
      // Moving the first line up changes nothing: nothing to undo then.
      inverse: (before, after) =>
        before.lines.map((l) => l.id).join() === after.lines.map((l) => l.id).join()
          ? null
          : move(line, direction === 'up' ? 'down' : 'up'),
    };
  }

  /** Rows of a paste, after a line or at the end; undone by removing them all in one write. */
  function paste(rows: Record<string, unknown>[], afterLineId?: number, restoring?: QuoteLineT[], preceding?: number[]): Op {
    return {
      label: t('pastingRows', { count: rows.length }),
      send: async (ctx) => {
        const after = preceding ? anchor(ctx, preceding) : afterLineId !== undefined ? ctx.resolve(afterLineId) : null;
        const q = await api('POST /api/quotes/{id}/lines/paste', {
          params: { id: quoteId },
          body: { version: ctx.quote.version, rows, ...(after ? { afterLineId: after } : {}) },
        });
        return preceding && after === null
          ? toTop(
              q,
              added(ctx.quote, q).map((l) => l.id),
            )
          : q;
      },
      restores: restoring ? (before, after) => added(before, after).map((l, i) => [restoring[i]?.id ?? l.id, l.id]) : undefined,
      inverse: (before, after) => {
        const lines = added(before, after);
        return lines.length
          ? removeMany(
              lines.map((l, i) => ({ ...l, id: restoring?.[i]?.id ?? l.id })),
              before,
            )
          : null;
      },
    };
  }

  /** Removes lines in one write; undone by pasting them back where they were. */
  function removeMany(lines: QuoteLineT[], context: QuoteT): Op {
    const first = context.lines.length;
    const preceding = context.lines.slice(0, first).map((l) => l.id);
    return {
      label: t('removingLines', { count: lines.length }),
      send: (ctx) =>
        api('POST /api/quotes/{id}/lines/delete', {
          params: { id: quoteId },
          body: { version: ctx.quote.version, lineIds: lines.map((l) => ctx.resolve(l.id)) },
        }),
      removes: lines.map((l) => l.id),
      inverse: (before, _after, resolve) => {
        const ids = lines.map((l) => resolve(l.id));
        const now = before.lines.filter((l) => ids.includes(l.id));
        const top = before.lines.findIndex((l) => ids.includes(l.id));
        const above = (top < 0 ? preceding : before.lines.slice(0, top).map((l) => l.id)).filter((id) => !ids.includes(id));
        const restoring = now.map((l) => ({ ...l, id: lines[ids.indexOf(l.id)]!.id }));
        return paste(now.map(pasteRowOf), undefined, restoring, above);
      },
    };
  }

  function header(label: string, changes: Partial<Record<string, unknown>>, drafts?: Draft[]): Op {
    const keys = Object.keys(changes);
    const first = keys[0];
    return {
      label,
      send: (ctx) => api('PATCH /api/quotes/{id}', { params: { id: quoteId }, body: { version: ctx.quote.version, ...changes } }),
      inverse: (before) => header(label, Object.fromEntries(keys.map((k) => [k, (before as unknown as Record<string, unknown>)[k]]))),
      drafts,
      target: first === 'discountRateMilli' || first === 'vatRateMilli' ? { lineId: null, field: first } : undefined,
    };
  }

  return { edit, remove, add, move, paste, header };
}

export type QuoteOps = ReturnType<typeof quoteOps>;
