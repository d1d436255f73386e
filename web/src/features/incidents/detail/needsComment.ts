import type { IncidentStatus } from '../types.js';

/** Moves that need a reason in words: reopening, and closing what was never resolved. */
export function needsComment(from: IncidentStatus, to: IncidentStatus): boolean {
  const reopening = (from === 'resolved' || from === 'closed') && to !== 'closed';
  const closingUnresolved = to === 'closed' && from !== 'resolved';
  return reopening || closingUnresolved;
}
