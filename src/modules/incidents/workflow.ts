import { AppError } from '../../kernel/index.js';
import type { IncidentStatus } from './incident.schema.js';

/**
 * The status workflow. An incident moves forward from `new` to `closed`; `in-progress` and
 * `waiting-external` alternate; a resolved or closed incident is reopened to `in-progress` with
 * a comment saying why; closing an incident that was never resolved (spam, duplicate, out of
 * scope) also needs a comment.
 */
export const transitions: Readonly<Record<IncidentStatus, readonly IncidentStatus[]>> = {
  new: ['triage', 'closed'],
  triage: ['in-progress', 'waiting-external', 'resolved', 'closed'],
  'in-progress': ['waiting-external', 'resolved', 'closed'],
  'waiting-external': ['in-progress', 'resolved', 'closed'],
  resolved: ['closed', 'in-progress'],
  closed: ['in-progress'],
};

export const allowedNext = (from: IncidentStatus): readonly IncidentStatus[] => transitions[from];

export const isReopen = (from: IncidentStatus, to: IncidentStatus): boolean =>
  (from === 'resolved' || from === 'closed') && to === 'in-progress';

/** Whether the move needs a comment: reopening, or closing what was never resolved. */
export const needsComment = (from: IncidentStatus, to: IncidentStatus): boolean =>
  isReopen(from, to) || (to === 'closed' && from !== 'resolved');

export interface StatusFields {
  status: IncidentStatus;
  acknowledgedAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  mergedIntoId: string | null;
}

/**
 * The fields after a status change made at `at`, or a validation error naming `status` (and the
 * statuses allowed next) or `comment`. The first move out of `new` acknowledges the incident;
 * reopening clears the resolution and closure times so the resolve SLA runs again.
 */
export function applyTransition(
  current: StatusFields,
  to: IncidentStatus,
  comment: string,
  at: string,
): StatusFields {
  const from = current.status;
  if (current.mergedIntoId !== null)
    throw new AppError('validation_failed', 'This incident was merged into another one', {
      issues: [{ field: 'status', message: 'a merged incident stays closed' }],
      details: { allowed: [] },
    });
  if (!transitions[from].includes(to)) {
    const allowed = transitions[from];
    throw new AppError('validation_failed', `An incident cannot go from ${from} to ${to}`, {
      issues: [
        {
          field: 'status',
          message: `cannot go from ${from} to ${to}; allowed next: ${allowed.join(', ')}`,
        },
      ],
      details: { from, to, allowed },
    });
  }
  if (needsComment(from, to) && comment.trim() === '')
    throw new AppError('validation_failed', 'Say why in a comment', {
      issues: [
        {
          field: 'comment',
          message: isReopen(from, to)
            ? 'is required to reopen an incident'
            : 'is required to close an incident that was not resolved',
        },
      ],
    });
  const next: StatusFields = { ...current, status: to };
  if (from === 'new' && next.acknowledgedAt === null) next.acknowledgedAt = at;
  if (to === 'resolved') next.resolvedAt = at;
  if (to === 'closed') next.closedAt = at;
  if (isReopen(from, to)) {
    next.resolvedAt = null;
    next.closedAt = null;
  }
  return next;
}
