import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../db.js';

type AnyDb = Kysely<unknown>;

/**
 * SQLite: the sort keys of each incident (`created_at`, `updated_at`) beside its search key in
 * `incident_search_keys`, kept in step by triggers, so that the list can put a search's
 * matches in list order reading one small row per match instead of the incidents themselves
 * (a row holds the whole description): milliseconds for thousands of matches instead of tens.
 * PostgreSQL plans full text from its own statistics and does not need it.
 */
export async function up(db: AnyDb, dialect: Dialect): Promise<void> {
  if (dialect !== 'sqlite') return;
  const statements = [
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
    ...sortKeysFillSql(),
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}

/** Copies every incident's sort keys: for this migration and for bulk loads after the fill. */
export function sortKeysFillSql(): string[] {
  return [
    `update incident_search_keys set (created_at, updated_at) =
       (select i.created_at, i.updated_at from incidents i
        where i.id = incident_search_keys.incident_id)`,
  ];
}
