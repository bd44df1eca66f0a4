/** Admin: every e-mail the service sends — queued, sent, failed — and sending a failed one again. */
import { MAIL_KIND_WORDS } from '../../../worker/domain/words/ui';
import { api } from '../api';
import { MailStatusChip } from '../components/status';
import { useSubmit } from '../components/submit';
import { Button, ErrorNote, Listing, NumTh, PageHeader, dateTimeText, errorText, toast, useLoad, HiddenTh } from '../components/ui';
import { t, word } from '../i18n';

export function MailPage() {
  const mails = useLoad(() => api('GET /api/outbox'), []);
  const { busyWith, run } = useSubmit<number>({ toast: errorText });
  const retry = (id: number) =>
    run(async () => {
      await api('POST /api/outbox/{id}/retry', { params: { id } });
      toast(t('mailRequeued'));
      await mails.reload();
    }, id);

  return (
    <>
      <PageHeader title={t('navMail')} subtitle={t('mailSubtitle')} />
      <ErrorNote error={mails.error} onRetry={mails.reload} />
      <div class="card">
        <Listing items={mails.data} empty={t('mailEmpty')}>
          {(items) => (
            <table class="table">
              <thead>
                <tr>
                  <th scope="col">{t('mailCreated')}</th>
                  <th scope="col">{t('mailKind')}</th>
                  <th scope="col">{t('recipients')}</th>
                  <th scope="col">{t('mailSubject')}</th>
                  <th scope="col">{t('status')}</th>
                  <NumTh>{t('mailAttempts')}</NumTh>
                  <th scope="col">{t('mailSent')}</th>
                  <HiddenTh>{t('actions')}</HiddenTh>
                </tr>
              </thead>
              <tbody>
                {items.map((m) => (
                  <tr key={m.id}>
                    <td>{dateTimeText(m.createdAt)}</td>
                    <td>{word(MAIL_KIND_WORDS[m.kind])}</td>
                    <td class="small">{m.to.join(', ')}</td>
                    <td>
                      {m.subject}
                      {m.error && <div class="small mail-error">{m.error}</div>}
                    </td>
                    <td>
                      <MailStatusChip status={m.status} />
                    </td>
                    <td class="num">{m.attempts}</td>
                    <td>{m.sentAt ? dateTimeText(m.sentAt) : '—'}</td>
                    <td class="row-actions">
                      {m.status === 'failed' && (
                        <Button class="btn-small" busy={busyWith(m.id)} onClick={() => void retry(m.id)}>
                          {t('mailRetry')}
                        </Button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Listing>
      </div>
    </>
  );
}
