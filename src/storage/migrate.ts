import { Migrator, sql, type MigrationResultSet } from 'kysely';
import { AppError } from '../kernel/index.js';
import type { Db } from './db.js';
import { migrations } from './migrations/index.js';

export interface MigrationReport {
  applied: string[];
  current: string[];
}

async function migrator(db: Db): Promise<Migrator> {
  // Kysely looks for its bookkeeping tables in every schema unless told which one: name the
  // current schema, or a second cirtkit in another schema of the same database would be confused.
  let migrationTableSchema: string | undefined;
  if (db.dialect === 'postgres') {
    const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(
      db.kysely,
    );
    migrationTableSchema = rows[0]?.schema;
  }
  return new Migrator({
    db: db.kysely,
    provider: { getMigrations: () => Promise.resolve(migrations(db.dialect)) },
    ...(migrationTableSchema ? { migrationTableSchema } : {}),
  });
}

/** Brings the database to the latest schema. Safe to call on every start. */
export async function migrateToLatest(db: Db): Promise<MigrationReport> {
  const result: MigrationResultSet = await (await migrator(db)).migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new AppError(
      'internal',
      `Migration ${failed} failed: ${result.error instanceof Error ? result.error.message : 'unknown error'}`,
      {
        cause: result.error,
      },
    );
  }
  const applied = (result.results ?? [])
    .filter((r) => r.status === 'Success')
    .map((r) => r.migrationName);
  const current = (await (await migrator(db)).getMigrations())
    .filter((m) => m.executedAt !== undefined)
    .map((m) => m.name);
  return { applied, current };
}
