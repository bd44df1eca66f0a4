/** Customers: the list with balances, and one customer's page. */
import { useState } from 'preact/hooks';
import type { CustomerT } from '../../../schema/api';
import { api, download } from '../api';
import { useSubmit } from '../components/submit';
import { Icon } from '../components/icons';
import { QuoteStatusChip } from '../components/status';
import {
  Button,
  ErrorNote,
  Field,
  Hours,
  Listing,
  Loading,
  Modal,
  Money,
  PageHeader,
  SearchField,
  dateText,
  fieldErrors,
  toast,
  toastFailure,
  useLoad,
  NumTh,
  FormFoot,
} from '../components/ui';
import { formatFixed, parseFixed } from '../../../worker/domain/format';
import { getLang, t } from '../i18n';
import { Link, navigate, openRow } from '../router';
import { hasRole, useSession } from '../session';
import { CustomerAccount, DueDeletions } from './customer-account';
import { CustomerMoney } from './customer-money';
import { LowBalanceFlag } from '../components/low-balance';
import { NewQuoteDialog } from './quotes';

export function CustomersPage() {
  const list = useLoad(() => api('GET /api/customers'), []);
  const [query, setQuery] = useState('');
  const [creating, setCreating] = useState(false);
  const q = query.trim().toLowerCase();
  const rows = (list.data ?? []).filter((c) => !q || `${c.name} ${c.legalName} ${c.taxId}`.toLowerCase().includes(q));
  return (
    <>
      <PageHeader title={t('customers')} subtitle={t('customersSubtitle')}>
        <Button variant="primary" onClick={() => setCreating(true)}>
          <Icon name="plus" /> {t('newCustomer')}
        </Button>
      </PageHeader>
      <div class="toolbar">
        <SearchField value={query} placeholder={t('customerSearchPlaceholder')} onInput={setQuery} />
      </div>
      <ErrorNote error={list.error} onRetry={list.reload} />
      <DueDeletions />
      <div class="card">
        <Listing items={list.data && rows} empty={list.data?.length ? t('nothingFound') : t('noCustomers')}>
          {(items) => (
            <table class="table">
              <thead>
                <tr>
                  <th scope="col">{t('customer')}</th>
                  <th scope="col">{t('taxId')}</th>
                  <th scope="col">{t('contact')}</th>
                  <NumTh>{t('normHourBalance')}</NumTh>
                </tr>
              </thead>
              <tbody>
                {items.map((c) => (
                  <tr key={c.id} class="clickable" onClick={openRow(`/customers/${c.id}`)}>
                    <td>
                      <Link href={`/customers/${c.id}`}>{c.name}</Link>
                      {c.legalName && <div class="small muted">{c.legalName}</div>}
                    </td>
                    <td class="mono">{c.taxId || '—'}</td>
                    <td class="small">{[c.contactName, c.email].filter(Boolean).join(' · ') || '—'}</td>
                    <td class={`num ${c.balanceCenti < 0 ? 'negative' : ''}`}>
                      <Hours centi={c.balanceCenti} />
                      {c.lowBalance?.low && <LowBalanceFlag low={c.lowBalance} compact />}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Listing>
      </div>
      {creating && (
        <CustomerForm
          customer={null}
          onClose={() => setCreating(false)}
          onSaved={(c) => {
            setCreating(false);
            navigate(`/customers/${c.id}`);
          }}
        />
      )}
    </>
  );
}

export function CustomerForm({ customer, onClose, onSaved }: { customer: CustomerT | null; onClose(): void; onSaved(c: CustomerT): void }) {
  const [f, setF] = useState({
    name: customer?.name ?? '',
    legalName: customer?.legalName ?? '',
    taxId: customer?.taxId ?? '',
    email: customer?.email ?? '',
    phone: customer?.phone ?? '',
    contactName: customer?.contactName ?? '',
    address: customer?.address ?? '',
    notes: customer?.notes ?? '',
    lang: customer?.lang ?? ('ru' as 'ru' | 'en'),
  });
  // Credit is the accountant's and the admin's (a manager's PATCH with it is a 403).
  const { me } = useSession();
  const credit = hasRole(me, 'accountant', 'admin');
  const lang = getLang();
  const [terms, setTerms] = useState({
    overdraft: formatFixed(customer?.overdraftCenti ?? 0, 2, lang),
    threshold:
      customer?.lowBalanceCenti === null || customer?.lowBalanceCenti === undefined ? '' : formatFixed(customer.lowBalanceCenti, 2, lang),
  });
  const { busy, error, setError, run } = useSubmit();
  const [termErrors, setTermErrors] = useState<{ overdraftCenti?: string; lowBalanceCenti?: string }>({});
  const errors: Record<string, string | undefined> = { ...fieldErrors(error), ...termErrors };
  const set = (k: keyof typeof f) => (e: Event) => setF({ ...f, [k]: (e.currentTarget as HTMLInputElement).value });
  async function save(e: Event) {
    e.preventDefault();
    setError(null);
    const overdraftCenti = parseFixed(terms.overdraft.trim() || '0', 2);
    const lowBalanceCenti = terms.threshold.trim() === '' ? null : parseFixed(terms.threshold.trim(), 2);
    const bad = {
      ...(overdraftCenti === null || overdraftCenti < 0 ? { overdraftCenti: t('hoursFieldInvalid') } : {}),
      ...(lowBalanceCenti !== null && lowBalanceCenti < 0 ? { lowBalanceCenti: t('hoursFieldInvalid') } : {}),
      ...(terms.threshold.trim() !== '' && lowBalanceCenti === null ? { lowBalanceCenti: t('hoursFieldInvalid') } : {}),
    };
    setTermErrors(credit ? bad : {});
    if (credit && Object.keys(bad).length > 0) return;
    const creditBody = credit ? { overdraftCenti: overdraftCenti ?? 0, lowBalanceCenti } : {};
    await run(async () => {
      const saved = customer
        ? await api('PATCH /api/customers/{id}', { params: { id: customer.id }, body: { ...f, ...creditBody, version: customer.version } })
        : await api('POST /api/customers', { body: { ...f, ...creditBody } });
      toast(t('saved'));
      onSaved(saved);
    });
  }
  return (
    <Modal title={customer ? customer.name : t('newCustomer')} onClose={onClose} wide>
      <form class="stack" onSubmit={save} noValidate>
        <ErrorNote error={error} />
        <div class="grid-2">
          <Field label={t('name')} error={errors.name}>
            {(id) => <input id={id} value={f.name} onInput={set('name')} required autoFocus />}
          </Field>
          <Field label={t('legalName')} error={errors.legalName}>
            {(id) => <input id={id} value={f.legalName} onInput={set('legalName')} />}
          </Field>
          <Field label={t('taxId')} error={errors.taxId}>
            {(id) => <input id={id} value={f.taxId} inputMode="numeric" onInput={set('taxId')} />}
          </Field>
          <Field label={t('contactPerson')} error={errors.contactName}>
            {(id) => <input id={id} value={f.contactName} onInput={set('contactName')} />}
          </Field>
          <Field label="Email" error={errors.email}>
            {(id) => <input id={id} type="email" value={f.email} onInput={set('email')} />}
          </Field>
          <Field label={t('phone')} error={errors.phone}>
            {(id) => <input id={id} value={f.phone} onInput={set('phone')} />}
          </Field>
          <Field label={t('customerLang')} error={errors.lang} hint={t('customerLangHint')}>
            {(id) => (
              <select id={id} value={f.lang} onChange={set('lang')}>
                <option value="ru">{t('langRu')}</option>
                <option value="en">{t('langEn')}</option>
              </select>
            )}
          </Field>
        </div>
        <Field label={t('address')} error={errors.address}>
          {(id) => <input id={id} value={f.address} onInput={set('address')} />}
        </Field>
        <Field label={t('customerNotes')} error={errors.notes}>
          {(id) => <textarea id={id} value={f.notes} onInput={set('notes')} />}
        </Field>
        {credit && (
          <fieldset class="field" style="border:0;padding:0;margin:0">
            <legend class="legend">{t('creditTerms')}</legend>
            <p class="muted small">{t('creditTermsHint')}</p>
            <div class="grid-2">
              <Field label={t('overdraftHours')} error={errors.overdraftCenti}>
                {(id) => (
                  <input
                    id={id}
                    inputMode="decimal"
                    value={terms.overdraft}
                    onInput={(e) => {
                      setTerms({ ...terms, overdraft: e.currentTarget.value });
                      setTermErrors({ ...termErrors, overdraftCenti: undefined });
                    }}
                  />
                )}
              </Field>
              <Field label={t('lowBalanceThreshold')} error={errors.lowBalanceCenti} hint={t('lowBalanceThresholdHint')}>
                {(id) => (
                  <input
                    id={id}
                    inputMode="decimal"
                    value={terms.threshold}
                    onInput={(e) => {
                      setTerms({ ...terms, threshold: e.currentTarget.value });
                      setTermErrors({ ...termErrors, lowBalanceCenti: undefined });
                    }}
                  />
                )}
              </Field>
            </div>
          </fieldset>
        )}
        <FormFoot onCancel={onClose} busy={busy} />
      </form>
    </Modal>
  );
}

export function CustomerPage({ id }: { id: number }) {
  const { me, settings } = useSession();
  const customer = useLoad(() => api('GET /api/customers/{id}', { params: { id } }), [id]);
  const canSell = hasRole(me, 'manager', 'admin');
  const quotes = useLoad(
    () => (canSell ? api('GET /api/quotes', { query: { customerId: id, pageSize: 100 } }) : Promise.resolve(null)),
    [id, canSell],
  );
  const [editing, setEditing] = useState(false);
  const [creatingQuote, setCreatingQuote] = useState(false);
  if (customer.error) return <ErrorNote error={customer.error} onRetry={customer.reload} />;
  if (!customer.data) return <Loading rows={8} />;
  const c = customer.data;
  return (
    <>
      <PageHeader title={c.name} subtitle={[c.legalName, c.taxId && `${t('taxId')} ${c.taxId}`].filter(Boolean).join(' · ')}>
        {canSell && (
          <Button variant="primary" onClick={() => setCreatingQuote(true)}>
            <Icon name="plus" /> {t('newQuote')}
          </Button>
        )}
        <Button
          onClick={() =>
            void download('GET /api/customers/{id}/export.json', { params: { id: c.id } }, `customer-${c.id}.json`).catch(toastFailure)
          }
          title={t('exportJsonHint')}
        >
          <Icon name="download" /> {t('exportJson')}
        </Button>
        <Button
          onClick={() =>
            void download('GET /api/customers/{id}/export.xlsx', { params: { id: c.id } }, `customer-${c.id}.xlsx`).catch(toastFailure)
          }
          title={t('exportExcelHint')}
        >
          <Icon name="download" /> {t('exportExcel')}
        </Button>
        <Button onClick={() => setEditing(true)}>{t('edit')}</Button>
      </PageHeader>
      <div class="grid-3">
        <div class="card card-pad stat">
          <div class="stat-label">{t('normHourBalance')}</div>
          <div class={`stat-value ${c.balanceCenti < 0 ? 'negative' : ''}`}>
            <Hours centi={c.balanceCenti} />
          </div>
          {c.overdraftCenti > 0 && (
            <div class="small muted">
              {t('overdraftAllowed')}: <Hours centi={c.overdraftCenti} />
            </div>
          )}
          {c.lowBalance?.low && <LowBalanceFlag low={c.lowBalance} />}
        </div>
        <div class="card card-pad">
          <div class="stat-label">{t('contact')}</div>
          <div>{c.contactName || '—'}</div>
          <div class="small muted">{[c.email, c.phone].filter(Boolean).join(' · ')}</div>
        </div>
        <div class="card card-pad">
          <div class="stat-label">{t('address')}</div>
          <div class="small">{c.address || '—'}</div>
          {c.notes && <div class="small muted">{c.notes}</div>}
        </div>
      </div>
      {canSell && <h2 class="section-title">{t('quotes')}</h2>}
      {canSell && (
        <div class="card">
          <Listing items={quotes.data?.items} empty={t('noQuotesForCustomer')}>
            {(items) => (
              <table class="table">
                <thead>
                  <tr>
                    <th scope="col">{t('number')}</th>
                    <th scope="col">{t('title')}</th>
                    <th scope="col">{t('status')}</th>
                    <NumTh>{t('total')}</NumTh>
                    <NumTh>{t('normHours')}</NumTh>
                    <th scope="col">{t('updated')}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((q) => (
                    <tr key={q.id}>
                      <td>
                        <Link class="mono" href={`/quotes/${q.id}`}>
                          {q.number}
                        </Link>
                      </td>
                      <td>{q.title}</td>
                      <td>
                        <QuoteStatusChip status={q.status} />
                      </td>
                      <td class="num">
                        <Money minor={q.totalMinor} currency={q.currency} />
                      </td>
                      <td class="num">
                        <Hours centi={q.normHoursCenti} />
                      </td>
                      <td>{dateText(q.updatedAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </Listing>
        </div>
      )}
      <CustomerAccount customer={c} onChanged={(saved) => customer.setData(saved)} />
      <CustomerMoney customerId={c.id} currency={settings.currency} onChanged={() => void customer.reload()} />
      {editing && (
        <CustomerForm
          customer={c}
          onClose={() => setEditing(false)}
          onSaved={(saved) => {
            setEditing(false);
            customer.setData(saved);
          }}
        />
      )}
      {creatingQuote && <NewQuoteDialog customers={[c]} presetCustomerId={String(c.id)} onClose={() => setCreatingQuote(false)} />}
    </>
  );
}
