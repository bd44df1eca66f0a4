/** Beside the grid: the description of the service in focus, and the focused line's note and K reason. */
import { useState } from 'preact/hooks';
import type { CatalogItemT, QuoteLineT } from '../../../schema/api';
import { formatMilli } from '../../../worker/domain/format';
import { ITEM_MODE_WORDS } from '../../../worker/domain/words/kinds';
import { ItemDetails, itemName } from '../catalog/item-details';
import { Chip, Field, Hours } from '../components/ui';
import { getLang, t, word } from '../i18n';

/** What the side panel edits of a line: its note and the reason for its K. */
type NoteChanges = { note?: string; kReason?: string };

export function SidePanel(props: {
  item: CatalogItemT | null;
  line: QuoteLineT | null;
  editable: boolean;
  onSave(line: QuoteLineT, changes: NoteChanges): void;
}) {
  const { item, line } = props;
  const lang = getLang();
  return (
    <aside class="card editor-side" aria-label={t('serviceDetails')}>
      {item ? (
        <>
          <div class="side-head">
            <span class="code">{item.code}</span>
            <h2>{itemName(item)}</h2>
            <div class="row small muted">
              <Chip tone={item.mode === 'fixed' ? 'accent' : 'neutral'}>{word(ITEM_MODE_WORDS[item.mode])}</Chip>
              {item.actualTime && <Chip tone="info">{t('actualTime')}</Chip>}
              {item.hoursCenti !== null && <Hours centi={item.hoursCenti} />}
              <span>
                {lang === 'ru' ? item.categoryName : item.categoryNameEn} · K {formatMilli(item.kMilli, lang)}
              </span>
            </div>
          </div>
          <ItemDetails item={item} />
        </>
      ) : (
        <p class="muted small">{t('sidePanelHint')}</p>
      )}
      {line && props.editable && line.kind !== 'section' && (
        <LineExtras key={line.id} line={line} onSave={(changes) => props.onSave(line, changes)} />
      )}
    </aside>
  );
}

function LineExtras({ line, onSave }: { line: QuoteLineT; onSave(changes: NoteChanges): void }) {
  const lang = getLang();
  const [note, setNote] = useState(line.note);
  const [reason, setReason] = useState(line.kReason);
  const label = line.code || line.title;
  return (
    <div class="line-extras">
      <h3>
        {t('line')} {label}
      </h3>
      <Field label={t('lineNote')}>
        {(id) => (
          <textarea
            id={id}
            rows={2}
            value={note}
            onInput={(e) => setNote(e.currentTarget.value)}
            onChange={() => note !== line.note && onSave({ note })}
          />
        )}
      </Field>
      {line.kind === 'item' && line.kMilli !== line.baseKMilli && (
        <Field label={t('kReasonLabel', { k: formatMilli(line.kMilli, lang), base: formatMilli(line.baseKMilli, lang) })}>
          {(id) => (
            <input
              id={id}
              value={reason}
              onInput={(e) => setReason(e.currentTarget.value)}
              onChange={() => reason.trim() && reason !== line.kReason && onSave({ kReason: reason })}
            />
          )}
        </Field>
      )}
    </div>
  );
}
