/** Withdrawing a work order: all of it while queued, or the stages not yet signed off. */
import { useState } from 'preact/hooks';
import type { OrderT } from '../../../schema/api';
import { api } from '../api';
import { useSubmit } from '../components/submit';
import { ErrorNote, Field, FormFoot, Modal, toast } from '../components/ui';
import { t } from '../i18n';

export function WithdrawDialog({ order, onClose, onDone }: { order: OrderT; onClose(): void; onDone(o: OrderT): void }) {
  const [reason, setReason] = useState('');
  const { busy, error, run } = useSubmit();
  async function submit(e: Event) {
    e.preventDefault();
    await run(async () => {
      onDone(await api('POST /api/orders/{id}/withdraw', { params: { id: order.id }, body: { reason } }));
      toast(t('orderWithdrawn'));
    });
  }
  const started = order.stages.some((s) => s.status === 'accepted');
  return (
    <Modal title={t('withdrawTitle')} onClose={onClose}>
      <form class="stack" onSubmit={submit}>
        <ErrorNote error={error} />
        <p>{started ? t('withdrawStarted') : t('withdrawNotStarted')}</p>
        <Field label={t('reason')}>{(id) => <input id={id} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />}</Field>
        <FormFoot onCancel={onClose} busy={busy} variant="danger">
          {t('withdraw')}
        </FormFoot>
      </form>
    </Modal>
  );
}
