import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { AppError } from '../../kernel/index.js';
import {
  decodeCursor,
  encodeCursor,
  filterOf,
  filterProblems,
  fromBound,
  incidentListQuerySchema,
  listSorts,
  tlpAtMost,
  toBound,
} from './list-query.js';

describe('incident list query', () => {
  it('reads lists given as repeated parameters or comma-separated, with defaults', () => {
    const query = incidentListQuerySchema.parse({
      status: ['new', 'triage'],
      tlp: 'amber,red',
      slaBreached: 'true',
    });
    assert.deepEqual(query.status, ['new', 'triage']);
    assert.deepEqual(query.tlp, ['amber', 'red']);
    assert.equal(query.slaBreached, true);
    assert.equal(query.sort, '-created');
    assert.equal(query.limit, 50);
  });

  it('names the field of a wrong value', () => {
    const result = incidentListQuerySchema.safeParse({ status: 'new,open', limit: '500' });
    assert.equal(result.success, false);
    const paths = result.error.issues.map((i) => i.path[0]);
    assert.ok(paths.includes('status'));
    assert.ok(paths.includes('limit'));
    assert.equal(incidentListQuerySchema.safeParse({ createdFrom: '2026-13-01' }).success, false);
  });

  it('keeps only the filter of a query, without empty values or paging', () => {
    const query = incidentListQuerySchema.parse({ q: 'phish', status: '', limit: '10' });
    assert.deepEqual(filterOf(query), { q: 'phish' });
  });

  it('gives a day its whole span in UTC, the upper bound exclusive', () => {
    assert.equal(fromBound('2026-03-01'), '2026-03-01T00:00:00.000Z');
    assert.equal(toBound('2026-03-31'), '2026-04-01T00:00:00.000Z');
    assert.equal(toBound('2026-12-31'), '2027-01-01T00:00:00.000Z');
    assert.equal(fromBound('2026-03-01T12:00:00+02:00'), '2026-03-01T10:00:00.000Z');
    assert.equal(toBound('2026-03-01T10:00:00Z'), '2026-03-01T10:00:00.001Z');
  });

  it('refuses a range that ends before it starts, naming the end', () => {
    assert.deepEqual(filterProblems({ createdFrom: '2026-03-02', createdTo: '2026-03-01' }), [
      { field: 'createdTo', message: 'must not be before createdFrom' },
    ]);
    assert.deepEqual(filterProblems({ createdFrom: '2026-03-01', createdTo: '2026-03-01' }), []);
  });

  it('round-trips cursors and refuses one made for another sort or damaged', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...listSorts),
        fc.string(),
        fc.string({ minLength: 1 }),
        (sort, value, id) => {
          assert.deepEqual(decodeCursor(encodeCursor({ sort, value, id }), sort), {
            sort,
            value,
            id,
          });
        },
      ),
    );
    const cursor = encodeCursor({ sort: '-created', value: '2026-01-01', id: 'a' });
    assert.throws(
      () => decodeCursor(cursor, 'updated'),
      (e: unknown) => e instanceof AppError && e.issues?.[0]?.field === 'cursor',
    );
    assert.throws(() => decodeCursor('not-a-cursor', '-created'), AppError);
  });

  it('caps TLP levels in their order', () => {
    assert.deepEqual(tlpAtMost('green'), ['clear', 'green']);
    assert.deepEqual(tlpAtMost('amber'), ['clear', 'green', 'amber']);
    assert.equal(tlpAtMost('red').length, 5);
  });
});
