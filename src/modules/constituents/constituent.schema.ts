import { z } from 'zod';
import { sectors, type Sector } from './sectors.js';

/**
 * Organisations the CIRT serves, their contacts and what they own. The API validates with these
 * schemas; the types are inferred from them. Patch schemas have no defaults (zod's `.partial()`
 * would keep them), so a patch changes only what it names.
 */
export const notifyChannels = ['email', 'phone', 'none'] as const;
export type NotifyChannel = (typeof notifyChannels)[number];
export const notifyFormats = ['text', 'html', 'csv', 'json'] as const;
export type NotifyFormat = (typeof notifyFormats)[number];
export const notifyPgpModes = ['none', 'sign', 'encrypt', 'sign-encrypt'] as const;
export type NotifyPgp = (typeof notifyPgpModes)[number];
export const verificationStatuses = ['unverified', 'pending', 'verified', 'rejected'] as const;
export type Verification = (typeof verificationStatuses)[number];
export const contactRoles = [
  'security',
  'abuse',
  'technical',
  'management',
  'legal',
  'communications',
  'other',
] as const;
export type ContactRole = (typeof contactRoles)[number];
export const ownershipSources = ['manual', 'import', 'rir'] as const;
export type OwnershipSource = (typeof ownershipSources)[number];

const language = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z]{2,3}$/, 'must be a two- or three-letter ISO 639 language code such as en or fr');
const iso3 = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, 'must be an ISO 3166-1 alpha-3 country code such as KEN');
const name = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(200, 'must be at most 200 characters');
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .transform((v) => (v === '' ? null : v))
    .nullable();
const website = z
  .string()
  .trim()
  .max(500)
  .transform((v) => (v === '' ? null : v))
  .refine((v) => v === null || /^https?:\/\/[^\s/]+\.[^\s]*$/.test(v), 'must be an http(s) URL')
  .nullable();

export const orgFields = {
  name,
  shortName: optionalText(50),
  sector: z.enum(sectors, { message: `must be one of ${sectors.join(', ')}` }),
  critical: z.boolean(),
  iso3: iso3.nullable(),
  language,
  notifyChannel: z.enum(notifyChannels),
  notifyFormat: z.enum(notifyFormats),
  notifyPgp: z.enum(notifyPgpModes),
  verification: z.enum(verificationStatuses),
  website,
  notes: z.string().max(5000, 'must be at most 5000 characters'),
};

export const newOrgSchema = z.strictObject({
  ...orgFields,
  shortName: orgFields.shortName.default(null),
  critical: orgFields.critical.default(false),
  iso3: orgFields.iso3.default(null),
  language: orgFields.language.default('en'),
  notifyChannel: orgFields.notifyChannel.default('email'),
  notifyFormat: orgFields.notifyFormat.default('text'),
  notifyPgp: orgFields.notifyPgp.default('none'),
  verification: orgFields.verification.default('unverified'),
  website: orgFields.website.default(null),
  notes: orgFields.notes.default(''),
});
export type NewOrg = z.infer<typeof newOrgSchema>;

export const orgPatchSchema = z.strictObject({
  revision: z.number().int().min(0),
  name: orgFields.name.optional(),
  shortName: orgFields.shortName.optional(),
  sector: orgFields.sector.optional(),
  critical: orgFields.critical.optional(),
  iso3: orgFields.iso3.optional(),
  language: orgFields.language.optional(),
  notifyChannel: orgFields.notifyChannel.optional(),
  notifyFormat: orgFields.notifyFormat.optional(),
  notifyPgp: orgFields.notifyPgp.optional(),
  verification: orgFields.verification.optional(),
  website: orgFields.website.optional(),
  notes: orgFields.notes.optional(),
});
export type OrgPatch = z.infer<typeof orgPatchSchema>;

export const contactFields = {
  name,
  role: z.enum(contactRoles, { message: `must be one of ${contactRoles.join(', ')}` }),
  email: z.email('must be an e-mail address').max(320).toLowerCase(),
  phone: z
    .string()
    .trim()
    .max(40)
    .transform((v) => (v === '' ? null : v))
    .refine(
      (v) => v === null || /^\+?[0-9 ().-]{4,40}$/.test(v),
      'must be a phone number (digits, spaces, + ( ) . -), e.g. +254 20 123 4567',
    )
    .nullable(),
  /** An ASCII-armoured OpenPGP public key; checked (readable, not expired, not revoked). */
  pgpKey: z
    .string()
    .trim()
    .max(100_000, 'is too long for one public key')
    .transform((v) => (v === '' ? null : v))
    .nullable(),
  languages: z.array(language).max(10),
  isPrimary: z.boolean(),
  notes: z.string().max(5000, 'must be at most 5000 characters'),
};

export const newContactSchema = z.strictObject({
  ...contactFields,
  role: contactFields.role.default('security'),
  phone: contactFields.phone.default(null),
  pgpKey: contactFields.pgpKey.default(null),
  languages: contactFields.languages.default([]),
  isPrimary: contactFields.isPrimary.default(false),
  notes: contactFields.notes.default(''),
});
export type NewContact = z.infer<typeof newContactSchema>;

export const contactPatchSchema = z.strictObject({
  name: contactFields.name.optional(),
  role: contactFields.role.optional(),
  email: contactFields.email.optional(),
  phone: contactFields.phone.optional(),
  pgpKey: contactFields.pgpKey.optional(),
  languages: contactFields.languages.optional(),
  isPrimary: contactFields.isPrimary.optional(),
  notes: contactFields.notes.optional(),
});
export type ContactPatch = z.infer<typeof contactPatchSchema>;

export const ownershipKindSchema = z.enum(['ipv4', 'ipv6', 'asn', 'domain'], {
  message: 'must be ipv4, ipv6, asn or domain',
});
/** The kinds ownership-value.ts parses (said again here: the web app's types need no Node.js). */
export type OwnershipKind = z.infer<typeof ownershipKindSchema>;
export const newOwnershipSchema = z.strictObject({
  kind: ownershipKindSchema,
  /** Checked and made canonical by the service (precise refusals: host bits set, wrong family). */
  value: z.string().trim().min(1, 'must not be empty').max(300),
  note: z.string().max(1000).default(''),
});
export type NewOwnership = z.infer<typeof newOwnershipSchema>;

export const orgListQuerySchema = z.strictObject({
  q: z.string().trim().max(200).optional(),
  sector: z.enum(sectors).optional(),
  critical: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  verification: z.enum(verificationStatuses).optional(),
  iso3: iso3.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type OrgListQuery = z.infer<typeof orgListQuerySchema>;

export interface Organisation {
  id: string;
  name: string;
  shortName: string | null;
  sector: Sector;
  critical: boolean;
  iso3: string | null;
  language: string;
  notifyChannel: NotifyChannel;
  notifyFormat: NotifyFormat;
  notifyPgp: NotifyPgp;
  verification: Verification;
  verifiedAt: string | null;
  verifiedBy: string | null;
  website: string | null;
  notes: string;
  revision: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

/** A list row: the organisation with how many contacts and owned values it has. */
export interface OrgSummary extends Organisation {
  contactCount: number;
  ownershipCount: number;
}

export interface Contact {
  id: string;
  orgId: string;
  name: string;
  role: ContactRole;
  email: string;
  phone: string | null;
  /** Armoured public key text, or null. */
  pgpKey: string | null;
  /** Upper-case hex fingerprint of `pgpKey`. */
  pgpFingerprint: string | null;
  pgpExpiresAt: string | null;
  languages: string[];
  isPrimary: boolean;
  notes: string;
  createdAt: string;
  updatedAt: string;
}

export interface Ownership {
  id: string;
  orgId: string;
  kind: OwnershipKind;
  /** Canonical form: `192.0.2.0/24`, `2001:db8::/32`, `AS64500`, `example.org`. */
  value: string;
  source: OwnershipSource;
  sourceRef: string | null;
  note: string;
  createdAt: string;
  createdBy: string;
}

/** An organisation with its contacts (key text included) and everything it owns. */
export interface OrganisationDetail extends Organisation {
  contacts: Contact[];
  ownership: Ownership[];
}
