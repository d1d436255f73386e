/**
 * STIX pattern figures (issue: exchange, point 2): parsing and checking the patterns of a
 * 100,000-indicator bundle. Goal: checking (parse and every rule) at >= 150,000 patterns/s, so
 * that even a bundle of nothing but indicators spends under 15% of the import's budget on its
 * patterns (the issue asks > 20,000 objects/s: 50 µs an object). The mix is what feeds share:
 * mostly one address, domain, URL or hash, some compound indicators with qualifiers, a few long
 * IN lists. Baseline: the parser as peggy writes it (every rule rebuilt at each call), before
 * scripts/stix-pattern-parser.ts moves what it can to the module.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import peggy from 'peggy';
import { grammarFile } from '../scripts/stix-pattern-parser.js';
import { checkPattern, parsePattern } from '../src/modules/exchange/pattern/index.js';
import { report, type Figure } from './support.js';

const cpus = availableParallelism();
const load = loadavg()[0]!;
const loaded = load > cpus;
const judged = loaded
  ? `judged on CPU time: machine loaded (load ${load.toFixed(1)} on ${cpus} CPUs)`
  : `judged on wall time (load ${load.toFixed(1)} on ${cpus} CPUs)`;

// A small deterministic generator (xorshift32), so every run measures the same patterns.
let seed = 0x2545f491;
const random = () => {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return seed >>> 0;
};
const hex = (digits: number) => {
  let text = '';
  while (text.length < digits) text += random().toString(16).padStart(8, '0');
  return text.slice(0, digits);
};
const ipv4 = () => `${random() % 224}.${random() % 256}.${random() % 256}.${random() % 256}`;
const domain = () => `${hex(6 + (random() % 10))}.example.${['com', 'org', 'net'][random() % 3]}`;

function pattern(i: number): string {
  const r = i % 100;
  if (r < 30) return `[ipv4-addr:value = '${ipv4()}']`;
  if (r < 45) return `[domain-name:value = '${domain()}']`;
  if (r < 60) return `[url:value = 'http://${domain()}/${hex(12)}/index.php?id=${random()}']`;
  if (r < 75) return `[file:hashes.'SHA-256' = '${hex(64)}']`;
  if (r < 80) return `[file:hashes.MD5 = '${hex(32)}' OR file:hashes.'SHA-1' = '${hex(40)}']`;
  if (r < 85) return `[ipv4-addr:value ISSUBSET '${ipv4()}/24']`;
  if (r < 90) {
    return `[network-traffic:dst_ref.type = 'ipv4-addr' AND network-traffic:dst_ref.value = '${ipv4()}' AND network-traffic:dst_port = ${random() % 65536}] REPEATS 5 TIMES WITHIN 1800 SECONDS`;
  }
  if (r < 94) {
    return `([email-message:from_ref.value MATCHES '.+@${domain().replace(/\./g, '\\\\.')}$'] FOLLOWEDBY [file:name = 'invoice-${hex(6)}.exe' AND file:size > ${random() % 100000}]) WITHIN 600 SECONDS`;
  }
  if (r < 97) {
    return `[process:command_line LIKE '%powershell%-enc%' AND process:created >= t'2024-0${1 + (random() % 9)}-1${random() % 10}T08:00:00.000Z'] START t'2024-01-01T00:00:00Z' STOP t'2025-01-01T00:00:00Z'`;
  }
  const list = Array.from({ length: 50 }, () => `'${ipv4()}'`).join(', ');
  return `[ipv4-addr:value IN (${list})]`;
}

const count = 100_000;
const patterns = Array.from({ length: count }, (_, i) => pattern(i));
const chars = patterns.reduce((n, p) => n + p.length, 0);
// Invalid patterns: each valid one with one character dropped somewhere (most no longer parse).
const broken = patterns.slice(0, 20_000).map((p, i) => {
  const at = (i * 7919) % p.length;
  return p.slice(0, at) + p.slice(at + 1);
});

/** The grammar's parser as peggy writes it, loaded from a temporary module. */
async function peggyAsGenerated(): Promise<(text: string) => unknown> {
  const here = (file: string) => pathToFileURL(path.join(path.dirname(grammarFile), file)).href;
  const source = peggy
    .generate(readFileSync(grammarFile, 'utf8'), { output: 'source', format: 'es' })
    .replace("'./build.js'", `'${here('build.ts')}'`)
    .replace("'./ast.js'", `'${here('ast.ts')}'`);
  const file = path.join(tmpdir(), `cirtkit-stix-pattern-${process.pid}.mjs`);
  writeFileSync(file, source);
  try {
    const parser = (await import(pathToFileURL(file).href)) as { parse: (t: string) => unknown };
    return parser.parse;
  } finally {
    rmSync(file, { force: true });
  }
}

const cpuMs = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};

/** Items per second (wall and CPU), best of 5 runs over all items. */
function rate(items: string[], work: (item: string) => unknown): { wall: number; cpu: number } {
  const best = { wall: 0, cpu: 0 };
  for (let run = 0; run < 5; run++) {
    const start = performance.now();
    const cpu = process.cpuUsage();
    for (const item of items) work(item);
    const cpuSeconds = cpuMs(cpu) / 1000;
    best.wall = Math.max(best.wall, items.length / ((performance.now() - start) / 1000));
    if (cpuSeconds > 0) best.cpu = Math.max(best.cpu, items.length / cpuSeconds);
  }
  return { wall: Math.round(best.wall), cpu: Math.round(best.cpu) };
}
const judgedRate = (r: { wall: number; cpu: number }) => (loaded ? r.cpu : r.wall);

let invalid = 0;
for (const p of patterns) if (checkPattern(p).length > 0) invalid++;
if (invalid > 0) throw new Error(`${invalid} of the benchmark's patterns have problems`);
const brokenRefused = broken.filter((p) => checkPattern(p).length > 0).length;

const parse = rate(patterns, parsePattern);
const check = rate(patterns, checkPattern);
const errors = rate(broken, checkPattern);
const asGenerated = rate(patterns, await peggyAsGenerated());
const mbPerSecond = (judgedRate(check) * (chars / count)) / 1e6;

const figures: Figure[] = [
  {
    name: `checkPattern, valid patterns (${loaded ? 'CPU' : 'wall'})`,
    value: judgedRate(check),
    unit: 'patterns/s',
    goal: { op: '>=', value: 150_000 },
    note: `wall ${check.wall}/s, CPU ${check.cpu}/s; ${count} patterns, ${Math.round(chars / count)} chars on average, ${mbPerSecond.toFixed(1)} MB/s; best of 5`,
  },
  {
    name: `parsePattern alone (${loaded ? 'CPU' : 'wall'})`,
    value: judgedRate(parse),
    unit: 'patterns/s',
    note: `wall ${parse.wall}/s, CPU ${parse.cpu}/s`,
  },
  {
    name: `checkPattern, one character dropped (${loaded ? 'CPU' : 'wall'})`,
    value: judgedRate(errors),
    unit: 'patterns/s',
    note: `wall ${errors.wall}/s, CPU ${errors.cpu}/s; ${broken.length} patterns, ${brokenRefused} refused`,
  },
  {
    name: `baseline: parse with peggy's output as generated (${loaded ? 'CPU' : 'wall'})`,
    value: judgedRate(asGenerated),
    unit: 'patterns/s',
    note: `wall ${asGenerated.wall}/s, CPU ${asGenerated.cpu}/s`,
  },
];
report(figures);
console.log(judged);
