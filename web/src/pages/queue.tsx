/** The queue board: orders by state, in order of final approval, and why each waiting one waits. */
import type { OrderT } from '../../../schema/api';
import { api } from '../api';
import { orderStatusWord } from '../components/status';
import { Empty, ErrorNote, Hours, Loading, PageHeader, dateText, useLoad } from '../components/ui';
import { midSentence, t } from '../i18n';
import { Link } from '../router';
import { LowBalanceFlag } from '../components/low-balance';

const COLUMNS: OrderT['status'][] = ['queued', 'in_progress', 'paused', 'done'];

export function QueuePage() {
  const orders = useLoad(() => api('GET /api/orders'), []);
  return (
    <>
      <PageHeader title={t('navQueue')} subtitle={t('queueSubtitle')} />
      <ErrorNote error={orders.error} onRetry={orders.reload} />
      {!orders.data ? (
        <Loading rows={6} />
      ) : orders.data.length === 0 ? (
        <div class="card">
          <Empty>
            <strong>{t('noOrdersYet')}</strong>
            {t('orderFromAcceptedQuote')}
          </Empty>
        </div>
      ) : (
        <div class="board">
          {COLUMNS.map((status) => {
            const list = orders.data!.filter((o) => o.status === status);
            return (
              <section key={status} class={`board-col board-${status}`} aria-labelledby={`col-${status}`}>
                <h2 id={`col-${status}`}>
                  {orderStatusWord(status)} <span class="count">{list.length}</span>
                </h2>
                {list.length === 0 && <p class="small muted">{t('emptyColumn')}</p>}
                {list.map((o) => {
                  const done = o.stages.filter((s) => s.status === 'accepted').length;
                  const next = o.stages.find((s) => s.status === 'pending');
                  return (
                    <article key={o.id} class="board-card">
                      <div class="row">
                        <Link class="mono" href={`/orders/${o.id}`}>
                          {o.number}
                        </Link>
                        <span class="spacer" />
                        <span class="small muted">{dateText(o.approvedAt)}</span>
                      </div>
                      <div class="board-customer">{o.customerName}</div>
                      <div class="small muted">{o.quoteTitle}</div>
                      <div class="progress" role="img" aria-label={t('stagesAcceptedOf', { done, total: o.stages.length })}>
                        <span style={`width:${(100 * done) / Math.max(1, o.stages.length)}%`} />
                      </div>
                      <div class="small">
                        {midSentence(t('stages'))} {done}/{o.stages.length}
                        {next && (
                          <>
                            {' '}
                            · {t('nextStage')}: <Hours centi={next.normHoursCenti} />
                          </>
                        )}
                      </div>
                      {o.waiting && <p class="board-why small">{o.waiting}</p>}
                      {o.lowBalance?.low && o.status !== 'done' && <LowBalanceFlag low={o.lowBalance} compact />}
                    </article>
                  );
                })}
              </section>
            );
          })}
        </div>
      )}
    </>
  );
}
