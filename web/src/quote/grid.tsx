/**
 * The quote grid: a small accessible spreadsheet (WAI-ARIA grid pattern) written for this
 * product rather than taken from a grid library — the cells, rules and keys are few and
 * specific (fixed hours, K with a reason, headings, a catalog combobox). It is ONE Tab stop:
 * the active cell (or the «add a line» box) holds tabindex 0, everything else -1. Keys:
 *   arrows, Home/End (Ctrl: first/last row), PageUp/PageDown move · Tab leaves the grid ·
 *   Enter/F2 edit with the caret at the end · typing replaces the cell · in an edit, Enter
 *   saves and goes down, Tab saves and goes right, Esc cancels · Delete clears hours ·
 *   Alt+↑/↓ moves the line · Ctrl+Delete removes it · Ctrl+Z undoes, Ctrl+Y redoes ·
 *   Ctrl+V pastes rows from a spreadsheet or a price list.
 * The focus never falls to <body>: when the focused row goes (removed, undone), the focus
 * moves to the row that took its place.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { CatalogItemT, QuoteLineT, QuoteT } from '../../../schema/api';
import { getLang, t } from '../i18n';
import { CatalogCombobox } from './catalog-combobox';
import { CellEditor, CellMessage } from './cell-editor';
import type { Field, Refusal } from './editor-state';
import { COLUMNS, TITLE_COL, editText, fieldOf, parseCell } from './grid-columns';
import { GridRow } from './grid-row';

export interface GridHandlers {
  /** 'held' when the change waits for the person (a K that needs a reason): the focus stays. */
  // biome-ignore lint/suspicious/noConfusingVoidType: most edits answer nothing; 'held' keeps the cell editor open
  onEdit(line: QuoteLineT, field: Field, value: string | number | null): void | 'held';
  onLive(line: QuoteLineT, field: Field, value: number | null): void;
  onAddItem(item: CatalogItemT): void;
  onAddFree(title: string): void;
  onDelete(line: QuoteLineT): void;
  onMove(line: QuoteLineT, direction: 'up' | 'down'): void;
  onPaste(text: string): void;
  onUndo(): void;
  onRedo(): void;
  onFocusLine(line: QuoteLineT | null): void;
  onHighlightItem(item: CatalogItemT | null): void;
}

export interface GridHandle {
  /** Puts the focus back on the active cell (after a dialog). */
  focus(): void;
  focusAdd(): void;
}

const PAGE_ROWS = 10;
const ADD = -1;

type Editing = { lineId: number; col: number; text: string; error: string | null };

export function QuoteGrid(props: {
  quote: QuoteT;
  editable: boolean;
  catalog: CatalogItemT[];
  handlers: GridHandlers;
  refusal: Refusal | null;
  fresh: ReadonlySet<number>;
  handle: { current: GridHandle | null };
}) {
  const { quote, editable, handlers } = props;
  const lines = quote.lines;
  const rowCount = lines.length + (editable ? 1 : 0); // the last row adds a line
  const [active, setActive] = useState<{ id: number; index: number; col: number }>(() => ({
    id: lines[0]?.id ?? ADD,
    index: 0,
    col: TITLE_COL,
  }));
  const [editing, setEditing] = useState<Editing | null>(null);
  const [note, setNote] = useState<{ lineId: number; col: number; text: string } | null>(null);
  const cells = useRef(new Map<string, HTMLElement>());
  const table = useRef<HTMLTableElement>(null);
  const addInput = useRef<HTMLInputElement>(null);
  /** The grid had the focus last: if it falls to <body>, it comes back to the active cell. */
  const ownsFocus = useRef(false);
  /** A key moved the active cell: the focus follows it on the next render. */
  const follow = useRef(false);
  const editingRef = useRef(editing);
  editingRef.current = editing;

  // The active row, by line id: when that line goes, the row that took its place.
  let row = active.id === ADD ? lines.length : lines.findIndex((l) => l.id === active.id);
  if (row < 0) row = Math.min(active.index, Math.max(0, rowCount - 1));
  if (!editable && row >= lines.length) row = Math.max(0, lines.length - 1);
  const col = row >= lines.length ? TITLE_COL : active.col;
  const activeLine = lines[row] ?? null;
  const editRow = editing ? lines.findIndex((l) => l.id === editing.lineId) : -1;

  useEffect(() => {
    handlers.onFocusLine(activeLine);
  }, [activeLine?.id, quote.version]);

  function focusActive() {
    if (row >= lines.length && editable) addInput.current?.focus();
    else cells.current.get(`${row}:${col}`)?.focus();
  }

  props.handle.current = {
    focus: () => {
      ownsFocus.current = true;
      focusActive();
    },
    focusAdd: () => {
      ownsFocus.current = true;
      setActive({ id: ADD, index: lines.length, col: TITLE_COL });
      follow.current = true;
      addInput.current?.focus();
    },
  };

  useLayoutEffect(() => {
    if (editing && editRow >= 0) return;
    if (editing) setEditing(null); // its line went away
    const focused = document.activeElement;
    const lost = !focused || focused === document.body || !focused.isConnected;
    if (follow.current || (ownsFocus.current && lost)) {
      follow.current = false;
      focusActive();
    }
  });

  useEffect(() => {
    const away = (e: MouseEvent) => {
      if (!table.current?.contains(e.target as Node)) ownsFocus.current = false;
    };
    document.addEventListener('mousedown', away, true);
    return () => document.removeEventListener('mousedown', away, true);
  }, []);

  function move(r: number, c: number) {
    const nr = Math.max(0, Math.min(rowCount - 1, r));
    const nc = Math.max(0, Math.min(COLUMNS.length - 1, c));
    follow.current = true;
    setNote(null);
    setActive(nr >= lines.length ? { id: ADD, index: nr, col: TITLE_COL } : { id: lines[nr]!.id, index: nr, col: nc });
  }

  const canEdit = (r: number, c: number) => editable && !!lines[r] && COLUMNS[c]!.editable(lines[r]!);

  function startEdit(r: number, c: number, initial?: string) {
    const line = lines[r];
    if (!line || !canEdit(r, c)) return;
    setNote(null);
    setEditing({ lineId: line.id, col: c, text: initial ?? editText(line, COLUMNS[c]!.key), error: null });
  }

  /** Hands the typed value to the editor, which decides whether it is a change. */
  function commit(then?: (r: number, c: number) => void, onInvalid: 'stay' | 'note' = 'stay'): boolean {
    const current = editingRef.current;
    if (!current) return true;
    const r = lines.findIndex((l) => l.id === current.lineId);
    const line = lines[r];
    const parsed = parseCell(COLUMNS[current.col]!, current.text);
    if (!parsed.ok) {
      if (onInvalid === 'stay') {
        setEditing({ ...current, error: parsed.error });
        return false;
      }
      // Left by a click elsewhere: nothing is saved, and the cell says so.
      editingRef.current = null;
      setEditing(null);
      if (line) handlers.onLive(line, fieldOf(current.col), null);
      setNote({ lineId: current.lineId, col: current.col, text: t('cellNotSaved', { text: current.text, error: parsed.error }) });
      return false;
    }
    editingRef.current = null;
    setEditing(null);
    const held = line ? handlers.onEdit(line, fieldOf(current.col), parsed.value) === 'held' : false;
    follow.current = true;
    if (!held) then?.(r, current.col);
    return true;
  }

  function cancel() {
    const current = editingRef.current;
    const line = current && lines.find((l) => l.id === current.lineId);
    if (line && COLUMNS[current.col]!.numeric) handlers.onLive(line, fieldOf(current.col), null);
    editingRef.current = null;
    follow.current = true;
    setEditing(null);
  }

  function onEditorKey(e: KeyboardEvent) {
    // The grid must never see a key that an edit used (Enter would open the next cell).
    e.stopPropagation();
    if (e.key === 'Enter') {
      e.preventDefault();
      commit((r, c) => move(r + (e.shiftKey ? -1 : 1), c));
    } else if (e.key === 'Tab') {
      e.preventDefault();
      commit((r, c) => (e.shiftKey ? move(r, c - 1) : c + 1 < COLUMNS.length ? move(r, c + 1) : move(r + 1, TITLE_COL)));
    } else if (e.key === 'Escape') {
      e.preventDefault();
      cancel();
    } else if ((e.key === 'ArrowUp' || e.key === 'ArrowDown') && COLUMNS[editingRef.current?.col ?? 0]!.numeric) {
      e.preventDefault();
      commit((r, c) => move(r + (e.key === 'ArrowUp' ? -1 : 1), c));
    }
  }

  function onGridKey(e: KeyboardEvent) {
    const target = e.target as HTMLElement;
    if (editingRef.current || target.classList.contains('cell-input')) return;
    const mod = e.ctrlKey || e.metaKey;
    const inAddBox = !!target.closest('.grid-add');
    // Ctrl+Z / Ctrl+Y (any keyboard layout), also from the empty «add» box.
    if (mod && !e.altKey && (e.code === 'KeyZ' || e.code === 'KeyY')) {
      if (inAddBox && (target as HTMLInputElement).value) return;
      e.preventDefault();
      setNote(null);
      if (e.code === 'KeyY' || e.shiftKey) handlers.onRedo();
      else handlers.onUndo();
      return;
    }
    if (inAddBox) return;
    const line = lines[row];
    if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown') && line && editable) {
      e.preventDefault();
      handlers.onMove(line, e.key === 'ArrowUp' ? 'up' : 'down');
      move(row + (e.key === 'ArrowUp' ? -1 : 1), col);
      return;
    }
    if (mod && (e.key === 'Delete' || e.key === 'Backspace') && line && editable) {
      e.preventDefault();
      ownsFocus.current = true;
      // The focus stays on this row index: the next line moves up into it.
      setActive({ id: lines[row + 1]?.id ?? ADD, index: row, col });
      follow.current = true;
      handlers.onDelete(line);
      return;
    }
    const keys: Record<string, () => void> = {
      ArrowUp: () => move(row - 1, col),
      ArrowDown: () => move(row + 1, col),
      ArrowLeft: () => move(row, col - 1),
      ArrowRight: () => move(row, col + 1),
      Home: () => (mod ? move(0, col) : move(row, 0)),
      End: () => (mod ? move(rowCount - 1, col) : move(row, COLUMNS.length - 1)),
      PageUp: () => move(row - PAGE_ROWS, col),
      PageDown: () => move(row + PAGE_ROWS, col),
      Enter: () => startEdit(row, col),
      F2: () => startEdit(row, col),
    };
    if (keys[e.key] && !e.altKey) {
      e.preventDefault();
      keys[e.key]!();
      return;
    }
    if ((e.key === 'Delete' || e.key === 'Backspace') && line && COLUMNS[col]!.key === 'hoursCenti' && canEdit(row, col)) {
      e.preventDefault();
      handlers.onEdit(line, 'hoursCenti', null);
      return;
    }
    if (e.key.length === 1 && !mod && !e.altKey && canEdit(row, col)) {
      e.preventDefault();
      startEdit(row, col, e.key);
    }
  }

  function onGridPaste(e: ClipboardEvent) {
    if (editingRef.current || !editable || e.defaultPrevented) return; // the add box may have taken it already
    if ((e.target as HTMLElement).closest('input, textarea')) return; // one value into a box: the browser pastes it
    const text = e.clipboardData?.getData('text/plain') ?? '';
    if (!text.trim()) return;
    e.preventDefault();
    handlers.onPaste(text);
  }

  const refusal = props.refusal?.target && props.refusal.target.lineId !== null ? props.refusal : null;
  const lang = getLang();
  return (
    <div class="grid-wrap">
      <table
        ref={table}
        class="qgrid"
        role="grid"
        aria-label={t('quoteLines')}
        aria-rowcount={rowCount + 1}
        aria-colcount={COLUMNS.length}
        onKeyDown={onGridKey as never}
        onPaste={onGridPaste as never}
        onFocusIn={() => (ownsFocus.current = true)}
        onFocusOut={(e) => {
          const to = e.relatedTarget as Node | null;
          if (to && !(e.currentTarget as HTMLElement).contains(to)) ownsFocus.current = false;
        }}
      >
        <colgroup>
          <col class="c-code" />
          <col class="c-title" />
          <col class="c-qty" />
          <col class="c-hours" />
          <col class="c-k" />
          <col class="c-nh" />
          <col class="c-amount" />
          {editable && <col class="c-actions" />}
        </colgroup>
        <thead>
          <tr role="row" aria-rowindex={1}>
            {COLUMNS.map((c, i) => (
              <th key={c.key} role="columnheader" aria-colindex={i + 1} class={c.numeric ? 'num' : ''} scope="col">
                {c.label()}
              </th>
            ))}
            {editable && (
              <th>
                <span class="sr-only">{t('lineActions')}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {lines.map((line, r) => (
            <GridRow
              key={line.id}
              line={line}
              r={r}
              activeCol={r === row ? col : null}
              editable={editable}
              currency={quote.currency}
              fresh={props.fresh.has(line.id)}
              editingCol={editRow === r ? editing!.col : null}
              canEdit={(c) => canEdit(r, c)}
              cellRef={(c, el) => el && cells.current.set(`${r}:${c}`, el)}
              onCellMouseDown={(c) => {
                ownsFocus.current = true;
                if (editRow !== r || editing?.col !== c) setActive({ id: line.id, index: r, col: c });
              }}
              onCellDblClick={(c) => startEdit(r, c)}
              handlers={handlers}
              renderEditor={(c) => (
                <CellEditor
                  label={`${COLUMNS[c]!.label()}, ${line.code || line.title}`}
                  numeric={COLUMNS[c]!.numeric}
                  text={editing!.text}
                  error={editing!.error}
                  errorId={`cell-error-${line.id}`}
                  onText={(text) => {
                    setEditing({ ...editing!, text, error: null });
                    if (COLUMNS[c]!.numeric) {
                      const parsed = parseCell(COLUMNS[c]!, text);
                      handlers.onLive(line, fieldOf(c), parsed.ok ? (parsed.value as number | null) : null);
                    }
                  }}
                  onKey={onEditorKey}
                  onBlur={() => commit(undefined, 'note')}
                />
              )}
              message={
                note?.lineId === line.id
                  ? { col: note.col, text: note.text }
                  : refusal?.target?.lineId === line.id
                    ? { col: COLUMNS.findIndex((x) => x.key === refusal.target!.field), text: refusal.message }
                    : null
              }
            />
          ))}
          {editable && (
            <tr role="row" aria-rowindex={lines.length + 2} class="grid-add-row">
              <td class="qcell code" role="gridcell" aria-colindex={1}>
                <span aria-hidden="true">+</span>
              </td>
              <td class="qcell grid-add" role="gridcell" aria-colindex={2} colSpan={COLUMNS.length}>
                <CatalogCombobox
                  inputRef={addInput}
                  catalog={props.catalog}
                  lang={lang}
                  tabIndex={row >= lines.length ? 0 : -1}
                  onPick={handlers.onAddItem}
                  onFree={handlers.onAddFree}
                  onPaste={handlers.onPaste}
                  onHighlight={handlers.onHighlightItem}
                  onLeaveUp={() => lines.length && move(lines.length - 1, TITLE_COL)}
                  onFocus={() => {
                    ownsFocus.current = true;
                    if (active.id !== ADD) setActive({ id: ADD, index: lines.length, col: TITLE_COL });
                  }}
                />
              </td>
            </tr>
          )}
        </tbody>
      </table>
      {lines.length === 0 && !editable && <p class="empty">{t('noLines')}</p>}
      {/* A cell's refusal whose line is gone (or that belongs to no line) is still said. */}
      {props.refusal && (!refusal || !lines.some((l) => l.id === refusal.target!.lineId)) && props.refusal.target?.lineId !== null && (
        <p class="note note-danger grid-refusal" role="alert">
          {props.refusal.message}
        </p>
      )}
    </div>
  );
}

export { CellMessage };
