/**
 * TLP policy figures (issue: exchange, performance): decisions per second of `mayDisclose`
 * alone, of a whole object decision (`tlpOf` over its markings, then `mayDisclose`), and of
 * `redact` on objects with granular markings. Goal: more than 1,000,000 decisions per second.
 */
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { mayDisclose, redact, type Recipient } from '../src/modules/exchange/policy/index.js';
import { exampleIndicator } from '../src/modules/exchange/stix/examples.js';
import {
  papMarkingIds,
  tlp1MarkingIds,
  tlp2MarkingIds,
  tlpLevels,
  tlpOf,
  type Tlp,
} from '../src/modules/exchange/stix/index.js';
import { report, type Figure } from './support.js';

// On a loaded machine wall time measures the other processes too: judge on CPU time then.
const cores = availableParallelism();
const load = loadavg()[0]!;
const loaded = load > cores;

// A small deterministic generator (xorshift32), so every run decides the same cases.
let seed = 0x2545f491;
const random = (n: number) => {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return (seed >>> 0) % n;
};
const kinds = ['user', 'peer', 'sharing-group', 'public'] as const;
const recipients: Recipient[] = Array.from({ length: 4096 }, () => ({
  kind: kinds[random(4)]!,
  sameOrganisation: random(4) === 0,
  client: random(4) === 0,
  community: random(2) === 0,
  onAccessList: random(8) === 0,
}));
const levels: (Tlp | undefined)[] = Array.from({ length: 4096 }, () =>
  random(6) === 0 ? undefined : tlpLevels[random(5)],
);
const allIds = [
  ...Object.values(tlp2MarkingIds),
  ...Object.values(tlp1MarkingIds),
  ...Object.values(papMarkingIds),
];
const objects = Array.from({ length: 4096 }, () =>
  exampleIndicator({
    object_marking_refs:
      random(5) === 0 ? undefined : Array.from({ length: 1 + random(2) }, () => allIds[random(13)]),
  }),
);
const marked = Array.from({ length: 256 }, (_, i) =>
  exampleIndicator({
    description: `description ${i}`,
    labels: ['a', 'b', 'c'],
    granular_markings: [
      { selectors: ['description'], marking_ref: tlp2MarkingIds[tlpLevels[random(5)]!] },
      { selectors: ['labels.[1]'], marking_ref: tlp2MarkingIds[tlpLevels[random(5)]!] },
    ],
  }),
);
const options = { defaultTlp: 'amber' as Tlp };

interface Rate {
  wall: number;
  cpu: number;
  allowed: number;
}
/** Best of 5 runs of `count` calls, as calls per second of wall and of CPU time. */
function rate(count: number, call: (i: number) => boolean): Rate {
  const best = { wall: 0, cpu: 0, allowed: 0 };
  for (let run = 0; run < 5; run++) {
    let allowed = 0;
    const cpu = process.cpuUsage();
    const began = performance.now();
    for (let i = 0; i < count; i++) if (call(i)) allowed++;
    const wallMs = performance.now() - began;
    const used = process.cpuUsage(cpu);
    const cpuMs = (used.user + used.system) / 1000;
    best.wall = Math.max(best.wall, Math.round(count / (wallMs / 1000)));
    best.cpu = Math.max(best.cpu, Math.round(count / (Math.max(cpuMs, 0.001) / 1000)));
    best.allowed = allowed;
  }
  return best;
}
const judged = (r: Rate) => (loaded ? r.cpu : r.wall);
const how = loaded ? 'CPU' : 'wall';

const decisions = rate(
  5_000_000,
  (i) => mayDisclose(levels[i & 4095], recipients[(i * 7) & 4095]!, options).allowed,
);
const objectDecisions = rate(
  2_000_000,
  (i) =>
    mayDisclose(tlpOf(objects[i & 4095]!, options), recipients[(i * 7) & 4095]!, options).allowed,
);
const redactions = rate(
  50_000,
  (i) => redact(marked[i & 255]!, recipients[i & 4095]!, options).disclosed,
);

const figures: Figure[] = [
  {
    name: `mayDisclose decisions (${how})`,
    value: judged(decisions),
    unit: '/s',
    goal: { op: '>=', value: 1_000_000 },
    note: `wall ${decisions.wall}/s, CPU ${decisions.cpu}/s; 5M decisions, best of 5; ${decisions.allowed} allowed`,
  },
  {
    name: `object decisions, tlpOf + mayDisclose (${how})`,
    value: judged(objectDecisions),
    unit: '/s',
    goal: { op: '>=', value: 1_000_000 },
    note: `wall ${objectDecisions.wall}/s, CPU ${objectDecisions.cpu}/s; 1-2 marking refs (TLP 2.0, 1.0, PAP) or none`,
  },
  {
    name: `redact, 2 granular markings (${how})`,
    value: judged(redactions),
    unit: '/s',
    note: `wall ${redactions.wall}/s, CPU ${redactions.cpu}/s; ${redactions.allowed} of 50,000 disclosed (copy and re-validation when a field goes)`,
  },
];
console.log(
  `machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cores} CPUs, ${Math.round(totalmem() / 2 ** 30)} GB, ` +
    `Node ${process.version}, load ${load.toFixed(1)}; date: ${new Date().toISOString()}`,
);
report(figures);
console.log(loaded ? 'judged on CPU time: the machine is loaded' : 'judged on wall time');
