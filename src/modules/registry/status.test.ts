import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countryStateAsOf, groupsAsOf, teamStateAsOf } from './status.js';
import type {
  Country,
  GroupMembership,
  Team,
  TeamEvent,
  TeamEventValue,
} from './registry.schema.js';

let counter = 0;
function event(date: string, value: TeamEventValue, extra: Partial<TeamEvent> = {}): TeamEvent {
  counter++;
  return {
    id: `e${counter}`,
    teamId: 't',
    date,
    value,
    citation: {},
    confidence: 'high',
    note: '',
    recordedAt: `2026-01-01T00:00:00.${String(counter).padStart(3, '0')}Z`,
    recordedBy: 'test',
    retracted: null,
    ...extra,
  };
}
const team = (events: TeamEvent[], extra: Partial<Team> = {}): Team => ({
  id: 't',
  iso3: 'KEN',
  name: 'KE-CIRT',
  type: 'national',
  events,
  ...extra,
});
const country = (extra: Partial<Country> = {}): Country => ({
  iso3: 'KEN',
  iso2: 'KE',
  numeric: 404,
  m49: 404,
  ituMember: true,
  ituRegion: 'africa',
  organisations: ['ATU'],
  sovereignty: 'member_state',
  notes: '',
  ...extra,
});

describe('team state on a day', () => {
  it('is active from the end of its founding period, not before', () => {
    const t = team([event('2012', { kind: 'established' })]);
    assert.equal(teamStateAsOf(t, '2011-12-31').active, false);
    assert.equal(
      teamStateAsOf(t, '2012-06-30').active,
      undefined,
      'within the founding year: cannot tell',
    );
    assert.equal(teamStateAsOf(t, '2013-01-01').active, true);
  });

  it('is unknown before it was first seen when its founding date is unknown', () => {
    const t = team([event('2025-09-30', { kind: 'observed' })]);
    assert.equal(teamStateAsOf(t, '2020-01-01').active, undefined);
    assert.equal(teamStateAsOf(t, '2025-10-01').active, true);
  });

  it('follows renames, closures, maturity and accreditation in date order; ignores retracted facts', () => {
    const t = team([
      event('2008-03', { kind: 'established' }),
      event('2014-05-01', { kind: 'renamed', name: 'National KE-CIRT/CC' }),
      event('2016', { kind: 'maturity', tier: 'basic' }),
      event('2019', { kind: 'maturity', tier: 'intermediate' }),
      event('2017-02-01', { kind: 'accreditation', body: 'FIRST', status: 'member' }),
      event(
        '2021-01-01',
        { kind: 'maturity', tier: 'advanced' },
        { retracted: { at: '2022-01-01T00:00:00Z', by: 'x', reason: 'wrong team' } },
      ),
      event('2023-01-01', { kind: 'closed' }),
    ]);
    const in2020 = teamStateAsOf(t, '2020-12-31');
    assert.deepEqual(
      [in2020.active, in2020.name, in2020.maturity],
      [true, 'National KE-CIRT/CC', 'intermediate'],
    );
    assert.deepEqual(
      in2020.accreditations.map((a) => a.body),
      ['FIRST'],
    );
    assert.equal(teamStateAsOf(t, '2013-01-01').name, 'KE-CIRT');
    assert.equal(teamStateAsOf(t, '2023-06-01').active, false);
  });
});

describe('country status on a day', () => {
  it('is national, government_or_sectoral, none or unknown', () => {
    const gov = team([event('2010', { kind: 'established' })], {
      id: 'g',
      type: 'government',
      name: 'GovCERT',
    });
    const nat = team([event('2015', { kind: 'established' })], { id: 'n' });
    assert.equal(countryStateAsOf(country(), [gov, nat], '2009-12-31').status, 'none');
    assert.equal(
      countryStateAsOf(country(), [gov, nat], '2012-01-01').status,
      'government_or_sectoral',
    );
    assert.equal(countryStateAsOf(country(), [gov, nat], '2016-01-01').status, 'national');
    const seenLate = team([event('2025-09-30', { kind: 'observed' })]);
    assert.equal(countryStateAsOf(country(), [seenLate], '2020-01-01').status, 'unknown');
    assert.equal(
      countryStateAsOf(country({ sovereignty: 'territory' }), [], '2020-01-01').status,
      'unknown',
    );
  });

  it("ignores other countries' teams and flags low-confidence facts", () => {
    const elsewhere = team([event('2000', { kind: 'established' })], { iso3: 'UGA' });
    assert.equal(countryStateAsOf(country(), [elsewhere], '2020-01-01').status, 'none');
    const shaky = team([event('2010', { kind: 'established' }, { confidence: 'low' })]);
    assert.equal(countryStateAsOf(country(), [shaky], '2020-01-01').lowConfidence, true);
  });
});

describe('group membership on a day', () => {
  const memberships: GroupMembership[] = [
    { iso3: 'BTN', group: 'LDC', from: null, to: '2023-12-13', source: 's', confidence: 'high' },
    { iso3: 'BTN', group: 'LLDC', from: null, to: null, source: 's', confidence: 'high' },
  ];
  it('ends on the graduation day', () => {
    assert.deepEqual(groupsAsOf(memberships, 'BTN', '2023-12-12'), ['LDC', 'LLDC']);
    assert.deepEqual(groupsAsOf(memberships, 'BTN', '2023-12-13'), ['LLDC']);
  });
});
