/** Customers: the list with balances, and one customer's page. */
import { useState } from 'preact/hooks';
import type { CustomerT, QuoteListT } from '../../../schema/api';
import { download, get, patch, post } from '../api';
import { Icon } from '../components/icons';
import { Button, Empty, ErrorNote, Field, Hours, Loading, Modal, Money, PageHeader, dateText, fieldErrors, toast, useLoad } from '../components/ui';
import { t, tr } from '../i18n';
import { QuoteStatusChip } from '../quote/status';
import { Link, navigate } from '../router';
import { hasRole, useSession } from '../session';
import { CustomerMoney } from './customer-money';
import { NewQuoteDialog } from './quotes';

export function CustomersPage() {
  const list = useLoad(() => get<CustomerT[]>('/api/customers'), []);
  const [query, setQuery] = useState('');
  const [creating, setCreating] = useState(false);
  const q = query.trim().toLowerCase();
  const rows = (list.data ?? []).filter((c) => !q || `${c.name} ${c.legalName} ${c.taxId}`.toLowerCase().includes(q));
  return (
    <>
      <PageHeader title={t('nav_customers')} subtitle={tr('Заказчики и их баланс нормо-часов', 'Customers and their norm-hour balances')}>
        <Button variant="primary" onClick={() => setCreating(true)}>
          <Icon name="plus" /> {tr('Новый заказчик', 'New customer')}
        </Button>
      </PageHeader>
      <div class="toolbar">
        <Field label={t('search')} class="search">
          {(id) => <input id={id} type="search" value={query} placeholder={tr('Название или ИНН', 'Name or tax id')} onInput={(e) => setQuery(e.currentTarget.value)} />}
        </Field>
      </div>
      <ErrorNote error={list.error} onRetry={list.reload} />
      <div class="card">
        {!list.data ? (
          <Loading />
        ) : rows.length === 0 ? (
          <Empty>{list.data.length ? tr('Ничего не найдено', 'Nothing found') : tr('Нет заказчиков — добавьте первого', 'No customers yet — add the first one')}</Empty>
        ) : (
          <table class="table">
            <thead>
              <tr>
                <th scope="col">{tr('Заказчик', 'Customer')}</th>
                <th scope="col">{tr('ИНН', 'Tax id')}</th>
                <th scope="col">{tr('Контакт', 'Contact')}</th>
                <th scope="col" class="num">{tr('Баланс нормо-часов', 'Norm-hour balance')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((c) => (
                <tr key={c.id} class="clickable" onClick={(e) => !(e.target as HTMLElement).closest('a') && navigate(`/customers/${c.id}`)}>
                  <td>
                    <Link href={`/customers/${c.id}`}>{c.name}</Link>
                    {c.legalName && <div class="small muted">{c.legalName}</div>}
                  </td>
                  <td class="mono">{c.taxId || '—'}</td>
                  <td class="small">{[c.contactName, c.email].filter(Boolean).join(' · ') || '—'}</td>
                  <td class={`num ${c.balanceCenti < 0 ? 'negative' : ''}`}>
                    <Hours centi={c.balanceCenti} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
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
  });
  const [error, setError] = useState<unknown>(null);
  const errors = fieldErrors(error);
  const set = (k: keyof typeof f) => (e: Event) => setF({ ...f, [k]: (e.currentTarget as HTMLInputElement).value });
  async function save(e: Event) {
    e.preventDefault();
    setError(null);
    try {
      const saved = customer ? await patch<CustomerT>(`/api/customers/${customer.id}`, { ...f, version: customer.version }) : await post<CustomerT>('/api/customers', f);
      toast(t('saved'));
      onSaved(saved);
    } catch (err) {
      setError(err);
    }
  }
  return (
    <Modal title={customer ? customer.name : tr('Новый заказчик', 'New customer')} onClose={onClose} wide>
      <form class="stack" onSubmit={save} noValidate>
        <ErrorNote error={error} />
        <div class="grid-2">
          <Field label={tr('Название', 'Name')} error={errors.name}>{(id) => <input id={id} value={f.name} onInput={set('name')} required autoFocus />}</Field>
          <Field label={tr('Юридическое название', 'Legal name')} error={errors.legalName}>{(id) => <input id={id} value={f.legalName} onInput={set('legalName')} />}</Field>
          <Field label={tr('ИНН', 'Tax id')} error={errors.taxId}>{(id) => <input id={id} value={f.taxId} inputMode="numeric" onInput={set('taxId')} />}</Field>
          <Field label={tr('Контактное лицо', 'Contact person')} error={errors.contactName}>{(id) => <input id={id} value={f.contactName} onInput={set('contactName')} />}</Field>
          <Field label="Email" error={errors.email}>{(id) => <input id={id} type="email" value={f.email} onInput={set('email')} />}</Field>
          <Field label={tr('Телефон', 'Phone')} error={errors.phone}>{(id) => <input id={id} value={f.phone} onInput={set('phone')} />}</Field>
        </div>
        <Field label={tr('Адрес', 'Address')} error={errors.address}>{(id) => <input id={id} value={f.address} onInput={set('address')} />}</Field>
        <Field label={tr('Заметки', 'Notes')} error={errors.notes}>{(id) => <textarea id={id} value={f.notes} onInput={set('notes')} />}</Field>
        <div class="modal-foot">
          <Button onClick={onClose}>{t('cancel')}</Button>
          <button type="submit" class="btn btn-primary">{t('save')}</button>
        </div>
      </form>
    </Modal>
  );
}

export function CustomerPage({ id }: { id: number }) {
  const { me, settings } = useSession();
  const customer = useLoad(() => get<CustomerT>(`/api/customers/${id}`), [id]);
  const canSell = hasRole(me, 'manager', 'admin');
  const quotes = useLoad(() => (canSell ? get<QuoteListT>(`/api/quotes?customerId=${id}&pageSize=100`) : Promise.resolve(null)), [id, canSell]);
  const [editing, setEditing] = useState(false);
  const [creatingQuote, setCreatingQuote] = useState(false);
  if (customer.error) return <ErrorNote error={customer.error} onRetry={customer.reload} />;
  if (!customer.data) return <Loading rows={8} />;
  const c = customer.data;
  return (
    <>
      <PageHeader title={c.name} subtitle={[c.legalName, c.taxId && `${tr('ИНН', 'Tax id')} ${c.taxId}`].filter(Boolean).join(' · ')}>
        {canSell && (
          <Button variant="primary" onClick={() => setCreatingQuote(true)}>
            <Icon name="plus" /> {tr('Новая смета', 'New quote')}
          </Button>
        )}
        <Button
          onClick={() => void download(`/api/customers/${c.id}/export.json`, `customer-${c.id}.json`).catch((e) => toast(e instanceof Error ? e.message : String(e), 'danger'))}
          title={tr('Все сметы с редакциями, заявки, журнал и взносы заказчика одним файлом', 'All the customer’s quotes with revisions, orders, ledger and pledges in one file')}
        >
          <Icon name="download" /> {tr('Все данные (JSON)', 'All data (JSON)')}
        </Button>
        <Button
          onClick={() => void download(`/api/customers/${c.id}/export.xlsx`, `customer-${c.id}.xlsx`).catch((e) => toast(e instanceof Error ? e.message : String(e), 'danger'))}
          title={tr('Те же данные одной книгой Excel: лист на каждый вид — сметы, строки, заявки, этапы, журнал, взносы', 'The same data as one Excel workbook: a sheet per kind — quotes, lines, orders, stages, ledger, pledges')}
        >
          <Icon name="download" /> {tr('Все данные (Excel)', 'All data (Excel)')}
        </Button>
        <Button onClick={() => setEditing(true)}>{t('edit')}</Button>
      </PageHeader>
      <div class="grid-3">
        <div class="card card-pad stat">
          <div class="stat-label">{tr('Баланс нормо-часов', 'Norm-hour balance')}</div>
          <div class={`stat-value ${c.balanceCenti < 0 ? 'negative' : ''}`}>
            <Hours centi={c.balanceCenti} />
          </div>
          {c.overdraftCenti > 0 && <div class="small muted">{tr('Допустимый минус', 'Overdraft allowed')}: <Hours centi={c.overdraftCenti} /></div>}
        </div>
        <div class="card card-pad">
          <div class="stat-label">{tr('Контакт', 'Contact')}</div>
          <div>{c.contactName || '—'}</div>
          <div class="small muted">{[c.email, c.phone].filter(Boolean).join(' · ')}</div>
        </div>
        <div class="card card-pad">
          <div class="stat-label">{tr('Адрес', 'Address')}</div>
          <div class="small">{c.address || '—'}</div>
          {c.notes && <div class="small muted">{c.notes}</div>}
        </div>
      </div>
      {canSell && <h2 class="section-title">{t('nav_quotes')}</h2>}
      {canSell && <div class="card">
        {!quotes.data ? (
          <Loading />
        ) : quotes.data.items.length === 0 ? (
          <Empty>{tr('У заказчика пока нет смет', 'No quotes for this customer yet')}</Empty>
        ) : (
          <table class="table">
            <thead>
              <tr>
                <th scope="col">{tr('Номер', 'Number')}</th>
                <th scope="col">{tr('Название', 'Title')}</th>
                <th scope="col">{tr('Состояние', 'Status')}</th>
                <th scope="col" class="num">{tr('Итого', 'Total')}</th>
                <th scope="col" class="num">{tr('Нормо-часы', 'Norm-hours')}</th>
                <th scope="col">{tr('Изменена', 'Updated')}</th>
              </tr>
            </thead>
            <tbody>
              {quotes.data.items.map((q) => (
                <tr key={q.id}>
                  <td><Link class="mono" href={`/quotes/${q.id}`}>{q.number}</Link></td>
                  <td>{q.title}</td>
                  <td><QuoteStatusChip status={q.status} /></td>
                  <td class="num"><Money minor={q.totalMinor} currency={q.currency} /></td>
                  <td class="num"><Hours centi={q.normHoursCenti} /></td>
                  <td>{dateText(q.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>}
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
