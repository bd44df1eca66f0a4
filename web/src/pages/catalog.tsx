/** The price list: every staff member reads it, the admin edits items and categories. */
import { Fragment } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import type { CatalogItemT, CategoryT } from '../../../schema/api';
import { searchCatalog } from '../../../worker/domain/catalog-search';
import { formatFixed, formatMilli, parseFixed } from '../../../worker/domain/format';
import { lineAmountMinor } from '../../../worker/domain/pricing';
import { get, patch, post } from '../api';
import { Button, Chip, Empty, ErrorNote, Field, Hours, Loading, Milli, Modal, Money, PageHeader, fieldErrors, toast, useLoad } from '../components/ui';
import { getLang, t, tr } from '../i18n';
import { hasRole, useSession } from '../session';

const SECTIONS = ['2', '3', '4', '5'] as const;
const sectionTitle = (s: string) =>
  ({ '2': t('catalog_section_2'), '3': t('catalog_section_3'), '4': t('catalog_section_4'), '5': t('catalog_section_5') })[s] ??
  tr(`Раздел ${s}`, `Section ${s}`);

export function itemName(item: { name: string; nameEn: string }) {
  return getLang() === 'ru' ? item.name : item.nameEn || item.name;
}

export function CatalogPage() {
  const { me, settings } = useSession();
  const isAdmin = hasRole(me, 'admin');
  const data = useLoad(
    () => Promise.all([get<CatalogItemT[]>('/api/catalog/items'), get<CategoryT[]>('/api/catalog/categories')]),
    [],
  );
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState<number | null>(null);
  const [editing, setEditing] = useState<CatalogItemT | 'new' | null>(null);
  const [editingCategory, setEditingCategory] = useState<CategoryT | null>(null);

  const [items, categories] = data.data ?? [[], []];
  const visible = useMemo(() => (query.trim() ? searchCatalog(items, query, 500) : items), [items, query]);

  return (
    <>
      <PageHeader
        title={t('catalog_title')}
        subtitle={
          <>
            {t('catalog_intro')} · {t('rate_label')}: <Money minor={settings.rateMinor} currency={settings.currency} />
          </>
        }
      >
        {isAdmin && (
          <Button variant="primary" onClick={() => setEditing('new')}>
            + {t('catalog_new_item')}
          </Button>
        )}
      </PageHeader>
      <ErrorNote error={data.error} onRetry={data.reload} />
      <div class="toolbar">
        <Field label={t('search')} class="search">
          {(id) => (
            <input id={id} type="search" placeholder={t('catalog_filter')} value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
          )}
        </Field>
      </div>
      <div class="card">
        {data.loading && !data.data ? (
          <Loading rows={8} />
        ) : visible.length === 0 ? (
          <Empty>{t('catalog_empty')}</Empty>
        ) : (
          <div class="table-wrap">
            <table class="table">
              <thead>
                <tr>
                  <th scope="col">{t('catalog_code')}</th>
                  <th scope="col">{t('catalog_service')}</th>
                  <th scope="col">{t('catalog_mode')}</th>
                  <th scope="col" class="num">
                    {t('catalog_hours')}
                  </th>
                  <th scope="col">{t('catalog_category')}</th>
                  <th scope="col" class="num">
                    {t('catalog_k')}
                  </th>
                  <th scope="col" class="num">
                    {t('catalog_price')}
                  </th>
                  {isAdmin && <th scope="col"><span class="sr-only">{t('edit')}</span></th>}
                </tr>
              </thead>
              <tbody>
                {SECTIONS.map((section) => {
                  const rows = visible.filter((i) => i.section === section);
                  if (rows.length === 0) return null;
                  return (
                    <Fragment key={section}>
                      <tr class="table-section">
                        <td colSpan={isAdmin ? 8 : 7}>{sectionTitle(section)}</td>
                      </tr>
                      {rows.map((item) => (
                        <Fragment key={item.id}>
                          <tr>
                            <td class="code">{item.code}</td>
                            <td>
                              <button
                                type="button"
                                class="btn btn-ghost btn-small"
                                style="height:auto;padding:2px 4px;white-space:normal;text-align:left;font-weight:500"
                                aria-expanded={open === item.id}
                                onClick={() => setOpen(open === item.id ? null : item.id)}
                              >
                                {itemName(item)}
                              </button>
                              {!item.active && <Chip tone="neutral">{t('catalog_inactive')}</Chip>}
                            </td>
                            <td>
                              <Chip tone={item.mode === 'fixed' ? 'accent' : 'neutral'}>
                                {item.mode === 'fixed' ? t('mode_fixed') : t('mode_estimate')}
                              </Chip>
                              {item.actualTime && <div class="small muted">{t('actual_time')}</div>}
                            </td>
                            <td class="num">
                              <Hours centi={item.hoursCenti} />
                            </td>
                            <td>{getLang() === 'ru' ? item.categoryName : item.categoryNameEn}</td>
                            <td class="num">
                              <Milli value={item.kMilli} />
                            </td>
                            <td class="num">
                              {item.hoursCenti === null ? (
                                <span class="faint small">{t('catalog_estimate_hint')}</span>
                              ) : (
                                <Money
                                  minor={lineAmountMinor({ quantityMilli: 1000, hoursCenti: item.hoursCenti, kMilli: item.kMilli }, settings.rateMinor)}
                                  currency={settings.currency}
                                />
                              )}
                            </td>
                            {isAdmin && (
                              <td>
                                <Button class="btn-small" onClick={() => setEditing(item)} aria-label={`${t('edit')} ${item.code}`}>
                                  {t('edit')}
                                </Button>
                              </td>
                            )}
                          </tr>
                          {open === item.id && (
                            <tr class="catalog-row-detail">
                              <td />
                              <td colSpan={isAdmin ? 7 : 6}>
                                <ItemDetails item={item} />
                              </td>
                            </tr>
                          )}
                        </Fragment>
                      ))}
                    </Fragment>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </div>

      <h2 class="section-title">{t('categories_title')}</h2>
      <div class="card">
        <table class="table">
          <thead>
            <tr>
              <th scope="col">{t('catalog_category')}</th>
              <th scope="col" class="num">
                {t('catalog_k')}
              </th>
              {isAdmin && <th scope="col"><span class="sr-only">{t('edit')}</span></th>}
            </tr>
          </thead>
          <tbody>
            {categories.map((c) => (
              <tr key={c.id}>
                <td>
                  {getLang() === 'ru' ? c.name : c.nameEn}
                  {!c.active && <Chip>{t('catalog_inactive')}</Chip>}
                </td>
                <td class="num">
                  <Milli value={c.kMilli} />
                </td>
                {isAdmin && (
                  <td style="width:1%">
                    <Button class="btn-small" onClick={() => setEditingCategory(c)}>
                      {t('edit')}
                    </Button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {editing && (
        <ItemForm
          item={editing === 'new' ? null : editing}
          categories={categories}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void data.reload();
          }}
        />
      )}
      {editingCategory && (
        <CategoryForm
          category={editingCategory}
          onClose={() => setEditingCategory(null)}
          onSaved={() => {
            setEditingCategory(null);
            void data.reload();
          }}
        />
      )}
    </>
  );
}

export function ItemDetails({ item }: { item: Pick<CatalogItemT, 'description' | 'inputs' | 'result' | 'limits'> }) {
  return (
    <dl class="item-details">
      {item.description && (
        <>
          <dt>{t('catalog_description')}</dt>
          <dd>{item.description}</dd>
        </>
      )}
      {item.inputs && (
        <>
          <dt>{t('catalog_inputs')}</dt>
          <dd>{item.inputs}</dd>
        </>
      )}
      {item.result && (
        <>
          <dt>{t('catalog_result')}</dt>
          <dd>{item.result}</dd>
        </>
      )}
      {item.limits && (
        <>
          <dt>{t('catalog_limits')}</dt>
          <dd>{item.limits}</dd>
        </>
      )}
    </dl>
  );
}

function ItemForm({
  item,
  categories,
  onClose,
  onSaved,
}: {
  item: CatalogItemT | null;
  categories: CategoryT[];
  onClose(): void;
  onSaved(): void;
}) {
  const lang = getLang();
  const [f, setF] = useState({
    code: item?.code ?? '',
    name: item?.name ?? '',
    nameEn: item?.nameEn ?? '',
    section: item?.section ?? '',
    mode: item?.mode ?? ('fixed' as 'fixed' | 'estimate'),
    actualTime: item?.actualTime ?? false,
    hours: item?.hoursCenti != null ? formatFixed(item.hoursCenti, 2, lang) : '',
    categoryId: item?.categoryId ?? categories[0]?.id ?? 0,
    k: item ? formatMilli(item.kMilli, lang) : '',
    description: item?.description ?? '',
    inputs: item?.inputs ?? '',
    result: item?.result ?? '',
    limits: item?.limits ?? '',
    active: item?.active ?? true,
  });
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const errors = { ...fieldErrors(error) };
  const set = (k: keyof typeof f) => (e: Event) =>
    setF({ ...f, [k]: (e.currentTarget as HTMLInputElement).type === 'checkbox' ? (e.currentTarget as HTMLInputElement).checked : (e.currentTarget as HTMLInputElement).value });

  async function save(e: Event) {
    e.preventDefault();
    const hoursCenti = f.mode === 'fixed' ? parseFixed(f.hours, 2) : null;
    const kMilli = f.k.trim() === '' ? undefined : parseFixed(f.k, 3);
    if (f.mode === 'fixed' && (hoursCenti === null || hoursCenti <= 0)) {
      setError(new Error(tr('Укажите нормо-часы фиксированной услуги, например 20 или 12,5.', 'Enter the fixed norm-hours, e.g. 20 or 12.5.')));
      return;
    }
    if (kMilli === null) {
      setError(new Error(tr('K — число от 0 до 5, например 0,6.', 'K is a number from 0 to 5, e.g. 0.6.')));
      return;
    }
    const body = {
      code: f.code.trim(),
      name: f.name,
      nameEn: f.nameEn || undefined,
      section: f.section || undefined,
      mode: f.mode,
      actualTime: f.mode === 'estimate' ? f.actualTime : false,
      hoursCenti,
      categoryId: Number(f.categoryId),
      kMilli,
      description: f.description,
      inputs: f.inputs,
      result: f.result,
      limits: f.limits,
      active: f.active,
    };
    setBusy(true);
    setError(null);
    try {
      if (item) await patch(`/api/catalog/items/${item.id}`, { ...body, version: item.version });
      else await post('/api/catalog/items', body);
      toast(t('saved'));
      onSaved();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal title={item ? `${t('catalog_edit_item')} ${item.code}` : t('catalog_new_item')} onClose={onClose} wide>
      <form class="stack" onSubmit={save} noValidate>
        <ErrorNote error={error} />
        <div class="grid-3">
          <Field label={t('catalog_code')} error={errors.code}>
            {(id) => <input id={id} value={f.code} onInput={set('code')} required />}
          </Field>
          <Field label={t('catalog_mode')} error={errors.mode}>
            {(id) => (
              <select id={id} value={f.mode} onChange={set('mode')}>
                <option value="fixed">{t('mode_fixed')}</option>
                <option value="estimate">{t('mode_estimate')}</option>
              </select>
            )}
          </Field>
          {f.mode === 'fixed' ? (
            <Field label={t('catalog_hours_per_unit')} error={errors.hoursCenti}>
              {(id) => <input id={id} inputMode="decimal" class="num" value={f.hours} onInput={set('hours')} />}
            </Field>
          ) : (
            <label class="check" style="align-self:end;min-height:34px">
              <input type="checkbox" checked={f.actualTime} onChange={set('actualTime')} /> {t('actual_time')}
            </label>
          )}
        </div>
        <div class="grid-2">
          <Field label={t('catalog_name_ru')} error={errors.name}>
            {(id) => <input id={id} value={f.name} onInput={set('name')} required />}
          </Field>
          <Field label={t('catalog_name_en')} error={errors.nameEn}>
            {(id) => <input id={id} value={f.nameEn} onInput={set('nameEn')} lang="en" />}
          </Field>
        </div>
        <div class="grid-3">
          <Field label={t('catalog_category')} error={errors.categoryId}>
            {(id) => (
              <select id={id} value={String(f.categoryId)} onChange={set('categoryId')}>
                {categories.map((c) => (
                  <option key={c.id} value={String(c.id)}>
                    {(lang === 'ru' ? c.name : c.nameEn) + ` (K ${formatMilli(c.kMilli, lang)})`}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('catalog_k')} error={errors.kMilli} hint={tr('Пусто — K категории', 'Empty: the category’s K')}>
            {(id) => <input id={id} inputMode="decimal" class="num" value={f.k} onInput={set('k')} />}
          </Field>
          <label class="check" style="align-self:center">
            <input type="checkbox" checked={f.active} onChange={set('active')} /> {t('catalog_active')}
          </label>
        </div>
        <Field label={t('catalog_description')} error={errors.description}>
          {(id) => <textarea id={id} rows={4} value={f.description} onInput={set('description')} />}
        </Field>
        <div class="grid-2">
          <Field label={t('catalog_inputs')} error={errors.inputs}>
            {(id) => <textarea id={id} value={f.inputs} onInput={set('inputs')} />}
          </Field>
          <Field label={t('catalog_result')} error={errors.result}>
            {(id) => <textarea id={id} value={f.result} onInput={set('result')} />}
          </Field>
        </div>
        <Field label={t('catalog_limits')} error={errors.limits}>
          {(id) => <textarea id={id} value={f.limits} onInput={set('limits')} />}
        </Field>
        <div class="modal-foot">
          <Button onClick={onClose}>{t('cancel')}</Button>
          <button type="submit" class="btn btn-primary" disabled={busy} aria-busy={busy}>
            {busy ? t('saving') : t('save')}
          </button>
        </div>
      </form>
    </Modal>
  );
}

function CategoryForm({ category, onClose, onSaved }: { category: CategoryT; onClose(): void; onSaved(): void }) {
  const lang = getLang();
  const [k, setK] = useState(formatMilli(category.kMilli, lang));
  const [name, setName] = useState(category.name);
  const [nameEn, setNameEn] = useState(category.nameEn);
  const [error, setError] = useState<unknown>(null);
  async function save(e: Event) {
    e.preventDefault();
    const kMilli = parseFixed(k, 3);
    if (kMilli === null) {
      setError(new Error(tr('K — число от 0 до 5, например 0,6.', 'K is a number from 0 to 5, e.g. 0.6.')));
      return;
    }
    try {
      await patch(`/api/catalog/categories/${category.id}`, { name, nameEn, kMilli });
      toast(t('saved'));
      onSaved();
    } catch (err) {
      setError(err);
    }
  }
  return (
    <Modal title={t('catalog_category')} onClose={onClose}>
      <form class="stack" onSubmit={save} noValidate>
        <ErrorNote error={error} />
        <Field label={t('catalog_name_ru')}>{(id) => <input id={id} value={name} onInput={(e) => setName(e.currentTarget.value)} />}</Field>
        <Field label={t('catalog_name_en')}>{(id) => <input id={id} value={nameEn} onInput={(e) => setNameEn(e.currentTarget.value)} />}</Field>
        <Field label={t('catalog_k')} hint={tr('Услуги сохраняют свой K; новые услуги категории возьмут этот.', 'Items keep their own K; new items of this category take this one.')}>
          {(id) => <input id={id} inputMode="decimal" class="num" value={k} onInput={(e) => setK(e.currentTarget.value)} />}
        </Field>
        <div class="modal-foot">
          <Button onClick={onClose}>{t('cancel')}</Button>
          <button type="submit" class="btn btn-primary">
            {t('save')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
