/**
 * The accountant's part of a customer's page: a top-up as a payment (money or norm-hours, the
 * other at the rate of the day; the payment reference; the date on the company's calendar; the
 * invoice it settles), prepayment invoices, the month statement.
 */
import { useState } from 'preact/hooks';
import type { InvoiceT } from '../../../schema/api';
import type { TopupKind } from '../../../worker/domain/enums';
import { formatFixed, formatHours, formatMoney, parseFixed } from '../../../worker/domain/format';
import { localDate, localMonth } from '../../../worker/domain/calendar';
import { topupFromHours, topupFromMoney, type TopupAmounts } from '../../../worker/domain/topup';
import { figuresOf, hoursMoney } from '../../../worker/domain/debit-money';
import { upperFirst } from '../../../worker/domain/words/case';
import { monthTitle } from '../../../worker/domain/words/months';
import { TOPUP_KIND_WORDS } from '../../../worker/domain/words/kinds';
import { INVOICE_STATUS_WORDS } from '../../../worker/domain/words/statuses';
import { api, download } from '../api';
import { Icon } from '../components/icons';
import {
  Button,
  Chip,
  Empty,
  ErrorNote,
  Field,
  FormFoot,
  Hours,
  Loading,
  Modal,
  Money,
  NumTh,
  dateText,
  fieldErrors,
  toast,
  useLoad,
  type Tone,
} from '../components/ui';
import { getLang, t, word } from '../i18n';
import { useSession } from '../session';
import { setQuery } from '../router';

const TOPUP_KINDS = Object.keys(TOPUP_KIND_WORDS) as TopupKind[];
const topupKindWord = (kind: TopupKind) => upperFirst(word(TOPUP_KIND_WORDS[kind]));

/** Today on the company's calendar, YYYY-MM-DD: the default and the latest date of a payment. */
export function companyToday(timeZone: string): string {
  return localDate(Date.now(), timeZone);
}

/** This month on the company's calendar, YYYY-MM. */
export function companyMonth(timeZone: string): string {
  return localMonth(Date.now(), timeZone);
}

/** The month before `month`, YYYY-MM. */
export function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

function failed(e: unknown) {
  toast(e instanceof Error ? e.message : String(e), 'danger');
}

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
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
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
    setBusy(true);
    setError(null);
    try {
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
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal title={t('topupTitle')} onClose={onClose}>
      <form class="stack" onSubmit={save} noValidate aria-label={t('topupTitle')}>
        <ErrorNote error={error} />
        {open.length > 0 && (
          <Field label={t('settlesInvoice')} error={errors.invoiceId}>
            {(id) => (
              <select id={id} value={invoiceId ?? ''} onChange={(e) => setInvoiceId(e.currentTarget.value ? Number(e.currentTarget.value) : null)}>
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
          <p class="note note-info">{t('invoiceSetsAmount', { hours: formatHours(invoice.normHoursCenti, lang), money: money(invoice.totalMinor) })}</p>
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
                  ? `${t('paymentAmount')}${settings.vatMode === 'on_top' ? ` ${t('netOfVat')}` : ''}, ${settings.currency === 'RUB' ? '₽' : settings.currency}`
                  : t('normHours')
              }
              error={unit === 'money' ? errors.amountMinor : errors.normHoursCenti}
              hint={
                <span aria-live="polite">
                  {t('atRateOfDay', { rate: money(settings.rateMinor) })}
                  {preview &&
                    `: ${unit === 'money' ? t('buysNormHours', { hours: formatHours(preview.normHoursCenti, lang) }) : t('worthMoney', { money: money(preview.amountMinor) })}`}
                  {preview && settings.vatMode === 'on_top' && `; ${t('withVatTotal', { money: money(figuresOf(preview.amountMinor, { ...settings, discountRateMilli: 0 }).totalMinor) })}`}
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
              <input id={id} value={paymentRef} aria-describedby={describedBy} onInput={(e) => setPaymentRef(e.currentTarget.value)} maxLength={200} />
            )}
          </Field>
          <Field label={t('paymentDate')} hint={t('paymentDateHint', { zone: settings.timeZone })} error={errors.at}>
            {(id, describedBy) => (
              <input id={id} type="date" value={date} max={today} aria-describedby={describedBy} onInput={(e) => setDate(e.currentTarget.value)} />
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

const INVOICE_TONES: Record<InvoiceT['status'], Tone> = { issued: 'info', paid: 'success', cancelled: 'neutral' };

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
    ).catch(failed);
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
        {!invoices.data ? (
          <Loading rows={2} />
        ) : invoices.data.length === 0 ? (
          <Empty>{t('noInvoices')}</Empty>
        ) : (
          <table class="table" aria-label={t('invoices')}>
            <thead>
              <tr>
                <th scope="col">{t('invoiceNumber')}</th>
                <th scope="col">{t('date')}</th>
                <th scope="col">{t('status')}</th>
                <NumTh>{t('normHours')}</NumTh>
                <NumTh>{t('invoiceSum')}</NumTh>
                <th scope="col">
                  <span class="sr-only">{t('actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {invoices.data.map((i) => (
                <tr key={i.id}>
                  <td class="mono">{i.number}</td>
                  <td class="nowrap">{dateText(i.issuedOn)}</td>
                  <td>
                    <Chip tone={INVOICE_TONES[i.status]}>{word(INVOICE_STATUS_WORDS[i.status])}</Chip>
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

function InvoiceForm({ customerId, presetHours, onClose, onSaved }: { customerId: number; presetHours: number | null; onClose(): void; onSaved(): void }) {
  const { settings } = useSession();
  const lang = getLang();
  const [hours, setHours] = useState(presetHours ? formatFixed(presetHours, 2, lang) : '');
  const [memo, setMemo] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const errors = fieldErrors(error);
  const value = parseFixed(hours, 2);
  const figures = value !== null && value > 0 ? hoursMoney(value, settings) : null;

  async function save(e: Event) {
    e.preventDefault();
    if (value === null || value <= 0) return setError(new Error(t('enterNormHours')));
    setBusy(true);
    setError(null);
    try {
      const invoice = await api('POST /api/customers/{id}/invoices', {
        params: { id: customerId },
        headers: { 'idempotency-key': idempotencyKey },
        body: { normHoursCenti: value, ...(memo.trim() ? { memo: memo.trim() } : {}) },
      });
      toast(t('invoiceIssued', { number: invoice.number }));
      onSaved();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
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
            <input id={id} class="num" inputMode="decimal" value={hours} aria-describedby={describedBy} onInput={(e) => setHours(e.currentTarget.value)} autoFocus />
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
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  async function submit(e: Event) {
    e.preventDefault();
    setBusy(true);
    try {
      await api('POST /api/invoices/{id}/cancel', { params: { id: invoice.id } });
      toast(t('invoiceCancelled', { number: invoice.number }));
      onDone();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
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

/** The customer's month statement: Excel and PDF for a month picked here (last month by default). */
export function StatementButtons({ customerId, month, compact }: { customerId: number; month: string; compact?: boolean }) {
  const [busy, setBusy] = useState<'xlsx' | 'pdf' | null>(null);
  async function get(kind: 'xlsx' | 'pdf') {
    setBusy(kind);
    try {
      const options = { params: { id: customerId }, query: { month, lang: getLang() } };
      if (kind === 'pdf') await download('GET /api/customers/{id}/statement.pdf', options, `statement-${customerId}-${month}.pdf`);
      else await download('GET /api/customers/{id}/statement.xlsx', options, `statement-${customerId}-${month}.xlsx`);
    } catch (e) {
      failed(e);
    } finally {
      setBusy(null);
    }
  }
  const cls = compact ? 'btn-small btn-ghost' : 'btn-small';
  return (
    <span class={compact ? 'statement-links' : 'nowrap'}>
      <Button class={cls} busy={busy === 'xlsx'} onClick={() => void get('xlsx')} title={t('statementHint')} aria-label={t('statementExcel')}>
        <Icon name="download" /> {compact ? 'Excel' : t('statementExcel')}
      </Button>{' '}
      <Button class={cls} busy={busy === 'pdf'} onClick={() => void get('pdf')} title={t('statementHint')} aria-label={t('statementPdf')}>
        <Icon name="download" /> {compact ? 'PDF' : t('statementPdf')}
      </Button>
    </span>
  );
}

export function StatementCard({ customerId }: { customerId: number }) {
  const { settings } = useSession();
  const current = companyMonth(settings.timeZone);
  const [month, setMonth] = useState(previousMonth(current));
  const statement = useLoad(() => api('GET /api/customers/{id}/statement', { params: { id: customerId }, query: { month } }), [customerId, month]);
  const s = statement.data;
  return (
    <>
      <h2 class="section-title">{t('statement')}</h2>
      <div class="card card-pad">
        <p class="small muted" style="margin-top:0">
          {t('statementHint')}
        </p>
        <div class="row" style="align-items:flex-end;flex-wrap:wrap">
          <Field label={t('month')}>
            {(id) => <input id={id} type="month" value={month} max={current} onChange={(e) => e.currentTarget.value && setMonth(e.currentTarget.value)} />}
          </Field>
          {s?.closed && (
            <span style="padding-bottom:8px">
              <Chip tone="neutral">{t('monthClosed')}</Chip>
            </span>
          )}
          <span class="spacer" />
          <StatementButtons customerId={customerId} month={month} />
        </div>
        <ErrorNote error={statement.error} onRetry={() => void statement.reload()} />
        {s && (
          <table class="table" style="margin-top:12px" aria-label={t('statementOf', { name: s.customer.name, month: monthTitle(month, getLang()) })}>
            <thead>
              <tr>
                <NumTh>{t('opening')}</NumTh>
                <NumTh>{t('topups')}</NumTh>
                <NumTh>{t('debits')}</NumTh>
                <NumTh>{t('corrections')}</NumTh>
                <NumTh>{t('closing')}</NumTh>
                <NumTh>{t('servicesTotal')}</NumTh>
              </tr>
            </thead>
            <tbody>
              <tr>
                <td class="num">
                  <Hours centi={s.openingCenti} />
                </td>
                <td class="num">
                  <Hours centi={s.totals.topupsCenti} />
                  <div class="small muted">
                    <Money minor={s.totals.topupsMinor} currency={s.currency} />
                  </div>
                </td>
                <td class="num">
                  <Hours centi={s.totals.debits.normHoursCenti} />
                </td>
                <td class="num">
                  <Hours centi={s.totals.correctionsCenti} />
                </td>
                <td class={`num ${s.closingCenti < 0 ? 'negative' : ''}`}>
                  <Hours centi={s.closingCenti} />
                </td>
                <td class="num">
                  <Money minor={s.totals.services.totalMinor} currency={s.currency} />
                </td>
              </tr>
            </tbody>
          </table>
        )}
      </div>
    </>
  );
}

export function useInvoices(customerId: number, enabled: boolean) {
  return useLoad(() => (enabled ? api('GET /api/customers/{id}/invoices', { params: { id: customerId } }) : Promise.resolve([] as InvoiceT[])), [customerId, enabled]);
}
