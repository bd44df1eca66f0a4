/** A labelled select: the filters of a list (kept in the address) and the pickers of a form. */
import type { ComponentChildren } from 'preact';
import { Field } from './ui';

/** An option: its value, and its words. */
export type Choice = readonly [value: string, words: ComponentChildren];

export function SelectField(props: {
  label: string;
  value: string;
  choices: readonly Choice[];
  /** The words of a first, empty option («Любой статус», «Все заказчики»), when there is one. */
  empty?: string;
  disabled?: boolean;
  onChange(value: string): void;
}) {
  const { label, value, choices, empty, disabled, onChange } = props;
  return (
    <Field label={label}>
      {(id) => (
        <select id={id} value={value} disabled={disabled} onChange={(e) => onChange(e.currentTarget.value)}>
          {empty !== undefined && <option value="">{empty}</option>}
          {choices.map(([v, words]) => (
            <option key={v} value={v}>
              {words}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** Customers as choices, by name. */
export const customerChoices = (customers: readonly { id: number; name: string }[] | null | undefined): Choice[] =>
  (customers ?? []).map((c) => [String(c.id), c.name]);
