import { useEffect, useId, useState } from 'react';
import type { ReactNode } from 'react';
import { Field, describedBy } from '../../../ui/Field';

/** Errors of one control, as one line each; the control points here with aria-describedby. */
export function ErrorText({ id, messages }: { id: string; messages: string[] }) {
  if (messages.length === 0) return null;
  return (
    <div className="bcm-error" id={id}>
      {messages.map((m) => (
        <p key={m}>{m}</p>
      ))}
    </div>
  );
}

export const joinErrors = (messages: string[]): ReactNode =>
  messages.length === 0 ? undefined : messages.length === 1 ? messages[0] : messages.join(' · ');

interface TextAreaProps {
  id?: string;
  label: ReactNode;
  value: string;
  onChange(value: string): void;
  error?: ReactNode;
  rows?: number;
}

export function TextArea({ id, label, value, onChange, error, rows = 2 }: TextAreaProps) {
  const generated = useId();
  const inputId = id ?? generated;
  return (
    <Field id={inputId} label={label} error={error}>
      <textarea
        id={inputId}
        className="input bcm-textarea"
        dir="auto"
        rows={rows}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(inputId, undefined, error)}
      />
    </Field>
  );
}

interface NumberInputProps {
  id?: string;
  value: number | null;
  onChange(value: number | null): void;
  /** Accessible name when there is no visible label (grid cells). */
  ariaLabel?: string;
  describedById?: string;
  invalid?: boolean;
  step?: number;
  className?: string;
}

/** A whole or decimal number; empty means null. Keeps what is typed while it is not a number yet. */
export function NumberInput({
  id,
  value,
  onChange,
  ariaLabel,
  describedById,
  invalid,
  step = 1,
  className,
}: NumberInputProps) {
  const [text, setText] = useState(value === null ? '' : String(value));
  useEffect(() => {
    setText((current) =>
      current !== '' && Number(current) === value ? current : value === null ? '' : String(value),
    );
  }, [value]);
  return (
    <input
      id={id}
      type="number"
      inputMode={step === 1 ? 'numeric' : 'decimal'}
      min={0}
      step={step}
      className={['input', 'bcm-number', className].filter(Boolean).join(' ')}
      value={text}
      aria-label={ariaLabel}
      aria-invalid={invalid || undefined}
      aria-describedby={describedById}
      onChange={(event) => {
        const next = event.target.value;
        setText(next);
        if (next === '') onChange(null);
        else if (Number.isFinite(Number(next)) && Number(next) >= 0) onChange(Number(next));
      }}
    />
  );
}

interface NumberFieldProps extends Omit<
  NumberInputProps,
  'ariaLabel' | 'describedById' | 'invalid'
> {
  label: ReactNode;
  error?: ReactNode;
}

export function NumberField({ label, error, id, ...rest }: NumberFieldProps) {
  const generated = useId();
  const inputId = id ?? generated;
  return (
    <Field id={inputId} label={label} error={error}>
      <NumberInput
        {...rest}
        id={inputId}
        invalid={Boolean(error)}
        describedById={describedBy(inputId, undefined, error)}
      />
    </Field>
  );
}

interface PeoplePickerProps {
  id?: string;
  /** What the control chooses, e.g. "People told: Press, at High". */
  label: string;
  summary: string;
  options: ReadonlyArray<{ id: string; name: string }>;
  chosen: string[];
  onChange(ids: string[]): void;
  describedById?: string;
}

/** Several people out of a list: a disclosure with one checkbox each, usable by keyboard. */
export function PeoplePicker({
  id,
  label,
  summary,
  options,
  chosen,
  onChange,
  describedById,
}: PeoplePickerProps) {
  const generated = useId();
  return (
    <details className="bcm-picker">
      <summary
        id={id}
        className="bcm-picker__summary"
        aria-label={`${label}: ${summary}`}
        aria-describedby={describedById}
      >
        {summary}
      </summary>
      <fieldset className="bcm-picker__list">
        <legend className="visually-hidden">{label}</legend>
        {options.map((option) => (
          <label
            key={option.id}
            className="bcm-picker__option"
            htmlFor={`${generated}-${option.id}`}
          >
            <input
              id={`${generated}-${option.id}`}
              type="checkbox"
              checked={chosen.includes(option.id)}
              onChange={(event) =>
                onChange(
                  event.target.checked
                    ? options
                        .filter((o) => o.id === option.id || chosen.includes(o.id))
                        .map((o) => o.id)
                    : chosen.filter((x) => x !== option.id),
                )
              }
            />
            {option.name}
          </label>
        ))}
      </fieldset>
    </details>
  );
}

const splitList = (text: string) =>
  text
    .split(/[,،、，]/)
    .map((s) => s.trim())
    .filter(Boolean);

interface ListFieldProps {
  label: ReactNode;
  hint?: ReactNode;
  value: string[];
  onChange(value: string[]): void;
  list?: string;
}

/** A list typed as comma-separated words; what is typed stays as typed while it means the same. */
export function ListField({ label, hint, value, onChange, list }: ListFieldProps) {
  const id = useId();
  const [text, setText] = useState(value.join(', '));
  useEffect(() => {
    setText((current) =>
      splitList(current).join('\u0000') === value.join('\u0000') ? current : value.join(', '),
    );
  }, [value]);
  return (
    <Field id={id} label={label} hint={hint}>
      <input
        id={id}
        className="input"
        dir="auto"
        list={list}
        value={text}
        aria-describedby={describedBy(id, hint)}
        onChange={(event) => {
          setText(event.target.value);
          onChange(splitList(event.target.value));
        }}
      />
    </Field>
  );
}
