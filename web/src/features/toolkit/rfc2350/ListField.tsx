import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { TextAreaField } from './TextAreaField';

interface ListFieldProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
  value: readonly string[];
  onChange(value: string[]): void;
}

const toList = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

/**
 * A list of values (addresses, URIs, language tags), one per line. The text is kept as typed
 * while the field has focus, so an empty line being written does not vanish under the cursor.
 */
export function ListField({ id, label, hint, error, value, onChange }: ListFieldProps) {
  const [text, setText] = useState(value.join('\n'));
  useEffect(() => {
    // Another change of the list (an import, a reload) replaces the text; typing does not.
    setText((current) =>
      toList(current).join('\n') === value.join('\n') ? current : value.join('\n'),
    );
  }, [value]);
  return (
    <TextAreaField
      id={id}
      label={label}
      hint={hint}
      error={error}
      value={text}
      rows={Math.min(Math.max(value.length + 1, 2), 6)}
      dir="ltr"
      spellCheck={false}
      code
      onChange={(next) => {
        setText(next);
        onChange(toList(next));
      }}
    />
  );
}
