import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { progressReport, type ReportInput } from './indicators.js';
import type { Country, Team } from './registry.schema.js';

const country = (iso3: string, extra: Partial<Country> = {}): Country => ({
  iso3,
  iso2: iso3.slice(0, 2),
  numeric: 1,
  m49: 1,
  ituMember: true,
  ituRegion: 'africa',
  organisations: ['ATU'],
  sovereignty: 'member_state',
  notes: '',
  ...extra,
});
const team = (iso3: string, established: string, type: Team['type'] = 'national'): Team => ({
  id: `${iso3}-t`,
  iso3,
  name: `${iso3}-CIRT`,
  type,
  events: [
    {
      id: `${iso3}-e`,
      teamId: `${iso3}-t`,
      date: established,
      value: { kind: 'established' },
      citation: {},
      confidence: 'high',
      note: '',
      recordedAt: '2026-01-01T00:00:00Z',
      recordedBy: 't',
      retracted: null,
    },
  ],
});

const base: ReportInput = {
  countries: [
    country('KEN'),
    country('TCD'),
    country('FJI', { ituRegion: 'asia_pacific', organisations: ['APT'] }),
    country('EST', { ituRegion: 'europe', organisations: ['CEPT'] }),
    country('XXT', { ituMember: false, sovereignty: 'territory' }),
  ],
  memberships: [
    { iso3: 'TCD', group: 'LDC', from: null, to: null, source: 's', confidence: 'high' },
    { iso3: 'FJI', group: 'SIDS', from: null, to: null, source: 's', confidence: 'high' },
    { iso3: 'KEN', group: 'LDC', from: null, to: '2015', source: 's', confidence: 'high' },
  ],
  teams: [
    team('KEN', '2012-06'),
    team('EST', '2006'),
    team('FJI', '2020-03-01', 'government'),
    team('XXT', '2001'),
  ],
  assessments: [
    { iso3: 'KEN', year: 2011, source: 's', confidence: 'high' },
    { iso3: 'TCD', year: 2019, source: 's', confidence: 'high' },
    { iso3: 'FJI', year: null, source: 's', confidence: 'low' },
  ],
  asOf: '2026-06-30',
  compareTo: '2008-12-31',
};

describe('progress report', () => {
  it('counts ITU Member States with a national CIRT now and at the comparison date', () => {
    const report = progressReport(base);
    assert.deepEqual(
      [report.overall.asOf.total, report.overall.asOf.national, report.overall.asOf.share],
      [4, 2, 0.5],
    );
    assert.equal(report.overall.compareTo.national, 1);
    assert.deepEqual(report.overall.change, { national: 1, share: 0.25 });
    assert.equal(report.overall.asOf.governmentOrSectoral, 1);
    assert.equal(report.overall.asOf.none, 1);
  });

  it('breaks down by ITU-D region, organisation and the groups as they were on each date', () => {
    const report = progressReport(base);
    const africa = report.byRegion.find((r) => r.key === 'africa')!;
    assert.deepEqual([africa.asOf.total, africa.asOf.national], [2, 1]);
    const ldc = report.byGroup.find((g) => g.key === 'LDC')!;
    // Kenya counted as an LDC in 2008 (no CIRT yet) but not in 2026 (graduated in 2015).
    assert.deepEqual([ldc.compareTo.total, ldc.compareTo.national], [2, 0]);
    assert.deepEqual([ldc.asOf.total, ldc.asOf.national], [1, 0]);
    assert.equal(report.byOrganisation.find((o) => o.key === 'CEPT')!.asOf.national, 1);
  });

  it('lists the national CIRTs founded in the period and counts assessments', () => {
    const report = progressReport(base);
    assert.deepEqual(
      report.newCirts.map((c) => c.iso3),
      ['KEN'],
    );
    assert.deepEqual(report.assessments, { total: 3, inPeriod: 2, undated: 1 });
  });

  it('draws a yearly coverage series ending on the as-of date', () => {
    const report = progressReport(base);
    assert.equal(report.series[0]!.date, '2008-12-31');
    assert.equal(report.series.at(-1)!.date, '2026-06-30');
    assert.deepEqual(
      report.series.find((s) => s.date === '2012-12-31'),
      { date: '2012-12-31', national: 2, share: 0.5 },
    );
  });

  it('names the countries that went from unknown to national, whose change may predate the period', () => {
    const seenLate: Team = {
      ...team('TCD', '2000'),
      events: [
        { ...team('TCD', '2000').events[0]!, date: '2025-09-30', value: { kind: 'observed' } },
      ],
    };
    const report = progressReport({ ...base, teams: [...base.teams, seenLate] });
    assert.deepEqual(report.unknownToNational, ['TCD']);
    assert.deepEqual(progressReport(base).unknownToNational, []);
  });

  it('gives the same report for the same inputs, whatever their order', () => {
    const shuffled = {
      ...base,
      countries: [...base.countries].reverse(),
      teams: [...base.teams].reverse(),
    };
    assert.deepEqual(progressReport(shuffled), progressReport(base));
  });
});
