/** One line of the quote grid: its cells, the marks on them, and the line's buttons. */
import type { ComponentChildren } from 'preact';
import type { QuoteLineT } from '../../../schema/api';
import { LINE_KIND_WORDS } from '../../../worker/domain/words/kinds';
import { Icon } from '../components/icons';
import { t, word } from '../i18n';
import { CellMessage } from './cell-editor';
import type { GridHandlers } from './grid';
import { COLUMNS, display } from './grid-columns';

export function GridRow(props: {
  line: QuoteLineT;
  r: number;
  activeCol: number | null;
  editable: boolean;
  currency: string;
  fresh: boolean;
  editingCol: number | null;
  canEdit(c: number): boolean;
  cellRef(c: number, el: HTMLElement | null): void;
  onCellMouseDown(c: number): void;
  onCellDblClick(c: number): void;
  renderEditor(c: number): ComponentChildren;
  message: { col: number; text: string } | null;
  handlers: GridHandlers;
}) {
  const { line, r, handlers } = props;
  const cellEls: HTMLElement[] = [];
  return (
    <tr
      role="row"
      aria-rowindex={r + 2}
      data-line-id={line.id}
      class={[
        line.kind === 'section' ? 'qrow-section' : '',
        props.activeCol !== null ? 'qrow-active' : '',
        props.fresh ? 'qrow-new' : '',
      ].join(' ')}
    >
      {COLUMNS.map((column, c) => {
        const isActive = props.activeCol === c;
        const isEditing = props.editingCol === c;
        const cellEditable = props.canEdit(c);
        const missingHours = column.key === 'hoursCenti' && line.kind !== 'section' && line.hoursCenti === null;
        const kChanged = column.key === 'kMilli' && line.kind === 'item' && line.kMilli !== line.baseKMilli;
        const message = props.message?.col === c && !isEditing ? props.message.text : null;
        const messageId = `cell-note-${line.id}-${c}`;
        return (
          <td
            key={column.key}
            role="gridcell"
            data-field={column.key}
            aria-colindex={c + 1}
            aria-readonly={!cellEditable}
            aria-selected={isActive}
            aria-describedby={message ? messageId : undefined}
            tabIndex={isActive && !isEditing ? 0 : -1}
            ref={(el) => {
              if (el) cellEls[c] = el;
              props.cellRef(c, el);
            }}
            class={[
              'qcell',
              column.numeric ? 'num' : '',
              cellEditable ? 'qcell-edit' : '',
              isActive ? 'qcell-active' : '',
              missingHours ? 'qcell-missing' : '',
              message ? 'qcell-invalid' : '',
              column.key === 'code' ? 'code' : '',
            ].join(' ')}
            onMouseDown={() => props.onCellMouseDown(c)}
            onDblClick={() => props.onCellDblClick(c)}
            title={kChanged ? t('kChangedWhy', { reason: line.kReason }) : undefined}
          >
            {isEditing ? (
              props.renderEditor(c)
            ) : missingHours ? (
              <span class="missing">{t('hoursMissing')}</span>
            ) : (
              <>
                {column.key === 'title' && line.kind === 'section' && <span class="sr-only">{`${word(LINE_KIND_WORDS.section)}: `}</span>}
                {display(line, column.key, props.currency)}
                {kChanged && (
                  <span class="k-mark" role="img" aria-label={t('kChanged')}>
                    *
                  </span>
                )}
                {column.key === 'title' && line.actualTime && (
                  <span class="fact-mark" title={t('billedByActual')}>
                    {t('actualTime')}
                  </span>
                )}
                {column.key === 'title' && line.note && <span class="line-note">{line.note}</span>}
              </>
            )}
            {message && <CellMessage anchor={() => cellEls[c] ?? null} id={messageId} text={message} />}
          </td>
        );
      })}
      {props.editable && (
        <td class="qcell-actions">
          <button
            type="button"
            tabIndex={-1}
            class="btn btn-ghost btn-icon btn-tiny"
            title={t('upHint')}
            aria-label={t('moveUp')}
            onClick={() => handlers.onMove(line, 'up')}
          >
            <Icon name="up" size={14} />
          </button>
          <button
            type="button"
            tabIndex={-1}
            class="btn btn-ghost btn-icon btn-tiny"
            title={t('downHint')}
            aria-label={t('moveDown')}
            onClick={() => handlers.onMove(line, 'down')}
          >
            <Icon name="down" size={14} />
          </button>
          <button
            type="button"
            tabIndex={-1}
            class="btn btn-ghost btn-icon btn-tiny"
            title={t('removeHint')}
            aria-label={t('removeLine')}
            onClick={() => handlers.onDelete(line)}
          >
            <Icon name="trash" size={14} />
          </button>
        </td>
      )}
    </tr>
  );
}
