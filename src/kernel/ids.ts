import { createHash, randomBytes, randomUUID } from 'node:crypto';

/** Entity ids are UUIDs (v4): unguessable, and unique across instances that exchange data. */
export function newId(): string {
  return randomUUID();
}

/** A random secret as URL-safe text, for session cookies, CSRF tokens and API tokens. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** Secrets are stored only as their SHA-256, so a database leak does not leak sessions. */
export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
