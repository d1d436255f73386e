import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { chromiumPath } from '../../src/kernel/index.js';
import type { HttpClient } from '../support/http.js';
import { startTestServer, type TestServer } from '../support/server.js';

interface Counts {
  enacted: number;
  partially: number;
  absent: number;
  'not-assessed': number;
  total: number;
  percent: number | null;
}
interface Gap {
  rank: number;
  provision: string;
  title: string;
  category: string;
  state: string;
  references: { instrument: string; citation: string; verified: boolean }[];
  checklist: { text: string; optional: boolean; instruments: string[] }[];
}
interface CountryReport {
  country: { iso3: string; name: string };
  catalogue: { id: string; version: string };
  generatedBy: string;
  priority: string[];
  coverage: {
    overall: Counts;
    byCategory: ({ category: string } & Counts)[];
    byInstrument: ({ instrument: string } & Counts)[];
  };
  ratifications: { instrument: string; status: string | null; date: string | null }[];
  gaps: Gap[];
}
interface MatrixReport {
  countries: { iso3: string; name: string; percent: number | null; assessed: number }[];
  rows: { provision: string; title: string; states: string[]; share: number | null }[];
}
interface Problem {
  status: number;
  code: string;
  detail: string;
  errors?: { field: string; message: string }[];
}

const defaultOrder = [
  'institutional',
  'international-cooperation',
  'procedural',
  'jurisdiction',
  'safeguards',
  'substantive-general',
  'substantive',
];

/** Gaps follow the category order: each gap's category comes no earlier than the one before. */
function assertFollows(gaps: Gap[], order: string[]): void {
  const places = gaps.map((g) => order.indexOf(g.category));
  assert.ok(!places.includes(-1), 'every gap is in a known category');
  places.forEach((place, i) =>
    assert.ok(i === 0 || place >= places[i - 1]!, `gap ${gaps[i]!.provision} is out of order`),
  );
  assert.deepEqual(
    gaps.map((g) => g.rank),
    gaps.map((_, i) => i + 1),
  );
}

describe('law harmonisation reports over HTTP', () => {
  let server: TestServer;
  let admin: HttpClient;
  const assess = (iso3: string, provision: string, status: string) =>
    admin
      .put(`/api/law/countries/${iso3}/provisions/${provision}`, {
        status,
        ...(status === 'enacted' || status === 'partially'
          ? { lawTitle: 'Computer Misuse and Cybercrimes Act', article: '4' }
          : {}),
      })
      .expect(200);
  const report = (iso3: string, query = '') =>
    admin.get(`/api/law/countries/${iso3}/report${query}`).expect<CountryReport>(200);

  before(async () => {
    server = await startTestServer();
    admin = await server.adminClient();
    // Kenya: read by every test below, never changed after this.
    await assess('KEN', 'INS-07', 'enacted');
    await assess('KEN', 'INS-08', 'partially');
    await assess('KEN', 'SUB-01', 'absent');
    await assess('KEN', 'PRO-03', 'draft');
    await admin
      .put('/api/law/countries/KEN/ratifications/au_malabo_2014', {
        status: 'ratified',
        date: '2024-03-01',
        source: 'African Union list of signatures and ratifications',
      })
      .expect(200);
  });
  after(() => server.close());

  it("reports a country's coverage as the assessments say, overall and per category", async () => {
    const r = await report('KEN');
    assert.equal(r.country.name, 'Kenya');
    assert.equal(r.catalogue.id, 'cirtkit-law');
    assert.ok(r.generatedBy.length > 0);
    const total = r.coverage.overall.total;
    assert.ok(total > 60);
    assert.deepEqual(
      [r.coverage.overall.enacted, r.coverage.overall.partially, r.coverage.overall.absent],
      [1, 1, 1],
    );
    assert.equal(r.coverage.overall['not-assessed'], total - 4);
    assert.equal(r.coverage.overall.percent, Math.round((1.5 / total) * 1000) / 10);
    const institutional = r.coverage.byCategory.find((c) => c.category === 'institutional')!;
    assert.equal(institutional.percent, Math.round((1.5 / institutional.total) * 1000) / 10);
    const malabo = r.ratifications.find((x) => x.instrument === 'au_malabo_2014')!;
    assert.deepEqual([malabo.status, malabo.date], ['ratified', '2024-03-01']);
    assert.equal(r.ratifications.find((x) => x.instrument === 'un_2024')!.status, null);
    assert.ok(!r.ratifications.some((x) => x.instrument === 'itu_hipcar_2012'), 'a model law');
  });

  it('lists the gaps institutional first by default, or in the order asked for', async () => {
    const r = await report('KEN');
    assert.deepEqual(r.priority, defaultOrder);
    assertFollows(r.gaps, defaultOrder);
    assert.equal(r.gaps.length, r.coverage.overall.total - 1, 'all but the enacted one');
    assert.equal(r.gaps[0]!.category, 'institutional');
    // Within a category, absent before not assessed, not assessed before partially.
    const institutional = r.gaps.filter((g) => g.category === 'institutional');
    assert.equal(institutional.at(-1)!.provision, 'INS-08');
    assert.equal(institutional.at(-1)!.state, 'partially');

    const custom = await report('KEN', '?priority=substantive,procedural');
    const order = [
      'substantive',
      'procedural',
      'institutional',
      'international-cooperation',
      'jurisdiction',
      'safeguards',
      'substantive-general',
    ];
    assert.deepEqual(custom.priority, order);
    assertFollows(custom.gaps, order);
    assert.deepEqual(custom.gaps[0], { ...r.gaps.find((g) => g.provision === 'SUB-01')!, rank: 1 });
    assert.equal(custom.gaps[0]?.state, 'absent');
  });

  it('takes a provision out of the gap list once it is enacted', async () => {
    await assess('EST', 'INT-12', 'draft');
    const before = await report('EST');
    assert.equal(before.gaps.find((g) => g.provision === 'INT-12')?.state, 'draft');
    await assess('EST', 'INT-12', 'enacted');
    const after = await report('EST');
    assert.equal(
      after.gaps.find((g) => g.provision === 'INT-12'),
      undefined,
    );
    assert.equal(after.gaps.length, before.gaps.length - 1);
    assert.equal(after.coverage.overall.enacted, 1);
  });

  it('answers a bad priority or country with a precise problem', async () => {
    const bad = await admin
      .get('/api/law/countries/KEN/report?priority=institutional,civil')
      .expect<Problem>(400);
    assert.equal(bad.code, 'bad_request');
    assert.match(bad.detail, /unknown category "civil"; known: institutional, /);
    assert.deepEqual(
      bad.errors?.map((e) => e.field),
      ['querystring.priority'],
    );
    await admin.get('/api/law/countries/ZZZ/report').expect(404);
    await admin.get('/api/law/countries/KEN/report?format=docx').expect(422);
  });

  it('exports the gaps as CSV, one row per gap in rank order', async () => {
    const json = await report('KEN', '?priority=procedural');
    const csv = await admin.get('/api/law/countries/KEN/report?priority=procedural&format=csv');
    assert.equal(csv.status, 200);
    assert.match(csv.headers.get('content-type')!, /^text\/csv/);
    assert.match(csv.headers.get('content-disposition')!, /filename="cirtkit-law-KEN-.*-en\.csv"/);
    const lines = csv.text.trimEnd().split('\r\n');
    assert.equal(lines[0], 'rank,provision,title,category,state,instruments,checklist');
    assert.equal(lines.length, json.gaps.length + 1);
    assert.match(lines[1]!, new RegExp(`^1,${json.gaps[0]!.provision},`));
    assert.match(lines[1]!, /,procedural,/);
    const sub01 = lines.find((l) => l.includes(',SUB-01,'))!;
    assert.match(
      sub01,
      /,absent,"?Budapest Art\. 2 \| UN 2024 Art\. 7 \| Malabo Art\. [^|]+ \(unverified\)/,
    );
  });

  it('renders the report as HTML in the language asked, with checklists and unverified marks', async () => {
    const json = await report('KEN', '?lang=fr');
    const html = await admin.get('/api/law/countries/KEN/report?lang=fr&format=html');
    assert.equal(html.status, 200);
    assert.match(html.headers.get('content-type')!, /^text\/html/);
    assert.match(html.text, /<html lang="fr" dir="ltr">/);
    assert.match(html.text, /<h1>Rapport d’harmonisation juridique : Kenya<\/h1>/);
    assert.match(html.text, /<h2>Lacunes, par ordre de priorité<\/h2>/);
    assert.match(html.text, /<span class="unverified">non vérifiée<\/span>/);
    const first = json.gaps[0]!;
    const gap = html.text.slice(html.text.indexOf(`id="gap-${first.provision}"`));
    assert.ok(gap.length > 0);
    for (const element of first.checklist)
      assert.ok(gap.includes(`<td>${element.text.replace(/&/g, '&amp;')}</td>`), element.text);
    assert.match(html.text, /role="img"/);
    assert.match(html.text, /<td class="nowrap">Ratifié<\/td><td class="nowrap">1 mars 2024<\/td>/);
    const ar = await admin.get('/api/law/countries/KEN/report?lang=ar&format=html');
    assert.match(ar.text, /<html lang="ar" dir="rtl">/);
  });

  it('shows a matrix for a group with exactly its current members and shares from their states', async () => {
    await assess('TCD', 'INS-07', 'enacted');
    await assess('BTN', 'INS-07', 'partially');
    await assess('TCD', 'SUB-12', 'not-applicable');
    await assess('BTN', 'SUB-12', 'absent');
    const lldc = await admin.get('/api/law/matrix?group=LLDC').expect<MatrixReport>(200);
    assert.deepEqual(
      lldc.countries.map((c) => [c.iso3, c.name]),
      [
        ['BTN', 'Bhutan'],
        ['TCD', 'Chad'],
      ],
    );
    const row = (id: string) => lldc.rows.find((r) => r.provision === id)!;
    assert.deepEqual(row('INS-07').states, ['partially', 'enacted']);
    assert.equal(row('INS-07').share, 75);
    assert.equal(row('INS-07').title, 'National CIRT: establishment and mandate');
    assert.deepEqual(row('SUB-12').states, ['absent', 'not-applicable']);
    assert.equal(row('SUB-12').share, 0);
    assert.deepEqual(row('SUB-01').states, ['not-assessed', 'not-assessed']);
    assert.deepEqual(
      lldc.countries.map((c) => c.assessed),
      [2, 2],
    );

    const ldc = await admin.get('/api/law/matrix?group=LDC').expect<MatrixReport>(200);
    assert.deepEqual(
      ldc.countries.map((c) => c.iso3),
      ['TCD'],
      'Bhutan left the LDCs in 2023',
    );
    const atu = await admin.get('/api/law/matrix?organisation=ATU').expect<MatrixReport>(200);
    assert.deepEqual(
      atu.countries.map((c) => c.iso3),
      ['TCD', 'KEN'],
      'Chad before Kenya by name',
    );

    const csv = await admin.get('/api/law/matrix?group=LLDC&format=csv');
    const lines = csv.text.trimEnd().split('\r\n');
    assert.equal(lines[0], 'provision,title,category,BTN,TCD,share');
    assert.equal(lines.length, lldc.rows.length + 1);
    assert.ok(
      lines.includes(
        'INS-07,National CIRT: establishment and mandate,institutional,partially,enacted,75',
      ),
    );

    const html = await admin.get('/api/law/matrix?group=LLDC&format=html&lang=es');
    assert.match(
      html.text,
      /<h1>Matriz de armonización jurídica: Grupo: Países en desarrollo sin litoral \(PDSL\)<\/h1>/,
    );
    assert.match(html.text, /<span class="sr">Promulgada en parte<\/span>/);
    assert.match(html.text, /size: A4 landscape/);
  });

  it('answers zero, two or unknown selectors with a precise problem', async () => {
    const none = await admin.get('/api/law/matrix').expect<Problem>(400);
    assert.equal(
      none.detail,
      'The selection is not valid: give one of region, organisation or group to choose the countries',
    );
    const two = await admin.get('/api/law/matrix?region=africa&group=LDC').expect<Problem>(400);
    assert.equal(
      two.detail,
      'The selection is not valid: give only one of region, organisation or group, not region and group',
    );
    const unknown = await admin.get('/api/law/matrix?organisation=NATO').expect<Problem>(400);
    assert.equal(
      unknown.detail,
      'The selection is not valid: unknown organisation "NATO"; known: APT, ASMG, ATU, CEPT, CITEL, RCC',
    );
    assert.deepEqual(
      unknown.errors?.map((e) => e.field),
      ['querystring.organisation'],
    );
  });

  it('prints the report to PDF with Chromium, or says plainly that Chromium is missing', async () => {
    const pdf = (query: string) =>
      fetch(`${server.baseUrl}/api/law/countries/KEN/report?format=pdf${query}`, {
        headers: { cookie: `cirtkit_session=${admin.cookie('cirtkit_session')!}` },
      });
    const saved = process.env.CIRTKIT_CHROMIUM;
    process.env.CIRTKIT_CHROMIUM = '/nonexistent/chromium';
    try {
      const missing = await pdf('');
      assert.equal(missing.status, 503);
      const problem = (await missing.json()) as Problem;
      assert.equal(problem.code, 'not_ready');
      assert.match(problem.detail, /^PDF needs Chromium at \/nonexistent\/chromium/);
    } finally {
      if (saved === undefined) delete process.env.CIRTKIT_CHROMIUM;
      else process.env.CIRTKIT_CHROMIUM = saved;
    }
    if (!existsSync(chromiumPath())) {
      if (process.env.CIRTKIT_REQUIRE_BROWSER === '1') assert.fail('Chromium is required');
      return;
    }
    const response = await pdf('&lang=fr');
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'application/pdf');
    const bytes = Buffer.from(await response.arrayBuffer());
    assert.equal(bytes.subarray(0, 5).toString(), '%PDF-');
    if (!existsSync('/usr/bin/pdftotext')) {
      if (process.env.CIRTKIT_REQUIRE_BROWSER === '1') assert.fail('pdftotext is required');
      return;
    }
    const text = execFileSync('pdftotext', ['-', '-'], { input: bytes }).toString();
    assert.match(text, /Rapport d’harmonisation juridique : Kenya/);
    assert.match(text, /Lacunes, par ordre de priorité/);
    // The catalogue's own texts come in the report's language too.
    assert.match(
      text,
      /CIRT national : création et mandat|Obligations de signalement des incidents/,
    );
  });
});
