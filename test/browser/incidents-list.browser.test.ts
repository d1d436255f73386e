import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
  browserUnavailable,
  expectAccessible,
  launchBrowser,
  newPage,
  screenshot,
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
    ])
      await admin.post('/api/incidents', body).expect(201);
    browser = await launchBrowser();
    page = await newPage(browser);
    await page.goto(`${server.baseUrl}/login`);
    await page.getByLabel('E-mail address').fill(server.admin.email);
    await page.getByLabel('Password', { exact: true }).fill(server.admin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('navigation', { name: 'Main navigation' }).waitFor();
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
    assert.equal(await rows.count(), 3);
    assert.ok(await page.locator('tbody').getByText('TLP:RED').isVisible());
    await expectAccessible(page, '60-incidents-list');
    await page.getByRole('searchbox', { name: 'Search' }).fill('ransom');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/q=ransom/);
    await page.getByText('Incidents shown: 1').waitFor();
    assert.equal(await rows.count(), 1);
    assert.match((await rows.first().textContent()) ?? '', /Ransomware at a hospital/);
    await page.getByLabel('Name for the current filter').fill('Ransomware');
    await page.getByRole('button', { name: 'Save filter' }).click();
    await page.getByText('Filter saved as “Ransomware”.').waitFor();
    const href = await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href');
    assert.match(href ?? '', /export\.csv\?q=ransom&maxTlp=amber/);
    await screenshot(page, '61-incidents-list-search');
  });

  it('shows statistics as charts with their tables, in Arabic right to left too', async () => {
    await page.goto(`${server.baseUrl}/incidents/stats`);
    await page.getByRole('heading', { level: 2, name: 'Incidents by RSIT class' }).waitFor();
    assert.ok(await page.getByRole('img', { name: 'Incidents by sector' }).isVisible());
    const table = page.getByRole('table', { name: 'Incidents by month: the numbers' });
    assert.equal(await table.locator('tbody tr').count(), 1);
    await expectAccessible(page, '62-incidents-stats');
    await page.locator('#language-select').selectOption('ar');
    await page.getByRole('heading', { level: 1, name: 'إحصاءات الحوادث' }).waitFor();
    assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
    await screenshot(page, '63-incidents-stats-ar');
  });
});
