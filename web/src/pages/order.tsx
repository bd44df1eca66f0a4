/** One work order: its stages, accepting the next one (debiting the ledger), withdrawal. */
import { useState } from 'preact/hooks';
import type { OrderT, StageT } from '../../../schema/api';
import { formatFixed, formatMilli, parseFixed } from '../../../worker/domain/format';
import { lineNormHoursCenti } from '../../../worker/domain/pricing';
import { get, post } from '../api';
import { Button, ErrorNote, Field, Hours, Loading, Modal, Money, PageHeader, dateText, dateTimeText, toast, useLoad } from '../components/ui';
import { getLang, t, tr } from '../i18n';
import { OrderStatusChip, StageStatusChip } from '../orders/status';
import { Link } from '../router';
import { hasRole, useSession } from '../session';

export function OrderPage({ id }: { id: number }) {
  const { me } = useSession();
  const order = useLoad(() => get<OrderT>(`/api/orders/${id}`), [id]);
  const [accepting, setAccepting] = useState<StageT | null>(null);
  const [withdrawing, setWithdrawing] = useState(false);
  if (order.error) return <ErrorNote error={order.error} onRetry={order.reload} />;
  if (!order.data) return <Loading rows={8} />;
  const o = order.data;
  const next = o.stages.find((s) => s.status === 'pending');
  const canAccept = hasRole(me, 'accountant', 'manager', 'admin');
  const canWithdraw = hasRole(me, 'manager', 'admin') && (o.status === 'queued' || o.status === 'in_progress' || o.status === 'paused');
  const debited = o.stages.reduce((s, x) => s + (x.debitedCenti ?? 0), 0);
  const planned = o.stages.reduce((s, x) => s + x.normHoursCenti, 0);

  return (
    <>
      <PageHeader
        title={`${tr('Заявка', 'Work order')} ${o.number}`}
        subtitle={
          <span class="row">
            <OrderStatusChip status={o.status} />
            <Link href={`/customers/${o.customerId}`}>{o.customerName}</Link>
            <span class="muted">
              · {tr('смета', 'quote')} <Link class="mono" href={`/quotes/${o.quoteId}`}>{o.quoteNumber}</Link> · {tr('согласована', 'approved')} {dateTimeText(o.approvedAt)}
            </span>
          </span>
        }
      >
        {canWithdraw && (
          <Button variant="danger" onClick={() => setWithdrawing(true)}>
            {o.status === 'queued' ? tr('Отозвать заявку', 'Withdraw the order') : tr('Отозвать остаток', 'Withdraw the rest')}
          </Button>
        )}
      </PageHeader>
      {o.waiting && (
        <div class="note note-warning">
          <span>{o.waiting}</span>
          <Link class="btn btn-small" href={`/customers/${o.customerId}`}>{tr('К балансу заказчика', 'To the balance')}</Link>
        </div>
      )}
      <div class="grid-3">
        <div class="card card-pad">
          <div class="stat-label">{tr('Баланс заказчика', 'Customer balance')}</div>
          <div class={`stat-value ${o.balanceCenti < 0 ? 'negative' : ''}`}><Hours centi={o.balanceCenti} /></div>
        </div>
        <div class="card card-pad">
          <div class="stat-label">{tr('Списано по заявке', 'Debited for this order')}</div>
          <div class="stat-value"><Hours centi={debited} /></div>
          <div class="small muted">{tr('из плановых', 'of planned')} <Hours centi={planned} /></div>
        </div>
        <div class="card card-pad">
          <div class="stat-label">{tr('Стоимость нормо-часа', 'Norm-hour rate')}</div>
          <div class="stat-value"><Money minor={o.rateMinor} currency={o.currency} /></div>
          <div class="small muted">{tr('зафиксирована в смете', 'frozen in the quote')}</div>
        </div>
      </div>
      <h2 class="section-title">{tr('Этапы', 'Stages')}</h2>
      <div class="card">
        <table class="table">
          <thead>
            <tr>
              <th scope="col">№</th>
              <th scope="col">{tr('Этап', 'Stage')}</th>
              <th scope="col">{tr('Состояние', 'Status')}</th>
              <th scope="col" class="num">{tr('План, нормо-ч', 'Planned, norm-h')}</th>
              <th scope="col" class="num">{tr('Списано', 'Debited')}</th>
              <th scope="col" class="num">{tr('Сумма', 'Money')}</th>
              <th scope="col"><span class="sr-only">{tr('Действия', 'Actions')}</span></th>
            </tr>
          </thead>
          <tbody>
            {o.stages.map((s) => (
              <tr key={s.n}>
                <td class="num">{s.n}</td>
                <td>
                  {s.title}
                  <div class="small muted">
                    {s.lines.map((l) => `${l.code} ${formatFixed(l.hoursCenti, 2, getLang())} ${tr('ч', 'h')} × K ${formatMilli(l.kMilli, getLang())}${l.actualTime ? tr(' (по факту)', ' (actual time)') : ''}`).join('; ')}
                  </div>
                </td>
                <td>
                  <StageStatusChip status={s.status} />
                  {s.acceptedAt && <div class="small muted">{dateTimeText(s.acceptedAt)}</div>}
                </td>
                <td class="num"><Hours centi={s.normHoursCenti} /></td>
                <td class="num">{s.debitedCenti === null ? '—' : <Hours centi={s.debitedCenti} />}</td>
                <td class="num">{s.moneyMinor === null ? '—' : <Money minor={s.moneyMinor} currency={o.currency} />}</td>
                <td style="width:1%">
                  {canAccept && next?.n === s.n && (
                    <Button variant="primary" class="btn-small" disabled={o.status !== 'in_progress'} title={o.waiting ?? undefined} onClick={() => setAccepting(s)}>
                      {tr('Принять этап', 'Accept stage')}
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {accepting && (
        <AcceptStageDialog
          order={o}
          stage={accepting}
          onClose={() => setAccepting(null)}
          onDone={(after) => {
            setAccepting(null);
            order.setData(after);
          }}
        />
      )}
      {withdrawing && (
        <WithdrawDialog
          order={o}
          onClose={() => setWithdrawing(false)}
          onDone={(after) => {
            setWithdrawing(false);
            order.setData(after);
          }}
        />
      )}
    </>
  );
}

function AcceptStageDialog({ order, stage, onClose, onDone }: { order: OrderT; stage: StageT; onClose(): void; onDone(o: OrderT): void }) {
  const lang = getLang();
  const actualLines = stage.lines.filter((l) => l.actualTime);
  const [actual, setActual] = useState<Record<number, string>>(Object.fromEntries(actualLines.map((l) => [l.lineId, formatFixed(Math.round((l.quantityMilli * l.hoursCenti) / 1000), 2, lang)])));
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  // One key per dialog: a double click or a retry after a network error debits once.
  const [idempotencyKey] = useState(() => crypto.randomUUID());

  const preview = stage.lines.map((l) => {
    const spent = l.actualTime ? parseFixed(actual[l.lineId] ?? '', 2) : null;
    const norm = l.actualTime && spent !== null ? lineNormHoursCenti({ quantityMilli: 1000, hoursCenti: spent, kMilli: l.kMilli }) : l.normHoursCenti;
    return { line: l, norm };
  });
  const total = preview.reduce((s, p) => s + (p.norm ?? 0), 0);

  async function submit(e: Event) {
    e.preventDefault();
    const lines = [];
    for (const l of actualLines) {
      const value = parseFixed(actual[l.lineId] ?? '', 2);
      if (value === null || value <= 0) return setError(new Error(tr(`Укажите фактические часы для ${l.code}`, `Enter the actual hours of ${l.code}`)));
      lines.push({ lineId: l.lineId, actualHoursCenti: value });
    }
    setBusy(true);
    setError(null);
    try {
      const result = await post<{ order: OrderT }>(`/api/orders/${order.id}/stages/${stage.n}/accept`, lines.length ? { lines } : {}, { 'idempotency-key': idempotencyKey });
      toast(tr(`Этап ${stage.n} принят, нормо-часы списаны`, `Stage ${stage.n} accepted and debited`));
      onDone(result.order);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal title={tr(`Приёмка этапа ${stage.n}`, `Accepting stage ${stage.n}`)} onClose={onClose} wide>
      <form class="stack" onSubmit={submit} noValidate>
        <ErrorNote error={error} />
        <p>
          {stage.title}. {tr('Фиксированные услуги списываются по нормо-часам сметы, услуги с оплатой по факту — по фактически затраченным часам × K.', 'Fixed services are debited by the quote’s norm-hours; actual-time services by the hours actually spent × K.')}
        </p>
        <table class="table">
          <thead>
            <tr>
              <th scope="col">{tr('Услуга', 'Service')}</th>
              <th scope="col" class="num">{tr('Часы', 'Hours')}</th>
              <th scope="col" class="num">K</th>
              <th scope="col" class="num">{tr('К списанию', 'To debit')}</th>
            </tr>
          </thead>
          <tbody>
            {preview.map(({ line, norm }) => (
              <tr key={line.lineId}>
                <td>{line.code} {line.title}</td>
                <td class="num">
                  {line.actualTime ? (
                    <Field label={tr('Факт, ч', 'Actual, h')} class="inline-field">
                      {(id) => <input id={id} class="num narrow" inputMode="decimal" value={actual[line.lineId]} onInput={(e) => setActual({ ...actual, [line.lineId]: e.currentTarget.value })} />}
                    </Field>
                  ) : (
                    formatFixed(Math.round((line.quantityMilli * line.hoursCenti) / 1000), 2, lang)
                  )}
                </td>
                <td class="num">{formatMilli(line.kMilli, lang)}</td>
                <td class="num"><Hours centi={norm} /></td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <td colSpan={3}>{tr('Итого к списанию', 'Total to debit')}</td>
              <td class="num"><Hours centi={total} /></td>
            </tr>
          </tfoot>
        </table>
        <p class="small muted">
          {tr('На балансе', 'Balance')}: <Hours centi={order.balanceCenti} />
          {order.overdraftCenti > 0 && <> · {tr('допустимый минус', 'overdraft')}: <Hours centi={order.overdraftCenti} /></>}
        </p>
        <div class="modal-foot">
          <Button onClick={onClose}>{t('cancel')}</Button>
          <button type="submit" class="btn btn-primary" disabled={busy} aria-busy={busy}>{tr('Принять и списать', 'Accept and debit')}</button>
        </div>
      </form>
    </Modal>
  );
}

function WithdrawDialog({ order, onClose, onDone }: { order: OrderT; onClose(): void; onDone(o: OrderT): void }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  async function submit(e: Event) {
    e.preventDefault();
    try {
      onDone(await post<OrderT>(`/api/orders/${order.id}/withdraw`, { reason }));
      toast(tr('Заявка отозвана', 'Work order withdrawn'));
    } catch (err) {
      setError(err);
    }
  }
  const started = order.stages.some((s) => s.status === 'accepted');
  return (
    <Modal title={tr('Отзыв заявки', 'Withdrawing the order')} onClose={onClose}>
      <form class="stack" onSubmit={submit}>
        <ErrorNote error={error} />
        <p>
          {started
            ? tr('Принятые этапы остаются списанными; оставшиеся этапы будут отозваны. Если по текущему этапу уже есть работа по факту, сначала примите его с фактическими часами.', 'Accepted stages stay debited; the remaining stages are withdrawn. If the current stage has actual-time work done, accept it with the actual hours first.')
            : tr('Заявка ещё не начата: она будет отозвана целиком, ничего не спишется.', 'The order has not started: it is withdrawn entirely and nothing is debited.')}
        </p>
        <Field label={tr('Причина', 'Reason')}>{(id) => <input id={id} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />}</Field>
        <div class="modal-foot">
          <Button onClick={onClose}>{t('cancel')}</Button>
          <button type="submit" class="btn btn-danger">{tr('Отозвать', 'Withdraw')}</button>
        </div>
      </form>
    </Modal>
  );
}

export { dateText };
