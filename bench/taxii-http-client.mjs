/**
 * The TAXII clients of bench/taxii-http.bench.ts, run in a worker thread so that they do not
 * take the server's thread: a full walk with next tokens, or N concurrent clients asking pages
 * from random added_after positions for a while.
 */
import { parentPort, workerData } from 'node:worker_threads';

const job = workerData;
let seed = 0x2468ace;
const random = (n) => {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return (seed >>> 0) % n;
};

async function get(query) {
  const start = process.hrtime.bigint();
  const response = await fetch(`${job.base}?${query}`, { headers: job.headers });
  const body = await response.json();
  if (response.status !== 200) throw new Error(`${response.status} ${JSON.stringify(body)}`);
  return { body, ms: Number(process.hrtime.bigint() - start) / 1e6 };
}

const latencies = [];
let objects = 0;
const started = process.hrtime.bigint();
if (job.mode === 'walk') {
  let next;
  do {
    const page = await get(`limit=100${next ? `&next=${encodeURIComponent(next)}` : ''}`);
    objects += page.body.objects?.length ?? 0;
    latencies.push(page.ms);
    next = page.body.more ? page.body.next : undefined;
  } while (next !== undefined);
} else {
  const until = Date.now() + job.seconds * 1000;
  await Promise.all(
    Array.from({ length: job.clients }, async () => {
      while (Date.now() < until) {
        const after = new Date(job.low + random(job.span)).toISOString();
        const page = await get(`limit=100&added_after=${encodeURIComponent(after)}`);
        latencies.push(page.ms);
        objects += page.body.objects?.length ?? 0;
      }
    }),
  );
}
const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
parentPort.postMessage({ latencies, objects, elapsed });
