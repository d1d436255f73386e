import { mkdirSync } from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql, type Transaction } from 'kysely';
import { CurrentSchemaPostgresDialect } from './pg-introspector.js';
import pg from 'pg';
import type { Config } from '../kernel/index.js';
import type { Database } from './schema.js';

export type Dialect = 'sqlite' | 'postgres';

/** A connection to cirtkit's database, whichever engine holds it. */
export interface Db {
  readonly kysely: Kysely<Database>;
  readonly dialect: Dialect;
  /** The SQLite file, for online backup; undefined on PostgreSQL. */
  readonly sqliteFile: string | undefined;
  /** The raw SQLite handle, for online backup and pragmas; undefined on PostgreSQL. */
  readonly sqlite: SQLite.Database | undefined;
  /** The PostgreSQL pool, for the few queries that run as named prepared statements. */
  readonly pgPool: pg.Pool | undefined;
  close(): Promise<void>;
}

export type Executor = Kysely<Database> | Transaction<Database>;

export interface OpenOptions {
  /** PostgreSQL schema to use instead of `public` (tests give each run its own). */
  pgSchema?: string;
  poolSize?: number;
}

export function openSqlite(file: string): Db {
  if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // 64 MiB of page cache (allocated as used) instead of 2: a list at 1,000,000 incidents reads
  // thousands of index pages, and each read past the cache is a system call.
  sqlite.pragma('cache_size = -65536');
  const kysely = new Kysely<Database>({
    dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
  });
  return {
    kysely,
    dialect: 'sqlite',
    sqliteFile: file,
    sqlite,
    pgPool: undefined,
    close: () => kysely.destroy(),
  };
}

/**
 * Kysely prepares every query afresh; on SQLite preparing costs more than running a small query
 * (a tenth of the time of an authenticated request). Prepared statements are reusable, so keep
 * the most recent ones by their SQL text. Kysely runs one query at a time per connection.
 */
function withStatementCache(sqlite: SQLite.Database, size = 500): SQLite.Database {
  const cache = new Map<string, SQLite.Statement>();
  const prepare = sqlite.prepare.bind(sqlite);
  return new Proxy(sqlite, {
    get(target, property, receiver) {
      if (property !== 'prepare') {
        const value = Reflect.get(target, property, receiver) as unknown;
        // Native methods must be called on the real handle, not on the proxy.
        return typeof value === 'function'
          ? (value as (...a: unknown[]) => unknown).bind(target)
          : value;
      }
      return (source: string) => {
        let statement = cache.get(source);
        if (statement) {
          cache.delete(source);
        } else {
          statement = prepare(source);
          if (cache.size >= size) cache.delete(cache.keys().next().value!);
        }
        cache.set(source, statement);
        return statement;
      };
    },
  });
}

export function openPostgres(url: string, options: OpenOptions = {}): Db {
  // 64-bit integers (counts, sequence numbers) arrive as text by default; ours fit in a double.
  const types = {
    getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
      oid === 20
        ? (value: string) => Number(value)
        : (pg.types.getTypeParser(oid, format) as (
            value: string,
          ) => unknown)) as typeof pg.types.getTypeParser,
  };
  // Settings for every connection. A URL's own `options` would replace the pool's (pg reads the
  // URL last), so they are taken out of the URL and joined here.
  // (A socket URL such as postgres://user@/db?host=/run/postgresql is no WHATWG URL: it keeps
  // its own options, and the pool's apply only when it has none.)
  let connectionString = url;
  let fromUrl: string | null = null;
  try {
    const parsed = new URL(url);
    fromUrl = parsed.searchParams.get('options');
    parsed.searchParams.delete('options');
    connectionString = parsed.toString();
  } catch {
    // Left to pg's own parser.
  }
  const settings = [
    fromUrl,
    // JIT compilation off: PostgreSQL estimates keyset pages and indexed lookups at the cost of
    // a whole table (it does not count on LIMIT), then spends 10-30 ms compiling queries that
    // run in about 1 ms (docs/decisions.md).
    '-c jit=off',
    options.pgSchema ? `-c search_path=${options.pgSchema}` : null,
  ].filter((x): x is string => Boolean(x));
  const pool = new pg.Pool({
    connectionString,
    max: options.poolSize ?? 10,
    types,
    options: settings.join(' '),
  });
  const kysely = new Kysely<Database>({ dialect: new CurrentSchemaPostgresDialect({ pool }) });
  return {
    kysely,
    dialect: 'postgres',
    sqliteFile: undefined,
    sqlite: undefined,
    pgPool: pool,
    close: () => kysely.destroy(),
  };
}

export function openDb(database: Config['database'], options: OpenOptions = {}): Db {
  return database.kind === 'sqlite'
    ? openSqlite(database.file)
    : openPostgres(database.url, options);
}

/** Cheap round trip used by /readyz. */
export async function ping(db: Db): Promise<void> {
  await sql`select 1`.execute(db.kysely);
}

/** A LIKE pattern matching `text` anywhere, lower-cased, with `%`, `_` and `\` taken literally. */
export function containsPattern(text: string): string {
  return `%${text.toLowerCase().replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
}
