import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkPattern } from '../pattern/index.js';
import { everyExample, exampleIds, exampleIndicator } from './examples.js';
import {
  formatPath,
  parseBundle,
  parseStixObject,
  readBundle,
  stixObjectSchema,
  tlp2Markings,
} from './index.js';

const bundle = (objects: unknown[]) => ({ type: 'bundle', id: exampleIds.bundle, objects });

describe('parseStixObject', () => {
  it('gives the typed object, narrowed by its type', () => {
    const result = parseStixObject(exampleIndicator());
    assert.ok(result.ok);
    if (result.object.type === 'indicator') assert.equal(result.object.pattern_type, 'stix');
    else assert.fail('an indicator');
  });
  it('names every problem at once, each at its place', () => {
    const result = parseStixObject(
      exampleIndicator({
        valid_until: '2025-01-01T00:00:00Z',
        confidence: 'high',
        external_references: [{ source_name: 'cve', external_id: 'CVE-1' }],
        colour: 'red',
      }),
    );
    assert.ok(!result.ok);
    assert.deepEqual(result.problems.map((p) => p.path).sort(), [
      'colour',
      'confidence',
      'external_references[0].external_id',
      'valid_until',
    ]);
  });
  it('refuses what is not an object, or a type it does not know', () => {
    assert.deepEqual(parseStixObject('indicator'), {
      ok: false,
      problems: [{ path: '', message: 'must be an object' }],
    });
    const unknown = parseStixObject({ ...exampleIndicator(), type: 'threat-actor' });
    assert.ok(!unknown.ok);
    assert.equal(unknown.problems[0]!.path, 'type');
    assert.match(
      unknown.problems[0]!.message,
      /^must be a type this instance accepts: .*indicator/,
    );
  });
  it('the exported schema is the one for what this instance produces', () => {
    assert.ok(stixObjectSchema.safeParse(exampleIndicator()).success);
    const v1 = exampleIndicator({ id: 'indicator--1621d4d4-b67d-11e3-9670-f01faf20d111' });
    assert.ok(!stixObjectSchema.safeParse(v1).success);
  });
});

describe('the pattern hook', () => {
  it('reports what the injected checker finds, at pattern, for STIX patterns only', () => {
    const seen: string[] = [];
    const checker = (pattern: string) => {
      seen.push(pattern);
      return [{ offset: 3, message: 'line 1, column 4: no' }];
    };
    const result = parseStixObject(exampleIndicator(), { checkPattern: checker });
    assert.deepEqual(result, {
      ok: false,
      problems: [{ path: 'pattern', message: 'line 1, column 4: no' }],
    });
    assert.deepEqual(seen, ["[ipv4-addr:value = '198.51.100.3']"]);
    const yara = exampleIndicator({ pattern_type: 'yara', pattern: 'rule a { condition: true }' });
    assert.ok(parseStixObject(yara, { checkPattern: checker }).ok);
  });
  it('works with the grammar of ../pattern', () => {
    assert.ok(parseStixObject(exampleIndicator(), { checkPattern }).ok);
    const broken = parseStixObject(
      exampleIndicator({ pattern: "[ipv4-addr:value = '198.51.100.3'" }),
      {
        checkPattern,
      },
    );
    assert.ok(!broken.ok);
    assert.equal(broken.problems[0]!.path, 'pattern');
    assert.match(broken.problems[0]!.message, /^line 1, column \d+/);
  });
});

describe('bundles', () => {
  it('a bundle of every example with the marking definitions is valid', () => {
    const result = parseBundle(bundle([...everyExample(), ...tlp2Markings]));
    assert.deepEqual(result.ok ? [] : result.problems, []);
  });
  it('places problems of objects under objects[i]', () => {
    const objects = everyExample();
    objects[3] = { ...objects[3]!, modified: '2000-01-01T00:00:00.000Z' };
    const result = parseBundle(bundle(objects));
    assert.ok(!result.ok);
    assert.deepEqual(result.problems, [
      { path: 'objects[3].modified', message: 'must not be before created' },
    ]);
    const indicator = parseBundle(
      bundle([exampleIndicator({ valid_until: '2000-01-01T00:00:00Z' })]),
    );
    assert.deepEqual(indicator.ok ? [] : indicator.problems, [
      { path: 'objects[0].valid_until', message: 'must be after valid_from' },
    ]);
  });
  it('readBundle keeps the valid objects and lists the others with their reasons', () => {
    const read = readBundle(bundle([exampleIndicator(), { type: 'indicator', id: 'x' }, 7]));
    assert.equal(read.id, exampleIds.bundle);
    assert.deepEqual(read.problems, []);
    assert.deepEqual(
      read.items.map((i) => [i.index, i.ok]),
      [
        [0, true],
        [1, false],
        [2, false],
      ],
    );
    const second = read.items[1]!;
    assert.ok(!second.ok && second.type === 'indicator' && second.id === 'x');
    assert.ok(second.problems.every((p) => p.path.startsWith('objects[1].')));
  });
  it('checks the envelope: type, bundle id, a non-empty list, no spec_version in 2.1', () => {
    const read = readBundle({
      type: 'bundle',
      id: 'report--5d0092c5-5f74-4287-9642-33f4c354e56d',
      spec_version: '2.1',
      objects: [],
    });
    assert.deepEqual(
      read.problems.map((p) => p.path),
      ['id', 'objects', 'spec_version'],
    );
    assert.ok(parseBundle({ type: 'bundle', id: exampleIds.bundle }).ok);
    assert.ok(!parseBundle({ type: 'collection', id: exampleIds.bundle }).ok);
  });
});

describe('formatPath', () => {
  it('writes list indexes in brackets and names after dots', () => {
    assert.equal(formatPath(['objects', 3, 'hashes', 'SHA-256']), 'objects[3].hashes.SHA-256');
    assert.equal(formatPath([]), '');
    assert.equal(formatPath([0]), '[0]');
  });
});
