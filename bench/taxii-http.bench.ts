/**
 * TAXII 2.1 over HTTP (issue 8, exchange, performance): GET objects in pages of 100 from the
 * real server on loopback, as a peer (secret checked, grants read, TLP applied in SQL and by
 * `redact` on every object), with 1, 16 and 64 concurrent clients. Goals: p99 < 20 ms at 16
 * clients, a full walk faster than 50,000 objects/s with one client, and a page cost that does
 * not grow with the collection (compare the sizes).
 *
 *   TAXII_HTTP_SIZES    collection sizes, ascending (default 10000,1000000, the sizes:
 *                       loading a million objects takes about a minute on SQLite)
 *   TAXII_HTTP_ENGINES  `sqlite`, `postgres` or both (default both, as in taxii-store)
 *   TAXII_HTTP_SECONDS  how long each concurrent run lasts (default 5)
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { Worker } from 'node:worker_threads';
import pg from 'pg';
import { createLogger, loadConfig, systemClock } from '../src/kernel/index.js';
import { createGrant, createPeer } from '../src/modules/exchange/peers/index.js';
import { addObjects, createCollection } from '../src/modules/exchange/store.js';
import { loadReferenceData } from '../src/modules/registry/index.js';
import { buildApp } from '../src/server/app.js';
import { migrateToLatest, openPostgres, openSqlite, type Db } from '../src/storage/index.js';
import { makeObject } from './stix-objects.js';
import { report, type Figure } from './support.js';

const sizes = (process.env.TAXII_HTTP_SIZES ?? '10000,1000000')
  .split(',')
  .map(Number)
  .filter((n) => n > 0)
  .sort((a, b) => a - b);
const engines = (process.env.TAXII_HTTP_ENGINES ?? 'sqlite,postgres').split(',');
const seconds = Number(process.env.TAXII_HTTP_SECONDS ?? 5);
const media = 'application/taxii+json;version=2.1';
const context = { actorId: null, actorLabel: 'bench' };

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
};

interface Run {
  latencies: number[];
  objects: number;
  elapsed: number;
}

/** Runs the clients in a worker thread: they must not take the server's thread. */
function clients(job: Record<string, unknown>): Promise<Run> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./taxii-http-client.mjs', import.meta.url), {
      workerData: job,
    });
    worker.once('message', (run: Run) => resolve(run));
    worker.once('error', reject);
  });
}

async function measure(db: Db, engine: string, dataDir: string): Promise<Figure[]> {
  await migrateToLatest(db);
  const collection = await createCollection(db, { title: 'bench' });
  const { peer, secret } = await createPeer(db, systemClock, context, {
    name: 'bench peer',
    relationship: 'community',
  });
  await createGrant(db, systemClock, context, {
    collectionId: collection.id,
    peerId: peer.id,
    tlpLevels: ['clear', 'green', 'amber'],
  });
  const config = loadConfig(
    {
      CIRTKIT_DATA_DIR: dataDir,
      CIRTKIT_API_RATE_PER_MINUTE: '1000000',
      CIRTKIT_SLA_SWEEP_SECONDS: '0',
      CIRTKIT_EXCHANGE_POLL_SECONDS: '0',
    },
    dataDir,
  );
  const app = await buildApp({
    config,
    db,
    logger: createLogger('silent'),
    registryData: loadReferenceData(),
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/taxii2/cirtkit/collections/${collection.id}/objects/`;
  const headers = { accept: media, authorization: `Bearer ${secret}` };

  const figures: Figure[] = [];
  let count = 0;
  try {
    for (const size of sizes) {
      while (count < size) {
        const n = Math.min(5000, size - count);
        const at = new Date(Date.UTC(2026, 0, 1) + count).toISOString();
        await addObjects(
          db,
          collection.id,
          Array.from({ length: n }, (_, i) => makeObject(count + i, at)),
        );
        count += n;
      }
      if (db.dialect === 'postgres') await sql`analyze`.execute(db.kysely);
      const label = `${engine}, ${size.toLocaleString('en')} objects`;

      const low = Date.UTC(2026, 0, 1);
      // Warm-up, not measured: the pool's connections open and prepare the page statement, and
      // the JIT compiles the hot paths, as on a server that has been running.
      await clients({
        base,
        headers,
        mode: 'load',
        clients: 8,
        seconds: 1,
        low,
        span: Math.max(1, count - 200),
      });
      // One client walks the whole collection with next tokens.
      const walk = await clients({
        base,
        headers,
        mode: 'walk',
        clients: 1,
        seconds,
        low,
        span: 1,
      });
      figures.push({
        name: `${label}: full walk, 1 client`,
        value: Math.round(walk.objects / walk.elapsed),
        unit: 'objects/s',
        goal: { op: '>=', value: 50000 },
        note: `${walk.objects.toLocaleString('en')} objects the peer may see, ${walk.latencies.length} pages, p50 ${quantile(walk.latencies, 0.5).toFixed(1)} ms, p99 ${quantile(walk.latencies, 0.99).toFixed(1)} ms`,
      });

      // Concurrent clients, each asking pages of 100 from random added_after positions.
      for (const n of [1, 16, 64]) {
        const run = await clients({
          base,
          headers,
          mode: 'load',
          clients: n,
          seconds,
          low,
          span: Math.max(1, count - 200),
        });
        figures.push({
          name: `${label}: ${n} client${n > 1 ? 's' : ''}, p99`,
          value: quantile(run.latencies, 0.99),
          unit: 'ms',
          ...(n === 16 ? { goal: { op: '<' as const, value: 20 } } : {}),
          note: `p50 ${quantile(run.latencies, 0.5).toFixed(1)} ms, ${Math.round(run.latencies.length / run.elapsed)} req/s, ${Math.round(run.objects / run.elapsed).toLocaleString('en')} objects/s`,
        });
      }
    }
  } finally {
    await app.close();
  }
  return figures;
}

console.log(
  `${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.availableParallelism()} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, load ${os.loadavg()[0]!.toFixed(2)}, Node ${process.version}, ${new Date().toISOString()}`,
);

if (engines.includes('sqlite')) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cirtkit-bench-taxii-http-'));
  const db = openSqlite(path.join(dir, 'bench.sqlite'));
  try {
    report(await measure(db, 'SQLite', dir));
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
    const db = openPostgres(base, { pgSchema: schema, poolSize: 8 });
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cirtkit-bench-taxii-http-'));
    try {
      report(await measure(db, 'PostgreSQL', dir));
    } finally {
      await db.close();
      await admin.query(`drop schema ${schema} cascade`);
      await admin.end();
      rmSync(dir, { recursive: true, force: true });
    }
  }
}
