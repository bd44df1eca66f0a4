/** Crowdfunding: projects with funding bars, one project with its pledges, and the comparison. */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { CategoryT, ComparisonT, CustomerT, ProjectT, QuoteListT } from '../../../schema/api';
import { bestOf, parseMarkdown, type Block, type Inline } from '../../../worker/domain/crowdfunding';
import { formatFixed, formatMilli, parseFixed } from '../../../worker/domain/format';
import { download, get, patch, post } from '../api';
import { Icon } from '../components/icons';
import { Button, Chip, Empty, ErrorNote, Field, Hours, Loading, Modal, Money, PageHeader, dateText, fieldErrors, toast, useLoad, type Tone } from '../components/ui';
import { getLang, t, tr } from '../i18n';
import { Link, navigate, setQuery, useLocation } from '../router';
import { hasRole, useSession } from '../session';

const STATUS: Record<ProjectT['status'], { tone: Tone; ru: string; en: string }> = {
  open: { tone: 'info', ru: 'Сбор взносов', en: 'Open' },
  funded: { tone: 'success', ru: 'Профинансирован', en: 'Funded' },
  in_development: { tone: 'accent', ru: 'В разработке', en: 'In development' },
  released: { tone: 'success', ru: 'Выпущен', en: 'Released' },
  withdrawn: { tone: 'neutral', ru: 'Отозван', en: 'Withdrawn' },
};

export function ProjectStatusChip({ status }: { status: ProjectT['status'] }) {
  return <Chip tone={STATUS[status].tone}>{tr(STATUS[status].ru, STATUS[status].en)}</Chip>;
}

const percent = (milli: number) => `${formatFixed(milli, 1, getLang())}\u00a0%`;

/** Confirmed (solid) and promised (striped) against the whole; words beside, never colour alone. */
export function FundingBar({ p }: { p: Pick<ProjectT, 'normHoursCenti' | 'confirmedCenti' | 'promisedCenti' | 'fundedMilli'> }) {
  const whole = Math.max(1, p.normHoursCenti);
  const confirmed = Math.min(100, (100 * p.confirmedCenti) / whole);
  const promised = Math.min(100 - confirmed, (100 * p.promisedCenti) / whole);
  return (
    <div class="funding">
      <div class="funding-bar" role="img" aria-label={tr(`Подтверждено ${percent(p.fundedMilli)}, обещано ещё ${Math.round(promised)} %`, `Confirmed ${percent(p.fundedMilli)}, promised another ${Math.round(promised)} %`)}>
        <span class="funding-confirmed" style={`width:${confirmed}%`} />
        <span class="funding-promised" style={`width:${promised}%`} />
      </div>
      <span class="small">{percent(p.fundedMilli)}</span>
    </div>
  );
}

function InlineNodes({ nodes }: { nodes: Inline[] }): ComponentChildren {
  return nodes.map((n, i) => {
    switch (n.t) {
      case 'text':
        return n.v;
      case 'strong':
        return <strong key={i}><InlineNodes nodes={n.c} /></strong>;
      case 'em':
        return <em key={i}><InlineNodes nodes={n.c} /></em>;
      case 'code':
        return <code key={i}>{n.v}</code>;
      case 'link':
        return <a key={i} href={n.href} target="_blank" rel="noopener noreferrer nofollow"><InlineNodes nodes={n.c} /></a>;
    }
  });
}

/** Markdown rendered as elements from a parsed tree: nothing in it can become HTML or script. */
export function Markdown({ source }: { source: string }) {
  const blocks: Block[] = parseMarkdown(source);
  return (
    <div class="markdown">
      {blocks.map((b, i) => {
        if (b.t === 'h') {
          const H = `h${b.level + 1}` as 'h3' | 'h4' | 'h5';
          return <H key={i}><InlineNodes nodes={b.c} /></H>;
        }
        if (b.t === 'p') return <p key={i}><InlineNodes nodes={b.c} /></p>;
        const L = b.t;
        return <L key={i}>{b.items.map((item, j) => <li key={j}><InlineNodes nodes={item} /></li>)}</L>;
      })}
    </div>
  );
}

export function CrowdfundingPage() {
  const { me, settings } = useSession();
  const list = useLoad(() => get<ProjectT[]>('/api/crowdfunding'), []);
  const [selected, setSelected] = useState<number[]>([]);
  const [creating, setCreating] = useState(false);
  const canEdit = hasRole(me, 'manager', 'admin');
  const toggle = (id: number) => setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : s.length >= 4 ? s : [...s, id]));
  return (
    <>
      <PageHeader title={t('nav_crowdfunding')} subtitle={tr('Готовые проекты доработок, которые ждут одного или нескольких заказчиков', 'Ready enhancement projects waiting for one or several customers to fund them')}>
        <Button disabled={selected.length < 2} onClick={() => navigate(`/crowdfunding/compare?ids=${selected.join(',')}`)} title={tr('Отметьте от 2 до 4 проектов', 'Tick 2 to 4 projects')}>
          {tr(`Сравнить (${selected.length})`, `Compare (${selected.length})`)}
        </Button>
        {canEdit && (
          <Button variant="primary" onClick={() => setCreating(true)}>
            <Icon name="plus" /> {tr('Новый проект', 'New project')}
          </Button>
        )}
      </PageHeader>
      <ErrorNote error={list.error} onRetry={list.reload} />
      <div class="card">
        {!list.data ? (
          <Loading rows={5} />
        ) : list.data.length === 0 ? (
          <Empty><strong>{tr('Проектов пока нет', 'No projects yet')}</strong>{tr('Добавьте готовый проект доработки с оценкой по специалистам.', 'Add a ready project with its estimate by specialist.')}</Empty>
        ) : (
          <table class="table">
            <thead>
              <tr>
                <th scope="col"><span class="sr-only">{tr('Сравнить', 'Compare')}</span></th>
                <th scope="col">{tr('Проект', 'Project')}</th>
                <th scope="col">{tr('Состояние', 'Status')}</th>
                <th scope="col" class="num">{tr('Стоимость', 'Price')}</th>
                <th scope="col" class="num">{tr('Нормо-часы', 'Norm-hours')}</th>
                <th scope="col" style="min-width:180px">{tr('Собрано', 'Funded')}</th>
                <th scope="col" class="num">{tr('Осталось', 'Remaining')}</th>
                <th scope="col" class="num">{tr('Участников', 'Co-funders')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.map((p) => (
                <tr key={p.id}>
                  <td style="width:1%">
                    <input type="checkbox" aria-label={tr(`Сравнить ${p.code}`, `Compare ${p.code}`)} checked={selected.includes(p.id)} disabled={!selected.includes(p.id) && selected.length >= 4} onChange={() => toggle(p.id)} />
                  </td>
                  <td>
                    <Link href={`/crowdfunding/${p.id}`}>{p.title}</Link>
                    <div class="small muted mono">{p.code}{p.targetDate ? ` · ${tr('к', 'by')} ${dateText(p.targetDate)}` : ''}</div>
                  </td>
                  <td><ProjectStatusChip status={p.status} /></td>
                  <td class="num"><Money minor={p.priceMinor} currency={settings.currency} /></td>
                  <td class="num"><Hours centi={p.normHoursCenti} /></td>
                  <td><FundingBar p={p} /></td>
                  <td class="num"><Hours centi={p.remainingCenti} /></td>
                  <td class="num">{p.funders}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      {creating && <ProjectForm onClose={() => setCreating(false)} onSaved={(p) => navigate(`/crowdfunding/${p.id}`)} />}
    </>
  );
}

function ProjectForm({ project, onClose, onSaved }: { project?: ProjectT; onClose(): void; onSaved(p: ProjectT): void }) {
  const lang = getLang();
  const categories = useLoad(() => get<CategoryT[]>('/api/catalog/categories'), []);
  const [f, setF] = useState({ code: project?.code ?? '', title: project?.title ?? '', description: project?.description ?? '', targetDate: project?.targetDate ?? '' });
  const [rows, setRows] = useState(project?.estimate.map((e) => ({ categoryId: e.categoryId ?? 0, title: e.title, hours: formatFixed(e.hoursCenti, 2, lang), k: formatMilli(e.kMilli, lang) })) ?? [{ categoryId: 0, title: '', hours: '', k: '1' }]);
  const [preview, setPreview] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const errors = fieldErrors(error);
  async function save(e: Event) {
    e.preventDefault();
    const estimate = [];
    for (const r of rows) {
      const hoursCenti = parseFixed(r.hours, 2);
      const kMilli = parseFixed(r.k, 3);
      if (hoursCenti === null || hoursCenti <= 0 || kMilli === null) return setError(new Error(tr('В каждой строке оценки нужны часы и K, например 40 и 1 или 10 и 0,6.', 'Every estimate row needs hours and K, e.g. 40 and 1 or 10 and 0.6.')));
      estimate.push({ hoursCenti, kMilli, title: r.title, ...(r.categoryId ? { categoryId: r.categoryId } : {}) });
    }
    try {
      const body = { title: f.title, description: f.description, estimate, targetDate: f.targetDate || null };
      const saved = project ? await patch<ProjectT>(`/api/crowdfunding/${project.id}`, { ...body, version: project.version }) : await post<ProjectT>('/api/crowdfunding', { ...body, code: f.code });
      toast(t('saved'));
      onSaved(saved);
    } catch (err) {
      setError(err);
    }
  }
  return (
    <Modal title={project ? project.code : tr('Новый проект', 'New project')} onClose={onClose} wide>
      <form class="stack" onSubmit={save} noValidate>
        <ErrorNote error={error} />
        <div class="grid-3">
          <Field label={tr('Код', 'Code')} error={errors.code}>{(id) => <input id={id} value={f.code} disabled={!!project} onInput={(e) => setF({ ...f, code: e.currentTarget.value })} />}</Field>
          <Field label={tr('Название', 'Title')} error={errors.title} class="span-2">{(id) => <input id={id} value={f.title} onInput={(e) => setF({ ...f, title: e.currentTarget.value })} />}</Field>
        </div>
        <Field label={tr('Описание (Markdown)', 'Description (Markdown)')} error={errors.description} hint={<button type="button" class="btn btn-ghost btn-small" onClick={() => setPreview(!preview)}>{preview ? tr('Редактировать', 'Edit') : tr('Предпросмотр', 'Preview')}</button>}>
          {(id) => (preview ? <div class="card card-pad"><Markdown source={f.description} /></div> : <textarea id={id} rows={6} value={f.description} onInput={(e) => setF({ ...f, description: e.currentTarget.value })} />)}
        </Field>
        <fieldset class="field" style="border:0;padding:0;margin:0">
          <legend class="legend">{tr('Оценка по специалистам', 'Estimate by specialist')}</legend>
          {rows.map((r, i) => (
            <div class="row" key={i} style="margin-bottom:6px">
              <select aria-label={tr('Категория', 'Category')} value={String(r.categoryId)} onChange={(e) => {
                const id = Number(e.currentTarget.value);
                const cat = categories.data?.find((c) => c.id === id);
                setRows(rows.map((x, j) => (j === i ? { ...x, categoryId: id, k: cat ? formatMilli(cat.kMilli, lang) : x.k } : x)));
              }} style="width:220px">
                <option value="0">{tr('— категория —', '— category —')}</option>
                {(categories.data ?? []).map((c) => <option key={c.id} value={String(c.id)}>{lang === 'ru' ? c.name : c.nameEn}</option>)}
              </select>
              <input aria-label={tr('Работа', 'Work')} placeholder={tr('Работа', 'Work')} value={r.title} onInput={(e) => setRows(rows.map((x, j) => (j === i ? { ...x, title: e.currentTarget.value } : x)))} style="flex:1" />
              <input aria-label={tr('Часы', 'Hours')} placeholder={tr('Часы', 'Hours')} class="num narrow" inputMode="decimal" value={r.hours} onInput={(e) => setRows(rows.map((x, j) => (j === i ? { ...x, hours: e.currentTarget.value } : x)))} />
              <input aria-label="K" placeholder="K" class="num narrow" inputMode="decimal" value={r.k} onInput={(e) => setRows(rows.map((x, j) => (j === i ? { ...x, k: e.currentTarget.value } : x)))} />
              <Button class="btn-small btn-ghost" aria-label={tr('Удалить строку', 'Remove row')} disabled={rows.length === 1} onClick={() => setRows(rows.filter((_, j) => j !== i))}><Icon name="trash" size={14} /></Button>
            </div>
          ))}
          <Button class="btn-small" onClick={() => setRows([...rows, { categoryId: 0, title: '', hours: '', k: '1' }])}>+ {tr('Строка оценки', 'Estimate row')}</Button>
        </fieldset>
        <Field label={tr('Плановая дата', 'Target date')} error={errors.targetDate}>{(id) => <input id={id} type="date" value={f.targetDate} onInput={(e) => setF({ ...f, targetDate: e.currentTarget.value })} />}</Field>
        <div class="modal-foot">
          <Button onClick={onClose}>{t('cancel')}</Button>
          <button type="submit" class="btn btn-primary">{t('save')}</button>
        </div>
      </form>
    </Modal>
  );
}

export function ProjectPage({ id }: { id: number }) {
  const { me, settings } = useSession();
  const project = useLoad(() => get<ProjectT>(`/api/crowdfunding/${id}`), [id]);
  const customers = useLoad(() => get<CustomerT[]>('/api/customers'), []);
  const [pledging, setPledging] = useState(false);
  const [quoting, setQuoting] = useState(false);
  const [editing, setEditing] = useState(false);
  if (project.error) return <ErrorNote error={project.error} onRetry={project.reload} />;
  if (!project.data) return <Loading rows={8} />;
  const p = project.data;
  const canSell = hasRole(me, 'manager', 'admin');
  const canBook = hasRole(me, 'accountant', 'admin');
  const open = p.status === 'open' || p.status === 'funded';

  async function act(run: () => Promise<ProjectT>, message: string) {
    try {
      project.setData(await run());
      toast(message);
    } catch (e) {
      toast(e instanceof Error ? e.message : String(e), 'danger');
    }
  }
  const move = (status: 'in_development' | 'released' | 'withdrawn') =>
    act(() => patch<ProjectT>(`/api/crowdfunding/${p.id}`, { version: p.version, status }), tr('Состояние проекта изменено', 'Project status changed'));

  return (
    <>
      <PageHeader title={p.title} subtitle={<span class="row"><span class="mono">{p.code}</span><ProjectStatusChip status={p.status} />{p.targetDate && <span class="muted">{tr('плановая дата', 'target')} {dateText(p.targetDate)}</span>}</span>}>
        {canSell && open && <Button onClick={() => setQuoting(true)}>{tr('Добавить в смету', 'Add to a quote')}</Button>}
        {canSell && open && <Button variant="primary" onClick={() => setPledging(true)}>+ {tr('Взнос', 'Pledge')}</Button>}
        {canSell && p.status !== 'withdrawn' && p.status !== 'released' && (
          <details class="menu">
            <summary class="btn">{tr('Ещё', 'More')}</summary>
            <div class="menu-list">
              {p.status !== 'in_development' && <button type="button" onClick={() => setEditing(true)}>{t('edit')}</button>}
              {open && <button type="button" onClick={() => void move('in_development')}>{tr('Начать разработку', 'Start development')}</button>}
              {p.status === 'in_development' && <button type="button" onClick={() => void move('released')}>{tr('Выпущен', 'Released')}</button>}
              <button type="button" class="danger" onClick={() => confirm(tr('Отозвать проект? Подтверждённые взносы вернутся на балансы.', 'Withdraw the project? Confirmed pledges go back to the balances.')) && void move('withdrawn')}>{tr('Отозвать проект', 'Withdraw')}</button>
            </div>
          </details>
        )}
      </PageHeader>
      <div class="grid-3">
        <div class="card card-pad">
          <div class="stat-label">{tr('Стоимость', 'Price')}</div>
          <div class="stat-value"><Money minor={p.priceMinor} currency={p.currency} /></div>
          <div class="small muted"><Hours centi={p.normHoursCenti} /> × <Money minor={p.rateMinor} currency={p.currency} /></div>
        </div>
        <div class="card card-pad">
          <div class="stat-label">{tr('Собрано', 'Funded')}</div>
          <FundingBar p={p} />
          <div class="small muted">{tr('подтверждено', 'confirmed')} <Hours centi={p.confirmedCenti} /> · {tr('обещано', 'promised')} <Hours centi={p.promisedCenti} />{p.overPledgedCenti > 0 && <> · <strong class="negative">{tr('сверх стоимости', 'over the price')} <Hours centi={p.overPledgedCenti} /></strong></>}</div>
        </div>
        <div class="card card-pad">
          <div class="stat-label">{tr('Осталось собрать', 'Remaining')}</div>
          <div class="stat-value"><Hours centi={p.remainingCenti} /></div>
          <div class="small muted">{tr('участников', 'co-funders')}: {p.funders}</div>
        </div>
      </div>
      <div class="grid-2" style="margin-top:16px;align-items:start">
        <div class="card card-pad"><Markdown source={p.description} /></div>
        <div class="card">
          <table class="table">
            <caption class="sr-only">{tr('Оценка', 'Estimate')}</caption>
            <thead><tr><th scope="col">{tr('Работа', 'Work')}</th><th scope="col" class="num">{tr('Часы', 'Hours')}</th><th scope="col" class="num">K</th><th scope="col" class="num">{tr('Нормо-часы', 'Norm-hours')}</th></tr></thead>
            <tbody>
              {p.estimate.map((e) => (
                <tr key={e.id}><td>{e.title || '—'}</td><td class="num"><Hours centi={e.hoursCenti} /></td><td class="num">{formatMilli(e.kMilli, getLang())}</td><td class="num"><Hours centi={Math.round((e.hoursCenti * e.kMilli) / 1000)} /></td></tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
      <h2 class="section-title">{tr('Взносы', 'Pledges')}</h2>
      <div class="card">
        {p.pledges.length === 0 ? (
          <Empty>{tr('Взносов пока нет. Добавьте обещанный взнос или долю проекта в смету заказчика.', 'No pledges yet. Add a promised pledge, or a share of the project to a customer’s quote.')}</Empty>
        ) : (
          <table class="table">
            <thead>
              <tr><th scope="col">{tr('Заказчик', 'Customer')}</th><th scope="col">{tr('Дата', 'Date')}</th><th scope="col" class="num">{tr('Нормо-часы', 'Norm-hours')}</th><th scope="col" class="num">{tr('Сумма', 'Money')}</th><th scope="col">{tr('Состояние', 'Status')}</th><th scope="col"><span class="sr-only">{tr('Действия', 'Actions')}</span></th></tr>
            </thead>
            <tbody>
              {p.pledges.map((pl) => (
                <tr key={pl.id}>
                  <td>
                    <Link href={`/customers/${pl.customerId}`}>{pl.customerName}</Link>
                    {pl.note && <div class="small muted">{pl.note}</div>}
                    {pl.quoteId && <div class="small"><Link href={`/quotes/${pl.quoteId}`}>{tr('из сметы', 'from a quote')}</Link></div>}
                  </td>
                  <td>{dateText(pl.pledgedOn)}</td>
                  <td class="num"><Hours centi={pl.normHoursCenti} /></td>
                  <td class="num"><Money minor={pl.moneyMinor} currency={p.currency} /></td>
                  <td><Chip tone={pl.status === 'confirmed' ? 'success' : pl.status === 'promised' ? 'info' : 'neutral'}>{pl.status === 'confirmed' ? tr('подтверждён', 'confirmed') : pl.status === 'promised' ? tr('обещан', 'promised') : tr('отменён', 'cancelled')}</Chip></td>
                  <td class="nowrap" style="width:1%">
                    {pl.status === 'promised' && canBook && <Button class="btn-small" variant="primary" onClick={() => void act(() => post<ProjectT>(`/api/crowdfunding/${p.id}/pledges/${pl.id}/confirm`), tr('Взнос подтверждён, нормо-часы списаны', 'Pledge confirmed and debited'))}>{tr('Подтвердить', 'Confirm')}</Button>}{' '}
                    {pl.status !== 'cancelled' && (pl.status === 'promised' || canBook) && open && <Button class="btn-small btn-ghost" onClick={() => void act(() => post<ProjectT>(`/api/crowdfunding/${p.id}/pledges/${pl.id}/cancel`, { reason: '' }), tr('Взнос отменён', 'Pledge cancelled'))}>{tr('Отменить', 'Cancel')}</Button>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      {pledging && <PledgeForm project={p} customers={customers.data ?? []} onClose={() => setPledging(false)} onSaved={(x) => { setPledging(false); project.setData(x); }} />}
      {quoting && <AddToQuoteForm project={p} customers={customers.data ?? []} onClose={() => setQuoting(false)} />}
      {editing && <ProjectForm project={p} onClose={() => setEditing(false)} onSaved={(x) => { setEditing(false); project.setData(x); }} />}
      <p class="small muted" style="margin-top:12px">{tr('Цены — по текущей стоимости нормо-часа', 'Prices at the current norm-hour rate')} <Money minor={settings.rateMinor} currency={settings.currency} />.</p>
    </>
  );
}

function PledgeForm({ project, customers, onClose, onSaved }: { project: ProjectT; customers: CustomerT[]; onClose(): void; onSaved(p: ProjectT): void }) {
  const [customerId, setCustomerId] = useState(String(customers[0]?.id ?? ''));
  const [hours, setHours] = useState(formatFixed(project.remainingCenti, 2, getLang()));
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  async function save(e: Event) {
    e.preventDefault();
    const value = parseFixed(hours, 2);
    if (value === null || value <= 0) return setError(new Error(tr('Взнос — положительное число нормо-часов.', 'A pledge is a positive number of norm-hours.')));
    try {
      onSaved(await post<ProjectT>(`/api/crowdfunding/${project.id}/pledges`, { customerId: Number(customerId), normHoursCenti: value, note }));
      toast(tr('Взнос записан как обещанный', 'Pledge recorded as promised'));
    } catch (err) {
      setError(err);
    }
  }
  return (
    <Modal title={tr(`Взнос в ${project.code}`, `Pledge to ${project.code}`)} onClose={onClose}>
      <form class="stack" onSubmit={save} noValidate>
        <ErrorNote error={error} />
        <Field label={tr('Заказчик', 'Customer')}>{(id) => <select id={id} value={customerId} onChange={(e) => setCustomerId(e.currentTarget.value)}>{customers.map((c) => <option key={c.id} value={String(c.id)}>{c.name}</option>)}</select>}</Field>
        <Field label={tr('Нормо-часы', 'Norm-hours')} hint={tr('Подтверждение бухгалтером спишет их с баланса заказчика.', 'The accountant’s confirmation debits them from the customer’s balance.')}>{(id) => <input id={id} class="num" inputMode="decimal" value={hours} onInput={(e) => setHours(e.currentTarget.value)} />}</Field>
        <Field label={tr('Комментарий', 'Note')}>{(id) => <input id={id} value={note} onInput={(e) => setNote(e.currentTarget.value)} />}</Field>
        <div class="modal-foot"><Button onClick={onClose}>{t('cancel')}</Button><button type="submit" class="btn btn-primary">{t('save')}</button></div>
      </form>
    </Modal>
  );
}

function AddToQuoteForm({ project, customers, onClose }: { project: ProjectT; customers: CustomerT[]; onClose(): void }) {
  const [customerId, setCustomerId] = useState(String(customers[0]?.id ?? ''));
  const [n, setN] = useState('2');
  const drafts = useLoad(() => (customerId ? get<QuoteListT>(`/api/quotes?customerId=${customerId}&status=draft&pageSize=100`) : Promise.resolve(null)), [customerId]);
  const [quoteId, setQuoteId] = useState('');
  const [error, setError] = useState<unknown>(null);
  async function add(e: Event) {
    e.preventDefault();
    try {
      let target = Number(quoteId);
      let version = 0;
      if (!target) {
        const created = await post<{ id: number; version: number }>('/api/quotes', { customerId: Number(customerId), title: `${tr('Долевое участие', 'Co-funding')}: ${project.title}`.slice(0, 300) });
        target = created.id;
        version = created.version;
      } else {
        version = (await get<{ version: number }>(`/api/quotes/${target}`)).version;
      }
      await post(`/api/crowdfunding/${project.id}/quote-line`, { quoteId: target, version, n: Number(n) });
      toast(tr('Доля проекта добавлена в смету', 'Project share added to the quote'));
      navigate(`/quotes/${target}`);
    } catch (err) {
      setError(err);
    }
  }
  return (
    <Modal title={tr('Доля проекта в смету', 'Project share into a quote')} onClose={onClose}>
      <form class="stack" onSubmit={add}>
        <ErrorNote error={error} />
        <Field label={tr('Заказчик', 'Customer')}>{(id) => <select id={id} value={customerId} onChange={(e) => { setCustomerId(e.currentTarget.value); setQuoteId(''); }}>{customers.map((c) => <option key={c.id} value={String(c.id)}>{c.name}</option>)}</select>}</Field>
        <Field label={tr('Смета', 'Quote')}>
          {(id) => (
            <select id={id} value={quoteId} onChange={(e) => setQuoteId(e.currentTarget.value)}>
              <option value="">{tr('Новая смета', 'A new quote')}</option>
              {(drafts.data?.items ?? []).map((q) => <option key={q.id} value={String(q.id)}>{q.number} · {q.title}</option>)}
            </select>
          )}
        </Field>
        <Field label={tr('Разделить остаток между, участников', 'Split the remainder among, co-funders')} hint={tr('Доля заказчика = остаток ÷ N, до сотой нормо-часа', 'The customer’s share = remainder ÷ N, to a hundredth of a norm-hour')}>
          {(id) => <input id={id} type="number" min={1} max={50} value={n} onInput={(e) => setN(e.currentTarget.value)} />}
        </Field>
        <p class="small muted">{tr('Когда заказчик примет смету, его доля станет обещанным взносом в проект.', 'When the customer accepts the quote, the share becomes a promised pledge to the project.')}</p>
        <div class="modal-foot"><Button onClick={onClose}>{t('cancel')}</Button><button type="submit" class="btn btn-primary">{tr('Добавить', 'Add')}</button></div>
      </form>
    </Modal>
  );
}

type Row = { label: string; value: (p: ComparisonT['projects'][number]) => ComponentChildren; score?: (p: ComparisonT['projects'][number]) => number; best?: 'min' | 'max' };

export function ComparePage() {
  const { settings } = useSession();
  const { query } = useLocation();
  const ids = query.get('ids') ?? '';
  const n = query.get('n') ?? '2';
  const customerId = query.get('customerId') ?? '';
  const customers = useLoad(() => get<CustomerT[]>('/api/customers'), []);
  const cmp = useLoad(() => get<ComparisonT>(`/api/crowdfunding/compare?ids=${ids}&n=${n}${customerId ? `&customerId=${customerId}` : ''}`), [ids, n, customerId]);
  const currency = settings.currency;
  const rows: Row[] = [
    { label: tr('Стоимость', 'Price'), value: (p) => <Money minor={p.priceMinor} currency={currency} />, score: (p) => p.priceMinor, best: 'min' },
    { label: tr('Нормо-часы', 'Norm-hours'), value: (p) => <Hours centi={p.normHoursCenti} />, score: (p) => p.normHoursCenti, best: 'min' },
    { label: tr('Подтверждено', 'Confirmed'), value: (p) => <Hours centi={p.confirmedCenti} />, score: (p) => p.confirmedCenti, best: 'max' },
    { label: tr('Обещано', 'Promised'), value: (p) => <Hours centi={p.promisedCenti} />, score: (p) => p.promisedCenti, best: 'max' },
    { label: tr('Осталось', 'Remaining'), value: (p) => <Hours centi={p.remainingCenti} />, score: (p) => p.remainingCenti, best: 'min' },
    { label: tr('Собрано', 'Funded'), value: (p) => <FundingBar p={p} />, score: (p) => p.fundedMilli, best: 'max' },
    { label: tr('Участников', 'Co-funders'), value: (p) => p.funders, score: (p) => p.funders, best: 'max' },
    {
      label: tr(`Доля каждого из ${n} новых участников`, `Share of each of ${n} new co-funders`),
      value: (p) => (<><Money minor={p.perFunderMinor} currency={currency} /><div class="small muted"><Hours centi={p.perFunderCenti} /></div></>),
      score: (p) => p.perFunderMinor,
      best: 'min',
    },
  ];
  if (cmp.data?.customer) {
    rows.push({
      label: tr(`Баланс «${cmp.data.customer.name}» покрывает долю`, `${cmp.data.customer.name}’s balance covers the share`),
      value: (p) => (p.customerCovers ? <Chip tone="success">{tr('да', 'yes')}</Chip> : <Chip tone="warning">{tr('нет', 'no')}</Chip>),
      score: (p) => (p.customerCovers ? 1 : 0),
      best: 'max',
    });
  }
  const bestIn = (row: Row) => (cmp.data && row.score ? bestOf(cmp.data.projects, row.score, row.best ?? 'max') : new Set<number>());
  async function excel() {
    try {
      await download(`/api/crowdfunding/compare.xlsx?ids=${ids}&n=${n}${customerId ? `&customerId=${customerId}` : ''}`, 'crowdfunding.xlsx');
    } catch (e) {
      toast(e instanceof Error ? e.message : String(e), 'danger');
    }
  }
  return (
    <>
      <PageHeader title={tr('Сравнение проектов', 'Comparing projects')} subtitle={tr('Лучшее значение в каждой строке выделено', 'The best value in each row is highlighted')}>
        <Field label={tr('Новых участников, N', 'New co-funders, N')}>{(id) => <input id={id} type="number" min={1} max={50} value={n} class="narrow" onChange={(e) => setQuery({ n: e.currentTarget.value || '2' })} />}</Field>
        <Field label={tr('Проверить баланс заказчика', 'Test a customer’s balance')}>
          {(id) => (
            <select id={id} value={customerId} onChange={(e) => setQuery({ customerId: e.currentTarget.value || null })}>
              <option value="">{tr('— не выбран —', '— none —')}</option>
              {(customers.data ?? []).map((c) => <option key={c.id} value={String(c.id)}>{c.name}</option>)}
            </select>
          )}
        </Field>
        <Button onClick={excel} style="align-self:flex-end"><Icon name="download" /> Excel</Button>
      </PageHeader>
      <ErrorNote error={cmp.error} onRetry={cmp.reload} />
      {!cmp.data ? (
        <Loading rows={8} />
      ) : (
        <div class="card compare">
          <table class="table">
            <thead>
              <tr>
                <th scope="col"><span class="sr-only">{tr('Показатель', 'Figure')}</span></th>
                {cmp.data.projects.map((p) => (
                  <th scope="col" key={p.id}>
                    <Link href={`/crowdfunding/${p.id}`}>{p.title}</Link>
                    <div class="row" style="margin-top:4px"><span class="mono small">{p.code}</span><ProjectStatusChip status={p.status} /></div>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const best = bestIn(row);
                return (
                  <tr key={row.label}>
                    <th scope="row">{row.label}</th>
                    {cmp.data!.projects.map((p) => (
                      <td key={p.id} class={`num ${best.has(p.id) ? 'best' : ''}`}>
                        {row.value(p)}
                        {best.has(p.id) && <span class="best-mark">{tr('лучшее', 'best')}</span>}
                      </td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
