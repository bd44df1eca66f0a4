/** A pledge to a project, and a project's share added to a customer's quote. */
import { useState } from 'preact/hooks';
import type { CustomerT, ProjectT } from '../../../schema/api';
import { formatFixed, parseFixed } from '../../../worker/domain/format';
import { api } from '../api';
import { SelectField, customerChoices } from '../components/select-field';
import { useSubmit } from '../components/submit';
import { ErrorNote, Field, Modal, toast, useLoad, FormFoot } from '../components/ui';
import { getLang, t } from '../i18n';
import { navigate } from '../router';

export function PledgeForm({
  project,
  customers,
  onClose,
  onSaved,
}: {
  project: ProjectT;
  customers: CustomerT[];
  onClose(): void;
  onSaved(p: ProjectT): void;
}) {
  const [customerId, setCustomerId] = useState(String(customers[0]?.id ?? ''));
  const [hours, setHours] = useState(formatFixed(project.remainingCenti, 2, getLang()));
  const [note, setNote] = useState('');
  const { busy, error, setError, run } = useSubmit();
  async function save(e: Event) {
    e.preventDefault();
    const value = parseFixed(hours, 2);
    if (value === null || value <= 0) return setError(new Error(t('pledgePositive')));
    await run(async () => {
      onSaved(
        await api('POST /api/crowdfunding/{id}/pledges', {
          params: { id: project.id },
          body: { customerId: Number(customerId), normHoursCenti: value, note },
        }),
      );
      toast(t('pledgeRecorded'));
    });
  }
  return (
    <Modal title={t('pledgeTo', { code: project.code })} onClose={onClose}>
      <form class="stack" onSubmit={save} noValidate>
        <ErrorNote error={error} />
        <SelectField label={t('customer')} value={customerId} choices={customerChoices(customers)} onChange={setCustomerId} />
        <Field label={t('normHours')} hint={t('pledgeHoursHint')}>
          {(id) => <input id={id} class="num" inputMode="decimal" value={hours} onInput={(e) => setHours(e.currentTarget.value)} />}
        </Field>
        <Field label={t('pledgeNote')}>{(id) => <input id={id} value={note} onInput={(e) => setNote(e.currentTarget.value)} />}</Field>
        <FormFoot onCancel={onClose} busy={busy} />
      </form>
    </Modal>
  );
}

export function AddToQuoteForm({ project, customers, onClose }: { project: ProjectT; customers: CustomerT[]; onClose(): void }) {
  const [customerId, setCustomerId] = useState(String(customers[0]?.id ?? ''));
  const [n, setN] = useState('2');
  const drafts = useLoad(
    () => (customerId ? api('GET /api/quotes', { query: { customerId, status: 'draft', pageSize: 100 } }) : Promise.resolve(null)),
    [customerId],
  );
  const [quoteId, setQuoteId] = useState('');
  const { busy, error, run } = useSubmit();
  async function add(e: Event) {
    e.preventDefault();
    await run(async () => {
      let target = Number(quoteId);
      let version = 0;
      if (!target) {
        const created = await api('POST /api/quotes', {
          body: { customerId: Number(customerId), title: `${t('coFunding')}: ${project.title}`.slice(0, 300) },
        });
        target = created.id;
        version = created.version;
      } else {
        version = (await api('GET /api/quotes/{id}', { params: { id: target } })).version;
      }
      await api('POST /api/crowdfunding/{id}/quote-line', { params: { id: project.id }, body: { quoteId: target, version, n: Number(n) } });
      toast(t('shareAdded'));
      navigate(`/quotes/${target}`);
    });
  }
  return (
    <Modal title={t('shareIntoQuote')} onClose={onClose}>
      <form class="stack" onSubmit={add}>
        <ErrorNote error={error} />
        <SelectField
          label={t('customer')}
          value={customerId}
          choices={customerChoices(customers)}
          onChange={(v) => {
            setCustomerId(v);
            setQuoteId('');
          }}
        />
        <SelectField
          label={t('quote')}
          value={quoteId}
          empty={t('newQuote')}
          choices={(drafts.data?.items ?? []).map((q) => [
            String(q.id),
            <>
              {q.number} · {q.title}
            </>,
          ])}
          onChange={setQuoteId}
        />
        <Field label={t('splitAmong')} hint={t('splitHint')}>
          {(id) => <input id={id} type="number" min={1} max={50} value={n} onInput={(e) => setN(e.currentTarget.value)} />}
        </Field>
        <p class="small muted">{t('shareBecomesPledge')}</p>
        <FormFoot onCancel={onClose} busy={busy}>
          {t('add')}
        </FormFoot>
      </form>
    </Modal>
  );
}
