import { AppError } from '../../kernel/index.js';
import type { SlaTable, SlaTarget } from './sla.js';

/**
 * The national severity ladder: the levels of the BCM plan of the toolkit project named in the
 * settings, or the toolkit's default plan (the six NCISS levels, Baseline to Emergency) when no
 * project is configured or its plan is not saved yet.
 */
export interface SeverityLevel {
  id: string;
  name: string;
  rank: number;
  colour: string;
  description: string;
}

export interface Ladder {
  /** Where the levels come from: a project's saved plan, or the default NCISS ladder. */
  origin: 'project' | 'default';
  projectId: string | null;
  levels: SeverityLevel[];
}

/** The levels, least severe first. */
export function ladderOf(
  levels: readonly SeverityLevel[],
  origin: Ladder['origin'],
  projectId: string | null,
): Ladder {
  return {
    origin,
    projectId,
    levels: [...levels]
      .sort((a, b) => a.rank - b.rank)
      .map(({ id, name, rank, colour, description }) => ({ id, name, rank, colour, description })),
  };
}

/** A severity must be one of the ladder's level ids; anything else names the field. */
export function checkSeverity(ladder: Ladder, severity: string | null, field = 'severity'): void {
  if (severity === null || ladder.levels.some((l) => l.id === severity)) return;
  const ids = ladder.levels.map((l) => l.id).join(', ');
  throw new AppError('validation_failed', `${severity} is not a level of the severity ladder`, {
    issues: [{ field, message: `must be one of ${ids}` }],
  });
}

/** Compares two levels: negative when `a` is less severe. Unknown levels rank lowest. */
export function compareSeverity(ladder: Ladder, a: string | null, b: string | null): number {
  const rank = (id: string | null) => ladder.levels.find((l) => l.id === id)?.rank ?? -1;
  return rank(a) - rank(b);
}

/** The ladder's levels with their SLA (null where the settings give none). */
export function levelsWithSla(
  ladder: Ladder,
  sla: SlaTable,
): (SeverityLevel & { sla: SlaTarget | null })[] {
  return ladder.levels.map((level) => ({ ...level, sla: sla[level.id] ?? null }));
}
