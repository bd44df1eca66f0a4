/** The accountant's month: per-customer consumption, the last 12 months, the Excel file. */
import { Fragment } from 'preact';
import { useState } from 'preact/hooks';
import { formatFixed, formatMilli } from '../../../worker/domain/format';
import { LEDGER_KIND_WORDS } from '../../../worker/domain/words/kinds';
import { api, download } from '../api';
import { Icon } from '../components/icons';
import { MonthChart, monthLabel } from '../components/month-chart';
import { monthTitle } from '../../../worker/domain/words/months';
import {
  Button,
  Empty,
  ErrorNote,
  Field,
  FormFoot,
  Hours,
  Loading,
  Modal,
  Money,
  PageHeader,
  dateText,
  errorText,
  toast,
  useLoad,
  NumTh,
  HiddenTh,
} from '../components/ui';
import { LowBalanceFlag } from '../components/low-balance';
import { getLang, t, word } from '../i18n';
import { Link, setQuery, useLocation } from '../router';
import { hasRole, useSession } from '../session';
import { companyMonth } from '../accounting/calendar';
import { StatementButtons } from '../accounting/statement';
import { useSubmit } from '../components/submit';

export function ReportPage() {
  const { settings, me } = useSession();
  const canBook = hasRole(me, 'accountant', 'admin');
  const { query } = useLocation();
  const current = companyMonth(settings.timeZone);
  const month = query.get('month') ?? current;
  const report = useLoad(() => api('GET /api/reports/consumption', { query: { month } }), [month]);
  const series = useLoad(() => api('GET /api/reports/consumption/series', { query: { until: month } }), [month]);
  const [open, setOpen] = useState<number | null>(null);
  const { busy: downloading, run } = useSubmit({ toast: errorText });
  const [closing, setClosing] = useState(false);
  const periods = useLoad(() => (canBook ? api('GET /api/periods') : Promise.resolve(null)), [canBook, month]);
  const closedPeriod = periods.data?.periods.find((p) => p.month === month && p.status === 'closed') ?? null;
  const closed = report.data?.closed ?? false;
  const currency = report.data?.currency ?? settings.currency;

  const excel = () => run(() => download('GET /api/reports/consumption.xlsx', { query: { month } }, `consumption-${month}.xlsx`));

  return (
    <>
      <PageHeader title={t('navReport')} subtitle={t('reportSubtitle', { zone: settings.timeZone })}>
        <Field label={t('month')}>
          {(id) => (
            <input
              id={id}
              type="month"
              value={month}
              max={current}
              onChange={(e) => e.currentTarget.value && setQuery({ month: e.currentTarget.value })}
            />
          )}
        </Field>
        <Button variant="primary" busy={downloading} onClick={excel} style="align-self:flex-end">
          <Icon name="download" /> {downloading ? t('preparingFile') : t('downloadExcel')}
        </Button>
        {canBook && report.data && !closed && (
          <Button
            style="align-self:flex-end"
            disabled={month >= current}
            title={month >= current ? t('cannotCloseCurrent') : undefined}
            onClick={() => setClosing(true)}
          >
            {t('closeMonth')}
          </Button>
        )}
      </PageHeader>
      {report.data && closed && (
        <div class="note note-info" role="status">
          <span>
            <strong>{t('monthClosed')}.</strong>{' '}
            {closedPeriod?.closedAt ? t('monthClosedNote', { date: dateText(closedPeriod.closedAt) }) : ''}
          </span>
        </div>
      )}
      <ErrorNote
        error={report.error ?? series.error}
        onRetry={() => {
          void report.reload();
          void series.reload();
        }}
      />
      <div class="card card-pad" style="margin-bottom:16px">
        <h2 style="margin-bottom:8px">{t('consumption12')}</h2>
        {series.data ? <MonthChart series={series.data} /> : <Loading rows={5} />}
      </div>
      <div class="card">
        {!report.data ? (
          <Loading rows={5} />
        ) : report.data.customers.length === 0 ? (
          <Empty>
            <strong>{t('nothingInMonth', { month: monthLabel(month) })}</strong>
            {t('noMovements')}
          </Empty>
        ) : (
          <div class="table-wrap">
            <table class="table report-table">
              <caption class="sr-only">{t('consumptionFor', { month })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('customer')}</th>
                  <NumTh>{t('opening')}</NumTh>
                  <NumTh>{t('topups')}</NumTh>
                  <NumTh>{t('debits')}</NumTh>
                  <NumTh>{t('corrections')}</NumTh>
                  <NumTh>{t('closing')}</NumTh>
                  <NumTh>{t('servicesNet')}</NumTh>
                  <NumTh>{t('servicesVat')}</NumTh>
                  <NumTh>{t('servicesTotal')}</NumTh>
                  {canBook && <HiddenTh>{t('statement')}</HiddenTh>}
                </tr>
              </thead>
              <tbody>
                {report.data.customers.map((c) => (
                  <Fragment key={c.customerId}>
                    <tr>
                      <td>
                        <button
                          type="button"
                          class="btn btn-ghost btn-small"
                          aria-expanded={open === c.customerId}
                          onClick={() => setOpen(open === c.customerId ? null : c.customerId)}
                        >
                          {open === c.customerId ? '▾' : '▸'} {c.name}
                        </button>
                        <Link class="small" href={`/customers/${c.customerId}`}>
                          {t('profile')}
                        </Link>
                        {c.lowBalance?.low && (
                          <>
                            {' '}
                            <LowBalanceFlag low={c.lowBalance} compact />
                          </>
                        )}
                      </td>
                      <td class="num">
                        <Hours centi={c.openingCenti} />
                      </td>
                      <td class="num">
                        <Hours centi={c.topupsCenti} />
                      </td>
                      <td class="num">
                        <Hours centi={c.debitsCenti} />
                      </td>
                      <td class="num">
                        <Hours centi={c.correctionsCenti} />
                      </td>
                      <td class={`num ${c.closingCenti < 0 ? 'negative' : ''}`}>
                        <Hours centi={c.closingCenti} />
                      </td>
                      <td class="num">
                        <Money minor={c.moneyMinor} currency={currency} />
                      </td>
                      <td class="num">
                        <Money minor={c.vatMinor} currency={currency} />
                      </td>
                      <td class="num">
                        <Money minor={c.totalMinor} currency={currency} />
                      </td>
                      {canBook && (
                        <td
                          class="nowrap"
                          style="width:1%"
                          aria-label={t('statementOf', { name: c.name, month: monthTitle(month, getLang()) })}
                        >
                          <StatementButtons customerId={c.customerId} month={month} compact />
                        </td>
                      )}
                    </tr>
                    {open === c.customerId && (
                      <tr class="catalog-row-detail">
                        <td colSpan={canBook ? 10 : 9}>
                          <CustomerEntries month={month} customerId={c.customerId} currency={currency} />
                        </td>
                      </tr>
                    )}
                  </Fragment>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <td>{t('total')}</td>
                  <td class="num">
                    <Hours centi={report.data.totals.openingCenti} />
                  </td>
                  <td class="num">
                    <Hours centi={report.data.totals.topupsCenti} />
                  </td>
                  <td class="num">
                    <Hours centi={report.data.totals.debitsCenti} />
                  </td>
                  <td class="num">
                    <Hours centi={report.data.totals.correctionsCenti} />
                  </td>
                  <td class="num">
                    <Hours centi={report.data.totals.closingCenti} />
                  </td>
                  <td class="num">
                    <Money minor={report.data.totals.moneyMinor} currency={currency} />
                  </td>
                  <td class="num">
                    <Money minor={report.data.totals.vatMinor} currency={currency} />
                  </td>
                  <td class="num">
                    <Money minor={report.data.totals.totalMinor} currency={currency} />
                  </td>
                  {canBook && <td />}
                </tr>
              </tfoot>
            </table>
          </div>
        )}
      </div>
      {closing && (
        <CloseMonthDialog
          month={month}
          onClose={() => setClosing(false)}
          onDone={() => {
            setClosing(false);
            void report.reload();
            void periods.reload();
          }}
        />
      )}
    </>
  );
}

/** The accountant closes a month (and every month before it): a confirmation, then the server's word. */
function CloseMonthDialog({ month, onClose, onDone }: { month: string; onClose(): void; onDone(): void }) {
  const { busy, error, run } = useSubmit();
  const label = monthTitle(month, getLang());
  async function submit(e: Event) {
    e.preventDefault();
    await run(async () => {
      await api('POST /api/periods/{month}/close', { params: { month } });
      toast(t('monthClosedToast', { month: label }));
      onDone();
    });
  }
  return (
    <Modal title={t('closeMonthTitle', { month: label })} onClose={onClose}>
      <form class="stack" onSubmit={submit}>
        <ErrorNote error={error} />
        <p>{t('closeMonthText')}</p>
        <FormFoot onCancel={onClose} busy={busy} variant="danger">
          {t('closeMonth')}
        </FormFoot>
      </form>
    </Modal>
  );
}

/** One customer's itemised month, read on demand (the summary carries no entries). */
function CustomerEntries(props: { month: string; customerId: number; currency: string }) {
  const { month, customerId, currency } = props;
  const lang = getLang();
  const load = useLoad(() => api('GET /api/reports/consumption', { query: { month, customerId } }), [month, customerId]);
  if (load.error) return <ErrorNote error={load.error} onRetry={() => void load.reload()} />;
  if (!load.data) return <Loading rows={3} />;
  const entries = load.data.customers[0]?.entries ?? [];
  return (
    <>
      {entries.length === 0 ? (
        <p class="muted small">{t('noEntriesThisMonth')}</p>
      ) : (
        <table class="table inner">
          <thead>
            <tr>
              <th scope="col">{t('date')}</th>
              <th scope="col">{t('orderStage')}</th>
              <th scope="col">{t('service')}</th>
              <th scope="col">{t('category')}</th>
              <NumTh>{t('hours')}</NumTh>
              <NumTh>K</NumTh>
              <NumTh>{t('normHours')}</NumTh>
              <NumTh>{t('amount')}</NumTh>
            </tr>
          </thead>
          <tbody>
            {entries.map((e, i) => (
              <tr key={`${e.entryId}-${i}`}>
                <td class="nowrap">{dateText(e.date)}</td>
                <td class="small">
                  {e.orderNumber ? `${e.orderNumber} · ${e.stageN}. ${e.stageTitle}` : word(LEDGER_KIND_WORDS[e.kind])}
                  {!e.orderNumber && e.memo ? ` — ${e.memo}` : ''}
                  {e.paymentRef && e.paymentRef !== e.memo ? ` · ${e.paymentRef}` : ''}
                </td>
                <td class="small">{e.code ? `${e.code} ${e.title}` : '—'}</td>
                <td class="small">{e.categoryName ?? '—'}</td>
                <td class="num">{e.hoursCenti === null ? '—' : formatFixed(e.hoursCenti, 2, lang)}</td>
                <td class="num">{e.kMilli === null ? '—' : formatMilli(e.kMilli, lang)}</td>
                <td class={`num ${e.normHoursCenti < 0 ? 'negative' : ''}`}>
                  <Hours centi={e.normHoursCenti} />
                </td>
                <td class={`num ${e.moneyMinor < 0 ? 'negative' : ''}`}>
                  {e.moneyMinor > 0 ? '+' : ''}
                  {e.moneyMinor ? <Money minor={e.moneyMinor} currency={currency} /> : '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
