/** Small building blocks used by every page. */
import type { ButtonHTMLAttributes, ComponentChildren } from 'preact';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { RoleT } from '../../../schema/api';
import { formatFixed, formatHours, formatMilli, formatMoney } from '../../../worker/domain/format';
import type { TopupKind } from '../../../worker/domain/enums';
import { upperFirst } from '../../../worker/domain/words/case';
import { ROLE_WORDS, TOPUP_KIND_WORDS } from '../../../worker/domain/words/kinds';
import { ApiError } from '../api';
import { getLang, t, word } from '../i18n';

export function Money({ minor, currency = 'RUB' }: { minor: number | null; currency?: string }) {
  return <span class="num">{minor === null ? '—' : formatMoney(minor, currency, getLang())}</span>;
}

export function Hours({ centi }: { centi: number | null }) {
  return <span class="num">{centi === null ? '—' : formatHours(centi, getLang())}</span>;
}

export function Milli({ value }: { value: number }) {
  return <span class="num">{formatMilli(value, getLang())}</span>;
}

/** A line's hours and K as one phrase: «2.2 3,00 ч × K 0,6». */
export function hoursTimesK(code: string, hoursCenti: number, kMilli: number): string {
  const lang = getLang();
  return `${code} ${formatFixed(hoursCenti, 2, lang)} ${t('hourUnit')} × K ${formatMilli(kMilli, lang)}`;
}

/** A column head over numbers: right-aligned like them. */
export function NumTh({ children }: { children: ComponentChildren }) {
  return (
    <th scope="col" class="num">
      {children}
    </th>
  );
}

/** A column head read only by screen readers: over a column of buttons (actions, edit) or of row names. */
export function HiddenTh({ children }: { children: ComponentChildren }) {
  return (
    <th scope="col">
      <span class="sr-only">{children}</span>
    </th>
  );
}

/** A form's foot: «Отмена», and the submit button («Сохранить» unless told), busy while the form is sent. */
export function FormFoot(props: {
  onCancel(): void;
  busy?: boolean;
  disabled?: boolean;
  variant?: 'primary' | 'danger';
  children?: ComponentChildren;
}) {
  return (
    <div class="modal-foot">
      <Button onClick={props.onCancel}>{t('cancel')}</Button>
      <button type="submit" class={`btn btn-${props.variant ?? 'primary'}`} disabled={props.disabled || props.busy} aria-busy={props.busy}>
        {props.children ?? t('save')}
      </button>
    </div>
  );
}

export type Tone = 'neutral' | 'info' | 'success' | 'warning' | 'danger' | 'accent';

export function Chip({ tone = 'neutral', children, title }: { tone?: Tone; children: ComponentChildren; title?: string }) {
  return (
    <span class={`chip chip-${tone}`} title={title}>
      {children}
    </span>
  );
}

export function PageHeader({ title, children, subtitle }: { title: string; subtitle?: ComponentChildren; children?: ComponentChildren }) {
  useEffect(() => {
    document.title = `${title} · ${t('appName')}`;
  }, [title]);
  return (
    <header class="page-header">
      <div>
        <h1>{title}</h1>
        {subtitle && <p class="page-subtitle">{subtitle}</p>}
      </div>
      {children && <div class="page-actions">{children}</div>}
    </header>
  );
}

/** What went wrong, in the words of the error (the API's message, or the form's own check). */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function ErrorNote({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  if (!error) return null;
  const message = errorText(error);
  return (
    <div class="note note-danger" role="alert">
      <span>{message}</span>
      {onRetry && (
        <button type="button" class="btn btn-small" onClick={onRetry}>
          {t('retry')}
        </button>
      )}
    </div>
  );
}

export function Empty({ children }: { children: ComponentChildren }) {
  return <div class="empty">{children}</div>;
}

export function Loading({ rows = 4 }: { rows?: number }) {
  return (
    <div class="skeleton" role="status" aria-busy="true" aria-label={t('loading')}>
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} class="skeleton-row" />
      ))}
    </div>
  );
}

/** A list's three states: a skeleton while it loads, its empty state (what to do next), else its rows. */
export function Listing<T>(props: {
  items: readonly T[] | null | undefined;
  loadingRows?: number;
  empty: ComponentChildren;
  children: (items: readonly T[]) => ComponentChildren;
}) {
  if (!props.items) return <Loading rows={props.loadingRows} />;
  if (props.items.length === 0) return <Empty>{props.empty}</Empty>;
  return <>{props.children(props.items)}</>;
}

/** Loads data for a page; `reload` refetches; errors stay visible with a retry. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]) {
  const [state, setState] = useState<{ data: T | null; error: unknown; loading: boolean }>({ data: null, error: null, loading: true });
  const generation = useRef(0);
  const run = useCallback(async () => {
    const mine = ++generation.current;
    setState((s) => ({ ...s, loading: true, error: null }));
    try {
      const data = await load();
      if (mine === generation.current) setState({ data, error: null, loading: false });
    } catch (error) {
      if (mine === generation.current) setState((s) => ({ ...s, error, loading: false }));
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  useEffect(() => {
    void run();
  }, [run]);
  return { ...state, reload: run, setData: (data: T) => setState({ data, error: null, loading: false }) };
}

type FieldProps = {
  label: string;
  hint?: ComponentChildren;
  error?: string | null;
  children: (id: string, describedBy: string | undefined) => ComponentChildren;
  class?: string;
};

let fieldCounter = 0;
export function Field({ label, hint, error, children, class: cls }: FieldProps) {
  const id = useRef(`f${++fieldCounter}`).current;
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`field ${cls ?? ''}`}>
      <label for={id}>{label}</label>
      {children(id, describedBy)}
      {hint && (
        <div class="field-hint" id={`${id}-hint`}>
          {hint}
        </div>
      )}
      {error && (
        <div class="field-error" id={`${id}-error`} role="alert">
          {error}
        </div>
      )}
    </div>
  );
}

/** A list's search box, labelled «Поиск». */
export function SearchField({ value, placeholder, onInput }: { value: string; placeholder: string; onInput(value: string): void }) {
  return (
    <Field label={t('search')} class="search">
      {(id) => <input id={id} type="search" value={value} placeholder={placeholder} onInput={(e) => onInput(e.currentTarget.value)} />}
    </Field>
  );
}

/** The API's `details` as field → message, to show next to each input. */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return {};
  const out: Record<string, string> = {};
  for (const d of error.details as { field?: string; message?: string }[]) {
    if (d.field && d.message && !out[d.field]) out[d.field] = d.message;
  }
  return out;
}

/**
 * A modal dialog. When it closes, the focus goes back to where it was when it opened (or to
 * `returnFocus`, when that place is gone by then), never to <body>.
 */
export function Modal({
  title,
  onClose,
  children,
  wide,
  returnFocus,
}: {
  title: string;
  onClose: () => void;
  children: ComponentChildren;
  wide?: boolean;
  returnFocus?: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const back = useRef(returnFocus);
  back.current = returnFocus;
  // Opened before the next paint, so keys typed right after the key that opened it land in it.
  useLayoutEffect(() => {
    const d = ref.current;
    const before = document.activeElement as HTMLElement | null;
    if (d && !d.open) d.showModal();
    return () => {
      d?.close();
      if (before && before !== document.body && before.isConnected) before.focus();
      else back.current?.();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      class={`modal ${wide ? 'modal-wide' : ''}`}
      aria-labelledby="modal-title"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <div class="modal-head">
        <h2 id="modal-title">{title}</h2>
        <button type="button" class="btn btn-ghost btn-icon" aria-label={t('close')} onClick={onClose}>
          ×
        </button>
      </div>
      <div class="modal-body">{children}</div>
    </dialog>
  );
}

type Toast = { id: number; text: string; tone: Tone };
let toastId = 0;
const toastListeners = new Set<(toasts: Toast[]) => void>();
let toasts: Toast[] = [];

export function toast(text: string, tone: Tone = 'success') {
  const item = { id: ++toastId, text, tone };
  toasts = [...toasts, item];
  for (const l of toastListeners) l(toasts);
  setTimeout(() => {
    toasts = toasts.filter((x) => x.id !== item.id);
    for (const l of toastListeners) l(toasts);
  }, 4500);
}

/** A failure with no form to show it in (a download, a row's button): a danger toast. */
export function toastFailure(error: unknown) {
  toast(errorText(error), 'danger');
}

export function Toasts() {
  const [list, setList] = useState<Toast[]>(toasts);
  useEffect(() => {
    toastListeners.add(setList);
    return () => toastListeners.delete(setList);
  }, []);
  return (
    <div class="toasts" role="status" aria-live="polite">
      {list.map((x) => (
        <div key={x.id} class={`toast toast-${x.tone}`}>
          {x.text}
        </div>
      ))}
    </div>
  );
}

export function Button(
  props: ButtonHTMLAttributes<HTMLButtonElement> & { busy?: boolean; variant?: 'primary' | 'ghost' | 'danger' | 'default' },
) {
  const { busy, variant = 'default', class: cls, children, disabled, ...rest } = props;
  return (
    <button type="button" class={`btn btn-${variant} ${cls ?? ''}`} disabled={disabled || busy} aria-busy={busy} {...rest}>
      {children}
    </button>
  );
}

export function dateText(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = iso.length === 10 ? new Date(`${iso}T12:00:00Z`) : new Date(iso);
  return d.toLocaleDateString(getLang() === 'ru' ? 'ru-RU' : 'en-GB', { day: '2-digit', month: '2-digit', year: 'numeric' });
}

export function dateTimeText(iso: string | null | undefined): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString(getLang() === 'ru' ? 'ru-RU' : 'en-GB', {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}

export const roleWord = (role: RoleT) => word(ROLE_WORDS[role]);
/** A kind of top-up as a heading: «Пакет расширенной поддержки». */
export const topupKindWord = (kind: TopupKind) => upperFirst(word(TOPUP_KIND_WORDS[kind]));
