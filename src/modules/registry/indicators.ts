import type { SelfReportRow } from './self-reports.js';
import { endOf, happenedBy } from './partial-date.js';
import type {
  Country,
  CountryStatus,
  GroupMembership,
  ReadinessAssessment,
  Team,
} from './registry.schema.js';
import { groups, ituRegions, organisations } from './registry.schema.js';
import { countryStateAsOf, groupsAsOf } from './status.js';

/** The revisions of Resolution 58 users compare against. */
export const resolutionBaselines = [
  '2008-12-31',
  '2012-12-31',
  '2016-12-31',
  '2020-12-31',
  '2022-12-31',
] as const;

/** The latest Resolution 58 revision before the as-of day (2008 for anything earlier). */
export function defaultComparison(asOf: string): string {
  return [...resolutionBaselines].reverse().find((b) => b < asOf) ?? resolutionBaselines[0];
}

export interface Coverage {
  total: number;
  national: number;
  /** national / total, rounded to 4 decimals; 0 when total is 0. */
  share: number;
  governmentOrSectoral: number;
  none: number;
  unknown: number;
}

export interface Breakdown {
  key: string;
  asOf: Coverage;
  compareTo: Coverage;
}

export interface ProgressReport {
  asOf: string;
  compareTo: string;
  overall: Breakdown & { change: { national: number; share: number } };
  byRegion: Breakdown[];
  byOrganisation: Breakdown[];
  byGroup: Breakdown[];
  maturity: { basic: number; intermediate: number; advanced: number; unknown: number };
  assessments: { total: number; inPeriod: number; undated: number };
  newCirts: { iso3: string; teamId: string; name: string; established: string }[];
  /**
   * Countries whose status was `unknown` on the comparison day and `national` on the as-of day:
   * their team's founding date is unknown, so part of the change may predate the period.
   */
  unknownToNational: string[];
  series: { date: string; national: number; share: number }[];
  /** Teams' own reports received over federation, beside the registry's status (may be empty). */
  selfReported: SelfReportRow[];
}

export interface ReportInput {
  countries: readonly Country[];
  memberships: readonly GroupMembership[];
  teams: readonly Team[];
  assessments: readonly ReadinessAssessment[];
  asOf: string;
  compareTo: string;
  seriesFrom?: number;
}

const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

function coverage(statuses: CountryStatus[]): Coverage {
  const count = (s: CountryStatus) => statuses.filter((x) => x === s).length;
  const national = count('national');
  return {
    total: statuses.length,
    national,
    share: statuses.length === 0 ? 0 : round4(national / statuses.length),
    governmentOrSectoral: count('government_or_sectoral'),
    none: count('none'),
    unknown: count('unknown'),
  };
}

/**
 * Every figure of the Resolution 58 progress report, computed from the registry alone. The same
 * inputs give the same report: lists are sorted, shares rounded, no clock is read.
 */
export function progressReport(input: ReportInput): ProgressReport {
  const members = input.countries.filter((c) => c.ituMember);
  const teamsByCountry = new Map<string, Team[]>();
  for (const team of input.teams)
    teamsByCountry.set(team.iso3, [...(teamsByCountry.get(team.iso3) ?? []), team]);
  const statusCache = new Map<string, Map<string, CountryStatus>>();
  const statusesOn = (day: string) => {
    let map = statusCache.get(day);
    if (!map) {
      map = new Map(
        members.map((c) => [
          c.iso3,
          countryStateAsOf(c, teamsByCountry.get(c.iso3) ?? [], day).status,
        ]),
      );
      statusCache.set(day, map);
    }
    return map;
  };
  const coverageOn = (day: string, keep: (c: Country) => boolean) => {
    const statuses = statusesOn(day);
    return coverage(members.filter(keep).map((c) => statuses.get(c.iso3)!));
  };
  const breakdown = (key: string, keepOn: (day: string) => (c: Country) => boolean): Breakdown => ({
    key,
    asOf: coverageOn(input.asOf, keepOn(input.asOf)),
    compareTo: coverageOn(input.compareTo, keepOn(input.compareTo)),
  });

  const overall = breakdown('all', () => () => true);
  const asOfStates = members.map((c) =>
    countryStateAsOf(c, teamsByCountry.get(c.iso3) ?? [], input.asOf),
  );
  const nationalStates = asOfStates.filter((s) => s.status === 'national');
  const asOfYear = Number(input.asOf.slice(0, 4));
  const compareYear = Number(input.compareTo.slice(0, 4));
  const memberCodes = new Set(members.map((c) => c.iso3));
  const assessments = input.assessments.filter((a) => memberCodes.has(a.iso3));

  const newCirts = input.teams
    .filter((t) => memberCodes.has(t.iso3))
    .flatMap((team) => {
      const established = team.events.find(
        (e) => e.retracted === null && e.value.kind === 'established',
      );
      if (!established || team.type !== 'national') return [];
      const inPeriod =
        !happenedBy(established.date, input.compareTo) && happenedBy(established.date, input.asOf);
      return inPeriod
        ? [{ iso3: team.iso3, teamId: team.id, name: team.name, established: established.date }]
        : [];
    })
    .sort((a, b) => a.established.localeCompare(b.established) || a.iso3.localeCompare(b.iso3));

  const seriesFrom = input.seriesFrom ?? 2008;
  const series: ProgressReport['series'] = [];
  for (let year = seriesFrom; year < asOfYear; year++) {
    const cover = coverageOn(endOf(String(year)), () => true);
    series.push({ date: endOf(String(year)), national: cover.national, share: cover.share });
  }
  series.push({ date: input.asOf, national: overall.asOf.national, share: overall.asOf.share });

  return {
    selfReported: [],
    asOf: input.asOf,
    compareTo: input.compareTo,
    overall: {
      ...overall,
      change: {
        national: overall.asOf.national - overall.compareTo.national,
        share: round4(overall.asOf.share - overall.compareTo.share),
      },
    },
    byRegion: ituRegions.map((region) => breakdown(region, () => (c) => c.ituRegion === region)),
    byOrganisation: organisations.map((org) =>
      breakdown(org, () => (c) => c.organisations.includes(org)),
    ),
    byGroup: groups.map((group) =>
      breakdown(group, (day) => (c) => groupsAsOf(input.memberships, c.iso3, day).includes(group)),
    ),
    maturity: {
      basic: nationalStates.filter((s) => s.maturity === 'basic').length,
      intermediate: nationalStates.filter((s) => s.maturity === 'intermediate').length,
      advanced: nationalStates.filter((s) => s.maturity === 'advanced').length,
      unknown: nationalStates.filter((s) => s.maturity === null).length,
    },
    assessments: {
      total: assessments.filter((a) => a.year === null || a.year <= asOfYear).length,
      inPeriod: assessments.filter(
        (a) => a.year !== null && a.year > compareYear && a.year <= asOfYear,
      ).length,
      undated: assessments.filter((a) => a.year === null).length,
    },
    newCirts,
    unknownToNational: members
      .filter(
        (c) =>
          statusesOn(input.compareTo).get(c.iso3) === 'unknown' &&
          statusesOn(input.asOf).get(c.iso3) === 'national',
      )
      .map((c) => c.iso3)
      .sort(),
    series,
  };
}
