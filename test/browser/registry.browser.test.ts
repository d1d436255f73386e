import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
  browserUnavailable,
  chooseLanguage,
  expectAccessible,
  launchBrowser,
  newPage,
  signIn,
} from '../support/browser.js';
import { startTestServer, type TestServer } from '../support/server.js';

const skip = browserUnavailable();

describe('the registry in Chromium', { skip }, () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  const chad = () => page.locator('[data-testid="registry-map"] [data-iso3="TCD"]');

  before(async () => {
    server = await startTestServer();
    await server.adminClient(); // replaces the one-time password
    browser = await launchBrowser();
    page = await newPage(browser);
    // Sign in through the form, with the password the API client already set.
    await signIn(page, server);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('draws the world map with each country coloured by status, with a table equivalent', async () => {
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Registry' })
      .click();
    await page.getByTestId('registry-map').waitFor();
    await chad().waitFor();
    assert.match((await chad().getAttribute('class'))!, /map-country--none/);
    assert.match(
      (await page.locator('[data-testid="registry-map"] [data-iso3="KEN"]').getAttribute('class'))!,
      /map-country--national/,
    );
    await page.getByRole('table').getByRole('row', { name: /Kenya/ }).waitFor();
    await expectAccessible(page, '20-registry-world');
  });

  it('shows an earlier day when the as-of date changes', async () => {
    await page.getByTestId('as-of').fill('2010-06-30');
    await page.getByTestId('as-of').press('Enter');
    await page.waitForFunction(
      "document.querySelector('[data-iso3=\"KEN\"]')?.getAttribute('class')?.includes('map-country--none')",
    );
    await page.getByTestId('as-of').fill(new Date().toISOString().slice(0, 10));
    await page.getByTestId('as-of').press('Enter');
    await page.waitForFunction(
      "document.querySelector('[data-iso3=\"KEN\"]')?.getAttribute('class')?.includes('map-country--national')",
    );
  });

  it('adds a national team on the country page, and the map turns that country', async () => {
    await chad().click();
    await page.waitForURL(/\/registry\/countries\/TCD/);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await expectAccessible(page, '21-registry-country');
    await page.getByTestId('add-team').click();
    const dialog = page.getByTestId('add-team-dialog');
    await dialog.getByLabel('Team name').fill('tdCERT');
    await dialog.getByLabel('Established').fill('2024-03');
    await dialog.getByLabel('Source title').fill('Decree 2024-031');
    await dialog.getByRole('button', { name: 'Add team' }).click();
    await page.locator('[data-team-id]').filter({ hasText: 'tdCERT' }).waitFor();
    await expectAccessible(page, '22-registry-country-team-added');
    await page.goBack();
    await page.waitForURL(/\/registry(\?|$)/);
    await page.waitForFunction(
      "document.querySelector('[data-iso3=\"TCD\"]')?.getAttribute('class')?.includes('map-country--national')",
    );
  });

  it('ranks where CIRTs are needed and re-ranks when a weight changes', async () => {
    await page.goto(`${server.baseUrl}/registry/needs`);
    const firstRow = page.locator('[data-iso3]').first();
    await firstRow.waitFor();
    assert.equal(await firstRow.getAttribute('data-iso3'), 'FJI');
    await expectAccessible(page, '23-registry-needs');
    for (const factor of [
      'no_national_cirt',
      'footnote_group',
      'no_readiness_assessment',
      'years_since_assessment',
      'low_maturity',
    ]) {
      await page.getByTestId(`weight-${factor}`).fill('0');
    }
    await page.getByTestId('weight-least_developed').fill('100');
    // Only Chad is a least developed country in the fixture.
    await page.waitForFunction(
      "document.querySelector('[data-iso3]')?.getAttribute('data-iso3') === 'TCD'",
    );
    const href = await page.getByTestId('needs-csv').getAttribute('href');
    assert.match(href!, /w\.least_developed=100/);
  });

  it('gives the progress report with the figures of the API and links to HTML, PDF, CSV and JSON', async () => {
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Progress report' })
      .click();
    await page.getByTestId('report-summary').waitFor();
    const api = await (
      await server.adminClient()
    )
      .get('/api/registry/report')
      .expect<{ overall: { asOf: { total: number; national: number } } }>(200);
    assert.match(
      (await page.getByTestId('report-total').textContent())!,
      new RegExp(`\\b${api.overall.asOf.total}\\b`),
    );
    assert.match(
      (await page.getByTestId('report-national').textContent())!,
      new RegExp(`\\b${api.overall.asOf.national}\\b`),
    );
    await page.getByTestId('report-lang').selectOption('fr');
    await page.waitForFunction(
      "document.querySelector('[data-testid=report-pdf]')?.getAttribute('href')?.includes('lang=fr')",
    );
    for (const [id, type] of [
      ['report-html', /text\/html/],
      ['report-csv', /text\/csv/],
      ['report-json', /application\/json/],
      ['report-pdf', /application\/pdf/],
    ] as const) {
      const href = (await page.getByTestId(id).getAttribute('href'))!;
      const answer = await page.request.get(`${server.baseUrl}${href}`);
      assert.equal(answer.status(), 200, id);
      assert.match(answer.headers()['content-type']!, type);
    }
    await expectAccessible(page, '25-registry-report');
  });

  it('imports a file from the browser: nothing on a bad row, then only the valid rows', async () => {
    await page.goto(`${server.baseUrl}/registry`);
    await page.getByTestId('exchange-link').click();
    const file = {
      name: 'facts.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        [
          'iso3,team,type,date,kind,value,confidence,source_title,source_url,note',
          'FJI,CERT Fiji,national,2021,established,,high,Cabinet decision,,',
          'XYZ,Ghost,national,2021,established,,high,,,',
        ].join('\n'),
      ),
    };
    await page.getByTestId('import-file').setInputFiles(file);
    await page.getByTestId('import-submit').click();
    const report = page.getByTestId('import-report');
    await report.getByText('line 3').first().waitFor();
    await expectAccessible(page, '26-registry-import-refused');
    const before = await (await server.adminClient()).get('/api/registry/export');
    assert.doesNotMatch(before.text, /CERT Fiji/);
    await page.getByTestId('import-mode-valid').check();
    await page.getByTestId('import-file').setInputFiles(file);
    await page.getByTestId('import-submit').click();
    await page.waitForFunction(
      "document.querySelector('[data-count=factsAdded]')?.textContent?.includes('1')",
    );
    const after = await (await server.adminClient()).get('/api/registry/export');
    assert.match(after.text, /FJI,CERT Fiji,national,2021,established/);
  });

  it('works right to left in Arabic', async () => {
    await chooseLanguage(page, 'ar');
    await page.waitForFunction("document.documentElement.dir === 'rtl'");
    await page
      .getByRole('navigation', { name: 'التنقل الرئيسي' })
      .getByRole('link', { name: 'السجل' })
      .click();
    await page.getByTestId('registry-map').waitFor();
    assert.equal(await page.evaluate<string>('document.documentElement.dir'), 'rtl');
    await expectAccessible(page, '24-registry-world-ar');
    await chooseLanguage(page, 'en');
    await page.waitForFunction("document.documentElement.dir === 'ltr'");
  });
});
