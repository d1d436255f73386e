import type { TFunction } from 'i18next';
import { ApiError } from '../../app/api';
import { describeError } from '../../app/errors';

export type FieldErrors = Record<string, string>;

/**
 * Splits an API failure into messages for the fields it names (problem+json `errors[]`, such
 * as `body.established.date`, keyed here without the `body.` prefix) and one message for the
 * form. The server's words are quoted, introduced in the reader's language.
 */
export function splitApiError(t: TFunction, error: unknown): { fields: FieldErrors; form: string } {
  const fields: FieldErrors = {};
  if (error instanceof ApiError) {
    for (const issue of error.problem.errors ?? []) {
      const field = issue.field.replace(/^body\./, '');
      fields[field] = t('registry.form.refused', { message: issue.message });
    }
  }
  return { fields, form: describeError(t, error).message };
}

export const isUrl = (value: string) => {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
};
