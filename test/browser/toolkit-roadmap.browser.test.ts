import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
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

/** A few answers of the shipped questionnaire (data/toolkit/readiness/itu-readiness-1.0.json). */
const readinessAnswers = {
  'mandate-legal-basis': { option: 'draft' },
  'governance-national-strategy': { option: 'adopted' },
  'staffing-plan': { option: 'estimate' },
  'infrastructure-ticketing': { option: 'selected' },
};

describe('services and roadmap of the toolkit in Chromium', { skip }, () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let projectId: string;
  let servicesUrl: string;
  let roadmapUrl: string;
  const service = (id: string) => page.locator(`[data-service="${id}"]`);
  const task = (gapId: string) => page.locator(`[data-gap-id="${gapId}"]`);

  before(async () => {
    server = await startTestServer();
    const admin = await server.adminClient();
    const project = await admin
      .post('/api/toolkit/projects', { name: 'Kenya national CIRT', kind: 'national', iso3: 'KEN' })
      .expect<{ id: string }>(201);
    const readiness = await admin
      .post(`/api/toolkit/projects/${project.id}/assessments`, { kind: 'readiness' })
      .expect<{ id: string; revision: number }>(201);
    await admin
      .patch(`/api/toolkit/assessments/${readiness.id}`, {
        revision: readiness.revision,
        answers: readinessAnswers,
      })
      .expect(200);
    projectId = project.id;
    servicesUrl = `${server.baseUrl}/toolkit/projects/${project.id}/services`;
    roadmapUrl = `${server.baseUrl}/toolkit/projects/${project.id}/roadmap`;
    browser = await launchBrowser();
    page = await newPage(browser);
    await signIn(page, server);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('chooses two services for now with the keyboard, saves them, and keeps them', async () => {
    await page.goto(servicesUrl);
    await page.getByRole('heading', { level: 1, name: 'Services' }).waitFor();
    assert.equal(await page.locator('[data-area]').count(), 5);
    for (const id of ['ISIM-1', 'ISIM-5']) {
      // The checked radio ("Not planned") is the group's one tab stop; arrows move the choice.
      const group = service(id).getByRole('group', { name: /When will the team offer/ });
      await group.getByRole('radio', { name: 'Not planned' }).focus();
      for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowLeft');
      assert.ok(await group.getByRole('radio', { name: 'Now' }).isChecked(), id);
    }
    assert.equal(await page.getByTestId('count-now').textContent(), '2');
    await page.getByText('Unsaved changes').waitFor();
    await page.getByTestId('services-save').focus();
    await page.keyboard.press('Enter');
    await page.getByText('Saved', { exact: true }).waitFor();

    // What each service needs, with the SIM3 levels it cannot check yet, and guidance.
    const toggle = service('ISIM-1').getByRole('button', { name: /Functions, requirements/ });
    await toggle.focus();
    await page.keyboard.press('Enter');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    const detail = service('ISIM-1').locator('.service-detail');
    await detail.getByRole('heading', { name: 'Staff' }).waitFor();
    await detail.getByText('No SIM3 assessment yet').waitFor();
    await detail.getByRole('complementary', { name: 'Good practice' }).waitFor();
    await expectAccessible(page, '80-toolkit-services');

    await page.reload();
    await service('ISIM-1').waitFor();
    assert.ok(await page.locator('#horizon-ISIM-1-now').isChecked());
    assert.ok(await page.locator('#horizon-ISIM-5-now').isChecked());
    assert.ok(await page.locator('#horizon-ISIM-2-none').isChecked());
  });

  it('says so when someone else saved the services meanwhile, and shows their plan', async () => {
    const admin = await server.adminClient();
    const path = `/api/toolkit/projects/${projectId}/services`;
    const current = await admin
      .get(path)
      .expect<{ revision: number; selection: Record<string, unknown> }>(200);
    await admin
      .put(path, {
        revision: current.revision,
        selection: { ...current.selection, 'VM-2': { horizon: 'next' } },
      })
      .expect(200);
    await page.locator('#horizon-ISIM-2-later').check();
    await page.getByTestId('services-save').click();
    await page.getByText('Someone else saved the services while you were choosing.').waitFor();
    await page.getByRole('button', { name: 'Reload' }).click();
    await page.waitForFunction(
      "document.querySelector('#horizon-VM-2-next')?.checked === true && document.querySelector('#horizon-ISIM-2-none')?.checked === true",
    );
  });

  it('generates the roadmap from the gaps, grouped by phase, each task naming its gap', async () => {
    await page.goto(roadmapUrl);
    await page.getByRole('heading', { level: 1, name: 'Roadmap' }).waitFor();
    await page.getByText('No tasks yet').waitFor();
    await page.getByTestId('roadmap-generate').click();
    const result = page.getByTestId('roadmap-generated');
    await result.waitFor();
    assert.match((await result.textContent())!, /New tasks: \d+/);
    await task('readiness.staffing-plan').waitFor();
    const sections = page.locator('[data-phase]');
    const order = [];
    for (let i = 0; i < (await sections.count()); i++)
      order.push(await sections.nth(i).getAttribute('data-phase'));
    assert.deepEqual(order, ['assessment', 'design', 'establishment', 'enhancement']);
    // A readiness gap: its answer against what is needed, with a link to the assessment.
    const staffing = task('readiness.staffing-plan');
    assert.equal(
      await page.locator('[data-phase="design"] [data-gap-id="readiness.staffing-plan"]').count(),
      1,
    );
    assert.match((await staffing.textContent())!, /Closes the gap:.*Readiness.*→ needed:/);
    await staffing.getByRole('link', { name: 'See the assessment' }).waitFor();
    // A service chosen for now is a task of the establishment phase.
    const isim1 = page.locator('[data-phase="establishment"] [data-gap-id="service.ISIM-1"]');
    assert.match((await isim1.textContent())!, /Services.*service planned: now/);
    assert.match(
      (await isim1.getByRole('link', { name: 'See the service' }).getAttribute('href'))!,
      /\/services#service-ISIM-1$/,
    );
    assert.match(
      (await page.getByTestId('roadmap-untracked').textContent())!,
      /Every gap found has a task/,
    );
    await expectAccessible(page, '81-toolkit-roadmap');
  });

  it('sets the owner, due date, status and progress of a task, kept after a reload', async () => {
    const staffing = task('readiness.staffing-plan');
    const detail = (await staffing.locator('.task-card__detail').textContent())!;
    await staffing.getByRole('button', { name: /^Update/ }).click();
    const form = staffing.getByRole('form');
    await form.getByLabel('Owner').fill('Amina Njoroge');
    await form.getByLabel('Due date').fill('2027-03-31');
    await form.getByLabel('Status').selectOption('doing');
    await form.getByLabel('Progress').focus();
    for (let i = 0; i < 8; i++) await page.keyboard.press('ArrowRight');
    await staffing.getByText('Unsaved changes').first().waitFor();
    await expectAccessible(page, '82-toolkit-roadmap-task-editing');
    await form.getByRole('button', { name: 'Save' }).click();
    await staffing.locator('.task-editor__state', { hasText: 'Saved' }).waitFor();

    await page.reload();
    await staffing.waitFor();
    assert.equal(await staffing.getByTestId('task-owner').textContent(), 'Amina Njoroge');
    assert.match((await staffing.getByTestId('task-due').textContent())!, /2027/);
    assert.match((await staffing.locator('.task-card__badges').textContent())!, /In progress/);
    assert.match((await staffing.locator('.roadmap-meter__value').textContent())!, /40/);
    assert.equal(await staffing.locator('.task-card__detail').textContent(), detail);
  });

  it('adds a task by hand in a dialog', async () => {
    await page.getByTestId('roadmap-add').click();
    const dialog = page.getByTestId('task-dialog');
    await dialog.getByRole('heading', { name: 'Add a task' }).waitFor();
    await dialog.getByRole('button', { name: 'Add the task' }).click();
    await dialog.getByText('Enter a title.').waitFor();
    await dialog.getByLabel('Title').fill('Sign an MoU with the national police');
    await dialog.getByLabel('Phase').selectOption('establishment');
    await dialog.getByLabel('Owner').fill('Peter Otieno');
    await expectAccessible(page, '83-toolkit-roadmap-add-task');
    await dialog.getByRole('button', { name: 'Add the task' }).click();
    await page.getByText('Task added: Sign an MoU with the national police').waitFor();
    const added = page
      .locator('[data-phase="establishment"] [data-task-id]')
      .filter({ hasText: 'Sign an MoU with the national police' });
    assert.match((await added.textContent())!, /Added by hand/);
    assert.equal(await added.getByTestId('task-owner').textContent(), 'Peter Otieno');
  });

  it('exports the roadmap as Markdown with each task and its owner', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('roadmap-export-md').click(),
    ]);
    const markdown = await readFile(await download.path(), 'utf8');
    assert.match(
      markdown,
      /\| Draw up a staffing plan[^|]*\| Amina Njoroge \| 2027-03-31 \| doing \|/,
    );
    assert.match(markdown, /\| Sign an MoU with the national police \| Peter Otieno \|/);
  });

  it('filters the tasks by owner and status', async () => {
    await page.locator('#roadmap-filter-owner').selectOption('Amina Njoroge');
    await page.waitForFunction("document.querySelectorAll('[data-task-id]').length === 1");
    await page.locator('#roadmap-filter-status').selectOption('done');
    await page.getByText('No task in this phase matches the filters.').first().waitFor();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await task('service.ISIM-1').waitFor();
  });

  it('deletes a task added by hand after asking, and offers no delete for an open gap', async () => {
    const title = 'Sign an MoU with the national police';
    const added = page.locator('[data-task-id]').filter({ hasText: title });
    await added.getByRole('button', { name: /^Update/ }).click();
    await added.getByRole('button', { name: /^Delete/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('The task leaves the roadmap for good.').waitFor();
    await dialog.getByRole('button', { name: 'Delete the task' }).click();
    await page.getByText(`Task deleted: ${title}`).waitFor();
    await added.waitFor({ state: 'detached' });
    const staffing = task('readiness.staffing-plan');
    await staffing.getByRole('button', { name: /^Update/ }).click();
    await staffing.getByRole('button', { name: /^Edit title and detail/ }).waitFor();
    assert.equal(await staffing.getByRole('button', { name: /^Delete/ }).count(), 0);
  });

  it('shows the plan and the roadmap read-only to a reader of the project', async () => {
    const reader = await server.userClient('reader@example.org', 'viewer');
    await (
      await server.adminClient()
    )
      .post(`/api/toolkit/projects/${projectId}/members`, {
        email: 'reader@example.org',
        role: 'viewer',
      })
      .expect(201);
    const readerPage = await newPage(browser);
    try {
      await signIn(readerPage, server, { email: 'reader@example.org', password: reader.password });
      await readerPage.goto(servicesUrl);
      await readerPage.getByText('You can read this plan but not change it.').waitFor();
      assert.equal(await readerPage.getByRole('radio').count(), 0);
      assert.equal(await readerPage.getByTestId('services-save').count(), 0);
      await readerPage.goto(roadmapUrl);
      await readerPage.getByText('You can read this roadmap but not change it.').waitFor();
      assert.equal(await readerPage.getByTestId('roadmap-generate').count(), 0);
      assert.equal(await readerPage.getByTestId('roadmap-add').count(), 0);
      assert.equal(await readerPage.getByRole('form').count(), 0);
      const staffing = readerPage.locator('[data-gap-id="readiness.staffing-plan"]');
      await staffing.getByRole('button', { name: /^Details/ }).click();
      await expectAccessible(readerPage, '86-toolkit-roadmap-reader');
    } finally {
      await readerPage.context().close();
    }
  });

  it('works right to left in Arabic', async () => {
    await chooseLanguage(page, 'ar');
    await page.waitForFunction("document.documentElement.dir === 'rtl'");
    await page.getByRole('heading', { level: 1, name: 'خارطة الطريق' }).waitFor();
    await task('readiness.staffing-plan').waitFor();
    await expectAccessible(page, '84-toolkit-roadmap-ar');
    await page.goto(servicesUrl);
    // The catalogue, the SIM3 names and the plan load in Arabic: allow a busy machine some time.
    await service('ISIM-1').waitFor({ timeout: 30_000 });
    await expectAccessible(page, '85-toolkit-services-ar');
    await chooseLanguage(page, 'en');
    await page.waitForFunction("document.documentElement.dir === 'ltr'");
  });
});
