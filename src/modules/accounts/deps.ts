import type { Clock } from '../../kernel/index.js';
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
