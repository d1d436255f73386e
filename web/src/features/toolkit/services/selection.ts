/**
 * The services chosen, as the page edits them before saving. Pure functions without imports, so
 * the node tests can load this file as it is (test/web/toolkit-services.test.ts). The shape
 * mirrors serviceSelectionSchema in src/modules/toolkit/services.ts.
 */
export const horizons = ['now', 'next', 'later'] as const;
export type Horizon = (typeof horizons)[number];

export interface ServiceChoice {
  horizon: Horizon;
  /** The functions offered; absent means all of the service's functions. */
  functions?: string[];
  note: string;
}
export type ServiceSelection = Record<string, ServiceChoice>;

/** Plans a service for a horizon, or (null) takes it out of the plan. */
export function setHorizon(
  selection: ServiceSelection,
  serviceId: string,
  horizon: Horizon | null,
): ServiceSelection {
  const { [serviceId]: current, ...rest } = selection;
  if (horizon === null) return rest;
  return { ...rest, [serviceId]: { ...(current ?? { note: '' }), horizon } };
}

/** The functions a choice offers, in the catalogue's order. */
export function offeredFunctions(choice: ServiceChoice | undefined, all: string[]): string[] {
  if (!choice) return [];
  if (!choice.functions) return all;
  const chosen = new Set(choice.functions);
  return all.filter((f) => chosen.has(f));
}

/**
 * Offers or withdraws one function. Offering every function stores no list (the default), so a
 * later catalogue version's new functions are offered too. The last function cannot be
 * withdrawn: a service without functions is a service not planned.
 */
export function toggleFunction(
  selection: ServiceSelection,
  serviceId: string,
  all: string[],
  functionId: string,
  offered: boolean,
): ServiceSelection {
  const choice = selection[serviceId];
  if (!choice) return selection;
  const current = new Set(offeredFunctions(choice, all));
  if (offered) current.add(functionId);
  else current.delete(functionId);
  if (current.size === 0) return selection;
  const { functions: _functions, ...rest } = choice;
  const next: ServiceChoice =
    current.size === all.length ? rest : { ...rest, functions: all.filter((f) => current.has(f)) };
  return { ...selection, [serviceId]: next };
}

export function setNote(
  selection: ServiceSelection,
  serviceId: string,
  note: string,
): ServiceSelection {
  const choice = selection[serviceId];
  return choice ? { ...selection, [serviceId]: { ...choice, note } } : selection;
}

const normalise = (selection: ServiceSelection) =>
  JSON.stringify(
    Object.keys(selection)
      .sort()
      .map((id) => {
        const c = selection[id]!;
        return [id, c.horizon, c.functions ? [...c.functions].sort() : null, c.note.trim()];
      }),
  );

/** Whether two selections plan the same thing (key order and spacing around notes aside). */
export function sameSelection(a: ServiceSelection, b: ServiceSelection): boolean {
  return normalise(a) === normalise(b);
}

export function countByHorizon(selection: ServiceSelection): Record<Horizon, number> {
  const counts = { now: 0, next: 0, later: 0 };
  for (const choice of Object.values(selection)) counts[choice.horizon] += 1;
  return counts;
}

/** What the server stores: notes trimmed. */
export function toSaved(selection: ServiceSelection): ServiceSelection {
  return Object.fromEntries(
    Object.entries(selection).map(([id, c]) => [id, { ...c, note: c.note.trim() }]),
  );
}

export interface RequirementCheck {
  parameter: string;
  required: number;
  /** The level the SIM3 assessment gives; null when it has none or there is no assessment. */
  level: number | null;
  met: boolean;
}

/**
 * A service's SIM3 requirements against an assessment's levels, as the server checks them
 * (analyseServices in src/modules/toolkit/services.ts): a missing level counts as 0.
 */
export function checkRequirements(
  required: Array<{ parameter: string; level: number }>,
  levels: Record<string, { level: number | null } | undefined> | null,
): RequirementCheck[] {
  return required.map(({ parameter, level: needed }) => {
    const level = levels?.[parameter]?.level ?? null;
    return { parameter, required: needed, level, met: (level ?? 0) >= needed };
  });
}
