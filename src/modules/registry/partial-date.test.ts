import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  endOf,
  happenedBy,
  isPartialDate,
  notYetBy,
  precisionOf,
  startOf,
} from './partial-date.js';

describe('partial dates', () => {
  it('accepts years, months and real days only', () => {
    for (const ok of ['2008', '2008-02', '2008-02-29', '2024-12-13'])
      assert.equal(isPartialDate(ok), true, ok);
    for (const bad of ['08', '2008-13', '2007-02-29', '2008-2-1', '2008-02-30', '', '2008-00']) {
      assert.equal(isPartialDate(bad), false, bad);
    }
  });

  it('covers a period from its first to its last day', () => {
    assert.deepEqual([startOf('2008'), endOf('2008')], ['2008-01-01', '2008-12-31']);
    assert.deepEqual([startOf('2024-02'), endOf('2024-02')], ['2024-02-01', '2024-02-29']);
    assert.equal(endOf('2023-12-13'), '2023-12-13');
    assert.equal(precisionOf('2023-12'), 'month');
  });

  it('counts a year-precise event only once its year is over', () => {
    assert.equal(happenedBy('2008', '2008-06-30'), false);
    assert.equal(notYetBy('2008', '2008-06-30'), false, 'neither certainly before nor after');
    assert.equal(happenedBy('2008', '2008-12-31'), true);
    assert.equal(notYetBy('2008', '2007-12-31'), true);
  });
});
