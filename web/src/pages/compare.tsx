/** Crowdfunding projects side by side, the best value of each row highlighted. */
import type { ComponentChildren } from 'preact';
import type { ComparisonT } from '../../../schema/api';
import { bestOf } from '../../../worker/domain/crowdfunding';
import { api, download } from '../api';
import { Icon } from '../components/icons';
import { SelectField, customerChoices } from '../components/select-field';
import { ProjectStatusChip } from '../components/status';
import { Button, Chip, ErrorNote, Field, Hours, Loading, Money, PageHeader, toastFailure, useLoad, HiddenTh } from '../components/ui';
import { FundingBar } from '../crowdfunding/funding-bar';
import { t } from '../i18n';
import { Link, setQuery, useLocation } from '../router';
import { useSession } from '../session';

type Row = {
  label: string;
  value: (p: ComparisonT['projects'][number]) => ComponentChildren;
  score?: (p: ComparisonT['projects'][number]) => number;
  best?: 'min' | 'max';
};

export function ComparePage() {
  const { settings } = useSession();
  const { query } = useLocation();
  const ids = query.get('ids') ?? '';
  const n = query.get('n') ?? '2';
  const customerId = query.get('customerId') ?? '';
  const customers = useLoad(() => api('GET /api/customers'), []);
  const cmp = useLoad(() => api('GET /api/crowdfunding/compare', { query: { ids, n, customerId } }), [ids, n, customerId]);
  const currency = settings.currency;
  const rows: Row[] = [
    { label: t('price'), value: (p) => <Money minor={p.priceMinor} currency={currency} />, score: (p) => p.priceMinor, best: 'min' },
    { label: t('normHours'), value: (p) => <Hours centi={p.normHoursCenti} />, score: (p) => p.normHoursCenti, best: 'min' },
    { label: t('confirmed'), value: (p) => <Hours centi={p.confirmedCenti} />, score: (p) => p.confirmedCenti, best: 'max' },
    { label: t('promised'), value: (p) => <Hours centi={p.promisedCenti} />, score: (p) => p.promisedCenti, best: 'max' },
    { label: t('remaining'), value: (p) => <Hours centi={p.remainingCenti} />, score: (p) => p.remainingCenti, best: 'min' },
    { label: t('funded'), value: (p) => <FundingBar p={p} />, score: (p) => p.fundedMilli, best: 'max' },
    { label: t('coFunders'), value: (p) => p.funders, score: (p) => p.funders, best: 'max' },
    {
      label: t('sharePerFunder', { n }),
      value: (p) => (
        <>
          <Money minor={p.perFunderMinor} currency={currency} />
          <div class="small muted">
            <Hours centi={p.perFunderCenti} />
          </div>
        </>
      ),
      score: (p) => p.perFunderMinor,
      best: 'min',
    },
  ];
  if (cmp.data?.customer) {
    rows.push({
      label: t('customerCovers', { name: cmp.data.customer.name }),
      value: (p) => (p.customerCovers ? <Chip tone="success">{t('yes')}</Chip> : <Chip tone="warning">{t('no')}</Chip>),
      score: (p) => (p.customerCovers ? 1 : 0),
      best: 'max',
    });
  }
  const bestIn = (row: Row) => (cmp.data && row.score ? bestOf(cmp.data.projects, row.score, row.best ?? 'max') : new Set<number>());
  const excel = () =>
    download('GET /api/crowdfunding/compare.xlsx', { query: { ids, n, customerId } }, 'crowdfunding.xlsx').catch(toastFailure);
  return (
    <>
      <PageHeader title={t('compareTitle')} subtitle={t('bestHighlighted')}>
        <Field label={t('newCoFunders')}>
          {(id) => (
            <input
              id={id}
              type="number"
              min={1}
              max={50}
              value={n}
              class="narrow"
              onChange={(e) => setQuery({ n: e.currentTarget.value || '2' })}
            />
          )}
        </Field>
        <SelectField
          label={t('testBalance')}
          value={customerId}
          empty={t('noCustomerChosen')}
          choices={customerChoices(customers.data)}
          onChange={(v) => setQuery({ customerId: v || null })}
        />
        <Button onClick={excel} style="align-self:flex-end">
          <Icon name="download" /> Excel
        </Button>
      </PageHeader>
      <ErrorNote error={cmp.error} onRetry={cmp.reload} />
      {!cmp.data ? (
        <Loading rows={8} />
      ) : (
        <div class="card compare">
          <table class="table">
            <thead>
              <tr>
                <HiddenTh>{t('figure')}</HiddenTh>
                {cmp.data.projects.map((p) => (
                  <th scope="col" key={p.id}>
                    <Link href={`/crowdfunding/${p.id}`}>{p.title}</Link>
                    <div class="row" style="margin-top:4px">
                      <span class="mono small">{p.code}</span>
                      <ProjectStatusChip status={p.status} />
                    </div>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const best = bestIn(row);
                return (
                  <tr key={row.label}>
                    <th scope="row">{row.label}</th>
                    {cmp.data!.projects.map((p) => (
                      <td key={p.id} class={`num ${best.has(p.id) ? 'best' : ''}`}>
                        {row.value(p)}
                        {best.has(p.id) && <span class="best-mark">{t('best')}</span>}
                      </td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
