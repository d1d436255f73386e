import { addMs } from '../../kernel/index.js';

/**
 * SLA timers per severity level: minutes to acknowledge (first move out of `new`) and minutes
 * to resolve. Deadlines count from the moment the incident was given its current severity.
 */
export interface SlaTarget {
  ackMinutes: number;
  resolveMinutes: number;
}
export type SlaTable = Readonly<Record<string, SlaTarget>>;

/** Defaults for the NCISS ladder (the toolkit's default BCM plan). */
export const defaultSla: SlaTable = {
  baseline: { ackMinutes: 2 * 1440, resolveMinutes: 30 * 1440 },
  low: { ackMinutes: 1440, resolveMinutes: 7 * 1440 },
  medium: { ackMinutes: 240, resolveMinutes: 3 * 1440 },
  high: { ackMinutes: 60, resolveMinutes: 1440 },
  severe: { ackMinutes: 30, resolveMinutes: 480 },
  emergency: { ackMinutes: 15, resolveMinutes: 240 },
};

export interface SlaDeadlines {
  ackDueAt: string | null;
  resolveDueAt: string | null;
}

/** Deadlines for a severity set at `since`; none without a severity or without an SLA for it. */
export function slaDeadlines(
  severity: string | null,
  since: string,
  table: SlaTable,
): SlaDeadlines {
  const target = severity === null ? undefined : table[severity];
  if (!target) return { ackDueAt: null, resolveDueAt: null };
  return {
    ackDueAt: addMs(since, target.ackMinutes * 60_000),
    resolveDueAt: addMs(since, target.resolveMinutes * 60_000),
  };
}

/** `none`: no deadline; `pending`: not done, not late; `met`: done in time; `breached`: late. */
export type SlaClockState = 'none' | 'pending' | 'met' | 'breached';

export interface SlaState {
  ack: SlaClockState;
  resolve: SlaClockState;
  breached: boolean;
}

export interface SlaFields {
  ackDueAt: string | null;
  resolveDueAt: string | null;
  acknowledgedAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
}

function clock(due: string | null, doneAt: string | null, now: number): SlaClockState {
  if (due === null) return 'none';
  const dueMs = Date.parse(due);
  if (doneAt !== null) return Date.parse(doneAt) <= dueMs ? 'met' : 'breached';
  return now > dueMs ? 'breached' : 'pending';
}

/** Where the incident stands against its deadlines at `now`. Closing counts as resolving. */
export function slaState(incident: SlaFields, now: Date): SlaState {
  const t = now.getTime();
  const ack = clock(incident.ackDueAt, incident.acknowledgedAt, t);
  const resolve = clock(incident.resolveDueAt, incident.resolvedAt ?? incident.closedAt, t);
  return { ack, resolve, breached: ack === 'breached' || resolve === 'breached' };
}
