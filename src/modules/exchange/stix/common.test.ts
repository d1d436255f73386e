import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { exampleIndicator, exampleIpv4, exampleReport } from './examples.js';
import {
  compareStixTimestamps,
  isStixTimestamp,
  parseStixObject,
  resolveSelector,
  stixTimestamp,
  tlp2MarkingIds,
} from './index.js';

const problems = (value: unknown) => {
  const result = parseStixObject(value);
  return result.ok ? [] : result.problems.map((p) => `${p.path}: ${p.message}`);
};

function refused(value: unknown, path: string, words: string) {
  const found = problems(value);
  assert.equal(found.length, 1, `one problem expected, got ${JSON.stringify(found)}`);
  assert.ok(found[0]!.startsWith(`${path}: `), `${found[0]} is not at ${path}`);
  assert.ok(found[0]!.includes(words), `"${found[0]}" does not say "${words}"`);
}

describe('timestamps', () => {
  it('accepts any fractional precision, a leap second and leap days', () => {
    for (const t of [
      '2016-01-20T12:31:12Z',
      '2016-01-20T12:31:12.1Z',
      '2016-01-20T12:31:12.123456789Z',
      '2016-12-31T23:59:60Z',
      '2024-02-29T00:00:00Z',
      '2000-02-29T00:00:00Z',
    ])
      assert.ok(isStixTimestamp(t), t);
  });
  it('refuses other zones, lower case, impossible dates and times', () => {
    for (const t of [
      '2016-01-20T12:31:12+00:00',
      '2016-01-20t12:31:12z',
      '2016-01-20T12:31Z',
      '2023-02-29T00:00:00Z',
      '1900-02-29T00:00:00Z',
      '2016-04-31T00:00:00Z',
      '2016-13-01T00:00:00Z',
      '2016-01-20T24:00:00Z',
      '2016-01-20T12:31:12.Z',
    ])
      assert.ok(!isStixTimestamp(t), t);
  });
  it('millisecond precision at least, for created and modified', () => {
    assert.ok(isStixTimestamp('2016-01-20T12:31:12.123Z', { millis: true }));
    assert.ok(isStixTimestamp('2016-01-20T12:31:12.1234Z', { millis: true }));
    assert.ok(!isStixTimestamp('2016-01-20T12:31:12.12Z', { millis: true }));
  });
  it('the project writes exactly milliseconds', () =>
    assert.equal(
      stixTimestamp(new Date(Date.UTC(2026, 0, 2, 3, 4, 5, 6))),
      '2026-01-02T03:04:05.006Z',
    ));
  it('compares at full precision, agreeing with instants at millisecond precision', () => {
    assert.equal(compareStixTimestamps('2016-01-20T12:31:12Z', '2016-01-20T12:31:12.000Z'), 0);
    assert.ok(compareStixTimestamps('2016-01-20T12:31:12.1Z', '2016-01-20T12:31:12.09999Z') > 0);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4e12 }), fc.integer({ min: 0, max: 4e12 }), (a, b) => {
        const sign = Math.sign(
          compareStixTimestamps(new Date(a).toISOString(), new Date(b).toISOString()),
        );
        assert.equal(sign, Math.sign(a - b));
      }),
    );
  });
});

describe('external references', () => {
  it('need a source_name and one of description, url, external_id', () => {
    refused(
      exampleReport({ external_references: [{ source_name: 'vendor' }] }),
      'external_references[0]',
      'at least one of description, url or external_id',
    );
    refused(
      exampleReport({ external_references: [{ url: 'https://example.com/' }] }),
      'external_references[0].source_name',
      'is required',
    );
    assert.deepEqual(
      problems(
        exampleReport({
          external_references: [{ source_name: 'vendor', url: 'https://example.com/a' }],
        }),
      ),
      [],
    );
  });
  it('url is an absolute URL; unknown keys are refused', () => {
    refused(
      exampleReport({ external_references: [{ source_name: 'vendor', url: 'not a url' }] }),
      'external_references[0].url',
      'absolute URL',
    );
    refused(
      exampleReport({ external_references: [{ source_name: 'v', description: 'd', note: 'n' }] }),
      'external_references[0].note',
      'unknown property',
    );
  });
  it('capec references carry a CAPEC id', () =>
    refused(
      exampleReport({ external_references: [{ source_name: 'capec', external_id: '163' }] }),
      'external_references[0].external_id',
      'CAPEC',
    ));
});

describe('granular markings', () => {
  const marking = (m: Record<string, unknown>) => exampleIndicator({ granular_markings: [m] });
  it('take selectors and a marking_ref or a lang', () => {
    assert.deepEqual(
      problems(marking({ selectors: ['pattern', 'name'], marking_ref: tlp2MarkingIds.red })),
      [],
    );
    assert.deepEqual(problems(marking({ selectors: ['name'], lang: 'fr' })), []);
    assert.deepEqual(
      problems(
        marking({
          selectors: ['kill_chain_phases.[0].phase_name'],
          marking_ref: tlp2MarkingIds.red,
        }),
      ),
      [],
    );
  });
  it('refuse both or neither of marking_ref and lang', () => {
    refused(
      marking({ selectors: ['name'], marking_ref: tlp2MarkingIds.red, lang: 'fr' }),
      'granular_markings[0]',
      'exactly one of marking_ref and lang',
    );
    refused(marking({ selectors: ['name'] }), 'granular_markings[0]', 'exactly one');
  });
  it('selectors must be well formed and select content of the object', () => {
    refused(
      marking({ selectors: ['kill_chain_phases[0]'], marking_ref: tlp2MarkingIds.red }),
      'granular_markings[0].selectors[0]',
      'must be a selector',
    );
    refused(
      marking({ selectors: ['description'], marking_ref: tlp2MarkingIds.red }),
      'granular_markings[0].selectors[0]',
      'selects nothing: description is not in the object',
    );
    refused(
      marking({ selectors: ['kill_chain_phases.[3]'], marking_ref: tlp2MarkingIds.red }),
      'granular_markings[0].selectors[0]',
      'selects nothing',
    );
  });
  it('marking_ref is a marking definition', () =>
    refused(
      marking({
        selectors: ['name'],
        marking_ref: 'identity--023d105b-752e-4e3c-941c-7d3f3cb15e9e',
      }),
      'granular_markings[0].marking_ref',
      'must reference a marking-definition',
    ));
  it('resolveSelector walks properties, list items and dictionary keys', () => {
    const file = { hashes: { 'SHA-256': 'ab' }, list: [{ a: 1 }] };
    assert.equal(resolveSelector(file, 'hashes.SHA-256'), 'ab');
    assert.equal(resolveSelector(file, 'list.[0].a'), 1);
    assert.equal(resolveSelector(file, 'list.[1].a'), undefined);
    assert.equal(resolveSelector(file, 'hashes.toString'), undefined);
  });
});

describe('extensions and custom properties', () => {
  const extensionId = 'extension-definition--d83fce45-ef58-4c6c-a3f4-1fbc32e98c6e';
  it('SDO extensions are keyed by extension-definition ids', () => {
    assert.deepEqual(
      problems(
        exampleReport({
          extensions: { [extensionId]: { extension_type: 'property-extension', rank: 2 } },
        }),
      ),
      [],
    );
    refused(
      exampleReport({ extensions: { 'pdf-ext': { version: '1' } } }),
      'extensions.pdf-ext',
      'unknown extension',
    );
    refused(exampleReport({ extensions: {} }), 'extensions', 'must not be empty');
    refused(
      exampleReport({ extensions: { [extensionId]: { extension_type: 'property' } } }),
      `extensions.${extensionId}.extension_type`,
      'must be one of',
    );
  });
  it('a toplevel-property-extension allows its properties at the top level', () => {
    const extensions = { [extensionId]: { extension_type: 'toplevel-property-extension' } };
    assert.deepEqual(problems(exampleReport({ extensions, national_status: 'designated' })), []);
    refused(exampleReport({ extensions, 'Bad-Name': 1 }), 'Bad-Name', 'unknown property');
  });
  it('custom properties are allowed on SCOs too', () =>
    assert.deepEqual(problems(exampleIpv4({ x_first_reported_by: 'CERT-Example' })), []));
});
