import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
  browserUnavailable,
  expectAccessible,
  launchBrowser,
  newPage,
} from '../support/browser.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp.js';

const skip = browserUnavailable();

describe('the public report form in Chromium', { skip }, () => {
  let server: TestServer;
  let smtp: TestSmtpServer;
  let browser: Browser;
  let page: Page;

  before(async () => {
    smtp = await startSmtpServer();
    server = await startTestServer({
      CIRTKIT_SMTP_URL: smtp.url,
      CIRTKIT_MAIL_FROM: 'cirt@cirt.example.org',
    });
    browser = await launchBrowser();
    page = await newPage(browser);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await smtp?.close();
  });

  it('is reached from the login page without an account', async () => {
    await page.goto(`${server.baseUrl}/login`);
    await page.getByRole('link', { name: /Report an incident to the CIRT/ }).click();
    await page.waitForURL(/\/report$/);
    await page.getByRole('heading', { level: 1, name: 'Report an incident' }).waitFor();
    await expectAccessible(page, '90-report-form');
  });

  it('names the missing fields, then takes a report by keyboard alone and shows its reference', async () => {
    await page.getByRole('button', { name: 'Send the report' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Please correct the fields below.' });
    await alert.waitFor();
    assert.match(await alert.innerText(), /Describe what happened\./);
    await expectAccessible(page, '91-report-missing-fields');

    // Keyboard only: type in the description, Tab to the e-mail, and so on.
    await page.getByLabel('What happened?').focus();
    await page.keyboard.type('A phishing page imitates the tax office.\nSeen in an e-mail today.');
    await page.keyboard.press('Tab');
    await page.keyboard.type('citizen@example.org');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Nadia');
    await page
      .getByLabel('Addresses, domains, links or file hashes (optional)')
      .fill('hxxps://tax-office[.]example/login\n203.0.113.50');
    await page.getByLabel('Files (optional)').setInputFiles({
      name: 'phish.eml',
      mimeType: 'message/rfc822',
      buffer: Buffer.from('From: bad@tax-office.example\r\nSubject: Refund\r\n\r\nClick here'),
    });
    await page.getByRole('button', { name: 'Send the report' }).focus();
    await page.keyboard.press('Enter');
    const done = page.getByRole('status').filter({ hasText: 'Your report has been received' });
    await done.waitFor();
    const text = await done.innerText();
    const reference = /CIRT-\d{4}-\d{6}/.exec(text)?.[0];
    assert.ok(reference, text);
    assert.match(text, /A confirmation has been sent to citizen@example\.org/);
    // The reader is taken to the answer.
    assert.equal(
      await page.evaluate("document.activeElement?.classList.contains('public-report__result')"),
      true,
    );
    await expectAccessible(page, '92-report-sent');
    const ack = await smtp.waitFor((m) => m.parsed.subject?.includes(reference) ?? false);
    assert.equal(ack.parsed.subject, `[${reference}] Your report has been received`);
    assert.match(ack.parsed.text ?? '', /Hello Nadia,/);
  });

  it('speaks Arabic right to left and acknowledges in Arabic', async () => {
    await page.getByRole('button', { name: 'Report another incident' }).click();
    await page.getByLabel('Language').selectOption('ar');
    await page.getByRole('heading', { level: 1, name: 'الإبلاغ عن حادث' }).waitFor();
    assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
    await expectAccessible(page, '93-report-form-ar');
    await page.getByLabel('ماذا حدث؟').fill('موقع حكومي تم تشويهه');
    await page.getByLabel('بريدكم الإلكتروني').fill('reader@example.org');
    await page.getByRole('button', { name: 'إرسال البلاغ' }).click();
    const done = page.getByRole('status').filter({ hasText: 'تم استلام بلاغكم' });
    await done.waitFor();
    const reference = /CIRT-\d{4}-\d{6}/.exec(await done.innerText())?.[0];
    assert.ok(reference);
    await expectAccessible(page, '94-report-sent-ar');
    const ack = await smtp.waitFor((m) => m.parsed.subject?.includes(reference) ?? false);
    assert.equal(ack.parsed.subject, `[${reference}] تم استلام بلاغكم`);
  });
});
