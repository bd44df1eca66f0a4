/** The quote's terms above the grid: title, VAT mode and rate, discount, validity, notes. */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { QuoteT } from '../../../schema/api';
import { Button, Field } from '../components/ui';
import { getLang, t, midSentence } from '../i18n';
import type { Draft, HeaderField, Refusal } from './editor-state';
import { fieldName, fieldWord } from './field-words';
import { parsePercent, percentText } from './percent';

type OnChange = (label: string, changes: Record<string, unknown>, drafts?: Draft[]) => void;

/**
 * A percent the way a person types it. Every keystroke shows its effect in the totals; Enter
 * or leaving the field saves it; Esc puts back the saved value. A value that is not a percent
 * is said next to the field and nothing is saved.
 */
/**
 * A text the user types into: the saved value shows while the field is not being edited; while
 * it is focused, what was typed stays, whatever else re-renders the editor meanwhile (a
 * controlled input would be reset to the saved value on every render).
 */
function useDraft(saved: string) {
  const [draft, setDraft] = useState(saved);
  const [focused, setFocused] = useState(false);
  useEffect(() => {
    if (!focused) setDraft(saved);
  }, [saved, focused]);
  return {
    value: draft,
    setDraft,
    bind: {
      value: draft,
      onInput: (e: Event) => setDraft((e.currentTarget as HTMLInputElement).value),
      onFocus: () => setFocused(true),
      onBlur: () => setFocused(false),
    },
  };
}

function PercentField(props: {
  quote: QuoteT;
  field: HeaderField;
  label: string;
  word: string;
  disabled?: boolean;
  refusal: string | null;
  onChange: OnChange;
  onLive(field: HeaderField, value: number | null): void;
}) {
  const lang = getLang();
  const saved = props.quote[props.field];
  const [text, setText] = useState(percentText(saved, lang));
  const [error, setError] = useState<string | null>(null);
  const [focused, setFocused] = useState(false);
  /** The value last handed to the editor: Enter then leaving the field saves once. */
  const sent = useRef<number | null>(null);
  useEffect(() => {
    if (!focused) setText(percentText(saved, lang));
  }, [saved, focused]);

  function read(value: string): number | null {
    if (value.trim() === '' && props.field === 'discountRateMilli') return 0; // an empty discount is none
    return parsePercent(value);
  }

  function commit() {
    const milli = read(text);
    if (milli === null) {
      setError(t('percentRange', { field: props.word }));
      props.onLive(props.field, null);
      return;
    }
    setError(null);
    setText(percentText(milli, lang));
    props.onLive(props.field, null);
    if (milli === saved || milli === sent.current) return;
    sent.current = milli;
    props.onChange(midSentence(props.word), { [props.field]: milli }, [{ lineId: null, field: props.field, value: milli }]);
  }

  return (
    <Field label={props.label} error={error ?? props.refusal} class="percent-field">
      {(id, describedBy) => (
        <input
          id={id}
          class="num narrow"
          inputMode="decimal"
          autoComplete="off"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          value={text}
          disabled={props.disabled}
          onFocus={() => setFocused(true)}
          onInput={(e) => {
            const value = e.currentTarget.value;
            setText(value);
            setError(null);
            sent.current = null;
            props.onLive(props.field, read(value));
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              commit();
            } else if (e.key === 'Escape') {
              e.preventDefault();
              setText(percentText(saved, lang));
              setError(null);
              props.onLive(props.field, null);
            }
          }}
          onBlur={() => {
            setFocused(false);
            commit();
          }}
        />
      )}
    </Field>
  );
}

export function HeaderFields(props: {
  quote: QuoteT;
  refusal: Refusal | null;
  onChange: OnChange;
  onLive(field: HeaderField, value: number | null): void;
  onReprice(): void;
  repricing: boolean;
}) {
  const { quote, onChange } = props;
  const [titleError, setTitleError] = useState<string | null>(null);
  const title = useDraft(quote.title);
  const validUntil = useDraft(quote.validUntil ?? '');
  const customerNote = useDraft(quote.customerNote);
  const internalNote = useDraft(quote.internalNote);
  const refusalFor = (field: HeaderField) =>
    props.refusal?.target?.lineId === null && props.refusal.target.field === field ? props.refusal.message : null;
  return (
    <section class="card card-pad header-fields" aria-label={t('quoteTerms')}>
      <Field label={t('title')} error={titleError}>
        {(id, describedBy) => (
          <input
            id={id}
            {...title.bind}
            aria-describedby={describedBy}
            onChange={(e) => {
              const v = e.currentTarget.value.trim();
              if (!v) {
                setTitleError(t('titleEmptyRestored'));
                title.setDraft(quote.title);
                return;
              }
              setTitleError(null);
              if (v !== quote.title) onChange(t('quoteTitleChange'), { title: v });
            }}
          />
        )}
      </Field>
      <fieldset class="field" style="border:0;padding:0;margin:0">
        <legend class="legend">{t('vat')}</legend>
        <div class="segmented">
          {(['on_top', 'included', 'none'] as const).map((m) => (
            <button
              key={m}
              type="button"
              aria-pressed={quote.vatMode === m}
              onClick={() => quote.vatMode !== m && onChange(t('vat'), { vatMode: m })}
            >
              {m === 'on_top' ? t('vatOnTop') : m === 'included' ? t('vatIncluded') : t('noVat')}
            </button>
          ))}
        </div>
      </fieldset>
      <PercentField
        quote={quote}
        field="vatRateMilli"
        label={t('vatRatePercent')}
        word={fieldName('vatRateMilli')}
        disabled={quote.vatMode === 'none'}
        refusal={refusalFor('vatRateMilli')}
        onChange={onChange}
        onLive={props.onLive}
      />
      <PercentField
        quote={quote}
        field="discountRateMilli"
        label={t('discountPercent')}
        word={t('discount')}
        refusal={refusalFor('discountRateMilli')}
        onChange={onChange}
        onLive={props.onLive}
      />
      <Field label={t('validUntil')} hint={!quote.validUntil ? t('validUntilDefault') : undefined}>
        {(id, describedBy) => (
          <input
            id={id}
            type="date"
            aria-describedby={describedBy}
            {...validUntil.bind}
            onChange={(e) => onChange(fieldWord('validUntil'), { validUntil: e.currentTarget.value || null })}
          />
        )}
      </Field>
      <details class="notes">
        <summary>{t('quoteNotes')}</summary>
        <div class="grid-2">
          <Field label={t('forCustomer')}>
            {(id) => (
              <textarea
                id={id}
                {...customerNote.bind}
                onChange={(e) => onChange(fieldWord('customerNote'), { customerNote: e.currentTarget.value })}
              />
            )}
          </Field>
          <Field label={t('internalNoteLabel')}>
            {(id) => (
              <textarea
                id={id}
                {...internalNote.bind}
                onChange={(e) => onChange(fieldWord('internalNote'), { internalNote: e.currentTarget.value })}
              />
            )}
          </Field>
        </div>
        <Button class="btn-small" busy={props.repricing} onClick={props.onReprice}>
          {t('repriceButton')}
        </Button>
      </details>
    </section>
  );
}
