import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { HttpClient } from '../support/http.js';
import { startTestServer, type TestServer } from '../support/server.js';

interface Problem {
  code: string;
  detail: string;
  errors?: { field: string; message: string }[];
}
interface View {
  id: string;
  reference: string;
  status: string;
  rsitClass: string | null;
  rsitType: string | null;
  tlp: string;
  severity: string | null;
  revision: number;
  ackDueAt: string | null;
  acknowledgedAt: string | null;
  counts: { tasks: number; observables: number };
  nextStatuses: string[];
  access: { restricted: boolean; onList: boolean };
}

describe('incidents over HTTP: intake, triage, workflow', () => {
  let server: TestServer;
  let admin: HttpClient;

  before(async () => {
    server = await startTestServer();
    admin = await server.adminClient();
  });
  after(() => server.close());

  it('creates an incident with a reference, the playbook of its type and SLA deadlines', async () => {
    const created = await admin
      .post('/api/incidents', {
        title: 'Phishing site imitating the tax office',
        rsitType: 'phishing',
        severity: 'high',
        tlp: 'green',
      })
      .expect<View>(201);
    assert.match(created.reference, /^CIRT-\d{4}-000001$/);
    assert.equal(created.rsitClass, 'fraud', 'the class follows from the type');
    assert.equal(created.status, 'new');
    assert.equal(created.counts.tasks, 4, 'the phishing playbook has four tasks');
    assert.ok(created.ackDueAt, 'high severity has an acknowledgement deadline');
    assert.deepEqual(created.nextStatuses, ['triage', 'closed']);
    const again = await admin.get(`/api/incidents/${created.id}`).expect<View>(200);
    assert.equal(again.reference, created.reference);
  });

  it('refuses an unknown RSIT type, naming the field', async () => {
    const problem = await admin
      .post('/api/incidents', { title: 'x', rsitType: 'alien-invasion' })
      .expect<Problem>(422);
    assert.equal(problem.code, 'validation_failed');
    assert.deepEqual(
      problem.errors?.map((e) => e.field),
      ['rsitType'],
    );
  });

  it('refuses a type of another class and a severity off the ladder', async () => {
    const mismatch = await admin
      .post('/api/incidents', { title: 'x', rsitClass: 'availability', rsitType: 'phishing' })
      .expect<Problem>(422);
    assert.match(mismatch.errors![0]!.message, /belongs to fraud/);
    const severity = await admin
      .post('/api/incidents', { title: 'x', severity: 'apocalyptic' })
      .expect<Problem>(422);
    assert.equal(severity.errors![0]!.field, 'severity');
    assert.match(severity.errors![0]!.message, /baseline, low, medium, high, severe, emergency/);
  });

  it('triages with a revision and refuses a stale one', async () => {
    const incident = await admin
      .post('/api/incidents', { title: 'Scan from a university network' })
      .expect<View>(201);
    const triaged = await admin
      .patch(`/api/incidents/${incident.id}`, {
        revision: incident.revision,
        rsitType: 'scanner',
        severity: 'low',
      })
      .expect<View>(200);
    assert.equal(triaged.rsitClass, 'information-gathering');
    assert.equal(triaged.revision, incident.revision + 1);
    const stale = await admin
      .patch(`/api/incidents/${incident.id}`, { revision: incident.revision, severity: 'medium' })
      .expect<Problem>(409);
    assert.equal(stale.code, 'conflict');
  });

  it('enforces the workflow: an illegal move names status and the allowed next ones', async () => {
    const incident = await admin
      .post('/api/incidents', { title: 'DDoS on a ministry site' })
      .expect<View>(201);
    const illegal = await admin
      .post(`/api/incidents/${incident.id}/status`, {
        revision: incident.revision,
        status: 'resolved',
      })
      .expect<Problem>(422);
    assert.equal(illegal.errors![0]!.field, 'status');
    assert.match(illegal.errors![0]!.message, /allowed next: triage, closed/);
    const triage = await admin
      .post(`/api/incidents/${incident.id}/status`, {
        revision: incident.revision,
        status: 'triage',
      })
      .expect<View>(200);
    assert.ok(triage.acknowledgedAt, 'leaving new acknowledges the incident');
  });

  it('numbers incidents created at the same time without gaps or duplicates', async () => {
    const made = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        admin.post('/api/incidents', { title: `Parallel report ${i}` }).expect<View>(201),
      ),
    );
    const numbers = made.map((m) => Number(m.reference.slice(-6))).sort((a, b) => a - b);
    assert.equal(new Set(numbers).size, 12);
    assert.equal(numbers[11]! - numbers[0]!, 11);
  });

  it('answers an API token caller with source api, and refuses a viewer', async () => {
    const viewer = await server.userClient('viewer@cirt.example', 'viewer');
    await viewer.client.post('/api/incidents', { title: 'x' }).expect(403);
    const token = await admin
      .post('/api/tokens', { name: 'feed', role: 'analyst' })
      .expect<{ secret: string }>(201);
    const client = server.client();
    client.bearer = token.secret;
    const made = await client
      .post('/api/incidents', { title: 'From a script' })
      .expect<View & { source: string }>(201);
    assert.equal(made.source, 'api');
  });

  it('reopens a resolved incident only with a comment, and shows it in the timeline', async () => {
    let incident = await admin
      .post('/api/incidents', { title: 'Defaced municipal site' })
      .expect<View>(201);
    for (const status of ['triage', 'in-progress', 'resolved'])
      incident = await admin
        .post(`/api/incidents/${incident.id}/status`, { revision: incident.revision, status })
        .expect<View>(200);
    const bare = await admin
      .post(`/api/incidents/${incident.id}/status`, {
        revision: incident.revision,
        status: 'in-progress',
      })
      .expect<Problem>(422);
    assert.equal(bare.errors?.[0]?.field, 'comment');
    const reopened = await admin
      .post(`/api/incidents/${incident.id}/status`, {
        revision: incident.revision,
        status: 'in-progress',
        comment: 'defaced again',
      })
      .expect<View>(200);
    assert.equal(reopened.status, 'in-progress');
    const { events } = await admin
      .get(`/api/incidents/${incident.id}/timeline?kind=status`)
      .expect<{ events: { body: { to: string; reopen: boolean; comment: string } }[] }>(200);
    assert.deepEqual(events.at(-1)?.body, {
      from: 'resolved',
      to: 'in-progress',
      reopen: true,
      comment: 'defaced again',
    });
  });

  it('checks the settings field by field, and uses their queues', async () => {
    const settings = await admin.get('/api/incidents/settings').expect<{
      revision: number;
      sla: Record<string, { ackMinutes: number; resolveMinutes: number }>;
    }>(200);
    const bad = await admin
      .put('/api/incidents/settings', {
        revision: settings.revision,
        toolkitProjectId: null,
        sla: {
          ...settings.sla,
          apocalyptic: { ackMinutes: 1, resolveMinutes: 2 },
          high: { ackMinutes: 600, resolveMinutes: 60 },
        },
        queues: [
          { id: 'malware', name: 'Malware' },
          { id: 'malware', name: 'Again' },
        ],
      })
      .expect<Problem>(422);
    assert.deepEqual(bad.errors?.map((e) => e.field).sort(), [
      'queues.1.id',
      'sla.apocalyptic',
      'sla.high.ackMinutes',
    ]);
    await admin
      .put('/api/incidents/settings', {
        revision: settings.revision,
        toolkitProjectId: null,
        sla: settings.sla,
        queues: [{ id: 'malware', name: 'Malware' }],
      })
      .expect(200);
    const ref = await admin
      .get('/api/incidents/reference')
      .expect<{ queues: { id: string }[] }>(200);
    assert.deepEqual(
      ref.queues.map((q) => q.id),
      ['malware'],
    );
    const wrongQueue = await admin
      .post('/api/incidents', { title: 'x', queue: 'general' })
      .expect<Problem>(422);
    assert.deepEqual(wrongQueue.errors, [{ field: 'queue', message: 'must be one of malware' }]);
    const queued = await admin
      .post('/api/incidents', { title: 'Emotet wave', queue: 'malware' })
      .expect<View & { queue: string }>(201);
    assert.equal(queued.queue, 'malware');
  });
});
