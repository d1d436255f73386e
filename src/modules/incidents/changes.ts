import type { Executor } from '../../storage/index.js';
import { appendAudit, type AuditContext } from '../accounts/index.js';
import type { Actor } from './access.js';
import type { IncidentsDeps } from './deps.js';
import type { EventKind } from './incident.schema.js';
import { appendEvent } from './timeline.js';

/** One change to an incident, as its timeline shows it and as the audit log keeps it. */
export interface IncidentChange {
  kind: EventKind;
  /** The timeline event's body. */
  body: Record<string, unknown>;
  /** The audit action, e.g. `incident.task_create`. */
  action: string;
  before?: unknown;
  after?: unknown;
}

/**
 * Records a change to an incident: an event on its timeline by the actor, and an audit row on
 * the incident. Call it inside the transaction of the change.
 *
 * @example
 * await recordChange(trx, deps, { actor, audit, at }, incidentId, {
 *   kind: 'task',
 *   body: { action: 'deleted', task: { id, title } },
 *   action: 'incident.task_delete',
 *   before: task,
 * });
 */
export async function recordChange(
  trx: Executor,
  deps: Pick<IncidentsDeps, 'db' | 'clock'>,
  by: { actor: Actor; audit: AuditContext; at: string },
  incidentId: string,
  change: IncidentChange,
): Promise<void> {
  await appendEvent(trx, incidentId, {
    kind: change.kind,
    actorId: by.actor.userId,
    actorLabel: by.actor.label,
    at: by.at,
    body: change.body,
  });
  await appendAudit(
    trx,
    deps.db.dialect,
    by.audit,
    {
      action: change.action,
      entityType: 'incident',
      entityId: incidentId,
      before: change.before,
      after: change.after,
    },
    deps.clock,
  );
}
