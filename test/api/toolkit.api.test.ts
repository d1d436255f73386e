import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { HttpClient } from '../support/http.js';
import { startTestServer, type TestServer } from '../support/server.js';

interface Problem {
  code: string;
  detail: string;
  errors?: { field: string; message: string }[];
}
interface Project {
  id: string;
  name: string;
  phase: string;
  revision: number;
}
interface AssessmentAnswer {
  assessment: {
    id: string;
    revision: number;
    status: string;
    contentVersion: string;
    answers: Record<string, unknown>;
  };
  result: {
    readiness: { percent: number; areas: Array<{ levelId: string }>; gaps: Array<{ id: string }> };
    sim3: { tiers: { achieved: string | null; blockers: unknown[] } };
  };
}

const fixtureContent = new URL('../../fixtures/toolkit', import.meta.url).pathname;

describe('toolkit over HTTP', () => {
  let server: TestServer;
  let admin: HttpClient;
  let project: Project;

  before(async () => {
    server = await startTestServer({ CIRTKIT_TOOLKIT_CONTENT_DIR: fixtureContent });
    admin = await server.adminClient();
    project = await admin
      .post('/api/toolkit/projects', {
        name: 'Kenya national CIRT',
        kind: 'national',
        iso3: 'KEN',
        registryTeamId: 'ken-kecirt',
      })
      .expect<Project>(201);
  });
  after(() => server.close());

  const newAssessment = async (kind: 'readiness' | 'sim3', body: Record<string, unknown> = {}) =>
    admin
      .post(`/api/toolkit/projects/${project.id}/assessments`, { kind, ...body })
      .expect<{ id: string; revision: number; contentVersion: string }>(201);

  it('refuses a national project without a country, naming the field', async () => {
    const problem = await admin
      .post('/api/toolkit/projects', { name: 'X', kind: 'national' })
      .expect<Problem>(422);
    assert.deepEqual(problem.errors, [
      { field: 'body.iso3', message: 'a national CIRT project needs its country' },
    ]);
  });

  it('scores a readiness draft as it is saved and keeps answers across saves', async () => {
    const draft = await newAssessment('readiness');
    assert.equal(draft.contentVersion, '1.0');
    const first = await admin
      .patch(`/api/toolkit/assessments/${draft.id}`, {
        revision: draft.revision,
        answers: { 'mandate-law': { option: 'draft', evidence: 'Cabinet memo 2026' } },
      })
      .expect<AssessmentAnswer>(200);
    const second = await admin
      .patch(`/api/toolkit/assessments/${draft.id}`, {
        revision: first.assessment.revision,
        answers: { 'mandate-authority': { option: 'yes' } },
      })
      .expect<AssessmentAnswer>(200);
    assert.equal(second.result.readiness.percent, 50);
    assert.equal(second.result.readiness.areas[0]!.levelId, 'developing');
    assert.deepEqual(Object.keys(second.assessment.answers).sort(), [
      'mandate-authority',
      'mandate-law',
    ]);
    assert.deepEqual(
      second.result.readiness.gaps.map((g) => g.id),
      ['readiness.mandate-law', 'readiness.staffing-plan'],
    );
  });

  it('refuses answers to questions the version does not have, and saves nothing', async () => {
    const draft = await newAssessment('readiness');
    const problem = await admin
      .patch(`/api/toolkit/assessments/${draft.id}`, {
        revision: draft.revision,
        answers: { 'mandate-law': { option: 'yes' }, 'made-up': { option: 'yes' } },
      })
      .expect<Problem>(422);
    assert.deepEqual(problem.errors, [
      { field: 'answers.made-up', message: 'is not a question of mini-readiness version 1.0' },
    ]);
    const after = await admin
      .get(`/api/toolkit/assessments/${draft.id}`)
      .expect<AssessmentAnswer>(200);
    assert.deepEqual(after.assessment.answers, {});
  });

  it('refuses a SIM3 level outside the 0-4 scale', async () => {
    const draft = await newAssessment('sim3');
    const problem = await admin
      .patch(`/api/toolkit/assessments/${draft.id}`, {
        revision: draft.revision,
        answers: { 'O-1': { level: 5 } },
      })
      .expect<Problem>(422);
    assert.equal(problem.errors?.[0]?.field, 'answers.O-1.level');
    const stale = await admin
      .patch(`/api/toolkit/assessments/${draft.id}`, {
        revision: draft.revision + 7,
        answers: { 'O-1': { level: 2 } },
      })
      .expect<Problem>(409);
    assert.match(stale.detail, /revision 1, yours 8/);
  });

  it('evaluates tiers, finalises and records the maturity tier in the registry', async () => {
    const draft = await newAssessment('sim3', { title: 'Baseline 2026' });
    const saved = await admin
      .patch(`/api/toolkit/assessments/${draft.id}`, {
        revision: draft.revision,
        answers: {
          'O-1': { level: 2, evidence: 'Decree 12/2024' },
          'T-4': { level: 2 },
          'P-6': { level: 1 },
        },
      })
      .expect<AssessmentAnswer>(200);
    assert.equal(saved.result.sim3.tiers.achieved, 'basic');
    assert.deepEqual(saved.result.sim3.tiers.blockers, [
      { parameter: 'P-6', level: 1, required: 2 },
    ]);
    const final = await admin
      .post(`/api/toolkit/assessments/${draft.id}/finalise`, {
        revision: saved.assessment.revision,
      })
      .expect<{
        assessment: { status: string };
        registry: { recorded: boolean; what: string; detail: string };
      }>(200);
    assert.equal(final.assessment.status, 'final');
    assert.deepEqual(final.registry, { recorded: true, what: 'maturity', detail: 'basic' });
    const kenya = await admin.get('/api/registry/countries/KEN').expect<{
      teams: Array<{ id: string; events: Array<{ value: { kind: string; tier?: string } }> }>;
    }>(200);
    const team = kenya.teams.find((t) => t.id === 'ken-kecirt')!;
    assert.ok(team.events.some((e) => e.value.kind === 'maturity' && e.value.tier === 'basic'));
    await admin
      .patch(`/api/toolkit/assessments/${draft.id}`, { revision: 3, answers: {} })
      .expect(409);
  });

  it('compares two SIM3 assessments and carries answers into a re-assessment', async () => {
    const list = await admin
      .get(`/api/toolkit/projects/${project.id}/assessments?kind=sim3`)
      .expect<{ items: Array<{ id: string; status: string }> }>(200);
    const baseline = list.items.find((a) => a.status === 'final')!;
    const again = await newAssessment('sim3', { copyFrom: baseline.id });
    const view = await admin
      .get(`/api/toolkit/assessments/${again.id}`)
      .expect<AssessmentAnswer>(200);
    assert.deepEqual(view.assessment.answers['O-1'], { level: 2, evidence: 'Decree 12/2024' });
    await admin
      .patch(`/api/toolkit/assessments/${again.id}`, {
        revision: again.revision,
        answers: { 'P-6': { level: 3 }, 'O-1': { level: 3 } },
      })
      .expect(200);
    const diff = await admin
      .get(`/api/toolkit/projects/${project.id}/sim3/compare?a=${baseline.id}&b=${again.id}`)
      .expect<{
        improved: number;
        changes: Array<{ parameter: string; delta: number | null }>;
        b: { tier: string };
      }>(200);
    assert.equal(diff.improved, 2);
    assert.equal(diff.changes.find((c) => c.parameter === 'P-6')!.delta, 2);
    assert.equal(diff.b.tier, 'intermediate');
  });

  it('generates the roadmap from the gaps, keeps edits, and says which gap each task closes', async () => {
    await admin
      .put(`/api/toolkit/projects/${project.id}/services`, {
        revision: 0,
        selection: { 'ISIM-2': { horizon: 'now' } },
      })
      .expect(200);
    const generated = await admin
      .post(`/api/toolkit/projects/${project.id}/roadmap/generate`)
      .expect<{ added: number }>(200);
    assert.ok(generated.added >= 3);
    const roadmap = await admin.get(`/api/toolkit/projects/${project.id}/roadmap`).expect<{
      tasks: Array<{ id: string; gapId: string; revision: number; title: string }>;
      progress: { total: number };
    }>(200);
    const gapIds = roadmap.tasks.map((t) => t.gapId);
    assert.ok(gapIds.includes('readiness.staffing-plan'));
    assert.ok(gapIds.includes('service.ISIM-2'));
    const task = roadmap.tasks.find((t) => t.gapId === 'readiness.staffing-plan')!;
    await admin
      .patch(`/api/toolkit/projects/${project.id}/tasks/${task.id}`, {
        revision: task.revision,
        owner: 'Amina',
        due: '2027-03-31',
        status: 'doing',
        progress: 40,
      })
      .expect(200);
    // A change names only what changes: the owner and date set above stay.
    const changed = await admin
      .patch(`/api/toolkit/projects/${project.id}/tasks/${task.id}`, {
        revision: task.revision + 1,
        status: 'done',
      })
      .expect<{ owner: string; due: string; progress: number; detail: string }>(200);
    assert.equal(changed.owner, 'Amina');
    assert.equal(changed.due, '2027-03-31');
    assert.equal(changed.progress, 100);
    assert.notEqual(changed.detail, '');
    await admin
      .patch(`/api/toolkit/projects/${project.id}/tasks/${task.id}`, {
        revision: task.revision + 2,
        status: 'doing',
        progress: 40,
      })
      .expect(200);
    const again = await admin
      .post(`/api/toolkit/projects/${project.id}/roadmap/generate`)
      .expect<{ added: number }>(200);
    assert.equal(again.added, 0);
    const md = await admin.get(`/api/toolkit/projects/${project.id}/roadmap.md`);
    assert.equal(md.status, 200);
    assert.match(
      md.text,
      /\| Write a staffing plan \| Amina \| 2027-03-31 \| doing \| 40 % \| readiness\.staffing-plan \|/,
    );
    const dashboard = await admin.get(`/api/toolkit/projects/${project.id}/dashboard`).expect<{
      maturity: { tier: string };
      services: { now: number };
      roadmap: { next: unknown[] };
    }>(200);
    assert.equal(dashboard.services.now, 1);
    assert.ok(dashboard.roadmap.next.length > 0);
  });

  it('refuses services the catalogue does not have', async () => {
    const problem = await admin
      .put(`/api/toolkit/projects/${project.id}/services`, {
        revision: 1,
        selection: { 'XX-9': { horizon: 'now' } },
      })
      .expect<Problem>(422);
    assert.deepEqual(problem.errors, [
      { field: 'selection.XX-9', message: 'is not a service of first-csf 2.1' },
    ]);
  });

  it('keeps evidence files per item and serves them only as downloads', async () => {
    const draft = await newAssessment('readiness');
    const bytes = new TextEncoder().encode('<script>alert(1)</script>');
    const meta = await admin
      .post(
        `/api/toolkit/assessments/${draft.id}/attachments?item=mandate-law&name=decree.html&type=text/html`,
        bytes,
      )
      .expect<{ id: string; size: number; sha256: string }>(201);
    assert.equal(meta.size, bytes.length);
    const file = await admin.get(`/api/toolkit/assessments/${draft.id}/attachments/${meta.id}`);
    assert.equal(file.status, 200);
    assert.equal(file.headers.get('content-type'), 'application/octet-stream');
    assert.match(file.headers.get('content-disposition') ?? '', /^attachment/);
    assert.equal(file.text, '<script>alert(1)</script>');
    const wrong = await admin
      .post(
        `/api/toolkit/assessments/${draft.id}/attachments?item=not-a-question&name=x.txt`,
        bytes,
      )
      .expect<Problem>(422);
    assert.equal(wrong.errors?.[0]?.field, 'item');
  });

  it('exports an assessment as Markdown, HTML and JSON in the asked language', async () => {
    const list = await admin
      .get(`/api/toolkit/projects/${project.id}/assessments?kind=readiness`)
      .expect<{ items: Array<{ id: string }> }>(200);
    const id = list.items[0]!.id;
    const md = await admin.get(`/api/toolkit/assessments/${id}/export.md?lang=fr`);
    assert.match(md.text, /^# Évaluation de l'état de préparation du CIRT/);
    assert.match(md.text, /## Mandat/, 'content translated to French where a translation exists');
    const html = await admin.get(`/api/toolkit/assessments/${id}/export.html?lang=ar`);
    assert.match(html.text, /<html lang="ar" dir="rtl">/);
    const json = await admin
      .get(`/api/toolkit/assessments/${id}/export.json`)
      .expect<{ format: string; assessment: { id: string } }>(200);
    assert.equal(json.format, 'cirtkit-toolkit-assessment');
    assert.equal(json.assessment.id, id);
  });

  it('shows a project only to its members, and the same answer as a missing one otherwise', async () => {
    const { client: outsider } = await server.userClient('outsider@example.org', 'analyst');
    const hidden = await outsider.get(`/api/toolkit/projects/${project.id}`).expect<Problem>(404);
    const missing = await outsider.get('/api/toolkit/projects/no-such-id').expect<Problem>(404);
    assert.equal(hidden.code, missing.code);
    const mine = await outsider.get('/api/toolkit/projects').expect<{ items: unknown[] }>(200);
    assert.equal(mine.items.length, 0);
    const list = await admin
      .get(`/api/toolkit/projects/${project.id}/assessments`)
      .expect<{ items: Array<{ id: string }> }>(200);
    await outsider.get(`/api/toolkit/assessments/${list.items[0]!.id}`).expect(404);

    await admin
      .post(`/api/toolkit/projects/${project.id}/members`, {
        email: 'outsider@example.org',
        role: 'viewer',
      })
      .expect(201);
    const seen = await outsider
      .get(`/api/toolkit/projects/${project.id}`)
      .expect<{ access: { canEdit: boolean } }>(200);
    assert.equal(seen.access.canEdit, false);
    await outsider
      .post(`/api/toolkit/projects/${project.id}/assessments`, { kind: 'readiness' })
      .expect(403);
  });

  it('exports a whole project and imports it elsewhere as a new project, evidence included', async () => {
    const file = await admin.get(`/api/toolkit/projects/${project.id}/export.json`).expect<{
      format: string;
      assessments: Array<{ ref: string; kind: string }>;
      attachments: Array<{ contentBase64: string }>;
      tasks: Array<{ owner: string | null }>;
    }>(200);
    assert.equal(file.format, 'cirtkit-toolkit-project');
    assert.ok(file.attachments.length >= 1);
    const imported = await admin
      .post('/api/toolkit/projects/import', file)
      .expect<{ project: Project; assessments: number; tasks: number; attachments: number }>(201);
    assert.notEqual(imported.project.id, project.id);
    assert.equal(imported.assessments, file.assessments.length);
    const roadmap = await admin
      .get(`/api/toolkit/projects/${imported.project.id}/roadmap`)
      .expect<{ tasks: Array<{ owner: string | null; due: string | null }> }>(200);
    assert.ok(roadmap.tasks.some((t) => t.owner === 'Amina' && t.due === '2027-03-31'));
    const again = await admin
      .post(`/api/toolkit/projects/${imported.project.id}/roadmap/generate`)
      .expect<{ added: number }>(200);
    assert.equal(again.added, 0, 'the imported roadmap already covers every gap');
  });

  it('refuses a project file with an answer the questionnaire lacks, and imports nothing', async () => {
    const file = await admin
      .get(`/api/toolkit/projects/${project.id}/export.json`)
      .expect<{ assessments: Array<{ kind: string; answers: Record<string, unknown> }> }>(200);
    const before = await admin.get('/api/toolkit/projects').expect<{ items: unknown[] }>(200);
    file.assessments.find((a) => a.kind === 'readiness')!.answers['invented-question'] = {
      option: 'yes',
      evidence: '',
    };
    const problem = await admin.post('/api/toolkit/projects/import', file).expect<Problem>(422);
    assert.ok(
      problem.errors?.some(
        (e) =>
          /^assessments\.\d+\.answers\.invented-question$/.test(e.field) &&
          e.message === 'is not a question of mini-readiness version 1.0',
      ),
      JSON.stringify(problem.errors),
    );
    const after = await admin.get('/api/toolkit/projects').expect<{ items: unknown[] }>(200);
    assert.equal(after.items.length, before.items.length);
  });

  it('refuses a project file whose RFC 2350 profile carries something that is not a key', async () => {
    const file = await admin
      .get(`/api/toolkit/projects/${project.id}/export.json`)
      .expect<{ documents: { rfc2350: unknown } }>(200);
    const profile = await admin
      .get(`/api/toolkit/projects/${project.id}/rfc2350`)
      .expect<{ profile: { contact: { publicKey: string } } }>(200);
    profile.profile.contact.publicKey = 'just some text, no key';
    file.documents.rfc2350 = profile.profile;
    const problem = await admin.post('/api/toolkit/projects/import', file).expect<Problem>(422);
    assert.equal(problem.errors?.[0]?.field, 'documents.rfc2350.contact.publicKey');
  });

  it('links the project to another registry team and checks that the team is of its country', async () => {
    const current = await admin
      .get(`/api/toolkit/projects/${project.id}`)
      .expect<{ project: Project }>(200);
    const unlinked = await admin
      .patch(`/api/toolkit/projects/${project.id}`, {
        revision: current.project.revision,
        registryTeamId: null,
      })
      .expect<Project & { registryTeamId: string | null }>(200);
    assert.equal(unlinked.registryTeamId, null);
    const wrong = await admin
      .patch(`/api/toolkit/projects/${project.id}`, {
        revision: unlinked.revision,
        registryTeamId: 'no-such-team',
      })
      .expect<Problem>(422);
    assert.equal(wrong.errors?.[0]?.field, 'registryTeamId');
    const relinked = await admin
      .patch(`/api/toolkit/projects/${project.id}`, {
        revision: unlinked.revision,
        registryTeamId: 'ken-kecirt',
      })
      .expect<Project & { registryTeamId: string | null }>(200);
    assert.equal(relinked.registryTeamId, 'ken-kecirt');
    // The server still answers: the team check ran inside the update's own transaction.
    await admin.get('/api/me').expect(200);
  });

  it('writes every change to the audit log', async () => {
    const audit = await admin
      .get('/api/audit?limit=200')
      .expect<{ items: Array<{ action: string }> }>(200);
    const actions = new Set(audit.items.map((i) => i.action));
    for (const action of [
      'toolkit.project_create',
      'toolkit.assessment_update',
      'toolkit.assessment_finalise',
      'toolkit.services_update',
      'toolkit.roadmap_generate',
      'toolkit.task_update',
      'toolkit.attachment_add',
      'toolkit.member_add',
      'registry.fact_add',
    ])
      assert.ok(actions.has(action), action);
  });
});
