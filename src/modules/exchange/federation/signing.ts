/**
 * Signing a team profile with the team's OpenPGP key, and checking a received one against the
 * key the peer directory holds for the peer that sent it.
 */
import { readFile } from 'node:fs/promises';
import { verifyCleartext, signCleartext } from '../../toolkit/index.js';
import type { TeamProfile } from './profile.js';

export type ProfileSigner = (payload: string) => Promise<NonNullable<TeamProfile['signature']>>;

/** A signer over the team key (CIRTKIT_PGP_KEY_FILE), or undefined when none is configured. */
export function teamKeySigner(
  keyFile: string | undefined,
  passphrase: string | undefined,
): ProfileSigner | undefined {
  if (!keyFile) return undefined;
  return async (payload) => {
    // Read for each signature and dropped after: the unlocked key is not kept in memory.
    const signed = await signCleartext(payload, await readFile(keyFile, 'utf8'), passphrase ?? '');
    return { fingerprint: signed.fingerprint, signed: signed.signedText };
  };
}

export type SignatureState =
  | { state: 'verified'; fingerprint: string }
  | { state: 'unsigned' }
  | { state: 'unverifiable'; fingerprint: string; reason: string }
  | { state: 'invalid'; fingerprint: string; reason: string };

/** Whether a profile's signature holds for this payload under the peer's key. */
export async function checkSignature(
  signature: TeamProfile['signature'],
  payload: string,
  peerKey: string | null | undefined,
): Promise<SignatureState> {
  if (!signature) return { state: 'unsigned' };
  const { fingerprint } = signature;
  if (!peerKey)
    return {
      state: 'unverifiable',
      fingerprint,
      reason: 'the peer directory holds no OpenPGP key for the peer that sent it',
    };
  let verification;
  try {
    verification = await verifyCleartext(signature.signed, peerKey);
  } catch (error) {
    return {
      state: 'invalid',
      fingerprint,
      reason: error instanceof Error ? error.message : 'the signature cannot be read',
    };
  }
  if (!verification.valid)
    return { state: 'invalid', fingerprint, reason: verification.reason ?? 'it does not hold' };
  if (verification.text.trim() !== payload)
    return { state: 'invalid', fingerprint, reason: 'it was made over other facts than these' };
  return { state: 'verified', fingerprint: verification.fingerprint ?? fingerprint };
}
