import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
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
  type Tlp,
} from './index.js';

const amber = { defaultTlp: 'amber' as Tlp };

describe('TLP marking ids', () => {
  const csv = fileURLToPath(new URL('../../../../../shared/data/tlp_v2.csv', import.meta.url));
  it(
    'agree with the shared reference data (OASIS ids)',
    { skip: !existsSync(csv) && 'no shared data' },
    () => {
      const rows = readFileSync(csv, 'utf8').trim().split('\n').slice(1);
      let checked = 0;
      for (const row of rows) {
        const label = row.split(',')[0]!;
        const [tlp2, tlp1] = row.split(',').slice(-2);
        const level = label.slice(4).toLowerCase();
        if (tlp2) {
          assert.equal(tlp2MarkingIds[level as Tlp], tlp2, label);
          checked++;
        }
        if (tlp1) {
          assert.equal(tlp1MarkingIds[level as keyof typeof tlp1MarkingIds], tlp1, label);
          checked++;
        }
      }
      assert.equal(checked, 9);
    },
  );
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
