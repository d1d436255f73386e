import { systemClock, type Clock, type Config } from '../../kernel/index.js';
import type { Db } from '../../storage/index.js';

/** What the accounts functions need; passed explicitly so each function's inputs are visible. */
export interface AccountsDeps {
  db: Db;
  clock: Clock;
  policy: {
    sessionHours: number;
    loginMaxFailures: number;
    lockoutMinutes: number;
  };
}

/** The accounts dependencies from the configuration: one place, for the server, CLI and tests. */
export function accountsDeps(config: Config, db: Db, clock: Clock = systemClock): AccountsDeps {
  return {
    db,
    clock,
    policy: {
      sessionHours: config.sessionHours,
      loginMaxFailures: config.loginMaxFailures,
      lockoutMinutes: config.lockoutMinutes,
    },
  };
}
