import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { tlp2MarkingIds } from '../../src/modules/exchange/index.js';
import type { HttpClient } from '../support/http.js';
import { startTestServer, type TestServer } from '../support/server.js';

const event = () =>
  JSON.parse(
    readFileSync(
      new URL('../../fixtures/exchange/misp-event-phishing.json', import.meta.url),
      'utf8',
    ),
  ) as { Event: Record<string, unknown> & { uuid: string } };

interface Listed {
  objects: { id: string; type: string; tlp: string; label: string }[];
}
interface MispAttribute {
  type: string;
  value: string;
  to_ids: boolean;
  Tag: { name: string }[];
}

describe('MISP: import, export, a published feed and its consumer', () => {
  let server: TestServer;
  let admin: HttpClient;
  let collection: string;
  let secret: string;
  const red = {
    type: 'indicator',
    spec_version: '2.1',
    id: `indicator--${randomUUID()}`,
    created: '2026-03-01T09:30:00.000Z',
    modified: '2026-03-01T09:30:00.000Z',
    name: 'Source of the tip',
    pattern: "[ipv4-addr:value = '203.0.113.99']",
    pattern_type: 'stix',
    valid_from: '2026-03-01T09:30:00.000Z',
    object_marking_refs: [tlp2MarkingIds.red],
  };

  before(async () => {
    server = await startTestServer();
    admin = await server.adminClient();
    collection = (
      await admin
        .post('/api/exchange/collections', { title: 'MISP events' })
        .expect<{ id: string }>(201)
    ).id;
    await admin
      .post(`/api/exchange/collections/${collection}/import`, {
        type: 'bundle',
        id: `bundle--${randomUUID()}`,
        objects: [red],
      })
      .expect(200);
    const made = await admin
      .post('/api/exchange/peers', { name: 'MISP of CERT-B', relationship: 'community' })
      .expect<{ peer: { id: string }; secret: string }>(201);
    secret = made.secret;
    await admin
      .post('/api/exchange/grants', {
        collectionId: collection,
        peerId: made.peer.id,
        tlpLevels: ['clear', 'green', 'amber'],
      })
      .expect(201);
  });
  after(() => server.close());

  it('imports a MISP event written from the core format, listing what it cannot map', async () => {
    const result = await admin
      .post(`/api/exchange/collections/${collection}/misp-import`, event())
      .expect<{ stored: number; refused: number; skipped: { type: string }[] }>(200);
    assert.equal(result.refused, 0);
    assert.equal(result.stored, 6, 'three indicators, an address, a CVE and the report');
    assert.deepEqual(
      result.skipped.map((s) => s.type),
      ['yara'],
    );
    const listed = await admin
      .get(`/api/exchange/objects?collection=${collection}&type=report`)
      .expect<Listed>(200);
    assert.deepEqual(
      listed.objects.map((o) => [o.label, o.tlp]),
      [['Phishing campaign against the tax authority', 'green']],
    );
    const again = await admin
      .post(`/api/exchange/collections/${collection}/misp-import`, event())
      .expect<{ stored: number }>(200);
    assert.equal(again.stored, 6, 'the same event again is recognised, not duplicated');
    const all = await admin
      .get(`/api/exchange/objects?collection=${collection}&limit=100`)
      .expect<Listed>(200);
    assert.equal(all.objects.length, 7);
  });

  it('refuses a malformed event with each problem named', async () => {
    const bad = event();
    bad.Event.date = 'yesterday';
    const problem = await admin
      .post(`/api/exchange/collections/${collection}/misp-import`, bad)
      .expect<{ code: string; errors: { field: string }[] }>(422);
    assert.equal(problem.code, 'validation_failed');
    assert.deepEqual(
      problem.errors.map((e) => e.field),
      ['body.Event.date'],
    );
  });

  it('exports the collection as MISP events, never with TLP:RED', async () => {
    const exported = await admin
      .get(`/api/exchange/collections/${collection}/misp-export`)
      .expect<{ response: { Event: { uuid: string; Attribute: MispAttribute[] } }[] }>(200);
    const values = exported.response.flatMap((e) => e.Event.Attribute.map((a) => a.value));
    assert.ok(values.includes('tax-refund.example'));
    assert.equal(values.includes('203.0.113.99'), false);
    const phishing = exported.response.find((e) => e.Event.uuid === event().Event.uuid)!;
    assert.ok(
      phishing.Event.Attribute.some(
        (a) => a.type === 'url' && a.to_ids && a.Tag[0]!.name === 'tlp:amber',
      ),
    );
  });

  it('publishes a MISP feed to a peer and reads it back into another collection', async () => {
    const feed = `${server.baseUrl}/misp-feed/${collection}/`;
    const anonymous = await fetch(`${feed}manifest.json`);
    assert.equal(anonymous.status, 401);
    const headers = { authorization: `Bearer ${secret}` };
    const manifest = (await (await fetch(`${feed}manifest.json`, { headers })).json()) as Record<
      string,
      { info: string }
    >;
    assert.equal(manifest[event().Event.uuid]!.info, 'Phishing campaign against the tax authority');
    const hashes = await (await fetch(`${feed}hashes.csv`, { headers })).text();
    const md5 = (s: string) => createHash('md5').update(s).digest('hex');
    assert.ok(hashes.includes(`${md5('tax-refund.example')},${event().Event.uuid}`));
    assert.equal(hashes.includes(md5('203.0.113.99')), false, 'RED is not in the feed');

    const into = (
      await admin
        .post('/api/exchange/collections', { title: 'From the feed' })
        .expect<{ id: string }>(201)
    ).id;
    const read = await admin
      .post(`/api/exchange/collections/${into}/misp-feed-import`, {
        url: feed,
        authorization: `Bearer ${secret}`,
      })
      .expect<{ events: number; stored: number; problems: unknown[] }>(200);
    assert.deepEqual(read.problems, []);
    assert.ok(read.events >= 1);
    const listed = await admin
      .get(`/api/exchange/objects?collection=${into}&limit=100`)
      .expect<Listed>(200);
    const labels = listed.objects.map((o) => o.label);
    assert.ok(labels.some((l) => l.includes('tax-refund.example')));
    assert.equal(
      labels.some((l) => l.includes('203.0.113.99')),
      false,
    );
    const wrong = await admin
      .post(`/api/exchange/collections/${into}/misp-feed-import`, {
        url: `${server.baseUrl}/misp-feed/nowhere/`,
        authorization: `Bearer ${secret}`,
      })
      .expect<{ detail: string }>(502);
    assert.match(wrong.detail, /the feed answered 404/);
  });
});
