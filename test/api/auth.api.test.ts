import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { adminPassword, startTestServer, type TestServer } from '../support/server.js';

describe('authentication over HTTP', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({
      CIRTKIT_LOGIN_MAX_FAILURES: '3',
      CIRTKIT_LOGIN_RATE_PER_MINUTE: '1000',
    });
  });
  after(() => server.close());

  it('makes the first admin replace the one-time password before anything else', async () => {
    const client = server.client();
    const user = await client.login(server.admin.email, server.admin.password);
    assert.equal(user.mustChangePassword, true);
    const blocked = await client.get('/api/users').expect<{ code: string }>(403);
    assert.equal(blocked.code, 'password_change_required');
    // Identity and the password change itself stay reachable.
    await client.get('/api/me').expect(200);
    const weak = await client
      .post('/api/auth/password', { currentPassword: server.admin.password, newPassword: 'short' })
      .expect<{ code: string; errors: { field: string }[] }>(422);
    assert.equal(weak.code, 'weak_password');
    assert.equal(weak.errors[0]!.field, 'body.newPassword');
    const changed = await client
      .post('/api/auth/password', {
        currentPassword: server.admin.password,
        newPassword: adminPassword,
      })
      .expect<{ user: { mustChangePassword: boolean } }>(200);
    assert.equal(changed.user.mustChangePassword, false);
    server.admin.password = adminPassword;
    await client.get('/api/users').expect(200);
  });

  it('sets an HttpOnly SameSite=Strict session cookie and never returns the password', async () => {
    const client = server.client();
    const answer = await client.post('/api/auth/login', {
      email: server.admin.email,
      password: server.admin.password,
    });
    assert.equal(answer.status, 200);
    const cookie = answer.headers.getSetCookie().join('\n');
    assert.match(cookie, /cirtkit_session=/);
    assert.match(cookie, /HttpOnly/i);
    assert.match(cookie, /SameSite=Strict/i);
    assert.doesNotMatch(answer.text, /scrypt|password_hash|passwordHash/i);
    assert.equal(answer.text.includes(server.admin.password), false);
  });

  it('refuses a cookie-authenticated write without the CSRF token', async () => {
    const client = await server.adminClient();
    const token = client.csrfToken;
    client.csrfToken = undefined;
    const refused = await client
      .patch('/api/me', { displayName: 'X' })
      .expect<{ code: string }>(403);
    assert.equal(refused.code, 'csrf_failed');
    client.csrfToken = 'wrong';
    await client.patch('/api/me', { displayName: 'X' }).expect(403);
    client.csrfToken = token;
    const me = await client
      .patch('/api/me', { displayName: 'Chief' })
      .expect<{ displayName: string }>(200);
    assert.equal(me.displayName, 'Chief');
  });

  it('answers wrong passwords and unknown users alike, then locks the account', async () => {
    const admin = await server.adminClient();
    const created = await admin
      .post('/api/users', { email: 'lock.me@example.org', displayName: 'Lock', role: 'analyst' })
      .expect<{ oneTimePassword: string }>(201);
    const client = server.client();
    const unknown = await client
      .post('/api/auth/login', { email: 'nobody@example.org', password: 'whatever-it-is' })
      .expect<{ code: string; detail: string }>(401);
    for (let i = 0; i < 2; i++) {
      const wrong = await client
        .post('/api/auth/login', { email: 'lock.me@example.org', password: 'not the password' })
        .expect<{ code: string; detail: string }>(401);
      assert.deepEqual([wrong.code, wrong.detail], [unknown.code, unknown.detail]);
    }
    await client
      .post('/api/auth/login', { email: 'lock.me@example.org', password: 'not the password' })
      .expect(401);
    // Third failure locked it: even the right password is refused now, with the wait.
    const locked = await client.post('/api/auth/login', {
      email: 'lock.me@example.org',
      password: created.oneTimePassword,
    });
    assert.equal(locked.status, 423);
    const body = locked.body as { code: string; retryAfterSeconds: number };
    assert.equal(body.code, 'account_locked');
    assert.ok(body.retryAfterSeconds > 800 && body.retryAfterSeconds <= 900);
    assert.equal(locked.headers.get('retry-after'), String(body.retryAfterSeconds));
  });

  it('ends the session on logout: the old cookie no longer works', async () => {
    const client = await server.adminClient();
    const cookie = client.cookie('cirtkit_session');
    await client.post('/api/auth/logout').expect(204);
    const replay = await fetch(`${server.baseUrl}/api/me`, {
      headers: { cookie: `cirtkit_session=${cookie}` },
    });
    assert.equal(replay.status, 401);
  });

  it('ends the other sessions of a user who changes their password', async () => {
    const admin = await server.adminClient();
    const { oneTimePassword } = await admin
      .post('/api/users', { email: 'two.devices@example.org', displayName: 'Two', role: 'viewer' })
      .expect<{ oneTimePassword: string }>(201);
    const laptop = server.client();
    await laptop.login('two.devices@example.org', oneTimePassword);
    const phone = server.client();
    await phone.login('two.devices@example.org', oneTimePassword);
    await laptop
      .post('/api/auth/password', {
        currentPassword: oneTimePassword,
        newPassword: 'a brand new passphrase',
      })
      .expect(200);
    await laptop.get('/api/me').expect(200);
    await phone.get('/api/me').expect(401);
  });
});

describe('login rate limiting', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ CIRTKIT_LOGIN_RATE_PER_MINUTE: '5' });
  });
  after(() => server.close());

  it('answers 429 problem+json after too many login attempts from one address', async () => {
    const client = server.client();
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      statuses.push(
        (
          await client.post('/api/auth/login', {
            email: 'x@example.org',
            password: 'guess number ' + i,
          })
        ).status,
      );
    }
    assert.deepEqual(statuses.slice(0, 5), [401, 401, 401, 401, 401]);
    const limited = await client.post('/api/auth/login', {
      email: 'x@example.org',
      password: 'again and again',
    });
    assert.equal(limited.status, 429);
    assert.equal((limited.body as { code: string }).code, 'rate_limited');
    assert.match(limited.headers.get('content-type') ?? '', /application\/problem\+json/);
  });
});
