import type { AppError } from '../../../kernel/index.js';

/**
 * The TAXII 2.1 error message resource (section 3.6.1): the TAXII API answers errors in this
 * format, not as RFC 9457 problem documents, so TAXII clients can read them.
 */
export interface TaxiiError {
  title: string;
  description?: string;
  error_id?: string;
  error_code?: string;
  http_status?: string;
  external_details?: string;
  details?: Record<string, unknown>;
}

const titles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  406: 'Not Acceptable',
  409: 'Conflict',
  413: 'Request Entity Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** The TAXII error resource of an error; `requestId` ties it to the server's log. */
export function taxiiError(error: AppError, requestId: string): TaxiiError {
  // An internal error's message may hold internals: say only that something failed.
  const internal = error.status >= 500;
  const details: Record<string, unknown> = { ...(error.details ?? {}) };
  if (error.issues) details.issues = error.issues;
  return {
    title: titles[error.status] ?? 'Error',
    description: internal ? 'The server could not complete the request' : error.message,
    error_id: requestId,
    error_code: error.code,
    http_status: String(error.status),
    ...(Object.keys(details).length > 0 && !internal ? { details } : {}),
  };
}
