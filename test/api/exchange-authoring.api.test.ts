import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { tlp2MarkingIds } from '../../src/modules/exchange/index.js';
import type { HttpClient } from '../support/http.js';
import { startTestServer, type TestServer } from '../support/server.js';

interface Made {
  collectionId: string;
  object: { id: string; type: string; created?: string; modified?: string; [key: string]: unknown };
}
interface Problem {
  detail: string;
  errors?: { field: string; message: string }[];
}

describe('authoring STIX objects: create, and new versions of the team’s own', () => {
  let server: TestServer;
  let analyst: HttpClient;
  let collection: string;
  const path = () => `/api/exchange/collections/${collection}/objects`;

  before(async () => {
    server = await startTestServer();
    const admin = await server.adminClient();
    analyst = (await server.userClient('ana@cirt.example', 'analyst')).client;
    collection = (
      await admin
        .post('/api/exchange/collections', { title: 'Our indicators' })
        .expect<{ id: string }>(201)
    ).id;
  });
  after(() => server.close());

  it('creates an indicator: id, timestamps, creator and TLP marking are set by the instance', async () => {
    const made = await analyst
      .post(path(), {
        type: 'indicator',
        tlp: 'green',
        properties: {
          name: 'Phishing landing page',
          pattern: "[url:value = 'http://login-bank.example/verify']",
          pattern_type: 'stix',
          valid_from: '2026-11-01T00:00:00Z',
          indicator_types: ['malicious-activity'],
        },
      })
      .expect<Made>(201);
    const o = made.object;
    assert.match(o.id, /^indicator--[0-9a-f-]{36}$/);
    assert.equal(o.created, o.modified);
    assert.deepEqual(o.object_marking_refs, [tlp2MarkingIds.green]);
    assert.match(String(o.created_by_ref), /^identity--/);
    const versions = await analyst
      .get(`/api/exchange/collections/${collection}/objects/${o.id}`)
      .expect<{ object: { name: string } }[]>(200);
    assert.deepEqual(
      versions.map((v) => v.object.name),
      ['Phishing landing page'],
    );
  });

  it('refuses what STIX refuses, naming the property (and the place in a pattern)', async () => {
    const bad = await analyst
      .post(path(), {
        type: 'indicator',
        properties: {
          name: 'Broken',
          pattern: "[url:value = 'x'",
          pattern_type: 'stix',
          valid_from: '2026-11-01T00:00:00Z',
        },
      })
      .expect<Problem>(422);
    assert.equal(bad.errors?.[0]?.field, 'properties.pattern');
    assert.match(bad.errors?.[0]?.message ?? '', /column/);
    const reserved = await analyst
      .post(path(), {
        type: 'malware',
        properties: { id: 'malware--x', name: 'x', is_family: false },
      })
      .expect<Problem>(422);
    assert.deepEqual(
      reserved.errors?.map((e) => e.field),
      ['body.properties.id'],
    );
    const missing = await analyst
      .post(path(), { type: 'vulnerability', properties: {} })
      .expect<Problem>(422);
    assert.ok(missing.errors?.some((e) => e.field === 'properties.name'));
    await analyst
      .post('/api/exchange/collections/nope/objects', { type: 'malware', properties: {} })
      .expect(404);
  });

  it('gives an observable its deterministic id, the same when made twice', async () => {
    const made = async () =>
      (
        await analyst
          .post(path(), { type: 'ipv4-addr', tlp: 'green', properties: { value: '198.51.100.7' } })
          .expect<Made>(201)
      ).object;
    const first = await made();
    const second = await made();
    assert.equal(first.id, second.id);
    assert.match(first.id, /^ipv4-addr--[0-9a-f]{8}-[0-9a-f]{4}-5/);
    await analyst
      .put(`${path()}/${first.id}`, { properties: { value: '198.51.100.8' } })
      .expect(409);
  });

  it('makes a new version of the team’s own object: same id and created, later modified', async () => {
    const made = await analyst
      .post(path(), {
        type: 'malware',
        tlp: 'amber',
        properties: { name: 'LockBit', is_family: true },
      })
      .expect<Made>(201);
    const edited = await analyst
      .put(`${path()}/${made.object.id}`, {
        properties: {
          name: 'LockBit 3.0',
          is_family: true,
          description: 'Ransomware-as-a-service.',
        },
      })
      .expect<Made>(200);
    assert.equal(edited.object.id, made.object.id);
    assert.equal(edited.object.created, made.object.created);
    assert.ok(String(edited.object.modified) > String(made.object.modified));
    assert.deepEqual(edited.object.object_marking_refs, [tlp2MarkingIds.amber], 'TLP kept');
    const versions = await analyst
      .get(`/api/exchange/collections/${collection}/objects/${made.object.id}`)
      .expect<{ object: { name: string } }[]>(200);
    assert.deepEqual(
      versions.map((v) => v.object.name),
      ['LockBit', 'LockBit 3.0'],
    );
    const log = await (
      await server.adminClient()
    )
      .get('/api/audit?action=exchange.object_update')
      .expect<{ items: { entityId: string }[] }>(200);
    assert.deepEqual(
      log.items.map((i) => i.entityId),
      [made.object.id],
    );
  });

  it("refuses to version another creator's object, and lets a viewer change nothing", async () => {
    const theirs = {
      type: 'malware',
      spec_version: '2.1',
      id: `malware--${randomUUID()}`,
      created: '2026-03-01T09:30:00.000Z',
      modified: '2026-03-01T09:30:00.000Z',
      created_by_ref: `identity--${randomUUID()}`,
      name: 'Emotet',
      is_family: true,
      object_marking_refs: [tlp2MarkingIds.green],
    };
    await analyst
      .post(`/api/exchange/collections/${collection}/import`, {
        type: 'bundle',
        id: `bundle--${randomUUID()}`,
        objects: [theirs],
      })
      .expect(200);
    const refused = await analyst
      .put(`${path()}/${theirs.id}`, { properties: { name: 'Emotet (edited)', is_family: true } })
      .expect<Problem>(409);
    assert.match(refused.detail, /creator/);
    const viewer = (await server.userClient('vic@cirt.example', 'viewer')).client;
    await viewer
      .post(path(), { type: 'malware', properties: { name: 'x', is_family: false } })
      .expect(403);
  });
});
