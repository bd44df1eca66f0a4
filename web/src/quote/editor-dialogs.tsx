/** The editor's dialogs: a conflict, a K that needs a reason, a copy, a work order, the audit trail. */
import { useState } from 'preact/hooks';
import type { AuditEntryT, CustomerT, QuoteLineT, QuoteT } from '../../../schema/api';
import { AUDIT_ACTION_WORDS } from '../../../worker/domain/audit-words';
import { formatMilli } from '../../../worker/domain/format';
import { get, post } from '../api';
import { CustomerPicker } from '../components/customer-picker';
import { Button, ErrorNote, Field, Loading, Modal, dateTimeText, toast, useLoad } from '../components/ui';
import { getLang, t, tr } from '../i18n';
import { navigate } from '../router';
import { auditSentence } from './audit-text';
import type { Conflict } from './editor-state';

export function ConflictDialog({ conflict, onResolve }: { conflict: Conflict; onResolve(keepMine: boolean): Promise<void> }) {
  const [busy, setBusy] = useState(false);
  const run = async (keep: boolean) => {
    setBusy(true);
    try {
      await onResolve(keep);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal title={tr('Смету изменил кто-то другой', 'Someone else changed this quote')} onClose={() => void run(true)}>
      <p>
        {conflict.by
          ? tr(`${conflict.by.actorName} сохранил(а) изменения в ${dateTimeText(conflict.by.at)}.`, `${conflict.by.actorName} saved changes at ${dateTimeText(conflict.by.at)}.`)
          : tr('Пока вы редактировали, смету сохранили в другом окне.', 'While you were editing, the quote was saved elsewhere.')}{' '}
        {tr('Ваши изменения не потеряны, но ещё не сохранены:', 'Your changes are not lost, but not saved yet:')}
      </p>
      <ul class="pending-list">
        {conflict.pending.map((op, i) => (
          <li key={i}>{op.label}</li>
        ))}
      </ul>
      <div class="modal-foot">
        <Button busy={busy} onClick={() => void run(false)}>
          {tr('Загрузить их версию, мои отбросить', 'Load their version, drop mine')}
        </Button>
        <Button variant="primary" busy={busy} onClick={() => void run(true)}>
          {tr('Загрузить их версию и применить мои изменения', 'Load their version and apply my changes')}
        </Button>
      </div>
    </Modal>
  );
}

export function KReasonDialog(props: { line: QuoteLineT; kMilli: number; onCancel(): void; onConfirm(reason: string): void; returnFocus(): void }) {
  const { line, kMilli } = props;
  const lang = getLang();
  const [reason, setReason] = useState('');
  return (
    <Modal title={tr('Почему K отличается от прайс-листа?', 'Why does K differ from the price list?')} onClose={props.onCancel} returnFocus={props.returnFocus}>
      <form
        class="stack"
        onSubmit={(e) => {
          e.preventDefault();
          if (reason.trim()) props.onConfirm(reason.trim());
        }}
      >
        <p>
          {tr(
            `${line.code}: в прайс-листе K = ${formatMilli(line.baseKMilli, lang)}, вы ставите ${formatMilli(kMilli, lang)}. Причина попадёт в историю сметы.`,
            `${line.code}: the price list says K = ${formatMilli(line.baseKMilli, lang)}, you set ${formatMilli(kMilli, lang)}. The reason goes into the audit trail.`,
          )}
        </p>
        <Field label={tr('Причина', 'Reason')}>
          {(id) => <input id={id} value={reason} autoFocus onInput={(e) => setReason(e.currentTarget.value)} placeholder={tr('Например: работу выполнит ассистент редактора', 'E.g.: a content assistant does the work')} />}
        </Field>
        <div class="modal-foot">
          <Button onClick={props.onCancel}>{t('cancel')}</Button>
          <button type="submit" class="btn btn-primary" disabled={!reason.trim()}>
            {t('save')}
          </button>
        </div>
      </form>
    </Modal>
  );
}

/** A copy under a new number, for this customer or another one. */
export function CopyDialog({ quote, onClose }: { quote: QuoteT; onClose(): void }) {
  const customers = useLoad(() => get<CustomerT[]>('/api/customers'), []);
  const [customerId, setCustomerId] = useState<number | null>(quote.customerId);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [missing, setMissing] = useState(false);
  async function create(e: Event) {
    e.preventDefault();
    if (customerId === null) return setMissing(true);
    setBusy(true);
    try {
      const copy = await post<QuoteT>(`/api/quotes/${quote.id}/duplicate`, { customerId });
      toast(tr(`Создана копия ${copy.number} для «${copy.customerName}»`, `Copy ${copy.number} created for “${copy.customerName}”`));
      onClose();
      navigate(`/quotes/${copy.id}`);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal title={tr(`Копия сметы ${quote.number}`, `Copy of ${quote.number}`)} onClose={onClose}>
      <form class="stack" onSubmit={create} noValidate>
        <ErrorNote error={error} />
        <p class="small muted">{tr('Копия получит новый номер; строки и цены — как в этой смете.', 'The copy gets a new number; its lines and prices are those of this quote.')}</p>
        <Field label={tr('Заказчик копии', 'Customer of the copy')} error={missing ? tr('Выберите заказчика из списка', 'Pick a customer from the list') : null}>
          {(id, describedBy) =>
            customers.data ? (
              <CustomerPicker id={id} customers={customers.data} value={customerId} describedBy={describedBy} invalid={missing} onChange={(v) => (setCustomerId(v), setMissing(false))} />
            ) : (
              <Loading rows={1} />
            )
          }
        </Field>
        <div class="modal-foot">
          <Button onClick={onClose}>{t('cancel')}</Button>
          <button type="submit" class="btn btn-primary" disabled={busy} aria-busy={busy}>
            {tr('Создать копию', 'Create the copy')}
          </button>
        </div>
      </form>
    </Modal>
  );
}

export function CreateOrderDialog({ quote, onClose }: { quote: QuoteT; onClose(): void }) {
  const [split, setSplit] = useState<'by_line' | 'by_section' | 'single'>(quote.sections.length > 1 ? 'by_section' : 'by_line');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  async function create(e: Event) {
    e.preventDefault();
    setBusy(true);
    try {
      const order = await post<{ id: number }>(`/api/quotes/${quote.id}/order`, { split });
      toast(tr('Заявка создана', 'Work order created'));
      navigate(`/orders/${order.id}`);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }
  const options: [typeof split, string, string][] = [
    ['by_line', tr('По строкам', 'By line'), tr('каждая услуга — отдельный этап', 'each service is a stage')],
    ['by_section', tr('По разделам', 'By section'), tr('этап на каждый раздел сметы', 'a stage per section of the quote')],
    ['single', tr('Одним этапом', 'One stage'), tr('заявка начнётся, когда баланс покроет её целиком', 'starts once the balance covers all of it')],
  ];
  return (
    <Modal title={tr(`Заявка по смете ${quote.number}`, `Work order from ${quote.number}`)} onClose={onClose}>
      <form class="stack" onSubmit={create}>
        <ErrorNote error={error} />
        <fieldset class="field" style="border:0;padding:0;margin:0">
          <legend class="legend">{tr('Этапы', 'Stages')}</legend>
          {options.map(([value, label, hint]) => (
            <label key={value} class="check" style="align-items:flex-start;margin:4px 0">
              <input type="radio" name="split" value={value} checked={split === value} disabled={value === 'by_section' && quote.sections.length === 0} onChange={() => setSplit(value)} />
              <span>
                {label} <span class="small muted">— {hint}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <p class="small muted">{tr('Заявки выполняются в порядке согласования и начинаются, когда баланс покрывает первый этап.', 'Work orders run in the order of approval and start when the balance covers the first stage.')}</p>
        <div class="modal-foot">
          <Button onClick={onClose}>{t('cancel')}</Button>
          <button type="submit" class="btn btn-primary" disabled={busy} aria-busy={busy}>
            {tr('Создать заявку', 'Create work order')}
          </button>
        </div>
      </form>
    </Modal>
  );
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function AuditDialog({ quoteId, onClose }: { quoteId: number; onClose(): void }) {
  const audit = useLoad(() => get<AuditEntryT[]>(`/api/quotes/${quoteId}/audit`), [quoteId]);
  return (
    <Modal title={tr('История изменений', 'Audit trail')} onClose={onClose} wide>
      <ErrorNote error={audit.error} onRetry={audit.reload} />
      {!audit.data ? (
        <Loading />
      ) : (
        <table class="table audit-table">
          <thead>
            <tr>
              <th scope="col">{tr('Когда', 'When')}</th>
              <th scope="col">{tr('Кто', 'Who')}</th>
              <th scope="col">{tr('Что', 'What')}</th>
            </tr>
          </thead>
          <tbody>
            {audit.data.map((a) => {
              const word = AUDIT_ACTION_WORDS[a.action];
              const sentence = auditSentence(a);
              return (
                <tr key={a.id}>
                  <td class="nowrap small">
                    {dateTimeText(a.at)}
                    <div class="faint">{a.number}</div>
                  </td>
                  <td class="small">
                    {a.actorName}
                    {a.actorKind === 'customer' && <div class="faint">{tr('заказчик по ссылке', 'customer via link')}{a.ip ? ` · IP ${a.ip}` : ''}</div>}
                  </td>
                  <td class="small">
                    <strong>{capital(word ? tr(word[0], word[1]) : tr('изменение', 'change'))}</strong>
                    {sentence && <div class="audit-sentence">{sentence}</div>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </Modal>
  );
}
