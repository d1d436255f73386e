import { sql, type Kysely } from 'kysely';

type AnyDb = Kysely<unknown>;

/**
 * Marks the latest version of each object in each collection (`latest` = 1), the version a
 * TAXII request gets by default (`match[version]=last`). A page used to find it with a
 * correlated subquery per row, the larger part of the page query's time; the flag is kept by
 * the store when versions are added or deleted.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .alterTable('collection_objects')
    .addColumn('latest', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`
    update collection_objects set latest = 1
     where modified = (select max(c2.modified) from collection_objects c2
                        where c2.collection_id = collection_objects.collection_id
                          and c2.object_id = collection_objects.object_id)`.execute(db);
}
