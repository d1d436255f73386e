import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from '../../kernel/index.js';
import { defaultBcmPlan } from '../toolkit/index.js';
import { checkSeverity, compareSeverity, ladderOf, levelsWithSla } from './severity.js';
import { defaultSla } from './sla.js';

describe('severity ladder', () => {
  const ncisS = ladderOf(defaultBcmPlan('en').levels, 'default', null);

  it('is the NCISS ladder of the toolkit by default, least severe first, names in the language', () => {
    assert.deepEqual(
      ncisS.levels.map((l) => l.id),
      ['baseline', 'low', 'medium', 'high', 'severe', 'emergency'],
    );
    assert.equal(ladderOf(defaultBcmPlan('fr').levels, 'default', null).levels[5]!.name, 'Urgence');
  });

  it('follows a project plan with its own levels, sorted by rank', () => {
    const custom = ladderOf(
      [
        { id: 'red', name: 'Red', rank: 3, colour: '#cc0033', description: '' },
        { id: 'green', name: 'Green', rank: 1, colour: '#339900', description: '' },
      ],
      'project',
      'p1',
    );
    assert.deepEqual(
      custom.levels.map((l) => l.id),
      ['green', 'red'],
    );
    assert.ok(compareSeverity(custom, 'red', 'green') > 0);
    assert.ok(compareSeverity(custom, null, 'green') < 0);
  });

  it('refuses a level that is not on the ladder, naming the field and the levels', () => {
    checkSeverity(ncisS, 'high');
    checkSeverity(ncisS, null);
    assert.throws(
      () => checkSeverity(ncisS, 'critical'),
      (e: unknown) =>
        e instanceof AppError &&
        e.issues?.[0]?.field === 'severity' &&
        /baseline, low/.test(e.issues[0].message),
    );
  });

  it('pairs each level with its SLA', () => {
    const levels = levelsWithSla(ncisS, { high: defaultSla['high']! });
    assert.deepEqual(levels.find((l) => l.id === 'high')?.sla, {
      ackMinutes: 60,
      resolveMinutes: 1440,
    });
    assert.equal(levels.find((l) => l.id === 'low')?.sla, null);
  });
});
