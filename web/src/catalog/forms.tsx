/** The admin's forms of the price list: an item, a specialist category. */
import { useState } from 'preact/hooks';
import type { CatalogItemT, CategoryT } from '../../../schema/api';
import { formatFixed, formatMilli, parseFixed } from '../../../worker/domain/format';
import { ITEM_MODE_WORDS } from '../../../worker/domain/words/kinds';
import { api } from '../api';
import { useSubmit } from '../components/submit';
import { ErrorNote, Field, Modal, fieldErrors, toast, FormFoot } from '../components/ui';
import { getLang, t, word } from '../i18n';

export function ItemForm({
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
  const { busy, error, setError, run } = useSubmit();
  const errors = { ...fieldErrors(error) };
  const set = (k: keyof typeof f) => (e: Event) =>
    setF({
      ...f,
      [k]:
        (e.currentTarget as HTMLInputElement).type === 'checkbox'
          ? (e.currentTarget as HTMLInputElement).checked
          : (e.currentTarget as HTMLInputElement).value,
    });

  async function save(e: Event) {
    e.preventDefault();
    const hoursCenti = f.mode === 'fixed' ? parseFixed(f.hours, 2) : null;
    const kMilli = f.k.trim() === '' ? undefined : parseFixed(f.k, 3);
    if (f.mode === 'fixed' && (hoursCenti === null || hoursCenti <= 0)) {
      setError(new Error(t('fixedHoursNeeded')));
      return;
    }
    if (kMilli === null) {
      setError(new Error(t('kOutOfRange')));
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
    await run(async () => {
      if (item) await api('PATCH /api/catalog/items/{id}', { params: { id: item.id }, body: { ...body, version: item.version } });
      else await api('POST /api/catalog/items', { body: body });
      toast(t('saved'));
      onSaved();
    });
  }

  return (
    <Modal title={item ? `${t('service')} ${item.code}` : t('newService')} onClose={onClose} wide>
      <form class="stack" onSubmit={save} noValidate>
        <ErrorNote error={error} />
        <div class="grid-3">
          <Field label={t('code')} error={errors.code}>
            {(id) => <input id={id} value={f.code} onInput={set('code')} required />}
          </Field>
          <Field label={t('mode')} error={errors.mode}>
            {(id) => (
              <select id={id} value={f.mode} onChange={set('mode')}>
                <option value="fixed">{word(ITEM_MODE_WORDS.fixed)}</option>
                <option value="estimate">{word(ITEM_MODE_WORDS.estimate)}</option>
              </select>
            )}
          </Field>
          {f.mode === 'fixed' ? (
            <Field label={t('normHours')} error={errors.hoursCenti}>
              {(id) => <input id={id} inputMode="decimal" class="num" value={f.hours} onInput={set('hours')} />}
            </Field>
          ) : (
            <label class="check" style="align-self:end;min-height:34px">
              <input type="checkbox" checked={f.actualTime} onChange={set('actualTime')} /> {t('actualTime')}
            </label>
          )}
        </div>
        <div class="grid-2">
          <Field label={t('nameRu')} error={errors.name}>
            {(id) => <input id={id} value={f.name} onInput={set('name')} required />}
          </Field>
          <Field label={t('nameEn')} error={errors.nameEn}>
            {(id) => <input id={id} value={f.nameEn} onInput={set('nameEn')} lang="en" />}
          </Field>
        </div>
        <div class="grid-3">
          <Field label={t('category')} error={errors.categoryId}>
            {(id) => (
              <select id={id} value={String(f.categoryId)} onChange={set('categoryId')}>
                {categories.map((c) => (
                  <option key={c.id} value={String(c.id)}>
                    {`${lang === 'ru' ? c.name : c.nameEn} (K ${formatMilli(c.kMilli, lang)})`}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('k')} error={errors.kMilli} hint={t('emptyMeansCategoryK')}>
            {(id) => <input id={id} inputMode="decimal" class="num" value={f.k} onInput={set('k')} />}
          </Field>
          <label class="check" style="align-self:center">
            <input type="checkbox" checked={f.active} onChange={set('active')} /> {t('onSale')}
          </label>
        </div>
        <Field label={t('description')} error={errors.description}>
          {(id) => <textarea id={id} rows={4} value={f.description} onInput={set('description')} />}
        </Field>
        <div class="grid-2">
          <Field label={t('inputs')} error={errors.inputs}>
            {(id) => <textarea id={id} value={f.inputs} onInput={set('inputs')} />}
          </Field>
          <Field label={t('result')} error={errors.result}>
            {(id) => <textarea id={id} value={f.result} onInput={set('result')} />}
          </Field>
        </div>
        <Field label={t('limits')} error={errors.limits}>
          {(id) => <textarea id={id} value={f.limits} onInput={set('limits')} />}
        </Field>
        <FormFoot onCancel={onClose} busy={busy}>
          {busy ? t('saving') : t('save')}
        </FormFoot>
      </form>
    </Modal>
  );
}

export function CategoryForm({ category, onClose, onSaved }: { category: CategoryT; onClose(): void; onSaved(): void }) {
  const lang = getLang();
  const [k, setK] = useState(formatMilli(category.kMilli, lang));
  const [name, setName] = useState(category.name);
  const [nameEn, setNameEn] = useState(category.nameEn);
  const { busy, error, setError, run } = useSubmit();
  async function save(e: Event) {
    e.preventDefault();
    const kMilli = parseFixed(k, 3);
    if (kMilli === null) {
      setError(new Error(t('kOutOfRange')));
      return;
    }
    await run(async () => {
      await api('PATCH /api/catalog/categories/{id}', { params: { id: category.id }, body: { name, nameEn, kMilli } });
      toast(t('saved'));
      onSaved();
    });
  }
  return (
    <Modal title={t('category')} onClose={onClose}>
      <form class="stack" onSubmit={save} noValidate>
        <ErrorNote error={error} />
        <Field label={t('nameRu')}>{(id) => <input id={id} value={name} onInput={(e) => setName(e.currentTarget.value)} />}</Field>
        <Field label={t('nameEn')}>{(id) => <input id={id} value={nameEn} onInput={(e) => setNameEn(e.currentTarget.value)} />}</Field>
        <Field label={t('k')} hint={t('categoryKHint')}>
          {(id) => <input id={id} inputMode="decimal" class="num" value={k} onInput={(e) => setK(e.currentTarget.value)} />}
        </Field>
        <FormFoot onCancel={onClose} busy={busy} />
      </form>
    </Modal>
  );
}
