import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import * as openpgp from 'openpgp';
import {
  checkPattern,
  parseStixObject,
  teamProfileExtensionId,
} from '../../src/modules/exchange/index.js';
import type { HttpClient } from '../support/http.js';
import { startTestServer, type TestServer } from '../support/server.js';

interface Received {
  identityId: string;
  name: string;
  profile: {
    country: string;
    status: string;
    maturity?: { tier: string; assessed_on: string };
    indicators: { id: string; value: unknown }[];
  };
  provenance: { source: string; peerName: string }[];
  signature: { state: string; fingerprint?: string; reason?: string };
}

const keyPair = (name: string, passphrase?: string) =>
  openpgp.generateKey({
    type: 'curve25519',
    userIDs: [{ name, email: `${name.toLowerCase()}@cirt.example` }],
    ...(passphrase ? { passphrase } : {}),
    format: 'armored',
  });

/** A national instance publishes its team profile to a coordinator's instance over TAXII. */
describe('coordinator federation: the team profile extension over TAXII', () => {
  let national: TestServer;
  let coordinator: TestServer;
  let kenya: HttpClient;
  let itu: HttpClient;
  let coordinatorPeer: string;
  let profiles: string;
  const profile = {
    country: 'KEN',
    team_type: 'national',
    status: 'operational',
    established: '2012',
    maturity: { framework: 'SIM3', tier: 'intermediate', assessed_on: '2026-10-01' },
    services: ['incident-management', 'vulnerability-management'],
    rfc2350_url: 'https://cirt.example.ke/rfc2350.txt',
    contacts: [{ role: 'duty officer', email: 'incident@cirt.example.ke' }],
    indicators: [{ id: 'incidents_handled', value: 1432, as_of: '2026-09-30' }],
  };

  let dir: string;
  let teamKey: Awaited<ReturnType<typeof keyPair>>;
  let otherKey: Awaited<ReturnType<typeof keyPair>>;
  let kenyaAtItu: string;

  before(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'cirtkit-federation-'));
    [teamKey, otherKey] = await Promise.all([keyPair('KeCirt', 'team secret'), keyPair('Other')]);
    writeFileSync(path.join(dir, 'team.asc'), teamKey.privateKey);
    [national, coordinator] = await Promise.all([
      startTestServer({
        CIRTKIT_PGP_KEY_FILE: path.join(dir, 'team.asc'),
        CIRTKIT_PGP_PASSPHRASE: 'team secret',
      }),
      startTestServer(),
    ]);
    [kenya, itu] = await Promise.all([national.adminClient(), coordinator.adminClient()]);
    profiles = (
      await itu
        .post('/api/exchange/collections', { title: 'Team profiles', alias: 'profiles' })
        .expect<{ id: string }>(201)
    ).id;
    const issued = await itu
      .post('/api/exchange/peers', {
        name: 'KE-CIRT (national)',
        relationship: 'community',
        country: 'KEN',
        pgpKey: teamKey.publicKey,
      })
      .expect<{ peer: { id: string }; secret: string }>(201);
    kenyaAtItu = issued.peer.id;
    await itu
      .post('/api/exchange/grants', {
        collectionId: profiles,
        peerId: issued.peer.id,
        canRead: false,
        canWrite: true,
      })
      .expect(201);
    coordinatorPeer = (
      await kenya
        .post('/api/exchange/peers', {
          name: 'ITU coordinator',
          relationship: 'community',
          remote: { url: `${coordinator.baseUrl}/taxii2/cirtkit/`, secret: issued.secret },
        })
        .expect<{ peer: { id: string } }>(201)
    ).peer.id;
  });
  after(async () => {
    await Promise.all([national?.close(), coordinator?.close()]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('defines the extension with a valid extension-definition object', async () => {
    const definition = await kenya
      .get('/api/exchange/federation/extension-definition')
      .expect<{ id: string; schema: string }>(200);
    assert.equal(definition.id, teamProfileExtensionId);
    assert.ok(parseStixObject(definition, { ids: 'received', checkPattern }).ok);
    const schema = JSON.parse(definition.schema) as { properties: Record<string, unknown> };
    assert.ok('maturity' in schema.properties && 'indicators' in schema.properties);
  });

  it('publishes the profile; the coordinator lists it with where it came from', async () => {
    const published = await kenya
      .post('/api/exchange/federation/publish', {
        peerId: coordinatorPeer,
        remoteCollection: profiles,
        profile,
      })
      .expect<{
        sent: number;
        status: { status: string; success_count: number };
        identity: { id: string };
      }>(200);
    assert.equal(published.sent, 2);
    assert.deepEqual([published.status.status, published.status.success_count], ['complete', 2]);
    const received = await itu
      .get('/api/exchange/federation/profiles?country=KEN')
      .expect<Received[]>(200);
    assert.equal(received.length, 1);
    assert.equal(received[0]!.identityId, published.identity.id);
    assert.deepEqual(received[0]!.profile.maturity, profile.maturity);
    assert.deepEqual(received[0]!.profile.indicators, profile.indicators);
    assert.deepEqual(
      received[0]!.provenance.map((p) => [p.source, p.peerName]),
      [['taxii-push', 'KE-CIRT (national)']],
    );
    assert.deepEqual(
      await kenya.get('/api/exchange/federation/profiles').expect<Received[]>(200),
      [],
      'a team does not list its own profile as received',
    );
    // Signed with the team key, checked with the key the coordinator holds for this peer.
    const fingerprint = (await openpgp.readKey({ armoredKey: teamKey.publicKey }))
      .getFingerprint()
      .toUpperCase();
    assert.deepEqual(received[0]!.signature, { state: 'verified', fingerprint });
  });

  it('tells a signature that does not hold under the peer’s key, and one it cannot check', async () => {
    const signatureWith = async (pgpKey: string | null) => {
      await itu
        .put(`/api/exchange/peers/${kenyaAtItu}`, {
          name: 'KE-CIRT (national)',
          relationship: 'community',
          country: 'KEN',
          ...(pgpKey ? { pgpKey } : {}),
        })
        .expect(200);
      const [one] = await itu.get('/api/exchange/federation/profiles').expect<Received[]>(200);
      return one!.signature;
    };
    const other = await signatureWith(otherKey.publicKey);
    assert.equal(other.state, 'invalid');
    const none = await signatureWith(null);
    assert.equal(none.state, 'unverifiable');
    assert.match(none.reason ?? '', /no OpenPGP key/);
    assert.equal((await signatureWith(teamKey.publicKey)).state, 'verified');
  });

  it('sends a new version when the profile changes, and the coordinator shows the latest', async () => {
    await kenya
      .post('/api/exchange/federation/publish', {
        peerId: coordinatorPeer,
        remoteCollection: profiles,
        profile: {
          ...profile,
          maturity: { framework: 'SIM3', tier: 'advanced', assessed_on: '2026-11-20' },
        },
      })
      .expect(200);
    const received = await itu.get('/api/exchange/federation/profiles').expect<Received[]>(200);
    assert.equal(received.length, 1);
    assert.equal(received[0]!.profile.maturity?.tier, 'advanced');
  });

  it("puts the team's own report in the coordinator's progress report, beside the registry", async () => {
    const report = await itu.get('/api/registry/report?asOf=2026-11-24').expect<{
      selfReported: {
        iso3: string;
        team: string;
        status: string;
        maturity: { tier: string } | null;
        registryStatus: string;
        agrees: boolean;
        receivedFrom: string;
        tlp: string;
      }[];
    }>(200);
    assert.equal(report.selfReported.length, 1);
    const [row] = report.selfReported;
    assert.deepEqual(
      [row!.iso3, row!.status, row!.maturity?.tier, row!.receivedFrom, row!.tlp],
      ['KEN', 'operational', 'advanced', 'KE-CIRT (national)', 'green'],
    );
    // The registry knows KE-CIRT/CC as national since 2012: the two agree.
    assert.deepEqual([row!.registryStatus, row!.agrees], ['national', true]);
    const html = await itu.get('/api/registry/report.html?asOf=2026-11-24').expect<string>(200);
    assert.match(html, /KE-CIRT \(national\)/);
    // A profile marked TLP:AMBER stays out of a report shared with the community.
    await kenya
      .post('/api/exchange/federation/publish', {
        peerId: coordinatorPeer,
        remoteCollection: profiles,
        tlp: 'amber',
        profile,
      })
      .expect(200);
    const after = await itu
      .get('/api/registry/report?asOf=2026-11-24')
      .expect<{ selfReported: unknown[] }>(200);
    assert.deepEqual(after.selfReported, []);
  });

  it('refuses a profile that breaks the extension’s schema, naming the field', async () => {
    const problem = await kenya
      .post('/api/exchange/federation/publish', {
        peerId: coordinatorPeer,
        remoteCollection: profiles,
        profile: { ...profile, country: 'Kenya' },
      })
      .expect<{ errors: { field: string; message: string }[] }>(422);
    assert.deepEqual(
      problem.errors.map((e) => e.field),
      ['body.profile.country'],
    );
  });
});
