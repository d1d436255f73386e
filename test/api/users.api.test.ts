import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestServer, type TestServer } from '../support/server.js';
import type { HttpClient } from '../support/http.js';

interface Problem {
  type: string;
  code: string;
  status: number;
  detail: string;
  errors?: { field: string; message: string }[];
}

describe('user administration over HTTP', () => {
  let server: TestServer;
  let admin: HttpClient;
  const userCount = async () =>
    (await admin.get('/api/users').expect<{ total: number }>(200)).total;

  before(async () => {
    server = await startTestServer();
    admin = await server.adminClient();
  });
  after(() => server.close());

  it('creates a user who can log in with the one-time password shown once', async () => {
    const created = await admin
      .post('/api/users', { email: 'Alice@Example.org', displayName: 'Alice', role: 'analyst' })
      .expect<{
        user: { id: string; email: string; mustChangePassword: boolean };
        oneTimePassword: string;
      }>(201);
    assert.equal(created.user.email, 'alice@example.org');
    assert.equal(created.user.mustChangePassword, true);
    const alice = server.client();
    const me = await alice.login('alice@example.org', created.oneTimePassword);
    assert.equal(me.role, 'analyst');
    // An analyst cannot manage users.
    await alice
      .post('/api/auth/password', {
        currentPassword: created.oneTimePassword,
        newPassword: 'a long secret of her own',
      })
      .expect(200);
    const denied = await alice.get('/api/users').expect<Problem>(403);
    assert.equal(denied.code, 'forbidden');
  });

  it('answers invalid bodies with 422 naming each field and writes nothing', async () => {
    const before = await userCount();
    const problem = await admin
      .post('/api/users', { email: 'not-an-email', displayName: '', role: 'superuser' })
      .expect<Problem>(422);
    assert.equal(problem.code, 'validation_failed');
    assert.equal(problem.type, 'urn:cirtkit:problem:validation_failed');
    const fields = problem.errors!.map((e) => e.field).sort();
    assert.deepEqual(fields, ['body.displayName', 'body.email', 'body.role']);
    const unknownField = await admin
      .post('/api/users', {
        email: 'b@example.org',
        displayName: 'B',
        role: 'viewer',
        isAdmin: true,
      })
      .expect<Problem>(422);
    assert.match(JSON.stringify(unknownField.errors), /isAdmin/);
    assert.equal(await userCount(), before);
  });

  it('refuses a second account with the same e-mail (409) whatever its case', async () => {
    await admin
      .post('/api/users', { email: 'dup@example.org', displayName: 'Dup', role: 'viewer' })
      .expect(201);
    const before = await userCount();
    const problem = await admin
      .post('/api/users', { email: 'DUP@example.org', displayName: 'Dup 2', role: 'viewer' })
      .expect<Problem>(409);
    assert.equal(problem.code, 'email_taken');
    assert.equal(await userCount(), before);
  });

  it('changes role and disables an account, which ends its sessions', async () => {
    const { user, oneTimePassword } = await admin
      .post('/api/users', { email: 'bob@example.org', displayName: 'Bob', role: 'viewer' })
      .expect<{ user: { id: string }; oneTimePassword: string }>(201);
    const bob = server.client();
    await bob.login('bob@example.org', oneTimePassword);
    const promoted = await admin
      .patch(`/api/users/${user.id}`, { role: 'lead', displayName: 'Robert' })
      .expect<{ role: string; displayName: string }>(200);
    assert.deepEqual([promoted.role, promoted.displayName], ['lead', 'Robert']);
    await admin.patch(`/api/users/${user.id}`, { disabled: true }).expect(200);
    await bob.get('/api/me').expect(401);
    const again = await server
      .client()
      .post('/api/auth/login', { email: 'bob@example.org', password: oneTimePassword })
      .expect<Problem>(403);
    assert.equal(again.code, 'account_disabled');
    const listed = await admin
      .get('/api/users?status=disabled')
      .expect<{ items: { email: string }[] }>(200);
    assert.deepEqual(
      listed.items.map((u) => u.email),
      ['bob@example.org'],
    );
  });

  it('resets a password: old password stops working, the new one must be changed', async () => {
    const { user, oneTimePassword } = await admin
      .post('/api/users', { email: 'carol@example.org', displayName: 'Carol', role: 'coordinator' })
      .expect<{ user: { id: string }; oneTimePassword: string }>(201);
    const reset = await admin
      .post(`/api/users/${user.id}/reset-password`)
      .expect<{ oneTimePassword: string; user: { mustChangePassword: boolean } }>(200);
    assert.notEqual(reset.oneTimePassword, oneTimePassword);
    await server
      .client()
      .post('/api/auth/login', { email: 'carol@example.org', password: oneTimePassword })
      .expect(401);
    const me = await server.client().login('carol@example.org', reset.oneTimePassword);
    assert.equal(me.mustChangePassword, true);
  });

  it('never leaves the installation without an active administrator', async () => {
    const me = await admin.get('/api/me').expect<{ id: string }>(200);
    const problem = await admin
      .patch(`/api/users/${me.id}`, { role: 'viewer' })
      .expect<Problem>(409);
    assert.equal(problem.code, 'last_admin');
    await admin.patch(`/api/users/${me.id}`, { disabled: true }).expect(409);
    assert.equal((await admin.get('/api/me').expect<{ role: string }>(200)).role, 'admin');
  });

  it('answers unknown ids with 404 and malformed ids with 422', async () => {
    const missing = await admin
      .get('/api/users/00000000-0000-4000-8000-000000000000')
      .expect<Problem>(404);
    assert.equal(missing.code, 'user_not_found');
    const malformed = await admin.get('/api/users/42').expect<Problem>(422);
    assert.equal(malformed.errors![0]!.field, 'params.id');
  });

  it('filters the list by text and role and pages it', async () => {
    const page = await admin
      .get('/api/users?q=example.org&limit=2&offset=0')
      .expect<{ items: unknown[]; total: number }>(200);
    assert.equal(page.items.length, 2);
    assert.ok(page.total >= 4);
    const leads = await admin
      .get('/api/users?role=lead')
      .expect<{ items: { role: string }[] }>(200);
    assert.ok(leads.items.every((u) => u.role === 'lead'));
    await admin.get('/api/users?limit=100000').expect(422);
    // LIKE wildcards in the search text are taken literally.
    const literal = await admin.get('/api/users?q=%25').expect<{ total: number }>(200);
    assert.equal(literal.total, 0);
  });
});
