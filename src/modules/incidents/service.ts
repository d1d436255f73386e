import { AppError, issuesFromZod, isoNow, newId, type FieldIssue } from '../../kernel/index.js';
import type { Executor } from '../../storage/index.js';
import { appendAudit, isRole, permissionsOf, type AuditContext } from '../accounts/index.js';
import { canRead, isRestricted, type Actor } from './access.js';
import type { IncidentsDeps } from './deps.js';
import { escalationBody } from './escalation.js';
import {
  newIncidentSchema,
  type Incident,
  type IntakeSource,
  type NewIncidentInput,
} from './incident.schema.js';
import { recordSuggestions, suggestOwners } from './affected.service.js';
import { insertObservables, normaliseAll } from './observables.service.js';
import type { IncidentReference } from './reference-data.js';
import { loadLadder, readSettings, type IncidentSettings } from './settings.js';
import { checkSeverity } from './severity.js';
import { slaDeadlines } from './sla.js';
import {
  findByReference,
  findIncidentRow,
  grantAccess,
  insertIncident,
  isOnAccessList,
  nextNumber,
} from './store.js';
import { insertTemplateTasks } from './tasks.service.js';
import { appendEvent } from './timeline.js';

const notFound = (id: string) => new AppError('not_found', `No incident with id ${id}`);

/**
 * The incident if the actor may read it (TLP rule), else `not_found`, exactly like a missing
 * one. Pass a transaction's `trx` inside a transaction.
 */
export async function loadReadable(db: Executor, actor: Actor, id: string): Promise<Incident> {
  const incident = await findIncidentRow(db, id);
  if (!incident) throw notFound(id);
  const listed = await isOnAccessList(db, id, actor.userId);
  if (!canRead(actor, incident, listed)) throw notFound(id);
  return incident;
}

/** Inside a write's transaction: the incident, readable by the actor. */
export const loadForWrite = loadReadable;

export async function getIncidentFor(
  deps: IncidentsDeps,
  actor: Actor,
  id: string,
): Promise<Incident> {
  return loadReadable(deps.db.kysely, actor, id);
}

/** For mail threading: no TLP check (the caller is the system, not a user). */
export async function findIncidentByReference(
  deps: IncidentsDeps,
  reference: string,
): Promise<Incident | null> {
  return (await findByReference(deps.db.kysely, reference.trim())) ?? null;
}

/** RSIT class and type: a type names its class; a given class must hold the given type. */
export function classify(
  reference: IncidentReference,
  rsitClass: string | null,
  rsitType: string | null,
): { rsitClass: string | null; rsitType: string | null } {
  const issues: FieldIssue[] = [];
  if (rsitClass !== null && !reference.classById.has(rsitClass))
    issues.push({ field: 'rsitClass', message: `${rsitClass} is not an RSIT class` });
  const type = rsitType === null ? null : reference.typeById.get(rsitType);
  if (rsitType !== null && !type)
    issues.push({ field: 'rsitType', message: `${rsitType} is not an RSIT type` });
  else if (type && rsitClass !== null && type.classId !== rsitClass && !issues.length)
    issues.push({
      field: 'rsitType',
      message: `${rsitType} belongs to ${type.classId}, not ${rsitClass}`,
    });
  if (issues.length)
    throw new AppError('validation_failed', 'The classification is not valid', { issues });
  return { rsitClass: type ? type.classId : rsitClass, rsitType };
}

export function checkQueue(settings: IncidentSettings, queue: string | null): void {
  if (queue === null || settings.queues.some((q) => q.id === queue)) return;
  throw new AppError('validation_failed', `${queue} is not a queue`, {
    issues: [
      {
        field: 'queue',
        message: `must be one of ${settings.queues.map((q) => q.id).join(', ') || '(no queues)'}`,
      },
    ],
  });
}

/** An assignee is an active user who may handle incidents. */
/** Active users who may read incidents, by name: who can be assigned (canHandle) or given access. */
export async function incidentColleagues(
  db: Executor,
): Promise<{ id: string; displayName: string; email: string; canHandle: boolean }[]> {
  const rows = await db
    .selectFrom('users')
    .select(['id', 'display_name', 'email', 'role'])
    .where('disabled', '=', 0)
    .orderBy('display_name')
    .execute();
  return rows.flatMap((u) => {
    if (!isRole(u.role)) return [];
    const granted = permissionsOf(u.role);
    if (!granted.has('incidents.read')) return [];
    return [
      {
        id: u.id,
        displayName: u.display_name,
        email: u.email,
        canHandle: granted.has('incidents.handle'),
      },
    ];
  });
}

export async function checkAssignee(db: Executor, userId: string | null): Promise<void> {
  if (userId === null) return;
  const user = await db
    .selectFrom('users')
    .select(['role', 'disabled'])
    .where('id', '=', userId)
    .executeTakeFirst();
  const ok =
    user && !user.disabled && isRole(user.role) && permissionsOf(user.role).has('incidents.handle');
  if (!ok)
    throw new AppError('validation_failed', 'The assignee cannot handle incidents', {
      issues: [{ field: 'assigneeId', message: 'must be an active user who may handle incidents' }],
    });
}

/**
 * Intake: by an analyst (UI), a client (API token), the public form or the mail intake. Checks
 * the classification, severity, queue and assignee; numbers the incident; adds the creator to
 * the access list; applies the task templates of its RSIT type; records its observables and
 * the owners they suggest; asks the BCM plan for escalations when a severity is given.
 */
export async function createIncident(
  deps: IncidentsDeps,
  actor: Actor,
  input: NewIncidentInput,
  source: IntakeSource,
  audit: AuditContext,
): Promise<Incident> {
  const parsed = newIncidentSchema.safeParse(input);
  if (!parsed.success)
    throw new AppError('validation_failed', 'The incident is not valid', {
      issues: issuesFromZod(parsed.error.issues),
    });
  const data = parsed.data;
  // Nobody would be on the access list: the incident would be unreadable for ever.
  if (actor.userId === null && isRestricted(data.tlp))
    throw new AppError(
      'validation_failed',
      'An incident reported without a user account cannot start as TLP:RED or TLP:AMBER+STRICT',
      {
        issues: [
          { field: 'tlp', message: 'must be clear, green or amber; an analyst raises it later' },
        ],
      },
    );
  const db = deps.db.kysely;
  const { settings } = await readSettings(db);
  const { rsitClass, rsitType } = classify(deps.reference, data.rsitClass, data.rsitType);
  checkSeverity(await loadLadder(db, settings), data.severity);
  checkQueue(settings, data.queue);
  await checkAssignee(db, data.assigneeId);
  const observables = normaliseAll(data.observables);
  const suggestions = await suggestOwners(deps, observables);

  const now = isoNow(deps.clock);
  const id = newId();
  const year = new Date(now).getUTCFullYear();
  // The plan is read before the transaction (SQLite has one connection); the reference is
  // known only inside it.
  const escalation = await escalationBody(
    deps,
    settings,
    { reference: id, sector: data.sector },
    null,
    data.severity,
    now,
  );
  return db.transaction().execute(async (trx) => {
    const number = await nextNumber(trx, year);
    const reference = `${deps.config.incidentPrefix}-${year}-${String(number).padStart(6, '0')}`;
    if (escalation) escalation['incidentId'] = reference;
    const incident: Incident = {
      id,
      reference,
      title: data.title,
      description: data.description,
      status: 'new',
      rsitClass,
      rsitType,
      tlp: data.tlp,
      pap: data.pap,
      severity: data.severity,
      impact: data.impact,
      sector: data.sector,
      assigneeId: data.assigneeId,
      queue: data.queue,
      source,
      reporter: data.reporter,
      occurredAt: data.occurredAt,
      createdAt: now,
      createdBy: actor.userId,
      updatedAt: now,
      acknowledgedAt: null,
      resolvedAt: null,
      closedAt: null,
      ...slaDeadlines(data.severity, now, settings.sla),
      mergedIntoId: null,
      revision: 1,
    };
    await insertIncident(trx, incident);
    if (actor.userId !== null) await grantAccess(trx, id, actor.userId, actor.userId, now);
    const by = { actorId: actor.userId, actorLabel: actor.label, at: now };
    await appendEvent(trx, id, {
      ...by,
      kind: 'created',
      body: {
        source,
        reference,
        title: incident.title,
        tlp: incident.tlp,
        severity: incident.severity,
        rsitClass,
        rsitType,
      },
    });
    const added = await insertObservables(trx, id, observables, actor.userId, now);
    if (added.length)
      await appendEvent(trx, id, {
        ...by,
        kind: 'observable',
        body: {
          action: 'added',
          observables: added.map((o) => ({ id: o.id, kind: o.kind, value: o.value })),
        },
      });
    const suggested = await recordSuggestions(trx, id, suggestions, now);
    if (suggested.length)
      await appendEvent(trx, id, {
        actorId: null,
        actorLabel: 'system',
        at: now,
        kind: 'constituent',
        body: {
          action: 'suggested',
          orgs: suggested.map((s) => ({ id: s.orgId, name: s.orgName, matched: s.matched })),
        },
      });
    await insertTemplateTasks(
      trx,
      incident,
      deps.reference.templatesFor(rsitClass, rsitType),
      actor,
      now,
    );
    if (escalation)
      await appendEvent(trx, id, {
        actorId: null,
        actorLabel: 'system',
        at: now,
        kind: 'escalation',
        body: escalation,
      });
    await appendAudit(
      trx,
      deps.db.dialect,
      audit,
      {
        action: 'incident.create',
        entityType: 'incident',
        entityId: id,
        after: { ...incident, observables: added.length },
      },
      deps.clock,
    );
    return incident;
  });
}

/** Adds the actor to the access list when the incident becomes restricted (same transaction). */
export async function keepActorOnRestricted(
  trx: Executor,
  actor: Actor,
  incident: Incident,
  at: string,
) {
  if (!isRestricted(incident.tlp) || actor.userId === null) return false;
  return grantAccess(trx, incident.id, actor.userId, actor.userId, at);
}
