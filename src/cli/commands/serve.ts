import type { Command } from 'commander';
import { createLogger, loadConfig } from '../../kernel/index.js';
import { accountsDeps, ensureFirstAdmin } from '../../modules/accounts/index.js';
import { loadReferenceData, seedRegistry } from '../../modules/registry/index.js';
import { buildApp } from '../../server/app.js';
import { ensureWebBuilt } from '../../server/build-web.js';
import { migrateToLatest, openDb } from '../../storage/index.js';

/** The first administrator's one-time password goes to the console once, never to the log. */
function announceAdmin(email: string, password: string): void {
  const lines = [
    '',
    '  cirtkit: first start, an administrator account was created.',
    `    e-mail:             ${email}`,
    `    one-time password:  ${password}`,
    '  Log in and choose a new password. This password is not shown again.',
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

export function serveCommand(program: Command): void {
  program
    .command('serve', { isDefault: true })
    .description('start the platform: API, web UI and background jobs')
    .action(async () => {
      const config = loadConfig();
      const logger = createLogger(config.logLevel);
      await ensureWebBuilt(logger);
      const db = openDb(config.database);
      const report = await migrateToLatest(db);
      if (report.applied.length > 0) logger.info({ applied: report.applied }, 'database migrated');
      const deps = accountsDeps(config, db);
      // The first admin's password hash (scrypt) runs on libuv's threads: start it, and build
      // the rest meanwhile; the server listens only once the account exists.
      const firstAdmin = ensureFirstAdmin(deps, config.adminEmail);
      const registryData = loadReferenceData(config.registryDataDir);
      const seeded = await seedRegistry(db, registryData, deps.clock);
      if (seeded) logger.info(seeded, 'registry seed data loaded');
      const app = await buildApp({ config, db, logger, registryData });
      const admin = await firstAdmin;
      if (admin) announceAdmin(admin.user.email, admin.oneTimePassword);
      const close = async (signal: string) => {
        logger.info({ signal }, 'shutting down');
        await app.close();
        await db.close();
        process.exit(0);
      };
      process.once('SIGINT', () => void close('SIGINT'));
      process.once('SIGTERM', () => void close('SIGTERM'));
      const address = await app.listen({ port: config.port, host: config.host });
      const shown = address.replace('[::1]', 'localhost');
      process.stdout.write(
        `cirtkit is running at ${config.publicUrl ?? shown} (database: ${config.database.kind})\n`,
      );
    });
}
