/**
 * Fuzzing the law assessments' import readers (CSV and JSON) and the row checks with mutations
 * of a valid file and arbitrary input: nothing throws, each file is read quickly, every problem
 * names a row (and for CSV a line of the file), and a row either passes whole or is reported.
 * What passes holds by the assessment schema: a known country and provision, a status of the
 * list, a citation only with its law's title.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { assessmentInputSchema, assessmentStatuses } from './assessment.schema.js';
import { loadLawCatalogue } from './catalogue.js';
import {
  checkRows,
  importColumns,
  parseAssessmentsCsv,
  parseAssessmentsJson,
  type ParseResult,
} from './exchange.js';

const catalogue = loadLawCatalogue().latest;
const countries = new Set(['KEN', 'TCD', 'FJI']);
const fileBoundMs = 2000;
const runs = { numRuns: 200 };

const header = importColumns.join(',');
const validRows = [
  'KEN,SUB-01,enacted,Computer Misuse and Cybercrimes Act,14,2018-05-16,https://example.org/cmca,',
  'KEN,INS-07,partially,"Act No. 5, 2018",42,,,"mandate, but no powers"',
  'TCD,PRO-03,draft,,,,,bill before parliament',
  'FJI,SUB-14,not-applicable,,,,,',
  'FJI,INT-12,absent,,,,,',
];
const edgeCells = [
  '',
  ' ',
  '"',
  '""',
  '"a,b"',
  '"line\nbreak"',
  'enacted',
  'Enacted',
  'repealed',
  'SUB-99',
  'sub-01',
  'XXX',
  'ke',
  '2018-02-30',
  '18/05/2018',
  'javascript:alert(1)',
  'https://',
  'x'.repeat(5000),
  "'=cmd|' /c calc'!A1",
  '=1+1',
  '\u0000',
  '\ufeff',
  '\u0660\u0661',
];
const csvChars = [...',"\n\r;\t |', 'é', '\u0660', '\ud800'];
const fragment = fc.oneof(
  fc.constantFrom(...edgeCells),
  fc.string({ unit: fc.constantFrom(...csvChars), maxLength: 4 }),
  fc.string({ unit: 'binary', maxLength: 4 }),
);
const edit = fc.record({
  op: fc.constantFrom('insert', 'delete', 'replace', 'truncate'),
  at: fc.nat(),
  n: fc.integer({ min: 1, max: 8 }),
  text: fragment,
});
type Edit = typeof edit extends fc.Arbitrary<infer T> ? T : never;

function applyEdits(text: string, edits: Edit[]): string {
  let out = text;
  for (const e of edits) {
    const at = out.length === 0 ? 0 : e.at % (out.length + 1);
    if (e.op === 'insert') out = out.slice(0, at) + e.text + out.slice(at);
    else if (e.op === 'delete') out = out.slice(0, at) + out.slice(at + e.n);
    else if (e.op === 'replace') out = out.slice(0, at) + e.text + out.slice(at + e.n);
    else out = out.slice(0, at);
  }
  return out;
}

/** The properties every read must have, whatever the input. */
function checkResult(parsed: ParseResult, lines: number | undefined): void {
  const started = Date.now();
  const checked = checkRows(parsed, countries, catalogue);
  assert.ok(Date.now() - started < fileBoundMs, 'rows checked within the bound');
  const refused = new Set(checked.errors.map((e) => e.row));
  for (const error of checked.errors) {
    assert.ok(Number.isInteger(error.row) && error.row >= 0, `row ${error.row}`);
    assert.ok(error.message.length > 0 && error.field.length > 0);
    if (lines !== undefined && error.line !== undefined)
      assert.ok(error.line >= 1 && error.line <= lines, `line ${error.line} of ${lines}`);
  }
  const provisions = new Set(catalogue.provisions.map((p) => p.id));
  const pairs = new Set<string>();
  for (const row of checked.rows) {
    assert.ok(!refused.has(row.row), `row ${row.row} both accepted and refused`);
    assert.ok(countries.has(row.iso3));
    assert.ok(provisions.has(row.provision));
    assert.ok((assessmentStatuses as readonly string[]).includes(row.status));
    if (row.article !== null || row.link !== null || row.adoptedOn !== null)
      assert.ok(row.lawTitle !== null, `row ${row.row} cites without a law title`);
    const input = Object.fromEntries(
      Object.entries({
        status: row.status,
        lawTitle: row.lawTitle,
        article: row.article,
        adoptedOn: row.adoptedOn,
        link: row.link,
        notes: row.notes,
      }).filter(([, v]) => v !== null),
    );
    assert.ok(assessmentInputSchema.safeParse(input).success, `row ${row.row} holds`);
    const pair = `${row.iso3}|${row.provision}`;
    assert.ok(!pairs.has(pair), `${pair} accepted twice`);
    pairs.add(pair);
  }
  // Every data row is either accepted or named by an error.
  for (const raw of parsed.rows)
    assert.ok(
      refused.has(raw.row) || checked.rows.some((r) => r.row === raw.row),
      `row ${raw.row} neither accepted nor refused`,
    );
}

describe('law import fuzzing', () => {
  it('reads the valid example file whole', () => {
    const parsed = parseAssessmentsCsv(Buffer.from([header, ...validRows].join('\n')));
    const checked = checkRows(parsed, countries, catalogue);
    assert.deepEqual(checked.errors, []);
    assert.equal(checked.rows.length, validRows.length);
  });

  it('CSV: mutations of a valid file never throw and every problem is placed', () => {
    fc.assert(
      fc.property(
        fc.subarray(validRows, { minLength: 0 }),
        fc.array(edit, { maxLength: 6 }),
        (rows, edits) => {
          const text = applyEdits([header, ...rows].join('\n'), edits);
          const started = Date.now();
          const parsed = parseAssessmentsCsv(Buffer.from(text));
          assert.ok(Date.now() - started < fileBoundMs, 'file read within the bound');
          checkResult(parsed, text.split(/\r\n?|\n/).length);
        },
      ),
      runs,
    );
  });

  it('CSV: arbitrary bytes never throw', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        const parsed = parseAssessmentsCsv(Buffer.from(bytes));
        checkResult(parsed, undefined);
      }),
      runs,
    );
  });

  it('JSON: arbitrary documents and rows of arbitrary values never throw', () => {
    const value = fc.oneof(
      fc.constantFrom(...edgeCells, ...assessmentStatuses, 'KEN', 'SUB-01', 'INS-07'),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.array(fc.string(), { maxLength: 2 }),
    );
    const row = fc.dictionary(
      fc.constantFrom(
        'iso3',
        'provision',
        'status',
        'lawTitle',
        'article',
        'adoptedOn',
        'link',
        'notes',
        '__proto__',
        'constructor',
        'extra',
      ),
      value,
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.record({ rows: fc.array(row, { maxLength: 8 }) }),
          fc.jsonValue(),
          fc.record({ rows: fc.jsonValue() }),
        ),
        (document) => {
          checkResult(parseAssessmentsJson(document), undefined);
        },
      ),
      runs,
    );
  });
});
