/**
 * Fuzzing the STIX pattern parser and checker with what peers may send: arbitrary text, text
 * made of the language's own tokens, and valid patterns mutated. For each: no throw, a quick
 * answer, an error placed inside the input with a consistent line and column, and for whatever
 * parses, a printed form that parses back to the same tree.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  checkPattern,
  parsePattern,
  positionOf,
  printPattern,
  withoutLocations,
  type PatternProblem,
} from './index.js';

/** Longest a single call may take, even on a 100,000-character input. */
const callBoundMs = 500;
const runs = { numRuns: 500 };

/**
 * Calls `call`, checking it stays under the bound. A slow call is timed twice more and the
 * fastest counts, so a pause of a busy machine is not taken for a slow parser.
 */
function timed<T>(input: string, call: () => T): T {
  let fastest = Infinity;
  let result!: T;
  for (let attempt = 0; attempt < 3 && fastest >= callBoundMs; attempt++) {
    const started = performance.now();
    result = call();
    fastest = Math.min(fastest, performance.now() - started);
  }
  assert.ok(
    fastest < callBoundMs,
    `${fastest.toFixed(0)} ms on ${JSON.stringify(input.slice(0, 80))}… (${input.length} chars)`,
  );
  return result;
}

/** Everything a pattern of any text must satisfy. */
function answersWell(text: string): void {
  const parsed = timed(text, () => parsePattern(text));
  const problems = timed(text, () => checkPattern(text));
  if (!parsed.ok) {
    assert.equal(problems.length, 1);
    assert.equal(problems[0]!.code, 'syntax');
    placed(text, parsed.error);
    assert.deepEqual(problems[0], { code: 'syntax', ...parsed.error });
    return;
  }
  for (const problem of problems) placed(text, problem);
  const printed = printPattern(parsed.ast);
  const again = parsePattern(printed);
  if (!again.ok) assert.fail(`${text}\nprinted as ${printed}\n${again.error.message}`);
  assert.deepEqual(withoutLocations(again.ast), withoutLocations(parsed.ast));
  // Printing keeps every problem but a repeated qualifier, which it writes in parentheses.
  const codes = (list: PatternProblem[]) =>
    list.map((p) => p.code).filter((code) => code !== 'duplicate_qualifier');
  assert.deepEqual(codes(checkPattern(printed)).sort(), codes(problems).sort());
}

function placed(
  text: string,
  where: { offset: number; line: number; column: number; message: string },
): void {
  assert.ok(Number.isInteger(where.offset), `offset ${where.offset}`);
  assert.ok(where.offset >= 0 && where.offset <= text.length, `offset ${where.offset}`);
  const position = positionOf(text, where.offset);
  assert.deepEqual([where.line, where.column], [position.line, position.column]);
  assert.ok(
    where.message.startsWith(`line ${where.line}, column ${where.column}: `),
    where.message,
  );
  assert.ok(where.message.length < 400, where.message);
}

const seeds = [
  "[ipv4-addr:value = '198.51.100.1/32' OR ipv6-addr:value = '2001:db8::/64']",
  "[file:hashes.'SHA-256' = 'aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f' AND file:size > 1024]",
  "[email-message:from_ref.value MATCHES '.+\\\\@example\\\\.com$'] FOLLOWEDBY [file:name LIKE 'inv%.exe'] WITHIN 300 SECONDS",
  "[network-traffic:dst_ref.type = 'ipv4-addr' AND network-traffic:dst_port IN (443, 8443)] REPEATS 5 TIMES",
  "([file:extensions.'windows-pebinary-ext'.sections[*].entropy >= 7.5] OR [NOT EXISTS process:x_ref]) START t'2016-06-01T01:30:00.123Z' STOP t'2016-06-01T02:20:00Z'",
  "[file:magic_number_hex = h'ffd8' AND file:x_bin != b'aGk=' AND file:x_flag = true] // note",
  "/* c */ [domain-name:value ISSUBSET '10.0.0.0/8' OR domain-name:x_list[1] <> -0.5]",
];

const tokens = [
  '[',
  ']',
  '(',
  ')',
  ':',
  '.',
  ',',
  "'",
  '\\',
  ' ',
  '\n',
  '\r',
  '\u00a0',
  '=',
  '==',
  '!=',
  '<>',
  '<',
  '>=',
  '*',
  '-',
  '+',
  '0',
  '7',
  '.5',
  'file',
  'x-foo',
  'name',
  'AND',
  'OR',
  'NOT',
  'FOLLOWEDBY',
  'IN',
  'LIKE',
  'MATCHES',
  'ISSUBSET',
  'ISSUPERSET',
  'EXISTS',
  'WITHIN',
  'SECONDS',
  'REPEATS',
  'TIMES',
  'START',
  'STOP',
  'and',
  'true',
  "t'",
  "h'",
  "b'",
  "t'2016-01-01T00:00:00Z'",
  "h'00'",
  "b'AA=='",
  "'x'",
  "'it\\'s'",
  '/*',
  '*/',
  '//',
];

const tokenText = fc.array(fc.constantFrom(...tokens), { maxLength: 40 }).map((t) => t.join(''));

/** A seed with a few edits: characters or tokens inserted, removed, replaced or repeated. */
const mutated = fc
  .tuple(
    fc.constantFrom(...seeds),
    fc.array(
      fc.tuple(
        fc.nat(),
        fc.nat({ max: 6 }),
        fc.oneof(fc.constantFrom(...tokens), fc.string({ unit: 'binary', maxLength: 3 })),
        fc.constantFrom('insert', 'delete', 'replace', 'repeat'),
      ),
      { minLength: 1, maxLength: 4 },
    ),
  )
  .map(([seed, edits]) => {
    let text = seed;
    for (const [at, length, piece, edit] of edits) {
      const start = at % (text.length + 1);
      const end = Math.min(text.length, start + length);
      if (edit === 'insert') text = text.slice(0, start) + piece + text.slice(start);
      else if (edit === 'delete') text = text.slice(0, start) + text.slice(end);
      else if (edit === 'replace') text = text.slice(0, start) + piece + text.slice(end);
      else text = text.slice(0, end) + text.slice(start, end) + text.slice(end);
    }
    return text;
  });

describe('STIX patterns under fuzzing', () => {
  it('answers the seeds without a problem', () => {
    for (const seed of seeds) assert.deepEqual(checkPattern(seed), [], seed);
  });

  it('answers arbitrary text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), answersWell), runs);
  });

  it("answers text made of the language's tokens", () => {
    fc.assert(fc.property(tokenText, answersWell), runs);
  });

  it('answers mutated valid patterns', () => {
    fc.assert(fc.property(mutated, answersWell), { numRuns: 2000 });
    // Enough of them still parse for the round trip to be exercised.
    const sample = fc.sample(mutated, { numRuns: 500, seed: 8 });
    const parsing = sample.filter((text) => parsePattern(text).ok).length;
    assert.ok(parsing > 100, `${parsing} of 500 mutated patterns parse`);
  });

  it('answers long and deep inputs in time', () => {
    const long = [
      'x'.repeat(100_000),
      `[file:name = '${'a'.repeat(100_000)}']`,
      `[file:name = '${"\\'".repeat(50_000)}']`,
      `[file:name = '${'a'.repeat(100_000)}`,
      `[${Array.from({ length: 3000 }, (_, i) => `file:name = 'f${i}'`).join(' OR ')}]`,
      `[file:size IN (${Array.from({ length: 10_000 }, (_, i) => i).join(', ')})]`,
      Array.from({ length: 2000 }, () => "[ipv4-addr:value = '198.51.100.1']").join(' FOLLOWEDBY '),
      `[file:name = 'a']${' WITHIN 5 SECONDS'.repeat(5000)}`,
      '('.repeat(100_000),
      '['.repeat(100_000),
      `${'('.repeat(250)}[${'('.repeat(200)}file:name = 'a'${')'.repeat(200)}]${')'.repeat(250)}`,
      `${"[file:name = 'a'] AND ".repeat(5000)}`,
      `/*${' '.repeat(100_000)}`,
      ' '.repeat(100_000),
      // Nesting and qualifiers at their bounds: the tree is as deep as it can be.
      Array.from({ length: 249 }).reduce<string>(
        (inner) =>
          `(${inner} REPEATS 2 TIMES WITHIN 5 SECONDS START t'2016-01-01T00:00:00Z' STOP t'2016-01-02T00:00:00Z')`,
        "[file:name = 'a']",
      ),
    ];
    for (const text of long) answersWell(text);
    fc.assert(
      fc.property(
        fc.constantFrom(...seeds),
        fc.integer({ min: 100, max: 1000 }),
        fc.constantFrom(' AND ', ' OR ', ' FOLLOWEDBY ', ''),
        (seed, times, join) => answersWell(Array.from({ length: times }, () => seed).join(join)),
      ),
      { numRuns: 20 },
    );
  });
});
