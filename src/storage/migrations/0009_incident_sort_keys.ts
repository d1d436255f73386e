import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../db.js';

type AnyDb = Kysely<unknown>;

/**
 * The sort keys of each incident by its id, in an index of their own, so that the SQLite list
 * can put a search's matches in list order without reading the incidents themselves (a row
 * holds the whole description): a few milliseconds for thousands of matches instead of tens.
 * PostgreSQL plans full text from its own statistics and does not need it.
 */
export async function up(db: AnyDb, dialect: Dialect): Promise<void> {
  if (dialect !== 'sqlite') return;
  await sql`create index incidents_sort_by_id on incidents (id, created_at, updated_at)`.execute(
    db,
  );
}
