import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import * as openpgp from 'openpgp';
import { OwnershipCache } from '../../src/modules/constituents/deps.js';
import { openPostgres, openSqlite, type Db } from '../../src/storage/index.js';
import { startTestServer, type TestServer } from '../support/server.js';
import type { HttpClient } from '../support/http.js';

interface Org {
  id: string;
  name: string;
  sector: string;
  critical: boolean;
  language: string;
  notifyPgp: string;
  verification: string;
  verifiedBy: string | null;
  revision: number;
  contacts: Contact[];
  ownership: Entry[];
}
interface Contact {
  id: string;
  email: string;
  isPrimary: boolean;
  pgpKey: string | null;
  pgpFingerprint: string | null;
  pgpExpiresAt: string | null;
}
interface Entry {
  id: string;
  kind: string;
  value: string;
}
interface Problem {
  code: string;
  detail: string;
  errors: { field: string; message: string }[];
}
interface Match {
  org: { id: string; name: string; critical: boolean };
  contacts: { email: string; hasPgpKey: boolean; pgpFingerprint: string | null }[];
  rule: string;
  value: string;
  prefixLength?: number;
}
interface Answer {
  queryKind: string;
  normalised: string;
  matches: Match[];
  covering: Match[];
}

async function publicKey(options: { expired?: boolean } = {}) {
  const { publicKey, privateKey } = await openpgp.generateKey({
    type: 'ecc',
    curve: 'curve25519Legacy',
    userIDs: [{ name: 'CSIRT Energy', email: 'csirt@energy.example' }],
    format: 'armored',
    ...(options.expired
      ? { date: new Date(Date.now() - 3 * 86_400_000), keyExpirationTime: 86_400 }
      : {}),
  });
  const key = await openpgp.readKey({ armoredKey: publicKey });
  return { publicKey, privateKey, fingerprint: key.getFingerprint().toUpperCase() };
}

describe('constituents API', () => {
  let server: TestServer;
  let admin: HttpClient;
  let energy: Org;
  let isp: Org;
  const lookup = (q: string) =>
    admin.get(`/api/constituents/lookup?q=${encodeURIComponent(q)}`).expect<Answer>(200);

  before(async () => {
    server = await startTestServer();
    admin = await server.adminClient();
  });
  after(() => server.close());

  it('adds organisations with defaults and finds them by name, sector and critical flag', async () => {
    energy = await admin
      .post('/api/constituents/orgs', {
        name: 'Kenya Power Grid Operator',
        shortName: 'KPGO',
        sector: 'energy',
        critical: true,
        iso3: 'ken',
        language: 'en',
        notifyPgp: 'encrypt',
      })
      .expect<Org>(201);
    assert.deepEqual(
      [energy.sector, energy.critical, energy.verification, energy.revision, energy.contacts],
      ['energy', true, 'unverified', 1, []],
    );
    isp = await admin
      .post('/api/constituents/orgs', {
        name: 'Savannah Telecom',
        sector: 'telecommunications',
        language: 'fr',
      })
      .expect<Org>(201);
    await admin
      .post('/api/constituents/orgs', { name: 'University of Lakes', sector: 'education-research' })
      .expect(201);
    const critical = await admin
      .get('/api/constituents/orgs?critical=true')
      .expect<{ items: Org[]; total: number }>(200);
    assert.deepEqual(
      critical.items.map((o) => o.name),
      ['Kenya Power Grid Operator'],
    );
    const byName = await admin
      .get('/api/constituents/orgs?q=kpgo')
      .expect<{ items: Org[]; total: number }>(200);
    assert.equal(byName.items[0]?.id, energy.id);
    const paged = await admin
      .get('/api/constituents/orgs?limit=2&offset=2')
      .expect<{ items: Org[]; total: number }>(200);
    assert.deepEqual([paged.total, paged.items.map((o) => o.name)], [3, ['University of Lakes']]);
  });

  it('refuses an unknown sector and a stale revision, naming the field', async () => {
    const bad = await admin
      .post('/api/constituents/orgs', { name: 'X', sector: 'mining' })
      .expect<Problem>(422);
    assert.equal(bad.errors[0]!.field, 'body.sector');
    assert.match(bad.errors[0]!.message, /energy, finance-banking/);
    const changed = await admin
      .patch(`/api/constituents/orgs/${energy.id}`, { revision: 1, verification: 'verified' })
      .expect<Org>(200);
    assert.deepEqual([changed.revision, changed.verification], [2, 'verified']);
    assert.ok(changed.verifiedBy);
    const stale = await admin
      .patch(`/api/constituents/orgs/${energy.id}`, { revision: 1, name: 'Other' })
      .expect<Problem>(409);
    assert.match(stale.detail, /revision 2, yours 1/);
  });

  it('keeps contacts with a checked OpenPGP key and one primary contact', async () => {
    const key = await publicKey();
    const first = await admin
      .post(`/api/constituents/orgs/${energy.id}/contacts`, {
        name: 'Amina Odhiambo',
        role: 'security',
        email: 'Amina@Energy.example',
        languages: ['en', 'sw'],
        isPrimary: true,
        pgpKey: key.publicKey,
      })
      .expect<Contact>(201);
    assert.equal(first.email, 'amina@energy.example');
    assert.equal(first.pgpFingerprint, key.fingerprint);
    const second = await admin
      .post(`/api/constituents/orgs/${energy.id}/contacts`, {
        name: 'NOC',
        role: 'technical',
        email: 'noc@energy.example',
        phone: '+254 20 123 4567',
        isPrimary: true,
      })
      .expect<Contact>(201);
    const org = await admin.get(`/api/constituents/orgs/${energy.id}`).expect<Org>(200);
    assert.deepEqual(
      org.contacts.map((c) => [c.email, c.isPrimary]),
      [
        ['noc@energy.example', true],
        ['amina@energy.example', false],
      ],
    );
    assert.match(org.contacts[1]!.pgpKey!, /BEGIN PGP PUBLIC KEY BLOCK/);

    const secret = await admin
      .post(`/api/constituents/orgs/${energy.id}/contacts`, {
        name: 'Oops',
        email: 'oops@energy.example',
        pgpKey: key.privateKey,
      })
      .expect<Problem>(422);
    assert.deepEqual(secret.errors[0]!.field, 'pgpKey');
    assert.match(secret.errors[0]!.message, /private key/);
    const expired = await publicKey({ expired: true });
    const old = await admin
      .patch(`/api/constituents/orgs/${energy.id}/contacts/${second.id}`, {
        pgpKey: expired.publicKey,
      })
      .expect<Problem>(422);
    assert.match(old.errors[0]!.message, /expired on/);
    const phone = await admin
      .patch(`/api/constituents/orgs/${energy.id}/contacts/${second.id}`, { phone: 'call me' })
      .expect<Problem>(422);
    assert.equal(phone.errors[0]!.field, 'body.phone');
  });

  it('refuses invalid ownership values precisely and stores the canonical form', async () => {
    const add = (org: Org, kind: string, value: string) =>
      admin.post(`/api/constituents/orgs/${org.id}/ownership`, { kind, value });
    const hostBits = await add(energy, 'ipv4', '198.51.100.7/24').expect<Problem>(422);
    assert.deepEqual(hostBits.errors, [
      {
        field: 'value',
        message: '198.51.100.7/24 has host bits set: did you mean 198.51.100.0/24?',
      },
    ]);
    const family = await add(energy, 'ipv4', '2001:db8::/32').expect<Problem>(422);
    assert.match(family.errors[0]!.message, /IPv6 value, not IPv4/);
    const v6 = await add(energy, 'ipv6', '2001:DB8:0:0::/48').expect<Entry>(201);
    assert.equal(v6.value, '2001:db8::/48');
    await add(energy, 'ipv4', '198.51.100.0/25').expect(201);
    await add(energy, 'asn', 'as64500').expect(201);
    await add(energy, 'domain', 'power.example').expect(201);
    await add(isp, 'ipv4', '198.51.0.0/16').expect(201);
    await add(isp, 'ipv6', '2001:db8::/32').expect(201);
    await add(isp, 'domain', 'example').expect(201);
    const again = await add(energy, 'asn', '64500').expect<Problem>(422);
    assert.match(again.errors[0]!.message, /AS64500 is already recorded for Kenya Power/);
  });

  it('answers whose an address, AS number, domain, URL or e-mail is, most specific first', async () => {
    const ip = await lookup('198.51.100.9');
    assert.equal(ip.queryKind, 'ipv4');
    assert.deepEqual(
      ip.matches.map((m) => [m.org.name, m.rule, m.value, m.prefixLength]),
      [['Kenya Power Grid Operator', 'longest-prefix', '198.51.100.0/25', 25]],
    );
    assert.deepEqual(
      ip.covering.map((m) => [m.org.name, m.value]),
      [['Savannah Telecom', '198.51.0.0/16']],
    );
    assert.deepEqual(
      ip.matches[0]!.contacts.map((c) => [c.email, c.hasPgpKey]),
      [
        ['noc@energy.example', false],
        ['amina@energy.example', true],
      ],
    );
    const outside = await lookup('198.51.100.200');
    assert.deepEqual(
      outside.matches.map((m) => m.org.name),
      ['Savannah Telecom'],
    );
    const v6 = await lookup('2001:db8:1::5');
    assert.deepEqual(
      v6.matches.map((m) => m.value),
      ['2001:db8::/32'],
    );
    const asn = await lookup('AS64500');
    assert.deepEqual([asn.matches[0]!.rule, asn.matches[0]!.org.critical], ['exact-asn', true]);
    const url = await lookup('hxxps://scada[.]power[.]example/login');
    assert.deepEqual(
      [url.queryKind, url.matches[0]!.rule, url.matches[0]!.value, url.covering[0]!.value],
      ['url', 'longest-suffix', 'power.example', 'example'],
    );
    const mail = await lookup('phish@mail.power.example');
    assert.equal(mail.matches[0]!.org.name, 'Kenya Power Grid Operator');
    const nobody = await lookup('203.0.113.1');
    assert.deepEqual([nobody.matches, nobody.covering], [[], []]);
    const bad = await admin.get('/api/constituents/lookup?q=300.1.1.1').expect<Problem>(422);
    assert.equal(bad.errors[0]!.field, 'q');
    assert.match(bad.errors[0]!.message, /over 255/);
  });

  it('follows removals at once, and another process notices within a second', async () => {
    const org = await admin.get(`/api/constituents/orgs/${energy.id}`).expect<Org>(200);
    const entry = org.ownership.find((e) => e.value === '198.51.100.0/25')!;
    // A second connection stands for another cirtkit process on the same database.
    let now = 0;
    const other: Db = server.testDb.url.startsWith('sqlite:')
      ? openSqlite(server.testDb.url.slice('sqlite:'.length))
      : openPostgres(server.testDb.url, { poolSize: 1 });
    try {
      const cache = new OwnershipCache(other, () => now);
      const ownerThere = async () =>
        (await cache.get()).lookup({ kind: 'ipv4', value: '198.51.100.9' }).map((m) => m.orgId);
      assert.deepEqual(await ownerThere(), [energy.id]);
      await admin.delete(`/api/constituents/orgs/${energy.id}/ownership/${entry.id}`).expect(204);
      assert.deepEqual(
        (await lookup('198.51.100.9')).matches.map((m) => m.org.name),
        ['Savannah Telecom'],
        'this process follows at once',
      );
      now = 500;
      assert.deepEqual(await ownerThere(), [energy.id], 'not rechecked within the second');
      now = 1500;
      assert.deepEqual(await ownerThere(), [isp.id], 'rebuilt after the version changed');
    } finally {
      await other.close();
    }
  });

  it('lets viewers read and look up but not change; coordinators see nothing', async () => {
    const viewer = (await server.userClient('viewer@cirt.example', 'viewer')).client;
    await viewer.get(`/api/constituents/orgs/${isp.id}`).expect(200);
    await viewer.get('/api/constituents/lookup?q=198.51.1.1').expect(200);
    await viewer.post('/api/constituents/orgs', { name: 'N', sector: 'other' }).expect(403);
    await viewer.delete(`/api/constituents/orgs/${isp.id}`).expect(403);
    const coordinator = (await server.userClient('coord@cirt.example', 'coordinator')).client;
    await coordinator.get('/api/constituents/orgs').expect(403);
  });

  it('deletes an organisation unless an incident names it, and audits every change', async () => {
    const now = new Date().toISOString();
    await sql`insert into incidents (id, reference, title, description, status, tlp, pap, source, created_at, updated_at, revision)
      values ('inc-1', 'CIRT-2026-000001', 'Scan', '', 'new', 'amber', 'green', 'ui', ${now}, ${now}, 1)`.execute(
      server.testDb.db.kysely,
    );
    await sql`insert into incident_constituents (incident_id, org_id, origin, matched, added_at)
      values ('inc-1', ${isp.id}, 'suggested', '{}', ${now})`.execute(server.testDb.db.kysely);
    const refused = await admin.delete(`/api/constituents/orgs/${isp.id}`).expect<Problem>(409);
    assert.match(refused.detail, /named in 1 incident/);
    assert.equal((await lookup('198.51.1.1')).matches[0]!.org.name, 'Savannah Telecom');

    await admin.delete(`/api/constituents/orgs/${energy.id}`).expect(204);
    await admin.get(`/api/constituents/orgs/${energy.id}`).expect(404);
    assert.deepEqual((await lookup('AS64500')).matches, [], 'its ownership left the index');

    const audit = await admin
      .get('/api/audit?limit=100')
      .expect<{ items: { action: string; entityType: string }[] }>(200);
    const actions = new Set(audit.items.map((e) => e.action));
    for (const action of [
      'constituent.org_create',
      'constituent.org_update',
      'constituent.org_delete',
      'constituent.contact_create',
      'constituent.ownership_add',
      'constituent.ownership_remove',
    ])
      assert.ok(actions.has(action), action);
  });
});
