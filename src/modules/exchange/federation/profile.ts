import { z } from 'zod';
import { canonicalJson } from '../stix/jcs.js';
import { cirtkitIdentityId, tlp2MarkingIds, type Tlp } from '../stix/marking-ids.js';
import type { StixObject } from '../stix/schemas.js';

/**
 * The cirtkit team-profile extension (a STIX 2.1 property extension on an identity): what a
 * national CIRT publishes about itself to a regional or ITU coordinator. Its definition is an
 * extension-definition object of its own, with a fixed id so every instance names it alike.
 */
export const teamProfileExtensionId =
  'extension-definition--2f0c3b1e-7a5d-4c3e-9b8f-6d1a2e4c5b7a' as const;
const definedOn = '2026-11-24T00:00:00.000Z';
/** Version 1.1.0 added `signature`: a new version of the definition, as STIX versions objects. */
const revisedOn = '2026-11-24T06:00:00.000Z';

const partialDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be a date as YYYY, YYYY-MM or YYYY-MM-DD');

export const teamProfileSchema = z.strictObject({
  extension_type: z.literal('property-extension'),
  /** The country the team serves, ISO 3166-1 alpha-3. */
  country: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 3166-1 alpha-3 code such as KEN'),
  /** The team's role in its country. */
  team_type: z.enum(['national', 'government', 'sectoral']),
  /** Where the team stands. */
  status: z.enum(['operational', 'being-established', 'planned']),
  established: partialDate.optional(),
  /** The team's maturity by SIM3, as its last finalised self-assessment says. */
  maturity: z
    .strictObject({
      framework: z.literal('SIM3'),
      tier: z.enum(['basic', 'intermediate', 'advanced']),
      assessed_on: z.iso.date('must be a date as YYYY-MM-DD'),
    })
    .optional(),
  /** FIRST CSIRT Services Framework 2.1 service ids the team offers. */
  services: z
    .array(z.string().regex(/^[a-z0-9.-]{1,60}$/))
    .max(100)
    .default([]),
  rfc2350_url: z.url('must be the URL of the RFC 2350 profile').optional(),
  /** Contacts the team allows to be published. */
  contacts: z
    .array(
      z.strictObject({
        role: z.string().max(100).optional(),
        email: z.email('must be an e-mail address'),
        phone: z.string().max(60).optional(),
      }),
    )
    .max(20)
    .default([]),
  /** Progress indicators the team chooses to share (Resolution 58 review). */
  indicators: z
    .array(
      z.strictObject({
        id: z.string().regex(/^[a-z0-9_.-]{1,80}$/, 'must be a short id such as incidents_handled'),
        value: z.union([z.number(), z.string().max(500), z.boolean()]),
        as_of: z.iso.date('must be a date as YYYY-MM-DD'),
      }),
    )
    .max(100)
    .default([]),
  /**
   * The team's OpenPGP cleartext signature over `signedPayload` (the identity's id, name and
   * `modified` with every other property of this extension), made with the team key, and the
   * fingerprint of that key. The receiver checks it with the key its peer directory holds.
   */
  signature: z
    .strictObject({
      fingerprint: z.string().regex(/^[0-9A-F]{40,64}$/, 'must be an OpenPGP fingerprint'),
      signed: z.string().min(1).max(20_000),
    })
    .optional(),
});
export type TeamProfile = z.output<typeof teamProfileSchema>;

/**
 * What a profile's signature covers: the RFC 8785 canonical JSON of the identity's id, name
 * and version with the extension's properties (its signature left out), so that neither the
 * facts nor whose facts they are can change without the signature failing.
 */
export function signedPayload(
  identity: { id: string; name: string; modified: string },
  profile: TeamProfile,
): string {
  const { signature: _signature, ...facts } = profile;
  return canonicalJson({
    id: identity.id,
    name: identity.name,
    modified: identity.modified,
    profile: facts,
  });
}
export type TeamProfileInput = z.input<typeof teamProfileSchema>;

/** The extension's definition; its `schema` is the JSON Schema of the properties, as text. */
export const teamProfileExtension = {
  type: 'extension-definition',
  spec_version: '2.1',
  id: teamProfileExtensionId,
  created_by_ref: cirtkitIdentityId,
  created: definedOn,
  modified: revisedOn,
  name: 'cirtkit national CIRT team profile',
  description:
    'Facts a CIRT publishes about itself to a coordinator: country, role, status, SIM3 maturity tier and date, FIRST services, RFC 2350 URL, publishable contacts and progress indicators (cirtkit docs/exchange.md).',
  schema: JSON.stringify(z.toJSONSchema(teamProfileSchema, { io: 'input' })),
  version: '1.1.0',
  extension_types: ['property-extension'],
  object_marking_refs: [tlp2MarkingIds.clear],
} as unknown as StixObject;

/** The team's identity carrying its profile, as a new version at `modified`. */
export function profileIdentity(
  identity: { id: string; created: string; name: string },
  profile: TeamProfile,
  modified: string,
  tlp: Tlp,
): StixObject {
  return {
    type: 'identity',
    spec_version: '2.1',
    id: identity.id,
    created: identity.created,
    modified,
    name: identity.name,
    identity_class: 'organization',
    sectors: ['government-national'],
    ...(profile.contacts[0]
      ? { contact_information: profile.contacts.map((c) => c.email).join(', ') }
      : {}),
    extensions: { [teamProfileExtensionId]: profile },
    object_marking_refs: [tlp2MarkingIds[tlp]],
  } as unknown as StixObject;
}

/** The profile an object carries, checked, or undefined. */
export function profileOf(object: unknown): TeamProfile | undefined {
  if (typeof object !== 'object' || object === null) return undefined;
  const extensions = (object as { extensions?: Record<string, unknown> }).extensions;
  const value = extensions?.[teamProfileExtensionId];
  const parsed = teamProfileSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}
