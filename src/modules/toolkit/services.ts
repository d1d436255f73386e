import { z } from 'zod';
import type { Service, ServicesCatalogue } from './content.schema.js';
import type { Sim3Answers } from './assessment.schema.js';
import type { Gap } from './gaps.js';

export const horizons = ['now', 'next', 'later'] as const;
export type Horizon = (typeof horizons)[number];

/** Which services a team plans, and when. Functions default to all of the service's. */
export const serviceSelectionSchema = z.record(
  z.string().regex(/^[A-Z]+-\d+$/, 'must be a service id like ISIM-2'),
  z.strictObject({
    horizon: z.enum(horizons),
    functions: z.array(z.string().regex(/^[A-Z]+-\d+\.\d+$/)).optional(),
    note: z.string().trim().max(2000).default(''),
  }),
);
export type ServiceSelection = z.infer<typeof serviceSelectionSchema>;

export interface ServiceRequirementCheck {
  parameter: string;
  required: number;
  /** Level from the SIM3 assessment used, null if not assessed or none. */
  level: number | null;
  met: boolean;
}

export interface ServiceAnalysis {
  serviceId: string;
  areaId: string;
  horizon: Horizon;
  requires: Service['requires'];
  checks: ServiceRequirementCheck[];
  ready: boolean;
}

export function findService(catalogue: ServicesCatalogue, id: string) {
  for (const area of catalogue.areas)
    for (const service of area.services) if (service.id === id) return { area, service };
  return undefined;
}

/** Problems with a selection: services or functions the catalogue does not have. */
export function selectionProblems(catalogue: ServicesCatalogue, selection: ServiceSelection) {
  const problems: Array<{ field: string; message: string }> = [];
  for (const [id, choice] of Object.entries(selection)) {
    const found = findService(catalogue, id);
    if (!found) {
      problems.push({
        field: `selection.${id}`,
        message: `is not a service of ${catalogue.id} ${catalogue.version}`,
      });
      continue;
    }
    for (const f of choice.functions ?? [])
      if (!found.service.functions.some((x) => x.id === f))
        problems.push({
          field: `selection.${id}.functions`,
          message: `${f} is not a function of ${id}`,
        });
  }
  return problems;
}

const horizonPhase = { now: 'establishment', next: 'enhancement', later: 'enhancement' } as const;

/**
 * What each chosen service needs, checked against the levels of a SIM3 assessment (the latest
 * one, usually). Services planned for now or next that need more than the team has are gaps.
 */
export function analyseServices(
  catalogue: ServicesCatalogue,
  selection: ServiceSelection,
  sim3: Sim3Answers | null,
): { services: ServiceAnalysis[]; gaps: Gap[] } {
  const services: ServiceAnalysis[] = [];
  const gaps: Gap[] = [];
  for (const area of catalogue.areas)
    for (const service of area.services) {
      const choice = selection[service.id];
      if (!choice) continue;
      const checks = service.requires.sim3.map(({ parameter, level: required }) => {
        const level = sim3?.[parameter]?.level ?? null;
        return { parameter, required, level, met: (level ?? 0) >= required };
      });
      const ready = checks.every((c) => c.met);
      services.push({
        serviceId: service.id,
        areaId: area.id,
        horizon: choice.horizon,
        requires: service.requires,
        checks,
        ready,
      });
      if (choice.horizon === 'later') continue;
      gaps.push({
        id: `service.${service.id}`,
        source: 'services',
        ref: service.id,
        area: area.id,
        title: service.name,
        detail: service.description,
        phase: horizonPhase[choice.horizon],
        priority: choice.horizon === 'now' ? 2 : 1,
        current: null,
        target: choice.horizon,
      });
      for (const c of checks.filter((x) => !x.met))
        gaps.push({
          id: `service.${service.id}.${c.parameter}`,
          source: 'services',
          ref: service.id,
          area: area.id,
          title: `${service.name}: ${c.parameter} ≥ ${c.required}`,
          detail: service.description,
          phase: horizonPhase[choice.horizon],
          priority: c.required - (c.level ?? 0),
          current: c.level === null ? null : String(c.level),
          target: String(c.required),
        });
    }
  return { services, gaps };
}
