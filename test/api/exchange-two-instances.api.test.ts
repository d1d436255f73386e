import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { tlp2MarkingIds, type Tlp } from '../../src/modules/exchange/index.js';
import { createTestDb, type TestDb } from '../support/db.js';
import { startInstance, type Instance } from '../support/instance.js';

const created = '2026-03-01T09:30:00.000Z';
const indicator = (name: string, tlp: Tlp, ip: string) => ({
  type: 'indicator',
  spec_version: '2.1',
  id: `indicator--${randomUUID()}`,
  created,
  modified: created,
  name,
  pattern: `[ipv4-addr:value = '${ip}']`,
  pattern_type: 'stix',
  valid_from: '2026-03-01T00:00:00Z',
  object_marking_refs: [tlp2MarkingIds[tlp]],
});

interface Listed {
  objects: { id: string; type: string; tlp: string }[];
  more: boolean;
}

/**
 * Two cirtkit instances as real processes on loopback, each with its own database (A on SQLite,
 * B on the suite's database: PostgreSQL in the PostgreSQL run). A publishes, B subscribes and
 * polls, B sends a sighting back, A shows it with where it came from.
 */
describe('exchange between two instances over TAXII 2.1', () => {
  let a: Instance;
  let b: Instance;
  let aDir: string;
  let bDb: TestDb;
  let shared: string;
  let received: string;
  let subscription: string;
  let peerBAtA: { id: string };
  const sent: Record<Tlp, ReturnType<typeof indicator>> = {
    clear: indicator('scanner', 'clear', '192.0.2.1'),
    green: indicator('phishing host', 'green', '192.0.2.2'),
    amber: indicator('C2 of the campaign', 'amber', '192.0.2.3'),
    'amber+strict': indicator('victim network', 'amber+strict', '192.0.2.4'),
    red: indicator('source of the tip', 'red', '192.0.2.5'),
  };

  before(async () => {
    aDir = mkdtempSync(path.join(os.tmpdir(), 'cirtkit-a-'));
    bDb = await createTestDb();
    // B's database is made by the test's helper and migrated; the server takes it over.
    await bDb.db.close();
    [a, b] = await Promise.all([
      startInstance({ CIRTKIT_DATA_DIR: aDir }),
      startInstance({ DATABASE_URL: bDb.url, CIRTKIT_DATA_DIR: bDb.dataDir }),
    ]);

    // A: a collection, B as a community peer that may read and write it.
    shared = (
      await a.admin
        .post('/api/exchange/collections', { title: 'National indicators', alias: 'national' })
        .expect<{ id: string }>(201)
    ).id;
    const made = await a.admin
      .post('/api/exchange/peers', { name: 'CERT-B', relationship: 'community', country: 'KEN' })
      .expect<{ peer: { id: string }; secret: string }>(201);
    peerBAtA = made.peer;
    await a.admin
      .post('/api/exchange/grants', {
        collectionId: shared,
        peerId: made.peer.id,
        canWrite: true,
        tlpLevels: ['clear', 'green', 'amber', 'amber+strict', 'red'],
      })
      .expect(201);
    await a.admin
      .post(`/api/exchange/collections/${shared}/import`, {
        type: 'bundle',
        id: `bundle--${randomUUID()}`,
        objects: Object.values(sent),
      })
      .expect(200);

    // B: A as a peer with A's TAXII API root and the secret A issued, a subscription.
    received = (
      await b.admin
        .post('/api/exchange/collections', { title: 'From CERT-A' })
        .expect<{ id: string }>(201)
    ).id;
    const peerA = await b.admin
      .post('/api/exchange/peers', {
        name: 'CERT-A',
        relationship: 'community',
        remote: { url: `${a.url}/taxii2/cirtkit/`, username: made.peer.id, secret: made.secret },
      })
      .expect<{ peer: { id: string } }>(201);
    subscription = (
      await b.admin
        .post('/api/exchange/subscriptions', {
          peerId: peerA.peer.id,
          remoteCollection: shared,
          localCollection: received,
        })
        .expect<{ id: string }>(201)
    ).id;
  });
  after(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    rmSync(aDir, { recursive: true, force: true });
    await bDb.cleanup().catch(() => undefined);
  });

  it('B polls A and receives what TLP lets go to a community peer, never RED or AMBER+STRICT', async () => {
    const outcome = await b.admin
      .post(`/api/exchange/subscriptions/${subscription}/poll`)
      .expect<{ received: number; refused: number; error: string | null }>(200);
    assert.equal(outcome.error, null);
    assert.equal(outcome.refused, 0);
    const listed = await b.admin
      .get(`/api/exchange/objects?collection=${received}`)
      .expect<Listed>(200);
    assert.deepEqual(
      listed.objects.map((o) => o.id).sort(),
      [sent.clear.id, sent.green.id, sent.amber.id].sort(),
    );
    assert.deepEqual(listed.objects.map((o) => o.tlp).sort(), ['amber', 'clear', 'green']);
    // Polling again brings nothing new and duplicates nothing.
    const again = await b.admin
      .post(`/api/exchange/subscriptions/${subscription}/poll`)
      .expect<{ received: number }>(200);
    assert.equal(again.received, 0);
    const after = await b.admin
      .get(`/api/exchange/objects?collection=${received}`)
      .expect<Listed>(200);
    assert.equal(after.objects.length, 3);
    const subs = await b.admin
      .get('/api/exchange/subscriptions')
      .expect<{ addedAfter: string | null; lastError: string | null; received: number }[]>(200);
    assert.equal(subs[0]!.lastError, null);
    assert.equal(subs[0]!.received, 3);
    assert.ok(subs[0]!.addedAfter);
  });

  it('B receives only what A added since the last poll', async () => {
    const late = indicator('new scanner', 'green', '192.0.2.9');
    await a.admin
      .post(`/api/exchange/collections/${shared}/import`, {
        type: 'bundle',
        id: `bundle--${randomUUID()}`,
        objects: [late],
      })
      .expect(200);
    const outcome = await b.admin
      .post(`/api/exchange/subscriptions/${subscription}/poll`)
      .expect<{ received: number; pages: number }>(200);
    assert.equal(outcome.received, 1);
    const listed = await b.admin
      .get(`/api/exchange/objects?collection=${received}`)
      .expect<Listed>(200);
    assert.ok(listed.objects.some((o) => o.id === late.id));
  });

  it('B sends a sighting back to A, and A shows it', async () => {
    const made = await b.admin
      .post('/api/exchange/sightings', {
        collectionId: received,
        indicatorId: sent.amber.id,
        count: 12,
        tlp: 'green',
      })
      .expect<{ sighting: { id: string }; identity: { id: string } }>(201);
    const peers = await b.admin.get('/api/exchange/peers').expect<{ id: string }[]>(200);
    const pushed = await b.admin
      .post(`/api/exchange/peers/${peers[0]!.id}/push`, {
        remoteCollection: shared,
        objects: [
          { collectionId: received, objectId: made.identity.id },
          { collectionId: received, objectId: made.sighting.id },
        ],
      })
      .expect<{ sent: number; status: { status: string; success_count: number } }>(200);
    assert.equal(pushed.sent, 2);
    assert.deepEqual([pushed.status.status, pushed.status.success_count], ['complete', 2]);
    const atA = await a.admin
      .get(`/api/exchange/objects?collection=${shared}&type=sighting`)
      .expect<Listed>(200);
    assert.deepEqual(
      atA.objects.map((o) => o.id),
      [made.sighting.id],
    );
    const versions = await a.admin
      .get(`/api/exchange/collections/${shared}/objects/${made.sighting.id}`)
      .expect<
        {
          object: { sighting_of_ref: string; count: number };
          provenance: { source: string; peerId: string; peerName: string }[];
        }[]
      >(200);
    assert.equal(versions[0]!.object.sighting_of_ref, sent.amber.id);
    assert.equal(versions[0]!.object.count, 12);
    assert.deepEqual(
      versions[0]!.provenance.map((p) => [p.source, p.peerId, p.peerName]),
      [['taxii-push', peerBAtA.id, 'CERT-B']],
      'A knows the sighting came from B, pushed over TAXII',
    );
  });

  it('B records a peer that does not answer on the subscription, and keeps its data', async () => {
    await a.stop();
    const outcome = await b.admin
      .post(`/api/exchange/subscriptions/${subscription}/poll`)
      .expect<{ error: string | null }>(200);
    assert.match(outcome.error ?? '', /could not be reached/);
    const subs = await b.admin
      .get('/api/exchange/subscriptions')
      .expect<{ lastError: string | null; failures: number }[]>(200);
    assert.match(subs[0]!.lastError ?? '', /could not be reached/);
    assert.equal(subs[0]!.failures, 1);
    const listed = await b.admin
      .get(`/api/exchange/objects?collection=${received}`)
      .expect<Listed>(200);
    assert.equal(
      listed.objects.length,
      4 + 2,
      'three, the late one, the identity and the sighting',
    );
  });
});
