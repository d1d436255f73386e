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

/**
 * True for PostgreSQL's "schema does not exist" about another schema than ours: Kysely looks
 * for its bookkeeping table by listing the tables of every schema, and a schema another
 * cirtkit (or test) drops at that moment makes the listing fail. Trying again is safe.
 */
function otherSchemaVanished(error: unknown, db: Db): boolean {
  return (
    db.dialect === 'postgres' &&
    typeof error === 'object' &&
    error !== null &&
    (error as { code?: unknown }).code === '3F000'
  );
}

/** Brings the database to the latest schema. Safe to call on every start. */
export async function migrateToLatest(db: Db): Promise<MigrationReport> {
  let result: MigrationResultSet = await (await migrator(db)).migrateToLatest();
  for (let attempt = 1; attempt < 5 && otherSchemaVanished(result.error, db); attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
    result = await (await migrator(db)).migrateToLatest();
  }
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
