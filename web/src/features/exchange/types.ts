/** Types of the exchange API, as the server answers them (src/modules/exchange). */
export const tlpLevels = ['clear', 'green', 'amber', 'amber+strict', 'red'] as const;
export type Tlp = (typeof tlpLevels)[number];
export const relationships = ['organisation', 'client', 'community', 'external'] as const;
export type Relationship = (typeof relationships)[number];
export const trustLevels = ['high', 'medium', 'low'] as const;
export type Trust = (typeof trustLevels)[number];

export interface Collection {
  id: string;
  title: string;
  description: string | null;
  alias: string | null;
  mediaTypes: string[];
  createdAt: string;
}

export interface ObjectSummary {
  collectionId: string;
  id: string;
  type: string;
  version: string;
  dateAdded: string;
  tlp: Tlp;
  label: string;
  removed?: string[];
}

export interface ObjectPage {
  objects: ObjectSummary[];
  more: boolean;
  next: string | null;
}

export interface Provenance {
  version: string;
  source: 'taxii-push' | 'taxii-poll' | 'import' | 'local';
  peerId: string | null;
  peerName: string | null;
  userId: string | null;
  collection: string | null;
  receivedAt: string;
}

export interface ObjectVersion {
  version: string;
  dateAdded: string;
  tlp: Tlp;
  object: Record<string, unknown> & { id: string; type: string };
  removed: string[];
  provenance: Provenance[];
}

export interface ImportDetail {
  id: string;
  version: string;
  message?: string;
}

export interface ImportResult {
  total: number;
  stored: number;
  refused: number;
  successes: ImportDetail[];
  failures: ImportDetail[];
}

export interface Peer {
  id: string;
  name: string;
  country: string | null;
  registryTeamId: string | null;
  contacts: { name: string; email: string; phone?: string }[];
  pgpKey: string | null;
  relationship: Relationship;
  trust: Trust;
  tokenPrefix: string | null;
  remote: { url: string; username: string | null; hasSecret: boolean } | null;
  disabled: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface PeerInput {
  name: string;
  country?: string;
  relationship: Relationship;
  trust: Trust;
  contacts: { name: string; email: string }[];
  remote?: { url: string; username?: string; secret?: string };
  disabled?: boolean;
}

export interface Grant {
  id: string;
  collectionId: string;
  peerId: string | null;
  groupId: string | null;
  canRead: boolean;
  canWrite: boolean;
  tlpLevels: Tlp[];
  createdAt: string;
}

export interface SharingGroup {
  id: string;
  name: string;
  description: string | null;
  peerIds: string[];
  createdAt: string;
}

export interface Subscription {
  id: string;
  peerId: string;
  remoteCollection: string;
  localCollection: string;
  intervalSeconds: number;
  addedAfter: string | null;
  lastPollAt: string | null;
  lastSuccessAt: string | null;
  lastError: string | null;
  failures: number;
  received: number;
  createdAt: string;
}

export interface PollOutcome {
  pages: number;
  received: number;
  refused: number;
  failures: { id: string; message?: string }[];
  error: string | null;
}

export interface Preview {
  peer: { id: string; name: string; relationship: Relationship };
  defaultTlp: Tlp;
  collections: {
    id: string;
    title: string;
    canWrite: boolean;
    tlps: Tlp[];
    objects: ObjectSummary[];
    more: boolean;
  }[];
}

/** Kinds of values matched against indicators (incident observable kinds and SHA-512). */
export type IntelKind =
  | 'ipv4'
  | 'ipv6'
  | 'domain'
  | 'url'
  | 'email'
  | 'asn'
  | 'md5'
  | 'sha1'
  | 'sha256'
  | 'sha512'
  | 'file';

/** An indicator that names an observed value (GET /api/exchange/matches/incidents/:id). */
export interface IntelHit {
  observable: { kind: IntelKind; value: string };
  indicator: {
    id: string;
    name: string | null;
    tlp: Tlp;
    validUntil: string | null;
    partial: boolean;
  };
  term: { kind: IntelKind; value: string; source: string };
  rule: 'exact' | 'prefix' | 'host';
  collectionId: string | null;
}

export interface IntelHits {
  indicators: number;
  hits: IntelHit[];
}

/** The constituents an object names (GET /api/exchange/objects/:id/constituents). */
export interface NamedConstituents {
  objects: number;
  values: number;
  constituents: {
    org: { id: string; name: string; sector: string; critical: boolean };
    matched: {
      kind: IntelKind;
      value: string;
      source: string;
      objectId: string;
      rule: string;
      owned: string;
    }[];
  }[];
}

/** What the analyst chooses when sharing an incident (POST …/share/incidents/:id/preview). */
export interface ShareChoice {
  collectionId: string;
  tlp: Tlp;
  title: string;
  summary: string;
  /** Absent: every observable no constituent owns. */
  observableIds?: string[];
  indicators: boolean;
}

export interface SharePreview {
  at: string;
  reportId: string;
  objects: { id: string; type: string; [key: string]: unknown }[];
  leftOut: {
    observableId: string;
    value: string;
    reason: 'owned-by-constituent' | 'not-chosen' | 'not-expressible';
    detail?: string;
  }[];
  recipients: { id: string; name: string; country: string | null }[];
  warnings: ('tlp-looser-than-incident' | 'red-never-leaves')[];
}

export interface ShareDone {
  reportId: string;
  collectionId: string;
  collectionTitle: string;
  tlp: Tlp;
  objects: number;
  stored: number;
  recipients: string[];
}

/** POST /api/exchange/collections/:id/misp-import */
export interface MispImportResult {
  stored: number;
  refused: number;
  failures: { id: string; version: string; message?: string }[];
  /** MISP attributes with no STIX counterpart here. */
  skipped: { uuid: string; type: string; reason: string }[];
}

/** POST /api/exchange/collections/:id/misp-feed-import */
export interface MispFeedOutcome {
  events: number;
  stored: number;
  refused: number;
  skipped: number;
  problems: { event: string; reason: string }[];
}

/** The version the server gives observables, which have none (their id is their content). */
export const unversioned = '1970-01-01T00:00:00.000Z';

/** A team profile received over federation (GET /api/exchange/federation/profiles). */
export interface ReceivedProfile {
  identityId: string;
  name: string;
  version: string;
  profile: {
    country: string;
    team_type: 'national' | 'government' | 'sectoral';
    status: 'operational' | 'being-established' | 'planned';
    established?: string;
    maturity?: {
      framework: 'SIM3';
      tier: 'basic' | 'intermediate' | 'advanced';
      assessed_on: string;
    };
    services: string[];
    rfc2350_url?: string;
    contacts: { role?: string; email: string; phone?: string }[];
    indicators: { id: string; value: number | string | boolean; as_of: string }[];
  };
  /** The profile's OpenPGP signature checked with the key held for the peer that sent it. */
  signature:
    | { state: 'verified'; fingerprint: string }
    | { state: 'unsigned' }
    | { state: 'unverifiable' | 'invalid'; fingerprint: string; reason: string };
  provenance: Provenance[];
}
