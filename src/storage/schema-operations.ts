/**
 * Tables of the operations modules (constituents, incidents, mail), same conventions as
 * schema.ts: ISO 8601 UTC text timestamps, 0/1 integers for booleans, JSON as text.
 */
export interface ConstituentOrgsTable {
  id: string;
  name: string;
  short_name: string | null;
  sector: string;
  critical: number;
  iso3: string | null;
  language: string;
  notify_channel: string;
  notify_format: string;
  notify_pgp: string;
  verification: string;
  verified_at: string | null;
  verified_by: string | null;
  website: string | null;
  notes: string;
  revision: number;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
}

export interface ConstituentContactsTable {
  id: string;
  org_id: string;
  name: string;
  role: string;
  email: string;
  phone: string | null;
  pgp_key: string | null;
  pgp_fingerprint: string | null;
  pgp_expires_at: string | null;
  /** JSON array of language codes. */
  languages: string;
  is_primary: number;
  notes: string;
  created_at: string;
  updated_at: string;
}

export interface ConstituentOwnershipTable {
  id: string;
  org_id: string;
  /** ipv4 | ipv6 | asn | domain */
  kind: string;
  /** Canonical form: `192.0.2.0/24`, `2001:db8::/32`, `AS64500`, `example.org`. */
  value: string;
  /** manual | import | rir */
  source: string;
  source_ref: string | null;
  note: string;
  created_at: string;
  created_by: string;
}

export interface IncidentsTable {
  id: string;
  reference: string;
  title: string;
  description: string;
  status: string;
  rsit_class: string | null;
  rsit_type: string | null;
  tlp: string;
  pap: string;
  severity: string | null;
  impact: string | null;
  sector: string | null;
  assignee_id: string | null;
  queue: string | null;
  source: string;
  reporter_name: string | null;
  reporter_email: string | null;
  reporter_org: string | null;
  occurred_at: string | null;
  created_at: string;
  created_by: string | null;
  updated_at: string;
  acknowledged_at: string | null;
  resolved_at: string | null;
  closed_at: string | null;
  ack_due_at: string | null;
  resolve_due_at: string | null;
  /** When the sweep recorded the missed acknowledgement deadline (migration 0008). */
  ack_breach_noted_at: string | null;
  /** When the sweep recorded the missed resolution deadline. */
  resolve_breach_noted_at: string | null;
  merged_into_id: string | null;
  revision: number;
}

export interface IncidentCountersTable {
  year: number;
  last: number;
}

export interface IncidentAccessTable {
  incident_id: string;
  user_id: string;
  granted_at: string;
  granted_by: string;
}

export interface IncidentEventsTable {
  id: string;
  incident_id: string;
  at: string;
  actor_id: string | null;
  /** Who acted when there is no user: `reporter`, `system`, `mail`. */
  actor_label: string;
  kind: string;
  /** JSON, shaped by `kind`. */
  body: string;
}

export interface IncidentTasksTable {
  id: string;
  incident_id: string;
  title: string;
  description: string;
  status: string;
  assignee_id: string | null;
  template_key: string | null;
  position: number;
  due_at: string | null;
  created_at: string;
  created_by: string;
  updated_at: string;
  done_at: string | null;
  done_by: string | null;
}

export interface IncidentObservablesTable {
  id: string;
  incident_id: string;
  kind: string;
  value: string;
  note: string;
  created_at: string;
  created_by: string | null;
}

export interface IncidentConstituentsTable {
  incident_id: string;
  org_id: string;
  /** suggested | confirmed | manual | dismissed */
  origin: string;
  /** JSON: the observable and the ownership rule that matched. */
  matched: string;
  added_at: string;
  added_by: string | null;
}

export interface IncidentAttachmentsTable {
  id: string;
  incident_id: string;
  filename: string;
  media_type: string;
  size: number;
  sha256: string;
  content: Buffer;
  /** upload | form | email */
  source: string;
  created_at: string;
  created_by: string | null;
}

export interface IncidentLinksTable {
  id: string;
  from_id: string;
  to_id: string;
  kind: string;
  created_at: string;
  created_by: string;
}

export interface IncidentSavedFiltersTable {
  id: string;
  user_id: string;
  name: string;
  /** JSON of the list query. */
  query: string;
  shared: number;
  created_at: string;
}

export interface IncidentSettingsTable {
  key: string;
  value: string;
  updated_at: string;
  updated_by: string;
}

export interface MailMessagesTable {
  id: string;
  /** in | out */
  direction: string;
  /** in: received | created | threaded | ignored | unparsed; out: sent | failed */
  status: string;
  incident_id: string | null;
  message_id: string | null;
  in_reply_to: string | null;
  references: string | null;
  subject: string | null;
  from_addr: string | null;
  /** JSON array of addresses. */
  to_addrs: string;
  sent_date: string | null;
  mailbox: string | null;
  uid_validity: string | null;
  uid: number | null;
  error: string | null;
  size: number;
  raw: Buffer;
  created_at: string;
  processed_at: string | null;
}

export interface MailMailboxesTable {
  mailbox: string;
  uid_validity: string | null;
  last_uid: number;
  last_poll_at: string | null;
  last_error: string | null;
  updated_at: string;
}

export interface OperationsTables {
  constituent_orgs: ConstituentOrgsTable;
  constituent_contacts: ConstituentContactsTable;
  constituent_ownership: ConstituentOwnershipTable;
  incidents: IncidentsTable;
  incident_counters: IncidentCountersTable;
  incident_access: IncidentAccessTable;
  incident_events: IncidentEventsTable;
  incident_tasks: IncidentTasksTable;
  incident_observables: IncidentObservablesTable;
  incident_constituents: IncidentConstituentsTable;
  incident_attachments: IncidentAttachmentsTable;
  incident_links: IncidentLinksTable;
  incident_saved_filters: IncidentSavedFiltersTable;
  incident_settings: IncidentSettingsTable;
  mail_messages: MailMessagesTable;
  mail_mailboxes: MailMailboxesTable;
}
