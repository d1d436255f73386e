import type { ProvisionState, RatificationStatus } from './types.js';

/**
 * A symbol beside each state's colour, the same as in the printed reports, so the state reads
 * without colour (print in grey, colour blindness) and the word is there for screen readers.
 */
export const stateSymbols: Record<ProvisionState, string> = {
  enacted: '●',
  partially: '◐',
  draft: '◔',
  absent: '○',
  'not-assessed': '?',
  'not-applicable': '–',
};

export const ratificationTone: Record<RatificationStatus, 'success' | 'warning' | 'neutral'> = {
  none: 'neutral',
  signed: 'warning',
  ratified: 'success',
  acceded: 'success',
};

/** A share 0–100 as one of five heat steps (the matrix's share column), or null. */
export function heatStep(share: number | null): 0 | 1 | 2 | 3 | 4 | null {
  if (share === null) return null;
  return Math.min(4, Math.floor(share / 20)) as 0 | 1 | 2 | 3 | 4;
}
