/** A customer's money: the ledger with running balance, top-ups and corrections, work orders. */
import { useState } from 'preact/hooks';
import type { LedgerLineT, OrderT } from '../../../schema/api';
import { formatFixed, formatMilli, parseFixed } from '../../../worker/domain/format';
import { get, post } from '../api';
import { Button, Chip, Empty, ErrorNote, Field, Hours, Loading, Modal, Money, dateText, fieldErrors, toast, useLoad } from '../components/ui';
import { getLang, t, tr } from '../i18n';
import { OrderStatusChip } from '../orders/status';
import { Link } from '../router';
import { hasRole, useSession } from '../session';

const TOPUP_KINDS = {
  tariff: ['Тарифный план', 'Tariff plan'],
  support: ['Пакет расширенной поддержки', 'Extended-support package'],
  contract: ['Отдельный договор', 'Separate contract'],
} as const;

const word = (w: readonly [string, string]) => tr(w[0], w[1]);

const KIND_WORDS = { topup: ['Пополнение', 'Top-up'], debit: ['Списание', 'Debit'], correction: ['Корректировка', 'Correction'] } as const;

export function CustomerMoney({ customerId, currency, onChanged }: { customerId: number; currency: string; onChanged(): void }) {
  const { me } = useSession();
  const ledger = useLoad(() => get<LedgerLineT[]>(`/api/customers/${customerId}/ledger`), [customerId]);
  const orders = useLoad(() => get<OrderT[]>(`/api/orders?customerId=${customerId}`), [customerId]);
  const [form, setForm] = useState<{ kind: 'topup' | 'correction'; corrects?: LedgerLineT } | null>(null);
  const canBook = hasRole(me, 'accountant', 'admin');
  const refresh = () => {
    void ledger.reload();
    void orders.reload();
    onChanged();
  };

  return (
    <>
      <div class="row" style="margin-top:24px">
        <h2 class="section-title" style="margin:0">{tr('Заявки', 'Work orders')}</h2>
      </div>
      <div class="card" style="margin-top:10px">
        {!orders.data ? (
          <Loading rows={2} />
        ) : orders.data.length === 0 ? (
          <Empty>{tr('Заявок нет. Заявка создаётся из принятой сметы.', 'No work orders. One is made from an accepted quote.')}</Empty>
        ) : (
          <table class="table">
            <thead>
              <tr>
                <th scope="col">{tr('Заявка', 'Order')}</th>
                <th scope="col">{tr('Смета', 'Quote')}</th>
                <th scope="col">{tr('Состояние', 'Status')}</th>
                <th scope="col">{tr('Этапы', 'Stages')}</th>
                <th scope="col">{tr('Согласована', 'Approved')}</th>
              </tr>
            </thead>
            <tbody>
              {orders.data.map((o) => (
                <tr key={o.id}>
                  <td><Link class="mono" href={`/orders/${o.id}`}>{o.number}</Link></td>
                  <td><Link class="mono" href={`/quotes/${o.quoteId}`}>{o.quoteNumber}</Link> <span class="small muted">{o.quoteTitle}</span></td>
                  <td>
                    <OrderStatusChip status={o.status} />
                    {o.waiting && <div class="small muted">{o.waiting}</div>}
                  </td>
                  <td class="num">{o.stages.filter((s) => s.status === 'accepted').length} / {o.stages.length}</td>
                  <td>{dateText(o.approvedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>

      <div class="row" style="margin-top:24px">
        <h2 class="section-title" style="margin:0">{tr('Журнал нормо-часов', 'Norm-hour ledger')}</h2>
        <span class="spacer" />
        {canBook && (
          <>
            <Button class="btn-small" onClick={() => setForm({ kind: 'correction' })}>{tr('Корректировка', 'Correction')}</Button>
            <Button variant="primary" class="btn-small" onClick={() => setForm({ kind: 'topup' })}>+ {tr('Пополнить', 'Top up')}</Button>
          </>
        )}
      </div>
      <div class="card" style="margin-top:10px">
        {!ledger.data ? (
          <Loading rows={4} />
        ) : ledger.data.length === 0 ? (
          <Empty>{tr('Записей нет. Пополните баланс, чтобы заявки могли начаться.', 'No entries. Top up the balance so that work orders can start.')}</Empty>
        ) : (
          <table class="table">
            <thead>
              <tr>
                <th scope="col">{tr('Дата', 'Date')}</th>
                <th scope="col">{tr('Операция', 'Entry')}</th>
                <th scope="col">{tr('Основание', 'What for')}</th>
                <th scope="col" class="num">{tr('Нормо-часы', 'Norm-hours')}</th>
                <th scope="col" class="num">{tr('Сумма', 'Money')}</th>
                <th scope="col" class="num">{tr('Баланс', 'Balance')}</th>
                {canBook && <th scope="col"><span class="sr-only">{tr('Действия', 'Actions')}</span></th>}
              </tr>
            </thead>
            <tbody>
              {ledger.data.map((e) => (
                <tr key={e.id}>
                  <td class="nowrap">{dateText(e.at)}</td>
                  <td>
                    <Chip tone={e.kind === 'topup' ? 'success' : e.kind === 'debit' ? 'info' : 'warning'}>{word(KIND_WORDS[e.kind])}</Chip>
                    {e.topupKind && <div class="small muted">{word(TOPUP_KINDS[e.topupKind])}</div>}
                  </td>
                  <td class="small">
                    {e.orderNumber && (
                      <div>
                        <Link href={`/orders/${e.orderId}`} class="mono">{e.orderNumber}</Link> · {tr('этап', 'stage')} {e.stageN}. {e.stageTitle}
                      </div>
                    )}
                    {e.items.length > 0 && (
                      <div class="muted">
                        {e.items.map((i) => `${i.code} ${formatFixed(i.hoursCenti, 2, getLang())} ${tr('ч', 'h')} × K ${formatMilli(i.kMilli, getLang())}`).join('; ')}
                      </div>
                    )}
                    {!e.orderNumber && e.memo}
                    {e.correctsEntryId && <div class="muted">{tr(`сторно записи №${e.correctsEntryId}`, `reverses entry #${e.correctsEntryId}`)}</div>}
                  </td>
                  <td class={`num ${e.normHoursCenti < 0 ? 'negative' : ''}`}>{e.normHoursCenti > 0 ? '+' : ''}<Hours centi={e.normHoursCenti} /></td>
                  <td class="num">{e.moneyMinor ? <Money minor={-e.moneyMinor} currency={currency} /> : '—'}</td>
                  <td class={`num ${e.balanceAfterCenti < 0 ? 'negative' : ''}`}><Hours centi={e.balanceAfterCenti} /></td>
                  {canBook && (
                    <td style="width:1%">
                      {e.kind !== 'correction' && (
                        <Button class="btn-small btn-ghost" onClick={() => setForm({ kind: 'correction', corrects: e })} title={tr('Сторнировать запись', 'Reverse this entry')}>
                          {tr('Сторно', 'Reverse')}
                        </Button>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      {form && (
        <LedgerForm
          customerId={customerId}
          kind={form.kind}
          corrects={form.corrects}
          onClose={() => setForm(null)}
          onSaved={() => {
            setForm(null);
            refresh();
          }}
        />
      )}
    </>
  );
}

function LedgerForm({ customerId, kind, corrects, onClose, onSaved }: { customerId: number; kind: 'topup' | 'correction'; corrects?: LedgerLineT; onClose(): void; onSaved(): void }) {
  const lang = getLang();
  const [hours, setHours] = useState(corrects ? formatFixed(Math.abs(corrects.normHoursCenti), 2, lang) : '');
  const [topupKind, setTopupKind] = useState<'tariff' | 'support' | 'contract'>('support');
  const [memo, setMemo] = useState('');
  const [date, setDate] = useState(new Date().toISOString().slice(0, 10));
  const [sign, setSign] = useState<1 | -1>(corrects ? (corrects.normHoursCenti > 0 ? -1 : 1) : -1);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const errors = fieldErrors(error);

  async function save(e: Event) {
    e.preventDefault();
    const value = parseFixed(hours, 2);
    if (value === null || value <= 0) return setError(new Error(tr('Введите количество нормо-часов, например 40 или 12,5.', 'Enter the norm-hours, e.g. 40 or 12.5.')));
    const today = new Date().toISOString().slice(0, 10);
    const at = date === today ? undefined : new Date(`${date}T12:00:00`).toISOString();
    setBusy(true);
    setError(null);
    try {
      await post(`/api/customers/${customerId}/ledger`, {
        kind,
        normHoursCenti: kind === 'topup' ? value : sign * value,
        memo,
        ...(at ? { at } : {}),
        ...(kind === 'topup' ? { topupKind } : {}),
        ...(corrects ? { correctsEntryId: corrects.id } : {}),
      });
      toast(kind === 'topup' ? tr('Баланс пополнен', 'Balance topped up') : tr('Корректировка записана', 'Correction recorded'));
      onSaved();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal title={kind === 'topup' ? tr('Пополнение баланса', 'Top-up') : tr('Корректировка', 'Correction')} onClose={onClose}>
      <form class="stack" onSubmit={save} noValidate>
        <ErrorNote error={error} />
        {corrects && (
          <p class="small">
            {tr('Сторно записи', 'Reversing entry')} №{corrects.id} {dateText(corrects.at)}: {formatFixed(corrects.normHoursCenti, 2, lang)} {tr('нормо-ч', 'norm-h')}. {tr('Записи журнала не изменяются — корректировка добавляется новой строкой.', 'Ledger entries never change: the correction is added as a new line.')}
          </p>
        )}
        {kind === 'topup' && (
          <Field label={tr('Основание', 'Kind')}>
            {(id) => (
              <select id={id} value={topupKind} onChange={(e) => setTopupKind(e.currentTarget.value as typeof topupKind)}>
                {(Object.keys(TOPUP_KINDS) as (keyof typeof TOPUP_KINDS)[]).map((k) => (
                  <option key={k} value={k}>{word(TOPUP_KINDS[k])}</option>
                ))}
              </select>
            )}
          </Field>
        )}
        {kind === 'correction' && !corrects && (
          <fieldset class="field" style="border:0;padding:0;margin:0">
            <legend class="legend">{tr('Направление', 'Direction')}</legend>
            <div class="segmented">
              <button type="button" aria-pressed={sign === -1} onClick={() => setSign(-1)}>− {tr('уменьшить', 'decrease')}</button>
              <button type="button" aria-pressed={sign === 1} onClick={() => setSign(1)}>+ {tr('увеличить', 'increase')}</button>
            </div>
          </fieldset>
        )}
        <div class="grid-2">
          <Field label={tr('Нормо-часы', 'Norm-hours')} error={errors.normHoursCenti}>
            {(id) => <input id={id} class="num" inputMode="decimal" value={hours} onInput={(e) => setHours(e.currentTarget.value)} autoFocus />}
          </Field>
          <Field label={tr('Дата', 'Date')} error={errors.at}>
            {(id) => <input id={id} type="date" value={date} max={new Date().toISOString().slice(0, 10)} onInput={(e) => setDate(e.currentTarget.value)} />}
          </Field>
        </div>
        <Field label={kind === 'topup' ? tr('Комментарий (номер счёта, договора)', 'Memo (invoice, contract)') : tr('Причина корректировки', 'Reason')} error={errors.memo}>
          {(id) => <input id={id} value={memo} onInput={(e) => setMemo(e.currentTarget.value)} required={kind === 'correction'} />}
        </Field>
        <div class="modal-foot">
          <Button onClick={onClose}>{t('cancel')}</Button>
          <button type="submit" class="btn btn-primary" disabled={busy} aria-busy={busy}>{t('save')}</button>
        </div>
      </form>
    </Modal>
  );
}
