import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ManualClock } from '../../../test/support/clock.js';
import { createTestDb, type TestDb } from '../../../test/support/db.js';
import { importBatch, importObjects } from './import-objects.js';
import { exampleIndicator } from './stix/examples.js';
import { createCollection, listObjects } from './store.js';

const uuid = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const texts = (count: number, invalidEvery = 0) =>
  Array.from({ length: count }, (_, n) =>
    JSON.stringify(
      exampleIndicator({
        id: `indicator--${uuid(n)}`,
        name: `Indicator ${n}`,
        ...(invalidEvery > 0 && n % invalidEvery === 0 ? { pattern: '[not a pattern' } : {}),
      }),
    ),
  );

/** A file read in chunks, as a read stream gives it; it may fail part way. */
async function* stream(items: string[], failAfter?: number) {
  for (const [i, item] of items.entries()) {
    if (i % 100 === 0) await new Promise((resolve) => setImmediate(resolve));
    if (i === failAfter) throw new Error('the file could not be read further');
    yield item;
  }
}

async function count(db: TestDb['db'], collectionId: string) {
  let total = 0;
  let next: string | undefined;
  do {
    const page = await listObjects(db, collectionId, { limit: 1000, next });
    total += page.objects.length;
    next = page.next;
  } while (next);
  return total;
}

describe('importing objects read one at a time', () => {
  let testDb: TestDb;
  const clock = new ManualClock('2026-03-01T00:00:00.000Z');
  before(async () => (testDb = await createTestDb()));
  after(() => testDb.cleanup());

  it('stores valid objects over several batches, lists the invalid ones, and reports progress', async () => {
    const { db } = testDb;
    const collection = await createCollection(db, { title: 'Import' }, clock);
    const all = texts(importBatch * 2 + 10, 250);
    const progress: number[] = [];
    const outcome = await importObjects(
      db,
      clock,
      collection.id,
      stream(all),
      { source: 'import' },
      (done) => progress.push(done),
    );
    const invalid = Math.ceil(all.length / 250);
    assert.equal(outcome.total, all.length);
    assert.equal(outcome.failures.length, invalid);
    assert.match(outcome.failures[0]!.message ?? '', /pattern/);
    assert.equal(outcome.stored, all.length - invalid);
    assert.deepEqual(progress, [importBatch, importBatch * 2, all.length]);
    assert.equal(await count(db, collection.id), all.length - invalid);
  });

  it('undoes the batches of the open transaction when reading fails, and a second run completes the import', async () => {
    const { db } = testDb;
    const collection = await createCollection(db, { title: 'Interrupted' }, clock);
    const all = texts(importBatch * 2 + 500);
    await assert.rejects(
      importObjects(db, clock, collection.id, stream(all, importBatch + 300), { source: 'import' }),
      /could not be read further/,
    );
    // The first batch was stored in a transaction still open: it is undone with it.
    assert.equal(await count(db, collection.id), 0);
    const outcome = await importObjects(db, clock, collection.id, stream(all), {
      source: 'import',
    });
    assert.equal(outcome.stored, all.length);
    assert.equal(await count(db, collection.id), all.length);
  });

  it('stops at a text that is not JSON, saying why, and stores nothing of the open transaction', async () => {
    const { db } = testDb;
    const collection = await createCollection(db, { title: 'Broken' }, clock);
    // In the second of three batches: it fails in the worker while the first is being stored.
    const all = texts(importBatch * 2 + 10);
    all[importBatch + 5] = '{"type": "indicator", "id": tru}';
    await assert.rejects(
      importObjects(db, clock, collection.id, stream(all), { source: 'import' }),
      (error: Error) => error instanceof SyntaxError && /JSON/.test(error.message),
    );
    assert.equal(await count(db, collection.id), 0);
  });
});
