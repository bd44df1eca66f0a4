/** The input of a cell being edited, and the words that say what is wrong with a cell. */
import { useLayoutEffect, useRef } from 'preact/hooks';
import { Anchored } from '../components/anchored';

/** An error next to a cell, pinned above everything so nothing clips it. */
export function CellMessage({ anchor, id, text }: { anchor: () => HTMLElement | null; id: string; text: string }) {
  return (
    <Anchored anchor={anchor} class="cell-error" id={id} role="alert" preferHeight={60}>
      {text}
    </Anchored>
  );
}

export function CellEditor(props: {
  label: string;
  numeric: boolean;
  text: string;
  error: string | null;
  errorId: string;
  onText(text: string): void;
  onKey(e: KeyboardEvent): void;
  onBlur(): void;
}) {
  const ref = useRef<HTMLInputElement>(null);
  useLayoutEffect(() => {
    const input = ref.current;
    if (!input) return;
    input.focus();
    // F2 or Enter: the caret after the text; typing replaced it with the first character.
    const end = input.value.length;
    input.setSelectionRange(end, end);
  }, []);
  return (
    <>
      <input
        ref={ref}
        class={`cell-input ${props.numeric ? 'num' : ''}`}
        aria-label={props.label}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? props.errorId : undefined}
        inputMode={props.numeric ? 'decimal' : 'text'}
        autoComplete="off"
        value={props.text}
        onInput={(e) => props.onText(e.currentTarget.value)}
        onKeyDown={(e) => props.onKey(e as unknown as KeyboardEvent)}
        onBlur={props.onBlur}
      />
      {props.error && <CellMessage anchor={() => ref.current?.closest('td') ?? null} id={props.errorId} text={props.error} />}
    </>
  );
}
