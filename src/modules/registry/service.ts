import { AppError, isoNow, newId, type Clock } from '../../kernel/index.js';
import { appendAudit, type AuditContext, type Locale } from '../accounts/index.js';
import type { Db } from '../../storage/index.js';
import { progressReport, type ProgressReport } from './indicators.js';
import { countryName } from './names.js';
import {
  defaultWeights,
  rankNeeds,
  type NeedInput,
  type RankedNeed,
  type Weights,
} from './needs.js';
import { endOf, happenedBy, startOf } from './partial-date.js';
import type { ReferenceData } from './reference-data.js';
import type { ReportView } from './report-html.js';
import type {
  Citation,
  Confidence,
  Country,
  Team,
  TeamEvent,
  TeamEventValue,
  TeamType,
} from './registry.schema.js';
import { compareSelfReports, type SelfReport, type SelfReportRow } from './self-reports.js';
import { countryStateAsOf, groupsAsOf } from './status.js';
import { findEvent, insertEvent, insertTeam, loadAssessments, loadTeams } from './store.js';

export interface RegistryDeps {
  db: Db;
  clock: Clock;
  data: ReferenceData;
  /**
   * Teams' reports of themselves received over federation, at most TLP:GREEN (the progress
   * report is shared with the community). Set by the composition root; absent, none.
   */
  selfReports?: () => Promise<SelfReport[]>;
}

/** The report's day status of each self-reporting country, beside what the team says. */
async function selfReportedRows(
  deps: RegistryDeps,
  teams: Awaited<ReturnType<typeof loadTeams>>,
  asOf: string,
): Promise<SelfReportRow[]> {
  const reports = (await deps.selfReports?.()) ?? [];
  if (reports.length === 0) return [];
  return compareSelfReports(reports, (iso3) => {
    const country = deps.data.countries.find((c) => c.iso3 === iso3);
    return country
      ? countryStateAsOf(
          country,
          teams.filter((t) => t.iso3 === iso3),
          asOf,
        ).status
      : undefined;
  });
}

export const today = (clock: Clock) => isoNow(clock).slice(0, 10);

export function requireCountry(deps: RegistryDeps, iso3: string): Country {
  const country = deps.data.countries.find((c) => c.iso3 === iso3);
  if (!country)
    throw new AppError('not_found', `No country with the ISO code ${iso3}`, {
      issues: [{ field: 'iso3', message: 'is not an ISO 3166-1 alpha-3 code in the registry' }],
    });
  return country;
}

/** Everything the country views need, for one day. */
export async function snapshot(deps: RegistryDeps, asOf: string) {
  const [teams, assessments] = await Promise.all([
    loadTeams(deps.db.kysely),
    loadAssessments(deps.db.kysely),
  ]);
  const teamsByCountry = new Map<string, Team[]>();
  for (const team of teams)
    teamsByCountry.set(team.iso3, [...(teamsByCountry.get(team.iso3) ?? []), team]);
  const countries = deps.data.countries.map((country) => {
    const countryTeams = teamsByCountry.get(country.iso3) ?? [];
    return {
      country,
      teams: countryTeams,
      state: countryStateAsOf(country, countryTeams, asOf),
      groups: groupsAsOf(deps.data.memberships, country.iso3, asOf),
      assessmentYears: assessments
        .filter(
          (a) => a.iso3 === country.iso3 && (a.year === null || a.year <= Number(asOf.slice(0, 4))),
        )
        .map((a) => a.year),
    };
  });
  return { teams, assessments, countries };
}

export async function needsAsOf(
  deps: RegistryDeps,
  asOf: string,
  weights: Weights = defaultWeights,
): Promise<RankedNeed[]> {
  const { countries } = await snapshot(deps, asOf);
  const inputs: NeedInput[] = countries.map((c) => ({
    country: c.country,
    status: c.state.status,
    groups: c.groups,
    maturity: c.state.maturity,
    assessmentYears: c.assessmentYears,
  }));
  return rankNeeds(inputs, weights, Number(asOf.slice(0, 4)));
}

export async function reportAsOf(
  deps: RegistryDeps,
  asOf: string,
  compareTo: string,
): Promise<ProgressReport> {
  const [teams, assessments] = await Promise.all([
    loadTeams(deps.db.kysely),
    loadAssessments(deps.db.kysely),
  ]);
  const report = progressReport({
    countries: deps.data.countries,
    memberships: deps.data.memberships,
    teams,
    assessments,
    asOf,
    compareTo,
  });
  return { ...report, selfReported: await selfReportedRows(deps, teams, asOf) };
}

export const nameOf = (country: Country, lang: Locale) => countryName(country.iso2, lang);

// --- Writes -----------------------------------------------------------------------------------

export interface FactInput {
  date: string;
  value: TeamEventValue;
  citation: Citation;
  confidence: Confidence;
  note?: string | undefined;
}

function checkDate(deps: RegistryDeps, date: string, field: string): void {
  if (startOf(date) > today(deps.clock)) {
    throw new AppError('validation_failed', `The date ${date} is in the future`, {
      issues: [{ field, message: 'must not be in the future' }],
    });
  }
}

/** Refuses facts that contradict the team's history: closing before founding, founding after closing. */
export function checkConsistency(team: Team, fact: FactInput): void {
  const live = team.events.filter((e) => e.retracted === null);
  const founded = live.filter((e) => e.value.kind === 'established').map((e) => e.date);
  const closed = live.filter((e) => e.value.kind === 'closed').map((e) => e.date);
  const problem = (message: string) =>
    new AppError('validation_failed', message, { issues: [{ field: 'body.date', message }] });
  if (fact.value.kind === 'closed' && founded.some((f) => !happenedBy(f, endOf(fact.date)))) {
    throw problem(
      `the team cannot close on ${fact.date}, before it was established (${founded.join(', ')})`,
    );
  }
  if (fact.value.kind === 'established' && closed.some((c) => startOf(c) < startOf(fact.date))) {
    throw problem(
      `the team cannot be established on ${fact.date}, after it closed (${closed.join(', ')})`,
    );
  }
  if (fact.value.kind === 'established' && founded.length > 0) {
    throw problem(
      `the team already has a founding date (${founded.join(', ')}); retract it first to correct it`,
    );
  }
}

function newFact(teamId: string, fact: FactInput, context: AuditContext, now: string): TeamEvent {
  return {
    id: newId(),
    teamId,
    date: fact.date,
    value: fact.value,
    citation: fact.citation,
    confidence: fact.confidence,
    note: fact.note ?? '',
    recordedAt: now,
    recordedBy: context.actorLabel,
    retracted: null,
  };
}

export interface NewTeamInput {
  iso3: string;
  name: string;
  type: TeamType;
  established: Omit<FactInput, 'value'> & { kind?: 'established' | 'observed' };
}

export async function addTeam(
  deps: RegistryDeps,
  context: AuditContext,
  input: NewTeamInput,
): Promise<Team> {
  requireCountry(deps, input.iso3);
  checkDate(deps, input.established.date, 'body.established.date');
  return deps.db.kysely.transaction().execute(async (trx) => {
    const same = (await loadTeams(trx, input.iso3)).find(
      (t) => t.name.toLowerCase() === input.name.toLowerCase(),
    );
    if (same) {
      throw new AppError('conflict', `${input.iso3} already has a team named ${same.name}`, {
        issues: [{ field: 'body.name', message: 'is already a team of this country' }],
      });
    }
    const now = isoNow(deps.clock);
    const id = newId();
    await insertTeam(
      trx,
      { id, iso3: input.iso3, name: input.name, type: input.type },
      now,
      context.actorLabel,
    );
    const fact = newFact(
      id,
      { ...input.established, value: { kind: input.established.kind ?? 'established' } },
      context,
      now,
    );
    await insertEvent(trx, fact);
    const team: Team = { id, iso3: input.iso3, name: input.name, type: input.type, events: [fact] };
    await appendAudit(
      trx,
      deps.db.dialect,
      context,
      { action: 'registry.team_add', entityType: 'registry_team', entityId: id, after: team },
      deps.clock,
    );
    return team;
  });
}

export async function recordFact(
  deps: RegistryDeps,
  context: AuditContext,
  teamId: string,
  fact: FactInput,
): Promise<TeamEvent> {
  checkDate(deps, fact.date, 'body.date');
  return deps.db.kysely.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('registry_teams')
      .select('iso3')
      .where('id', '=', teamId)
      .executeTakeFirst();
    if (!row) throw new AppError('not_found', `No team with id ${teamId}`);
    const team = (await loadTeams(trx, row.iso3)).find((t) => t.id === teamId)!;
    checkConsistency(team, fact);
    const event = newFact(teamId, fact, context, isoNow(deps.clock));
    await insertEvent(trx, event);
    await appendAudit(
      trx,
      deps.db.dialect,
      context,
      { action: 'registry.fact_add', entityType: 'registry_team', entityId: teamId, after: event },
      deps.clock,
    );
    return event;
  });
}

/** A wrong fact is retracted, never deleted: the history shows it, struck through, with the reason. */
export async function retractFact(
  deps: RegistryDeps,
  context: AuditContext,
  eventId: string,
  reason: string,
): Promise<TeamEvent> {
  return deps.db.kysely.transaction().execute(async (trx) => {
    const before = await findEvent(trx, eventId);
    if (!before) throw new AppError('not_found', `No fact with id ${eventId}`);
    if (before.retracted)
      throw new AppError('conflict', `This fact was already retracted on ${before.retracted.at}`);
    const at = isoNow(deps.clock);
    await trx
      .updateTable('registry_team_events')
      .set({ retracted_at: at, retracted_by: context.actorLabel, retracted_reason: reason })
      .where('id', '=', eventId)
      .where('retracted_at', 'is', null)
      .execute();
    const after: TeamEvent = { ...before, retracted: { at, by: context.actorLabel, reason } };
    await appendAudit(
      trx,
      deps.db.dialect,
      context,
      {
        action: 'registry.fact_retract',
        entityType: 'registry_team',
        entityId: before.teamId,
        before,
        after,
      },
      deps.clock,
    );
    return after;
  });
}

/** Everything the printed report needs, in one language. */
export async function reportView(
  deps: RegistryDeps,
  asOf: string,
  compareTo: string,
  lang: Locale,
  generatedAt: string,
): Promise<ReportView> {
  const [teams, assessments] = await Promise.all([
    loadTeams(deps.db.kysely),
    loadAssessments(deps.db.kysely),
  ]);
  const { countries, memberships } = deps.data;
  const report = {
    ...progressReport({ countries, memberships, teams, assessments, asOf, compareTo }),
    selfReported: await selfReportedRows(deps, teams, asOf),
  };
  const teamsOf = (iso3: string) => teams.filter((t) => t.iso3 === iso3);
  return {
    report,
    lang,
    mapStatuses: new Map(
      countries
        .filter((c) => c.ituMember)
        .map((c) => [c.numeric, countryStateAsOf(c, teamsOf(c.iso3), asOf).status]),
    ),
    names: new Map(deps.data.countries.map((c) => [c.iso3, nameOf(c, lang)])),
    generatedAt,
  };
}

/**
 * Records that a country had a CIRT readiness assessment in a year (the toolkit calls this
 * when a national readiness assessment is finalised). One row per country, year and source.
 */
export async function recordReadinessAssessment(
  deps: RegistryDeps,
  context: AuditContext,
  input: { iso3: string; year: number; source: string; confidence: Confidence },
): Promise<{ recorded: boolean }> {
  requireCountry(deps, input.iso3);
  return deps.db.kysely.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('registry_assessments')
      .select('id')
      .where('iso3', '=', input.iso3)
      .where('year', '=', input.year)
      .where('source', '=', input.source)
      .executeTakeFirst();
    if (existing) return { recorded: false };
    const row = {
      id: newId(),
      iso3: input.iso3,
      year: input.year,
      source: input.source,
      confidence: input.confidence,
      recorded_at: isoNow(deps.clock),
      recorded_by: context.actorLabel,
    };
    await trx.insertInto('registry_assessments').values(row).execute();
    await appendAudit(
      trx,
      deps.db.dialect,
      context,
      {
        action: 'registry.assessment_add',
        entityType: 'registry_country',
        entityId: input.iso3,
        after: row,
      },
      deps.clock,
    );
    return { recorded: true };
  });
}
