import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { sweepSlaBreaches } from '../../src/modules/incidents/index.js';
import { dueBreachesQuery } from '../../src/modules/incidents/sla-sweep.js';
import { ManualClock } from '../support/clock.js';
import type { HttpClient } from '../support/http.js';
import { startTestServer, type TestServer } from '../support/server.js';

interface View {
  id: string;
  reference: string;
  revision: number;
  ackDueAt: string | null;
  resolveDueAt: string | null;
}
interface SlaEvent {
  kind: string;
  at: string;
  actor: string;
  body: { clock: string; dueAt: string; severity: string | null; doneAt: string | null };
}

const minute = 60_000;
const hour = 60 * minute;

// Runs on PostgreSQL when DATABASE_URL is set (test/support/db.ts), else on SQLite.
describe('SLA breaches on the timeline', () => {
  let server: TestServer;
  let admin: HttpClient;
  const clock = new ManualClock('2026-03-02T08:00:00.000Z');
  const sweep = () => sweepSlaBreaches({ db: server.testDb.db, clock });
  const slaEvents = async (id: string) =>
    (await admin.get(`/api/incidents/${id}/timeline?kind=sla`).expect<{ events: SlaEvent[] }>(200))
      .events;
  // `high`: one hour to acknowledge, a day to resolve (the default SLA table).
  const report = (severity = 'high') =>
    admin.post('/api/incidents', { title: 'Defacement', severity }).expect<View>(201);
  const move = async (id: string, status: string, comment?: string) => {
    const { revision } = await admin.get(`/api/incidents/${id}`).expect<View>(200);
    await admin
      .post(`/api/incidents/${id}/status`, { revision, status, ...(comment ? { comment } : {}) })
      .expect(200);
  };

  before(async () => {
    server = await startTestServer({ CIRTKIT_SESSION_HOURS: '720' }, { clock });
    admin = await server.adminClient();
  });
  after(() => server.close());

  it('records each missed deadline once, by the system, with the deadline it missed', async () => {
    const incident = await report();
    clock.advance(30 * minute);
    assert.equal((await sweep()).recorded, 0, 'nothing is due yet');
    clock.advance(31 * minute);
    assert.equal((await sweep()).recorded, 1);
    assert.equal((await sweep()).recorded, 0, 'a second sweep records nothing');
    let events = await slaEvents(incident.id);
    assert.deepEqual(
      events.map((e) => [e.actor, e.at, e.body]),
      [
        [
          'system',
          clock.now().toISOString(),
          { clock: 'ack', dueAt: incident.ackDueAt, severity: 'high', doneAt: null },
        ],
      ],
    );
    await move(incident.id, 'triage');
    clock.advance(24 * hour);
    assert.equal((await sweep()).recorded, 1);
    events = await slaEvents(incident.id);
    assert.deepEqual(
      events.map((e) => [e.body.clock, e.body.dueAt]),
      [
        ['ack', incident.ackDueAt],
        ['resolve', incident.resolveDueAt],
      ],
    );
    assert.equal((await sweep()).recorded, 0);
    const audit = await server.testDb.db.kysely
      .selectFrom('audit_log')
      .select(['action', 'actor_label'])
      .where('entity_id', '=', incident.id)
      .where('action', '=', 'incident.sla_breach')
      .execute();
    assert.deepEqual(audit, [
      { action: 'incident.sla_breach', actor_label: 'system' },
      { action: 'incident.sla_breach', actor_label: 'system' },
    ]);
    await admin.get('/api/audit/verify').expect(200);
  });

  it('records nothing for deadlines met, and counts closing as resolving', async () => {
    const incident = await report();
    clock.advance(10 * minute);
    await move(incident.id, 'closed', 'Duplicate of an earlier report');
    clock.advance(48 * hour);
    await sweep();
    assert.deepEqual(await slaEvents(incident.id), []);
  });

  it('records a deadline met late before any sweep saw it, with when it was done', async () => {
    const incident = await report();
    clock.advance(2 * hour);
    await move(incident.id, 'triage');
    const acknowledgedAt = clock.now().toISOString();
    clock.advance(minute);
    await sweep();
    assert.deepEqual(
      (await slaEvents(incident.id)).map((e) => e.body),
      [{ clock: 'ack', dueAt: incident.ackDueAt, severity: 'high', doneAt: acknowledgedAt }],
    );
  });

  it('records the new deadline again when a severity change restarted the clock', async () => {
    const incident = await report();
    clock.advance(2 * hour);
    await sweep();
    const { revision } = await admin.get(`/api/incidents/${incident.id}`).expect<View>(200);
    const changed = await admin
      .patch(`/api/incidents/${incident.id}`, { revision, severity: 'medium' })
      .expect<View>(200);
    assert.ok(changed.ackDueAt! > incident.ackDueAt!);
    clock.advance(3 * hour);
    assert.equal((await sweep()).recorded, 0, 'the new four-hour deadline is not due yet');
    clock.advance(2 * hour);
    await sweep();
    assert.deepEqual(
      (await slaEvents(incident.id)).map((e) => [e.body.clock, e.body.dueAt, e.body.severity]),
      [
        ['ack', incident.ackDueAt, 'high'],
        ['ack', changed.ackDueAt, 'medium'],
      ],
    );
  });

  it('records a breach once when sweeps run at the same time, in batches', async () => {
    const incidents = await Promise.all([1, 2, 3, 4, 5].map(() => report('emergency')));
    clock.advance(20 * minute);
    const db = server.testDb.db;
    const reports = await Promise.all([
      sweepSlaBreaches({ db, clock }, { batch: 2 }),
      sweepSlaBreaches({ db, clock }, { batch: 2 }),
      sweepSlaBreaches({ db, clock }, { batch: 3 }),
    ]);
    assert.equal(
      reports.reduce((n, r) => n + r.recorded, 0),
      5,
    );
    for (const incident of incidents)
      assert.deepEqual(
        (await slaEvents(incident.id)).map((e) => e.body.clock),
        ['ack'],
      );
  });

  it('reads the due, un-noted rows through the partial indexes', async () => {
    const db = server.testDb.db;
    for (const [which, index] of [
      ['ack', 'incidents_ack_breach_idx'],
      ['resolve', 'incidents_resolve_breach_idx'],
    ] as const) {
      const query = dueBreachesQuery(db.kysely, which, clock.now().toISOString(), 200).compile();
      const plan = await db.kysely.transaction().execute(async (trx) => {
        // The tables of a test are tiny: make a scan of the whole table look dear.
        if (db.dialect === 'postgres') await sql`set local enable_seqscan = off`.execute(trx);
        const explain = db.dialect === 'postgres' ? 'explain ' : 'explain query plan ';
        const rows = await trx.executeQuery({
          ...query,
          sql: explain + query.sql,
        });
        return JSON.stringify(rows.rows);
      });
      assert.ok(plan.includes(index), `${which}: ${plan}`);
    }
  });
});

describe('SLA sweep in the server', () => {
  it('runs at start and every CIRTKIT_SLA_SWEEP_SECONDS, and stops with the server', async () => {
    const clock = new ManualClock('2026-03-02T08:00:00.000Z');
    const server = await startTestServer(
      { CIRTKIT_SLA_SWEEP_SECONDS: '1', CIRTKIT_SESSION_HOURS: '720' },
      { clock },
    );
    try {
      const admin = await server.adminClient();
      const incident = await admin
        .post('/api/incidents', { title: 'Scan', severity: 'emergency' })
        .expect<View>(201);
      clock.advance(16 * minute);
      let kinds: string[] = [];
      for (let i = 0; i < 60 && kinds.length === 0; i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        kinds = (
          await admin
            .get(`/api/incidents/${incident.id}/timeline?kind=sla`)
            .expect<{ events: SlaEvent[] }>(200)
        ).events.map((e) => e.body.clock);
      }
      assert.deepEqual(kinds, ['ack']);
    } finally {
      await server.close();
    }
  });
});
