import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  exampleAutonomousSystem,
  exampleDomain,
  exampleEmail,
  exampleFile,
  exampleIpv4,
  exampleIpv6,
  exampleUrl,
} from './examples.js';
import { deterministicScoId, parseStixObject, type StixParseOptions } from './index.js';

const problems = (value: unknown, options: StixParseOptions = {}) => {
  const result = parseStixObject(value, options);
  return result.ok ? [] : result.problems.map((p) => `${p.path}: ${p.message}`);
};

/** One problem at `path` saying `words` (ids as received: the value changed, not the id). */
function refused(value: unknown, path: string, words: string) {
  const found = problems(value, { ids: 'received' });
  assert.equal(found.length, 1, `one problem expected, got ${JSON.stringify(found)}`);
  assert.ok(found[0]!.startsWith(`${path}: `), `${found[0]} is not at ${path}`);
  assert.ok(found[0]!.includes(words), `"${found[0]}" does not say "${words}"`);
}

/** Valid as produced: the id is recomputed for the changed value. */
const accepted = (value: Record<string, unknown>) =>
  assert.deepEqual(problems({ ...value, id: deterministicScoId(value as { type: string }) }), []);

describe('SCO examples', () => {
  for (const [name, build] of Object.entries({
    exampleIpv4,
    exampleIpv6,
    exampleDomain,
    exampleUrl,
    exampleEmail,
    exampleFile,
    exampleAutonomousSystem,
  }))
    it(`${name} is valid with its deterministic id`, () => assert.deepEqual(problems(build()), []));
});

describe('identifiers of SCOs', () => {
  it('as produced, the id is the deterministic one', () => {
    const found = problems(exampleIpv4({ value: '198.51.100.4' }));
    assert.equal(found.length, 1);
    assert.match(found[0]!, /^id: must be the deterministic id ipv4-addr--[0-9a-f-]{36} \(UUIDv5/);
  });
  it('as received, any RFC 4122 id of the right type', () => {
    const v4 = exampleIpv4({ id: 'ipv4-addr--ff26c055-6336-4bc5-b98d-13d6226742dd' });
    assert.deepEqual(problems(v4, { ids: 'received' }), []);
    refused(
      exampleIpv4({ id: 'domain-name--ff26c055-6336-4bc5-b98d-13d6226742dd' }),
      'id',
      'must start with ipv4-addr--',
    );
  });
  it('SCOs have no created, modified or created_by_ref', () =>
    refused(exampleIpv4({ created: '2026-01-01T00:00:00.000Z' }), 'created', 'unknown property'));
});

describe('ipv4-addr and ipv6-addr', () => {
  it('take an address or a CIDR block', () => {
    accepted(exampleIpv4({ value: '198.51.100.0/24' }));
    accepted(exampleIpv6({ value: '2001:db8::/32' }));
    accepted(exampleIpv6({ value: '::1' }));
  });
  it('refuse what is not one', () => {
    refused(exampleIpv4({ value: '198.51.100.256' }), 'value', 'IPv4 address or CIDR');
    refused(exampleIpv4({ value: '198.51.100.0/33' }), 'value', 'IPv4');
    refused(exampleIpv4({ value: '2001:db8::1' }), 'value', 'IPv4');
    refused(exampleIpv6({ value: '2001:db8::/129' }), 'value', 'IPv6');
    refused(exampleIpv6({ value: '198.51.100.3' }), 'value', 'IPv6');
  });
  it('refs point at the right types', () =>
    refused(
      exampleIpv4({ belongs_to_refs: ['domain-name--bedb4899-d24b-5401-bc86-8f6b4cc18ec7'] }),
      'belongs_to_refs[0]',
      'must reference an autonomous-system',
    ));
});

describe('domain-name, url, email-addr', () => {
  it('accept internationalised names and addresses', () => {
    accepted(exampleDomain({ value: 'пример.рф' }));
    accepted(exampleDomain({ value: '_dmarc.example.com' }));
    accepted(exampleEmail({ value: 'josé@bücher.example' }));
  });
  it('refuse malformed values', () => {
    refused(exampleDomain({ value: 'exa mple.com' }), 'value', 'domain name');
    refused(exampleDomain({ value: `${'a'.repeat(64)}.com` }), 'value', 'domain name');
    refused(exampleDomain({ value: '-example.com' }), 'value', 'domain name');
    refused(exampleUrl({ value: 'example.com/index.html' }), 'value', 'absolute URL');
    refused(exampleEmail({ value: 'john.example.com' }), 'value', 'e-mail address');
    refused(exampleEmail({ value: 'john doe@example.com' }), 'value', 'e-mail address');
  });
  it('domain-name resolves to addresses or names only', () =>
    refused(
      exampleDomain({ resolves_to_refs: ['url--47c3cf9a-5027-5bf0-997a-017c7edc7c55'] }),
      'resolves_to_refs[0]',
      'must reference an ipv4-addr or an ipv6-addr or a domain-name',
    ));
});

describe('file', () => {
  it('needs hashes or a name', () => {
    accepted({ type: 'file', spec_version: '2.1', name: 'résumé.pdf' });
    accepted({
      type: 'file',
      spec_version: '2.1',
      hashes: { MD5: 'a92e5b2bae0b4b3a3d81c85610b95cd4' },
    });
    refused({ ...exampleFile(), hashes: undefined, name: undefined }, '', 'hashes or a name');
  });
  it('hash keys follow hash-algorithm-ov, values their format', () => {
    refused(exampleFile({ hashes: { sha256: 'ab' } }), 'hashes.sha256', 'SHA-256');
    refused(exampleFile({ hashes: { 'sha-1': 'ab' } }), 'hashes.sha-1', 'SHA-1');
    refused(exampleFile({ hashes: { MD5: 'a92e5b2bae' } }), 'hashes.MD5', '32 hexadecimal digits');
    refused(exampleFile({ hashes: { 'SHA-256': 'g'.repeat(64) } }), 'hashes.SHA-256', '64 hex');
    refused(exampleFile({ hashes: { ab: '1' } }), 'hashes.ab', '3 to 250 characters');
    refused(exampleFile({ hashes: { 'x hash': '1' } }), 'hashes.x hash', 'a-z, A-Z, 0-9');
    refused(exampleFile({ hashes: {} }), 'hashes', 'at least one hash');
    accepted(
      exampleFile({
        hashes: { x_vendor_hash: 'whatever', SSDEEP: '3:AXGBicFlgVNhBGcL6wCrFQEv:AXGHsNhxLsr2C' },
      }),
    );
  });
  it('size is a whole number of bytes', () => {
    refused(exampleFile({ size: -1 }), 'size', 'whole number');
    refused(exampleFile({ size: 1.5 }), 'size', 'integer');
  });
  it('takes its predefined extensions, extension definitions and x-…-ext, nothing else', () => {
    accepted(exampleFile({ extensions: { 'pdf-ext': { version: '1.7' } } }));
    accepted(exampleFile({ extensions: { 'x-acme-ext': { colour: 'red' } } }));
    accepted(
      exampleFile({
        extensions: {
          'extension-definition--d83fce45-ef58-4c6c-a3f4-1fbc32e98c6e': {
            extension_type: 'property-extension',
            rank: 1,
          },
        },
      }),
    );
    refused(
      exampleFile({ extensions: { 'http-request-ext': { request_method: 'get' } } }),
      'extensions.http-request-ext',
      'unknown extension',
    );
    refused(
      exampleFile({
        extensions: { 'extension-definition--d83fce45-ef58-4c6c-a3f4-1fbc32e98c6e': { rank: 1 } },
      }),
      'extensions.extension-definition--d83fce45-ef58-4c6c-a3f4-1fbc32e98c6e.extension_type',
      'must be one of new-sdo',
    );
  });
  it('parent_directory_ref is a directory', () =>
    refused(
      exampleFile({ parent_directory_ref: 'file--031167ef-a8b3-5ad9-8aa0-5380ff1e520c' }),
      'parent_directory_ref',
      'must reference a directory',
    ));
});

describe('autonomous-system', () => {
  it('number is required, from 0 to 2^32 - 1', () => {
    accepted(exampleAutonomousSystem({ number: 4_294_967_295 }));
    refused(exampleAutonomousSystem({ number: 4_294_967_296 }), 'number', '4294967295');
    refused(exampleAutonomousSystem({ number: 'AS15139' }), 'number', 'must be a number');
    refused({ ...exampleAutonomousSystem(), number: undefined }, 'number', 'is required');
  });
});
