import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from '../../kernel/index.js';
import type { Country, GroupMembership } from '../registry/index.js';
import { kenyaReport, meta, smallCatalogue } from '../../../test/support/law-report.js';
import {
  buildMatrixReport,
  parsePriority,
  parseSelection,
  selectionCountries,
} from './report.service.js';

describe("a country's harmonisation report", () => {
  it('lists gaps by the default priority, leaving out what is enacted', () => {
    const report = kenyaReport();
    assert.deepEqual(
      report.gaps.map((g) => [g.rank, g.provision, g.state]),
      [
        [1, 'INS-02', 'not-assessed'],
        [2, 'PRO-01', 'partially'],
        [3, 'SUB-01', 'not-assessed'],
      ],
    );
    assert.deepEqual(report.priority, ['institutional', 'procedural', 'substantive']);
    assert.equal(report.gaps[2]!.checklist.length, 2, 'the checklist travels with the gap');
  });

  it('puts the categories a user names first, the others in the default order', () => {
    const report = kenyaReport(['substantive']);
    assert.deepEqual(
      report.gaps.map((g) => g.provision),
      ['SUB-01', 'INS-02', 'PRO-01'],
    );
    assert.deepEqual(report.priority, ['substantive', 'institutional', 'procedural']);
  });

  it('counts coverage with the shared weights, overall and per category and instrument', () => {
    const { coverage } = kenyaReport();
    // INS-01 enacted (1) + PRO-01 partially (½) over 4 provisions.
    assert.equal(coverage.overall.percent, 37.5);
    assert.equal(coverage.overall.enacted, 1);
    assert.equal(coverage.overall['not-assessed'], 2);
    assert.equal(coverage.byCategory.find((c) => c.category === 'institutional')!.percent, 50);
    assert.equal(coverage.byInstrument.find((i) => i.instrument === 'model')!.percent, 0);
  });

  it('lists binding instruments for ratification, with nothing recorded as null', () => {
    assert.deepEqual(
      kenyaReport().ratifications.map((r) => [r.instrument, r.status, r.date]),
      [['treaty', 'ratified', '2024-05-02']],
    );
  });

  it('answers an unknown category in the priority with a 400 problem naming it', () => {
    const catalogue = smallCatalogue();
    assert.deepEqual(parsePriority(catalogue, ' procedural , '), [
      'procedural',
      'institutional',
      'substantive',
    ]);
    assert.throws(
      () => parsePriority(catalogue, 'procedural,civil'),
      (error: AppError) =>
        error.status === 400 &&
        /unknown category "civil"; known: institutional, procedural, substantive/.test(
          error.message,
        ) &&
        error.issues?.[0]?.field === 'querystring.priority',
    );
    assert.throws(() => parsePriority(catalogue, 'procedural,procedural'), /named twice/);
  });
});

describe('the matrix across countries', () => {
  const country = (iso3: string, iso2: string, extra: Partial<Country> = {}): Country => ({
    iso3,
    iso2,
    numeric: 1,
    m49: 1,
    ituMember: true,
    ituRegion: 'africa',
    organisations: ['ATU'],
    sovereignty: 'member_state',
    notes: '',
    ...extra,
  });
  const membership = (iso3: string, group: 'LDC' | 'SIDS', to: string | null): GroupMembership => ({
    iso3,
    group,
    from: null,
    to,
    source: 'un',
    confidence: 'high',
  });
  const data = {
    countries: [
      country('TCD', 'TD'),
      country('KEN', 'KE'),
      country('BTN', 'BT', { ituRegion: 'asia_pacific', organisations: ['APT'] }),
      country('FJI', 'FJ', { ituRegion: 'asia_pacific', organisations: ['APT'] }),
    ],
    memberships: [
      membership('TCD', 'LDC', null),
      membership('BTN', 'LDC', '2023-12-13'),
      membership('FJI', 'SIDS', null),
    ],
  };

  it('takes exactly one known selector, or says precisely what is wrong', () => {
    assert.deepEqual(parseSelection({ group: 'LDC' }), { kind: 'group', id: 'LDC' });
    const problem = (query: Record<string, string>) => {
      try {
        parseSelection(query);
      } catch (error) {
        assert.ok(error instanceof AppError);
        assert.equal(error.status, 400);
        return error.message;
      }
      assert.fail('no problem raised');
    };
    assert.match(problem({}), /give one of region, organisation or group/);
    assert.match(problem({ region: 'africa', group: 'LDC' }), /not region and group/);
    assert.match(problem({ region: 'mars' }), /unknown region "mars"; known: africa, americas/);
    assert.match(problem({ organisation: 'NATO' }), /unknown organisation "NATO"/);
  });

  it('selects current group members only, sorted by name in the language', () => {
    const ldc = selectionCountries(data, { kind: 'group', id: 'LDC' }, 'en');
    assert.deepEqual(ldc, [{ iso3: 'TCD', name: 'Chad' }], 'Bhutan left the LDCs');
    const africa = selectionCountries(data, { kind: 'region', id: 'africa' }, 'fr');
    assert.deepEqual(
      africa.map((c) => c.name),
      ['Kenya', 'Tchad'],
    );
    const apt = selectionCountries(data, { kind: 'organisation', id: 'APT' }, 'en');
    assert.deepEqual(
      apt.map((c) => c.iso3),
      ['BTN', 'FJI'],
    );
  });

  it('gives each cell its state and each provision the share of countries covering it', () => {
    const report = buildMatrixReport(smallCatalogue(), {
      selection: { kind: 'region', id: 'africa' },
      countries: [
        { iso3: 'KEN', name: 'Kenya' },
        { iso3: 'TCD', name: 'Chad' },
      ],
      assessments: [
        { iso3: 'KEN', provision: 'INS-01', status: 'enacted' },
        { iso3: 'TCD', provision: 'INS-01', status: 'partially' },
        { iso3: 'TCD', provision: 'SUB-01', status: 'not-applicable' },
      ],
      meta: meta(),
    });
    const row = (id: string) => report.rows.find((r) => r.provision === id)!;
    assert.deepEqual(row('INS-01').states, ['enacted', 'partially']);
    assert.equal(row('INS-01').share, 75);
    assert.equal(row('INS-01').title, 'Title of INS-01');
    assert.deepEqual(row('SUB-01').states, ['not-assessed', 'not-applicable']);
    assert.equal(row('SUB-01').share, 0);
    assert.deepEqual(
      report.countries.map((c) => [c.iso3, c.percent, c.assessed]),
      [
        ['KEN', 25, 1],
        ['TCD', 16.7, 2],
      ],
    );
  });
});
