import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { tlp2MarkingIds } from '../../src/modules/exchange/index.js';
import type { HttpClient } from '../support/http.js';
import { startTestServer, type TestServer } from '../support/server.js';

interface Hit {
  observable: { kind: string; value: string };
  indicator: { id: string; name: string | null; tlp: string; partial: boolean };
  term: { kind: string; value: string; source: string };
  rule: string;
  collectionId: string | null;
}
interface Hits {
  indicators: number;
  hits: Hit[];
}
interface Named {
  objects: number;
  values: number;
  constituents: {
    org: { id: string; name: string };
    matched: { kind: string; value: string; objectId: string; rule: string; owned: string }[];
  }[];
}

const at = '2026-03-01T09:30:00.000Z';
function indicator(name: string, pattern: string, marking: string, extra: object = {}) {
  return {
    type: 'indicator',
    spec_version: '2.1',
    id: `indicator--${randomUUID()}`,
    created: at,
    modified: at,
    name,
    pattern,
    pattern_type: 'stix',
    valid_from: at,
    object_marking_refs: [marking],
    ...extra,
  };
}

describe('matching incidents and constituents against received threat intelligence', () => {
  let server: TestServer;
  let admin: HttpClient;
  let analyst: HttpClient;
  let collection: string;
  const c2 = indicator(
    'Botnet C2 network',
    "[ipv4-addr:value ISSUBSET '198.51.100.0/24']",
    tlp2MarkingIds.green,
  );
  const phishing = indicator(
    'Phishing kit',
    "[url:value = 'http://login-bank.example/verify'] AND [email-addr:value = 'support@login-bank.example']",
    tlp2MarkingIds.amber,
  );
  const secret = indicator(
    'Source of a tip',
    "[domain-name:value = 'tip.example']",
    tlp2MarkingIds.red,
  );
  const expired = indicator(
    'Old sinkhole',
    "[ipv4-addr:value = '198.51.100.20']",
    tlp2MarkingIds.green,
    { valid_until: '2026-04-01T00:00:00.000Z' },
  );
  const scanner = indicator('Scanner', "[ipv4-addr:value = '198.51.100.77']", tlp2MarkingIds.green);
  const outside = {
    type: 'ipv4-addr',
    spec_version: '2.1',
    id: 'ipv4-addr--a9a5a1c4-8d43-5f4c-9a39-7e0c1f7f2b11',
    value: '203.0.113.5',
  };
  const report = {
    type: 'report',
    spec_version: '2.1',
    id: `report--${randomUUID()}`,
    created: at,
    modified: at,
    name: 'Campaign against banks',
    published: at,
    report_types: ['threat-report'],
    object_refs: [c2.id, phishing.id, scanner.id, outside.id, secret.id],
    object_marking_refs: [tlp2MarkingIds.green],
  };
  let bankId: string;

  before(async () => {
    server = await startTestServer();
    admin = await server.adminClient();
    analyst = (await server.userClient('ana@cirt.example', 'analyst')).client;
    collection = (
      await admin
        .post('/api/exchange/collections', { title: 'From CERT-B' })
        .expect<{ id: string }>(201)
    ).id;
    const imported = await admin
      .post(`/api/exchange/collections/${collection}/import`, {
        type: 'bundle',
        id: `bundle--${randomUUID()}`,
        objects: [c2, phishing, scanner, secret, expired, outside, report],
      })
      .expect<{ stored: number }>(200);
    assert.equal(imported.stored, 7);
    bankId = (
      await admin
        .post('/api/constituents/orgs', { name: 'First National Bank', sector: 'finance-banking' })
        .expect<{ id: string }>(201)
    ).id;
    await admin
      .post(`/api/constituents/orgs/${bankId}/ownership`, {
        kind: 'ipv4',
        value: '198.51.100.0/24',
      })
      .expect(201);
    await admin
      .post(`/api/constituents/orgs/${bankId}/ownership`, {
        kind: 'domain',
        value: 'login-bank.example',
      })
      .expect(201);
  });
  after(() => server.close());

  async function incident(client: HttpClient, observables: object[], tlp = 'amber') {
    return (
      await client
        .post('/api/incidents', { title: 'Suspicious traffic', tlp, observables })
        .expect<{ id: string }>(201)
    ).id;
  }

  it("shows the indicators that name an incident's observables, addresses by prefix", async () => {
    const id = await incident(analyst, [
      { kind: 'ipv4', value: '198.51.100.7' },
      { kind: 'url', value: 'http://login-bank.example/verify' },
      { kind: 'ipv4', value: '198.51.100.20' },
      { kind: 'domain', value: 'unrelated.example' },
    ]);
    const answer = await analyst.get(`/api/exchange/matches/incidents/${id}`).expect<Hits>(200);
    const seen = answer.hits
      .map(
        (h) =>
          `${h.observable.value} ${h.indicator.name} ${h.rule}${h.indicator.partial ? ' partial' : ''}`,
      )
      .sort();
    assert.deepEqual(seen, [
      '198.51.100.20 Botnet C2 network prefix',
      '198.51.100.7 Botnet C2 network prefix',
      'http://login-bank.example/verify Phishing kit exact partial',
    ]);
    assert.ok(
      answer.hits.every((h) => h.collectionId === collection),
      'each hit links to its collection',
    );
    assert.match(answer.hits[0]!.term.source, /ISSUBSET|url:value/);
  });

  it('never matches on an indicator the reader may not see (TLP:RED)', async () => {
    const id = await incident(analyst, [{ kind: 'domain', value: 'tip.example' }]);
    const forAnalyst = await analyst.get(`/api/exchange/matches/incidents/${id}`).expect<Hits>(200);
    assert.deepEqual(forAnalyst.hits, []);
    // The team's leads are the named recipients of TLP:RED: the admin sees the hit.
    const forAdmin = await admin.get(`/api/exchange/matches/incidents/${id}`).expect<Hits>(200);
    assert.deepEqual(
      forAdmin.hits.map((h) => h.indicator.name),
      ['Source of a tip'],
    );
  });

  it('follows new versions: a revoked indicator stops matching', async () => {
    const id = await incident(analyst, [{ kind: 'ipv4', value: '198.51.100.9' }]);
    assert.equal(
      (await analyst.get(`/api/exchange/matches/incidents/${id}`).expect<Hits>(200)).hits.length,
      1,
    );
    await admin
      .post(`/api/exchange/collections/${collection}/import`, {
        type: 'bundle',
        id: `bundle--${randomUUID()}`,
        objects: [{ ...c2, modified: '2026-05-01T00:00:00.000Z', revoked: true }],
      })
      .expect(200);
    assert.deepEqual(
      (await analyst.get(`/api/exchange/matches/incidents/${id}`).expect<Hits>(200)).hits,
      [],
    );
  });

  it("keeps the incident's own access rule: an incident the reader may not open is a 404", async () => {
    const id = await incident(admin, [{ kind: 'ipv4', value: '198.51.100.7' }], 'red');
    await analyst.get(`/api/exchange/matches/incidents/${id}`).expect(404);
    await analyst.get('/api/exchange/matches/incidents/no-such-incident').expect(404);
    const coordinator = (await server.userClient('cora@cirt.example', 'coordinator')).client;
    await coordinator.get(`/api/exchange/matches/incidents/${id}`).expect(403);
  });

  it('matches any values posted, and refuses a kind it does not know', async () => {
    const answer = await analyst
      .post('/api/exchange/matches', {
        values: [
          { kind: 'email', value: 'SUPPORT@login-bank.example' },
          { kind: 'ipv4', value: '192.0.2.1' },
        ],
      })
      .expect<Hits>(200);
    assert.deepEqual(
      answer.hits.map((h) => `${h.observable.value} ${h.indicator.name}`),
      ['support@login-bank.example Phishing kit'],
      'e-mail addresses match in any case',
    );
    const problem = await analyst
      .post('/api/exchange/matches', { values: [{ kind: 'phone', value: '+1' }] })
      .expect<{ errors: { field: string; message: string }[] }>(422);
    assert.equal(problem.errors[0]!.field, 'body.values.0.kind');
    assert.match(problem.errors[0]!.message, /ipv4/);
  });

  it('names the constituents a report speaks of, through the ownership index', async () => {
    const named = await analyst
      .get(`/api/exchange/objects/${report.id}/constituents`)
      .expect<Named>(200);
    assert.equal(named.constituents.length, 1);
    const [bank] = named.constituents;
    assert.equal(bank!.org.name, 'First National Bank');
    assert.deepEqual(
      bank!.matched.map((m) => `${m.kind} ${m.value} → ${m.owned}`).sort(),
      [
        'email support@login-bank.example → login-bank.example',
        'ipv4 198.51.100.77 → 198.51.100.0/24',
        'url http://login-bank.example/verify → login-bank.example',
      ],
      'the revoked C2 indicator names nobody any more; the outside address names nobody',
    );
    // The RED indicator among the report's references stays out for the analyst.
    assert.equal(named.objects, 5);
    await analyst.get(`/api/exchange/objects/${secret.id}/constituents`).expect(404);
    const forAdmin = await admin
      .get(`/api/exchange/objects/${c2.id}/constituents`)
      .expect<Named>(200);
    assert.deepEqual(forAdmin.constituents, [], 'a revoked indicator names no constituent');
  });
});
