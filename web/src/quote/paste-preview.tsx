/**
 * What a paste will do, before anything is written: «Будет добавлено 37 строк, 2 пропущены: …»,
 * which columns were read as what, and the first rows. «Добавить» writes them all in one
 * request (the server adds all or none).
 */
import type { CatalogItemT } from '../../../schema/api';
import { formatFixed, formatMilli } from '../../../worker/domain/format';
import type { PasteColumn, PastePlan } from '../../../worker/domain/paste';
import { Button, Modal } from '../components/ui';
import { getLang, t, tr } from '../i18n';
import { plural, rowsWord } from './plural';

/** «Будет добавлено 37 строк, 2 пропущены» — the one sentence the preview and the test read. */
export function planSentence(plan: PastePlan): string {
  const n = plan.rows.length;
  const s = plan.skipped.length;
  const ru = `${plural(n, 'Будет добавлена', 'Будут добавлены', 'Будет добавлено')} ${rowsWord(n)}${s ? `, ${s} ${plural(s, 'пропущена', 'пропущены', 'пропущено')}` : ''}`;
  const en = `${n} ${n === 1 ? 'row' : 'rows'} will be added${s ? `, ${s} skipped` : ''}`;
  return tr(ru, en);
}

const COLUMN_WORDS: Record<PasteColumn, [string, string]> = {
  code: ['код', 'code'],
  title: ['название', 'name'],
  quantity: ['количество', 'quantity'],
  hours: ['часы', 'hours'],
};
const letter = (i: number) => String.fromCharCode(65 + (i % 26));

export function PastePreview(props: { plan: PastePlan; catalog: CatalogItemT[]; onAdd(): void; onClose(): void; returnFocus(): void }) {
  const { plan } = props;
  const lang = getLang();
  const byCode = new Map(props.catalog.map((i) => [i.code, i]));
  const columns = (Object.entries(plan.columns) as [PasteColumn, number][]).sort((a, b) => a[1] - b[1]);
  const shown = plan.rows.slice(0, 8);
  return (
    <Modal title={tr('Вставка строк из таблицы', 'Pasting rows from a spreadsheet')} onClose={props.onClose} returnFocus={props.returnFocus} wide>
      <p class="paste-summary" role="status">
        <strong>{planSentence(plan)}</strong>
        {plan.skipped.length > 0 && ':'}
      </p>
      {plan.skipped.length > 0 && (
        <ul class="paste-skipped">
          {plan.skipped.slice(0, 20).map((s) => (
            <li key={s.row}>
              {tr(`строка ${s.row} — ${s.ru}`, `row ${s.row} — ${s.en}`)}
            </li>
          ))}
          {plan.skipped.length > 20 && <li>{tr(`и ещё ${plan.skipped.length - 20}`, `and ${plan.skipped.length - 20} more`)}</li>}
        </ul>
      )}
      <p class="small muted">
        {plan.header ? tr('Первая строка — заголовок. ', 'The first row is a header. ') : ''}
        {tr('Колонки: ', 'Columns: ')}
        {columns.map(([key, i]) => `${tr(COLUMN_WORDS[key][0], COLUMN_WORDS[key][1])} — ${letter(i)}`).join(', ')}
      </p>
      {shown.length > 0 && (
        <table class="table paste-table">
          <thead>
            <tr>
              <th scope="col">{tr('Строка', 'Row')}</th>
              <th scope="col">{tr('Код', 'Code')}</th>
              <th scope="col">{tr('Услуга', 'Service')}</th>
              <th scope="col" class="num">{tr('Кол-во', 'Qty')}</th>
              <th scope="col" class="num">{tr('Часы', 'Hours')}</th>
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
                  <td>{item ? (lang === 'ru' ? item.name : item.nameEn) : r.title}</td>
                  <td class="num">{formatMilli(r.quantityMilli, lang)}</td>
                  <td class="num">{hours === null ? tr('часы?', 'hours?') : formatFixed(hours, 2, lang)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {plan.rows.length > shown.length && <p class="small muted">{tr(`…и ещё ${rowsWord(plan.rows.length - shown.length)}`, `…and ${rowsWord(plan.rows.length - shown.length)} more`)}</p>}
      <div class="modal-foot">
        <Button onClick={props.onClose}>{plan.rows.length ? t('cancel') : tr('Понятно', 'OK')}</Button>
        {plan.rows.length > 0 && (
          <Button variant="primary" onClick={props.onAdd} autoFocus>
            {tr(`Добавить ${plan.rows.length} ${plural(plan.rows.length, 'строку', 'строки', 'строк')}`, `Add ${rowsWord(plan.rows.length)}`)}
          </Button>
        )}
      </div>
    </Modal>
  );
}
