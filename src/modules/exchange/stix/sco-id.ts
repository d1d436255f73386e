/**
 * Deterministic identifiers of SCOs (specification section 2.9 and each SCO's "ID Contributing
 * Properties" in section 6): a UUIDv5 (RFC 4122 section 4.3, SHA-1) in the STIX namespace over
 * the canonical JSON (RFC 8785) of the object's contributing properties. The same observable
 * gets the same id on every instance and in every STIX tool.
 */
import { createHash, randomUUID } from 'node:crypto';
import { canonicalJson } from './jcs.js';

export const stixNamespace = '00abedb4-aa42-466c-9c01-fed23315a9b7';

/** UUIDv5 of `name` (UTF-8) in `namespace`. */
export function uuidv5(name: string, namespace: string): string {
  const sha1 = createHash('sha1')
    .update(Buffer.from(namespace.replace(/-/g, ''), 'hex'))
    .update(name, 'utf8')
    .digest();
  sha1[6] = (sha1[6]! & 0x0f) | 0x50;
  sha1[8] = (sha1[8]! & 0x3f) | 0x80;
  const hex = sha1.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The ID contributing properties of each SCO type (section 6). */
export const idContributingProperties: Readonly<Record<string, readonly string[]>> = {
  artifact: ['hashes', 'payload_bin'],
  'autonomous-system': ['number'],
  directory: ['path'],
  'domain-name': ['value'],
  'email-addr': ['value'],
  'email-message': ['from_ref', 'subject', 'body'],
  file: ['hashes', 'name', 'extensions', 'parent_directory_ref'],
  'ipv4-addr': ['value'],
  'ipv6-addr': ['value'],
  'mac-addr': ['value'],
  mutex: ['name'],
  'network-traffic': [
    'start',
    'end',
    'src_ref',
    'dst_ref',
    'src_port',
    'dst_port',
    'protocols',
    'extensions',
  ],
  process: [],
  software: ['name', 'cpe', 'swid', 'vendor', 'version'],
  url: ['value'],
  'user-account': ['account_type', 'user_id', 'account_login'],
  'windows-registry-key': ['key', 'values'],
  'x509-certificate': ['hashes', 'serial_number'],
};

/**
 * A top-level `hashes` contributes one hash: MD5, else SHA-1, else SHA-256, else SHA-512, else
 * the first listed (the order of the OASIS reference implementation, cti-python-stix2).
 */
function oneHash(hashes: Record<string, unknown>): Record<string, unknown> | undefined {
  for (const name of ['MD5', 'SHA-1', 'SHA-256', 'SHA-512'])
    if (hashes[name] !== undefined) return { [name]: hashes[name] };
  const first = Object.keys(hashes)[0];
  return first === undefined ? undefined : { [first]: hashes[first] };
}

/** The object whose canonical JSON names an SCO, or undefined when nothing contributes. */
export function idContributions(sco: {
  type: string;
  [key: string]: unknown;
}): Record<string, unknown> | undefined {
  const properties = idContributingProperties[sco.type];
  if (!properties) return undefined;
  const contributions: Record<string, unknown> = {};
  for (const property of properties) {
    const value = sco[property];
    if (value === undefined) continue;
    if (property === 'hashes' && typeof value === 'object' && value !== null) {
      const hash = oneHash(value as Record<string, unknown>);
      if (hash) contributions.hashes = hash;
    } else {
      contributions[property] = value;
    }
  }
  return Object.keys(contributions).length > 0 ? contributions : undefined;
}

/**
 * The deterministic id of an SCO, or undefined when its type has no contributing property
 * present (process, or an object without them: the specification then wants a UUIDv4).
 *
 * @example
 *   deterministicScoId({ type: 'ipv4-addr', value: '198.51.100.3' })
 *   // 'ipv4-addr--28bb3599-77cd-5a82-a950-b5bc3caf07c4'
 */
export function deterministicScoId(sco: {
  type: string;
  [key: string]: unknown;
}): string | undefined {
  const contributions = idContributions(sco);
  if (!contributions) return undefined;
  return `${sco.type}--${uuidv5(canonicalJson(contributions), stixNamespace)}`;
}

/** The id an SCO should carry: deterministic when it can be, else a fresh UUIDv4. */
export function scoId(sco: { type: string; [key: string]: unknown }): string {
  return deterministicScoId(sco) ?? `${sco.type}--${randomUUID()}`;
}

/**
 * The SCO with its id set as the specification asks (properties in the order given, id after
 * type and spec_version).
 *
 * @example
 *   withScoId({ type: 'domain-name', spec_version: '2.1', value: 'example.com' }).id
 */
export function withScoId<T extends { type: string; [key: string]: unknown }>(
  sco: T,
): T & { id: string } {
  const { type, spec_version, ...rest } = sco;
  const body = { ...rest };
  delete body.id;
  const head = spec_version === undefined ? { type } : { type, spec_version };
  return { ...head, id: scoId(sco), ...body } as unknown as T & { id: string };
}
