/** A customer's prepayment invoices: the section on their page and its dialogs. */
import { useState } from 'preact/hooks';
import type { InvoiceT } from '../../../schema/api';
import { formatFixed, formatMoney, parseFixed } from '../../../worker/domain/format';
import { hoursMoney } from '../../../worker/domain/debit-money';
import { api, download } from '../api';
import { Icon } from '../components/icons';
import { InvoiceStatusChip } from '../components/status';
import { useSubmit } from '../components/submit';
import {
  Button,
  ErrorNote,
  Field,
  FormFoot,
  HiddenTh,
  Hours,
  Listing,
  Modal,
  Money,
  NumTh,
  dateText,
  fieldErrors,
  toast,
  toastFailure,
  useLoad,
} from '../components/ui';
import { getLang, t } from '../i18n';
import { setQuery } from '../router';
import { useSession } from '../session';

/** Prepayment invoices: issue one for N norm-hours, download it, cancel it, record its payment. */
export function InvoicesSection({
  customerId,
  canBook,
  invoices,
  presetHours,
  onPay,
  onChanged,
}: {
  customerId: number;
  canBook: boolean;
  invoices: ReturnType<typeof useLoad<InvoiceT[]>>;
  /** Open the new invoice dialog at once, for these norm-hours (a paused order's shortfall). */
  presetHours?: number | null;
  onPay(invoice: InvoiceT): void;
  onChanged(): void;
}) {
  const [creating, setCreating] = useState(!!presetHours);
  const [cancelling, setCancelling] = useState<InvoiceT | null>(null);
  const file = (i: InvoiceT, kind: 'pdf' | 'xlsx') =>
    void (
      kind === 'pdf'
        ? download('GET /api/invoices/{id}/invoice.pdf', { params: { id: i.id }, query: { lang: getLang() } }, `${i.number}.pdf`)
        : download('GET /api/invoices/{id}/invoice.xlsx', { params: { id: i.id }, query: { lang: getLang() } }, `${i.number}.xlsx`)
    ).catch(toastFailure);
  return (
    <>
      <div class="row" style="margin-top:24px">
        <h2 class="section-title" style="margin:0">
          {t('invoices')}
        </h2>
        <span class="spacer" />
        {canBook && (
          <Button class="btn-small" onClick={() => setCreating(true)}>
            + {t('issueInvoice')}
          </Button>
        )}
      </div>
      <div class="card" style="margin-top:10px">
        <ErrorNote error={invoices.error} onRetry={() => void invoices.reload()} />
        <Listing items={invoices.data} loadingRows={2} empty={t('noInvoices')}>
          {(items) => (
            <table class="table" aria-label={t('invoices')}>
              <thead>
                <tr>
                  <th scope="col">{t('invoiceNumber')}</th>
                  <th scope="col">{t('date')}</th>
                  <th scope="col">{t('status')}</th>
                  <NumTh>{t('normHours')}</NumTh>
                  <NumTh>{t('invoiceSum')}</NumTh>
                  <HiddenTh>{t('actions')}</HiddenTh>
                </tr>
              </thead>
              <tbody>
                {items.map((i) => (
                  <tr key={i.id}>
                    <td class="mono">{i.number}</td>
                    <td class="nowrap">{dateText(i.issuedOn)}</td>
                    <td>
                      <InvoiceStatusChip status={i.status} />
                      {i.status === 'paid' && (
                        <div class="small muted">
                          {t('paidBy', { date: dateText(i.paidEntryAt ?? i.paidAt) })}
                          {i.paymentRef ? ` · ${i.paymentRef}` : ''}
                        </div>
                      )}
                      {i.memo && <div class="small muted">{i.memo}</div>}
                    </td>
                    <td class="num">
                      <Hours centi={i.normHoursCenti} />
                    </td>
                    <td class="num">
                      <Money minor={i.totalMinor} currency={i.currency} />
                    </td>
                    <td class="nowrap" style="width:1%">
                      <Button class="btn-small btn-ghost" onClick={() => file(i, 'pdf')} aria-label={`${i.number} PDF`}>
                        <Icon name="download" /> PDF
                      </Button>
                      <Button class="btn-small btn-ghost" onClick={() => file(i, 'xlsx')} aria-label={`${i.number} Excel`}>
                        <Icon name="download" /> Excel
                      </Button>
                      {canBook && i.status === 'issued' && (
                        <>
                          <Button class="btn-small" onClick={() => onPay(i)}>
                            {t('recordPayment')}
                          </Button>
                          <Button class="btn-small btn-ghost" onClick={() => setCancelling(i)}>
                            {t('cancelInvoice')}
                          </Button>
                        </>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Listing>
      </div>
      {creating && (
        <InvoiceForm
          customerId={customerId}
          presetHours={presetHours ?? null}
          onClose={() => {
            setCreating(false);
            if (presetHours) setQuery({ invoice: null });
          }}
          onSaved={() => {
            setCreating(false);
            if (presetHours) setQuery({ invoice: null });
            onChanged();
          }}
        />
      )}
      {cancelling && (
        <CancelInvoiceDialog
          invoice={cancelling}
          onClose={() => setCancelling(null)}
          onDone={() => {
            setCancelling(null);
            onChanged();
          }}
        />
      )}
    </>
  );
}

function InvoiceForm({
  customerId,
  presetHours,
  onClose,
  onSaved,
}: {
  customerId: number;
  presetHours: number | null;
  onClose(): void;
  onSaved(): void;
}) {
  const { settings } = useSession();
  const lang = getLang();
  const [hours, setHours] = useState(presetHours ? formatFixed(presetHours, 2, lang) : '');
  const [memo, setMemo] = useState('');
  const { busy, error, setError, run } = useSubmit();
  // One key per dialog: a double click or a retry after a network error issues one invoice.
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const errors = fieldErrors(error);
  const value = parseFixed(hours, 2);
  const figures = value !== null && value > 0 ? hoursMoney(value, settings) : null;

  async function save(e: Event) {
    e.preventDefault();
    if (value === null || value <= 0) return setError(new Error(t('enterNormHours')));
    await run(async () => {
      const invoice = await api('POST /api/customers/{id}/invoices', {
        params: { id: customerId },
        headers: { 'idempotency-key': idempotencyKey },
        body: { normHoursCenti: value, ...(memo.trim() ? { memo: memo.trim() } : {}) },
      });
      toast(t('invoiceIssued', { number: invoice.number }));
      onSaved();
    });
  }

  return (
    <Modal title={t('newInvoiceTitle')} onClose={onClose}>
      <form class="stack" onSubmit={save} noValidate aria-label={t('newInvoiceTitle')}>
        <ErrorNote error={error} />
        <Field
          label={t('normHours')}
          error={errors.normHoursCenti}
          hint={
            <span aria-live="polite">
              {t('invoiceHoursHint', { rate: formatMoney(settings.rateMinor, settings.currency, lang) })}
              {figures && `: ${t('invoiceSum')} ${formatMoney(figures.totalMinor, settings.currency, lang)}`}
            </span>
          }
        >
          {(id, describedBy) => (
            <input
              id={id}
              class="num"
              inputMode="decimal"
              value={hours}
              aria-describedby={describedBy}
              onInput={(e) => setHours(e.currentTarget.value)}
              autoFocus
            />
          )}
        </Field>
        <Field label={t('invoiceMemo')} error={errors.memo}>
          {(id) => <input id={id} value={memo} onInput={(e) => setMemo(e.currentTarget.value)} maxLength={1000} />}
        </Field>
        <FormFoot onCancel={onClose} busy={busy}>
          {t('issueInvoice')}
        </FormFoot>
      </form>
    </Modal>
  );
}

function CancelInvoiceDialog({ invoice, onClose, onDone }: { invoice: InvoiceT; onClose(): void; onDone(): void }) {
  const { busy, error, run } = useSubmit();
  async function submit(e: Event) {
    e.preventDefault();
    await run(async () => {
      await api('POST /api/invoices/{id}/cancel', { params: { id: invoice.id } });
      toast(t('invoiceCancelled', { number: invoice.number }));
      onDone();
    });
  }
  return (
    <Modal title={t('cancelInvoice')} onClose={onClose}>
      <form class="stack" onSubmit={submit}>
        <ErrorNote error={error} />
        <p>{t('cancelInvoiceText', { number: invoice.number })}</p>
        <div class="modal-foot">
          <Button onClick={onClose}>{t('keepInvoice')}</Button>
          <button type="submit" class="btn btn-danger" disabled={busy} aria-busy={busy}>
            {t('cancelInvoice')}
          </button>
        </div>
      </form>
    </Modal>
  );
}

/** The customer's invoices, for the accountant only (others get none, without asking). */
export function useInvoices(customerId: number, enabled: boolean) {
  return useLoad(
    () => (enabled ? api('GET /api/customers/{id}/invoices', { params: { id: customerId } }) : Promise.resolve([] as InvoiceT[])),
    [customerId, enabled],
  );
}
