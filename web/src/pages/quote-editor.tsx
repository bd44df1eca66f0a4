/** The quote editor: header, the grid, item details, totals that follow every keystroke. */
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import type { AuditEntryT, CatalogItemT, QuoteLineT, QuoteT } from '../../../schema/api';
import { AUDIT_ACTION_WORDS } from '../../../worker/domain/audit-words';
import { formatFixed, formatMilli, formatPercentMilli, parseFixed } from '../../../worker/domain/format';
import { parsePastedRows } from '../../../worker/domain/paste';
import { ApiError, del, get, patch, post } from '../api';
import { Icon } from '../components/icons';
import { Button, Chip, ErrorNote, Field, Hours, Loading, Modal, Money, PageHeader, dateText, dateTimeText, toast, useLoad } from '../components/ui';
import { getLang, t, tr } from '../i18n';
import { withDrafts, type Draft, type Field as LineField, type Op, useQuoteEditor } from '../quote/editor-state';
import { QuoteGrid, type GridHandlers } from '../quote/grid';
import { ShareDialog } from '../quote/share-panel';
import { QuoteStatusChip } from '../quote/status';
import { Link, navigate } from '../router';
import { hasRole, useSession } from '../session';
import { ItemDetails, itemName } from './catalog';

const lineLabel = (line: QuoteLineT) => line.code || line.title;

export function QuoteEditorPage({ id }: { id: number }) {
  const data = useLoad(() => Promise.all([get<QuoteT>(`/api/quotes/${id}`), get<CatalogItemT[]>('/api/catalog/items')]), [id]);
  if (data.error) return <ErrorNote error={data.error} onRetry={data.reload} />;
  if (!data.data) return <Loading rows={10} />;
  return <Editor key={id} initial={data.data[0]} catalog={data.data[1]} />;
}

function Editor({ initial, catalog }: { initial: QuoteT; catalog: CatalogItemT[] }) {
  const { me } = useSession();
  const lang = getLang();
  const onError = useCallback((e: unknown) => toast(e instanceof Error ? e.message : String(e), 'danger'), []);
  const editor = useQuoteEditor(initial, onError);
  const [preview, setPreview] = useState<Draft | null>(null);
  const [focusLine, setFocusLine] = useState<QuoteLineT | null>(null);
  const [highlight, setHighlight] = useState<CatalogItemT | null>(null);
  const [kPrompt, setKPrompt] = useState<{ line: QuoteLineT; kMilli: number } | null>(null);
  const [showAudit, setShowAudit] = useState(false);
  const [showShare, setShowShare] = useState(false);
  const [showOrder, setShowOrder] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);

  const quote = editor.quote;
  const shown = useMemo(() => (preview ? withDrafts(editor.shown, [preview]) : editor.shown), [editor.shown, preview]);
  const canSell = hasRole(me, 'manager', 'admin');
  const editable = canSell && quote.allowed.edit && !editor.conflict;
  const base = `/api/quotes/${quote.id}`;

  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (editor.saveState === 'saving' || editor.drafts.length || editor.conflict) e.preventDefault();
    };
    addEventListener('beforeunload', warn);
    return () => removeEventListener('beforeunload', warn);
  }, [editor.saveState, editor.drafts.length, editor.conflict]);

  // ---------- operations (each one write; each knows how to undo itself) ----------

  function editOp(line: QuoteLineT, changes: Partial<Record<LineField, string | number | null>>, undoable = true): Op {
    const entries = Object.entries(changes) as [LineField, string | number | null][];
    const old = Object.fromEntries(entries.map(([f]) => [f, (line as unknown as Record<string, unknown>)[f]])) as Partial<Record<LineField, string | number | null>>;
    return {
      label: `${lineLabel(line)} · ${entries.map(([f, v]) => `${fieldWord(f)}: ${valueText(f, v)}`).join(', ')}`,
      send: (version) => patch<QuoteT>(`${base}/lines/${line.id}`, { version, ...changes }),
      inverse: undoable ? (_before, after) => {
        const now = after.lines.find((l) => l.id === line.id);
        return now ? editOp(now, old, false) : null;
      } : undefined,
      drafts: entries.map(([field, value]) => ({ lineId: line.id, field, value })),
    };
  }

  function deleteOp(line: QuoteLineT): Op {
    return {
      label: `${lineLabel(line)} · ${tr('удаление', 'removal')}`,
      send: (version) => del<QuoteT>(`${base}/lines/${line.id}?version=${version}`),
      inverse: (before) => {
        const index = before.lines.findIndex((l) => l.id === line.id);
        const after = index > 0 ? before.lines[index - 1]!.id : undefined;
        const body: Record<string, unknown> =
          line.kind === 'item'
            ? { catalogItemId: line.catalogItemId, title: line.title, quantityMilli: line.quantityMilli, kMilli: line.kMilli, kReason: line.kReason, note: line.note, ...(line.mode === 'estimate' ? { hoursCenti: line.hoursCenti } : {}) }
            : line.kind === 'section'
              ? { kind: 'section', title: line.title }
              : { kind: 'free', title: line.title, quantityMilli: line.quantityMilli, hoursCenti: line.hoursCenti, kMilli: line.kMilli, note: line.note };
        return {
          label: `${lineLabel(line)} · ${tr('возврат строки', 'restoring the line')}`,
          send: (version) => post<QuoteT>(`${base}/lines`, { version, ...body, ...(after ? { afterLineId: after } : {}) }),
        };
      },
    };
  }

  function addOp(label: string, body: Record<string, unknown>): Op {
    return {
      label,
      send: (version) => post<QuoteT>(`${base}/lines`, { version, ...body }),
      inverse: (before, after) => {
        const added = after.lines.find((l) => !before.lines.some((b) => b.id === l.id));
        return added ? { label: `${lineLabel(added)} · ${tr('отмена добавления', 'undo add')}`, send: (version) => del<QuoteT>(`${base}/lines/${added.id}?version=${version}`) } : null;
      },
    };
  }

  function moveOp(line: QuoteLineT, direction: 'up' | 'down'): Op {
    return {
      label: `${lineLabel(line)} · ${tr('перемещение', 'move')}`,
      send: (version) => post<QuoteT>(`${base}/lines/${line.id}/move`, { version, direction }),
      inverse: () => ({ label: tr('отмена перемещения', 'undo move'), send: (version) => post<QuoteT>(`${base}/lines/${line.id}/move`, { version, direction: direction === 'up' ? 'down' : 'up' }) }),
    };
  }

  function pasteOp(rows: unknown[]): Op {
    return {
      label: tr(`вставка ${rows.length} строк`, `pasting ${rows.length} rows`),
      send: (version) => post<QuoteT>(`${base}/lines/paste`, { version, rows }),
      inverse: (before, after) => {
        const added = after.lines.filter((l) => !before.lines.some((b) => b.id === l.id)).map((l) => l.id);
        return {
          label: tr('отмена вставки', 'undo paste'),
          send: async (version) => {
            let q: QuoteT | null = null;
            let v = version;
            for (const lineId of added) {
              q = await del<QuoteT>(`${base}/lines/${lineId}?version=${v}`);
              v = q.version;
            }
            return q ?? (await get<QuoteT>(base));
          },
        };
      },
    };
  }

  function headerOp(label: string, changes: Record<string, unknown>): Op {
    const old = Object.fromEntries(Object.keys(changes).map((k) => [k, (quote as unknown as Record<string, unknown>)[k]]));
    return {
      label,
      send: (version) => patch<QuoteT>(base, { version, ...changes }),
      inverse: () => ({ label, send: (version) => patch<QuoteT>(base, { version, ...old }) }),
    };
  }

  const handlers: GridHandlers = {
    onEdit(shownLine, field, value) {
      setPreview(null);
      // Compare with the line as saved (plus pending edits), not with the live preview.
      const line = editor.shown.lines.find((l) => l.id === shownLine.id);
      if (!line || (line as unknown as Record<string, unknown>)[field] === value) return;
      if (field === 'kMilli' && line.kind === 'item' && value !== line.baseKMilli && !line.kReason) {
        setKPrompt({ line, kMilli: value as number });
        return;
      }
      editor.perform(editOp(line, { [field]: value }));
    },
    onLive(line, field, value) {
      setPreview(value === null ? null : { lineId: line.id, field, value });
    },
    onAddItem(item) {
      editor.perform(addOp(`${item.code} · ${tr('добавление', 'adding')}`, { catalogItemId: item.id }));
    },
    onAddFree(title) {
      editor.perform(addOp(`${title} · ${tr('добавление', 'adding')}`, { kind: 'free', title }));
    },
    onDelete(line) {
      editor.perform(deleteOp(line));
    },
    onMove(line, direction) {
      editor.perform(moveOp(line, direction));
    },
    onPaste(text) {
      const { rows, problems } = parsePastedRows(text);
      if (problems.length) {
        toast(problems.map((p) => `${tr('Строка', 'Row')} ${p.row}: ${lang === 'ru' ? p.ru : p.en}`).join('; '), 'danger');
        return;
      }
      if (rows.length) editor.perform(pasteOp(rows));
    },
    onUndo() {
      if (editor.canUndo) editor.undo();
      else toast(tr('Отменять нечего', 'Nothing to undo'), 'warning');
    },
    onFocusLine: setFocusLine,
    onHighlightItem: setHighlight,
  };

  // ---------- lifecycle actions ----------

  async function act(name: string, run: () => Promise<QuoteT | void>, success: string) {
    setBusy(name);
    try {
      const result = await run();
      if (result) editor.replace(result);
      toast(success);
    } catch (e) {
      onError(e);
    } finally {
      setBusy(null);
    }
  }

  const send = () => act('send', () => post<QuoteT>(`${base}/send`, { version: editor.current.current.version }), tr('Смета отправлена', 'Quote sent'));
  const revise = () =>
    act('revise', async () => {
      const next = await post<QuoteT>(`${base}/revise`);
      navigate(`/quotes/${next.id}`);
    }, tr('Создана новая редакция', 'New revision created'));
  const duplicate = () =>
    act('duplicate', async () => {
      const copy = await post<QuoteT>(`${base}/duplicate`);
      navigate(`/quotes/${copy.id}`);
    }, tr('Создана копия с новым номером', 'Copy created under a new number'));
  const archive = () => act('archive', () => post<QuoteT>(`${base}/archive`, { version: editor.current.current.version }), tr('Смета в архиве', 'Quote archived'));
  const reprice = () => act('reprice', () => post<QuoteT>(`${base}/reprice`, { version: editor.current.current.version }), tr('Цены обновлены по прайс-листу', 'Prices updated from the price list'));

  const sideItem: CatalogItemT | null = highlight ?? (focusLine?.catalogItemId ? (catalog.find((i) => i.id === focusLine.catalogItemId) ?? null) : null);

  return (
    <div class="editor">
      <PageHeader
        title={`${quote.number} · ${quote.title}`}
        subtitle={
          <span class="row">
            <QuoteStatusChip status={quote.status} />
            <Link href={`/customers/${quote.customerId}`}>{quote.customerName}</Link>
            <span class="muted">
              {tr('Ставка', 'Rate')} <Money minor={quote.rateMinor} currency={quote.currency} />
              {quote.validUntil && ` · ${tr('действует до', 'valid until')} ${dateText(quote.validUntil)}`}
            </span>
            {quote.revisions.length > 1 && (
              <span class="revisions" aria-label={tr('Редакции', 'Revisions')}>
                {quote.revisions.map((r) =>
                  r.id === quote.id ? (
                    <strong key={r.id} class="rev rev-current" aria-current="page">R{r.revision}</strong>
                  ) : (
                    <Link key={r.id} class="rev" href={`/quotes/${r.id}`} title={r.number}>
                      R{r.revision}
                    </Link>
                  ),
                )}
              </span>
            )}
          </span>
        }
      >
        {canSell && quote.allowed.send && (
          <Button
            variant="primary"
            busy={busy === 'send'}
            onClick={send}
            disabled={editor.saveState === 'saving' || shown.totals.incompleteLines > 0 || shown.lines.length === 0}
            title={shown.totals.incompleteLines > 0 ? tr('Укажите часы во всех строках', 'Enter the hours of every line') : shown.lines.length === 0 ? tr('Добавьте услуги', 'Add services') : undefined}
          >
            {tr('Отправить', 'Send')}
          </Button>
        )}
        {canSell && quote.allowed.revise && (
          <Button busy={busy === 'revise'} onClick={revise}>
            {tr('Новая редакция', 'New revision')}
          </Button>
        )}
        {canSell && (
          <Button busy={busy === 'duplicate'} onClick={duplicate}>
            {tr('Копия', 'Duplicate')}
          </Button>
        )}
        {canSell && quote.allowed.order && (
          <Button variant="primary" onClick={() => setShowOrder(true)}>
            {tr('Создать заявку', 'Create work order')}
          </Button>
        )}
        {quote.orderId !== null && (
          <Link class="btn" href={`/orders/${quote.orderId}`}>
            {tr('Заявка', 'Work order')}
          </Link>
        )}
        {canSell && quote.allowed.share && (
          <Button onClick={() => setShowShare(true)}>
            <Icon name="link" /> {tr('Ссылка для заказчика', 'Customer link')}
          </Button>
        )}
        <Button onClick={() => setShowAudit(true)}>{tr('История', 'Audit trail')}</Button>
        {canSell && quote.allowed.archive && (
          <Button variant="ghost" busy={busy === 'archive'} onClick={archive}>
            {tr('В архив', 'Archive')}
          </Button>
        )}
      </PageHeader>

      {editor.conflict && <ConflictDialog conflict={editor.conflict} onResolve={editor.resolve} />}
      {!quote.allowed.edit && quote.status !== 'archived' && (
        <div class="note note-info">
          <span>
            {quote.answeredAt && (
              <strong>
                {quote.status === 'accepted' ? tr('Принята', 'Accepted') : quote.status === 'declined' ? tr('Отклонена', 'Declined') : tr('Запрошены изменения', 'Changes requested')}
                {': '}
                {quote.answerName}, {dateTimeText(quote.answeredAt)}
                {quote.answerMessage && ` — «${quote.answerMessage}»`}.{' '}
              </strong>
            )}
            {quote.status === 'accepted'
              ? tr('Смета принята заказчиком и больше не меняется.', 'The customer accepted this quote; it no longer changes.')
              : quote.supersededAt
                ? tr('Эту редакцию заменила более новая.', 'A newer revision replaced this one.')
                : tr('Смета отправлена и заморожена. Чтобы изменить её, создайте новую редакцию: заказчик увидит её после отправки.', 'The quote was sent and is frozen. To change it, make a new revision: the customer sees it once it is sent.')}
          </span>
          {canSell && quote.allowed.revise && (
            <Button class="btn-small" onClick={revise}>
              {tr('Новая редакция', 'New revision')}
            </Button>
          )}
        </div>
      )}

      {editable && <HeaderFields quote={quote} onChange={(label, changes) => editor.perform(headerOp(label, changes))} onReprice={reprice} repricing={busy === 'reprice'} />}

      <div class="editor-body">
        <div class="card editor-grid">
          <QuoteGrid quote={shown} editable={editable} catalog={catalog} handlers={handlers} />
          {editable && (
            <p class="grid-help small muted">
              {tr(
                'Стрелки, Tab и Enter — перемещение; начните печатать, чтобы изменить; Esc — отмена; Ctrl+Z — отменить; Alt+↑/↓ — переместить строку; Ctrl+Del — удалить; Ctrl+V — вставить строки из Excel (код, количество, часы).',
                'Arrows, Tab and Enter move; start typing to edit; Esc cancels; Ctrl+Z undoes; Alt+↑/↓ moves a line; Ctrl+Del removes it; Ctrl+V pastes rows from Excel (code, quantity, hours).',
              )}
            </p>
          )}
          {quote.customerNote && !editable && (
            <div class="card-pad small">
              <strong>{tr('Примечание для заказчика', 'Note for the customer')}:</strong> {quote.customerNote}
            </div>
          )}
        </div>
        <aside class="card editor-side" aria-label={tr('Описание услуги', 'Service details')}>
          {sideItem ? (
            <>
              <div class="side-head">
                <span class="code">{sideItem.code}</span>
                <h2>{itemName(sideItem)}</h2>
                <div class="row small muted">
                  <Chip tone={sideItem.mode === 'fixed' ? 'accent' : 'neutral'}>{sideItem.mode === 'fixed' ? t('mode_fixed') : t('mode_estimate')}</Chip>
                  {sideItem.hoursCenti !== null && <Hours centi={sideItem.hoursCenti} />}
                  <span>
                    {lang === 'ru' ? sideItem.categoryName : sideItem.categoryNameEn} · K {formatMilli(sideItem.kMilli, lang)}
                  </span>
                </div>
              </div>
              <ItemDetails item={sideItem} />
            </>
          ) : (
            <p class="muted small">{tr('Выберите строку или найдите услугу — здесь появятся её описание, исходный материал, результат и ограничения.', 'Pick a line or search for a service: its description, input materials, result and limits appear here.')}</p>
          )}
          {focusLine && editable && focusLine.kind !== 'section' && <LineExtras key={focusLine.id} line={focusLine} onSave={(changes) => editor.perform(editOp(focusLine, changes))} />}
        </aside>
      </div>

      <Totals quote={shown} saveState={editor.conflict ? 'error' : editor.saveState} pending={!editor.conflict && editor.drafts.length > 0} />

      {kPrompt && (
        <KReasonDialog
          line={kPrompt.line}
          kMilli={kPrompt.kMilli}
          onCancel={() => setKPrompt(null)}
          onConfirm={(reason) => {
            editor.perform(editOp(kPrompt.line, { kMilli: kPrompt.kMilli, kReason: reason }));
            setKPrompt(null);
          }}
        />
      )}
      {showAudit && <AuditDialog quoteId={quote.id} onClose={() => setShowAudit(false)} />}
      {showShare && <ShareDialog quote={quote} onClose={() => setShowShare(false)} />}
      {showOrder && <CreateOrderDialog quote={quote} onClose={() => setShowOrder(false)} />}
    </div>
  );
}

/** A value as a person typed it: 3, not 3000 thousandths. */
function valueText(field: LineField, value: string | number | null): string {
  if (value === null) return '—';
  if (typeof value === 'string') return `«${value}»`;
  if (field === 'hoursCenti') return formatFixed(value, 2, getLang());
  return formatMilli(value, getLang());
}

function CreateOrderDialog({ quote, onClose }: { quote: QuoteT; onClose(): void }) {
  const [split, setSplit] = useState<'by_line' | 'by_section' | 'single'>(quote.sections.length > 1 ? 'by_section' : 'by_line');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  async function create(e: Event) {
    e.preventDefault();
    setBusy(true);
    try {
      const order = await post<{ id: number }>(`/api/quotes/${quote.id}/order`, { split });
      toast(tr('Заявка создана', 'Work order created'));
      navigate(`/orders/${order.id}`);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }
  const options: [typeof split, string, string][] = [
    ['by_line', tr('По строкам', 'By line'), tr('каждая услуга — отдельный этап', 'each service is a stage')],
    ['by_section', tr('По разделам', 'By section'), tr('этап на каждый раздел сметы', 'a stage per section of the quote')],
    ['single', tr('Одним этапом', 'One stage'), tr('заявка начнётся, когда баланс покроет её целиком', 'starts once the balance covers all of it')],
  ];
  return (
    <Modal title={tr(`Заявка по смете ${quote.number}`, `Work order from ${quote.number}`)} onClose={onClose}>
      <form class="stack" onSubmit={create}>
        <ErrorNote error={error} />
        <fieldset class="field" style="border:0;padding:0;margin:0">
          <legend class="legend">{tr('Этапы', 'Stages')}</legend>
          {options.map(([value, label, hint]) => (
            <label key={value} class="check" style="align-items:flex-start;margin:4px 0">
              <input type="radio" name="split" value={value} checked={split === value} disabled={value === 'by_section' && quote.sections.length === 0} onChange={() => setSplit(value)} />
              <span>
                {label} <span class="small muted">— {hint}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <p class="small muted">{tr('Заявки выполняются в порядке согласования и начинаются, когда баланс покрывает первый этап.', 'Work orders run in the order of approval and start when the balance covers the first stage.')}</p>
        <div class="modal-foot">
          <Button onClick={onClose}>{t('cancel')}</Button>
          <button type="submit" class="btn btn-primary" disabled={busy} aria-busy={busy}>{tr('Создать заявку', 'Create work order')}</button>
        </div>
      </form>
    </Modal>
  );
}

function fieldWord(field: LineField): string {
  return {
    quantityMilli: tr('количество', 'quantity'),
    hoursCenti: tr('часы', 'hours'),
    kMilli: 'K',
    title: tr('название', 'title'),
    kReason: tr('причина K', 'K reason'),
    note: tr('примечание', 'note'),
  }[field];
}

function HeaderFields({ quote, onChange, onReprice, repricing }: { quote: QuoteT; onChange(label: string, changes: Record<string, unknown>): void; onReprice(): void; repricing: boolean }) {
  const lang = getLang();
  const [discount, setDiscount] = useState(formatMilli(quote.discountRateMilli * 100, lang));
  const [vatRate, setVatRate] = useState(formatMilli(quote.vatRateMilli * 100, lang));
  useEffect(() => setDiscount(formatMilli(quote.discountRateMilli * 100, lang)), [quote.discountRateMilli]);
  useEffect(() => setVatRate(formatMilli(quote.vatRateMilli * 100, lang)), [quote.vatRateMilli]);
  const percent = (text: string) => {
    const v = parseFixed(text, 1);
    return v === null || v < 0 || v > 1000 ? null : v;
  };
  return (
    <section class="card card-pad header-fields" aria-label={tr('Условия сметы', 'Quote terms')}>
      <Field label={tr('Название', 'Title')}>
        {(id) => (
          <input
            id={id}
            value={quote.title}
            onChange={(e) => {
              const v = e.currentTarget.value.trim();
              if (v && v !== quote.title) onChange(tr('название сметы', 'quote title'), { title: v });
            }}
          />
        )}
      </Field>
      <fieldset class="field" style="border:0;padding:0;margin:0">
        <legend class="legend">{tr('НДС', 'VAT')}</legend>
        <div class="segmented">
          {(['on_top', 'included', 'none'] as const).map((m) => (
            <button key={m} type="button" aria-pressed={quote.vatMode === m} onClick={() => quote.vatMode !== m && onChange('НДС', { vatMode: m })}>
              {m === 'on_top' ? t('vat_on_top') : m === 'included' ? t('vat_included') : t('vat_none')}
            </button>
          ))}
        </div>
      </fieldset>
      <Field label={tr('Ставка НДС, %', 'VAT rate, %')}>
        {(id) => (
          <input
            id={id}
            class="num narrow"
            inputMode="decimal"
            value={vatRate}
            disabled={quote.vatMode === 'none'}
            onInput={(e) => setVatRate(e.currentTarget.value)}
            onChange={() => {
              const v = percent(vatRate);
              if (v === null) return toast(tr('Ставка НДС — от 0 до 100 %', 'VAT rate is 0 to 100 %'), 'danger');
              if (v / 100 !== quote.vatRateMilli) onChange(tr('ставка НДС', 'VAT rate'), { vatRateMilli: v / 100 });
            }}
          />
        )}
      </Field>
      <Field label={tr('Скидка, %', 'Discount, %')}>
        {(id) => (
          <input
            id={id}
            class="num narrow"
            inputMode="decimal"
            value={discount}
            onInput={(e) => setDiscount(e.currentTarget.value)}
            onChange={() => {
              const v = percent(discount || '0');
              if (v === null) return toast(tr('Скидка — от 0 до 100 %', 'Discount is 0 to 100 %'), 'danger');
              if (v / 100 !== quote.discountRateMilli) onChange(tr('скидка', 'discount'), { discountRateMilli: v / 100 });
            }}
          />
        )}
      </Field>
      <Field label={tr('Действует до', 'Valid until')} hint={!quote.validUntil ? tr('По умолчанию — при отправке', 'Set on sending by default') : undefined}>
        {(id) => (
          <input
            id={id}
            type="date"
            value={quote.validUntil ?? ''}
            onChange={(e) => onChange(tr('срок действия', 'validity'), { validUntil: e.currentTarget.value || null })}
          />
        )}
      </Field>
      <details class="notes">
        <summary>{tr('Примечания', 'Notes')}</summary>
        <div class="grid-2">
          <Field label={tr('Для заказчика', 'For the customer')}>
            {(id) => <textarea id={id} value={quote.customerNote} onChange={(e) => onChange(tr('примечание для заказчика', 'customer note'), { customerNote: e.currentTarget.value })} />}
          </Field>
          <Field label={tr('Внутреннее (заказчик не видит)', 'Internal (never shown to the customer)')}>
            {(id) => <textarea id={id} value={quote.internalNote} onChange={(e) => onChange(tr('внутреннее примечание', 'internal note'), { internalNote: e.currentTarget.value })} />}
          </Field>
        </div>
        <Button class="btn-small" busy={repricing} onClick={onReprice}>
          {tr('Пересчитать по текущему прайс-листу', 'Re-price from the current price list')}
        </Button>
      </details>
    </section>
  );
}

function LineExtras({ line, onSave }: { line: QuoteLineT; onSave(changes: Partial<Record<LineField, string>>): void }) {
  const [note, setNote] = useState(line.note);
  const [reason, setReason] = useState(line.kReason);
  return (
    <div class="line-extras">
      <h3>
        {tr('Строка', 'Line')} {lineLabel(line)}
      </h3>
      <Field label={tr('Примечание к строке', 'Line note')}>
        {(id) => <textarea id={id} rows={2} value={note} onInput={(e) => setNote(e.currentTarget.value)} onChange={() => note !== line.note && onSave({ note })} />}
      </Field>
      {line.kind === 'item' && line.kMilli !== line.baseKMilli && (
        <Field label={tr(`Причина K ${formatMilli(line.kMilli, getLang())} вместо ${formatMilli(line.baseKMilli, getLang())}`, `Why K is ${formatMilli(line.kMilli, getLang())}, not ${formatMilli(line.baseKMilli, getLang())}`)}>
          {(id) => <input id={id} value={reason} onInput={(e) => setReason(e.currentTarget.value)} onChange={() => reason.trim() && reason !== line.kReason && onSave({ kReason: reason })} />}
        </Field>
      )}
    </div>
  );
}

function Totals({ quote, saveState, pending }: { quote: QuoteT; saveState: string; pending: boolean }) {
  const tt = quote.totals;
  const lang = getLang();
  return (
    <div class="totals-bar" role="region" aria-label={tr('Итоги', 'Totals')}>
      <span class={`save-state save-${pending ? 'saving' : saveState}`} role="status">
        {pending || saveState === 'saving' ? t('saving') : saveState === 'error' ? tr('Не сохранено', 'Not saved') : saveState === 'saved' ? t('saved') : ''}
      </span>
      {tt.incompleteLines > 0 && <Chip tone="warning">{tr(`без часов: ${tt.incompleteLines}`, `${tt.incompleteLines} without hours`)}</Chip>}
      <dl class="totals">
        <div>
          <dt>{tr('Сумма', 'Subtotal')}</dt>
          <dd><Money minor={tt.subtotalMinor} currency={quote.currency} /></dd>
        </div>
        {quote.discountRateMilli > 0 && (
          <div>
            <dt>{tr('Скидка', 'Discount')} {formatPercentMilli(quote.discountRateMilli, lang)}</dt>
            <dd>−<Money minor={tt.discountMinor} currency={quote.currency} /></dd>
          </div>
        )}
        <div>
          <dt>{quote.vatMode === 'none' ? tr('Без НДС', 'No VAT') : `${tr('НДС', 'VAT')} ${formatPercentMilli(quote.vatRateMilli, lang)}${quote.vatMode === 'included' ? tr(' (в т. ч.)', ' (incl.)') : ''}`}</dt>
          <dd><Money minor={tt.vatMinor} currency={quote.currency} /></dd>
        </div>
        <div class="total-main">
          <dt>{tr('Итого', 'Total')}</dt>
          <dd><Money minor={tt.totalMinor} currency={quote.currency} /></dd>
        </div>
        <div>
          <dt>{tr('Нормо-часы', 'Norm-hours')}</dt>
          <dd><Hours centi={tt.normHoursCenti} /></dd>
        </div>
      </dl>
    </div>
  );
}

function ConflictDialog({ conflict, onResolve }: { conflict: { pending: Op[]; by: AuditEntryT | null }; onResolve(keepMine: boolean): Promise<void> }) {
  const [busy, setBusy] = useState(false);
  const run = async (keep: boolean) => {
    setBusy(true);
    try {
      await onResolve(keep);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal title={tr('Смету изменил кто-то другой', 'Someone else changed this quote')} onClose={() => void run(true)}>
      <p>
        {conflict.by
          ? tr(`${conflict.by.actorName} сохранил(а) изменения в ${dateTimeText(conflict.by.at)}.`, `${conflict.by.actorName} saved changes at ${dateTimeText(conflict.by.at)}.`)
          : tr('Пока вы редактировали, смету сохранили в другом окне.', 'While you were editing, the quote was saved elsewhere.')}{' '}
        {tr('Ваши изменения не потеряны, но ещё не сохранены:', 'Your changes are not lost, but not saved yet:')}
      </p>
      <ul class="pending-list">
        {conflict.pending.map((op, i) => (
          <li key={i}>{op.label}</li>
        ))}
      </ul>
      <div class="modal-foot">
        <Button busy={busy} onClick={() => void run(false)}>
          {tr('Загрузить их версию, мои отбросить', 'Load their version, drop mine')}
        </Button>
        <Button variant="primary" busy={busy} onClick={() => void run(true)}>
          {tr('Загрузить их версию и применить мои изменения', 'Load their version and apply my changes')}
        </Button>
      </div>
    </Modal>
  );
}

function KReasonDialog({ line, kMilli, onCancel, onConfirm }: { line: QuoteLineT; kMilli: number; onCancel(): void; onConfirm(reason: string): void }) {
  const lang = getLang();
  const [reason, setReason] = useState('');
  return (
    <Modal title={tr('Почему K отличается от прайс-листа?', 'Why does K differ from the price list?')} onClose={onCancel}>
      <form
        class="stack"
        onSubmit={(e) => {
          e.preventDefault();
          if (reason.trim()) onConfirm(reason.trim());
        }}
      >
        <p>
          {tr(
            `${line.code}: в прайс-листе K = ${formatMilli(line.baseKMilli, lang)}, вы ставите ${formatMilli(kMilli, lang)}. Причина попадёт в историю сметы.`,
            `${line.code}: the price list says K = ${formatMilli(line.baseKMilli, lang)}, you set ${formatMilli(kMilli, lang)}. The reason goes into the audit trail.`,
          )}
        </p>
        <Field label={tr('Причина', 'Reason')}>
          {(id) => <input id={id} value={reason} autoFocus onInput={(e) => setReason(e.currentTarget.value)} placeholder={tr('Например: работу выполнит ассистент редактора', 'E.g.: a content assistant does the work')} />}
        </Field>
        <div class="modal-foot">
          <Button onClick={onCancel}>{t('cancel')}</Button>
          <button type="submit" class="btn btn-primary" disabled={!reason.trim()}>
            {t('save')}
          </button>
        </div>
      </form>
    </Modal>
  );
}

function changesText(changes: Record<string, unknown>): string {
  return Object.entries(changes)
    .filter(([k]) => k !== 'lineId')
    .map(([k, v]) => (Array.isArray(v) && v.length === 2 ? `${k}: ${String(v[0] ?? '—')} → ${String(v[1] ?? '—')}` : `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`))
    .join('; ');
}

function AuditDialog({ quoteId, onClose }: { quoteId: number; onClose(): void }) {
  const audit = useLoad(() => get<AuditEntryT[]>(`/api/quotes/${quoteId}/audit`), [quoteId]);
  return (
    <Modal title={tr('История изменений', 'Audit trail')} onClose={onClose} wide>
      <ErrorNote error={audit.error} onRetry={audit.reload} />
      {!audit.data ? (
        <Loading />
      ) : (
        <table class="table">
          <thead>
            <tr>
              <th scope="col">{tr('Когда', 'When')}</th>
              <th scope="col">{tr('Кто', 'Who')}</th>
              <th scope="col">{tr('Что', 'What')}</th>
            </tr>
          </thead>
          <tbody>
            {audit.data.map((a) => {
              const word = AUDIT_ACTION_WORDS[a.action];
              return (
                <tr key={a.id}>
                  <td class="nowrap small">
                    {dateTimeText(a.at)}
                    <div class="faint">R{a.revision}</div>
                  </td>
                  <td class="small">
                    {a.actorName}
                    {a.actorKind === 'customer' && <div class="faint">{tr('заказчик по ссылке', 'customer via link')}{a.ip ? ` · ${a.ip}` : ''}</div>}
                  </td>
                  <td class="small">
                    <strong>{word ? tr(word[0], word[1]) : a.action}</strong>
                    <div class="muted mono" style="white-space:normal">{changesText(a.changes)}</div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </Modal>
  );
}

export { ApiError };
