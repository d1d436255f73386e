import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import * as openpgp from 'openpgp';
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

/** The section headings of RFC 2350's template (Appendix D), as the plain-text file writes them. */
const headings = [
  '1. Document Information',
  '1.1 Date of Last Update',
  '1.2 Distribution List for Notifications',
  '1.3 Locations where this Document May Be Found',
  '2. Contact Information',
  '2.1 Name of the Team',
  '2.2 Address',
  '2.3 Time Zone',
  '2.4 Telephone Number',
  '2.5 Facsimile Number',
  '2.6 Other Telecommunication',
  '2.7 Electronic Mail Address',
  '2.8 Public Keys and Encryption Information',
  '2.9 Team Members',
  '2.10 Other Information',
  '2.11 Points of Customer Contact',
  '3. Charter',
  '3.1 Mission Statement',
  '3.2 Constituency',
  '3.3 Sponsorship and/or Affiliation',
  '3.4 Authority',
  '4. Policies',
  '4.1 Types of Incidents and Level of Support',
  '4.2 Co-operation, Interaction and Disclosure of Information',
  '4.3 Communication and Authentication',
  '5. Services',
  '5.1 Incident Response',
  '5.1.1 Incident Triage',
  '5.1.2 Incident Coordination',
  '5.1.3 Incident Resolution',
  '5.2 Proactive Activities',
  '6. Incident Reporting Forms',
  '7. Disclaimers',
];

describe('the RFC 2350 profile in Chromium', { skip }, () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let url: string;
  let team: { publicKey: string; privateKey: string };
  const preview = () => page.getByTestId('preview-document');
  const previewShows = (text: string) =>
    page.waitForFunction(
      `document.querySelector('[data-testid="preview-document"]')?.textContent?.includes(${JSON.stringify(text)})`,
    );

  before(async () => {
    server = await startTestServer();
    const admin = await server.adminClient();
    const project = await admin
      .post('/api/toolkit/projects', { name: 'KE-CIRT', kind: 'national', iso3: 'KEN' })
      .expect<{ id: string }>(201);
    url = `${server.baseUrl}/toolkit/projects/${project.id}/rfc2350`;
    team = await openpgp.generateKey({
      type: 'curve25519',
      userIDs: [{ name: 'KE-CIRT', email: 'incident@cert.go.ke' }],
      passphrase: 'team passphrase',
      format: 'armored',
    });
    browser = await launchBrowser();
    page = await newPage(browser);
    await signIn(page, server);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('prefills the profile from the project, previews edits live and saves them', async () => {
    await page.goto(url);
    await previewShows('RFC 2350 description of KE-CIRT');
    assert.equal(
      await page.getByLabel('Full name of the team', { exact: true }).inputValue(),
      'KE-CIRT',
    );
    assert.equal(await page.getByLabel('Postal address', { exact: true }).inputValue(), 'Kenya');
    await expectAccessible(page, '60-rfc2350-new');

    await page.getByLabel('Full name of the team', { exact: true }).fill('Kenya National CIRT');
    await page.getByLabel('Short name', { exact: true }).fill('KE-CIRT');
    await page.getByLabel('E-mail address', { exact: true }).fill('incident@cert.go.ke');
    await page
      .getByLabel('Mission statement', { exact: true })
      .fill('To coordinate the response to incidents.');
    await page
      .getByLabel('Contacts', { exact: true })
      .fill('mailto:incident@cert.go.ke\ntel:+254-20-000-0000');
    await previewShows('RFC 2350 description of Kenya National CIRT');
    await previewShows('To coordinate the response to incidents.');
    await page.getByTestId('preview-tab-securityTxt').click();
    await page.getByTestId('security-txt-ok').waitFor();
    assert.match(
      (await page.getByTestId('preview-securityTxt').textContent())!,
      /Contact: mailto:incident@cert\.go\.ke\nContact: tel:\+254-20-000-0000\nExpires: /,
    );
    await page.getByTestId('preview-tab-securityTxt').press('ArrowLeft');
    await preview().waitFor();

    await page.getByTestId('save').click();
    await page.getByTestId('rfc2350-notice').getByText('Profile saved (revision 1).').waitFor();
    assert.match((await page.getByTestId('rfc2350-status').textContent())!, /^Revision 1, saved/);
    await expectAccessible(page, '61-rfc2350-saved');
  });

  it('refuses a public key that is not a key, saying so at the field, and saves nothing', async () => {
    const field = page.getByLabel("Team's OpenPGP public key", { exact: true });
    await field.fill('my key is on our website');
    await page
      .getByText('This is not an OpenPGP public key. Paste the whole block', { exact: false })
      .waitFor();
    await page.getByTestId('save').click();
    await page.getByTestId('rfc2350-notice').getByText('The profile was not saved').waitFor();
    assert.equal(await field.getAttribute('aria-invalid'), 'true');
    await expectAccessible(page, '62-rfc2350-bad-key');
    await field.fill(team.publicKey);
    await page.getByTestId('key-fingerprint').waitFor();
    await page.getByTestId('save').click();
    await page.getByTestId('rfc2350-notice').getByText('Profile saved (revision 2).').waitFor();
  });

  it('downloads the plain-text document with every section of the template', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('download-txt').click(),
    ]);
    assert.equal(download.suggestedFilename(), 'KE-CIRT-rfc2350.txt');
    const text = readFileSync(await download.path(), 'utf8');
    const lines = text.split('\n');
    for (const heading of headings) assert.ok(lines.includes(heading), `missing ${heading}`);
    assert.match(text, /^RFC 2350 description of Kenya National CIRT$/m);
    assert.match(text, /Key fingerprint: [0-9A-F]{4}( [0-9A-F]{4}){9}/);
  });

  it('signs the document with the private key, then verifies the signature', async () => {
    await page.getByTestId('open-sign').click();
    const sign = page.getByTestId('sign-dialog');
    await sign.getByLabel('Private key').fill(team.privateKey);
    await sign.getByLabel('Passphrase').fill('wrong');
    await sign.getByRole('button', { name: 'Sign', exact: true }).click();
    await sign.getByText('This passphrase does not unlock the private key.').waitFor();
    await sign.getByLabel('Passphrase').fill('team passphrase');
    await sign.getByRole('button', { name: 'Sign', exact: true }).click();
    const signed = await sign.getByTestId('signed-text').inputValue();
    assert.match(signed, /^-----BEGIN PGP SIGNED MESSAGE-----/);
    await expectAccessible(page, '63-rfc2350-signed');
    await sign.getByRole('button', { name: 'Close' }).click();

    await page.getByTestId('open-verify').click();
    const verify = page.getByTestId('verify-dialog');
    await verify.getByLabel('Signed text').fill(signed);
    await verify.getByRole('button', { name: 'Verify', exact: true }).click();
    await verify.getByTestId('verify-result').getByText('Good signature.').waitFor();
    await verify.getByText('The text is the current RFC 2350 document.').waitFor();
    await verify.getByLabel('Signed text').fill(signed.replace('Kenya', 'Kenia'));
    await verify.getByRole('button', { name: 'Verify', exact: true }).click();
    await verify.getByText('The text was changed after it was signed.').waitFor();
    await expectAccessible(page, '64-rfc2350-verified');
    await verify.getByRole('button', { name: 'Close' }).click();
  });

  it('reads right to left in Arabic, with the document headings in Arabic', async () => {
    await chooseLanguage(page, 'ar');
    await page.waitForFunction("document.documentElement.dir === 'rtl'");
    await page.getByTestId('document-lang').selectOption('ar');
    await previewShows('1. معلومات الوثيقة');
    await expectAccessible(page, '65-rfc2350-ar');
    await chooseLanguage(page, 'en');
  });
});
