/**
 * Incident list figures (issue: operations core): 1,000,000 incidents, then the filtered list as
 * users run it (over HTTP, with the TLP rule and keyset paging), p50 and p95 per query, on SQLite
 * and on PostgreSQL. Goal: p95 < 50 ms on both. PostgreSQL runs when DATABASE_URL points at
 * one, or when scripts/pg-test-server.sh can start one; otherwise it is reported as not measured.
 * INCIDENTS_BENCH_COUNT changes the number of incidents (default 1,000,000).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
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
import { searchPunctuation } from '../src/storage/migrations/0007_incident_search.js';
import { report, type Figure } from './support.js';

const total = Number(process.env.INCIDENTS_BENCH_COUNT ?? 1_000_000);
const runs = 40;
const goalMs = 50;
/** An incident whose observable the search looks for. */
const rareIncident = Math.floor(total * 0.77);

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
  /** Picks by weight: [[value, weight], ...]. */
  const weighted = <T>(items: readonly (readonly [T, number])[]) => {
    const sum = items.reduce((a, [, w]) => a + w, 0);
    let r = next() * sum;
    for (const [value, w] of items) if ((r -= w) < 0) return value;
    return items.at(-1)![0];
  };
  return { next, pick, weighted };
}

const rsit: Record<string, string[]> = {
  'abusive-content': ['spam', 'harmful-speech', 'violence'],
  'malicious-code': ['infected-system', 'malware-distribution', 'malware-configuration'],
  'information-gathering': ['scanner', 'sniffing', 'social-engineering'],
  'intrusion-attempts': ['ids-alert', 'brute-force', 'exploit'],
  intrusions: ['privileged-account-compromise', 'unprivileged-account-compromise', 'burglary'],
  availability: ['dos', 'ddos', 'outage'],
  'information-content-security': ['unauthorised-information-access', 'data-loss'],
  fraud: ['phishing', 'masquerade', 'copyright'],
  vulnerable: ['vulnerable-system', 'weak-crypto'],
  other: ['other', 'undetermined'],
  test: ['test'],
};
const classes = Object.keys(rsit);
const sectors = [
  'energy',
  'finance-banking',
  'telecommunications',
  'health',
  'transport',
  'water',
  'government',
  'digital-infrastructure',
  'education',
  'manufacturing',
  'retail',
  'media',
  'research',
  'defence',
  'other',
];
const severities = ['baseline', 'low', 'medium', 'high', 'severe', 'emergency'] as const;
const slaMinutes: Record<string, [number, number]> = {
  baseline: [2880, 43200],
  low: [1440, 10080],
  medium: [240, 4320],
  high: [60, 1440],
  severe: [30, 480],
  emergency: [15, 240],
};
const words = [
  'ransomware',
  'phishing',
  'campaign',
  'credential',
  'botnet',
  'scanner',
  'server',
  'mail',
  'portal',
  'ministry',
  'hospital',
  'bank',
  'router',
  'firmware',
  'exposed',
  'leak',
  'defaced',
  'website',
  'malware',
  'outage',
  'university',
  'provider',
  'customer',
  'invoice',
  'login',
  'vpn',
  'gateway',
  'database',
  'backup',
  'cloud',
  'account',
  'takeover',
  'report',
  'abuse',
];
const start = Date.parse('2023-01-01T00:00:00.000Z');
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
type Row = (string | number | null)[];

interface Population {
  viewerId: string;
  users: string[];
  orgs: string[];
}

/** Incident number `i` (0-based): created in time order, so references rise with time. */
function incident(i: number, g: ReturnType<typeof generator>, pop: Population): Row {
  const createdMs = start + Math.floor(((end - start) * i) / total) + Math.floor(g.next() * 60_000);
  const created = new Date(createdMs).toISOString();
  const age = Date.parse(now) - createdMs;
  const status =
    age > 30 * 86_400_000
      ? g.weighted([
          ['closed', 85],
          ['resolved', 8],
          ['in-progress', 3],
          ['waiting-external', 4],
        ] as const)
      : g.weighted([
          ['new', 15],
          ['triage', 15],
          ['in-progress', 30],
          ['waiting-external', 10],
          ['resolved', 15],
          ['closed', 15],
        ] as const);
  const rsitClass = g.next() < 0.05 ? null : g.pick(classes);
  const rsitType = rsitClass ? g.pick(rsit[rsitClass]!) : null;
  const tlp = g.weighted([
    ['clear', 10],
    ['green', 40],
    ['amber', 40],
    ['amber+strict', 5],
    ['red', 5],
  ] as const);
  const severity = status === 'new' ? null : g.pick(severities);
  const at = (minutes: number) => new Date(createdMs + minutes * 60_000).toISOString();
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
  const title = `${g.pick(words)} ${g.pick(words)} ${g.pick(words)} ${g.pick(['at', 'in', 'from', 'against'])} ${g.pick(words)}`;
  // One of 200 variant names per incident: a word in about 0.5% of incidents.
  const description = `${Array.from({ length: 12 }, () => g.pick(words)).join(' ')} variant${String(Math.floor(g.next() * 200)).padStart(3, '0')}`;
  const year = created.slice(0, 4);
  return [
    `inc-${String(i).padStart(7, '0')}`,
    `CIRT-${year}-${String(i + 1).padStart(7, '0')}`,
    title,
    description,
    status,
    rsitClass,
    rsitType,
    tlp,
    g.pick(['clear', 'green', 'amber', 'red']),
    severity,
    severity ? g.pick(['none', 'low', 'medium', 'high', 'critical']) : null,
    g.next() < 0.2 ? null : g.pick(sectors),
    g.next() < 0.02 ? pop.viewerId : g.next() < 0.3 ? null : g.pick(pop.users),
    g.pick(['national', 'government', 'finance']),
    g.pick(['ui', 'api', 'form', 'email']),
    null,
    g.next() < 0.5 ? `reporter${i % 5000}@example.org` : null,
    null,
    null,
    created,
    pop.users[0]!,
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
  const deps = accountsDeps(config, db);
  await ensureFirstAdmin(deps, 'bench@example.org');
  const viewerId = (await findUserByEmail(k, 'bench@example.org'))!.id;
  const users = Array.from({ length: 30 }, (_, i) => `user-${i}`);
  await k
    .insertInto('users')
    .values(
      users.map((id, i) => ({
        id,
        email: `analyst${i}@example.org`,
        display_name: `Analyst ${i}`,
        role: 'analyst',
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
  const orgs = Array.from({ length: 500 }, (_, i) => `org-${i}`);
  await k
    .insertInto('constituent_orgs')
    .values(
      orgs.map((id, i) => ({
        id,
        name: `Organisation ${i}`,
        short_name: null,
        sector: sectors[i % sectors.length]!,
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
        created_by: viewerId,
        updated_at: now,
        updated_by: viewerId,
      })),
    )
    .execute();
  return { viewerId, users, orgs };
}

/** Inserts every incident in multi-row statements; observables, constituents, access rows too. */
async function load(db: Db, pop: Population): Promise<number> {
  const g = generator(42);
  const began = performance.now();
  const batch = db.dialect === 'sqlite' ? 1000 : 10_000;
  // PostgreSQL: a bulk load fills the search table in one statement at the end (as a restore
  // or an import would) instead of once per row through the triggers.
  if (db.dialect === 'postgres')
    await pgBulk!.query(
      'alter table incidents disable trigger incident_search_insert; alter table incident_observables disable trigger incident_search_observable',
    );
  for (let from = 0; from < total; from += batch) {
    const rows: Row[] = [];
    const observables: Row[] = [];
    const constituents: Row[] = [];
    const access: Row[] = [];
    for (let i = from; i < Math.min(total, from + batch); i++) {
      const row = incident(i, g, pop);
      rows.push(row);
      const id = row[0] as string;
      const created = row[19] as string;
      if (g.next() < 0.2 || i === rareIncident)
        observables.push([
          `obs-${i}`,
          id,
          'ipv4',
          `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
          '',
          created,
          null,
        ]);
      if (g.next() < 0.1)
        constituents.push([
          id,
          g.pick(pop.orgs),
          g.pick(['suggested', 'confirmed', 'manual', 'dismissed']),
          '[]',
          created,
          null,
        ]);
      if ((row[7] === 'red' || row[7] === 'amber+strict') && g.next() < 0.1)
        access.push([id, pop.viewerId, created, pop.viewerId]);
    }
    await insertRows(db, 'incidents', [...columns], rows);
    await insertRows(
      db,
      'incident_observables',
      ['id', 'incident_id', 'kind', 'value', 'note', 'created_at', 'created_by'],
      observables,
    );
    await insertRows(
      db,
      'incident_constituents',
      ['incident_id', 'org_id', 'origin', 'matched', 'added_at', 'added_by'],
      constituents,
    );
    await insertRows(
      db,
      'incident_access',
      ['incident_id', 'user_id', 'granted_at', 'granted_by'],
      access,
    );
  }
  if (db.dialect === 'postgres') {
    const punctuation = searchPunctuation.replace(/'/g, "''");
    await pgBulk!.query(`insert into incident_search (incident_id, doc)
      select i.id, to_tsvector('simple', translate(
        i.reference || ' ' || i.title || ' ' || i.description || ' ' ||
        coalesce((select string_agg(o.value, ' ') from incident_observables o where o.incident_id = i.id), ''),
        '${punctuation}', '${' '.repeat(searchPunctuation.length)}'))
      from incidents i`);
    await pgBulk!.query(
      'alter table incidents enable trigger incident_search_insert; alter table incident_observables enable trigger incident_search_observable',
    );
    await sql`analyze`.execute(db.kysely);
  }
  const ms = performance.now() - began;
  console.error(`loaded ${total} incidents on ${db.dialect} in ${Math.round(ms / 1000)} s`);
  return ms;
}

async function insertRows(db: Db, table: string, cols: string[], rows: Row[]): Promise<void> {
  if (rows.length === 0) return;
  if (db.sqlite) {
    const sqlite = db.sqlite;
    const per = Math.floor(30_000 / cols.length);
    const placeholders = (n: number) =>
      Array.from({ length: n }, () => `(${cols.map(() => '?').join(',')})`).join(',');
    sqlite.transaction(() => {
      for (let i = 0; i < rows.length; i += per) {
        const chunk = rows.slice(i, i + per);
        sqlite
          .prepare(
            `insert into ${table} (${cols.map((c) => `"${c}"`).join(',')}) values ${placeholders(chunk.length)}`,
          )
          .run(chunk.flat());
      }
    })();
    return;
  }
  // PostgreSQL: one statement per batch, each column as an array (unnest).
  const types = cols.map((c) => (c === 'revision' ? 'int[]' : 'text[]'));
  await pgBulk!.query(
    `insert into ${table} (${cols.map((c) => `"${c}"`).join(',')}) select * from unnest(${types
      .map((t, j) => `$${j + 1}::${t}`)
      .join(',')})`,
    cols.map((_, j) => rows.map((r) => r[j])),
  );
}

let pgBulk: pg.Client | undefined;

interface Measured {
  name: string;
  p50: number;
  p95: number;
  count: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Times each list query through the HTTP stack (app.inject), as the list page calls it. */
async function measure(db: Db, dataDir: string, pop: Population): Promise<Measured[]> {
  const config = loadConfig(
    { CIRTKIT_DATA_DIR: dataDir, CIRTKIT_API_RATE_PER_MINUTE: '1000000' },
    dataDir,
  );
  const app = await buildApp({
    config,
    db,
    logger: createLogger('silent'),
    registryData: loadReferenceData(),
    clock: { now: () => new Date(now) },
  });
  const deps = accountsDeps(config, db);
  const user = toUser((await findUserByEmail(db.kysely, 'bench@example.org'))!);
  await db.kysely.updateTable('users').set({ must_change_password: 0 }).execute();
  const { secret } = await createToken(
    deps,
    { actorId: null, actorLabel: 'bench' },
    { user, role: 'admin', permissions: permissionsOf('admin'), via: 'token' },
    { name: 'bench', role: 'admin' },
  );
  const headers = { authorization: `Bearer ${secret}` };
  const get = async (url: string) => {
    const answer = await app.inject({ method: 'GET', url, headers });
    if (answer.statusCode !== 200) throw new Error(`${url}: ${answer.statusCode} ${answer.body}`);
    return answer.json<{ items: unknown[]; nextCursor: string | null }>();
  };
  // A cursor 20 pages deep into the default list: keyset paging costs the same at any depth.
  let deep = '';
  for (let page = 0; page < 20; page++) {
    const answer = await get(`/api/incidents?limit=50${deep ? `&cursor=${deep}` : ''}`);
    deep = answer.nextCursor!;
  }
  const rareIp = `10.${(rareIncident >> 16) & 255}.${(rareIncident >> 8) & 255}.${rareIncident & 255}`;
  const queries: [string, string][] = [
    ['newest first (default)', ''],
    ['open work (status new, triage, in progress)', 'status=new,triage,in-progress'],
    ['RSIT class and type (fraud / phishing)', 'rsitClass=fraud&rsitType=phishing'],
    ['TLP amber', 'tlp=amber'],
    ['severity high, severe or emergency', 'severity=high,severe,emergency'],
    ['sector health, recently updated', 'sector=health&sort=-updated'],
    ['assigned to me', 'assignee=me'],
    ['unassigned and new', 'assignee=none&status=new'],
    ['created in June 2025', 'createdFrom=2025-06-01&createdTo=2025-06-30'],
    ['SLA breached, in progress', 'slaBreached=true&status=in-progress'],
    ['constituent organisation', `constituent=${pop.orgs[17]!}`],
    ['full text, an IP address (1 match)', `q=${rareIp}`],
    ['full text, a word in 0.5% of incidents', 'q=variant117'],
    ['full text, a word in a third of all incidents', 'q=ransomware'],
    ['full text and filters', 'q=variant042%20hospital&status=closed&sector=health'],
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
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const began = performance.now();
      await get(url);
      times.push(performance.now() - began);
    }
    times.sort((a, b) => a - b);
    out.push({ name, p50: percentile(times, 50), p95: percentile(times, 95), count });
  }
  await app.close();
  return out;
}

function figuresOf(engine: string, loadMs: number, measured: Measured[]): Figure[] {
  const all = measured.map((m) => m.p95).sort((a, b) => a - b);
  return [
    {
      name: `${engine}: load ${total.toLocaleString('en')} incidents`,
      value: Math.round(loadMs / 1000),
      unit: 's',
      note:
        engine === 'SQLite'
          ? 'multi-row inserts; search index kept by its triggers'
          : 'unnest inserts; search table filled in one statement after the load',
    },
    ...measured.map((m) => ({
      name: `${engine}: ${m.name}`,
      value: Number(m.p95.toFixed(1)),
      unit: 'ms',
      goal: { op: '<' as const, value: goalMs },
      note: `p95 of ${runs}; p50 ${m.p50.toFixed(1)} ms; ${m.count} rows`,
    })),
    {
      name: `${engine}: worst p95 of the ${measured.length} queries`,
      value: Number(all.at(-1)!.toFixed(1)),
      unit: 'ms',
      goal: { op: '<', value: goalMs },
    },
  ];
}

// SQLite: a file, as a single-process deployment runs it.
{
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cirtkit-bench-incidents-'));
  const db = openSqlite(path.join(dir, 'bench.sqlite'));
  await migrateToLatest(db);
  const pop = await populate(db);
  const loadMs = await load(db, pop);
  report(figuresOf('SQLite', loadMs, await measure(db, dir, pop)));
  await db.close();
  rmSync(dir, { recursive: true, force: true });
}

// PostgreSQL: DATABASE_URL, or the throw-away test server when PostgreSQL is installed.
{
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
    pgBulk = new pg.Client({ connectionString: base, options: `-c search_path=${schema}` });
    await pgBulk.connect();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cirtkit-bench-incidents-'));
    try {
      await migrateToLatest(db);
      const pop = await populate(db);
      const loadMs = await load(db, pop);
      report(figuresOf('PostgreSQL', loadMs, await measure(db, dir, pop)));
    } finally {
      await pgBulk.end();
      await db.close();
      await admin.query(`drop schema ${schema} cascade`);
      await admin.end();
      rmSync(dir, { recursive: true, force: true });
    }
  }
}
