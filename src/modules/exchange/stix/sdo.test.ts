import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  exampleGrouping,
  exampleIdentity,
  exampleIncident,
  exampleIndicator,
  exampleMalware,
  exampleNote,
  exampleOpinion,
  exampleReport,
  exampleVulnerability,
} from './examples.js';
import { parseStixObject, type StixParseOptions } from './index.js';

const problems = (value: unknown, options?: StixParseOptions) => {
  const result = parseStixObject(value, options);
  return result.ok ? [] : result.problems.map((p) => `${p.path}: ${p.message}`);
};

/** The value has exactly one problem, at `path`, whose message contains `words`. */
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

describe('SDO examples', () => {
  for (const [name, build] of Object.entries({
    exampleIdentity,
    exampleIndicator,
    exampleMalware,
    exampleVulnerability,
    exampleReport,
    exampleNote,
    exampleOpinion,
    exampleIncident,
    exampleGrouping,
  }))
    it(`${name} is valid`, () => assert.deepEqual(problems(build()), []));
});

describe('common properties of SDOs', () => {
  it('refuses an id whose prefix is another type', () =>
    refused(
      exampleMalware({ id: 'indicator--31b940d4-6f7f-459a-80ea-9c1f17b5891b' }),
      'id',
      'must start with malware--',
    ));
  it('refuses an id that is not type--UUID', () => {
    refused(exampleMalware({ id: 'malware--1234' }), 'id', 'must be an identifier type--UUID');
    refused(exampleMalware({ id: 'Malware--31b940d4-6f7f-459a-80ea-9c1f17b5891b' }), 'id', 'UUID');
  });
  it('reads UUIDs in any case (RFC 4122) and gives them in lower case', () => {
    const result = parseStixObject(
      exampleMalware({
        id: 'malware--31B940D4-6F7F-459A-80EA-9C1F17B5891B',
        created_by_ref: 'identity--023D105B-752E-4E3C-941C-7D3F3CB15E9E',
        object_marking_refs: ['marking-definition--E828B379-4E03-4974-9AC4-E53A884C97C1'],
      }),
    );
    assert.ok(result.ok);
    assert.equal(result.object.id, 'malware--31b940d4-6f7f-459a-80ea-9c1f17b5891b');
    assert.equal(result.object.created_by_ref, 'identity--023d105b-752e-4e3c-941c-7d3f3cb15e9e');
    assert.deepEqual(result.object.object_marking_refs, [
      'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1',
    ]);
  });
  it('wants a UUIDv4 in what this instance produces, any RFC 4122 UUID from others', () => {
    const v1 = exampleMalware({ id: 'malware--1621d4d4-b67d-11e3-9670-f01faf20d111' });
    refused(v1, 'id', 'UUIDv4, not a version 1 UUID');
    assert.deepEqual(problems(v1, { ids: 'received' }), []);
  });
  it('refuses modified before created, accepts them equal', () => {
    refused(
      exampleReport({ modified: '2026-03-01T09:29:59.999Z' }),
      'modified',
      'must not be before created',
    );
    assert.deepEqual(problems(exampleReport({ modified: '2026-03-01T09:30:00.0000Z' })), []);
  });
  it('wants created and modified with milliseconds at least', () => {
    refused(exampleNote({ created: '2026-03-01T09:30:00Z' }), 'created', 'millisecond');
    assert.deepEqual(
      problems(
        exampleNote({
          created: '2026-03-01T09:30:00.123456Z',
          modified: '2026-03-01T09:30:00.1235Z',
        }),
      ),
      [],
    );
  });
  it('refuses timestamps outside UTC or the calendar', () => {
    refused(exampleNote({ modified: '2026-03-01T10:30:00.000+01:00' }), 'modified', 'UTC');
    refused(exampleReport({ published: '2026-02-30T00:00:00Z' }), 'published', 'RFC 3339');
    refused(exampleReport({ published: '2026-03-01 00:00:00Z' }), 'published', 'RFC 3339');
  });
  it('refuses a missing required property', () => {
    refused(without(exampleReport(), 'created'), 'created', 'is required');
    refused(without(exampleReport(), 'spec_version'), 'spec_version', 'is required');
    refused(exampleReport({ spec_version: '2.0' }), 'spec_version', 'must be "2.1"');
  });
  it('created_by_ref must reference an identity', () =>
    refused(
      exampleIncident({ created_by_ref: 'malware--31b940d4-6f7f-459a-80ea-9c1f17b5891b' }),
      'created_by_ref',
      'must reference an identity, not a malware',
    ));
  it('confidence is an integer from 0 to 100', () => {
    refused(exampleIncident({ confidence: 101 }), 'confidence', '0 to 100');
    refused(exampleIncident({ confidence: -1 }), 'confidence', '0 to 100');
    refused(exampleIncident({ confidence: 50.5 }), 'confidence', 'integer');
    assert.deepEqual(problems(exampleIncident({ confidence: 0, revoked: false })), []);
  });
  it('lists are never empty', () => {
    refused(exampleIncident({ labels: [] }), 'labels', 'must not be empty');
    refused(exampleIndicator({ object_marking_refs: [] }), 'object_marking_refs', 'empty');
  });
  it('lang is a language tag', () => {
    assert.deepEqual(problems(exampleIncident({ lang: 'fr-CA' })), []);
    refused(exampleIncident({ lang: 'french language' }), 'lang', 'RFC 5646');
  });
  it('object_marking_refs point at marking definitions', () =>
    refused(
      exampleIndicator({ object_marking_refs: [exampleIdentity().id] }),
      'object_marking_refs[0]',
      'must reference a marking-definition',
    ));
  it('allows x_ custom properties and refuses other unknown ones', () => {
    assert.deepEqual(problems(exampleMalware({ x_cirtkit_case: 'CASE-12', x_a: 1 })), []);
    refused(exampleMalware({ severity: 'high' }), 'severity', 'custom properties start with x_');
    refused(exampleMalware({ x_Upper: 1 }), 'x_Upper', 'custom properties start with x_');
  });
});

describe('indicator', () => {
  it('valid_until must be after valid_from', () => {
    refused(
      exampleIndicator({ valid_until: '2026-02-01T00:00:00Z' }),
      'valid_until',
      'must be after valid_from',
    );
    refused(
      exampleIndicator({ valid_until: '2026-03-01T00:00:00.000Z' }),
      'valid_until',
      'must be after valid_from',
    );
  });
  it('needs pattern, pattern_type and valid_from', () => {
    refused(without(exampleIndicator(), 'pattern'), 'pattern', 'is required');
    refused(without(exampleIndicator(), 'pattern_type'), 'pattern_type', 'is required');
    refused(without(exampleIndicator(), 'valid_from'), 'valid_from', 'is required');
  });
  it('open vocabularies take values beyond their lists', () =>
    assert.deepEqual(
      problems(exampleIndicator({ indicator_types: ['x-phishing-kit'], pattern_type: 'spl' })),
      [],
    ));
  it('kill chain phases need both names', () =>
    refused(
      exampleIndicator({ kill_chain_phases: [{ kill_chain_name: 'mitre-attack' }] }),
      'kill_chain_phases[0].phase_name',
      'is required',
    ));
});

describe('malware', () => {
  it('is_family is required, and a family needs a name', () => {
    refused(without(exampleMalware(), 'is_family'), 'is_family', 'is required');
    refused(without(exampleMalware(), 'name'), 'name', 'required when is_family is true');
    assert.deepEqual(problems(without(exampleMalware({ is_family: false }), 'name')), []);
  });
  it('last_seen is not before first_seen', () =>
    refused(exampleMalware({ last_seen: '2025-12-31T23:59:59Z' }), 'last_seen', 'first_seen'));
  it('sample_refs point at files or artifacts', () =>
    refused(
      exampleMalware({ sample_refs: ['url--47c3cf9a-5027-5bf0-997a-017c7edc7c55'] }),
      'sample_refs[0]',
      'must reference a file or an artifact',
    ));
});

describe('vulnerability', () => {
  it('a cve reference carries a CVE identifier', () => {
    refused(
      exampleVulnerability({
        external_references: [{ source_name: 'cve', external_id: 'CVE-21-1' }],
      }),
      'external_references[0].external_id',
      'CVE identifier',
    );
    refused(
      exampleVulnerability({
        external_references: [{ source_name: 'cve', url: 'https://www.cve.org/' }],
      }),
      'external_references[0].external_id',
      'CVE identifier',
    );
  });
  it('needs a name', () => refused(without(exampleVulnerability(), 'name'), 'name', 'required'));
});

describe('report, note, opinion, grouping', () => {
  it('report needs published and non-empty object_refs', () => {
    refused(without(exampleReport(), 'published'), 'published', 'is required');
    refused(exampleReport({ object_refs: [] }), 'object_refs', 'must not be empty');
    refused(exampleReport({ object_refs: ['not an id'] }), 'object_refs[0]', 'identifier');
  });
  it('note needs content and object_refs', () => {
    refused(without(exampleNote(), 'content'), 'content', 'is required');
    refused(without(exampleNote(), 'object_refs'), 'object_refs', 'is required');
  });
  it('opinion is a closed vocabulary', () => {
    refused(exampleOpinion({ opinion: 'maybe' }), 'opinion', 'strongly-disagree, disagree');
    refused(without(exampleOpinion(), 'object_refs'), 'object_refs', 'is required');
  });
  it('grouping needs a context (open) and object_refs', () => {
    refused(without(exampleGrouping(), 'context'), 'context', 'is required');
    assert.deepEqual(problems(exampleGrouping({ context: 'x-incident-handover' })), []);
  });
});

describe('identity and incident', () => {
  it('identity needs a name; class and sectors are open vocabularies', () => {
    refused(without(exampleIdentity(), 'name'), 'name', 'is required');
    assert.deepEqual(
      problems(exampleIdentity({ identity_class: 'cirt', sectors: ['x-water-utilities'] })),
      [],
    );
    refused(exampleIdentity({ sectors: 'energy' }), 'sectors', 'must be a list');
  });
  it('incident needs a name', () =>
    refused(without(exampleIncident(), 'name'), 'name', 'is required'));
});
