import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { simpleParser } from 'mailparser';
import * as openpgp from 'openpgp';
import type { HttpClient } from '../support/http.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { startSmtpServer, type ReceivedMail, type TestSmtpServer } from '../support/smtp.js';

interface Problem {
  code: string;
  detail: string;
  errors?: { field: string; message: string }[];
}
interface Planned {
  recipient: number;
  to: { email: string; orgId: string | null; contactId: string | null };
  lang: string;
  subject: string;
  text: string;
  pgp: { sign: boolean; encrypt: boolean };
  allowed: boolean;
  refusal: { rule: string; message: string } | null;
}

async function keyPair(name: string, email: string, passphrase?: string) {
  return openpgp.generateKey({
    type: 'curve25519',
    userIDs: [{ name, email }],
    ...(passphrase ? { passphrase } : {}),
    format: 'armored',
  });
}

/** The armoured block of the second part of a multipart/encrypted message. */
function encryptedBlock(mail: ReceivedMail): string {
  const raw = mail.raw.toString();
  const start = raw.indexOf('-----BEGIN PGP MESSAGE-----');
  const end = raw.indexOf('-----END PGP MESSAGE-----') + '-----END PGP MESSAGE-----'.length;
  assert.ok(start > 0, 'the message carries an OpenPGP message');
  return raw.slice(start, end);
}

describe('notifications to affected constituents over a real SMTP server', () => {
  let server: TestServer;
  let smtp: TestSmtpServer;
  let admin: HttpClient;
  let dir: string;
  let team: Awaited<ReturnType<typeof keyPair>>;
  let water: Awaited<ReturnType<typeof keyPair>>;
  let waterOrg: { id: string };
  let farOrg: { id: string };
  let amina: { id: string };
  let omar: { id: string };
  let incident: { id: string; reference: string };

  before(async () => {
    smtp = await startSmtpServer();
    dir = mkdtempSync(path.join(os.tmpdir(), 'cirtkit-notify-'));
    [team, water] = await Promise.all([
      keyPair('Test CIRT', 'cirt@cirt.example.org', 'team secret'),
      keyPair('Amina', 'amina@water.example'),
    ]);
    writeFileSync(path.join(dir, 'team.asc'), team.privateKey);
    server = await startTestServer({
      CIRTKIT_SMTP_URL: smtp.url,
      CIRTKIT_MAIL_FROM: 'cirt@cirt.example.org',
      CIRTKIT_PGP_KEY_FILE: path.join(dir, 'team.asc'),
      CIRTKIT_PGP_PASSPHRASE: 'team secret',
    });
    admin = await server.adminClient();
    waterOrg = await admin
      .post('/api/constituents/orgs', {
        name: 'Water Authority',
        sector: 'water',
        language: 'ar',
        notifyPgp: 'sign-encrypt',
      })
      .expect(201);
    amina = await admin
      .post(`/api/constituents/orgs/${waterOrg.id}/contacts`, {
        name: 'Amina',
        email: 'amina@water.example',
        languages: ['fr'],
        isPrimary: true,
        pgpKey: water.publicKey,
      })
      .expect(201);
    omar = await admin
      .post(`/api/constituents/orgs/${waterOrg.id}/contacts`, {
        name: 'Omar',
        email: 'omar@water.example',
      })
      .expect(201);
    await admin
      .post(`/api/constituents/orgs/${waterOrg.id}/ownership`, {
        kind: 'ipv4',
        value: '192.0.2.0/24',
      })
      .expect(201);
    farOrg = await admin
      .post('/api/constituents/orgs', { name: 'Far Away Bank', sector: 'finance-banking' })
      .expect(201);
    await admin
      .post(`/api/constituents/orgs/${farOrg.id}/contacts`, {
        name: 'Lin',
        email: 'lin@bank.example',
        languages: ['zh'],
      })
      .expect(201);
    incident = await admin
      .post('/api/incidents', {
        title: 'Web shell on a pumping-station portal',
        tlp: 'amber',
        observables: [
          { kind: 'ipv4', value: '192.0.2.7' },
          { kind: 'domain', value: 'unrelated.example' },
        ],
      })
      .expect(201);
  });
  after(async () => {
    await server?.close();
    await smtp?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('previews one message per contact in their language, with the TLP and PGP decisions', async () => {
    const preview = await admin
      .post(`/api/incidents/${incident.id}/notifications/preview`, {
        recipients: [
          { orgId: waterOrg.id, contactIds: [amina.id, omar.id] },
          { email: 'someone@elsewhere.example' },
        ],
        message: 'Merci de vérifier ce serveur.',
      })
      .expect<{ canSend: boolean; mailEnabled: boolean; messages: Planned[] }>(200);
    assert.equal(preview.mailEnabled, true);
    const [toAmina, toOmar, toAddress] = preview.messages as [Planned, Planned, Planned];
    // Amina reads French (her language), Omar none: the organisation's Arabic.
    assert.equal(toAmina.lang, 'fr');
    assert.equal(
      toAmina.subject,
      `[${incident.reference}] [TLP:AMBER] Incident de sécurité concernant Water Authority`,
    );
    assert.match(toAmina.text, /Merci de vérifier ce serveur\./);
    // Only the observable the organisation owns is listed to it.
    assert.match(toAmina.text, /- ipv4: 192\.0\.2\.7/);
    assert.doesNotMatch(toAmina.text, /unrelated\.example/);
    assert.deepEqual(toAmina.pgp, { sign: true, encrypt: true });
    assert.equal(toAmina.allowed, true);
    assert.equal(toOmar.lang, 'ar');
    assert.equal(toOmar.refusal?.rule, 'pgp_no_key');
    assert.match(toOmar.refusal.message, /no OpenPGP key/);
    // TLP:AMBER does not go to a free address.
    assert.equal(toAddress.refusal?.rule, 'tlp_amber_address');
    assert.equal(preview.canSend, false);
    assert.ok(!JSON.stringify(preview).includes('BEGIN PGP PUBLIC KEY'), 'keys are not echoed');
  });

  it('refuses the whole notification naming each recipient at fault, and sends nothing', async () => {
    const before = smtp.messages.length;
    const problem = await admin
      .post(`/api/incidents/${incident.id}/notifications`, {
        recipients: [{ orgId: waterOrg.id, contactIds: [amina.id] }, { orgId: farOrg.id }],
      })
      .expect<Problem>(422);
    assert.equal(problem.code, 'validation_failed');
    assert.deepEqual(
      problem.errors?.map((e) => e.field),
      ['recipients.1'],
    );
    assert.match(
      problem.errors[0]!.message,
      /^lin@bank\.example: TLP:AMBER goes only to organisations affected/,
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.equal(smtp.messages.length, before);
  });

  it('sends signed and encrypted mail the contact decrypts and verifies; records it in the timeline and mail store', async () => {
    const sent = await admin
      .post(`/api/incidents/${incident.id}/notifications`, {
        recipients: [{ orgId: waterOrg.id, contactIds: [amina.id] }],
        message: 'Merci de vérifier ce serveur.',
      })
      .expect<{ messages: { mailId: string; status: string; messageId: string; to: string[] }[] }>(
        201,
      );
    const [delivered] = sent.messages;
    assert.equal(delivered?.status, 'sent');
    assert.deepEqual(delivered?.to, ['amina@water.example']);
    const mail = await smtp.waitFor((m) => m.parsed.messageId === delivered.messageId);
    assert.equal(
      mail.parsed.subject,
      `[${incident.reference}] [TLP:AMBER] Incident de sécurité concernant Water Authority`,
    );
    assert.match(mail.raw.toString(), /Content-Type: multipart\/encrypted;/);
    assert.ok(!mail.raw.toString().includes('192.0.2.7'), 'no clear text on the wire');
    const result = await openpgp.decrypt({
      message: await openpgp.readMessage({ armoredMessage: encryptedBlock(mail) }),
      decryptionKeys: await openpgp.readPrivateKey({ armoredKey: water.privateKey }),
      verificationKeys: await openpgp.readKey({ armoredKey: team.publicKey }),
      format: 'binary',
    });
    await result.signatures[0]!.verified; // signed by the team key
    const inner = await simpleParser(Buffer.from(result.data as Uint8Array));
    assert.match(inner.text ?? '', /Bonjour Amina,/);
    assert.match(inner.text ?? '', new RegExp(`Référence : ${incident.reference}`));
    assert.match(inner.text ?? '', /- ipv4: 192\.0\.2\.7/);

    const timeline = await admin
      .get(`/api/incidents/${incident.id}/timeline?kind=mail-out`)
      .expect<{ events: { kind: string; actor: string; body: Record<string, unknown> }[] }>(200);
    const event = timeline.events.at(-1)!;
    assert.equal(event.body.status, 'sent');
    assert.equal(event.body.messageId, delivered.messageId);
    assert.equal(event.body.purpose, 'notification');
    assert.deepEqual(event.body.pgp, { sign: true, encrypt: true });
    const raw = await fetch(
      `${server.baseUrl}/api/incidents/${incident.id}/mail/${delivered.mailId}/raw`,
      {
        headers: { cookie: `cirtkit_session=${admin.cookie('cirtkit_session')}` },
      },
    );
    assert.equal(raw.status, 200);
    assert.ok(
      Buffer.from(await raw.arrayBuffer()).equals(mail.raw),
      'the stored copy is what the server received',
    );
  });

  it('refuses TLP:RED to everyone and answers a reader without access as if the incident did not exist', async () => {
    const red = await admin
      .post('/api/incidents', { title: 'Source-protected report', tlp: 'red' })
      .expect<{ id: string }>(201);
    const problem = await admin
      .post(`/api/incidents/${red.id}/notifications`, {
        recipients: [{ orgId: waterOrg.id, contactIds: [amina.id] }],
      })
      .expect<Problem>(422);
    assert.match(problem.errors![0]!.message, /TLP:RED/);
    const { client: analyst } = await server.userClient('analyst@cirt.example.org', 'analyst');
    await analyst
      .post(`/api/incidents/${red.id}/notifications/preview`, {
        recipients: [{ orgId: waterOrg.id }],
      })
      .expect(404);
    const { client: viewer } = await server.userClient('viewer@cirt.example.org', 'viewer');
    await viewer
      .post(`/api/incidents/${incident.id}/notifications`, { recipients: [{ orgId: waterOrg.id }] })
      .expect(403);
  });

  it('a GREEN incident goes to a typed address in the language asked, signed by the team', async () => {
    const green = await admin
      .post('/api/incidents', { title: 'Open resolver', tlp: 'green' })
      .expect<{ id: string; reference: string }>(201);
    const sent = await admin
      .post(`/api/incidents/${green.id}/notifications`, {
        recipients: [{ email: 'noc@isp.example', name: 'NOC', language: 'ru' }],
      })
      .expect<{ messages: { messageId: string }[] }>(201);
    const mail = await smtp.waitFor((m) => m.parsed.messageId === sent.messages[0]!.messageId);
    assert.equal(
      mail.parsed.subject,
      `[${green.reference}] [TLP:GREEN] Инцидент безопасности, затрагивающий NOC`,
    );
    assert.match(mail.raw.toString(), /Content-Type: multipart\/signed;/);
    assert.match(mail.parsed.text ?? '', /Уважаемый\(ая\) NOC!/);
  });
  it('attaches the notified observables as a .csv or, encrypted with the text, a .json for organisations that ask', async () => {
    const grid = await admin
      .post('/api/constituents/orgs', {
        name: 'Grid Operator',
        sector: 'energy',
        notifyFormat: 'csv',
      })
      .expect<{ id: string }>(201);
    await admin
      .post(`/api/constituents/orgs/${grid.id}/contacts`, {
        name: 'Ada',
        email: 'soc@grid.example',
      })
      .expect(201);
    await admin
      .post(`/api/constituents/orgs/${grid.id}/ownership`, {
        kind: 'ipv4',
        value: '198.51.100.0/24',
      })
      .expect(201);
    const port = await admin
      .post('/api/constituents/orgs', {
        name: 'Port Authority',
        sector: 'transport',
        notifyFormat: 'json',
        notifyPgp: 'sign-encrypt',
      })
      .expect<{ id: string }>(201);
    const portKey = await keyPair('Port SOC', 'soc@port.example');
    await admin
      .post(`/api/constituents/orgs/${port.id}/contacts`, {
        name: 'Pat',
        email: 'soc@port.example',
        pgpKey: portKey.publicKey,
      })
      .expect(201);
    await admin
      .post(`/api/constituents/orgs/${port.id}/ownership`, {
        kind: 'domain',
        value: 'port.example',
      })
      .expect(201);
    const scan = await admin
      .post('/api/incidents', {
        title: 'Scanning from a grid and a port host',
        tlp: 'amber',
        rsitType: 'scanner',
        observables: [
          { kind: 'ipv4', value: '198.51.100.9' },
          { kind: 'domain', value: 'cranes.port.example' },
        ],
      })
      .expect<{ id: string; reference: string }>(201);
    const { observables } = await admin
      .get(`/api/incidents/${scan.id}/observables`)
      .expect<{ observables: { value: string; createdAt: string }[] }>(200);
    const seen = (value: string) => observables.find((o) => o.value === value)!.createdAt;
    const sent = await admin
      .post(`/api/incidents/${scan.id}/notifications`, {
        recipients: [{ orgId: grid.id }, { orgId: port.id }],
      })
      .expect<{ messages: { messageId: string; to: string[] }[] }>(201);
    const id = (to: string) => sent.messages.find((m) => m.to[0] === to)!.messageId;

    const csv = await smtp.waitFor((m) => m.parsed.messageId === id('soc@grid.example'));
    assert.match(csv.parsed.text ?? '', /Grid Operator/);
    assert.deepEqual(
      csv.parsed.attachments.map((a) => [a.filename, a.contentType, a.content.toString()]),
      [
        [
          `${scan.reference}.csv`,
          'text/csv',
          'incident_reference,tlp,rsit_class,rsit_type,observable_type,observable_value,first_seen\r\n' +
            `${scan.reference},TLP:AMBER,information-gathering,scanner,ipv4,198.51.100.9,${seen('198.51.100.9')}\r\n`,
        ],
      ],
    );

    const json = await smtp.waitFor((m) => m.parsed.messageId === id('soc@port.example'));
    assert.match(json.raw.toString(), /Content-Type: multipart\/encrypted;/);
    assert.ok(!json.raw.toString().includes('cranes'), 'the attachment is encrypted too');
    const result = await openpgp.decrypt({
      message: await openpgp.readMessage({ armoredMessage: encryptedBlock(json) }),
      decryptionKeys: await openpgp.readPrivateKey({ armoredKey: portKey.privateKey }),
      verificationKeys: await openpgp.readKey({ armoredKey: team.publicKey }),
      format: 'binary',
    });
    await result.signatures[0]!.verified;
    const inner = await simpleParser(Buffer.from(result.data as Uint8Array));
    assert.match(inner.text ?? '', /Port Authority/);
    assert.deepEqual(
      inner.attachments.map((a) => [a.filename, a.contentType]),
      [[`${scan.reference}.json`, 'application/json']],
    );
    assert.deepEqual(JSON.parse(inner.attachments[0]!.content.toString()), {
      format: 'cirtkit-notification/1',
      incident: {
        reference: scan.reference,
        tlp: 'TLP:AMBER',
        rsitClass: 'information-gathering',
        rsitType: 'scanner',
      },
      observables: [
        { type: 'domain', value: 'cranes.port.example', firstSeen: seen('cranes.port.example') },
      ],
    });
    const events = await admin
      .get(`/api/incidents/${scan.id}/timeline?kind=mail-out`)
      .expect<{ events: { body: { attachment?: string } }[] }>(200);
    assert.deepEqual(events.events.map((e) => e.body.attachment).sort(), [
      `${scan.reference}.csv`,
      `${scan.reference}.json`,
    ]);
  });
});
