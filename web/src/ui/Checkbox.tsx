import { useId } from 'react';
import type { ReactNode } from 'react';

interface CheckboxProps {
  label: ReactNode;
  checked: boolean;
  onChange(checked: boolean): void;
  hint?: ReactNode;
  id?: string;
}

export function Checkbox({ label, checked, onChange, hint, id }: CheckboxProps) {
  const generatedId = useId();
  const inputId = id ?? generatedId;
  return (
    <div className="checkbox">
      <input
        id={inputId}
        type="checkbox"
        className="checkbox__input"
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
        aria-describedby={hint ? `${inputId}-hint` : undefined}
      />
      <label className="checkbox__label" htmlFor={inputId}>
        {label}
      </label>
      {hint ? (
        <p className="field__hint checkbox__hint" id={`${inputId}-hint`}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}
