/** A project's form: code, title, Markdown description, the estimate by specialist, target date. */
import { useState } from 'preact/hooks';
import type { ProjectT } from '../../../schema/api';
import { formatFixed, formatMilli, parseFixed } from '../../../worker/domain/format';
import { api } from '../api';
import { useSubmit } from '../components/submit';
import { Icon } from '../components/icons';
import { Button, ErrorNote, Field, Modal, fieldErrors, toast, useLoad, FormFoot } from '../components/ui';
import { getLang, t } from '../i18n';
import { Markdown } from './markdown';

export function ProjectForm({ project, onClose, onSaved }: { project?: ProjectT; onClose(): void; onSaved(p: ProjectT): void }) {
  const lang = getLang();
  const categories = useLoad(() => api('GET /api/catalog/categories'), []);
  const [f, setF] = useState({
    code: project?.code ?? '',
    title: project?.title ?? '',
    description: project?.description ?? '',
    targetDate: project?.targetDate ?? '',
  });
  const [rows, setRows] = useState(
    project?.estimate.map((e) => ({
      categoryId: e.categoryId ?? 0,
      title: e.title,
      hours: formatFixed(e.hoursCenti, 2, lang),
      k: formatMilli(e.kMilli, lang),
    })) ?? [{ categoryId: 0, title: '', hours: '', k: '1' }],
  );
  const [preview, setPreview] = useState(false);
  const { busy, error, setError, run } = useSubmit();
  const errors = fieldErrors(error);
  async function save(e: Event) {
    e.preventDefault();
    const estimate: { hoursCenti: number; kMilli: number; title: string; categoryId?: number }[] = [];
    for (const r of rows) {
      const hoursCenti = parseFixed(r.hours, 2);
      const kMilli = parseFixed(r.k, 3);
      if (hoursCenti === null || hoursCenti <= 0 || kMilli === null) return setError(new Error(t('estimateRowIncomplete')));
      estimate.push({ hoursCenti, kMilli, title: r.title, ...(r.categoryId ? { categoryId: r.categoryId } : {}) });
    }
    await run(async () => {
      const body = { title: f.title, description: f.description, estimate, targetDate: f.targetDate || null };
      const saved = project
        ? await api('PATCH /api/crowdfunding/{id}', { params: { id: project.id }, body: { ...body, version: project.version } })
        : await api('POST /api/crowdfunding', { body: { ...body, code: f.code } });
      toast(t('saved'));
      onSaved(saved);
    });
  }
  return (
    <Modal title={project ? project.code : t('newProject')} onClose={onClose} wide>
      <form class="stack" onSubmit={save} noValidate>
        <ErrorNote error={error} />
        <div class="grid-3">
          <Field label={t('code')} error={errors.code}>
            {(id) => <input id={id} value={f.code} disabled={!!project} onInput={(e) => setF({ ...f, code: e.currentTarget.value })} />}
          </Field>
          <Field label={t('title')} error={errors.title} class="span-2">
            {(id) => <input id={id} value={f.title} onInput={(e) => setF({ ...f, title: e.currentTarget.value })} />}
          </Field>
        </div>
        <Field
          label={t('descriptionMarkdown')}
          error={errors.description}
          hint={
            <button type="button" class="btn btn-ghost btn-small" onClick={() => setPreview(!preview)}>
              {preview ? t('editText') : t('preview')}
            </button>
          }
        >
          {(id) =>
            preview ? (
              <div class="card card-pad">
                <Markdown source={f.description} />
              </div>
            ) : (
              <textarea id={id} rows={6} value={f.description} onInput={(e) => setF({ ...f, description: e.currentTarget.value })} />
            )
          }
        </Field>
        <fieldset class="field" style="border:0;padding:0;margin:0">
          <legend class="legend">{t('estimateBySpecialist')}</legend>
          {rows.map((r, i) => (
            <div class="row" key={i} style="margin-bottom:6px">
              <select
                aria-label={t('category')}
                value={String(r.categoryId)}
                onChange={(e) => {
                  const id = Number(e.currentTarget.value);
                  const cat = categories.data?.find((c) => c.id === id);
                  setRows(rows.map((x, j) => (j === i ? { ...x, categoryId: id, k: cat ? formatMilli(cat.kMilli, lang) : x.k } : x)));
                }}
                style="width:220px"
              >
                <option value="0">{t('categoryPlaceholder')}</option>
                {(categories.data ?? []).map((c) => (
                  <option key={c.id} value={String(c.id)}>
                    {lang === 'ru' ? c.name : c.nameEn}
                  </option>
                ))}
              </select>
              <input
                aria-label={t('work')}
                placeholder={t('work')}
                value={r.title}
                onInput={(e) => setRows(rows.map((x, j) => (j === i ? { ...x, title: e.currentTarget.value } : x)))}
                style="flex:1"
              />
              <input
                aria-label={t('hours')}
                placeholder={t('hours')}
                class="num narrow"
                inputMode="decimal"
                value={r.hours}
                onInput={(e) => setRows(rows.map((x, j) => (j === i ? { ...x, hours: e.currentTarget.value } : x)))}
              />
              <input
                aria-label="K"
                placeholder="K"
                class="num narrow"
                inputMode="decimal"
                value={r.k}
                onInput={(e) => setRows(rows.map((x, j) => (j === i ? { ...x, k: e.currentTarget.value } : x)))}
              />
              <Button
                class="btn-small btn-ghost"
                aria-label={t('removeEstimateRow')}
                disabled={rows.length === 1}
                onClick={() => setRows(rows.filter((_, j) => j !== i))}
              >
                <Icon name="trash" size={14} />
              </Button>
            </div>
          ))}
          <Button class="btn-small" onClick={() => setRows([...rows, { categoryId: 0, title: '', hours: '', k: '1' }])}>
            + {t('addEstimateRow')}
          </Button>
        </fieldset>
        <Field label={t('targetDate')} error={errors.targetDate}>
          {(id) => <input id={id} type="date" value={f.targetDate} onInput={(e) => setF({ ...f, targetDate: e.currentTarget.value })} />}
        </Field>
        <FormFoot onCancel={onClose} busy={busy} />
      </form>
    </Modal>
  );
}
