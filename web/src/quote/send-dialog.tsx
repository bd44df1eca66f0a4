/**
 * «Отправить»: freeze the revision and, by default, e-mail the customer its link and PDF. The
 * recipients come from the customer card, the manager may add a note; the preview is the
 * server's own rendering of the message (the link itself is made when it leaves).
 */
import { useEffect, useState } from 'preact/hooks';
import type { MailPreviewT, QuoteT } from '../../../schema/api';
import { api } from '../api';
import { Icon } from '../components/icons';
import { Button, ErrorNote, Field, Loading, Modal } from '../components/ui';
import { t } from '../i18n';

const EMAIL = /^[^\s@,;]+@[^\s@,;]+\.[^\s@,;]+$/;

/** The addresses typed into «Кому», or the words that are wrong with them. */
export function parseRecipients(text: string): { to: string[] } | { error: string } {
  const to = [...new Set(text.split(/[\s,;]+/).filter(Boolean))];
  if (to.length === 0) return { error: t('recipientsMissing') };
  const bad = to.find((a) => !EMAIL.test(a));
  if (bad) return { error: t('recipientBad', { address: bad }) };
  if (to.length > 10) return { error: t('recipientsTooMany') };
  return { to };
}

export function SendDialog({
  quote,
  onSend,
  onClose,
}: {
  quote: QuoteT;
  onSend(email: { to: string[]; message?: string } | null): Promise<boolean>;
  onClose(): void;
}) {
  const [preview, setPreview] = useState<MailPreviewT | null>(null);
  const [byMail, setByMail] = useState(true);
  const [to, setTo] = useState('');
  const [message, setMessage] = useState('');
  const [toError, setToError] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  // The first preview gives the customer card's addresses; later ones follow the note, a moment after typing stops.
  useEffect(() => {
    let live = true;
    const timer = setTimeout(
      () => {
        api('POST /api/quotes/{id}/mail-preview', { params: { id: quote.id }, body: message.trim() ? { message } : {} })
          .then((p) => {
            if (!live) return;
            setPreview((before) => {
              if (!before) {
                setTo(p.to.join(', '));
                setByMail(p.to.length > 0);
              }
              return p;
            });
          })
          .catch((e) => live && setError(e));
      },
      preview ? 400 : 0,
    );
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [quote.id, message]);

  // By e-mail, the addresses come with the first preview: until then «Отправить» waits, so a quick hand does not meet
  // «no address» for a customer who has one (a failed preview lets the person type them).
  const ready = !byMail || preview !== null || error !== null;

  async function submit(e: Event) {
    e.preventDefault();
    if (!ready) return;
    setToError(null);
    let email: { to: string[]; message?: string } | null = null;
    if (byMail) {
      const parsed = parseRecipients(to);
      if ('error' in parsed) return setToError(parsed.error);
      email = { to: parsed.to, ...(message.trim() ? { message: message.trim() } : {}) };
    }
    setBusy(true);
    try {
      if (await onSend(email)) onClose();
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal title={t('sendTitle', { number: quote.number })} onClose={onClose} wide>
      <form class="stack" onSubmit={submit} noValidate>
        <ErrorNote error={error} />
        <label class="check">
          <input type="checkbox" checked={byMail} onChange={(e) => setByMail(e.currentTarget.checked)} /> {t('sendByEmail')}
        </label>
        {byMail ? (
          <>
            <Field label={t('recipients')} hint={t('recipientsHint')} error={toError ?? undefined}>
              {(id) => (
                <input id={id} type="text" inputMode="email" autoComplete="off" value={to} onInput={(e) => setTo(e.currentTarget.value)} />
              )}
            </Field>
            <Field label={t('mailMessage')} hint={t('mailMessageHint')}>
              {(id) => <textarea id={id} rows={3} maxLength={5000} value={message} onInput={(e) => setMessage(e.currentTarget.value)} />}
            </Field>
            <section class="mail-preview" aria-label={t('mailPreview')}>
              <h3 class="section-title">{t('mailPreview')}</h3>
              {!preview ? (
                <Loading rows={3} />
              ) : (
                <>
                  <p class="small">
                    <span class="muted">{t('mailSubject')}:</span> <strong>{preview.subject}</strong>
                  </p>
                  <pre class="mail-text">{preview.text}</pre>
                  <p class="small muted">
                    <Icon name="link" /> {t('mailLinkLater')} {t('mailAttachment')}: {preview.attachment}
                  </p>
                </>
              )}
            </section>
          </>
        ) : (
          <p class="muted">{t('sendWithoutMail')}</p>
        )}
        <div class="modal-foot">
          <Button onClick={onClose}>{t('cancel')}</Button>
          <button type="submit" class="btn btn-primary" disabled={busy || !ready} aria-busy={busy || !ready}>
            {t('send')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
