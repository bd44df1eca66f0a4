/**
 * What a paste will do, before anything is written: «Будет добавлено 37 строк, 2 пропущены: …»,
 * which columns were read as what, and the first rows. «Добавить» writes them all in one
 * request (the server adds all or none).
 */
import type { CatalogItemT } from '../../../schema/api';
import { formatFixed, formatMilli } from '../../../worker/domain/format';
import type { PasteColumn, PastePlan } from '../../../worker/domain/paste';
import { itemName } from '../catalog/item-details';
import { Button, Modal, NumTh } from '../components/ui';
import { getLang, plural, t, midSentence, word } from '../i18n';
import { fieldWord } from './field-words';

/** «Будет добавлено 37 строк, 2 пропущены» — the one sentence the preview and the test read. */
export function planSentence(plan: PastePlan): string {
  const n = plan.rows.length;
  const s = plan.skipped.length;
  return `${plural('pasteWillAdd', n)}${s ? `, ${plural('pasteSkipped', s)}` : ''}`;
}

/** What each pasted column was read as, named as the quote's fields are. */
const COLUMN_FIELDS = { title: 'title', quantity: 'quantityMilli', hours: 'hoursCenti' } as const;
const columnWord = (column: PasteColumn) => (column === 'code' ? midSentence(t('code')) : fieldWord(COLUMN_FIELDS[column]));
const letter = (i: number) => String.fromCharCode(65 + (i % 26));

export function PastePreview(props: { plan: PastePlan; catalog: CatalogItemT[]; onAdd(): void; onClose(): void; returnFocus(): void }) {
  const { plan } = props;
  const lang = getLang();
  const byCode = new Map(props.catalog.map((i) => [i.code, i]));
  const columns = (Object.entries(plan.columns) as [PasteColumn, number][]).sort((a, b) => a[1] - b[1]);
  const shown = plan.rows.slice(0, 8);
  return (
    <Modal title={t('pasteTitle')} onClose={props.onClose} returnFocus={props.returnFocus} wide>
      <p class="paste-summary" role="status">
        <strong>{planSentence(plan)}</strong>
        {plan.skipped.length > 0 && ':'}
      </p>
      {plan.skipped.length > 0 && (
        <ul class="paste-skipped">
          {plan.skipped.slice(0, 20).map((s) => (
            <li key={s.row}>{t('pasteSkippedRow', { row: s.row, reason: word([s.ru, s.en]) })}</li>
          ))}
          {plan.skipped.length > 20 && <li>{t('andMore', { count: plan.skipped.length - 20 })}</li>}
        </ul>
      )}
      <p class="small muted">
        {plan.header ? `${t('pasteHeaderRow')} ` : ''}
        {t('pasteColumns', { list: columns.map(([key, i]) => `${columnWord(key)} — ${letter(i)}`).join(', ') })}
      </p>
      {shown.length > 0 && (
        <table class="table paste-table">
          <thead>
            <tr>
              <th scope="col">{t('row')}</th>
              <th scope="col">{t('code')}</th>
              <th scope="col">{t('service')}</th>
              <NumTh>{t('qty')}</NumTh>
              <NumTh>{t('hours')}</NumTh>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => {
              const item = r.code ? byCode.get(r.code) : undefined;
              const hours = r.hoursCenti ?? item?.hoursCenti ?? null;
              return (
                <tr key={r.source}>
                  <td class="num">{r.source}</td>
                  <td class="mono">{r.code ?? ''}</td>
                  <td>{item ? itemName(item) : r.title}</td>
                  <td class="num">{formatMilli(r.quantityMilli, lang)}</td>
                  <td class="num">{hours === null ? t('hoursMissing') : formatFixed(hours, 2, lang)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {plan.rows.length > shown.length && (
        <p class="small muted">{t('andMoreRows', { rows: plural('rows', plan.rows.length - shown.length) })}</p>
      )}
      <div class="modal-foot">
        <Button onClick={props.onClose}>{plan.rows.length ? t('cancel') : t('understood')}</Button>
        {plan.rows.length > 0 && (
          <Button variant="primary" onClick={props.onAdd} autoFocus>
            {t('addRows', { rows: plural('rowsToAdd', plan.rows.length) })}
          </Button>
        )}
      </div>
    </Modal>
  );
}
