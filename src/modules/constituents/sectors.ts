/**
 * The sectors an organisation may belong to. The critical-infrastructure ones follow the
 * sectors most national frameworks designate (energy, finance, health, transport, water,
 * digital infrastructure...); `critical` on an organisation is a separate, explicit flag
 * because a designation is made per operator, not per sector.
 */
export const sectorList = [
  { id: 'energy', criticalInfrastructure: true },
  { id: 'finance-banking', criticalInfrastructure: true },
  { id: 'telecommunications', criticalInfrastructure: true },
  { id: 'health', criticalInfrastructure: true },
  { id: 'transport', criticalInfrastructure: true },
  { id: 'water', criticalInfrastructure: true },
  { id: 'government', criticalInfrastructure: true },
  { id: 'digital-infrastructure', criticalInfrastructure: true },
  { id: 'food', criticalInfrastructure: true },
  { id: 'space', criticalInfrastructure: true },
  { id: 'education-research', criticalInfrastructure: false },
  { id: 'manufacturing', criticalInfrastructure: false },
  { id: 'other', criticalInfrastructure: false },
] as const;

export type Sector = (typeof sectorList)[number]['id'];
export const sectors = sectorList.map((s) => s.id) as [Sector, ...Sector[]];

/** Whether a sector is one of the critical-infrastructure sectors. */
export function isCriticalInfrastructureSector(sector: string): boolean {
  return sectorList.some((s) => s.id === sector && s.criticalInfrastructure);
}
