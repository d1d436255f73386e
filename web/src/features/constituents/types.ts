/**
 * The constituents API's shapes. The entity and answer types come from the server's own files
 * (src/modules/constituents/constituent.schema.ts and answers.ts, type-only: nothing of zod
 * reaches the bundle); the value lists the pages iterate over are repeated here because a type
 * import carries no values.
 */
import type {
  ContactRole,
  NotifyChannel,
  NotifyFormat,
  NotifyPgp,
  OwnershipKind,
  Verification,
} from '../../../../src/modules/constituents/constituent.schema.js';
import type { Sector } from '../../../../src/modules/constituents/sectors.js';

export type {
  Contact,
  Organisation,
  OrganisationDetail,
  OrgSummary,
  Ownership,
} from '../../../../src/modules/constituents/constituent.schema.js';
export type {
  ImportReport,
  OwnerMatch,
  OwnershipAnswer,
  RirReport,
  RowError,
} from '../../../../src/modules/constituents/answers.js';
export type { OwnershipKind, Sector, Verification };

export const sectors = [
  'energy',
  'finance-banking',
  'telecommunications',
  'health',
  'transport',
  'water',
  'government',
  'digital-infrastructure',
  'food',
  'space',
  'education-research',
  'manufacturing',
  'other',
] as const satisfies readonly Sector[];
export const notifyChannels = [
  'email',
  'phone',
  'none',
] as const satisfies readonly NotifyChannel[];
export const notifyFormats = [
  'text',
  'html',
  'csv',
  'json',
] as const satisfies readonly NotifyFormat[];
export const notifyPgpModes = [
  'none',
  'sign',
  'encrypt',
  'sign-encrypt',
] as const satisfies readonly NotifyPgp[];
export const verificationStatuses = [
  'unverified',
  'pending',
  'verified',
  'rejected',
] as const satisfies readonly Verification[];
export const contactRoles = [
  'security',
  'abuse',
  'technical',
  'management',
  'legal',
  'communications',
  'other',
] as const satisfies readonly ContactRole[];
export const ownershipKinds = [
  'ipv4',
  'ipv6',
  'asn',
  'domain',
] as const satisfies readonly OwnershipKind[];

/** The organisation list's filter, as the page keeps it (query-string values). */
export interface OrgFilter {
  q: string;
  sector: string;
  critical: string;
  verification: string;
}
