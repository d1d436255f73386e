import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { checkPattern } from '../pattern/index.js';
import { tlp2MarkingIds } from '../stix/marking-ids.js';
import { parseStixObject } from '../stix/parse.js';
import {
  buildMispFeed,
  manifestSchema,
  mispToStix,
  parseMispEvent,
  stixToMisp,
  type MispEvent,
} from './index.js';

/**
 * A MISP event written by hand from the MISP core format (draft-dulaunoy-misp-core-format):
 * numbers as strings as MISP writes them, an attribute inside a MISP object, a galaxy, an RSIT
 * machine tag, and a type cirtkit does not map (fixtures/exchange/misp-event-phishing.json).
 */
interface HandWritten {
  Event: {
    Tag: { name: string }[];
    distribution: string;
    Attribute: { type: string; value: string }[];
    [key: string]: unknown;
  };
}
const fixture = new URL('../../../../fixtures/exchange/misp-event-phishing.json', import.meta.url);
const handWritten = (): HandWritten => JSON.parse(readFileSync(fixture, 'utf8')) as HandWritten;

const parsed = (): MispEvent => {
  const result = parseMispEvent(handWritten());
  assert.ok(result.ok, JSON.stringify(!result.ok && result.problems));
  return result.event;
};

describe('MISP events in, STIX out', () => {
  it('reads the hand-written event with MISP’s string numbers', () => {
    const e = parsed().Event;
    assert.equal(e.threat_level_id, 2);
    assert.equal(e.timestamp, 1772445600);
    assert.equal(e.Attribute[0]!.to_ids, true);
  });

  it('gives valid STIX 2.1 objects: indicators for to_ids, observables otherwise, a report over them', () => {
    const { objects, skipped } = mispToStix(parsed());
    for (const o of objects) {
      const r = parseStixObject(o, { ids: 'received', checkPattern });
      assert.ok(r.ok, `${o.id}: ${JSON.stringify(!r.ok && r.problems)}`);
    }
    const byType = (t: string) => objects.filter((o) => o.type === t);
    assert.deepEqual(
      byType('indicator')
        .map((o) => o.pattern)
        .sort(),
      [
        "[domain-name:value = 'tax-refund.example']",
        "[file:name = 'refund.pdf.exe' AND file:hashes.'SHA-256' = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855']",
        "[url:value = 'http://tax-refund.example/it\\'s/login']",
      ],
    );
    assert.equal(byType('ipv4-addr')[0]!.value, '198.51.100.23');
    assert.equal(byType('vulnerability')[0]!.name, 'CVE-2024-3400');
    const report = byType('report')[0]!;
    assert.equal(report.id, 'report--5e3f1c2a-7b4d-4e8f-9a1b-2c3d4e5f6a7b');
    assert.equal((report.object_refs as string[]).length, objects.length - 1);
    assert.deepEqual(report.labels, [
      'rsit:fraud="phishing"',
      'misp-galaxy:threat-actor="Example Spider"',
    ]);
    assert.deepEqual(
      skipped.map((s) => s.type),
      ['yara'],
    );
    assert.equal(
      byType('indicator').find((o) =>
        String(o.id).endsWith('0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d'),
      )!.description,
      'landing page',
    );
  });

  it('marks from tlp: tags, never less strict than the event, else from the distribution', () => {
    const { objects } = mispToStix(parsed());
    const marking = (suffix: string) =>
      (objects.find((o) => o.id.endsWith(suffix))!.object_marking_refs as string[])[0];
    assert.equal(marking('0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d'), tlp2MarkingIds.green);
    assert.equal(marking('3d4e5f6a-7b8c-4d9e-9f0a-2b3c4d5e6f7a'), tlp2MarkingIds.amber);
    const untagged = handWritten();
    untagged.Event.Tag = [];
    untagged.Event.distribution = '0';
    const r = parseMispEvent(untagged);
    assert.ok(r.ok);
    const strict = mispToStix(r.event).objects.find((o) => o.type === 'report')!;
    assert.deepEqual(strict.object_marking_refs, [tlp2MarkingIds['amber+strict']]);
    for (const [distribution, tlp] of [
      ['3', 'clear'],
      ['2', 'green'],
      ['1', 'amber'],
      ['4', 'amber'],
    ] as const) {
      untagged.Event.distribution = distribution;
      const again = parseMispEvent(untagged);
      assert.ok(again.ok);
      assert.deepEqual(
        mispToStix(again.event).objects.find((o) => o.type === 'report')!.object_marking_refs,
        [tlp2MarkingIds[tlp]],
        distribution,
      );
    }
  });

  it('lists a value that makes no valid STIX object instead of failing', () => {
    const odd = handWritten();
    odd.Event.Attribute[1]!.type = 'domain';
    odd.Event.Attribute[1]!.value = 'not a domain!';
    const r = parseMispEvent(odd);
    assert.ok(r.ok);
    const { objects, skipped } = mispToStix(r.event);
    assert.equal(
      objects.some((o) => o.type === 'domain-name'),
      false,
    );
    assert.match(
      skipped.find((s) => s.type === 'domain-name')!.reason,
      /value: must be a domain name/,
    );
  });

  it('gives the same ids when the same event is read twice', () => {
    assert.deepEqual(
      mispToStix(parsed()).objects.map((o) => o.id),
      mispToStix(parsed()).objects.map((o) => o.id),
    );
  });

  it('names every problem of a malformed event with its place', () => {
    const bad = handWritten() as unknown as { Event: Record<string, unknown> };
    bad.Event.date = '27/02/2026';
    bad.Event.threat_level_id = '9';
    (bad.Event.Attribute as Record<string, unknown>[])[1]!.uuid = 'not-a-uuid';
    const r = parseMispEvent(bad);
    assert.equal(r.ok, false);
    const paths = !r.ok ? r.problems.map((p) => p.path).sort() : [];
    assert.deepEqual(paths, ['Event.Attribute[1].uuid', 'Event.date', 'Event.threat_level_id']);
  });
});

describe('STIX out to MISP and back', () => {
  it('keeps values, types, detection flags and TLP through a round trip', () => {
    const first = mispToStix(parsed());
    const { event } = stixToMisp(first.objects, { defaultTlp: 'amber', orgName: 'CERT-Example' });
    const again = parseMispEvent(JSON.parse(JSON.stringify(event)));
    assert.ok(again.ok, JSON.stringify(!again.ok && again.problems));
    const original = parsed().Event;
    const keep = (a: { type: string; value: string; to_ids: boolean }) => `${a.to_ids} ${a.value}`;
    const mappable = [...original.Attribute, ...original.Object.flatMap((o) => o.Attribute)].filter(
      (a) => a.type !== 'yara',
    );
    assert.deepEqual(again.event.Event.Attribute.map(keep).sort(), mappable.map(keep).sort());
    assert.equal(again.event.Event.uuid, original.uuid);
    assert.equal(again.event.Event.info, original.info);
    const url = again.event.Event.Attribute.find((a) => a.type === 'url')!;
    assert.deepEqual(url.Tag, [{ name: 'tlp:amber' }]);
    assert.equal(url.distribution, 1);
    assert.deepEqual(
      again.event.Event.Tag[0],
      { name: 'tlp:amber' },
      'the event is as strict as its strictest attribute',
    );
    const back = mispToStix(again.event);
    assert.deepEqual(
      back.objects
        .filter((o) => o.type === 'indicator')
        .map((o) => o.pattern)
        .sort(),
      first.objects
        .filter((o) => o.type === 'indicator')
        .map((o) => o.pattern)
        .sort(),
    );
  });
});

describe('MISP feed', () => {
  it('lays out manifest.json, hashes.csv and one file per event, and reads back', () => {
    const event = parsed();
    const feed = buildMispFeed([event]);
    const manifest = manifestSchema.parse(JSON.parse(JSON.stringify(feed.manifest)));
    assert.deepEqual(Object.keys(manifest), [event.Event.uuid]);
    assert.equal(manifest[event.Event.uuid]!.info, event.Event.info);
    const md5 = (s: string) => createHash('md5').update(s).digest('hex');
    const lines = feed.hashesCsv.trim().split('\n');
    assert.ok(lines.includes(`${md5('198.51.100.23')},${event.Event.uuid}`));
    assert.ok(
      lines.includes(`${md5('refund.pdf.exe')},${event.Event.uuid}`),
      'each part of a composite value',
    );
    const file = feed.files.get(`${event.Event.uuid}.json`)!;
    const r = parseMispEvent(JSON.parse(file));
    assert.ok(r.ok);
    assert.equal(r.event.Event.Attribute.length, event.Event.Attribute.length);
  });
});

describe('MISP parsing of hostile input', () => {
  it('never throws: arbitrary JSON and mutated events give an event or problems', () => {
    const base = handWritten();
    const mutated = fc
      .tuple(
        fc.constantFrom(
          'info',
          'date',
          'uuid',
          'Attribute',
          'Tag',
          'distribution',
          'timestamp',
          'Object',
          'Galaxy',
        ),
        fc.jsonValue(),
      )
      .map(([key, value]) => ({ Event: { ...base.Event, [key]: value } }));
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), mutated), (value) => {
        const r = parseMispEvent(value);
        if (r.ok) {
          const { objects } = mispToStix(r.event);
          for (const o of objects)
            assert.ok(parseStixObject(o, { ids: 'received', checkPattern }).ok, o.id);
        } else assert.ok(r.problems.length > 0);
      }),
      { numRuns: 300 },
    );
  });
});
