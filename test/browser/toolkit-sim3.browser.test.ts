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

describe('the SIM3 self-assessment in Chromium', { skip }, () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let base = '';
  let firstUrl = '';

  const levelsPolygon = (quadrant: string) =>
    page.locator(`[data-testid="radar-${quadrant}"] polygon[data-series="levels"]`);
  const blockerRow = (id: string) =>
    page.locator(`[data-testid="blockers"] tr[data-parameter="${id}"]`);
  const saved = () => page.locator('[data-testid="sim3-save-state"][data-state="saved"]').waitFor();

  before(async () => {
    server = await startTestServer();
    const api = await server.adminClient();
    const project = await api
      .post('/api/toolkit/projects', { name: 'ke-CIRT', kind: 'national', iso3: 'KEN' })
      .expect<{ id: string }>(201);
    base = `${server.baseUrl}/toolkit/projects/${project.id}/sim3`;
    browser = await launchBrowser();
    page = await newPage(browser);
    await signIn(page, server);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('starts an assessment; levels set with the keyboard move the radar and the blockers', async () => {
    await page.goto(base);
    await page.getByText('No SIM3 assessment yet').waitFor();
    await page.getByTestId('sim3-start').click();
    await page.waitForURL(/\/sim3\/[^/?]+/);
    firstUrl = page.url();
    await levelsPolygon('O').waitFor();
    const before = await levelsPolygon('O').getAttribute('points');
    // Nothing is assessed: the mandate blocks the basic tier and shows as a hollow dot.
    await blockerRow('O-1').waitFor();
    assert.equal(
      await page
        .locator('[data-testid="radar-O"] circle[data-axis="O-1"]')
        .getAttribute('data-level'),
      'none',
    );

    // Keyboard only: Space picks level 0, each arrow moves one level up.
    await page.getByTestId('level-O-1-0').focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.getByTestId('level-O-1-2').isChecked(), true);
    await page.locator('[data-testid="radar-O"] circle[data-axis="O-1"][data-level="2"]').waitFor();
    assert.notEqual(await levelsPolygon('O').getAttribute('points'), before);
    // O-1 meets the basic minimum (2) now: it leaves the list of blockers; O-2 is still on it.
    await blockerRow('O-1').waitFor({ state: 'detached' });
    await blockerRow('O-2').waitFor();
    await page.getByTestId('level-O-2-0').focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    await blockerRow('O-2').waitFor(); // 1 is still below the basic minimum of 2
    await page.keyboard.press('ArrowDown');
    await blockerRow('O-2').waitFor({ state: 'detached' });

    await page.getByTestId('evidence-O-1').fill('Ministerial decree 2023/14, signed.');
    await page.getByTestId('files-O-1').setInputFiles({
      name: 'decree.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('Decree 2023/14'),
    });
    await page.getByRole('link', { name: 'decree.txt' }).waitFor();

    // The quadrant tabs follow the arrow keys too.
    await page.getByTestId('tab-O').focus();
    await page.keyboard.press('ArrowRight');
    await levelsPolygon('H').waitFor();
    assert.equal(await page.getByTestId('tab-H').getAttribute('aria-selected'), 'true');
    await page.getByTestId('level-H-1-0').focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    await saved();
    await expectAccessible(page, '50-toolkit-sim3-draft');

    await page.reload();
    await levelsPolygon('H').waitFor();
    assert.equal(await page.getByTestId('level-H-1-1').isChecked(), true);
    await page.getByTestId('tab-O').click();
    assert.equal(await page.getByTestId('level-O-1-2').isChecked(), true);
    assert.equal(
      await page.getByTestId('evidence-O-1').inputValue(),
      'Ministerial decree 2023/14, signed.',
    );
    await page.getByRole('link', { name: 'decree.txt' }).waitFor();
  });

  it('finalises after a confirmation, says what the registry got, and re-assesses', async () => {
    await page.getByTestId('sim3-finalise').click();
    await page.getByRole('dialog').getByRole('button', { name: 'Finalise', exact: true }).click();
    const note = page.getByTestId('sim3-registry');
    await note.waitFor();
    assert.match((await note.textContent())!, /not linked to a registry team/);
    await page.getByText('The assessment is final.').waitFor();
    assert.equal(await page.getByTestId('level-O-1-2').count(), 0, 'no level to change');
    await levelsPolygon('O').waitFor();

    await page.getByTestId('sim3-reassess').click();
    const firstPath = new URL(firstUrl).pathname;
    await page.waitForURL((url) => url.pathname !== firstPath && url.pathname.includes('/sim3/'));
    await page.getByTestId('level-O-1-2').waitFor();
    assert.equal(await page.getByTestId('level-O-1-2').isChecked(), true, 'levels carried over');
    await page.getByTestId('level-O-1-2').focus();
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.getByTestId('level-O-1-3').isChecked(), true);
    await saved();
  });

  it('says when someone else saved meanwhile, and reloads their answers', async () => {
    const id = new URL(page.url()).pathname.split('/').pop()!;
    const api = await server.adminClient();
    const current = await api
      .get(`/api/toolkit/assessments/${id}`)
      .expect<{ assessment: { revision: number } }>(200);
    await api
      .patch(`/api/toolkit/assessments/${id}`, {
        revision: current.assessment.revision,
        answers: { 'P-17': { level: 1, evidence: 'Set by a colleague' } },
      })
      .expect(200);
    await page.getByTestId('level-O-2-2').focus();
    await page.keyboard.press('ArrowDown');
    await page.getByTestId('sim3-conflict').waitFor();
    await page.getByRole('button', { name: 'Reload the assessment' }).click();
    await page.getByTestId('tab-P').click();
    assert.equal(await page.getByTestId('level-P-17-1').isChecked(), true);
    await page.getByTestId('tab-O').click();
    assert.equal(await page.getByTestId('level-O-2-2').isChecked(), true, 'theirs, not mine');
  });

  it('lists both, draws the change over time and compares them parameter by parameter', async () => {
    await page.getByRole('link', { name: 'All SIM3 assessments' }).click();
    await page.getByTestId('sim3-trend').waitFor();
    assert.equal(await page.locator('tr[data-assessment]').count(), 2);
    const comparison = page.getByTestId('sim3-comparison');
    await comparison.waitFor();
    const o1 = comparison.locator('tr[data-parameter="O-1"]');
    assert.equal(await o1.getAttribute('data-delta'), '1');
    assert.match((await o1.textContent())!, /\+1\W*, raised/);
    assert.equal(await comparison.getByTestId('compare-improved').textContent(), '1');
    await comparison
      .locator('[data-testid="compare-radar-O"] polygon[data-series="compare"]')
      .waitFor();
    await page.getByLabel('Show only parameters that changed').check();
    assert.equal(await comparison.locator('tr[data-parameter]').count(), 1);
    await expectAccessible(page, '51-toolkit-sim3-list');
  });

  it('works right to left in Arabic', async () => {
    await chooseLanguage(page, 'ar');
    await page.waitForFunction("document.documentElement.dir === 'rtl'");
    await page.getByRole('heading', { level: 1, name: 'التقييم الذاتي للنضج وفق SIM3' }).waitFor();
    // Follow the app's own link: a full reload here would race the language's strings.
    await page.locator('tr[data-assessment] a').first().click();
    await levelsPolygon('O').waitFor();
    assert.doesNotMatch((await page.getByTestId('tab-O').textContent())!, /Organisation/);
    await expectAccessible(page, '52-toolkit-sim3-ar');
    await chooseLanguage(page, 'en');
    await page.waitForFunction("document.documentElement.dir === 'ltr'");
  });
});
