import type { Executor } from '../../storage/index.js';
import type { RegistryTeamEventsTable } from '../../storage/schema.js';
import {
  confidenceSchema,
  teamEventValueSchema,
  teamTypes,
  type Citation,
  type ReadinessAssessment,
  type Team,
  type TeamEvent,
} from './registry.schema.js';

function toEvent(row: RegistryTeamEventsTable): TeamEvent {
  return {
    id: row.id,
    teamId: row.team_id,
    date: row.date,
    value: teamEventValueSchema.parse(JSON.parse(row.value_json)),
    citation: JSON.parse(row.citation_json) as Citation,
    confidence: confidenceSchema.catch('low').parse(row.confidence),
    note: row.note,
    recordedAt: row.recorded_at,
    recordedBy: row.recorded_by,
    retracted:
      row.retracted_at === null
        ? null
        : { at: row.retracted_at, by: row.retracted_by ?? '', reason: row.retracted_reason ?? '' },
  };
}

/** Every team with all its facts (a few hundred teams: the registry is read whole). */
export async function loadTeams(db: Executor, iso3?: string): Promise<Team[]> {
  let teamsQuery = db.selectFrom('registry_teams').selectAll();
  if (iso3) teamsQuery = teamsQuery.where('iso3', '=', iso3);
  const teams = await teamsQuery.orderBy('iso3').orderBy('name').execute();
  let eventsQuery = db.selectFrom('registry_team_events').selectAll('registry_team_events');
  if (iso3) {
    eventsQuery = eventsQuery
      .innerJoin('registry_teams', 'registry_teams.id', 'registry_team_events.team_id')
      .where('registry_teams.iso3', '=', iso3);
  }
  const events = await eventsQuery
    .orderBy('registry_team_events.date')
    .orderBy('registry_team_events.recorded_at')
    .execute();
  const byTeam = new Map<string, TeamEvent[]>();
  for (const row of events)
    byTeam.set(row.team_id, [...(byTeam.get(row.team_id) ?? []), toEvent(row)]);
  return teams.map((t) => ({
    id: t.id,
    iso3: t.iso3,
    name: t.name,
    type: (teamTypes as readonly string[]).includes(t.type) ? (t.type as Team['type']) : 'national',
    events: byTeam.get(t.id) ?? [],
  }));
}

export async function findEvent(db: Executor, id: string): Promise<TeamEvent | undefined> {
  const row = await db
    .selectFrom('registry_team_events')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return row && toEvent(row);
}

export async function insertEvent(db: Executor, event: TeamEvent): Promise<void> {
  await db
    .insertInto('registry_team_events')
    .values({
      id: event.id,
      team_id: event.teamId,
      date: event.date,
      value_json: JSON.stringify(event.value),
      citation_json: JSON.stringify(event.citation),
      confidence: event.confidence,
      note: event.note,
      recorded_at: event.recordedAt,
      recorded_by: event.recordedBy,
      retracted_at: null,
      retracted_by: null,
      retracted_reason: null,
    })
    .execute();
}

export async function loadAssessments(db: Executor): Promise<ReadinessAssessment[]> {
  const rows = await db
    .selectFrom('registry_assessments')
    .selectAll()
    .orderBy('iso3')
    .orderBy('year')
    .execute();
  return rows.map((r) => ({
    iso3: r.iso3,
    year: r.year === null ? null : Number(r.year),
    source: r.source,
    confidence: confidenceSchema.catch('low').parse(r.confidence),
  }));
}

export async function insertTeam(
  db: Executor,
  team: Pick<Team, 'id' | 'iso3' | 'name' | 'type'>,
  createdAt: string,
  createdBy: string,
): Promise<void> {
  await db
    .insertInto('registry_teams')
    .values({
      id: team.id,
      iso3: team.iso3,
      name: team.name,
      type: team.type,
      created_at: createdAt,
      created_by: createdBy,
    })
    .execute();
}
