import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../db.js';

type AnyDb = Kysely<unknown>;

/**
 * Country legal assessments (issue 6). The catalogue of provisions and instruments is data
 * (data/law/catalogue) and never stored: a row names its provision or instrument by id.
 *
 * Each pair (country, provision) and (country, instrument) has one current row, and every
 * change is also appended to a history table with a version counted per pair (1, 2, ...), so
 * the history orders itself even when two changes share a timestamp. The history tables are
 * append-only in the database, like the audit log: an UPDATE or DELETE is refused.
 */
export async function up(db: AnyDb, dialect: Dialect): Promise<void> {
  const assessmentFields = (table: string) =>
    db.schema
      .createTable(table)
      .addColumn('iso3', 'text', (c) => c.notNull())
      .addColumn('provision', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('law_title', 'text')
      .addColumn('article', 'text')
      .addColumn('adopted_on', 'text')
      .addColumn('link', 'text')
      .addColumn('notes', 'text')
      // The user's id (null for a system import) and their name at the time.
      .addColumn('assessed_by', 'text')
      .addColumn('assessed_by_name', 'text', (c) => c.notNull())
      .addColumn('assessed_at', 'text', (c) => c.notNull());

  // The primary key's leading iso3 serves "every assessment of a country".
  await assessmentFields('law_assessments')
    .addPrimaryKeyConstraint('law_assessments_pk', ['iso3', 'provision'])
    .execute();
  await assessmentFields('law_assessment_history')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('law_assessment_history_version_uq', ['iso3', 'provision', 'version'])
    .execute();

  const ratificationFields = (table: string) =>
    db.schema
      .createTable(table)
      .addColumn('iso3', 'text', (c) => c.notNull())
      .addColumn('instrument', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('date', 'text')
      .addColumn('source', 'text')
      .addColumn('source_url', 'text')
      .addColumn('notes', 'text')
      .addColumn('recorded_by', 'text')
      .addColumn('recorded_by_name', 'text', (c) => c.notNull())
      .addColumn('recorded_at', 'text', (c) => c.notNull());

  await ratificationFields('law_ratifications')
    .addPrimaryKeyConstraint('law_ratifications_pk', ['iso3', 'instrument'])
    .execute();
  await ratificationFields('law_ratification_history')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addUniqueConstraint('law_ratification_history_version_uq', ['iso3', 'instrument', 'version'])
    .execute();

  // The unique constraints (iso3, key, version) index the history by country and pair.
  for (const table of ['law_assessment_history', 'law_ratification_history'])
    await (dialect === 'sqlite' ? sqliteAppendOnly(db, table) : postgresAppendOnly(db, table));
}

async function sqliteAppendOnly(db: AnyDb, table: string): Promise<void> {
  for (const op of ['UPDATE', 'DELETE'])
    await sql
      .raw(
        `CREATE TRIGGER ${table}_no_${op.toLowerCase()} BEFORE ${op} ON ${table}
         BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`,
      )
      .execute(db);
}

async function postgresAppendOnly(db: AnyDb, table: string): Promise<void> {
  await sql
    .raw(
      `CREATE FUNCTION ${table}_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN RAISE EXCEPTION '${table} is append-only'; END $$`,
    )
    .execute(db);
  await sql
    .raw(
      `CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table}
       FOR EACH ROW EXECUTE FUNCTION ${table}_append_only()`,
    )
    .execute(db);
}
