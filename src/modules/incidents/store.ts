import type { Selectable } from 'kysely';
import type { Executor, IncidentsTable } from '../../storage/index.js';
import type {
  Impact,
  Incident,
  IncidentStatus,
  IntakeSource,
  Pap,
  Tlp,
} from './incident.schema.js';

/** Kysely queries over `incidents` and `incident_access`; no decisions here. */
export type IncidentRow = Selectable<IncidentsTable>;

export function toIncident(r: IncidentRow): Incident {
  return {
    id: r.id,
    reference: r.reference,
    title: r.title,
    description: r.description,
    status: r.status as IncidentStatus,
    rsitClass: r.rsit_class,
    rsitType: r.rsit_type,
    tlp: r.tlp as Tlp,
    pap: r.pap as Pap,
    severity: r.severity,
    impact: r.impact as Impact | null,
    sector: r.sector,
    assigneeId: r.assignee_id,
    queue: r.queue,
    source: r.source as IntakeSource,
    reporter: { name: r.reporter_name, email: r.reporter_email, organisation: r.reporter_org },
    occurredAt: r.occurred_at,
    createdAt: r.created_at,
    createdBy: r.created_by,
    updatedAt: r.updated_at,
    acknowledgedAt: r.acknowledged_at,
    resolvedAt: r.resolved_at,
    closedAt: r.closed_at,
    ackDueAt: r.ack_due_at,
    resolveDueAt: r.resolve_due_at,
    mergedIntoId: r.merged_into_id,
    revision: Number(r.revision),
  };
}

/** The SLA sweep's own columns (sla-sweep.ts): never written from an `Incident`. */
type SweepColumns = 'ack_breach_noted_at' | 'resolve_breach_noted_at';

export function toRow(i: Incident): Omit<IncidentRow, SweepColumns> {
  return {
    id: i.id,
    reference: i.reference,
    title: i.title,
    description: i.description,
    status: i.status,
    rsit_class: i.rsitClass,
    rsit_type: i.rsitType,
    tlp: i.tlp,
    pap: i.pap,
    severity: i.severity,
    impact: i.impact,
    sector: i.sector,
    assignee_id: i.assigneeId,
    queue: i.queue,
    source: i.source,
    reporter_name: i.reporter.name,
    reporter_email: i.reporter.email,
    reporter_org: i.reporter.organisation,
    occurred_at: i.occurredAt,
    created_at: i.createdAt,
    created_by: i.createdBy,
    updated_at: i.updatedAt,
    acknowledged_at: i.acknowledgedAt,
    resolved_at: i.resolvedAt,
    closed_at: i.closedAt,
    ack_due_at: i.ackDueAt,
    resolve_due_at: i.resolveDueAt,
    merged_into_id: i.mergedIntoId,
    revision: i.revision,
  };
}

export async function findIncidentRow(db: Executor, id: string): Promise<Incident | undefined> {
  const row = await db.selectFrom('incidents').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toIncident(row) : undefined;
}

export async function findByReference(
  db: Executor,
  reference: string,
): Promise<Incident | undefined> {
  const row = await db
    .selectFrom('incidents')
    .selectAll()
    .where('reference', '=', reference.toUpperCase())
    .executeTakeFirst();
  return row ? toIncident(row) : undefined;
}

export async function insertIncident(db: Executor, incident: Incident): Promise<void> {
  await db.insertInto('incidents').values(toRow(incident)).execute();
}

/** Writes every field; the caller has checked the revision inside the same transaction. */
export async function updateIncident(db: Executor, incident: Incident): Promise<void> {
  const { id, reference, created_at, ...rest } = toRow(incident);
  void reference;
  void created_at;
  await db.updateTable('incidents').set(rest).where('id', '=', id).execute();
}

/** The next number of the year, atomically (one row per year, bumped in the transaction). */
export async function nextNumber(db: Executor, year: number): Promise<number> {
  const row = await db
    .insertInto('incident_counters')
    .values({ year, last: 1 })
    .onConflict((oc) =>
      oc.column('year').doUpdateSet((eb) => ({ last: eb('incident_counters.last', '+', 1) })),
    )
    .returning('last')
    .executeTakeFirstOrThrow();
  return Number(row.last);
}

export async function isOnAccessList(db: Executor, incidentId: string, userId: string | null) {
  if (userId === null) return false;
  const row = await db
    .selectFrom('incident_access')
    .select('user_id')
    .where('incident_id', '=', incidentId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Adds a user to the access list; false when already there. */
export async function grantAccess(
  db: Executor,
  incidentId: string,
  userId: string,
  by: string,
  at: string,
): Promise<boolean> {
  if (await isOnAccessList(db, incidentId, userId)) return false;
  await db
    .insertInto('incident_access')
    .values({ incident_id: incidentId, user_id: userId, granted_at: at, granted_by: by })
    .execute();
  return true;
}

export async function countsOf(db: Executor, incidentId: string) {
  const count = async (
    table:
      'incident_observables' | 'incident_attachments' | 'incident_constituents' | 'incident_events',
  ) => {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('incident_id', '=', incidentId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  };
  const tasks = await db
    .selectFrom('incident_tasks')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('incident_id', '=', incidentId)
    .groupBy('status')
    .execute();
  const links = await db
    .selectFrom('incident_links')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where((eb) => eb.or([eb('from_id', '=', incidentId), eb('to_id', '=', incidentId)]))
    .executeTakeFirstOrThrow();
  return {
    tasks: tasks.reduce((n, t) => n + Number(t.n), 0),
    openTasks: Number(tasks.find((t) => t.status === 'open')?.n ?? 0),
    observables: await count('incident_observables'),
    attachments: await count('incident_attachments'),
    constituents: await count('incident_constituents'),
    events: await count('incident_events'),
    links: Number(links.n),
  };
}
export type IncidentCounts = Awaited<ReturnType<typeof countsOf>>;
