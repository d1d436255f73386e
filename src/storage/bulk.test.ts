import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { withDeferredCheckpoints } from './bulk.js';
import { openSqlite, type Db } from './db.js';

const autocheckpoint = (db: Db) => db.sqlite!.pragma('wal_autocheckpoint', { simple: true });
const walBytes = (file: string) => statSync(`${file}-wal`).size;

/** Writes about 4 MiB in 40 transactions, as an import does batch after batch. */
async function writeBatches(db: Db) {
  for (let t = 0; t < 40; t += 1)
    await db.kysely.transaction().execute(async (trx) => {
      for (let i = 0; i < 10; i += 1)
        await sql`insert into bulk_test (body) values (${'x'.repeat(10_000)})`.execute(trx);
    });
}

describe('deferred checkpoints for bulk writes (SQLite)', () => {
  it('keeps the log until the end, then checkpoints once and restores the setting, even after a failure', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cirtkit-bulk-'));
    const file = path.join(dir, 'db.sqlite');
    const db = openSqlite(file);
    try {
      await sql`create table bulk_test (id integer primary key, body text not null)`.execute(
        db.kysely,
      );
      const before = autocheckpoint(db);
      assert.equal(before, 1000);
      let during = 0;
      let nested = 0;
      await assert.rejects(
        withDeferredCheckpoints(db, async () => {
          during = autocheckpoint(db) as number;
          // A second import at the same time shares the deferral and does not end it.
          await withDeferredCheckpoints(db, () => writeBatches(db));
          nested = autocheckpoint(db) as number;
          // Without the deferral SQLite would have checkpointed (and reset the log) at 1,000
          // pages; the log holds every batch instead.
          assert.ok(walBytes(file) > 4_000_000, `log of ${walBytes(file)} bytes`);
          throw new Error('the import failed');
        }),
        /the import failed/,
      );
      assert.ok(during > 10_000);
      assert.equal(nested, during);
      assert.equal(autocheckpoint(db), before);
      // Checkpointed at the end: the rows are in the database file itself.
      assert.ok(statSync(file).size > 4_000_000, `database of ${statSync(file).size} bytes`);
      const { count } = (
        await sql<{ count: number }>`select count(*) as count from bulk_test`.execute(db.kysely)
      ).rows[0]!;
      assert.equal(count, 400);
    } finally {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
