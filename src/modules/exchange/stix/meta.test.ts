import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { exampleExtensionDefinition, exampleStatementMarking } from './examples.js';
import {
  cirtkitIdentity,
  papExtensionDefinition,
  papExtensionId,
  papMarkingIds,
  papMarkings,
  parseStixObject,
  tlp1MarkingIds,
  tlp1Markings,
  tlp2ExtensionId,
  tlp2MarkingIds,
  tlp2Markings,
} from './index.js';

const problems = (value: unknown) => {
  const result = parseStixObject(value);
  return result.ok ? [] : result.problems.map((p) => `${p.path}: ${p.message}`);
};

function refused(value: unknown, path: string, words: string) {
  const found = problems(value);
  assert.ok(found.length >= 1, 'a problem expected');
  assert.ok(
    found.some((f) => f.startsWith(`${path}: `) && f.includes(words)),
    `no problem at ${path} saying "${words}" in ${JSON.stringify(found)}`,
  );
}

describe('marking definitions', () => {
  it('the TLP 2.0, TLP 1.0 and PAP definitions and their authors are valid', () => {
    for (const object of [
      ...tlp2Markings,
      ...tlp1Markings,
      ...papMarkings,
      papExtensionDefinition,
      cirtkitIdentity,
    ])
      assert.deepEqual(problems(object), [], object.id);
  });
  it('the TLP 2.0 objects are those OASIS publishes', () => {
    const red = tlp2Markings.find((m) => m.name === 'TLP:RED')!;
    assert.deepEqual(red, {
      type: 'marking-definition',
      spec_version: '2.1',
      id: 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1',
      created: '2022-10-01T00:00:00.000Z',
      name: 'TLP:RED',
      extensions: {
        'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d': {
          extension_type: 'property-extension',
          tlp_2_0: 'red',
        },
      },
    });
    const white = tlp1Markings.find((m) => m.name === 'TLP:WHITE')!;
    assert.equal(white.id, 'marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9');
    assert.equal(white.created, '2017-01-20T00:00:00.000Z');
  });
  it('a statement marking is valid; its definition holds the statement only', () => {
    assert.deepEqual(problems(exampleStatementMarking()), []);
    refused(
      exampleStatementMarking({ definition: { statement: 'x', tlp: 'red' } }),
      'definition.tlp',
      'unknown property',
    );
    refused(
      exampleStatementMarking({ definition: { statement: '' } }),
      'definition.statement',
      'statement text',
    );
  });
  it('without extensions, definition_type and definition are required', () => {
    const bare = { ...exampleStatementMarking() };
    delete bare.definition;
    refused(bare, 'definition', 'required without extensions');
  });
  it('marking definitions are not versioned: no modified', () =>
    refused(
      exampleStatementMarking({ modified: '2026-01-01T00:00:00.000Z' }),
      'modified',
      'unknown property',
    ));
  it('a TLP 1.0 definition must be the fixed object of its colour', () => {
    refused(
      exampleStatementMarking({ definition_type: 'tlp', definition: { tlp: 'red' } }),
      'id',
      `TLP:RED is ${tlp1MarkingIds.red}`,
    );
    refused(
      { ...tlp1Markings[0]!, definition: { tlp: 'clear' } },
      'definition.tlp',
      'white, green, amber, red',
    );
  });
  it('a TLP 2.0 definition must be the fixed object of its level', () => {
    const amber = tlp2Markings.find((m) => m.name === 'TLP:AMBER')!;
    refused(
      { ...amber, id: tlp2MarkingIds.red },
      'id',
      `TLP:AMBER is the fixed object ${tlp2MarkingIds.amber}`,
    );
    refused({ ...amber, name: 'TLP:RED' }, 'name', 'must be TLP:AMBER');
    refused(
      {
        ...amber,
        extensions: {
          [tlp2ExtensionId]: { extension_type: 'property-extension', tlp_2_0: 'white' },
        },
      },
      `extensions.${tlp2ExtensionId}.tlp_2_0`,
      'must be one of clear, green, amber, amber+strict, red',
    );
  });
  it('a PAP definition must be the fixed object of its level', () => {
    const red = papMarkings.find((m) => m.name === 'PAP:RED')!;
    refused(
      { ...red, id: papMarkingIds.green },
      'id',
      `PAP:RED is the fixed object ${papMarkingIds.red}`,
    );
    refused(
      {
        ...red,
        extensions: { [papExtensionId]: { extension_type: 'property-extension', pap: 'white' } },
      },
      `extensions.${papExtensionId}.pap`,
      'must be one of clear, green, amber, red',
    );
  });
});

describe('extension definitions', () => {
  it('the example is valid', () => assert.deepEqual(problems(exampleExtensionDefinition()), []));
  it('need created_by_ref, schema, version and extension types (closed)', () => {
    for (const key of ['created_by_ref', 'schema', 'version', 'extension_types', 'name']) {
      const value = { ...exampleExtensionDefinition() };
      delete value[key];
      refused(value, key, 'is required');
    }
    refused(
      exampleExtensionDefinition({ extension_types: ['new-thing'] }),
      'extension_types[0]',
      'must be one of new-sdo',
    );
  });
  it('extension_properties only for a toplevel-property-extension', () => {
    refused(
      exampleExtensionDefinition({ extension_properties: ['rank'] }),
      'extension_properties',
      'toplevel-property-extension',
    );
    assert.deepEqual(
      problems(
        exampleExtensionDefinition({
          extension_types: ['toplevel-property-extension'],
          extension_properties: ['rank'],
        }),
      ),
      [],
    );
  });
});
