import type { ColumnType, Generated } from 'kysely';
import type { OperationsTables } from './schema-operations.js';

export type * from './schema-operations.js';

/**
 * The tables as Kysely sees them. Conventions that keep one schema on SQLite and PostgreSQL:
 * timestamps are ISO 8601 UTC text, booleans are integers 0/1, JSON is text, ids are UUID text.
 */
export interface UsersTable {
  id: string;
  email: string;
  display_name: string;
  role: string;
  password_hash: string;
  must_change_password: number;
  disabled: number;
  failed_logins: number;
  locked_until: string | null;
  locale: string;
  created_at: string;
  updated_at: string;
  last_login_at: string | null;
}

export interface SessionsTable {
  /** SHA-256 of the cookie value: the cookie itself is never stored. */
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  role: string;
  /** SHA-256 of the token: the token is shown once at creation and never stored. */
  token_hash: string;
  /** The first characters of the token, so people can tell their tokens apart. */
  prefix: string;
  created_at: string;
  created_by: string;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface AuditLogTable {
  seq: number;
  at: string;
  actor_id: string | null;
  actor_label: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before_json: string | null;
  after_json: string | null;
  request_id: string | null;
  ip: string | null;
  prev_hash: string;
  hash: string;
}

export interface MetaTable {
  key: string;
  value: string;
  updated_at: ColumnType<string, string, string>;
}

export interface RegistryTeamsTable {
  id: string;
  iso3: string;
  name: string;
  type: string;
  created_at: string;
  created_by: string;
}

export interface RegistryTeamEventsTable {
  id: string;
  team_id: string;
  /** A partial date: YYYY, YYYY-MM or YYYY-MM-DD. */
  date: string;
  value_json: string;
  citation_json: string;
  confidence: string;
  note: string;
  recorded_at: string;
  recorded_by: string;
  retracted_at: string | null;
  retracted_by: string | null;
  retracted_reason: string | null;
}

export interface RegistryAssessmentsTable {
  id: string;
  iso3: string;
  year: number | null;
  source: string;
  confidence: string;
  recorded_at: string;
  recorded_by: string;
}

export interface ToolkitProjectsTable {
  id: string;
  name: string;
  kind: string;
  iso3: string | null;
  organisation: string;
  sector: string;
  registry_team_id: string | null;
  phase: string;
  revision: number;
  created_at: string;
  created_by: string;
  updated_at: string;
}

export interface ToolkitMembersTable {
  project_id: string;
  user_id: string;
  role: string;
  added_at: string;
  added_by: string;
}

export interface ToolkitAssessmentsTable {
  id: string;
  project_id: string;
  kind: string;
  content_id: string;
  content_version: string;
  title: string;
  status: string;
  answers_json: string;
  revision: number;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
  finalised_at: string | null;
  finalised_by: string | null;
}

export interface ToolkitAttachmentsTable {
  id: string;
  assessment_id: string;
  item_id: string;
  filename: string;
  media_type: string;
  size: number;
  sha256: string;
  content: Buffer;
  created_at: string;
  created_by: string;
}

export interface ToolkitDocumentsTable {
  project_id: string;
  kind: string;
  json: string;
  revision: number;
  updated_at: string;
  updated_by: string;
}

export interface ToolkitTasksTable {
  id: string;
  project_id: string;
  gap_id: string | null;
  source: string;
  title: string;
  detail: string;
  phase: string;
  owner: string | null;
  due: string | null;
  status: string;
  progress: number;
  gap_closed: number;
  position: number;
  revision: number;
  created_at: string;
  updated_at: string;
}

/** A country's current status for one provision of the law catalogue. */
export interface LawAssessmentsTable {
  iso3: string;
  provision: string;
  status: string;
  law_title: string | null;
  article: string | null;
  /** YYYY-MM-DD. */
  adopted_on: string | null;
  link: string | null;
  notes: string | null;
  /** The user's id; null when no user did it (a system import). */
  assessed_by: string | null;
  /** The user's display name at the time. */
  assessed_by_name: string;
  assessed_at: string;
}

/** Every change of a law assessment, append-only; `version` counts per (iso3, provision). */
export interface LawAssessmentHistoryTable extends LawAssessmentsTable {
  id: string;
  version: number;
  recorded_at: string;
}

/** A country's current ratification status of one instrument. */
export interface LawRatificationsTable {
  iso3: string;
  instrument: string;
  status: string;
  /** YYYY-MM-DD. */
  date: string | null;
  source: string | null;
  source_url: string | null;
  notes: string | null;
  recorded_by: string | null;
  recorded_by_name: string;
  recorded_at: string;
}

/** Every change of a ratification status, append-only; `version` counts per (iso3, instrument). */
export interface LawRatificationHistoryTable extends LawRatificationsTable {
  id: string;
  version: number;
}

/** One version of a STIX object, keyed by (id, modified); see migration 0011. */
export interface StixObjectsTable {
  id: string;
  /** The version: `modified`, else `created`, else 1970-01-01T00:00:00.000Z. */
  modified: string;
  type: string;
  spec_version: string;
  created: string | null;
  /** When this instance first stored the version; strictly increasing, milliseconds. */
  date_added: string;
  /** Instance-wide counter, the tie-breaker of `date_added`. */
  seq: number;
  tlp: string;
  /**
   * 1 when disclosure depends on the version's own TLP alone (a TLP object marking, no granular
   * markings), so that it may leave as stored once the query kept the reader's levels.
   */
  tlp_alone: number;
  /** Canonical JSON (RFC 8785). */
  object: string;
  sha256: string;
}

/** A TAXII 2.1 collection. */
export interface TaxiiCollectionsTable {
  id: string;
  title: string;
  description: string | null;
  alias: string | null;
  /** JSON array of media types. */
  media_types: string;
  created_at: string;
}

/** Which object versions a collection holds, and when each was added to it. */
export interface CollectionObjectsTable {
  collection_id: string;
  object_id: string;
  modified: string;
  date_added: string;
  seq: number;
  /** The stored version's `stix_objects.seq`. */
  object_seq: number;
  /** 1 for the collection's latest version of the object (`match[version]=last`), else 0. */
  latest: number;
}

/** A peer CIRT; see migration 0012. */
export interface ExchangePeersTable {
  id: string;
  name: string;
  country: string | null;
  registry_team_id: string | null;
  /** JSON array of contacts. */
  contacts: string;
  pgp_key: string | null;
  relationship: string;
  trust: string;
  token_hash: string | null;
  token_prefix: string | null;
  remote_url: string | null;
  remote_username: string | null;
  remote_secret: string | null;
  disabled: number;
  created_at: string;
  updated_at: string;
}

export interface ExchangeGroupsTable {
  id: string;
  name: string;
  description: string | null;
  created_at: string;
}

export interface ExchangeGroupMembersTable {
  group_id: string;
  peer_id: string;
}

/** Who may read or write a collection, and which TLP levels may go to them from it. */
export interface ExchangeGrantsTable {
  id: string;
  collection_id: string;
  peer_id: string | null;
  group_id: string | null;
  can_read: number;
  can_write: number;
  /** JSON array of TLP levels. */
  tlp_levels: string;
  created_at: string;
}

/** A TAXII 2.1 status resource (one envelope POST). */
export interface TaxiiStatusTable {
  id: string;
  collection_id: string;
  peer_id: string | null;
  user_id: string | null;
  request_timestamp: string;
  /** The status resource as JSON. */
  resource: string;
}

/** Where a received STIX version came from. */
export interface StixProvenanceTable {
  object_id: string;
  modified: string;
  source: string;
  peer_id: string | null;
  user_id: string | null;
  collection: string | null;
  received_at: string;
}

/** A subscription to a peer's TAXII collection; see migration 0013. */
export interface ExchangeSubscriptionsTable {
  id: string;
  peer_id: string;
  remote_collection: string;
  local_collection: string;
  interval_seconds: number;
  /** The peer's X-TAXII-Date-Added-Last of the last object received. */
  added_after: string | null;
  last_poll_at: string | null;
  last_success_at: string | null;
  last_error: string | null;
  failures: number;
  received: number;
  created_at: string;
}

export interface Database extends OperationsTables {
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  audit_log: AuditLogTable;
  meta: MetaTable;
  registry_teams: RegistryTeamsTable;
  registry_team_events: RegistryTeamEventsTable;
  registry_assessments: RegistryAssessmentsTable;
  toolkit_projects: ToolkitProjectsTable;
  toolkit_members: ToolkitMembersTable;
  toolkit_assessments: ToolkitAssessmentsTable;
  toolkit_attachments: ToolkitAttachmentsTable;
  toolkit_documents: ToolkitDocumentsTable;
  toolkit_tasks: ToolkitTasksTable;
  law_assessments: LawAssessmentsTable;
  law_assessment_history: LawAssessmentHistoryTable;
  law_ratifications: LawRatificationsTable;
  law_ratification_history: LawRatificationHistoryTable;
  stix_objects: StixObjectsTable;
  taxii_collections: TaxiiCollectionsTable;
  collection_objects: CollectionObjectsTable;
  exchange_peers: ExchangePeersTable;
  exchange_groups: ExchangeGroupsTable;
  exchange_group_members: ExchangeGroupMembersTable;
  exchange_grants: ExchangeGrantsTable;
  taxii_status: TaxiiStatusTable;
  stix_provenance: StixProvenanceTable;
  exchange_subscriptions: ExchangeSubscriptionsTable;
}

/** Used by tables that want the database to count; kept for modules that need it. */
export type Serial = Generated<number>;
