/**
 * Foundation figures (issue: foundation): cold start to first /readyz, idle RSS, compressed
 * bytes of the login page, and authenticated GET /api/me throughput beside a bare Fastify
 * hello-world measured in the same run.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { report, rssMb, sleep, startProcess, waitFor, type Figure } from './support.js';

const port = 18058;
const base = `http://127.0.0.1:${port}`;

async function coldStart(): Promise<{
  ms: number;
  rss: number;
  password: string;
  stop: () => void;
}> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cirtkit-bench-'));
  const began = performance.now();
  const child = startProcess(['bin/cirtkit.js', 'serve'], {
    CIRTKIT_PORT: String(port),
    CIRTKIT_DATA_DIR: dataDir,
    CIRTKIT_LOG_LEVEL: 'warn',
    CIRTKIT_API_RATE_PER_MINUTE: '1000000',
    DATABASE_URL: '',
  });
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  await waitFor(`${base}/readyz`, 20_000).catch((error: Error) => {
    child.kill();
    throw new Error(`${error.message}; the server said:\n${output}`);
  });
  const ms = performance.now() - began;
  await sleep(2000);
  const rss = rssMb(child.pid!);
  const password = /one-time password:\s+(\S+)/.exec(output)?.[1] ?? '';
  return { ms, rss, password, stop: () => child.kill('SIGTERM') };
}

async function loginPageBytes(): Promise<{
  raw: number;
  gzip: number;
  brotli: number;
  files: number;
}> {
  const html = await (await fetch(`${base}/`)).text();
  const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]!);
  const bodies = [Buffer.from(html)];
  for (const asset of assets)
    bodies.push(Buffer.from(await (await fetch(`${base}${asset}`)).arrayBuffer()));
  // Lazy chunks the login route imports at once are listed as modulepreload links above.
  return {
    raw: bodies.reduce((n, b) => n + b.length, 0),
    gzip: bodies.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0),
    brotli: bodies.reduce((n, b) => n + brotliCompressSync(b).length, 0),
    files: bodies.length,
  };
}

async function login(password: string): Promise<string> {
  const headers = { 'content-type': 'application/json' };
  const email = 'admin@cirtkit.local';
  let answer = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ email, password }),
  });
  let cookie = answer.headers.getSetCookie()[0]!.split(';')[0]!;
  const { csrfToken } = (await answer.json()) as { csrfToken: string };
  const newPassword = 'benchmark passphrase 2026';
  answer = await fetch(`${base}/api/auth/password`, {
    method: 'POST',
    headers: { ...headers, cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify({ currentPassword: password, newPassword }),
  });
  if (!answer.ok) throw new Error(`password change failed: ${await answer.text()}`);
  answer = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ email, password: newPassword }),
  });
  cookie = answer.headers.getSetCookie()[0]!.split(';')[0]!;
  return cookie;
}

async function requestsPerSecond(
  url: string,
  headers: Record<string, string> = {},
): Promise<number> {
  const result = await autocannon({ url, connections: 20, duration: 5, headers });
  if (result.non2xx > 0) throw new Error(`${url}: ${result.non2xx} answers were not 2xx`);
  return result.requests.average;
}

async function bareFastify(): Promise<number> {
  const app = Fastify();
  app.get('/', () => ({ hello: 'world' }));
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const rps = await requestsPerSecond(address);
  await app.close();
  return rps;
}

const started = await coldStart();
try {
  const bytes = await loginPageBytes();
  const cookie = await login(started.password);
  const me = await requestsPerSecond(`${base}/api/me`, { cookie });
  const bare = await bareFastify();
  const figures: Figure[] = [
    {
      name: 'cold start to first /readyz OK',
      value: Math.round(started.ms),
      unit: 'ms',
      goal: { op: '<', value: 1500 },
      note: 'empty database: includes migrations and first admin',
    },
    {
      name: 'idle RSS after start',
      value: Math.round(started.rss),
      unit: 'MB',
      goal: { op: '<', value: 150 },
    },
    {
      name: 'login page + assets, gzip -9',
      value: Math.round(bytes.gzip / 1024),
      unit: 'KB',
      goal: { op: '<', value: 250 },
      note: `${bytes.files} files, ${Math.round(bytes.raw / 1024)} KB raw, ${Math.round(bytes.brotli / 1024)} KB brotli`,
    },
    {
      name: 'GET /api/me (session cookie)',
      value: Math.round(me),
      unit: 'req/s',
      note: '20 connections, 5 s',
    },
    { name: 'bare Fastify hello-world, same run', value: Math.round(bare), unit: 'req/s' },
    {
      name: '/api/me as a share of bare Fastify',
      value: me / bare,
      unit: 'x',
      note: 'baseline: bare Fastify = 1.00',
    },
  ];
  report(figures);
} finally {
  started.stop();
}
