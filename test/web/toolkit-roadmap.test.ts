import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  canDelete,
  changesOf,
  draftOf,
  isOverdue,
  localDay,
  matchesFilter,
  ownersOf,
  unassigned,
  withStatus,
  type TaskFilter,
} from '../../web/src/features/toolkit/roadmap/tasks.js';

const task = (
  over: Partial<Parameters<typeof draftOf>[0]> = {},
): Parameters<typeof draftOf>[0] => ({
  gapId: 'readiness.staffing-plan',
  gapClosed: false,
  phase: 'design',
  owner: null,
  due: null,
  status: 'todo',
  progress: 0,
  ...over,
});
const any: TaskFilter = { status: '', phase: '', owner: '' };

describe('roadmap page: decisions without React', () => {
  it('filters by status (open = to do or in progress), phase and owner', () => {
    const doing = task({ status: 'doing', owner: 'Amina' });
    const done = task({ status: 'done', phase: 'establishment' });
    assert.ok(matchesFilter(doing, { ...any, status: 'open' }));
    assert.ok(!matchesFilter(done, { ...any, status: 'open' }));
    assert.ok(matchesFilter(done, { ...any, status: 'done', phase: 'establishment' }));
    assert.ok(!matchesFilter(done, { ...any, phase: 'design' }));
    assert.ok(matchesFilter(doing, { ...any, owner: 'Amina' }));
    assert.ok(!matchesFilter(doing, { ...any, owner: unassigned }));
    assert.ok(matchesFilter(done, { ...any, owner: unassigned }));
  });

  it('lists each owner once, sorted', () => {
    const tasks = [task({ owner: 'Peter' }), task({ owner: 'Amina' }), task({ owner: 'Peter' })];
    assert.deepEqual(ownersOf([...tasks, task()], 'en'), ['Amina', 'Peter']);
  });

  it('calls an open task overdue the day after its due date, never a done one', () => {
    assert.ok(!isOverdue(task({ due: '2026-03-31' }), '2026-03-31'));
    assert.ok(isOverdue(task({ due: '2026-03-31' }), '2026-04-01'));
    assert.ok(!isOverdue(task({ due: '2026-03-31', status: 'done' }), '2026-04-01'));
    assert.ok(!isOverdue(task(), '2026-04-01'));
    assert.equal(localDay(new Date(2026, 0, 5, 23, 30)), '2026-01-05');
  });

  it('deletes only tasks added by hand or whose gap has closed', () => {
    assert.ok(!canDelete(task()));
    assert.ok(canDelete(task({ gapClosed: true })));
    assert.ok(canDelete(task({ gapId: null })));
  });

  it('sends only what the inline editor changed, empty text as null', () => {
    const t = task({ owner: 'Amina', due: '2026-03-31', status: 'doing', progress: 40 });
    const draft = draftOf(t);
    assert.deepEqual(changesOf(t, draft), {});
    assert.deepEqual(changesOf(t, { ...draft, owner: '  ', due: '' }), { owner: null, due: null });
    assert.deepEqual(changesOf(t, withStatus(draft, 'done')), { status: 'done', progress: 100 });
    assert.deepEqual(changesOf(t, { ...draft, owner: ' Amina ' }), {});
  });
});
