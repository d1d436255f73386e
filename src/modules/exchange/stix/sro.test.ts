import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { exampleIds, exampleRelationship, exampleSighting } from './examples.js';
import { parseStixObject, tlp2MarkingIds } from './index.js';

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

const without = (o: Record<string, unknown>, key: string) => {
  const copy = { ...o };
  delete copy[key];
  return copy;
};

describe('relationship', () => {
  it('the example is valid, also between an SDO and an SCO or a custom object', () => {
    assert.deepEqual(problems(exampleRelationship()), []);
    assert.deepEqual(
      problems(
        exampleRelationship({
          relationship_type: 'related-to',
          target_ref: 'ipv4-addr--28bb3599-77cd-5a82-a950-b5bc3caf07c4',
        }),
      ),
      [],
    );
    assert.deepEqual(
      problems(
        exampleRelationship({ target_ref: 'x-cirtkit-team--2f9dd3f9-2f4b-4bd8-8c1f-8b8f0b3c0f2e' }),
      ),
      [],
    );
  });
  it('never joins relationships, sightings, markings or bundles', () => {
    refused(
      exampleRelationship({ target_ref: exampleIds.sighting }),
      'target_ref',
      'must reference an SDO or SCO, not a sighting',
    );
    refused(
      exampleRelationship({ source_ref: tlp2MarkingIds.red }),
      'source_ref',
      'must reference an SDO or SCO, not a marking-definition',
    );
    refused(exampleRelationship({ source_ref: exampleIds.bundle }), 'source_ref', 'not a bundle');
  });
  it('needs relationship_type, source_ref and target_ref', () => {
    refused(
      without(exampleRelationship(), 'relationship_type'),
      'relationship_type',
      'is required',
    );
    refused(without(exampleRelationship(), 'source_ref'), 'source_ref', 'is required');
    refused(without(exampleRelationship(), 'target_ref'), 'target_ref', 'is required');
  });
  it('relationship_type is a lower-case name', () =>
    refused(exampleRelationship({ relationship_type: 'Indicates' }), 'relationship_type', 'a-z'));
  it('stop_time must be after start_time', () =>
    refused(
      exampleRelationship({ stop_time: '2026-01-01T00:00:00Z' }),
      'stop_time',
      'must be after start_time',
    ));
});

describe('sighting', () => {
  it('the example is valid', () => assert.deepEqual(problems(exampleSighting()), []));
  it('sighting_of_ref is an SDO', () => {
    refused(
      exampleSighting({ sighting_of_ref: 'ipv4-addr--28bb3599-77cd-5a82-a950-b5bc3caf07c4' }),
      'sighting_of_ref',
      'must reference an SDO, not an ipv4-addr',
    );
    refused(
      exampleSighting({ sighting_of_ref: exampleIds.relationship }),
      'sighting_of_ref',
      'SDO',
    );
    refused(without(exampleSighting(), 'sighting_of_ref'), 'sighting_of_ref', 'is required');
  });
  it('count is from 0 to 999999999', () => {
    assert.deepEqual(problems(exampleSighting({ count: 0 })), []);
    assert.deepEqual(problems(exampleSighting({ count: 999_999_999 })), []);
    refused(exampleSighting({ count: 1_000_000_000 }), 'count', '0 to 999999999');
    refused(exampleSighting({ count: -1 }), 'count', '0 to 999999999');
    refused(exampleSighting({ count: 2.5 }), 'count', 'integer');
  });
  it('last_seen is not before first_seen', () => {
    refused(exampleSighting({ last_seen: '2026-03-01T09:59:59.9Z' }), 'last_seen', 'first_seen');
    assert.deepEqual(problems(exampleSighting({ last_seen: '2026-03-01T10:00:00.000Z' })), []);
  });
  it('observed_data_refs and where_sighted_refs point at the right types', () => {
    refused(
      exampleSighting({ observed_data_refs: [exampleIds.indicator] }),
      'observed_data_refs[0]',
      'must reference an observed-data',
    );
    refused(
      exampleSighting({ where_sighted_refs: [exampleIds.identity, exampleIds.malware] }),
      'where_sighted_refs[1]',
      'must reference an identity or a location, not a malware',
    );
  });
});
