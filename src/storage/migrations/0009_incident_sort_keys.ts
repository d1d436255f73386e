import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../db.js';

type AnyDb = Kysely<unknown>;

/**
 * The sort keys of each incident (`created_at`, `updated_at`) beside its search entry
 * (`incident_search_keys` on SQLite, `incident_search` on PostgreSQL), kept in step by
 * triggers, so that the list can put a search's matches in list order reading one small row
 * per match instead of looking each incident up (milliseconds for thousands of matches instead
 * of tens). On PostgreSQL the update touches no indexed column, so it stays a HOT update and
 * does not copy the search document.
 */
export async function up(db: AnyDb, dialect: Dialect): Promise<void> {
  const statements = dialect === 'sqlite' ? sqliteStatements() : postgresStatements();
  for (const statement of [...statements, ...sortKeysFillSql(dialect)])
    await sql.raw(statement).execute(db);
}

function sqliteStatements(): string[] {
  return [
    `alter table incident_search_keys add column created_at text`,
    `alter table incident_search_keys add column updated_at text`,
    // Either order of the two insert triggers ends with the key row and its sort keys.
    `create trigger incident_search_sort_insert after insert on incidents begin
       insert into incident_search_keys (incident_id, created_at, updated_at)
         values (new.id, new.created_at, new.updated_at)
         on conflict (incident_id) do update
           set created_at = excluded.created_at, updated_at = excluded.updated_at;
     end`,
    `create trigger incident_search_sort_update after update of created_at, updated_at
       on incidents begin
       update incident_search_keys set created_at = new.created_at, updated_at = new.updated_at
         where incident_id = new.id;
     end`,
  ];
}

function postgresStatements(): string[] {
  return [
    `alter table incident_search add column created_at text, add column updated_at text`,
    `create function incident_search_sort_keys() returns trigger language plpgsql as $fn$
     begin
       update incident_search set created_at = new.created_at, updated_at = new.updated_at
         where incident_id = new.id;
       return null;
     end $fn$`,
    // Triggers fire in name order: incident_search_insert has written the row by now.
    `create trigger incident_search_sort_keys after insert or update of created_at, updated_at
       on incidents for each row execute function incident_search_sort_keys()`,
  ];
}

/** Copies every incident's sort keys: for this migration and for bulk loads after the fill. */
export function sortKeysFillSql(dialect: Dialect): string[] {
  if (dialect === 'sqlite')
    return [
      `update incident_search_keys set (created_at, updated_at) =
         (select i.created_at, i.updated_at from incidents i
          where i.id = incident_search_keys.incident_id)`,
    ];
  return [
    `update incident_search s set created_at = i.created_at, updated_at = i.updated_at
       from incidents i where i.id = s.incident_id`,
  ];
}
