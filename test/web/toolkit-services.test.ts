import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  checkRequirements,
  countByHorizon,
  offeredFunctions,
  sameSelection,
  setHorizon,
  setNote,
  toSaved,
  toggleFunction,
  type ServiceSelection,
} from '../../web/src/features/toolkit/services/selection.js';

const all = ['ISIM-2.1', 'ISIM-2.2', 'ISIM-2.3'];

describe('services page: the selection being edited', () => {
  it('plans, re-plans and drops a service, keeping its note and functions', () => {
    let s: ServiceSelection = setHorizon({}, 'ISIM-2', 'now');
    assert.deepEqual(s, { 'ISIM-2': { horizon: 'now', note: '' } });
    s = setNote(s, 'ISIM-2', 'Two handlers');
    s = toggleFunction(s, 'ISIM-2', all, 'ISIM-2.3', false);
    s = setHorizon(s, 'ISIM-2', 'later');
    assert.deepEqual(s['ISIM-2'], {
      horizon: 'later',
      note: 'Two handlers',
      functions: ['ISIM-2.1', 'ISIM-2.2'],
    });
    assert.deepEqual(setHorizon(s, 'ISIM-2', null), {});
  });

  it('stores no function list when every function is offered, and keeps at least one', () => {
    let s = setHorizon({}, 'ISIM-2', 'now');
    assert.deepEqual(offeredFunctions(s['ISIM-2'], all), all);
    s = toggleFunction(s, 'ISIM-2', all, 'ISIM-2.1', false);
    s = toggleFunction(s, 'ISIM-2', all, 'ISIM-2.2', false);
    assert.deepEqual(s['ISIM-2']!.functions, ['ISIM-2.3']);
    assert.equal(toggleFunction(s, 'ISIM-2', all, 'ISIM-2.3', false), s, 'the last one stays');
    s = toggleFunction(s, 'ISIM-2', all, 'ISIM-2.1', true);
    s = toggleFunction(s, 'ISIM-2', all, 'ISIM-2.2', true);
    assert.equal('functions' in s['ISIM-2']!, false);
    assert.equal(toggleFunction({}, 'ISIM-2', all, 'ISIM-2.1', true)['ISIM-2'], undefined);
  });

  it('tells a real change from a reordering or trailing spaces', () => {
    const a: ServiceSelection = {
      'ISIM-1': { horizon: 'now', note: 'x' },
      'VM-2': { horizon: 'next', functions: ['VM-2.2', 'VM-2.1'], note: '' },
    };
    const b: ServiceSelection = {
      'VM-2': { horizon: 'next', functions: ['VM-2.1', 'VM-2.2'], note: '' },
      'ISIM-1': { horizon: 'now', note: 'x  ' },
    };
    assert.ok(sameSelection(a, b));
    assert.ok(!sameSelection(a, setHorizon(b, 'VM-2', 'later')));
    assert.equal(toSaved(b)['ISIM-1']!.note, 'x');
    assert.deepEqual(countByHorizon(a), { now: 1, next: 1, later: 0 });
  });

  it('checks SIM3 requirements as the server does: a level not given counts as 0', () => {
    const required = [
      { parameter: 'T-4', level: 2 },
      { parameter: 'P-6', level: 3 },
      { parameter: 'O-8', level: 1 },
    ];
    assert.deepEqual(checkRequirements(required, { 'T-4': { level: 2 }, 'P-6': { level: 1 } }), [
      { parameter: 'T-4', required: 2, level: 2, met: true },
      { parameter: 'P-6', required: 3, level: 1, met: false },
      { parameter: 'O-8', required: 1, level: null, met: false },
    ]);
    assert.ok(checkRequirements(required, null).every((c) => !c.met && c.level === null));
  });
});
