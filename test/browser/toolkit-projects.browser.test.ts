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

describe('toolkit projects and dashboard in Chromium', { skip }, () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  before(async () => {
    server = await startTestServer();
    const admin = await server.adminClient();
    await server.userClient('grace@example.org', 'analyst');
    void admin;
    browser = await launchBrowser();
    page = await newPage(browser);
    await signIn(page, server);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('starts a national project from the form and lands on its overview', async () => {
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Establishment toolkit' })
      .click();
    await page
      .getByRole('heading', { name: 'No project yet' })
      .or(page.getByText('No project yet'))
      .waitFor();
    await expectAccessible(page, '40-toolkit-projects-empty');
    await page.getByLabel('Project name').fill('National CIRT of Kenya');
    await page.getByRole('button', { name: 'Start the project' }).click();
    // A national project without its country is refused next to the field.
    await page.getByText('a national CIRT project needs its country').waitFor();
    await page.getByLabel('Country').selectOption('KEN');
    await page.getByRole('button', { name: 'Start the project' }).click();
    await page.getByRole('heading', { name: 'Overview' }).waitFor();
    await page.getByText('No readiness assessment yet.').waitFor();
    assert.equal(
      await page.locator('[aria-current="step"]').locator('.toolkit-phases__name').textContent(),
      'Assessment',
    );
    await expectAccessible(page, '41-toolkit-dashboard');
  });

  it('moves the project to the next phase and invites a colleague', async () => {
    await page.getByRole('button', { name: 'Move on to Design' }).click();
    await page.waitForFunction(
      "document.querySelector('[aria-current=\"step\"] .toolkit-phases__name')?.textContent === 'Design'",
    );
    await page.getByLabel('E-mail of a colleague').fill('nobody@example.org');
    await page.getByRole('button', { name: 'Invite' }).click();
    await page.getByText(/has no account here/).waitFor();
    await page.getByLabel('E-mail of a colleague').fill('grace@example.org');
    await page.getByLabel('Role in the project').selectOption('editor');
    await page.getByRole('button', { name: 'Invite' }).click();
    await page.getByRole('listitem').filter({ hasText: 'grace@example.org' }).waitFor();
    const saved = page.waitForResponse(
      (r) => r.request().method() === 'PATCH' && r.url().includes('/api/toolkit/projects/'),
    );
    await page.getByLabel('Registry team').selectOption({ label: 'KE-CIRT/CC' });
    assert.equal((await saved).status(), 200);
    await page.reload();
    // The select shows "Not linked" until the project has loaded: wait for the saved choice.
    await page
      .getByLabel('Registry team')
      .locator('option:checked', { hasText: 'KE-CIRT/CC' })
      .waitFor({ state: 'attached' });
    assert.equal(
      await page.getByLabel('Registry team').locator('option:checked').textContent(),
      'KE-CIRT/CC',
    );
  });

  it('reads the overview in Arabic, right to left', async () => {
    await chooseLanguage(page, 'ar');
    await page.getByRole('heading', { name: 'نظرة عامة' }).waitFor();
    assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
    await expectAccessible(page, '42-toolkit-dashboard-ar');
    await chooseLanguage(page, 'en');
  });
});
