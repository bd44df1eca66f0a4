/**
 * The quote editor's state: the quote as the server last answered, edits waiting to be
 * saved (shown at once, priced by the same module as the server), one write at a time in
 * order, an undo stack, and conflicts that keep every typed value until the person decides.
 */
import { useCallback, useMemo, useRef, useState } from 'preact/hooks';
import type { AuditEntryT, QuoteT } from '../../../schema/api';
import { priceLines, sectionsOf, type LineRecord } from '../../../worker/domain/quote';
import { ApiError, get } from '../api';

export type Field = 'quantityMilli' | 'hoursCenti' | 'kMilli' | 'title' | 'kReason' | 'note';

export interface Draft {
  lineId: number;
  field: Field;
  value: string | number | null;
}

export interface Op {
  /** Said to a person when the write could not be applied: «2.5 · часы: 12,5». */
  label: string;
  send(version: number): Promise<QuoteT>;
  /** What undoes this write, computed from the quote before and after it. */
  inverse?(before: QuoteT, after: QuoteT): Op | null;
  drafts?: Draft[];
}

export interface Conflict {
  pending: Op[];
  by: AuditEntryT | null;
}

export type SaveState = 'idle' | 'saving' | 'saved' | 'error';

/** The quote with pending edits applied and re-priced: what the screen shows while typing. */
export function withDrafts(quote: QuoteT, drafts: readonly Draft[]): QuoteT {
  if (drafts.length === 0) return quote;
  const lines = quote.lines.map((line) => {
    let l: LineRecord = line;
    for (const d of drafts) if (d.lineId === line.id) l = { ...l, [d.field]: d.value } as LineRecord;
    return l;
  });
  const priced = priceLines(lines, quote);
  return { ...quote, lines: priced.lines as QuoteT['lines'], totals: priced.totals, sections: sectionsOf(priced.lines) };
}

export function useQuoteEditor(initial: QuoteT, onError: (e: unknown) => void) {
  const [quote, setQuote] = useState<QuoteT>(initial);
  const [drafts, setDrafts] = useState<Draft[]>([]);
  const [saveState, setSaveState] = useState<SaveState>('idle');
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [undoCount, setUndoCount] = useState(0);
  const current = useRef(initial);
  const queue = useRef<{ op: Op; undoable: boolean }[]>([]);
  const undoStack = useRef<Op[]>([]);
  const running = useRef(false);
  const blocked = useRef(false);

  const accept = useCallback((q: QuoteT) => {
    current.current = q;
    setQuote(q);
  }, []);

  const dropDrafts = useCallback((op: Op) => {
    if (!op.drafts?.length) return;
    setDrafts((ds) => ds.filter((d) => !op.drafts!.includes(d)));
  }, []);

  const pump = useCallback(async () => {
    if (running.current || blocked.current) return;
    running.current = true;
    setSaveState('saving');
    let failed = false;
    while (queue.current.length && !blocked.current) {
      const { op, undoable } = queue.current[0]!;
      const before = current.current;
      try {
        const after = await op.send(before.version);
        queue.current.shift();
        accept(after);
        dropDrafts(op);
        if (undoable && op.inverse) {
          const inverse = op.inverse(before, after);
          if (inverse) {
            undoStack.current.push(inverse);
            setUndoCount(undoStack.current.length);
          }
        }
      } catch (error) {
        if (error instanceof ApiError && error.code === 'version_conflict') {
          // Someone else saved first: stop, keep every pending edit, and ask.
          blocked.current = true;
          const pending = queue.current.map((x) => x.op);
          queue.current = [];
          const audit = await get<AuditEntryT[]>(`/api/quotes/${before.id}/audit`).catch(() => []);
          // The newest entry after what we last saw is the change that beat ours.
          const by = audit[0] && audit[0].at >= before.updatedAt ? audit[0] : null;
          setConflict({ pending, by });
          break;
        }
        queue.current.shift();
        dropDrafts(op);
        failed = true;
        onError(error);
      }
    }
    running.current = false;
    setSaveState(blocked.current ? 'error' : failed ? 'error' : 'saved');
  }, [accept, dropDrafts, onError]);

  const perform = useCallback(
    (op: Op, undoable = true) => {
      if (op.drafts?.length) setDrafts((ds) => [...ds, ...op.drafts!]);
      queue.current.push({ op, undoable });
      void pump();
    },
    [pump],
  );

  const undo = useCallback(() => {
    const op = undoStack.current.pop();
    setUndoCount(undoStack.current.length);
    if (op) perform(op, false);
  }, [perform]);

  /** After a conflict: load the other person's version, then re-apply ours (or not). */
  const resolve = useCallback(
    async (keepMine: boolean) => {
      const pending = conflict?.pending ?? [];
      const fresh = await get<QuoteT>(`/api/quotes/${current.current.id}`);
      accept(fresh);
      undoStack.current = [];
      setUndoCount(0);
      blocked.current = false;
      setConflict(null);
      if (!keepMine) {
        setDrafts([]);
        setSaveState('idle');
        return;
      }
      for (const op of pending) queue.current.push({ op, undoable: true });
      void pump();
    },
    [accept, conflict, pump],
  );

  const replace = useCallback(
    (q: QuoteT) => {
      accept(q);
      undoStack.current = [];
      setUndoCount(0);
    },
    [accept],
  );

  const shown = useMemo(() => withDrafts(quote, drafts), [quote, drafts]);
  return { quote, shown, drafts, saveState, conflict, perform, undo, canUndo: undoCount > 0, resolve, replace, current };
}
