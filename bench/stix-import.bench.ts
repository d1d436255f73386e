/**
 * Import of a large STIX bundle (issue 8, exchange, performance): a 100,000-object bundle file
 * read as a stream (`bundleObjects`), each object checked against the STIX schemas and the
 * pattern grammar and stored in batches of 1,000 by `importObjects`, as `cirtkit exchange import` does. Goal:
 * more than 20,000 objects/s on SQLite, with memory bounded (the peak RSS must not grow with
 * the file: compare it with the file's size).
 *
 *   STIX_IMPORT_OBJECTS  objects in the bundle (default 100000)
 */
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { systemClock } from '../src/kernel/index.js';
import { importObjects } from '../src/modules/exchange/import-objects.js';
import { bundleObjects } from '../src/modules/exchange/stix/bundle-stream.js';
import { createCollection } from '../src/modules/exchange/store.js';
import { migrateToLatest, openSqlite } from '../src/storage/index.js';
import { makeObject } from './stix-objects.js';
import { report } from './support.js';

const total = Number(process.env.STIX_IMPORT_OBJECTS ?? 100_000);
const dir = mkdtempSync(path.join(os.tmpdir(), 'cirtkit-bench-import-'));
const file = path.join(dir, 'bundle.json');

console.log(
  `${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.availableParallelism()} cores, load ${os.loadavg()[0]!.toFixed(2)}, Node ${process.version}, ${new Date().toISOString()}`,
);

// The bundle file, written as a stream too.
const out = createWriteStream(file);
out.write(
  '{"type": "bundle", "id": "bundle--00000000-0000-4000-8000-000000000000", "objects": [\n',
);
for (let n = 0; n < total; n++) {
  const at = new Date(Date.UTC(2026, 0, 1) + n).toISOString();
  if (!out.write(`${n > 0 ? ',\n' : ''}${JSON.stringify(makeObject(n, at))}`))
    await once(out, 'drain');
}
out.end(']}\n');
await once(out, 'finish');
const bytes = statSync(file).size;

const db = openSqlite(path.join(dir, 'bench.sqlite'));
try {
  await migrateToLatest(db);
  const collection = await createCollection(db, { title: 'import' });
  global.gc?.();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const start = process.hrtime.bigint();
  const outcome = await importObjects(
    db,
    systemClock,
    collection.id,
    bundleObjects(createReadStream(file)),
    { source: 'import' },
  );
  const stored = outcome.stored;
  const refused = outcome.failures.length;
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  clearInterval(sample);
  if (refused > 0) throw new Error(`${refused} objects refused`);
  report([
    {
      name: `SQLite: import of a ${total.toLocaleString('en')}-object bundle (${(bytes / 2 ** 20).toFixed(0)} MiB), streamed`,
      value: Math.round(stored / seconds),
      unit: 'objects/s',
      goal: { op: '>=', value: 20000 },
      note: `${stored.toLocaleString('en')} stored in ${seconds.toFixed(1)} s; schemas, patterns and de-duplication included`,
    },
    {
      name: 'SQLite: peak memory above the start during the import',
      value: Math.round((peak - baseline) / 2 ** 20),
      unit: 'MiB',
      note: `the file is ${(bytes / 2 ** 20).toFixed(0)} MiB; SQLite's page cache (up to 64 MiB) included; bounded means the same for any size of file (try STIX_IMPORT_OBJECTS)`,
    },
  ]);
} finally {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
}
