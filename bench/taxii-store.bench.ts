/**
 * TAXII store figures (issue 8, exchange, performance): bulk add of STIX objects into a
 * collection (goal > 20,000 objects/s on SQLite), and TAXII pages of 100 read from the store at
 * growing collection sizes: the cost of a page must not grow with the size (keyset range scans
 * over (date_added, seq), never OFFSET), and a full walk with one client should pass 50,000
 * objects/s. This measures the store alone (no HTTP, no TLP policy); the TAXII routes' bench
 * with 1, 16 and 64 clients comes with the routes.
 *
 *   TAXII_BENCH_SIZES    collection sizes to measure at, ascending (default 10000,200000; the
 *                        issue's target is 1,000,000, for a full run: TAXII_BENCH_SIZES=10000,1000000)
 *   TAXII_BENCH_ENGINES  `sqlite`, `postgres` or both (default both; PostgreSQL when
 *                        DATABASE_URL points at one or scripts/pg-test-server.sh can start one)
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import {
  addObjects,
  createCollection,
  listObjects,
  normaliseQuery,
  pageQuery,
} from '../src/modules/exchange/store.js';
import { migrateToLatest, openPostgres, openSqlite, type Db } from '../src/storage/index.js';
import { makeObject, random } from './stix-objects.js';
import { report, type Figure } from './support.js';

const sizes = (process.env.TAXII_BENCH_SIZES ?? '10000,200000')
  .split(',')
  .map(Number)
  .filter((n) => n > 0)
  .sort((a, b) => a - b);
const engines = (process.env.TAXII_BENCH_ENGINES ?? 'sqlite,postgres').split(',');
const batchSize = 5000;

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
};

async function measure(db: Db, engine: string): Promise<Figure[]> {
  await migrateToLatest(db);
  const { id } = await createCollection(db, { title: 'bench' });
  const figures: Figure[] = [];
  let count = 0;
  for (const size of sizes) {
    let addMs = 0;
    const addedBefore = count;
    while (count < size) {
      const n = Math.min(batchSize, size - count);
      const at = new Date(Date.UTC(2026, 0, 1) + count).toISOString();
      const batch = Array.from({ length: n }, (_, i) => makeObject(count + i, at));
      const start = process.hrtime.bigint();
      const result = await addObjects(db, id, batch);
      addMs += ms(start);
      if (result.conflicts.length > 0) throw new Error(JSON.stringify(result.conflicts[0]));
      count += n;
    }
    const added = count - addedBefore;
    figures.push({
      name: `${engine}: add, ${added.toLocaleString('en')} objects in batches of ${batchSize}`,
      value: Math.round(added / (addMs / 1000)),
      unit: 'objects/s',
      ...(engine === 'SQLite' ? { goal: { op: '>=' as const, value: 20000 } } : {}),
      note: `collection grown to ${size.toLocaleString('en')}`,
    });

    // PostgreSQL plans from table statistics; autovacuum gathers them after a bulk load in a
    // running instance, here they are gathered at once.
    if (db.dialect === 'postgres') await sql`analyze`.execute(db.kysely);

    // Pages of 100 from random positions: added_after inside the collection's span, at least
    // 100 objects before its end.
    const bounds = await db.kysely
      .selectFrom('collection_objects')
      .select((eb) => [eb.fn.min('date_added').as('low'), eb.fn.max('date_added').as('high')])
      .where('collection_id', '=', id)
      .executeTakeFirstOrThrow();
    const low = Date.parse(bounds.low);
    const span = Math.max(1, Date.parse(bounds.high) - low - 500);
    if (process.env.TAXII_BENCH_EXPLAIN && db.dialect === 'postgres') {
      // A page by added_after in the middle, and a page by next token near the start.
      for (const [filters, cursor] of [
        [
          normaliseQuery({ addedAfter: new Date(low + Math.floor(span / 2)).toISOString() }),
          undefined,
        ],
        [normaliseQuery({}), { dateAdded: bounds.low, seq: 1 }],
      ] as const) {
        const query = pageQuery(db.kysely, id, filters, cursor, 100)
          .select('so.object as object')
          .compile();
        const plan = await db.kysely.transaction().execute(async (trx) => {
          await sql`set local jit = off`.execute(trx);
          return trx.executeQuery({ ...query, sql: `explain (analyze, buffers) ${query.sql}` });
        });
        console.log(plan.rows.map((r) => String(Object.values(r as object)[0])).join('\n'));
      }
    }
    const times: number[] = [];
    let short = 0;
    for (let i = 0; i < 300; i++) {
      const after = new Date(low + random(span)).toISOString();
      const start = process.hrtime.bigint();
      const page = await listObjects(db, id, { addedAfter: after, limit: 100 });
      times.push(ms(start));
      if (page.objects.length < 50) short += 1;
    }
    if (short > 30) throw new Error(`${short} of 300 pages held fewer than 50 objects`);
    figures.push({
      name: `${engine}: page of 100 at ${size.toLocaleString('en')} objects, p50`,
      value: quantile(times, 0.5),
      unit: 'ms',
    });
    figures.push({
      name: `${engine}: page of 100 at ${size.toLocaleString('en')} objects, p99`,
      value: quantile(times, 0.99),
      unit: 'ms',
      goal: { op: '<', value: 20 },
      note: 'one client, store only',
    });

    // A full walk with next tokens, one client.
    let next: string | undefined;
    let walked = 0;
    const start = process.hrtime.bigint();
    do {
      const page = await listObjects(db, id, { limit: 100, next });
      walked += page.objects.length;
      next = page.next;
    } while (next !== undefined);
    const walkMs = ms(start);
    figures.push({
      name: `${engine}: full walk of ${size.toLocaleString('en')} objects, pages of 100`,
      value: Math.round(walked / (walkMs / 1000)),
      unit: 'objects/s',
      goal: { op: '>=', value: 50000 },
      note: `${walked.toLocaleString('en')} objects (last versions) in ${Math.round(walkMs)} ms`,
    });
  }
  return figures;
}

console.log(
  `${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.availableParallelism()} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, load ${os.loadavg()[0]!.toFixed(2)}, Node ${process.version}, ${new Date().toISOString()}`,
);

if (engines.includes('sqlite')) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cirtkit-bench-taxii-'));
  const db = openSqlite(path.join(dir, 'bench.sqlite'));
  try {
    report(await measure(db, 'SQLite'));
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (engines.includes('postgres')) {
  let base = process.env.DATABASE_URL;
  const installed =
    existsSync('/usr/lib/postgresql') && readdirSync('/usr/lib/postgresql').length > 0;
  if (!base?.startsWith('postgres') && installed) {
    const out = execFileSync('bash', ['scripts/pg-test-server.sh', 'start'], { encoding: 'utf8' });
    base = /DATABASE_URL=(\S+)/.exec(out)?.[1];
  }
  if (!base?.startsWith('postgres')) {
    report([
      {
        name: 'PostgreSQL: not measured',
        value: 0,
        unit: 'ms',
        note: 'no DATABASE_URL and no PostgreSQL installed',
      },
    ]);
  } else {
    const schema = `bench_${Math.random().toString(36).slice(2, 10)}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    const db = openPostgres(base, { pgSchema: schema, poolSize: 4 });
    try {
      report(await measure(db, 'PostgreSQL'));
    } finally {
      await db.close();
      await admin.query(`drop schema ${schema} cascade`);
      await admin.end();
    }
  }
}
