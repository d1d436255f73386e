import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { tlp2MarkingIds, tlpLevels, type Tlp } from '../../src/modules/exchange/index.js';
import { runCli } from '../support/cli.js';
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
 * A peer's TAXII server as far as a push needs one: it keeps every envelope it receives and
 * answers with a completed status resource. Real HTTP on loopback.
 */
async function startReceiver(): Promise<{
  url: string;
  received: Record<string, unknown>[];
  server: Server;
}> {
  const received: Record<string, unknown>[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const envelope = body ? (JSON.parse(body) as { objects?: Record<string, unknown>[] }) : {};
      received.push(...(envelope.objects ?? []));
      response.writeHead(202, { 'content-type': taxii });
      response.end(
        JSON.stringify({
          id: randomUUID(),
          status: 'complete',
          total_count: envelope.objects?.length ?? 0,
          success_count: envelope.objects?.length ?? 0,
          failure_count: 0,
          pending_count: 0,
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/api/`, received, server };
}

/**
 * Random sharing configurations, markings and objects: whatever they are, nothing reaches a
 * peer by any TAXII route (objects, a single object, versions, manifest), the MISP feed, a push,
 * the CLI's export or the team's preview that TLP 2.0 and the peer's grant forbid (a push is
 * the team's explicit choice: TLP alone limits it), and no field under a stricter granular
 * marking goes with an object.
 */
describe('exchange: nothing leaks past TLP, whatever the sharing configuration', () => {
  let server: TestServer;
  let admin: HttpClient;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  /** The CLI starts a process per call: it is asked in the first runs only, to keep the suite fast. */
  let cliRuns = Number(process.env.CIRTKIT_PROPERTY_CLI_RUNS ?? 4);

  before(async () => {
    server = await startTestServer({ CIRTKIT_API_RATE_PER_MINUTE: '100000' });
    admin = await server.adminClient();
    receiver = await startReceiver();
  });
  after(async () => {
    await server.close();
    await new Promise((resolve) => receiver.server.close(resolve));
  });

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
              remote: { url: receiver.url, secret: 'their-secret' },
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

          // A push of every object: TLP alone decides (the team chose to send), fields too.
          receiver.received.length = 0;
          await admin
            .post(`/api/exchange/peers/${made.peer.id}/push`, {
              remoteCollection: 'inbox',
              objects: stored.map((o) => ({ collectionId: collection, objectId: o.id })),
            })
            .expect(200);
          const pushable = stored
            .filter((o) => allowed(level(o), p.relationship, tlpLevels))
            .map((o) => o.id)
            .sort();
          assert.deepEqual(
            [...new Set(receiver.received.map((o) => o.id as string))].sort(),
            pushable,
            'push',
          );
          for (const pushed of receiver.received) {
            const o = stored.find((x) => x.id === pushed.id)!;
            const fieldLevel =
              o.descriptionTlp === undefined
                ? level(o)
                : o.tlp === undefined
                  ? o.descriptionTlp
                  : tlpLevels[
                      Math.max(tlpLevels.indexOf(o.tlp), tlpLevels.indexOf(o.descriptionTlp))
                    ]!;
            if (!allowed(fieldLevel, p.relationship, tlpLevels))
              assert.equal(pushed.description, undefined, `pushed description of ${o.id}`);
          }

          // The CLI's export for this peer: the same as it reads over TAXII.
          if (cliRuns > 0) {
            cliRuns -= 1;
            const exported = await runCli(
              ['exchange', 'export', '--collection', collection, '--peer', made.peer.id],
              { DATABASE_URL: server.testDb.url, CIRTKIT_DATA_DIR: server.testDb.dataDir },
            );
            assert.equal(exported.code, 0, exported.stderr);
            const ids = (
              JSON.parse(exported.stdout) as { objects: { id: string; description?: string }[] }
            ).objects;
            assert.deepEqual([...new Set(ids.map((o) => o.id))].sort(), expected, 'CLI export');
            for (const o of ids)
              assert.equal(
                o.description,
                descriptionVisible.get(o.id) ? `secret-${o.id}` : undefined,
                `exported description of ${o.id}`,
              );
          }
        }
      }),
      { numRuns: Number(process.env.CIRTKIT_PROPERTY_RUNS ?? 12) },
    );
  });
});
