import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
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
import { sweepSlaBreaches } from '../../src/modules/incidents/index.js';
import { validPlan } from '../support/bcm-plan.js';
import type { HttpClient } from '../support/http.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp.js';

const skip = browserUnavailable();

interface IncidentAnswer {
  id: string;
  reference: string;
  revision: number;
  status: string;
  tlp: string;
  severity: string | null;
  rsitClass: string | null;
  rsitType: string | null;
  ackDueAt: string | null;
}

describe('incident pages in Chromium', { skip }, () => {
  let server: TestServer;
  let smtp: TestSmtpServer;
  let browser: Browser;
  let page: Page;
  let admin: HttpClient;
  let orgId: string;

  const incident = (id: string) => admin.get(`/api/incidents/${id}`).expect<IncidentAnswer>(200);
  const newIncident = (title: string, extra: Record<string, unknown> = {}) =>
    admin.post('/api/incidents', { title, ...extra }).expect<IncidentAnswer>(201);

  before(async () => {
    smtp = await startSmtpServer();
    server = await startTestServer({
      CIRTKIT_SMTP_URL: smtp.url,
      CIRTKIT_MAIL_FROM: 'cirt@cert.example',
    });
    admin = await server.adminClient();
    // The constituent whose address space the observables fall in.
    const org = await admin
      .post('/api/constituents/orgs', {
        name: 'Lakeside Power',
        sector: 'energy',
        critical: true,
        language: 'fr',
      })
      .expect<{ id: string }>(201);
    orgId = org.id;
    await admin
      .post(`/api/constituents/orgs/${orgId}/ownership`, { kind: 'ipv4', value: '198.51.100.0/24' })
      .expect(201);
    await admin
      .post(`/api/constituents/orgs/${orgId}/contacts`, {
        name: 'Amina Diallo',
        email: 'soc@lakeside-power.example',
        languages: ['fr'],
        isPrimary: true,
      })
      .expect(201);
    browser = await launchBrowser();
    page = await newPage(browser);
    await signIn(page, server);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await smtp?.close();
  });

  it('creates an incident from the form: RSIT type under its class, TLP by meaning, observables recognised', async () => {
    await page.goto(`${server.baseUrl}/incidents/new`);
    await page.getByRole('heading', { name: 'New incident', level: 1 }).waitFor();
    await page.getByLabel('Title').fill('Ransomware at a power utility');
    await page
      .getByLabel('Description', { exact: true })
      .fill('Reported by phone by the utility SOC: file servers encrypted.');
    const type = page.getByLabel('RSIT type');
    assert.equal(await type.isDisabled(), true);
    await page.getByLabel('RSIT class').selectOption({ label: 'Malicious Code' });
    const types = await type.locator('option').allTextContents();
    assert.ok(types.includes('Infected System'), types.join(','));
    assert.ok(!types.includes('Spam'), 'types of another class are not offered');
    await type.selectOption({ label: 'Infected System' });
    await page.getByLabel('Severity').selectOption({ label: 'High' });
    await page.getByRole('radio', { name: /^TLP:GREEN/ }).check();
    await page
      .getByRole('textbox', { name: 'Observables, one per line' })
      .fill('198.51.100.23\nhxxp://evil[.]example/payload\nnot an observable at all');
    const detected = page.getByTestId('observables-detected');
    await detected.getByText('Recognised: 2').waitFor();
    await detected.getByText('evil.example/payload', { exact: false }).waitFor();
    await detected.getByText('(line 3)').waitFor();
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Jo Otieno');
    await page
      .getByRole('textbox', { name: 'E-mail address', exact: true })
      .fill('jo@lakeside-power.example');
    await expectAccessible(page, '110-incidents-new');

    // A line that is not an observable stops the form, and says which line.
    await page.getByTestId('incident-create').click();
    await page.getByText('Lines not recognised as an observable: 3.').first().waitFor();
    await page
      .getByRole('textbox', { name: 'Observables, one per line' })
      .fill('198.51.100.23\nhxxp://evil[.]example/payload');
    await page.getByTestId('incident-create').click();

    await page.getByTestId('incident-reference').waitFor();
    const reference = (await page.getByTestId('incident-reference').textContent())!;
    assert.match(reference, /^CIRT-\d{4}-\d{6}$/);
    await page.getByText(`Incident ${reference} created.`).waitFor();
    const id = page.url().split('/').pop()!;
    const saved = await incident(id);
    assert.equal(saved.rsitType, 'infected-system');
    assert.equal(saved.tlp, 'green');
    assert.equal(saved.severity, 'high');
    // The observable's owner is suggested, with the rule that matched.
    const suggestion = page.locator('[data-org="Lakeside Power"]');
    await suggestion.getByText('Suggested').waitFor();
    await suggestion.getByText(/198\.51\.100\.23 by longest prefix 198\.51\.100\.0\/24/).waitFor();
    await page.locator('[data-observable="198.51.100.23"]').getByText('Lakeside Power').waitFor();
    // Severity set: both SLA clocks run.
    await page.getByTestId('sla-ack').getByText(/left$/).waitFor();
    await expectAccessible(page, '111-incidents-page');
  });

  it('triages: RSIT, TLP and severity saved with the revision; a stale revision is said and reloaded', async () => {
    const created = await newIncident('Phishing wave against a bank');
    await page.goto(`${server.baseUrl}/incidents/${created.id}`);
    const triage = page.getByTestId('triage-panel');
    await triage.getByLabel('RSIT class').selectOption({ label: 'Fraud' });
    await triage.getByLabel('RSIT type').selectOption({ label: 'Phishing' });
    await triage.getByLabel('TLP').selectOption({ label: 'TLP:AMBER+STRICT' });
    await triage.getByText(/Only people on the access list see it here/).waitFor();
    await triage.getByLabel('Severity').selectOption({ label: 'Severe' });
    await page.getByTestId('triage-save').click();
    await triage.getByText('Triage saved.').waitFor();
    const saved = await incident(created.id);
    assert.equal(saved.rsitClass, 'fraud');
    assert.equal(saved.rsitType, 'phishing');
    assert.equal(saved.tlp, 'amber+strict');
    assert.equal(saved.severity, 'severe');
    assert.ok(saved.ackDueAt, 'the SLA started');
    // Restricted: the access list shows who may see it (the one who raised the TLP).
    await page
      .getByTestId('access-panel')
      .getByText(/\(you\)/)
      .waitFor();

    // Someone else saves meanwhile.
    await admin
      .patch(`/api/incidents/${created.id}`, { revision: saved.revision, impact: 'high' })
      .expect(200);
    await triage.getByLabel('Severity').selectOption({ label: 'High' });
    await page.getByTestId('triage-save').click();
    await page
      .getByTestId('triage-error')
      .getByText(/Someone else changed this incident/)
      .waitFor();
    await expectAccessible(page, '112-incidents-triage-stale');
    await page.getByTestId('triage-reload').click();
    await page.waitForFunction("document.querySelector('#triage-impact')?.value === 'high'");
    assert.equal((await incident(created.id)).severity, 'severe', 'nothing overwritten');
  });

  it('moves through the workflow with only the allowed next steps; reopening asks why', async () => {
    const created = await newIncident('Defacement of a ministry site');
    await page.goto(`${server.baseUrl}/incidents/${created.id}`);
    await page.getByTestId('status-to-triage').waitFor();
    assert.equal(
      await page.getByTestId('status-to-resolved').count(),
      0,
      'new → resolved is not offered',
    );
    await page.getByTestId('status-to-triage').click();
    await page.getByTestId('status-to-resolved').click();
    await page.getByTestId('incident-summary').getByText('Resolved').waitFor();
    await page.getByRole('button', { name: 'Reopen' }).click();
    const dialog = page.getByTestId('status-dialog');
    await dialog.getByRole('heading', { name: 'Reopen the incident' }).waitFor();
    await dialog.getByRole('button', { name: 'Reopen' }).click();
    await dialog.getByText('Say why in a comment.').waitFor();
    await dialog.getByLabel('Why?').fill('The site was defaced again this morning.');
    await expectAccessible(page, '113-incidents-reopen');
    await dialog.getByRole('button', { name: 'Reopen' }).click();
    await page.getByTestId('incident-summary').getByText('In progress').waitFor();
    await page
      .getByTestId('timeline')
      .getByText('The site was defaced again this morning.')
      .waitFor();
    assert.equal((await incident(created.id)).status, 'in-progress');
  });

  it('adds a task, ticks it and assigns it', async () => {
    const created = await newIncident('Scanning from a university network', {
      rsitClass: 'information-gathering',
      rsitType: 'scanner',
    });
    await page.goto(`${server.baseUrl}/incidents/${created.id}`);
    const tasks = page.getByTestId('tasks-panel');
    await page.getByLabel('New task').fill('Ask the university to find the scanning host');
    await page.getByTestId('task-add').click();
    const task = tasks.locator('[data-task="Ask the university to find the scanning host"]');
    await task.waitFor();
    // The box shows the saved state: it turns checked when the server has the task done.
    await task.getByRole('checkbox').click();
    await task.getByText(/^Done /).waitFor();
    assert.equal(await task.getByRole('checkbox').isChecked(), true);
    await task.getByRole('combobox').selectOption({ index: 1 });
    await tasks.getByText(/of \d+ done/).waitFor();
    // The assignment is saved in the background: read until it is there (at most 10 s).
    type Saved = { title: string; status: string; assigneeId: string | null };
    let saved: Saved | undefined;
    for (let i = 0; i < 50 && !saved?.assigneeId; i++) {
      if (i > 0) await new Promise((resolve) => setTimeout(resolve, 200));
      const list = await admin
        .get(`/api/incidents/${created.id}/tasks`)
        .expect<{ tasks: Saved[] }>(200);
      saved = list.tasks.find((t) => t.title === 'Ask the university to find the scanning host');
    }
    assert.equal(saved?.status, 'done');
    assert.ok(saved?.assigneeId);
    await expectAccessible(page, '114-incidents-tasks');
  });

  it('adds an observable on the page; its owner is suggested, then confirmed', async () => {
    const created = await newIncident('Botnet member reported by a partner');
    await page.goto(`${server.baseUrl}/incidents/${created.id}`);
    await page
      .getByTestId('constituents-panel')
      .getByText(/None yet/)
      .waitFor();
    await page.locator('#observables-add').fill('198.51.100.77');
    await page.getByTestId('observables-add').click();
    const suggestion = page.locator('[data-org="Lakeside Power"]');
    await suggestion.getByText('Suggested').waitFor();
    await suggestion.getByRole('button', { name: 'Confirm Lakeside Power' }).click();
    await page.locator('[data-org="Lakeside Power"][data-origin="confirmed"]').waitFor();
    const answer = await admin
      .get(`/api/incidents/${created.id}/constituents`)
      .expect<{ constituents: { orgId: string; origin: string }[] }>(200);
    assert.deepEqual(
      answer.constituents.map((c) => [c.orgId, c.origin]),
      [[orgId, 'confirmed']],
    );
    await screenshot(page, '115-incidents-constituent-confirmed');
  });

  it('marks an organisation affected by hand, from the keyboard, with the result announced', async () => {
    const harbour = await admin
      .post('/api/constituents/orgs', {
        name: 'Harbour Telecom',
        shortName: 'HTEL',
        sector: 'telecommunications',
        critical: true,
        language: 'en',
      })
      .expect<{ id: string }>(201);
    const created = await newIncident('Outage of a submarine cable landing station');
    await page.goto(`${server.baseUrl}/incidents/${created.id}`);
    const panel = page.getByTestId('constituents-panel');
    await panel.getByRole('heading', { name: 'Add an organisation by hand' }).waitFor();
    const search = panel.getByRole('searchbox', { name: 'Find an organisation' });
    await search.focus();
    await page.keyboard.type('harb');
    const status = panel.getByTestId('constituent-search-status');
    await status.getByText('Organisations found: 1.').waitFor();
    await panel
      .locator('[data-hit="Harbour Telecom"]')
      .getByText(/Critical operator/)
      .waitFor();
    await expectAccessible(page, '120-incidents-constituent-search');
    // Tab leads from the search box to the organisation's own button.
    await page.keyboard.press('Tab');
    const focused = await page.evaluate("document.activeElement?.getAttribute('aria-label')");
    assert.equal(focused, 'Add Harbour Telecom as affected');
    await page.keyboard.press('Enter');
    await status.getByText('Harbour Telecom is now listed as affected (added by hand).').waitFor();
    const added = panel.locator('[data-org="Harbour Telecom"][data-origin="manual"]');
    await added.getByText('Added by hand').waitFor();
    const answer = await admin
      .get(`/api/incidents/${created.id}/constituents`)
      .expect<{ constituents: { orgId: string; origin: string }[] }>(200);
    assert.deepEqual(
      answer.constituents.map((c) => [c.orgId, c.origin]),
      [[harbour.id, 'manual']],
    );
    await page.getByTestId('timeline').getByText('Added as affected: Harbour Telecom').waitFor();
    // Searching again says it is already listed instead of offering it twice.
    await search.fill('harbour');
    await panel
      .locator('[data-hit="Harbour Telecom"]')
      .getByText('Already listed as affected')
      .waitFor();
    await search.fill('no such organisation');
    await status.getByText('No organisation matches “no such organisation”.').waitFor();
    await screenshot(page, '121-incidents-constituent-manual');
  });

  it('deletes a task and an observable after a confirmation; cancelling keeps them', async () => {
    const created = await newIncident('Credential stuffing against a ministry portal', {
      observables: [{ kind: 'ipv4', value: '203.0.113.9' }],
    });
    await admin
      .post(`/api/incidents/${created.id}/tasks`, { title: 'Block the source address' })
      .expect(201);
    await page.goto(`${server.baseUrl}/incidents/${created.id}`);
    const tasks = page.getByTestId('tasks-panel');
    const task = tasks.locator('[data-task="Block the source address"]');
    await task.waitFor();

    await task.getByRole('button', { name: 'Delete the task “Block the source address”' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete this task?' });
    await confirm.getByText(/“Block the source address” will be removed/).waitFor();
    await expectAccessible(page, '122-incidents-task-delete-confirm');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await confirm.waitFor({ state: 'hidden' });
    assert.equal(await task.count(), 1, 'cancelled: the task stays');

    await task.getByRole('button', { name: 'Delete the task “Block the source address”' }).click();
    await confirm.getByRole('button', { name: 'Delete', exact: true }).click();
    await task.waitFor({ state: 'detached' });
    await tasks
      .getByTestId('tasks-status')
      .getByText('Task “Block the source address” deleted.')
      .waitFor();
    await page
      .getByTestId('timeline')
      .getByText('Task removed: “Block the source address”')
      .waitFor();
    const left = await admin
      .get(`/api/incidents/${created.id}/tasks`)
      .expect<{ tasks: { title: string }[] }>(200);
    assert.ok(!left.tasks.some((t) => t.title === 'Block the source address'));
    // The focus does not fall to the page's end: the panel's title holds it.
    assert.equal(await page.evaluate('document.activeElement?.id'), 'incident-tasks-title');

    const row = page.locator('[data-observable="203.0.113.9"]');
    await row.getByRole('button', { name: 'Remove the observable 203.0.113.9' }).click();
    const removeDialog = page.getByRole('dialog', { name: 'Remove this observable?' });
    await removeDialog.getByText(/203\.0\.113\.9 will be removed from the incident/).waitFor();
    await page.keyboard.press('Escape');
    await removeDialog.waitFor({ state: 'hidden' });
    assert.equal(await row.count(), 1, 'Escape cancels');
    await row.getByRole('button', { name: 'Remove the observable 203.0.113.9' }).click();
    await removeDialog.getByRole('button', { name: 'Remove', exact: true }).click();
    await row.waitFor({ state: 'detached' });
    await page.getByTestId('timeline').getByText('Observable removed: 203.0.113.9').waitFor();
    assert.equal((await incident(created.id)).revision >= created.revision, true);
    const observables = await admin
      .get(`/api/incidents/${created.id}/observables`)
      .expect<{ observables: unknown[] }>(200);
    assert.equal(observables.observables.length, 0);
    await expectAccessible(page, '123-incidents-after-deletes');
  });

  it('attaches a file: size shown before upload, then SHA-256 and a download link', async () => {
    const created = await newIncident('Phishing kit found on a hosting server');
    await page.goto(`${server.baseUrl}/incidents/${created.id}`);
    const panel = page.getByTestId('attachments-panel');
    const content = Buffer.from(
      '<html><form action="https://evil.example/collect"></form></html>\n',
    );
    await panel.getByLabel('File to attach').setInputFiles({
      name: 'kit.html',
      mimeType: 'text/html',
      buffer: content,
    });
    await panel.getByText(/^kit\.html: \d+ byte/).waitFor();
    await page.getByTestId('attachment-upload').click();
    const item = panel.locator('[data-attachment="kit.html"]');
    await item.waitFor();
    const sha256 = createHash('sha256').update(content).digest('hex');
    await item.getByText(sha256).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      item.getByRole('link', { name: 'kit.html' }).click(),
    ]);
    assert.equal(download.suggestedFilename(), 'kit.html');
    await page.getByTestId('timeline').getByText('File attached: kit.html').waitFor();
  });

  it('notifies the affected constituent through the dialog: preview in its language, refusals named, sent over SMTP', async () => {
    const created = await newIncident('Compromised mail server at the utility', {
      observables: [{ kind: 'ipv4', value: '198.51.100.40' }],
    });
    await admin
      .post(`/api/incidents/${created.id}/constituents/${orgId}`, { origin: 'confirmed' })
      .expect(200);
    await page.goto(`${server.baseUrl}/incidents/${created.id}`);
    await page.getByTestId('notify-open').click();
    const dialog = page.getByTestId('notify-dialog');
    await dialog.getByRole('checkbox', { name: 'Lakeside Power: its primary contacts' }).waitFor();
    assert.equal(
      await dialog
        .getByRole('checkbox', { name: 'Lakeside Power: its primary contacts' })
        .isChecked(),
      true,
      'confirmed organisations are chosen',
    );
    await dialog.getByLabel('Other addresses (one per line)').fill('press@newspaper.example');
    await dialog.getByLabel('Your message').fill('Merci de vérifier le serveur 198.51.100.40.');
    await dialog.getByTestId('notify-preview').click();
    const refused = dialog.locator('[data-to="press@newspaper.example"]');
    await refused
      .getByText(
        'TLP:AMBER goes only to contacts of affected organisations, not to other addresses.',
      )
      .waitFor();
    const french = dialog.locator('[data-to="soc@lakeside-power.example"]');
    await french.getByText(/in French/).waitFor();
    assert.equal(await dialog.getByTestId('notify-send').isDisabled(), true);
    await expectAccessible(page, '119-incidents-notify-preview');

    await dialog.getByLabel('Other addresses (one per line)').fill('');
    await dialog.getByTestId('notify-send').click();
    await dialog
      .getByTestId('notify-sent')
      .getByText(/Sent: 1 message/)
      .waitFor();
    const mail = await smtp.waitFor((m) => m.envelopeTo.includes('soc@lakeside-power.example'));
    assert.ok(mail.parsed.subject?.includes(created.reference), mail.parsed.subject);
    assert.match(mail.parsed.text ?? '', /Merci de vérifier le serveur 198\.51\.100\.40\./);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await page.getByTestId('timeline').locator('[data-kind="mail-out"]').first().waitFor();
  });

  it('settings: team name, SLA minutes per level and queues, saved with the revision', async () => {
    await page.goto(`${server.baseUrl}/incidents/settings`);
    await page.getByRole('heading', { name: 'Incident settings', level: 1 }).waitFor();
    await page.getByLabel('Team name').fill('  CIRT of Examplestan ');
    await page.getByLabel('Minutes to acknowledge at High').fill('45');
    await page.getByTestId('queue-add').click();
    await page.locator('#queue-1-id').fill('phishing');
    await page.locator('#queue-1-name').fill('Phishing desk');
    await expectAccessible(page, '116-incidents-settings');
    await page.getByTestId('settings-save').click();
    await page.getByText(/Settings saved \(revision 1\)\./).waitFor();
    const settings = await admin.get('/api/incidents/settings').expect<{
      teamName: string | null;
      sla: Record<string, { ackMinutes: number }>;
      queues: { id: string }[];
    }>(200);
    assert.equal(settings.teamName, 'CIRT of Examplestan');
    // Read back trimmed after the save.
    await page.waitForFunction(
      "document.querySelector('#settings-team-name')?.value === 'CIRT of Examplestan'",
    );
    assert.equal(settings.sla.high?.ackMinutes, 45);
    assert.deepEqual(
      settings.queues.map((q) => q.id),
      ['general', 'phishing'],
    );
  });

  it('reads escalations with the names of the BCM plan, also for an analyst who cannot open the plan', async () => {
    const project = await admin
      .post('/api/toolkit/projects', { name: 'Kenya national CIRT', kind: 'national', iso3: 'KEN' })
      .expect<{ id: string }>(201);
    await admin
      .request('PUT', `/api/toolkit/projects/${project.id}/bcm`, { revision: 0, plan: validPlan() })
      .expect(200);
    const settings = await admin
      .get('/api/incidents/settings')
      .expect<{ revision: number; sla: unknown; queues: unknown }>(200);
    await admin
      .put('/api/incidents/settings', {
        revision: settings.revision,
        toolkitProjectId: project.id,
        sla: settings.sla,
        queues: settings.queues,
      })
      .expect(200);
    const created = await newIncident('Grid control centre intrusion', {
      severity: 'severe',
      sector: 'energy',
    });
    const analyst = await server.userClient('esther@cirt.example', 'analyst');
    const other = await newPage(browser);
    await signIn(other, server, { email: 'esther@cirt.example', password: analyst.password });
    const planReads: string[] = [];
    other.on('request', (r) => {
      if (r.url().includes('/bcm')) planReads.push(r.url());
    });
    await other.goto(`${server.baseUrl}/incidents/${created.id}`);
    const list = other.getByTestId('timeline').getByTestId('escalation-list').first();
    await list
      .getByText(/Amina Diallo/)
      .first()
      .waitFor();
    await list.getByText(/Tell Press/).waitFor();
    await list.getByText(/Press officer/).waitFor();
    await list
      .getByText(/^Crisis step: /)
      .first()
      .waitFor();
    assert.equal(await list.getByText(/— lead\b/).count(), 0, 'no bare contact id');
    assert.deepEqual(planReads, [], 'names come from the event, not from the plan');
    await expectAccessible(other, '124-incidents-escalation-names');
    await other.close();
  });

  it('shows a missed SLA deadline on the timeline, in words', async () => {
    const created = await newIncident('Botnet command server', { severity: 'emergency' });
    // The sweep with a clock 20 minutes on: the 15-minute acknowledgement deadline is missed.
    const later = { now: () => new Date(Date.now() + 20 * 60_000) };
    assert.equal((await sweepSlaBreaches({ db: server.testDb.db, clock: later })).recorded, 1);
    await page.goto(`${server.baseUrl}/incidents/${created.id}`);
    const item = page.getByTestId('timeline').locator('[data-kind="sla"]');
    await item.getByText(/^Acknowledgement deadline missed \(due .+\)\.$/).waitFor();
    assert.match((await item.textContent()) ?? '', /Service level.*cirtkit/);
    await expectAccessible(page, '125-incidents-sla-breach');
  });

  it('reads right to left in Arabic', async () => {
    const created = await newIncident('Arabic view', { severity: 'medium', tlp: 'clear' });
    const arabic = await newPage(browser);
    await signIn(arabic, server);
    await arabic.goto(`${server.baseUrl}/incidents/${created.id}`);
    await arabic.getByTestId('incident-reference').waitFor();
    await chooseLanguage(arabic, 'ar');
    await arabic.waitForFunction("document.documentElement.dir === 'rtl'");
    await arabic.getByTestId('triage-panel').getByText('الفرز').first().waitFor();
    await expectAccessible(arabic, '117-incidents-page-ar');
    await arabic.goto(`${server.baseUrl}/incidents/new`);
    await arabic.getByTestId('incident-create').waitFor();
    await expectAccessible(arabic, '118-incidents-new-ar');
    await chooseLanguage(arabic, 'en');
    await arabic.waitForFunction("document.documentElement.dir === 'ltr'");
    await arabic.close();
  });
});
