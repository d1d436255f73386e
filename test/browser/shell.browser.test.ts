import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
  browserUnavailable,
  chooseLanguage,
  expectAccessible,
  launchBrowser,
  newPage,
} from '../support/browser.js';
import { adminPassword, startTestServer, type TestServer } from '../support/server.js';

const skip = browserUnavailable();

describe('the web shell in Chromium', { skip }, () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  before(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    page = await newPage(browser);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('logs in with the one-time password and forces a new password first', async () => {
    await page.goto(`${server.baseUrl}/admin/users`);
    await page.getByLabel('E-mail address').waitFor();
    await expectAccessible(page, '01-login');
    await page.getByLabel('E-mail address').fill(server.admin.email);
    await page.getByLabel('Password', { exact: true }).fill('wrong password, surely');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: /not correct|incorrect/i })
      .waitFor();
    await page.getByLabel('Password', { exact: true }).fill(server.admin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/account\/password/);
    await expectAccessible(page, '02-forced-password-change');
    // Other pages stay out of reach until the password is changed.
    await page.goto(`${server.baseUrl}/admin/users`);
    await page.waitForURL(/\/account\/password/);
    await page.getByLabel('Current password').fill(server.admin.password);
    await page.getByLabel('New password', { exact: true }).fill(adminPassword);
    await page.getByLabel('Confirm new password').fill(adminPassword);
    await page.getByRole('button', { name: 'Change password' }).click();
    server.admin.password = adminPassword;
    await page.getByRole('navigation', { name: 'Main navigation' }).waitFor();
    await expectAccessible(page, '03-home');
    // The home page lists the modules this installation runs, each with its way in.
    const installed = page.getByRole('list', { name: 'Modules of this installation' });
    // The navigation can be drawn before the home page's list has loaded (seen under load).
    await installed.getByRole('heading', { name: 'Exchange', exact: true }).waitFor();
    for (const name of ['Registry', 'Establishment toolkit', 'Operations', 'Law', 'Exchange'])
      assert.equal(await installed.getByRole('heading', { name, exact: true }).count(), 1, name);
    const planned = page.getByRole('list', { name: 'Planned modules' });
    for (const name of ['Law', 'Exchange'])
      assert.equal(await planned.getByRole('heading', { name, exact: true }).count(), 0, name);
    await installed.getByRole('link', { name: 'Open the provision catalogue' }).click();
    await page.waitForURL(/\/law$/);
    await page.goBack();
  });

  it('creates a user and shows the one-time password once', async () => {
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Users' })
      .click();
    await page.getByTestId('create-user').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('E-mail address').fill('fatima@cirt.example');
    await dialog.getByLabel('Display name').fill('Fatima Diallo');
    await dialog.getByLabel('Role').selectOption('analyst');
    await expectAccessible(page, '04-create-user-dialog');
    await dialog.getByRole('button', { name: 'Create user' }).click();
    const secret = page.getByTestId('one-time-password');
    await secret.waitFor();
    const password = (await secret.textContent())?.trim() ?? (await secret.inputValue());
    assert.match(password, /^[A-Za-z0-9]{20}$/);
    await expectAccessible(page, '05-one-time-password');
    // The password works against the API: the UI showed the real one.
    const fatima = server.client();
    const me = await fatima.login('fatima@cirt.example', password);
    assert.equal(me.role, 'analyst');
    await page.getByRole('button', { name: 'I have saved it' }).click();
    await page.getByRole('row', { name: /fatima@cirt\.example/ }).waitFor();
    await expectAccessible(page, '06-users');
  });

  it('changes a role, disables an account and resets a password from the users page', async () => {
    const row = page.getByRole('row', { name: /fatima@cirt\.example/ });
    await row.getByRole('button', { name: 'Edit Fatima Diallo' }).click();
    await page.getByRole('dialog').getByLabel('Role').selectOption('lead');
    await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
    await row.getByText('Team lead').waitFor();
    await row.getByRole('button', { name: 'Disable Fatima Diallo' }).click();
    await expectAccessible(page, '06b-confirm-disable');
    await page.getByRole('dialog').getByRole('button', { name: 'Disable account' }).click();
    await row.getByText('Disabled').waitFor();
    await row.getByRole('button', { name: 'Reset password of Fatima Diallo' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Reset password' }).click();
    await page.getByTestId('one-time-password').waitFor();
    await page.getByRole('button', { name: 'I have saved it' }).click();
    // What the page showed is what the server holds.
    const users = await (
      await server.adminClient()
    )
      .get('/api/users?q=fatima')
      .expect<{ items: { role: string; disabled: boolean; mustChangePassword: boolean }[] }>(200);
    assert.deepEqual(
      [users.items[0]!.role, users.items[0]!.disabled, users.items[0]!.mustChangePassword],
      ['lead', true, true],
    );
  });

  it('edits the profile', async () => {
    await page.getByTestId('user-menu').click();
    await page.getByRole('link', { name: 'Profile and password' }).click();
    await page.getByLabel('Display name').fill('Chief of CIRT');
    await page.getByRole('button', { name: 'Save' }).first().click();
    await page.getByText('Your profile has been saved.').waitFor();
    await expectAccessible(page, '06c-profile');
    const me = await (
      await server.adminClient()
    )
      .get('/api/me')
      .expect<{ displayName: string }>(200);
    assert.equal(me.displayName, 'Chief of CIRT');
  });

  it('switches to Arabic: the whole layout turns right-to-left and the shell is translated', async () => {
    await chooseLanguage(page, 'ar');
    await page.waitForFunction("document.documentElement.dir === 'rtl'");
    assert.equal(await page.evaluate<string>('document.documentElement.lang'), 'ar');
    const nav = page.getByRole('navigation', { name: 'التنقل الرئيسي' });
    await nav.waitFor();
    assert.equal(
      await nav.getByRole('link', { name: 'Users' }).count(),
      0,
      'no English left in the navigation',
    );
    // Right-to-left: the navigation starts at the right edge of the page.
    const box = (await nav.boundingBox())!;
    assert.ok(box.x + box.width > 1280 / 2, 'navigation sits on the right');
    await expectAccessible(page, '07-users-ar');
    // The choice is remembered for the user: the API has it.
    const me = await (await server.adminClient()).get('/api/me').expect<{ locale: string }>(200);
    assert.equal(me.locale, 'ar');
    await chooseLanguage(page, 'en');
    await page.waitForFunction("document.documentElement.dir === 'ltr'");
  });

  it('browses the audit log and verifies its chain', async () => {
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Audit log' })
      .click();
    await page.getByRole('table').waitFor();
    await page.getByRole('cell', { name: 'Created user' }).first().waitFor();
    await page.getByRole('button', { name: /Verify/ }).click();
    await page
      .getByText(/intact|verified/i)
      .first()
      .waitFor();
    await expectAccessible(page, '08-audit');
  });

  it('creates an API token that works once copied', async () => {
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'API tokens' })
      .click();
    await page.getByTestId('create-token').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Name').fill('MISP sync');
    await dialog.getByRole('button', { name: /Create/ }).click();
    const secret = page.getByTestId('token-secret');
    await secret.waitFor();
    const token = (await secret.textContent())?.trim() ?? '';
    assert.match(token, /^ck_/);
    const client = server.client();
    client.bearer = token;
    await client.get('/api/me').expect(200);
    await expectAccessible(page, '09-token-secret');
    await page.getByRole('button', { name: 'I have saved it' }).click();
    await page.getByRole('row', { name: /MISP sync/ }).waitFor();
    await expectAccessible(page, '10-tokens');
  });

  it('logs out: the session ends and protected pages lead back to the login', async () => {
    await page.getByTestId('user-menu').click();
    await page.getByTestId('logout').click();
    await page.getByLabel('E-mail address').waitFor();
    await page.goto(`${server.baseUrl}/admin/audit`);
    await page.getByLabel('E-mail address').waitFor();
    assert.match(page.url(), /\/login/);
  });
});
