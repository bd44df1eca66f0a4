/** Beside the grid: the description of the service in focus, and the focused line's note and K reason. */
import { useState } from 'preact/hooks';
import type { CatalogItemT, QuoteLineT } from '../../../schema/api';
import { formatMilli } from '../../../worker/domain/format';
import { Chip, Field, Hours } from '../components/ui';
import { getLang, t, tr } from '../i18n';
import { ItemDetails, itemName } from '../pages/catalog';
import type { Field as LineField } from './editor-state';

export function SidePanel(props: { item: CatalogItemT | null; line: QuoteLineT | null; editable: boolean; onSave(line: QuoteLineT, changes: Partial<Record<LineField, string>>): void }) {
  const { item, line } = props;
  const lang = getLang();
  return (
    <aside class="card editor-side" aria-label={tr('Описание услуги', 'Service details')}>
      {item ? (
        <>
          <div class="side-head">
            <span class="code">{item.code}</span>
            <h2>{itemName(item)}</h2>
            <div class="row small muted">
              <Chip tone={item.mode === 'fixed' ? 'accent' : 'neutral'}>{item.mode === 'fixed' ? t('mode_fixed') : t('mode_estimate')}</Chip>
              {item.actualTime && <Chip tone="info">{t('actual_time')}</Chip>}
              {item.hoursCenti !== null && <Hours centi={item.hoursCenti} />}
              <span>
                {lang === 'ru' ? item.categoryName : item.categoryNameEn} · K {formatMilli(item.kMilli, lang)}
              </span>
            </div>
          </div>
          <ItemDetails item={item} />
        </>
      ) : (
        <p class="muted small">{tr('Выберите строку или найдите услугу — здесь появятся её описание, исходный материал, результат и ограничения.', 'Pick a line or search for a service: its description, input materials, result and limits appear here.')}</p>
      )}
      {line && props.editable && line.kind !== 'section' && <LineExtras key={line.id} line={line} onSave={(changes) => props.onSave(line, changes)} />}
    </aside>
  );
}

function LineExtras({ line, onSave }: { line: QuoteLineT; onSave(changes: Partial<Record<LineField, string>>): void }) {
  const lang = getLang();
  const [note, setNote] = useState(line.note);
  const [reason, setReason] = useState(line.kReason);
  const label = line.code || line.title;
  return (
    <div class="line-extras">
      <h3>
        {tr('Строка', 'Line')} {label}
      </h3>
      <Field label={tr('Примечание к строке', 'Line note')}>
        {(id) => <textarea id={id} rows={2} value={note} onInput={(e) => setNote(e.currentTarget.value)} onChange={() => note !== line.note && onSave({ note })} />}
      </Field>
      {line.kind === 'item' && line.kMilli !== line.baseKMilli && (
        <Field label={tr(`Причина K ${formatMilli(line.kMilli, lang)} вместо ${formatMilli(line.baseKMilli, lang)}`, `Why K is ${formatMilli(line.kMilli, lang)}, not ${formatMilli(line.baseKMilli, lang)}`)}>
          {(id) => <input id={id} value={reason} onInput={(e) => setReason(e.currentTarget.value)} onChange={() => reason.trim() && reason !== line.kReason && onSave({ kReason: reason })} />}
        </Field>
      )}
    </div>
  );
}
