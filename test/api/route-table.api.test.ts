import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { routeTable } from '../../src/server/route-table.js';
import { startTestServer, type TestServer } from '../support/server.js';

/**
 * Walks every route the server has. Routes not declared public must answer 401 to a caller
 * without credentials. Public routes must be on the reviewed list below, so a route made
 * public by mistake fails here until someone looks at it.
 */
const reviewedPublic = new Set([
  'GET /',
  'GET /healthz',
  'GET /readyz',
  'GET /api/openapi.json',
  'POST /api/auth/login',
  // The public report form: rate-limited per address, honeypot, size-limited attachments.
  'POST /api/public/reports',
]);

const sample = (url: string) =>
  url.replace(/:id/g, '00000000-0000-4000-8000-000000000000').replace(/\*/g, 'x');

describe('route table', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  it('answers 401 on every non-public route when called without credentials', async () => {
    const routes = routeTable(server.app).filter((r) => r.access !== 'public');
    assert.ok(routes.length >= 12, `expected the accounts routes, found ${routes.length}`);
    const open: string[] = [];
    for (const route of routes) {
      const body = ['POST', 'PUT', 'PATCH'].includes(route.method) ? '{}' : undefined;
      const answer = await fetch(`${server.baseUrl}${sample(route.url)}`, {
        method: route.method,
        headers: body ? { 'content-type': 'application/json' } : {},
        body,
      });
      if (answer.status !== 401) open.push(`${route.method} ${route.url} -> ${answer.status}`);
    }
    assert.deepEqual(open, []);
  });

  it('answers 401 to a forged session cookie and a malformed bearer token', async () => {
    const attempts: Record<string, string>[] = [
      { cookie: 'cirtkit_session=forged' },
      { authorization: 'Bearer ck_forged' },
      { authorization: 'Basic YTpi' },
    ];
    for (const headers of attempts) {
      const answer = await fetch(`${server.baseUrl}/api/users`, { headers });
      assert.equal(answer.status, 401, JSON.stringify(headers));
    }
  });

  it('has only reviewed public routes (besides the API reference pages)', () => {
    const publicRoutes = routeTable(server.app)
      .filter((r) => r.access === 'public' && !r.url.startsWith('/api/docs') && !r.webAsset)
      .map((r) => `${r.method} ${r.url}`);
    const unreviewed = publicRoutes.filter((r) => !reviewedPublic.has(r));
    assert.deepEqual(unreviewed, []);
  });

  it('makes public only real files of the built web UI, never an API path', () => {
    const assets = routeTable(server.app).filter((r) => r.webAsset);
    assert.ok(
      assets.every(
        (r) => r.method === 'GET' && !r.url.startsWith('/api') && /\.[a-z0-9]+$/i.test(r.url),
      ),
      JSON.stringify(assets.slice(0, 3)),
    );
  });
});
