import { isoNow, newId, type Clock } from '../../kernel/index.js';
import { appendAudit } from '../accounts/index.js';
import type { Db } from '../../storage/index.js';
import type { ReferenceData, SeedTeam } from './reference-data.js';
import type { TeamEvent } from './registry.schema.js';
import { insertEvent, insertTeam } from './store.js';

const seedKey = 'registry.seed_version';
const seedActor = 'seed:data/registry';

function seedEvents(team: SeedTeam, now: string): TeamEvent[] {
  const base = {
    teamId: team.id,
    citation: { sourceId: team.sources.join(';') },
    confidence: team.confidence,
    note: team.notes,
    recordedAt: now,
    recordedBy: seedActor,
    retracted: null,
  };
  const events: TeamEvent[] = [];
  if (team.established)
    events.push({ ...base, id: newId(), date: team.established, value: { kind: 'established' } });
  events.push({ ...base, id: newId(), date: team.observed, value: { kind: 'observed' }, note: '' });
  if (team.firstMemberSince) {
    events.push({
      ...base,
      id: newId(),
      date: team.firstMemberSince,
      value: { kind: 'accreditation', body: 'FIRST', status: 'member' },
      note: '',
    });
  }
  return events;
}

/**
 * Loads the shipped seed of teams and assessments into the database, once per data version.
 * Teams already present (seeded before, or edited by coordinators since) are never touched:
 * a data release adds what is new and leaves people's work alone.
 */
export async function seedRegistry(
  db: Db,
  data: ReferenceData,
  clock: Clock,
): Promise<{ teams: number; assessments: number } | undefined> {
  return db.kysely.transaction().execute(async (trx) => {
    const done = await trx
      .selectFrom('meta')
      .select('value')
      .where('key', '=', seedKey)
      .executeTakeFirst();
    if (done?.value === data.version) return undefined;
    const now = isoNow(clock);
    const existing = new Set(
      (await trx.selectFrom('registry_teams').select('id').execute()).map((r) => r.id),
    );
    let teams = 0;
    for (const team of data.teams.filter((t) => !existing.has(t.id))) {
      await insertTeam(trx, team, now, seedActor);
      for (const event of seedEvents(team, now)) await insertEvent(trx, event);
      teams++;
    }
    const known = new Set(
      (
        await trx.selectFrom('registry_assessments').select(['iso3', 'year', 'source']).execute()
      ).map((r) => `${r.iso3}|${r.year ?? ''}|${r.source}`),
    );
    let assessments = 0;
    for (const a of data.assessments.filter(
      (x) => !known.has(`${x.iso3}|${x.year ?? ''}|${x.source}`),
    )) {
      await trx
        .insertInto('registry_assessments')
        .values({
          id: newId(),
          iso3: a.iso3,
          year: a.year,
          source: a.source,
          confidence: a.confidence,
          recorded_at: now,
          recorded_by: seedActor,
        })
        .execute();
      assessments++;
    }
    await trx
      .insertInto('meta')
      .values({ key: seedKey, value: data.version, updated_at: now })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: data.version, updated_at: now }))
      .execute();
    await appendAudit(
      trx,
      db.dialect,
      { actorId: null, actorLabel: 'system' },
      {
        action: 'registry.seed',
        entityType: 'registry',
        entityId: null,
        after: { version: data.version, teams, assessments },
      },
      clock,
    );
    return { teams, assessments };
  });
}
