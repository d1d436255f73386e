/**
 * Incident list figures (issue: operations core): 1,000,000 incidents, then the filtered list as
 * users run it, p50 and p95 per query, on SQLite and on PostgreSQL. Goal: p95 < 50 ms on both.
 *
 * The list is asked over HTTP: the real server listening on loopback, called by an analyst (the
 * TLP rule applies: RED and AMBER+STRICT incidents only through the access list). The machine
 * may be shared, so beside the wall-clock time seen by the client each query also reports the
 * server's own share: the Node process's CPU time between receiving the request and finishing
 * the response (process.cpuUsage() in onRequest/onResponse hooks), and on PostgreSQL the CPU
 * time of the server's database connections (from /proc, when the database runs on this host).
 *
 * Loading is setup, not what is measured: rows go in with prepared multi-row statements inside
 * large transactions (PostgreSQL: one INSERT ... SELECT unnest(...) per batch), with the
 * secondary indexes and the search triggers set aside, then the indexes are rebuilt and the
 * search table filled in one statement, as a restore would.
 *
 * PostgreSQL runs when DATABASE_URL points at one, or when scripts/pg-test-server.sh can start
 * one; otherwise it is reported as not measured.
 *   INCIDENTS_BENCH_COUNT    number of incidents (default 1,000,000)
 *   INCIDENTS_BENCH_ENGINES  `sqlite`, `postgres` or both (default `sqlite,postgres`)
 *   INCIDENTS_BENCH_KEEP=1   keep the loaded databases and print where they are (to EXPLAIN)
 *   INCIDENTS_BENCH_SQLITE_FILE / INCIDENTS_BENCH_PG_SCHEMA  measure a database kept that way
 *                            instead of loading a new one
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createLogger, loadConfig } from '../src/kernel/index.js';
import {
  accountsDeps,
  createToken,
  ensureFirstAdmin,
  findUserByEmail,
  permissionsOf,
  toUser,
} from '../src/modules/accounts/index.js';
import { loadReferenceData } from '../src/modules/registry/index.js';
import { buildApp } from '../src/server/app.js';
import { migrateToLatest, openPostgres, openSqlite, type Db } from '../src/storage/index.js';
import { searchFillSql } from '../src/storage/migrations/0007_incident_search.js';
import { sortKeysFillSql } from '../src/storage/migrations/0009_incident_sort_keys.js';
import { report, type Figure } from './support.js';

const total = Number(process.env.INCIDENTS_BENCH_COUNT ?? 1_000_000);
const engines = (process.env.INCIDENTS_BENCH_ENGINES ?? 'sqlite,postgres').split(',');
const keep = process.env.INCIDENTS_BENCH_KEEP === '1';
const runs = 40;
const goalMs = 50;
/** The incident whose (unique) IP address the search looks for. */
const rareIncident = Math.floor(total * 0.77);
const viewerEmail = 'analyst@example.org';

const cumulative = new WeakMap<object, number[]>();

// A small deterministic generator: the same incidents on every run and both engines.
function generator(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  /** Skewed towards the first items: item k about as often as 1/(k+1). */
  const zipf = <T>(items: readonly T[]) =>
    items[Math.min(items.length - 1, Math.floor(Math.pow(items.length + 1, next())) - 1)]!;
  /** Picks by weight: [[value, weight], ...] (a constant list: its sums are kept). */
  const weighted = <T>(items: readonly (readonly [T, number])[]): T => {
    let sums = cumulative.get(items);
    if (!sums) {
      let sum = 0;
      sums = items.map(([, w]) => (sum += w));
      cumulative.set(items, sums);
    }
    const r = next() * sums.at(-1)!;
    let k = 0;
    while (k < sums.length - 1 && r >= sums[k]!) k++;
    return items[k]![0];
  };
  return { next, pick, zipf, weighted };
}
type Gen = ReturnType<typeof generator>;

/** RSIT classes with how often they are reported, and some of their types (ids as in data/incidents/rsit.json). */
const rsit: [string, number, string[]][] = [
  ['fraud', 22, ['phishing', 'masquerade', 'unauthorised-use-of-resources', 'copyright']],
  ['malicious-code', 16, ['infected-system', 'malware-distribution', 'c2-server']],
  ['information-gathering', 14, ['scanner', 'sniffing', 'social-engineering']],
  ['intrusion-attempts', 10, ['ids-alert', 'brute-force', 'exploit']],
  ['vulnerable', 12, ['vulnerable-system', 'weak-crypto', 'potentially-unwanted-accessible']],
  ['abusive-content', 8, ['spam', 'harmful-speech', 'violence']],
  ['intrusions', 5, ['privileged-account-compromise', 'unprivileged-account-compromise']],
  ['availability', 5, ['dos', 'ddos', 'outage', 'sabotage']],
  ['information-content-security', 4, ['unauthorised-information-access', 'data-loss']],
  ['other', 3, ['undetermined', 'other']],
  ['test', 1, ['test']],
];
// The bench's incidents must be ones the product could hold: every type is in the taxonomy.
{
  const taxonomy = JSON.parse(readFileSync('data/incidents/rsit.json', 'utf8')) as {
    classes: { id: string; types: { id: string }[] }[];
  };
  for (const [cls, , types] of rsit)
    for (const type of types)
      if (!taxonomy.classes.find((c) => c.id === cls)?.types.some((t) => t.id === type))
        throw new Error(`bench: ${cls}/${type} is not an RSIT type of data/incidents/rsit.json`);
}
const sectors: [string | null, number][] = [
  ['government', 18],
  ['finance-banking', 14],
  ['telecommunications', 10],
  ['digital-infrastructure', 9],
  ['health', 8],
  ['education-research', 8],
  ['energy', 6],
  ['manufacturing', 5],
  ['transport', 4],
  ['water', 2],
  ['food', 1],
  ['space', 0.3],
  ['other', 4],
  [null, 11],
];
const severities: [string, number][] = [
  ['baseline', 25],
  ['low', 35],
  ['medium', 25],
  ['high', 10],
  ['severe', 4],
  ['emergency', 1],
];
const slaMinutes: Record<string, [number, number]> = {
  baseline: [2880, 43200],
  low: [1440, 10080],
  medium: [240, 4320],
  high: [60, 1440],
  severe: [30, 480],
  emergency: [15, 240],
};
/** Words of titles and descriptions, most frequent first (picked with a Zipf skew). */
const words = [
  'report',
  'server',
  'customer',
  'account',
  'mail',
  'login',
  'phishing',
  'website',
  'ransomware',
  'malware',
  'credential',
  'campaign',
  'portal',
  'bank',
  'ministry',
  'scanner',
  'botnet',
  'vpn',
  'router',
  'gateway',
  'database',
  'cloud',
  'backup',
  'hospital',
  'university',
  'provider',
  'invoice',
  'exposed',
  'leak',
  'defaced',
  'outage',
  'firmware',
  'takeover',
  'abuse',
  'wiper',
  'sinkhole',
  'typosquatting',
  'skimmer',
  'smishing',
  'cryptojacking',
];
const observableKinds = [
  ['ipv4', 50],
  ['domain', 25],
  ['url', 10],
  ['sha256', 10],
  ['email', 5],
] as const;
const oldStatuses = [
  ['closed', 88],
  ['resolved', 6],
  ['in-progress', 2],
  ['waiting-external', 2],
  ['triage', 1],
  ['new', 1],
] as const;
const recentStatuses = [
  ['new', 15],
  ['triage', 15],
  ['in-progress', 30],
  ['waiting-external', 10],
  ['resolved', 15],
  ['closed', 15],
] as const;
const tlps = [
  ['clear', 8],
  ['green', 38],
  ['amber', 44],
  ['amber+strict', 4],
  ['red', 6],
] as const;
const paps = [
  ['clear', 10],
  ['green', 40],
  ['amber', 45],
  ['red', 5],
] as const;
const queues = [
  ['national', 70],
  ['government', 20],
  ['finance', 10],
] as const;
const sources = [
  ['email', 55],
  ['form', 20],
  ['api', 15],
  ['ui', 10],
] as const;
const rsitWeights = rsit.map((c) => [c, c[1]] as const);

/** ISO 8601 text of an instant, quicker than Date#toISOString (whole days are cached). */
const days = new Map<number, string>();
const two = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));
const three = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));
function iso(ms: number): string {
  const day = Math.floor(ms / 86_400_000);
  let prefix = days.get(day);
  if (prefix === undefined) {
    prefix = new Date(day * 86_400_000).toISOString().slice(0, 11);
    days.set(day, prefix);
  }
  let rest = ms - day * 86_400_000;
  const milli = rest % 1000;
  rest = (rest - milli) / 1000;
  const sec = rest % 60;
  rest = (rest - sec) / 60;
  return `${prefix}${two[Math.floor(rest / 60)]}:${two[rest % 60]}:${two[sec]}.${three[milli]}Z`;
}

const start = Date.parse('2021-03-01T00:00:00.000Z');
const end = Date.parse('2026-03-01T00:00:00.000Z');
const now = '2026-03-01T00:00:00.000Z';
const columns = [
  'id',
  'reference',
  'title',
  'description',
  'status',
  'rsit_class',
  'rsit_type',
  'tlp',
  'pap',
  'severity',
  'impact',
  'sector',
  'assignee_id',
  'queue',
  'source',
  'reporter_name',
  'reporter_email',
  'reporter_org',
  'occurred_at',
  'created_at',
  'created_by',
  'updated_at',
  'acknowledged_at',
  'resolved_at',
  'closed_at',
  'ack_due_at',
  'resolve_due_at',
  'merged_into_id',
  'revision',
] as const;
type Value = string | number | null;
type Row = Value[];

interface Population {
  viewerId: string;
  /** Analysts and leads: assignees, creators, access lists. The viewer is users[0]. */
  users: string[];
  /** Organisations, the biggest constituents first. */
  orgs: string[];
}

/** An IPv4 address: most from a pool that recurs (botnets, scanners), some seen once. */
function ipAddress(g: Gen, i: number): string {
  if (g.next() < 0.6) {
    const k = Math.floor(Math.pow(20_001, g.next())) - 1;
    return `${45 + (k % 150)}.${(k * 7) % 256}.${(k * 13) % 256}.${(k * 31) % 256}`;
  }
  return `${1 + Math.floor(g.next() * 222)}.${i & 255}.${(i >> 8) & 255}.${Math.floor(g.next() * 256)}`;
}

function observablesOf(g: Gen, i: number): [string, string][] {
  if (i === rareIncident) return [['ipv4', rareIp]];
  if (g.next() > 0.35) return [];
  const out: [string, string][] = [];
  const n = 1 + Math.floor(g.next() * g.next() * 4);
  for (let j = 0; j < n; j++) {
    const kind = g.weighted(observableKinds);
    const d = Math.floor(Math.pow(50_001, g.next())) - 1;
    const value =
      kind === 'ipv4'
        ? ipAddress(g, i)
        : kind === 'domain'
          ? `login-${d}.example-${d % 97}.com`
          : kind === 'url'
            ? `https://cdn-${d}.example-${d % 89}.net/${g.pick(words)}/${d % 1000}`
            : kind === 'email'
              ? `billing${d}@example-${d % 71}.org`
              : (i * 2654435761 + j).toString(16).padStart(16, '0').repeat(4);
    if (!out.some(([k, v]) => k === kind && v === value)) out.push([kind, value]);
  }
  return out;
}
const rareIp = `203.0.${(rareIncident >> 8) & 255}.${rareIncident & 255}`;

/** Incident number `i` (0-based): created in time order, so references rise with time. */
function incident(i: number, g: Gen, pop: Population, counters: Map<string, number>): Row {
  const createdMs = start + Math.floor(((end - start) * i) / total) + Math.floor(g.next() * 60_000);
  const created = iso(createdMs);
  const year = created.slice(0, 4);
  const seq = (counters.get(year) ?? 0) + 1;
  counters.set(year, seq);
  const age = Date.parse(now) - createdMs;
  const status = age > 30 * 86_400_000 ? g.weighted(oldStatuses) : g.weighted(recentStatuses);
  const klass = g.next() < 0.04 ? null : g.weighted(rsitWeights);
  const rsitClass = klass ? klass[0] : null;
  const rsitType = klass ? g.zipf(klass[2]) : null;
  const tlp = i === rareIncident ? 'amber' : g.weighted(tlps);
  const severity = status === 'new' ? null : g.weighted(severities);
  const at = (minutes: number) => iso(createdMs + minutes * 60_000);
  const [ackMin, resolveMin] = severity ? slaMinutes[severity]! : [0, 0];
  // Most are handled in time; some late.
  const ackAfter =
    status === 'new' ? null : Math.floor(ackMin * (g.next() < 0.9 ? g.next() : 1 + g.next() * 3));
  const resolved = status === 'resolved' || status === 'closed';
  const resolveAfter = resolved
    ? Math.floor(resolveMin * (g.next() < 0.85 ? g.next() : 1 + g.next() * 2))
    : null;
  const updated = resolved
    ? at(resolveAfter! + 60)
    : at(Math.floor(g.next() * Math.min(age / 60_000, 20_000)));
  const title = `${g.zipf(words)} ${g.zipf(words)} ${g.pick(['at', 'in', 'from', 'against', 'on'])} ${g.zipf(words)}`;
  // Words with a Zipf skew, a campaign tag (one of 200: each in about 0.5% of incidents) and
  // now and then a host name.
  const length = 8 + Math.floor(g.next() * 10);
  let description = g.zipf(words);
  for (let w = 1; w < length; w++) description += ` ${g.zipf(words)}`;
  description += ` variant${three[Math.floor(g.next() * 200)]!}`;
  if (g.next() < 0.1) description += ` seen on host${Math.floor(g.next() * 5000)}.example.net`;
  const creator = g.zipf(pop.users);
  const assignee =
    status === 'new' && g.next() < 0.7 ? null : g.next() < 0.1 ? null : g.zipf(pop.users);
  return [
    `inc-${String(i).padStart(7, '0')}`,
    `CIRT-${year}-${String(seq).padStart(6, '0')}`,
    title,
    description,
    status,
    rsitClass,
    rsitType,
    tlp,
    g.weighted(paps),
    severity,
    severity ? g.pick(['none', 'low', 'medium', 'high', 'critical']) : null,
    g.weighted(sectors),
    assignee,
    g.weighted(queues),
    g.weighted(sources),
    null,
    g.next() < 0.6 ? `reporter${Math.floor(g.next() * 20_000)}@example.org` : null,
    null,
    null,
    created,
    creator,
    updated,
    ackAfter === null ? null : at(ackAfter),
    resolved ? at(resolveAfter!) : null,
    status === 'closed' ? at(resolveAfter! + 60) : null,
    severity ? at(ackMin) : null,
    severity ? at(resolveMin) : null,
    null,
    1,
  ];
}

async function populate(db: Db): Promise<Population> {
  const k = db.kysely;
  const config = loadConfig({ CIRTKIT_DATA_DIR: os.tmpdir() }, os.tmpdir());
  await ensureFirstAdmin(accountsDeps(config, db), 'bench@example.org');
  const adminId = (await findUserByEmail(k, 'bench@example.org'))!.id;
  const users = ['user-viewer', ...Array.from({ length: 39 }, (_, i) => `user-${i}`)];
  await k
    .insertInto('users')
    .values(
      users.map((id, i) => ({
        id,
        email: i === 0 ? viewerEmail : `analyst${i}@example.org`,
        display_name: `Analyst ${i}`,
        role: i % 8 === 7 ? 'lead' : 'analyst',
        password_hash: 'x',
        must_change_password: 0,
        disabled: 0,
        failed_logins: 0,
        locked_until: null,
        locale: 'en',
        created_at: now,
        updated_at: now,
        last_login_at: null,
      })),
    )
    .execute();
  const orgs = Array.from({ length: 200 }, (_, i) => `org-${String(i).padStart(3, '0')}`);
  await k
    .insertInto('constituent_orgs')
    .values(
      orgs.map((id, i) => ({
        id,
        name: `Organisation ${i}`,
        short_name: null,
        sector: sectors[i % (sectors.length - 1)]![0]!,
        critical: i % 7 === 0 ? 1 : 0,
        iso3: null,
        language: 'en',
        notify_channel: 'email',
        notify_format: 'text',
        notify_pgp: 'none',
        verification: 'verified',
        verified_at: null,
        verified_by: null,
        website: null,
        notes: '',
        revision: 1,
        created_at: now,
        created_by: adminId,
        updated_at: now,
        updated_by: adminId,
      })),
    )
    .execute();
  return { viewerId: users[0]!, users, orgs };
}

const tables = {
  incidents: [...columns],
  incident_observables: ['id', 'incident_id', 'kind', 'value', 'note', 'created_at', 'created_by'],
  incident_constituents: ['incident_id', 'org_id', 'origin', 'matched', 'added_at', 'added_by'],
  incident_access: ['incident_id', 'user_id', 'granted_at', 'granted_by'],
} as const;
type Table = keyof typeof tables;
type Batch = Record<Table, Row[]>;

/** Generates the incidents `from` to `to` (exclusive) and the rows that hang on them. */
function generate(
  from: number,
  to: number,
  g: Gen,
  pop: Population,
  counters: Map<string, number>,
): Batch {
  const out: Batch = {
    incidents: [],
    incident_observables: [],
    incident_constituents: [],
    incident_access: [],
  };
  for (let i = from; i < to; i++) {
    const row = incident(i, g, pop, counters);
    out.incidents.push(row);
    const id = row[0] as string;
    const created = row[19] as string;
    const creator = row[20] as string;
    for (const [j, [kind, value]] of observablesOf(g, i).entries())
      out.incident_observables.push([`obs-${i}-${j}`, id, kind, value, '', created, creator]);
    // Most incidents concern one organisation or two; a few big constituents report most.
    if (g.next() < 0.55) {
      const first = g.zipf(pop.orgs);
      out.incident_constituents.push([
        id,
        first,
        g.pick(['confirmed', 'suggested', 'manual']),
        '[]',
        created,
        null,
      ]);
      const second = g.pick(pop.orgs);
      if (g.next() < 0.15 && second !== first)
        out.incident_constituents.push([
          id,
          second,
          g.pick(['suggested', 'dismissed']),
          '[]',
          created,
          null,
        ]);
    }
    // RED and AMBER+STRICT: the creator is on the access list, often a colleague too.
    if (row[7] === 'red' || row[7] === 'amber+strict') {
      out.incident_access.push([id, creator, created, creator]);
      const other = g.zipf(pop.users);
      if (g.next() < 0.4 && other !== creator)
        out.incident_access.push([id, other, created, creator]);
    }
  }
  return out;
}

/** Inserts every incident; secondary indexes and search triggers are set aside meanwhile. */
async function load(db: Db, pop: Population, pgBulk: pg.Client | undefined): Promise<number> {
  const g = generator(42);
  const counters = new Map<string, number>();
  const began = performance.now();
  const step = 50_000;
  let generating = 0;
  if (db.sqlite) {
    const sqlite = db.sqlite;
    const names = Object.keys(tables)
      .map((t) => `'${t}'`)
      .join(',');
    const setAside = sqlite
      .prepare(
        `select type, name, sql from sqlite_master where sql is not null and type in ('index', 'trigger')
          and tbl_name in (${names})`,
      )
      .all() as { type: string; name: string; sql: string }[];
    for (const s of setAside) sqlite.exec(`drop ${s.type} ${s.name}`);
    sqlite.pragma('foreign_keys = OFF');
    sqlite.pragma('journal_mode = OFF');
    sqlite.pragma('synchronous = OFF');
    sqlite.pragma('cache_size = -262144');
    const perStatement = 500;
    const insert = (table: Table, rows: Row[]) => {
      const cols = tables[table];
      const values = (n: number) =>
        Array.from({ length: n }, () => `(${cols.map(() => '?').join(',')})`).join(',');
      const text = (n: number) => `insert into ${table} (${cols.join(',')}) values ${values(n)}`;
      const full = sqlite.prepare(text(perStatement));
      for (let i = 0; i < rows.length; i += perStatement) {
        const chunk = rows.slice(i, i + perStatement);
        (chunk.length === perStatement ? full : sqlite.prepare(text(chunk.length))).run(
          chunk.flat(),
        );
      }
    };
    for (let from = 0; from < total; from += step) {
      const t = performance.now();
      const batch = generate(from, Math.min(total, from + step), g, pop, counters);
      generating += performance.now() - t;
      sqlite.transaction(() => {
        for (const table of Object.keys(tables) as Table[]) insert(table, batch[table]);
      })();
    }
    const inserted = performance.now();
    for (const s of setAside.filter((s) => s.type === 'index')) sqlite.exec(s.sql);
    const indexed = performance.now();
    sqlite.transaction(() => {
      for (const statement of [...searchFillSql('sqlite'), ...sortKeysFillSql('sqlite')])
        sqlite.exec(statement);
    })();
    const searchable = performance.now();
    for (const s of setAside.filter((s) => s.type === 'trigger')) sqlite.exec(s.sql);
    sqlite.exec('analyze');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    console.error(
      `SQLite: rows ${secs(inserted - began)} s (generating them ${secs(generating)} s), indexes ${secs(indexed - inserted)} s, search ${secs(
        searchable - indexed,
      )} s, analyze ${secs(performance.now() - searchable)} s`,
    );
  } else {
    const c = pgBulk!;
    const names = Object.keys(tables).concat('incident_search');
    const setAside = (
      await c.query<{ name: string; def: string }>(
        `select indexname as name, indexdef as def from pg_indexes
          where schemaname = current_schema() and tablename = any($1)
            and indexname not in (select conname from pg_constraint)`,
        [names],
      )
    ).rows;
    for (const s of setAside) await c.query(`drop index ${s.name}`);
    await c.query(
      'alter table incidents disable trigger incident_search_insert; alter table incidents disable trigger incident_search_sort_keys; alter table incident_observables disable trigger incident_search_observable',
    );
    // Referential checks are set aside too where the role may (a superuser): rows are consistent.
    await c.query('set session_replication_role = replica').catch(() => undefined);
    await c.query('begin');
    for (let from = 0; from < total; from += step) {
      const t = performance.now();
      const batch = generate(from, Math.min(total, from + step), g, pop, counters);
      generating += performance.now() - t;
      for (const table of Object.keys(tables) as Table[]) {
        const cols = tables[table];
        const rows = batch[table];
        if (rows.length === 0) continue;
        await c.query(
          `insert into ${table} (${cols.join(',')}) select * from unnest(${cols
            .map((col, j) => `$${j + 1}::${col === 'revision' ? 'int' : 'text'}[]`)
            .join(',')})`,
          cols.map((_, j) => rows.map((r) => r[j])),
        );
      }
    }
    await c.query('commit');
    await c.query('set session_replication_role = origin').catch(() => undefined);
    const inserted = performance.now();
    await c.query(`set maintenance_work_mem = '512MB'`);
    const searchIndexes = setAside.filter((s) => s.def.includes(' incident_search '));
    for (const s of setAside.filter((s) => !searchIndexes.includes(s))) await c.query(s.def);
    const indexed = performance.now();
    for (const statement of [...searchFillSql('postgres'), ...sortKeysFillSql('postgres')])
      await c.query(statement);
    for (const s of searchIndexes) await c.query(s.def);
    const searchable = performance.now();
    await c.query(
      'alter table incidents enable trigger incident_search_insert; alter table incidents enable trigger incident_search_sort_keys; alter table incident_observables enable trigger incident_search_observable',
    );
    await c.query('vacuum analyze');
    console.error(
      `PostgreSQL: rows ${secs(inserted - began)} s (generating them ${secs(generating)} s), indexes ${secs(indexed - inserted)} s, search ${secs(
        searchable - indexed,
      )} s, vacuum analyze ${secs(performance.now() - searchable)} s`,
    );
  }
  const ms = performance.now() - began;
  console.error(`loaded ${total} incidents on ${db.dialect} in ${secs(ms)} s`);
  return ms;
}

const secs = (ms: number) => (ms / 1000).toFixed(1);

interface Measured {
  name: string;
  p50: number;
  p95: number;
  /** Server: p95 of request-to-response time, and of the Node process's CPU time. */
  serverP95: number;
  cpuP95: number;
  cpuMean: number;
  /** PostgreSQL: CPU time of the server's database connections per query (mean). */
  dbCpuMean: number | null;
  count: number;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** CPU time (ms) used so far by these processes, when they run on this host. */
function processCpuMs(pids: number[]): number | null {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      return null;
    }
  }
  return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
}

/** Times each list query over HTTP, as the list page calls it, by an analyst. */
async function measure(
  db: Db,
  dataDir: string,
  pop: Population,
  dbPids: () => Promise<number[]>,
): Promise<Measured[]> {
  const config = loadConfig(
    // No SLA sweep: its first pass over generated history would write a breach event for
    // most of the million incidents while the list is being timed.
    {
      CIRTKIT_DATA_DIR: dataDir,
      CIRTKIT_API_RATE_PER_MINUTE: '1000000',
      CIRTKIT_SLA_SWEEP_SECONDS: '0',
    },
    dataDir,
  );
  const app = await buildApp({
    config,
    db,
    logger: createLogger('silent'),
    registryData: loadReferenceData(),
    clock: { now: () => new Date(now) },
  });
  // The server's own time and CPU per request (requests are sent one at a time): from the
  // HTTP server receiving the request to the response's last byte handed to the socket.
  let last = { ms: 0, cpu: 0 };
  app.server.prependListener('request', (_request, response) => {
    const began = { cpu: process.cpuUsage(), at: performance.now() };
    response.once('finish', () => {
      const cpu = process.cpuUsage(began.cpu);
      last = { ms: performance.now() - began.at, cpu: (cpu.user + cpu.system) / 1000 };
    });
  });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  const admin = toUser((await findUserByEmail(db.kysely, 'bench@example.org'))!);
  const { secret } = await createToken(
    accountsDeps(config, db),
    { actorId: null, actorLabel: 'bench' },
    { user: admin, role: 'admin', permissions: permissionsOf('admin'), via: 'token' },
    { name: 'list bench', role: 'analyst', userId: pop.viewerId },
  );
  const headers = { authorization: `Bearer ${secret}` };
  const get = async (url: string) => {
    const answer = await fetch(`${base}${url}`, { headers });
    const body = await answer.text();
    if (answer.status !== 200) throw new Error(`${url}: ${answer.status} ${body}`);
    return JSON.parse(body) as { items: { id: string; tlp: string }[]; nextCursor: string | null };
  };
  // A cursor 20 pages deep into the default list: keyset paging costs the same at any depth.
  let deep = '';
  for (let page = 0; page < 20; page++) {
    const answer = await get(`/api/incidents?limit=50${deep ? `&cursor=${deep}` : ''}`);
    deep = answer.nextCursor!;
  }
  const queries: [string, string][] = [
    ['newest first (default)', ''],
    ['open work (status new, triage, in progress)', 'status=new,triage,in-progress'],
    [
      'open work, least recently updated first',
      'status=new,triage,in-progress,waiting-external&sort=updated',
    ],
    ['RSIT class and type (fraud / phishing)', 'rsitClass=fraud&rsitType=phishing'],
    ['RSIT class, rare (test)', 'rsitClass=test'],
    ['TLP red (the analyst sees only their access list)', 'tlp=red'],
    ['TLP amber', 'tlp=amber'],
    ['severity high, severe or emergency', 'severity=high,severe,emergency'],
    ['sector health, recently updated', 'sector=health&sort=-updated'],
    ['sector space (rare), closed', 'sector=space&status=closed'],
    ['assigned to me', 'assignee=me'],
    ['assigned to me, open', 'assignee=me&status=new,triage,in-progress,waiting-external'],
    ['unassigned and new', 'assignee=none&status=new'],
    ['created in June 2025', 'createdFrom=2025-06-01&createdTo=2025-06-30'],
    ['updated in the last week', 'updatedFrom=2026-02-22'],
    ['SLA breached, in progress', 'slaBreached=true&status=in-progress'],
    ['SLA breached, any status', 'slaBreached=true'],
    ['constituent organisation, biggest', `constituent=${pop.orgs[0]!}`],
    ['constituent organisation, small', `constituent=${pop.orgs[150]!}`],
    ['full text, an IP address (1 match)', `q=${rareIp}`],
    ['full text, a reference', 'q=CIRT-2024-001234'],
    ['full text, a word in 0.5% of incidents', 'q=variant117'],
    ['full text, a rare word and a common one', 'q=variant117%20server'],
    ['full text, a common word', 'q=ransomware'],
    ['full text, a very common word', 'q=report'],
    ['full text, a prefix (cryptoj*)', 'q=cryptoj*'],
    ['full text and filters', 'q=variant042%20hospital&status=closed&sector=health'],
    [
      'full text common word, open, high severity',
      'q=phishing&status=new,triage,in-progress&severity=high,severe',
    ],
    [
      'closed malicious code in energy, oldest first',
      'status=closed&rsitClass=malicious-code&sector=energy&sort=created',
    ],
    ['page 21 of the default list (cursor)', `cursor=${deep}`],
  ];
  const out: Measured[] = [];
  for (const [name, query] of queries) {
    const url = `/api/incidents?limit=50${query ? `&${query}` : ''}`;
    let count = 0;
    for (let i = 0; i < 3; i++) count = (await get(url)).items.length;
    const wall: number[] = [];
    const restricted = new Set<string>();
    const server: number[] = [];
    const cpu: number[] = [];
    const pids = await dbPids();
    const dbBefore = processCpuMs(pids);
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      const page = await get(url);
      wall.push(performance.now() - t);
      server.push(last.ms);
      cpu.push(last.cpu);
      for (const item of page.items)
        if (item.tlp === 'red' || item.tlp === 'amber+strict') restricted.add(item.id);
    }
    const dbAfter = processCpuMs(pids);
    // The TLP rule: restricted incidents in the answer are the ones the analyst was granted.
    const granted = restricted.size
      ? await db.kysely
          .selectFrom('incident_access')
          .select('incident_id')
          .where('user_id', '=', pop.viewerId)
          .where('incident_id', 'in', [...restricted])
          .execute()
      : [];
    if (granted.length !== restricted.size) throw new Error(`${name}: TLP rule broken`);
    const m: Measured = {
      name,
      p50: percentile(wall, 50),
      p95: percentile(wall, 95),
      serverP95: percentile(server, 95),
      cpuP95: percentile(cpu, 95),
      cpuMean: cpu.reduce((a, b) => a + b, 0) / runs,
      dbCpuMean:
        dbBefore === null || dbAfter === null || pids.length === 0
          ? null
          : (dbAfter - dbBefore) / runs,
      count,
    };
    out.push(m);
    console.error(
      `  ${db.dialect} ${name}: p50 ${m.p50.toFixed(1)} p95 ${m.p95.toFixed(1)} ms; server p95 ${m.serverP95.toFixed(1)} ms, cpu p95 ${m.cpuP95.toFixed(1)} ms${m.dbCpuMean === null ? '' : `, db cpu ${m.dbCpuMean.toFixed(1)} ms`}`,
    );
  }
  await app.close();
  return out;
}

function figuresOf(engine: string, loadMs: number | null, measured: Measured[]): Figure[] {
  const worst = (f: (m: Measured) => number) => Math.max(...measured.map(f));
  return [
    ...(loadMs === null
      ? []
      : [
          {
            name: `${engine}: load ${total.toLocaleString('en')} incidents (setup)`,
            value: Math.round(loadMs / 1000),
            unit: 's',
            note: 'multi-row inserts; indexes rebuilt and search table filled after the rows',
          },
        ]),
    ...measured.map((m) => ({
      name: `${engine}: ${m.name}`,
      value: Number(m.p95.toFixed(1)),
      unit: 'ms',
      goal: { op: '<' as const, value: goalMs },
      note: `p50 ${m.p50.toFixed(1)} ms; server ${m.serverP95.toFixed(1)} ms, CPU ${m.cpuP95.toFixed(1)} ms${
        m.dbCpuMean === null ? '' : ` + database CPU ${m.dbCpuMean.toFixed(1)} ms (mean)`
      }; ${m.count} rows`,
    })),
    {
      name: `${engine}: worst p95 of the ${measured.length} queries (client wall clock)`,
      value: Number(worst((m) => m.p95).toFixed(1)),
      unit: 'ms',
      goal: { op: '<', value: goalMs },
      note: `load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} CPUs`,
    },
    {
      name: `${engine}: worst p95 of the server's CPU time per query`,
      value: Number(worst((m) => m.cpuP95 + (m.dbCpuMean ?? 0)).toFixed(1)),
      unit: 'ms',
      goal: { op: '<', value: goalMs },
      note:
        engine === 'SQLite'
          ? 'Node process (SQLite runs inside it), onRequest to onResponse'
          : 'Node process p95 + its PostgreSQL connections (mean)',
    },
  ];
}

function explainUnderLoad(): void {
  console.log(
    `Each p95 is the client's wall clock over ${runs} requests, one at a time; "server" is the p95 from receiving the request to finishing the response, "CPU" the p95 of the server process's CPU time over that span. On a shared, loaded machine the wall clock includes waiting for a CPU; the CPU time does not.`,
  );
}

// SQLite: a file, as a single-process deployment runs it.
if (engines.includes('sqlite')) {
  const reuse = process.env.INCIDENTS_BENCH_SQLITE_FILE;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cirtkit-bench-incidents-'));
  const file = reuse ?? path.join(dir, 'bench.sqlite');
  const db = openSqlite(file);
  let loadMs: number | null = null;
  let pop: Population;
  if (reuse) {
    pop = await existingPopulation(db);
  } else {
    await migrateToLatest(db);
    pop = await populate(db);
    loadMs = await load(db, pop, undefined);
  }
  explainUnderLoad();
  report(figuresOf('SQLite', loadMs, await measure(db, dir, pop, () => Promise.resolve([]))));
  await db.close();
  if (keep && !reuse) console.log(`kept: INCIDENTS_BENCH_SQLITE_FILE=${file}`);
  else if (!reuse) rmSync(dir, { recursive: true, force: true });
}

async function existingPopulation(db: Db): Promise<Population> {
  const users = (
    await db.kysely.selectFrom('users').select('id').where('id', 'like', 'user-%').execute()
  ).map((u) => u.id);
  const orgs = (
    await db.kysely.selectFrom('constituent_orgs').select('id').orderBy('id').execute()
  ).map((o) => o.id);
  return { viewerId: 'user-viewer', users, orgs };
}

// PostgreSQL: DATABASE_URL, or the throw-away test server when PostgreSQL is installed.
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
    const reuse = process.env.INCIDENTS_BENCH_PG_SCHEMA;
    const schema = reuse ?? `bench_${Math.random().toString(36).slice(2, 10)}`;
    const application = `cirtkit-bench-${schema}`;
    const url = new URL(base);
    url.searchParams.set('application_name', application);
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    if (!reuse) await admin.query(`create schema ${schema}`);
    const db = openPostgres(url.toString(), { pgSchema: schema, poolSize: 4 });
    const pgBulk = new pg.Client({ connectionString: base, options: `-c search_path=${schema}` });
    await pgBulk.connect();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cirtkit-bench-incidents-'));
    const local = ['127.0.0.1', 'localhost', '::1', '[::1]'].includes(url.hostname);
    const dbPids = async () =>
      local
        ? (
            await admin.query<{ pid: number }>(
              'select pid from pg_stat_activity where application_name = $1',
              [application],
            )
          ).rows.map((r) => r.pid)
        : [];
    try {
      let loadMs: number | null = null;
      let pop: Population;
      if (reuse) pop = await existingPopulation(db);
      else {
        await migrateToLatest(db);
        pop = await populate(db);
        loadMs = await load(db, pop, pgBulk);
      }
      explainUnderLoad();
      report(figuresOf('PostgreSQL', loadMs, await measure(db, dir, pop, dbPids)));
    } finally {
      await pgBulk.end();
      await db.close();
      if (keep && !reuse) console.log(`kept: INCIDENTS_BENCH_PG_SCHEMA=${schema}`);
      else if (!reuse) await admin.query(`drop schema ${schema} cascade`);
      await admin.end();
      rmSync(dir, { recursive: true, force: true });
    }
  }
}
