import assert from 'node:assert/strict';

export interface Answer {
  status: number;
  headers: Headers;
  body: unknown;
  text: string;
}

/** A pending request whose answer can be awaited directly or checked with `expect(status)`. */
export class Pending implements PromiseLike<Answer> {
  constructor(private readonly promise: Promise<Answer>) {}
  then<A = Answer, B = never>(
    ok?: ((value: Answer) => A | PromiseLike<A>) | null,
    fail?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    return this.promise.then(ok, fail);
  }
  /** Resolves to the JSON body after checking the status; on mismatch shows the whole answer. */
  async expect<T = Record<string, unknown>>(status: number): Promise<T> {
    const answer = await this.promise;
    assert.equal(answer.status, status, `expected ${status}, got ${answer.status}: ${answer.text}`);
    return answer.body as T;
  }
}

/**
 * An HTTP client over real loopback with a cookie jar and the CSRF header, as the web UI sends.
 */
export class HttpClient {
  private cookies = new Map<string, string>();
  csrfToken: string | undefined;
  bearer: string | undefined;

  constructor(readonly baseUrl: string) {}

  request(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Pending {
    return new Pending(this.send(method, path, body, headers));
  }
  get(path: string, headers?: Record<string, string>): Pending {
    return this.request('GET', path, undefined, headers);
  }
  post(path: string, body?: unknown, headers?: Record<string, string>): Pending {
    return this.request('POST', path, body, headers);
  }
  patch(path: string, body?: unknown, headers?: Record<string, string>): Pending {
    return this.request('PATCH', path, body, headers);
  }
  put(path: string, body?: unknown, headers?: Record<string, string>): Pending {
    return this.request('PUT', path, body, headers);
  }
  delete(path: string, headers?: Record<string, string>): Pending {
    return this.request('DELETE', path, undefined, headers);
  }

  async login(email: string, password: string): Promise<Record<string, unknown>> {
    const body = await this.post('/api/auth/login', { email, password }).expect<{
      csrfToken: string;
      user: Record<string, unknown>;
    }>(200);
    this.csrfToken = body.csrfToken;
    return body.user;
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  private async send(
    method: string,
    path: string,
    body: unknown,
    extra: Record<string, string>,
  ): Promise<Answer> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.cookies.size > 0)
      headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (this.csrfToken && method !== 'GET') headers['x-csrf-token'] = this.csrfToken;
    if (this.bearer) headers.authorization = `Bearer ${this.bearer}`;
    let payload: string | Uint8Array | undefined;
    if (body instanceof Uint8Array) {
      headers['content-type'] = 'application/octet-stream';
      payload = body;
    } else if (body !== undefined) {
      headers['content-type'] = 'application/json';
      payload = typeof body === 'string' ? body : JSON.stringify(body);
    }
    Object.assign(headers, extra);
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      body: payload,
      redirect: 'manual',
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq);
      const value = pair!.slice(eq + 1);
      if (value === '' || /max-age=0|expires=thu, 01 jan 1970/i.test(line))
        this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // Not JSON (HTML, plain text): keep the text.
    }
    return { status: response.status, headers: response.headers, body: parsed, text };
  }
}
