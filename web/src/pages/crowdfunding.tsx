/** Crowdfunding: the projects with their funding bars; tick 2–4 to compare them. */
import { useState } from 'preact/hooks';
import { api } from '../api';
import { Icon } from '../components/icons';
import { ProjectStatusChip } from '../components/status';
import { Button, ErrorNote, Hours, Listing, Money, PageHeader, dateText, useLoad, NumTh, HiddenTh } from '../components/ui';
import { FundingBar } from '../crowdfunding/funding-bar';
import { ProjectForm } from '../crowdfunding/project-form';
import { t } from '../i18n';
import { Link, navigate } from '../router';
import { hasRole, useSession } from '../session';

export function CrowdfundingPage() {
  const { me, settings } = useSession();
  const list = useLoad(() => api('GET /api/crowdfunding'), []);
  const [selected, setSelected] = useState<number[]>([]);
  const [creating, setCreating] = useState(false);
  const canEdit = hasRole(me, 'manager', 'admin');
  const toggle = (id: number) => setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : s.length >= 4 ? s : [...s, id]));
  return (
    <>
      <PageHeader title={t('navCrowdfunding')} subtitle={t('crowdfundingSubtitle')}>
        <Button
          disabled={selected.length < 2}
          onClick={() => navigate(`/crowdfunding/compare?ids=${selected.join(',')}`)}
          title={t('compareHint')}
        >
          {t('compareCount', { count: selected.length })}
        </Button>
        {canEdit && (
          <Button variant="primary" onClick={() => setCreating(true)}>
            <Icon name="plus" /> {t('newProject')}
          </Button>
        )}
      </PageHeader>
      <ErrorNote error={list.error} onRetry={list.reload} />
      <div class="card">
        <Listing
          items={list.data}
          loadingRows={5}
          empty={
            <>
              <strong>{t('noProjects')}</strong>
              {t('noProjectsHint')}
            </>
          }
        >
          {(items) => (
            <table class="table">
              <thead>
                <tr>
                  <HiddenTh>{t('compare')}</HiddenTh>
                  <th scope="col">{t('project')}</th>
                  <th scope="col">{t('status')}</th>
                  <NumTh>{t('price')}</NumTh>
                  <NumTh>{t('normHours')}</NumTh>
                  <th scope="col" style="min-width:180px">
                    {t('funded')}
                  </th>
                  <NumTh>{t('remaining')}</NumTh>
                  <NumTh>{t('coFunders')}</NumTh>
                </tr>
              </thead>
              <tbody>
                {items.map((p) => (
                  <tr key={p.id}>
                    <td style="width:1%">
                      <input
                        type="checkbox"
                        aria-label={t('compareProject', { code: p.code })}
                        checked={selected.includes(p.id)}
                        disabled={!selected.includes(p.id) && selected.length >= 4}
                        onChange={() => toggle(p.id)}
                      />
                    </td>
                    <td>
                      <Link href={`/crowdfunding/${p.id}`}>{p.title}</Link>
                      <div class="small muted mono">
                        {p.code}
                        {p.targetDate ? ` · ${t('targetBy')} ${dateText(p.targetDate)}` : ''}
                      </div>
                    </td>
                    <td>
                      <ProjectStatusChip status={p.status} />
                    </td>
                    <td class="num">
                      <Money minor={p.priceMinor} currency={settings.currency} />
                    </td>
                    <td class="num">
                      <Hours centi={p.normHoursCenti} />
                    </td>
                    <td>
                      <FundingBar p={p} />
                    </td>
                    <td class="num">
                      <Hours centi={p.remainingCenti} />
                    </td>
                    <td class="num">{p.funders}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Listing>
      </div>
      {creating && <ProjectForm onClose={() => setCreating(false)} onSaved={(p) => navigate(`/crowdfunding/${p.id}`)} />}
    </>
  );
}
