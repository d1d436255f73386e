import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { toCsv } from '../../kernel/index.js';
import { exchangeColumns, exportRows, parseFactsCsv, parseFactsJson } from './exchange.js';
import type { Team } from './registry.schema.js';

const known = new Set(['KEN', 'FJI']);
const today = '2026-11-23';
const header = exchangeColumns.join(',');

describe('registry exchange format', () => {
  it('reads back exactly what it writes', () => {
    const team: Team = {
      id: 't',
      iso3: 'KEN',
      name: 'KE-CIRT, "CC"',
      type: 'national',
      events: [
        {
          id: 'a',
          teamId: 't',
          date: '2012-06',
          value: { kind: 'established' },
          citation: { title: 'Gazette', url: 'https://example.org/g' },
          confidence: 'high',
          note: 'line\nbreak',
          recordedAt: '',
          recordedBy: '',
          retracted: null,
        },
        {
          id: 'b',
          teamId: 't',
          date: '2020',
          value: { kind: 'accreditation', body: 'FIRST', status: 'member' },
          citation: {},
          confidence: 'medium',
          note: '',
          recordedAt: '',
          recordedBy: '',
          retracted: null,
        },
        {
          id: 'c',
          teamId: 't',
          date: '2021',
          value: { kind: 'maturity', tier: 'basic' },
          citation: {},
          confidence: 'low',
          note: '',
          recordedAt: '',
          recordedBy: '',
          retracted: { at: 'x', by: 'y', reason: 'wrong' },
        },
      ],
    };
    const parsed = parseFactsCsv(Buffer.from(toCsv(exportRows([team]))), known, today);
    assert.deepEqual(parsed.errors, []);
    assert.deepEqual(
      parsed.rows.map((r) => [r.team, r.date, r.value, r.sourceUrl, r.note]),
      [
        [
          'KE-CIRT, "CC"',
          '2012-06',
          { kind: 'established' },
          'https://example.org/g',
          'line\nbreak',
        ],
        [
          'KE-CIRT, "CC"',
          '2020',
          { kind: 'accreditation', body: 'FIRST', status: 'member' },
          '',
          '',
        ],
      ],
      'retracted facts are not exported',
    );
  });

  it('accepts a UTF-8 byte order mark and blank lines', () => {
    const file = `\uFEFF${header}\n\nKEN,KE-CIRT,national,2012,established,,high,,,\n\n`;
    assert.equal(parseFactsCsv(Buffer.from(file), known, today).rows.length, 1);
  });

  it('names line and column of each problem in JSON too', () => {
    const result = parseFactsJson(
      Buffer.from(
        JSON.stringify({
          facts: [
            {
              iso3: 'KEN',
              team: 'X',
              type: 'national',
              date: '2012',
              kind: 'renamed',
              value: '',
              confidence: 'high',
            },
          ],
        }),
      ),
      known,
      today,
    );
    assert.deepEqual(result.errors, [
      { line: 2, field: 'value', message: 'must be the new name (1 to 200 characters)' },
    ]);
  });

  it('never throws on hostile input, and accounts for every line (fuzz)', () => {
    const validLine = fc.constantFrom(
      'KEN,KE-CIRT,national,2012,established,,high,,,',
      'FJI,X,government,2020-02,maturity,basic,low,t,https://e.org,n',
    );
    const junk = fc.string({ maxLength: 80 });
    fc.assert(
      fc.property(
        fc.array(fc.oneof(validLine, junk), { maxLength: 12 }),
        fc.boolean(),
        (lines, withHeader) => {
          const text = (withHeader ? [header, ...lines] : lines).join('\n');
          const result = parseFactsCsv(Buffer.from(text), known, today);
          for (const row of result.rows) assert.ok(known.has(row.iso3) && row.line >= 2);
          if (!withHeader) assert.equal(result.rows.length, 0);
        },
      ),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        parseFactsCsv(Buffer.from(bytes), known, today);
        parseFactsJson(Buffer.from(bytes), known, today);
      }),
      { numRuns: 300 },
    );
  });
});
