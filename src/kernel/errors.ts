/**
 * The one error type of cirtkit. Every failure a user can see carries a stable snake_case
 * `code` (documented, safe to match on in scripts), an HTTP status and optional details.
 *
 * @example
 *   throw new AppError('user_not_found', `No user with id ${id}`, { details: { id } });
 */
export const errorCodes = {
  validation_failed: 422,
  bad_request: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  account_locked: 423,
  account_disabled: 403,
  password_change_required: 403,
  forbidden: 403,
  csrf_failed: 403,
  not_found: 404,
  user_not_found: 404,
  token_not_found: 404,
  conflict: 409,
  email_taken: 409,
  last_admin: 409,
  payload_too_large: 413,
  not_acceptable: 406,
  unsupported_media_type: 415,
  rate_limited: 429,
  weak_password: 422,
  config_invalid: 500,
  internal: 500,
  not_ready: 503,
} as const;

export type ErrorCode = keyof typeof errorCodes;

/** One violated rule in a validation error: where, and which rule. */
export interface FieldIssue {
  /** JSON-pointer-like path of the field, e.g. `body.email` or `CIRTKIT_PORT`. */
  field: string;
  message: string;
}

export interface AppErrorOptions {
  details?: Record<string, unknown>;
  issues?: FieldIssue[];
  cause?: unknown;
  /** Override the status implied by the code (rare: e.g. 400 for a malformed body). */
  status?: number;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: Record<string, unknown> | undefined;
  readonly issues: FieldIssue[] | undefined;

  constructor(code: ErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.status = options.status ?? errorCodes[code];
    this.details = options.details;
    this.issues = options.issues;
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}

/** Turns zod issues into field issues; `prefix` names where the value came from. */
export function issuesFromZod(
  zodIssues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>,
  prefix = '',
): FieldIssue[] {
  return zodIssues.map((issue) => {
    const path = issue.path.map(String).join('.');
    const field = [prefix, path].filter(Boolean).join('.') || prefix || '(root)';
    return { field, message: issue.message };
  });
}
