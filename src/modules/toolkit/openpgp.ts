import * as openpgp from 'openpgp';
import { AppError, type FieldIssue } from '../../kernel/index.js';

/**
 * The team's OpenPGP key: read and describe a public key, sign a text with a private key
 * (cleartext signature, RFC 4880 section 7, as security.txt and RFC 2350 documents are
 * published) and verify such a text. Private keys and passphrases only pass through: nothing
 * here stores or logs them. Every refusal is a `validation_failed` naming the field at fault.
 */
export interface KeyInfo {
  /** Upper-case hex, as `gpg --fingerprint` shows it without spaces. */
  fingerprint: string;
  keyId: string;
  userIds: string[];
  /** e.g. `ed25519`, `rsa 4096`. */
  algorithm: string;
  created: string;
  /** ISO date-time, or null when the key never expires. */
  expires: string | null;
}

/**
 * A field issue with a stable `rule`, so the web can say it in the reader's language and fall
 * back to the English `message`.
 */
export interface RuleIssue extends FieldIssue {
  rule: string;
}

function refuse(field: string, message: string, rule: string): AppError {
  const issue: RuleIssue = { field, message, rule };
  return new AppError('validation_failed', `${field} ${message}`, { issues: [issue] });
}

const libraryMessage = (error: unknown) =>
  (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').slice(0, 200);

/** "BBD5 EAD2 4C0D ..." for people comparing fingerprints by eye. */
export function groupFingerprint(fingerprint: string): string {
  return (fingerprint.toUpperCase().match(/.{1,4}/g) ?? []).join(' ');
}

const armourKinds: Array<[RegExp, string]> = [
  [/-----BEGIN PGP PUBLIC KEY BLOCK-----/, 'public key'],
  [/-----BEGIN PGP PRIVATE KEY BLOCK-----/, 'private key'],
  [/-----BEGIN PGP SIGNED MESSAGE-----/, 'signed message'],
  [/-----BEGIN PGP SIGNATURE-----/, 'signature'],
  [/-----BEGIN PGP MESSAGE-----/, 'message'],
];

/** Which OpenPGP block a text holds, from its armour header, or null if it holds none. */
export function armourKind(text: string): string | null {
  for (const [pattern, kind] of armourKinds) if (pattern.test(text)) return kind;
  return /-----BEGIN PGP /.test(text) ? 'block' : null;
}

/** The key's algorithm as people name it: "RSA 4096", "Ed25519", "ECDSA nistP256". */
function algorithmOf(key: openpgp.Key): string {
  const { algorithm, bits, curve } = key.getAlgorithmInfo();
  if (bits) return `${algorithm.startsWith('rsa') ? 'RSA' : algorithm.toUpperCase()} ${bits}`;
  if (algorithm === 'eddsaLegacy' || algorithm === 'ed25519') return 'Ed25519';
  if (algorithm === 'ed448') return 'Ed448';
  return curve ? `${algorithm.toUpperCase()} ${curve}` : algorithm;
}

async function describe(key: openpgp.Key): Promise<KeyInfo> {
  const expiry = await key.getExpirationTime();
  return {
    fingerprint: key.getFingerprint().toUpperCase(),
    keyId: key.getKeyID().toHex().toUpperCase(),
    userIds: key.getUserIDs(),
    algorithm: algorithmOf(key),
    created: key.getCreationTime().toISOString(),
    expires: expiry instanceof Date ? expiry.toISOString() : null,
  };
}

async function parsePublicKey(armored: string, field: string): Promise<openpgp.Key> {
  const kind = armourKind(armored);
  if (kind === null)
    throw refuse(
      field,
      'is not an OpenPGP public key: paste the ASCII-armoured block that starts with -----BEGIN PGP PUBLIC KEY BLOCK-----',
      'not_a_key',
    );
  if (kind === 'private key')
    throw refuse(
      field,
      'is a private key: paste only the public key (the private key must never leave the team)',
      'private_key',
    );
  if (kind !== 'public key')
    throw refuse(field, `is an OpenPGP ${kind}, not a public key`, 'other_block');
  const blocks = armored.match(/-----BEGIN PGP PUBLIC KEY BLOCK-----/g)?.length ?? 0;
  if (blocks > 1)
    throw refuse(field, `holds ${blocks} keys: paste exactly one public key`, 'several_keys');
  let keys: openpgp.Key[];
  try {
    keys = await openpgp.readKeys({ armoredKeys: armored });
  } catch (error) {
    throw refuse(
      field,
      `is not a readable OpenPGP public key (${libraryMessage(error)})`,
      'unreadable_key',
    );
  }
  if (keys.length !== 1)
    throw refuse(field, `holds ${keys.length} keys: paste exactly one public key`, 'several_keys');
  return keys[0]!;
}

/**
 * Reads an armoured public key and describes it. With `usableAt` the key must also be valid
 * then: not revoked, not expired, with a valid self-signature.
 *
 * @example
 *   const info = await readPublicKey(armored, { usableAt: new Date() }); // info.fingerprint
 */
export async function readPublicKey(
  armored: string,
  options: { field?: string; usableAt?: Date } = {},
): Promise<KeyInfo> {
  const field = options.field ?? 'publicKey';
  const key = await parsePublicKey(armored, field);
  const info = await describe(key);
  if (options.usableAt) {
    if (await key.isRevoked(undefined, undefined, options.usableAt))
      throw refuse(
        field,
        `is revoked (key ${info.fingerprint}): publish the team's current key`,
        'key_revoked',
      );
    if (info.expires !== null && Date.parse(info.expires) <= options.usableAt.getTime())
      throw refuse(
        field,
        `expired on ${info.expires.slice(0, 10)} (key ${info.fingerprint}): publish a key that is still valid`,
        'key_expired',
      );
    try {
      await key.verifyPrimaryKey(options.usableAt);
    } catch (error) {
      throw refuse(field, `is not a valid key (${libraryMessage(error)})`, 'invalid_key');
    }
  }
  return info;
}

export interface Signed {
  signedText: string;
  /** The primary key's fingerprint, to compare with the profile's key. */
  fingerprint: string;
  keyId: string;
}

async function unlock(armored: string, passphrase: string): Promise<openpgp.PrivateKey> {
  const kind = armourKind(armored);
  if (kind === 'public key')
    throw refuse(
      'privateKey',
      'is a public key: signing needs the private key',
      'public_not_private',
    );
  if (kind !== 'private key')
    throw refuse(
      'privateKey',
      'is not an OpenPGP private key: paste the block that starts with -----BEGIN PGP PRIVATE KEY BLOCK-----',
      'not_a_private_key',
    );
  let key: openpgp.PrivateKey;
  try {
    key = await openpgp.readPrivateKey({ armoredKey: armored });
  } catch (error) {
    throw refuse(
      'privateKey',
      `is not a readable OpenPGP private key (${libraryMessage(error)})`,
      'unreadable_key',
    );
  }
  if (key.isDecrypted()) return key;
  if (passphrase === '')
    throw refuse(
      'passphrase',
      'is needed: this private key is protected by a passphrase',
      'passphrase_needed',
    );
  try {
    return await openpgp.decryptKey({ privateKey: key, passphrase });
  } catch {
    throw refuse('passphrase', 'does not unlock this private key', 'wrong_passphrase');
  }
}

/**
 * Signs a text as an OpenPGP cleartext-signed message. The key and passphrase are used for
 * this one call and dropped.
 */
export async function signCleartext(
  text: string,
  armoredPrivateKey: string,
  passphrase: string,
  date: Date = new Date(),
): Promise<Signed> {
  const key = await unlock(armoredPrivateKey.trim(), passphrase);
  try {
    await key.getSigningKey(undefined, date);
  } catch (error) {
    throw refuse('privateKey', `cannot sign (${libraryMessage(error)})`, 'cannot_sign');
  }
  const message = await openpgp.createCleartextMessage({ text });
  const armouredText = await openpgp.sign({ message, signingKeys: key, date });
  return {
    // openpgp.js writes the signed lines with CRLF and the armour with LF; one convention reads
    // better, and the signature covers canonical (CRLF) text either way.
    signedText: armouredText.replace(/\r\n/g, '\n'),
    fingerprint: key.getFingerprint().toUpperCase(),
    keyId: key.getKeyID().toHex().toUpperCase(),
  };
}

export interface Verification {
  valid: boolean;
  /** Fingerprint of the given key when it made the signature, otherwise null. */
  fingerprint: string | null;
  /** Key ID named in the signature (whoever made it). */
  keyId: string | null;
  signedAt: string | null;
  /** The text that was signed, without the armour. */
  text: string;
  /** Why the signature does not hold, when it does not: in English, and as a stable code. */
  reason: string | null;
  reasonCode: 'no_signature' | 'other_key' | 'changed' | 'invalid' | null;
}

/** Checks a cleartext-signed text against a public key. An unsigned text is refused. */
export async function verifyCleartext(
  signedText: string,
  armoredPublicKey: string,
): Promise<Verification> {
  if (armourKind(signedText) !== 'signed message')
    throw refuse(
      'signedText',
      'is not signed: it has no OpenPGP cleartext signature (-----BEGIN PGP SIGNED MESSAGE-----)',
      'not_signed',
    );
  let message: openpgp.CleartextMessage;
  try {
    message = await openpgp.readCleartextMessage({ cleartextMessage: signedText.trim() });
  } catch (error) {
    throw refuse(
      'signedText',
      `is not a readable cleartext signature (${libraryMessage(error)})`,
      'unreadable_signature',
    );
  }
  const key = await parsePublicKey(armoredPublicKey.trim(), 'publicKey');
  const result = await openpgp.verify({ message, verificationKeys: key, expectSigned: false });
  const first = result.signatures[0];
  const text = result.data;
  if (!first)
    return {
      valid: false,
      fingerprint: null,
      keyId: null,
      signedAt: null,
      text,
      reason: 'the text carries no signature',
      reasonCode: 'no_signature',
    };
  const keyId = first.keyID.toHex().toUpperCase();
  let signedAt: string | null = null;
  try {
    const created = (await first.signature).packets[0]?.created;
    signedAt = created ? created.toISOString() : null;
  } catch {
    // An unreadable signature packet leaves the date unknown; `verified` below says why.
  }
  const ours = key.getKeys(first.keyID).length > 0;
  try {
    await first.verified;
    return {
      valid: true,
      fingerprint: key.getFingerprint().toUpperCase(),
      keyId,
      signedAt,
      text,
      reason: null,
      reasonCode: null,
    };
  } catch (error) {
    const changed = /digest|did not match/i.test(libraryMessage(error));
    const reasonCode = !ours ? 'other_key' : changed ? 'changed' : 'invalid';
    const reason = {
      other_key: `signed with key ${keyId}, which is not the given key ${key.getFingerprint().toUpperCase()}`,
      changed: 'the text was changed after it was signed',
      invalid: libraryMessage(error),
    }[reasonCode];
    return { valid: false, fingerprint: null, keyId, signedAt, text, reason, reasonCode };
  }
}
