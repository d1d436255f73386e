import { provisionStates, type CoverageCounts, type ProvisionState } from './types.js';

/**
 * A stacked bar of a coverage row: one segment per state with provisions in it, in the order
 * enacted, partially, draft, absent, not assessed, not applicable, as fractions of the row's
 * total so every row is as long as its bar area whatever its size.
 */
export interface Segment {
  state: ProvisionState;
  count: number;
  /** Start and width, 0–1. */
  start: number;
  width: number;
}

export function segments(counts: CoverageCounts): Segment[] {
  if (counts.total === 0) return [];
  const out: Segment[] = [];
  let start = 0;
  for (const state of provisionStates) {
    const count = counts[state];
    if (count === 0) continue;
    const width = count / counts.total;
    out.push({ state, count, start, width });
    start += width;
  }
  return out;
}

/** Provisions with a recorded status (anything but not assessed). */
export const assessedCount = (counts: CoverageCounts) => counts.total - counts['not-assessed'];
