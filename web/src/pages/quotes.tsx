/** Quotes: the list with filters and paging, and "New quote". */
import { useEffect, useState } from 'preact/hooks';
import type { CustomerT } from '../../../schema/api';
import { api } from '../api';
import { useSubmit } from '../components/submit';
import { CustomerPicker } from '../components/customer-picker';
import { Icon } from '../components/icons';
import { SelectField, customerChoices } from '../components/select-field';
import { QUOTE_STATUSES, QuoteStatusChip, quoteStatusWord, quoteStatusOf } from '../components/status';
import {
  Button,
  ErrorNote,
  Field,
  Hours,
  Listing,
  Modal,
  Money,
  PageHeader,
  SearchField,
  dateText,
  fieldErrors,
  useLoad,
  NumTh,
  FormFoot,
} from '../components/ui';
import { t } from '../i18n';
import { Link, navigate, openRow, setQuery, useLocation } from '../router';
import { hasRole, useSession } from '../session';

const PAGE_SIZE = 25;

export function QuotesPage() {
  const { me } = useSession();
  const { query } = useLocation();
  const q = query.get('q') ?? '';
  const status = query.get('status') ?? '';
  const customerId = query.get('customerId') ?? '';
  const page = Number(query.get('page') ?? '1') || 1;
  const [search, setSearch] = useState(q);
  const [creating, setCreating] = useState(false);
  const customers = useLoad(() => api('GET /api/customers'), []);
  const list = useLoad(() => {
    return api('GET /api/quotes', { query: { page, pageSize: PAGE_SIZE, q, status: quoteStatusOf(status), customerId } });
  }, [q, status, customerId, page]);

  useEffect(() => {
    const timer = setTimeout(() => {
      if (search !== q) setQuery({ q: search || null, page: null });
    }, 250);
    return () => clearTimeout(timer);
  }, [search]);

  const canCreate = hasRole(me, 'manager', 'admin');
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / PAGE_SIZE)) : 1;
  const filtered = Boolean(q || status || customerId);

  return (
    <>
      <PageHeader title={t('quotes')} subtitle={t('quotesSubtitle')}>
        {canCreate && (
          <Button variant="primary" onClick={() => setCreating(true)}>
            <Icon name="plus" /> {t('newQuote')}
          </Button>
        )}
      </PageHeader>
      <div class="toolbar" role="search">
        <SearchField value={search} placeholder={t('quoteSearchPlaceholder')} onInput={setSearch} />
        <SelectField
          label={t('customer')}
          value={customerId}
          empty={t('allCustomers')}
          choices={customerChoices(customers.data)}
          onChange={(v) => setQuery({ customerId: v || null, page: null })}
        />
        <SelectField
          label={t('status')}
          value={status}
          empty={t('anyStatus')}
          choices={QUOTE_STATUSES.map((s) => [s, quoteStatusWord(s)])}
          onChange={(v) => setQuery({ status: v || null, page: null })}
        />
      </div>
      <ErrorNote error={list.error} onRetry={list.reload} />
      <div class="card">
        <Listing
          items={list.data?.items}
          loadingRows={6}
          empty={
            <>
              <strong>{filtered ? t('nothingFound') : t('noQuotes')}</strong>
              {filtered
                ? t('changeFilters')
                : canCreate && (
                    <Button variant="primary" onClick={() => setCreating(true)}>
                      {t('newQuote')}
                    </Button>
                  )}
            </>
          }
        >
          {(items) => (
            <div class="table-wrap">
              <table class="table">
                <thead>
                  <tr>
                    <th scope="col">{t('number')}</th>
                    <th scope="col">{t('customer')}</th>
                    <th scope="col">{t('title')}</th>
                    <th scope="col">{t('status')}</th>
                    <NumTh>{t('total')}</NumTh>
                    <NumTh>{t('normHours')}</NumTh>
                    <th scope="col">{t('validUntil')}</th>
                    <th scope="col">{t('answered')}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((item) => (
                    <tr key={item.id} class="clickable" onClick={openRow(`/quotes/${item.id}`)}>
                      <td class="nowrap">
                        <Link href={`/quotes/${item.id}`} class="mono">
                          {item.number}
                        </Link>
                      </td>
                      <td>{item.customerName}</td>
                      <td>{item.title}</td>
                      <td>
                        <QuoteStatusChip status={item.status} />
                        {item.incompleteLines > 0 && <div class="small muted">{t('withoutHours', { count: item.incompleteLines })}</div>}
                      </td>
                      <td class="num">
                        <Money minor={item.totalMinor} currency={item.currency} />
                      </td>
                      <td class="num">
                        <Hours centi={item.normHoursCenti} />
                      </td>
                      <td class="nowrap">{dateText(item.validUntil)}</td>
                      <td class="small">
                        {item.answeredAt ? `${dateText(item.answeredAt)}${item.answerName ? ` · ${item.answerName}` : ''}` : '—'}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Listing>
      </div>
      {list.data && pages > 1 && (
        <nav class="row" style="margin-top:12px" aria-label={t('pages')}>
          <Button class="btn-small" disabled={page <= 1} onClick={() => setQuery({ page: String(page - 1) })}>
            ← {t('previous')}
          </Button>
          <span class="muted">{t('pageOf', { page, pages, total: list.data.total })}</span>
          <Button class="btn-small" disabled={page >= pages} onClick={() => setQuery({ page: String(page + 1) })}>
            {t('next')} →
          </Button>
        </nav>
      )}
      {creating && <NewQuoteDialog customers={customers.data ?? []} presetCustomerId={customerId} onClose={() => setCreating(false)} />}
    </>
  );
}

export function NewQuoteDialog({
  customers,
  presetCustomerId,
  onClose,
}: {
  customers: CustomerT[];
  presetCustomerId?: string;
  onClose(): void;
}) {
  const { settings } = useSession();
  // No silent default: a customer is named only when the page already chose one (a filter,
  // the customer's own page); otherwise the manager picks.
  const [customerId, setCustomerId] = useState<number | null>(presetCustomerId ? Number(presetCustomerId) : null);
  const [title, setTitle] = useState('');
  const [vatMode, setVatMode] = useState(settings.vatMode);
  const { busy, error, run } = useSubmit();
  const [tried, setTried] = useState(false);
  const errors = fieldErrors(error);
  const customerMissing = tried && customerId === null;
  const titleMissing = tried && !title.trim();
  async function create(e: Event) {
    e.preventDefault();
    setTried(true);
    if (customerId === null || !title.trim()) return;
    await run(async () => {
      const quote = await api('POST /api/quotes', { body: { customerId, title, vatMode } });
      onClose();
      navigate(`/quotes/${quote.id}`);
    });
  }
  return (
    <Modal title={t('newQuote')} onClose={onClose}>
      <form class="stack" onSubmit={create} noValidate>
        <ErrorNote error={error} />
        <Field label={t('customer')} error={customerMissing ? t('pickCustomer') : errors.customerId ? t('noSuchCustomer') : null}>
          {(id, describedBy) => (
            <CustomerPicker
              id={id}
              customers={customers}
              value={customerId}
              onChange={setCustomerId}
              describedBy={describedBy}
              invalid={customerMissing}
              autoFocus={customerId === null}
            />
          )}
        </Field>
        <Field label={t('title')} error={titleMissing ? t('enterTitle') : errors.title ? t('titleInvalid') : null} hint={t('titleExample')}>
          {(id, describedBy) => (
            <input
              id={id}
              value={title}
              aria-describedby={describedBy}
              onInput={(e) => setTitle(e.currentTarget.value)}
              required
              autoFocus={customerId !== null}
            />
          )}
        </Field>
        <fieldset class="field" style="border:0;padding:0;margin:0">
          <legend style="font-weight:600;font-size:13px;margin-bottom:5px">{t('vat')}</legend>
          <div class="segmented">
            {(['on_top', 'included', 'none'] as const).map((m) => (
              <button key={m} type="button" aria-pressed={vatMode === m} onClick={() => setVatMode(m)}>
                {m === 'on_top' ? t('vatOnTop') : m === 'included' ? t('vatIncluded') : t('noVat')}
              </button>
            ))}
          </div>
        </fieldset>
        <p class="small muted">{t('rateFrozenOnCreate')}</p>
        <FormFoot onCancel={onClose} busy={busy}>
          {t('create')}
        </FormFoot>
      </form>
    </Modal>
  );
}
