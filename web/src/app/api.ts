import type { Problem } from './types';

/**
 * The one HTTP client of the web app. It adds the CSRF header to cookie-authenticated writes,
 * parses problem+json into `ApiError`, and tells listeners about answers that change the
 * session (signed out elsewhere, password change required) so the auth context can react.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
    this.name = 'ApiError';
    this.status = problem.status;
    this.code = problem.code ?? 'unknown';
    this.problem = problem;
  }
}

/** Thrown when the server could not be reached at all (offline, proxy down). */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super('network', { cause });
    this.name = 'NetworkError';
  }
}

type SessionEvent = 'unauthenticated' | 'password_change_required';
type SessionListener = (event: SessionEvent) => void;

let csrfToken: string | null = null;
const sessionListeners = new Set<SessionListener>();

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function onSessionEvent(listener: SessionListener): () => void {
  sessionListeners.add(listener);
  return () => sessionListeners.delete(listener);
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
type QueryValue = string | number | boolean | null | undefined;

/** Builds `path?query`, leaving out empty values so the server applies its defaults. */
export function withQuery(path: string, query: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/** A body sent as it is (a file's bytes, CSV text) instead of being encoded as JSON. */
export class RawBody {
  constructor(
    readonly content: string | Blob,
    readonly contentType: string,
  ) {}
}

export async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const raw = body instanceof RawBody ? body : null;
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = raw ? raw.contentType : 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: raw ? raw.content : body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (cause) {
    throw new NetworkError(cause);
  }

  if (response.status === 204) return undefined as T;
  const payload: unknown = await response.json().catch(() => null);
  if (response.ok) return payload as T;

  const error = new ApiError(toProblem(payload, response.status));
  // Login and session probes answer 401 as a normal outcome; only an expired session
  // elsewhere should bounce the user back to the login page.
  const isAuthProbe = path.startsWith('/api/auth/');
  if (error.code === 'unauthenticated' && !isAuthProbe) emit('unauthenticated');
  if (error.code === 'password_change_required') emit('password_change_required');
  throw error;
}

function emit(event: SessionEvent): void {
  for (const listener of sessionListeners) listener(event);
}

function toProblem(payload: unknown, status: number): Problem {
  if (payload && typeof payload === 'object') {
    const problem = payload as Partial<Problem>;
    return { ...problem, status: typeof problem.status === 'number' ? problem.status : status };
  }
  return { status };
}

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  delete: (path: string) => request<void>('DELETE', path),
};
