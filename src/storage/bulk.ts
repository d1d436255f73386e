import type { Db } from './db.js';

/**
 * WAL pages SQLite may gather while a bulk import runs before it checkpoints on its own (256 MiB
 * at 4 KiB pages): disk use stays bounded however large the import.
 */
const deferredPages = 65_536;
const running = new WeakMap<Db, { count: number; before: number }>();

/**
 * Runs a long series of write transactions (an import read as a stream, a batch per
 * transaction) with SQLite's automatic checkpoints deferred, and checkpoints once at the end.
 * By default SQLite copies the write-ahead log into the database every 1,000 pages: an import
 * rewrites the same index pages at every checkpoint, a quarter of its time. Readers are not
 * held up (they read the log), and a crash loses nothing (the log is replayed). Nested and
 * concurrent calls share one deferral. PostgreSQL has nothing of the kind to defer.
 */
export async function withDeferredCheckpoints<T>(db: Db, work: () => Promise<T>): Promise<T> {
  const sqlite = db.sqlite;
  if (!sqlite) return work();
  let state = running.get(db);
  if (!state) {
    state = { count: 0, before: sqlite.pragma('wal_autocheckpoint', { simple: true }) as number };
    running.set(db, state);
    sqlite.pragma(`wal_autocheckpoint = ${deferredPages}`);
  }
  state.count += 1;
  try {
    return await work();
  } finally {
    state.count -= 1;
    if (state.count === 0) {
      running.delete(db);
      sqlite.pragma(`wal_autocheckpoint = ${state.before}`);
      // PASSIVE: copies what no reader still needs, without waiting for anyone.
      sqlite.pragma('wal_checkpoint(PASSIVE)');
    }
  }
}
