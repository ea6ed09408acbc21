/**
 * A select as the lists, forms and options draw it: an optional empty choice first ("Any", "None",
 * "Set status…"), then the choices; the chosen value goes to `onChoose`.
 */
import type { JSX } from 'preact';

export interface Choice {
  value: string;
  label: string;
  /** The language of the label, when it is not the interface's ("Nederlands" in the English UI). */
  lang?: string;
}

export interface SelectProps extends Omit<
  JSX.SelectHTMLAttributes<HTMLSelectElement>,
  'value' | 'onChange' | 'label'
> {
  value: string;
  choices: readonly Choice[];
  /** A first choice with the value ''. */
  empty?: string;
  onChoose: (value: string) => void;
}

export function Select({ value, choices, empty, onChoose, ...attributes }: SelectProps) {
  return (
    <select
      {...attributes}
      value={value}
      onChange={(e) => onChoose((e.currentTarget as HTMLSelectElement).value)}
    >
      {empty !== undefined && <option value="">{empty}</option>}
      {choices.map((c) => (
        <option key={c.value} value={c.value} lang={c.lang}>
          {c.label}
        </option>
      ))}
    </select>
  );
}

/** A select with its visible label, in a row of class `row` ('filter', 'inline-row'). */
export function LabeledSelect({
  row,
  label,
  ...select
}: SelectProps & { id: string; label: string; row: string }) {
  return (
    <div class={row}>
      <label for={select.id}>{label}</label>
      <Select {...select} />
    </div>
  );
}
