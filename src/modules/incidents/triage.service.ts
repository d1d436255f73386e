import { AppError, isoNow } from '../../kernel/index.js';
import { appendAudit, type AuditContext } from '../accounts/index.js';
import type { Actor } from './access.js';
import type { IncidentsDeps } from './deps.js';
import { escalationBody } from './escalation.js';
import type { Incident, IncidentPatch, StatusChange, TimelineEvent } from './incident.schema.js';
import {
  checkAssignee,
  checkQueue,
  classify,
  keepActorOnRestricted,
  loadForWrite,
  loadReadable,
} from './service.js';
import { loadLadder, readSettings } from './settings.js';
import { checkSeverity } from './severity.js';
import { slaDeadlines } from './sla.js';
import { updateIncident } from './store.js';
import { appendEvent } from './timeline.js';
import { applyTransition, isReopen } from './workflow.js';

/** Triage, status changes and comments: each one transaction with its event and audit row. */
const stale = (current: number, given: number) =>
  new AppError(
    'conflict',
    `The incident changed meanwhile (revision ${current}, yours ${given}); reload it and try again`,
    { details: { revision: current } },
  );

const triageFields = [
  'title',
  'description',
  'rsitClass',
  'rsitType',
  'tlp',
  'pap',
  'severity',
  'impact',
  'sector',
  'assigneeId',
  'queue',
  'occurredAt',
] as const;

export async function patchIncident(
  deps: IncidentsDeps,
  actor: Actor,
  audit: AuditContext,
  id: string,
  patch: IncidentPatch,
): Promise<Incident> {
  const db = deps.db.kysely;
  const current = await loadReadable(db, actor, id);
  if (current.revision !== patch.revision) throw stale(current.revision, patch.revision);
  const { settings } = await readSettings(db);
  const next: Incident = { ...current };
  for (const field of triageFields) {
    const value = patch[field];
    if (value !== undefined) (next as Record<string, unknown>)[field] = value;
  }
  // A new type names its class; a new class alone drops a type that is not in it.
  if (patch.rsitType !== undefined && patch.rsitType !== null && patch.rsitClass === undefined)
    next.rsitClass = null;
  if (patch.rsitClass !== undefined && patch.rsitType === undefined && next.rsitType !== null) {
    const type = deps.reference.typeById.get(next.rsitType);
    if (type?.classId !== next.rsitClass) next.rsitType = null;
  }
  Object.assign(next, classify(deps.reference, next.rsitClass, next.rsitType));
  if (patch.severity !== undefined) checkSeverity(await loadLadder(db, settings), patch.severity);
  if (patch.queue !== undefined) checkQueue(settings, patch.queue);
  if (patch.assigneeId !== undefined) {
    await checkAssignee(db, patch.assigneeId);
    // Taking an incident away from the analyst who holds it is a lead's decision.
    const held = current.assigneeId !== null && current.assigneeId !== actor.userId;
    if (
      held &&
      patch.assigneeId !== current.assigneeId &&
      !actor.permissions.has('incidents.manage')
    )
      throw new AppError(
        'forbidden',
        'The incident is assigned to someone else: reassigning it needs the permission incidents.manage',
      );
  }

  const changed = triageFields.filter(
    (f) => JSON.stringify(current[f]) !== JSON.stringify(next[f]),
  );
  if (changed.length === 0) return current;
  const at = isoNow(deps.clock);
  const severityChanged = changed.includes('severity');
  if (severityChanged) Object.assign(next, slaDeadlines(next.severity, at, settings.sla));
  const escalation = severityChanged
    ? await escalationBody(deps, settings, next, current.severity, next.severity, at)
    : null;
  next.updatedAt = at;
  next.revision = current.revision + 1;

  return db.transaction().execute(async (trx) => {
    const fresh = await loadForWrite(trx, actor, id);
    if (fresh.revision !== patch.revision) throw stale(fresh.revision, patch.revision);
    await updateIncident(trx, next);
    const by = { actorId: actor.userId, actorLabel: actor.label, at };
    const triage = changed.filter((f) => f !== 'assigneeId' && f !== 'queue');
    if (triage.length)
      await appendEvent(trx, id, {
        ...by,
        kind: 'triage',
        body: {
          changes: Object.fromEntries(
            triage.map((f) => [
              f,
              {
                from: f === 'description' ? undefined : current[f],
                to: f === 'description' ? undefined : next[f],
              },
            ]),
          ),
        },
      });
    if (changed.includes('assigneeId') || changed.includes('queue'))
      await appendEvent(trx, id, {
        ...by,
        kind: 'assignment',
        body: {
          assigneeId: { from: current.assigneeId, to: next.assigneeId },
          queue: { from: current.queue, to: next.queue },
        },
      });
    if (await keepActorOnRestricted(trx, actor, next, at))
      await appendEvent(trx, id, {
        ...by,
        kind: 'access',
        body: { action: 'granted', userId: actor.userId, reason: `tlp:${next.tlp}` },
      });
    if (escalation)
      await appendEvent(trx, id, {
        actorId: null,
        actorLabel: 'system',
        at,
        kind: 'escalation',
        body: escalation,
      });
    await appendAudit(
      trx,
      deps.db.dialect,
      audit,
      {
        action: 'incident.update',
        entityType: 'incident',
        entityId: id,
        before: Object.fromEntries(changed.map((f) => [f, current[f]])),
        after: Object.fromEntries(changed.map((f) => [f, next[f]])),
      },
      deps.clock,
    );
    return next;
  });
}

export async function changeStatus(
  deps: IncidentsDeps,
  actor: Actor,
  audit: AuditContext,
  id: string,
  change: StatusChange,
): Promise<Incident> {
  const at = isoNow(deps.clock);
  return deps.db.kysely.transaction().execute(async (trx) => {
    const current = await loadForWrite(trx, actor, id);
    if (current.revision !== change.revision) throw stale(current.revision, change.revision);
    const fields = applyTransition(current, change.status, change.comment, at);
    const next: Incident = { ...current, ...fields, updatedAt: at, revision: current.revision + 1 };
    await updateIncident(trx, next);
    await appendEvent(trx, id, {
      actorId: actor.userId,
      actorLabel: actor.label,
      at,
      kind: 'status',
      body: {
        from: current.status,
        to: next.status,
        reopen: isReopen(current.status, next.status),
        comment: change.comment,
      },
    });
    await appendAudit(
      trx,
      deps.db.dialect,
      audit,
      {
        action: 'incident.status',
        entityType: 'incident',
        entityId: id,
        before: { status: current.status },
        after: { status: next.status, comment: change.comment },
      },
      deps.clock,
    );
    return next;
  });
}

export async function addComment(
  deps: IncidentsDeps,
  actor: Actor,
  audit: AuditContext,
  id: string,
  body: string,
): Promise<TimelineEvent> {
  const at = isoNow(deps.clock);
  return deps.db.kysely.transaction().execute(async (trx) => {
    await loadForWrite(trx, actor, id);
    const event = await appendEvent(trx, id, {
      actorId: actor.userId,
      actorLabel: actor.label,
      at,
      kind: 'comment',
      body: { text: body },
    });
    await appendAudit(
      trx,
      deps.db.dialect,
      audit,
      {
        action: 'incident.comment',
        entityType: 'incident',
        entityId: id,
        after: { eventId: event.id },
      },
      deps.clock,
    );
    return event;
  });
}
