import { z } from 'zod';

/**
 * The incident as the API, the store and the pages know it. One schema per entity: the web
 * imports these types (type-only) instead of mirroring them.
 */

/** TLP 2.0 (FIRST): lower-case ids, `amber+strict` included; TLP:WHITE is read as `clear`. */
export const tlpLevels = ['clear', 'green', 'amber', 'amber+strict', 'red'] as const;
export type Tlp = (typeof tlpLevels)[number];
/** PAP (MISP taxonomy): what the recipient may do with the information. */
export const papLevels = ['clear', 'green', 'amber', 'red'] as const;
export type Pap = (typeof papLevels)[number];

export const incidentStatuses = [
  'new',
  'triage',
  'in-progress',
  'waiting-external',
  'resolved',
  'closed',
] as const;
export type IncidentStatus = (typeof incidentStatuses)[number];

export const impactLevels = ['none', 'low', 'medium', 'high', 'critical'] as const;
export type Impact = (typeof impactLevels)[number];

export const intakeSources = ['ui', 'api', 'form', 'email'] as const;
export type IntakeSource = (typeof intakeSources)[number];

export const observableKinds = [
  'ipv4',
  'ipv6',
  'domain',
  'url',
  'email',
  'asn',
  'md5',
  'sha1',
  'sha256',
  'file',
] as const;
export type ObservableKind = (typeof observableKinds)[number];

export const taskStatuses = ['open', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof taskStatuses)[number];

export const linkKinds = ['related', 'duplicate-of', 'caused-by', 'parent-of'] as const;
export type LinkKind = (typeof linkKinds)[number];

/** Timeline event kinds; the body of each is described in docs/incidents.md. */
export const eventKinds = [
  'created',
  'comment',
  'status',
  'triage',
  'assignment',
  'task',
  'observable',
  'constituent',
  'attachment',
  'link',
  'merge',
  'access',
  'mail-in',
  'mail-out',
  'escalation',
  'sla',
  'shared',
] as const;
export type EventKind = (typeof eventKinds)[number];

const text = (max: number) => z.string().trim().max(max);
const id = z.string().min(1).max(100);
const isoTime = z.iso.datetime({ offset: true });
const rsitId = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be an RSIT id such as malicious-code');

export const incidentSchema = z.object({
  id,
  /** What people quote: `CIRT-2026-000042` (prefix from CIRTKIT_INCIDENT_PREFIX). */
  reference: z.string(),
  title: z.string(),
  description: z.string(),
  status: z.enum(incidentStatuses),
  rsitClass: z.string().nullable(),
  rsitType: z.string().nullable(),
  tlp: z.enum(tlpLevels),
  pap: z.enum(papLevels),
  /** A level id of the national severity ladder (toolkit BCM plan; NCISS by default). */
  severity: z.string().nullable(),
  impact: z.enum(impactLevels).nullable(),
  sector: z.string().nullable(),
  assigneeId: z.string().nullable(),
  queue: z.string().nullable(),
  source: z.enum(intakeSources),
  reporter: z.object({
    name: z.string().nullable(),
    email: z.string().nullable(),
    organisation: z.string().nullable(),
  }),
  occurredAt: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  updatedAt: z.string(),
  acknowledgedAt: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  /** SLA deadlines from the severity's SLA; null while the incident has no severity. */
  ackDueAt: z.string().nullable(),
  resolveDueAt: z.string().nullable(),
  mergedIntoId: z.string().nullable(),
  revision: z.number().int(),
});
export type Incident = z.infer<typeof incidentSchema>;

/** Intake by an analyst (UI) or a client (API token). */
export const newIncidentSchema = z.strictObject({
  title: text(300).min(1, 'must not be empty'),
  description: text(100_000).default(''),
  rsitClass: rsitId.nullable().default(null),
  rsitType: rsitId.nullable().default(null),
  tlp: z.enum(tlpLevels).default('amber'),
  pap: z.enum(papLevels).default('amber'),
  severity: z.string().min(1).max(64).nullable().default(null),
  impact: z.enum(impactLevels).nullable().default(null),
  sector: text(80).min(1).nullable().default(null),
  assigneeId: id.nullable().default(null),
  queue: text(80).min(1).nullable().default(null),
  reporter: z
    .strictObject({
      name: text(200).min(1).nullable().default(null),
      email: z.email('must be an e-mail address').max(320).nullable().default(null),
      organisation: text(200).min(1).nullable().default(null),
    })
    .default({ name: null, email: null, organisation: null }),
  occurredAt: isoTime.nullable().default(null),
  observables: z
    .array(
      z.strictObject({
        kind: z.enum(observableKinds),
        value: text(2048).min(1),
        note: text(1000).default(''),
      }),
    )
    .max(1000)
    .default([]),
});
export type NewIncident = z.infer<typeof newIncidentSchema>;
/** What a caller may pass to createIncident: defaults filled in by the schema. */
export type NewIncidentInput = z.input<typeof newIncidentSchema>;

/** Triage and other field changes; optimistic concurrency by revision. No defaults here. */
export const incidentPatchSchema = z.strictObject({
  revision: z.number().int().min(0),
  title: text(300).min(1, 'must not be empty').optional(),
  description: text(100_000).optional(),
  rsitClass: rsitId.nullable().optional(),
  rsitType: rsitId.nullable().optional(),
  tlp: z.enum(tlpLevels).optional(),
  pap: z.enum(papLevels).optional(),
  severity: z.string().min(1).max(64).nullable().optional(),
  impact: z.enum(impactLevels).nullable().optional(),
  sector: text(80).min(1).nullable().optional(),
  assigneeId: id.nullable().optional(),
  queue: text(80).min(1).nullable().optional(),
  occurredAt: isoTime.nullable().optional(),
});
export type IncidentPatch = z.infer<typeof incidentPatchSchema>;

export const statusChangeSchema = z.strictObject({
  revision: z.number().int().min(0),
  status: z.enum(incidentStatuses),
  /** Why: required to reopen or to close without resolving. */
  comment: text(10_000).default(''),
});
export type StatusChange = z.infer<typeof statusChangeSchema>;

export interface TimelineEvent {
  id: string;
  incidentId: string;
  at: string;
  actorId: string | null;
  /** The user's display name, or `reporter` / `system` / `mail`. */
  actor: string;
  kind: EventKind;
  body: Record<string, unknown>;
}

export interface Task {
  id: string;
  incidentId: string;
  title: string;
  description: string;
  status: TaskStatus;
  assigneeId: string | null;
  templateKey: string | null;
  position: number;
  dueAt: string | null;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  doneAt: string | null;
  doneBy: string | null;
}

export interface Observable {
  id: string;
  incidentId: string;
  kind: ObservableKind;
  value: string;
  note: string;
  createdAt: string;
  createdBy: string | null;
}

export interface AffectedConstituent {
  orgId: string;
  orgName: string;
  origin: 'suggested' | 'confirmed' | 'manual' | 'dismissed';
  /** What matched: the observable and the ownership rule. */
  matched: { observable: string; rule: string; value: string }[];
  addedAt: string;
}

export interface Attachment {
  id: string;
  incidentId: string;
  filename: string;
  mediaType: string;
  size: number;
  sha256: string;
  source: 'upload' | 'form' | 'email';
  createdAt: string;
  createdBy: string | null;
}

export interface IncidentLink {
  id: string;
  fromId: string;
  toId: string;
  kind: LinkKind;
  /** The other incident, for display. */
  other: { id: string; reference: string; title: string; status: IncidentStatus };
  createdAt: string;
}

// --- Inputs of the sub-resources (tasks, comments, observables, links, merge, access) --------

export const commentSchema = z.strictObject({ body: text(20_000).min(1, 'must not be empty') });

export const taskCreateSchema = z.strictObject({
  title: text(300).min(1, 'must not be empty'),
  description: text(5000).default(''),
  assigneeId: id.nullable().default(null),
  dueAt: isoTime.nullable().default(null),
});

/** No defaults: a change keeps the fields it does not name. */
export const taskPatchSchema = z.strictObject({
  title: text(300).min(1, 'must not be empty').optional(),
  description: text(5000).optional(),
  status: z.enum(taskStatuses).optional(),
  assigneeId: id.nullable().optional(),
  dueAt: isoTime.nullable().optional(),
  position: z.number().int().min(0).max(10_000).optional(),
});

export const observablesAddSchema = z.strictObject({
  observables: z
    .array(
      z.strictObject({
        kind: z.enum(observableKinds),
        value: text(2048).min(1, 'must not be empty'),
        note: text(1000).default(''),
      }),
    )
    .min(1)
    .max(1000),
});

export const constituentSetSchema = z.strictObject({
  /** `confirmed` or `dismissed` for a suggestion; `manual` adds an organisation by hand. */
  origin: z.enum(['confirmed', 'dismissed', 'manual']),
});

export const linkCreateSchema = z.strictObject({
  /** The other incident: its id or its reference (CIRT-2026-000042). */
  to: z.string().trim().min(1).max(100),
  kind: z.enum(linkKinds).default('related'),
});

export const mergeSchema = z.strictObject({
  /** The incident this one is merged into: its id or its reference. */
  into: z.string().trim().min(1).max(100),
  comment: text(10_000).default(''),
});

export const accessGrantSchema = z.strictObject({ userId: id });

export interface AccessEntry {
  userId: string;
  displayName: string;
  email: string;
  grantedAt: string;
  grantedBy: string;
}
