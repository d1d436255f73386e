import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Papa from 'papaparse';
import fc from 'fast-check';
import { toCsv } from './csv.js';

describe('CSV writer', () => {
  it('quotes what needs quoting and neutralises formulas', () => {
    assert.equal(
      toCsv([
        ['a', 'b,c', 'say "hi"', null, 3],
        ['=HYPERLINK("x")', '-1', '@SUM'],
      ]),
      'a,"b,c","say ""hi""",,3\r\n"\'=HYPERLINK(""x"")",\'-1,\'@SUM\r\n',
    );
  });

  it('round-trips any text through a CSV parser (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.array(
            fc.string().filter((s) => !/^[=+\-@\t\r]/.test(s)),
            { minLength: 1, maxLength: 4 },
          ),
          { minLength: 1, maxLength: 5 },
        ),
        (rows) => {
          const width = rows[0]!.length;
          const table = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
          const parsed = Papa.parse<string[]>(toCsv(table), {
            newline: '\r\n',
            delimiter: ',',
          }).data.slice(0, table.length);
          assert.deepEqual(parsed, table);
        },
      ),
    );
  });
});
