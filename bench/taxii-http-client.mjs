/**
 * The TAXII clients of bench/taxii-http.bench.ts, run in a worker thread so that they do not
 * take the server's thread: a full walk with next tokens, or N concurrent clients asking pages
 * from random added_after positions for a while. They use node:http with keep-alive connections
 * (one per client), as a load generator does: fetch costs the shared two cores about a third more
 * per page, which showed as server latency. The walk parses every page (it needs the next
 * token and counts the objects); the concurrent clients, like wrk or autocannon, do not parse
 * bodies: they start no nearer than 200 objects from the end, so every page holds `limit`
 * objects and says `"more":true`, which they check.
 */
import http from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

const job = workerData;
let seed = 0x2468ace;
const random = (n) => {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return (seed >>> 0) % n;
};
const agent = new http.Agent({ keepAlive: true, maxSockets: job.clients });
const url = new URL(job.base);

/** GETs a page; the latency runs from the request until its last byte has arrived. */
function get(query, parse = true) {
  const start = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        path: `${url.pathname}?${query}`,
        headers: job.headers,
      },
      (response) => {
        const chunks = [];
        response.on('data', (chunk) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          const ms = Number(process.hrtime.bigint() - start) / 1e6;
          const text = Buffer.concat(chunks).toString('utf8');
          if (response.statusCode !== 200)
            reject(new Error(`${response.statusCode} ${text.slice(0, 500)}`));
          else if (parse) resolve({ body: JSON.parse(text), ms });
          else if (!text.startsWith('{"more":true,'))
            reject(new Error(`not a full page: ${text.slice(0, 200)}`));
          else resolve({ body: undefined, ms });
        });
      },
    );
    request.on('error', reject);
    request.end();
  });
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
        const page = await get(`limit=100&added_after=${encodeURIComponent(after)}`, false);
        latencies.push(page.ms);
        objects += 100;
      }
    }),
  );
}
agent.destroy();
const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
parentPort.postMessage({ latencies, objects, elapsed });
