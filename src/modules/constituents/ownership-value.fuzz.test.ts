/**
 * Fuzzing the ownership-value and lookup-query parsers (hostile input: what people paste). For
 * arbitrary text and for mutations of valid values: no throw, each call quick, and either a
 * canonical value that parses back to itself or a refusal with a message.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  formatIPv4,
  formatIPv6,
  ownershipKinds,
  parseAsNumber,
  parseIPv4Address,
  parseIPv6Address,
  parseLookupQuery,
  parseOwnershipValue,
  refang,
  type OwnershipKind,
} from './ownership-value.js';

/** Longest a single call may take, even on a 100 000-character input. */
const callBoundMs = 500;
const runs = { numRuns: 400 };

/**
 * Calls `call`, checking it stays under the bound. A slow call is timed twice more and the
 * fastest counts, so a pause of a busy machine is not taken for a slow parser.
 */
function timed<T>(what: string, input: string, call: () => T): T {
  let fastest = Infinity;
  let result!: T;
  for (let attempt = 0; attempt < 3 && fastest >= callBoundMs; attempt++) {
    const started = performance.now();
    result = call();
    fastest = Math.min(fastest, performance.now() - started);
  }
  assert.ok(
    fastest < callBoundMs,
    `${what} took ${fastest.toFixed(0)} ms on ${JSON.stringify(input.slice(0, 80))}… (${input.length} chars)`,
  );
  return result;
}

const seeds: Record<OwnershipKind | 'query', string[]> = {
  ipv4: ['192.0.2.0/24', '10.0.0.1', '0.0.0.0/0', '255.255.255.255/32', '198.51.100.128/25'],
  ipv6: [
    '2001:db8::/32',
    '::1',
    '::ffff:192.0.2.1',
    '2001:db8:0:0:0:0:0:1/128',
    '1:2:3:4:5:6:7:8',
    '::/0',
    'fe80::1%eth0',
  ],
  asn: ['AS64500', '64500', 'as1.10', '4294967295', 'AS0', '65535.65535', 'AS64496-AS64511'],
  domain: [
    'example.org',
    '*.example.org',
    'bücher.example',
    'xn--bcher-kva.example',
    'a.b.example.',
  ],
  query: [
    'hxxps://www[.]example[.]org/x',
    'user@example.org',
    'mailto:a@b.example',
    '[2001:db8::1]:443',
    '192.0.2.1:8080',
    'http://[::ffff:192.0.2.1]/',
    'a@[192.0.2.1]',
    'AS64500',
    'example[.]org',
    '203.0.113.0/24',
    'example.org/path?q=1',
    '::ffff:192.0.2.1/120',
    'as1.',
    '1-2.',
  ],
};
const allSeeds = Object.values(seeds).flat();

/** Characters these parsers give meaning to, and a few that look like them. */
const meaningful = [
  ...'0123456789abcdefABCDEFxX.:/[]()%*-@ \t',
  'as',
  'hxxp://',
  '[.]',
  '::',
  '\u00a0', // no-break space
  '\u0660', // Arabic-Indic digit zero
  '\uff0e', // fullwidth full stop
  'é',
  'ß',
  '\u200b', // zero-width space
  '\ud800', // lone surrogate
];
const fragment = fc.oneof(
  fc.string({ unit: fc.constantFrom(...meaningful), maxLength: 4 }),
  fc.string({ unit: 'binary', maxLength: 4 }),
);

type Edit = {
  op: 'insert' | 'delete' | 'replace' | 'duplicate' | 'truncate';
  at: number;
  n: number;
  text: string;
};
const edit: fc.Arbitrary<Edit> = fc.record({
  op: fc.constantFrom('insert', 'delete', 'replace', 'duplicate', 'truncate'),
  at: fc.nat(),
  n: fc.integer({ min: 1, max: 6 }),
  text: fragment,
});

function applyEdit(s: string, e: Edit): string {
  const at = e.at % (s.length + 1);
  switch (e.op) {
    case 'insert':
      return s.slice(0, at) + e.text + s.slice(at);
    case 'delete':
      return s.slice(0, at) + s.slice(at + e.n);
    case 'replace':
      return s.slice(0, at) + e.text + s.slice(at + e.n);
    case 'duplicate':
      return s.slice(0, at + e.n) + s.slice(at);
    case 'truncate':
      return s.slice(0, at);
  }
}

const mutated = (list: string[]) =>
  fc
    .tuple(fc.constantFrom(...list), fc.array(edit, { minLength: 1, maxLength: 4 }))
    .map(([seed, edits]) => edits.reduce(applyEdit, seed));

/** Arbitrary text, mutated valid values, and long repetitions (for slow regular expressions). */
const hostile = (list: string[]) =>
  fc.oneof(
    { arbitrary: fc.string({ unit: 'binary', maxLength: 60 }), weight: 2 },
    { arbitrary: fc.string({ unit: fc.constantFrom(...meaningful), maxLength: 40 }), weight: 2 },
    { arbitrary: mutated(list), weight: 5 },
    {
      arbitrary: fc
        .tuple(fc.oneof(mutated(list), fragment), fc.integer({ min: 1000, max: 20_000 }))
        .map(([unit, n]) => (unit || '.').repeat(n).slice(0, 100_000)),
      weight: 1,
    },
  );

const shape: Record<OwnershipKind, RegExp> = {
  ipv4: /^\d{1,3}(\.\d{1,3}){3}\/\d{1,2}$/,
  ipv6: /^[0-9a-f:.]+\/\d{1,3}$/,
  asn: /^AS\d{1,10}(-AS\d{1,10})?$/,
  domain: /^[a-z0-9.-]+$/,
};

/** A dotted quad as the parser should accept it: four numbers 0-255 without leading zeros. */
const strictDottedQuad =
  /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

describe('ownership values under hostile input (fuzz)', () => {
  it('gives a canonical value that parses back to itself, or a message; never throws', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ownershipKinds), hostile(allSeeds), (kind, raw) => {
        const parsed = timed(`parseOwnershipValue(${kind})`, raw, () =>
          parseOwnershipValue(kind, raw),
        );
        if (!parsed.ok) {
          assert.equal(typeof parsed.message, 'string');
          assert.ok(parsed.message.length > 0);
          return;
        }
        assert.match(parsed.value, shape[kind]);
        assert.deepEqual(parseOwnershipValue(kind, parsed.value), parsed, 'idempotent');
      }),
      runs,
    );
  });

  it('understands a lookup query as a canonical target that a re-parse keeps, or refuses it', () => {
    fc.assert(
      fc.property(hostile(allSeeds), (raw) => {
        const query = timed('parseLookupQuery', raw, () => parseLookupQuery(raw));
        if (!query.ok) {
          assert.ok(typeof query.message === 'string' && query.message.length > 0);
          return;
        }
        assert.ok(['ipv4', 'ipv6', 'asn', 'domain', 'url', 'email'].includes(query.kind));
        assert.ok(ownershipKinds.includes(query.target.kind));
        assert.deepEqual(
          parseOwnershipValue(query.target.kind, query.target.value),
          { ok: true, value: query.target.value },
          'the target is a canonical ownership value',
        );
        const again = parseLookupQuery(query.normalised);
        assert.ok(again.ok, `the normalised form ${query.normalised} is refused`);
        assert.deepEqual([again.kind, again.target], [query.kind, query.target]);
      }),
      runs,
    );
  });

  it('reads a dotted quad exactly when it is four numbers 0-255 without leading zeros', () => {
    const quads = fc.oneof(
      fc.ipV4().map((ip) => ip),
      fc.ipV4Extended(),
      hostile(seeds.ipv4),
    );
    fc.assert(
      fc.property(quads, (text) => {
        const address = timed('parseIPv4Address', text, () => parseIPv4Address(text));
        if (typeof address === 'string') {
          assert.ok(!strictDottedQuad.test(text), `${text} refused: ${address}`);
          assert.ok(address.length > 0);
          return;
        }
        assert.ok(strictDottedQuad.test(text), `${text} accepted as ${address}`);
        assert.ok(Number.isInteger(address) && address >= 0 && address <= 0xffffffff);
        assert.equal(formatIPv4(address), text);
      }),
      runs,
    );
  });

  it('reads an IPv6 address as four words that its RFC 5952 text gives back, or a message', () => {
    fc.assert(
      fc.property(fc.oneof(fc.ipV6(), hostile(seeds.ipv6)), (text) => {
        const words = timed('parseIPv6Address', text, () => parseIPv6Address(text));
        if (typeof words === 'string') {
          assert.ok(words.length > 0);
          return;
        }
        assert.ok(words instanceof Uint32Array && words.length === 4);
        const again = parseIPv6Address(formatIPv6(words));
        assert.ok(again instanceof Uint32Array);
        assert.deepEqual([...again], [...words]);
      }),
      runs,
    );
  });

  it('reads an AS number in range that reads the same with and without "AS", or a message', () => {
    fc.assert(
      fc.property(fc.oneof(fc.nat().map(String), hostile(seeds.asn)), (text) => {
        const n = timed('parseAsNumber', text, () => parseAsNumber(text));
        if (typeof n === 'string') {
          assert.ok(n.length > 0);
          return;
        }
        assert.ok(Number.isInteger(n) && n >= 0 && n <= 4294967295);
        assert.equal(parseAsNumber(String(n)), n);
        assert.equal(parseAsNumber(`AS${n}`), n);
      }),
      runs,
    );
  });

  it('refangs without growing the text, and leaves text without defanging as it is', () => {
    fc.assert(
      fc.property(hostile(seeds.query), (text) => {
        const out = timed('refang', text, () => refang(text));
        assert.equal(typeof out, 'string');
        assert.ok(out.length <= text.length);
        if (!/^hxxp|\[\.\]|\(\.\)|\{\.\}|\[:\]|\[@\]/i.test(text)) assert.equal(out, text);
      }),
      runs,
    );
  });
});
