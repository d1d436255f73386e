import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { HttpClient } from '../support/http.js';
import { startTestServer, type TestServer } from '../support/server.js';

interface Preview {
  at: string;
  reportId: string;
  objects: { id: string; type: string; [key: string]: unknown }[];
  leftOut: { observableId: string; value: string; reason: string; detail?: string }[];
  recipients: { id: string; name: string }[];
  warnings: string[];
}

const taxii = 'application/taxii+json;version=2.1';

describe('"share this incident": an anonymised STIX report, previewed then confirmed', () => {
  let server: TestServer;
  let admin: HttpClient;
  let analyst: HttpClient;
  let collection: string;
  let peerSecret: string;
  let incidentId: string;
  let victimObservable: string;
  const victimName = 'First National Bank';

  before(async () => {
    server = await startTestServer();
    admin = await server.adminClient();
    analyst = (await server.userClient('ana@cirt.example', 'analyst')).client;
    collection = (
      await admin
        .post('/api/exchange/collections', { title: 'Shared with the region' })
        .expect<{ id: string }>(201)
    ).id;
    const peer = await admin
      .post('/api/exchange/peers', { name: 'CERT-B', relationship: 'community' })
      .expect<{ peer: { id: string }; secret: string }>(201);
    peerSecret = peer.secret;
    await admin
      .post('/api/exchange/grants', {
        collectionId: collection,
        peerId: peer.peer.id,
        tlpLevels: ['clear', 'green'],
      })
      .expect(201);
    const bank = await admin
      .post('/api/constituents/orgs', { name: victimName, sector: 'finance-banking' })
      .expect<{ id: string }>(201);
    await admin
      .post(`/api/constituents/orgs/${bank.id}/ownership`, { kind: 'ipv4', value: '192.0.2.0/24' })
      .expect(201);
    const incident = await analyst
      .post('/api/incidents', {
        title: `Ransomware at ${victimName}`,
        description: 'The branch manager Jane Roe called at 08:10.',
        rsitClass: 'malicious-code',
        rsitType: 'infected-system',
        tlp: 'amber',
        reporter: { name: 'Jane Roe', email: 'jane.roe@bank.example', organisation: victimName },
        observables: [
          { kind: 'ipv4', value: '192.0.2.10', note: 'the infected server' },
          { kind: 'ipv4', value: '198.51.100.7', note: 'command and control' },
          { kind: 'domain', value: 'pay-decrypt.example' },
        ],
      })
      .expect<{ id: string }>(201);
    incidentId = incident.id;
    const observables = await analyst
      .get(`/api/incidents/${incidentId}/observables`)
      .expect<{ observables: { id: string; value: string }[] }>(200);
    victimObservable = observables.observables.find((o) => o.value === '192.0.2.10')!.id;
  });
  after(() => server.close());

  const choice = (extra: object = {}) => ({
    collectionId: collection,
    tlp: 'green',
    title: 'Ransomware campaign against banks',
    summary: 'Encryption of file servers; ransom note points to pay-decrypt.example.',
    ...extra,
  });

  it('previews what would leave: no names, not the victim’s address, and who receives it', async () => {
    const preview = await analyst
      .post(`/api/exchange/share/incidents/${incidentId}/preview`, choice())
      .expect<Preview>(200);
    const text = JSON.stringify(preview.objects);
    for (const secret of [
      victimName,
      'Jane Roe',
      'jane.roe@bank.example',
      'Ransomware at',
      '192.0.2.10',
    ])
      assert.equal(text.includes(secret), false, `${secret} must not leave`);
    assert.ok(text.includes('198.51.100.7') && text.includes('pay-decrypt.example'));
    assert.deepEqual(
      preview.leftOut.map((l) => [l.value, l.reason, l.detail]),
      [['192.0.2.10', 'owned-by-constituent', victimName]],
    );
    assert.deepEqual(
      preview.recipients.map((p) => p.name),
      ['CERT-B'],
    );
    assert.deepEqual(preview.warnings, ['tlp-looser-than-incident']);
    const types = preview.objects.map((o) => o.type).sort();
    assert.deepEqual(types, [
      'domain-name',
      'identity',
      'incident',
      'indicator',
      'indicator',
      'ipv4-addr',
      'report',
    ]);
    // At AMBER the peer's grant (CLEAR and GREEN) gives it to nobody.
    const amber = await analyst
      .post(`/api/exchange/share/incidents/${incidentId}/preview`, choice({ tlp: 'amber' }))
      .expect<Preview>(200);
    assert.deepEqual(amber.recipients, []);
    assert.deepEqual(amber.warnings, []);
  });

  it('stores exactly the previewed objects, which the peer then receives over TAXII', async () => {
    const preview = await analyst
      .post(`/api/exchange/share/incidents/${incidentId}/preview`, choice())
      .expect<Preview>(200);
    const shared = await analyst
      .post(`/api/exchange/share/incidents/${incidentId}`, {
        ...choice(),
        at: preview.at,
        confirm: true,
      })
      .expect<{ reportId: string; stored: number; recipients: string[] }>(201);
    assert.equal(shared.reportId, preview.reportId);
    assert.equal(shared.stored, preview.objects.length);
    assert.deepEqual(shared.recipients, ['CERT-B']);
    const response = await fetch(
      `${server.baseUrl}/taxii2/cirtkit/collections/${collection}/objects/`,
      { headers: { accept: taxii, authorization: `Bearer ${peerSecret}` } },
    );
    assert.equal(response.status, 200);
    const envelope = (await response.json()) as { objects: { id: string }[] };
    const byId = (list: { id: string }[]) => Object.fromEntries(list.map((o) => [o.id, o]));
    assert.deepEqual(
      byId(envelope.objects),
      byId(preview.objects),
      'what leaves is what was shown',
    );
    // The incident's timeline and the audit log record it.
    const timeline = await analyst
      .get(`/api/incidents/${incidentId}/timeline?kind=shared`)
      .expect<{ events: { body: { reportId: string; tlp: string; collectionTitle: string } }[] }>(
        200,
      );
    assert.equal(timeline.events.length, 1);
    assert.deepEqual(
      [timeline.events[0]!.body.reportId, timeline.events[0]!.body.tlp],
      [preview.reportId, 'green'],
    );
    const log = await admin
      .get('/api/audit?action=exchange.incident_share')
      .expect<{ items: { entityId: string }[] }>(200);
    assert.deepEqual(
      log.items.map((i) => i.entityId),
      [incidentId],
    );
  });

  it("includes the victim's address only when the analyst chooses it", async () => {
    const preview = await analyst
      .post(
        `/api/exchange/share/incidents/${incidentId}/preview`,
        choice({ observableIds: [victimObservable], indicators: false }),
      )
      .expect<Preview>(200);
    assert.deepEqual(
      preview.objects.filter((o) => o.type === 'ipv4-addr').map((o) => o.value),
      ['192.0.2.10'],
    );
    assert.equal(preview.objects.filter((o) => o.type === 'indicator').length, 0);
  });

  it('refuses what is not confirmed, stale, unknown, or not the caller’s to share', async () => {
    const preview = await analyst
      .post(`/api/exchange/share/incidents/${incidentId}/preview`, choice())
      .expect<Preview>(200);
    const path = `/api/exchange/share/incidents/${incidentId}`;
    const field = async (body: object, status = 422) =>
      (
        await analyst
          .post(path, body)
          .expect<{ errors?: { field: string }[]; detail: string }>(status)
      ).errors?.map((e) => e.field) ?? [];
    assert.deepEqual(await field({ ...choice(), at: preview.at }), ['body.confirm']);
    assert.deepEqual(await field({ ...choice(), at: preview.at, confirm: false }), [
      'body.confirm',
    ]);
    assert.deepEqual(await field({ ...choice(), at: '2020-01-01T00:00:00.000Z', confirm: true }), [
      'at',
    ]);
    assert.deepEqual(
      await field({
        ...choice({ observableIds: ['not-one-of-them'] }),
        at: preview.at,
        confirm: true,
      }),
      ['observableIds'],
    );
    assert.deepEqual(
      await field({ ...choice({ collectionId: 'nope' }), at: preview.at, confirm: true }),
      ['collectionId'],
    );
    // An incident the caller may not open is "not found"; a viewer may not share at all.
    const red = await admin
      .post('/api/incidents', { title: 'Restricted', tlp: 'red' })
      .expect<{ id: string }>(201);
    await analyst.post(`/api/exchange/share/incidents/${red.id}/preview`, choice()).expect(404);
    const viewer = (await server.userClient('vic@cirt.example', 'viewer')).client;
    await viewer.post(`/api/exchange/share/incidents/${incidentId}/preview`, choice()).expect(403);
    // Nothing was stored by any of these.
    const timeline = await analyst
      .get(`/api/incidents/${incidentId}/timeline?kind=shared`)
      .expect<{ events: unknown[] }>(200);
    assert.equal(timeline.events.length, 1);
  });
});
