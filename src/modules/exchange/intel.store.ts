/**
 * The stored side of matching: the latest version of every indicator a reader may see, as an
 * `IntelIndex` kept in memory until an indicator is added or removed, and the latest readable
 * versions of the objects a report refers to.
 */
import type { Db } from '../../storage/index.js';
import { IntelIndex } from './match/index.js';
import type { StixObject, Tlp } from './stix/index.js';

interface LatestRow {
  id: string;
  tlp: string;
  object: string;
}

/** The latest version of each object of the ids (or of the type), whatever its TLP. */
function latestQuery(db: Db, where: { type: string } | { ids: readonly string[] }) {
  let q = db.kysely
    .selectFrom('stix_objects as so')
    .select(['so.id as id', 'so.tlp as tlp', 'so.object as object'])
    .where((eb) =>
      eb(
        'so.modified',
        '=',
        eb
          .selectFrom('stix_objects as s2')
          .select((e) => e.fn.max('s2.modified').as('m'))
          .whereRef('s2.id', '=', 'so.id'),
      ),
    );
  q = 'type' in where ? q.where('so.type', '=', where.type) : q.where('so.id', 'in', where.ids);
  return q;
}

/**
 * The latest versions of these objects the reader may see (`tlps`): an object whose latest
 * version is above the reader's levels is left out, not replaced by an older version.
 */
export async function latestReadable(
  db: Db,
  ids: readonly string[],
  tlps: readonly Tlp[],
): Promise<{ object: StixObject; tlp: Tlp }[]> {
  if (ids.length === 0) return [];
  const allowed = new Set<string>(tlps);
  const out: { object: StixObject; tlp: Tlp }[] = [];
  // Chunks keep the IN list within the databases' parameter limits.
  for (let i = 0; i < ids.length; i += 500) {
    const rows: LatestRow[] = await latestQuery(db, { ids: ids.slice(i, i + 500) }).execute();
    for (const row of rows)
      if (allowed.has(row.tlp))
        out.push({ object: JSON.parse(row.object) as StixObject, tlp: row.tlp as Tlp });
  }
  return out;
}

interface CachedIndex {
  key: string;
  index: IntelIndex;
}
const cache = new WeakMap<Db, Map<string, CachedIndex>>();

/**
 * The index of the latest version of every indicator at the reader's TLP levels. Rebuilt when
 * the stored indicators change (their count or last sequence number), else served from memory.
 */
export async function indicatorIndex(db: Db, tlps: readonly Tlp[]): Promise<IntelIndex> {
  const state = await db.kysely
    .selectFrom('stix_objects')
    .select((eb) => [eb.fn.max('seq').as('last'), eb.fn.countAll().as('count')])
    .where('type', '=', 'indicator')
    .executeTakeFirstOrThrow();
  const levels = [...tlps].sort().join(',');
  const key = `${String(state.last)}|${String(state.count)}`;
  const forDb = cache.get(db) ?? new Map<string, CachedIndex>();
  cache.set(db, forDb);
  const cached = forDb.get(levels);
  if (cached?.key === key) return cached.index;
  const allowed = new Set<string>(tlps);
  const rows: LatestRow[] = await latestQuery(db, { type: 'indicator' }).execute();
  const index = IntelIndex.build(
    rows.flatMap((row) => {
      if (!allowed.has(row.tlp)) return [];
      const o = JSON.parse(row.object) as Record<string, unknown>;
      if (typeof o.pattern !== 'string' || o.pattern_type !== 'stix') return [];
      return [
        {
          id: row.id,
          name: typeof o.name === 'string' ? o.name : undefined,
          pattern: o.pattern,
          valid_until: typeof o.valid_until === 'string' ? o.valid_until : undefined,
          revoked: o.revoked === true,
          tlp: row.tlp as Tlp,
        },
      ];
    }),
  );
  forDb.set(levels, { key, index });
  return index;
}

/** The collection each object is in (the first by title), to link to it. */
export async function collectionsOf(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db.kysely
      .selectFrom('collection_objects as co')
      .innerJoin('taxii_collections as c', 'c.id', 'co.collection_id')
      .select(['co.object_id as objectId', 'c.id as collectionId'])
      .where('co.object_id', 'in', ids.slice(i, i + 500))
      .orderBy('c.title')
      .execute();
    for (const row of rows) if (!out.has(row.objectId)) out.set(row.objectId, row.collectionId);
  }
  return out;
}
