import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  canonicalJson,
  deterministicScoId,
  idContributions,
  parseStixId,
  scoId,
  stixNamespace,
  uuidv5,
  withScoId,
} from './index.js';

describe('UUIDv5 (RFC 4122 section 4.3)', () => {
  it('gives the known values of other implementations', () => {
    // Python's documentation example: uuid5(NAMESPACE_DNS, 'python.org').
    assert.equal(
      uuidv5('python.org', '6ba7b810-9dad-11d1-80b4-00c04fd430c8'),
      '886313e1-3b8a-5372-9b90-0c9aee199e5d',
    );
    // Python's uuid5(NAMESPACE_URL, …): non-ASCII names are hashed as UTF-8.
    assert.equal(
      uuidv5('https://example.com/é', '6ba7b811-9dad-11d1-80b4-00c04fd430c8'),
      '20ecd233-a9e7-5067-a96f-fd6600ca3fda',
    );
  });
  it('always has version 5 and the RFC 4122 variant', () =>
    fc.assert(
      fc.property(fc.string(), (name) => {
        const parsed = parseStixId(`x-test--${uuidv5(name, stixNamespace)}`);
        assert.equal(parsed?.version, 5);
      }),
    ));
});

describe('canonical JSON (RFC 8785)', () => {
  it('agrees with the canonicaliser of the OASIS reference implementation', () => {
    // Expected text: cti-python-stix2's stix2.canonicalization.canonicalize(value, utf8=False).
    const value = {
      b: [1, 2.5, 'é', 1e21, 1e-7, -0, 0.1 + 0.2],
      a: null,
      '€': 1,
      '\r': 2,
      ö: 3,
      z: '\u2028\u007f\u001f"\\',
      '\u{1F600}': true,
      '\uFB33': false,
    };
    assert.equal(
      canonicalJson(value),
      '{"\\r":2,"a":null,"b":[1,2.5,"é",1e+21,1e-7,0,0.30000000000000004],"z":"\u2028\u007f\\u001f\\"\\\\","ö":3,"€":1,"\u{1F600}":true,"\uFB33":false}',
    );
  });
  it('reads back as the same value, whatever the member order', () =>
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        assert.deepEqual(JSON.parse(text), JSON.parse(JSON.stringify(value)));
        assert.equal(canonicalJson(JSON.parse(text)), text);
      }),
    ));
  it('refuses what JSON cannot hold', () => {
    assert.throws(() => canonicalJson({ n: Number.NaN }));
    assert.throws(() => canonicalJson({ f: () => 1 }));
  });
});

describe('deterministic SCO identifiers', () => {
  it('match the ids asserted by the tests of the OASIS reference implementation', () => {
    // cti-python-stix2, stix2/test/v21/test_deterministic_ids.py, test_id_gen_recursive_dict_conversion_1
    assert.equal(
      deterministicScoId({
        type: 'file',
        name: 'example.exe',
        size: 68000,
        magic_number_hex: '50000000',
        hashes: { 'SHA-256': '841a8921140aba50671ebb0770fecc4ee308c4952cfeff8de154ab14eeef4649' },
        extensions: {
          'windows-pebinary-ext': {
            pe_type: 'exe',
            machine_hex: '014c',
            sections: [
              {
                name: '.data',
                size: 4096,
                entropy: 7.980693,
                hashes: {
                  'SHA-256': '6e3b6f3978e5cd96ba7abee35c24e867b7e64072e2ecb22d0ee7a6e6af6894d0',
                },
              },
            ],
          },
        },
      }),
      'file--ced31cd4-bdcb-537d-aefa-92d291bfc11d',
    );
    // … test_id_gen_recursive_dict_conversion_2
    assert.equal(
      deterministicScoId({
        type: 'windows-registry-key',
        values: [
          { name: 'Foo', data: 'qwerty' },
          { name: 'Bar', data: '42' },
        ],
      }),
      'windows-registry-key--36594eba-bcc7-5014-9835-0e154264e588',
    );
  });

  // Expected ids: the reference implementation's canonicaliser and Python's uuid.uuid5 in the
  // STIX namespace over the contributing properties, as its _generate_id does.
  const cases: [Record<string, unknown> & { type: string }, string][] = [
    [
      { type: 'ipv4-addr', value: '198.51.100.3' },
      'ipv4-addr--28bb3599-77cd-5a82-a950-b5bc3caf07c4',
    ],
    [
      { type: 'ipv4-addr', value: '198.51.100.0/24' },
      'ipv4-addr--1ea47840-aa39-5aa8-b4a2-cd203eb6662a',
    ],
    [
      { type: 'ipv6-addr', value: '2001:0db8:85a3:0000:0000:8a2e:0370:7334' },
      'ipv6-addr--85a85a8c-ee99-5722-946d-3c3a3270fc6f',
    ],
    [
      { type: 'domain-name', value: 'example.com' },
      'domain-name--bedb4899-d24b-5401-bc86-8f6b4cc18ec7',
    ],
    [
      { type: 'domain-name', value: 'пример.рф' },
      'domain-name--ac751e41-42cb-5f89-83af-ac2d5d38d973',
    ],
    [
      { type: 'url', value: 'https://example.com/research/index.html' },
      'url--47c3cf9a-5027-5bf0-997a-017c7edc7c55',
    ],
    [
      { type: 'url', value: 'http://example.com/a?q="x"\\yé\u2028' },
      'url--a1e023ad-abb2-5853-ad5d-a584a1e5051a',
    ],
    [
      { type: 'email-addr', value: 'john@example.com', display_name: 'John Doe' },
      'email-addr--7165e2a9-671f-585d-b1e1-ca59c671d934',
    ],
    [
      { type: 'email-addr', value: 'josé@bücher.example' },
      'email-addr--21a39419-5aff-527b-ba23-05f57acfc5ab',
    ],
    [
      { type: 'autonomous-system', number: 15139, name: 'Slime Industries' },
      'autonomous-system--3aa27478-50b5-5ab8-9da9-cdc12b657fff',
    ],
    [
      { type: 'autonomous-system', number: 4294967295 },
      'autonomous-system--832cf849-1b9d-5272-8422-c9ed808c1e9a',
    ],
    [
      {
        type: 'file',
        hashes: {
          'SHA-256': '841a8921140aba50671ebb0770fecc4ee308c4952cfeff8de154ab14eeef4649',
          MD5: 'a92e5b2bae0b4b3a3d81c85610b95cd4',
          'SHA-1': '5374e08903744ceeaedd8f5e1bfc06b2c4688e76',
        },
        name: 'a92e5b2bae.exe',
        size: 77312,
      },
      'file--031167ef-a8b3-5ad9-8aa0-5380ff1e520c',
    ],
    [
      {
        type: 'file',
        hashes: { x_custom: 'abc', SSDEEP: '3:AXGBicFlgVNhBGcL6wCrFQEv:AXGHsNhxLsr2C' },
      },
      'file--3da59fd2-95ec-57b5-9bcf-a84d59a2d131',
    ],
    [{ type: 'file', name: 'résumé.pdf' }, 'file--7dd53080-4845-501c-a9e3-90dd003cb77b'],
    [
      {
        type: 'file',
        name: 'a92e5b2bae.exe',
        parent_directory_ref: 'directory--93c0a9b0-520d-545d-9094-1a08ddf46b05',
      },
      'file--f0dee30b-95ca-5c5e-9daf-fafd291e8043',
    ],
  ];
  for (const [sco, id] of cases)
    it(`${sco.type} ${JSON.stringify(sco.value ?? sco.number ?? sco.name ?? sco.hashes)}`, () =>
      assert.equal(deterministicScoId(sco), id));

  it('only the contributing properties count; one hash by preference MD5, SHA-1, SHA-256, SHA-512', () => {
    assert.deepEqual(
      idContributions({
        type: 'file',
        hashes: { 'SHA-512': 'b', 'SHA-1': 'a' },
        size: 1,
        name: 'n',
        id: 'file--x',
      }),
      { hashes: { 'SHA-1': 'a' }, name: 'n' },
    );
    assert.equal(
      deterministicScoId({ type: 'email-addr', value: 'a@example.com', display_name: 'A' }),
      deterministicScoId({ type: 'email-addr', value: 'a@example.com', display_name: 'B' }),
    );
  });
  it('without contributing properties, a fresh UUIDv4', () => {
    assert.equal(deterministicScoId({ type: 'process', pid: 4 }), undefined);
    assert.equal(parseStixId(scoId({ type: 'process', pid: 4 }))?.version, 4);
    assert.notEqual(scoId({ type: 'process' }), scoId({ type: 'process' }));
  });
  it('withScoId sets the id after type and spec_version, replacing a wrong one', () => {
    const sco = withScoId({
      type: 'url',
      spec_version: '2.1',
      id: 'url--x',
      value: 'https://example.com/research/index.html',
    });
    assert.deepEqual(Object.keys(sco), ['type', 'spec_version', 'id', 'value']);
    assert.equal(sco.id, 'url--47c3cf9a-5027-5bf0-997a-017c7edc7c55');
  });
});
