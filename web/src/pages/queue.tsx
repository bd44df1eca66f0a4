/** The queue board: orders by state, in order of final approval, and why each waiting one waits. */
import type { OrderT } from '../../../schema/api';
import { get } from '../api';
import { Empty, ErrorNote, Hours, Loading, PageHeader, dateText, useLoad } from '../components/ui';
import { t, tr } from '../i18n';
import { ORDER_STATUS } from '../orders/status';
import { Link } from '../router';

const COLUMNS: OrderT['status'][] = ['queued', 'in_progress', 'paused', 'done'];

export function QueuePage() {
  const orders = useLoad(() => get<OrderT[]>('/api/orders'), []);
  return (
    <>
      <PageHeader title={t('nav_queue')} subtitle={tr('Заявки выполняются в порядке окончательного согласования', 'Work orders run in the order of their final approval')} />
      <ErrorNote error={orders.error} onRetry={orders.reload} />
      {!orders.data ? (
        <Loading rows={6} />
      ) : orders.data.length === 0 ? (
        <div class="card"><Empty><strong>{tr('Заявок пока нет', 'No work orders yet')}</strong>{tr('Заявка создаётся из принятой сметы.', 'A work order is made from an accepted quote.')}</Empty></div>
      ) : (
        <div class="board">
          {COLUMNS.map((status) => {
            const list = orders.data!.filter((o) => o.status === status);
            const word = ORDER_STATUS[status];
            return (
              <section key={status} class={`board-col board-${status}`} aria-labelledby={`col-${status}`}>
                <h2 id={`col-${status}`}>
                  {tr(word.ru, word.en)} <span class="count">{list.length}</span>
                </h2>
                {list.length === 0 && <p class="small muted">{tr('Пусто', 'Empty')}</p>}
                {list.map((o) => {
                  const done = o.stages.filter((s) => s.status === 'accepted').length;
                  const next = o.stages.find((s) => s.status === 'pending');
                  return (
                    <article key={o.id} class="board-card">
                      <div class="row">
                        <Link class="mono" href={`/orders/${o.id}`}>{o.number}</Link>
                        <span class="spacer" />
                        <span class="small muted">{dateText(o.approvedAt)}</span>
                      </div>
                      <div class="board-customer">{o.customerName}</div>
                      <div class="small muted">{o.quoteTitle}</div>
                      <div class="progress" role="img" aria-label={tr(`Этапов принято: ${done} из ${o.stages.length}`, `${done} of ${o.stages.length} stages accepted`)}>
                        <span style={`width:${(100 * done) / Math.max(1, o.stages.length)}%`} />
                      </div>
                      <div class="small">
                        {tr('этапы', 'stages')} {done}/{o.stages.length}
                        {next && <> · {tr('следующий', 'next')}: <Hours centi={next.normHoursCenti} /></>}
                      </div>
                      {o.waiting && <p class="board-why small">{o.waiting}</p>}
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
