import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { HttpClient } from '../support/http.js';
import { startTestServer, type TestServer } from '../support/server.js';

interface Report {
  dryRun: boolean;
  imported: number;
  unchanged: number;
  countries: string[];
}
interface Problem {
  code: string;
  detail: string;
  errors: { row: number; line?: number; field: string; message: string }[];
}
interface CountryLaw {
  assessments: {
    provision: string;
    status: string;
    lawTitle: string | null;
    notes: string | null;
  }[];
  coverage: { overall: { percent: number | null } };
}

const header = 'iso3,provision,status,law_title,article,adopted_on,link,notes';

describe('law assessments import and export', () => {
  let server: TestServer;
  let admin: HttpClient;
  const csv = (body: string, query = '') =>
    admin.post(`/api/law/assessments/import${query}`, body, { 'content-type': 'text/csv' });
  const country = (iso3: string) => admin.get(`/api/law/countries/${iso3}`).expect<CountryLaw>(200);
  const history = (iso3: string, provision: string) =>
    admin
      .get(`/api/law/countries/${iso3}/provisions/${provision}/history`)
      .expect<{ version: number; status: string }[]>(200);
  const exported = async (query: string) => {
    const answer = await admin.get(`/api/law/assessments/export${query}`);
    assert.equal(answer.status, 200, answer.text);
    assert.match(answer.headers.get('content-type') ?? '', /^text\/csv/);
    return answer.text;
  };

  before(async () => {
    server = await startTestServer();
    admin = await server.adminClient();
  });
  after(() => server.close());

  it('imports a CSV file of several countries, with history and an audit entry', async () => {
    const file = [
      header,
      'FJI,SUB-01,enacted,Cybercrime Act 2021,4,2021-02-12,https://example.org/fj/cybercrime,',
      'FJI,INS-01,partially,"Online Safety Act 2018, as amended",,,,"- mandate covers government only"',
      'BTN,SUB-01,draft,Information Communications and Media Bill,,,,',
      'BTN,PRO-01,absent,,,,,',
    ].join('\r\n');
    const report = await csv(file).expect<Report>(200);
    assert.deepEqual(report, {
      dryRun: false,
      imported: 4,
      unchanged: 0,
      countries: ['BTN', 'FJI'],
    });
    const fiji = await country('FJI');
    assert.deepEqual(
      fiji.assessments.map((a) => [a.provision, a.status, a.lawTitle, a.notes]),
      [
        [
          'INS-01',
          'partially',
          'Online Safety Act 2018, as amended',
          '- mandate covers government only',
        ],
        ['SUB-01', 'enacted', 'Cybercrime Act 2021', null],
      ],
    );
    assert.ok(fiji.coverage.overall.percent! > 0);
    assert.deepEqual(
      (await history('BTN', 'PRO-01')).map((c) => [c.version, c.status]),
      [[1, 'absent']],
    );
    const log = await admin
      .get('/api/audit?action=law.assessment_import')
      .expect<{ items: { after: { imported: number; countries: string[] } }[] }>(200);
    assert.deepEqual(log.items[0]?.after.countries, ['BTN', 'FJI']);
  });

  it('checks a dry run without saving anything', async () => {
    const file = [
      header,
      'EST,SUB-01,enacted,Penal Code,206,,,',
      'FJI,SUB-01,enacted,Cybercrime Act 2021,4,2021-02-12,https://example.org/fj/cybercrime,',
    ].join('\n');
    const report = await csv(file, '?dryRun=true').expect<Report>(200);
    assert.deepEqual(report, {
      dryRun: true,
      imported: 1,
      unchanged: 1,
      countries: ['EST', 'FJI'],
    });
    assert.deepEqual((await country('EST')).assessments, []);
    assert.deepEqual(await history('EST', 'SUB-01'), []);
  });

  it('saves nothing from a file with bad rows and reports every one by row and line', async () => {
    const before = await exported('');
    const file = [
      header,
      'TCD,SUB-01,enacted,Loi 007/PR/2014,,,,', // good (row 1)
      'ZZZ,SUB-01,enacted,Act,,,,', // row 2: unknown country
      'TCD,SUB-99,enacted,Act,,,,', // row 3: unknown provision
      'TCD,SUB-02,repealed,,,,,', // row 4: bad status
      'TCD,SUB-03,enacted,,12,,,', // row 5: citation without a law title
      'TCD,SUB-01,absent,,,,,', // row 6: the pair again
      'TCD,SUB-05,enacted,Act,,2014-13-01,,', // row 7: bad date
      'TCD,SUB-06,enacted,"Act with a ""long""', // row 8 spans two lines…
      'name",,,notes/law,', // …and has a bad URL
      'TCD,SUB-07,absent,,,,,', // good (row 9, line 11)
    ].join('\n');
    const problem = await csv(file).expect<Problem>(422);
    assert.equal(problem.code, 'validation_failed');
    assert.equal(
      problem.detail,
      '7 row(s) are invalid, so nothing was imported; fix them and import the file again',
    );
    assert.deepEqual(
      problem.errors.map((e) => [e.row, e.line, e.field]),
      [
        [2, 3, 'iso3'],
        [3, 4, 'provision'],
        [4, 5, 'status'],
        [5, 6, 'article'],
        [6, 7, 'provision'],
        [7, 8, 'adopted_on'],
        [8, 9, 'link'],
      ],
    );
    const message = (row: number) => problem.errors.find((e) => e.row === row)!.message;
    assert.equal(message(2), 'ZZZ is not a country of the registry');
    assert.equal(message(3), 'No provision SUB-99 in catalogue cirtkit-law 1.0');
    assert.equal(message(4), 'must be one of enacted, partially, draft, absent, not-applicable');
    assert.equal(message(5), "article needs the law's title (lawTitle)");
    assert.equal(message(6), 'TCD SUB-01 is already in row 1: give each pair once');
    assert.equal(message(8), 'must be a URL');
    assert.deepEqual((await country('TCD')).assessments, [], 'the good rows were not saved');
    assert.deepEqual(await history('TCD', 'SUB-07'), []);
    assert.equal(await exported(''), before);
  });

  it('imports the JSON form with the API field names and reports its rows by position', async () => {
    const bad = await admin
      .post('/api/law/assessments/import', {
        rows: [
          { iso3: 'EST', provision: 'INS-02', status: 'enacted', lawTitle: 'Cybersecurity Act' },
          { iso3: 'EST', provision: 'INS-03', status: 'enacted', adoptedOn: '2018-05-09' },
          { iso3: 'EST', provision: 'INS-04', status: 'enacted', law_title: 'Act' },
        ],
      })
      .expect<Problem>(422);
    assert.deepEqual(
      bad.errors.map((e) => [e.row, e.line, e.field]),
      [
        [2, undefined, 'adoptedOn'],
        [3, undefined, 'law_title'],
      ],
    );
    assert.deepEqual((await country('EST')).assessments, []);
    const good = await admin
      .post('/api/law/assessments/import', {
        rows: [
          { iso3: 'EST', provision: 'INS-02', status: 'enacted', lawTitle: 'Cybersecurity Act' },
          { iso3: 'EST', provision: 'INS-03', status: 'not-applicable', notes: null },
        ],
      })
      .expect<Report>(200);
    assert.deepEqual([good.imported, good.unchanged], [2, 0]);
  });

  it('exports CSV in the import format that imports back unchanged, and counts real changes', async () => {
    const file = await exported('?iso3=FJI&iso3=BTN');
    const lines = file.trimEnd().split('\r\n');
    assert.equal(lines[0], header);
    assert.deepEqual(
      lines.slice(1).map((l) => l.split(',').slice(0, 3).join(',')),
      ['BTN,PRO-01,absent', 'BTN,SUB-01,draft', 'FJI,INS-01,partially', 'FJI,SUB-01,enacted'],
    );
    assert.match(file, /"'- mandate covers government only"|'- mandate covers government only/);
    const again = await csv(file).expect<Report>(200);
    assert.deepEqual(again, {
      dryRun: false,
      imported: 0,
      unchanged: 4,
      countries: ['BTN', 'FJI'],
    });
    assert.equal((await history('FJI', 'INS-01')).length, 1, 'an unchanged row writes no history');
    assert.equal(await exported('?iso3=FJI&iso3=BTN'), file);

    const edited = file.replace('BTN,SUB-01,draft,', 'BTN,SUB-01,enacted,');
    const changed = await csv(edited).expect<Report>(200);
    assert.deepEqual([changed.imported, changed.unchanged], [1, 3]);
    assert.deepEqual(
      (await history('BTN', 'SUB-01')).map((c) => [c.version, c.status]),
      [
        [2, 'enacted'],
        [1, 'draft'],
      ],
    );
    await admin.get('/api/law/assessments/export?iso3=ZZZ').expect(404);
  });

  it('refuses a file that is not an assessments CSV, and one too large', async () => {
    const wrong = await csv('iso3;provision;status\nKEN;SUB-01;enacted\n').expect<Problem>(422);
    assert.deepEqual(wrong.errors, [
      {
        row: 0,
        line: 1,
        field: '(header)',
        message:
          'is missing the columns iso3, provision, status (the file seems to use ; or tabs: use commas)',
      },
    ]);
    const huge = `${header}\n${'KEN,SUB-01,absent,,,,,\n'.repeat(500_000)}`;
    const answer = await csv(huge);
    assert.equal(answer.status, 413, answer.text);
    assert.deepEqual((await country('KEN')).assessments, []);
  });

  it('lets only law editors import', async () => {
    const { client } = await server.userClient('analyst.import@example.org', 'analyst');
    await client
      .post('/api/law/assessments/import', `${header}\nKEN,SUB-01,absent,,,,,\n`, {
        'content-type': 'text/csv',
      })
      .expect(403);
    await client.get('/api/law/assessments/export').expect(200);
  });
});
