import type { Locale } from '../accounts/index.js';
import { countryNames, countryName } from './names.js';
import { needsAsOf, requireCountry, type RegistryDeps } from './service.js';
import { loadAssessments, loadTeams } from './store.js';
import { countryStateAsOf, teamStateAsOf } from './status.js';

/** One country as the profile page shows it: every fact with its source and history. */
export async function countryProfile(deps: RegistryDeps, iso3: string, asOf: string, lang: Locale) {
  const country = requireCountry(deps, iso3);
  const [teams, assessments, needs] = await Promise.all([
    loadTeams(deps.db.kysely, iso3),
    loadAssessments(deps.db.kysely),
    needsAsOf(deps, asOf),
  ]);
  const state = countryStateAsOf(country, teams, asOf);
  const own = assessments.filter((a) => a.iso3 === iso3);
  const groups = deps.data.memberships.filter((m) => m.iso3 === iso3);
  const cited = new Set<string>([
    ...groups.flatMap((g) => g.source.split(';')),
    ...own.flatMap((a) => a.source.split(';')),
    ...teams.flatMap((t) =>
      t.events.flatMap((e) => (e.citation.sourceId ?? '').split(';').filter(Boolean)),
    ),
  ]);
  const need = needs.find((n) => n.iso3 === iso3);
  return {
    iso3: country.iso3,
    iso2: country.iso2,
    numeric: country.numeric,
    m49: country.m49,
    name: countryName(country.iso2, lang),
    names: countryNames(country.iso2),
    ituMember: country.ituMember,
    ituRegion: country.ituRegion,
    organisations: country.organisations,
    sovereignty: country.sovereignty,
    notes: country.notes,
    asOf,
    status: state.status,
    maturity: state.maturity,
    groups: groups.map(({ group, from, to, source, confidence }) => ({
      group,
      from,
      to,
      source,
      confidence,
    })),
    teams: teams.map((team) => {
      const current = teamStateAsOf(team, asOf);
      return {
        id: team.id,
        name: current.name,
        type: current.type,
        active: current.active ?? null,
        events: team.events,
      };
    }),
    assessments: own.map(({ year, source, confidence }) => ({ year, source, confidence })),
    sources: deps.data.sources
      .filter((s) => cited.has(s.id))
      .map(({ id, title, publisher, url, date }) => ({ id, title, publisher, url, date })),
    need: need ? { rank: need.rank, score: need.score, contributions: need.contributions } : null,
  };
}
