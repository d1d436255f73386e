import type { Db } from '../../storage/index.js';
import { tlpLevels, type Tlp } from './stix/marking-ids.js';

const defaultTlpKey = 'exchange.default_tlp';
const cacheMs = 5_000;
const cache = new WeakMap<Db, { tlp: Tlp; at: number }>();

/**
 * The TLP of information no TLP marking covers (TLP:AMBER unless an administrator changed it).
 * Read at most every few seconds: another process of the instance may change it.
 */
export async function defaultTlp(db: Db): Promise<Tlp> {
  const cached = cache.get(db);
  if (cached && Date.now() - cached.at < cacheMs) return cached.tlp;
  const row = await db.kysely
    .selectFrom('meta')
    .select('value')
    .where('key', '=', defaultTlpKey)
    .executeTakeFirst();
  const value = row?.value;
  const tlp = tlpLevels.find((l) => l === value) ?? 'amber';
  cache.set(db, { tlp, at: Date.now() });
  return tlp;
}

export async function setDefaultTlp(db: Db, tlp: Tlp, now: string): Promise<void> {
  await db.kysely
    .insertInto('meta')
    .values({ key: defaultTlpKey, value: tlp, updated_at: now })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: tlp, updated_at: now }))
    .execute();
  cache.set(db, { tlp, at: Date.now() });
}
