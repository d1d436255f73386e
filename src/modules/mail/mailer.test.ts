import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { simpleParser } from 'mailparser';
import * as openpgp from 'openpgp';
import { startSmtpServer, type TestSmtpServer } from '../../../test/support/smtp.js';
import { AppError, createLogger, type Config } from '../../kernel/index.js';
import { createMailer } from './mailer.js';

async function keyPair(name: string, passphrase?: string) {
  return openpgp.generateKey({
    type: 'curve25519',
    userIDs: [{ name, email: `${name.toLowerCase().replace(/\W+/g, '')}@example.org` }],
    ...(passphrase ? { passphrase } : {}),
    format: 'armored',
  });
}

/** The header block and the parts of a multipart message, each part byte for byte. */
function splitMultipart(raw: Buffer): { headers: string; parts: Buffer[] } {
  const text = raw.toString('latin1');
  const end = text.indexOf('\r\n\r\n');
  const headers = text.slice(0, end).replace(/\r\n[ \t]+/g, ' ');
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(headers)?.[1];
  assert.ok(boundary, `no boundary in ${headers}`);
  const body = text.slice(end + 4);
  const delimiter = `--${boundary}`;
  const pieces = body.split(
    new RegExp(`(?:^|\\r\\n)${delimiter.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
  );
  // pieces: preamble, part 1, part 2, ..., "--" epilogue
  const parts = pieces
    .slice(1)
    .filter((p) => !p.startsWith('--'))
    .map((p) => Buffer.from(p.replace(/^\r\n/, ''), 'latin1'));
  return { headers, parts };
}

const mailConfig = (over: Partial<Config['mail']>): Config['mail'] => ({
  smtpUrl: undefined,
  from: 'cirt@cirt.example.org',
  imapUrl: undefined,
  imapPollSeconds: 60,
  pgpKeyFile: undefined,
  pgpPassphrase: undefined,
  ...over,
});

describe('mailer: SMTP and PGP/MIME (RFC 3156) through a real SMTP server', () => {
  let smtp: TestSmtpServer;
  let dir: string;
  let team: Awaited<ReturnType<typeof keyPair>>;
  let recipient: Awaited<ReturnType<typeof keyPair>>;
  let keyFile: string;
  const logger = createLogger('silent');

  before(async () => {
    smtp = await startSmtpServer();
    dir = mkdtempSync(path.join(os.tmpdir(), 'cirtkit-mailer-'));
    [team, recipient] = await Promise.all([
      keyPair('Test CIRT', 'team passphrase'),
      keyPair('Network Owner'),
    ]);
    keyFile = path.join(dir, 'team.asc');
    writeFileSync(keyFile, team.privateKey);
  });
  after(async () => {
    await smtp.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sends a plain message with an encoded non-ASCII subject and a Message-ID', async () => {
    const mailer = createMailer(mailConfig({ smtpUrl: smtp.url }), logger);
    const sent = await mailer.send({
      to: [{ address: 'owner@example.net', name: 'مالك الشبكة' }],
      subject: '[CIRT-2026-000001] إشعار: نشاط ضار',
      text: 'Line one\nLine two with trailing space \nПривет',
    });
    mailer.close();
    const mail = await smtp.waitFor((m) => m.parsed.messageId === sent.messageId);
    assert.equal(mail.parsed.subject, '[CIRT-2026-000001] إشعار: نشاط ضار');
    assert.deepEqual(mail.envelopeTo, ['owner@example.net']);
    assert.equal(mail.envelopeFrom, 'cirt@cirt.example.org');
    assert.equal(
      mail.parsed.text?.replace(/\r\n/g, '\n').trimEnd(),
      'Line one\nLine two with trailing space \nПривет',
    );
    assert.match(sent.messageId, /^<[0-9a-f-]+@cirt\.example\.org>$/);
    assert.ok(mail.raw.equals(sent.raw), 'the server received exactly what the mailer returned');
  });

  it('puts the team name in From: RFC 2047 words of whole characters, folded, read back as sent', async () => {
    const mailer = createMailer(mailConfig({ smtpUrl: smtp.url }), logger);
    const names = [
      'CIRT of Examplestan',
      'CIRT "Examplestan", Inc.',
      'فريق الاستجابة لطوارئ الحاسوب في إكزامبلستان، الفريق الوطني للاستجابة للحوادث السيبرانية',
      '示例国国家计算机应急响应小组'.repeat(9).slice(0, 120),
      'Группа реагирования на компьютерные инциденты 😀 Примерстана',
    ];
    for (const name of names) {
      const sent = await mailer.send({
        to: [{ address: 'owner@example.net' }],
        fromName: name,
        subject: 'Team name',
        text: 'Hello',
      });
      const mail = await smtp.waitFor((m) => m.parsed.messageId === sent.messageId);
      assert.deepEqual(mail.parsed.from?.value, [{ address: 'cirt@cirt.example.org', name }]);
      assert.equal(mail.envelopeFrom, 'cirt@cirt.example.org');
      const raw = mail.raw.toString('latin1');
      const header = /^From:.*(?:\r\n[ \t].*)*/m.exec(raw)?.[0] ?? '';
      assert.match(header, /^[\x20-\x7e\r\n\t]*$/, 'the header is 7-bit');
      for (const line of header.split('\r\n')) assert.ok(line.length <= 78, line);
      // RFC 2047 section 5: each encoded word holds whole characters, decodable alone.
      for (const [, text] of header.matchAll(/=\?UTF-8\?B\?([^?]*)\?=/g))
        new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(text!, 'base64'));
    }
    const plain = await mailer.send({
      to: [{ address: 'owner@example.net' }],
      subject: 'x',
      text: 'y',
    });
    mailer.close();
    const mail = await smtp.waitFor((m) => m.parsed.messageId === plain.messageId);
    assert.match(
      mail.raw.toString(),
      /^From: cirt@cirt\.example\.org\r$/m,
      'no name: the address alone',
    );
  });

  it('signs with the team key: multipart/signed whose first part verifies byte for byte', async () => {
    const mailer = createMailer(
      mailConfig({ smtpUrl: smtp.url, pgpKeyFile: keyFile, pgpPassphrase: 'team passphrase' }),
      logger,
    );
    assert.equal(mailer.canSign, true);
    const sent = await mailer.send({
      to: [{ address: 'signed@example.net' }],
      subject: '[CIRT-2026-000002] Signed notice',
      text: 'Please check host 192.0.2.7.\nMerci — 谢谢',
      pgp: { sign: true, encryptTo: [] },
    });
    mailer.close();
    const mail = await smtp.waitFor((m) => m.parsed.messageId === sent.messageId);
    const { headers, parts } = splitMultipart(mail.raw);
    assert.match(headers, /Content-Type: multipart\/signed;/i);
    assert.match(headers, /protocol="application\/pgp-signature"/);
    assert.match(headers, /micalg=pgp-sha\d+/);
    assert.equal(parts.length, 2);
    const [signedPart, signaturePart] = parts as [Buffer, Buffer];
    assert.match(signaturePart.toString(), /Content-Type: application\/pgp-signature/);
    const armoredSignature = signaturePart
      .toString()
      .slice(signaturePart.toString().indexOf('-----BEGIN PGP SIGNATURE-----'));
    const verificationKeys = await openpgp.readKey({ armoredKey: team.publicKey });
    const check = async (bytes: Buffer) => {
      const result = await openpgp.verify({
        message: await openpgp.createMessage({ binary: bytes }),
        signature: await openpgp.readSignature({ armoredSignature }),
        verificationKeys,
      });
      return result.signatures[0]!.verified.then(
        () => true,
        () => false,
      );
    };
    assert.equal(await check(signedPart), true, 'signature verifies over the received part');
    const tampered = Buffer.from(
      signedPart.toString('latin1').replace('192.0.2.7', '192.0.2.8'),
      'latin1',
    );
    assert.equal(await check(tampered), false, 'a changed body no longer verifies');
    // The signed part is itself a readable MIME entity with the text.
    const inner = await simpleParser(signedPart);
    assert.equal(inner.text?.trim(), 'Please check host 192.0.2.7.\nMerci — 谢谢');
  });

  it('encrypts to the recipient (and the team): multipart/encrypted the recipient decrypts; sign+encrypt verifies', async () => {
    const mailer = createMailer(
      mailConfig({ smtpUrl: smtp.url, pgpKeyFile: keyFile, pgpPassphrase: 'team passphrase' }),
      logger,
    );
    const secretLine = 'The compromised host is 198.51.100.23';
    const encrypted = await mailer.send({
      to: [{ address: 'enc@example.net' }],
      subject: '[CIRT-2026-000003] Encrypted notice',
      text: secretLine,
      pgp: { sign: false, encryptTo: [recipient.publicKey] },
    });
    const both = await mailer.send({
      to: [{ address: 'both@example.net' }],
      subject: '[CIRT-2026-000004] Signed and encrypted',
      text: secretLine,
      pgp: { sign: true, encryptTo: [recipient.publicKey] },
    });
    mailer.close();
    const recipientKey = await openpgp.readPrivateKey({ armoredKey: recipient.privateKey });
    const teamPublic = await openpgp.readKey({ armoredKey: team.publicKey });
    for (const [sent, signed] of [
      [encrypted, false],
      [both, true],
    ] as const) {
      const mail = await smtp.waitFor((m) => m.parsed.messageId === sent.messageId);
      assert.ok(!mail.raw.toString().includes('198.51.100.23'), 'no clear text on the wire');
      assert.equal(
        mail.parsed.subject,
        sent === both
          ? '[CIRT-2026-000004] Signed and encrypted'
          : '[CIRT-2026-000003] Encrypted notice',
      );
      const { headers, parts } = splitMultipart(mail.raw);
      assert.match(headers, /multipart\/encrypted;/i);
      assert.match(headers, /protocol="application\/pgp-encrypted"/);
      assert.match(parts[0]!.toString(), /application\/pgp-encrypted[\s\S]*Version: 1/);
      const armored = parts[1]!
        .toString()
        .slice(parts[1]!.toString().indexOf('-----BEGIN PGP MESSAGE-----'));
      const result = await openpgp.decrypt({
        message: await openpgp.readMessage({ armoredMessage: armored }),
        decryptionKeys: recipientKey,
        verificationKeys: teamPublic,
        format: 'binary',
      });
      const inner = await simpleParser(Buffer.from(result.data as Uint8Array));
      assert.equal(inner.text?.trim(), secretLine);
      if (signed) await result.signatures[0]!.verified;
      else assert.equal(result.signatures.length, 0);
    }
  });

  it('refuses to send without SMTP settings, and names a passphrase that does not unlock the key', async () => {
    const off = createMailer(mailConfig({}), logger);
    assert.equal(off.enabled, false);
    await assert.rejects(
      off.send({ to: [{ address: 'x@example.net' }], subject: 's', text: 't' }),
      (error: unknown) =>
        error instanceof AppError &&
        error.code === 'not_ready' &&
        /CIRTKIT_SMTP_URL/.test(error.message),
    );
    const wrong = createMailer(
      mailConfig({ smtpUrl: smtp.url, pgpKeyFile: keyFile, pgpPassphrase: 'not it' }),
      logger,
    );
    await assert.rejects(
      wrong.send({
        to: [{ address: 'x@example.net' }],
        subject: 's',
        text: 't',
        pgp: { sign: true, encryptTo: [] },
      }),
      (error: unknown) =>
        error instanceof AppError &&
        error.code === 'validation_failed' &&
        error.issues?.[0]?.field === 'pgp' &&
        /CIRTKIT_PGP_PASSPHRASE/.test(error.issues[0].message),
    );
    wrong.close();
    const unsigned = createMailer(mailConfig({ smtpUrl: smtp.url }), logger);
    await assert.rejects(
      unsigned.send({
        to: [{ address: 'x@example.net' }],
        subject: 's',
        text: 't',
        pgp: { sign: true, encryptTo: [] },
      }),
      (error: unknown) => error instanceof AppError && /CIRTKIT_PGP_KEY_FILE/.test(error.message),
    );
    unsigned.close();
  });
});
