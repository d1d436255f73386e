import type { Assessment, AssessmentStatus } from './assessment.schema.js';
import type { Catalogue, Provision } from './catalogue.schema.js';

/**
 * How much of the catalogue a country's law covers. A provision counts 1 when enacted, ½ when
 * partially enacted and 0 when only drafted, absent or not yet assessed: a draft gives no legal
 * basis yet. `not-applicable` takes the provision out of the count (an optional offence a
 * country chose not to make). Percentages are of the provisions that count.
 */
export const statusWeights = { enacted: 1, partially: 0.5, draft: 0, absent: 0 } as const;

/** A provision's state in a country: its assessment's status, or not assessed yet. */
export type ProvisionState = AssessmentStatus | 'not-assessed';
export const provisionStates = [
  'enacted',
  'partially',
  'draft',
  'absent',
  'not-assessed',
  'not-applicable',
] as const satisfies readonly ProvisionState[];

export interface CoverageCounts {
  enacted: number;
  partially: number;
  draft: number;
  absent: number;
  'not-assessed': number;
  'not-applicable': number;
  /** Provisions in scope, not-applicable included. */
  total: number;
  /** 0–100 with one decimal, or null when every provision in scope is not applicable. */
  percent: number | null;
}

export interface Coverage {
  overall: CoverageCounts;
  byCategory: Array<{ category: string } & CoverageCounts>;
  /** Only instruments mapped provision by provision. */
  byInstrument: Array<{ instrument: string } & CoverageCounts>;
}

export type StateOf = (provision: string) => ProvisionState;

/** The state of each provision from a country's current assessments. */
export function stateLookup(
  assessments: readonly Pick<Assessment, 'provision' | 'status'>[],
): StateOf {
  const byProvision = new Map(assessments.map((a) => [a.provision, a.status]));
  return (provision) => byProvision.get(provision) ?? 'not-assessed';
}

export function weightOf(state: ProvisionState): number {
  return state === 'not-assessed' || state === 'not-applicable' ? 0 : statusWeights[state];
}

const round1 = (n: number) => Math.round(n * 10) / 10;

export function countStates(provisions: readonly Provision[], stateOf: StateOf): CoverageCounts {
  const counts: CoverageCounts = {
    enacted: 0,
    partially: 0,
    draft: 0,
    absent: 0,
    'not-assessed': 0,
    'not-applicable': 0,
    total: provisions.length,
    percent: null,
  };
  let score = 0;
  for (const p of provisions) {
    const state = stateOf(p.id);
    counts[state] += 1;
    score += weightOf(state);
  }
  const counted = counts.total - counts['not-applicable'];
  counts.percent = counted === 0 ? null : round1((score / counted) * 100);
  return counts;
}

export function coverage(catalogue: Catalogue, stateOf: StateOf): Coverage {
  const { provisions } = catalogue;
  return {
    overall: countStates(provisions, stateOf),
    byCategory: catalogue.categories.map((c) => ({
      category: c.id,
      ...countStates(
        provisions.filter((p) => p.category === c.id),
        stateOf,
      ),
    })),
    byInstrument: catalogue.instruments
      .filter((i) => i.mapped)
      .map((i) => ({
        instrument: i.id,
        ...countStates(
          provisions.filter((p) => p.references.some((r) => r.instrument === i.id)),
          stateOf,
        ),
      })),
  };
}
