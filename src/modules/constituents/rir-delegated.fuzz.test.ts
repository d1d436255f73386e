/**
 * Fuzzing the RIR delegated-statistics parser with mutations of the sample file (fields swapped
 * for edge values, characters edited, lines duplicated, dropped or reordered) and arbitrary text:
 * no throw or rejection, each parse quick, every record exact (IPv4 prefixes canonical and
 * covering exactly `value` addresses) and every problem on a line of the input.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseIPv4Address, parseOwnershipValue } from './ownership-value.js';
import {
  parseDelegated,
  parseDelegatedLine,
  type DelegatedLine,
  type DelegatedRecord,
} from './rir-delegated.js';

const sample = readFileSync(
  new URL('./fixtures/delegated-extended-sample.txt', import.meta.url),
  'utf8',
);
const sampleLines = sample.split('\n').filter((l) => l !== '');
const callBoundMs = 500;

/** The fastest of up to three runs of a slow call: a busy machine's pause is not the parser's. */
function fastest<T>(call: () => T): { result: T; ms: number } {
  let ms = Infinity;
  let result!: T;
  for (let attempt = 0; attempt < 3 && ms >= callBoundMs; attempt++) {
    const started = performance.now();
    result = call();
    ms = Math.min(ms, performance.now() - started);
  }
  return { result, ms };
}

/** Values at the edges of what each field accepts. */
const edgeValues = [
  '',
  '*',
  '0',
  '1',
  '00',
  '128',
  '129',
  '256',
  '4294967295',
  '4294967296',
  '99999999999',
  '0.0.0.0',
  '255.255.255.255',
  '255.255.255.0',
  '01.2.3.4',
  '1.2.3',
  '::',
  '2001:db8::',
  '2001:db8::1',
  'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff',
  '::ffff:192.0.2.1',
  '2001:db8::/32',
  'fe80::1%eth0',
  '65535.65535',
  'AS64500',
  '00000000',
  '20240229',
  '20230229',
  '20241301',
  '2024-01-01',
  'KE',
  'ke',
  'ZZ',
  'KEN',
  'allocated',
  'assigned',
  'available',
  'reserved',
  'summary',
  'ipv4',
  'ipv6',
  'asn',
  'afrinic',
  'AFRINIC',
  '2',
  '2.3',
  '-1',
  '1e3',
  ' 1',
  '\t',
];
const chars = [...'|0123456789.:abcdefKEZ*#-\t \r', 'ipv4', 'ipv6', 'asn', 'é', '\u0660', '\0'];
const fragment = fc.oneof(
  fc.string({ unit: fc.constantFrom(...chars), maxLength: 4 }),
  fc.string({ unit: 'binary', maxLength: 4 }),
);

type LineEdit =
  | { op: 'field'; i: number; value: string }
  | { op: 'chars'; at: number; n: number; text: string; how: 'insert' | 'delete' | 'replace' };
const lineEdit: fc.Arbitrary<LineEdit> = fc.oneof(
  fc.record({
    op: fc.constant('field' as const),
    i: fc.nat(12),
    value: fc.oneof(fc.constantFrom(...edgeValues), fragment),
  }),
  fc.record({
    op: fc.constant('chars' as const),
    at: fc.nat(),
    n: fc.integer({ min: 1, max: 5 }),
    text: fragment,
    how: fc.constantFrom('insert' as const, 'delete' as const, 'replace' as const),
  }),
);

function applyLineEdit(line: string, e: LineEdit): string {
  if (e.op === 'field') {
    const fields = line.split('|');
    fields[e.i % (fields.length + 1)] = e.value;
    return fields.map((f) => f ?? '').join('|');
  }
  const at = e.at % (line.length + 1);
  if (e.how === 'insert') return line.slice(0, at) + e.text + line.slice(at);
  if (e.how === 'delete') return line.slice(0, at) + line.slice(at + e.n);
  return line.slice(0, at) + e.text + line.slice(at + e.n);
}

const mutatedLine = fc
  .tuple(fc.constantFrom(...sampleLines), fc.array(lineEdit, { minLength: 1, maxLength: 3 }))
  .map(([line, edits]) => edits.reduce(applyLineEdit, line));
const hostileLine = fc.oneof(
  { arbitrary: mutatedLine, weight: 6 },
  { arbitrary: fc.constantFrom(...sampleLines), weight: 1 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 80 }), weight: 1 },
  {
    arbitrary: fc
      .tuple(fc.oneof(fragment, mutatedLine), fc.integer({ min: 1000, max: 20_000 }))
      .map(([unit, n]) => (unit || '|').repeat(n).slice(0, 100_000)),
    weight: 1,
  },
);

/** A whole file: the sample's lines mutated, duplicated, dropped and reordered. */
const hostileFile = fc
  .record({
    lines: fc.array(
      hostileLine.filter((l) => l.length < 1000),
      { maxLength: 25 },
    ),
    keep: fc.array(fc.boolean(), { minLength: sampleLines.length, maxLength: sampleLines.length }),
    shuffle: fc.boolean(),
    crlf: fc.boolean(),
    cut: fc.option(fc.nat(), { nil: undefined }),
  })
  .chain(({ lines, keep, shuffle, crlf, cut }) => {
    const base = [...sampleLines.filter((_, i) => keep[i]), ...lines];
    return (
      shuffle ? fc.shuffledSubarray(base, { minLength: base.length }) : fc.constant(base)
    ).map((ordered) => {
      const text = ordered.join(crlf ? '\r\n' : '\n');
      return cut === undefined ? text : text.slice(0, cut % (text.length + 1));
    });
  });

/** How many addresses a canonical IPv4 prefix covers, and its first address. */
function block(prefix: string): { first: number; size: number } {
  const [address, length] = prefix.split('/');
  const first = parseIPv4Address(address!);
  assert.equal(typeof first, 'number', prefix);
  return { first: first as number, size: 2 ** (32 - Number(length)) };
}

function checkRecord(record: DelegatedRecord, line: number, text: string): void {
  assert.equal(record.line, line);
  assert.ok(Number.isInteger(record.value) && record.value > 0, `value of ${text}`);
  assert.ok(record.date === null || /^\d{4}-\d{2}-\d{2}$/.test(record.date));
  assert.ok(['allocated', 'assigned', 'available', 'reserved'].includes(record.status));
  assert.ok(record.cc === '' || /^[A-Z]{2}$/.test(record.cc));
  for (const prefix of record.prefixes) {
    const canonical = parseOwnershipValue(record.type === 'ipv6' ? 'ipv6' : 'ipv4', prefix);
    assert.deepEqual(canonical, { ok: true, value: prefix }, `${prefix} is canonical CIDR`);
  }
  if (record.type === 'ipv4') {
    // Adjacent blocks from the start, together exactly `value` addresses.
    let next = parseIPv4Address(record.start) as number;
    assert.equal(typeof next, 'number');
    let total = 0;
    for (const prefix of record.prefixes) {
      const { first, size } = block(prefix);
      assert.equal(first, next, `${prefix} follows on in ${text}`);
      next += size;
      total += size;
    }
    assert.equal(total, record.value, `the prefixes of ${text} cover ${record.value} addresses`);
    assert.ok(record.prefixes.length <= 62, 'a minimal cover');
  } else if (record.type === 'ipv6') {
    assert.equal(record.prefixes.length, 1);
    assert.ok(record.prefixes[0]!.endsWith(`/${record.value}`));
  } else {
    assert.deepEqual(record.prefixes, []);
    const [first, last] = record.asns!;
    assert.equal(last - first + 1, record.value);
    assert.ok(first >= 0 && last <= 4294967295);
  }
}

function checkLine(parsed: DelegatedLine, line: number, text: string): void {
  switch (parsed.kind) {
    case 'record':
      return checkRecord(parsed.record, line, text);
    case 'error': {
      const { error } = parsed;
      assert.equal(error.line, line);
      assert.ok(typeof error.message === 'string' && error.message.length > 0);
      if (error.column !== undefined) {
        // The column is where a field starts: the line's start or just after a '|'.
        assert.ok(error.column >= 1 && error.column <= text.length + 1, `column ${error.column}`);
        assert.ok(error.column === 1 || text[error.column - 2] === '|', `column ${error.column}`);
      }
      return;
    }
    case 'header':
      assert.equal(parsed.header.line, line);
      assert.ok(Number.isInteger(parsed.header.records));
      return;
    case 'summary':
      assert.equal(parsed.summary.line, line);
      assert.ok(['ipv4', 'ipv6', 'asn'].includes(parsed.summary.type));
      return;
    default:
      assert.ok(parsed.kind === 'blank' || parsed.kind === 'comment');
  }
}

describe('delegated statistics under hostile input (fuzz)', () => {
  it('reads each mutated line as an exact record, a header, a summary or a located problem', () => {
    fc.assert(
      fc.property(hostileLine, fc.integer({ min: 1, max: 1_000_000 }), (text, line) => {
        const { result: parsed, ms } = fastest(() => parseDelegatedLine(text, line));
        assert.ok(ms < callBoundMs, `${ms.toFixed(0)} ms on a ${text.length}-char line`);
        checkLine(parsed, line, text);
      }),
      { numRuns: 1500 },
    );
  });

  it('covers any IPv4 range exactly with canonical prefixes, alignment or not', () => {
    fc.assert(
      fc.property(fc.nat(0xffffffff), fc.integer({ min: 1, max: 2 ** 32 }), (start, count) => {
        const value = Math.min(count, 2 ** 32 - start);
        const dotted = [start >>> 24, (start >>> 16) & 255, (start >>> 8) & 255, start & 255].join(
          '.',
        );
        const text = `ripencc|KE|ipv4|${dotted}|${value}|20200101|allocated|x`;
        const parsed = parseDelegatedLine(text, 7);
        assert.equal(parsed.kind, 'record', text);
        checkLine(parsed, 7, text);
      }),
      { numRuns: 1000 },
    );
  });

  it('parses a mutated file, as text or line by line, with every problem on one of its lines', async () => {
    await fc.assert(
      fc.asyncProperty(
        hostileFile,
        fc.constantFrom(undefined, 'KE', 'tz'),
        fc.constantFrom('text' as const, 'lines' as const, 'async' as const),
        async (text, country, form) => {
          const lines = text.split('\n');
          const input =
            form === 'text'
              ? text
              : form === 'lines'
                ? lines
                : (async function* () {
                    // Lines arriving one by one, as from a download.
                    for (const line of lines) yield await Promise.resolve(line);
                  })();
          const started = performance.now();
          const result = await parseDelegated(input, { country });
          const elapsed = performance.now() - started;
          assert.ok(elapsed < 5000, `${elapsed.toFixed(0)} ms for ${lines.length} lines`);
          // A final newline ends the last line rather than starting an empty one.
          const count = form === 'text' && text.endsWith('\n') ? lines.length - 1 : lines.length;
          for (const problem of [...result.errors, ...result.warnings])
            assert.ok(
              problem.line >= 1 && problem.line <= Math.max(count, 1),
              `line ${problem.line}`,
            );
          for (const record of result.records) {
            assert.ok(record.line >= 1 && record.line <= count);
            checkLine({ kind: 'record', record }, record.line, lines[record.line - 1]!);
            if (country) assert.equal(record.cc, country.toUpperCase());
            assert.ok(record.status === 'allocated' || record.status === 'assigned');
          }
          const read = result.counts.ipv4 + result.counts.ipv6 + result.counts.asn;
          assert.equal(result.records.length + result.skipped, read);
        },
      ),
      { numRuns: 300 },
    );
  });
});
