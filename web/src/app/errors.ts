import type { TFunction } from 'i18next';
import { ApiError, NetworkError } from './api';
import { formatDuration } from './format';

/** Error codes that have their own translated message under `errors.<code>`. */
const translatedCodes = new Set([
  'validation_failed',
  'bad_request',
  'unauthenticated',
  'invalid_credentials',
  'account_locked',
  'account_disabled',
  'password_change_required',
  'forbidden',
  'csrf_failed',
  'not_found',
  'user_not_found',
  'token_not_found',
  'conflict',
  'email_taken',
  'last_admin',
  'payload_too_large',
  'unsupported_media_type',
  'rate_limited',
  'weak_password',
  'internal',
  'not_ready',
]);

export interface ErrorDescription {
  message: string;
  /** Extra lines: field problems, the server's own words, a reference for support. */
  details: string[];
}

/** Turns anything thrown by the API client into text a user can act on, in their language. */
export function describeError(t: TFunction, error: unknown): ErrorDescription {
  if (error instanceof NetworkError) return { message: t('errors.network'), details: [] };
  if (!(error instanceof ApiError)) return { message: t('errors.generic'), details: [] };

  const { problem } = error;
  const details = (problem.errors ?? []).map((issue) => issue.message);
  const wait = problem.retryAfterSeconds;

  if (error.code === 'account_locked' && wait) {
    return { message: t('errors.account_locked_for', { duration: formatDuration(wait) }), details };
  }
  if (error.code === 'rate_limited' && wait) {
    return { message: t('errors.rate_limited_for', { duration: formatDuration(wait) }), details };
  }
  if (translatedCodes.has(error.code)) return { message: t(`errors.${error.code}`), details };

  // Unknown code: say so in the user's language and keep the server's words for support.
  if (problem.detail) details.push(t('errors.serverDetail', { detail: problem.detail }));
  if (problem.requestId) details.push(t('errors.reference', { id: problem.requestId }));
  return { message: t('errors.generic'), details };
}
