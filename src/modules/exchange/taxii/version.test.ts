import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  parseVersionMatch,
  selectVersions,
  unversioned,
  versionKey,
  versionOf,
  versionOfKey,
} from './version.js';

describe('TAXII versions', () => {
  it('keys order as time does, whatever the precision', () => {
    const times = [
      '2016-01-20T12:31:12Z',
      '2016-01-20T12:31:12.5Z',
      '2016-01-20T12:31:12.123456Z',
      '2016-01-20T12:31:12.1Z',
    ];
    const keys = times.map((t) => versionKey(t)!);
    assert.deepEqual([...keys].sort().map(versionOfKey), [
      '2016-01-20T12:31:12.000Z',
      '2016-01-20T12:31:12.100Z',
      '2016-01-20T12:31:12.123456Z',
      '2016-01-20T12:31:12.500Z',
    ]);
    assert.equal(versionKey('2016-01-20T12:31:12Z'), versionKey('2016-01-20T12:31:12.000Z'));
    assert.equal(versionKey('yesterday'), undefined);
    assert.equal(versionKey('2016-01-20T12:31:12+01:00'), undefined);
  });

  it('takes modified, else created, else the fixed version of observables', () => {
    assert.equal(versionOf({ created: 'a', modified: 'b' }), 'b');
    assert.equal(versionOf({ created: 'a' }), 'a');
    assert.equal(versionOf({ value: '198.51.100.3' }), unversioned);
  });

  it('reads match[version] with last as the default and refuses other words', () => {
    assert.deepEqual(parseVersionMatch(undefined), {
      all: false,
      first: false,
      last: true,
      keys: [],
    });
    const m = parseVersionMatch(['first,2016-01-20T12:31:12Z']);
    assert.equal(m.first, true);
    assert.equal(m.last, false);
    assert.deepEqual(m.keys, ['2016-01-20T12:31:12.000000000Z']);
    assert.throws(() => parseVersionMatch(['latest']), /"latest" is neither/);
  });

  it('selects first, last, all and given versions', () => {
    const keys = ['2016-01-03', '2016-01-01', '2016-01-02'].map((d) =>
      versionKey(`${d}T00:00:00Z`)!,
    );
    const sel = (v: string[]) =>
      selectVersions(keys, parseVersionMatch(v)).map((k) => k.slice(0, 10));
    assert.deepEqual(sel([]), ['2016-01-03']);
    assert.deepEqual(sel(['first']), ['2016-01-01']);
    assert.deepEqual(sel(['first', 'last']), ['2016-01-01', '2016-01-03']);
    assert.deepEqual(sel(['all']), ['2016-01-01', '2016-01-02', '2016-01-03']);
    assert.deepEqual(sel(['2016-01-02T00:00:00.000Z']), ['2016-01-02']);
  });
});
