import { useId } from 'react';
import type { ReactNode, SelectHTMLAttributes } from 'react';
import { Field, describedBy } from './Field';

export interface SelectOption {
  value: string;
  label: string;
  /** BCP 47 tag when the option is written in another language than the page. */
  lang?: string;
}

interface SelectProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'onChange'> {
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
  value: string;
  options: ReadonlyArray<SelectOption>;
  onChange(value: string): void;
}

export function Select({
  label,
  hint,
  error,
  id,
  value,
  options,
  onChange,
  className,
  ...rest
}: SelectProps) {
  const generatedId = useId();
  const selectId = id ?? generatedId;
  return (
    <Field id={selectId} label={label} hint={hint} error={error}>
      <select
        {...rest}
        id={selectId}
        className={['select', className].filter(Boolean).join(' ')}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(selectId, hint, error)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value} lang={option.lang}>
            {option.label}
          </option>
        ))}
      </select>
    </Field>
  );
}
