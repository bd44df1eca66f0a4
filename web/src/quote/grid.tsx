/**
 * The quote grid: a small accessible spreadsheet (WAI-ARIA grid pattern) written for this
 * product rather than taken from a grid library — the cells, rules and keys are few and
 * specific (fixed hours, K with a reason, headings, a catalog combobox), and a general
 * library would cost more bytes than the whole UI. Keys:
 *   arrows, Tab/Shift+Tab, Home/End move · Enter/F2 or typing edits · Enter/Tab save and move ·
 *   Esc cancels · Delete clears hours · Alt+↑/↓ moves the line · Ctrl+Delete removes it ·
 *   Ctrl/Cmd+Z undoes · Ctrl/Cmd+V pastes rows from a spreadsheet (code, quantity, hours).
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { CatalogItemT, QuoteLineT, QuoteT } from '../../../schema/api';
import { searchCatalog } from '../../../worker/domain/catalog-search';
import { formatFixed, formatHours, formatMilli, formatMoney, parseFixed } from '../../../worker/domain/format';
import { Icon } from '../components/icons';
import { getLang, tr } from '../i18n';
import type { Field } from './editor-state';

type ColumnKey = 'code' | 'title' | 'quantityMilli' | 'hoursCenti' | 'kMilli' | 'normHoursCenti' | 'amountMinor';

interface Column {
  key: ColumnKey;
  label: () => string;
  numeric: boolean;
  editable(line: QuoteLineT): boolean;
  /** Decimal places of the value as typed (hours 2, quantity and K 3). */
  decimals?: number;
}

const COLUMNS: Column[] = [
  { key: 'code', label: () => tr('Код', 'Code'), numeric: false, editable: () => false },
  { key: 'title', label: () => tr('Услуга', 'Service'), numeric: false, editable: () => true },
  { key: 'quantityMilli', label: () => tr('Кол-во', 'Qty'), numeric: true, decimals: 3, editable: (l) => l.kind !== 'section' },
  { key: 'hoursCenti', label: () => tr('Часы', 'Hours'), numeric: true, decimals: 2, editable: (l) => l.kind !== 'section' && l.mode !== 'fixed' },
  { key: 'kMilli', label: () => 'K', numeric: true, decimals: 3, editable: (l) => l.kind !== 'section' },
  { key: 'normHoursCenti', label: () => tr('Нормо-ч', 'Norm-h'), numeric: true, editable: () => false },
  { key: 'amountMinor', label: () => tr('Сумма', 'Amount'), numeric: true, editable: () => false },
];
const TITLE_COL = 1;

export interface GridHandlers {
  onEdit(line: QuoteLineT, field: Field, value: string | number | null): void;
  onLive(line: QuoteLineT, field: Field, value: number | null): void;
  onAddItem(item: CatalogItemT): void;
  onAddFree(title: string): void;
  onDelete(line: QuoteLineT): void;
  onMove(line: QuoteLineT, direction: 'up' | 'down'): void;
  onPaste(text: string): void;
  onUndo(): void;
  onFocusLine(line: QuoteLineT | null): void;
  onHighlightItem(item: CatalogItemT | null): void;
}

function display(line: QuoteLineT, key: ColumnKey, currency: string): string {
  const lang = getLang();
  if (line.kind === 'section' && key !== 'title') return '';
  switch (key) {
    case 'code':
      return line.code;
    case 'title':
      return line.title;
    case 'quantityMilli':
      return formatMilli(line.quantityMilli, lang);
    case 'hoursCenti':
      return line.hoursCenti === null ? '' : formatFixed(line.hoursCenti, 2, lang);
    case 'kMilli':
      return formatMilli(line.kMilli, lang);
    case 'normHoursCenti':
      return line.normHoursCenti === null ? '—' : formatHours(line.normHoursCenti, lang);
    case 'amountMinor':
      return line.amountMinor === null ? '—' : formatMoney(line.amountMinor, currency, lang);
  }
}

function editText(line: QuoteLineT, key: ColumnKey): string {
  if (key === 'title') return line.title;
  if (key === 'quantityMilli' || key === 'hoursCenti' || key === 'kMilli') return display(line, key, '');
  return '';
}

export function QuoteGrid({ quote, editable, catalog, handlers }: { quote: QuoteT; editable: boolean; catalog: CatalogItemT[]; handlers: GridHandlers }) {
  const lines = quote.lines;
  const rowCount = lines.length + (editable ? 1 : 0); // the last row adds a line
  const [active, setActive] = useState({ row: 0, col: TITLE_COL });
  const [editing, setEditing] = useState<{ row: number; col: number; text: string; error: string | null } | null>(null);
  const cells = useRef(new Map<string, HTMLElement>());
  const focusWithin = useRef(false);
  /** Set when a key finished an edit: the next render puts the focus back on a cell. */
  const refocus = useRef(false);
  const addInput = useRef<HTMLInputElement>(null);

  // Keep the active cell inside the grid as lines come and go.
  const row = Math.min(active.row, Math.max(0, rowCount - 1));
  const col = active.col;
  const activeLine = row < lines.length ? lines[row]! : null;

  useEffect(() => {
    handlers.onFocusLine(activeLine);
  }, [activeLine?.id, quote.version]);

  useLayoutEffect(() => {
    if ((!focusWithin.current && !refocus.current) || editing) return;
    refocus.current = false;
    focusWithin.current = true;
    if (row === lines.length && editable) addInput.current?.focus();
    else cells.current.get(`${row}:${col}`)?.focus();
  }, [row, col, editing, lines.length]);

  function move(r: number, c: number) {
    const nr = Math.max(0, Math.min(rowCount - 1, r));
    if (nr === lines.length) return setActive({ row: Number.MAX_SAFE_INTEGER, col: TITLE_COL });
    const nc = Math.max(0, Math.min(COLUMNS.length - 1, c));
    setActive({ row: nr, col: nr === lines.length ? TITLE_COL : nc });
  }

  function canEdit(r: number, c: number) {
    const line = lines[r];
    return editable && !!line && COLUMNS[c]!.editable(line);
  }

  function startEdit(r: number, c: number, initial?: string) {
    const line = lines[r];
    if (!line || !canEdit(r, c)) return;
    setEditing({ row: r, col: c, text: initial ?? editText(line, COLUMNS[c]!.key), error: null });
  }

  /** Parses what was typed; null means "not a valid value" (and says why). */
  function parse(c: number, text: string): { ok: true; value: string | number | null } | { ok: false; error: string } {
    const column = COLUMNS[c]!;
    if (!column.numeric) {
      return text.trim() ? { ok: true, value: text.trim() } : { ok: false, error: tr('Название не может быть пустым', 'The title cannot be empty') };
    }
    if (column.key === 'hoursCenti' && text.trim() === '') return { ok: true, value: null };
    const value = parseFixed(text, column.decimals!);
    if (value === null) return { ok: false, error: tr(`Введите число с точностью до ${column.decimals === 2 ? 'сотых' : 'тысячных'}`, `Enter a number with up to ${column.decimals} decimals`) };
    if (column.key === 'kMilli' && (value < 0 || value > 5000)) return { ok: false, error: tr('K — от 0 до 5', 'K is from 0 to 5') };
    if (column.key === 'quantityMilli' && (value <= 0 || value > 10_000_000)) return { ok: false, error: tr('Количество — больше 0 и не больше 10 000', 'Quantity is above 0 and at most 10 000') };
    if (column.key === 'hoursCenti' && (value <= 0 || value > 10_000_000)) return { ok: false, error: tr('Часы — больше 0 и не больше 100 000', 'Hours are above 0 and at most 100 000') };
    return { ok: true, value };
  }

  // The edit in progress as of the latest render: Enter commits, and the blur that follows
  // when the input goes away must not commit it a second time.
  const editingRef = useRef(editing);
  editingRef.current = editing;

  /** Hands the typed value to the editor, which decides whether it is a change. */
  function commit(then: (r: number, c: number) => void): boolean {
    const current = editingRef.current;
    if (!current) return true;
    const line = lines[current.row];
    const parsed = parse(current.col, current.text);
    if (!parsed.ok) {
      setEditing({ ...current, error: parsed.error });
      return false;
    }
    editingRef.current = null;
    if (line) handlers.onEdit(line, COLUMNS[current.col]!.key as Field, parsed.value);
    setEditing(null);
    then(current.row, current.col);
    return true;
  }

  function cancel() {
    if (editing) {
      const line = lines[editing.row];
      if (line && COLUMNS[editing.col]!.numeric) handlers.onLive(line, COLUMNS[editing.col]!.key as Field, null);
    }
    setEditing(null);
  }

  function onGridKey(e: KeyboardEvent) {
    if (editing) return; // the editor input handles its own keys
    const mod = e.ctrlKey || e.metaKey;
    const inAddBox = (e.target as HTMLElement).closest('.grid-add');
    // Ctrl+Z undoes the last change to the quote, also from the empty "add" box.
    if (mod && e.key.toLowerCase() === 'z' && !(inAddBox && (e.target as HTMLInputElement).value)) {
      e.preventDefault();
      handlers.onUndo();
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
      handlers.onDelete(line);
      return;
    }
    switch (e.key) {
      case 'ArrowUp':
        e.preventDefault();
        return move(row - 1, col);
      case 'ArrowDown':
        e.preventDefault();
        return move(row + 1, col);
      case 'ArrowLeft':
        e.preventDefault();
        return move(row, col - 1);
      case 'ArrowRight':
        e.preventDefault();
        return move(row, col + 1);
      case 'Home':
        e.preventDefault();
        return mod ? move(0, 0) : move(row, 0);
      case 'End':
        e.preventDefault();
        return mod ? move(rowCount - 1, col) : move(row, COLUMNS.length - 1);
      case 'Tab': {
        const next = e.shiftKey ? col - 1 : col + 1;
        if (next >= 0 && next < COLUMNS.length) {
          e.preventDefault();
          return move(row, next);
        }
        if (!e.shiftKey && row < rowCount - 1) {
          e.preventDefault();
          return move(row + 1, 0);
        }
        if (e.shiftKey && row > 0) {
          e.preventDefault();
          return move(row - 1, COLUMNS.length - 1);
        }
        return; // leave the grid
      }
      case 'Enter':
      case 'F2':
        e.preventDefault();
        return startEdit(row, col);
      case 'Delete':
      case 'Backspace':
        if (line && COLUMNS[col]!.key === 'hoursCenti' && canEdit(row, col)) {
          e.preventDefault();
          handlers.onEdit(line, 'hoursCenti', null);
        }
        return;
    }
    if (e.key.length === 1 && !mod && !e.altKey && canEdit(row, col)) {
      e.preventDefault();
      startEdit(row, col, e.key);
    }
  }

  function onGridPaste(e: ClipboardEvent) {
    if (editing || !editable || e.defaultPrevented) return; // the add box may have taken it already
    const text = e.clipboardData?.getData('text/plain') ?? '';
    if (!text.trim()) return;
    e.preventDefault();
    handlers.onPaste(text);
  }

  const lang = getLang();
  return (
    <div class="grid-wrap">
      <table
        class="qgrid"
        role="grid"
        aria-label={tr('Строки сметы', 'Quote lines')}
        aria-rowcount={rowCount + 1}
        aria-colcount={COLUMNS.length}
        onKeyDown={onGridKey as never}
        onPaste={onGridPaste as never}
        onFocusIn={() => (focusWithin.current = true)}
        onFocusOut={(e) => {
          if (!refocus.current && !(e.currentTarget as HTMLElement).contains(e.relatedTarget as Node)) focusWithin.current = false;
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
                <span class="sr-only">{tr('Действия со строкой', 'Line actions')}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {lines.map((line, r) => (
            <tr
              key={line.id}
              role="row"
              aria-rowindex={r + 2}
              class={`${line.kind === 'section' ? 'qrow-section' : ''} ${r === row ? 'qrow-active' : ''}`}
            >
              {COLUMNS.map((column, c) => {
                const isActive = r === row && c === col;
                const isEditing = editing?.row === r && editing.col === c;
                const cellEditable = canEdit(r, c);
                const missingHours = column.key === 'hoursCenti' && line.kind !== 'section' && line.hoursCenti === null;
                const kChanged = column.key === 'kMilli' && line.kind === 'item' && line.kMilli !== line.baseKMilli;
                return (
                  <td
                    key={column.key}
                    role="gridcell"
                    aria-colindex={c + 1}
                    aria-readonly={!cellEditable}
                    aria-selected={isActive}
                    tabIndex={isActive && !isEditing ? 0 : -1}
                    ref={(el) => {
                      if (el) cells.current.set(`${r}:${c}`, el);
                    }}
                    class={[
                      'qcell',
                      column.numeric ? 'num' : '',
                      cellEditable ? 'qcell-edit' : '',
                      isActive ? 'qcell-active' : '',
                      missingHours ? 'qcell-missing' : '',
                      column.key === 'code' ? 'code' : '',
                    ].join(' ')}
                    onMouseDown={() => {
                      focusWithin.current = true;
                      if (!isEditing) setActive({ row: r, col: c });
                    }}
                    onDblClick={() => startEdit(r, c)}
                    title={kChanged ? tr(`K изменён: ${line.kReason}`, `K changed: ${line.kReason}`) : undefined}
                  >
                    {isEditing ? (
                      <CellEditor
                        label={`${column.label()}, ${line.code || line.title}`}
                        numeric={column.numeric}
                        text={editing.text}
                        error={editing.error}
                        onText={(text) => {
                          setEditing({ ...editing, text, error: null });
                          if (column.numeric) {
                            const parsed = parse(c, text);
                            handlers.onLive(line, column.key as Field, parsed.ok ? (parsed.value as number | null) : null);
                          }
                        }}
                        onKey={(e) => {
                          // Keys that finish an edit keep the focus in the grid: the input
                          // that had it is about to disappear.
                          if (['Enter', 'Tab', 'Escape', 'ArrowUp', 'ArrowDown'].includes(e.key)) refocus.current = true;
                          if (e.key === 'Enter') {
                            e.preventDefault();
                            commit((rr, cc) => move(rr + 1, cc));
                          } else if (e.key === 'Tab') {
                            e.preventDefault();
                            commit((rr, cc) => move(rr, cc + (e.shiftKey ? -1 : 1)));
                          } else if (e.key === 'Escape') {
                            e.preventDefault();
                            cancel();
                          } else if ((e.key === 'ArrowUp' || e.key === 'ArrowDown') && column.numeric) {
                            e.preventDefault();
                            commit((rr, cc) => move(rr + (e.key === 'ArrowUp' ? -1 : 1), cc));
                          }
                        }}
                        onBlur={() => commit(() => undefined)}
                      />
                    ) : missingHours ? (
                      <span class="missing">{tr('часы?', 'hours?')}</span>
                    ) : (
                      <>
                        {column.key === 'title' && line.kind === 'section' && <span class="sr-only">{tr('Раздел: ', 'Section: ')}</span>}
                        {display(line, column.key, quote.currency)}
                        {kChanged && <span class="k-mark" aria-label={tr('K изменён', 'K changed')}>*</span>}
                        {column.key === 'title' && line.note && <span class="line-note">{line.note}</span>}
                      </>
                    )}
                  </td>
                );
              })}
              {editable && (
                <td class="qcell-actions">
                  <button type="button" tabIndex={-1} class="btn btn-ghost btn-icon btn-tiny" title={tr('Выше (Alt+↑)', 'Up (Alt+↑)')} aria-label={tr('Переместить выше', 'Move up')} onClick={() => handlers.onMove(line, 'up')}>
                    <Icon name="up" size={14} />
                  </button>
                  <button type="button" tabIndex={-1} class="btn btn-ghost btn-icon btn-tiny" title={tr('Ниже (Alt+↓)', 'Down (Alt+↓)')} aria-label={tr('Переместить ниже', 'Move down')} onClick={() => handlers.onMove(line, 'down')}>
                    <Icon name="down" size={14} />
                  </button>
                  <button type="button" tabIndex={-1} class="btn btn-ghost btn-icon btn-tiny" title={tr('Удалить (Ctrl+Del)', 'Remove (Ctrl+Del)')} aria-label={tr('Удалить строку', 'Remove line')} onClick={() => handlers.onDelete(line)}>
                    <Icon name="trash" size={14} />
                  </button>
                </td>
              )}
            </tr>
          ))}
          {editable && (
            <tr role="row" aria-rowindex={lines.length + 2} class="grid-add-row">
              <td class="qcell code" role="gridcell" aria-colindex={1}>
                <Icon name="plus" size={14} />
              </td>
              <td class="qcell grid-add" role="gridcell" aria-colindex={2} colSpan={COLUMNS.length}>
                <CatalogCombobox
                  inputRef={addInput}
                  catalog={catalog}
                  lang={lang}
                  onPick={handlers.onAddItem}
                  onFree={handlers.onAddFree}
                  onPaste={handlers.onPaste}
                  onHighlight={handlers.onHighlightItem}
                  onLeaveUp={() => move(lines.length - 1, TITLE_COL)}
                  onFocus={() => {
                    focusWithin.current = true;
                    // "The add row", whatever its index becomes as lines are added.
                    setActive({ row: Number.MAX_SAFE_INTEGER, col: TITLE_COL });
                  }}
                />
              </td>
            </tr>
          )}
        </tbody>
      </table>
      {lines.length === 0 && !editable && <p class="empty">{tr('В смете нет строк.', 'The quote has no lines.')}</p>}
    </div>
  );
}

function CellEditor(props: {
  label: string;
  numeric: boolean;
  text: string;
  error: string | null;
  onText(text: string): void;
  onKey(e: KeyboardEvent): void;
  onBlur(): void;
}) {
  const ref = useRef<HTMLInputElement>(null);
  useLayoutEffect(() => {
    const input = ref.current;
    if (!input) return;
    input.focus();
    const end = input.value.length;
    input.setSelectionRange(end, end);
  }, []);
  return (
    <>
      <input
        ref={ref}
        class={`cell-input ${props.numeric ? 'num' : ''}`}
        aria-label={props.label}
        aria-invalid={props.error ? true : undefined}
        inputMode={props.numeric ? 'decimal' : 'text'}
        value={props.text}
        onInput={(e) => props.onText(e.currentTarget.value)}
        onKeyDown={(e) => props.onKey(e as unknown as KeyboardEvent)}
        onBlur={props.onBlur}
      />
      {props.error && (
        <div class="cell-error" role="alert">
          {props.error}
        </div>
      )}
    </>
  );
}

/** Search the price list by code or words; Enter adds; text that matches nothing adds a free-form line. */
function CatalogCombobox(props: {
  inputRef: { current: HTMLInputElement | null };
  catalog: CatalogItemT[];
  lang: 'ru' | 'en';
  onPick(item: CatalogItemT): void;
  onFree(title: string): void;
  onPaste(text: string): void;
  onHighlight(item: CatalogItemT | null): void;
  onLeaveUp(): void;
  onFocus(): void;
}) {
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [index, setIndex] = useState(0);
  const active = props.catalog.filter((i) => i.active);
  const results = useMemo(() => (text.trim() ? searchCatalog(active, text, 12) : []), [text, props.catalog]);
  const highlighted = results[index] ?? null;
  useEffect(() => props.onHighlight(open ? highlighted : null), [highlighted?.id, open]);
  const listId = 'catalog-options';

  function pick(item: CatalogItemT | null) {
    if (item) props.onPick(item);
    else if (text.trim()) props.onFree(text.trim());
    setText('');
    setOpen(false);
    setIndex(0);
  }

  return (
    <div class="combo">
      <input
        ref={props.inputRef as never}
        role="combobox"
        aria-expanded={open && results.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && highlighted ? `opt-${highlighted.id}` : undefined}
        aria-label={tr('Добавить строку: код или название услуги', 'Add a line: service code or name')}
        placeholder={tr('Добавить: код (2.5) или слова («внедрение»); Enter — добавить, Ctrl+V — вставить строки из Excel', 'Add: a code (2.5) or words (“implementation”); Enter adds, Ctrl+V pastes rows from Excel')}
        value={text}
        onFocus={props.onFocus}
        onInput={(e) => {
          setText(e.currentTarget.value);
          setOpen(true);
          setIndex(0);
        }}
        onPaste={(e) => {
          const pasted = e.clipboardData?.getData('text/plain') ?? '';
          if (pasted.includes('\t') || pasted.includes('\n')) {
            e.preventDefault();
            props.onPaste(pasted);
          }
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setOpen(true);
            setIndex((i) => Math.min(i + 1, Math.max(0, results.length - 1)));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            if (!open || index === 0) props.onLeaveUp();
            else setIndex((i) => Math.max(0, i - 1));
          } else if (e.key === 'Enter') {
            e.preventDefault();
            pick(open ? highlighted : null);
          } else if (e.key === 'Escape') {
            e.preventDefault();
            setOpen(false);
            if (!open) setText('');
          }
        }}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
      />
      {open && results.length > 0 && (
        <ul class="combo-list" id={listId} role="listbox" aria-label={tr('Услуги прайс-листа', 'Price-list services')}>
          {results.map((item, i) => (
            <li
              key={item.id}
              id={`opt-${item.id}`}
              role="option"
              aria-selected={i === index}
              class={i === index ? 'combo-active' : ''}
              onMouseDown={(e) => {
                e.preventDefault();
                pick(item);
              }}
              onMouseEnter={() => setIndex(i)}
            >
              <span class="code">{item.code}</span>
              <span class="combo-name">{props.lang === 'ru' ? item.name : item.nameEn}</span>
              <span class="combo-meta">
                {item.hoursCenti !== null ? formatHours(item.hoursCenti, props.lang) : tr('по оценке', 'estimate')}
                {item.kMilli !== 1000 && ` · K ${formatMilli(item.kMilli, props.lang)}`}
              </span>
            </li>
          ))}
        </ul>
      )}
      {open && text.trim() && results.length === 0 && (
        <div class="combo-list combo-empty">{tr(`Нет такой услуги. Enter — свободная строка «${text.trim()}»`, `No such service. Enter adds a free-form line “${text.trim()}”`)}</div>
      )}
    </div>
  );
}
