/** Quotes: the list with filters and paging, and "New quote". */
import { useEffect, useState } from 'preact/hooks';
import type { CustomerT, QuoteListT, QuoteT } from '../../../schema/api';
import { get, post } from '../api';
import { CustomerPicker } from '../components/customer-picker';
import { Icon } from '../components/icons';
import { Button, Empty, ErrorNote, Field, Hours, Loading, Modal, Money, PageHeader, dateText, fieldErrors, useLoad } from '../components/ui';
import { t, tr } from '../i18n';
import { QUOTE_STATUSES, QuoteStatusChip, statusWord } from '../quote/status';
import { Link, navigate, setQuery, useLocation } from '../router';
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
  const customers = useLoad(() => get<CustomerT[]>('/api/customers'), []);
  const list = useLoad(() => {
    const params = new URLSearchParams({ page: String(page), pageSize: String(PAGE_SIZE) });
    if (q) params.set('q', q);
    if (status) params.set('status', status);
    if (customerId) params.set('customerId', customerId);
    return get<QuoteListT>(`/api/quotes?${params}`);
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
      <PageHeader title={t('nav_quotes')} subtitle={tr('Сметы для заказчиков: последняя редакция каждого номера', 'Estimates for customers: the latest revision of each number')}>
        {canCreate && (
          <Button variant="primary" onClick={() => setCreating(true)}>
            <Icon name="plus" /> {tr('Новая смета', 'New quote')}
          </Button>
        )}
      </PageHeader>
      <div class="toolbar" role="search">
        <Field label={t('search')} class="search">
          {(id) => (
            <input id={id} type="search" value={search} placeholder={tr('Номер, название или заказчик', 'Number, title or customer')} onInput={(e) => setSearch(e.currentTarget.value)} />
          )}
        </Field>
        <Field label={tr('Заказчик', 'Customer')}>
          {(id) => (
            <select id={id} value={customerId} onChange={(e) => setQuery({ customerId: e.currentTarget.value || null, page: null })}>
              <option value="">{tr('Все заказчики', 'All customers')}</option>
              {(customers.data ?? []).map((c) => (
                <option key={c.id} value={String(c.id)}>
                  {c.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={tr('Состояние', 'Status')}>
          {(id) => (
            <select id={id} value={status} onChange={(e) => setQuery({ status: e.currentTarget.value || null, page: null })}>
              <option value="">{tr('Любое', 'Any')}</option>
              {QUOTE_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {statusWord(s)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <ErrorNote error={list.error} onRetry={list.reload} />
      <div class="card">
        {!list.data ? (
          <Loading rows={6} />
        ) : list.data.items.length === 0 ? (
          <Empty>
            <strong>{filtered ? tr('Ничего не найдено', 'Nothing found') : tr('Нет смет — создайте первую', 'No quotes yet — create the first one')}</strong>
            {filtered ? tr('Измените условия поиска.', 'Change the filters.') : canCreate && <Button variant="primary" onClick={() => setCreating(true)}>{tr('Новая смета', 'New quote')}</Button>}
          </Empty>
        ) : (
          <div class="table-wrap">
            <table class="table">
              <thead>
                <tr>
                  <th scope="col">{tr('Номер', 'Number')}</th>
                  <th scope="col">{tr('Заказчик', 'Customer')}</th>
                  <th scope="col">{tr('Название', 'Title')}</th>
                  <th scope="col">{tr('Состояние', 'Status')}</th>
                  <th scope="col" class="num">{tr('Итого', 'Total')}</th>
                  <th scope="col" class="num">{tr('Нормо-часы', 'Norm-hours')}</th>
                  <th scope="col">{tr('Действует до', 'Valid until')}</th>
                  <th scope="col">{tr('Ответ', 'Answer')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((item) => (
                  <tr key={item.id} class="clickable" onClick={(e) => !(e.target as HTMLElement).closest('a') && navigate(`/quotes/${item.id}`)}>
                    <td class="nowrap">
                      <Link href={`/quotes/${item.id}`} class="mono">
                        {item.number}
                      </Link>
                    </td>
                    <td>{item.customerName}</td>
                    <td>{item.title}</td>
                    <td>
                      <QuoteStatusChip status={item.status} />
                      {item.incompleteLines > 0 && <div class="small muted">{tr(`без часов: ${item.incompleteLines}`, `${item.incompleteLines} without hours`)}</div>}
                    </td>
                    <td class="num">
                      <Money minor={item.totalMinor} currency={item.currency} />
                    </td>
                    <td class="num">
                      <Hours centi={item.normHoursCenti} />
                    </td>
                    <td class="nowrap">{dateText(item.validUntil)}</td>
                    <td class="small">{item.answeredAt ? `${dateText(item.answeredAt)}${item.answerName ? ` · ${item.answerName}` : ''}` : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
      {list.data && pages > 1 && (
        <nav class="row" style="margin-top:12px" aria-label={tr('Страницы', 'Pages')}>
          <Button class="btn-small" disabled={page <= 1} onClick={() => setQuery({ page: String(page - 1) })}>
            ← {tr('Назад', 'Previous')}
          </Button>
          <span class="muted">
            {tr(`Страница ${page} из ${pages} · всего ${list.data.total}`, `Page ${page} of ${pages} · ${list.data.total} in all`)}
          </span>
          <Button class="btn-small" disabled={page >= pages} onClick={() => setQuery({ page: String(page + 1) })}>
            {tr('Дальше', 'Next')} →
          </Button>
        </nav>
      )}
      {creating && <NewQuoteDialog customers={customers.data ?? []} presetCustomerId={customerId} onClose={() => setCreating(false)} />}
    </>
  );
}

export function NewQuoteDialog({ customers, presetCustomerId, onClose }: { customers: CustomerT[]; presetCustomerId?: string; onClose(): void }) {
  const { settings } = useSession();
  // No silent default: a customer is named only when the page already chose one (a filter,
  // the customer's own page); otherwise the manager picks.
  const [customerId, setCustomerId] = useState<number | null>(presetCustomerId ? Number(presetCustomerId) : null);
  const [title, setTitle] = useState('');
  const [vatMode, setVatMode] = useState(settings.vatMode);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [tried, setTried] = useState(false);
  const errors = fieldErrors(error);
  const customerMissing = tried && customerId === null;
  const titleMissing = tried && !title.trim();
  async function create(e: Event) {
    e.preventDefault();
    setTried(true);
    if (customerId === null || !title.trim()) return;
    setBusy(true);
    setError(null);
    try {
      const quote = await post<QuoteT>('/api/quotes', { customerId, title, vatMode });
      onClose();
      navigate(`/quotes/${quote.id}`);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal title={tr('Новая смета', 'New quote')} onClose={onClose}>
      <form class="stack" onSubmit={create} noValidate>
        <ErrorNote error={error} />
        <Field label={tr('Заказчик', 'Customer')} error={customerMissing ? tr('Выберите заказчика из списка', 'Pick a customer from the list') : errors.customerId ? tr('Такого заказчика нет', 'No such customer') : null}>
          {(id, describedBy) => (
            <CustomerPicker id={id} customers={customers} value={customerId} onChange={setCustomerId} describedBy={describedBy} invalid={customerMissing} autoFocus={customerId === null} />
          )}
        </Field>
        <Field label={tr('Название', 'Title')} error={titleMissing ? tr('Введите название сметы', 'Enter a title') : errors.title ? tr('Название не подходит', 'The title is not valid') : null} hint={tr('Например: «Внедрение СЭО, этап 1»', 'For example: “LMS implementation, stage 1”')}>
          {(id, describedBy) => <input id={id} value={title} aria-describedby={describedBy} onInput={(e) => setTitle(e.currentTarget.value)} required autoFocus={customerId !== null} />}
        </Field>
        <fieldset class="field" style="border:0;padding:0;margin:0">
          <legend style="font-weight:600;font-size:13px;margin-bottom:5px">{tr('НДС', 'VAT')}</legend>
          <div class="segmented">
            {(['on_top', 'included', 'none'] as const).map((m) => (
              <button key={m} type="button" aria-pressed={vatMode === m} onClick={() => setVatMode(m)}>
                {m === 'on_top' ? t('vat_on_top') : m === 'included' ? t('vat_included') : t('vat_none')}
              </button>
            ))}
          </div>
        </fieldset>
        <p class="small muted">
          {tr('Стоимость нормо-часа фиксируется в смете при создании.', 'The norm-hour rate is frozen in the quote when it is created.')}
        </p>
        <div class="modal-foot">
          <Button onClick={onClose}>{t('cancel')}</Button>
          <button type="submit" class="btn btn-primary" disabled={busy} aria-busy={busy}>
            {tr('Создать', 'Create')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
