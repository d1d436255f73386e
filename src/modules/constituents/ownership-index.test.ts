import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { OwnershipIndex, type OwnershipEntry } from './ownership-index.js';
import {
  formatIPv4,
  formatIPv6,
  parseIPv4Address,
  parseIPv6Address,
  parseLookupQuery,
} from './ownership-value.js';

let next = 0;
const entry = (orgId: string, kind: OwnershipEntry['kind'], value: string): OwnershipEntry => ({
  id: `e${++next}`,
  orgId,
  kind,
  value,
});
const owners = (index: OwnershipIndex, kind: OwnershipEntry['kind'], value: string) =>
  index.lookup({ kind, value }).map((m) => m.orgId);

describe('ownership index: IP prefixes', () => {
  const index = OwnershipIndex.build([
    entry('isp', 'ipv4', '192.0.0.0/16'),
    entry('ministry', 'ipv4', '192.0.2.0/24'),
    entry('university', 'ipv4', '192.0.2.128/25'),
    entry('host', 'ipv4', '192.0.2.200/32'),
    entry('isp', 'ipv6', '2001:db8::/32'),
    entry('bank', 'ipv6', '2001:db8:1::/48'),
  ]);

  it('answers the most specific prefix, with its rule and length', () => {
    assert.deepEqual(index.lookup({ kind: 'ipv4', value: '192.0.2.7' }), [
      {
        entryId: index.lookup({ kind: 'ipv4', value: '192.0.2.7' })[0]!.entryId,
        orgId: 'ministry',
        kind: 'ipv4',
        value: '192.0.2.0/24',
        rule: 'longest-prefix',
        prefixLength: 24,
      },
    ]);
    assert.deepEqual(owners(index, 'ipv4', '192.0.2.130'), ['university']);
    assert.deepEqual(owners(index, 'ipv4', '192.0.2.200'), ['host']);
    assert.deepEqual(owners(index, 'ipv4', '192.0.9.9'), ['isp']);
    assert.deepEqual(owners(index, 'ipv4', '198.51.100.1'), []);
    assert.deepEqual(owners(index, 'ipv6', '2001:db8:1:2::3'), ['bank']);
    assert.deepEqual(owners(index, 'ipv6', '2001:db8:2::1'), ['isp']);
  });

  it('lists the less specific owners too, most specific first', () => {
    const covering = index.covering({ kind: 'ipv4', value: '192.0.2.200' });
    assert.deepEqual(
      covering.map((m) => `${m.orgId} ${m.value}`),
      [
        'host 192.0.2.200/32',
        'university 192.0.2.128/25',
        'ministry 192.0.2.0/24',
        'isp 192.0.0.0/16',
      ],
    );
  });

  it('looks up a prefix as well as an address', () => {
    assert.deepEqual(owners(index, 'ipv4', '192.0.2.0/24'), ['ministry']);
    assert.deepEqual(owners(index, 'ipv4', '192.0.2.0/23'), ['isp']);
  });

  it('returns every organisation sharing the same prefix', () => {
    const shared = OwnershipIndex.build([
      entry('a', 'ipv4', '203.0.113.0/24'),
      entry('b', 'ipv4', '203.0.113.0/24'),
    ]);
    assert.deepEqual(owners(shared, 'ipv4', '203.0.113.9').sort(), ['a', 'b']);
    assert.deepEqual([...shared.lookupIPv4(parseIPv4Address('203.0.113.9') as number)].sort(), [
      'a',
      'b',
    ]);
  });

  it('handles /0, /32 and /128 at the edges', () => {
    const edges = OwnershipIndex.build([
      entry('world', 'ipv4', '0.0.0.0/0'),
      entry('top', 'ipv4', '255.255.255.255/32'),
      entry('world6', 'ipv6', '::/0'),
      entry('last6', 'ipv6', 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128'),
    ]);
    assert.deepEqual(edges.lookupIPv4(0xffffffff), ['top']);
    assert.deepEqual(edges.lookupIPv4(0xfffffffe), ['world']);
    assert.deepEqual(edges.lookupIPv4(0), ['world']);
    assert.deepEqual(edges.lookupIPv6([0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff]), ['last6']);
    assert.deepEqual(edges.lookupIPv6([0xffffffff, 0xffffffff, 0xffffffff, 0xfffffffe]), [
      'world6',
    ]);
  });

  it('serves the hot path from shared frozen arrays', () => {
    const address = parseIPv4Address('192.0.2.7') as number;
    const first = index.lookupIPv4(address);
    assert.ok(Object.isFrozen(first));
    assert.equal(index.lookupIPv4(address + 1), first);
    assert.equal(index.lookupIPv4(parseIPv4Address('198.51.100.1') as number).length, 0);
  });

  it('keeps and shows canonical values whatever form an entry was written in', () => {
    const loose = OwnershipIndex.build([
      entry('a', 'ipv6', '2001:DB8:0:0:0:0:0:0/32'),
      entry('b', 'ipv6', '2001:db8::/32'),
      entry('c', 'ipv4', ' 198.51.100.0/24'),
    ]);
    assert.deepEqual(
      loose.lookup({ kind: 'ipv6', value: '2001:db8::1' }).map((m) => `${m.orgId} ${m.value}`),
      ['a 2001:db8::/32', 'b 2001:db8::/32'],
    );
    assert.equal(
      loose.lookup({ kind: 'ipv4', value: '198.51.100.1' })[0]!.value,
      '198.51.100.0/24',
    );
  });

  it('refuses an invalid entry or target with a precise error', () => {
    const fresh = new OwnershipIndex();
    assert.throws(
      () => fresh.add(entry('x', 'ipv4', '192.0.2.1/24')),
      /host bits set: did you mean 192\.0\.2\.0\/24\?/,
    );
    assert.equal(fresh.size, 0);
    assert.throws(() => fresh.lookup({ kind: 'ipv6', value: '192.0.2.1' }), /not IPv6/);
  });
});

describe('ownership index: changes', () => {
  it('adds, replaces and removes entries without a rebuild', () => {
    const index = new OwnershipIndex();
    index.add({ id: 'x', orgId: 'old', kind: 'ipv4', value: '198.51.100.0/24' });
    index.add({ id: 'y', orgId: 'outer', kind: 'ipv4', value: '198.51.0.0/16' });
    assert.deepEqual(owners(index, 'ipv4', '198.51.100.1'), ['old']);
    index.add({ id: 'x', orgId: 'new', kind: 'ipv4', value: '198.51.100.0/24' });
    assert.equal(index.size, 2);
    assert.deepEqual(owners(index, 'ipv4', '198.51.100.1'), ['new']);
    assert.equal(index.remove('x'), true);
    assert.equal(index.remove('x'), false);
    assert.deepEqual(owners(index, 'ipv4', '198.51.100.1'), ['outer']);
    assert.equal(index.size, 1);
  });
});

describe('ownership index: AS numbers and domains', () => {
  const index = OwnershipIndex.build([
    entry('telco', 'asn', 'AS64500'),
    entry('gov', 'domain', 'gov.xx'),
    entry('health', 'domain', 'health.gov.xx'),
    entry('example', 'domain', 'example.org'),
    entry('registry', 'domain', 'xx'),
  ]);

  it('matches AS numbers exactly, whatever form is asked', () => {
    assert.deepEqual(index.lookup({ kind: 'asn', value: '64500' }), [
      {
        entryId: index.lookup({ kind: 'asn', value: 'AS64500' })[0]!.entryId,
        orgId: 'telco',
        kind: 'asn',
        value: 'AS64500',
        rule: 'exact-asn',
      },
    ]);
    assert.deepEqual(owners(index, 'asn', 'AS64501'), []);
  });

  it('matches the longest domain suffix on label boundaries', () => {
    assert.deepEqual(owners(index, 'domain', 'www.health.gov.xx'), ['health']);
    assert.deepEqual(owners(index, 'domain', 'tax.gov.xx'), ['gov']);
    assert.deepEqual(owners(index, 'domain', 'shop.xx'), ['registry']);
    assert.deepEqual(owners(index, 'domain', 'mail.example.org'), ['example']);
    assert.deepEqual(owners(index, 'domain', 'badexample.org'), []);
    assert.deepEqual(
      index.covering({ kind: 'domain', value: 'www.health.gov.xx' }).map((m) => m.orgId),
      ['health', 'gov', 'registry'],
    );
    assert.equal(index.lookup({ kind: 'domain', value: 'gov.xx' })[0]!.rule, 'longest-suffix');
  });

  it('answers URL, e-mail and defanged queries through their target', () => {
    const ask = (raw: string) => {
      const query = parseLookupQuery(raw);
      assert.ok(query.ok);
      return index.lookup(query.target).map((m) => m.orgId);
    };
    assert.deepEqual(ask('hxxps://portal[.]health[.]gov[.]xx/login'), ['health']);
    assert.deepEqual(ask('abuse@tax.gov.xx'), ['gov']);
    assert.deepEqual(ask('http://badexample.org/'), []);
  });
});

// Property tests: the index against a naive linear scan over the same entries.
const v4Prefix = fc
  .tuple(
    fc.constantFrom(0x0a000000, 0xc0000200, 0xc0a80000),
    fc.nat(0xffff),
    fc.integer({ min: 0, max: 32 }),
  )
  .map(([high, low, length]) => {
    const address = (high | low) >>> 0;
    const network = length === 0 ? 0 : (address & ((0xffffffff << (32 - length)) >>> 0)) >>> 0;
    return `${formatIPv4(network)}/${length}`;
  });
const v6Prefix = fc
  .tuple(
    fc.constantFrom(0x20010db8, 0),
    fc.nat(3),
    fc.nat(0xffff),
    fc.integer({ min: 0, max: 128 }),
  )
  .map(([first, second, last, length]) => {
    const value = (BigInt(first) << 96n) | (BigInt(second) << 64n) | BigInt(last);
    const mask = length === 0 ? 0n : ((1n << BigInt(length)) - 1n) << BigInt(128 - length);
    return `${formatIPv6(toWords(value & mask))}/${length}`;
  });
function toWords(value: bigint): number[] {
  return [96n, 64n, 32n, 0n].map((shift) => Number((value >> shift) & 0xffffffffn));
}
const toBig = (words: ArrayLike<number>) =>
  Array.from(words).reduce((acc, w) => (acc << 32n) | BigInt(w >>> 0), 0n);

/** Every entry holding the address, most specific first, as "length id". */
function naive(entries: OwnershipEntry[], kind: 'ipv4' | 'ipv6', address: bigint): string[] {
  const width = kind === 'ipv4' ? 32 : 128;
  const held: [number, string][] = [];
  for (const e of entries.filter((x) => x.kind === kind)) {
    const [text, len] = e.value.split('/') as [string, string];
    const shift = BigInt(width - Number(len));
    const base =
      kind === 'ipv4'
        ? BigInt(parseIPv4Address(text))
        : toBig(parseIPv6Address(text) as Uint32Array);
    if (address >> shift === base >> shift) held.push([Number(len), e.id]);
  }
  return held
    .sort((a, b) => b[0] - a[0] || a[1].localeCompare(b[1]))
    .map(([l, id]) => `${l} ${id}`);
}

const command = fc.oneof(
  fc.record({
    op: fc.constant('add' as const),
    kind: fc.constant('ipv4' as const),
    value: v4Prefix,
    org: fc.nat(3),
    id: fc.nat(40),
  }),
  fc.record({
    op: fc.constant('add' as const),
    kind: fc.constant('ipv6' as const),
    value: v6Prefix,
    org: fc.nat(3),
    id: fc.nat(40),
  }),
  fc.record({ op: fc.constant('remove' as const), id: fc.nat(40) }),
);

describe('ownership index agrees with a naive longest match', () => {
  it('after any sequence of adds, replacements and removals (IPv4 and IPv6)', () => {
    fc.assert(
      fc.property(
        fc.array(command, { maxLength: 60 }),
        fc.array(fc.tuple(v4Prefix, v6Prefix), { minLength: 1, maxLength: 10 }),
        (commands, probes) => {
          const index = new OwnershipIndex();
          const model = new Map<string, OwnershipEntry>();
          for (const c of commands) {
            const id = `id${c.id}`;
            if (c.op === 'remove') {
              assert.equal(index.remove(id), model.delete(id));
            } else {
              const e = { id, orgId: `org${c.org}`, kind: c.kind, value: c.value };
              index.add(e);
              model.set(id, e);
            }
          }
          assert.equal(index.size, model.size);
          const entries = [...model.values()];
          const probeAddresses = [...entries.map((e) => e.value), ...probes.flat()];
          for (const probe of probeAddresses) {
            const kind = probe.includes(':') ? 'ipv6' : 'ipv4';
            // The last address of the probe's prefix: inside it, and inside anything holding it.
            const [text, len] = probe.split('/') as [string, string];
            const width = kind === 'ipv4' ? 32 : 128;
            const base =
              kind === 'ipv4'
                ? BigInt(parseIPv4Address(text))
                : toBig(parseIPv6Address(text) as Uint32Array);
            const address = base | ((1n << BigInt(width - Number(len))) - 1n);
            const all = naive(entries, kind, address);
            const top = all[0]?.split(' ')[0];
            const expected = all
              .filter((x) => x.split(' ')[0] === top)
              .map((x) => x.split(' ')[1]!);
            const words = kind === 'ipv4' ? [Number(address)] : toWords(address);
            const value = kind === 'ipv4' ? formatIPv4(words[0]!) : formatIPv6(words);
            const got = index
              .lookup({ kind, value })
              .map((m) => m.entryId)
              .sort();
            assert.deepEqual(got, expected, `${value}`);
            const covering = index
              .covering({ kind, value })
              .map((m) => `${m.prefixLength} ${m.entryId}`);
            const lengths = covering.map((c) => Number(c.split(' ')[0]));
            assert.deepEqual(
              lengths,
              [...lengths].sort((a, b) => b - a),
              'most specific first',
            );
            assert.deepEqual(covering.sort(), [...all].sort());
            const orgs = [...new Set(expected.map((id) => model.get(id)!.orgId))].sort();
            const hot = kind === 'ipv4' ? index.lookupIPv4(words[0]!) : index.lookupIPv6(words);
            assert.deepEqual([...hot].sort(), orgs);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
