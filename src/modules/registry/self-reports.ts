/**
 * Facts national CIRTs publish about themselves (through the exchange module's federation)
 * set beside what the registry records. The registry never takes them as its own facts: a
 * coordinator reads where the two disagree and records a fact with its source if warranted.
 */
import type { CountryStatus } from './registry.schema.js';

/** A team's own report of itself, as received (the exchange module provides them). */
export interface SelfReport {
  iso3: string;
  team: string;
  teamType: 'national' | 'government' | 'sectoral';
  status: 'operational' | 'being-established' | 'planned';
  maturity: { tier: 'basic' | 'intermediate' | 'advanced'; assessedOn: string } | null;
  /** The peer it came from and when (the latest version's provenance). */
  receivedFrom: string;
  receivedAt: string;
  tlp: 'clear' | 'green';
}

export interface SelfReportRow extends SelfReport {
  /** What the registry says of the country on the report's day. */
  registryStatus: CountryStatus;
  /** The team says it is an operational national CIRT exactly when the registry does. */
  agrees: boolean;
}

/** Self-reports beside the registry's status, by country then team; unknown countries left out. */
export function compareSelfReports(
  reports: readonly SelfReport[],
  registryStatus: (iso3: string) => CountryStatus | undefined,
): SelfReportRow[] {
  return reports
    .flatMap((r) => {
      const status = registryStatus(r.iso3);
      if (status === undefined) return [];
      const saysNational = r.teamType === 'national' && r.status === 'operational';
      return [{ ...r, registryStatus: status, agrees: saysNational === (status === 'national') }];
    })
    .sort((a, b) => a.iso3.localeCompare(b.iso3) || a.team.localeCompare(b.team));
}
