/**
 * A top-up as a payment: money or norm-hours, the other at the rate of the day; the payment
 * reference; the date on the company's calendar; the invoice it settles.
 */
import { useState } from 'preact/hooks';
import type { InvoiceT } from '../../../schema/api';
import type { TopupKind } from '../../../worker/domain/enums';
import { formatHours, formatMoney, parseFixed } from '../../../worker/domain/format';
import { topupFromHours, topupFromMoney, type TopupAmounts } from '../../../worker/domain/topup';
import { figuresOf } from '../../../worker/domain/debit-money';
import { TOPUP_KIND_WORDS } from '../../../worker/domain/words/kinds';
import { api } from '../api';
import { useSubmit } from '../components/submit';
import { ErrorNote, Field, FormFoot, Modal, fieldErrors, toast, topupKindWord } from '../components/ui';
import { getLang, t } from '../i18n';
import { useSession } from '../session';
import { companyToday } from './calendar';

const TOPUP_KINDS = Object.keys(TOPUP_KIND_WORDS) as TopupKind[];

/** The other side of a payment at the rate of the day, or null while the figure is not a valid one. */
function paymentPreview(unit: 'money' | 'hours', text: string, rateMinor: number): TopupAmounts | null {
  const value = parseFixed(text, 2);
  if (value === null || value <= 0) return null;
  try {
    return unit === 'money' ? topupFromMoney(value, rateMinor) : topupFromHours(value, rateMinor);
  } catch {
    return null;
  }
}

export function PaymentForm({
  customerId,
  invoices,
  presetInvoiceId,
  onClose,
  onSaved,
}: {
  customerId: number;
  invoices: InvoiceT[];
  presetInvoiceId?: number;
  onClose(): void;
  onSaved(): void;
}) {
  const { settings } = useSession();
  const lang = getLang();
  const today = companyToday(settings.timeZone);
  const open = invoices.filter((i) => i.status === 'issued');
  const [unit, setUnit] = useState<'money' | 'hours'>('money');
  const [value, setValue] = useState('');
  const [invoiceId, setInvoiceId] = useState<number | null>(presetInvoiceId ?? null);
  const [paymentRef, setPaymentRef] = useState('');
  const [date, setDate] = useState(today);
  const [topupKind, setTopupKind] = useState<TopupKind>('support');
  const [memo, setMemo] = useState('');
  const { busy, error, setError, run } = useSubmit();
  // One key per dialog: a double click or a retry after a network error records one payment.
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const errors = fieldErrors(error);
  const invoice = open.find((i) => i.id === invoiceId) ?? null;
  const preview = invoice ? null : paymentPreview(unit, value, settings.rateMinor);
  const money = (minor: number) => formatMoney(minor, settings.currency, lang);

  async function save(e: Event) {
    e.preventDefault();
    const amount = parseFixed(value, 2);
    if (!invoice && (amount === null || amount <= 0)) return setError(new Error(unit === 'money' ? t('enterAmount') : t('enterNormHours')));
    await run(async () => {
      const result = await api('POST /api/customers/{id}/ledger', {
        params: { id: customerId },
        headers: { 'idempotency-key': idempotencyKey },
        body: {
          kind: 'topup',
          ...(invoice ? { invoiceId: invoice.id } : unit === 'money' ? { amountMinor: amount! } : { normHoursCenti: amount! }),
          ...(paymentRef.trim() ? { paymentRef: paymentRef.trim() } : {}),
          ...(date && date !== today ? { at: date } : {}),
          topupKind,
          memo,
        },
      });
      toast(t('paymentRecorded', { hours: formatHours(result.entry.normHoursCenti, lang) }));
      onSaved();
    });
  }

  return (
    <Modal title={t('topupTitle')} onClose={onClose}>
      <form class="stack" onSubmit={save} noValidate aria-label={t('topupTitle')}>
        <ErrorNote error={error} />
        {open.length > 0 && (
          <Field label={t('settlesInvoice')} error={errors.invoiceId}>
            {(id) => (
              <select
                id={id}
                value={invoiceId ?? ''}
                onChange={(e) => setInvoiceId(e.currentTarget.value ? Number(e.currentTarget.value) : null)}
              >
                <option value="">{t('noInvoiceSettled')}</option>
                {open.map((i) => (
                  <option key={i.id} value={i.id}>
                    {i.number} · {formatHours(i.normHoursCenti, lang)} · {money(i.totalMinor)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        {invoice ? (
          <p class="note note-info">
            {t('invoiceSetsAmount', { hours: formatHours(invoice.normHoursCenti, lang), money: money(invoice.totalMinor) })}
          </p>
        ) : (
          <>
            <fieldset class="field" style="border:0;padding:0;margin:0">
              <legend class="legend">{t('paidIn')}</legend>
              <div class="segmented">
                <button type="button" aria-pressed={unit === 'money'} onClick={() => setUnit('money')}>
                  {t('inRubles')}
                </button>
                <button type="button" aria-pressed={unit === 'hours'} onClick={() => setUnit('hours')}>
                  {t('inNormHours')}
                </button>
              </div>
            </fieldset>
            <Field
              label={
                unit === 'money'
                  ? `${t('paymentAmount')}${settings.vatMode === 'on_top' ? ` ${t('netOfVat')}` : ''}, ` +
                    `${settings.currency === 'RUB' ? '₽' : settings.currency}`
                  : t('normHours')
              }
              error={unit === 'money' ? errors.amountMinor : errors.normHoursCenti}
              hint={
                <span aria-live="polite">
                  {t('atRateOfDay', { rate: money(settings.rateMinor) })}
                  {preview &&
                    `: ${
                      unit === 'money'
                        ? t('buysNormHours', { hours: formatHours(preview.normHoursCenti, lang) })
                        : t('worthMoney', { money: money(preview.amountMinor) })
                    }`}
                  {preview &&
                    settings.vatMode === 'on_top' &&
                    `; ${t('withVatTotal', {
                      money: money(figuresOf(preview.amountMinor, { ...settings, discountRateMilli: 0 }).totalMinor),
                    })}`}
                </span>
              }
            >
              {(id, describedBy) => (
                <input
                  id={id}
                  class="num"
                  inputMode="decimal"
                  value={value}
                  aria-describedby={describedBy}
                  onInput={(e) => setValue(e.currentTarget.value)}
                  autoFocus
                />
              )}
            </Field>
          </>
        )}
        <div class="grid-2">
          <Field label={t('paymentRef')} hint={t('paymentRefHint')} error={errors.paymentRef}>
            {(id, describedBy) => (
              <input
                id={id}
                value={paymentRef}
                aria-describedby={describedBy}
                onInput={(e) => setPaymentRef(e.currentTarget.value)}
                maxLength={200}
              />
            )}
          </Field>
          <Field label={t('paymentDate')} hint={t('paymentDateHint', { zone: settings.timeZone })} error={errors.at}>
            {(id, describedBy) => (
              <input
                id={id}
                type="date"
                value={date}
                max={today}
                aria-describedby={describedBy}
                onInput={(e) => setDate(e.currentTarget.value)}
              />
            )}
          </Field>
        </div>
        <Field label={t('topupBasis')}>
          {(id) => (
            <select id={id} value={topupKind} onChange={(e) => setTopupKind(e.currentTarget.value as TopupKind)}>
              {TOPUP_KINDS.map((k) => (
                <option key={k} value={k}>
                  {topupKindWord(k)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('topupMemo')} error={errors.memo}>
          {(id) => <input id={id} value={memo} onInput={(e) => setMemo(e.currentTarget.value)} />}
        </Field>
        <FormFoot onCancel={onClose} busy={busy}>
          {t('topUpAction')}
        </FormFoot>
      </form>
    </Modal>
  );
}
