import { parseLookupQuery } from '../constituents/index.js';
import type { ObservableKind } from './incident.schema.js';

/**
 * Observables as the incident keeps them: one canonical form per kind, so the same IP address
 * or hash typed twice is one observable. Network observables (IP, domain, URL, e-mail, AS
 * number) go through the constituents' query parser, so defanged forms (hxxp, [.]) are
 * understood; hashes are lower-case hex of the right length.
 */
export type NormalisedObservable =
  | { ok: true; kind: ObservableKind; value: string; lookup: boolean }
  | { ok: false; message: string };

const hashLength: Partial<Record<ObservableKind, number>> = { md5: 32, sha1: 40, sha256: 64 };

export function normaliseObservable(kind: ObservableKind, raw: string): NormalisedObservable {
  const value = raw.trim();
  if (value === '') return { ok: false, message: 'must not be empty' };
  const length = hashLength[kind];
  if (length !== undefined) {
    const hex = value.toLowerCase();
    return new RegExp(`^[0-9a-f]{${length}}$`).test(hex)
      ? { ok: true, kind, value: hex, lookup: false }
      : { ok: false, message: `must be ${length} hexadecimal digits for ${kind}` };
  }
  if (kind === 'file') return { ok: true, kind, value, lookup: false };
  const parsed = parseLookupQuery(value);
  if (!parsed.ok) return { ok: false, message: parsed.message };
  const actual = parsed.kind;
  // An address with a prefix length is a network: still an ipv4/ipv6 observable.
  if (actual !== kind) return { ok: false, message: `reads as ${actual}, not ${kind}` };
  return { ok: true, kind, value: parsed.normalised, lookup: true };
}
