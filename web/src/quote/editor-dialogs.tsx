/** The editor's dialogs: a conflict, a K that needs a reason, a copy, a work order, the audit trail. */
import { useState } from 'preact/hooks';
import type { QuoteLineT, QuoteT } from '../../../schema/api';
import { AUDIT_ACTION_WORDS } from '../../../worker/domain/audit-words';
import { formatMilli } from '../../../worker/domain/format';
import { upperFirst } from '../../../worker/domain/words/case';
import { api } from '../api';
import { CustomerPicker } from '../components/customer-picker';
import { useSubmit } from '../components/submit';
import { Button, ErrorNote, Field, Loading, Modal, dateTimeText, toast, useLoad, FormFoot } from '../components/ui';
import { getLang, t, word } from '../i18n';
import { navigate } from '../router';
import { auditSentence } from './audit-text';
import type { Conflict } from './editor-state';

export function ConflictDialog({ conflict, onResolve }: { conflict: Conflict; onResolve(keepMine: boolean): Promise<void> }) {
  const [busy, setBusy] = useState(false);
  const run = async (keep: boolean) => {
    setBusy(true);
    try {
      await onResolve(keep);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal title={t('conflictTitle')} onClose={() => void run(true)}>
      <p>
        {conflict.by ? t('conflictBy', { name: conflict.by.actorName, at: dateTimeText(conflict.by.at) }) : t('conflictElsewhere')}{' '}
        {t('changesNotLost')}
      </p>
      <ul class="pending-list">
        {conflict.pending.map((op, i) => (
          <li key={i}>{op.label}</li>
        ))}
      </ul>
      <div class="modal-foot">
        <Button busy={busy} onClick={() => void run(false)}>
          {t('dropMine')}
        </Button>
        <Button variant="primary" busy={busy} onClick={() => void run(true)}>
          {t('applyMine')}
        </Button>
      </div>
    </Modal>
  );
}

export function KReasonDialog(props: {
  line: QuoteLineT;
  kMilli: number;
  onCancel(): void;
  onConfirm(reason: string): void;
  returnFocus(): void;
}) {
  const { line, kMilli } = props;
  const lang = getLang();
  const [reason, setReason] = useState('');
  return (
    <Modal title={t('kReasonTitle')} onClose={props.onCancel} returnFocus={props.returnFocus}>
      <form
        class="stack"
        onSubmit={(e) => {
          e.preventDefault();
          if (reason.trim()) props.onConfirm(reason.trim());
        }}
      >
        <p>{t('kReasonText', { code: line.code, base: formatMilli(line.baseKMilli, lang), k: formatMilli(kMilli, lang) })}</p>
        <Field label={t('reason')}>
          {(id) => (
            <input
              id={id}
              value={reason}
              autoFocus
              onInput={(e) => setReason(e.currentTarget.value)}
              placeholder={t('kReasonPlaceholder')}
            />
          )}
        </Field>
        <FormFoot onCancel={props.onCancel} disabled={!reason.trim()} />
      </form>
    </Modal>
  );
}

/** A copy under a new number, for this customer or another one. */
export function CopyDialog({ quote, onClose }: { quote: QuoteT; onClose(): void }) {
  const customers = useLoad(() => api('GET /api/customers'), []);
  const [customerId, setCustomerId] = useState<number | null>(quote.customerId);
  const { busy, error, run } = useSubmit();
  const [missing, setMissing] = useState(false);
  async function create(e: Event) {
    e.preventDefault();
    if (customerId === null) return setMissing(true);
    await run(async () => {
      const copy = await api('POST /api/quotes/{id}/duplicate', { params: { id: quote.id }, body: { customerId } });
      toast(t('copyCreated', { number: copy.number, customer: copy.customerName }));
      onClose();
      navigate(`/quotes/${copy.id}`);
    });
  }
  return (
    <Modal title={t('copyTitle', { number: quote.number })} onClose={onClose}>
      <form class="stack" onSubmit={create} noValidate>
        <ErrorNote error={error} />
        <p class="small muted">{t('copyHint')}</p>
        <Field label={t('copyCustomer')} error={missing ? t('pickCustomer') : null}>
          {(id, describedBy) =>
            customers.data ? (
              <CustomerPicker
                id={id}
                customers={customers.data}
                value={customerId}
                describedBy={describedBy}
                invalid={missing}
                onChange={(v) => {
                  setCustomerId(v);
                  setMissing(false);
                }}
              />
            ) : (
              <Loading rows={1} />
            )
          }
        </Field>
        <FormFoot onCancel={onClose} busy={busy}>
          {t('createCopy')}
        </FormFoot>
      </form>
    </Modal>
  );
}

export function CreateOrderDialog({ quote, onClose }: { quote: QuoteT; onClose(): void }) {
  const [split, setSplit] = useState<'by_line' | 'by_section' | 'single'>(quote.sections.length > 1 ? 'by_section' : 'by_line');
  const { busy, error, run } = useSubmit();
  async function create(e: Event) {
    e.preventDefault();
    await run(async () => {
      const order = await api('POST /api/quotes/{id}/order', { params: { id: quote.id }, body: { split } });
      toast(t('orderCreated'));
      navigate(`/orders/${order.id}`);
    });
  }
  const options: [typeof split, string, string][] = [
    ['by_line', t('splitByLine'), t('splitByLineHint')],
    ['by_section', t('splitBySection'), t('splitBySectionHint')],
    ['single', t('splitSingle'), t('splitSingleHint')],
  ];
  return (
    <Modal title={t('orderFromQuote', { number: quote.number })} onClose={onClose}>
      <form class="stack" onSubmit={create}>
        <ErrorNote error={error} />
        <fieldset class="field" style="border:0;padding:0;margin:0">
          <legend class="legend">{t('stages')}</legend>
          {options.map(([value, label, hint]) => (
            <label key={value} class="check" style="align-items:flex-start;margin:4px 0">
              <input
                type="radio"
                name="split"
                value={value}
                checked={split === value}
                disabled={value === 'by_section' && quote.sections.length === 0}
                onChange={() => setSplit(value)}
              />
              <span>
                {label} <span class="small muted">— {hint}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <p class="small muted">{t('orderQueueHint')}</p>
        <FormFoot onCancel={onClose} busy={busy}>
          {t('createOrder')}
        </FormFoot>
      </form>
    </Modal>
  );
}

export function AuditDialog({ quoteId, onClose }: { quoteId: number; onClose(): void }) {
  const audit = useLoad(() => api('GET /api/quotes/{id}/audit', { params: { id: quoteId } }), [quoteId]);
  return (
    <Modal title={t('auditTitle')} onClose={onClose} wide>
      <ErrorNote error={audit.error} onRetry={audit.reload} />
      {!audit.data ? (
        <Loading />
      ) : (
        <table class="table audit-table">
          <thead>
            <tr>
              <th scope="col">{t('when')}</th>
              <th scope="col">{t('who')}</th>
              <th scope="col">{t('what')}</th>
            </tr>
          </thead>
          <tbody>
            {audit.data.map((a) => {
              const action = AUDIT_ACTION_WORDS[a.action];
              const sentence = auditSentence(a);
              return (
                <tr key={a.id}>
                  <td class="nowrap small">
                    {dateTimeText(a.at)}
                    <div class="faint">{a.number}</div>
                  </td>
                  <td class="small">
                    {a.actorName}
                    {a.actorKind === 'customer' && (
                      <div class="faint">
                        {t('customerViaLink')}
                        {a.ip ? ` · IP ${a.ip}` : ''}
                      </div>
                    )}
                  </td>
                  <td class="small">
                    <strong>{upperFirst(action ? word(action) : t('someChange'))}</strong>
                    {sentence && <div class="audit-sentence">{sentence}</div>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </Modal>
  );
}
