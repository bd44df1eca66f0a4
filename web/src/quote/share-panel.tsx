/** The manager's side of customer links: make one (shown once), see opens and answers, revoke. */
import { useState } from 'preact/hooks';
import type { QuoteT, ShareCreatedT, ShareLinkInfoT } from '../../../schema/api';
import { del, get, post } from '../api';
import { Icon } from '../components/icons';
import { Button, Chip, ErrorNote, Field, Loading, Modal, dateText, dateTimeText, toast, useLoad } from '../components/ui';
import { tr } from '../i18n';
import { useSession } from '../session';

export function ShareDialog({ quote, onClose }: { quote: QuoteT; onClose(): void }) {
  const { settings } = useSession();
  const links = useLoad(() => get<ShareLinkInfoT[]>(`/api/quotes/${quote.id}/shares`), [quote.id]);
  const [days, setDays] = useState(String(settings.shareLinkDays));
  const [created, setCreated] = useState<ShareCreatedT | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function create() {
    setBusy(true);
    setError(null);
    try {
      const link = await post<ShareCreatedT>(`/api/quotes/${quote.id}/share`, { expiresInDays: Number(days) });
      setCreated(link);
      await copy(link.url);
      void links.reload();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  async function copy(url: string) {
    try {
      await navigator.clipboard.writeText(url);
      toast(tr('Ссылка скопирована', 'Link copied'));
    } catch {
      // the link stays on screen to copy by hand
    }
  }

  async function revoke() {
    if (!confirm(tr('Отозвать все ссылки на эту редакцию? Заказчик больше не сможет их открыть.', 'Revoke every link to this revision? The customer will no longer be able to open them.'))) return;
    try {
      const { revoked } = await del<{ revoked: number }>(`/api/quotes/${quote.id}/share`);
      toast(tr(`Отозвано ссылок: ${revoked}`, `${revoked} links revoked`));
      setCreated(null);
      void links.reload();
    } catch (e) {
      setError(e);
    }
  }

  const active = (links.data ?? []).filter((l) => l.state === 'active');
  return (
    <Modal title={tr(`Ссылка для заказчика · ${quote.number}`, `Link for the customer · ${quote.number}`)} onClose={onClose} wide>
      <ErrorNote error={error} />
      {quote.answeredAt && (
        <div class={`note ${quote.status === 'accepted' ? 'note-success' : 'note-warning'}`}>
          <span>
            {tr('Ответ заказчика', 'Customer’s answer')}: <strong>{quote.answerName}</strong> · {dateTimeText(quote.answeredAt)}
            {quote.answerMessage && <> — «{quote.answerMessage}»</>}
          </span>
        </div>
      )}
      {created ? (
        <div class="stack">
          <p>{tr('Ссылка создана и скопирована. Она показывается один раз: у нас хранится только её отпечаток.', 'The link is made and copied. It is shown once: only its fingerprint is kept.')}</p>
          <div class="row">
            <input readOnly value={created.url} aria-label={tr('Ссылка', 'Link')} class="mono" style="flex:1" onFocus={(e) => e.currentTarget.select()} />
            <Button onClick={() => void copy(created.url)}>
              <Icon name="link" /> {tr('Копировать', 'Copy')}
            </Button>
            <a class="btn" href={created.url} target="_blank" rel="noopener noreferrer">
              {tr('Открыть', 'Open')}
            </a>
          </div>
          <p class="small muted">{tr(`Действует до ${dateText(created.expiresAt)}.`, `Valid until ${dateText(created.expiresAt)}.`)}</p>
        </div>
      ) : (
        <div class="row" style="align-items:flex-end">
          <Field label={tr('Срок действия', 'Valid for')}>
            {(id) => (
              <select id={id} value={days} onChange={(e) => setDays(e.currentTarget.value)}>
                {[7, 14, 30, 60, 90].map((d) => (
                  <option key={d} value={String(d)}>
                    {tr(`${d} дней`, `${d} days`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Button variant="primary" busy={busy} onClick={create}>
            <Icon name="link" /> {tr('Создать и скопировать ссылку', 'Make and copy a link')}
          </Button>
        </div>
      )}
      <h3 class="section-title">{tr('Ссылки на эту редакцию', 'Links to this revision')}</h3>
      {!links.data ? (
        <Loading rows={2} />
      ) : links.data.length === 0 ? (
        <p class="muted">{tr('Ссылок ещё нет.', 'No links yet.')}</p>
      ) : (
        <table class="table">
          <thead>
            <tr>
              <th scope="col">{tr('Создана', 'Made')}</th>
              <th scope="col">{tr('Действует до', 'Valid until')}</th>
              <th scope="col">{tr('Впервые открыта', 'First opened')}</th>
              <th scope="col" class="num">{tr('Открытий', 'Opens')}</th>
              <th scope="col">{tr('Состояние', 'State')}</th>
            </tr>
          </thead>
          <tbody>
            {links.data.map((l) => (
              <tr key={l.id}>
                <td>{dateTimeText(l.createdAt)}</td>
                <td>{dateText(l.expiresAt)}</td>
                <td>{l.firstOpenedAt ? dateTimeText(l.firstOpenedAt) : '—'}</td>
                <td class="num">{l.openCount}</td>
                <td>
                  <Chip tone={l.state === 'active' ? 'success' : 'neutral'}>
                    {l.state === 'active' ? tr('действует', 'active') : l.state === 'expired' ? tr('истекла', 'expired') : tr('отозвана', 'revoked')}
                  </Chip>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {active.length > 0 && (
        <div class="modal-foot">
          <Button variant="danger" onClick={revoke}>
            {tr('Отозвать все ссылки', 'Revoke all links')}
          </Button>
        </div>
      )}
    </Modal>
  );
}
