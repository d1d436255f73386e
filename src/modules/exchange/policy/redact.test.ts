import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { exampleFile, exampleIndicator } from '../stix/examples.js';
import { parseStixObject, tlp2MarkingIds, tlpLevels, tlpOfField, type Tlp } from '../stix/index.js';
import { mayDisclose, redact, type Recipient } from './index.js';

const options = { defaultTlp: 'amber' as Tlp };
const peer: Recipient = { kind: 'peer', community: true };

const refs = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ source_name: `source-${i}`, description: `ref-${i}` }));

describe('redact', () => {
  it('withholds an object whose own TLP forbids it', () => {
    const shown = redact(
      exampleIndicator({ object_marking_refs: [tlp2MarkingIds.amber] }),
      peer,
      options,
    );
    assert.ok(!shown.disclosed);
    assert.equal(shown.reason, 'TLP:AMBER: only the recipient organisation and its clients');
  });
  it('gives the object itself when nothing in it is marked stricter', () => {
    const indicator = exampleIndicator();
    const shown = redact(indicator, peer, options);
    assert.ok(shown.disclosed);
    assert.equal(shown.object, indicator);
    assert.deepEqual(shown.removed, []);
  });
  it('takes out a field marked stricter, with its granular marking', () => {
    const indicator = exampleIndicator({
      description: 'secret',
      granular_markings: [{ selectors: ['description'], marking_ref: tlp2MarkingIds.red }],
    });
    const shown = redact(indicator, peer, options);
    assert.ok(shown.disclosed);
    assert.equal(shown.object.description, undefined);
    assert.equal(shown.object.granular_markings, undefined);
    assert.deepEqual(shown.removed, ['description']);
    assert.equal(indicator.description, 'secret', 'the original is untouched');
    assert.ok(parseStixObject(shown.object).ok);
  });
  it('takes out whole list items and renumbers the selectors after them', () => {
    const indicator = exampleIndicator({
      external_references: refs(3),
      granular_markings: [
        { selectors: ['external_references.[0].description'], marking_ref: tlp2MarkingIds.red },
        {
          selectors: ['external_references.[2].description', 'name'],
          marking_ref: tlp2MarkingIds.clear,
        },
      ],
    });
    const shown = redact(indicator, peer, options);
    assert.ok(shown.disclosed);
    assert.deepEqual(shown.removed, ['external_references.[0]']);
    assert.deepEqual(shown.object.external_references, refs(3).slice(1));
    assert.deepEqual(shown.object.granular_markings, [
      {
        selectors: ['external_references.[1].description', 'name'],
        marking_ref: tlp2MarkingIds.clear,
      },
    ]);
    assert.ok(parseStixObject(shown.object).ok);
  });
  it('drops a list left empty, and an entry of a dictionary', () => {
    const file = exampleFile({
      object_marking_refs: [tlp2MarkingIds.green],
      granular_markings: [{ selectors: ['hashes.MD5'], marking_ref: tlp2MarkingIds.red }],
    });
    const shown = redact(file, peer, options);
    assert.ok(shown.disclosed);
    assert.deepEqual(Object.keys(shown.object.hashes as object), ['SHA-256', 'SHA-1']);
    const labels = redact(
      exampleIndicator({
        labels: ['one'],
        granular_markings: [{ selectors: ['labels.[0]'], marking_ref: tlp2MarkingIds.red }],
      }),
      peer,
      options,
    );
    assert.ok(labels.disclosed && labels.object.labels === undefined);
  });
  it('withholds the object when what remains would not be valid', () => {
    const pattern = redact(
      exampleIndicator({
        granular_markings: [{ selectors: ['pattern'], marking_ref: tlp2MarkingIds.red }],
      }),
      peer,
      options,
    );
    assert.ok(!pattern.disclosed);
    assert.match(
      pattern.reason,
      /^TLP:RED: .*without pattern it would not be valid \(pattern: is required\)$/,
    );
    const id = redact(
      exampleIndicator({
        granular_markings: [{ selectors: ['id'], marking_ref: tlp2MarkingIds.red }],
      }),
      peer,
      options,
    );
    assert.ok(
      !id.disclosed && id.reason.endsWith('id cannot be taken out, so the object is withheld'),
    );
    const onlyHash = redact(
      exampleFile({
        object_marking_refs: [tlp2MarkingIds.green],
        name: undefined,
        hashes: { MD5: 'a92e5b2bae0b4b3a3d81c85610b95cd4' },
        granular_markings: [{ selectors: ['hashes.MD5'], marking_ref: tlp2MarkingIds.red }],
      }),
      peer,
      options,
    );
    assert.ok(!onlyHash.disclosed && onlyHash.reason.includes('hashes or a name'));
  });
  it('a named local user sees everything', () => {
    const indicator = exampleIndicator({
      object_marking_refs: [tlp2MarkingIds.red],
      description: 'secret',
      granular_markings: [{ selectors: ['description'], marking_ref: tlp2MarkingIds.red }],
    });
    const shown = redact(indicator, { kind: 'user', onAccessList: true }, options);
    assert.ok(shown.disclosed && shown.object === indicator);
  });
});

describe('redact: properties', () => {
  const units = [
    'description',
    'name',
    'labels.[0]',
    'labels.[1]',
    'labels.[2]',
    ...[0, 1, 2].map((i) => `external_references.[${i}]`),
  ];
  const secretOf: Record<string, string> = {
    description: 'secret-description',
    name: 'secret-name',
    ...Object.fromEntries([0, 1, 2].map((i) => [`labels.[${i}]`, `label-${i}`])),
    ...Object.fromEntries([0, 1, 2].map((i) => [`external_references.[${i}]`, `ref-${i}`])),
  };
  const objectArb = fc
    .record({
      level: fc.option(fc.constantFrom(...tlpLevels), { nil: undefined }),
      markings: fc.array(
        fc.record({
          selectors: fc.uniqueArray(
            fc.constantFrom(...units, 'external_references.[1].description'),
            {
              minLength: 1,
              maxLength: 3,
            },
          ),
          level: fc.constantFrom(...tlpLevels),
        }),
        { maxLength: 4 },
      ),
    })
    .map(({ level, markings }) =>
      exampleIndicator({
        name: 'secret-name',
        description: 'secret-description',
        labels: ['label-0', 'label-1', 'label-2'],
        external_references: refs(3),
        object_marking_refs: level === undefined ? undefined : [tlp2MarkingIds[level]],
        granular_markings:
          markings.length === 0
            ? undefined
            : markings.map((m) => ({
                selectors: m.selectors,
                marking_ref: tlp2MarkingIds[m.level],
              })),
      }),
    );
  const recipientArb: fc.Arbitrary<Recipient> = fc.record({
    kind: fc.constantFrom('user', 'peer', 'sharing-group', 'public'),
    sameOrganisation: fc.boolean(),
    client: fc.boolean(),
    community: fc.boolean(),
    onAccessList: fc.boolean(),
  });
  const defaultArb = fc.constantFrom(...tlpLevels);

  it('nothing a recipient may not see is ever shown, and what is shown is valid', () =>
    fc.assert(
      fc.property(objectArb, recipientArb, defaultArb, (object, recipient, defaultTlp) => {
        const opts = { defaultTlp };
        const shown = redact(object, recipient, opts);
        if (!shown.disclosed) return;
        const text = JSON.stringify(shown.object);
        for (const unit of units)
          if (!mayDisclose(tlpOfField(object, unit, opts), recipient, opts).allowed)
            assert.ok(
              !text.includes(secretOf[unit]!),
              `${unit} shown to ${JSON.stringify(recipient)}`,
            );
        const parsed = parseStixObject(shown.object);
        assert.ok(parsed.ok, JSON.stringify(parsed.ok ? [] : parsed.problems));
      }),
    ));
  it('TLP:RED content never reaches anyone but a named local user', () =>
    fc.assert(
      fc.property(objectArb, recipientArb, defaultArb, (object, recipient, defaultTlp) => {
        if (recipient.kind === 'user' && recipient.onAccessList) return;
        const shown = redact(object, recipient, { defaultTlp });
        if (!shown.disclosed) return;
        for (const unit of units)
          if (tlpOfField(object, unit, { defaultTlp }) === 'red')
            assert.ok(!JSON.stringify(shown.object).includes(secretOf[unit]!));
      }),
    ));
});
