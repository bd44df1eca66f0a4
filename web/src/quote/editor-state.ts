/**
 * The quote editor's state: the quote as the server last answered, edits waiting to be saved
 * (shown at once, priced by the same module as the server), one write at a time in order,
 * undo and redo, and failures that never lose what was typed:
 *   - a write that could not reach the server (network, 5xx) pauses the queue and offers
 *     «Повторить»; the typed values stay on screen;
 *   - a write the server refused (4xx) is dropped, and the refusal is said next to its cell;
 *   - a conflict (someone else saved first) keeps every pending edit until the person decides.
 * Lines re-created by an undo get new ids: `resolve` maps an old id to the current one, so
 * the operations further down the undo stack still find their line.
 */
import { useCallback, useMemo, useRef, useState } from 'preact/hooks';
import type { AuditEntryT, QuoteT } from '../../../schema/api';
import { priceLines, sectionsOf, type LineRecord } from '../../../worker/domain/quote';
import { api, ApiError } from '../api';
import { managerMessage } from './errors';

export type Field = 'quantityMilli' | 'hoursCenti' | 'kMilli' | 'title' | 'kReason' | 'note';
export type HeaderField = 'discountRateMilli' | 'vatRateMilli';

/** A value typed but not saved yet: a line's field, or (lineId null) a header field. */
export type Draft = { lineId: number; field: Field; value: string | number | null } | { lineId: null; field: HeaderField; value: number };

export interface OpContext {
  /** The quote as the server last answered (its version is the one to send). */
  quote: QuoteT;
  /** The current id of a line that an undo may have re-created under a new id. */
  resolve(lineId: number): number;
}

export interface Op {
  /** Said to a person when the write could not be applied: «2.5 · часы: 12,5». */
  label: string;
  send(ctx: OpContext): Promise<QuoteT>;
  /** What undoes this write, from the quote just before and just after it. */
  inverse?(before: QuoteT, after: QuoteT, resolve: (id: number) => number): Op | null;
  /** Lines this write brings back under new ids: [old id, new id]. */
  restores?(before: QuoteT, after: QuoteT): [number, number][];
  drafts?: Draft[];
  /** Lines hidden at once, before the server confirms their removal. */
  removes?: number[];
  /** Where a refusal is said: the cell of this line and field. */
  target?: { lineId: number; field: Field } | { lineId: null; field: HeaderField };
}

type Step = { kind: 'do'; op: Op } | { kind: 'undo' } | { kind: 'redo' } | { kind: 'again'; op: Op; from: 'undo' | 'redo' | 'do' };

export interface Conflict {
  pending: Op[];
  by: AuditEntryT | null;
}

export interface Refusal {
  message: string;
  target: Op['target'] | null;
}

export type SaveState = 'idle' | 'saving' | 'saved' | 'paused';

/** The quote with pending edits applied and re-priced: what the screen shows while typing. */
export function withDrafts(quote: QuoteT, drafts: readonly Draft[], removed: ReadonlySet<number> = new Set()): QuoteT {
  if (drafts.length === 0 && removed.size === 0) return quote;
  const head = { ...quote };
  for (const d of drafts) if (d.lineId === null) head[d.field] = d.value;
  const lines = quote.lines
    .filter((line) => !removed.has(line.id))
    .map((line) => {
      let l: LineRecord = line;
      for (const d of drafts) if (d.lineId === line.id) l = { ...l, [d.field]: d.value } as LineRecord;
      return l;
    });
  const priced = priceLines(lines, head);
  return { ...head, lines: priced.lines as QuoteT['lines'], totals: priced.totals, sections: sectionsOf(priced.lines) };
}

const retriable = (e: unknown) => !(e instanceof ApiError) || e.status === 0 || e.status >= 500 || e.status === 429;

export function useQuoteEditor(initial: QuoteT) {
  const [quote, setQuote] = useState<QuoteT>(initial);
  const [drafts, setDrafts] = useState<Draft[]>([]);
  const [removed, setRemoved] = useState<ReadonlySet<number>>(new Set());
  const [saveState, setSaveState] = useState<SaveState>('idle');
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [stacks, setStacks] = useState({ undo: 0, redo: 0, queued: 0 });
  const current = useRef(initial);
  const queue = useRef<Step[]>([]);
  const undoStack = useRef<Op[]>([]);
  const redoStack = useRef<Op[]>([]);
  const remap = useRef(new Map<number, number>());
  const running = useRef(false);
  const blocked = useRef(false);
  /** Called with each applied write: the op, the quote before and after. */
  const listeners = useRef(new Set<(op: Op, before: QuoteT, after: QuoteT) => void>());

  const resolve = useCallback((id: number) => {
    let seen = 0;
    while (remap.current.has(id) && seen++ < 1000) id = remap.current.get(id)!;
    return id;
  }, []);

  const publish = useCallback(() => {
    setStacks({ undo: undoStack.current.length, redo: redoStack.current.length, queued: queue.current.length });
  }, []);

  const release = useCallback((op: Op) => {
    if (op.drafts?.length) setDrafts((ds) => ds.filter((d) => !op.drafts!.includes(d)));
    if (op.removes?.length) setRemoved((r) => new Set([...r].filter((id) => !op.removes!.includes(id))));
  }, []);

  const pump = useCallback(async () => {
    if (running.current || blocked.current) return;
    running.current = true;
    setSaveState('saving');
    while (queue.current.length && !blocked.current) {
      const step = queue.current[0]!;
      let op: Op;
      let from: 'do' | 'undo' | 'redo';
      if (step.kind === 'undo' || step.kind === 'redo') {
        const stack = step.kind === 'undo' ? undoStack.current : redoStack.current;
        const next = stack.pop();
        if (!next) {
          queue.current.shift();
          publish();
          continue;
        }
        // Kept at the head as "again" so that a retry after a failure sends the same write.
        op = next;
        from = step.kind;
        queue.current[0] = { kind: 'again', op, from };
        if (op.removes?.length) setRemoved((r) => new Set([...r, ...op.removes!]));
      } else {
        op = step.op;
        from = step.kind === 'again' ? step.from : 'do';
      }
      const before = current.current;
      try {
        const after = await op.send({ quote: before, resolve });
        if (after.id !== before.id) throw new Error(`a write for quote ${before.id} answered quote ${after.id}`);
        queue.current.shift();
        current.current = after;
        setQuote(after);
        release(op);
        try {
          // The write is done: nothing below may send it again, whatever happens here.
          for (const [oldId, newId] of op.restores?.(before, after) ?? []) if (oldId !== newId) remap.current.set(oldId, newId);
          const inverse = op.inverse?.(before, after, resolve) ?? null;
          if (inverse) (from === 'undo' ? redoStack.current : undoStack.current).push(inverse);
          if (from === 'do') redoStack.current = [];
          for (const l of listeners.current) l(op, before, after);
        } catch (e) {
          console.error('after a saved change', e);
        }
        publish();
      } catch (error) {
        if (error instanceof ApiError && error.code === 'version_conflict') {
          // Someone else saved first: stop, keep every pending edit, and ask.
          blocked.current = true;
          const pending = queue.current.flatMap((s) => (s.kind === 'do' || s.kind === 'again' ? [s.op] : []));
          queue.current = [];
          const audit = await api('GET /api/quotes/{id}/audit', { params: { id: before.id } }).catch(() => []);
          // The newest entry after what we last saw is the change that beat ours.
          const by = audit[0] && audit[0].at >= before.updatedAt ? audit[0] : null;
          setConflict({ pending, by });
          break;
        }
        if (retriable(error)) {
          // Not reached or not answered: keep the write and everything typed; the person retries.
          blocked.current = true;
          setFailure(managerMessage(error));
          break;
        }
        // Refused for good: drop this write, say why next to its cell, go on with the rest.
        queue.current.shift();
        release(op);
        setRefusal({ message: managerMessage(error), target: op.target ?? null });
        publish();
      }
    }
    running.current = false;
    publish();
    setSaveState(blocked.current ? 'paused' : 'saved');
  }, [publish, release, resolve]);

  const perform = useCallback(
    (op: Op) => {
      setRefusal(null);
      if (op.drafts?.length) setDrafts((ds) => [...ds, ...op.drafts!]);
      if (op.removes?.length) setRemoved((r) => new Set([...r, ...op.removes!]));
      queue.current.push({ kind: 'do', op });
      publish();
      void pump();
    },
    [pump, publish],
  );

  /** Undo and redo wait their turn behind the writes already queued. */
  const history = useCallback(
    (kind: 'undo' | 'redo') => {
      setRefusal(null);
      queue.current.push({ kind });
      publish();
      void pump();
    },
    [pump, publish],
  );

  /** After a failed write: send it again (and what waits behind it). */
  const retry = useCallback(() => {
    blocked.current = false;
    setFailure(null);
    void pump();
  }, [pump]);

  /** After a failed write: give it up (its typed values go), and send what waits behind it. */
  const discard = useCallback(() => {
    const step = queue.current.shift();
    if (step && (step.kind === 'do' || step.kind === 'again')) release(step.op);
    blocked.current = false;
    setFailure(null);
    publish();
    void pump();
  }, [pump, publish, release]);

  /** After a conflict: load the other person's version, then re-apply ours (or not). */
  const resolveConflict = useCallback(
    async (keepMine: boolean) => {
      const pending = conflict?.pending ?? [];
      const fresh = await api('GET /api/quotes/{id}', { params: { id: current.current.id } });
      current.current = fresh;
      setQuote(fresh);
      undoStack.current = [];
      redoStack.current = [];
      blocked.current = false;
      setConflict(null);
      if (!keepMine) {
        setDrafts([]);
        setRemoved(new Set());
        publish();
        setSaveState('idle');
        return;
      }
      for (const op of pending) queue.current.push({ kind: 'do', op });
      publish();
      void pump();
    },
    [conflict, publish, pump],
  );

  const replace = useCallback(
    (q: QuoteT) => {
      current.current = q;
      setQuote(q);
      undoStack.current = [];
      redoStack.current = [];
      publish();
    },
    [publish],
  );

  const onApplied = useCallback((listener: (op: Op, before: QuoteT, after: QuoteT) => void) => {
    listeners.current.add(listener);
    return () => void listeners.current.delete(listener);
  }, []);

  const shown = useMemo(() => withDrafts(quote, drafts, removed), [quote, drafts, removed]);
  const pendingUndo = queue.current.filter((s) => s.kind === 'undo').length;
  const pendingDo = queue.current.filter((s) => s.kind === 'do').length;
  const pendingRedo = queue.current.filter((s) => s.kind === 'redo').length;
  const busy = stacks.queued > 0 || drafts.length > 0;
  return {
    quote,
    shown,
    drafts,
    saveState,
    busy,
    conflict,
    failure,
    refusal,
    clearRefusal: () => setRefusal(null),
    perform,
    undo: () => history('undo'),
    redo: () => history('redo'),
    canUndo: stacks.undo + pendingDo - pendingUndo > 0,
    canRedo: stacks.redo > pendingRedo,
    retry,
    discard,
    resolveConflict,
    replace,
    onApplied,
    current,
  };
}
