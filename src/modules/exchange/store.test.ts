import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { sql } from 'kysely';
import { isAppError } from '../../kernel/errors.js';
import { ManualClock } from '../../../test/support/clock.js';
import { createTestDb, type TestDb } from '../../../test/support/db.js';
import type { StixObject } from './stix/schemas.js';
import { tlp2MarkingIds } from './stix/marking-ids.js';
import {
  addObjects,
  createCollection,
  deleteObject,
  listObjects,
  listObjectTexts,
  manifest,
  objectVersions,
  pageQuery,
  type ObjectQuery,
} from './store.js';

const uuid = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const day = (d: number) => `2026-01-${String(d).padStart(2, '0')}T00:00:00.000Z`;

const indicator = (n: number, modified: number, name = `Indicator ${n}`) =>
  ({
    type: 'indicator',
    spec_version: '2.1',
    id: `indicator--${uuid(n)}`,
    created: day(1),
    modified: day(modified),
    name,
    pattern: "[ipv4-addr:value = '198.51.100.1']",
    pattern_type: 'stix',
    valid_from: day(1),
  }) as StixObject;

const identity = (n: number, modified: number) =>
  ({
    type: 'identity',
    spec_version: '2.1',
    id: `identity--${uuid(n)}`,
    created: day(1),
    modified: day(modified),
    name: `Team ${n}`,
    identity_class: 'organization',
    object_marking_refs: [tlp2MarkingIds.green],
  }) as StixObject;

const ip = (n: number) =>
  ({
    type: 'ipv4-addr',
    spec_version: '2.1',
    id: `ipv4-addr--${uuid(1000 + n)}`,
    value: `198.51.100.${n}`,
  }) as StixObject;

/** Walks every page of a query with `limit`; returns the objects in order. */
async function walk(db: TestDb['db'], collectionId: string, query: ObjectQuery, limit: number) {
  const seen: { id: string; version: string; dateAdded: string }[] = [];
  let next: string | undefined;
  let pages = 0;
  do {
    const page = await listObjects(db, collectionId, { ...query, limit, next });
    assert.ok(page.objects.length <= limit);
    if (page.objects.length > 0) {
      assert.equal(page.dateAddedFirst, page.objects[0]!.dateAdded);
      assert.equal(page.dateAddedLast, page.objects.at(-1)!.dateAdded);
    }
    seen.push(
      ...page.objects.map((o) => ({ id: o.object.id, version: o.version, dateAdded: o.dateAdded })),
    );
    assert.equal(page.more, page.next !== undefined);
    next = page.next;
    pages += 1;
    assert.ok(pages < 100, 'the walk ends');
  } while (next !== undefined);
  return seen;
}

const refused = (pattern: RegExp) => (error: unknown) =>
  isAppError(error) && error.code === 'bad_request' && pattern.test(error.message);

describe('exchange store', () => {
  let testDb: TestDb;
  let collectionId: string;
  let otherId: string;
  const clock = new ManualClock('2026-03-01T00:00:00.000Z');

  before(async () => {
    testDb = await createTestDb();
    collectionId = (await createCollection(testDb.db, { title: 'Indicators' }, clock)).id;
    otherId = (await createCollection(testDb.db, { title: 'Other', alias: 'other' }, clock)).id;
    // Mixed types and versions, in three requests; the clock does not move within a request,
    // so date_added must be bumped by the store.
    const first = await addObjects(
      testDb.db,
      collectionId,
      [indicator(1, 1), indicator(2, 1), identity(3, 1), ip(1), ip(2)],
      clock,
    );
    assert.deepEqual(first, { added: 5, unchanged: 0, conflicts: [] });
    clock.advance(1000);
    const second = await addObjects(
      testDb.db,
      collectionId,
      [indicator(1, 2), indicator(1, 3), identity(3, 2), indicator(4, 1)],
      clock,
    );
    assert.deepEqual(second, { added: 4, unchanged: 0, conflicts: [] });
    clock.advance(1000);
    await addObjects(testDb.db, collectionId, [indicator(2, 5), ip(3)], clock);
    await addObjects(testDb.db, otherId, [indicator(9, 1)], clock);
  });
  after(() => testDb.cleanup());

  it('walks a collection in pages of 2: every version once, in date_added order', async () => {
    const all = await walk(testDb.db, collectionId, { match: { version: ['all'] } }, 2);
    assert.equal(all.length, 11);
    const keys = all.map((o) => `${o.id}@${o.version}`);
    assert.equal(new Set(keys).size, 11);
    const added = all.map((o) => o.dateAdded);
    assert.deepEqual([...added].sort(), added);
    assert.equal(new Set(added).size, 11, 'date_added strictly increases');
    assert.equal(added[0], '2026-03-01T00:00:00.000Z');
    assert.equal(added[4], '2026-03-01T00:00:00.004Z');
    assert.ok(!keys.includes(`indicator--${uuid(9)}@${day(1)}`), 'only this collection');
  });

  it('lists the last version by default, first, all, or given versions', async () => {
    const latest = await walk(testDb.db, collectionId, {}, 3);
    assert.deepEqual(latest.map((o) => `${o.id.split('--')[0]}:${o.version.slice(8, 10)}`).sort(), [
      'identity:02',
      'indicator:01',
      'indicator:03',
      'indicator:05',
      'ipv4-addr:01',
      'ipv4-addr:01',
      'ipv4-addr:01',
    ]);
    const one = (version: string[]) =>
      listObjects(testDb.db, collectionId, {
        match: { id: [`indicator--${uuid(1)}`], version },
      }).then((p) => p.objects.map((o) => o.version));
    assert.deepEqual(await one(['first']), [day(1)]);
    assert.deepEqual(await one(['last']), [day(3)]);
    assert.deepEqual(await one(['first,last']), [day(1), day(3)]);
    assert.deepEqual(await one(['all']), [day(1), day(2), day(3)]);
    assert.deepEqual(await one(['2026-01-02T00:00:00Z']), [day(2)]);
    assert.deepEqual(await one([day(4)]), []);
  });

  it('filters by type, id, spec version and added_after', async () => {
    const types = await walk(
      testDb.db,
      collectionId,
      { match: { type: ['identity', 'ipv4-addr'], version: ['all'] } },
      2,
    );
    assert.deepEqual(
      types.map((o) => o.id.split('--')[0]),
      ['identity', 'ipv4-addr', 'ipv4-addr', 'identity', 'ipv4-addr'],
    );
    const ids = await listObjects(testDb.db, collectionId, {
      match: { id: [`indicator--${uuid(2)},identity--${uuid(3)}`], version: ['all'] },
    });
    assert.equal(ids.objects.length, 4);
    const spec = await listObjects(testDb.db, collectionId, { match: { specVersion: ['2.0'] } });
    assert.equal(spec.objects.length, 0);
    const later = await walk(
      testDb.db,
      collectionId,
      { addedAfter: '2026-03-01T00:00:01.001Z', match: { version: ['all'] } },
      2,
    );
    assert.deepEqual(
      later.map((o) => o.dateAdded),
      [
        '2026-03-01T00:00:01.002Z',
        '2026-03-01T00:00:01.003Z',
        '2026-03-01T00:00:02.000Z',
        '2026-03-01T00:00:02.001Z',
      ],
    );
    await assert.rejects(
      listObjects(testDb.db, collectionId, { addedAfter: 'yesterday' }),
      refused(/added_after "yesterday" is not a timestamp/),
    );
    await assert.rejects(
      listObjects(testDb.db, collectionId, { match: { version: ['newest'] } }),
      refused(/"newest" is neither/),
    );
  });

  it('caps the limit at 1,000 and refuses a limit that is not a positive whole number', async () => {
    const page = await listObjects(testDb.db, collectionId, { limit: 5000 });
    assert.equal(page.more, false);
    await assert.rejects(listObjects(testDb.db, collectionId, { limit: 0 }), refused(/limit/));
  });

  it('stores the TLP of each version and its canonical JSON', async () => {
    const page = await listObjects(testDb.db, collectionId, {
      match: { id: [`identity--${uuid(3)}`, `indicator--${uuid(4)}`] },
    });
    assert.deepEqual(
      page.objects.map((o) => o.tlp),
      ['green', 'amber'],
    );
    const row = await testDb.db.kysely
      .selectFrom('stix_objects')
      .select(['object', 'sha256'])
      .where('id', '=', `indicator--${uuid(4)}`)
      .executeTakeFirstOrThrow();
    assert.ok(row.object.startsWith('{"created":'), row.object);
    assert.match(row.sha256, /^[0-9a-f]{64}$/);
  });

  it('counts an identical re-add as unchanged and a different one under the same version as a conflict', async () => {
    const result = await addObjects(
      testDb.db,
      collectionId,
      [indicator(1, 3), ip(1), indicator(1, 2, 'Edited without a new modified'), indicator(5, 1)],
      clock,
    );
    assert.equal(result.added, 1);
    assert.equal(result.unchanged, 2);
    assert.deepEqual(result.conflicts, [
      {
        id: `indicator--${uuid(1)}`,
        modified: day(2),
        reason: 'a version with this id and modified is stored with different content',
      },
    ]);
    const stored = await listObjects(testDb.db, collectionId, {
      match: { id: [`indicator--${uuid(1)}`], version: [day(2)] },
    });
    assert.equal((stored.objects[0]!.object as { name: string }).name, 'Indicator 1');
    // Within one request too.
    const twice = await addObjects(
      testDb.db,
      otherId,
      [indicator(6, 1), indicator(6, 1, 'Other')],
      clock,
    );
    assert.equal(twice.added, 1);
    assert.match(twice.conflicts[0]!.reason, /twice in the request/);
    // A version another collection holds is added here without a second copy.
    const shared = await addObjects(testDb.db, otherId, [indicator(4, 1)], clock);
    assert.equal(shared.added, 1);
    await deleteObject(testDb.db, collectionId, `indicator--${uuid(5)}`);
  });

  it('refuses forged, edited, other-collection and other-filter next tokens', async () => {
    const query = { match: { version: ['all'] }, limit: 2 };
    const { next } = await listObjects(testDb.db, collectionId, query);
    assert.ok(next);
    const [payload, mac] = next.split('.') as [string, string];
    const edited = Buffer.from(
      Buffer.from(payload, 'base64url')
        .toString()
        .replace(/"s":\d+/, '"s":1'),
    ).toString('base64url');
    await assert.rejects(
      listObjects(testDb.db, collectionId, { ...query, next: `${edited}.${mac}` }),
      refused(/not issued by this server or was altered/),
    );
    await assert.rejects(
      listObjects(testDb.db, collectionId, { ...query, next: 'x'.repeat(40) }),
      refused(/malformed/),
    );
    await assert.rejects(
      listObjects(testDb.db, otherId, { ...query, next }),
      refused(/another collection/),
    );
    await assert.rejects(
      listObjects(testDb.db, collectionId, { ...query, match: { type: ['indicator'] }, next }),
      refused(/other filters/),
    );
    // The limit is not bound: a client may change it.
    const onward = await listObjects(testDb.db, collectionId, { ...query, limit: 3, next });
    assert.equal(onward.objects.length, 3);
  });

  it('lists versions, a manifest, and deletes versions', async () => {
    const id = `indicator--${uuid(1)}`;
    const versions = await objectVersions(testDb.db, collectionId, id);
    assert.deepEqual(versions.versions, [day(1), day(2), day(3)]);
    const records = await manifest(testDb.db, collectionId, { match: { id: [id] } });
    assert.deepEqual(
      records.objects.map(({ id: i, version, media_type }) => ({ i, version, media_type })),
      [{ i: id, version: day(3), media_type: 'application/stix+json;version=2.1' }],
    );
    assert.equal(await deleteObject(testDb.db, collectionId, id, ['first']), 1);
    assert.deepEqual((await objectVersions(testDb.db, collectionId, id)).versions, [
      day(2),
      day(3),
    ]);
    assert.equal(await deleteObject(testDb.db, collectionId, id), 2);
    const left = await testDb.db.kysely
      .selectFrom('stix_objects')
      .select('id')
      .where('id', '=', id)
      .execute();
    assert.equal(left.length, 0, 'no collection holds it: the versions are gone');
    // A version another collection still holds stays stored.
    assert.equal(await deleteObject(testDb.db, collectionId, `indicator--${uuid(4)}`), 1);
    assert.equal(
      (await listObjects(testDb.db, otherId, { match: { id: [`indicator--${uuid(4)}`] } })).objects
        .length,
      1,
    );
    await assert.rejects(
      listObjects(testDb.db, '00000000-0000-4000-8000-00000000dead'),
      (e: unknown) => isAppError(e) && e.code === 'not_found',
    );
  });

  it('never shows a page rows of a transaction still open, whatever way the page is read', async () => {
    const { db } = testDb;
    const before = await listObjects(db, collectionId, { match: { version: ['all'] } });
    assert.ok(before.objects.length > 0);
    let inside!: () => void;
    const entered = new Promise<void>((resolve) => (inside = resolve));
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const transaction = db.kysely
      .transaction()
      .execute(async (trx) => {
        await trx
          .deleteFrom('collection_objects')
          .where('collection_id', '=', collectionId)
          .execute();
        inside();
        await gate;
        throw new Error('rolled back on purpose');
      })
      .catch((error: unknown) => error);
    await entered;
    // Both ways a page is read: the TAXII answer's texts and the parsed objects.
    const pages = Promise.all([
      listObjectTexts(db, collectionId, { match: { version: ['all'] } }),
      listObjects(db, collectionId, { match: { version: ['all'] } }),
    ]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    release();
    assert.match(String(await transaction), /rolled back on purpose/);
    const [texts, objects] = await pages;
    assert.equal(texts.objects.length, before.objects.length);
    assert.deepEqual(
      objects.objects.map((o) => o.object.id),
      before.objects.map((o) => o.object.id),
    );
  });

  it('reads a page as a range scan of the collection index, with no sort', async () => {
    const { db } = testDb;
    for (const filters of [
      { types: [], ids: [] },
      { types: ['indicator'], ids: [] },
    ]) {
      const query = pageQuery(
        db.kysely,
        collectionId,
        {
          addedAfter: undefined,
          ids: filters.ids,
          types: filters.types,
          specVersions: [],
          version: { all: false, first: false, last: true, keys: [] },
        },
        { dateAdded: '2026-03-01T00:00:00.001Z', seq: 2 },
        100,
      ).compile();
      const plan = await db.kysely.transaction().execute(async (trx) => {
        if (db.dialect === 'postgres') {
          await sql`set local enable_seqscan = off`.execute(trx);
          await sql`set local enable_sort = off`.execute(trx);
        }
        const explain = db.dialect === 'postgres' ? 'explain ' : 'explain query plan ';
        const rows = await trx.executeQuery({ ...query, sql: explain + query.sql });
        return JSON.stringify(rows.rows);
      });
      if (process.env.SHOW_PLAN) console.log(plan);
      assert.ok(plan.includes('collection_objects_page_idx'), plan);
      assert.ok(!/TEMP B-TREE/i.test(plan), `no sort: ${plan}`);
      if (db.dialect === 'postgres') assert.ok(!/"Sort|Sort Key/.test(plan), `no sort: ${plan}`);
    }
  });
});

describe('exchange store: the latest version of each object in a collection', () => {
  let testDb: TestDb;
  before(async () => {
    testDb = await createTestDb();
  });
  after(() => testDb.cleanup());

  // Steps on two collections sharing objects: versions added in any order and batching, and
  // versions deleted (first, last, all or one), as peers and analysts do.
  const step = fc.oneof(
    fc.record({
      kind: fc.constant('add' as const),
      into: fc.constantFrom(0, 1),
      versions: fc.array(
        fc.record({ n: fc.integer({ min: 1, max: 4 }), v: fc.integer({ min: 1, max: 6 }) }),
        {
          minLength: 1,
          maxLength: 6,
        },
      ),
    }),
    fc.record({
      kind: fc.constant('delete' as const),
      from: fc.constantFrom(0, 1),
      n: fc.integer({ min: 1, max: 4 }),
      version: fc.constantFrom(['first'], ['last'], ['all'], [day(2)], [day(5)]),
    }),
  );

  it('"last" is always the newest version the collection holds, after any adds and deletes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 8 }), async (steps) => {
        const { db } = testDb;
        const collections = [
          (await createCollection(db, { title: 'A' })).id,
          (await createCollection(db, { title: 'B' })).id,
        ];
        for (const s of steps) {
          if (s.kind === 'add')
            await addObjects(
              db,
              collections[s.into]!,
              s.versions.map(({ n, v }) => indicator(n, v)),
            );
          else await deleteObject(db, collections[s.from]!, `indicator--${uuid(s.n)}`, s.version);
          for (const collectionId of collections) {
            const all = await walk(db, collectionId, { match: { version: ['all'] } }, 1000);
            const newest = new Map<string, string>();
            for (const o of all)
              if ((newest.get(o.id) ?? '') < o.version) newest.set(o.id, o.version);
            const last = await walk(db, collectionId, {}, 1000);
            assert.deepEqual(
              last.map((o) => `${o.id} ${o.version}`).sort(),
              [...newest].map(([id, v]) => `${id} ${v}`).sort(),
            );
          }
        }
      }),
      { numRuns: 25 },
    );
  });
});
