import type { TFunction } from 'i18next';
import { ApiError } from '../../../app/api';
import { describeError } from '../../../app/errors';

export type FieldErrors = Record<string, string>;

/**
 * Splits an API failure into the fields it names (problem+json `errors[]`, `body.` prefix
 * dropped) and one sentence for the form, in the reader's language with the server's words.
 * `tIncidents` is the `incidents` namespace, `tApp` the app's default one.
 */
export function splitError(
  tIncidents: TFunction,
  tApp: TFunction,
  error: unknown,
): { fields: FieldErrors; form: string; details: string[] } {
  const fields: FieldErrors = {};
  if (error instanceof ApiError) {
    for (const issue of error.problem.errors ?? []) {
      const field = issue.field.replace(/^body\./, '');
      fields[field] = tIncidents('core.refused', { message: issue.message });
    }
  }
  const described = describeError(tApp, error);
  return { fields, form: described.message, details: described.details };
}

/** A stale revision: someone else saved first. */
export const isConflict = (error: unknown) =>
  error instanceof ApiError && error.code === 'conflict';
