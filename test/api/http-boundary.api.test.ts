import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestServer, type TestServer } from '../support/server.js';

describe('HTTP boundary', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer(
      { CIRTKIT_BODY_LIMIT_BYTES: '2048' },
      {
        beforeListen: (app) =>
          app.get('/api/test-crash', { config: { access: 'public' } }, () => {
            throw new Error('boom');
          }),
      },
    );
  });
  after(() => server.close());

  it('answers unknown API routes with a 404 problem document', async () => {
    const answer = await server.client().get('/api/no-such-thing');
    assert.equal(answer.status, 404);
    assert.match(answer.headers.get('content-type')!, /^application\/problem\+json/);
    const body = answer.body as { code: string; instance: string; requestId: string };
    assert.equal(body.code, 'not_found');
    assert.equal(body.instance, '/api/no-such-thing');
    assert.equal(body.requestId, answer.headers.get('x-request-id'));
  });

  it('refuses bodies over the limit with 413', async () => {
    const answer = await server
      .client()
      .post('/api/auth/login', { email: 'a@example.org', password: 'x'.repeat(5000) });
    assert.equal(answer.status, 413);
    assert.equal((answer.body as { code: string }).code, 'payload_too_large');
  });

  it('answers malformed JSON with 400 and other media types with 415', async () => {
    const client = server.client();
    const broken = await client.post('/api/auth/login', '{"email": "a@example.org",');
    assert.equal(broken.status, 400);
    assert.equal((broken.body as { code: string }).code, 'bad_request');
    const form = await client.post('/api/auth/login', 'email=a', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    assert.equal(form.status, 415);
  });

  it('sends security headers: CSP without inline scripts, no framing, no sniffing', async () => {
    const answer = await server.client().get('/healthz');
    const csp = answer.headers.get('content-security-policy')!;
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.equal(answer.headers.get('x-content-type-options'), 'nosniff');
    // Plain HTTP deployment: no HSTS (it would lock browsers out of a non-TLS install).
    assert.equal(answer.headers.get('strict-transport-security'), null);
    // Also on answers from nested plugins (TAXII) and on the not-found answer.
    for (const other of [
      await server.client().get('/api/nothing-here'),
      await server.client().get('/taxii2/', { accept: 'application/taxii+json;version=2.1' }),
    ]) {
      assert.match(other.headers.get('content-security-policy') ?? '', /frame-ancestors 'none'/);
      assert.equal(other.headers.get('x-content-type-options'), 'nosniff');
    }
  });

  it('reports liveness and readiness with the database engine', async () => {
    assert.deepEqual(await server.client().get('/healthz').expect(200), { status: 'ok' });
    const ready = await server.client().get('/readyz').expect<{ database: string }>(200);
    assert.equal(ready.database, server.testDb.db.dialect);
  });

  it('publishes an OpenAPI 3.1 document that describes the routes and their schemas', async () => {
    const doc = await server.client().get('/api/openapi.json').expect<{
      openapi: string;
      paths: Record<string, Record<string, { requestBody?: unknown }>>;
    }>(200);
    assert.equal(doc.openapi, '3.1.0');
    assert.ok(doc.paths['/api/users']?.post?.requestBody, 'POST /api/users documents its body');
    assert.ok(doc.paths['/api/auth/login']);
    const page = await fetch(`${server.baseUrl}/api/docs`, { redirect: 'follow' });
    assert.equal(page.status, 200);
    assert.match(await page.text(), /swagger/i);
  });

  it('keeps serving after a request fails inside a handler', async () => {
    const crash = await server.client().get('/api/test-crash');
    assert.equal(crash.status, 500);
    assert.equal((crash.body as { code: string; detail: string }).code, 'internal');
    assert.doesNotMatch(crash.text, /boom/, 'internal error text is not leaked');
    await server.client().get('/healthz').expect(200);
  });
});

describe('HTTPS deployment', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ CIRTKIT_PUBLIC_URL: 'https://cirt.example.org' });
  });
  after(() => server.close());

  it('sends HSTS and marks the session cookie Secure', async () => {
    const answer = await server
      .client()
      .post('/api/auth/login', { email: server.admin.email, password: server.admin.password });
    assert.match(answer.headers.get('strict-transport-security')!, /max-age=31536000/);
    assert.match(answer.headers.getSetCookie().join(';'), /Secure/);
  });
});
