import type { Kysely } from 'kysely';

type AnyDb = Kysely<unknown>;

/**
 * `stix_objects.tlp_alone` is 1 when a version's disclosure depends on its own TLP alone: it
 * carries a TLP marking in `object_marking_refs` and has no granular markings. Such a version
 * can leave as stored once the query has kept the TLP levels the reader may receive; the others
 * pass the policy's `redact` (unmarked versions take today's default level, not the one of the
 * day they were stored). The TAXII answer used to guess this by searching each text.
 *
 * The TLP 2.0 and 1.0 marking-definition ids are written here rather than imported: a migration
 * must do tomorrow what it does today.
 */
const tlpMarkingIds = new Set([
  'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487',
  'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb',
  'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421',
  'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003',
  'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1',
  'marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9',
  'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da',
  'marking-definition--f88d31f6-486f-44da-b317-01333bde0b82',
  'marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed',
]);

function tlpAlone(text: string): boolean {
  const object = JSON.parse(text) as Record<string, unknown>;
  const refs = object.object_marking_refs;
  return (
    !('granular_markings' in object) &&
    Array.isArray(refs) &&
    refs.some((id) => typeof id === 'string' && tlpMarkingIds.has(id))
  );
}

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .alterTable('stix_objects')
    .addColumn('tlp_alone', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  const table = db as Kysely<{ stix_objects: { seq: number; object: string; tlp_alone: number } }>;
  // In batches by seq, so that memory stays bounded whatever the number of versions.
  for (let after = -1; ;) {
    const rows = await table
      .selectFrom('stix_objects')
      .select(['seq', 'object'])
      .where('seq', '>', after)
      .orderBy('seq')
      .limit(1000)
      .execute();
    if (rows.length === 0) break;
    const marked = rows.filter((r) => tlpAlone(r.object)).map((r) => Number(r.seq));
    if (marked.length > 0)
      await table
        .updateTable('stix_objects')
        .set({ tlp_alone: 1 })
        .where('seq', 'in', marked)
        .execute();
    after = Number(rows.at(-1)!.seq);
  }
}
