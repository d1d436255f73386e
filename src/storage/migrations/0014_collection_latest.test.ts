import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Migrator } from 'kysely';
import { openSqlite } from '../db.js';
import { migrateToLatest } from '../migrate.js';
import { migrations } from './index.js';

const version = (seq: number, id: string, modified: string) => ({
  seq,
  id,
  modified,
  type: 'indicator',
  spec_version: '2.1',
  created: '2026-01-01T00:00:00.000Z',
  date_added: `2026-02-01T00:00:00.${String(seq).padStart(3, '0')}Z`,
  tlp: 'green',
  object: '{}',
  sha256: String(seq),
});

describe('migration 0014_collection_latest', () => {
  it("marks each collection's newest version of each object, and only that one", async () => {
    const db = openSqlite(':memory:');
    try {
      const migrator = new Migrator({
        db: db.kysely,
        provider: { getMigrations: () => Promise.resolve(migrations('sqlite')) },
      });
      assert.equal((await migrator.migrateTo('0013_exchange_subscriptions')).error, undefined);
      const day = (d: number) => `2026-01-0${d}T00:00:00.000000000Z`;
      await db.kysely
        .insertInto('taxii_collections')
        .values(
          ['a', 'b'].map((id) => ({
            id,
            title: id,
            media_types: '[]',
            created_at: day(1),
          })),
        )
        .execute();
      await db.kysely
        .insertInto('stix_objects')
        .values([
          version(1, 'x', day(1)),
          version(2, 'x', day(3)),
          version(3, 'y', day(2)),
        ] as never)
        .execute();
      // Collection a holds every version, b only x's oldest.
      const link = (
        collection: string,
        seq: number,
        id: string,
        modified: string,
        objectSeq = seq,
      ) => ({
        collection_id: collection,
        object_id: id,
        modified,
        date_added: `2026-02-02T00:00:00.00${seq}Z`,
        seq,
        object_seq: objectSeq,
      });
      await db.kysely
        .insertInto('collection_objects')
        .values([
          link('a', 1, 'x', day(1)),
          link('a', 2, 'x', day(3)),
          link('a', 3, 'y', day(2)),
          link('b', 4, 'x', day(1), 1),
        ] as never)
        .execute();
      await migrateToLatest(db);
      const rows = await db.kysely
        .selectFrom('collection_objects')
        .select(['collection_id', 'object_id', 'modified', 'latest'])
        .orderBy('seq')
        .execute();
      assert.deepEqual(
        rows.map((r) => `${r.collection_id} ${r.object_id} ${r.modified.slice(8, 10)} ${r.latest}`),
        ['a x 01 0', 'a x 03 1', 'a y 02 1', 'b x 01 1'],
      );
    } finally {
      await db.close();
    }
  });
});
