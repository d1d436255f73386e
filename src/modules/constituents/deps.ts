import path from 'node:path';
import type { Clock } from '../../kernel/index.js';
import type { Db } from '../../storage/index.js';
import { OwnershipIndex, type OwnershipEntry } from './ownership-index.js';
import { allOwnershipEntries, readOwnershipVersion } from './store.js';

/** Limits of fetching an RIR delegated file from a URL. */
export interface FetchLimits {
  maxBytes: number;
  timeoutMs: number;
}

export interface ConstituentsDeps {
  db: Db;
  clock: Clock;
  /** The process's ownership index, shared by every `ConstituentsDeps` over the same database. */
  ownership: OwnershipCache;
  /** Folder the server may read RIR delegated files from (`CIRTKIT_DATA_DIR/imports`); null: none. */
  importDir: string | null;
  fetchLimits: FetchLimits;
}

export interface ConstituentsOptions {
  /** `CIRTKIT_DATA_DIR`: RIR files given as a path are read from its `imports` folder only. */
  dataDir?: string;
  fetchLimits?: Partial<FetchLimits>;
}

export const defaultFetchLimits: FetchLimits = { maxBytes: 64 * 1024 * 1024, timeoutMs: 60_000 };

/** How often, at most, a process asks the database whether another process changed ownership. */
const recheckMs = 1000;

/** What one committed write did to ownership, so the index follows without a rebuild. */
export interface OwnershipChange {
  version: number;
  added: OwnershipEntry[];
  removed: string[];
}

/**
 * Keeps one ownership index per process: built lazily from `constituent_ownership`, changed
 * entry by entry after each committed write, and rebuilt when the version counter in `meta`
 * shows a change it did not see (another process on the same PostgreSQL database).
 */
export class OwnershipCache {
  private index: OwnershipIndex | null = null;
  private version = -1;
  private checkedAt = 0;
  private building: Promise<OwnershipIndex> | null = null;
  /** Set when a change arrives that the index cannot take in order: rebuild at the next use. */
  private stale = false;

  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {}

  /** The current index (builds it on first use; rechecks the version at most once a second). */
  async get(): Promise<OwnershipIndex> {
    if (this.index && !this.stale) {
      if (this.now() - this.checkedAt < recheckMs) return this.index;
      this.checkedAt = this.now();
      const version = await readOwnershipVersion(this.db.kysely);
      if (version === this.version && !this.stale) return this.index;
    }
    return this.rebuild();
  }

  /** Rebuilds from the database (one build at a time; callers during a build share it). */
  rebuild(): Promise<OwnershipIndex> {
    this.building ??= this.build().finally(() => (this.building = null));
    return this.building;
  }

  private async build(): Promise<OwnershipIndex> {
    this.stale = false;
    let transaction = this.db.kysely.transaction();
    // The version and the rows must be read from one snapshot.
    if (this.db.dialect === 'postgres')
      transaction = transaction.setIsolationLevel('repeatable read');
    const { version, entries } = await transaction.execute(async (trx) => ({
      version: await readOwnershipVersion(trx),
      entries: await allOwnershipEntries(trx),
    }));
    const index = OwnershipIndex.build(entries);
    this.index = index;
    this.version = version;
    this.checkedAt = this.now();
    return index;
  }

  /** Applies a committed change; out of order (or during a build) the next use rebuilds. */
  applied(change: OwnershipChange): void {
    if (!this.index || this.building || change.version !== this.version + 1) {
      this.stale = true;
      return;
    }
    for (const id of change.removed) this.index.remove(id);
    for (const entry of change.added) this.index.add(entry);
    this.version = change.version;
  }
}

const caches = new WeakMap<Db, OwnershipCache>();

/** The ownership index of this database in this process. */
export function ownershipCacheOf(db: Db): OwnershipCache {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new OwnershipCache(db)));
  return cache;
}

export function constituentsDeps(
  db: Db,
  clock: Clock,
  options: ConstituentsOptions = {},
): ConstituentsDeps {
  return {
    db,
    clock,
    ownership: ownershipCacheOf(db),
    importDir: options.dataDir ? path.join(options.dataDir, 'imports') : null,
    fetchLimits: { ...defaultFetchLimits, ...options.fetchLimits },
  };
}
