import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestServer, type TestServer } from '../support/server.js';
import type { HttpClient } from '../support/http.js';

interface Item {
  iso3: string;
  name: string;
  status: string;
  groups: string[];
  teams: { id: string; name: string }[];
  lowConfidence: boolean;
  readinessAssessed: boolean;
}
interface Problem {
  code: string;
  errors?: { field: string; message: string }[];
}

describe('registry over HTTP', () => {
  let server: TestServer;
  let admin: HttpClient;
  const countries = async (query = '') =>
    (
      await admin
        .get(`/api/registry/countries${query}`)
        .expect<{ asOf: string; items: Item[] }>(200)
    ).items;
  const byCode = (items: Item[], iso3: string) => items.find((i) => i.iso3 === iso3)!;

  before(async () => {
    server = await startTestServer();
    admin = await server.adminClient();
  });
  after(() => server.close());

  it('lists every country with its status today, names in the asked language', async () => {
    const items = await countries('?lang=fr');
    assert.equal(items.length, 6);
    assert.equal(byCode(items, 'KEN').status, 'national');
    assert.equal(byCode(items, 'KEN').name, 'Kenya');
    assert.equal(byCode(items, 'TCD').name, 'Tchad');
    assert.equal(byCode(items, 'TCD').status, 'none');
    assert.equal(byCode(items, 'FJI').status, 'government_or_sectoral');
    assert.equal(byCode(items, 'FJI').lowConfidence, true);
    assert.equal(byCode(items, 'VGB').status, 'unknown');
    assert.deepEqual(byCode(items, 'BTN').groups, ['LLDC'], 'Bhutan left the LDCs in 2023');
  });

  it('shows the registry as it was on an earlier day', async () => {
    const items = await countries('?asOf=2010-06-30');
    assert.equal(byCode(items, 'KEN').status, 'none', 'KE-CIRT was set up in 2012');
    assert.equal(byCode(items, 'EST').status, 'national');
    assert.deepEqual(byCode(items, 'BTN').groups, ['LDC', 'LLDC']);
    assert.equal(byCode(items, 'FJI').status, 'unknown', 'founding date unknown, first seen 2024');
  });

  it('records a new team with its source; the map changes and the audit log has it', async () => {
    const team = await admin
      .post('/api/registry/teams', {
        iso3: 'TCD',
        name: 'tdCERT',
        type: 'national',
        established: {
          date: '2024-03',
          citation: { title: 'Ministry decree', url: 'https://example.org/decree' },
          confidence: 'medium',
        },
      })
      .expect<{ id: string }>(201);
    assert.equal(byCode(await countries(), 'TCD').status, 'national');
    assert.equal(byCode(await countries('?asOf=2023-12-31'), 'TCD').status, 'none');
    const log = await admin
      .get(`/api/audit?entityId=${team.id}`)
      .expect<{ items: { action: string }[] }>(200);
    assert.deepEqual(
      log.items.map((e) => e.action),
      ['registry.team_add'],
    );
  });

  it('refuses a future founding date, an unknown country and a duplicate team, writing nothing', async () => {
    const before = JSON.stringify(await countries());
    const future = await admin
      .post('/api/registry/teams', {
        iso3: 'TCD',
        name: 'Later',
        type: 'national',
        established: { date: '2999', confidence: 'high' },
      })
      .expect<Problem>(422);
    assert.equal(future.errors![0]!.field, 'body.established.date');
    const unknown = await admin
      .post('/api/registry/teams', {
        iso3: 'XYZ',
        name: 'Nowhere',
        type: 'national',
        established: { date: '2020', confidence: 'high' },
      })
      .expect<Problem>(404);
    assert.equal(unknown.code, 'not_found');
    const dup = await admin
      .post('/api/registry/teams', {
        iso3: 'KEN',
        name: 'ke-cirt/cc',
        type: 'national',
        established: { date: '2020', confidence: 'high' },
      })
      .expect<Problem>(409);
    assert.equal(dup.errors![0]!.field, 'body.name');
    const badDate = await admin
      .post('/api/registry/teams', {
        iso3: 'KEN',
        name: 'X',
        type: 'national',
        established: { date: '2020-02-30', confidence: 'high' },
      })
      .expect<Problem>(422);
    assert.match(badDate.errors![0]!.message, /YYYY/);
    assert.equal(JSON.stringify(await countries()), before);
  });

  it('keeps a history: facts are added, contradictions refused, wrong facts retracted not deleted', async () => {
    const kenya = await admin
      .get('/api/registry/countries/KEN')
      .expect<{ teams: { id: string; events: { id: string; value: { kind: string } }[] }[] }>(200);
    const teamId = kenya.teams[0]!.id;
    const closedEarly = await admin
      .post(`/api/registry/teams/${teamId}/events`, {
        date: '2010',
        value: { kind: 'closed' },
        confidence: 'high',
      })
      .expect<Problem>(422);
    assert.match(closedEarly.errors![0]!.message, /before it was established/);
    const renamed = await admin
      .post(`/api/registry/teams/${teamId}/events`, {
        date: '2020-01-15',
        value: { kind: 'renamed', name: 'National KE-CIRT' },
        confidence: 'high',
        citation: { title: 'Press release' },
      })
      .expect<{ id: string }>(201);
    const profile = await admin
      .get('/api/registry/countries/KEN')
      .expect<{ teams: { name: string }[] }>(200);
    assert.equal(profile.teams[0]!.name, 'National KE-CIRT');
    await admin
      .post(`/api/registry/events/${renamed.id}/retract`, { reason: 'wrong country' })
      .expect(200);
    const after = await admin.get('/api/registry/countries/KEN').expect<{
      teams: { name: string; events: { id: string; retracted: { reason: string } | null }[] }[];
    }>(200);
    assert.equal(after.teams[0]!.name, 'KE-CIRT/CC');
    assert.equal(
      after.teams[0]!.events.find((e) => e.id === renamed.id)!.retracted!.reason,
      'wrong country',
    );
    await admin.post(`/api/registry/events/${renamed.id}/retract`, { reason: 'again' }).expect(409);
  });

  it('gives a country profile with names in six languages, groups, sources and the need rank', async () => {
    const profile = await admin.get('/api/registry/countries/BTN?asOf=2026-01-01').expect<{
      names: Record<string, string>;
      groups: { group: string; to: string | null }[];
      sources: { id: string }[];
      need: { rank: number; contributions: unknown[] };
    }>(200);
    assert.equal(profile.names.zh, '不丹');
    assert.equal(profile.names.ar, 'بوتان');
    assert.deepEqual(
      profile.groups.map((g) => [g.group, g.to]),
      [
        ['LDC', '2023-12-13'],
        ['LLDC', null],
      ],
    );
    assert.ok(profile.sources.some((s) => s.id === 'un-ldc'));
    assert.equal(profile.need.contributions.length, 6);
    await admin.get('/api/registry/countries/ken').expect(422);
  });

  it('ranks where CIRTs are needed, and the ranking follows the weights', async () => {
    const ranked = await admin.get('/api/registry/needs').expect<{
      items: { iso3: string; rank: number; score: number }[];
      defaults: Record<string, number>;
    }>(200);
    assert.equal(ranked.defaults.no_national_cirt, 40);
    assert.ok(!ranked.items.some((i) => i.iso3 === 'VGB'), 'only ITU Member States are ranked');
    assert.equal(ranked.items[0]!.iso3, 'FJI');
    const maturity = await admin
      .get(
        '/api/registry/needs?w.no_national_cirt=0&w.footnote_group=0&w.least_developed=0&w.no_readiness_assessment=0&w.years_since_assessment=0&w.low_maturity=100',
      )
      .expect<{ items: { iso3: string }[] }>(200);
    assert.ok(['BTN', 'EST', 'KEN', 'TCD'].includes(maturity.items[0]!.iso3));
    await admin.get('/api/registry/needs?w.low_maturity=101').expect(422);
    const csv = await admin.get('/api/registry/needs.csv?lang=es');
    assert.equal(csv.status, 200);
    assert.match(csv.headers.get('content-type')!, /text\/csv/);
    assert.match(csv.text.split('\r\n')[0]!, /^rank,iso3,country,score,no_national_cirt_points/);
    assert.match(csv.text, /Bután/);
  });

  it('reports progress against a baseline, as JSON and as CSV with every indicator', async () => {
    const report = await admin
      .get('/api/registry/report?asOf=2026-06-30&compareTo=2008-12-31&lang=fr')
      .expect<{
        overall: { asOf: { total: number; national: number }; compareTo: { national: number } };
        newCirts: { iso3: string; country: string }[];
      }>(200);
    // Fixture: 5 ITU Member States; by mid-2026 national CIRTs in BTN, EST, KEN and TCD (added above).
    assert.equal(report.overall.asOf.total, 5);
    assert.ok(report.overall.asOf.national >= 3);
    assert.equal(report.overall.compareTo.national, 1);
    assert.deepEqual(report.newCirts.map((c) => c.iso3).slice(0, 2), ['KEN', 'BTN']);
    assert.equal(report.newCirts[0]!.country, 'Kenya');
    const defaulted = await admin
      .get('/api/registry/report?asOf=2014-01-01')
      .expect<{ compareTo: string }>(200);
    assert.equal(defaulted.compareTo, '2012-12-31');
    const csv = await admin.get('/api/registry/report.csv?asOf=2026-06-30&compareTo=2008-12-31');
    const lines = csv.text.trim().split('\r\n');
    assert.equal(lines[0], 'section,key,date,metric,value');
    assert.ok(lines.includes('overall,all,2008-12-31,national,1'));
    assert.ok(lines.some((l) => l.startsWith('group,LDC,2026-06-30,total,')));
    const again = await admin.get('/api/registry/report.csv?asOf=2026-06-30&compareTo=2008-12-31');
    assert.equal(again.text, csv.text, 'same inputs, same report, byte for byte');
  });

  it('renders the report as printable HTML in each language, the same bytes but for the time', async () => {
    const fetchHtml = async (lang: string) =>
      (
        await admin.get(
          `/api/registry/report.html?asOf=2026-06-30&compareTo=2008-12-31&lang=${lang}`,
        )
      ).text;
    const en = await fetchHtml('en');
    assert.match(en, /<html lang="en" dir="ltr">/);
    assert.match(en, /Resolution 58: national CIRTs, progress report/);
    assert.match(en, /<svg viewBox="0 0 960 470" role="img"/, 'the map');
    assert.doesNotMatch(en, /<script/i);
    const ar = await fetchHtml('ar');
    assert.match(ar, /<html lang="ar" dir="rtl">/);
    assert.match(ar, /تقرير التقدم/);
    const strip = (html: string) => html.replace(/<footer>.*<\/footer>/, '');
    assert.equal(strip(await fetchHtml('en')), strip(en));
  });

  it('lets viewers read but only admins and coordinators edit', async () => {
    const { client: viewer } = await server.userClient('viewer@example.org', 'viewer');
    await viewer.get('/api/registry/countries').expect(200);
    await viewer
      .post('/api/registry/teams', {
        iso3: 'FJI',
        name: 'X',
        type: 'national',
        established: { date: '2020', confidence: 'high' },
      })
      .expect(403);
    const { client: coordinator } = await server.userClient('coord@example.org', 'coordinator');
    await coordinator
      .post('/api/registry/teams', {
        iso3: 'FJI',
        name: 'CERT Fiji',
        type: 'national',
        established: { date: '2025', confidence: 'low' },
      })
      .expect(201);
  });
});
