import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
  browserUnavailable,
  chooseLanguage,
  describeViolations,
  launchBrowser,
  newPage,
  seriousViolations,
  signIn,
} from '../support/browser.js';
import type { HttpClient } from '../support/http.js';
import { startTestServer, type TestServer } from '../support/server.js';

const skip = browserUnavailable();

// Screenshots of every law page go outside the repository, to be looked at by a person.
const shots = process.env.CIRTKIT_LAW_SCREENSHOTS ?? '/tmp/cirtkit-law-screens';

/** Saves a full-page screenshot, then fails on any serious or critical axe violation. */
async function checkPage(page: Page, name: string): Promise<void> {
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
  const violations = await seriousViolations(page);
  assert.equal(violations.length, 0, `${name}:\n${describeViolations(violations)}`);
}

describe('the law pages in Chromium', { skip }, () => {
  let server: TestServer;
  let api: HttpClient;
  let browser: Browser;
  let page: Page;

  const text = async (testId: string) =>
    ((await page.getByTestId(testId).first().textContent()) ?? '').trim();
  const provisionItem = (id: string) => page.locator(`li.law-prov[data-provision="${id}"]`);

  before(async () => {
    server = await startTestServer();
    api = await server.adminClient();
    browser = await launchBrowser();
    page = await newPage(browser);
    await signIn(page, server);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('browses the catalogue: an instrument filter hides what it does not cover, unverified references say so', async () => {
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Law' })
      .click();
    await page.waitForURL(/\/law$/);
    const rows = page.locator('[data-testid="catalogue-table"] tr[data-provision]');
    await rows.first().waitFor();
    const all = await rows.count();
    assert.ok(all >= 50, `${all} provisions`);
    await page.locator('.law-unverified').first().waitFor();
    assert.match(
      (await page.locator('.law-unverified').first().getAttribute('title'))!,
      /not yet been checked/,
    );
    await checkPage(page, '01-law-catalogue');

    // The first additional protocol covers a handful of provisions only.
    await page.getByTestId('catalogue-instrument').selectOption('budapest_ets189');
    await page.waitForURL(/instrument=budapest_ets189/);
    await page.locator('tr[data-provision="INS-07"]').waitFor({ state: 'detached' });
    const some = await rows.count();
    assert.ok(some > 0 && some < all, `${some} of ${all}`);
    // Every row left has a citation in the protocol's column, never the "not covered" dash.
    assert.equal(
      await page
        .locator('tr[data-provision] td[data-instrument="budapest_ets189"] .law-none')
        .count(),
      0,
    );
    assert.match(await text('catalogue-count'), new RegExp(`^${some} of ${all}`));

    await page.getByTestId('catalogue-instrument').selectOption('');
    // Every word must be found: "illegal access" keeps a few offences, not the procedures.
    await page.getByTestId('catalogue-search').fill('illegal access');
    await page.locator('tr[data-provision="PRO-01"]').waitFor({ state: 'detached' });
    await page.waitForURL(/q=illegal\+access/);
    assert.doesNotMatch(page.url(), /instrument=/);
    const found = await rows.count();
    assert.ok(found >= 1 && found < 10, `${found} found`);
    await page.locator('tr[data-provision="SUB-01"] a').click();
    await page.waitForURL(/\/law\/provisions\/SUB-01$/);
    await page.getByRole('heading', { level: 1, name: /Illegal access/ }).waitFor();
    await page.getByTestId('checklist').locator('li').first().waitFor();
    await page.locator('tr[data-instrument="au_malabo_2014"] .law-unverified').waitFor();
    await checkPage(page, '02-law-provision');
  });

  it('shows the legal-basis provisions, with SIM3 parameters and the toolkit link', async () => {
    await page.goto(`${server.baseUrl}/law?legalBasis=1`);
    const rows = page.locator('[data-testid="catalogue-table"] tr[data-provision]');
    await rows.first().waitFor();
    const ids: string[] = [];
    for (const row of await rows.all()) ids.push((await row.getAttribute('data-provision'))!);
    assert.deepEqual(ids.sort(), ['INS-04', 'INS-07', 'INS-08', 'INS-09', 'INT-12']);
    await page.locator('tr[data-provision="INS-07"] a').click();
    await page.locator('[data-sim3="O-1"]').waitFor();
    await page.getByTestId('toolkit-readiness-link').waitFor();
    await checkPage(page, '03-law-provision-legal-basis');
  });

  it('assesses a country: a saved status moves the coverage, a citation without a law is refused', async () => {
    await page.goto(`${server.baseUrl}/law/countries`);
    await page.getByText('No country has been assessed yet.').waitFor();
    await checkPage(page, '04-law-countries-empty');
    await page.getByTestId('country-picker').selectOption('KEN');
    await page.getByTestId('country-open').click();
    await page.waitForURL(/\/law\/countries\/KEN$/);
    await page.getByRole('heading', { level: 1, name: 'Kenya' }).waitFor();
    const before = await text('coverage-percent');
    assert.match(before, /^0\s?%$/);

    const ins07 = provisionItem('INS-07');
    await ins07.getByTestId('provision-edit').click();
    await ins07.getByTestId('assessment-status').selectOption('enacted');
    await ins07
      .getByTestId('assessment-law-title')
      .fill('Computer Misuse and Cybercrimes Act, 2018');
    await ins07.getByTestId('assessment-article').fill('s. 40');
    await ins07.getByTestId('assessment-save').click();
    await page.locator('li.law-prov[data-provision="INS-07"][data-state="enacted"]').waitFor();
    await page.waitForFunction(
      `document.querySelector('[data-testid="coverage-percent"]')?.textContent?.trim() !== ${JSON.stringify(before)}`,
    );
    const afterSave = await text('coverage-percent');
    assert.notEqual(afterSave, before);
    assert.match(
      await ins07.getByTestId('law-line').innerText(),
      /Computer Misuse and Cybercrimes Act, 2018, s\. 40/,
    );

    // An article that names no law: the field says why, nothing is saved, nothing moves.
    const sub01 = provisionItem('SUB-01');
    await sub01.getByTestId('provision-edit').click();
    await sub01.getByTestId('assessment-status').selectOption('enacted');
    await sub01.getByTestId('assessment-article').fill('s. 14');
    await sub01.getByTestId('assessment-save').click();
    await sub01.getByText('Give the title of the law first').waitFor();
    assert.equal(
      await sub01.getByTestId('assessment-article').getAttribute('aria-invalid'),
      'true',
    );
    // Focus is on the field to fix.
    assert.equal(
      await page.evaluate<string | null>("document.activeElement?.getAttribute('data-testid')"),
      'assessment-article',
    );
    assert.equal(await sub01.getAttribute('data-state'), 'not-assessed');
    assert.equal(await text('coverage-percent'), afterSave);
    const stored = await api
      .get('/api/law/countries/KEN')
      .expect<{ assessments: { provision: string }[] }>(200);
    assert.deepEqual(
      stored.assessments.map((a) => a.provision),
      ['INS-07'],
    );
    await checkPage(page, '05-law-country-field-error');
    await sub01.getByRole('button', { name: 'Cancel' }).click();

    // A second version, then the history lists both, newest first, with who saved them.
    await ins07.getByTestId('provision-edit').click();
    await ins07.getByTestId('assessment-status').selectOption('partially');
    await ins07.getByTestId('assessment-save').click();
    await page.locator('li.law-prov[data-provision="INS-07"][data-state="partially"]').waitFor();
    await ins07.getByTestId('provision-history').click();
    const history = ins07.getByTestId('assessment-history').locator('li');
    await history.nth(1).waitFor();
    assert.equal(await history.count(), 2);
    assert.match(await history.nth(0).innerText(), /Partially enacted/);
    assert.match(await history.nth(1).innerText(), /Enacted/);
    await checkPage(page, '06-law-country-history');
  });

  it('records a ratification with its date and source in a dialog', async () => {
    const row = page.locator('tr[data-instrument="budapest_ets185"]');
    await row.getByTestId('ratification-open').click();
    const dialog = page.getByTestId('ratification-dialog');
    await dialog.getByLabel('Status').selectOption('acceded');
    await dialog.getByRole('button', { name: 'Save' }).click();
    // Acceded without date and source: both fields say what is missing.
    await dialog.getByText('Give the date of this status.').waitFor();
    await dialog.getByText('Give the source of this status').waitFor();
    await checkPage(page, '07-law-ratification-dialog');
    await dialog.getByLabel('Date', { exact: true }).fill('2024-03-01');
    await dialog.getByLabel('Source', { exact: true }).fill('Council of Europe treaty office');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await row.getByText('Acceded').waitFor();
    await checkPage(page, '08-law-country');
  });

  it('imports assessments: a bad row refuses the file, a good file moves the coverage', async () => {
    const upload = async (lines: string[]) => {
      await page.getByTestId('law-import-file').setInputFiles({
        name: 'assessments.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(lines.join('\n')),
      });
      await page.getByTestId('law-import-submit').click();
    };
    const header = 'iso3,provision,status,law_title,article,adopted_on,link,notes';
    await upload([
      header,
      'KEN,SUB-01,enacted,Computer Misuse Act,s. 14,,,',
      'KEN,XXX-99,enacted,,,,,',
    ]);
    const outcome = page.getByTestId('import-outcome');
    await outcome.locator('tr[data-row="2"]').waitFor();
    await outcome.getByText('Nothing was imported').waitFor();
    assert.equal(await provisionItem('SUB-01').getAttribute('data-state'), 'not-assessed');
    await checkPage(page, '09-law-import-refused');

    const before = await text('coverage-percent');
    await upload([header, 'KEN,SUB-01,enacted,Computer Misuse Act,s. 14,2018-05-16,,']);
    await outcome.getByText('The file was imported.').waitFor();
    await page.locator('li.law-prov[data-provision="SUB-01"][data-state="enacted"]').waitFor();
    assert.notEqual(await text('coverage-percent'), before);

    const href = (await page.getByTestId('law-export').getAttribute('href'))!;
    const csv = await page.request.get(`${server.baseUrl}${href}`);
    assert.equal(csv.status(), 200);
    assert.match(csv.headers()['content-type']!, /text\/csv/);
    assert.match(await csv.text(), /KEN,SUB-01,enacted,Computer Misuse Act/);
  });

  it('orders the report by the chosen priority and exports it', async () => {
    await page.getByTestId('open-report').click();
    await page.waitForURL(/\/law\/countries\/KEN\/report$/);
    const gaps = page.locator('[data-testid="gap-list"] li.law-gap');
    await gaps.first().waitFor();
    assert.equal(await gaps.first().getAttribute('data-category'), 'institutional');
    await checkPage(page, '10-law-report');

    await page.getByRole('button', { name: 'Move “International cooperation” up' }).click();
    await page.waitForURL(
      /priority=international-cooperation%2Cinstitutional|priority=international-cooperation,institutional/,
    );
    await page.waitForFunction(
      `document.querySelector('[data-testid="gap-list"] li.law-gap')?.getAttribute('data-category') === 'international-cooperation'`,
    );
    // Focus stays on the moved category, which can go no higher.
    assert.equal(
      await page.evaluate<string | null>("document.activeElement?.getAttribute('aria-label')"),
      'Move “International cooperation” down',
    );
    assert.equal(await gaps.first().getAttribute('data-rank'), '1');

    await page.getByTestId('export-lang').selectOption('fr');
    for (const [id, type] of [
      ['export-csv', /text\/csv/],
      ['export-pdf', /application\/pdf/],
      ['export-json', /application\/json/],
      ['export-html', /text\/html/],
    ] as const) {
      const href = (await page.getByTestId(id).getAttribute('href'))!;
      assert.match(href, /lang=fr/);
      assert.match(href, /priority=international-cooperation/);
      const answer = await page.request.get(`${server.baseUrl}${href}`);
      assert.equal(answer.status(), 200, id);
      assert.match(answer.headers()['content-type']!, type, id);
    }
    await checkPage(page, '11-law-report-priority');
  });

  it('shows the matrix of a footnote-1 group as a heat map, with its exports', async () => {
    await api.put('/api/law/countries/TCD/provisions/INS-07', { status: 'draft' }).expect(200);
    await page
      .getByRole('navigation', { name: 'Law pages' })
      .getByRole('link', { name: 'Matrix across countries' })
      .click();
    await page.getByText('Choose a region, an organisation or a group.').waitFor();
    await page.getByTestId('matrix-kind').selectOption('group');
    await page.getByTestId('matrix-value').selectOption('LDC');
    await page.waitForURL(/group=LDC/);
    const table = page.getByTestId('matrix-table');
    await table.locator('th[data-iso3="TCD"]').waitFor();
    assert.equal(
      await table
        .locator('tr[data-provision="INS-07"] td[data-state]')
        .first()
        .getAttribute('data-state'),
      'draft',
    );
    await table.locator('tr[data-provision="INS-07"] .law-state--draft').waitFor();
    await checkPage(page, '12-law-matrix');
    const href = (await page.getByTestId('export-csv').getAttribute('href'))!;
    assert.match(href, /group=LDC/);
    const csv = await page.request.get(`${server.baseUrl}${href}`);
    assert.equal(csv.status(), 200);
    assert.match(csv.headers()['content-type']!, /text\/csv/);
  });

  it('lists the assessed countries with their coverage', async () => {
    await page.goto(`${server.baseUrl}/law/countries`);
    await page.locator('tr[data-iso3="KEN"]').waitFor();
    await page.locator('tr[data-iso3="TCD"]').waitFor();
    await checkPage(page, '13-law-countries');
  });

  it("shows the law coverage on the registry's country profile", async () => {
    await page.goto(`${server.baseUrl}/registry/countries/KEN`);
    await page.getByTestId('law-coverage-panel').waitFor();
    assert.match(await text('law-coverage-percent'), /\d/);
    await checkPage(page, '14-registry-country-law');
    await page.getByTestId('law-coverage-link').click();
    await page.waitForURL(/\/law\/countries\/KEN$/);
    // A country without assessments shows no panel.
    await page.goto(`${server.baseUrl}/registry/countries/EST`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Sources' }).waitFor();
    assert.equal(await page.getByTestId('law-coverage-panel').count(), 0);
  });

  it("links the toolkit's mandate area to the legal-basis provisions", async () => {
    const project = await api
      .post('/api/toolkit/projects', { name: 'ke-CIRT', kind: 'national', iso3: 'KEN' })
      .expect<{ id: string }>(201);
    const readiness = await api
      .post(`/api/toolkit/projects/${project.id}/assessments`, { kind: 'readiness' })
      .expect<{ id: string }>(201);
    await page.goto(
      `${server.baseUrl}/toolkit/projects/${project.id}/readiness/${readiness.id}?area=mandate`,
    );
    const link = page.getByTestId('legal-basis-link').getByRole('link');
    await link.waitFor();
    await link.click();
    await page.waitForURL(/\/law\?legalBasis=1$/);
    await page.locator('tr[data-provision="INS-07"]').waitFor();
  });

  it('shows a reader the assessment without edit controls', async () => {
    const reader = await server.userClient('reader@example.org', 'viewer');
    const readerPage = await newPage(browser);
    try {
      await signIn(readerPage, server, { email: 'reader@example.org', password: reader.password });
      await readerPage.goto(`${server.baseUrl}/law/countries/KEN`);
      await readerPage.getByTestId('coverage-percent').waitFor();
      await readerPage.locator('li.law-prov[data-provision="INS-07"]').waitFor();
      assert.equal(await readerPage.getByTestId('provision-edit').count(), 0);
      assert.equal(await readerPage.getByTestId('law-import-file').count(), 0);
      await readerPage.getByTestId('law-export').waitFor();
      // History and ratification details stay open to readers.
      await readerPage
        .locator('li.law-prov[data-provision="INS-07"]')
        .getByTestId('provision-history')
        .click();
      await readerPage.getByTestId('assessment-history').locator('li').first().waitFor();
      await readerPage
        .locator('tr[data-instrument="budapest_ets185"]')
        .getByRole('button', { name: /Details/ })
        .click();
      await readerPage.getByTestId('ratification-history').waitFor();
      await checkPage(readerPage, '17-law-country-reader');
    } finally {
      await readerPage.context().close();
    }
  });

  it('works right to left in Arabic', async () => {
    await chooseLanguage(page, 'ar');
    await page.waitForFunction("document.documentElement.dir === 'rtl'");
    await page.goto(`${server.baseUrl}/law/countries/KEN`);
    await page.getByTestId('coverage-percent').waitFor();
    await page.getByRole('heading', { name: 'التغطية', exact: true }).waitFor();
    assert.equal(await page.evaluate<string>('document.documentElement.dir'), 'rtl');
    await checkPage(page, '15-law-country-ar');
    await page.goto(`${server.baseUrl}/law`);
    await page.locator('[data-testid="catalogue-table"] tr[data-provision]').first().waitFor();
    await checkPage(page, '16-law-catalogue-ar');
    await chooseLanguage(page, 'en');
    await page.waitForFunction("document.documentElement.dir === 'ltr'");
  });
});
