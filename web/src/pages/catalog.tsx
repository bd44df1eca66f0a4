/** The price list: every staff member reads it, the admin edits items and categories. */
import { Fragment } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import type { CatalogItemT, CategoryT } from '../../../schema/api';
import { searchCatalog } from '../../../worker/domain/catalog-search';
import { lineAmountMinor } from '../../../worker/domain/pricing';
import { ITEM_MODE_WORDS } from '../../../worker/domain/words/kinds';
import { CATALOG_SECTION_WORDS } from '../../../worker/domain/words/ui';
import { api } from '../api';
import { CategoryForm, ItemForm } from '../catalog/forms';
import { ItemDetails, itemName } from '../catalog/item-details';
import {
  Button,
  Chip,
  Empty,
  ErrorNote,
  Hours,
  Loading,
  Milli,
  Money,
  PageHeader,
  SearchField,
  useLoad,
  NumTh,
  HiddenTh,
} from '../components/ui';
import { getLang, t, word } from '../i18n';
import { hasRole, useSession } from '../session';

const SECTIONS = ['2', '3', '4', '5'] as const;
const sectionTitle = (s: string) => {
  const words = CATALOG_SECTION_WORDS[s];
  return words ? word(words) : t('catalogSectionNumbered', { n: s });
};

export function CatalogPage() {
  const { me, settings } = useSession();
  const isAdmin = hasRole(me, 'admin');
  const data = useLoad(() => Promise.all([api('GET /api/catalog/items'), api('GET /api/catalog/categories')]), []);
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState<number | null>(null);
  const [editing, setEditing] = useState<CatalogItemT | 'new' | null>(null);
  const [editingCategory, setEditingCategory] = useState<CategoryT | null>(null);

  const [items, categories] = data.data ?? [[], []];
  const visible = useMemo(() => (query.trim() ? searchCatalog(items, query, 500) : items), [items, query]);

  return (
    <>
      <PageHeader
        title={t('priceList')}
        subtitle={
          <>
            {t('catalogIntro')} · {t('normHourRate')}: <Money minor={settings.rateMinor} currency={settings.currency} />
          </>
        }
      >
        {isAdmin && (
          <Button variant="primary" onClick={() => setEditing('new')}>
            + {t('newService')}
          </Button>
        )}
      </PageHeader>
      <ErrorNote error={data.error} onRetry={data.reload} />
      <div class="toolbar">
        <SearchField value={query} placeholder={t('catalogSearch')} onInput={setQuery} />
      </div>
      <div class="card">
        {data.loading && !data.data ? (
          <Loading rows={8} />
        ) : visible.length === 0 ? (
          <Empty>{t('nothingFound')}</Empty>
        ) : (
          <div class="table-wrap">
            <table class="table">
              <thead>
                <tr>
                  <th scope="col">{t('code')}</th>
                  <th scope="col">{t('service')}</th>
                  <th scope="col">{t('mode')}</th>
                  <NumTh>{t('hours')}</NumTh>
                  <th scope="col">{t('category')}</th>
                  <NumTh>{t('k')}</NumTh>
                  <NumTh>{t('priceColumn')}</NumTh>
                  {isAdmin && <HiddenTh>{t('edit')}</HiddenTh>}
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
                              {!item.active && <Chip tone="neutral">{t('inactive')}</Chip>}
                            </td>
                            <td>
                              <Chip tone={item.mode === 'fixed' ? 'accent' : 'neutral'}>{word(ITEM_MODE_WORDS[item.mode])}</Chip>
                              {item.actualTime && <div class="small muted">{t('actualTime')}</div>}
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
                                <span class="faint small">{t('hoursPerLine')}</span>
                              ) : (
                                <Money
                                  minor={lineAmountMinor(
                                    { quantityMilli: 1000, hoursCenti: item.hoursCenti, kMilli: item.kMilli },
                                    settings.rateMinor,
                                  )}
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

      <h2 class="section-title">{t('categoriesTitle')}</h2>
      <div class="card">
        <table class="table">
          <thead>
            <tr>
              <th scope="col">{t('category')}</th>
              <NumTh>{t('k')}</NumTh>
              {isAdmin && <HiddenTh>{t('edit')}</HiddenTh>}
            </tr>
          </thead>
          <tbody>
            {categories.map((c) => (
              <tr key={c.id}>
                <td>
                  {getLang() === 'ru' ? c.name : c.nameEn}
                  {!c.active && <Chip>{t('inactive')}</Chip>}
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
