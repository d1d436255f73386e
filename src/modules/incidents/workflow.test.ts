import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { AppError } from '../../kernel/index.js';
import { incidentStatuses, type IncidentStatus } from './incident.schema.js';
import { allowedNext, applyTransition, type StatusFields } from './workflow.js';

const fresh: StatusFields = {
  status: 'new',
  acknowledgedAt: null,
  resolvedAt: null,
  closedAt: null,
  mergedIntoId: null,
};
const at = (n: number) => new Date(Date.UTC(2026, 0, 1, 0, n)).toISOString();

function refusal(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  assert.fail('expected a refusal');
}

describe('incident workflow', () => {
  it('walks the happy path and stamps acknowledgement, resolution and closure', () => {
    let s = applyTransition(fresh, 'triage', '', at(1));
    assert.equal(s.acknowledgedAt, at(1));
    s = applyTransition(s, 'in-progress', '', at(2));
    s = applyTransition(s, 'waiting-external', '', at(3));
    s = applyTransition(s, 'in-progress', '', at(4));
    s = applyTransition(s, 'resolved', '', at(5));
    assert.equal(s.resolvedAt, at(5));
    s = applyTransition(s, 'closed', '', at(6));
    assert.equal(s.closedAt, at(6));
    assert.equal(s.acknowledgedAt, at(1), 'acknowledgement is kept');
  });

  it('refuses an illegal move, naming status and listing what is allowed', () => {
    const error = refusal(() => applyTransition(fresh, 'resolved', '', at(1)));
    assert.equal(error.code, 'validation_failed');
    assert.equal(error.issues?.[0]?.field, 'status');
    assert.match(error.issues[0].message, /allowed next: triage, closed/);
    assert.deepEqual(error.details?.['allowed'], ['triage', 'closed']);
  });

  it('reopens a resolved or closed incident only with a comment, and runs the resolve clock again', () => {
    const resolved: StatusFields = {
      ...fresh,
      status: 'resolved',
      acknowledgedAt: at(1),
      resolvedAt: at(5),
    };
    const error = refusal(() => applyTransition(resolved, 'in-progress', '  ', at(6)));
    assert.equal(error.issues?.[0]?.field, 'comment');
    const reopened = applyTransition(resolved, 'in-progress', 'the site is back up', at(6));
    assert.equal(reopened.resolvedAt, null);
    const closed: StatusFields = { ...resolved, status: 'closed', closedAt: at(7) };
    const again = applyTransition(closed, 'in-progress', 'new victims reported', at(8));
    assert.deepEqual([again.status, again.closedAt], ['in-progress', null]);
  });

  it('closes what was never resolved only with a comment', () => {
    assert.equal(
      refusal(() => applyTransition(fresh, 'closed', '', at(1))).issues?.[0]?.field,
      'comment',
    );
    assert.equal(applyTransition(fresh, 'closed', 'spam', at(1)).status, 'closed');
  });

  it('keeps a merged incident closed', () => {
    const merged: StatusFields = { ...fresh, status: 'closed', closedAt: at(1), mergedIntoId: 'x' };
    assert.equal(
      refusal(() => applyTransition(merged, 'in-progress', 'why', at(2))).issues?.[0]?.field,
      'status',
    );
  });

  it('for any sequence of requested moves: only allowed ones succeed, and acknowledgement is set once leaving new', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...incidentStatuses), fc.boolean()), { maxLength: 30 }),
        (moves) => {
          let s = fresh;
          let leftNew = false;
          moves.forEach(([to, withComment], i) => {
            const from: IncidentStatus = s.status;
            try {
              s = applyTransition(s, to, withComment ? 'because' : '', at(i + 1));
              assert.ok(allowedNext(from).includes(to));
              if (from === 'new') leftNew = true;
            } catch (error) {
              assert.ok(error instanceof AppError);
              assert.equal(s.status, from);
            }
          });
          assert.equal(s.acknowledgedAt !== null, leftNew);
          if (s.status === 'resolved') assert.ok(s.resolvedAt !== null);
          if (s.status === 'closed') assert.ok(s.closedAt !== null);
          if (s.status === 'in-progress') assert.equal(s.closedAt, null);
        },
      ),
    );
  });
});
