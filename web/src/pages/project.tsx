/** One crowdfunding project: its figures, description, estimate and pledges. */
import { useState } from 'preact/hooks';
import type { ProjectT } from '../../../schema/api';
import { formatMilli } from '../../../worker/domain/format';
import { lineNormHoursCenti } from '../../../worker/domain/pricing';
import { PROJECT_STATUS_WORDS } from '../../../worker/domain/words/statuses';
import { api } from '../api';
import { PledgeStatusChip, ProjectStatusChip } from '../components/status';
import {
  Button,
  Empty,
  ErrorNote,
  Hours,
  Loading,
  Money,
  PageHeader,
  dateText,
  toast,
  toastFailure,
  useLoad,
  NumTh,
  HiddenTh,
} from '../components/ui';
import { FundingBar } from '../crowdfunding/funding-bar';
import { Markdown } from '../crowdfunding/markdown';
import { AddToQuoteForm, PledgeForm } from '../crowdfunding/pledge-forms';
import { ProjectForm } from '../crowdfunding/project-form';
import { getLang, midSentence, t, word } from '../i18n';
import { Link } from '../router';
import { hasRole, useSession } from '../session';

export function ProjectPage({ id }: { id: number }) {
  const { me, settings } = useSession();
  const project = useLoad(() => api('GET /api/crowdfunding/{id}', { params: { id } }), [id]);
  const customers = useLoad(() => api('GET /api/customers'), []);
  const [pledging, setPledging] = useState(false);
  const [quoting, setQuoting] = useState(false);
  const [editing, setEditing] = useState(false);
  if (project.error) return <ErrorNote error={project.error} onRetry={project.reload} />;
  if (!project.data) return <Loading rows={8} />;
  const p = project.data;
  const canSell = hasRole(me, 'manager', 'admin');
  const canBook = hasRole(me, 'accountant', 'admin');
  const open = p.status === 'open' || p.status === 'funded';

  async function act(run: () => Promise<ProjectT>, message: string) {
    try {
      project.setData(await run());
      toast(message);
    } catch (e) {
      toastFailure(e);
    }
  }
  const move = (status: 'in_development' | 'released' | 'withdrawn') =>
    act(
      () => api('PATCH /api/crowdfunding/{id}', { params: { id: p.id }, body: { version: p.version, status } }),
      t('projectStatusChanged'),
    );

  return (
    <>
      <PageHeader
        title={p.title}
        subtitle={
          <span class="row">
            <span class="mono">{p.code}</span>
            <ProjectStatusChip status={p.status} />
            {p.targetDate && (
              <span class="muted">
                {midSentence(t('targetDate'))} {dateText(p.targetDate)}
              </span>
            )}
          </span>
        }
      >
        {canSell && open && <Button onClick={() => setQuoting(true)}>{t('addToQuote')}</Button>}
        {canSell && open && (
          <Button variant="primary" onClick={() => setPledging(true)}>
            + {t('pledge')}
          </Button>
        )}
        {canSell && p.status !== 'withdrawn' && p.status !== 'released' && (
          <details class="menu">
            <summary class="btn">{t('more')}</summary>
            <div class="menu-list">
              {p.status !== 'in_development' && (
                <button type="button" onClick={() => setEditing(true)}>
                  {t('edit')}
                </button>
              )}
              {open && (
                <button type="button" onClick={() => void move('in_development')}>
                  {t('startDevelopment')}
                </button>
              )}
              {p.status === 'in_development' && (
                <button type="button" onClick={() => void move('released')}>
                  {word(PROJECT_STATUS_WORDS.released)}
                </button>
              )}
              <button type="button" class="danger" onClick={() => confirm(t('withdrawProjectConfirm')) && void move('withdrawn')}>
                {t('withdrawProject')}
              </button>
            </div>
          </details>
        )}
      </PageHeader>
      <div class="grid-3">
        <div class="card card-pad">
          <div class="stat-label">{t('price')}</div>
          <div class="stat-value">
            <Money minor={p.priceMinor} currency={p.currency} />
          </div>
          <div class="small muted">
            <Hours centi={p.normHoursCenti} /> × <Money minor={p.rateMinor} currency={p.currency} />
          </div>
        </div>
        <div class="card card-pad">
          <div class="stat-label">{t('funded')}</div>
          <FundingBar p={p} />
          <div class="small muted">
            {midSentence(t('confirmed'))} <Hours centi={p.confirmedCenti} /> · {midSentence(t('promised'))}{' '}
            <Hours centi={p.promisedCenti} />
            {p.overPledgedCenti > 0 && (
              <>
                {' '}
                ·{' '}
                <strong class="negative">
                  {t('overPrice')} <Hours centi={p.overPledgedCenti} />
                </strong>
              </>
            )}
          </div>
        </div>
        <div class="card card-pad">
          <div class="stat-label">{t('remainingToRaise')}</div>
          <div class="stat-value">
            <Hours centi={p.remainingCenti} />
          </div>
          <div class="small muted">
            {midSentence(t('coFunders'))}: {p.funders}
          </div>
        </div>
      </div>
      <div class="grid-2" style="margin-top:16px;align-items:start">
        <div class="card card-pad">
          <Markdown source={p.description} />
        </div>
        <div class="card">
          <table class="table">
            <caption class="sr-only">{t('projectEstimate')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('work')}</th>
                <NumTh>{t('hours')}</NumTh>
                <NumTh>K</NumTh>
                <NumTh>{t('normHours')}</NumTh>
              </tr>
            </thead>
            <tbody>
              {p.estimate.map((e) => (
                <tr key={e.id}>
                  <td>{e.title || '—'}</td>
                  <td class="num">
                    <Hours centi={e.hoursCenti} />
                  </td>
                  <td class="num">{formatMilli(e.kMilli, getLang())}</td>
                  <td class="num">
                    <Hours centi={lineNormHoursCenti({ quantityMilli: 1000, hoursCenti: e.hoursCenti, kMilli: e.kMilli })} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
      <h2 class="section-title">{t('pledges')}</h2>
      <div class="card">
        {p.pledges.length === 0 ? (
          <Empty>{t('noPledges')}</Empty>
        ) : (
          <table class="table">
            <thead>
              <tr>
                <th scope="col">{t('customer')}</th>
                <th scope="col">{t('date')}</th>
                <NumTh>{t('normHours')}</NumTh>
                <NumTh>{t('amount')}</NumTh>
                <th scope="col">{t('status')}</th>
                <HiddenTh>{t('actions')}</HiddenTh>
              </tr>
            </thead>
            <tbody>
              {p.pledges.map((pl) => (
                <tr key={pl.id}>
                  <td>
                    <Link href={`/customers/${pl.customerId}`}>{pl.customerName}</Link>
                    {pl.note && <div class="small muted">{pl.note}</div>}
                    {pl.quoteId && (
                      <div class="small">
                        <Link href={`/quotes/${pl.quoteId}`}>{t('fromQuote')}</Link>
                      </div>
                    )}
                  </td>
                  <td>{dateText(pl.pledgedOn)}</td>
                  <td class="num">
                    <Hours centi={pl.normHoursCenti} />
                  </td>
                  <td class="num">
                    <Money minor={pl.moneyMinor} currency={p.currency} />
                  </td>
                  <td>
                    <PledgeStatusChip status={pl.status} />
                  </td>
                  <td class="nowrap" style="width:1%">
                    {pl.status === 'promised' && canBook && (
                      <Button
                        class="btn-small"
                        variant="primary"
                        onClick={() =>
                          void act(
                            () => api('POST /api/crowdfunding/{id}/pledges/{pledgeId}/confirm', { params: { id: p.id, pledgeId: pl.id } }),
                            t('pledgeConfirmed'),
                          )
                        }
                      >
                        {t('confirm')}
                      </Button>
                    )}{' '}
                    {pl.status !== 'cancelled' && (pl.status === 'promised' || canBook) && open && (
                      <Button
                        class="btn-small btn-ghost"
                        onClick={() =>
                          void act(
                            () =>
                              api('POST /api/crowdfunding/{id}/pledges/{pledgeId}/cancel', {
                                params: { id: p.id, pledgeId: pl.id },
                                body: { reason: '' },
                              }),
                            t('pledgeCancelled'),
                          )
                        }
                      >
                        {t('cancelPledge')}
                      </Button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      {pledging && (
        <PledgeForm
          project={p}
          customers={customers.data ?? []}
          onClose={() => setPledging(false)}
          onSaved={(x) => {
            setPledging(false);
            project.setData(x);
          }}
        />
      )}
      {quoting && <AddToQuoteForm project={p} customers={customers.data ?? []} onClose={() => setQuoting(false)} />}
      {editing && (
        <ProjectForm
          project={p}
          onClose={() => setEditing(false)}
          onSaved={(x) => {
            setEditing(false);
            project.setData(x);
          }}
        />
      )}
      <p class="small muted" style="margin-top:12px">
        {t('pricesAtCurrentRate')} <Money minor={settings.rateMinor} currency={settings.currency} />.
      </p>
    </>
  );
}
