import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { Gap } from './gaps.js';
import { nextTasks, planRoadmap, roadmapProgress, type Task } from './roadmap.js';
import { analyseServices } from './services.js';
import { loadToolkitContent } from './content.js';

const gap = (id: string, phase: Gap['phase'] = 'design'): Gap => ({
  id,
  source: 'readiness',
  ref: id,
  area: 'mandate',
  title: `Close ${id}`,
  detail: '',
  phase,
  priority: 1,
  current: null,
  target: 'yes',
});

let seq = 0;
const task = (over: Partial<Task>): Task => ({
  id: `t${++seq}`,
  projectId: 'p',
  gapId: null,
  source: 'manual',
  title: 'x',
  detail: '',
  phase: 'design',
  owner: null,
  due: null,
  status: 'todo',
  progress: 0,
  gapClosed: false,
  position: seq,
  revision: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...over,
});

describe('roadmap generation', () => {
  it('adds one task per new gap, saying which gap it closes', () => {
    const plan = planRoadmap([gap('readiness.a'), gap('sim3.O-1', 'establishment')], []);
    assert.deepEqual(
      plan.add.map((a) => [a.gapId, a.title, a.phase, a.position]),
      [
        ['readiness.a', 'Close readiness.a', 'design', 1],
        ['sim3.O-1', 'Close sim3.O-1', 'establishment', 2],
      ],
    );
  });

  it('keeps existing tasks, marks those whose gap closed and reopens those found again', () => {
    const kept = task({ gapId: 'readiness.a', owner: 'Amina', status: 'doing' });
    const gone = task({ gapId: 'readiness.b' });
    const back = task({ gapId: 'readiness.c', gapClosed: true });
    const plan = planRoadmap(
      [gap('readiness.a'), gap('readiness.c'), gap('readiness.d')],
      [kept, gone, back],
    );
    assert.deepEqual(
      plan.add.map((a) => a.gapId),
      ['readiness.d'],
    );
    assert.deepEqual(plan.closed, [gone.id]);
    assert.deepEqual(plan.reopened, [back.id]);
  });

  it('is idempotent: applying a plan and planning again adds nothing', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.stringMatching(/^[a-z]{1,6}$/), { maxLength: 30 }), (ids) => {
        const gaps = ids.map((id) => gap(`readiness.${id}`));
        const first = planRoadmap(gaps, []);
        const tasks = first.add.map((a) => task({ gapId: a.gapId, position: a.position }));
        const again = planRoadmap(gaps, tasks);
        assert.equal(first.add.length, ids.length);
        assert.deepEqual(again, { add: [], closed: [], reopened: [] });
      }),
    );
  });

  it('counts progress with done as 100 and leaves dropped tasks out', () => {
    const progress = roadmapProgress([
      task({ status: 'done', progress: 10 }),
      task({ status: 'doing', progress: 50 }),
      task({ status: 'dropped', progress: 0 }),
      task({ status: 'todo', phase: 'enhancement' }),
    ]);
    assert.equal(progress.total, 3);
    assert.equal(progress.done, 1);
    assert.equal(progress.percent, 50);
    assert.deepEqual(
      progress.byPhase.find((p) => p.phase === 'design'),
      {
        phase: 'design',
        total: 2,
        done: 1,
        percent: 75,
      },
    );
  });

  it('puts the earliest phase and the nearest due date first among next tasks', () => {
    const late = task({ phase: 'enhancement', due: '2026-02-01' });
    const soon = task({ phase: 'design', due: '2026-03-01' });
    const sooner = task({ phase: 'design', due: '2026-02-15' });
    const done = task({ phase: 'assessment', status: 'done' });
    assert.deepEqual(
      nextTasks([late, soon, sooner, done]).map((t) => t.id),
      [sooner.id, soon.id, late.id],
    );
  });
});

describe('services analysis', () => {
  const catalogue = loadToolkitContent(
    new URL('../../../fixtures/toolkit', import.meta.url).pathname,
  ).services[0]!;

  it("checks each chosen service's SIM3 needs against the assessment and makes gaps for now/next", () => {
    const { services, gaps } = analyseServices(
      catalogue,
      { 'ISIM-2': { horizon: 'now', note: '' }, 'KT-1': { horizon: 'later', note: '' } },
      { 'T-4': { level: 3, evidence: '' }, 'P-6': { level: 1, evidence: '' } },
    );
    assert.deepEqual(
      services.map((s) => [s.serviceId, s.ready, s.checks.map((c) => c.met)]),
      [
        ['ISIM-2', false, [true, false]],
        ['KT-1', false, [false]],
      ],
    );
    // KT-1 is for later: no gap yet.
    assert.deepEqual(
      gaps.map((g) => g.id),
      ['service.ISIM-2', 'service.ISIM-2.P-6'],
    );
  });
});
