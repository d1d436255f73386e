/**
 * Registry figures (issue: registry): the progress report over every country with 20 years of
 * history, and the bytes the world page needs. Baseline: the goals named in the issue.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { createLogger, loadConfig, newId, systemClock } from '../src/kernel/index.js';
import {
  accountsDeps,
  createToken,
  ensureFirstAdmin,
  findUserByEmail,
  permissionsOf,
  toUser,
} from '../src/modules/accounts/index.js';
import { loadReferenceData, seedRegistry } from '../src/modules/registry/index.js';
import { buildApp } from '../src/server/app.js';
import { migrateToLatest, openSqlite } from '../src/storage/index.js';
import { report, type Figure } from './support.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'cirtkit-bench-registry-'));
const db = openSqlite(path.join(dir, 'bench.sqlite'));
await migrateToLatest(db);
const data = loadReferenceData();
await seedRegistry(db, data, systemClock);

// Twenty years of history: every team gets a maturity change, an accreditation and a rename
// each year from 2006, as if coordinators had kept the registry since then.
const teams = await db.kysely.selectFrom('registry_teams').select(['id']).execute();
const tiers = ['basic', 'intermediate', 'advanced'] as const;
await db.kysely.transaction().execute(async (trx) => {
  for (const team of teams) {
    for (let year = 2006; year < 2026; year++) {
      const values = [
        { kind: 'maturity', tier: tiers[year % 3] },
        { kind: 'observed' },
        { kind: 'accreditation', body: 'FIRST', status: 'member' },
      ];
      for (const value of values) {
        await trx
          .insertInto('registry_team_events')
          .values({
            id: newId(),
            team_id: team.id,
            date: `${year}-0${(year % 9) + 1}`,
            value_json: JSON.stringify(value),
            citation_json: '{}',
            confidence: 'medium',
            note: '',
            recorded_at: `${year}-12-31T00:00:00.000Z`,
            recorded_by: 'bench',
            retracted_at: null,
            retracted_by: null,
            retracted_reason: null,
          })
          .execute();
      }
    }
  }
});
const events = (await db.kysely
  .selectFrom('registry_team_events')
  .select((eb) => eb.fn.countAll<number>().as('n'))
  .executeTakeFirst())!.n;

const config = loadConfig({ CIRTKIT_DATA_DIR: dir, CIRTKIT_API_RATE_PER_MINUTE: '1000000' }, dir);
const app = await buildApp({ config, db, logger: createLogger('silent'), registryData: data });
// The routes need a caller: an admin's API token, checked by the real access hook.
const deps = accountsDeps(config, db);
await ensureFirstAdmin(deps, 'bench@example.org');
const user = toUser((await findUserByEmail(db.kysely, 'bench@example.org'))!);
await db.kysely.updateTable('users').set({ must_change_password: 0 }).execute();
const { secret } = await createToken(
  deps,
  { actorId: null, actorLabel: 'bench' },
  { user, role: 'admin', permissions: permissionsOf('admin'), via: 'token' },
  { name: 'bench', role: 'admin' },
);
const headers = { authorization: `Bearer ${secret}` };

async function timed(url: string, runs = 5): Promise<{ ms: number; body: string }> {
  let best = Infinity;
  let body = '';
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const answer = await app.inject({ method: 'GET', url, headers });
    best = Math.min(best, performance.now() - start);
    if (answer.statusCode !== 200) throw new Error(`${url}: ${answer.statusCode} ${answer.body}`);
    body = answer.body;
  }
  return { ms: best, body };
}

const reportJson = await timed('/api/registry/report?asOf=2026-06-30&compareTo=2008-12-31');
const reportCsv = await timed('/api/registry/report.csv?asOf=2026-06-30&compareTo=2008-12-31');
const reportHtml = await timed(
  '/api/registry/report.html?asOf=2026-06-30&compareTo=2008-12-31&lang=fr',
);
const reportPdf = await timed(
  '/api/registry/report.pdf?asOf=2026-06-30&compareTo=2008-12-31&lang=fr',
  2,
);
const world = await timed('/api/registry/countries?lang=fr');
const needs = await timed('/api/registry/needs');
const figures: Figure[] = [
  {
    name: 'progress report JSON, 249 countries',
    value: Math.round(reportJson.ms),
    unit: 'ms',
    goal: { op: '<', value: 500 },
    note: `${teams.length} teams, ${events} facts (20 years); best of 5`,
  },
  {
    name: 'progress report CSV',
    value: Math.round(reportCsv.ms),
    unit: 'ms',
    goal: { op: '<', value: 500 },
  },
  {
    name: 'progress report HTML (map, charts)',
    value: Math.round(reportHtml.ms),
    unit: 'ms',
    goal: { op: '<', value: 500 },
    note: `${Math.round(reportHtml.body.length / 1024)} KB; best of 5`,
  },
  {
    name: 'progress report PDF (headless Chromium)',
    value: Math.round(reportPdf.ms),
    unit: 'ms',
    goal: { op: '<', value: 3000 },
    note: 'best of 2, includes starting Chromium',
  },
  {
    name: 'world page data (countries API), gzip',
    value: Math.round(gzipSync(world.body).length / 1024),
    unit: 'KB',
    goal: { op: '<', value: 200 },
    note: `${Math.round(world.body.length / 1024)} KB raw; ${Math.round(world.ms)} ms; map topology counted by the web build`,
  },
  { name: 'needs ranking', value: Math.round(needs.ms), unit: 'ms' },
];
// The world page's own code and the map topology, as the browser loads them (pre-compressed).
const assets = path.resolve(import.meta.dirname, '../dist/web/assets');
const chunk = (prefix: string) => {
  const file = readdirSync(assets).find((f) => f.startsWith(prefix) && f.endsWith('.js'));
  if (!file) throw new Error(`no ${prefix}*.js in ${assets}: run npm run build`);
  // The pre-compressed file when the build wrote one, else compress here the same way.
  const gz = path.join(assets, `${file}.gz`);
  return existsSync(gz)
    ? statSync(gz).size
    : gzipSync(readFileSync(path.join(assets, file)), { level: 9 }).length;
};
const worldBytes = gzipSync(world.body).length + chunk('WorldPage-') + chunk('countries-110m-');
figures.push({
  name: 'world page first render: data + page + map, gzip',
  value: Math.round(worldBytes / 1024),
  unit: 'KB',
  goal: { op: '<', value: 200 },
  note: 'countries API + WorldPage chunk + world-atlas 110m chunk; the shell is cached from login',
});
report(figures);
await app.close();
await db.close();
