import { AppError } from '../../../kernel/index.js';
import { taxiiMediaType } from '../taxii/media.js';

/** How this instance reaches a peer's TAXII API root. */
export interface Remote {
  /** The API root URL, ending with a slash. */
  url: string;
  username: string | null;
  secret: string | null;
}

export interface ClientOptions {
  /** Per request, connection and body included. */
  timeoutMs?: number;
  /** Attempts for timeouts, network errors and 5xx answers (1 = no retry). */
  attempts?: number;
  /** First back-off delay; doubled after each failed attempt. */
  backoffMs?: number;
  /** The largest answer read from a peer. */
  maxBytes?: number;
}

const defaults: Required<ClientOptions> = {
  timeoutMs: 30_000,
  attempts: 3,
  backoffMs: 500,
  maxBytes: 50 * 1024 * 1024,
};

export interface Answer {
  status: number;
  headers: Headers;
  body: unknown;
}

/** A peer's failure: what went wrong, said so a team member can act on it. */
export class PeerError extends AppError {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super('bad_request', message, { status: 502 });
  }
}

function authorization(remote: Remote): string | undefined {
  if (remote.secret === null) return undefined;
  return remote.username
    ? `Basic ${Buffer.from(`${remote.username}:${remote.secret}`).toString('base64')}`
    : `Bearer ${remote.secret}`;
}

async function readLimited(response: Response, maxBytes: number): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > maxBytes)
    throw new PeerError(`the peer's answer is ${declared} bytes, more than ${maxBytes}`, false);
  if (!response.body) return '';
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new PeerError(`the peer's answer is larger than ${maxBytes} bytes`, false);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One TAXII request to a peer, retried with exponential back-off on timeouts, network errors
 * and 5xx answers. Redirects are refused (a peer's API root does not move silently), answers
 * are size-limited and must be JSON; anything else is a PeerError that names the problem.
 */
export async function taxiiRequest(
  remote: Remote,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  options: ClientOptions = {},
): Promise<Answer> {
  const o = { ...defaults, ...options };
  const url = new URL(path, remote.url.endsWith('/') ? remote.url : `${remote.url}/`);
  const auth = authorization(remote);
  let lastError: PeerError | undefined;
  for (let attempt = 1; attempt <= o.attempts; attempt += 1) {
    if (attempt > 1) await sleep(o.backoffMs * 2 ** (attempt - 2));
    try {
      const response = await fetch(url, {
        method,
        redirect: 'manual',
        signal: AbortSignal.timeout(o.timeoutMs),
        headers: {
          accept: taxiiMediaType,
          ...(auth ? { authorization: auth } : {}),
          ...(body === undefined ? {} : { 'content-type': taxiiMediaType }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (response.status >= 300 && response.status < 400)
        throw new PeerError(
          `the peer answered ${method} ${url.pathname} with a redirect (${response.status}) to ${response.headers.get('location') ?? 'nowhere'}; check its API root URL`,
          false,
        );
      const text = await readLimited(response, o.maxBytes);
      let parsed: unknown;
      try {
        parsed = text === '' ? undefined : JSON.parse(text);
      } catch {
        throw new PeerError(
          `the peer answered ${method} ${url.pathname} (${response.status}) with something that is not JSON`,
          response.status >= 500,
        );
      }
      if (response.status >= 500)
        throw new PeerError(
          `the peer answered ${method} ${url.pathname} with ${response.status}${describe(parsed)}`,
          true,
        );
      if (response.status >= 400)
        throw new PeerError(
          `the peer refused ${method} ${url.pathname} with ${response.status}${describe(parsed)}`,
          response.status === 429,
        );
      return { status: response.status, headers: response.headers, body: parsed };
    } catch (error) {
      lastError =
        error instanceof PeerError
          ? error
          : new PeerError(
              (error as Error).name === 'TimeoutError'
                ? `the peer did not answer ${method} ${url.pathname} within ${o.timeoutMs / 1000} s`
                : `the peer could not be reached at ${url.origin}: ${(error as Error).message}`,
              true,
            );
      if (!lastError.retryable) throw lastError;
    }
  }
  throw lastError!;
}

/** The description of a TAXII error answer, if the peer sent one. */
function describe(body: unknown): string {
  if (typeof body !== 'object' || body === null) return '';
  const b = body as { title?: unknown; description?: unknown };
  const text = [b.title, b.description].filter((v) => typeof v === 'string').join(': ');
  return text ? ` (${text.slice(0, 300)})` : '';
}
