import { useId } from 'react';
import type { ReactNode, TextareaHTMLAttributes } from 'react';
import { Field, describedBy } from '../../../ui/Field';

interface TextAreaFieldProps extends Omit<
  TextareaHTMLAttributes<HTMLTextAreaElement>,
  'onChange' | 'value'
> {
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
  value: string;
  onChange(value: string): void;
  /** Monospace, no spell-checking: for keys and signed texts. */
  code?: boolean;
}

/** A labelled multi-line text field, with hint and error read out with it. */
export function TextAreaField({
  label,
  hint,
  error,
  id,
  value,
  onChange,
  code = false,
  className,
  rows = 3,
  ...rest
}: TextAreaFieldProps) {
  const generatedId = useId();
  const inputId = id ?? generatedId;
  const classes = ['input', 'rfc2350-textarea', code ? 'rfc2350-textarea--code' : '', className];
  return (
    <Field id={inputId} label={label} hint={hint} error={error}>
      <textarea
        {...rest}
        id={inputId}
        rows={rows}
        className={classes.filter(Boolean).join(' ')}
        value={value}
        spellCheck={code ? false : rest.spellCheck}
        wrap={code ? 'off' : rest.wrap}
        dir={code ? 'ltr' : rest.dir}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(inputId, hint, error)}
      />
    </Field>
  );
}
