import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ManualClock } from '../support/clock.js';
import type { HttpClient } from '../support/http.js';
import { startTestServer, type TestServer } from '../support/server.js';

interface Counts {
  enacted: number;
  partially: number;
  'not-applicable': number;
  'not-assessed': number;
  total: number;
  percent: number | null;
}
interface CountryLaw {
  country: {
    iso3: string;
    name: string;
    ituRegion: string;
    organisations: string[];
    groups: string[];
  };
  catalogueVersion: string;
  assessments: { provision: string; status: string; lawTitle: string | null; assessedBy: string }[];
  ratifications: { instrument: string; status: string; date: string; source: string }[];
  coverage: {
    overall: Counts;
    byCategory: ({ category: string } & Counts)[];
    byInstrument: ({ instrument: string } & Counts)[];
  };
}
interface Catalogue {
  id: string;
  version: string;
  categories: { id: string }[];
  instruments: { id: string; mapped: boolean }[];
  provisions: { id: string; category: string; references: { instrument: string }[] }[];
}
interface Problem {
  status: number;
  code: string;
  detail: string;
  errors?: { field: string; message: string }[];
}
interface Change {
  version: number;
  status: string;
  assessedBy: string;
  assessedAt: string;
  recordedAt: string;
}

const kenyaAct = {
  lawTitle: 'Computer Misuse and Cybercrimes Act, 2018',
  article: '14',
  adoptedOn: '2018-05-16',
  link: 'https://example.org/kenya/cmca-2018',
};

/** Coverage as a reader of the catalogue would work it out: enacted 1, partially ½, n/a out. */
function expectedPercent(ids: string[], statuses: Record<string, string>): number | null {
  const weight: Record<string, number> = { enacted: 1, partially: 0.5 };
  const counted = ids.filter((id) => statuses[id] !== 'not-applicable');
  if (counted.length === 0) return null;
  const score = counted.reduce((sum, id) => sum + (weight[statuses[id] ?? ''] ?? 0), 0);
  return Math.round((score / counted.length) * 1000) / 10;
}

describe('law API: assessments, ratifications, coverage and history', () => {
  let server: TestServer;
  let admin: HttpClient;
  let catalogue: Catalogue;
  const clock = new ManualClock('2026-03-02T09:00:00.000Z');
  const country = (iso3: string, query = '') =>
    admin.get(`/api/law/countries/${iso3}${query}`).expect<CountryLaw>(200);
  const history = (iso3: string, provision: string) =>
    admin.get(`/api/law/countries/${iso3}/provisions/${provision}/history`).expect<Change[]>(200);

  before(async () => {
    server = await startTestServer({}, { clock });
    admin = await server.adminClient();
    catalogue = await admin.get('/api/law/catalogue').expect<Catalogue>(200);
  });
  after(() => server.close());

  it('serves the latest catalogue with its instruments, categories and provisions', () => {
    assert.equal(catalogue.id, 'cirtkit-law');
    assert.ok(catalogue.provisions.some((p) => p.id === 'SUB-01'));
    assert.ok(catalogue.instruments.some((i) => i.id === 'budapest_ets185'));
    assert.equal('kind' in catalogue, false, 'the file header stays behind');
  });

  it('shows an unassessed country with empty lists and everything not assessed', async () => {
    const bhutan = await country('BTN');
    assert.deepEqual([bhutan.assessments, bhutan.ratifications], [[], []]);
    assert.equal(bhutan.coverage.overall['not-assessed'], catalogue.provisions.length);
    assert.equal(bhutan.coverage.overall.percent, 0);
    assert.deepEqual(bhutan.country.organisations, ['APT']);
    assert.deepEqual(bhutan.country.groups, ['LLDC'], 'LDC membership ended in 2023');
    const listed = await admin.get('/api/law/countries').expect<{ iso3: string }[]>(200);
    assert.equal(
      listed.some((c) => c.iso3 === 'BTN'),
      false,
    );
  });

  it('changes coverage per category and per instrument as provisions are assessed', async () => {
    const statuses = { 'SUB-01': 'enacted', 'SUB-02': 'partially', 'SUB-03': 'not-applicable' };
    await admin
      .put('/api/law/countries/KEN/provisions/SUB-01', { status: 'enacted', ...kenyaAct })
      .expect(200);
    await admin
      .put('/api/law/countries/KEN/provisions/SUB-02', {
        status: 'partially',
        lawTitle: kenyaAct.lawTitle,
        notes: 'remaining in a system is not an offence',
      })
      .expect(200);
    await admin
      .put('/api/law/countries/KEN/provisions/SUB-03', { status: 'not-applicable' })
      .expect(200);

    const kenya = await country('KEN');
    assert.deepEqual(
      kenya.assessments.map((a) => [a.provision, a.status]),
      Object.entries(statuses),
    );
    assert.equal(kenya.assessments[0]!.lawTitle, kenyaAct.lawTitle);
    assert.equal(kenya.assessments[0]!.assessedBy, 'Administrator');

    const all = catalogue.provisions.map((p) => p.id);
    assert.equal(kenya.coverage.overall.percent, expectedPercent(all, statuses));
    assert.equal(kenya.coverage.overall['not-applicable'], 1);
    for (const category of catalogue.categories) {
      const ids = catalogue.provisions.filter((p) => p.category === category.id).map((p) => p.id);
      const found = kenya.coverage.byCategory.find((c) => c.category === category.id)!;
      assert.equal(found.percent, expectedPercent(ids, statuses), category.id);
    }
    const substantive = kenya.coverage.byCategory.find((c) => c.category === 'substantive')!;
    assert.ok(substantive.percent! > 0);
    for (const instrument of catalogue.instruments.filter((i) => i.mapped)) {
      const ids = catalogue.provisions
        .filter((p) => p.references.some((r) => r.instrument === instrument.id))
        .map((p) => p.id);
      const found = kenya.coverage.byInstrument.find((c) => c.instrument === instrument.id)!;
      assert.equal(found.percent, expectedPercent(ids, statuses), instrument.id);
    }
    const budapest = kenya.coverage.byInstrument.find((c) => c.instrument === 'budapest_ets185')!;
    assert.ok(budapest.percent! > 0, 'illegal access is a Budapest provision');

    const listed = await admin
      .get('/api/law/countries?lang=fr')
      .expect<{ iso3: string; name: string; assessed: number; percent: number }[]>(200);
    const kenyaRow = listed.find((c) => c.iso3 === 'KEN')!;
    assert.deepEqual([kenyaRow.assessed, kenyaRow.percent], [3, expectedPercent(all, statuses)]);
  });

  it('keeps every change of a provision in order with who made it and when', async () => {
    const lead = await server.userClient('lead.law@example.org', 'lead');
    const coordinator = await server.userClient('coord.law@example.org', 'coordinator');
    const first = clock.now().toISOString();
    await admin.put('/api/law/countries/FJI/provisions/INS-01', { status: 'absent' }).expect(200);
    clock.advance(60 * 60 * 1000);
    const second = clock.now().toISOString();
    await lead.client
      .put('/api/law/countries/FJI/provisions/INS-01', {
        status: 'draft',
        lawTitle: 'Cybercrime Bill 2026',
      })
      .expect(200);
    clock.advance(60 * 60 * 1000);
    const third = clock.now().toISOString();
    const saved = await coordinator.client
      .put('/api/law/countries/FJI/provisions/INS-01', {
        status: 'enacted',
        lawTitle: 'Cybercrime Act 2026',
        article: '3',
      })
      .expect<{ status: string; assessedBy: string; assessedAt: string }>(200);
    assert.deepEqual(
      [saved.status, saved.assessedBy, saved.assessedAt],
      ['enacted', 'coord.law', third],
    );

    const changes = await history('FJI', 'INS-01');
    assert.deepEqual(
      changes.map((c) => [c.version, c.status, c.assessedBy, c.assessedAt]),
      [
        [3, 'enacted', 'coord.law', third],
        [2, 'draft', 'lead.law', second],
        [1, 'absent', 'Administrator', first],
      ],
    );
    const current = (await country('FJI')).assessments;
    assert.deepEqual(
      current.map((a) => [a.provision, a.status]),
      [['INS-01', 'enacted']],
    );
    const log = await admin
      .get('/api/audit?entityType=law_assessment&entityId=FJI:INS-01')
      .expect<{ items: { action: string; actorLabel: string }[] }>(200);
    assert.deepEqual(
      log.items.map((e) => [e.action, e.actorLabel]),
      [
        ['law.assessment_set', 'coord.law@example.org'],
        ['law.assessment_set', 'lead.law@example.org'],
        ['law.assessment_set', server.admin.email],
      ],
    );
  });

  it('records a ratification with its date and source, and keeps its history', async () => {
    const url = '/api/law/countries/KEN/ratifications/un_2024';
    await admin
      .put(url, {
        status: 'signed',
        date: '2025-10-25',
        source: 'UN Treaty Collection, depositary notification',
        sourceUrl: 'https://example.org/untc/cybercrime',
      })
      .expect(200);
    clock.advance(1000);
    const saved = await admin
      .put(url, { status: 'ratified', date: '2026-02-10', source: 'Kenya Gazette' })
      .expect<{ status: string; sourceUrl: string | null; recordedBy: string }>(200);
    assert.deepEqual(
      [saved.status, saved.sourceUrl, saved.recordedBy],
      ['ratified', null, 'Administrator'],
    );
    const kenya = await country('KEN');
    assert.deepEqual(
      kenya.ratifications.map((r) => [r.instrument, r.status, r.date, r.source]),
      [['un_2024', 'ratified', '2026-02-10', 'Kenya Gazette']],
    );
    const changes = await admin
      .get(`${url}/history`)
      .expect<{ version: number; status: string; source: string }[]>(200);
    assert.deepEqual(
      changes.map((c) => [c.version, c.status, c.source]),
      [
        [2, 'ratified', 'Kenya Gazette'],
        [1, 'signed', 'UN Treaty Collection, depositary notification'],
      ],
    );
  });

  it('refuses a ratification without its source, of an unknown instrument or of a model law, saving nothing', async () => {
    const base = '/api/law/countries/TCD/ratifications';
    const noSource = await admin
      .put(`${base}/budapest_ets185`, { status: 'acceded', date: '2025-01-01' })
      .expect<Problem>(422);
    assert.deepEqual(noSource.errors, [
      { field: 'body.source', message: 'a acceded status needs its source (source or sourceUrl)' },
    ]);
    const unknown = await admin
      .put(`${base}/paris_2015`, { status: 'signed', date: '2025-01-01', source: 'x' })
      .expect<Problem>(404);
    assert.equal(unknown.detail, 'No instrument paris_2015 in catalogue cirtkit-law 1.0');
    const model = await admin
      .put(`${base}/itu_hipcar_2012`, { status: 'ratified', date: '2025-01-01', source: 'x' })
      .expect<Problem>(422);
    assert.match(model.detail, /HIPCAR is a model-law: countries adopt its content/);
    assert.deepEqual((await country('TCD')).ratifications, []);
    assert.deepEqual(await admin.get(`${base}/budapest_ets185/history`).expect(200), []);
  });

  it('answers precise problems for unknown provisions and countries and bad input, saving nothing', async () => {
    const unknown = await admin
      .put('/api/law/countries/TCD/provisions/SUB-99', { status: 'enacted', lawTitle: 'Act' })
      .expect<Problem>(404);
    assert.equal(unknown.code, 'not_found');
    assert.equal(unknown.detail, 'No provision SUB-99 in catalogue cirtkit-law 1.0');
    const answer = await admin.put('/api/law/countries/TCD/provisions/SUB-99', {
      status: 'enacted',
    });
    assert.match(answer.headers.get('content-type') ?? '', /application\/problem\+json/);

    const noCountry = await admin
      .put('/api/law/countries/ZZZ/provisions/SUB-01', { status: 'enacted' })
      .expect<Problem>(404);
    assert.equal(noCountry.detail, 'No country with the ISO code ZZZ');
    await admin.get('/api/law/countries/ZZZ').expect(404);

    const citation = await admin
      .put('/api/law/countries/TCD/provisions/SUB-04', { status: 'enacted', article: '5' })
      .expect<Problem>(422);
    assert.equal(citation.code, 'validation_failed');
    assert.deepEqual(citation.errors, [
      { field: 'body.article', message: "article needs the law's title (lawTitle)" },
    ]);
    const status = await admin
      .put('/api/law/countries/TCD/provisions/SUB-04', { status: 'repealed' })
      .expect<Problem>(422);
    assert.deepEqual(status.errors, [
      {
        field: 'body.status',
        message: 'must be one of enacted, partially, draft, absent, not-applicable',
      },
    ]);
    const date = await admin
      .put('/api/law/countries/TCD/provisions/SUB-04', {
        status: 'enacted',
        lawTitle: 'Act',
        adoptedOn: '2020-02-30',
      })
      .expect<Problem>(422);
    assert.deepEqual(
      date.errors?.map((e) => e.field),
      ['body.adoptedOn'],
    );

    const chad = await country('TCD');
    assert.deepEqual(chad.assessments, []);
    assert.deepEqual(await history('TCD', 'SUB-04'), []);
    await admin.get('/api/law/countries/TCD/provisions/SUB-99/history').expect(404);
  });

  it('lets a viewer and an analyst read but not write', async () => {
    const viewer = await server.userClient('viewer.law@example.org', 'viewer');
    const analyst = await server.userClient('analyst.law@example.org', 'analyst');
    for (const { client } of [viewer, analyst]) {
      await client.get('/api/law/catalogue?lang=ar').expect(200);
      await client.get('/api/law/countries').expect(200);
      const kenya = await client.get('/api/law/countries/KEN').expect<CountryLaw>(200);
      assert.equal(kenya.assessments.length, 3);
      await client.get('/api/law/countries/KEN/provisions/SUB-01/history').expect(200);
      await client
        .put('/api/law/countries/BTN/provisions/SUB-01', { status: 'enacted', lawTitle: 'Act' })
        .expect(403);
      await client
        .put('/api/law/countries/BTN/ratifications/un_2024', { status: 'none' })
        .expect(403);
      await client
        .post('/api/law/assessments/import', {
          rows: [{ iso3: 'BTN', provision: 'SUB-01', status: 'absent' }],
        })
        .expect(403);
    }
    const bhutan = await country('BTN');
    assert.deepEqual([bhutan.assessments, bhutan.ratifications], [[], []]);
  });

  it('names the country in the language asked', async () => {
    const chad = await country('TCD', '?lang=fr');
    assert.equal(chad.country.name, 'Tchad');
    assert.equal(chad.catalogueVersion, catalogue.version);
    await admin.get('/api/law/countries/TCD?lang=de').expect(422);
  });
});

describe('law catalogue as data', () => {
  let dir: string;
  let server: TestServer;
  before(async () => {
    // A copy of the shipped catalogue with one more instrument and one more provision, and
    // nothing else changed: the server must serve and assess them with no code change.
    dir = mkdtempSync(join(tmpdir(), 'cirtkit-law-data-'));
    cpSync(new URL('../../data/law', import.meta.url), dir, { recursive: true });
    const file = join(dir, 'catalogue', 'cirtkit-law-1.0.json');
    const catalogue = JSON.parse(readFileSync(file, 'utf8')) as {
      instruments: Record<string, unknown>[];
      provisions: Record<string, unknown>[];
    };
    catalogue.instruments.push({
      id: 'example_model_2030',
      shortName: 'Example',
      title: 'Example regional model law',
      nature: 'model-law',
      binding: false,
      scope: 'Example region',
      url: 'https://example.org/model-law',
      unit: 'section',
      referenceConfidence: 'high',
      mapped: true,
    });
    catalogue.provisions.push({
      id: 'INS-10',
      category: 'institutional',
      title: 'Coordinated vulnerability disclosure',
      summary: 'Sets how vulnerabilities reported to the national CIRT are handled.',
      references: [{ instrument: 'example_model_2030', citation: '12', verified: true }],
      checklist: [
        { id: 'intake', text: 'Names who receives reports', instruments: ['example_model_2030'] },
      ],
    });
    writeFileSync(file, JSON.stringify(catalogue));
    server = await startTestServer({ CIRTKIT_LAW_CONTENT_DIR: dir });
  });
  after(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves and assesses a provision and an instrument added to the data file', async () => {
    const admin = await server.adminClient();
    const catalogue = await admin
      .get('/api/law/catalogue')
      .expect<{ instruments: { id: string }[]; provisions: { id: string }[] }>(200);
    assert.equal(catalogue.provisions.length, 74);
    assert.ok(catalogue.instruments.some((i) => i.id === 'example_model_2030'));
    await admin
      .put('/api/law/countries/KEN/provisions/INS-10', { status: 'enacted', lawTitle: 'CVD Act' })
      .expect(200);
    const kenya = await admin.get('/api/law/countries/KEN').expect<CountryLaw>(200);
    const example = kenya.coverage.byInstrument.find((i) => i.instrument === 'example_model_2030');
    assert.deepEqual([example?.total, example?.enacted, example?.percent], [1, 1, 100]);
    assert.equal(kenya.coverage.overall.total, 74);
  });
});
