import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import * as openpgp from 'openpgp';
import { startTestServer, type TestServer } from '../support/server.js';
import type { HttpClient } from '../support/http.js';

interface Report {
  written: boolean;
  rows: number;
  orgsCreated: number;
  contactsAdded: number;
  ownershipAdded: number;
  duplicates: number;
  errors: { line: number; field: string; message: string }[];
}
interface Problem {
  code: string;
  detail: string;
  errors: { field: string; message: string }[];
}

const header =
  'organisation,sector,critical,iso3,language,kind,value,note,contact_name,contact_role,contact_email,contact_languages,contact_pgp_key';

/** Everything the import may touch, to prove a refused import left the database as it was. */
async function snapshot(server: TestServer): Promise<string> {
  const db = server.testDb.db.kysely;
  const tables = await Promise.all([
    db.selectFrom('constituent_orgs').selectAll().orderBy('id').execute(),
    db.selectFrom('constituent_contacts').selectAll().orderBy('id').execute(),
    db.selectFrom('constituent_ownership').selectAll().orderBy('id').execute(),
    db.selectFrom('meta').selectAll().orderBy('key').execute(),
    db.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq').execute(),
  ]);
  return JSON.stringify(tables);
}

describe('constituents import', () => {
  let server: TestServer;
  let admin: HttpClient;
  const csv = (body: string, query = '') =>
    admin.post(`/api/constituents/import${query}`, body, { 'content-type': 'text/csv' });
  const owner = async (q: string) =>
    (
      await admin
        .get(`/api/constituents/lookup?q=${encodeURIComponent(q)}`)
        .expect<{ matches: { org: { name: string } }[] }>(200)
    ).matches.map((m) => m.org.name);

  before(async () => {
    server = await startTestServer();
    admin = await server.adminClient();
  });
  after(() => server.close());

  it('imports organisations, contacts and ownership from CSV, and re-importing adds nothing', async () => {
    const { publicKey } = await openpgp.generateKey({
      userIDs: [{ email: 'soc@bank.example' }],
      format: 'armored',
    });
    const file = [
      header,
      'Central Bank,finance-banking,yes,KEN,en,ipv4,192.0.2.0/24,HQ,,,,,',
      'Central Bank,,,,,asn,AS64496,,,,,,',
      // A quoted key spans many lines: the rows after it keep their true line numbers.
      `Central Bank,,,,,,,,Bank SOC,security,soc@bank.example,en sw,"${publicKey}"`,
      'Lake Water Utility,water,no,KEN,sw,domain,water.example,,Duty officer,technical,duty@water.example,sw,',
    ].join('\n');
    const first = await csv(file).expect<Report>(200);
    assert.deepEqual(
      [first.written, first.orgsCreated, first.contactsAdded, first.ownershipAdded, first.errors],
      [true, 2, 2, 3, []],
    );
    assert.deepEqual(await owner('192.0.2.55'), ['Central Bank']);
    assert.deepEqual(await owner('www.water.example'), ['Lake Water Utility']);
    const again = await csv(file).expect<Report>(200);
    assert.deepEqual(
      [again.orgsCreated, again.contactsAdded, again.ownershipAdded, again.duplicates],
      [0, 0, 0, 4],
    );
    const orgs = await admin
      .get('/api/constituents/orgs?q=central')
      .expect<{ items: { id: string; critical: boolean; contactCount: number }[] }>(200);
    assert.deepEqual([orgs.items[0]!.critical, orgs.items[0]!.contactCount], [true, 1]);
    const bank = await admin
      .get(`/api/constituents/orgs/${orgs.items[0]!.id}`)
      .expect<{ contacts: { pgpFingerprint: string | null; languages: string[] }[] }>(200);
    assert.match(bank.contacts[0]!.pgpFingerprint!, /^[0-9A-F]{40}$/);
    assert.deepEqual(bank.contacts[0]!.languages, ['en', 'sw']);
  });

  it('reports every bad row by line and column, and an all-or-nothing refusal leaves the database exactly as it was', async () => {
    const file = [
      header,
      'Port Authority,transport,yes,KEN,en,ipv4,198.51.100.0/24,,,,,,',
      'Port Authority,,,,,ipv4,198.51.100.1/24,,,,,,',
      'Port Authority,,,,,ipv6,10.0.0.0/8,,,,,,',
      'Mining Co,mining,,,,,,,,,,,',
      'New Clinic,,,,,domain,clinic.example,,,,,,',
      'Port Authority,,,,,,,,Ops,boss,ops@port,,',
      'Central Bank,health,,,,,,,,,,,',
    ].join('\n');
    const before = await snapshot(server);
    const refused = await csv(file).expect<Problem>(422);
    assert.equal(refused.code, 'validation_failed');
    assert.deepEqual(
      refused.errors.map((e) => e.field),
      [
        'line 3 value',
        'line 4 value',
        'line 5 sector',
        'line 6 sector',
        'line 7 contact_role',
        'line 7 contact_email',
        'line 8 sector',
      ],
    );
    assert.equal(
      refused.errors[0]!.message,
      '198.51.100.1/24 has host bits set: did you mean 198.51.100.0/24?',
    );
    assert.match(refused.errors[1]!.message, /IPv4 value, not IPv6/);
    assert.match(refused.errors[3]!.message, /is needed to add the organisation New Clinic/);
    assert.match(refused.errors[6]!.message, /"health" here but "finance-banking"/);
    assert.equal(await snapshot(server), before, 'nothing written, not even an audit row');
    assert.deepEqual(await owner('198.51.100.7'), []);

    const dry = await csv(file, '?mode=valid&dryRun=true').expect<Report>(200);
    assert.deepEqual([dry.written, dry.orgsCreated, dry.ownershipAdded], [false, 1, 1]);
    assert.equal(await snapshot(server), before, 'a dry run writes nothing');

    const partial = await csv(file, '?mode=valid').expect<Report>(200);
    assert.deepEqual(
      [partial.written, partial.orgsCreated, partial.ownershipAdded, partial.errors.length],
      [true, 1, 1, 7],
    );
    assert.deepEqual(await owner('198.51.100.7'), ['Port Authority']);
  });

  it('refuses files with another delimiter, unknown columns or another encoding', async () => {
    const semicolons = await csv('organisation;sector\nX;energy').expect<Problem>(422);
    assert.match(semicolons.errors[0]!.message, /use commas/);
    const typo = await csv('organisation,sectr\nX,energy').expect<Problem>(422);
    assert.match(typo.errors[0]!.message, /unknown columns sectr/);
    const token = await admin
      .post('/api/tokens', { name: 'import', role: 'admin' })
      .expect<{ secret: string }>(201);
    const latin1 = await fetch(`${server.baseUrl}/api/constituents/import`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', authorization: `Bearer ${token.secret}` },
      body: Buffer.from('organisation,sector\nSociété Générale,finance-banking\n', 'latin1'),
    });
    assert.equal(latin1.status, 422);
    assert.match(await latin1.text(), /not UTF-8/);
  });

  it('takes the same things as JSON, one object per organisation', async () => {
    const report = await admin
      .post('/api/constituents/import', {
        organisations: [
          {
            name: 'Ministry of Health',
            sector: 'health',
            critical: true,
            language: 'fr',
            contacts: [{ name: 'CSIRT', email: 'csirt@health.example', languages: ['fr'] }],
            ownership: [
              { kind: 'ipv6', value: '2001:db8:100::/40' },
              { kind: 'domain', value: 'health.example' },
            ],
          },
        ],
      })
      .expect<Report>(200);
    assert.deepEqual([report.orgsCreated, report.contactsAdded, report.ownershipAdded], [1, 1, 2]);
    assert.deepEqual(await owner('2001:db8:100::1'), ['Ministry of Health']);
    const broken = await admin
      .post('/api/constituents/import', {
        organisations: [
          { name: 'Airport', sector: 'transport', ownership: [{ kind: 'asn', value: 'AS-1' }] },
          { name: 'Rail', sector: 'transport', colour: 'red' },
        ],
      })
      .expect<Problem>(422);
    assert.deepEqual(
      broken.errors.map((e) => e.field),
      ['line 1 ownership[0].value', 'line 2 colour'],
    );
  });

  it('is for editors only, and is audited once per import', async () => {
    const viewer = (await server.userClient('viewer@cirt.example', 'viewer')).client;
    await viewer
      .post('/api/constituents/import', 'organisation,sector\nX,energy', {
        'content-type': 'text/csv',
      })
      .expect(403);
    const audit = await admin
      .get('/api/audit?action=constituent.import')
      .expect<{ items: { action: string }[] }>(200);
    assert.equal(audit.items.length, 4, 'two CSV imports, one partial, one JSON');
  });
});
