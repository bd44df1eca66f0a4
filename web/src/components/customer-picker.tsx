/**
 * A searchable customer field: type a few letters of the name, pick with the arrows and
 * Enter or with the mouse. It has no silent default: until a customer is picked, the value
 * is null and the form says so.
 */
import { useMemo, useRef, useState } from 'preact/hooks';
import type { CustomerT } from '../../../schema/api';
import { t } from '../i18n';
import { Anchored } from './anchored';
import { pointerMoved } from './pointer';

/** Ё reads as Е (written as escapes: the code holds no words, the catalogue does). */
const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/\u0451/g, '\u0435')
    .replace(/[«»"“”„]/g, '')
    .trim();

export function CustomerPicker(props: {
  id: string;
  customers: CustomerT[];
  value: number | null;
  onChange(id: number | null): void;
  describedBy?: string;
  invalid?: boolean;
  autoFocus?: boolean;
}) {
  const chosen = props.customers.find((c) => c.id === props.value) ?? null;
  const [text, setText] = useState(chosen?.name ?? '');
  const [open, setOpen] = useState(false);
  const [index, setIndex] = useState(0);
  const box = useRef<HTMLDivElement>(null);
  const listId = `${props.id}-list`;
  const matches = useMemo(() => {
    const q = norm(text);
    return props.customers
      .filter(
        (c) =>
          !q ||
          norm(c.name)
            .split(/\s+/)
            .some((w) => w.startsWith(q)) ||
          norm(c.name).includes(q),
      )
      .slice(0, 30);
  }, [text, props.customers]);
  // The name shown follows the value when it is set from outside (a preset customer).
  const shown = chosen && !open ? chosen.name : text;

  function pick(c: CustomerT) {
    props.onChange(c.id);
    setText(c.name);
    setOpen(false);
  }

  return (
    <div class="combo picker" ref={box}>
      <input
        id={props.id}
        role="combobox"
        aria-expanded={open && matches.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && matches[index] ? `${listId}-${matches[index]!.id}` : undefined}
        aria-describedby={props.describedBy}
        aria-invalid={props.invalid ? true : undefined}
        autoComplete="off"
        autoFocus={props.autoFocus}
        placeholder={t('customerPickerPlaceholder')}
        value={shown}
        onFocus={() => setOpen(true)}
        onInput={(e) => {
          setText(e.currentTarget.value);
          setOpen(true);
          setIndex(0);
          if (props.value !== null) props.onChange(null);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setOpen(true);
            setIndex((i) => Math.min(i + 1, matches.length - 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setIndex((i) => Math.max(0, i - 1));
          } else if (e.key === 'Enter' && open && matches[index]) {
            e.preventDefault();
            pick(matches[index]!);
          } else if (e.key === 'Escape' && open) {
            e.preventDefault();
            e.stopPropagation(); // close the list, not the dialog
            setOpen(false);
          }
        }}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
      />
      {open && (
        <Anchored anchor={() => box.current} class="combo-pop" preferHeight={240} matchWidth>
          {matches.length ? (
            <div class="combo-list" id={listId} role="listbox" aria-label={t('customers')}>
              {matches.map((c, i) => (
                <div
                  key={c.id}
                  id={`${listId}-${c.id}`}
                  role="option"
                  tabIndex={-1}
                  aria-selected={i === index}
                  class={`combo-option ${i === index ? 'combo-active' : ''}`}
                  onMouseDown={(e) => {
                    e.preventDefault();
                    pick(c);
                  }}
                  onMouseMove={(e) => pointerMoved(e as unknown as MouseEvent) && setIndex(i)}
                >
                  <span class="combo-name">{c.name}</span>
                </div>
              ))}
            </div>
          ) : (
            <div class="combo-message combo-empty" role="status">
              {t('noSuchCustomerInPicker')}
            </div>
          )}
        </Anchored>
      )}
    </div>
  );
}
