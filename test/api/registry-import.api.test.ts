import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestServer, type TestServer } from '../support/server.js';
import type { HttpClient } from '../support/http.js';

interface Report {
  written: boolean;
  teamsCreated: number;
  factsAdded: number;
  duplicates: number;
  errors: { line: number; field: string; message: string }[];
}

const header = 'iso3,team,type,date,kind,value,confidence,source_title,source_url,note';

describe('registry import and export', () => {
  let server: TestServer;
  let admin: HttpClient;
  const csv = (body: string, query = '') =>
    admin.post(`/api/registry/import${query}`, body, { 'content-type': 'text/csv' });
  const exported = async () => (await admin.get('/api/registry/export')).text;

  before(async () => {
    server = await startTestServer();
    admin = await server.adminClient();
  });
  after(() => server.close());

  it('exports every fact as CSV that imports back as duplicates only', async () => {
    const file = await exported();
    assert.equal(file.split('\r\n')[0], header);
    assert.match(file, /KEN,KE-CIRT\/CC,national,2012-06,established,,high/);
    const report = await csv(file).expect<Report>(200);
    assert.equal(report.factsAdded, 0);
    assert.ok(report.duplicates >= 8);
    assert.equal(await exported(), file, 'unchanged');
  });

  it('imports new teams and facts, and re-importing the same file adds nothing', async () => {
    const file = [
      header,
      'TCD,tdCERT,national,2023-05,established,,medium,Decree 12/2023,https://example.org/td,',
      'TCD,tdCERT,national,2025,maturity,basic,low,,,first SIM3 self-assessment',
    ].join('\n');
    const first = await csv(file).expect<Report>(200);
    assert.deepEqual([first.teamsCreated, first.factsAdded, first.written], [1, 2, true]);
    const again = await csv(file).expect<Report>(200);
    assert.deepEqual([again.teamsCreated, again.factsAdded, again.duplicates], [0, 0, 2]);
    const countries = await admin
      .get('/api/registry/countries')
      .expect<{ items: { iso3: string; status: string; maturity: string }[] }>(200);
    const chad = countries.items.find((c) => c.iso3 === 'TCD')!;
    assert.deepEqual([chad.status, chad.maturity], ['national', 'basic']);
  });

  it('reports each bad row by line and column and writes nothing unless asked to keep the good rows', async () => {
    const before = await exported();
    const file = [
      header,
      'FJI,CERT Fiji,national,2021,established,,high,,,',
      'XYZ,Ghost,national,2021,established,,high,,,',
      'FJI,CERT Fiji,national,2999,maturity,basic,high,,,',
      'FJI,CERT Fiji,national,2022,maturity,expert,high,,,',
      'FJI,CERT Fiji,national,2022,observed,,sure,,javascript:alert(1),',
    ].join('\n');
    const refused = await csv(file).expect<{
      code: string;
      errors: { field: string; message: string }[];
    }>(422);
    assert.equal(refused.code, 'validation_failed');
    const fields = refused.errors.map((e) => e.field);
    assert.deepEqual(fields, [
      'line 3 iso3',
      'line 4 date',
      'line 5 value',
      'line 6 confidence',
      'line 6 source_url',
    ]);
    assert.equal(await exported(), before, 'nothing written');
    const dry = await csv(file, '?mode=valid&dryRun=true').expect<Report>(200);
    assert.deepEqual([dry.written, dry.factsAdded], [false, 1]);
    assert.equal(await exported(), before, 'a dry run writes nothing');
    const partial = await csv(file, '?mode=valid').expect<Report>(200);
    assert.deepEqual([partial.written, partial.factsAdded, partial.errors.length], [true, 1, 5]);
    assert.match(await exported(), /FJI,CERT Fiji,national,2021,established/);
  });

  it('refuses files with the wrong delimiter, missing columns or another encoding', async () => {
    const semicolons = await csv(
      header.replace(/,/g, ';') + '\nKEN;X;national;2020;observed;;high;;;',
    ).expect<{ errors: { message: string }[] }>(422);
    assert.match(semicolons.errors[0]!.message, /use commas/);
    const missing = await csv('iso3,team,date\nKEN,X,2020').expect<{
      errors: { message: string }[];
    }>(422);
    assert.match(missing.errors[0]!.message, /missing the columns type, kind, value, confidence/);
    const latin1 = Buffer.from(
      `${header}\nCIV,CI-CERT Côte,national,2009,established,,high,,,\n`,
      'latin1',
    );
    const answer = await fetch(`${server.baseUrl}/api/registry/import`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', authorization: `Bearer ${await token()}` },
      body: latin1,
    });
    assert.equal(answer.status, 422);
    assert.match(await answer.text(), /not UTF-8/);
  });

  it('takes the same facts as JSON, and exports JSON', async () => {
    const json = await admin
      .get('/api/registry/export?format=json')
      .expect<{ facts: Record<string, string>[] }>(200);
    assert.ok(json.facts.some((f) => f.team === 'KE-CIRT/CC' && f.kind === 'established'));
    const report = await admin
      .post('/api/registry/import', {
        facts: [
          {
            iso3: 'EST',
            team: 'CERT-EE',
            type: 'national',
            date: '2024',
            kind: 'accreditation',
            value: 'TI:certified',
            confidence: 'high',
          },
        ],
      })
      .expect<Report>(200);
    assert.equal(report.factsAdded, 1);
    const broken = await admin
      .post('/api/registry/import', { facts: 'nope' })
      .expect<{ errors: { field: string }[] }>(422);
    assert.equal(broken.errors[0]!.field, 'line 1 facts');
  });

  async function token(): Promise<string> {
    const created = await admin
      .post('/api/tokens', { name: 'import', role: 'admin' })
      .expect<{ secret: string }>(201);
    return created.secret;
  }
});
