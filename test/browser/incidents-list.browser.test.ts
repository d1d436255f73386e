import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
  browserUnavailable,
  chooseLanguage,
  expectAccessible,
  launchBrowser,
  newPage,
  screenshot,
  signIn,
} from '../support/browser.js';
import { startTestServer, type TestServer } from '../support/server.js';

const skip = browserUnavailable();

describe('the incident list and statistics in Chromium', { skip }, () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  before(async () => {
    server = await startTestServer();
    const admin = await server.adminClient();
    for (const body of [
      {
        title: 'Ransomware at a hospital',
        rsitClass: 'malicious-code',
        rsitType: 'infected-system',
        tlp: 'amber',
        sector: 'health',
        severity: 'high',
      },
      {
        title: 'Phishing against a bank',
        rsitClass: 'fraud',
        rsitType: 'phishing',
        tlp: 'green',
        sector: 'finance-banking',
      },
      {
        title: 'Intrusion in a ministry',
        rsitClass: 'intrusions',
        tlp: 'red',
        sector: 'government',
      },
      { title: 'Leaked credentials of an operator', tlp: 'amber+strict', sector: 'energy' },
      { title: 'Public advisory on a router flaw', tlp: 'clear' },
    ])
      await admin.post('/api/incidents', body).expect(201);
    browser = await launchBrowser();
    page = await newPage(browser);
    await signIn(page, server);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('lists, searches and saves a filter, with TLP labels and an export link', async () => {
    await page.goto(`${server.baseUrl}/incidents`);
    await page.getByRole('heading', { level: 1, name: 'Incidents' }).waitFor();
    const rows = page.locator('table tbody tr');
    await page.getByRole('link', { name: /CIRT-/ }).first().waitFor();
    assert.equal(await rows.count(), 5);
    assert.ok(await page.locator('tbody').getByText('TLP:RED').isVisible());
    await expectAccessible(page, '60-incidents-list');
    await page.getByRole('searchbox', { name: 'Search' }).fill('ransomware');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/q=ransomware/);
    await page.getByText('Incidents shown: 1').waitFor();
    assert.equal(await rows.count(), 1);
    assert.match((await rows.first().textContent()) ?? '', /Ransomware at a hospital/);
    await page.getByLabel('Name for the current filter').fill('Ransomware');
    await page.getByRole('button', { name: 'Save filter' }).click();
    await page.getByText('Filter saved as “Ransomware”.').waitFor();
    const href = await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href');
    assert.match(href ?? '', /export\.csv\?q=ransomware&maxTlp=amber/);
    await screenshot(page, '61-incidents-list-search');
  });

  it('shows each TLP as a badge in the colours of FIRST, on black, with its name', async () => {
    // A first visit to the list (no other incident page loaded before) has the badges' styles.
    const fresh = await newPage(browser);
    await fresh.context().addCookies(await page.context().cookies());
    await fresh.goto(`${server.baseUrl}/incidents`);
    await fresh.getByRole('link', { name: /CIRT-/ }).first().waitFor();
    const colours = {
      'TLP:RED': 'rgb(255, 43, 43)',
      'TLP:AMBER+STRICT': 'rgb(255, 192, 0)',
      'TLP:AMBER': 'rgb(255, 192, 0)',
      'TLP:GREEN': 'rgb(51, 255, 0)',
      'TLP:CLEAR': 'rgb(255, 255, 255)',
    };
    for (const [text, colour] of Object.entries(colours)) {
      const badge = fresh.locator('tbody .tlp-label', {
        hasText: new RegExp(`^${text.replace('+', '\\+')}$`),
      });
      assert.equal(await badge.count(), 1, text);
      const style = await badge.evaluate((el) => {
        // Runs in the page (the test's own types have no DOM).
        const page = globalThis as unknown as {
          getComputedStyle(e: unknown): { color: string; backgroundColor: string; display: string };
        };
        const s = page.getComputedStyle(el);
        return { color: s.color, background: s.backgroundColor, display: s.display };
      });
      assert.deepEqual(
        style,
        { color: colour, background: 'rgb(0, 0, 0)', display: 'inline-block' },
        text,
      );
    }
    await screenshot(fresh, '60a-incidents-list-tlp');
    await fresh.close();
  });

  it('shows statistics as charts with their tables, in Arabic right to left too', async () => {
    await page.goto(`${server.baseUrl}/incidents/stats`);
    await page.getByRole('heading', { level: 2, name: 'Incidents by RSIT class' }).waitFor();
    assert.ok(await page.getByRole('img', { name: 'Incidents by sector' }).isVisible());
    const table = page.getByRole('table', { name: 'Incidents by month: the numbers' });
    assert.equal(await table.locator('tbody tr').count(), 1);
    await expectAccessible(page, '62-incidents-stats');
    await chooseLanguage(page, 'ar');
    await page.getByRole('heading', { level: 1, name: 'إحصاءات الحوادث' }).waitFor();
    assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
    await screenshot(page, '63-incidents-stats-ar');
  });
});
