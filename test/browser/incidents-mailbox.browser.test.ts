// The intake mailbox page in Chromium, against a real dovecot: status, poll now, an unreadable
// message with its reason and raw download, turned into an incident; axe-clean, also in Arabic.
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
import { imapAvailable, startImapServer, type TestImapServer } from '../support/imap.js';
import { startTestServer, type TestServer } from '../support/server.js';

const skip = browserUnavailable() ?? imapAvailable();

describe('the intake mailbox page in Chromium', { skip }, () => {
  let server: TestServer;
  let imap: TestImapServer;
  let browser: Browser;
  let page: Page;

  before(async () => {
    imap = await startImapServer();
    server = await startTestServer({
      CIRTKIT_IMAP_URL: imap.url,
      CIRTKIT_IMAP_POLL_SECONDS: '3600',
    });
    await server.adminClient();
    browser = await launchBrowser();
    page = await newPage(browser);
    await signIn(page, server);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await imap?.close();
  });

  it('polls on request, lists an unreadable message with its reason, and makes an incident of it', async () => {
    await imap.deliver(
      [
        'From: reporter@example.org',
        'Subject: Odd report',
        'Content-Type: text/plain; charset=x-martian',
        '',
        'zzz',
        '',
      ].join('\r\n'),
    );
    await page.goto(`${server.baseUrl}/incidents/mailbox`);
    await page.getByRole('heading', { level: 1, name: 'Intake mailbox' }).waitFor();
    await page.getByRole('button', { name: 'Poll now' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /Polled: \d+ new message/ })
      .waitFor();
    const row = page.getByRole('row').filter({ hasText: 'Odd report' });
    await row.waitFor();
    assert.match(await row.innerText(), /charset "x-martian", which cannot be decoded/);
    const download = row.getByRole('link', { name: /Download \.eml/ });
    assert.match((await download.getAttribute('href'))!, /^\/api\/mail\/messages\/.+\/raw$/);
    await expectAccessible(page, '95-mailbox-unparsed');
    await row.getByRole('button', { name: /Create incident/ }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /Incident CIRT-\d{4}-\d{6} created\./ })
      .waitFor();
    await page.getByText('No message is waiting.').waitFor();
    await expectAccessible(page, '96-mailbox-created');
  });

  it('reads right to left in Arabic', async () => {
    await chooseLanguage(page, 'ar');
    await page.getByRole('heading', { level: 1, name: 'صندوق بريد البلاغات' }).waitFor();
    assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
    await expectAccessible(page, '97-mailbox-ar');
  });
});
