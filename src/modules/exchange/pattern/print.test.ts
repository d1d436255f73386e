import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  parsePattern,
  patternKeywords,
  printPattern,
  withoutLocations,
  type Comparison,
  type ComparisonExpression,
  type Constant,
  type ObjectPath,
  type ObservationExpression,
  type OrderableConstant,
  type PathStep,
  type Pattern,
  type Qualifier,
  type StringConstant,
  type TimestampConstant,
} from './index.js';

function parsed(text: string): Pattern {
  const result = parsePattern(text);
  if (!result.ok) assert.fail(`${JSON.stringify(text)}: ${result.error.message}`);
  return result.ast;
}

const print = (text: string) => printPattern(parsed(text));

describe('printPattern', () => {
  it('writes the canonical form: single spaces, = and !=, names bare where they can be', () => {
    assert.equal(
      print("[file:hashes.'MD5'=='d41d8cd98f00b204e9800998ecf8427e']"),
      "[file:hashes.MD5 = 'd41d8cd98f00b204e9800998ecf8427e']",
    );
    assert.equal(
      print("[file:extensions.'windows-pebinary-ext'.sections[*].entropy>7.0]"),
      "[file:extensions.'windows-pebinary-ext'.sections[*].entropy > 7.0]",
    );
    assert.equal(print("[file:'AND' <> 'x' ]"), "[file:'AND' != 'x']");
    assert.equal(print('[file:size IN(+1,2)]'), '[file:size IN (1, 2)]');
    assert.equal(print("[file:name NOT LIKE 'it\\'s\\\\']"), "[file:name NOT LIKE 'it\\'s\\\\']");
    assert.equal(print('[ NOT EXISTS file:x_list[+0] ]'), '[NOT EXISTS file:x_list[0]]');
    assert.equal(
      print(
        "/* note */ [file:name = 'a'] REPEATS 5TIMES START t'2016-01-01T00:00:00Z' STOP t'2016-01-02T00:00:00Z'",
      ),
      "[file:name = 'a'] REPEATS 5 TIMES START t'2016-01-01T00:00:00Z' STOP t'2016-01-02T00:00:00Z'",
    );
  });

  it('puts parentheses only where the tree needs them', () => {
    const cases: [string, string][] = [
      ["(([file:name = 'a']))", "[file:name = 'a']"],
      ['([a-a:x=1] AND [b-b:x=1]) OR [c-c:x=1]', '[a-a:x = 1] AND [b-b:x = 1] OR [c-c:x = 1]'],
      ['[a-a:x=1] AND ([b-b:x=1] OR [c-c:x=1])', '[a-a:x = 1] AND ([b-b:x = 1] OR [c-c:x = 1])'],
      ['[a-a:x=1] AND ([b-b:x=1] AND [c-c:x=1])', '[a-a:x = 1] AND ([b-b:x = 1] AND [c-c:x = 1])'],
      ['([a-a:x=1] AND [b-b:x=1]) AND [c-c:x=1]', '([a-a:x = 1] AND [b-b:x = 1]) AND [c-c:x = 1]'],
      [
        '([a-a:x=1] FOLLOWEDBY [b-b:x=1]) WITHIN 5 SECONDS',
        '([a-a:x = 1] FOLLOWEDBY [b-b:x = 1]) WITHIN 5 SECONDS',
      ],
      ['[a-a:x=1 OR (a-a:y=1 AND a-a:z=1)]', '[a-a:x = 1 OR a-a:y = 1 AND a-a:z = 1]'],
      ['[(a-a:x=1 OR a-a:y=1) AND a-a:z=1]', '[(a-a:x = 1 OR a-a:y = 1) AND a-a:z = 1]'],
      ['[a-a:x=1 OR (a-a:y=1 OR a-a:z=1)]', '[a-a:x = 1 OR (a-a:y = 1 OR a-a:z = 1)]'],
      // One kind of qualifier twice on one expression needs the first in parentheses.
      [
        '([a-a:x=1] REPEATS 2 TIMES) REPEATS 3 TIMES',
        '([a-a:x = 1] REPEATS 2 TIMES) REPEATS 3 TIMES',
      ],
      [
        '([a-a:x=1] REPEATS 2 TIMES) WITHIN 3 SECONDS',
        '[a-a:x = 1] REPEATS 2 TIMES WITHIN 3 SECONDS',
      ],
      [
        '(([a-a:x=1] REPEATS 2 TIMES WITHIN 5 SECONDS) REPEATS 3 TIMES WITHIN 6 SECONDS) WITHIN 9 SECONDS',
        '(([a-a:x = 1] REPEATS 2 TIMES WITHIN 5 SECONDS) REPEATS 3 TIMES WITHIN 6 SECONDS) WITHIN 9 SECONDS',
      ],
    ];
    for (const [text, canonical] of cases) assert.equal(print(text), canonical, text);
  });
});

// Random trees, built as the parser builds them (locations aside), for the round trip.
const noLoc = { start: 0, end: 0 };
const digits = (min: number, max: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });

const objectType = fc
  .stringMatching(/^[a-z_][a-z0-9_-]{0,12}$/)
  .filter((name) => !patternKeywords.has(name));
const propertyName = fc.oneof(
  fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,10}$/),
  fc.constantFrom(...patternKeywords),
  fc.string({ unit: 'binary', maxLength: 10 }),
);
const property = propertyName.map((name) => ({ kind: 'property' as const, name, loc: noLoc }));
const step: fc.Arbitrary<PathStep> = fc.oneof(
  property,
  fc
    .bigInt({ min: -(10n ** 20n), max: 10n ** 20n })
    .map((n) => ({ kind: 'index' as const, index: String(n), loc: noLoc })),
  fc.constant({ kind: 'any-index' as const, loc: noLoc }),
);
const objectPath: fc.Arbitrary<ObjectPath> = fc
  .tuple(objectType, property, fc.array(step, { maxLength: 4 }))
  .map(([type, first, rest]) => ({ objectType: type, steps: [first, ...rest], loc: noLoc }));

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const timestamp: fc.Arbitrary<TimestampConstant> = fc
  .tuple(
    fc.integer({ min: 0, max: 9999 }),
    fc.integer({ min: 1, max: 12 }),
    fc.integer({ min: 1, max: 31 }),
    fc.integer({ min: 0, max: 23 }),
    fc.integer({ min: 0, max: 59 }),
    fc.integer({ min: 0, max: 60 }),
    fc.option(digits(1, 9), { nil: undefined }),
  )
  .map(([y, mo, d, h, mi, s, fraction]) => ({
    kind: 'timestamp',
    value: `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}T${pad(h, 2)}:${pad(mi, 2)}:${pad(s, 2)}${fraction === undefined ? '' : `.${fraction}`}Z`,
    loc: noLoc,
  }));
const string: fc.Arbitrary<StringConstant> = fc
  .string({ unit: 'binary', maxLength: 20 })
  .map((value) => ({ kind: 'string', value, loc: noLoc }));
const orderable: fc.Arbitrary<OrderableConstant> = fc.oneof(
  string,
  fc
    .bigInt({ min: -(10n ** 30n), max: 10n ** 30n })
    .map((n) => ({ kind: 'integer' as const, value: String(n), loc: noLoc })),
  fc.tuple(fc.boolean(), digits(0, 4), digits(1, 4)).map(([negative, whole, fraction]) => ({
    kind: 'float' as const,
    value: `${negative ? '-' : ''}${whole}.${fraction}`,
    loc: noLoc,
  })),
  timestamp,
  fc.tuple(fc.uint8Array({ maxLength: 8 }), fc.boolean()).map(([bytes, upper]) => {
    const hex = Buffer.from(bytes).toString('hex');
    return { kind: 'hex' as const, value: upper ? hex.toUpperCase() : hex, loc: noLoc };
  }),
  fc.uint8Array({ minLength: 1, maxLength: 8 }).map((bytes) => ({
    kind: 'binary' as const,
    value: Buffer.from(bytes).toString('base64'),
    loc: noLoc,
  })),
);
const constant: fc.Arbitrary<Constant> = fc.oneof(
  orderable,
  fc.boolean().map((value) => ({ kind: 'boolean' as const, value, loc: noLoc })),
);

const comparison: fc.Arbitrary<Comparison> = fc.oneof(
  fc.record({
    kind: fc.constant('comparison' as const),
    path: objectPath,
    negated: fc.boolean(),
    operator: fc.constantFrom('=' as const, '!=' as const),
    value: constant,
    loc: fc.constant(noLoc),
  }),
  fc.record({
    kind: fc.constant('comparison' as const),
    path: objectPath,
    negated: fc.boolean(),
    operator: fc.constantFrom('>' as const, '<' as const, '>=' as const, '<=' as const),
    value: orderable,
    loc: fc.constant(noLoc),
  }),
  fc.record({
    kind: fc.constant('comparison' as const),
    path: objectPath,
    negated: fc.boolean(),
    operator: fc.constantFrom(
      'LIKE' as const,
      'MATCHES' as const,
      'ISSUBSET' as const,
      'ISSUPERSET' as const,
    ),
    value: string,
    loc: fc.constant(noLoc),
  }),
  fc.record({
    kind: fc.constant('in' as const),
    path: objectPath,
    negated: fc.boolean(),
    values: fc.array(constant, { maxLength: 4 }),
    setLoc: fc.constant(noLoc),
    loc: fc.constant(noLoc),
  }),
  fc.record({
    kind: fc.constant('exists' as const),
    path: objectPath,
    negated: fc.boolean(),
    loc: fc.constant(noLoc),
  }),
);

const positive = fc.oneof(
  digits(1, 6).map((d) => d.replace(/^0+(?=\d)/, '')),
  fc.tuple(digits(0, 4), digits(1, 4)).map(([whole, fraction]) => `${whole}.${fraction}`),
);
const qualifier: fc.Arbitrary<Qualifier> = fc.oneof(
  positive.map((seconds) => ({ kind: 'within' as const, seconds, loc: noLoc })),
  digits(1, 6).map((d) => ({
    kind: 'repeats' as const,
    times: d.replace(/^0+(?=\d)/, ''),
    loc: noLoc,
  })),
  fc
    .tuple(timestamp, timestamp)
    .map(([start, stop]) => ({ kind: 'start-stop' as const, start, stop, loc: noLoc })),
);

const trees = fc.letrec<{
  comparisons: ComparisonExpression;
  observations: ObservationExpression;
}>((tie) => ({
  comparisons: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    comparison,
    fc.record({
      kind: fc.constant('comparison-operator' as const),
      operator: fc.constantFrom('AND' as const, 'OR' as const),
      operands: fc.array(tie('comparisons'), { minLength: 2, maxLength: 3 }),
      loc: fc.constant(noLoc),
    }),
  ),
  observations: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({
      kind: fc.constant('observation' as const),
      comparison: tie('comparisons'),
      loc: fc.constant(noLoc),
    }),
    fc.record({
      kind: fc.constant('observation-operator' as const),
      operator: fc.constantFrom('AND' as const, 'OR' as const, 'FOLLOWEDBY' as const),
      operands: fc.array(tie('observations'), { minLength: 2, maxLength: 3 }),
      loc: fc.constant(noLoc),
    }),
    fc.record({
      kind: fc.constant('qualified' as const),
      expression: tie('observations'),
      qualifier,
      loc: fc.constant(noLoc),
    }),
  ),
}));

describe('printing and parsing back', () => {
  it('gives the same tree for any tree (fast-check)', () => {
    fc.assert(
      fc.property(trees.observations, (tree) => {
        const text = printPattern(tree);
        const back = parsePattern(text);
        if (!back.ok) throw new Error(`${text}\n${back.error.message}`);
        assert.deepEqual(withoutLocations(back.ast), withoutLocations(tree), text);
        assert.equal(printPattern(back.ast), text);
      }),
      { numRuns: 1000 },
    );
  });
});
