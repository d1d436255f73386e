import { createHash, randomBytes } from 'node:crypto';
import type SQLite from 'better-sqlite3';
import { sql, type SqlBool, type Expression, type Transaction } from 'kysely';
import { systemClock, type Clock } from '../../kernel/clock.js';
import { AppError } from '../../kernel/errors.js';
import { newId } from '../../kernel/ids.js';
import type { Db, Executor } from '../../storage/db.js';
import type { CollectionObjectsTable, Database, StixObjectsTable } from '../../storage/schema.js';
import { canonicalJson } from './stix/jcs.js';
import { tlpAlone, tlpOf } from './stix/markings.js';
import type { Tlp } from './stix/marking-ids.js';
import type { StixObject } from './stix/schemas.js';
import { PageShapes, placeholders, runPage } from './page-shape.js';
import { decodeCursor, encodeCursor, type Cursor } from './taxii/cursor.js';
import {
  parseVersionMatch,
  versionKey,
  versionOf,
  versionOfKey,
  type VersionMatch,
} from './taxii/version.js';

/**
 * Storage of STIX object versions and TAXII 2.1 collections (issue 8). Callers parse and
 * validate objects first (`parseStixObject`); this module stores, de-duplicates by
 * (id, version) and lists with TAXII semantics: keyset pages over (date_added, seq), signed
 * `next` tokens, `match[...]` filters.
 */

export const stixMediaType = 'application/stix+json;version=2.1';

export interface Collection {
  id: string;
  title: string;
  description: string | null;
  alias: string | null;
  mediaTypes: string[];
  createdAt: string;
}

export async function createCollection(
  db: Db,
  input: { title: string; description?: string; alias?: string; mediaTypes?: string[] },
  clock: Clock = systemClock,
): Promise<Collection> {
  const collection: Collection = {
    id: newId(),
    title: input.title,
    description: input.description ?? null,
    alias: input.alias ?? null,
    mediaTypes: input.mediaTypes ?? [stixMediaType],
    createdAt: clock.now().toISOString(),
  };
  await db.kysely
    .insertInto('taxii_collections')
    .values({
      id: collection.id,
      title: collection.title,
      description: collection.description,
      alias: collection.alias,
      media_types: JSON.stringify(collection.mediaTypes),
      created_at: collection.createdAt,
    })
    .execute();
  collectionsCache.delete(db);
  return collection;
}

// Collections change rarely and every TAXII request looks them up: keep them a moment. A write
// in this process clears the copy at once; another process sees it within the TTL.
const collectionsCache = new WeakMap<Db, { at: number; collections: Collection[] }>();
const collectionsTtlMs = 2_000;

export async function listCollections(db: Db): Promise<Collection[]> {
  const cached = collectionsCache.get(db);
  if (cached && Date.now() - cached.at < collectionsTtlMs) return cached.collections;
  const collections = await readCollections(db);
  collectionsCache.set(db, { at: Date.now(), collections });
  return collections;
}

async function readCollections(db: Db): Promise<Collection[]> {
  const rows = await db.kysely
    .selectFrom('taxii_collections')
    .selectAll()
    .orderBy('title')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    description: r.description,
    alias: r.alias,
    mediaTypes: JSON.parse(r.media_types) as string[],
    createdAt: r.created_at,
  }));
}

async function requireCollection(db: Executor, collectionId: string): Promise<void> {
  const found = await db
    .selectFrom('taxii_collections')
    .select('id')
    .where('id', '=', collectionId)
    .executeTakeFirst();
  if (!found)
    throw new AppError('not_found', `No TAXII collection with id ${collectionId}`, {
      details: { collectionId },
    });
}

// --- The instance's secret for next tokens -------------------------------------------------

const secretKey = 'exchange.cursor_secret';
const secrets = new WeakMap<Db, Buffer>();

/**
 * The instance's secret that signs `next` tokens: 32 random bytes made on first use and kept in
 * `meta`, so every process of the instance (and every restart) accepts the others' tokens.
 * cirtkit has no configured secret (sessions and API tokens are random and stored hashed).
 */
export async function cursorSecret(db: Db): Promise<Buffer> {
  const cached = secrets.get(db);
  if (cached) return cached;
  const now = new Date().toISOString();
  await db.kysely
    .insertInto('meta')
    .values({ key: secretKey, value: randomBytes(32).toString('base64url'), updated_at: now })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const row = await db.kysely
    .selectFrom('meta')
    .select('value')
    .where('key', '=', secretKey)
    .executeTakeFirstOrThrow();
  const secret = Buffer.from(row.value, 'base64url');
  secrets.set(db, secret);
  return secret;
}

// --- Adding ---------------------------------------------------------------------------------

export interface AddConflict {
  id: string;
  modified: string;
  reason: string;
}

export interface AddResult {
  /** Versions now in the collection that were not before. */
  added: number;
  /** Versions the collection already held with the same content. */
  unchanged: number;
  /** Versions refused: the same (id, version) is stored with other content. */
  conflicts: AddConflict[];
}

export interface Provenance {
  /** 'taxii-push' (a peer posted it), 'taxii-poll' (fetched from a peer), 'import', 'local'. */
  source: 'taxii-push' | 'taxii-poll' | 'import' | 'local';
  peerId?: string | undefined;
  userId?: string | undefined;
  /** The peer's collection (poll) or this instance's (push, import). */
  collection?: string | undefined;
}

export interface AddOptions {
  /** The TLP of objects no TLP marking covers; the instance's default (TLP:AMBER unless set). */
  defaultTlp?: Tlp;
  /** Where the objects came from: recorded for every version accepted, in the same transaction. */
  provenance?: Provenance;
  /** The objects' canonical JSON texts, in the same order, when the caller has them already. */
  texts?: readonly string[];
  /**
   * Runs inside this transaction instead of one of its own (an import groups several batches
   * in one); every query then goes through it.
   */
  transaction?: Transaction<Database>;
}

const headKey = 'exchange.head';
const chunk = 400;

function chunks<T>(items: readonly T[], size = chunk): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

interface Prepared {
  id: string;
  key: string;
  version: string;
  type: string;
  specVersion: string;
  created: string | null;
  tlp: Tlp;
  tlpAlone: boolean;
  json: string;
  sha256: string;
}

/**
 * Adds object versions to a collection in one transaction. The same (id, version) with the
 * same canonical JSON is unchanged (added to this collection if only another held it); with
 * other content it is a conflict and nothing of it is written. Each new row gets a
 * `date_added` from the clock, bumped by 1 ms past the previous one so the instance's
 * date_added values strictly increase (a large batch runs ahead of the clock by 1 ms per
 * object), and the next `seq`.
 */
export async function addObjects(
  db: Db,
  collectionId: string,
  objects: readonly StixObject[],
  clock: Clock = systemClock,
  options: AddOptions = {},
): Promise<AddResult> {
  const defaultTlp = options.defaultTlp ?? 'amber';
  const conflicts: AddConflict[] = [];
  const batch = new Map<string, Prepared>();
  if (options.texts && options.texts.length !== objects.length)
    throw new Error('addObjects: one canonical text per object');
  for (const [index, object] of objects.entries()) {
    const version = versionOf(object);
    const key = versionKey(version);
    if (key === undefined) {
      conflicts.push({
        id: object.id,
        modified: version,
        reason: 'the version is not a timestamp',
      });
      continue;
    }
    const json = options.texts?.[index] ?? canonicalJson(object);
    const prepared: Prepared = {
      id: object.id,
      key,
      version,
      type: object.type,
      specVersion:
        'spec_version' in object && typeof object.spec_version === 'string'
          ? object.spec_version
          : '2.1',
      created: 'created' in object && typeof object.created === 'string' ? object.created : null,
      tlp: tlpOf(object, { defaultTlp }),
      tlpAlone: tlpAlone(object),
      json,
      sha256: createHash('sha256').update(json).digest('hex'),
    };
    const seen = batch.get(`${object.id} ${key}`);
    if (seen === undefined) batch.set(`${object.id} ${key}`, prepared);
    else if (seen.sha256 !== prepared.sha256)
      conflicts.push({
        id: object.id,
        modified: version,
        reason: 'the same id and version appear twice in the request with different content',
      });
  }

  const within = <T>(work: (trx: Transaction<Database>) => Promise<T>) =>
    options.transaction ? work(options.transaction) : db.kysely.transaction().execute(work);
  return within(async (trx) => {
    await requireCollection(trx, collectionId);
    // Several processes may share PostgreSQL: serialise the counter.
    if (db.dialect === 'postgres') await sql`select pg_advisory_xact_lock(5807011)`.execute(trx);
    const items = [...batch.values()];
    const stored = new Map<string, { sha256: string; seq: number }>();
    const inCollection = new Set<string>();
    // The collection's latest version of each id, to keep `latest` on the newest one.
    const latestHeld = new Map<string, string>();
    for (const part of chunks(items)) {
      const ids = [...new Set(part.map((p) => p.id))];
      // One lookup per id: its stored versions, and whether this collection holds each.
      for (const row of await trx
        .selectFrom('stix_objects as so')
        .leftJoin('collection_objects as co', (j) =>
          j
            .on('co.collection_id', '=', collectionId)
            .onRef('co.object_id', '=', 'so.id')
            .onRef('co.modified', '=', 'so.modified'),
        )
        .select(['so.id', 'so.modified', 'so.sha256', 'so.seq as objectSeq', 'co.seq'])
        .where('so.id', 'in', ids)
        .execute()) {
        stored.set(`${row.id} ${row.modified}`, {
          sha256: row.sha256,
          seq: Number(row.objectSeq),
        });
        if (row.seq !== null) {
          inCollection.add(`${row.id} ${row.modified}`);
          const held = latestHeld.get(row.id);
          if (held === undefined || row.modified > held) latestHeld.set(row.id, row.modified);
        }
      }
    }

    const head = await trx
      .selectFrom('meta')
      .select('value')
      .where('key', '=', headKey)
      .executeTakeFirst();
    let [seq, last] = head ? parseHead(head.value) : [0, 0];
    const next = () => {
      last = Math.max(clock.now().getTime(), last + 1);
      seq += 1;
      return { dateAdded: new Date(last).toISOString(), seq };
    };

    let unchanged = 0;
    const newObjects: StixObjectsTable[] = [];
    const newLinks: CollectionObjectsTable[] = [];
    for (const item of items) {
      const k = `${item.id} ${item.key}`;
      const existing = stored.get(k);
      if (existing !== undefined && existing.sha256 !== item.sha256) {
        conflicts.push({
          id: item.id,
          modified: item.version,
          reason: 'a version with this id and modified is stored with different content',
        });
        continue;
      }
      if (inCollection.has(k)) {
        unchanged += 1;
        continue;
      }
      const at = next();
      if (existing === undefined)
        newObjects.push({
          id: item.id,
          modified: item.key,
          type: item.type,
          spec_version: item.specVersion,
          created: item.created,
          date_added: at.dateAdded,
          seq: at.seq,
          tlp: item.tlp,
          tlp_alone: item.tlpAlone ? 1 : 0,
          object: item.json,
          sha256: item.sha256,
        });
      newLinks.push({
        collection_id: collectionId,
        object_id: item.id,
        modified: item.key,
        date_added: at.dateAdded,
        seq: at.seq,
        object_seq: existing?.seq ?? at.seq,
        latest: 0,
      });
    }
    const superseded = markLatest(newLinks, latestHeld);
    for (const part of chunks(superseded))
      await trx
        .updateTable('collection_objects')
        .set({ latest: 0 })
        .where('collection_id', '=', collectionId)
        .where('object_id', 'in', part)
        .where('latest', '=', 1)
        .execute();
    if (db.sqlite) {
      // SQLite: one connection, and this transaction holds it; prepared multi-row statements
      // skip Kysely's compiling of every batch (a third of the time of a bulk add).
      // In the order of the random keys (ids): each insert lands next to the previous one in
      // those indexes instead of anywhere; seq and date_added are already given.
      insertRows(
        db.sqlite,
        'stix_objects',
        stixColumns,
        byKey(newObjects, (o) => o.id),
      );
      insertRows(
        db.sqlite,
        'collection_objects',
        linkColumns,
        byKey(newLinks, (l) => l.object_id),
      );
    } else {
      for (const part of chunks(newObjects, 200))
        await trx.insertInto('stix_objects').values(part).execute();
      for (const part of chunks(newLinks))
        await trx.insertInto('collection_objects').values(part).execute();
    }
    const provenance = options.provenance;
    if (provenance) {
      const receivedAt = clock.now().toISOString();
      const conflicting = new Set(conflicts.map((c) => `${c.id} ${c.modified}`));
      const rows = items
        .filter((item) => !conflicting.has(`${item.id} ${item.version}`))
        .map((item) => ({
          object_id: item.id,
          modified: item.key,
          source: provenance.source,
          peer_id: provenance.peerId ?? null,
          user_id: provenance.userId ?? null,
          collection: provenance.collection ?? null,
          received_at: receivedAt,
        }));
      if (db.sqlite)
        insertRows(
          db.sqlite,
          'stix_provenance',
          provenanceColumns,
          byKey(rows, (r) => r.object_id),
        );
      else
        for (const part of chunks(rows, 200))
          await trx.insertInto('stix_provenance').values(part).execute();
    }
    if (newLinks.length > 0) {
      const value = `${seq}:${last}`;
      const updatedAt = clock.now().toISOString();
      await trx
        .insertInto('meta')
        .values({ key: headKey, value, updated_at: updatedAt })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: updatedAt }))
        .execute();
    }
    return { added: newLinks.length, unchanged, conflicts };
  });
}

const stixColumns = [
  'id',
  'modified',
  'type',
  'spec_version',
  'created',
  'date_added',
  'seq',
  'tlp',
  'tlp_alone',
  'object',
  'sha256',
] as const;
const provenanceColumns = [
  'object_id',
  'modified',
  'source',
  'peer_id',
  'user_id',
  'collection',
  'received_at',
] as const;
const linkColumns = [
  'collection_id',
  'object_id',
  'modified',
  'date_added',
  'seq',
  'object_seq',
  'latest',
] as const;

/**
 * Sets `latest` on the new link that becomes its object's newest version in the collection,
 * and returns the ids whose version held so far is superseded (to be cleared).
 */
function markLatest(
  links: CollectionObjectsTable[],
  latestHeld: ReadonlyMap<string, string>,
): string[] {
  const newest = new Map<string, CollectionObjectsTable>();
  for (const link of links) {
    const best = newest.get(link.object_id);
    if (best === undefined || link.modified > best.modified) newest.set(link.object_id, link);
  }
  const superseded: string[] = [];
  for (const [id, link] of newest) {
    const held = latestHeld.get(id);
    if (held !== undefined && held > link.modified) continue;
    link.latest = 1;
    if (held !== undefined) superseded.push(id);
  }
  return superseded;
}

const byKey = <R>(rows: readonly R[], key: (row: R) => string): R[] =>
  [...rows].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));

const insertStatements = new WeakMap<NonNullable<Db['sqlite']>, Map<string, SQLite.Statement>>();

function insertRows<R>(
  sqlite: NonNullable<Db['sqlite']>,
  table: string,
  columns: readonly (keyof R & string)[],
  rows: readonly R[],
): void {
  const per = 100;
  let prepared = insertStatements.get(sqlite);
  if (!prepared) insertStatements.set(sqlite, (prepared = new Map<string, SQLite.Statement>()));
  // Full parts reuse one statement; a shorter last part gets its own (kept too: a bulk import
  // ends each batch of 1,000 on full parts, and other sizes are few).
  const statement = (n: number) => {
    const key = `${table} ${columns.join(',')} ${n}`;
    let found = prepared.get(key);
    if (!found) {
      found = sqlite.prepare(
        `insert into ${table} (${columns.join(', ')}) values ${Array.from(
          { length: n },
          () => `(${columns.map(() => '?').join(', ')})`,
        ).join(', ')}`,
      );
      if (prepared.size >= 400) prepared.clear();
      prepared.set(key, found);
    }
    return found;
  };
  for (let i = 0; i < rows.length; i += per) {
    const part = rows.slice(i, i + per);
    const values: unknown[] = [];
    for (const row of part) for (const column of columns) values.push(row[column]);
    statement(part.length).run(values);
  }
}

function parseHead(value: string): [number, number] {
  const [seq, at] = value.split(':').map(Number) as [number, number];
  return [seq, at];
}

// --- Listing --------------------------------------------------------------------------------

export interface ObjectQuery {
  /** Only versions added to the collection after this timestamp. */
  addedAfter?: string | undefined;
  match?:
    | {
        id?: readonly string[] | undefined;
        type?: readonly string[] | undefined;
        /** `first`, `last` (default), `all`, timestamps; each may be a comma-separated list. */
        version?: readonly string[] | undefined;
        specVersion?: readonly string[] | undefined;
      }
    | undefined;
  /** Objects per page: default 100, at most 1,000. */
  limit?: number | undefined;
  /** The token of the previous page. */
  next?: string | undefined;
  /**
   * Only versions at these TLP levels (the requester's policy). Not part of the filters a
   * `next` token is bound to: the policy is the requester's, checked again on every page.
   */
  tlps?: readonly Tlp[] | undefined;
}

export interface Page<T> {
  objects: T[];
  more: boolean;
  next: string | undefined;
  /** date_added of the page's first and last object (X-TAXII-Date-Added-First/-Last). */
  dateAddedFirst: string | undefined;
  dateAddedLast: string | undefined;
}

export const defaultLimit = 100;
export const maxLimit = 1000;

export interface Normalised {
  addedAfter: string | undefined;
  ids: string[];
  types: string[];
  version: VersionMatch;
  specVersions: string[];
}

const split = (values: readonly string[] | undefined) =>
  [
    ...new Set(
      (values ?? [])
        .flatMap((v) => v.split(','))
        .map((v) => v.trim())
        .filter(Boolean),
    ),
  ].sort();

/** The filters of a query, checked and in a canonical form (what next tokens are bound to). */
export function normaliseQuery(query: ObjectQuery): Normalised {
  let addedAfter: string | undefined;
  if (query.addedAfter !== undefined) {
    const ms = Date.parse(query.addedAfter);
    if (versionKey(query.addedAfter) === undefined || Number.isNaN(ms))
      throw new AppError(
        'bad_request',
        `added_after "${query.addedAfter}" is not a timestamp such as 2016-05-12T08:17:27.000Z`,
        { details: { parameter: 'added_after' } },
      );
    addedAfter = new Date(ms).toISOString();
  }
  let version: VersionMatch;
  try {
    version = parseVersionMatch(query.match?.version);
  } catch (error) {
    throw new AppError('bad_request', (error as Error).message, {
      details: { parameter: 'match[version]' },
    });
  }
  return {
    addedAfter,
    ids: split(query.match?.id),
    types: split(query.match?.type),
    version,
    specVersions: split(query.match?.specVersion),
  };
}

function limitOf(limit: number | undefined): number {
  if (limit === undefined) return defaultLimit;
  if (!Number.isInteger(limit) || limit < 1)
    throw new AppError('bad_request', `limit must be a positive whole number, not ${limit}`, {
      details: { parameter: 'limit' },
    });
  return Math.min(limit, maxLimit);
}

/** A version's keys, for listings and the manifest. */
const keyColumns = [
  'co.object_id as id',
  'co.modified as modified',
  'co.date_added as date_added',
  'co.seq as seq',
  'so.type as type',
  'so.spec_version as spec_version',
  'so.tlp as tlp',
] as const;
/** What the TAXII objects answer sends: every column read costs on a page of 100. */
const textColumns = [
  'so.object as object',
  'so.tlp_alone as tlp_alone',
  'co.date_added as date_added',
  'co.seq as seq',
] as const;

/** The page query, shared by objects and manifest; exported for the plan test and bench. */
export function pageQuery(
  db: Executor,
  collectionId: string,
  filters: Normalised,
  after: Cursor | undefined,
  limit: number,
  tlps?: readonly Tlp[],
) {
  return pageSelection(db, collectionId, filters, after, limit, tlps).select(keyColumns);
}

function pageSelection(
  db: Executor,
  collectionId: string,
  filters: Normalised,
  after: Cursor | undefined,
  limit: number,
  tlps?: readonly Tlp[],
) {
  let q = db
    .selectFrom('collection_objects as co')
    .innerJoin('stix_objects as so', 'so.seq', 'co.object_seq')
    .where('co.collection_id', '=', collectionId);
  if (after)
    q = q.where(sql<SqlBool>`(co.date_added, co.seq) > (${after.dateAdded}, ${after.seq})`);
  if (filters.addedAfter !== undefined) q = q.where('co.date_added', '>', filters.addedAfter);
  if (filters.ids.length > 0) q = q.where('co.object_id', 'in', filters.ids);
  if (filters.types.length > 0) q = q.where('so.type', 'in', filters.types);
  if (filters.specVersions.length > 0) q = q.where('so.spec_version', 'in', filters.specVersions);
  if (tlps !== undefined)
    q = tlps.length === 0 ? q.where(sql<SqlBool>`1 = 0`) : q.where('so.tlp', 'in', tlps);
  const v = filters.version;
  if (!v.all)
    q = q.where((eb) => {
      const alternatives: Expression<SqlBool>[] = [];
      const first = () =>
        eb(
          'co.modified',
          '=',
          eb
            .selectFrom('collection_objects as c2')
            .select((e) => e.fn.min('c2.modified').as('m'))
            .whereRef('c2.collection_id', '=', 'co.collection_id')
            .whereRef('c2.object_id', '=', 'co.object_id'),
        );
      if (v.first) alternatives.push(first());
      // `latest` is kept by addObjects and deleteObject (migration 0014).
      if (v.last) alternatives.push(eb('co.latest', '=', eb.lit(1)));
      if (v.keys.length > 0) alternatives.push(eb('co.modified', 'in', v.keys));
      return eb.or(alternatives);
    });
  return q
    .orderBy('co.date_added')
    .orderBy('co.seq')
    .limit(limit + 1);
}

/** What every page query selects: the keyset position of each row. */
interface Position {
  date_added: string;
  seq: number | string | bigint;
}

interface Row extends Position {
  id: string;
  modified: string;
  type: string;
  spec_version: string;
  tlp: string;
}

const shapes = new WeakMap<Db, PageShapes>();

async function page<T extends Position>(
  db: Db,
  collectionId: string,
  query: ObjectQuery,
  kind: 'objects' | 'texts' | 'manifest',
): Promise<Page<T>> {
  const filters = normaliseQuery(query);
  const limit = limitOf(query.limit);
  const secret = await cursorSecret(db);
  const scope = { collectionId, filters };
  const after = query.next === undefined ? undefined : decodeCursor(query.next, scope, secret);
  // Collections are never deleted: one the cached list holds exists, and a page costs a single
  // query. One created by another process in the last moments is looked up.
  if (!(await listCollections(db)).some((c) => c.id === collectionId))
    await requireCollection(db.kysely, collectionId);
  let cache = shapes.get(db);
  if (!cache) shapes.set(db, (cache = new PageShapes()));
  const compiled = cache.bind(
    kind,
    placeholders(collectionId, filters, after, limit, query.tlps),
    (p) => {
      if (kind === 'texts')
        return pageSelection(db.kysely, p.collectionId, p.filters, p.after, p.limit, p.tlps).select(
          textColumns,
        );
      const q = pageQuery(db.kysely, p.collectionId, p.filters, p.after, p.limit, p.tlps);
      return kind === 'objects' ? q.select('so.object as object') : q;
    },
  );
  // On PostgreSQL the connection runs with jit = off (see openPostgres): the page query would
  // otherwise be compiled, 10-30 ms, for a query that runs in 1 ms.
  const rows = await runPage<T>(db, compiled);
  const more = rows.length > limit;
  const objects = more ? rows.slice(0, limit) : rows;
  const last = objects.at(-1);
  return {
    objects,
    more,
    next:
      more && last
        ? encodeCursor({ dateAdded: last.date_added, seq: Number(last.seq) }, scope, secret)
        : undefined,
    dateAddedFirst: objects[0]?.date_added,
    dateAddedLast: last?.date_added,
  };
}

/** A stored version as a listing returns it. */
export interface StoredObject {
  object: StixObject;
  dateAdded: string;
  version: string;
  tlp: Tlp;
}

/** TAXII 2.1 "Get Objects": a page of object versions in date_added order. */
export async function listObjects(
  db: Db,
  collectionId: string,
  query: ObjectQuery = {},
): Promise<Page<StoredObject>> {
  const result = await page<Row & { object: string }>(db, collectionId, query, 'objects');
  return {
    ...result,
    objects: result.objects.map((r) => ({
      object: JSON.parse(r.object) as StixObject,
      dateAdded: r.date_added,
      version: versionOfKey(r.modified),
      tlp: r.tlp as Tlp,
    })),
  };
}

/** A stored version's canonical JSON text, for answers that pass it on unchanged. */
export interface StoredText {
  json: string;
  /**
   * Its disclosure depends on its own TLP alone (see migration 0015): once the query has kept
   * the reader's levels, it may leave as stored; otherwise it must pass the policy's `redact`.
   */
  tlpAlone: boolean;
}

/** A page of stored versions as their texts, for the TAXII answer. */
export async function listObjectTexts(
  db: Db,
  collectionId: string,
  query: ObjectQuery = {},
): Promise<Page<StoredText>> {
  const result = await page<Position & { object: string; tlp_alone: number }>(
    db,
    collectionId,
    query,
    'texts',
  );
  return {
    ...result,
    objects: result.objects.map((r) => ({ json: r.object, tlpAlone: r.tlp_alone === 1 })),
  };
}

export interface ManifestRecord {
  id: string;
  date_added: string;
  version: string;
  media_type: string;
  /** Not in the TAXII record: for the TLP policy of the route. */
  tlp: Tlp;
}

/** TAXII 2.1 "Get Object Manifests": the same selection as listObjects, without the objects. */
export async function manifest(
  db: Db,
  collectionId: string,
  query: ObjectQuery = {},
): Promise<Page<ManifestRecord>> {
  const result = await page<Row>(db, collectionId, query, 'manifest');
  return {
    ...result,
    objects: result.objects.map((r) => ({
      id: r.id,
      date_added: r.date_added,
      version: versionOfKey(r.modified),
      media_type: `application/stix+json;version=${r.spec_version}`,
      tlp: r.tlp as Tlp,
    })),
  };
}

/** TAXII 2.1 "Get Object Versions": every version of one object in the collection, oldest first. */
export async function objectVersions(
  db: Db,
  collectionId: string,
  id: string,
  tlps?: readonly Tlp[],
): Promise<{
  versions: string[];
  dateAddedFirst: string | undefined;
  dateAddedLast: string | undefined;
}> {
  await requireCollection(db.kysely, collectionId);
  let q = db.kysely
    .selectFrom('collection_objects as co')
    .innerJoin('stix_objects as so', 'so.seq', 'co.object_seq')
    .select(['co.modified as modified', 'co.date_added as date_added'])
    .where('co.collection_id', '=', collectionId)
    .where('co.object_id', '=', id);
  if (tlps !== undefined)
    q = tlps.length === 0 ? q.where(sql<SqlBool>`1 = 0`) : q.where('so.tlp', 'in', tlps);
  const rows = await q.orderBy('co.modified').execute();
  const added = rows.map((r) => r.date_added).sort();
  return {
    versions: rows.map((r) => versionOfKey(r.modified)),
    dateAddedFirst: added[0],
    dateAddedLast: added.at(-1),
  };
}

/**
 * TAXII 2.1 "Delete An Object": removes the versions `version` selects (default: all, as the
 * specification's DELETE takes `match[version]` with `all` meaning every version) from the
 * collection; versions no collection holds any more are deleted. Returns how many versions
 * left the collection.
 */
export async function deleteObject(
  db: Db,
  collectionId: string,
  id: string,
  version: readonly string[] = ['all'],
  tlps?: readonly Tlp[],
): Promise<number> {
  let match: VersionMatch;
  try {
    match = parseVersionMatch(version);
  } catch (error) {
    throw new AppError('bad_request', (error as Error).message, {
      details: { parameter: 'match[version]' },
    });
  }
  return db.kysely.transaction().execute(async (trx) => {
    await requireCollection(trx, collectionId);
    let q = trx
      .selectFrom('collection_objects as co')
      .innerJoin('stix_objects as so', 'so.seq', 'co.object_seq')
      .select('co.modified as modified')
      .where('co.collection_id', '=', collectionId)
      .where('co.object_id', '=', id);
    // Versions above the caller's TLP are not the caller's to see, so not to delete either.
    if (tlps !== undefined)
      q = tlps.length === 0 ? q.where(sql<SqlBool>`1 = 0`) : q.where('so.tlp', 'in', tlps);
    const keys = (await q.orderBy('co.modified').execute()).map((r) => r.modified);
    const chosen = keys.filter(
      (key, i) =>
        match.all ||
        (match.first && i === 0) ||
        (match.last && i === keys.length - 1) ||
        match.keys.includes(key),
    );
    if (chosen.length === 0) return 0;
    await trx
      .deleteFrom('collection_objects')
      .where('collection_id', '=', collectionId)
      .where('object_id', '=', id)
      .where('modified', 'in', chosen)
      .execute();
    // The newest version left, if the deleted ones included the latest.
    const newest = await trx
      .selectFrom('collection_objects')
      .select((eb) => eb.fn.max('modified').as('modified'))
      .where('collection_id', '=', collectionId)
      .where('object_id', '=', id)
      .executeTakeFirst();
    if (newest?.modified)
      await trx
        .updateTable('collection_objects')
        .set({ latest: 1 })
        .where('collection_id', '=', collectionId)
        .where('object_id', '=', id)
        .where('modified', '=', newest.modified)
        .execute();
    await trx
      .deleteFrom('stix_objects')
      .where('id', '=', id)
      .where('modified', 'in', chosen)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('collection_objects as c')
              .select('c.seq')
              .whereRef('c.object_seq', '=', 'stix_objects.seq'),
          ),
        ),
      )
      .execute();
    return chosen.length;
  });
}

export interface ProvenanceRecord {
  version: string;
  source: string;
  peerId: string | null;
  peerName: string | null;
  userId: string | null;
  collection: string | null;
  receivedAt: string;
}

/** Where each version of an object came from (peer, collection, time), oldest first. */
export async function provenanceOf(db: Db, id: string): Promise<ProvenanceRecord[]> {
  const rows = await db.kysely
    .selectFrom('stix_provenance as p')
    .leftJoin('exchange_peers as peer', 'peer.id', 'p.peer_id')
    .select([
      'p.modified',
      'p.source',
      'p.peer_id',
      'peer.name as peer_name',
      'p.user_id',
      'p.collection',
      'p.received_at',
    ])
    .where('p.object_id', '=', id)
    .orderBy('p.received_at')
    .execute();
  return rows.map((r) => ({
    version: versionOfKey(r.modified),
    source: r.source,
    peerId: r.peer_id,
    peerName: r.peer_name,
    userId: r.user_id,
    collection: r.collection,
    receivedAt: r.received_at,
  }));
}
