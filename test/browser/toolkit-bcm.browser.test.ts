import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { BcmPlan } from '../../src/modules/toolkit/bcm.js';
import { validPlan } from '../support/bcm-plan.js';
import {
  browserUnavailable,
  expectAccessible,
  launchBrowser,
  newPage,
  signIn,
} from '../support/browser.js';
import type { HttpClient } from '../support/http.js';
import { startTestServer, type TestServer } from '../support/server.js';

const skip = browserUnavailable();

describe('the BCM and crisis-management plan in Chromium', { skip }, () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let admin: HttpClient;
  let projectId: string;
  const bcmUrl = (part = '') =>
    `${server.baseUrl}/toolkit/projects/${projectId}/bcm${part ? `?part=${part}` : ''}`;
  const saved = () =>
    admin
      .get(`/api/toolkit/projects/${projectId}/bcm`)
      .expect<{ revision: number; plan: BcmPlan }>(200);

  before(async () => {
    server = await startTestServer();
    admin = await server.adminClient();
    const project = await admin
      .post('/api/toolkit/projects', { name: 'Kenya national CIRT', kind: 'national', iso3: 'KEN' })
      .expect<{ id: string }>(201);
    projectId = project.id;
    await admin
      .request('PUT', `/api/toolkit/projects/${projectId}/bcm`, { revision: 0, plan: validPlan() })
      .expect(200);
    browser = await launchBrowser();
    page = await newPage(browser);
    await signIn(page, server);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('names a level left without owner next to it, refuses to save, and saves once fixed', async () => {
    await page.goto(bcmUrl('matrix'));
    const owner = page.locator('#bcm-matrix-high-owner');
    await owner.waitFor();
    assert.equal(await owner.inputValue(), 'lead');
    await owner.selectOption('');
    const error = page.locator('#bcm-matrix-high-owner-errors');
    await error.getByText('Level “High” has no owner.').waitFor();
    assert.equal(await owner.getAttribute('aria-invalid'), 'true');
    await page.getByRole('tab', { name: /^Escalation matrix\s*Open issues: 1$/ }).waitFor();
    await expectAccessible(page, '70-toolkit-bcm-matrix-owner-missing');

    await page.getByTestId('bcm-save').click();
    await page.getByTestId('bcm-refused').waitFor();
    const untouched = await saved();
    assert.equal(untouched.revision, 1);
    assert.equal(untouched.plan.matrix.high!.owner, 'lead');

    await owner.selectOption({ label: 'Duty manager' });
    await page.locator('#bcm-matrix-high-audiences-press-minutes').fill('720');
    await page.getByText('Passes every check').waitFor();
    assert.equal(await error.count(), 0);
    await page.getByTestId('bcm-save').click();
    await page.getByText('Plan saved (revision 2).').waitFor();

    await page.reload();
    await owner.waitFor();
    assert.equal(await owner.inputValue(), 'duty');
    assert.equal(
      await page.locator('#bcm-matrix-high-audiences-press-minutes').inputValue(),
      '720',
    );
    const after = await saved();
    assert.equal(after.revision, 2);
    assert.equal(after.plan.matrix.high!.audiences.press!.minutes, 720);
  });

  it('checks the deadlines live: more time at a more severe level is refused where it is typed', async () => {
    await page.goto(bcmUrl('matrix'));
    const minutes = page.locator('#bcm-matrix-severe-audiences-legal-minutes');
    await minutes.fill('600');
    await page
      .locator('[data-cell="severe:legal"]')
      .getByText(/“Legal counsel” has 600 min at “Severe”, more than the 480 min/)
      .waitFor();
    await minutes.fill('120');
    await page.getByText('Passes every check').waitFor();
  });

  it('reorders the ladder by keyboard and keeps focus on the moved level', async () => {
    await page.goto(bcmUrl('ladder'));
    const down = page.locator('#bcm-level-down-medium');
    await down.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      "document.querySelectorAll('[data-level]')[3]?.getAttribute('data-level') === 'medium'",
    );
    assert.equal(
      await page.evaluate<string>('document.activeElement?.id'),
      'bcm-level-down-medium',
    );
    // Medium is now above High: its deadlines break the rule, and the matrix's tab says so.
    await page.getByRole('tab', { name: /^Escalation matrix\s*Open issues: \d+$/ }).waitFor();
    await page.getByText(/^What to settle before saving/).click();
    await page
      .getByText(/more than the 60 min at the less severe “High”/)
      .first()
      .waitFor();
    await page.getByText(/^What to settle before saving/).click();
    await down.focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      "document.querySelectorAll('[data-level]')[2]?.getAttribute('data-level') === 'medium'",
    );
    await page.getByText('Passes every check').waitFor();
    await expectAccessible(page, '71-toolkit-bcm-ladder');
  });

  it('downloads the plan as Markdown', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('bcm-export-md').click(),
    ]);
    assert.match(download.suggestedFilename(), /^cirtkit-bcm-Kenya-national-CIRT-r2-en\.md$/);
    const text = readFileSync(await download.path(), 'utf8');
    assert.match(text, /^# Business continuity and crisis-management plan/);
    assert.match(text, /^\| 3 \| High \(#ffc000\) \| .* \| Duty manager \|$/m);
    assert.match(text, /≤ 720 min · e-mail — Press officer/);
  });

  it('tries a severity change against the saved plan', async () => {
    await page.goto(bcmUrl('simulate'));
    await page.getByLabel('From level').selectOption({ label: 'Low' });
    await page.getByLabel('To level').selectOption({ label: 'Severe' });
    await page.getByLabel('Sectors affected').fill('energy');
    await page.getByRole('button', { name: 'Show the escalations' }).click();
    const rows = page.locator('[data-escalation]');
    await rows.first().waitFor();
    assert.match((await rows.first().textContent())!, /Owner takes the incident.*Amina Diallo/);
    await page.getByRole('cell', { name: 'Grid BCM manager' }).waitFor();
    await expectAccessible(page, '72-toolkit-bcm-simulate');
  });

  it('works right to left in Arabic', async () => {
    await page.goto(bcmUrl('contacts'));
    await page.getByLabel('Language').selectOption('ar');
    await page.waitForFunction("document.documentElement.dir === 'rtl'");
    await page
      .getByRole('heading', { level: 1, name: 'استمرارية الأعمال وإدارة الأزمات' })
      .waitFor();
    await page.getByRole('tab', { name: 'مصفوفة التصعيد' }).click();
    await page.locator('#bcm-matrix-high-owner').waitFor();
    await expectAccessible(page, '73-toolkit-bcm-matrix-ar');
    await page.getByLabel('اللغة').selectOption('en');
    await page.waitForFunction("document.documentElement.dir === 'ltr'");
  });

  it('shows a read-only plan to a member who may not change it', async () => {
    const viewer = await server.userClient('reader@example.org', 'viewer');
    await admin
      .post(`/api/toolkit/projects/${projectId}/members`, {
        email: 'reader@example.org',
        role: 'viewer',
      })
      .expect(201);
    const reader = await newPage(browser);
    await signIn(reader, server, { email: 'reader@example.org', password: viewer.password });
    await reader.goto(bcmUrl());
    await reader.getByText('You can read this plan but not change it.').waitFor();
    assert.equal(await reader.getByTestId('bcm-save').count(), 0);
    await reader.getByRole('cell', { name: 'Amina Diallo' }).first().waitFor();
    await expectAccessible(reader, '74-toolkit-bcm-read-only');
    await reader.context().close();
  });
});
