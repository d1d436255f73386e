import type { Catalogue, Provision } from './catalogue.schema.js';
import type { ProvisionState, StateOf } from './coverage.js';

/**
 * A country's gaps, most urgent first. The order is: the category's place in the priority
 * (the catalogue's `gapPriority` unless the user gives another), then how far the provision is
 * from law (absent, not assessed, draft, partially), then how many instruments ask for it (the
 * more, the more harmonisation it brings), then its id so the order is stable.
 */
export type GapState = Exclude<ProvisionState, 'enacted' | 'not-applicable'>;
const stateRank: Record<GapState, number> = {
  absent: 0,
  'not-assessed': 1,
  draft: 2,
  partially: 3,
};

export interface Gap {
  provision: Provision;
  state: GapState;
  /** 1-based position in the report. */
  rank: number;
}

export class PriorityError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('; '));
    this.name = 'PriorityError';
  }
}

/**
 * The full category order from a user's choice: the categories named first, in their order,
 * then the others in the catalogue's default order. Unknown or repeated names are an error.
 */
export function priorityOrder(catalogue: Catalogue, chosen: readonly string[] = []): string[] {
  const known = new Set(catalogue.categories.map((c) => c.id));
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const c of chosen) {
    if (!known.has(c)) problems.push(`unknown category "${c}"; known: ${[...known].join(', ')}`);
    else if (seen.has(c)) problems.push(`category "${c}" is named twice`);
    seen.add(c);
  }
  if (problems.length > 0) throw new PriorityError(problems);
  return [...chosen, ...catalogue.gapPriority.filter((c) => !seen.has(c))];
}

function isGap(state: ProvisionState): state is GapState {
  return state !== 'enacted' && state !== 'not-applicable';
}

export function gaps(catalogue: Catalogue, stateOf: StateOf, priority?: readonly string[]): Gap[] {
  const order = priorityOrder(catalogue, priority);
  const place = new Map(order.map((c, i) => [c, i]));
  return catalogue.provisions
    .map((provision) => ({ provision, state: stateOf(provision.id) }))
    .filter((g): g is { provision: Provision; state: GapState } => isGap(g.state))
    .sort(
      (a, b) =>
        (place.get(a.provision.category) ?? order.length) -
          (place.get(b.provision.category) ?? order.length) ||
        stateRank[a.state] - stateRank[b.state] ||
        b.provision.references.length - a.provision.references.length ||
        a.provision.id.localeCompare(b.provision.id),
    )
    .map((g, i) => ({ ...g, rank: i + 1 }));
}
