/** The constituents API's shapes, as the server sends them (src/modules/constituents). */
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
] as const;
export type Sector = (typeof sectors)[number];
export const notifyChannels = ['email', 'phone', 'none'] as const;
export const notifyFormats = ['text', 'html', 'csv', 'json'] as const;
export const notifyPgpModes = ['none', 'sign', 'encrypt', 'sign-encrypt'] as const;
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
export const ownershipKinds = ['ipv4', 'ipv6', 'asn', 'domain'] as const;
export type OwnershipKind = (typeof ownershipKinds)[number];

export interface Organisation {
  id: string;
  name: string;
  shortName: string | null;
  sector: Sector;
  critical: boolean;
  iso3: string | null;
  language: string;
  notifyChannel: (typeof notifyChannels)[number];
  notifyFormat: (typeof notifyFormats)[number];
  notifyPgp: (typeof notifyPgpModes)[number];
  verification: Verification;
  verifiedAt: string | null;
  verifiedBy: string | null;
  website: string | null;
  notes: string;
  revision: number;
  createdAt: string;
  updatedAt: string;
  updatedBy: string;
}

export interface OrgSummary extends Organisation {
  contactCount: number;
  ownershipCount: number;
}

export interface Contact {
  id: string;
  orgId: string;
  name: string;
  role: (typeof contactRoles)[number];
  email: string;
  phone: string | null;
  pgpKey: string | null;
  pgpFingerprint: string | null;
  pgpExpiresAt: string | null;
  languages: string[];
  isPrimary: boolean;
  notes: string;
}

export interface Ownership {
  id: string;
  orgId: string;
  kind: OwnershipKind;
  value: string;
  source: 'manual' | 'import' | 'rir';
  sourceRef: string | null;
  note: string;
  createdAt: string;
  createdBy: string;
}

export interface OrganisationDetail extends Organisation {
  contacts: Contact[];
  ownership: Ownership[];
}

export interface OrgFilter {
  q: string;
  sector: string;
  critical: string;
  verification: string;
}

export interface OwnerMatch {
  org: {
    id: string;
    name: string;
    sector: Sector;
    critical: boolean;
    iso3: string | null;
    language: string;
    notifyPgp: string;
    verification: Verification;
  };
  contacts: {
    id: string;
    name: string;
    role: string;
    email: string;
    phone: string | null;
    languages: string[];
    pgpFingerprint: string | null;
    hasPgpKey: boolean;
    isPrimary: boolean;
  }[];
  rule: 'longest-prefix' | 'exact-asn' | 'asn-range' | 'longest-suffix';
  value: string;
  prefixLength?: number;
}

export interface OwnershipAnswer {
  query: string;
  queryKind: 'ipv4' | 'ipv6' | 'asn' | 'domain' | 'url' | 'email';
  normalised: string;
  matches: OwnerMatch[];
  covering: OwnerMatch[];
}

export interface RowError {
  line: number;
  field: string;
  message: string;
}

export interface ImportReport {
  mode: 'all' | 'valid';
  dryRun: boolean;
  written: boolean;
  rows: number;
  orgsCreated: number;
  contactsAdded: number;
  ownershipAdded: number;
  duplicates: number;
  errors: RowError[];
}

export interface RirReport {
  dryRun: boolean;
  written: boolean;
  orgId: string | null;
  orgCreated: boolean;
  records: number;
  ipv4: number;
  ipv6: number;
  asn: number;
  added: number;
  duplicates: number;
  errors: RowError[];
}
