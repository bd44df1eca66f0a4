/**
 * A customer's account on their card: make, e-mail and revoke the link to it (shown once), see
 * its links; for admins, the end of service and the confirmed deletion of the customer's data.
 */
import { useState } from 'preact/hooks';
import type { CustomerT } from '../../../schema/api';
import { LINK_STATE_WORDS } from '../../../worker/domain/words/ui';
import { api } from '../api';
import { useSubmit } from '../components/submit';
import { Button, Chip, ErrorNote, Field, Loading, NumTh, dateText, dateTimeText, toast, useLoad } from '../components/ui';
import { t, word } from '../i18n';
import { Link } from '../router';
import { hasRole, useSession } from '../session';

export function CustomerAccount({ customer, onChanged }: { customer: CustomerT; onChanged(c: CustomerT): void }) {
  const { me } = useSession();
  const canSell = hasRole(me, 'manager', 'admin');
  const isAdmin = hasRole(me, 'admin');
  const links = useLoad(
    () => (canSell ? api('GET /api/customers/{id}/account-links', { params: { id: customer.id } }) : Promise.resolve([])),
    [customer.id, canSell],
  );
  const [url, setUrl] = useState<string | null>(null);
  const { error, run } = useSubmit();
  const [ends, setEnds] = useState(customer.serviceEndsOn ?? '');
  if (customer.anonymisedAt) return <p class="note note-warning">{t('customerDeleted')}</p>;

  async function make(email: boolean) {
    await run(async () => {
      const link = await api('POST /api/customers/{id}/account-link', { params: { id: customer.id }, body: { email } });
      setUrl(link.url);
      if (link.emailed) toast(t('accountLinkMailed'));
      try {
        await navigator.clipboard.writeText(link.url);
        toast(t('linkCopied'));
      } catch {
        // the link stays on screen to copy by hand
      }
      void links.reload();
    });
  }

  async function revoke() {
    if (!confirm(t('revokeAccountConfirm'))) return;
    await run(async () => {
      const { revoked } = await api('DELETE /api/customers/{id}/account-link', { params: { id: customer.id } });
      toast(t('linksRevoked', { count: revoked }));
      setUrl(null);
      void links.reload();
    });
  }

  async function saveEnd(e: Event) {
    e.preventDefault();
    await run(async () => {
      const saved = await api('PATCH /api/customers/{id}', {
        params: { id: customer.id },
        body: { serviceEndsOn: ends || null, version: customer.version },
      });
      toast(t('saved'));
      onChanged(saved);
    });
  }

  async function anonymise() {
    const typed = prompt(t('confirmDeletionPrompt', { name: customer.name }));
    if (typed === null) return;
    await run(async () => {
      onChanged(await api('POST /api/customers/{id}/anonymise', { params: { id: customer.id }, body: { confirm: typed } }));
      toast(t('customerDeleted'));
    });
  }

  if (!canSell && !isAdmin) return null;
  return (
    <section class="card card-pad stack" aria-labelledby="account-title">
      <h2 id="account-title" class="section-title">
        {t('customerAccount')}
      </h2>
      <p class="small muted">{t('customerAccountHint')}</p>
      <ErrorNote error={error} />
      {canSell && (
        <div class="row">
          <Button variant="primary" onClick={() => void make(false)}>
            {t('makeAccountLink')}
          </Button>
          {customer.email && <Button onClick={() => void make(true)}>{t('mailAccountLink', { email: customer.email })}</Button>}
          <Button variant="danger" onClick={() => void revoke()}>
            {t('revokeAll')}
          </Button>
        </div>
      )}
      {url && (
        <div class="stack">
          <p class="small">{t('linkShownOnce')}</p>
          <input
            class="mono"
            readOnly
            value={url}
            aria-label={t('link')}
            onFocus={(e) => e.currentTarget.select()}
            data-testid="account-link-url"
          />
        </div>
      )}
      {canSell &&
        (!links.data ? (
          <Loading rows={2} />
        ) : links.data.length === 0 ? (
          <p class="small muted">{t('noLinks')}</p>
        ) : (
          <table class="table">
            <thead>
              <tr>
                <th scope="col">{t('linkCreated')}</th>
                <th scope="col">{t('linkValidity')}</th>
                <th scope="col">{t('firstOpened')}</th>
                <NumTh>{t('opens')}</NumTh>
                <th scope="col">{t('status')}</th>
              </tr>
            </thead>
            <tbody>
              {links.data.map((l) => (
                <tr key={l.id}>
                  <td>
                    {dateTimeText(l.createdAt)}
                    {l.byEmail && <div class="small muted">{t('madeByEmail')}</div>}
                  </td>
                  <td>{dateText(l.expiresAt)}</td>
                  <td>{dateTimeText(l.firstOpenedAt)}</td>
                  <td class="num">{l.openCount}</td>
                  <td>
                    <Chip tone={l.state === 'active' ? 'success' : 'neutral'}>{word(LINK_STATE_WORDS[l.state])}</Chip>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      {isAdmin && (
        <form class="row" onSubmit={saveEnd}>
          <Field label={t('serviceEndsOn')} hint={t('serviceEndsHint')}>
            {(id) => <input id={id} type="date" value={ends} onInput={(e) => setEnds(e.currentTarget.value)} />}
          </Field>
          <Button type="submit">{t('save')}</Button>
        </form>
      )}
      {customer.serviceEndsOn && <p class="small">{t('dataAvailableUntil', { date: dateText(addDays(customer.serviceEndsOn, 30)) })}</p>}
      {isAdmin && customer.deletionDueAt && (
        <div class="note note-warning">
          <span>{t('dueDeletionsHint')}</span>
          <Button variant="danger" onClick={() => void anonymise()}>
            {t('confirmDeletion')}
          </Button>
        </div>
      )}
    </section>
  );
}

function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** For admins on the customer list: whose data waits for a confirmed deletion. */
export function DueDeletions() {
  const { me } = useSession();
  const isAdmin = hasRole(me, 'admin');
  const due = useLoad(() => (isAdmin ? api('GET /api/account-deletions') : Promise.resolve([])), [isAdmin]);
  if (!isAdmin || !due.data?.length) return null;
  return (
    <section class="card card-pad stack" aria-labelledby="due-title">
      <h2 id="due-title" class="section-title">
        {t('dueDeletions')}
      </h2>
      <p class="small muted">{t('dueDeletionsHint')}</p>
      <ul>
        {due.data.map((d) => (
          <li key={d.id}>
            <Link href={`/customers/${d.id}`}>{d.name}</Link> · {t('serviceEndsOn')} {dateText(d.serviceEndsOn)}
          </li>
        ))}
      </ul>
    </section>
  );
}
