import type { Phase, Sim3Model, Tiers } from './content.schema.js';
import type { Sim3Answers } from './assessment.schema.js';
import type { Gap } from './gaps.js';

export type TierId = Tiers['tiers'][number]['id'];

export interface QuadrantResult {
  quadrantId: 'O' | 'H' | 'T' | 'P';
  /** Mean level of the assessed parameters (null when none is assessed). */
  mean: number | null;
  assessed: number;
  parameters: Array<{ id: string; level: number | null }>;
}

export interface Blocker {
  parameter: string;
  /** null = not assessed, which counts as 0. */
  level: number | null;
  required: number;
}

export interface TierEvaluation {
  /** The highest tier whose minimums (and every lower tier's) are all met; null if none. */
  achieved: TierId | null;
  next: TierId | null;
  /** The parameters that keep the assessment from `next`, in model order. */
  blockers: Blocker[];
  /** For every tier, the parameters below its minimum. */
  tiers: Array<{ id: TierId; met: boolean; blockers: Blocker[] }>;
}

export interface Sim3Result {
  mean: number | null;
  assessed: number;
  parameters: number;
  quadrants: QuadrantResult[];
  tiers: TierEvaluation;
  gaps: Gap[];
}

const round2 = (x: number) => Math.round(x * 100) / 100;

export function scoreQuadrants(model: Sim3Model, answers: Sim3Answers): QuadrantResult[] {
  return model.quadrants.map((q) => {
    const parameters = q.parameters.map((p) => ({ id: p.id, level: answers[p.id]?.level ?? null }));
    const levels = parameters.map((p) => p.level).filter((l): l is number => l !== null);
    return {
      quadrantId: q.id,
      mean: levels.length ? round2(levels.reduce((s, l) => s + l, 0) / levels.length) : null,
      assessed: levels.length,
      parameters,
    };
  });
}

/**
 * Evaluates levels against a tier table. Tiers are cumulative: a team is "intermediate" only
 * if it also meets "basic". Unassessed parameters count as 0, so a draft never looks better
 * than it is.
 */
export function evaluateTiers(
  model: Sim3Model,
  tiers: Tiers,
  answers: Sim3Answers,
): TierEvaluation {
  const order = model.quadrants.flatMap((q) => q.parameters.map((p) => p.id));
  const evaluated = tiers.tiers.map((tier) => {
    const blockers: Blocker[] = [];
    for (const id of order) {
      const required = tier.minimums[id] ?? 0;
      const level = answers[id]?.level ?? null;
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
  return {
    achieved,
    next,
    blockers: evaluated.find((t) => t.id === next)?.blockers ?? [],
    tiers: evaluated,
  };
}

const quadrantPhase: Record<string, Phase> = {
  O: 'design',
  H: 'establishment',
  T: 'establishment',
  P: 'establishment',
};

export function scoreSim3(model: Sim3Model, tiers: Tiers, answers: Sim3Answers): Sim3Result {
  const quadrants = scoreQuadrants(model, answers);
  const evaluation = evaluateTiers(model, tiers, answers);
  const all = quadrants.flatMap((q) => q.parameters);
  const levels = all.map((p) => p.level).filter((l): l is number => l !== null);
  const parameters = new Map(
    model.quadrants.flatMap((q) => q.parameters.map((p) => [p.id, { q: q.id, p }] as const)),
  );
  // The gaps are what blocks the next tier: closing them is what moves the team up.
  const gaps: Gap[] = evaluation.blockers.map((b) => {
    const { q, p } = parameters.get(b.parameter)!;
    return {
      id: `sim3.${b.parameter}`,
      source: 'sim3',
      ref: b.parameter,
      area: q,
      title: p.gapTitle,
      detail: `${b.parameter} ${p.name}`,
      phase: quadrantPhase[q]!,
      priority: b.required - (b.level ?? 0),
      current: b.level === null ? null : String(b.level),
      target: String(b.required),
    };
  });
  return {
    mean: levels.length ? round2(levels.reduce((s, l) => s + l, 0) / levels.length) : null,
    assessed: levels.length,
    parameters: all.length,
    quadrants,
    tiers: evaluation,
    gaps,
  };
}

export interface ParameterChange {
  parameter: string;
  before: number | null;
  after: number | null;
  /** after − before, null when either is not assessed. */
  delta: number | null;
}

/** Two assessments side by side, parameter by parameter, in model order. */
export function compareSim3(model: Sim3Model, before: Sim3Answers, after: Sim3Answers) {
  const changes: ParameterChange[] = model.quadrants.flatMap((q) =>
    q.parameters.map((p) => {
      const a = before[p.id]?.level ?? null;
      const b = after[p.id]?.level ?? null;
      return {
        parameter: p.id,
        before: a,
        after: b,
        delta: a === null || b === null ? null : b - a,
      };
    }),
  );
  return {
    changes,
    improved: changes.filter((c) => (c.delta ?? 0) > 0).length,
    worsened: changes.filter((c) => (c.delta ?? 0) < 0).length,
    unchanged: changes.filter((c) => c.delta === 0).length,
  };
}

/** Problems with answers given to a model version: unknown parameters. */
export function sim3AnswerProblems(
  model: Sim3Model,
  answers: Sim3Answers,
): Array<{ field: string; message: string }> {
  const ids = new Set(model.quadrants.flatMap((q) => q.parameters.map((p) => p.id)));
  return Object.keys(answers)
    .filter((id) => !ids.has(id))
    .map((id) => ({
      field: `answers.${id}`,
      message: `is not a parameter of ${model.id} version ${model.version}`,
    }));
}
