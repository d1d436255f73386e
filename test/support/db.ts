import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { migrateToLatest, openPostgres, openSqlite, type Db } from '../../src/storage/index.js';

export interface TestDb {
  db: Db;
  /** A DATABASE_URL that reaches the same database, for CLI processes and servers. */
  url: string;
  dataDir: string;
  cleanup(): Promise<void>;
}

/**
 * A fresh, migrated database for one test: an SQLite file in a temporary folder, or, when
 * DATABASE_URL points at PostgreSQL, a schema of its own in that database (dropped after).
 */
export async function createTestDb(): Promise<TestDb> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cirtkit-test-'));
  const base = process.env.DATABASE_URL;
  if (base?.startsWith('postgres')) {
    const schema = `t_${Math.random().toString(36).slice(2, 12)}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    const url = `${base}${base.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
    const db = openPostgres(url, { poolSize: 4 });
    await migrateToLatest(db);
    return {
      db,
      url,
      dataDir,
      cleanup: async () => {
        await db.close();
        const client = new pg.Client({ connectionString: base });
        await client.connect();
        await client.query(`drop schema ${schema} cascade`);
        await client.end();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const file = path.join(dataDir, 'cirtkit.sqlite');
  const db = openSqlite(file);
  await migrateToLatest(db);
  return {
    db,
    url: `sqlite:${file}`,
    dataDir,
    cleanup: async () => {
      await db.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
