import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parsePattern } from '../pattern/index.js';
import {
  IntelIndex,
  matchesOnOneValue,
  observableTerms,
  patternTerms,
  type IndicatorInput,
} from './index.js';

function terms(pattern: string) {
  const parsed = parsePattern(pattern);
  assert.ok(parsed.ok, pattern);
  return patternTerms(pattern, parsed.ast).map((t) => `${t.kind} ${t.value}`);
}

const indicator = (id: string, pattern: string, extra: Partial<IndicatorInput> = {}) => ({
  id: `indicator--${id}`,
  name: id,
  pattern,
  tlp: 'green' as const,
  ...extra,
});
const now = new Date('2026-11-24T10:00:00Z');

describe('patternTerms: the values a pattern names', () => {
  it('reads equality, IN and address ISSUBSET, normalised like incident observables', () => {
    assert.deepEqual(
      terms(
        "[ipv4-addr:value = '198.51.100.7'] OR [domain-name:value IN ('Evil.Example', 'b[.]example')] OR [ipv6-addr:value ISSUBSET '2001:DB8::/32']",
      ),
      ['ipv4 198.51.100.7', 'domain evil.example', 'domain b.example', 'ipv6 2001:db8::/32'],
    );
  });

  it('reads URLs, e-mail addresses, AS numbers, file hashes and names', () => {
    assert.deepEqual(
      terms(
        "[url:value = 'HTTP://Evil.example/login'] AND [email-addr:value = 'ceo@Evil.example'] AND [autonomous-system:number = 64500] AND [file:hashes.'SHA-256' = 'AB" +
          'ab'.repeat(31) +
          "' OR file:hashes.MD5 = '" +
          'c'.repeat(32) +
          "' OR file:name = 'invoice.pdf.exe']",
      ),
      [
        'url http://evil.example/login',
        'email ceo@evil.example',
        'asn AS64500',
        `sha256 ab${'ab'.repeat(31)}`,
        `md5 ${'c'.repeat(32)}`,
        'file invoice.pdf.exe',
      ],
    );
  });

  it('infers the kind of a referenced value and ignores negations, LIKE and other properties', () => {
    assert.deepEqual(
      terms(
        "[network-traffic:dst_ref.value = '203.0.113.9' AND network-traffic:dst_port = 443] AND [email-message:to_refs[*].value = 'a@b.example'] AND [domain-name:value != 'good.example'] AND [url:value LIKE '%evil%'] AND [file:size > 10]",
      ),
      ['ipv4 203.0.113.9', 'email a@b.example'],
    );
  });

  it('skips values that are not of the kind the path names, and names each value once', () => {
    assert.deepEqual(
      terms(
        "[ipv4-addr:value = 'not-an-ip'] OR [file:hashes.MD5 = 'xyz'] OR [domain-name:value = 'a.example'] OR [domain-name:value = 'A.example']",
      ),
      ['domain a.example'],
    );
  });

  it('tells when one value can satisfy the whole pattern', () => {
    const one = (p: string) => {
      const parsed = parsePattern(p);
      assert.ok(parsed.ok);
      return matchesOnOneValue(parsed.ast);
    };
    assert.equal(one("[ipv4-addr:value = '1.2.3.4' OR ipv4-addr:value = '1.2.3.5']"), true);
    assert.equal(one("[ipv4-addr:value = '1.2.3.4'] OR [domain-name:value = 'a.example']"), true);
    assert.equal(one("[ipv4-addr:value = '1.2.3.4'] AND [domain-name:value = 'a.example']"), false);
    assert.equal(
      one("[network-traffic:dst_ref.value = '1.2.3.4' AND network-traffic:dst_port = 22]"),
      false,
    );
    assert.equal(one("[ipv4-addr:value = '1.2.3.4'] REPEATS 5 TIMES"), false);
  });
});

describe('observableTerms: the values of a cyber observable', () => {
  it('reads addresses, domains, AS numbers and files', () => {
    const of = (o: { type: string; [k: string]: unknown }) =>
      observableTerms(o).map((t) => `${t.kind} ${t.value}`);
    assert.deepEqual(of({ type: 'ipv4-addr', value: '198.51.100.0/24' }), ['ipv4 198.51.100.0/24']);
    assert.deepEqual(of({ type: 'domain-name', value: 'Evil.Example' }), ['domain evil.example']);
    assert.deepEqual(of({ type: 'autonomous-system', number: 64500 }), ['asn AS64500']);
    assert.deepEqual(
      of({ type: 'file', name: 'a.exe', hashes: { 'SHA-1': 'A'.repeat(40), TLSH: 'x' } }),
      ['file a.exe', `sha1 ${'a'.repeat(40)}`],
    );
    assert.deepEqual(of({ type: 'malware', name: 'Emotet' }), []);
  });
});

describe('IntelIndex: observed values against indicators', () => {
  const index = IntelIndex.build([
    indicator('c2-net', "[ipv4-addr:value = '198.51.100.0/24']"),
    indicator(
      'c2-host',
      "[ipv4-addr:value = '198.51.100.7'] OR [domain-name:value = 'evil.example']",
    ),
    indicator(
      'phish',
      "[url:value = 'http://evil.example/login'] AND [email-addr:value = 'x@evil.example']",
    ),
    indicator('v6', "[ipv6-addr:value ISSUBSET '2001:db8::/32']"),
    indicator('hash', `[file:hashes.'SHA-256' = '${'ab'.repeat(32)}']`),
    indicator('expired', "[domain-name:value = 'old.example']", {
      valid_until: '2026-01-01T00:00:00Z',
    }),
    indicator('revoked', "[domain-name:value = 'revoked.example']", { revoked: true }),
    indicator('broken', "[domain-name:value = 'unclosed.example'"),
  ]);
  const hits = (kind: Parameters<typeof index.match>[0]['kind'], value: string) =>
    index
      .match({ kind, value }, now)
      .map((h) => `${h.indicator.name} ${h.rule}${h.indicator.partial ? ' partial' : ''}`)
      .sort();

  it('matches an address exactly and inside every indicator network that covers it', () => {
    assert.deepEqual(hits('ipv4', '198.51.100.7'), ['c2-host exact', 'c2-net prefix']);
    assert.deepEqual(hits('ipv4', '198.51.100.8'), ['c2-net prefix']);
    assert.deepEqual(hits('ipv4', '198.51.101.1'), []);
    assert.deepEqual(hits('ipv6', '2001:DB8:0:1::5'), ['v6 prefix']);
  });

  it('matches domains, URLs (also by host) and hashes, in any letter case', () => {
    assert.deepEqual(hits('domain', 'EVIL.example'), ['c2-host exact']);
    assert.deepEqual(hits('url', 'http://evil.example/login'), [
      'c2-host host',
      'phish exact partial',
    ]);
    assert.deepEqual(hits('email', 'x@EVIL.example'), ['c2-host host', 'phish exact partial']);
    assert.deepEqual(hits('sha256', 'AB'.repeat(32)), ['hash exact']);
    assert.deepEqual(hits('domain', 'www.evil.example'), []);
  });

  it('leaves out expired and revoked indicators and patterns that do not parse', () => {
    assert.deepEqual(hits('domain', 'old.example'), []);
    assert.deepEqual(
      IntelIndex.build([
        indicator('expired', "[domain-name:value = 'old.example']", {
          valid_until: '2027-01-01T00:00:00Z',
        }),
      ])
        .match({ kind: 'domain', value: 'old.example' }, now)
        .map((h) => h.indicator.name),
      ['expired'],
    );
    assert.deepEqual(hits('domain', 'revoked.example'), []);
    assert.deepEqual(hits('domain', 'unclosed.example'), []);
    assert.equal(index.skipped, 2);
  });

  it('answers nothing for a value that is not of its kind', () => {
    assert.deepEqual(hits('ipv4', 'evil.example'), []);
    assert.deepEqual(hits('md5', 'zz'), []);
  });

  it('finds every indicator whose network holds an address, whatever else the index holds', () => {
    // Small octets so that networks and probes meet often.
    const octet = fc.integer({ min: 0, max: 3 });
    const text = (n: number) => `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
    const maskOf = (length: number) => (length === 0 ? 0 : (0xffffffff << (32 - length)) >>> 0);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(octet, octet, octet, fc.constantFrom(8, 16, 24, 30, 32)), {
          minLength: 1,
          maxLength: 30,
        }),
        fc.tuple(octet, octet, octet),
        (networks, [c, d, e]) => {
          const list = networks.map(([a, b, f, length], i) => {
            const network = (((10 << 24) | (a << 16) | (b << 8) | f) & maskOf(length)) >>> 0;
            const pattern = `[ipv4-addr:value ISSUBSET '${text(network)}/${length}']`;
            return { network, length, input: indicator(`n${i}`, pattern) };
          });
          const probe = ((10 << 24) | (c << 16) | (d << 8) | e) >>> 0;
          const expected = list
            .filter((n) => (probe & maskOf(n.length)) >>> 0 === n.network)
            .map((n) => n.input.id)
            .sort();
          const found = IntelIndex.build(list.map((n) => n.input))
            .match({ kind: 'ipv4', value: text(probe) }, now)
            .map((h) => h.indicator.id)
            .sort();
          assert.deepEqual(found, expected);
        },
      ),
    );
  });
});
