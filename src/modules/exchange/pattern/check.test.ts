import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  checkPattern,
  compareTimestamps,
  observedTypes,
  parsePattern,
  type PatternProblemCode,
} from './index.js';

/** The problems of a pattern as [code, column, message without its place]. */
function problems(text: string): [PatternProblemCode, number, string][] {
  return checkPattern(text).map((p) => {
    assert.equal(p.line, 1);
    assert.ok(p.message.startsWith(`line 1, column ${p.column}: `), p.message);
    assert.equal(p.offset, p.column - 1);
    return [p.code, p.column, p.message.slice(`line 1, column ${p.column}: `.length)];
  });
}

/** Only the codes and columns. */
function places(text: string): [PatternProblemCode, number][] {
  return problems(text).map(([code, column]) => [code, column]);
}

describe('STIX pattern rules beyond the grammar', () => {
  it('wants STIX object type names: a-z, 0-9 and -, 3 to 250 characters, no --', () => {
    assert.deepEqual(problems('[x_whatever:a = 1]'), [
      [
        'object_type',
        2,
        "'x_whatever' is not a STIX object type name: 3 to 250 characters among a-z, 0-9 and '-', never '--'",
      ],
    ]);
    for (const bad of ['ab', 'File', 'x--y', 'a'.repeat(251), '_foo', 'ipv4_addr']) {
      assert.deepEqual(places(`[${bad}:value = 1]`), [['object_type', 2]], bad);
    }
    for (const good of ['abc', 'x-foo', 'ipv4-addr', 'a'.repeat(250), 'x-usb-device-']) {
      assert.deepEqual(places(`[${good}:value = 1]`), [], good);
    }
  });

  it('wants property names and keys of letters, digits, _ and -, at most 250', () => {
    assert.deepEqual(problems("[file:hashes.'SHA 256' = 'a']"), [
      [
        'property_name',
        14,
        "'SHA 256' is not a STIX property name or key: 1 to 250 characters among A-Z, a-z, 0-9, '_' and '-'",
      ],
    ]);
    assert.deepEqual(places("[file:'' = 1]"), [['property_name', 7]]);
    assert.deepEqual(places(`[file:x_${'a'.repeat(249)} = 1]`), [['property_name', 7]]);
    assert.deepEqual(places(`[file:x_${'a'.repeat(248)} = 1]`), []);
    assert.deepEqual(places("[file:extensions.'x-acme-ext'.'Mixed_Case-key' = 1]"), []);
  });

  it('wants list indexes from 0', () => {
    assert.deepEqual(problems('[file:x_list[-1] = 1]'), [
      ['list_index', 13, 'list index -1: indexes start at 0'],
    ]);
    assert.deepEqual(places('[file:x_list[0] = 1 AND file:x_list[+2] = 1]'), []);
  });

  it('wants comparisons joined by AND in one observation expression to name one object type', () => {
    assert.deepEqual(problems("[file:name = 'a' AND process:name = 'b']"), [
      [
        'mixed_object_types',
        22,
        "'process' here but 'file' before: comparisons joined by AND in one observation expression must name one object type (join observation expressions instead: [file:…] AND [process:…])",
      ],
    ]);
    // Reported once per AND, wherever the other type is below it.
    assert.deepEqual(
      places("[file:name = 'a' AND (file:size = 1 OR process:pid = 2) AND directory:path = 'c']"),
      [['mixed_object_types', 40]],
    );
    assert.deepEqual(places("[(file:name = 'a' AND process:pid = 2) OR url:value = 'b']"), [
      ['mixed_object_types', 23],
    ]);
    // OR may mix types; separate observation expressions may too.
    assert.deepEqual(places("[file:name = 'a' OR process:name = 'b']"), []);
    assert.deepEqual(places("[file:name = 'a'] AND [process:name = 'b']"), []);
    assert.deepEqual(
      places("[(file:name = 'a' AND file:size = 1) OR (process:pid = 2 AND process:name = 'b')]"),
      [],
    );
  });

  it('wants IN lists of at least one constant, all of one kind', () => {
    assert.deepEqual(problems('[file:size IN ()]'), [
      ['empty_set', 15, 'IN needs at least one constant between the parentheses'],
    ]);
    assert.deepEqual(problems("[file:size IN (1, 2, 'three')]"), [
      ['mixed_set', 22, 'a string in a list of numbers: the constants of IN must be of one kind'],
    ]);
    assert.deepEqual(places("[file:name IN ('a', true)]"), [['mixed_set', 21]]);
    assert.deepEqual(places("[file:x IN (h'00', b'AA==')]"), [['mixed_set', 20]]);
    assert.deepEqual(places('[file:size IN (1, 2.5, -3, .5)]'), []);
    assert.deepEqual(places("[file:name IN ('a')]"), []);
  });

  it('wants an IP address or CIDR block after ISSUBSET and ISSUPERSET', () => {
    assert.deepEqual(problems("[ipv4-addr:value ISSUBSET '198.51.100.0/33']"), [
      [
        'cidr',
        27,
        "ISSUBSET compares IP networks: '198.51.100.0/33' is not an IPv4 or IPv6 address or CIDR block",
      ],
    ]);
    for (const bad of [
      'example.org',
      '198.51.100/24',
      '2001:db8::/129',
      '10.0.0.1/',
      '10.0.0.1/08',
      'fe80::1%eth0',
    ]) {
      assert.deepEqual(places(`[ipv4-addr:value ISSUPERSET '${bad}']`), [['cidr', 29]], bad);
    }
    for (const good of [
      '198.51.100.0/24',
      '198.51.100.7',
      '0.0.0.0/0',
      '2001:db8::/32',
      '::1',
      '2001:0db8:dead:beef:0000:0000:0000:0000/64',
    ]) {
      assert.deepEqual(places(`[ipv6-addr:value ISSUBSET '${good}']`), [], good);
    }
  });

  it('wants a regular expression after MATCHES, in PCRE forms JavaScript can check', () => {
    assert.deepEqual(problems("[file:name MATCHES 'a(b']"), [
      [
        'regex',
        20,
        'MATCHES needs a regular expression: Unterminated group (checked as a JavaScript RegExp with PCRE inline options, atomic and named groups allowed)',
      ],
    ]);
    assert.deepEqual(places("[file:name MATCHES '*.exe']"), [['regex', 20]]);
    for (const good of [
      '.+\\\\@example\\\\.com$',
      '^Final Report.+\\\\.exe$',
      '\\\\xd4\\\\xc3\\\\xb2\\\\xa1',
      '(?i)^invoice',
      '(?>a+)b',
      '(?P<word>\\\\w+) (?P=word)',
      'a(?#a comment)b',
      '[\\\\]\\\\[]',
    ]) {
      assert.deepEqual(places(`[file:name MATCHES '${good}']`), [], good);
    }
  });

  it('wants the hash of the named algorithm after hashes', () => {
    assert.deepEqual(problems("[file:hashes.'SHA-256' = 'f00']"), [
      ['hash', 26, "'f00' is not a SHA-256 hash: 64 hex digits expected"],
    ]);
    assert.deepEqual(places(`[file:hashes.MD5 = '${'g'.repeat(32)}']`), [['hash', 20]]);
    assert.deepEqual(places(`[file:hashes.MD5 IN ('${'a'.repeat(32)}', 'abc')]`), [['hash', 58]]);
    assert.deepEqual(places(`[file:hashes.'SHA-1' != '${'A'.repeat(40)}']`), []);
    assert.deepEqual(places(`[file:hashes.SHA3_512 = '${'0'.repeat(128)}']`), []);
    // Algorithms it does not know, any member, and other operators are left alone.
    assert.deepEqual(
      places("[file:hashes.SSDEEP = '3:AXGBicFlgVNhBGcL6wCrFQEv:AXGHsNhxLsr2C'] "),
      [],
    );
    assert.deepEqual(places("[file:hashes[*] = 'x']"), []);
    assert.deepEqual(places("[file:hashes.MD5 LIKE 'abc%']"), []);
  });

  it('wants timestamps that are real dates, leap seconds only at 23:59:60', () => {
    assert.deepEqual(problems("[file:created = t'2024-02-30T12:00:00Z']"), [
      ['timestamp', 17, '2024-02-30 is not a date: that month has 29 days'],
    ]);
    assert.deepEqual(places("[file:created = t'2023-02-29T12:00:00Z']"), [['timestamp', 17]]);
    assert.deepEqual(places("[file:created = t'1900-02-29T12:00:00Z']"), [['timestamp', 17]]);
    assert.deepEqual(places("[file:created = t'2024-04-31T12:00:00Z']"), [['timestamp', 17]]);
    assert.deepEqual(places("[file:created = t'2024-02-29T12:00:00Z']"), []);
    assert.deepEqual(places("[file:created = t'2000-02-29T12:00:00Z']"), []);
    assert.deepEqual(problems("[file:created = t'2016-12-31T12:00:60Z']"), [
      ['timestamp', 17, 'a leap second (:60) comes only at 23:59:60, not 12:00:60'],
    ]);
    assert.deepEqual(
      places("[file:created IN (t'2016-12-31T23:59:60Z', t'2016-11-31T00:00:00Z')]"),
      [['timestamp', 44]],
    );
  });

  it('wants WITHIN and REPEATS above 0', () => {
    assert.deepEqual(problems("[file:name = 'a'] WITHIN 0 SECONDS"), [
      ['qualifier_number', 19, 'WITHIN needs more than 0 seconds'],
    ]);
    assert.deepEqual(places("[file:name = 'a'] WITHIN 0.000 SECONDS"), [['qualifier_number', 19]]);
    assert.deepEqual(problems("[file:name = 'a'] REPEATS 0 TIMES"), [
      ['qualifier_number', 19, 'REPEATS needs at least 1 time'],
    ]);
    assert.deepEqual(places("[file:name = 'a'] WITHIN 0.5 SECONDS REPEATS 1 TIMES"), []);
  });

  it('wants STOP later than START', () => {
    const window = (start: string, stop: string) =>
      places(`[file:name = 'a'] START t'${start}' STOP t'${stop}'`);
    assert.deepEqual(
      problems("[file:name = 'a'] START t'2016-06-01T00:00:00Z' STOP t'2016-06-01T00:00:00Z'"),
      [
        [
          'start_stop_order',
          54,
          "STOP t'2016-06-01T00:00:00Z' is not later than START t'2016-06-01T00:00:00Z'",
        ],
      ],
    );
    assert.deepEqual(window('2016-06-01T00:00:01Z', '2016-06-01T00:00:00Z'), [
      ['start_stop_order', 54],
    ]);
    assert.deepEqual(window('2016-06-01T00:00:00.1Z', '2016-06-01T00:00:00.100Z'), [
      ['start_stop_order', 56],
    ]);
    assert.deepEqual(window('2016-06-01T00:00:00.1Z', '2016-06-01T00:00:00.1001Z'), []);
    assert.deepEqual(window('2016-06-01T00:00:00Z', '2016-06-01T00:00:00.001Z'), []);
    // A date that does not exist is reported as such, not compared.
    assert.deepEqual(window('2016-02-30T00:00:00Z', '2016-01-01T00:00:00Z'), [['timestamp', 25]]);
  });

  it('refuses the same qualifier twice in a row on one expression, not across parentheses', () => {
    assert.deepEqual(problems("[file:name = 'a'] WITHIN 5 SECONDS WITHIN 6 SECONDS"), [
      [
        'duplicate_qualifier',
        36,
        'a second WITHIN qualifier on the same expression: keep one, or put the first in parentheses',
      ],
    ]);
    assert.deepEqual(places("([file:name = 'a'] REPEATS 2 TIMES REPEATS 3 TIMES)"), [
      ['duplicate_qualifier', 36],
    ]);
    assert.deepEqual(
      places(
        "[file:name = 'a'] START t'2016-01-01T00:00:00Z' STOP t'2016-01-02T00:00:00Z' WITHIN 5 SECONDS START t'2016-01-01T00:00:00Z' STOP t'2016-01-02T00:00:00Z'",
      ),
      [['duplicate_qualifier', 95]],
    );
    assert.deepEqual(places("([file:name = 'a']) WITHIN 5 SECONDS WITHIN 6 SECONDS"), [
      ['duplicate_qualifier', 38],
    ]);
    assert.deepEqual(places("([file:name = 'a'] WITHIN 5 SECONDS) WITHIN 6 SECONDS"), []);
    assert.deepEqual(places("[file:name = 'a'] REPEATS 2 TIMES WITHIN 6 SECONDS"), []);
  });

  it('answers every problem of a pattern in the order of the text', () => {
    assert.deepEqual(
      places(
        "[File:name = 'a' AND process:pid = 4] AND [file:size IN ()] WITHIN 0 SECONDS FOLLOWEDBY [file:hashes.MD5 = 'x']",
      ),
      [
        ['object_type', 2],
        ['mixed_object_types', 22],
        ['empty_set', 57],
        ['qualifier_number', 61],
        ['hash', 108],
      ],
    );
  });

  it('answers a syntax error alone, as a problem with its place', () => {
    const [problem, ...rest] = checkPattern("[File:name = 'a'");
    assert.deepEqual(rest, []);
    assert.equal(problem!.code, 'syntax');
    assert.equal(problem!.offset, 16);
    assert.deepEqual(problem!.expected, ["'AND'", "'OR'", "']'"]);
  });
});

describe('observedTypes', () => {
  it('lists the object types a pattern names, sorted, each once', () => {
    const ast = parsePattern(
      "([ipv4-addr:value = '198.51.100.1' OR ipv6-addr:value = '2001:db8::1'] FOLLOWEDBY [network-traffic:dst_ref.value = '198.51.100.1' AND network-traffic:dst_port = 443]) WITHIN 60 SECONDS OR [NOT EXISTS file:name] AND [ipv4-addr:value IN ('198.51.100.2')]",
    );
    assert.ok(ast.ok);
    assert.deepEqual(observedTypes(ast.ast), ['file', 'ipv4-addr', 'ipv6-addr', 'network-traffic']);
  });
});

describe('compareTimestamps', () => {
  it('orders timestamps of the grammar by their instant, fractions of any length', () => {
    assert.equal(compareTimestamps('2016-01-01T00:00:00Z', '2016-01-01T00:00:00.000Z'), 0);
    assert.equal(compareTimestamps('2016-01-01T00:00:00.5Z', '2016-01-01T00:00:00.49999Z'), 1);
    assert.equal(compareTimestamps('2015-12-31T23:59:59.999Z', '2016-01-01T00:00:00Z'), -1);
    assert.equal(compareTimestamps('2016-12-31T23:59:60Z', '2016-12-31T23:59:59.9Z'), 1);
  });
});
