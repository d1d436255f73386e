import type { Clock } from '../../kernel/index.js';
import type { Db } from '../../storage/index.js';
import type { AccountsDeps } from '../accounts/index.js';

export interface ExchangeDeps {
  db: Db;
  clock: Clock;
  accounts: AccountsDeps;
  /** The instance's public base URL (absolute links in TAXII answers); else the request's host. */
  publicUrl: string | undefined;
  /** The largest TAXII request body accepted (the API root's max_content_length). */
  maxContentLength: number;
}

export function exchangeDeps(
  db: Db,
  clock: Clock,
  accounts: AccountsDeps,
  options: { publicUrl?: string | undefined; maxContentLength?: number } = {},
): ExchangeDeps {
  return {
    db,
    clock,
    accounts,
    publicUrl: options.publicUrl,
    maxContentLength: options.maxContentLength ?? 10 * 1024 * 1024,
  };
}
