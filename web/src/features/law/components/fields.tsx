import { useEffect, useId, useRef, type TextareaHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Field, describedBy } from '../../../ui/Field';
import { ApiError } from '../../../app/api';
import { fieldIssues, type FieldIssue } from '../fieldErrors';

interface TextAreaProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'onChange'> {
  label: string;
  hint?: string;
  error?: string;
  value: string;
  onChange(value: string): void;
}

export function TextAreaField({ label, hint, error, value, onChange, ...rest }: TextAreaProps) {
  const id = useId();
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <textarea
        {...rest}
        id={id}
        className="input law-textarea"
        value={value}
        rows={3}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      />
    </Field>
  );
}

/** A field problem in the reader's language; the server's own words when it has no name. */
export function useIssueText() {
  const { t } = useTranslation('law');
  return (issue: FieldIssue | undefined): string | undefined =>
    issue === undefined
      ? undefined
      : issue.kind === 'other'
        ? t('common.issues.other', { message: issue.message })
        : t(`common.issues.${issue.kind}`);
}

/** The form's values as the API wants them: empty fields left out. */
export function filled<T extends Record<string, string>>(values: T): Partial<T> {
  const out: Partial<T> = {};
  for (const [key, value] of Object.entries(values) as [keyof T, string][]) {
    if (value.trim() !== '') out[key] = value.trim() as T[keyof T];
  }
  return out;
}

/** The field problems of a refused save, by field. */
export const issuesOf = (error: unknown): Record<string, FieldIssue> =>
  fieldIssues(error instanceof ApiError ? (error.problem.errors ?? []) : []);

/**
 * After a refused save, moves focus to the first field marked invalid inside the returned ref's
 * element, so keyboard and screen-reader users land on what to fix. Call `refused()` after
 * setting the problems.
 */
export function useFocusFirstProblem<T extends HTMLElement>() {
  const container = useRef<T>(null);
  const pending = useRef(false);
  useEffect(() => {
    if (!pending.current) return;
    pending.current = false;
    container.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  });
  return {
    container,
    refused: () => {
      pending.current = true;
    },
  };
}
