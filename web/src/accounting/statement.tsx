/** The customer's month statement: its figures, and Excel and PDF for a month. */
import { useState } from 'preact/hooks';
import { monthTitle } from '../../../worker/domain/words/months';
import { api, download } from '../api';
import { Icon } from '../components/icons';
import { useSubmit } from '../components/submit';
import { Button, Chip, ErrorNote, Field, Hours, Money, NumTh, errorText, useLoad } from '../components/ui';
import { getLang, t } from '../i18n';
import { useSession } from '../session';
import { companyMonth, previousMonth } from './calendar';

/** The customer's month statement: Excel and PDF for a month picked here (last month by default). */
export function StatementButtons({ customerId, month, compact }: { customerId: number; month: string; compact?: boolean }) {
  const { busyWith, run } = useSubmit<'xlsx' | 'pdf'>({ toast: errorText });
  const get = (kind: 'xlsx' | 'pdf') =>
    run(async () => {
      const options = { params: { id: customerId }, query: { month, lang: getLang() } };
      if (kind === 'pdf') await download('GET /api/customers/{id}/statement.pdf', options, `statement-${customerId}-${month}.pdf`);
      else await download('GET /api/customers/{id}/statement.xlsx', options, `statement-${customerId}-${month}.xlsx`);
    }, kind);
  const cls = compact ? 'btn-small btn-ghost' : 'btn-small';
  return (
    <span class={compact ? 'statement-links' : 'nowrap'}>
      <Button
        class={cls}
        busy={busyWith('xlsx')}
        onClick={() => void get('xlsx')}
        title={t('statementHint')}
        aria-label={t('statementExcel')}
      >
        <Icon name="download" /> {compact ? 'Excel' : t('statementExcel')}
      </Button>{' '}
      <Button class={cls} busy={busyWith('pdf')} onClick={() => void get('pdf')} title={t('statementHint')} aria-label={t('statementPdf')}>
        <Icon name="download" /> {compact ? 'PDF' : t('statementPdf')}
      </Button>
    </span>
  );
}

/** The month statement's figures on the customer's page, last month by default. */
export function StatementCard({ customerId }: { customerId: number }) {
  const { settings } = useSession();
  const current = companyMonth(settings.timeZone);
  const [month, setMonth] = useState(previousMonth(current));
  const statement = useLoad(
    () => api('GET /api/customers/{id}/statement', { params: { id: customerId }, query: { month } }),
    [customerId, month],
  );
  const s = statement.data;
  return (
    <>
      <h2 class="section-title">{t('statement')}</h2>
      <div class="card card-pad">
        <p class="small muted" style="margin-top:0">
          {t('statementHint')}
        </p>
        <div class="row" style="align-items:flex-end;flex-wrap:wrap">
          <Field label={t('month')}>
            {(id) => (
              <input
                id={id}
                type="month"
                value={month}
                max={current}
                onChange={(e) => e.currentTarget.value && setMonth(e.currentTarget.value)}
              />
            )}
          </Field>
          {s?.closed && (
            <span style="padding-bottom:8px">
              <Chip tone="neutral">{t('monthClosed')}</Chip>
            </span>
          )}
          <span class="spacer" />
          <StatementButtons customerId={customerId} month={month} />
        </div>
        <ErrorNote error={statement.error} onRetry={() => void statement.reload()} />
        {s && (
          <table
            class="table"
            style="margin-top:12px"
            aria-label={t('statementOf', { name: s.customer.name, month: monthTitle(month, getLang()) })}
          >
            <thead>
              <tr>
                <NumTh>{t('opening')}</NumTh>
                <NumTh>{t('topups')}</NumTh>
                <NumTh>{t('debits')}</NumTh>
                <NumTh>{t('corrections')}</NumTh>
                <NumTh>{t('closing')}</NumTh>
                <NumTh>{t('servicesTotal')}</NumTh>
              </tr>
            </thead>
            <tbody>
              <tr>
                <td class="num">
                  <Hours centi={s.openingCenti} />
                </td>
                <td class="num">
                  <Hours centi={s.totals.topupsCenti} />
                  <div class="small muted">
                    <Money minor={s.totals.topupsMinor} currency={s.currency} />
                  </div>
                </td>
                <td class="num">
                  <Hours centi={s.totals.debits.normHoursCenti} />
                </td>
                <td class="num">
                  <Hours centi={s.totals.correctionsCenti} />
                </td>
                <td class={`num ${s.closingCenti < 0 ? 'negative' : ''}`}>
                  <Hours centi={s.closingCenti} />
                </td>
                <td class="num">
                  <Money minor={s.totals.services.totalMinor} currency={s.currency} />
                </td>
              </tr>
            </tbody>
          </table>
        )}
      </div>
    </>
  );
}
