/**
 * STIX identifiers (specification section 2.9): `object-type--UUID`, where the type is the `type`
 * of the object named and the UUID is an RFC 4122 UUID. The specification asks for UUIDv4 in
 * SDOs, SROs, meta objects and bundles and UUIDv5 over the ID contributing properties in SCOs
 * (see sco-id.ts); it accepts any RFC 4122 UUID from others.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';

/** The object types of STIX 2.1 by family (sections 4, 5, 6, 7 and 8). */
export const sdoTypes = [
  'attack-pattern',
  'campaign',
  'course-of-action',
  'grouping',
  'identity',
  'incident',
  'indicator',
  'infrastructure',
  'intrusion-set',
  'location',
  'malware',
  'malware-analysis',
  'note',
  'observed-data',
  'opinion',
  'report',
  'threat-actor',
  'tool',
  'vulnerability',
] as const;
export const scoTypes = [
  'artifact',
  'autonomous-system',
  'directory',
  'domain-name',
  'email-addr',
  'email-message',
  'file',
  'ipv4-addr',
  'ipv6-addr',
  'mac-addr',
  'mutex',
  'network-traffic',
  'process',
  'software',
  'url',
  'user-account',
  'windows-registry-key',
  'x509-certificate',
] as const;
export const sroTypes = ['relationship', 'sighting'] as const;
export const metaTypes = [
  'language-content',
  'marking-definition',
  'extension-definition',
] as const;

export type ObjectFamily = 'sdo' | 'sco' | 'sro' | 'meta' | 'bundle' | 'custom';

const family = new Map<string, ObjectFamily>([
  ...sdoTypes.map((t) => [t, 'sdo'] as const),
  ...scoTypes.map((t) => [t, 'sco'] as const),
  ...sroTypes.map((t) => [t, 'sro'] as const),
  ...metaTypes.map((t) => [t, 'meta'] as const),
  ['bundle', 'bundle'],
]);

/** The family of a type name; a type the specification does not define is `custom`. */
export const familyOf = (type: string): ObjectFamily => family.get(type) ?? 'custom';

/** Type names: a–z, 0–9 and hyphens, 3 to 250 characters (section 3.1). */
export const typeNamePattern = /^[a-z][a-z0-9-]{1,248}[a-z0-9]$/;

// RFC 4122: hexadecimal digits are case-insensitive on input; they are written in lower case.
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** Splits `type--uuid` (the UUID in lower case); undefined when the text is not an identifier. */
export function parseStixId(
  id: string,
): { type: string; uuid: string; version: number } | undefined {
  const at = id.indexOf('--');
  if (at < 0) return undefined;
  const type = id.slice(0, at);
  const uuid = id.slice(at + 2);
  if (!typeNamePattern.test(type) || !uuidPattern.test(uuid)) return undefined;
  return { type, uuid: uuid.toLowerCase(), version: Number.parseInt(uuid[14]!, 16) };
}

/** The type named by an identifier (the part before `--`). */
export const typeOfId = (id: string): string => id.slice(0, Math.max(0, id.indexOf('--')));

/** A fresh identifier with a UUIDv4, for SDOs, SROs, meta objects and bundles. */
export const newStixId = <T extends string>(type: T): `${T}--${string}` =>
  `${type}--${randomUUID()}`;

const identifierHelp =
  'must be an identifier type--UUID (an RFC 4122 UUID, e.g. indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f)';

/** Identifiers are read case-insensitively and given in lower case, so they compare as strings. */
const lowerCase = (id: string) => id.toLowerCase();

/** Any identifier. */
export const identifierSchema = z
  .string()
  .refine((id) => parseStixId(id) !== undefined, { error: identifierHelp })
  .transform(lowerCase);

const article = (word: string) => (/^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`);

/** The `id` of an object of type `type`: the prefix must be the object's own type. */
export function stixIdSchema<T extends string>(type: T) {
  return z
    .string()
    .superRefine((id, ctx) => {
      const parsed = parseStixId(id);
      if (!parsed) ctx.addIssue({ code: 'custom', message: identifierHelp });
      else if (parsed.type !== type)
        ctx.addIssue({
          code: 'custom',
          message: `must start with ${type}-- (the object's type), not ${parsed.type}--`,
        });
    })
    .transform(lowerCase) as unknown as z.ZodType<`${T}--${string}`, string>;
}

/**
 * A reference to an object of one of `types` (or, with a predicate, of any type it accepts).
 *
 * @example
 *   refSchema(['identity'])  // created_by_ref
 *   refSchema(['identity', 'location'])  // where_sighted_refs items
 */
export function refSchema(
  types: readonly string[],
  accepts: (type: string) => boolean = (t) => types.includes(t),
  described = types.map(article).join(' or '),
) {
  return z
    .string()
    .superRefine((id, ctx) => {
      const parsed = parseStixId(id);
      if (!parsed) ctx.addIssue({ code: 'custom', message: identifierHelp });
      else if (!accepts(parsed.type))
        ctx.addIssue({
          code: 'custom',
          message: `must reference ${described}, not ${article(parsed.type)} (${id})`,
        });
    })
    .transform(lowerCase);
}

/** SDO or SCO: what a relationship may join (section 5.1: never SROs, meta objects or bundles). */
export const isSdoOrScoType = (type: string): boolean => {
  const f = familyOf(type);
  return f === 'sdo' || f === 'sco' || f === 'custom';
};

/** SDO: what a sighting may be of (section 5.2: an SDO or a custom object). */
export const isSdoType = (type: string): boolean => {
  const f = familyOf(type);
  return f === 'sdo' || f === 'custom';
};
