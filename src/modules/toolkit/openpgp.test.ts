import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import * as openpgp from 'openpgp';
import { AppError } from '../../kernel/index.js';
import {
  armourKind,
  groupFingerprint,
  readPublicKey,
  signCleartext,
  verifyCleartext,
} from './openpgp.js';

/** A small, fast key pair made for the test (curve25519), protected by a passphrase. */
async function keyPair(
  name: string,
  passphrase = 'open sesame',
  extra: { date?: Date; keyExpirationTime?: number } = {},
) {
  return openpgp.generateKey({
    type: 'curve25519',
    userIDs: [{ name, email: `${name.toLowerCase().replace(/\W+/g, '')}@example.org` }],
    passphrase,
    format: 'armored',
    ...extra,
  });
}

/** The field and message of the validation error a promise rejects with. */
async function refusal(promise: Promise<unknown>): Promise<{ field: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof AppError, String(error));
    assert.equal(error.code, 'validation_failed');
    return error.issues![0]!;
  }
  assert.fail('expected a refusal');
}

describe('OpenPGP keys, signatures and verification', () => {
  let team: Awaited<ReturnType<typeof keyPair>>;
  let other: Awaited<ReturnType<typeof keyPair>>;
  before(async () => {
    [team, other] = await Promise.all([keyPair('Test CERT'), keyPair('Someone Else', '')]);
  });

  it('reads a public key: fingerprint, key id, user ids, algorithm, no expiry', async () => {
    const info = await readPublicKey(team.publicKey, { usableAt: new Date() });
    const key = await openpgp.readKey({ armoredKey: team.publicKey });
    assert.equal(info.fingerprint, key.getFingerprint().toUpperCase());
    assert.match(info.fingerprint, /^[0-9A-F]{40}$/);
    assert.equal(info.keyId, info.fingerprint.slice(-16));
    assert.deepEqual(info.userIds, ['Test CERT <testcert@example.org>']);
    assert.equal(info.algorithm, 'Ed25519');
    assert.equal(info.expires, null);
    assert.equal(groupFingerprint('abcd1234ef'), 'ABCD 1234 EF');
  });

  it('refuses what is not a public key, saying what it is instead', async () => {
    // openpgp's overloads mention web streams, which Node's types lack: name the one used.
    const encrypt = openpgp.encrypt as (options: {
      message: openpgp.Message<string>;
      encryptionKeys: openpgp.Key;
    }) => Promise<string>;
    const encrypted = await encrypt({
      message: await openpgp.createMessage({ text: 'x' }),
      encryptionKeys: await openpgp.readKey({ armoredKey: team.publicKey }),
    });
    const cases: Array<[string, RegExp]> = [
      ['hello, this is not a key', /is not an OpenPGP public key: paste the ASCII-armoured block/],
      [team.privateKey, /is a private key: paste only the public key/],
      [encrypted, /is an OpenPGP message, not a public key/],
      [
        team.publicKey.replace(/\n[A-Za-z0-9+/]{20}/, '\n'),
        /is not a readable OpenPGP public key \(/,
      ],
      [`${team.publicKey}\n${other.publicKey}`, /holds 2 keys: paste exactly one public key/],
    ];
    for (const [input, message] of cases) {
      const issue = await refusal(
        readPublicKey(input, { field: 'body.profile.contact.publicKey' }),
      );
      assert.equal(issue.field, 'body.profile.contact.publicKey');
      assert.match(issue.message, message);
    }
    assert.equal(armourKind('-----BEGIN PGP SIGNATURE-----'), 'signature');
  });

  it('refuses an expired key when it must be usable, and still describes it otherwise', async () => {
    const day = 24 * 3600 * 1000;
    const old = await keyPair('Old CERT', 'pw', {
      date: new Date(Date.now() - 3 * day),
      keyExpirationTime: 86400,
    });
    const info = await readPublicKey(old.publicKey);
    assert.ok(info.expires && Date.parse(info.expires) < Date.now());
    const issue = await refusal(readPublicKey(old.publicKey, { usableAt: new Date() }));
    assert.match(issue.message, /^expired on \d{4}-\d{2}-\d{2} \(key [0-9A-F]{40}\)/);
  });

  it('signs a text and verifies it: round trip with signer, date and text', async () => {
    const text = 'Contact: mailto:cert@example.org\nExpires: 2030-01-01T00:00:00Z\n';
    const at = new Date();
    const signed = await signCleartext(text, team.privateKey, 'open sesame', at);
    assert.match(
      signed.signedText,
      /^-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA\d+\n\nContact: mailto:/,
    );
    assert.match(
      signed.signedText,
      /-----BEGIN PGP SIGNATURE-----[\s\S]+-----END PGP SIGNATURE-----/,
    );
    const info = await readPublicKey(team.publicKey);
    assert.equal(signed.fingerprint, info.fingerprint);
    const result = await verifyCleartext(signed.signedText, team.publicKey);
    assert.equal(result.valid, true, result.reason ?? '');
    assert.equal(result.fingerprint, info.fingerprint);
    assert.equal(result.signedAt, new Date(Math.floor(at.getTime() / 1000) * 1000).toISOString());
    assert.equal(result.text.trimEnd(), text.trimEnd());
    assert.equal(result.reason, null);
  });

  it('says a changed text or another key does not verify, and why', async () => {
    const signed = await signCleartext(
      'Mission: respond to incidents.',
      team.privateKey,
      'open sesame',
    );
    const changed = await verifyCleartext(
      signed.signedText.replace('respond', 'ignore'),
      team.publicKey,
    );
    assert.equal(changed.valid, false);
    assert.equal(changed.reason, 'the text was changed after it was signed');
    const wrongKey = await verifyCleartext(signed.signedText, other.publicKey);
    assert.equal(wrongKey.valid, false);
    assert.equal(wrongKey.fingerprint, null);
    assert.match(
      wrongKey.reason!,
      new RegExp(`signed with key ${signed.keyId}, which is not the given key`),
    );
  });

  it('signs with a key that has no passphrase, and refuses bad private keys and passphrases precisely', async () => {
    const plain = await signCleartext('x', other.privateKey, '');
    assert.equal((await verifyCleartext(plain.signedText, other.publicKey)).valid, true);
    assert.deepEqual(await refusal(signCleartext('x', team.privateKey, 'wrong')), {
      field: 'passphrase',
      message: 'does not unlock this private key',
      rule: 'wrong_passphrase',
    });
    assert.match((await refusal(signCleartext('x', team.privateKey, ''))).message, /is needed/);
    const asPublic = await refusal(signCleartext('x', team.publicKey, 'open sesame'));
    assert.deepEqual(asPublic, {
      field: 'privateKey',
      message: 'is a public key: signing needs the private key',
      rule: 'public_not_private',
    });
    assert.equal((await refusal(signCleartext('x', 'garbage', ''))).field, 'privateKey');
  });

  it('refuses to verify a text that is not signed', async () => {
    const issue = await refusal(
      verifyCleartext('Contact: mailto:cert@example.org', team.publicKey),
    );
    assert.equal(issue.field, 'signedText');
    assert.match(issue.message, /^is not signed/);
  });
});

describe(
  'interoperability with GnuPG',
  { skip: !existsSync('/usr/bin/gpg') && 'gpg not installed' },
  () => {
    const home = mkdtempSync(path.join(os.tmpdir(), 'cirtkit-gpg-'));
    const gpg = (args: string[], input?: string) =>
      execFileSync(
        'gpg',
        ['--homedir', home, '--batch', '--pinentry-mode', 'loopback', '--passphrase', '', ...args],
        {
          input,
          encoding: 'utf8',
          stdio: ['pipe', 'pipe', 'pipe'],
        },
      );
    after(() => rmSync(home, { recursive: true, force: true }));

    it('reads a key made by gpg, signs for gpg and verifies what gpg signed', async () => {
      gpg(['--quick-gen-key', 'GPG CERT <gpg@example.org>', 'ed25519', 'sign', 'never']);
      const publicKey = gpg(['--armor', '--export', 'gpg@example.org']);
      const privateKey = gpg(['--armor', '--export-secret-keys', 'gpg@example.org']);
      const info = await readPublicKey(publicKey, { usableAt: new Date() });
      assert.deepEqual(info.userIds, ['GPG CERT <gpg@example.org>']);
      const text = 'Contact: mailto:gpg@example.org\n- a line that needs dash escaping\n';
      const ours = await signCleartext(text, privateKey, '');
      const file = path.join(home, 'ours.txt');
      writeFileSync(file, ours.signedText);
      gpg(['--verify', file]); // throws on a bad signature
      writeFileSync(file, ours.signedText.replace('dash', 'DASH'));
      assert.throws(() => gpg(['--verify', file]));
      const theirs = gpg(['--clearsign', '--local-user', 'gpg@example.org'], text);
      const verdict = await verifyCleartext(theirs, publicKey);
      assert.equal(verdict.valid, true, verdict.reason ?? '');
      assert.equal(verdict.fingerprint, info.fingerprint);
      assert.equal(verdict.text.trimEnd(), text.trimEnd());
    });
  },
);
