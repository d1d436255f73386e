import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { papMarkingIds, tlp2MarkingIds, type Tlp } from '../../src/modules/exchange/index.js';
import type { HttpClient } from '../support/http.js';
import { startTestServer, type TestServer } from '../support/server.js';

const taxii = 'application/taxii+json;version=2.1';
const root = '/taxii2/cirtkit/';

interface Envelope {
  more?: boolean;
  next?: string;
  objects?: { id: string; type: string; modified?: string; description?: string }[];
}
interface TaxiiError {
  title: string;
  description: string;
  error_code: string;
  http_status: string;
}
interface Status {
  id: string;
  status: string;
  total_count: number;
  success_count: number;
  failure_count: number;
  successes: { id: string; version: string }[];
  failures: { id: string; version: string; message: string }[];
}

const created = '2026-03-01T09:30:00.000Z';
const indicator = (name: string, tlp: Tlp | undefined, extra: Record<string, unknown> = {}) => ({
  type: 'indicator',
  spec_version: '2.1',
  id: `indicator--${randomUUID()}`,
  created,
  modified: created,
  name,
  pattern: "[ipv4-addr:value = '198.51.100.3']",
  pattern_type: 'stix',
  valid_from: '2026-03-01T00:00:00Z',
  ...(tlp ? { object_marking_refs: [tlp2MarkingIds[tlp]] } : {}),
  ...extra,
});

/** A TAXII client: real HTTP, Basic or bearer authentication, the TAXII media type. */
function taxiiClient(server: TestServer, authorization: string | undefined) {
  const call = async (
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) => {
    const response = await fetch(`${server.baseUrl}${path}`, {
      method,
      headers: {
        accept: taxii,
        ...(authorization ? { authorization } : {}),
        ...(body === undefined ? {} : { 'content-type': taxii }),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      body: (text ? JSON.parse(text) : undefined) as unknown,
    };
  };
  return {
    call,
    get: async <T>(path: string, status = 200, headers: Record<string, string> = {}) => {
      const answer = await call('GET', path, undefined, headers);
      assert.equal(answer.status, status, `GET ${path}: ${JSON.stringify(answer.body)}`);
      return answer as { status: number; headers: Headers; body: T };
    },
  };
}

const basic = (name: string, secret: string) =>
  `Basic ${Buffer.from(`${name}:${secret}`).toString('base64')}`;

describe('TAXII 2.1 server: discovery, collections, objects, TLP for every peer', () => {
  let server: TestServer;
  let admin: HttpClient;
  let collection: string;
  let other: string;
  const secrets: Record<string, string> = {};
  const peers: Record<string, string> = {};
  const objects: Record<string, { id: string; tlp: Tlp | undefined }> = {};

  before(async () => {
    server = await startTestServer();
    admin = await server.adminClient();
    collection = (
      await admin
        .post('/api/exchange/collections', { title: 'Indicators', alias: 'indicators' })
        .expect<{ id: string }>(201)
    ).id;
    other = (
      await admin
        .post('/api/exchange/collections', { title: 'Internal' })
        .expect<{ id: string }>(201)
    ).id;
    for (const [name, relationship, tlpLevels, canWrite] of [
      ['community', 'community', ['clear', 'green', 'amber', 'amber+strict', 'red'], true],
      ['external', 'external', ['clear', 'green', 'amber'], false],
      ['sister', 'organisation', ['clear', 'green', 'amber', 'amber+strict', 'red'], false],
      ['green-only', 'community', ['clear', 'green'], false],
    ] as const) {
      const made = await admin
        .post('/api/exchange/peers', {
          name: `CERT ${name}`,
          relationship,
          contacts: [{ name: 'Duty officer', email: `duty@${name}.example.org` }],
        })
        .expect<{ peer: { id: string; tokenPrefix: string }; secret: string }>(201);
      secrets[name] = made.secret;
      peers[name] = made.peer.id;
      assert.equal(made.secret.slice(0, 10), made.peer.tokenPrefix);
      await admin
        .post('/api/exchange/grants', {
          collectionId: collection,
          peerId: made.peer.id,
          canRead: true,
          canWrite,
          tlpLevels,
        })
        .expect(201);
    }
    const bundle = {
      type: 'bundle',
      id: `bundle--${randomUUID()}`,
      objects: (['clear', 'green', 'amber', 'amber+strict', 'red', undefined] as const).map(
        (tlp) => {
          const o = indicator(`indicator at ${tlp ?? 'no marking'}`, tlp);
          objects[tlp ?? 'unmarked'] = { id: o.id, tlp };
          return o;
        },
      ),
    };
    const imported = await admin
      .post(`/api/exchange/collections/${collection}/import`, bundle)
      .expect<{ stored: number; refused: number }>(200);
    assert.deepEqual([imported.stored, imported.refused], [6, 0]);
  });
  after(() => server.close());

  /** Imports one object into the shared collection, as the team does. */
  const importOne = (object: { id: string }) =>
    admin
      .post(`/api/exchange/collections/${collection}/import`, {
        type: 'bundle',
        id: `bundle--${randomUUID()}`,
        objects: [object],
      })
      .expect(200);
  const idsOf = (envelope: Envelope) => (envelope.objects ?? []).map((o) => o.id).sort();
  const expectIds = (...levels: string[]) => levels.map((l) => objects[l]!.id).sort();

  it('refuses callers without a credential with a TAXII error message', async () => {
    const anonymous = taxiiClient(server, undefined);
    const answer = await anonymous.get<TaxiiError>('/taxii2/', 401);
    assert.equal(answer.headers.get('content-type'), taxii);
    assert.equal(answer.body.http_status, '401');
    assert.equal(answer.body.error_code, 'unauthenticated');
    assert.match(answer.body.description, /secret/);
    await taxiiClient(server, basic('x', 'ckp_not-a-secret')).get('/taxii2/', 401);
  });

  it('serves discovery and the API root to a peer with its secret (Basic and bearer)', async () => {
    const peer = taxiiClient(server, basic(peers.community!, secrets.community!));
    const discovery = await peer.get<{ api_roots: string[]; default: string }>('/taxii2/');
    assert.equal(discovery.headers.get('content-type'), taxii);
    assert.deepEqual(discovery.body.api_roots, [`${server.baseUrl}${root}`]);
    const apiRoot = await taxiiClient(server, `Bearer ${secrets.community}`).get<{
      versions: string[];
      max_content_length: number;
    }>(root);
    assert.deepEqual(apiRoot.body.versions, [taxii]);
    assert.ok(apiRoot.body.max_content_length > 1_000_000);
  });

  it('lists only the collections granted to the peer, with its permissions', async () => {
    const peer = taxiiClient(server, `Bearer ${secrets.external}`);
    const listed = await peer.get<{
      collections: { id: string; can_read: boolean; can_write: boolean; alias: string }[];
    }>(`${root}collections/`);
    assert.deepEqual(
      listed.body.collections.map((c) => [c.id, c.alias, c.can_read, c.can_write]),
      [[collection, 'indicators', true, false]],
    );
    const hidden = await peer.get<TaxiiError>(`${root}collections/${other}/`, 404);
    assert.equal(hidden.body.error_code, 'not_found');
    await peer.get(`${root}collections/${other}/objects/`, 404);
  });

  it('gives each peer exactly what TLP 2.0 and its grant allow', async () => {
    const seen = async (name: string) =>
      idsOf(
        (
          await taxiiClient(server, `Bearer ${secrets[name]}`).get<Envelope>(
            `${root}collections/${collection}/objects/`,
          )
        ).body,
      );
    // Unmarked information is TLP:AMBER by default.
    assert.deepEqual(await seen('community'), expectIds('clear', 'green', 'amber', 'unmarked'));
    assert.deepEqual(await seen('external'), expectIds('clear'));
    assert.deepEqual(
      await seen('sister'),
      expectIds('clear', 'green', 'amber', 'amber+strict', 'unmarked'),
      'AMBER+STRICT reaches the organisation; RED never leaves',
    );
    assert.deepEqual(
      await seen('green-only'),
      expectIds('clear', 'green'),
      'the grant narrows TLP',
    );
  });

  it('applies the same rule to the manifest, single objects and versions', async () => {
    const peer = taxiiClient(server, `Bearer ${secrets.community}`);
    const manifest = await peer.get<{
      objects: { id: string; version: string; media_type: string; date_added: string }[];
    }>(`${root}collections/${collection}/manifest/`);
    assert.deepEqual(
      manifest.body.objects.map((o) => o.id).sort(),
      expectIds('clear', 'green', 'amber', 'unmarked'),
    );
    assert.equal(manifest.body.objects[0]!.media_type, 'application/stix+json;version=2.1');
    assert.equal(
      manifest.headers.get('x-taxii-date-added-first'),
      manifest.body.objects[0]!.date_added,
    );
    const red = objects.red!.id;
    await peer
      .get(`${root}collections/${collection}/objects/${red}/`, 200)
      .then((a) => assert.deepEqual(a.body, {}, 'a RED object is not there for the peer'));
    await peer.get(`${root}collections/${collection}/objects/${red}/versions/`, 404);
    const green = objects.green!.id;
    const one = await peer.get<Envelope>(`${root}collections/${collection}/objects/${green}/`);
    assert.deepEqual(idsOf(one.body), [green]);
    const versions = await peer.get<{ versions: string[] }>(
      `${root}collections/${collection}/objects/${green}/versions/`,
    );
    assert.deepEqual(versions.body.versions, [created]);
  });

  it('pages with limit and a signed next token, and refuses forged tokens and bad filters', async () => {
    const peer = taxiiClient(server, `Bearer ${secrets.community}`);
    const first = await peer.get<Envelope>(`${root}collections/${collection}/objects/?limit=3`);
    assert.equal(first.body.more, true);
    assert.equal(first.body.objects?.length, 3);
    const second = await peer.get<Envelope>(
      `${root}collections/${collection}/objects/?limit=3&next=${encodeURIComponent(first.body.next!)}`,
    );
    assert.equal(second.body.more, false);
    assert.deepEqual(
      [...idsOf(first.body), ...idsOf(second.body)].sort(),
      expectIds('clear', 'green', 'amber', 'unmarked'),
    );
    const forged = await peer.get<TaxiiError>(
      `${root}collections/${collection}/objects/?next=${encodeURIComponent(`${first.body.next!.slice(0, -2)}xx`)}`,
      400,
    );
    assert.equal(forged.body.http_status, '400');
    const when = await peer.get<TaxiiError>(
      `${root}collections/${collection}/objects/?added_after=yesterday`,
      400,
    );
    assert.match(when.body.description, /added_after "yesterday" is not a timestamp/);
    const filter = await peer.get<TaxiiError>(
      `${root}collections/${collection}/objects/?match[relationships]=x`,
      400,
    );
    assert.match(filter.body.description, /match\[relationships\] is not supported/);
    const types = await peer.get<Envelope>(
      `${root}collections/${collection}/objects/?match[type]=malware`,
    );
    assert.deepEqual(types.body, {});
  });

  it('answers 406 and 415 for media types it does not speak', async () => {
    const peer = taxiiClient(server, `Bearer ${secrets.community}`);
    const refused = await peer.get<TaxiiError>('/taxii2/', 406, { accept: 'text/html' });
    assert.equal(refused.body.http_status, '406');
    await peer.get('/taxii2/', 406, { accept: 'application/taxii+json;version=2.0' });
    await peer.get('/taxii2/', 200, { accept: 'application/taxii+json' });
    const posted = await peer.call(
      'POST',
      `${root}collections/${collection}/objects/`,
      { objects: [] },
      { 'content-type': 'application/json' },
    );
    assert.equal(posted.status, 415);
    assert.match((posted.body as TaxiiError).description, /application\/taxii\+json;version=2\.1/);
  });

  it('stores a posted envelope, lists failures per object and keeps the status resource', async () => {
    const peer = taxiiClient(server, `Bearer ${secrets.community}`);
    const good = indicator('posted by the community peer', 'green');
    const badPattern = indicator('broken', 'green', { pattern: "[ipv4-addr:value = '1.2.3.4'" });
    const unknownMarking = indicator('marked oddly', undefined, {
      object_marking_refs: [`marking-definition--${randomUUID()}`],
    });
    const dangling = {
      type: 'relationship',
      spec_version: '2.1',
      id: `relationship--${randomUUID()}`,
      created,
      modified: created,
      relationship_type: 'indicates',
      source_ref: good.id,
      target_ref: `malware--${randomUUID()}`,
    };
    const answer = await peer.call('POST', `${root}collections/${collection}/objects/`, {
      objects: [good, badPattern, unknownMarking, dangling, { type: 'nonsense' }],
    });
    assert.equal(answer.status, 202);
    const status = answer.body as Status;
    assert.equal(status.status, 'complete');
    assert.deepEqual([status.total_count, status.success_count, status.failure_count], [5, 1, 4]);
    assert.deepEqual(status.successes, [{ id: good.id, version: created }]);
    const reasons = Object.fromEntries(status.failures.map((f) => [f.id, f.message]));
    assert.match(reasons[badPattern.id]!, /^pattern: /);
    assert.match(reasons[unknownMarking.id]!, /unknown marking definition/);
    assert.match(reasons[dangling.id]!, /target_ref: no object malware--/);
    assert.ok(reasons['(no id)']);
    const again = await peer.get<Status>(`${root}status/${status.id}/`);
    assert.deepEqual(again.body, status);
    // Only the poster reads its status.
    await taxiiClient(server, `Bearer ${secrets.external}`).get(`${root}status/${status.id}/`, 404);
    const listed = await peer.get<Envelope>(
      `${root}collections/${collection}/objects/?match[id]=${good.id}`,
    );
    assert.deepEqual(idsOf(listed.body), [good.id]);
    // The same version again is accepted and not duplicated; other content under it is refused.
    const repeat = (
      await peer.call('POST', `${root}collections/${collection}/objects/`, {
        objects: [good, { ...good, name: 'changed without a new modified' }],
      })
    ).body as Status;
    assert.equal(repeat.success_count, 1);
    assert.match(repeat.failures[0]!.message, /different content/);
  });

  it('refuses an envelope larger than the API root’s max_content_length with a TAXII 413', async () => {
    const peer = taxiiClient(server, `Bearer ${secrets.community}`);
    const huge = JSON.stringify({ objects: [{ padding: 'x'.repeat(11 * 1024 * 1024) }] });
    const answer = await peer.call('POST', `${root}collections/${collection}/objects/`, huge);
    assert.equal(answer.status, 413);
    assert.equal((answer.body as TaxiiError).http_status, '413');
    assert.equal(answer.headers.get('content-type'), taxii);
  });

  it('refuses writes and deletes from a peer that may only read', async () => {
    const peer = taxiiClient(server, `Bearer ${secrets.external}`);
    const posted = await peer.call('POST', `${root}collections/${collection}/objects/`, {
      objects: [],
    });
    assert.equal(posted.status, 403);
    const deleted = await peer.call(
      'DELETE',
      `${root}collections/${collection}/objects/${objects.clear!.id}/`,
    );
    assert.equal(deleted.status, 403);
  });

  it('lets a writer delete what it can see, and not what TLP hides from it', async () => {
    const peer = taxiiClient(server, `Bearer ${secrets.community}`);
    const red = await peer.call(
      'DELETE',
      `${root}collections/${collection}/objects/${objects.red!.id}/`,
    );
    assert.equal(red.status, 404);
    const target = indicator('to delete', 'clear');
    await importOne(target);
    const gone = await peer.call(
      'DELETE',
      `${root}collections/${collection}/objects/${target.id}/`,
    );
    assert.equal(gone.status, 200);
    await peer.get(`${root}collections/${collection}/objects/${target.id}/versions/`, 404);
  });

  it('takes out fields under a stricter granular marking', async () => {
    const object = indicator('partly secret', 'clear', {
      description: 'the victim is the ministry of finance',
      granular_markings: [{ marking_ref: tlp2MarkingIds.red, selectors: ['description'] }],
    });
    await importOne(object);
    const peer = taxiiClient(server, `Bearer ${secrets.external}`);
    const seen = await peer.get<Envelope>(`${root}collections/${collection}/objects/${object.id}/`);
    assert.equal(seen.body.objects?.[0]?.id, object.id);
    assert.equal(seen.body.objects?.[0]?.description, undefined);
  });

  it('sends an object marked with PAP alone at today’s default TLP, not the default of the day it came', async () => {
    const { defaultTlp: before } = await admin
      .get('/api/exchange/settings')
      .expect<{ defaultTlp: Tlp }>(200);
    await admin.put('/api/exchange/settings', { defaultTlp: 'green' }).expect(200);
    const object = indicator('PAP only', undefined, { object_marking_refs: [papMarkingIds.green] });
    await importOne(object);
    const peer = taxiiClient(server, `Bearer ${secrets['green-only']}`);
    const path = `${root}collections/${collection}/objects/${object.id}/`;
    assert.deepEqual(idsOf((await peer.get<Envelope>(path)).body), [object.id]);
    // Stricter now: the GREEN-only peer may no longer have it, by any listing.
    await admin.put('/api/exchange/settings', { defaultTlp: 'amber' }).expect(200);
    try {
      assert.deepEqual(idsOf((await peer.get<Envelope>(path)).body), []);
      const all = await peer.get<Envelope>(
        `${root}collections/${collection}/objects/?match[version]=all&limit=1000`,
      );
      assert.ok(!idsOf(all.body).includes(object.id));
    } finally {
      await admin.put('/api/exchange/settings', { defaultTlp: before }).expect(200);
    }
  });

  it('previews for the team exactly what a peer receives', async () => {
    for (const name of ['community', 'external', 'sister', 'green-only']) {
      const preview = await admin
        .get(`/api/exchange/peers/${peers[name]}/preview`)
        .expect<{ collections: { id: string; objects: { id: string }[] }[] }>(200);
      const received = await taxiiClient(server, `Bearer ${secrets[name]}`).get<Envelope>(
        `${root}collections/${collection}/objects/?match[version]=all`,
      );
      assert.deepEqual(
        preview.collections
          .find((c) => c.id === collection)!
          .objects.map((o) => o.id)
          .sort(),
        idsOf(received.body),
        name,
      );
    }
  });

  it('accepts a user API token and never a browser session', async () => {
    const made = await admin
      .post('/api/tokens', { name: 'taxii', role: 'analyst' })
      .expect<{ secret: string }>(201);
    const user = taxiiClient(server, `Bearer ${made.secret}`);
    const seen = await user.get<Envelope>(`${root}collections/${other}/objects/`);
    assert.deepEqual(seen.body, {});
    const session = await fetch(`${server.baseUrl}/taxii2/`, {
      headers: { accept: taxii, cookie: `cirtkit_session=${admin.cookie('cirtkit_session')}` },
    });
    assert.equal(session.status, 401);
  });

  it('stops answering a peer once it is disabled or its secret rotated', async () => {
    const rotated = await admin
      .post(`/api/exchange/peers/${peers['green-only']}/secret`)
      .expect<{ secret: string }>(200);
    await taxiiClient(server, `Bearer ${secrets['green-only']}`).get('/taxii2/', 401);
    await taxiiClient(server, `Bearer ${rotated.secret}`).get('/taxii2/', 200);
    const peer = await admin
      .get(`/api/exchange/peers/${peers['green-only']}`)
      .expect<Record<string, unknown>>(200);
    assert.equal('secret' in peer || JSON.stringify(peer).includes(rotated.secret), false);
    await admin
      .put(`/api/exchange/peers/${peers['green-only']}`, {
        name: 'CERT green-only',
        relationship: 'community',
        disabled: true,
      })
      .expect(200);
    await taxiiClient(server, `Bearer ${rotated.secret}`).get('/taxii2/', 401);
  });
});
