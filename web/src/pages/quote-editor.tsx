/** The quote editor: header, the grid, item details, totals that follow every keystroke. */
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { CatalogItemT, QuoteLineT, QuoteT } from '../../../schema/api';
import { planPaste, type PastePlan } from '../../../worker/domain/paste';
import { api, download } from '../api';
import { Icon } from '../components/icons';
import { QuoteStatusChip, quoteStatusWord } from '../components/status';
import { useSubmit } from '../components/submit';
import { Button, ErrorNote, Loading, Money, PageHeader, dateText, dateTimeText, toast, useLoad } from '../components/ui';
import { midSentence, t, plural } from '../i18n';
import { AuditDialog, ConflictDialog, CopyDialog, CreateOrderDialog, KReasonDialog } from '../quote/editor-dialogs';
import { withDrafts, type Draft, type HeaderField, type Op, useQuoteEditor } from '../quote/editor-state';
import { managerMessage } from '../quote/errors';
import { QuoteGrid, type GridHandle, type GridHandlers } from '../quote/grid';
import { HeaderFields } from '../quote/header-fields';
import { quoteOps } from '../quote/ops';
import { PastePreview } from '../quote/paste-preview';
import { SendDialog } from '../quote/send-dialog';
import { ShareDialog } from '../quote/share-panel';
import { useLineService } from '../quote/line-service';
import { SidePanel } from '../quote/side-panel';
import { RequestOrigin } from '../quote/request-origin';
import { Totals } from '../quote/totals';
import { Link, navigate } from '../router';
import { hasRole, useSession } from '../session';

export function QuoteEditorPage({ id }: { id: number }) {
  const data = useLoad(() => Promise.all([api('GET /api/quotes/{id}', { params: { id } }), api('GET /api/catalog/items')]), [id]);
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
  const [dialog, setDialog] = useState<'audit' | 'share' | 'order' | 'copy' | 'send' | null>(null);
  const { busyWith, run } = useSubmit<'send' | 'revise' | 'archive' | 'reprice'>({ toast: managerMessage });
  const grid = useRef<GridHandle | null>(null);
  const lastPaste = useRef<Op | null>(null);

  const quote = editor.quote;
  const shown = useMemo(
    () => withDrafts(editor.shown, [...(preview ? [preview] : []), ...headerPreview]),
    [editor.shown, preview, headerPreview],
  );
  const canSell = hasRole(me, 'manager', 'admin');
  const editable = canSell && quote.allowed.edit && !editor.conflict;

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
        setNotice(t('pasteAdded', { rows: plural('rows', added.length) }));
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
    onAddItem: (item) => perform(ops.add(`${item.code} · ${t('adding')}`, { catalogItemId: item.id })),
    onAddFree: (title) => perform(ops.add(`${title} · ${t('adding')}`, { kind: 'free', title })),
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
      else toast(t('nothingToUndo'), 'warning');
    },
    onRedo() {
      if (editor.canRedo) editor.redo();
      else toast(t('nothingToRedo'), 'warning');
    },
    onFocusLine: setFocusLine,
    onHighlightItem: setHighlight,
  };

  function onHeaderLive(field: HeaderField, value: number | null) {
    setHeaderPreview((ds) => [
      ...ds.filter((d) => d.field !== field),
      ...(value === null ? [] : [{ lineId: null, field, value } as Draft]),
    ]);
  }

  // ---------- lifecycle actions ----------

  // biome-ignore lint/suspicious/noConfusingVoidType: an action either answers the quote or nothing (an `async () => {}`)
  const act = (name: 'revise' | 'archive' | 'reprice', work: () => Promise<QuoteT | void>, success: string) =>
    run(async () => {
      const result = await work();
      if (result) editor.replace(result);
      toast(success);
    }, name);

  /** From the send dialog: true when the quote was sent (the dialog closes). */
  const send = (email: { to: string[]; message?: string } | null): Promise<boolean> =>
    run(async () => {
      const body = { version: editor.current.current.version, ...(email ? { email } : {}) };
      editor.replace(await api('POST /api/quotes/{id}/send', { params: { id: initial.id }, body }));
      toast(email ? t('quoteSentMailQueued') : t('quoteSent'));
    }, 'send');
  const downloadAs = (format: 'xlsx' | 'pdf') =>
    void (
      format === 'xlsx'
        ? download('GET /api/quotes/{id}/export.xlsx', { params: { id: initial.id } }, `${quote.number}.xlsx`)
        : download('GET /api/quotes/{id}/export.pdf', { params: { id: initial.id } }, `${quote.number}.pdf`)
    ).catch((e) => toast(managerMessage(e), 'danger'));
  const revise = () =>
    act(
      'revise',
      async () => {
        const next = await api('POST /api/quotes/{id}/revise', { params: { id: initial.id } });
        navigate(`/quotes/${next.id}`);
      },
      t('revisionCreated'),
    );
  const archive = () =>
    act(
      'archive',
      () => api('POST /api/quotes/{id}/archive', { params: { id: initial.id }, body: { version: editor.current.current.version } }),
      t('quoteArchived'),
    );
  const reprice = () =>
    act(
      'reprice',
      () => api('POST /api/quotes/{id}/reprice', { params: { id: initial.id }, body: { version: editor.current.current.version } }),
      t('repriced'),
    );

  const sideItem: CatalogItemT | null =
    highlight ?? (focusLine?.catalogItemId ? (catalog.find((i) => i.id === focusLine.catalogItemId) ?? null) : null);
  const frozen = useLineService(
    quote.id,
    useMemo(() => quote.lines.map((l) => l.id), [quote.lines]),
    highlight ? null : focusLine,
  );
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
              {t('rate')} <Money minor={quote.rateMinor} currency={quote.currency} />
              {quote.validUntil && ` · ${midSentence(t('validUntil'))} ${dateText(quote.validUntil)}`}
            </span>
            {quote.revisions.length > 1 && (
              <span class="revisions" role="group" aria-label={t('revisions')}>
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
            busy={busyWith('send')}
            onClick={() => setDialog('send')}
            disabled={editor.busy || shown.totals.incompleteLines > 0 || shown.lines.length === 0}
            title={shown.totals.incompleteLines > 0 ? t('enterAllHours') : shown.lines.length === 0 ? t('addServices') : undefined}
          >
            {t('send')}
          </Button>
        )}
        {canSell && quote.allowed.revise && (
          <Button busy={busyWith('revise')} onClick={revise}>
            {t('newRevision')}
          </Button>
        )}
        {canSell && <Button onClick={() => setDialog('copy')}>{t('duplicate')}</Button>}
        {canSell && quote.allowed.order && (
          <Button variant="primary" onClick={() => setDialog('order')}>
            {t('createOrder')}
          </Button>
        )}
        {quote.orderId !== null && (
          <Link class="btn" href={`/orders/${quote.orderId}`}>
            {t('workOrder')}
          </Link>
        )}
        {canSell && quote.allowed.share && (
          <Button onClick={() => setDialog('share')}>
            <Icon name="link" /> {t('customerLink')}
          </Button>
        )}
        <Button onClick={() => downloadAs('xlsx')} title={t('estimateExcel')} disabled={shown.totals.incompleteLines > 0}>
          <Icon name="download" /> Excel
        </Button>
        <Button onClick={() => downloadAs('pdf')} title={t('estimatePdf')} disabled={shown.totals.incompleteLines > 0}>
          <Icon name="download" /> PDF
        </Button>
        <Button onClick={() => setDialog('audit')}>{t('auditButton')}</Button>
        {canSell && quote.allowed.archive && (
          <Button variant="ghost" busy={busyWith('archive')} onClick={archive}>
            {t('archive')}
          </Button>
        )}
      </PageHeader>

      <RequestOrigin quoteId={quote.id} />
      {editor.conflict && <ConflictDialog conflict={editor.conflict} onResolve={editor.resolveConflict} />}
      {!quote.allowed.edit && quote.status !== 'archived' && (
        <FrozenNote quote={quote} canRevise={canSell && quote.allowed.revise} onRevise={revise} />
      )}

      {editable && (
        <HeaderFields
          quote={editor.shown}
          refusal={editor.refusal}
          onChange={(label, changes, drafts) => perform(ops.header(label, changes, drafts))}
          onLive={onHeaderLive}
          onReprice={reprice}
          repricing={busyWith('reprice')}
        />
      )}

      <div class="editor-body">
        <div class="card editor-grid">
          {notice && (
            <p class="grid-notice" role="status">
              {notice}
            </p>
          )}
          <QuoteGrid
            quote={shown}
            editable={editable}
            catalog={catalog}
            handlers={handlers}
            refusal={editor.refusal}
            fresh={fresh}
            handle={grid}
          />
          {editable && <p class="grid-help small muted">{t('gridHelp')}</p>}
          {quote.customerNote && !editable && (
            <div class="card-pad small">
              <strong>{t('customerNote')}:</strong> {quote.customerNote}
            </div>
          )}
        </div>
        <SidePanel
          item={sideItem}
          frozen={frozen}
          line={focusLine}
          editable={editable}
          onSave={(line, changes) => perform(ops.edit(line, changes))}
        />
      </div>

      <Totals
        quote={shown}
        saveState={editor.saveState}
        busy={editor.busy}
        conflict={!!editor.conflict}
        failure={editor.failure}
        onRetry={() => {
          editor.retry();
          returnToGrid();
        }}
        onDiscard={() => {
          editor.discard();
          returnToGrid();
        }}
      />

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
      {dialog === 'send' && <SendDialog quote={quote} onSend={send} onClose={() => setDialog(null)} />}
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
            {quote.status === 'accepted' || quote.status === 'declined'
              ? quoteStatusWord(quote.status)
              : quoteStatusWord('changes_requested')}
            {': '}
            {quote.answerName}, {dateTimeText(quote.answeredAt)}
            {quote.answerMessage && ` — «${quote.answerMessage}»`}.{' '}
          </strong>
        )}
        {quote.status === 'accepted' ? t('acceptedNote') : quote.supersededAt ? t('replacedNote') : t('frozenNote')}
      </span>
      {canRevise && (
        <Button class="btn-small" onClick={onRevise}>
          {t('newRevision')}
        </Button>
      )}
    </div>
  );
}
