import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import {
  ipv4RangeToPrefixes,
  parseDelegated,
  parseDelegatedLine,
  readDelegated,
} from './rir-delegated.js';

const fixture = path.join(import.meta.dirname, 'fixtures', 'delegated-extended-sample.txt');
const sample = readFileSync(fixture, 'utf8');
const header = '2|ripencc|20250101|1|19930901|20250101|+0100\n';

describe('RIR delegated statistics: the sample file', () => {
  it('reads the header, the summaries and every allocated or assigned record', async () => {
    const result = await parseDelegated(sample);
    assert.deepEqual(result.header, {
      line: 3,
      version: '2',
      registry: 'afrinic',
      serial: '20250101',
      records: 10,
      startDate: '19830705',
      endDate: '20241231',
      utcOffset: '+0000',
    });
    assert.deepEqual(
      result.summaries.map((s) => [s.type, s.count]),
      [
        ['asn', 3],
        ['ipv4', 5],
        ['ipv6', 2],
      ],
    );
    assert.deepEqual(result.counts, { asn: 3, ipv4: 5, ipv6: 2 });
    assert.deepEqual(result.errors, []);
    assert.deepEqual(result.warnings, []);
    assert.equal(result.records.length, 8);
    assert.equal(result.skipped, 2); // the available and the reserved block
  });

  it("keeps one country's records, with canonical prefixes and AS ranges", async () => {
    const result = await parseDelegated(sample, { country: 'ke' });
    assert.deepEqual(
      result.records.map((r) => [r.line, r.type, r.prefixes, r.asns]),
      [
        [7, 'asn', [], [64496, 64496]],
        [8, 'asn', [], [65536, 65551]],
        [10, 'ipv4', ['192.0.2.0/24'], undefined],
        [12, 'ipv4', ['203.0.112.0/23', '203.0.114.0/24'], undefined],
        [15, 'ipv4', ['198.51.102.64/26', '198.51.102.128/25'], undefined],
        [16, 'ipv6', ['2001:db8::/32'], undefined],
      ],
    );
    const assigned = result.records[3]!;
    assert.equal(assigned.date, '2015-11-20');
    assert.equal(assigned.status, 'assigned');
    assert.equal(assigned.opaqueId, '9E8D7C6B');
    assert.deepEqual(result.records[4]!.extensions, ['e-stats']);
    assert.equal(result.skipped, 4);
  });

  it('filters by status', async () => {
    const result = await parseDelegated(sample, { country: 'KE', statuses: ['assigned'] });
    assert.deepEqual(
      result.records.map((r) => r.start),
      ['65536', '203.0.112.0', '198.51.102.64'],
    );
  });

  it('streams a file from a path line by line', async () => {
    const result = await parseDelegated(readDelegated(fixture), { country: 'TZ' });
    assert.deepEqual(
      result.records.map((r) => r.prefixes[0] ?? `AS${r.asns![0]}`),
      ['AS64500', '198.51.100.0/24'],
    );
    assert.deepEqual(result.warnings, []);
  });

  it('refuses a country filter that is not a country code', async () => {
    await assert.rejects(parseDelegated(sample, { country: 'Kenya' }), /not a country code/);
  });
});

describe('RIR delegated statistics: ranges', () => {
  it('turns any IPv4 range into the fewest CIDR prefixes', () => {
    assert.deepEqual(ipv4RangeToPrefixes(0xc0000200, 256), ['192.0.2.0/24']);
    assert.deepEqual(ipv4RangeToPrefixes(0x0a000001, 3), ['10.0.0.1/32', '10.0.0.2/31']);
    assert.deepEqual(ipv4RangeToPrefixes(0, 2 ** 32), ['0.0.0.0/0']);
    assert.deepEqual(ipv4RangeToPrefixes(0xfffffffe, 2), ['255.255.255.254/31']);
    assert.deepEqual(ipv4RangeToPrefixes(0x0a000000, 1536), ['10.0.0.0/22', '10.0.4.0/23']);
  });
});

describe('RIR delegated statistics: problems', () => {
  const problems = async (lines: string[]) => {
    const result = await parseDelegated(header + lines.join('\n'));
    return result.errors;
  };

  it('reports each bad line with its number and column, and goes on', async () => {
    // The last line is good: reading goes on after the bad ones.
    const errors = await problems([
      'ripencc|FR|ipv4|192.0.2.0|256|20100101',
      'ripencc|FR|ipv5|192.0.2.0|256|20100101|allocated|x',
      'ripencc|FR|ipv4|192.0.2.300|256|20100101|allocated|x',
      'ripencc|FR|ipv4|192.0.2.0|0|20100101|allocated|x',
      'ripencc|FR|ipv6|2001:db8::1|32|20100101|allocated|x',
      'ripencc|FR|ipv4|192.0.2.0|256|20101301|allocated|x',
      'ripencc|FR|ipv4|255.255.255.0|512|20100101|allocated|x',
      'ripencc|fr|asn|64500|1|20100101|allocated|x',
      'ripencc|FR|asn|64500|1|20100101|given|x',
      'ripencc|FR|asn|64496|1|20100101|allocated|x',
    ]);
    assert.deepEqual(
      errors.map((e) => [e.line, e.column]),
      [
        [2, undefined],
        [3, 12],
        [4, 17],
        [5, 27],
        [6, 17],
        [7, 31],
        [8, 31],
        [9, 9],
        [10, 33],
      ],
    );
    assert.match(errors[0]!.message, /6 fields where a record has at least 7/);
    assert.match(errors[1]!.message, /unknown type "ipv5"/);
    assert.match(errors[2]!.message, /300 is over 255/);
    assert.match(errors[3]!.message, /a count of 0/);
    assert.match(errors[4]!.message, /host bits set: did you mean 2001:db8::\/32\?/);
    assert.match(errors[5]!.message, /"20101301" is not a date/);
    assert.match(errors[6]!.message, /run past 255\.255\.255\.255/);
    assert.match(errors[7]!.message, /"fr" is not a country code/);
    assert.match(errors[8]!.message, /unknown status "given"/);
  });

  it('warns when a summary or the version line disagrees with the records', async () => {
    const result = await parseDelegated(
      [
        '2|arin|20250101|3|19840101|20250101|-0400',
        'arin|*|ipv4|*|2|summary',
        'arin|US|ipv4|192.0.2.0|256|20100101|allocated|a',
      ].join('\n'),
    );
    assert.deepEqual(result.warnings, [
      { line: 2, message: 'the summary counts 2 ipv4 records but the file has 1' },
      { line: 1, message: 'the version line counts 3 records but the file has 1' },
    ]);
    assert.equal(result.records.length, 1);
  });

  it('checks dates against the calendar', () => {
    const date = (text: string) => {
      const parsed = parseDelegatedLine(`apnic|JP|asn|64500|1|${text}|allocated|x`, 1);
      return parsed.kind === 'record' ? parsed.record.date : parsed.kind;
    };
    assert.equal(date('20240229'), '2024-02-29');
    assert.equal(date('20230229'), 'error');
    assert.equal(date('19000229'), 'error');
    assert.equal(date('00000000'), null);
  });

  it('reads blank lines, comments and Windows line ends', () => {
    assert.deepEqual(parseDelegatedLine('', 1), { kind: 'blank' });
    assert.deepEqual(parseDelegatedLine('# note', 2), { kind: 'comment' });
    const line = parseDelegatedLine('lacnic|BR|ipv6|2001:db8::|32|20100101|allocated|x\r', 3);
    assert.equal(line.kind, 'record');
  });
});
