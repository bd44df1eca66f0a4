/** One work order: its stages, accepting the next one (debiting the ledger), withdrawal. */
import { useState } from 'preact/hooks';
import type { StageT } from '../../../schema/api';
import { formatHours, formatMoney } from '../../../worker/domain/format';
import { api } from '../api';
import { OrderStatusChip, StageStatusChip } from '../components/status';
import {
  Button,
  Chip,
  ErrorNote,
  HiddenTh,
  Hours,
  Loading,
  Money,
  PageHeader,
  dateTimeText,
  toast,
  toastFailure,
  useLoad,
  hoursTimesK,
  NumTh,
} from '../components/ui';
import { getLang, midSentence, t } from '../i18n';
import { Link } from '../router';
import { LowBalanceFlag } from '../components/low-balance';
import { AcceptStageDialog } from '../order/accept-stage-dialog';
import { WithdrawDialog } from '../order/withdraw-dialog';
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
      toastFailure(e);
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
              <HiddenTh>{t('actions')}</HiddenTh>
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
