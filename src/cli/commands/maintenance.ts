import { existsSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import type { Command } from 'commander';
import { AppError, loadConfig } from '../../kernel/index.js';
import { verifyAuditChain } from '../../modules/accounts/index.js';
import { migrateToLatest, openDb } from '../../storage/index.js';
import { withContext } from '../context.js';
import { exitCodes, print, type OutputOptions } from '../output.js';

const pgBackupHint =
  'On PostgreSQL use pg_dump and pg_restore: see docs/admin-guide.md, "Backup and restore".';

/** Checks that a file is an intact cirtkit SQLite database before it replaces the live one. */
function checkBackupFile(file: string): void {
  if (!existsSync(file)) throw new AppError('not_found', `No file ${file}`);
  let source: SQLite.Database | undefined;
  try {
    source = new SQLite(file, { readonly: true, fileMustExist: true });
    const integrity = source.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok')
      throw new AppError('validation_failed', `${file} is damaged: ${String(integrity)}`);
    const tables = source
      .prepare(
        "select name from sqlite_master where type = 'table' and name in ('users', 'audit_log')",
      )
      .all();
    if (tables.length !== 2)
      throw new AppError('validation_failed', `${file} is an SQLite file but not a cirtkit backup`);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError(
      'validation_failed',
      `${file} is not an SQLite database: ${(error as Error).message}`,
    );
  } finally {
    source?.close();
  }
}

export function maintenanceCommands(program: Command): void {
  program
    .command('migrate')
    .description('bring the database schema up to date (also done on every start)')
    .option('--json', 'print JSON')
    .action(async (options: OutputOptions) => {
      const config = loadConfig();
      const db = openDb(config.database);
      try {
        const report = await migrateToLatest(db);
        print(options, report, () =>
          report.applied.length === 0
            ? `Schema is up to date (${report.current.length} migrations).`
            : `Applied: ${report.applied.join(', ')}`,
        );
      } finally {
        await db.close();
      }
    });

  const audit = program.command('audit').description('audit log tools');
  audit
    .command('verify')
    .description('check the hash chain of the audit log; exit code 3 when it is broken')
    .option('--json', 'print JSON')
    .action(async (options: OutputOptions) => {
      await withContext(async (ctx) => {
        const verdict = await verifyAuditChain(ctx.db);
        print(options, verdict, () =>
          verdict.ok
            ? `Audit log intact: ${verdict.checked} rows verified.`
            : `Audit log BROKEN at row ${verdict.firstBadSeq}: ${verdict.problem}`,
        );
        if (!verdict.ok) process.exitCode = exitCodes.auditBroken;
      });
    });

  program
    .command('backup')
    .description('write a consistent copy of the SQLite database while cirtkit runs')
    .argument('<file>', 'where to write the backup')
    .option('--json', 'print JSON')
    .action(async (file: string, options: OutputOptions) => {
      await withContext(async (ctx) => {
        if (!ctx.db.sqlite) throw new AppError('bad_request', pgBackupHint);
        const target = path.resolve(file);
        if (existsSync(target))
          throw new AppError('conflict', `${target} exists: choose a new file name`);
        const progress = await ctx.db.sqlite.backup(target);
        print(
          options,
          { file: target, pages: progress.totalPages },
          () => `Backup written to ${target} (${progress.totalPages} pages).`,
        );
      });
    });

  program
    .command('restore')
    .description('replace the SQLite database with a backup (stop cirtkit first)')
    .argument('<file>', 'a file written by cirtkit backup')
    .option('--yes', 'confirm that the current database is to be replaced')
    .option('--json', 'print JSON')
    .action(async (file: string, options: { yes?: boolean } & OutputOptions) => {
      const config = loadConfig();
      if (config.database.kind !== 'sqlite') throw new AppError('bad_request', pgBackupHint);
      const source = path.resolve(file);
      checkBackupFile(source);
      if (!options.yes)
        throw new AppError(
          'bad_request',
          'Restore replaces the current database: run again with --yes',
        );
      const target = config.database.file;
      const staging = `${target}.restoring`;
      rmSync(staging, { force: true });
      // Copy through SQLite's backup API (not a file copy) so a WAL-mode source arrives whole,
      // then swap atomically: a crash mid-restore leaves the old database in place.
      const from = new SQLite(source, { readonly: true });
      try {
        await from.backup(staging);
      } finally {
        from.close();
      }
      for (const suffix of ['-wal', '-shm']) rmSync(`${target}${suffix}`, { force: true });
      renameSync(staging, target);
      const db = openDb(config.database);
      try {
        await migrateToLatest(db);
      } finally {
        await db.close();
      }
      print(
        options,
        { restored: source, database: target },
        () => `Database ${target} restored from ${source}.`,
      );
    });
}
