import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { HttpClient } from '../support/http.js';
import { validPlan } from '../support/bcm-plan.js';
import { startTestServer, type TestServer } from '../support/server.js';

interface View {
  id: string;
  reference: string;
  status: string;
  tlp: string;
  severity: string | null;
  revision: number;
  mergedIntoId: string | null;
  counts: Record<string, number>;
}
interface Problem {
  code: string;
  detail: string;
  errors?: { field: string; message: string }[];
}
interface RsitClass {
  id: string;
  name: string;
  description: string;
  types: { id: string; name: string; description: string }[];
}
interface Event {
  kind: string;
  actor: string;
  body: Record<string, unknown>;
}

describe('incident handling over HTTP', () => {
  let server: TestServer;
  let admin: HttpClient;
  let analyst: HttpClient;
  let viewer: HttpClient;
  const create = (body: Record<string, unknown>) =>
    analyst.post('/api/incidents', body).expect<View>(201);
  const events = async (id: string, kind?: string) =>
    (
      await admin
        .get(`/api/incidents/${id}/timeline${kind ? `?kind=${kind}` : ''}`)
        .expect<{ events: Event[] }>(200)
    ).events;

  before(async () => {
    server = await startTestServer({ CIRTKIT_ATTACHMENT_MAX_BYTES: '2048' });
    admin = await server.adminClient();
    analyst = (await server.userClient('ana@cirt.example', 'analyst')).client;
    viewer = (await server.userClient('vic@cirt.example', 'viewer')).client;
  });
  after(() => server.close());

  it('names the colleagues who may be assigned or given access, and refuses a viewer as assignee', async () => {
    await server.userClient('cora@cirt.example', 'coordinator');
    const ref = await analyst.get('/api/incidents/reference').expect<{
      users: { email: string; canHandle: boolean }[];
    }>(200);
    const byEmail = new Map(ref.users.map((u) => [u.email, u.canHandle]));
    assert.equal(byEmail.get('ana@cirt.example'), true);
    assert.equal(byEmail.get('vic@cirt.example'), false, 'a viewer may read, not handle');
    assert.equal(byEmail.has('cora@cirt.example'), false, 'coordinators do not read incidents');
    const viewerId = (
      await admin.get('/api/users').expect<{ items: { id: string; email: string }[] }>(200)
    ).items.find((u) => u.email === 'vic@cirt.example')!.id;
    const problem = await analyst
      .post('/api/incidents', { title: 'Assigned to a viewer', assigneeId: viewerId })
      .expect<Problem>(422);
    assert.equal(problem.errors?.[0]?.field, 'assigneeId');
  });

  it('answers the reference data in the asked language', async () => {
    const ref = await analyst.get('/api/incidents/reference?lang=fr').expect<{
      rsit: { classes: RsitClass[] };
      severity: {
        origin: string;
        levels: { id: string; name: string; sla: { ackMinutes: number } | null }[];
      };
      statuses: { id: string; next: string[] }[];
      tlp: string[];
      queues: { id: string }[];
    }>(200);
    assert.equal(ref.rsit.classes.length, 11);
    assert.equal(
      ref.rsit.classes.find((c) => c.id === 'fraud')?.types.find((t) => t.id === 'phishing')?.name,
      'Hameçonnage',
    );
    assert.equal(
      ref.rsit.classes.find((c) => c.id === 'fraud')?.types.find((t) => t.id === 'phishing')
        ?.description,
      'Messages ou sites imitant un tiers de confiance pour voler des identifiants ou de l’argent.',
    );
    assert.equal(ref.severity.origin, 'default');
    assert.deepEqual(
      ref.severity.levels.map((l) => l.name),
      ['Base', 'Faible', 'Moyen', 'Élevé', 'Grave', 'Urgence'],
    );
    assert.equal(ref.severity.levels.find((l) => l.id === 'emergency')?.sla?.ackMinutes, 15);
    assert.deepEqual(ref.statuses.find((s) => s.id === 'resolved')?.next, [
      'closed',
      'in-progress',
    ]);
    assert.deepEqual(ref.tlp, ['clear', 'green', 'amber', 'amber+strict', 'red']);
  });

  it('describes RSIT in the language of a user who asks for none', async () => {
    const { client: french } = await server.userClient('fanny@cirt.example', 'analyst');
    await french.patch('/api/me', { locale: 'fr' }).expect(200);
    const fraudOf = async (path: string) =>
      (await french.get(path).expect<{ rsit: { classes: RsitClass[] } }>(200)).rsit.classes.find(
        (c) => c.id === 'fraud',
      )!;
    const fraud = await fraudOf('/api/incidents/reference');
    assert.equal(fraud.name, 'Fraude');
    assert.match(fraud.description, /^Tromperie à des fins lucratives : .*hameçonnage\.$/);
    assert.equal(
      fraud.types.find((t) => t.id === 'masquerade')?.description,
      'Quelqu’un se fait passer pour une autre personne ou organisation afin d’en tirer profit.',
    );
    const asked = await fraudOf('/api/incidents/reference?lang=en');
    assert.equal(
      asked.types.find((t) => t.id === 'phishing')?.description,
      'Messages or sites imitating a trusted party to steal credentials or money.',
    );
  });

  it('stores attachments with SHA-256 and a sniffed type, lets readers download, refuses oversize', async () => {
    const incident = await create({ title: 'Malware sample from a bank' });
    const text = 'Received: from mx.bank.example\r\nSubject: invoice\r\n\r\nopen the attachment';
    const bytes = new TextEncoder().encode(text);
    const added = await analyst
      .post(
        `/api/incidents/${incident.id}/attachments?name=${encodeURIComponent('../mail.eml')}&type=text/html`,
        bytes,
      )
      .expect<{ id: string; sha256: string; mediaType: string; filename: string; size: number }>(
        201,
      );
    assert.equal(added.sha256, createHash('sha256').update(bytes).digest('hex'));
    assert.equal(added.mediaType, 'message/rfc822');
    assert.equal(added.filename, 'mail.eml');
    const download = await viewer.get(`/api/incidents/${incident.id}/attachments/${added.id}`);
    assert.equal(download.status, 200);
    assert.equal(download.text, text);
    assert.match(
      download.headers.get('content-disposition') ?? '',
      /^attachment; filename="mail.eml"/,
    );
    assert.equal(download.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(download.headers.get('content-type'), 'message/rfc822');
    await viewer.post(`/api/incidents/${incident.id}/attachments?name=x.txt`, bytes).expect(403);
    const big = await analyst
      .post(`/api/incidents/${incident.id}/attachments?name=big.bin`, new Uint8Array(2049))
      .expect<Problem>(413);
    assert.equal(big.code, 'payload_too_large');
    assert.match(big.detail, /limit is 2048/);
    const huge = await analyst
      .post(`/api/incidents/${incident.id}/attachments?name=huge.bin`, new Uint8Array(100_000))
      .expect<Problem>(413);
    assert.equal(huge.code, 'payload_too_large');
    const list = await viewer
      .get(`/api/incidents/${incident.id}/attachments`)
      .expect<{ attachments: unknown[] }>(200);
    assert.equal(list.attachments.length, 1, 'nothing of the refused files was kept');
    assert.equal((await events(incident.id, 'attachment')).length, 1);
  });

  it('works through tasks: playbook first, then added, done, deleted; each in the timeline', async () => {
    const incident = await create({
      title: 'C2 server in a hosting company',
      rsitType: 'c2-server',
    });
    const { tasks } = await analyst
      .get(`/api/incidents/${incident.id}/tasks`)
      .expect<{ tasks: { id: string; templateKey: string | null; title: string }[] }>(200);
    assert.deepEqual(
      tasks.map((t) => t.templateKey),
      ['c2-confirm', 'c2-takedown', 'c2-victims'],
    );
    const extra = await analyst
      .post(`/api/incidents/${incident.id}/tasks`, { title: 'Ask the registrar' })
      .expect<{ id: string }>(201);
    const done = await analyst
      .patch(`/api/incidents/${incident.id}/tasks/${tasks[0]!.id}`, { status: 'done' })
      .expect<{ status: string; doneAt: string | null; title: string }>(200);
    assert.equal(done.status, 'done');
    assert.ok(done.doneAt);
    assert.equal(done.title, tasks[0]!.title, 'fields not named are kept');
    await analyst.delete(`/api/incidents/${incident.id}/tasks/${extra.id}`).expect(204);
    const bad = await analyst
      .patch(`/api/incidents/${incident.id}/tasks/${extra.id}`, { status: 'done' })
      .expect<Problem>(404);
    assert.match(bad.detail, /No task/);
    assert.deepEqual(
      (await events(incident.id, 'task')).map((e) => e.body['action']),
      ['playbook', 'created', 'updated', 'deleted'],
    );
  });

  it('suggests the owners of observables as affected constituents, confirmed by an analyst', async () => {
    const org = await admin
      .post('/api/constituents/orgs', { name: 'National Bank', sector: 'energy' })
      .expect<{ id: string }>(201);
    await admin
      .post(`/api/constituents/orgs/${org.id}/ownership`, {
        kind: 'ipv4',
        value: '198.51.100.0/24',
      })
      .expect(201);
    const incident = await create({
      title: 'Scanning from a bank',
      observables: [{ kind: 'ipv4', value: '198.51.100.23' }],
    });
    const { constituents } = await analyst
      .get(`/api/incidents/${incident.id}/constituents`)
      .expect<{
        constituents: {
          orgId: string;
          origin: string;
          matched: { rule: string; value: string }[];
        }[];
      }>(200);
    assert.deepEqual(
      constituents.map((c) => [c.orgId, c.origin, c.matched[0]?.rule, c.matched[0]?.value]),
      [[org.id, 'suggested', 'longest-prefix', '198.51.100.0/24']],
    );
    const confirmed = await analyst
      .post(`/api/incidents/${incident.id}/constituents/${org.id}`, { origin: 'confirmed' })
      .expect<{ constituents: { origin: string }[] }>(200);
    assert.equal(confirmed.constituents[0]!.origin, 'confirmed');
    const more = await analyst
      .post(`/api/incidents/${incident.id}/observables`, {
        observables: [
          { kind: 'domain', value: 'evil[.]example' },
          { kind: 'ipv4', value: '198.51.100.23' },
        ],
      })
      .expect<{ added: { value: string }[] }>(201);
    assert.deepEqual(
      more.added.map((o) => o.value),
      ['evil.example'],
      'a known observable is not added twice',
    );
    const wrong = await analyst
      .post(`/api/incidents/${incident.id}/observables`, {
        observables: [{ kind: 'sha256', value: 'abc' }],
      })
      .expect<Problem>(422);
    assert.equal(wrong.errors?.[0]?.field, 'observables.0.value');
  });

  it('escalates through the configured BCM plan and records it in the timeline', async () => {
    const none = await create({ title: 'No plan yet', severity: 'high' });
    assert.equal(
      (await events(none.id, 'escalation')).length,
      0,
      'no project configured: nothing recorded',
    );

    const project = await admin
      .post('/api/toolkit/projects', { name: 'National CIRT', kind: 'national', iso3: 'KEN' })
      .expect<{ id: string }>(201);
    await admin
      .request('PUT', `/api/toolkit/projects/${project.id}/bcm`, { revision: 0, plan: validPlan() })
      .expect(200);
    const settings = await admin
      .get('/api/incidents/settings')
      .expect<{ revision: number; sla: Record<string, unknown>; queues: unknown[] }>(200);
    const stale = await admin
      .put('/api/incidents/settings', {
        ...settings,
        revision: settings.revision + 5,
        toolkitProjectId: project.id,
        updatedAt: undefined,
        updatedBy: undefined,
      })
      .expect<Problem>(409);
    assert.equal(stale.code, 'conflict');
    const unknown = await admin
      .put('/api/incidents/settings', {
        revision: settings.revision,
        toolkitProjectId: 'nope',
        sla: settings.sla,
        queues: settings.queues,
      })
      .expect<Problem>(422);
    assert.equal(unknown.errors?.[0]?.field, 'toolkitProjectId');
    await analyst
      .put('/api/incidents/settings', {
        revision: settings.revision,
        toolkitProjectId: project.id,
        sla: settings.sla,
        queues: settings.queues,
      })
      .expect(403);
    await admin
      .put('/api/incidents/settings', {
        revision: settings.revision,
        toolkitProjectId: project.id,
        sla: settings.sla,
        queues: settings.queues,
      })
      .expect(200);

    const incident = await create({
      title: 'Grid operator under attack',
      severity: 'high',
      sector: 'energy',
    });
    const [opened] = await events(incident.id, 'escalation');
    assert.equal(opened?.body['direction'], 'opened');
    assert.equal(opened?.body['incidentId'], incident.reference);
    const first = opened?.body['escalations'] as { kind: string; contactIds: string[] }[];
    assert.ok(
      first.some((e) => e.kind === 'owner'),
      'the owner of High takes the incident',
    );
    const raised = await analyst
      .patch(`/api/incidents/${incident.id}`, { revision: incident.revision, severity: 'severe' })
      .expect<View>(200);
    const escalations = await events(incident.id, 'escalation');
    assert.equal(escalations.length, 2);
    assert.equal(escalations[1]!.body['direction'], 'raised');
    assert.deepEqual(
      [escalations[1]!.body['from'], escalations[1]!.body['to']],
      ['high', 'severe'],
    );
    await analyst
      .patch(`/api/incidents/${incident.id}`, { revision: raised.revision, severity: 'medium' })
      .expect(200);
    const lowered = (await events(incident.id, 'escalation'))[2]!;
    assert.equal(lowered.body['direction'], 'lowered');
    assert.deepEqual(lowered.body['escalations'], []);
  });

  it('links incidents and merges a duplicate: closed, referenced, observables carried over', async () => {
    const a = await create({
      title: 'Phishing wave',
      rsitType: 'phishing',
      observables: [{ kind: 'url', value: 'https://pay.example/login' }],
    });
    const b = await create({
      title: 'Phishing wave (second report)',
      tlp: 'amber+strict',
      observables: [{ kind: 'domain', value: 'pay2.example' }],
    });
    const linked = await analyst
      .post(`/api/incidents/${a.id}/links`, { to: b.reference, kind: 'related' })
      .expect<{ links: { id: string; other: { reference: string } }[] }>(201);
    assert.deepEqual(
      linked.links.map((l) => l.other.reference),
      [b.reference],
    );
    await analyst.post(`/api/incidents/${a.id}/links`, { to: b.id, kind: 'related' }).expect(409);
    await analyst.post(`/api/incidents/${a.id}/links`, { to: a.id }).expect(422);
    await analyst.post(`/api/incidents/${b.id}/merge`, { into: a.id }).expect(403);
    const leadUser = await server.userClient('lea@cirt.example', 'lead');
    const lead = leadUser.client;
    // The lead cannot see b (AMBER+STRICT, not listed): the merge is refused like a missing incident.
    await lead.post(`/api/incidents/${b.id}/merge`, { into: a.id }).expect(404);
    await analyst.post(`/api/incidents/${b.id}/access`, { userId: leadUser.id }).expect(200);
    const merged = await lead
      .post(`/api/incidents/${b.id}/merge`, { into: a.reference, comment: 'same campaign' })
      .expect<{ merged: View; into: View }>(200);
    assert.equal(merged.merged.status, 'closed');
    assert.equal(merged.merged.mergedIntoId, a.id);
    assert.equal(merged.into.tlp, 'amber+strict', 'the stricter TLP is kept');
    assert.equal(merged.into.counts['observables'], 2);
    const reopen = await analyst
      .post(`/api/incidents/${b.id}/status`, {
        revision: merged.merged.revision,
        status: 'in-progress',
        comment: 'no',
      })
      .expect<Problem>(422);
    assert.match(reopen.detail, /merged/);
    await analyst.get(`/api/incidents/${a.id}`).expect(200);
    const [event] = await (async () =>
      (
        await lead
          .get(`/api/incidents/${a.id}/timeline?kind=merge`)
          .expect<{ events: Event[] }>(200)
      ).events)();
    assert.equal((event!.body['other'] as { reference: string }).reference, b.reference);
  });

  it('lets an analyst take a free incident, and only a lead take it from them', async () => {
    const other = await server.userClient('bob@cirt.example', 'analyst');
    const lead = await server.userClient('lia@cirt.example', 'lead');
    const mine = await create({ title: 'Brute force on a VPN' });
    const me = (
      await admin
        .get('/api/users?limit=100')
        .expect<{ items: { id: string; email: string }[] }>(200)
    ).items.find((u) => u.email === 'ana@cirt.example')!.id;
    const taken = await analyst
      .patch(`/api/incidents/${mine.id}`, { revision: mine.revision, assigneeId: me })
      .expect<View>(200);
    const refused = await other.client
      .patch(`/api/incidents/${mine.id}`, { revision: taken.revision, assigneeId: other.id })
      .expect<Problem>(403);
    assert.match(refused.detail, /incidents.manage/);
    const moved = await lead.client
      .patch(`/api/incidents/${mine.id}`, { revision: taken.revision, assigneeId: other.id })
      .expect<View & { assigneeId: string }>(200);
    assert.equal(moved.assigneeId, other.id);
    const [assignment] = (await events(mine.id, 'assignment')).slice(-1);
    assert.deepEqual((assignment!.body['assigneeId'] as { to: string }).to, other.id);
    const viewerId = (
      await admin
        .get('/api/users?limit=100')
        .expect<{ items: { id: string; email: string }[] }>(200)
    ).items.find((u) => u.email === 'vic@cirt.example')!.id;
    const notHandler = await lead.client
      .patch(`/api/incidents/${mine.id}`, { revision: moved.revision, assigneeId: viewerId })
      .expect<Problem>(422);
    assert.equal(notHandler.errors?.[0]?.field, 'assigneeId');
  });

  it('audits every write', async () => {
    const { items } = await admin
      .get('/api/audit?entityType=incident&limit=500')
      .expect<{ items: { action: string }[] }>(200);
    const actions = new Set(items.map((i) => i.action));
    for (const action of [
      'incident.create',
      'incident.update',
      'incident.attachment_add',
      'incident.task_create',
      'incident.task_update',
      'incident.task_delete',
      'incident.observable_add',
      'incident.constituent_set',
      'incident.link_add',
      'incident.merge',
      'incident.access_grant',
    ])
      assert.ok(actions.has(action), action);
  });
});
