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

describe('the readiness assessment in Chromium', { skip }, () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let listUrl: string;
  let assessmentUrl: string;
  const question = (id: string) => page.locator(`[data-question="${id}"]`);
  const saved = () =>
    page.waitForFunction(
      "document.querySelector('[data-testid=readiness-save-status]')?.textContent?.startsWith('✓') || document.querySelector('[data-testid=readiness-save-status]')?.textContent?.includes('Saved at')",
    );

  before(async () => {
    server = await startTestServer();
    const admin = await server.adminClient();
    const project = await admin
      .post('/api/toolkit/projects', { name: 'Kenya national CIRT', kind: 'national', iso3: 'KEN' })
      .expect<{ id: string }>(201);
    listUrl = `${server.baseUrl}/toolkit/projects/${project.id}/readiness`;
    browser = await launchBrowser();
    page = await newPage(browser);
    await signIn(page, server);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('explains the assessment when there is none, and starts one', async () => {
    await page.goto(listUrl);
    await page.getByRole('heading', { level: 1, name: 'Readiness assessments' }).waitFor();
    await page.getByText('No readiness assessment yet').waitFor();
    await page.getByRole('list', { name: 'Areas of the questionnaire' }).waitFor();
    await expectAccessible(page, '40-readiness-list-empty');
    await page.getByTestId('readiness-start').click();
    await page.waitForURL(/\/readiness\/[0-9a-f-]{36}$/);
    assessmentUrl = page.url();
    await page.getByRole('heading', { level: 1, name: /Readiness assessment 1/ }).waitFor();
    const steps = page.getByRole('navigation', { name: 'Areas of the questionnaire' });
    assert.equal(await steps.getByRole('link').count(), 9);
    assert.equal(await steps.locator('[aria-current="step"]').getAttribute('data-area'), 'mandate');
  });

  it('answers two areas by keyboard and mouse, with a note and a file, and keeps them', async () => {
    // Keyboard: into the first question's options, then down to the third option.
    const first = question('mandate-legal-basis');
    await first.getByRole('radio').first().focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    assert.equal(await first.getByRole('radio', { checked: true }).getAttribute('value'), 'draft');
    await first
      .getByLabel('Evidence note')
      .fill('Draft decree of March 2025, with the ICT ministry.');
    await first.getByLabel('Attach a file').setInputFiles({
      name: 'draft-decree.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('Article 1. The national CIRT is established.\n'),
    });
    await first.getByRole('link', { name: 'draft-decree.txt' }).waitFor();
    // Mouse: the last (fully met) option of the second question.
    await question('mandate-mission-tasks').getByRole('radio').last().click();
    await saved();

    // To the next area with the keyboard, through the steps.
    const steps = page.getByRole('navigation', { name: 'Areas of the questionnaire' });
    await steps.getByRole('link').first().focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\?area=governance$/);
    await page.waitForFunction("document.activeElement?.id === 'readiness-area-heading'");
    assert.equal(
      await page.locator('#readiness-area-heading').textContent(),
      'Governance and funding',
    );
    await question('governance-national-strategy').getByRole('radio').last().click();
    await question('governance-project-plan').getByRole('radio').nth(1).click();
    await saved();
    await expectAccessible(page, '41-readiness-area');

    // A reload shows what was saved.
    await page.goto(assessmentUrl);
    await question('mandate-legal-basis').waitFor();
    assert.equal(
      await question('mandate-legal-basis')
        .getByRole('radio', { checked: true })
        .getAttribute('value'),
      'draft',
    );
    assert.equal(
      await question('mandate-legal-basis').getByLabel('Evidence note').inputValue(),
      'Draft decree of March 2025, with the ICT ministry.',
    );
    await question('mandate-legal-basis').getByRole('link', { name: 'draft-decree.txt' }).waitFor();
    assert.equal(
      await question('mandate-mission-tasks').getByRole('radio', { checked: true }).count(),
      1,
    );
    assert.match(
      (await page.getByTestId('readiness-progress').textContent())!,
      /^4 of 59 questions answered$/,
    );
    await page.goto(`${assessmentUrl}?area=governance`);
    await question('governance-national-strategy').waitFor();
    assert.equal(
      await question('governance-national-strategy').getByRole('radio', { checked: true }).count(),
      1,
    );
  });

  it('says when someone else saved meanwhile, and reloads their answers', async () => {
    const admin = await server.adminClient();
    const path = `/api/toolkit/assessments/${assessmentUrl.split('/').pop()}`;
    const { assessment } = await admin.get(path).expect<{ assessment: { revision: number } }>(200);
    await admin
      .patch(path, {
        revision: assessment.revision,
        answers: { 'governance-project-plan': { option: 'approved', evidence: 'Cabinet, May' } },
      })
      .expect(200);
    await question('governance-national-strategy').getByRole('radio').first().click();
    const conflict = page.getByTestId('readiness-conflict');
    await conflict.waitFor();
    await conflict.getByRole('button', { name: 'Reload the assessment' }).click();
    await conflict.waitFor({ state: 'detached' });
    const plan = question('governance-project-plan');
    assert.equal(
      await plan.getByRole('radio', { checked: true }).getAttribute('value'),
      'approved',
    );
    assert.equal(await plan.getByLabel('Evidence note').inputValue(), 'Cabinet, May');
    assert.equal(
      await question('governance-national-strategy')
        .getByRole('radio', { checked: true })
        .getAttribute('value'),
      'adopted',
    );
  });

  it('scores each area and lists the gaps with the answer that closes them', async () => {
    await page.getByTestId('readiness-results-link').click();
    await page.getByTestId('readiness-gaps').waitFor();
    const mandate = page.locator('tr[data-area="mandate"]');
    assert.match((await mandate.textContent())!, /2 of 7/);
    assert.doesNotMatch((await mandate.locator('td').first().textContent())!, /^0%$/);
    const gap = page.locator('[data-gap="mandate-legal-basis"]');
    assert.match((await gap.textContent())!, /A draft exists and is under discussion/);
    assert.match((await gap.textContent())!, /Target/);
    // A fully met question is no gap.
    assert.equal(await page.locator('[data-gap="mandate-mission-tasks"]').count(), 0);
    await expectAccessible(page, '42-readiness-results');
  });

  it('finalises after asking, says what the registry recorded, and turns read-only', async () => {
    await page.getByTestId('readiness-finalise').click();
    const dialog = page.getByRole('dialog', { name: 'Finalise this assessment?' });
    await dialog.getByText(/55 of 59 questions are not answered/).waitFor();
    await dialog
      .getByText(/the registry will record that Kenya had a readiness assessment/)
      .waitFor();
    await dialog.getByRole('button', { name: 'Finalise the assessment' }).click();
    await page
      .getByTestId('readiness-registry')
      .getByText(/The registry now records a readiness assessment of Kenya in \d{4}\./)
      .waitFor();
    await page.getByTestId('readiness-summary').getByText('Final', { exact: true }).waitFor();
    assert.equal(await page.getByTestId('readiness-finalise').count(), 0);
    await page.getByRole('link', { name: 'Questions', exact: true }).click();
    await question('mandate-legal-basis').waitFor();
    assert.equal(await page.getByRole('radio').count(), 0);
    assert.match(
      (await question('mandate-legal-basis').textContent())!,
      /A draft exists and is under discussion/,
    );
    await expectAccessible(page, '43-readiness-final');
  });

  it('downloads the assessment as Markdown, PDF and JSON', async () => {
    const md = page.getByTestId('readiness-export-md');
    assert.notEqual(await md.getAttribute('download'), null);
    const answer = await page.request.get(`${server.baseUrl}${await md.getAttribute('href')}`);
    assert.equal(answer.status(), 200);
    assert.match(answer.headers()['content-type']!, /text\/markdown/);
    assert.match(await answer.text(), /National CIRT readiness questionnaire/);
    for (const [id, type] of [
      ['readiness-export-pdf', /application\/pdf/],
      ['readiness-export-json', /application\/json/],
    ] as const) {
      const href = (await page.getByTestId(id).getAttribute('href'))!;
      const file = await page.request.get(`${server.baseUrl}${href}`);
      assert.equal(file.status(), 200, id);
      assert.match(file.headers()['content-type']!, type);
    }
  });

  it('lists the final assessment and offers to start again from it', async () => {
    await page.getByRole('link', { name: 'All readiness assessments' }).click();
    const row = page.getByRole('row', { name: /Readiness assessment 1/ });
    await row.getByText('Final', { exact: true }).waitFor();
    assert.match((await row.textContent())!, /4 of 59/);
    await expectAccessible(page, '44-readiness-list');
    // A re-assessment starts from the final one's answers; a draft can be deleted.
    await row.getByRole('button', { name: /Start from this one/ }).click();
    await page.getByRole('heading', { level: 1, name: /Readiness assessment 2/ }).waitFor();
    assert.match(
      (await page.getByTestId('readiness-progress').textContent())!,
      /^4 of 59 questions answered$/,
    );
    await page.getByRole('link', { name: 'All readiness assessments' }).click();
    const copy = page.getByRole('row', { name: /Readiness assessment 2/ });
    await copy.getByRole('button', { name: /Delete draft/ }).click();
    await page
      .getByRole('dialog', { name: 'Delete this draft?' })
      .getByRole('button', { name: 'Delete the draft' })
      .click();
    await copy.waitFor({ state: 'detached' });
  });

  it('works right to left in Arabic', async () => {
    await chooseLanguage(page, 'ar');
    await page.waitForFunction("document.documentElement.dir === 'rtl'");
    await page.getByRole('heading', { level: 1, name: 'تقييمات الجاهزية' }).waitFor();
    await expectAccessible(page, '45-readiness-list-ar');
    await page.goto(`${assessmentUrl}?view=results`);
    await page.getByRole('heading', { name: 'الجاهزية الإجمالية' }).waitFor();
    assert.equal(await page.evaluate<string>('document.documentElement.dir'), 'rtl');
    await expectAccessible(page, '46-readiness-results-ar');
    await page.goto(assessmentUrl);
    await page.getByRole('navigation', { name: 'مجالات الاستبيان' }).waitFor();
    await expectAccessible(page, '47-readiness-area-ar');
    await chooseLanguage(page, 'en');
    await page.waitForFunction("document.documentElement.dir === 'ltr'");
  });
});
