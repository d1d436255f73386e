import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { BcmIssue, BcmPlan } from '../../src/modules/toolkit/bcm.js';
import { onIncidentSeverityChange } from '../../src/modules/toolkit/bcm.service.js';
import { validPlan } from '../support/bcm-plan.js';
import type { HttpClient } from '../support/http.js';
import { startTestServer, type TestServer } from '../support/server.js';

interface PlanAnswer {
  plan: BcmPlan;
  saved: boolean;
  revision: number;
  updatedBy: string | null;
  issues: BcmIssue[];
  canEdit: boolean;
}
interface Problem {
  code: string;
  detail: string;
  errors?: { field: string; message: string }[];
}

describe('toolkit BCM plan over HTTP', () => {
  let server: TestServer;
  let admin: HttpClient;
  let projectId: string;
  const path = (rest = '') => `/api/toolkit/projects/${projectId}/bcm${rest}`;
  const put = (body: unknown) => admin.request('PUT', path(), body);

  before(async () => {
    server = await startTestServer();
    admin = await server.adminClient();
    const project = await admin
      .post('/api/toolkit/projects', { name: 'Kenya national CIRT', kind: 'national', iso3: 'KEN' })
      .expect<{ id: string }>(201);
    projectId = project.id;
  });
  after(() => server.close());

  it('answers the default NCISS ladder in the asked language until a plan is saved', async () => {
    const fr = await admin.get(path('?lang=fr')).expect<PlanAnswer>(200);
    assert.equal(fr.saved, false);
    assert.equal(fr.revision, 0);
    assert.deepEqual(
      fr.plan.levels.map((l) => [l.id, l.rank, l.name]),
      [
        ['baseline', 0, 'Base'],
        ['low', 1, 'Faible'],
        ['medium', 2, 'Moyen'],
        ['high', 3, 'Élevé'],
        ['severe', 4, 'Grave'],
        ['emergency', 5, 'Urgence'],
      ],
    );
    assert.ok(fr.issues.some((i) => i.field === 'matrix.baseline.owner'));
    assert.equal(fr.canEdit, true);
  });

  it('refuses a matrix with a level without owner, precisely, and saves nothing', async () => {
    const plan = validPlan();
    plan.matrix.high!.owner = null;
    const problem = await put({ revision: 0, plan }).expect<Problem>(422);
    assert.equal(problem.code, 'validation_failed');
    assert.deepEqual(problem.errors, [
      { field: 'body.plan.matrix.high.owner', message: 'level "High" has no owner' },
    ]);
    assert.match(problem.detail, /matrix\.high\.owner: level "High" has no owner/);
    const after = await admin.get(path()).expect<PlanAnswer>(200);
    assert.equal(after.saved, false);
    assert.equal(after.revision, 0);
  });

  it('checks a draft without saving it', async () => {
    const plan = validPlan();
    plan.operators[0]!.rtoHours = 48;
    const answer = await admin
      .post(path('/validate'), { plan })
      .expect<{ valid: boolean; issues: BcmIssue[] }>(200);
    assert.equal(answer.valid, false);
    assert.deepEqual(
      answer.issues.map((i) => [i.field, i.rule, i.params]),
      [
        [
          'operators.0.rtoHours',
          'rto_above_mtpd',
          { service: 'Electricity transmission', operator: 'National Grid Co.', rto: 48, mtpd: 12 },
        ],
      ],
    );
    const shape = await admin
      .post(path('/validate'), { plan: { ...plan, levels: [{ id: 'x' }] } })
      .expect<Problem>(422);
    assert.ok(shape.errors?.some((e) => e.field.startsWith('body.plan.levels')));
  });

  it('saves a valid plan with optimistic locking and an audit row', async () => {
    const saved = await put({ revision: 0, plan: validPlan() }).expect<PlanAnswer>(200);
    assert.equal(saved.revision, 1);
    assert.deepEqual(saved.issues, []);
    const stale = await put({ revision: 0, plan: validPlan() }).expect<Problem>(409);
    assert.equal(stale.code, 'conflict');
    const read = await admin.get(path()).expect<PlanAnswer>(200);
    assert.equal(read.saved, true);
    assert.equal(read.revision, 1);
    assert.deepEqual(read.plan, validPlan());
    const audit = await admin
      .get('/api/audit?action=toolkit.bcm_update')
      .expect<{ items: { action: string; entityId: string }[] }>(200);
    assert.ok(
      audit.items.some((a) => a.action === 'toolkit.bcm_update' && a.entityId === projectId),
    );
  });

  it('exports JSON that PUT takes back as it is', async () => {
    const answer = await admin.get(path('/export.json'));
    assert.equal(answer.status, 200);
    assert.match(
      answer.headers.get('content-disposition')!,
      /attachment; filename="cirtkit-bcm-.*-r1-en\.json"/,
    );
    const exported = answer.body as { format: string; revision: number; plan: BcmPlan };
    assert.equal(exported.format, 'cirtkit.bcm-plan');
    exported.plan.contacts[0]!.role = 'Head of KE-CIRT';
    const again = await put(exported).expect<PlanAnswer>(200);
    assert.equal(again.revision, 2);
    assert.equal(again.plan.contacts[0]!.role, 'Head of KE-CIRT');
  });

  it('exports Markdown and HTML in the asked language, escaping what people typed', async () => {
    const plan = (await admin.get(path()).expect<PlanAnswer>(200)).plan;
    plan.contacts[2]!.name = '<script>alert(1)</script> | *Press*';
    await put({ revision: 2, plan }).expect(200);
    const markdown = await admin.get(path('/export.md?lang=es'));
    assert.equal(markdown.status, 200);
    assert.match(markdown.headers.get('content-type')!, /text\/markdown/);
    assert.match(markdown.text, /^# Plan de continuidad de negocio y de gestión de crisis/);
    assert.match(markdown.text, /## 3\. Matriz de escalada/);
    assert.match(markdown.text, /\\<script\\>alert\(1\)\\<\/script\\> \\\| \\\*Press\\\*/);
    const html = await admin.get(path('/export.html?lang=ar'));
    assert.match(html.text, /<html lang="ar" dir="rtl">/);
    assert.ok(!html.text.includes('<script>'));
    assert.match(html.text, /&lt;script&gt;/);
    assert.match(html.text, /مصفوفة التصعيد/);
  });

  it(
    'exports a PDF printed by Chromium',
    { skip: existsSync('/usr/bin/chromium') ? false : 'no Chromium' },
    async () => {
      const response = await fetch(`${server.baseUrl}${path('/export.pdf')}`, {
        headers: { cookie: `cirtkit_session=${admin.cookie('cirtkit_session')!}` },
      });
      assert.equal(response.status, 200);
      const bytes = Buffer.from(await response.arrayBuffer());
      assert.equal(bytes.subarray(0, 5).toString(), '%PDF-');
      if (existsSync('/usr/bin/pdftotext')) {
        const text = execFileSync('pdftotext', ['-', '-'], { input: bytes }).toString();
        assert.match(text, /Escalation matrix/);
      }
    },
  );

  it('answers what the incidents module asks when a severity changes', async () => {
    const raised = await admin
      .post(path('/escalations'), {
        incidentId: 'INC-42',
        previous: 'medium',
        current: 'high',
        sectors: ['energy'],
        at: '2025-05-01T10:00:00Z',
      })
      .expect<{
        planRevision: number;
        direction: string;
        escalations: { kind: string; audience: string | null; dueAt: string }[];
      }>(200);
    assert.equal(raised.planRevision, 3);
    assert.equal(raised.direction, 'raised');
    assert.deepEqual(raised.escalations[0], {
      ...raised.escalations[0],
      kind: 'owner',
      dueAt: '2025-05-01T10:00:00.000Z',
    });
    assert.ok(raised.escalations.some((e) => e.audience === 'operator-bcm'));
    // The same through the module function, straight on the database.
    const direct = await onIncidentSeverityChange({ db: server.testDb.db }, projectId, {
      incidentId: 'INC-42',
      previous: 'medium',
      current: 'high',
      sectors: ['energy'],
      at: '2025-05-01T10:00:00Z',
    });
    assert.deepEqual(JSON.parse(JSON.stringify(direct)), raised);
    const lowered = await onIncidentSeverityChange({ db: server.testDb.db }, projectId, {
      incidentId: 'INC-42',
      previous: 'high',
      current: 'low',
      at: '2025-05-01T12:00:00Z',
    });
    assert.deepEqual(lowered.escalations, []);
    assert.equal(lowered.note?.kind, 'de-escalation');
    await admin
      .post(path('/escalations'), {
        incidentId: 'x',
        previous: null,
        current: 'critical',
        at: '2025-05-01T10:00:00Z',
      })
      .expect(422);
  });

  it('answers no-plan for a project without a saved plan', async () => {
    const other = await admin
      .post('/api/toolkit/projects', { name: 'Chad', kind: 'national', iso3: 'TCD' })
      .expect<{ id: string }>(201);
    const result = await onIncidentSeverityChange({ db: server.testDb.db }, other.id, {
      incidentId: 'INC-1',
      previous: null,
      current: 'high',
      at: '2025-05-01T10:00:00Z',
    });
    assert.equal(result.note?.kind, 'no-plan');
    assert.deepEqual(result.escalations, []);
    await assert.rejects(
      onIncidentSeverityChange({ db: server.testDb.db }, 'nope', {
        incidentId: 'x',
        previous: null,
        current: 'high',
        at: '2025-05-01T10:00:00Z',
      }),
      (e: { code: string }) => e.code === 'not_found',
    );
  });

  it('lets a viewer member read and export but not save; strangers see nothing', async () => {
    const viewer = await server.userClient('viewer@example.org', 'viewer');
    await admin
      .post(`/api/toolkit/projects/${projectId}/members`, {
        email: 'viewer@example.org',
        role: 'viewer',
      })
      .expect(201);
    const read = await viewer.client.get(path()).expect<PlanAnswer>(200);
    assert.equal(read.canEdit, false);
    await viewer.client.get(path('/export.md')).expect(200);
    const refused = await viewer.client
      .request('PUT', path(), { revision: read.revision, plan: read.plan })
      .expect<Problem>(403);
    assert.equal(refused.code, 'forbidden');
    const stranger = await server.userClient('analyst@example.org', 'analyst');
    await stranger.client.get(path()).expect(404);
    await stranger.client.get(path('/export.json')).expect(404);
  });
});
