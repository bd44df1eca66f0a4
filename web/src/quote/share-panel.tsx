/**
 * The manager's side of customer links: make one (shown once), see opens and answers, extend or
 * revoke each. A link belongs to the quote's number and shows its latest sent revision.
 */
import { useState } from 'preact/hooks';
import type { QuoteT, ShareCreatedT } from '../../../schema/api';
import { LINK_STATE_WORDS } from '../../../worker/domain/words/ui';
import { api } from '../api';
import { Icon } from '../components/icons';
import { useSubmit } from '../components/submit';
import { Button, Chip, ErrorNote, Field, Loading, Modal, dateText, dateTimeText, toast, useLoad, NumTh, HiddenTh } from '../components/ui';
import { t, word } from '../i18n';
import { hasRole, useSession } from '../session';

export function ShareDialog({ quote, onClose }: { quote: QuoteT; onClose(): void }) {
  const { settings, me } = useSession();
  const canSell = hasRole(me, 'manager', 'admin');
  const links = useLoad(() => api('GET /api/quotes/{id}/shares', { params: { id: quote.id } }), [quote.id]);
  const [days, setDays] = useState(String(settings.shareLinkDays));
  const [created, setCreated] = useState<ShareCreatedT | null>(null);
  const { busyWith, error, run } = useSubmit<'create' | 'revoke' | 'renew' | 'revokeOne'>();

  const create = () =>
    run(async () => {
      const link = await api('POST /api/quotes/{id}/share', { params: { id: quote.id }, body: { expiresInDays: Number(days) } });
      setCreated(link);
      await copy(link.url);
      void links.reload();
    }, 'create');

  async function copy(url: string) {
    try {
      await navigator.clipboard.writeText(url);
      toast(t('linkCopied'));
    } catch {
      // the link stays on screen to copy by hand
    }
  }

  async function revoke() {
    if (!confirm(t('revokeConfirm'))) return;
    await run(async () => {
      const { revoked } = await api('DELETE /api/quotes/{id}/share', { params: { id: quote.id } });
      toast(t('linksRevoked', { count: revoked }));
      setCreated(null);
      void links.reload();
    }, 'revoke');
  }

  const renew = (linkId: number) =>
    run(async () => {
      const link = await api('POST /api/quotes/{id}/shares/{linkId}/renew', {
        params: { id: quote.id, linkId },
        body: { expiresInDays: Number(days) },
      });
      toast(t('renewedUntil', { date: dateText(link.expiresAt) }));
      void links.reload();
    }, 'renew');

  async function revokeOne(linkId: number) {
    if (!confirm(t('revokeOneConfirm'))) return;
    await run(async () => {
      await api('DELETE /api/quotes/{id}/shares/{linkId}', { params: { id: quote.id, linkId } });
      toast(t('linkRevoked'));
      void links.reload();
    }, 'revokeOne');
  }

  const active = (links.data ?? []).filter((l) => l.state === 'active');
  return (
    <Modal title={`${t('customerLink')} · ${quote.number}`} onClose={onClose} wide>
      <ErrorNote error={error} />
      {quote.answeredAt && (
        <div class={`note ${quote.status === 'accepted' ? 'note-success' : 'note-warning'}`}>
          <span>
            {t('customerAnswer')}: <strong>{quote.answerName}</strong> · {dateTimeText(quote.answeredAt)}
            {quote.answerMessage && <> — «{quote.answerMessage}»</>}
          </span>
        </div>
      )}
      {created ? (
        <div class="stack">
          <p>{t('linkShownOnce')}</p>
          <div class="row">
            <input
              readOnly
              value={created.url}
              aria-label={t('link')}
              class="mono"
              style="flex:1"
              onFocus={(e) => e.currentTarget.select()}
            />
            <Button onClick={() => void copy(created.url)}>
              <Icon name="link" /> {t('copy')}
            </Button>
            <a class="btn" href={created.url} target="_blank" rel="noopener noreferrer">
              {t('open')}
            </a>
          </div>
          <p class="small muted">{`${t('validUntil')} ${dateText(created.expiresAt)}.`}</p>
        </div>
      ) : (
        <div class="row" style="align-items:flex-end">
          <Field label={t('linkValidity')}>
            {(id) => (
              <select id={id} value={days} onChange={(e) => setDays(e.currentTarget.value)}>
                {[7, 14, 30, 60, 90].map((d) => (
                  <option key={d} value={String(d)}>
                    {t('daysCount', { days: d })}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Button variant="primary" busy={busyWith('create')} onClick={create}>
            <Icon name="link" /> {t('createAndCopyLink')}
          </Button>
        </div>
      )}
      <h3 class="section-title">{t('linksOfNumber', { number: quote.baseNumber })}</h3>
      <p class="small muted">{t('linksShowLatest')}</p>
      {!links.data ? (
        <Loading rows={2} />
      ) : links.data.length === 0 ? (
        <p class="muted">{t('noLinks')}</p>
      ) : (
        <table class="table">
          <thead>
            <tr>
              <th scope="col">{t('linkCreated')}</th>
              <th scope="col">{t('validUntil')}</th>
              <th scope="col">{t('firstOpened')}</th>
              <th scope="col">{t('lastOpened')}</th>
              <NumTh>{t('opens')}</NumTh>
              <th scope="col">{t('status')}</th>
              {canSell && <HiddenTh>{t('actions')}</HiddenTh>}
            </tr>
          </thead>
          <tbody>
            {links.data.map((l) => (
              <tr key={l.id}>
                <td>{dateTimeText(l.createdAt)}</td>
                <td>{dateText(l.expiresAt)}</td>
                <td>{l.firstOpenedAt ? dateTimeText(l.firstOpenedAt) : '—'}</td>
                <td>{l.lastOpenedAt ? dateTimeText(l.lastOpenedAt) : '—'}</td>
                <td class="num">{l.openCount}</td>
                <td>
                  <Chip tone={l.state === 'active' ? 'success' : 'neutral'}>{word(LINK_STATE_WORDS[l.state])}</Chip>
                </td>
                {canSell && (
                  <td class="row-actions">
                    {l.state !== 'revoked' && (
                      <Button class="btn-small" onClick={() => void renew(l.id)} title={t('linkValidity')}>
                        {t('renewLink')}
                      </Button>
                    )}
                    {l.state === 'active' && (
                      <Button class="btn-small" variant="ghost" onClick={() => void revokeOne(l.id)}>
                        {t('revokeLink')}
                      </Button>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {active.length > 0 && (
        <div class="modal-foot">
          <Button variant="danger" onClick={revoke}>
            {t('revokeAll')}
          </Button>
        </div>
      )}
    </Modal>
  );
}
