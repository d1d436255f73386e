import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { systemClock } from '../../src/kernel/index.js';
import {
  createSubscription,
  listSubscriptions,
  poll,
} from '../../src/modules/exchange/client/index.js';
import { createCollection, createPeer } from '../../src/modules/exchange/index.js';
import { createTestDb, type TestDb } from '../support/db.js';

const context = { actorId: null, actorLabel: 'test' };

/**
 * Peers that misbehave, served by a real HTTP server on loopback: garbage, a redirect, an
 * answer that never comes, a server error every time, an envelope with an invalid object. Each
 * poll ends with a precise error on the subscription, or the bad object listed, and nothing of
 * the bad answers is stored.
 */
describe('TAXII client: a peer that answers garbage, hangs or redirects', () => {
  let testDb: TestDb;
  let server: Server;
  let base: string;
  let collection: string;
  let errors = 0;

  before(async () => {
    testDb = await createTestDb();
    server = createServer((request, response) => {
      const url = request.url ?? '';
      if (url.startsWith('/garbage/')) {
        response.writeHead(200, { 'content-type': 'application/taxii+json;version=2.1' });
        response.end('<html>this is not JSON</html>');
      } else if (url.startsWith('/not-envelope/')) {
        response.writeHead(200, { 'content-type': 'application/taxii+json;version=2.1' });
        response.end(JSON.stringify({ objects: 'all of them' }));
      } else if (url.startsWith('/redirect/')) {
        response.writeHead(302, { location: 'http://elsewhere.example/' });
        response.end();
      } else if (url.startsWith('/hang/')) {
        // Never answers.
      } else if (url.startsWith('/error/')) {
        errors += 1;
        response.writeHead(503, { 'content-type': 'application/taxii+json;version=2.1' });
        response.end(
          JSON.stringify({ title: 'Service Unavailable', description: 'down for maintenance' }),
        );
      } else if (url.startsWith('/invalid/')) {
        response.writeHead(200, {
          'content-type': 'application/taxii+json;version=2.1',
          'x-taxii-date-added-last': '2026-03-01T10:00:00.000Z',
        });
        response.end(
          JSON.stringify({ more: false, objects: [{ type: 'indicator', id: 'indicator--nope' }] }),
        );
      } else {
        response.writeHead(404);
        response.end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    collection = (await createCollection(testDb.db, { title: 'received' })).id;
  });
  after(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await testDb.cleanup();
  });

  const subscribe = async (path: string) => {
    const { peer } = await createPeer(testDb.db, systemClock, context, {
      name: `peer ${path}`,
      relationship: 'community',
      remote: { url: `${base}/${path}/taxii2/api/`, secret: 'their-secret' },
    });
    return createSubscription(testDb.db, systemClock, {
      peerId: peer.id,
      remoteCollection: 'c1',
      localCollection: collection,
    });
  };
  const stored = async () =>
    Number(
      (
        await testDb.db.kysely
          .selectFrom('stix_objects')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const fast = { timeoutMs: 300, attempts: 2, backoffMs: 10 };

  it('names each misbehaviour on the subscription and stores nothing', async () => {
    const cases: [string, RegExp][] = [
      ['garbage', /answered GET .* \(200\) with something that is not JSON/],
      ['not-envelope', /not a TAXII envelope/],
      ['redirect', /with a redirect \(302\) to http:\/\/elsewhere\.example\//],
      ['hang', /did not answer GET .* within 0\.3 s/],
      ['error', /answered GET .* with 503 \(Service Unavailable: down for maintenance\)/],
    ];
    for (const [path, message] of cases) {
      const sub = await subscribe(path);
      const outcome = await poll(testDb.db, systemClock, sub.id, fast);
      assert.match(outcome.error ?? '', message, path);
      const saved = (await listSubscriptions(testDb.db)).find((s) => s.id === sub.id)!;
      assert.match(saved.lastError ?? '', message, path);
      assert.equal(saved.failures, 1);
      assert.equal(saved.addedAfter, null, `${path}: the position does not move`);
    }
    assert.equal(errors, 2, 'a 5xx answer is retried');
    assert.equal(await stored(), 0);
  });

  it('lists an invalid object a peer sends, stores nothing of it, and moves on', async () => {
    const sub = await subscribe('invalid');
    const outcome = await poll(testDb.db, systemClock, sub.id, fast);
    assert.equal(outcome.error, null);
    assert.equal(outcome.refused, 1);
    assert.match(outcome.failures[0]!.message ?? '', /id/);
    assert.equal(await stored(), 0);
    const saved = (await listSubscriptions(testDb.db)).find((s) => s.id === sub.id)!;
    assert.equal(saved.addedAfter, '2026-03-01T10:00:00.000Z');
  });
});
