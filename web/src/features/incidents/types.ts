/**
 * Shapes of the incidents API's JSON. The entity types come from the server's one schema
 * (src/modules/incidents/incident.schema.ts, type-only: nothing of zod reaches the bundle);
 * the value lists the pages iterate over are repeated here because a type import carries no
 * values. Answers built by the routes (reference data, detail counts, SLA) are described here.
 */
import type {
  Impact,
  Incident,
  IncidentStatus,
  LinkKind,
  Pap,
  Tlp,
} from '../../../../src/modules/incidents/incident.schema.js';

export type {
  AffectedConstituent,
  Attachment,
  EventKind,
  Impact,
  Incident,
  IncidentLink,
  IncidentStatus,
  LinkKind,
  NewIncident,
  Observable,
  ObservableKind,
  Pap,
  Task,
  TaskStatus,
  TimelineEvent,
  Tlp,
} from '../../../../src/modules/incidents/incident.schema.js';

export const tlpLevels = [
  'clear',
  'green',
  'amber',
  'amber+strict',
  'red',
] as const satisfies readonly Tlp[];
export const papLevels = ['clear', 'green', 'amber', 'red'] as const satisfies readonly Pap[];
export const impactLevels = [
  'none',
  'low',
  'medium',
  'high',
  'critical',
] as const satisfies readonly Impact[];
export const linkKinds = [
  'related',
  'duplicate-of',
  'caused-by',
  'parent-of',
] as const satisfies readonly LinkKind[];
export const incidentStatuses = [
  'new',
  'triage',
  'in-progress',
  'waiting-external',
  'resolved',
  'closed',
] as const satisfies readonly IncidentStatus[];

/** TLP levels whose incidents only the people on the access list may read. */
export const restrictedTlp: ReadonlySet<Tlp> = new Set<Tlp>(['red', 'amber+strict']);

/** An RSIT class with its types, named and described in the request's language. */
export interface RsitClass {
  id: string;
  name: string;
  description?: string;
  types: { id: string; name: string; description?: string }[];
}

/** A level of the national severity ladder (toolkit BCM plan, NCISS by default). */
export interface SeverityLevel {
  id: string;
  name: string;
  /** Higher is more severe. */
  rank: number;
  colour: string;
  description: string;
  sla?: SlaTarget | null;
}

export interface SlaTarget {
  ackMinutes: number;
  resolveMinutes: number;
}

export interface Queue {
  id: string;
  name: string;
}

/** GET /api/incidents/reference, as the server answers it. */
export interface ReferenceAnswer {
  lang: string;
  rsit: { version: string; source: string; licence: string; classes: RsitClass[] };
  severity: { origin: 'project' | 'default'; projectId: string | null; levels: SeverityLevel[] };
  statuses: { id: IncidentStatus; next: IncidentStatus[] }[];
  queues: Queue[];
  sectors?: string[];
  users?: UserSummary[];
}

/** The reference data as the pages use it (see getReference). */
export interface IncidentReference {
  rsit: RsitClass[];
  /** Least severe first. */
  ladder: SeverityLevel[];
  /** Allowed next statuses for each status. */
  transitions: Partial<Record<IncidentStatus, IncidentStatus[]>>;
  queues: Queue[];
  sectors?: string[];
  /** People an incident or a task may be assigned to. */
  users?: UserSummary[];
}

export interface IncidentSettings {
  /** The team's display name in the From header of outgoing mail and in the templates. */
  teamName: string | null;
  toolkitProjectId: string | null;
  sla: Record<string, SlaTarget>;
  queues: Queue[];
}

/** GET/PUT /api/incidents/settings */
export type StoredSettings = IncidentSettings & {
  revision: number;
  updatedAt: string | null;
  updatedBy: string | null;
};

export interface IncidentCounts {
  tasks: number;
  openTasks: number;
  observables: number;
  attachments: number;
  constituents: number;
  events: number;
  links: number;
}

/** GET/PATCH /api/incidents/:id and POST .../status: the incident and what goes with it. */
export type IncidentView = Incident & {
  counts: IncidentCounts;
  sla: { ack: string; resolve: string; breached: boolean };
  access: { restricted: boolean; onList: boolean };
  nextStatuses: IncidentStatus[];
};

export interface AccessEntry {
  userId: string;
  displayName: string;
  email: string;
  grantedAt: string;
  grantedBy: string;
}

export interface UserSummary {
  id: string;
  displayName: string;
  email: string;
  /** May be assigned incidents and tasks (else only given access to restricted ones). */
  canHandle: boolean;
}

/** Sectors of the constituents (src/modules/constituents/sectors.ts), offered for an incident. */
export { sectors as sectorIds } from '../constituents/types.js';

/** POST /api/incidents/:id/notifications[/preview] (src/modules/incidents/notify.service.ts). */
export type NotifyRecipientInput =
  { orgId: string; contactIds?: string[] } | { email: string; name?: string; language?: string };

export interface NotificationRequest {
  recipients: NotifyRecipientInput[];
  message: string;
  includeObservables: boolean;
}

export type NotifyRefusalRule =
  | 'tlp_red'
  | 'tlp_amber_strict'
  | 'tlp_amber_not_affected'
  | 'tlp_amber_address'
  | 'pgp_no_key'
  | 'pgp_no_team_key'
  | 'channel';

export interface PlannedMessage {
  recipient: number;
  to: {
    email: string;
    name: string | null;
    orgId: string | null;
    orgName: string | null;
    contactId: string | null;
  };
  lang: string;
  subject: string;
  text: string;
  html: string | null;
  pgp: { sign: boolean; encrypt: boolean };
  refusal: { rule: NotifyRefusalRule; message: string } | null;
  allowed: boolean;
}

export interface NotificationPreview {
  incident: { id: string; reference: string; tlp: Tlp };
  mailEnabled: boolean;
  canSend: boolean;
  messages: PlannedMessage[];
}

export interface NotificationSent {
  messages: {
    mailId: string;
    to: string[];
    subject: string;
    status: 'sent' | 'failed';
    messageId: string | null;
    error: string | null;
  }[];
}
