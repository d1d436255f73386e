import os from 'node:os';
import { loadConfig, createLogger, type Config, type Logger } from '../kernel/index.js';
import { accountsDeps, type AccountsDeps, type AuditContext } from '../modules/accounts/index.js';
import { migrateToLatest, openDb, type Db } from '../storage/index.js';

export interface CliContext {
  config: Config;
  logger: Logger;
  db: Db;
  deps: AccountsDeps;
  /** Writes by the CLI are audited as the operating-system user who ran the command. */
  audit: AuditContext;
}

/** Opens configuration and database for one command, migrating first, and closes them after. */
export async function withContext<T>(fn: (context: CliContext) => Promise<T>): Promise<T> {
  const config = loadConfig();
  // Commands print their own results; the logger only speaks up for warnings.
  const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel, undefined);
  const db = openDb(config.database);
  try {
    await migrateToLatest(db);
    const deps = accountsDeps(config, db);
    const audit = { actorId: null, actorLabel: `cli:${os.userInfo().username}` };
    return await fn({ config, logger, db, deps, audit });
  } finally {
    await db.close();
  }
}
