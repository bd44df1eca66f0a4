/** The quote editor: header, the grid, item details, totals that follow every keystroke. */
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { CatalogItemT, QuoteLineT, QuoteT } from '../../../schema/api';
import { planPaste, type PastePlan } from '../../../worker/domain/paste';
import { get, post } from '../api';
import { Icon } from '../components/icons';
import { Button, ErrorNote, Loading, Money, PageHeader, dateText, dateTimeText, toast, useLoad } from '../components/ui';
import { tr } from '../i18n';
import { AuditDialog, ConflictDialog, CopyDialog, CreateOrderDialog, KReasonDialog } from '../quote/editor-dialogs';
import { withDrafts, type Draft, type HeaderField, type Op, useQuoteEditor } from '../quote/editor-state';
import { managerMessage } from '../quote/errors';
import { QuoteGrid, type GridHandle, type GridHandlers } from '../quote/grid';
import { HeaderFields } from '../quote/header-fields';
import { quoteOps } from '../quote/ops';
import { PastePreview } from '../quote/paste-preview';
import { rowsWord } from '../quote/plural';
import { ShareDialog } from '../quote/share-panel';
import { SidePanel } from '../quote/side-panel';
import { QuoteStatusChip } from '../quote/status';
import { Totals } from '../quote/totals';
import { Link, navigate } from '../router';
import { hasRole, useSession } from '../session';

export function QuoteEditorPage({ id }: { id: number }) {
  const data = useLoad(() => Promise.all([get<QuoteT>(`/api/quotes/${id}`), get<CatalogItemT[]>('/api/catalog/items')]), [id]);
  if (data.error) return <ErrorNote error={data.error} onRetry={data.reload} />;
  // The editor shows and writes only the quote in the address: while the previous quote is
  // still what was loaded (right after «Новая редакция», «Копия» or a revision chip), wait.
  if (!data.data || data.data[0].id !== id) return <Loading rows={10} />;
  return <Editor key={id} initial={data.data[0]} catalog={data.data[1]} />;
}

function Editor({ initial, catalog }: { initial: QuoteT; catalog: CatalogItemT[] }) {
  const { me } = useSession();
  const editor = useQuoteEditor(initial);
  const ops = useMemo(() => quoteOps(initial.id), [initial.id]);
  const [preview, setPreview] = useState<Draft | null>(null);
  const [headerPreview, setHeaderPreview] = useState<Draft[]>([]);
  const [focusLine, setFocusLine] = useState<QuoteLineT | null>(null);
  const [highlight, setHighlight] = useState<CatalogItemT | null>(null);
  const [kPrompt, setKPrompt] = useState<{ line: QuoteLineT; kMilli: number } | null>(null);
  const [pastePlan, setPastePlan] = useState<PastePlan | null>(null);
  const [fresh, setFresh] = useState<ReadonlySet<number>>(new Set());
  const [notice, setNotice] = useState<string | null>(null);
  const [dialog, setDialog] = useState<'audit' | 'share' | 'order' | 'copy' | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const grid = useRef<GridHandle | null>(null);
  const lastPaste = useRef<Op | null>(null);

  const quote = editor.quote;
  const shown = useMemo(() => withDrafts(editor.shown, [...(preview ? [preview] : []), ...headerPreview]), [editor.shown, preview, headerPreview]);
  const canSell = hasRole(me, 'manager', 'admin');
  const editable = canSell && quote.allowed.edit && !editor.conflict;
  const base = `/api/quotes/${initial.id}`;

  // The focus starts in the editor, never on <body>: the add box of a new quote, else the grid.
  useEffect(() => {
    const focused = document.activeElement;
    if (focused && focused !== document.body) return;
    if (editable && initial.lines.length === 0) grid.current?.focusAdd();
    else if (initial.lines.length) grid.current?.focus();
  }, []);

  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (editor.busy || editor.conflict || editor.failure) e.preventDefault();
    };
    addEventListener('beforeunload', warn);
    return () => removeEventListener('beforeunload', warn);
  }, [editor.busy, editor.conflict, editor.failure]);

  // After a paste is saved: say how many rows were added and highlight them.
  useEffect(
    () =>
      editor.onApplied((op, before, after) => {
        if (op !== lastPaste.current) return;
        const added = after.lines.filter((l) => !before.lines.some((b) => b.id === l.id)).map((l) => l.id);
        setFresh(new Set(added));
        setNotice(tr(`Добавлено: ${rowsWord(added.length)}. Новые строки подсвечены.`, `Added: ${rowsWord(added.length)}. The new rows are highlighted.`));
      }),
    [],
  );

  /** Every change a person makes: the highlight of the last paste and its message end there. */
  const perform = useCallback(
    (op: Op) => {
      setFresh(new Set());
      setNotice(null);
      editor.perform(op);
    },
    [editor.perform],
  );

  const handlers: GridHandlers = {
    onEdit(shownLine, field, value) {
      setPreview(null);
      // Compare with the line as saved (plus pending edits), not with the live preview.
      const line = editor.shown.lines.find((l) => l.id === shownLine.id);
      if (!line || line[field] === value) return;
      if (field === 'kMilli' && line.kind === 'item' && value !== line.baseKMilli && !line.kReason) {
        setKPrompt({ line, kMilli: value as number });
        return 'held';
      }
      perform(ops.edit(line, { [field]: value }));
    },
    onLive(line, field, value) {
      setPreview(value === null ? null : { lineId: line.id, field, value });
    },
    onAddItem: (item) => perform(ops.add(`${item.code} · ${tr('добавление', 'adding')}`, { catalogItemId: item.id })),
    onAddFree: (title) => perform(ops.add(`${title} · ${tr('добавление', 'adding')}`, { kind: 'free', title })),
    onDelete: (line) => perform(ops.remove(line)),
    onMove: (line, direction) => perform(ops.move(line, direction)),
    onPaste(text) {
      const plan = planPaste(text, catalog);
      if (plan.rows.length || plan.skipped.length) setPastePlan(plan);
    },
    onUndo() {
      setFresh(new Set());
      setNotice(null);
      if (editor.canUndo) editor.undo();
      else toast(tr('Отменять нечего', 'Nothing to undo'), 'warning');
    },
    onRedo() {
      if (editor.canRedo) editor.redo();
      else toast(tr('Возвращать нечего', 'Nothing to redo'), 'warning');
    },
    onFocusLine: setFocusLine,
    onHighlightItem: setHighlight,
  };

  function onHeaderLive(field: HeaderField, value: number | null) {
    setHeaderPreview((ds) => [...ds.filter((d) => d.field !== field), ...(value === null ? [] : [{ lineId: null, field, value } as Draft])]);
  }

  // ---------- lifecycle actions ----------

  async function act(name: string, run: () => Promise<QuoteT | void>, success: string) {
    setBusy(name);
    try {
      const result = await run();
      if (result) editor.replace(result);
      toast(success);
    } catch (e) {
      toast(managerMessage(e), 'danger');
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
  const archive = () => act('archive', () => post<QuoteT>(`${base}/archive`, { version: editor.current.current.version }), tr('Смета в архиве', 'Quote archived'));
  const reprice = () => act('reprice', () => post<QuoteT>(`${base}/reprice`, { version: editor.current.current.version }), tr('Цены обновлены по прайс-листу', 'Prices updated from the price list'));

  const sideItem: CatalogItemT | null = highlight ?? (focusLine?.catalogItemId ? (catalog.find((i) => i.id === focusLine.catalogItemId) ?? null) : null);
  const returnToGrid = () => grid.current?.focus();

  return (
    <div class="editor" data-quote-id={quote.id}>
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
                    <strong key={r.id} class="rev rev-current" aria-current="page">
                      R{r.revision}
                    </strong>
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
            disabled={editor.busy || shown.totals.incompleteLines > 0 || shown.lines.length === 0}
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
        {canSell && <Button onClick={() => setDialog('copy')}>{tr('Копия', 'Duplicate')}</Button>}
        {canSell && quote.allowed.order && (
          <Button variant="primary" onClick={() => setDialog('order')}>
            {tr('Создать заявку', 'Create work order')}
          </Button>
        )}
        {quote.orderId !== null && (
          <Link class="btn" href={`/orders/${quote.orderId}`}>
            {tr('Заявка', 'Work order')}
          </Link>
        )}
        {canSell && quote.allowed.share && (
          <Button onClick={() => setDialog('share')}>
            <Icon name="link" /> {tr('Ссылка для заказчика', 'Customer link')}
          </Button>
        )}
        <Button onClick={() => setDialog('audit')}>{tr('История', 'Audit trail')}</Button>
        {canSell && quote.allowed.archive && (
          <Button variant="ghost" busy={busy === 'archive'} onClick={archive}>
            {tr('В архив', 'Archive')}
          </Button>
        )}
      </PageHeader>

      {editor.conflict && <ConflictDialog conflict={editor.conflict} onResolve={editor.resolveConflict} />}
      {!quote.allowed.edit && quote.status !== 'archived' && <FrozenNote quote={quote} canRevise={canSell && quote.allowed.revise} onRevise={revise} />}

      {editable && (
        <HeaderFields quote={editor.shown} refusal={editor.refusal} onChange={(label, changes, drafts) => perform(ops.header(label, changes, drafts))} onLive={onHeaderLive} onReprice={reprice} repricing={busy === 'reprice'} />
      )}

      <div class="editor-body">
        <div class="card editor-grid">
          {notice && (
            <p class="grid-notice" role="status">
              {notice}
            </p>
          )}
          <QuoteGrid quote={shown} editable={editable} catalog={catalog} handlers={handlers} refusal={editor.refusal} fresh={fresh} handle={grid} />
          {editable && (
            <p class="grid-help small muted">
              {tr(
                'Стрелки, PageUp/PageDown, Home/End — перемещение; Tab — выйти из таблицы; начните печатать, чтобы заменить значение, F2 или Enter — изменить; Esc — отмена; Ctrl+Z / Ctrl+Y — отменить / вернуть; Alt+↑/↓ — переместить строку; Ctrl+Del — удалить; Ctrl+V — вставить строки из Excel или прайс-листа.',
                'Arrows, PageUp/PageDown, Home/End move; Tab leaves the table; type to replace a value, F2 or Enter to edit it; Esc cancels; Ctrl+Z / Ctrl+Y undo / redo; Alt+↑/↓ moves a line; Ctrl+Del removes it; Ctrl+V pastes rows from Excel or a price list.',
              )}
            </p>
          )}
          {quote.customerNote && !editable && (
            <div class="card-pad small">
              <strong>{tr('Примечание для заказчика', 'Note for the customer')}:</strong> {quote.customerNote}
            </div>
          )}
        </div>
        <SidePanel item={sideItem} line={focusLine} editable={editable} onSave={(line, changes) => perform(ops.edit(line, changes))} />
      </div>

      <Totals quote={shown} saveState={editor.saveState} busy={editor.busy} conflict={!!editor.conflict} failure={editor.failure} onRetry={() => (editor.retry(), returnToGrid())} onDiscard={() => (editor.discard(), returnToGrid())} />

      {kPrompt && (
        <KReasonDialog
          line={kPrompt.line}
          kMilli={kPrompt.kMilli}
          returnFocus={returnToGrid}
          onCancel={() => setKPrompt(null)}
          onConfirm={(reason) => {
            perform(ops.edit(kPrompt.line, { kMilli: kPrompt.kMilli, kReason: reason }));
            setKPrompt(null);
          }}
        />
      )}
      {pastePlan && (
        <PastePreview
          plan={pastePlan}
          catalog={catalog}
          returnFocus={returnToGrid}
          onClose={() => setPastePlan(null)}
          onAdd={() => {
            const op = ops.paste(pastePlan.rows.map(({ source: _source, ...row }) => row));
            setPastePlan(null);
            lastPaste.current = op;
            perform(op);
          }}
        />
      )}
      {dialog === 'audit' && <AuditDialog quoteId={quote.id} onClose={() => setDialog(null)} />}
      {dialog === 'share' && <ShareDialog quote={quote} onClose={() => setDialog(null)} />}
      {dialog === 'order' && <CreateOrderDialog quote={quote} onClose={() => setDialog(null)} />}
      {dialog === 'copy' && <CopyDialog quote={quote} onClose={() => setDialog(null)} />}
    </div>
  );
}

function FrozenNote({ quote, canRevise, onRevise }: { quote: QuoteT; canRevise: boolean; onRevise(): void }) {
  return (
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
      {canRevise && (
        <Button class="btn-small" onClick={onRevise}>
          {tr('Новая редакция', 'New revision')}
        </Button>
      )}
    </div>
  );
}
