/** One work order: its stages, accepting the next one (debiting the ledger), withdrawal. */
import { useState } from 'preact/hooks';
import type { OrderT, StageT } from '../../../schema/api';
import { formatFixed, formatHours, formatMilli, formatMoney, parseFixed } from '../../../worker/domain/format';
import { figuresOf } from '../../../worker/domain/debit-money';
import { totalHoursCenti } from '../../../worker/domain/ledger';
import { lineNormHoursCenti, normHoursAmountMinor } from '../../../worker/domain/pricing';
import { api } from '../api';
import { OrderStatusChip, StageStatusChip } from '../components/status';
import {
  Button,
  Chip,
  ErrorNote,
  Field,
  Hours,
  Loading,
  Modal,
  Money,
  PageHeader,
  dateText,
  dateTimeText,
  toast,
  useLoad,
  hoursTimesK,
  NumTh,
  FormFoot,
} from '../components/ui';
import { getLang, midSentence, t } from '../i18n';
import { Link } from '../router';
import { LowBalanceFlag } from '../components/low-balance';
import { hasRole, useSession } from '../session';

export function OrderPage({ id }: { id: number }) {
  const { me } = useSession();
  const order = useLoad(() => api('GET /api/orders/{id}', { params: { id } }), [id]);
  const [accepting, setAccepting] = useState<StageT | null>(null);
  const [withdrawing, setWithdrawing] = useState(false);
  if (order.error) return <ErrorNote error={order.error} onRetry={order.reload} />;
  if (!order.data) return <Loading rows={8} />;
  const o = order.data;
  const next = o.stages.find((s) => s.status === 'pending');
  const canAccept = hasRole(me, 'accountant', 'manager', 'admin');
  const canSell = hasRole(me, 'manager', 'admin');
  async function markReady(n: number) {
    try {
      order.setData(await api('POST /api/orders/{id}/stages/{n}/ready', { params: { id: o.id, n } }));
      toast(t('stageMarkedReady', { n }));
    } catch (e) {
      toast(e instanceof Error ? e.message : String(e), 'danger');
    }
  }
  const canBook = hasRole(me, 'accountant', 'admin');
  const canWithdraw = hasRole(me, 'manager', 'admin') && (o.status === 'queued' || o.status === 'in_progress' || o.status === 'paused');
  const debited = o.stages.reduce((s, x) => s + (x.debitedCenti ?? 0), 0);
  const planned = o.stages.reduce((s, x) => s + x.normHoursCenti, 0);

  return (
    <>
      <PageHeader
        title={`${t('workOrder')} ${o.number}`}
        subtitle={
          <span class="row">
            <OrderStatusChip status={o.status} />
            <Link href={`/customers/${o.customerId}`}>{o.customerName}</Link>
            <span class="muted">
              · {midSentence(t('quote'))}{' '}
              <Link class="mono" href={`/quotes/${o.quoteId}`}>
                {o.quoteNumber}
              </Link>{' '}
              · {midSentence(t('approved'))} {dateTimeText(o.approvedAt)}
            </span>
          </span>
        }
      >
        {canWithdraw && (
          <Button variant="danger" onClick={() => setWithdrawing(true)}>
            {o.status === 'queued' ? t('withdrawOrder') : t('withdrawRest')}
          </Button>
        )}
      </PageHeader>
      {o.waiting && (
        <div class="note note-warning" role="status">
          <span>
            {o.waiting}
            {o.shortfall && (
              <>
                {' '}
                <strong>
                  {t('shortfallText', {
                    hours: formatHours(o.shortfall.normHoursCenti, getLang()),
                    money: formatMoney(o.shortfall.amountMinor, o.currency, getLang()),
                    total: formatMoney(o.shortfall.totalMinor, o.currency, getLang()),
                  })}
                </strong>
              </>
            )}
          </span>
          {canBook && o.shortfall ? (
            <span class="nowrap">
              <Link class="btn btn-small" href={`/customers/${o.customerId}?invoice=${o.shortfall.normHoursCenti}`}>
                {t('issueInvoice')}
              </Link>{' '}
              <Link class="btn btn-small btn-primary" href={`/customers/${o.customerId}?topup=1`}>
                {t('topUpAction')}
              </Link>
            </span>
          ) : (
            <Link class="btn btn-small" href={`/customers/${o.customerId}`}>
              {t('toBalance')}
            </Link>
          )}
        </div>
      )}
      {o.lowBalance?.low && !o.waiting && o.status !== 'done' && o.status !== 'withdrawn' && <LowBalanceFlag low={o.lowBalance} />}
      <div class="grid-3">
        <div class="card card-pad">
          <div class="stat-label">{t('customerBalance')}</div>
          <div class={`stat-value ${o.balanceCenti < 0 ? 'negative' : ''}`}>
            <Hours centi={o.balanceCenti} />
          </div>
        </div>
        <div class="card card-pad">
          <div class="stat-label">{t('debitedForOrder')}</div>
          <div class="stat-value">
            <Hours centi={debited} />
          </div>
          <div class="small muted">
            {t('ofPlanned')} <Hours centi={planned} />
          </div>
        </div>
        <div class="card card-pad">
          <div class="stat-label">{t('normHourRate')}</div>
          <div class="stat-value">
            <Money minor={o.rateMinor} currency={o.currency} />
          </div>
          <div class="small muted">{t('rateFrozen')}</div>
        </div>
      </div>
      <h2 class="section-title">{t('stages')}</h2>
      <div class="card">
        <table class="table">
          <thead>
            <tr>
              <th scope="col">№</th>
              <th scope="col">{t('stage')}</th>
              <th scope="col">{t('status')}</th>
              <NumTh>{t('plannedNormHours')}</NumTh>
              <NumTh>{t('debited')}</NumTh>
              <NumTh>{t('amount')}</NumTh>
              <th scope="col">
                <span class="sr-only">{t('actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {o.stages.map((s) => (
              <tr key={s.n}>
                <td class="num">{s.n}</td>
                <td>
                  {s.title}
                  <div class="small muted">
                    {s.lines
                      .map((l) => `${hoursTimesK(l.code, l.hoursCenti, l.kMilli)}${l.actualTime ? ` (${t('actualTime')})` : ''}`)
                      .join('; ')}
                  </div>
                </td>
                <td>
                  <StageStatusChip status={s.status} />
                  {s.acceptedAt && <div class="small muted">{dateTimeText(s.acceptedAt)}</div>}
                  {s.status === 'pending' && s.readyAt && (
                    <div class="small">
                      <Chip tone="accent">{t('waitsForCustomer')}</Chip> {dateTimeText(s.readyAt)}
                    </div>
                  )}
                </td>
                <td class="num">
                  <Hours centi={s.normHoursCenti} />
                </td>
                <td class="num">{s.debitedCenti === null ? '—' : <Hours centi={s.debitedCenti} />}</td>
                <td class="num">{s.moneyMinor === null ? '—' : <Money minor={s.moneyMinor} currency={o.currency} />}</td>
                <td style="width:1%">
                  {canSell && next?.n === s.n && !s.readyAt && o.status !== 'withdrawn' && o.status !== 'done' && (
                    <Button class="btn-small" title={t('markReadyHint')} onClick={() => void markReady(s.n)}>
                      {t('markReady')}
                    </Button>
                  )}
                  {canAccept && next?.n === s.n && (
                    <Button
                      variant="primary"
                      class="btn-small"
                      disabled={o.status !== 'in_progress'}
                      title={o.waiting ?? undefined}
                      onClick={() => setAccepting(s)}
                    >
                      {t('acceptStage')}
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
  const [actual, setActual] = useState<Record<number, string>>(
    Object.fromEntries(actualLines.map((l) => [l.lineId, formatFixed(totalHoursCenti(l), 2, lang)])),
  );
  const [confirmed, setConfirmed] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  // One key per dialog: a double click or a retry after a network error debits once.
  const [idempotencyKey] = useState(() => crypto.randomUUID());

  const preview = stage.lines.map((l) => {
    const spent = l.actualTime ? parseFixed(actual[l.lineId] ?? '', 2) : null;
    const norm =
      l.actualTime && spent !== null ? lineNormHoursCenti({ quantityMilli: 1000, hoursCenti: spent, kMilli: l.kMilli }) : l.normHoursCenti;
    return { line: l, spent, norm };
  });
  const total = preview.reduce((s, p) => s + (p.norm ?? 0), 0);
  const planned = stage.normHoursCenti;
  const extra = total - planned;
  // The difference in money on the accepted quote's terms (its discount and VAT), as the debit will be.
  const terms = { ...order.terms, rateMinor: order.rateMinor };
  const extraMoney = figuresOf(normHoursAmountMinor(Math.abs(extra), order.rateMinor), terms).totalMinor * Math.sign(extra);
  const overrun = extra > 0;
  const available = order.balanceCenti + order.overdraftCenti;
  const short = available < total;
  const after = order.stages.find((x) => x.n > stage.n && x.status === 'pending');
  const pausesAfter = !short && after !== undefined && available - total < after.normHoursCenti;
  const money = (minor: number) => formatMoney(minor, order.currency, lang);
  const signed = (text: string, n: number) => (n > 0 ? `+${text}` : n < 0 ? `−${text.replace(/^[−-]/, '')}` : text);

  async function submit(e: Event) {
    e.preventDefault();
    const lines = [];
    for (const l of actualLines) {
      const value = parseFixed(actual[l.lineId] ?? '', 2);
      if (value === null || value <= 0) return setError(new Error(t('enterActualHours', { code: l.code })));
      lines.push({ lineId: l.lineId, actualHoursCenti: value });
    }
    if (overrun && !confirmed) return setError(new Error(t('confirmOverrunFirst')));
    setBusy(true);
    setError(null);
    try {
      const result = await api('POST /api/orders/{id}/stages/{n}/accept', {
        params: { id: order.id, n: stage.n },
        body: { ...(lines.length ? { lines } : {}), ...(overrun ? { confirmOverrun: true } : {}) },
        headers: { 'idempotency-key': idempotencyKey },
      });
      if (result.order.status === 'paused') toast(t('stageRecordedPaused', { n: stage.n }), 'warning');
      else toast(t('stageAccepted', { n: stage.n }));
      onDone(result.order);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal title={t('acceptingStage', { n: stage.n })} onClose={onClose} wide>
      <form class="stack" onSubmit={submit} noValidate>
        <ErrorNote error={error} />
        <p>
          {stage.title}. {t('acceptStageHint')}
        </p>
        <table class="table">
          <thead>
            <tr>
              <th scope="col">{t('service')}</th>
              <NumTh>
                {t('planned')}, {t('hourUnit')}
              </NumTh>
              <NumTh>{t('actualHours')}</NumTh>
              <NumTh>K</NumTh>
              <NumTh>{t('plannedNormHours')}</NumTh>
              <NumTh>{t('toDebit')}</NumTh>
            </tr>
          </thead>
          <tbody>
            {preview.map(({ line, norm }) => (
              <tr key={line.lineId}>
                <td>
                  {line.code} {line.title}
                  {line.actualTime && <div class="small muted">{t('actualTime')}</div>}
                </td>
                <td class="num">{formatFixed(totalHoursCenti(line), 2, lang)}</td>
                <td class="num">
                  {line.actualTime ? (
                    <Field label={`${t('actualHours')} ${line.code}`} class="inline-field">
                      {(id) => (
                        <input
                          id={id}
                          class="num narrow"
                          inputMode="decimal"
                          value={actual[line.lineId]}
                          onInput={(e) => {
                            setActual({ ...actual, [line.lineId]: e.currentTarget.value });
                            setConfirmed(false);
                          }}
                        />
                      )}
                    </Field>
                  ) : (
                    '—'
                  )}
                </td>
                <td class="num">{formatMilli(line.kMilli, lang)}</td>
                <td class="num">
                  <Hours centi={line.normHoursCenti} />
                </td>
                <td class={`num ${(norm ?? 0) > line.normHoursCenti ? 'negative' : ''}`}>
                  <Hours centi={norm} />
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <td colSpan={4}>{t('totalToDebit')}</td>
              <td class="num">
                <Hours centi={planned} />
              </td>
              <td class="num">
                <Hours centi={total} />
              </td>
            </tr>
            <tr>
              <td colSpan={4}>{t('difference')}</td>
              <td class="num" colSpan={2} data-testid="sign-off-difference">
                {signed(formatHours(Math.abs(extra), lang), extra)} · {signed(money(Math.abs(extraMoney)), extraMoney)}
              </td>
            </tr>
          </tfoot>
        </table>
        <p class="small muted">
          {t('planned')}: <Money minor={stage.plan.totalMinor} currency={order.currency} /> · {t('onBalance')}: <Hours centi={order.balanceCenti} />
          {order.overdraftCenti > 0 && (
            <>
              {' '}
              · {midSentence(t('overdraftAllowed'))}: <Hours centi={order.overdraftCenti} />
            </>
          )}
        </p>
        {overrun && (
          <div class="note note-warning" role="alert">
            <div class="stack" style="gap:6px">
              <span>{t('overrunWarning', { hours: formatHours(extra, lang), money: money(extraMoney) })}</span>
              <label class="check">
                <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.currentTarget.checked)} /> {t('confirmOverrun')}
              </label>
            </div>
          </div>
        )}
        {short && <div class="note note-warning">{t('shortAfterSignOff')}</div>}
        {pausesAfter && <div class="note note-warning">{t('pausesAfterSignOff')}</div>}
        <FormFoot onCancel={onClose} busy={busy} disabled={overrun && !confirmed}>
          {t('acceptAndDebit')}
        </FormFoot>
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
      onDone(await api('POST /api/orders/{id}/withdraw', { params: { id: order.id }, body: { reason } }));
      toast(t('orderWithdrawn'));
    } catch (err) {
      setError(err);
    }
  }
  const started = order.stages.some((s) => s.status === 'accepted');
  return (
    <Modal title={t('withdrawTitle')} onClose={onClose}>
      <form class="stack" onSubmit={submit}>
        <ErrorNote error={error} />
        <p>{started ? t('withdrawStarted') : t('withdrawNotStarted')}</p>
        <Field label={t('reason')}>{(id) => <input id={id} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />}</Field>
        <FormFoot onCancel={onClose} variant="danger">
          {t('withdraw')}
        </FormFoot>
      </form>
    </Modal>
  );
}

export { dateText };
