import type { Incident } from '../types.js';

/**
 * Where an incident stands against its SLA deadlines at `now`: for each clock (acknowledge,
 * resolve), whether it is running, met, or breached, and by how much. Pure: the page passes
 * the time so the answer is testable and the timers tick with one interval.
 */
export type ClockState =
  | { state: 'none' }
  | { state: 'running'; dueAt: string; remainingMs: number }
  | { state: 'breached'; dueAt: string; overdueMs: number; stoppedAt: string | null }
  | { state: 'met'; dueAt: string; doneAt: string };

export interface SlaView {
  acknowledge: ClockState;
  resolve: ClockState;
}

function clock(dueAt: string | null, doneAt: string | null, now: number): ClockState {
  if (!dueAt) return { state: 'none' };
  const due = Date.parse(dueAt);
  if (doneAt) {
    const done = Date.parse(doneAt);
    return done <= due
      ? { state: 'met', dueAt, doneAt }
      : { state: 'breached', dueAt, overdueMs: done - due, stoppedAt: doneAt };
  }
  return now <= due
    ? { state: 'running', dueAt, remainingMs: due - now }
    : { state: 'breached', dueAt, overdueMs: now - due, stoppedAt: null };
}

export function slaView(incident: Incident, now: number): SlaView {
  return {
    acknowledge: clock(incident.ackDueAt, incident.acknowledgedAt, now),
    resolve: clock(incident.resolveDueAt, incident.resolvedAt ?? incident.closedAt, now),
  };
}

/** "2 h 5 min", "3 d 4 h", "45 min": coarse enough to read at a glance. */
export function splitDuration(ms: number): { days: number; hours: number; minutes: number } {
  const minutesTotal = Math.max(0, Math.floor(ms / 60_000));
  return {
    days: Math.floor(minutesTotal / 1440),
    hours: Math.floor((minutesTotal % 1440) / 60),
    minutes: minutesTotal % 60,
  };
}
