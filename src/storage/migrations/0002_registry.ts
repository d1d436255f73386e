import type { Kysely } from 'kysely';

type AnyDb = Kysely<unknown>;

/**
 * Teams, their dated facts and readiness assessments. Countries, groups and sources are
 * reference data read from data/registry/ and never stored: a data release updates them.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('registry_teams')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('iso3', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('registry_teams_iso3_idx')
    .on('registry_teams')
    .column('iso3')
    .execute();

  await db.schema
    .createTable('registry_team_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('team_id', 'text', (c) => c.notNull().references('registry_teams.id'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('value_json', 'text', (c) => c.notNull())
    .addColumn('citation_json', 'text', (c) => c.notNull())
    .addColumn('confidence', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('retracted_at', 'text')
    .addColumn('retracted_by', 'text')
    .addColumn('retracted_reason', 'text')
    .execute();
  await db.schema
    .createIndex('registry_team_events_team_idx')
    .on('registry_team_events')
    .column('team_id')
    .execute();

  await db.schema
    .createTable('registry_assessments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('iso3', 'text', (c) => c.notNull())
    .addColumn('year', 'integer')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('confidence', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('registry_assessments_iso3_idx')
    .on('registry_assessments')
    .column('iso3')
    .execute();
}
