import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { startTestServer, type TestServer } from '../support/server.js';
import type { HttpClient } from '../support/http.js';

interface Entry {
  seq: number;
  action: string;
  actorLabel: string;
  entityType: string;
  entityId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  ip: string | null;
  requestId: string | null;
}

describe('audit log over HTTP', () => {
  let server: TestServer;
  let admin: HttpClient;
  before(async () => {
    server = await startTestServer();
    admin = await server.adminClient();
  });
  after(() => server.close());

  it('records who changed what, with before and after, for each write', async () => {
    const { user } = await admin
      .post('/api/users', { email: 'dana@example.org', displayName: 'Dana', role: 'viewer' })
      .expect<{ user: { id: string } }>(201);
    await admin.patch(`/api/users/${user.id}`, { role: 'analyst' }).expect(200);
    const log = await admin.get(`/api/audit?entityId=${user.id}`).expect<{ items: Entry[] }>(200);
    assert.deepEqual(
      log.items.map((e) => e.action),
      ['user.update', 'user.create'],
    );
    const update = log.items[0]!;
    assert.equal(update.before!.role, 'viewer');
    assert.equal(update.after!.role, 'analyst');
    assert.equal(update.actorLabel, server.admin.email);
    assert.equal(update.ip, '127.0.0.1');
    assert.ok(update.requestId);
    // No secret is ever recorded.
    assert.doesNotMatch(JSON.stringify(log), /password_hash|scrypt\$/);
  });

  it('records logins, failed logins and password changes', async () => {
    await server
      .client()
      .post('/api/auth/login', { email: server.admin.email, password: 'wrong password!' })
      .expect(401);
    const actions = (
      await admin.get('/api/audit?limit=500').expect<{ items: Entry[] }>(200)
    ).items.map((e) => e.action);
    for (const action of [
      'auth.login',
      'auth.login_failed',
      'auth.password_change',
      'user.create',
    ]) {
      assert.ok(actions.includes(action), `${action} in ${actions.join(',')}`);
    }
  });

  it('filters by action, actor and date, and pages with a cursor', async () => {
    for (let i = 0; i < 5; i++)
      await admin
        .post('/api/users', { email: `page${i}@example.org`, displayName: `P${i}`, role: 'viewer' })
        .expect(201);
    const first = await admin
      .get('/api/audit?action=user.create&limit=3')
      .expect<{ items: Entry[]; nextBefore: number }>(200);
    assert.equal(first.items.length, 3);
    const second = await admin
      .get(`/api/audit?action=user.create&limit=3&before=${first.nextBefore}`)
      .expect<{ items: Entry[] }>(200);
    assert.ok(second.items.every((e) => e.seq < first.nextBefore && e.action === 'user.create'));
    const byActor = await admin
      .get('/api/audit?actor=ADMIN@cirtkit')
      .expect<{ items: Entry[] }>(200);
    assert.ok(
      byActor.items.length > 0 &&
        byActor.items.every((e) => e.actorLabel.includes('admin@cirtkit')),
    );
    const future = await admin.get('/api/audit?from=2999-01-01').expect<{ items: Entry[] }>(200);
    assert.equal(future.items.length, 0);
    const bad = await admin
      .get('/api/audit?from=yesterday')
      .expect<{ errors: { field: string }[] }>(422);
    assert.equal(bad.errors[0]!.field, 'querystring.from');
  });

  it('refuses UPDATE and DELETE on the audit table at the database level', async () => {
    const db = server.testDb.db.kysely;
    await assert.rejects(
      () => db.updateTable('audit_log').set({ actor_label: 'x' }).execute(),
      /append-only/,
    );
    await assert.rejects(() => db.deleteFrom('audit_log').execute(), /append-only/);
  });

  it('verifies the chain, and names the row an attacker edited behind the triggers', async () => {
    const ok = await admin.get('/api/audit/verify').expect<{ ok: boolean; checked: number }>(200);
    assert.equal(ok.ok, true);
    assert.ok(ok.checked > 5);
    const { db } = server.testDb;
    // Someone with the database owner's rights removes the guard and rewrites history.
    if (db.dialect === 'sqlite') {
      await sql`drop trigger audit_log_no_update`.execute(db.kysely);
    } else {
      await sql`alter table audit_log disable trigger audit_log_append_only`.execute(db.kysely);
    }
    await db.kysely
      .updateTable('audit_log')
      .set({ actor_label: 'innocent@example.org' })
      .where('seq', '=', 3)
      .execute();
    const broken = await admin
      .get('/api/audit/verify')
      .expect<{ ok: boolean; firstBadSeq: number; problem: string }>(200);
    assert.equal(broken.ok, false);
    assert.equal(broken.firstBadSeq, 3);
    assert.match(broken.problem, /row 3 was edited/);
  });

  it('is readable by admins only', async () => {
    const { client: lead } = await server.userClient('lead@example.org', 'lead');
    await lead.get('/api/audit').expect(403);
    await lead.get('/api/audit/verify').expect(403);
  });
});
