import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { exampleIndicator } from './examples.js';
import {
  cirtkitIdentity,
  importMarkingRef,
  papMarkingIds,
  papMarkings,
  papOf,
  stricterTlp,
  tlp1MarkingIds,
  tlp1Markings,
  tlp2MarkingIds,
  tlp2Markings,
  tlpLevels,
  tlpOf,
  tlpOfField,
  tlpOfMarkingId,
  tlpAlone,
  type Tlp,
} from './index.js';

const amber = { defaultTlp: 'amber' as Tlp };

describe('TLP marking ids', () => {
  // The ids published with TLP 2.0 (FIRST, OASIS) and the STIX 2.1 TLP 1.0 ids, written out here
  // so that a typo in the module cannot also be in the expectation.
  it('are the published OASIS ids', () => {
    assert.deepEqual(tlp2MarkingIds, {
      red: 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1',
      'amber+strict': 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003',
      amber: 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421',
      green: 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb',
      clear: 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487',
    });
    assert.deepEqual(tlp1MarkingIds, {
      red: 'marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed',
      amber: 'marking-definition--f88d31f6-486f-44da-b317-01333bde0b82',
      green: 'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da',
      white: 'marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9',
    });
  });
  it('TLP 1.0 ids are read as TLP 2.0, WHITE as CLEAR, and rewritten on import', () => {
    assert.equal(tlpOfMarkingId(tlp1MarkingIds.white), 'clear');
    assert.equal(tlpOfMarkingId(tlp1MarkingIds.red), 'red');
    assert.equal(importMarkingRef(tlp1MarkingIds.white), tlp2MarkingIds.clear);
    assert.equal(importMarkingRef(tlp1MarkingIds.amber), tlp2MarkingIds.amber);
    assert.equal(importMarkingRef(tlp2MarkingIds.green), tlp2MarkingIds.green);
    assert.equal(importMarkingRef(papMarkingIds.red), papMarkingIds.red);
  });
});

describe('tlpOf', () => {
  it('reads the object markings, the strictest winning', () => {
    assert.equal(tlpOf(exampleIndicator(), amber), 'green');
    const both = exampleIndicator({
      object_marking_refs: [tlp2MarkingIds.clear, tlp1MarkingIds.red],
    });
    assert.equal(tlpOf(both, amber), 'red');
  });
  it('recognises an upper-case UUID in an object not yet parsed', () => {
    const upper = exampleIndicator({
      object_marking_refs: [
        tlp2MarkingIds.red.toUpperCase().replace('MARKING-DEFINITION', 'marking-definition'),
      ],
    });
    assert.equal(tlpOf(upper, { defaultTlp: 'clear' }), 'red');
    assert.equal(
      importMarkingRef(
        tlp1MarkingIds.white.toUpperCase().replace('MARKING-DEFINITION', 'marking-definition'),
      ),
      tlp2MarkingIds.clear,
    );
  });
  it('unmarked objects take the configured default; PAP and statements are not TLP', () => {
    assert.equal(tlpOf(exampleIndicator({ object_marking_refs: undefined }), amber), 'amber');
    assert.equal(
      tlpOf(exampleIndicator({ object_marking_refs: undefined }), { defaultTlp: 'red' }),
      'red',
    );
    const pap = exampleIndicator({ object_marking_refs: [papMarkingIds.red] });
    assert.equal(tlpOf(pap, { defaultTlp: 'green' }), 'green');
    assert.equal(papOf(pap), 'red');
    assert.equal(papOf(exampleIndicator()), undefined);
  });
  it('the TLP and PAP definitions themselves are public', () => {
    for (const definition of [...tlp2Markings, ...tlp1Markings, ...papMarkings, cirtkitIdentity])
      assert.equal(tlpOf(definition, { defaultTlp: 'red' }), 'clear');
  });
  it('stricterTlp is the maximum of the TLP order', () =>
    fc.assert(
      fc.property(fc.constantFrom(...tlpLevels), fc.constantFrom(...tlpLevels), (a, b) => {
        const s = stricterTlp(a, b);
        assert.equal(s, stricterTlp(b, a));
        assert.equal(tlpLevels.indexOf(s), Math.max(tlpLevels.indexOf(a), tlpLevels.indexOf(b)));
      }),
    ));
});

describe('tlpAlone', () => {
  const markingIds = [
    ...Object.values(tlp2MarkingIds),
    ...Object.values(tlp1MarkingIds),
    ...Object.values(papMarkingIds),
  ];
  it('holds exactly when the level no longer depends on the default or on a field', () =>
    fc.assert(
      fc.property(
        fc.option(fc.subarray(markingIds), { nil: undefined }),
        fc.option(fc.constantFrom(...markingIds), { nil: undefined }),
        (refs, granular) => {
          const object = exampleIndicator({
            object_marking_refs: refs,
            ...(granular
              ? { granular_markings: [{ marking_ref: granular, selectors: ['name'] }] }
              : {}),
          });
          const levels = tlpLevels.map((defaultTlp) => tlpOf(object, { defaultTlp }));
          const sameForAnyDefault = new Set(levels).size === 1;
          const fields = tlpLevels.map((defaultTlp) => tlpOfField(object, 'name', { defaultTlp }));
          const sameForTheField = fields.every((f, i) => f === levels[i]);
          assert.equal(tlpAlone(object), sameForAnyDefault && granular === undefined);
          if (tlpAlone(object)) assert.ok(sameForTheField);
        },
      ),
    ));
});

describe('tlpOfField', () => {
  const marked = exampleIndicator({
    description: 'Seen at two ministries.',
    external_references: [
      { source_name: 'a', url: 'https://example.com/a' },
      { source_name: 'b', url: 'https://example.com/b' },
    ],
    granular_markings: [
      { selectors: ['description', 'external_references.[1]'], marking_ref: tlp2MarkingIds.red },
      { selectors: ['name'], marking_ref: tlp2MarkingIds.clear },
      { selectors: ['pattern'], lang: 'en' },
    ],
  });
  it('a granular marking covers its field and everything inside it', () => {
    assert.equal(tlpOfField(marked, 'description', amber), 'red');
    assert.equal(tlpOfField(marked, 'external_references.[1]', amber), 'red');
    assert.equal(tlpOfField(marked, 'external_references.[1].url', amber), 'red');
    assert.equal(tlpOfField(marked, ['external_references', 1, 'url'], amber), 'red');
    assert.equal(tlpOfField(marked, 'external_references.[0].url', amber), 'green');
    assert.equal(tlpOfField(marked, 'external_references', amber), 'green');
  });
  it('markings add up: a field is never less restricted than its object', () =>
    assert.equal(tlpOfField(marked, 'name', amber), 'green'));
  it('an unmarked object: granular levels where given, the default elsewhere', () => {
    const unmarked = { ...marked, object_marking_refs: undefined };
    assert.equal(tlpOfField(unmarked, 'name', amber), 'clear');
    assert.equal(tlpOfField(unmarked, 'pattern', amber), 'amber');
    assert.equal(tlpOfField(unmarked, 'description', amber), 'red');
  });
});
