/** The accountant's month: per-customer consumption, the last 12 months, the Excel file. */
import { Fragment } from 'preact';
import { useState } from 'preact/hooks';
import type { ConsumptionReportT, SeriesT } from '../../../schema/api';
import { formatFixed, formatMilli } from '../../../worker/domain/format';
import { download, get } from '../api';
import { Icon } from '../components/icons';
import { MonthChart, monthLabel } from '../components/month-chart';
import { Button, Empty, ErrorNote, Field, Hours, Loading, Money, PageHeader, dateText, toast, useLoad } from '../components/ui';
import { getLang, t, tr } from '../i18n';
import { Link, setQuery, useLocation } from '../router';
import { useSession } from '../session';

function thisMonth(timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' }).formatToParts(new Date());
  return `${parts.find((p) => p.type === 'year')!.value}-${parts.find((p) => p.type === 'month')!.value}`;
}

export function ReportPage() {
  const { settings } = useSession();
  const { query } = useLocation();
  const current = thisMonth(settings.timeZone);
  const month = query.get('month') ?? current;
  const report = useLoad(() => get<ConsumptionReportT>(`/api/reports/consumption?month=${month}`), [month]);
  const series = useLoad(() => get<SeriesT>(`/api/reports/consumption/series?until=${month}`), [month]);
  const [open, setOpen] = useState<number | null>(null);
  const [downloading, setDownloading] = useState(false);
  const lang = getLang();
  const currency = report.data?.currency ?? settings.currency;

  async function excel() {
    setDownloading(true);
    try {
      await download(`/api/reports/consumption.xlsx?month=${month}`, `consumption-${month}.xlsx`);
    } catch (e) {
      toast(e instanceof Error ? e.message : String(e), 'danger');
    } finally {
      setDownloading(false);
    }
  }

  return (
    <>
      <PageHeader title={t('nav_report')} subtitle={tr(`Отчёт о расходе нормо-часов · месяцы по времени ${settings.timeZone}`, `Monthly consumption report · months in ${settings.timeZone} time`)}>
        <Field label={tr('Месяц', 'Month')}>
          {(id) => <input id={id} type="month" value={month} max={current} onChange={(e) => e.currentTarget.value && setQuery({ month: e.currentTarget.value })} />}
        </Field>
        <Button variant="primary" busy={downloading} onClick={excel} style="align-self:flex-end">
          <Icon name="download" /> {downloading ? tr('Готовим файл…', 'Preparing the file…') : tr('Скачать Excel', 'Download Excel')}
        </Button>
      </PageHeader>
      <ErrorNote error={report.error ?? series.error} onRetry={() => { void report.reload(); void series.reload(); }} />
      <div class="card card-pad" style="margin-bottom:16px">
        <h2 style="margin-bottom:8px">{tr('Расход за 12 месяцев', 'Consumption over 12 months')}</h2>
        {series.data ? <MonthChart series={series.data} /> : <Loading rows={5} />}
      </div>
      <div class="card">
        {!report.data ? (
          <Loading rows={5} />
        ) : report.data.customers.length === 0 ? (
          <Empty>
            <strong>{tr(`В ${monthLabel(month)} движений не было`, `Nothing happened in ${monthLabel(month)}`)}</strong>
            {tr('Нет пополнений, списаний и остатков.', 'No top-ups, debits or balances.')}
          </Empty>
        ) : (
          <table class="table">
            <caption class="sr-only">{tr(`Расход за ${month}`, `Consumption for ${month}`)}</caption>
            <thead>
              <tr>
                <th scope="col">{tr('Заказчик', 'Customer')}</th>
                <th scope="col" class="num">{tr('Остаток на начало', 'Opening')}</th>
                <th scope="col" class="num">{tr('Пополнения', 'Top-ups')}</th>
                <th scope="col" class="num">{tr('Списания', 'Debits')}</th>
                <th scope="col" class="num">{tr('Корректировки', 'Corrections')}</th>
                <th scope="col" class="num">{tr('Остаток на конец', 'Closing')}</th>
                <th scope="col" class="num">{tr('Сумма списаний', 'Money')}</th>
              </tr>
            </thead>
            <tbody>
              {report.data.customers.map((c) => (
                <Fragment key={c.customerId}>
                  <tr>
                    <td>
                      <button type="button" class="btn btn-ghost btn-small" aria-expanded={open === c.customerId} onClick={() => setOpen(open === c.customerId ? null : c.customerId)}>
                        {open === c.customerId ? '▾' : '▸'} {c.name}
                      </button>
                      <Link class="small" href={`/customers/${c.customerId}`}>{tr('карточка', 'profile')}</Link>
                    </td>
                    <td class="num"><Hours centi={c.openingCenti} /></td>
                    <td class="num"><Hours centi={c.topupsCenti} /></td>
                    <td class="num"><Hours centi={c.debitsCenti} /></td>
                    <td class="num"><Hours centi={c.correctionsCenti} /></td>
                    <td class={`num ${c.closingCenti < 0 ? 'negative' : ''}`}><Hours centi={c.closingCenti} /></td>
                    <td class="num"><Money minor={c.moneyMinor} currency={currency} /></td>
                  </tr>
                  {open === c.customerId && (
                    <tr class="catalog-row-detail">
                      <td colSpan={7}>
                        {c.entries.length === 0 ? (
                          <p class="muted small">{tr('Движений за месяц нет.', 'No entries this month.')}</p>
                        ) : (
                          <table class="table inner">
                            <thead>
                              <tr>
                                <th scope="col">{tr('Дата', 'Date')}</th>
                                <th scope="col">{tr('Заявка, этап', 'Order, stage')}</th>
                                <th scope="col">{tr('Услуга', 'Service')}</th>
                                <th scope="col">{tr('Категория', 'Category')}</th>
                                <th scope="col" class="num">{tr('Часы', 'Hours')}</th>
                                <th scope="col" class="num">K</th>
                                <th scope="col" class="num">{tr('Нормо-часы', 'Norm-hours')}</th>
                                <th scope="col" class="num">{tr('Сумма', 'Money')}</th>
                              </tr>
                            </thead>
                            <tbody>
                              {c.entries.map((e, i) => (
                                <tr key={`${e.entryId}-${i}`}>
                                  <td class="nowrap">{dateText(e.date)}</td>
                                  <td class="small">{e.orderNumber ? `${e.orderNumber} · ${e.stageN}. ${e.stageTitle}` : e.kind === 'topup' ? tr('Пополнение', 'Top-up') : tr('Корректировка', 'Correction')}{!e.orderNumber && e.memo ? ` — ${e.memo}` : ''}</td>
                                  <td class="small">{e.code ? `${e.code} ${e.title}` : '—'}</td>
                                  <td class="small">{e.categoryName ?? '—'}</td>
                                  <td class="num">{e.hoursCenti === null ? '—' : formatFixed(e.hoursCenti, 2, lang)}</td>
                                  <td class="num">{e.kMilli === null ? '—' : formatMilli(e.kMilli, lang)}</td>
                                  <td class={`num ${e.normHoursCenti < 0 ? 'negative' : ''}`}><Hours centi={e.normHoursCenti} /></td>
                                  <td class="num">{e.moneyMinor ? <Money minor={-e.moneyMinor} currency={currency} /> : '—'}</td>
                                </tr>
                              ))}
                            </tbody>
                          </table>
                        )}
                      </td>
                    </tr>
                  )}
                </Fragment>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <td>{tr('Итого', 'Total')}</td>
                <td class="num"><Hours centi={report.data.totals.openingCenti} /></td>
                <td class="num"><Hours centi={report.data.totals.topupsCenti} /></td>
                <td class="num"><Hours centi={report.data.totals.debitsCenti} /></td>
                <td class="num"><Hours centi={report.data.totals.correctionsCenti} /></td>
                <td class="num"><Hours centi={report.data.totals.closingCenti} /></td>
                <td class="num"><Money minor={report.data.totals.moneyMinor} currency={currency} /></td>
              </tr>
            </tfoot>
          </table>
        )}
      </div>
    </>
  );
}
