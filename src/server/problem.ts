import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type FieldIssue, isAppError } from '../kernel/index.js';

/** An RFC 9457 problem details document, with cirtkit's stable `code` as an extension. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  code: string;
  requestId: string;
  errors?: FieldIssue[];
  retryAfterSeconds?: number;
}

const titles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  406: 'Not Acceptable',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  423: 'Locked',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** Maps Fastify's own errors (body parsing, limits) to AppErrors with cirtkit codes. */
function fromFastifyError(error: FastifyError): AppError | undefined {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError(
        'payload_too_large',
        'The request body is larger than this server accepts',
      );
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('unsupported_media_type', 'Send the request body as application/json');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('bad_request', 'The request body is empty but JSON was declared');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new AppError('bad_request', 'The request body is not valid JSON');
    default:
      break;
  }
  if (error instanceof SyntaxError || error.statusCode === 400) {
    return new AppError('bad_request', error.message || 'The request is malformed');
  }
  if (error.statusCode === 415) return new AppError('unsupported_media_type', error.message);
  if (error.statusCode === 413) return new AppError('payload_too_large', error.message);
  return undefined;
}

function fromValidation(error: FastifyError & { validationContext?: string }): AppError {
  const context = error.validationContext ?? 'body';
  const issues: FieldIssue[] = (error.validation ?? []).map((v) => {
    const path = v.instancePath.split('/').filter(Boolean).join('.');
    return { field: path ? `${context}.${path}` : context, message: v.message ?? 'is invalid' };
  });
  const list = issues.map((i) => `${i.field} ${i.message}`).join('; ');
  return new AppError('validation_failed', `The request is not valid: ${list}`, { issues });
}

export function toAppError(error: unknown): AppError {
  if (isAppError(error)) return error;
  if (hasZodFastifySchemaValidationErrors(error)) return fromValidation(error);
  const fastifyError = error as FastifyError;
  if (
    fastifyError &&
    typeof fastifyError === 'object' &&
    'validation' in fastifyError &&
    fastifyError.validation
  ) {
    return fromValidation(fastifyError);
  }
  return (
    (fastifyError && typeof fastifyError === 'object'
      ? fromFastifyError(fastifyError)
      : undefined) ??
    new AppError(
      'internal',
      'Something went wrong on the server; the request id identifies it in the logs',
      {
        cause: error,
      },
    )
  );
}

export function problemOf(error: AppError, request: FastifyRequest): Problem {
  const problem: Problem = {
    type: `urn:cirtkit:problem:${error.code}`,
    title: titles[error.status] ?? 'Error',
    status: error.status,
    detail: error.message,
    instance: request.url.split('?')[0] ?? request.url,
    code: error.code,
    requestId: request.id,
  };
  if (error.issues?.length) problem.errors = error.issues;
  const retry = error.details?.retryAfterSeconds;
  if (typeof retry === 'number') problem.retryAfterSeconds = retry;
  return problem;
}

/** The one place errors become HTTP answers. Unexpected errors are logged; expected ones not. */
export function sendProblem(
  error: unknown,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  const appError = toAppError(error);
  if (appError.status >= 500) request.log.error({ err: error }, 'request failed');
  const problem = problemOf(appError, request);
  if (problem.retryAfterSeconds !== undefined)
    reply.header('retry-after', String(problem.retryAfterSeconds));
  return reply.code(appError.status).type('application/problem+json; charset=utf-8').send(problem);
}
