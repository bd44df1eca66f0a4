/**
 * The «add a line» box: search the price list by code or words, in a list shown above
 * everything. Enter adds the service that is highlighted — a word search highlights its best
 * match; a bare number highlights only the service with exactly that code, so `5` or `7,5`
 * never adds an unrelated line: Enter then says why nothing was added. Words that match no
 * service add a free-form line.
 */
import { useMemo, useRef, useState } from 'preact/hooks';
import type { CatalogItemT } from '../../../schema/api';
import { searchCatalog } from '../../../worker/domain/catalog-search';
import { formatHours, formatMilli } from '../../../worker/domain/format';
import { ITEM_MODE_WORDS } from '../../../worker/domain/words/kinds';
import { Anchored } from '../components/anchored';
import { pointerMoved } from '../components/pointer';
import { t, word } from '../i18n';

/** Text that is a number (a quantity, a percent, a code): never matched loosely. */
const NUMBERISH = /^[-−+]?[\d\s.,]*\d[\d\s.,]*%?$/;

export function CatalogCombobox(props: {
  inputRef: { current: HTMLInputElement | null };
  catalog: CatalogItemT[];
  lang: 'ru' | 'en';
  tabIndex: number;
  onPick(item: CatalogItemT): void;
  onFree(title: string): void;
  onPaste(text: string): void;
  onHighlight(item: CatalogItemT | null): void;
  onLeaveUp(): void;
  onFocus(): void;
}) {
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [index, setIndex] = useState(-1);
  const [message, setMessage] = useState<string | null>(null);
  const box = useRef<HTMLDivElement>(null);
  const active = useMemo(() => props.catalog.filter((i) => i.active), [props.catalog]);
  const query = text.trim();
  const numeric = NUMBERISH.test(query);
  const results = useMemo(() => (query ? searchCatalog(active, query, 12) : []), [query, active]);
  const exact = active.find((i) => i.code === query) ?? null;
  const highlighted = open && index >= 0 ? (results[index] ?? null) : null;
  const listId = 'catalog-options';
  const messageId = 'catalog-message';

  function highlight(i: number) {
    setIndex(i);
    props.onHighlight(results[i] ?? null);
  }

  function done() {
    setText('');
    setOpen(false);
    setIndex(-1);
    setMessage(null);
    props.onHighlight(null);
  }

  function enter() {
    const pick = highlighted ?? exact;
    if (pick) {
      props.onPick(pick);
      return done();
    }
    if (!query) return;
    if (numeric) {
      setMessage(results.length ? t('noCodeInList', { code: query }) : t('noCodeNothingAdded', { code: query }));
      return;
    }
    props.onFree(query);
    done();
  }

  return (
    <div class="combo" ref={box}>
      <input
        ref={props.inputRef as never}
        role="combobox"
        tabIndex={props.tabIndex}
        aria-expanded={open && results.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={highlighted ? `opt-${highlighted.id}` : undefined}
        aria-describedby={message ? messageId : undefined}
        aria-label={t('addLineLabel')}
        placeholder={t('addLinePlaceholder')}
        autoComplete="off"
        value={text}
        onFocus={props.onFocus}
        onInput={(e) => {
          const value = e.currentTarget.value;
          const q = value.trim();
          setText(value);
          setOpen(true);
          setMessage(null);
          const found = q ? searchCatalog(active, q, 12) : [];
          // A number highlights only its exact code; words highlight their best match.
          const i = NUMBERISH.test(q) ? found.findIndex((item) => item.code === q) : found.length ? 0 : -1;
          setIndex(i);
          props.onHighlight(found[i] ?? null);
        }}
        onPaste={(e) => {
          const pasted = e.clipboardData?.getData('text/plain') ?? '';
          if (pasted.includes('\t') || pasted.includes('\n')) {
            e.preventDefault();
            props.onPaste(pasted);
          }
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setOpen(true);
            highlight(Math.min(index + 1, results.length - 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            if (!open || index <= 0) {
              setOpen(false);
              props.onLeaveUp();
            } else highlight(index - 1);
          } else if (e.key === 'Enter') {
            e.preventDefault();
            enter();
          } else if (e.key === 'Escape') {
            e.preventDefault();
            if (!open) setText('');
            setOpen(false);
            setMessage(null);
          }
        }}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
      />
      {(message || (open && query && (results.length > 0 || !numeric))) && (
        <Anchored anchor={() => box.current} class="combo-pop" preferHeight={340} matchWidth>
          {message && (
            <div class="combo-message" id={messageId} role="alert">
              {message}
            </div>
          )}
          {open && results.length > 0 && (
            <div class="combo-list" id={listId} role="listbox" aria-label={t('catalogServices')}>
              {results.map((item, i) => (
                <div
                  key={item.id}
                  id={`opt-${item.id}`}
                  role="option"
                  tabIndex={-1}
                  aria-selected={i === index}
                  class={`combo-option ${i === index ? 'combo-active' : ''}`}
                  onMouseDown={(e) => {
                    e.preventDefault();
                    props.onPick(item);
                    done();
                  }}
                  onMouseMove={(e) => pointerMoved(e as unknown as MouseEvent) && i !== index && highlight(i)}
                >
                  <span class="code">{item.code}</span>
                  <span class="combo-name">{props.lang === 'ru' ? item.name : item.nameEn}</span>
                  <span class="combo-meta">
                    {item.hoursCenti !== null ? formatHours(item.hoursCenti, props.lang) : word(ITEM_MODE_WORDS.estimate)}
                    {item.kMilli !== 1000 && ` · K ${formatMilli(item.kMilli, props.lang)}`}
                  </span>
                </div>
              ))}
            </div>
          )}
          {open && !message && results.length === 0 && !numeric && (
            <div class="combo-message combo-empty" role="status">
              {t('freeLineHint', { title: query })}
            </div>
          )}
        </Anchored>
      )}
    </div>
  );
}
