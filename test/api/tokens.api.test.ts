import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestServer, type TestServer } from '../support/server.js';
import type { HttpClient } from '../support/http.js';

interface Created {
  token: { id: string; role: string; prefix: string; userEmail: string };
  secret: string;
}

describe('API tokens over HTTP', () => {
  let server: TestServer;
  let admin: HttpClient;
  before(async () => {
    server = await startTestServer();
    admin = await server.adminClient();
  });
  after(() => server.close());

  const bearer = (secret: string) => {
    const client = server.client();
    client.bearer = secret;
    return client;
  };

  it('authenticates with a token shown once, stored only as a hash', async () => {
    const created = await admin
      .post('/api/tokens', { name: 'automation', role: 'admin' })
      .expect<Created>(201);
    assert.match(created.secret, /^ck_[A-Za-z0-9_-]{43}$/);
    assert.ok(created.secret.startsWith(created.token.prefix));
    const me = await bearer(created.secret).get('/api/me').expect<{ email: string }>(200);
    assert.equal(me.email, server.admin.email);
    // Token callers need no CSRF header: a browser cannot attach a bearer token by itself.
    await bearer(created.secret)
      .post('/api/users', { email: 'via.token@example.org', displayName: 'T', role: 'viewer' })
      .expect(201);
    const stored = await server.testDb.db.kysely
      .selectFrom('api_tokens')
      .selectAll()
      .where('id', '=', created.token.id)
      .executeTakeFirstOrThrow();
    assert.notEqual(stored.token_hash, created.secret);
    const listed = await admin.get('/api/tokens').expect<{ items: Record<string, unknown>[] }>(200);
    assert.equal(JSON.stringify(listed).includes(created.secret), false);
  });

  it('limits a token to its role: a viewer token of an admin cannot manage users', async () => {
    const created = await admin
      .post('/api/tokens', { name: 'read only', role: 'viewer' })
      .expect<Created>(201);
    const problem = await bearer(created.secret).get('/api/users').expect<{ code: string }>(403);
    assert.equal(problem.code, 'forbidden');
  });

  it('refuses a token role above what the owner may grant', async () => {
    const { client: ana } = await server.userClient('ana@example.org', 'analyst');
    const problem = await ana
      .post('/api/tokens', { name: 'escalate', role: 'admin' })
      .expect<{ code: string; errors: { field: string }[] }>(422);
    assert.equal(problem.errors[0]!.field, 'body.role');
    await ana.post('/api/tokens', { name: 'mine', role: 'analyst' }).expect(201);
    // Ana sees only her tokens and may not list everyone's.
    const own = await ana.get('/api/tokens').expect<{ items: { userEmail: string }[] }>(200);
    assert.deepEqual([...new Set(own.items.map((t) => t.userEmail))], ['ana@example.org']);
    await ana.get('/api/tokens?all=true').expect(403);
    const all = await admin
      .get('/api/tokens?all=true')
      .expect<{ items: { userEmail: string }[] }>(200);
    assert.ok(all.items.some((t) => t.userEmail === 'ana@example.org'));
  });

  it('stops working once revoked, and says so', async () => {
    const created = await admin
      .post('/api/tokens', { name: 'temporary', role: 'viewer' })
      .expect<Created>(201);
    await bearer(created.secret).get('/api/me').expect(200);
    await admin.delete(`/api/tokens/${created.token.id}`).expect(204);
    const problem = await bearer(created.secret)
      .get('/api/me')
      .expect<{ code: string; detail: string }>(401);
    assert.match(problem.detail, /revoked/);
  });

  it("hides other users' tokens from non-admins (404 on revoke)", async () => {
    const created = await admin
      .post('/api/tokens', { name: 'admin only', role: 'viewer' })
      .expect<Created>(201);
    const { client: vic } = await server.userClient('vic@example.org', 'viewer');
    await vic.delete(`/api/tokens/${created.token.id}`).expect(404);
    await bearer(created.secret).get('/api/me').expect(200);
  });

  it('stops a token whose owner is disabled', async () => {
    const { client: leaver, id } = await server.userClient('leaver@example.org', 'lead');
    const created = await leaver
      .post('/api/tokens', { name: 'script', role: 'lead' })
      .expect<Created>(201);
    await bearer(created.secret).get('/api/me').expect(200);
    await admin.patch(`/api/users/${id}`, { disabled: true }).expect(200);
    await bearer(created.secret).get('/api/me').expect(401);
  });
});
