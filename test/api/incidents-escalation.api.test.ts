import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { BcmPlan } from '../../src/modules/toolkit/bcm.js';
import { validPlan } from '../support/bcm-plan.js';
import type { HttpClient } from '../support/http.js';
import { startTestServer, type TestServer } from '../support/server.js';

interface View {
  id: string;
  reference: string;
  revision: number;
}
interface NamedEscalation {
  kind: 'owner' | 'notify' | 'checklist';
  levelId: string;
  levelName: string;
  audience: string | null;
  audienceName: string | null;
  stepId: string | null;
  stepTitle: string | null;
  contactIds: string[];
  contactNames: string[];
  operatorIds: string[];
  operatorNames: string[];
}
interface EscalationEvent {
  kind: string;
  body: {
    direction: string;
    from: string | null;
    to: string;
    fromName: string | null;
    toName: string;
    planRevision: number;
    escalations: NamedEscalation[];
    note: { kind: string; ownerId: string | null; ownerName: string | null } | null;
  };
}

describe('incident escalation events carry the names of the BCM plan', () => {
  let server: TestServer;
  let admin: HttpClient;
  let analyst: HttpClient;
  let projectId: string;
  let plan: BcmPlan;
  const escalations = async (id: string) =>
    (
      await admin
        .get(`/api/incidents/${id}/timeline?kind=escalation`)
        .expect<{ events: EscalationEvent[] }>(200)
    ).events;

  before(async () => {
    server = await startTestServer();
    admin = await server.adminClient();
    analyst = (await server.userClient('esca@cirt.example', 'analyst')).client;
    const project = await admin
      .post('/api/toolkit/projects', {
        name: 'Kenya national CIRT',
        kind: 'national',
        iso3: 'KEN',
      })
      .expect<{ id: string }>(201);
    projectId = project.id;
    plan = validPlan();
    plan.levels.find((l) => l.id === 'severe')!.name = 'Severe: national impact';
    plan.audiences.find((a) => a.id === 'press')!.name = 'Press and public';
    plan.checklist[0]!.action = 'Convene the crisis cell in room 4';
    await admin
      .request('PUT', `/api/toolkit/projects/${projectId}/bcm`, { revision: 0, plan })
      .expect(200);
    const settings = await admin
      .get('/api/incidents/settings')
      .expect<{ revision: number; sla: unknown; queues: unknown }>(200);
    await admin
      .put('/api/incidents/settings', {
        revision: settings.revision,
        toolkitProjectId: projectId,
        sla: settings.sla,
        queues: settings.queues,
      })
      .expect(200);
  });
  after(() => server.close());

  it('records one event per severity change with level, audience, contact and step names next to the ids', async () => {
    const incident = await analyst
      .post('/api/incidents', {
        title: 'Grid SCADA intrusion',
        severity: 'medium',
        sector: 'energy',
      })
      .expect<View>(201);
    assert.equal((await escalations(incident.id)).length, 1, 'a first severity escalates');

    await analyst
      .patch(`/api/incidents/${incident.id}`, { revision: incident.revision, severity: 'severe' })
      .expect(200);
    const events = await escalations(incident.id);
    assert.equal(events.length, 2, 'one more escalation event for the raise');
    const raised = events[1]!.body;
    assert.equal(raised.direction, 'raised');
    assert.deepEqual([raised.from, raised.to], ['medium', 'severe']);
    assert.equal(raised.toName, 'Severe: national impact');
    assert.equal(raised.fromName, plan.levels.find((l) => l.id === 'medium')!.name);
    assert.equal(raised.planRevision, 1);

    const owner = raised.escalations.find((e) => e.kind === 'owner');
    assert.ok(owner, 'the owner of Severe takes the incident');
    assert.deepEqual(owner.contactIds, ['lead']);
    assert.deepEqual(owner.contactNames, ['Amina Diallo']);
    assert.equal(owner.levelName, 'Severe: national impact');

    const press = raised.escalations.find((e) => e.audience === 'press');
    assert.ok(press, 'the press is told at Severe');
    assert.equal(press.audienceName, 'Press and public');
    assert.deepEqual(press.contactNames, ['Press officer']);

    const step = raised.escalations.find((e) => e.stepId === plan.checklist[0]!.id);
    assert.ok(step, 'Severe activates the crisis checklist');
    assert.equal(step.stepTitle, 'Convene the crisis cell in room 4');
    assert.equal(step.contactNames.length, step.contactIds.length);

    for (const e of raised.escalations)
      assert.equal(e.contactNames.length, e.contactIds.length, `names for every id (${e.kind})`);
  });

  it('keeps the names of the plan at the time of the escalation after the plan is renamed', async () => {
    const incident = await analyst
      .post('/api/incidents', {
        title: 'Ransomware at a bank',
        severity: 'high',
        sector: 'banking',
      })
      .expect<View>(201);
    const renamed = structuredClone(plan);
    renamed.contacts.find((c) => c.id === 'lead')!.name = 'Amina Diallo-Sow';
    renamed.levels.find((l) => l.id === 'high')!.name = 'High (renamed)';
    await admin
      .request('PUT', `/api/toolkit/projects/${projectId}/bcm`, { revision: 1, plan: renamed })
      .expect(200);

    const [opened] = await escalations(incident.id);
    assert.equal(opened?.body.toName, plan.levels.find((l) => l.id === 'high')!.name);
    assert.ok(
      opened?.body.escalations.some((e) => e.contactNames.includes('Amina Diallo')),
      'the lead as named then',
    );

    const lowered = await analyst
      .patch(`/api/incidents/${incident.id}`, { revision: incident.revision, severity: 'low' })
      .expect<View>(200);
    assert.ok(lowered.revision > incident.revision);
    const events = await escalations(incident.id);
    const down = events[1]!.body;
    assert.equal(down.direction, 'lowered');
    assert.equal(down.fromName, 'High (renamed)', 'a new event reads the plan saved since');
    assert.deepEqual(down.escalations, []);
    assert.equal(down.note?.kind, 'de-escalation');
    assert.equal(down.note?.ownerId, 'duty');
    assert.equal(down.note?.ownerName, 'Duty manager');
  });
});
