import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import * as openpgp from 'openpgp';
import { chromiumPath } from '../../src/kernel/index.js';
import type { HttpClient } from '../support/http.js';
import { startTestServer, type TestServer } from '../support/server.js';

interface Problem {
  code: string;
  detail: string;
  errors?: { field: string; message: string }[];
}
interface Profile {
  contact: Record<string, string>;
  securityTxt: Record<string, string | string[]>;
  services: { offered: string[] };
  [group: string]: unknown;
}
interface State {
  profile: Profile;
  saved: boolean;
  revision: number;
  updatedBy: string | null;
  key: { fingerprint: string; userIds: string[] } | null;
  securityTxt: { problems: { field: string; severity: string }[] };
  canEdit: boolean;
}

/** Section headings of RFC 2350's template (Appendix D), as the text document writes them. */
const headings = [
  '1. Document Information',
  '1.1 Date of Last Update',
  '1.2 Distribution List for Notifications',
  '1.3 Locations where this Document May Be Found',
  '2. Contact Information',
  '2.1 Name of the Team',
  '2.2 Address',
  '2.3 Time Zone',
  '2.4 Telephone Number',
  '2.5 Facsimile Number',
  '2.6 Other Telecommunication',
  '2.7 Electronic Mail Address',
  '2.8 Public Keys and Encryption Information',
  '2.9 Team Members',
  '2.10 Other Information',
  '2.11 Points of Customer Contact',
  '3. Charter',
  '3.1 Mission Statement',
  '3.2 Constituency',
  '3.3 Sponsorship and/or Affiliation',
  '3.4 Authority',
  '4. Policies',
  '4.1 Types of Incidents and Level of Support',
  '4.2 Co-operation, Interaction and Disclosure of Information',
  '4.3 Communication and Authentication',
  '5. Services',
  '5.1 Incident Response',
  '5.1.1 Incident Triage',
  '5.1.2 Incident Coordination',
  '5.1.3 Incident Resolution',
  '5.2 Proactive Activities',
  '6. Incident Reporting Forms',
  '7. Disclaimers',
];

describe('the RFC 2350 profile over HTTP', () => {
  let server: TestServer;
  let admin: HttpClient;
  let projectId: string;
  let path: string;
  let team: { publicKey: string; privateKey: string };
  let stranger: { publicKey: string; privateKey: string };
  const put = (body: unknown, client = admin) => client.request('PUT', path, body);
  const current = () => admin.get(path).expect<State>(200);

  before(async () => {
    server = await startTestServer();
    admin = await server.adminClient();
    const keyPair = (name: string, passphrase?: string) =>
      openpgp.generateKey({
        type: 'curve25519',
        userIDs: [{ name, email: `${name.toLowerCase()}@example.org` }],
        passphrase,
        format: 'armored',
      });
    [team, stranger] = await Promise.all([
      keyPair('CERT-KE', 'team passphrase'),
      keyPair('Someone'),
    ]);
    const project = await admin
      .post('/api/toolkit/projects', { name: 'KE-CIRT', kind: 'national', iso3: 'KEN' })
      .expect<{ id: string }>(201);
    projectId = project.id;
    path = `/api/toolkit/projects/${projectId}/rfc2350`;
  });
  after(() => server.close());

  it('starts from the project: team name, country and an expiry under a year', async () => {
    const state = await current();
    assert.equal(state.saved, false);
    assert.equal(state.revision, 0);
    assert.equal(state.canEdit, true);
    assert.equal(state.profile.contact.teamName, 'KE-CIRT');
    assert.equal(state.profile.contact.address, 'Kenya');
    const expires = Date.parse(state.profile.securityTxt.expires as string);
    assert.ok(expires > Date.now() && expires < Date.now() + 365 * 24 * 3600 * 1000);
    assert.deepEqual(
      state.securityTxt.problems.map((p) => `${p.severity} ${p.field}`),
      ['error securityTxt.contacts'],
    );
    const french = await admin.get(`${path}?lang=fr`).expect<State>(200);
    assert.equal(french.profile.contact.address, 'Kenya');
  });

  it('saves a profile with its public key, shows the fingerprint and audits the change', async () => {
    const { profile } = await current();
    profile.contact.email = 'incident@cert.go.ke';
    profile.contact.publicKey = team.publicKey;
    profile.contact.timeZone = 'EAT (UTC+03:00)';
    (profile.charter as Record<string, string>).mission = 'To protect Kenyan cyberspace.';
    profile.securityTxt.contacts = ['mailto:incident@cert.go.ke', 'tel:+254-20-000-0000'];
    profile.securityTxt.canonical = ['https://cert.go.ke/.well-known/security.txt'];
    const saved = await put({ revision: 0, profile }).expect<State>(200);
    assert.equal(saved.saved, true);
    assert.equal(saved.revision, 1);
    const fingerprint = (await openpgp.readKey({ armoredKey: team.publicKey }))
      .getFingerprint()
      .toUpperCase();
    assert.equal(saved.key?.fingerprint, fingerprint);
    assert.deepEqual(saved.key?.userIds, ['CERT-KE <cert-ke@example.org>']);
    assert.deepEqual(saved.securityTxt.problems, []);
    const audit = await admin
      .get(`/api/audit?action=toolkit.rfc2350_update&entityId=${projectId}`)
      .expect<{ items: { after: { revision: number } }[] }>(200);
    assert.equal(audit.items[0]?.after.revision, 1);
  });

  it('refuses a public key that is not a key, precisely, and saves nothing', async () => {
    const { profile } = await current();
    for (const [value, message] of [
      ['my key is on the website', /^is not an OpenPGP public key/],
      [team.privateKey, /^is a private key: paste only the public key/],
    ] as const) {
      const problem = await put({
        revision: 1,
        profile: { ...profile, contact: { ...profile.contact, publicKey: value, phone: '+254 1' } },
      }).expect<Problem>(422);
      assert.equal(problem.code, 'validation_failed');
      assert.equal(problem.errors?.length, 1);
      assert.equal(problem.errors?.[0]?.field, 'body.profile.contact.publicKey');
      assert.match(problem.errors[0].message, message);
    }
    const after = await current();
    assert.equal(after.revision, 1);
    assert.equal(after.profile.contact.phone, '');
    assert.equal(after.profile.contact.publicKey, team.publicKey.trim());
  });

  it('names every field with a wrong format, and refuses a stale revision with 409', async () => {
    const { profile } = await current();
    const problem = await put({
      revision: 1,
      profile: {
        ...profile,
        contact: { ...profile.contact, email: 'nobody' },
        securityTxt: { ...profile.securityTxt, contacts: ['http://cert.go.ke'], expires: 'soon' },
        services: { ...profile.services, offered: ['NOPE-1'] },
      },
    }).expect<Problem>(422);
    assert.deepEqual(problem.errors?.map((e) => e.field).sort(), [
      'body.profile.contact.email',
      'body.profile.securityTxt.contacts.0',
      'body.profile.securityTxt.expires',
      'body.profile.services.offered.0',
    ]);
    const shape = await put({ revision: 1, profile: { ...profile, extra: 1 } }).expect<Problem>(
      422,
    );
    assert.equal(shape.code, 'validation_failed');
    const stale = await put({ revision: 0, profile }).expect<Problem>(409);
    assert.equal(stale.code, 'conflict');
  });

  it('exports the document as text, HTML, Markdown and JSON, every template section in each', async () => {
    const text = await admin.get(`${path}.txt`);
    assert.equal(text.status, 200);
    assert.match(text.headers.get('content-type')!, /^text\/plain; charset=utf-8/);
    assert.match(
      text.headers.get('content-disposition')!,
      /attachment; filename="KE-CIRT-rfc2350\.txt"/,
    );
    const lines = text.text.split('\n');
    for (const heading of headings) assert.ok(lines.includes(heading), heading);
    assert.match(text.text, /To protect Kenyan cyberspace\./);
    assert.match(text.text, /Key fingerprint: [0-9A-F]{4}( [0-9A-F]{4}){9}/);
    const html = await admin.get(`${path}.html?lang=ar`);
    assert.match(html.headers.get('content-type')!, /^text\/html/);
    assert.match(html.text, /<html lang="ar" dir="rtl">/);
    const md = await admin.get(`${path}.md`);
    assert.match(md.headers.get('content-type')!, /^text\/markdown/);
    for (const heading of headings) assert.ok(md.text.includes(`# ${heading}\n`), heading);
    const exported = await admin
      .get(`${path}.json`)
      .expect<{ format: string; revision: number }>(200);
    assert.equal(exported.format, 'cirtkit.rfc2350');
    // The export goes back in as it is.
    const reimported = await put(exported).expect<State>(200);
    assert.equal(reimported.revision, 2);
    assert.equal(reimported.profile.contact.email, 'incident@cert.go.ke');
  });

  it(
    'prints the document to PDF',
    { skip: !existsSync(chromiumPath()) && 'no Chromium' },
    async () => {
      const pdf = await admin.get(`${path}.pdf`);
      assert.equal(pdf.status, 200);
      assert.equal(pdf.headers.get('content-type'), 'application/pdf');
      assert.ok(pdf.text.startsWith('%PDF'));
    },
  );

  it('serves security.txt as text, and refuses one that would not be valid', async () => {
    const answer = await admin.get(`/api/toolkit/projects/${projectId}/security.txt`);
    assert.equal(answer.status, 200);
    assert.equal(answer.headers.get('content-type'), 'text/plain; charset=utf-8');
    assert.match(answer.text, /^Contact: mailto:incident@cert\.go\.ke$/m);
    assert.match(answer.text, /^Contact: tel:\+254-20-000-0000$/m);
    assert.match(answer.text, /^Expires: \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/m);
    const other = await admin
      .post('/api/toolkit/projects', { name: 'Chad CIRT', kind: 'national', iso3: 'TCD' })
      .expect<{ id: string }>(201);
    const problem = await admin
      .get(`/api/toolkit/projects/${other.id}/security.txt`)
      .expect<Problem>(422);
    assert.deepEqual(
      problem.errors?.map((e) => e.field),
      ['profile.securityTxt.contacts'],
    );
  });

  it('previews an unsaved profile with its problems, without saving it', async () => {
    const { profile } = await current();
    const preview = await admin
      .post(`${path}/preview`, {
        profile: {
          ...profile,
          contact: { ...profile.contact, teamName: 'Draft name', email: 'x' },
        },
        lang: 'es',
      })
      .expect<{ text: string; securityTxt: { text: string }; issues: { field: string }[] }>(200);
    assert.match(preview.text, /^Descripción de Draft name según el RFC 2350$/m);
    assert.match(preview.securityTxt.text, /^Contact: mailto:/m);
    assert.deepEqual(
      preview.issues.map((i) => i.field),
      ['contact.email'],
    );
    assert.equal((await current()).profile.contact.teamName, 'KE-CIRT');
  });

  it('signs the document and verifies it against the profile key; the private key is not kept', async () => {
    const signed = await admin
      .post(`${path}/sign`, {
        document: 'rfc2350',
        privateKey: team.privateKey,
        passphrase: 'team passphrase',
      })
      .expect<{ signedText: string; fingerprint: string; warnings: unknown[] }>(200);
    assert.match(signed.signedText, /^-----BEGIN PGP SIGNED MESSAGE-----/);
    assert.deepEqual(signed.warnings, []);
    const verified = await admin
      .post(`${path}/verify`, { signedText: signed.signedText })
      .expect<{ valid: boolean; fingerprint: string; signedAt: string; matches: string }>(200);
    assert.equal(verified.valid, true);
    assert.equal(verified.fingerprint, signed.fingerprint);
    assert.equal(verified.matches, 'rfc2350');
    assert.ok(Math.abs(Date.parse(verified.signedAt) - Date.now()) < 60_000);
    const changed = await admin
      .post(`${path}/verify`, { signedText: signed.signedText.replace('KE-CIRT', 'KE-CIRX') })
      .expect<{ valid: boolean; reason: string }>(200);
    assert.equal(changed.valid, false);
    assert.equal(changed.reason, 'the text was changed after it was signed');
    const { kysely } = server.testDb.db;
    const stored = [
      ...(await kysely.selectFrom('toolkit_documents').select('json').execute()).map((r) => r.json),
      ...(await kysely.selectFrom('audit_log').selectAll().execute()).map((r) => JSON.stringify(r)),
    ].join('\n');
    assert.ok(!stored.includes('PRIVATE KEY'), 'a private key reached the database');
    assert.ok(!stored.includes('team passphrase'), 'the passphrase reached the database');
  });

  it('signs security.txt with another key but warns; verification then names the signer', async () => {
    const signed = await admin
      .post(`${path}/sign`, { document: 'security.txt', privateKey: stranger.privateKey })
      .expect<{ signedText: string; warnings: { code: string }[] }>(200);
    assert.deepEqual(
      signed.warnings.map((w) => w.code),
      ['key_mismatch'],
    );
    assert.match(signed.signedText, /\nContact: mailto:incident@cert\.go\.ke\n/);
    const verdict = await admin
      .post(`${path}/verify`, { signedText: signed.signedText })
      .expect<{ valid: boolean; reason: string; fingerprint: string | null }>(200);
    assert.equal(verdict.valid, false);
    assert.match(verdict.reason, /^signed with key [0-9A-F]{16}, which is not the given key/);
    const withKey = await admin
      .post(`${path}/verify`, { signedText: signed.signedText, publicKey: stranger.publicKey })
      .expect<{ valid: boolean; matches: string }>(200);
    assert.equal(withKey.valid, true);
    assert.equal(withKey.matches, 'security.txt');
  });

  it('answers a wrong passphrase, a public key given to sign and an unsigned text with precise problems', async () => {
    const cases: Array<[string, unknown, string, RegExp]> = [
      [
        'sign',
        { document: 'rfc2350', privateKey: team.privateKey, passphrase: 'nope' },
        'passphrase',
        /^does not unlock this private key$/,
      ],
      [
        'sign',
        { document: 'rfc2350', privateKey: team.publicKey },
        'privateKey',
        /^is a public key/,
      ],
      ['verify', { signedText: 'Contact: mailto:a@example.org' }, 'signedText', /^is not signed/],
    ];
    for (const [action, body, field, message] of cases) {
      const problem = await admin.post(`${path}/${action}`, body).expect<Problem>(422);
      assert.equal(problem.errors?.[0]?.field, field);
      assert.match(problem.errors[0].message, message);
    }
  });

  it('lets a viewer member read and verify but not save or sign; hides the project from others', async () => {
    const viewer = await server.userClient('reader@example.org', 'viewer');
    await admin
      .post(`/api/toolkit/projects/${projectId}/members`, {
        email: 'reader@example.org',
        role: 'viewer',
      })
      .expect(201);
    const state = await viewer.client.get(path).expect<State>(200);
    assert.equal(state.canEdit, false);
    await put({ revision: state.revision, profile: state.profile }, viewer.client).expect(403);
    await viewer.client
      .post(`${path}/sign`, { document: 'rfc2350', privateKey: team.privateKey, passphrase: 'x' })
      .expect(403);
    await viewer.client.get(`${path}.txt`).then((a) => assert.equal(a.status, 200));
    const outsider = await server.userClient('outsider@example.org', 'analyst');
    await outsider.client.get(path).expect(404);
    await outsider.client.get(`/api/toolkit/projects/${projectId}/security.txt`).expect(404);
  });
});
