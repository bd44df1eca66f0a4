/** A customer's money: the ledger with running balance, top-ups and corrections, work orders. */
import { useState } from 'preact/hooks';
import type { LedgerLineT } from '../../../schema/api';
import { formatFixed, parseFixed } from '../../../worker/domain/format';
import { LEDGER_KIND_WORDS } from '../../../worker/domain/words/kinds';
import { companyToday } from '../accounting/calendar';
import { InvoicesSection, useInvoices } from '../accounting/invoices';
import { PaymentForm } from '../accounting/payment-form';
import { StatementCard } from '../accounting/statement';
import { api } from '../api';
import { OrderStatusChip } from '../components/status';
import { useSubmit } from '../components/submit';
import {
  Button,
  Chip,
  ErrorNote,
  Field,
  HiddenTh,
  Hours,
  Listing,
  Modal,
  Money,
  dateText,
  fieldErrors,
  toast,
  topupKindWord,
  useLoad,
  hoursTimesK,
  NumTh,
  FormFoot,
} from '../components/ui';
import { getLang, midSentence, t, word } from '../i18n';
import { Link, setQuery, useLocation } from '../router';
import { hasRole, useSession } from '../session';
import type { InvoiceT } from '../../../schema/api';

export function CustomerMoney({ customerId, currency, onChanged }: { customerId: number; currency: string; onChanged(): void }) {
  const { me } = useSession();
  const ledger = useLoad(() => api('GET /api/customers/{id}/ledger', { params: { id: customerId } }), [customerId]);
  const orders = useLoad(() => api('GET /api/orders', { query: { customerId } }), [customerId]);
  const canBook = hasRole(me, 'accountant', 'admin');
  // «Пополнить» / «Выставить счёт» from a paused order's banner open the dialog here.
  const { query } = useLocation();
  const [form, setForm] = useState<{ kind: 'topup' | 'correction'; corrects?: LedgerLineT; invoice?: InvoiceT } | null>(() =>
    canBook && query.get('topup') ? { kind: 'topup' } : null,
  );
  const [invoiceHours] = useState(() => (canBook ? Number(query.get('invoice')) || null : null));
  const closeForm = () => {
    setForm(null);
    if (query.get('topup')) setQuery({ topup: null });
  };
  const invoices = useInvoices(customerId, canBook);
  const refresh = () => {
    void ledger.reload();
    void orders.reload();
    void invoices.reload();
    onChanged();
  };

  return (
    <>
      <div class="row" style="margin-top:24px">
        <h2 class="section-title" style="margin:0">
          {t('workOrders')}
        </h2>
      </div>
      <div class="card" style="margin-top:10px">
        <Listing items={orders.data} loadingRows={2} empty={t('noOrders')}>
          {(items) => (
            <table class="table">
              <thead>
                <tr>
                  <th scope="col">{t('workOrder')}</th>
                  <th scope="col">{t('quote')}</th>
                  <th scope="col">{t('status')}</th>
                  <th scope="col">{t('stages')}</th>
                  <th scope="col">{t('approved')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((o) => (
                  <tr key={o.id}>
                    <td>
                      <Link class="mono" href={`/orders/${o.id}`}>
                        {o.number}
                      </Link>
                    </td>
                    <td>
                      <Link class="mono" href={`/quotes/${o.quoteId}`}>
                        {o.quoteNumber}
                      </Link>{' '}
                      <span class="small muted">{o.quoteTitle}</span>
                    </td>
                    <td>
                      <OrderStatusChip status={o.status} />
                      {o.waiting && <div class="small muted">{o.waiting}</div>}
                    </td>
                    <td class="num">
                      {o.stages.filter((s) => s.status === 'accepted').length} / {o.stages.length}
                    </td>
                    <td>{dateText(o.approvedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Listing>
      </div>

      <div class="row" style="margin-top:24px">
        <h2 class="section-title" style="margin:0">
          {t('normHourLedger')}
        </h2>
        <span class="spacer" />
        {canBook && (
          <>
            <Button class="btn-small" onClick={() => setForm({ kind: 'correction' })}>
              {word(LEDGER_KIND_WORDS.correction)}
            </Button>
            <Button variant="primary" class="btn-small" onClick={() => setForm({ kind: 'topup' })}>
              + {t('topUpAction')}
            </Button>
          </>
        )}
      </div>
      <div class="card" style="margin-top:10px">
        <Listing items={ledger.data} loadingRows={4} empty={t('noLedgerEntries')}>
          {(items) => (
            <table class="table">
              <thead>
                <tr>
                  <th scope="col">{t('date')}</th>
                  <th scope="col">{t('ledgerEntry')}</th>
                  <th scope="col">{t('entryBasis')}</th>
                  <NumTh>{t('normHours')}</NumTh>
                  <NumTh>{t('amount')}</NumTh>
                  <NumTh>{t('balance')}</NumTh>
                  {canBook && <HiddenTh>{t('actions')}</HiddenTh>}
                </tr>
              </thead>
              <tbody>
                {items.map((e) => (
                  <tr key={e.id}>
                    <td class="nowrap">{dateText(e.at)}</td>
                    <td>
                      <Chip tone={e.kind === 'topup' ? 'success' : e.kind === 'debit' ? 'info' : 'warning'}>
                        {word(LEDGER_KIND_WORDS[e.kind])}
                      </Chip>
                      {e.topupKind && <div class="small muted">{topupKindWord(e.topupKind)}</div>}
                    </td>
                    <td class="small">
                      {e.orderNumber && (
                        <div>
                          <Link href={`/orders/${e.orderId}`} class="mono">
                            {e.orderNumber}
                          </Link>{' '}
                          · {midSentence(t('stage'))} {e.stageN}. {e.stageTitle}
                        </div>
                      )}
                      {e.items.length > 0 && (
                        <div class="muted">{e.items.map((i) => hoursTimesK(i.code, i.hoursCenti, i.kMilli)).join('; ')}</div>
                      )}
                      {!e.orderNumber && e.memo}
                      {e.paymentRef && (
                        <div class="muted">
                          {t('paymentRef')}: {e.paymentRef}
                        </div>
                      )}
                      {e.correctsEntryId && <div class="muted">{t('reversesEntry', { id: e.correctsEntryId })}</div>}
                    </td>
                    <td class={`num ${e.normHoursCenti < 0 ? 'negative' : ''}`}>
                      {e.normHoursCenti > 0 ? '+' : ''}
                      <Hours centi={e.normHoursCenti} />
                    </td>
                    <td class={`num ${e.moneyMinor < 0 ? 'negative' : ''}`}>
                      {e.moneyMinor > 0 ? '+' : ''}
                      {e.moneyMinor ? <Money minor={e.moneyMinor} currency={currency} /> : '—'}
                    </td>
                    <td class={`num ${e.balanceAfterCenti < 0 ? 'negative' : ''}`}>
                      <Hours centi={e.balanceAfterCenti} />
                    </td>
                    {canBook && (
                      <td style="width:1%">
                        {e.kind !== 'correction' && (
                          <Button
                            class="btn-small btn-ghost"
                            onClick={() => setForm({ kind: 'correction', corrects: e })}
                            title={t('reverseEntryHint')}
                          >
                            {t('reverse')}
                          </Button>
                        )}
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Listing>
      </div>
      {canBook && (
        <InvoicesSection
          customerId={customerId}
          canBook={canBook}
          invoices={invoices}
          presetHours={invoiceHours}
          onPay={(invoice) => setForm({ kind: 'topup', invoice })}
          onChanged={() => void invoices.reload()}
        />
      )}
      {canBook && <StatementCard customerId={customerId} />}
      {form?.kind === 'topup' && (
        <PaymentForm
          customerId={customerId}
          invoices={invoices.data ?? []}
          presetInvoiceId={form.invoice?.id}
          onClose={closeForm}
          onSaved={() => {
            closeForm();
            refresh();
          }}
        />
      )}
      {form?.kind === 'correction' && (
        <LedgerForm
          customerId={customerId}
          corrects={form.corrects}
          onClose={() => setForm(null)}
          onSaved={() => {
            setForm(null);
            refresh();
          }}
        />
      )}
    </>
  );
}

/** A correction (the top-up is a payment: PaymentForm). */
function LedgerForm({
  customerId,
  corrects,
  onClose,
  onSaved,
}: {
  customerId: number;
  corrects?: LedgerLineT;
  onClose(): void;
  onSaved(): void;
}) {
  const lang = getLang();
  const { settings } = useSession();
  const today = companyToday(settings.timeZone);
  const [hours, setHours] = useState(corrects ? formatFixed(Math.abs(corrects.normHoursCenti), 2, lang) : '');
  const [memo, setMemo] = useState('');
  const [date, setDate] = useState(today);
  const [sign, setSign] = useState<1 | -1>(corrects ? (corrects.normHoursCenti > 0 ? -1 : 1) : -1);
  const { busy, error, setError, run } = useSubmit();
  const errors = fieldErrors(error);

  async function save(e: Event) {
    e.preventDefault();
    const value = parseFixed(hours, 2);
    if (value === null || value <= 0) return setError(new Error(t('enterNormHours')));
    // A date on the company's calendar; today's is now.
    const at = date === today ? undefined : date;
    await run(async () => {
      await api('POST /api/customers/{id}/ledger', {
        params: { id: customerId },
        body: {
          kind: 'correction',
          normHoursCenti: sign * value,
          memo,
          ...(at ? { at } : {}),
          ...(corrects ? { correctsEntryId: corrects.id } : {}),
        },
      });
      toast(t('correctionRecorded'));
      onSaved();
    });
  }

  return (
    <Modal title={word(LEDGER_KIND_WORDS.correction)} onClose={onClose}>
      <form class="stack" onSubmit={save} noValidate>
        <ErrorNote error={error} />
        {corrects && (
          <p class="small">
            {t('reversingEntry')} №{corrects.id} {dateText(corrects.at)}: {formatFixed(corrects.normHoursCenti, 2, lang)}{' '}
            {t('normHoursUnit')}. {t('ledgerNeverChanges')}
          </p>
        )}
        {!corrects && (
          <fieldset class="field" style="border:0;padding:0;margin:0">
            <legend class="legend">{t('direction')}</legend>
            <div class="segmented">
              <button type="button" aria-pressed={sign === -1} onClick={() => setSign(-1)}>
                − {t('decrease')}
              </button>
              <button type="button" aria-pressed={sign === 1} onClick={() => setSign(1)}>
                + {t('increase')}
              </button>
            </div>
          </fieldset>
        )}
        <div class="grid-2">
          <Field label={t('normHours')} error={errors.normHoursCenti}>
            {(id) => (
              <input id={id} class="num" inputMode="decimal" value={hours} onInput={(e) => setHours(e.currentTarget.value)} autoFocus />
            )}
          </Field>
          <Field label={t('date')} error={errors.at}>
            {(id) => <input id={id} type="date" value={date} max={today} onInput={(e) => setDate(e.currentTarget.value)} />}
          </Field>
        </div>
        <Field label={t('correctionReason')} error={errors.memo}>
          {(id) => <input id={id} value={memo} onInput={(e) => setMemo(e.currentTarget.value)} required />}
        </Field>
        <FormFoot onCancel={onClose} busy={busy} />
      </form>
    </Modal>
  );
}
