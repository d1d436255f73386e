import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { toCsv } from '../../kernel/index.js';
import { assessmentStatuses, type Assessment } from './assessment.schema.js';
import type { Catalogue } from './catalogue.schema.js';
import {
  checkRows,
  exportRows,
  importColumns,
  parseAssessmentsCsv,
  parseAssessmentsJson,
} from './exchange.js';

const header = importColumns.join(',');
const countries = new Set(['KEN', 'FJI']);
const catalogue = {
  id: 'test-law',
  version: '2.1',
  provisions: [{ id: 'SUB-01' }, { id: 'SUB-02' }, { id: 'INS-01' }],
} as unknown as Catalogue;
const csv = (...lines: string[]) => Buffer.from(lines.join('\n'));
const check = (bytes: Buffer) => checkRows(parseAssessmentsCsv(bytes), countries, catalogue);

describe('law assessments exchange', () => {
  it('reads a spreadsheet export: BOM, CRLF, quoted cells, codes in any case, guarded formulas', () => {
    const bytes = Buffer.from(
      '\uFEFF' +
        [
          'ISO3,Provision,Status,Law_Title,Notes',
          'ken,sub-01,enacted,"Act, 2018","\'=not a formula"',
          'FJI,INS-01,absent,,',
        ].join('\r\n'),
    );
    const { rows, errors } = check(bytes);
    assert.deepEqual(errors, []);
    assert.deepEqual(
      rows.map((r) => [r.row, r.iso3, r.provision, r.status, r.lawTitle, r.notes]),
      [
        [1, 'KEN', 'SUB-01', 'enacted', 'Act, 2018', '=not a formula'],
        [2, 'FJI', 'INS-01', 'absent', null, null],
      ],
    );
  });

  it('numbers rows from the first under the header and keeps the file line after multi-line cells', () => {
    const { errors } = check(
      csv(header, 'KEN,SUB-01,enacted,"Act', 'of 2018",,,,', 'KEN,SUB-02,bogus,,,,,'),
    );
    assert.deepEqual(errors, [
      {
        row: 2,
        line: 4,
        field: 'status',
        message: 'must be one of enacted, partially, draft, absent, not-applicable',
      },
    ]);
  });

  it('refuses a file without the key columns, with unknown or repeated columns, or not UTF-8', () => {
    const first = (bytes: Buffer) => parseAssessmentsCsv(bytes).errors[0]?.message;
    assert.equal(first(csv('iso3,status', 'KEN,enacted')), 'is missing the columns provision');
    assert.match(first(csv(`${header},reviewer`))!, /^has unknown columns reviewer; the columns/);
    assert.equal(first(csv(`${header},notes`)), 'names the column notes twice');
    assert.match(first(Buffer.from([0x69, 0x73, 0x6f, 0xff, 0xfe]))!, /is not UTF-8 text/);
    assert.match(first(csv(''))!, /is empty/);
  });

  it('reports cells beyond the header', () => {
    const { errors } = check(csv('iso3,provision,status', 'KEN,SUB-01,enacted,extra'));
    assert.deepEqual(
      errors.map((e) => [e.row, e.field, e.message]),
      [[1, '(row)', 'has 4 cells but the header names 3 columns']],
    );
  });

  it('names JSON fields as the API does and refuses fields it does not know', () => {
    const parsed = parseAssessmentsJson({
      rows: [
        { iso3: 'KEN', provision: 'SUB-01', status: 'enacted', lawTitle: 'Act', notes: null },
        'KEN,SUB-02',
        { iso3: 'KEN', provision: 'SUB-02', status: 'draft', link: 'https://x.example', by: 'me' },
      ],
    });
    const { rows, errors } = checkRows(parsed, countries, catalogue);
    assert.deepEqual(
      rows.map((r) => r.provision),
      ['SUB-01'],
    );
    assert.deepEqual(
      errors.map((e) => [e.row, e.field]),
      [
        [2, '(row)'],
        [3, 'by'],
        [3, 'link'],
      ],
    );
    assert.equal(parseAssessmentsJson({ items: [] }).errors[0]?.field, 'rows');
  });

  it('reports every problem of a row and a pair given twice against its first row', () => {
    const { rows, errors } = check(
      csv(
        header,
        'KEN,SUB-01,enacted,Act,,,,',
        'XYZ,SUB-07,enacted,,,,,',
        'KEN,SUB-01,absent,,,,,',
      ),
    );
    assert.equal(rows.length, 1);
    assert.deepEqual(
      errors.map((e) => [e.row, e.field, e.message]),
      [
        [2, 'iso3', 'XYZ is not a country of the registry'],
        [2, 'provision', 'No provision SUB-07 in catalogue test-law 2.1'],
        [3, 'provision', 'KEN SUB-01 is already in row 1: give each pair once'],
      ],
    );
  });

  it('imports back exactly what it exports, whatever the texts hold', () => {
    const text = (max: number) =>
      fc
        .string({
          unit: fc.constantFrom(...'ab ,;"\'\n=+-@é中'.split('')),
          minLength: 1,
          maxLength: max,
        })
        .map((s) => s.trim())
        .filter((s) => s !== '');
    const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });
    const assessmentArb = fc.record({
      iso3: fc.constantFrom('KEN', 'FJI'),
      provision: fc.constantFrom('SUB-01', 'SUB-02', 'INS-01'),
      status: fc.constantFrom(...assessmentStatuses),
      lawTitle: text(40),
      article: optional(text(10)),
      adoptedOn: optional(fc.constantFrom('2018-05-16', '2001-01-01')),
      link: optional(fc.constantFrom('https://example.org/a?b=1,2', 'http://x.example/-')),
      notes: optional(text(60)),
      assessedBy: fc.constant('someone'),
      assessedAt: fc.constant('2026-01-01T00:00:00.000Z'),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(assessmentArb, { selector: (a) => `${a.iso3}|${a.provision}` }),
        (assessments: Assessment[]) => {
          const { rows, errors } = check(Buffer.from(toCsv(exportRows(assessments))));
          assert.deepEqual(errors, []);
          const fields = (a: Omit<Assessment, 'assessedBy' | 'assessedAt'>) => [
            a.iso3,
            a.provision,
            a.status,
            a.lawTitle,
            a.article,
            a.adoptedOn,
            a.link,
            a.notes,
          ];
          const sorted = [...assessments].sort(
            (a, b) => a.iso3.localeCompare(b.iso3) || a.provision.localeCompare(b.provision),
          );
          assert.deepEqual(rows.map(fields), sorted.map(fields));
        },
      ),
      { numRuns: 300 },
    );
  });
});
