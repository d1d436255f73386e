/**
 * The SIM3 score of a set of levels, computed in the browser so the radar, the means and the
 * tier evaluation follow each change at once instead of after the next save. It mirrors
 * scoreQuadrants and evaluateTiers of src/modules/toolkit/sim3.ts, and
 * test/web/sim3-evaluate.test.ts checks that both answer the same. No imports: the server's
 * tests load this file too.
 */

export type TierId = 'basic' | 'intermediate' | 'advanced';

/** The level given to one parameter (null = not assessed yet) and the evidence for it. */
export interface Sim3Answer {
  level: number | null;
  evidence: string;
}
export type Sim3Answers = Record<string, Sim3Answer>;

/** What evaluation needs of the model and the tier table (both satisfied by the content). */
export interface ModelShape {
  quadrants: ReadonlyArray<{
    id: 'O' | 'H' | 'T' | 'P';
    parameters: ReadonlyArray<{ id: string }>;
  }>;
}
export interface TiersShape {
  tiers: ReadonlyArray<{ id: TierId; minimums: Readonly<Record<string, number>> }>;
}

export interface Blocker {
  parameter: string;
  /** null = not assessed, which counts as 0. */
  level: number | null;
  required: number;
}

export interface QuadrantScore {
  quadrantId: 'O' | 'H' | 'T' | 'P';
  mean: number | null;
  assessed: number;
  parameters: Array<{ id: string; level: number | null }>;
}

export interface Sim3Evaluation {
  mean: number | null;
  assessed: number;
  parameters: number;
  quadrants: QuadrantScore[];
  tiers: {
    /** The highest tier whose minimums (and every lower tier's) are met; null if none. */
    achieved: TierId | null;
    next: TierId | null;
    /** What keeps the assessment from `next`, in model order. */
    blockers: Blocker[];
    tiers: Array<{ id: TierId; met: boolean; blockers: Blocker[] }>;
  };
}

const round2 = (x: number) => Math.round(x * 100) / 100;
const meanOf = (levels: number[]) =>
  levels.length ? round2(levels.reduce((s, l) => s + l, 0) / levels.length) : null;

export function evaluateSim3(
  model: ModelShape,
  tiers: TiersShape,
  answers: Sim3Answers,
): Sim3Evaluation {
  const quadrants = model.quadrants.map((q) => {
    const parameters = q.parameters.map((p) => ({ id: p.id, level: answers[p.id]?.level ?? null }));
    const levels = parameters.map((p) => p.level).filter((l): l is number => l !== null);
    return { quadrantId: q.id, mean: meanOf(levels), assessed: levels.length, parameters };
  });
  const all = quadrants.flatMap((q) => q.parameters);
  const evaluated = tiers.tiers.map((tier) => {
    const blockers: Blocker[] = [];
    for (const { id, level } of all) {
      const required = tier.minimums[id] ?? 0;
      if ((level ?? 0) < required) blockers.push({ parameter: id, level, required });
    }
    return { id: tier.id, met: blockers.length === 0, blockers };
  });
  let achieved: TierId | null = null;
  let next: TierId | null = null;
  for (const tier of evaluated) {
    if (tier.met && next === null) achieved = tier.id;
    else if (next === null) next = tier.id;
  }
  const levels = all.map((p) => p.level).filter((l): l is number => l !== null);
  return {
    mean: meanOf(levels),
    assessed: levels.length,
    parameters: all.length,
    quadrants,
    tiers: {
      achieved,
      next,
      blockers: evaluated.find((t) => t.id === next)?.blockers ?? [],
      tiers: evaluated,
    },
  };
}

/** The minimum level a tier asks of each parameter of a quadrant (0 where it asks nothing). */
export function tierMinimums(
  tiers: TiersShape,
  tierId: TierId | null,
  parameterIds: readonly string[],
): number[] | undefined {
  const tier = tiers.tiers.find((t) => t.id === tierId);
  return tier ? parameterIds.map((id) => tier.minimums[id] ?? 0) : undefined;
}
