import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import ipaddr from 'ipaddr.js';
import {
  formatAsRange,
  formatIPv6,
  ipv4PrefixKey,
  parseIpPrefix,
  readIPv6Prefix,
  parseIPv6Address,
  parseLookupQuery,
  parseOwnershipValue,
  type OwnershipKind,
} from './ownership-value.js';

const canonical = (kind: OwnershipKind, raw: string) => {
  const parsed = parseOwnershipValue(kind, raw);
  assert.ok(parsed.ok, `${raw}: ${parsed.ok ? '' : parsed.message}`);
  return parsed.value;
};
const refusal = (kind: OwnershipKind, raw: string) => {
  const parsed = parseOwnershipValue(kind, raw);
  assert.ok(!parsed.ok, `${raw} was accepted as ${parsed.ok ? parsed.value : ''}`);
  return parsed.message;
};

describe('IPv4 ownership values', () => {
  it('writes prefixes canonically; a bare address is a /32', () => {
    assert.equal(canonical('ipv4', ' 192.0.2.0/24 '), '192.0.2.0/24');
    assert.equal(canonical('ipv4', '192.0.2.1'), '192.0.2.1/32');
    assert.equal(canonical('ipv4', '0.0.0.0/0'), '0.0.0.0/0');
  });

  it('refuses host bits and names the network meant', () => {
    assert.equal(
      refusal('ipv4', '192.0.2.1/24'),
      '192.0.2.1/24 has host bits set: did you mean 192.0.2.0/24?',
    );
    assert.match(refusal('ipv4', '10.1.0.0/8'), /did you mean 10\.0\.0\.0\/8\?/);
  });

  it('refuses the wrong family, bad lengths and odd forms', () => {
    assert.match(refusal('ipv4', '2001:db8::/32'), /IPv6 value, not IPv4/);
    assert.match(refusal('ipv4', '192.0.2.0/33'), /over the maximum of 32/);
    assert.match(refusal('ipv4', '192.0.2.0/024'), /bad prefix length "024"/);
    assert.match(refusal('ipv4', '192.0.2.0/'), /bad prefix length/);
    assert.match(refusal('ipv4', '010.0.0.0/8'), /leading zero in "010"/);
    assert.match(refusal('ipv4', '192.0.2.256'), /256 is over 255/);
    assert.match(refusal('ipv4', '192.0.2'), /not an IPv4 address/);
    assert.match(refusal('ipv4', ''), /empty ipv4 value/);
  });
});

describe('IPv6 ownership values', () => {
  it('writes RFC 5952 text: lower case, shortest, longest zero run compressed', () => {
    assert.equal(canonical('ipv6', '2001:DB8:0000::/32'), '2001:db8::/32');
    assert.equal(canonical('ipv6', '2001:db8:0:0:1:0:0:1'), '2001:db8::1:0:0:1/128');
    assert.equal(canonical('ipv6', '2001:0:0:1:0:0:0:0/64'), '2001:0:0:1::/64');
    assert.equal(canonical('ipv6', '::/0'), '::/0');
    assert.equal(canonical('ipv6', '1:2:3:4:5:6:7:8'), '1:2:3:4:5:6:7:8/128');
  });

  it('refuses host bits with the network meant, and other families', () => {
    assert.equal(
      refusal('ipv6', '2001:db8::1/32'),
      '2001:db8::1/32 has host bits set: did you mean 2001:db8::/32?',
    );
    assert.match(refusal('ipv6', '192.0.2.0/24'), /IPv4 value, not IPv6/);
    assert.match(refusal('ipv6', '2001:db8::/129'), /over the maximum of 128/);
    assert.match(refusal('ipv6', 'fe80::1%eth0'), /zone index/);
    assert.match(refusal('ipv6', '2001:db8::1::2'), /not an IPv6 address/);
  });

  it('reads addresses as four big-endian words and writes them back', () => {
    const words = parseIPv6Address('2001:db8::ff00:42:8329');
    assert.ok(words instanceof Uint32Array);
    assert.deepEqual([...words], [0x20010db8, 0, 0xff00, 0x428329]);
    assert.equal(formatIPv6(words), '2001:db8::ff00:42:8329');
  });
});

describe('IPv6 text agrees with ipaddr.js', () => {
  it('on any address written in full, compressed or with an IPv4 tail', () => {
    const groups = fc.array(fc.oneof(fc.constant(0), fc.nat(0xffff)), {
      minLength: 8,
      maxLength: 8,
    });
    fc.assert(
      fc.property(groups, fc.boolean(), (parts, upper) => {
        const full = parts.map((g) => (upper ? g.toString(16).toUpperCase() : g.toString(16)));
        for (const text of [full.join(':'), formatIPv6(toWords(parts))]) {
          const ours = parseIPv6Address(text);
          assert.ok(ours instanceof Uint32Array, text);
          const theirs = ipaddr.IPv6.parse(text);
          assert.equal(formatIPv6(ours), theirs.toRFC5952String(), text);
        }
        const tail = `${full.slice(0, 6).join(':')}:${parts[6]! >> 8}.${parts[6]! & 255}.${parts[7]! >> 8}.${parts[7]! & 255}`;
        assert.equal(formatIPv6(parseIPv6Address(tail) as Uint32Array), formatIPv6(toWords(parts)));
      }),
    );
  });
});

const toWords = (parts: number[]) =>
  [0, 1, 2, 3].map((i) => ((parts[2 * i]! << 16) | parts[2 * i + 1]!) >>> 0);

describe('AS numbers', () => {
  it('accepts plain, AS-prefixed and asdot forms', () => {
    assert.equal(canonical('asn', '64500'), 'AS64500');
    assert.equal(canonical('asn', 'as64500'), 'AS64500');
    assert.equal(canonical('asn', 'AS1.10'), 'AS65546');
    assert.equal(canonical('asn', '4294967295'), 'AS4294967295');
  });

  it('refuses numbers out of range and other text', () => {
    assert.match(refusal('asn', '4294967296'), /over the largest AS number/);
    assert.match(refusal('asn', '1.65536'), /0-65535/);
    assert.match(refusal('asn', 'AS-EXAMPLE'), /not an AS number/);
  });
});

describe('AS blocks', () => {
  it('writes a block as AS64496-AS64511, in any accepted form; a block of one is one AS', () => {
    assert.equal(canonical('asn', 'AS64496-AS64511'), 'AS64496-AS64511');
    assert.equal(canonical('asn', '64496 - as64511'), 'AS64496-AS64511');
    assert.equal(canonical('asn', '1.10-1.20'), 'AS65546-AS65556');
    assert.equal(canonical('asn', 'AS64500-AS64500'), 'AS64500');
    assert.equal(formatAsRange(64496, 64496 + 16 - 1), 'AS64496-AS64511');
  });

  it('refuses a block that ends before it starts or has a bad end', () => {
    assert.equal(
      refusal('asn', 'AS64511-AS64496'),
      'AS64511-AS64496 ends before it starts: write the lower AS number first',
    );
    assert.match(refusal('asn', 'AS64496-AS4294967296'), /over the largest AS number/);
    assert.match(refusal('asn', 'AS64496-'), /not an AS number/);
  });

  it('is understood as a lookup query', () => {
    const query = parseLookupQuery('as64496-as64511');
    assert.ok(query.ok);
    assert.deepEqual(query.target, { kind: 'asn', value: 'AS64496-AS64511' });
  });
});

describe('allocation-free prefix readers agree with parseIpPrefix', () => {
  const v4Text = fc
    .tuple(fc.array(fc.nat(300), { minLength: 4, maxLength: 4 }), fc.nat(40), fc.boolean())
    .map(([parts, length, zero]) => `${parts.join('.')}${zero ? `/0${length}` : `/${length}`}`);
  it('IPv4: a key exactly for canonical text, with its network and length', () => {
    fc.assert(
      fc.property(fc.oneof(v4Text, fc.string()), (text) => {
        const key = ipv4PrefixKey(text);
        const parsed = parseIpPrefix('ipv4', text);
        if (typeof parsed === 'string' || parsed.value !== text) assert.equal(key, -1, text);
        else assert.equal(key, parsed.length * 2 ** 32 + parsed.words[0]!, text);
      }),
    );
    assert.equal(ipv4PrefixKey('192.0.2.0/24'), 24 * 2 ** 32 + 0xc0000200);
    assert.equal(ipv4PrefixKey('192.0.2.1'), -1);
  });

  const groups = fc.array(fc.oneof(fc.constant(0), fc.nat(0xffff)), {
    minLength: 8,
    maxLength: 8,
  });
  it('IPv6: the words and length of any plain prefix; -1 means parseIpPrefix decides', () => {
    fc.assert(
      fc.property(groups, fc.nat(130), fc.nat(3), (parts, length, form) => {
        const words = toWords(parts);
        const full = parts.map((g) => g.toString(16).toUpperCase()).join(':');
        const address = form === 0 ? full : formatIPv6(words);
        const text = form === 3 ? `${address}:1/${length}` : `${address}/${length}`;
        const into = new Uint32Array(4);
        const read = readIPv6Prefix(text, into);
        const parsed = parseIpPrefix('ipv6', text);
        if (typeof parsed === 'string') assert.equal(read, -1, text);
        else if (read >= 0) {
          assert.equal(read, parsed.length, text);
          assert.deepEqual([...into], Array.from(parsed.words), text);
        } else assert.ok(parsed.value !== text, `${text} is canonical and was not read`);
      }),
    );
  });
});

describe('domain ownership values', () => {
  it('lower-cases, strips a trailing dot and a leading wildcard, converts IDN', () => {
    assert.equal(canonical('domain', 'Gov.XX.'), 'gov.xx');
    assert.equal(canonical('domain', '*.ministry.gov.xx'), 'ministry.gov.xx');
    assert.equal(canonical('domain', 'bücher.example'), 'xn--bcher-kva.example');
    assert.equal(canonical('domain', 'xx'), 'xx');
  });

  it('refuses inner wildcards, bad labels, IP addresses and overlong names', () => {
    assert.match(refusal('domain', 'a.*.example'), /only allowed as a leading/);
    assert.match(refusal('domain', '-bad.example'), /invalid label "-bad"/);
    assert.match(refusal('domain', 'a..example'), /empty label|not a valid domain/);
    assert.match(refusal('domain', `${'a'.repeat(64)}.example`), /longer than 63/);
    assert.match(refusal('domain', `${'abcdefgh.'.repeat(29)}example`), /longer than 253/);
    assert.match(refusal('domain', '192.0.2.1'), /IP address, not a domain/);
  });
});

describe('lookup queries', () => {
  const query = (raw: string) => {
    const parsed = parseLookupQuery(raw);
    assert.ok(parsed.ok, `${raw}: ${parsed.ok ? '' : parsed.message}`);
    return { kind: parsed.kind, normalised: parsed.normalised, target: parsed.target };
  };

  it('recognises addresses, prefixes, AS numbers and domains', () => {
    assert.deepEqual(query('192.0.2.7'), {
      kind: 'ipv4',
      normalised: '192.0.2.7',
      target: { kind: 'ipv4', value: '192.0.2.7/32' },
    });
    assert.deepEqual(query('2001:DB8::1').target, { kind: 'ipv6', value: '2001:db8::1/128' });
    assert.deepEqual(query('[2001:db8::1]').target, { kind: 'ipv6', value: '2001:db8::1/128' });
    assert.deepEqual(query('192.0.2.0/24').target, { kind: 'ipv4', value: '192.0.2.0/24' });
    assert.deepEqual(query('as64500').target, { kind: 'asn', value: 'AS64500' });
    assert.deepEqual(query('Mail.Example.ORG.').target, {
      kind: 'domain',
      value: 'mail.example.org',
    });
  });

  // Found by fuzzing: `as1.` was shown as `as1`, which typed again is the AS number AS1.
  it('shows a one-label domain that reads like an AS number with its root dot', () => {
    for (const [raw, value] of [
      ['as1.', 'as1'],
      ['1-2.', '1-2'],
      ['*.AS64500-as64511', 'as64500-as64511'],
    ] as const) {
      const understood = query(raw);
      assert.deepEqual(understood, {
        kind: 'domain',
        normalised: `${value}.`,
        target: { kind: 'domain', value },
      });
      assert.deepEqual(query(understood.normalised), understood, `${raw} asked again`);
    }
    assert.equal(query('as1').kind, 'asn');
    assert.equal(query('example.org.').normalised, 'example.org');
  });

  it('looks up an IPv4-mapped IPv6 address as IPv4', () => {
    assert.deepEqual(query('::ffff:192.0.2.1'), {
      kind: 'ipv6',
      normalised: '::ffff:192.0.2.1',
      target: { kind: 'ipv4', value: '192.0.2.1/32' },
    });
  });

  it('takes the host of a URL, defanged or not', () => {
    assert.deepEqual(query('hxxps://www[.]example[.]org/payload.exe'), {
      kind: 'url',
      normalised: 'https://www.example.org/payload.exe',
      target: { kind: 'domain', value: 'www.example.org' },
    });
    assert.deepEqual(query('hxxp[:]//198.51.100.9(.)/x'.replace('[:]', ':')).target, {
      kind: 'ipv4',
      value: '198.51.100.9/32',
    });
    assert.deepEqual(query('http://[2001:db8::5]:8080/').target, {
      kind: 'ipv6',
      value: '2001:db8::5/128',
    });
    assert.deepEqual(query('example[.]org/login.php').target, {
      kind: 'domain',
      value: 'example.org',
    });
  });

  it('takes the domain of an e-mail address', () => {
    assert.deepEqual(query('Abuse@CERT.Gov.XX'), {
      kind: 'email',
      normalised: 'Abuse@cert.gov.xx',
      target: { kind: 'domain', value: 'cert.gov.xx' },
    });
    assert.deepEqual(query('mailto:abuse[@]example[.]org').target, {
      kind: 'domain',
      value: 'example.org',
    });
  });

  it('says precisely what is wrong', () => {
    const message = (raw: string) => {
      const parsed = parseLookupQuery(raw);
      assert.ok(!parsed.ok);
      return parsed.message;
    };
    assert.match(message(''), /empty query/);
    assert.match(message('192.0.2.1/24'), /did you mean 192\.0\.2\.0\/24/);
    assert.match(message('two words'), /has spaces/);
    assert.match(message('@example.org'), /nothing before the @/);
    assert.match(message('user@-bad.example'), /invalid label/);
  });
});
