import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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
import type { HttpClient } from '../support/http.js';
import { startTestServer, type TestServer } from '../support/server.js';

const skip = browserUnavailable();

describe('constituents pages in Chromium', { skip }, () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let admin: HttpClient;
  let bankId: string;

  before(async () => {
    server = await startTestServer();
    admin = await server.adminClient();
    const bank = await admin
      .post('/api/constituents/orgs', {
        name: 'Central Bank of Kenya',
        sector: 'finance-banking',
        critical: true,
        iso3: 'KEN',
        verification: 'verified',
      })
      .expect<{ id: string }>(201);
    bankId = bank.id;
    await admin
      .post(`/api/constituents/orgs/${bankId}/ownership`, { kind: 'ipv4', value: '192.0.2.0/24' })
      .expect(201);
    await admin
      .post(`/api/constituents/orgs/${bankId}/contacts`, {
        name: 'Bank SOC',
        email: 'soc@bank.example',
        isPrimary: true,
      })
      .expect(201);
    await admin
      .post('/api/constituents/orgs', { name: 'Savannah Telecom', sector: 'telecommunications' })
      .expect(201);
    browser = await launchBrowser();
    page = await newPage(browser);
    await signIn(page, server);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('lists organisations with sector, critical badge and verification, and filters them', async () => {
    await page.goto(`${server.baseUrl}/constituents`);
    const row = page.locator('tr[data-org="Central Bank of Kenya"]');
    await row.waitFor();
    assert.match(await row.innerText(), /Finance and banking\s*Critical[\s\S]*KEN[\s\S]*Verified/);
    await expectAccessible(page, '80-constituents-list');
    await page.getByLabel('Critical infrastructure operator').selectOption('true');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.locator('tr[data-org="Savannah Telecom"]').waitFor({ state: 'detached' });
    assert.equal(await page.locator('tr[data-org]').count(), 1);
  });

  it('refuses a prefix with host bits set next to the field, then records it', async () => {
    await page.goto(`${server.baseUrl}/constituents/orgs/${bankId}`);
    await page.getByRole('heading', { name: 'What it owns' }).waitFor();
    await page.getByLabel('Value', { exact: true }).fill('198.51.100.9/24');
    await page.getByTestId('add-ownership').click();
    await page
      .getByText('198.51.100.9/24 has host bits set: did you mean 198.51.100.0/24?')
      .waitFor();
    assert.equal(await page.getByTestId('ownership-value').getAttribute('aria-invalid'), 'true');
    await expectAccessible(page, '81-constituents-org-ownership-error');
    await page.getByLabel('Value', { exact: true }).fill('198.51.100.0/24');
    await page.getByTestId('add-ownership').click();
    await page.locator('tr[data-value="198.51.100.0/24"]').waitFor();
  });

  it('adds a contact with a pasted key that is checked and shown by fingerprint', async () => {
    await page.getByTestId('add-contact').click();
    const dialog = page.getByTestId('contact-dialog');
    await dialog.getByLabel('Name').fill('Amina Odhiambo');
    await dialog.getByLabel('E-mail address').fill('amina@bank.example');
    await dialog.getByLabel('OpenPGP public key').fill('not a key');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.getByText(/is not an OpenPGP public key/).waitFor();
    await expectAccessible(page, '82-constituents-contact-key-error');
    await dialog.getByLabel('OpenPGP public key').fill('');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.locator('tr[data-contact="amina@bank.example"]').waitFor();
  });

  it('answers whose an address is, with the rule, contacts and covering owners', async () => {
    await admin
      .post('/api/constituents/orgs', { name: 'Regional ISP', sector: 'telecommunications' })
      .expect<{ id: string }>(201)
      .then((isp) =>
        admin
          .post(`/api/constituents/orgs/${isp.id}/ownership`, {
            kind: 'ipv4',
            value: '192.0.0.0/16',
          })
          .expect(201),
      );
    await page.goto(`${server.baseUrl}/constituents/lookup`);
    await page.getByTestId('lookup-query').fill('192.0.2.77');
    await page.getByRole('button', { name: 'Look up' }).click();
    const owner = page.locator('[data-owner="Central Bank of Kenya"]');
    await owner.waitFor();
    assert.equal(await owner.getByTestId('rule').innerText(), 'Longest prefix (/24)');
    assert.match(await owner.innerText(), /soc@bank\.example/);
    await page.getByRole('cell', { name: 'Regional ISP' }).waitFor();
    await expectAccessible(page, '83-constituents-lookup');
    await page.getByTestId('lookup-query').fill('300.1.1.1');
    await page.getByRole('button', { name: 'Look up' }).click();
    await page.getByText('300.1.1.1 is not an IPv4 address (300 is over 255)').waitFor();
  });

  it('imports a CSV file and lists each bad row by line and column', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cirtkit-import-'));
    const file = path.join(dir, 'constituents.csv');
    writeFileSync(
      file,
      [
        'organisation,sector,kind,value',
        'Port Authority,transport,ipv4,203.0.113.0/24',
        'Port Authority,,ipv4,203.0.113.5/24',
        'Mining Co,mining,,',
      ].join('\n'),
    );
    await page.goto(`${server.baseUrl}/constituents/import`);
    await page.getByTestId('import-file').setInputFiles(file);
    await page.getByTestId('import-submit').click();
    const outcome = page.getByTestId('import-outcome');
    await outcome.getByText('Nothing was imported').waitFor();
    assert.match(await outcome.innerText(), /line 3 value\s+203\.0\.113\.5\/24 has host bits set/);
    assert.match(await outcome.innerText(), /line 4 sector/);
    await expectAccessible(page, '84-constituents-import-refused');
    await page.getByLabel('Import the valid rows and list the others').check();
    await page.getByTestId('import-submit').click();
    await outcome.getByText('The valid rows were imported; the others are listed below').waitFor();
    assert.match(await page.locator('[data-count="ownershipAdded"] dd').innerText(), /^1$/);
  });

  it('reads right to left in Arabic', async () => {
    const arabic = await newPage(browser);
    await signIn(arabic, server);
    await arabic.goto(`${server.baseUrl}/constituents/orgs/${bankId}`);
    await chooseLanguage(arabic, 'ar');
    await arabic.getByRole('heading', { name: 'ما تملكه' }).waitFor();
    assert.equal(await arabic.locator('html').getAttribute('dir'), 'rtl');
    await expectAccessible(arabic, '85-constituents-org-ar');
    await arabic.close();
  });
});
