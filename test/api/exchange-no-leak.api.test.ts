import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { tlp2MarkingIds, tlpLevels, type Tlp } from '../../src/modules/exchange/index.js';
import type { HttpClient } from '../support/http.js';
import { startTestServer, type TestServer } from '../support/server.js';

const taxii = 'application/taxii+json;version=2.1';
const root = '/taxii2/cirtkit/';
const created = '2026-03-01T09:30:00.000Z';
const relationships = ['organisation', 'client', 'community', 'external'] as const;
type Relationship = (typeof relationships)[number];

/** What TLP 2.0 and the grant allow, written out independently of the server's policy code. */
function allowed(level: Tlp, relationship: Relationship, grant: readonly Tlp[]): boolean {
  if (!grant.includes(level)) return false;
  if (level === 'red') return false;
  if (level === 'amber+strict') return relationship === 'organisation';
  if (level === 'clear') return true;
  return relationship !== 'external';
}

const objectArb = fc.record({
  tlp: fc.option(fc.constantFrom(...tlpLevels), { nil: undefined }),
  descriptionTlp: fc.option(fc.constantFrom(...tlpLevels), { nil: undefined }),
  versions: fc.integer({ min: 1, max: 2 }),
});
const peerArb = fc.record({
  relationship: fc.constantFrom(...relationships),
  grant: fc.subarray([...tlpLevels], { minLength: 1 }),
});
const configArb = fc.record({
  defaultTlp: fc.constantFrom(...tlpLevels),
  objects: fc.array(objectArb, { minLength: 1, maxLength: 8 }),
  peers: fc.array(peerArb, { minLength: 1, maxLength: 3 }),
});

/**
 * Random sharing configurations, markings and objects: whatever they are, nothing reaches a
 * peer by any TAXII route (objects, a single object, versions, manifest) or the team's
 * preview that TLP 2.0 and the peer's grant forbid, and no field under a stricter granular
 * marking goes with an object.
 */
describe('exchange: nothing leaks past TLP, whatever the sharing configuration', () => {
  let server: TestServer;
  let admin: HttpClient;

  before(async () => {
    server = await startTestServer({ CIRTKIT_API_RATE_PER_MINUTE: '100000' });
    admin = await server.adminClient();
  });
  after(() => server.close());

  const get = async (secret: string, path: string): Promise<{ status: number; body: unknown }> => {
    const response = await fetch(`${server.baseUrl}${path}`, {
      headers: { accept: taxii, authorization: `Bearer ${secret}` },
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };

  it('holds for random objects, markings, peers and grants', async () => {
    await fc.assert(
      fc.asyncProperty(configArb, async (config) => {
        await admin.put('/api/exchange/settings', { defaultTlp: config.defaultTlp }).expect(200);
        const collection = (
          await admin
            .post('/api/exchange/collections', { title: `c-${randomUUID()}` })
            .expect<{ id: string }>(201)
        ).id;
        const stored: { id: string; tlp: Tlp | undefined; descriptionTlp: Tlp | undefined }[] = [];
        const bundle: unknown[] = [];
        for (const o of config.objects) {
          const id = `indicator--${randomUUID()}`;
          for (let v = 0; v < o.versions; v += 1) {
            const modified = new Date(Date.parse(created) + v * 60_000).toISOString();
            bundle.push({
              type: 'indicator',
              spec_version: '2.1',
              id,
              created,
              modified,
              name: `object ${id}`,
              description: `secret-${id}`,
              pattern: "[ipv4-addr:value = '198.51.100.7']",
              pattern_type: 'stix',
              valid_from: created,
              ...(o.tlp ? { object_marking_refs: [tlp2MarkingIds[o.tlp]] } : {}),
              ...(o.descriptionTlp
                ? {
                    granular_markings: [
                      { marking_ref: tlp2MarkingIds[o.descriptionTlp], selectors: ['description'] },
                    ],
                  }
                : {}),
            });
          }
          stored.push({ id, tlp: o.tlp, descriptionTlp: o.descriptionTlp });
        }
        await admin
          .post(`/api/exchange/collections/${collection}/import`, {
            type: 'bundle',
            id: `bundle--${randomUUID()}`,
            objects: bundle,
          })
          .expect(200);

        for (const p of config.peers) {
          const made = await admin
            .post('/api/exchange/peers', {
              name: `peer ${randomUUID()}`,
              relationship: p.relationship,
            })
            .expect<{ peer: { id: string }; secret: string }>(201);
          await admin
            .post('/api/exchange/grants', {
              collectionId: collection,
              peerId: made.peer.id,
              tlpLevels: p.grant,
            })
            .expect(201);
          const base = `${root}collections/${collection}`;
          const level = (o: (typeof stored)[number]) => o.tlp ?? config.defaultTlp;
          const expected = stored
            .filter((o) => allowed(level(o), p.relationship, p.grant))
            .map((o) => o.id)
            .sort();

          const seen = new Map<string, Record<string, unknown>[]>();
          const descriptionVisible = new Map<string, boolean>();
          const all = await get(made.secret, `${base}/objects/?match[version]=all&limit=1000`);
          assert.equal(all.status, 200);
          for (const o of (all.body as { objects?: Record<string, unknown>[] }).objects ?? [])
            seen.set(o.id as string, [...(seen.get(o.id as string) ?? []), o]);
          assert.deepEqual([...seen.keys()].sort(), expected, 'objects');

          const manifest = await get(
            made.secret,
            `${base}/manifest/?match[version]=all&limit=1000`,
          );
          const listed = ((manifest.body as { objects?: { id: string }[] }).objects ?? []).map(
            (m) => m.id,
          );
          assert.deepEqual([...new Set(listed)].sort(), expected, 'manifest');

          for (const o of stored) {
            const visible = expected.includes(o.id);
            const one = await get(made.secret, `${base}/objects/${o.id}/`);
            const objects = (one.body as { objects?: Record<string, unknown>[] }).objects ?? [];
            assert.equal(objects.length > 0, visible, `single ${o.id}`);
            const versions = await get(made.secret, `${base}/objects/${o.id}/versions/`);
            assert.equal(versions.status, visible ? 200 : 404, `versions ${o.id}`);
            // A description under a marking the peer may not receive never goes with it.
            // A field's level is the stricter of the object's marking and its granular one; the
            // default applies only where neither marks it.
            const fieldLevel =
              o.descriptionTlp === undefined
                ? level(o)
                : o.tlp === undefined
                  ? o.descriptionTlp
                  : tlpLevels[
                      Math.max(tlpLevels.indexOf(o.tlp), tlpLevels.indexOf(o.descriptionTlp))
                    ]!;
            const descriptionAllowed = allowed(fieldLevel, p.relationship, p.grant);
            descriptionVisible.set(o.id, descriptionAllowed);
            for (const shown of [...objects, ...(seen.get(o.id) ?? [])])
              assert.equal(
                shown.description,
                descriptionAllowed ? `secret-${o.id}` : undefined,
                `description of ${o.id}`,
              );
          }

          // The MISP feed of the collection, as this peer reads it.
          const feedBase = `/misp-feed/${collection}/`;
          const feedManifest = await get(made.secret, `${feedBase}manifest.json`);
          assert.equal(feedManifest.status, 200);
          const fed = new Set<string>();
          for (const uuid of Object.keys(feedManifest.body as Record<string, unknown>)) {
            const file = await get(made.secret, `${feedBase}${uuid}.json`);
            const attributes = (
              file.body as { Event: { Attribute: { uuid: string; comment: string }[] } }
            ).Event.Attribute;
            for (const a of attributes) {
              fed.add(`indicator--${a.uuid}`);
              const o = stored.find((x) => x.id === `indicator--${a.uuid}`)!;
              if (a.comment) assert.equal(a.comment, `secret-${o.id}`);
              if (!descriptionVisible.get(o.id))
                assert.equal(a.comment, '', `feed comment of ${o.id}`);
            }
          }
          assert.deepEqual([...fed].sort(), expected, 'MISP feed');

          const preview = await admin
            .get(`/api/exchange/peers/${made.peer.id}/preview`)
            .expect<{ collections: { id: string; objects: { id: string }[] }[] }>(200);
          const previewed = preview.collections.find((c) => c.id === collection)?.objects ?? [];
          assert.deepEqual([...new Set(previewed.map((o) => o.id))].sort(), expected, 'preview');
        }
      }),
      { numRuns: Number(process.env.CIRTKIT_PROPERTY_RUNS ?? 12) },
    );
  });
});
