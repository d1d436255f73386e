import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
  cirtkitIdentity,
  profileIdentity,
  teamProfileExtension,
  tlp2MarkingIds,
  type Tlp,
} from '../../src/modules/exchange/index.js';
import {
  browserUnavailable,
  describeViolations,
  launchBrowser,
  newPage,
  seriousViolations,
  signIn,
} from '../support/browser.js';
import { startTestServer, type TestServer } from '../support/server.js';

const skip = browserUnavailable();
const shots = process.env.CIRTKIT_EXCHANGE_SCREENSHOTS ?? '/tmp/cirtkit-exchange-screens';

async function checkPage(page: Page, name: string): Promise<void> {
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
  const violations = await seriousViolations(page);
  assert.equal(violations.length, 0, `${name}:\n${describeViolations(violations)}`);
}

const created = '2026-03-01T09:30:00.000Z';
const indicator = (name: string, tlp: Tlp) => ({
  type: 'indicator',
  spec_version: '2.1',
  id: `indicator--${randomUUID()}`,
  created,
  modified: created,
  name,
  pattern: "[domain-name:value = 'login-update.example']",
  pattern_type: 'stix',
  valid_from: '2026-03-01T00:00:00Z',
  object_marking_refs: [tlp2MarkingIds[tlp]],
});

describe('the exchange pages in Chromium', { skip }, () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let dir: string;
  let incidentId = '';
  const objects = {
    green: indicator('Phishing domain of the tax campaign', 'green'),
    red: indicator('Domain named by a confidential source', 'red'),
  };

  before(async () => {
    server = await startTestServer();
    await server.adminClient();
    browser = await launchBrowser();
    page = await newPage(browser);
    await signIn(page, server);
    dir = path.join(os.tmpdir(), `cirtkit-bundle-${randomUUID()}`);
    mkdirSync(dir);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates a collection, imports a bundle and lists what was stored and what was refused', async () => {
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Exchange' })
      .click();
    await page.waitForURL(/\/exchange$/);
    await page.getByTestId('add-collection').click();
    await page.getByLabel('Title').fill('National indicators');
    await page.getByLabel('Alias').fill('national');
    await page.getByRole('button', { name: 'Create the collection' }).click();
    await page.getByTestId('bundle-file').waitFor();
    const file = path.join(dir, 'bundle.json');
    writeFileSync(
      file,
      JSON.stringify({
        type: 'bundle',
        id: `bundle--${randomUUID()}`,
        objects: [
          objects.green,
          objects.red,
          { ...indicator('broken', 'green'), pattern: "[x:y = '1'" },
        ],
      }),
    );
    await page.getByTestId('bundle-file').setInputFiles(file);
    const result = page.getByTestId('import-result');
    await result.waitFor();
    assert.match((await result.textContent()) ?? '', /2 of 3 objects stored, 1 refused/);
    assert.match((await result.textContent()) ?? '', /pattern:/);
    await page.getByTestId('object-row').nth(1).waitFor();
    assert.equal(await page.getByTestId('object-row').count(), 2, 'the lead sees RED too');
    await checkPage(page, '01-objects');
  });

  it('shows an object with its versions, where it came from, and records a sighting', async () => {
    await page.getByRole('link', { name: objects.green.name }).click();
    await page.getByTestId('object-json').waitFor();
    assert.match(
      (await page.getByTestId('object-json').textContent()) ?? '',
      /login-update\.example/,
    );
    assert.match((await page.locator('main').textContent()) ?? '', /Imported by a user/);
    await page.getByTestId('record-sighting').click();
    await page.getByText('Sighting recorded').waitFor();
    await checkPage(page, '02-object');
  });

  it('adds a peer, shows its secret once, opens a collection to it and previews what it would get', async () => {
    await page.getByRole('link', { name: 'Peers and sharing' }).click();
    await page.getByTestId('add-peer').click();
    await page.getByLabel('Name', { exact: true }).fill('CERT-Fiji');
    await page.getByLabel('Country', { exact: true }).fill('FJI');
    await page.getByRole('button', { name: 'Add the peer' }).click();
    const secret = page.getByTestId('peer-secret');
    await secret.waitFor();
    assert.match((await secret.textContent()) ?? '', /ckp_/);
    await checkPage(page, '03-peer-secret');
    await page.getByRole('button', { name: 'I have saved it' }).click();
    await page.waitForURL(/\/exchange\/peers\/[^/]+$/);
    // Before any grant the preview says the peer gets nothing (wait for it: it loads).
    await page
      .getByTestId('peer-preview')
      .getByText('Nothing: the peer may read no collection.')
      .waitFor();
    await page.getByTestId('add-grant').click();
    await page.getByTestId('grant-row').waitFor();
    await page.getByRole('button', { name: 'Check again' }).click();
    await page.getByTestId('preview-row').first().waitFor();
    const previewed = await page.getByTestId('preview-row').allTextContents();
    // GREEN and the sighting (AMBER by its marking? no: GREEN) go; RED never leaves.
    assert.ok(previewed.some((row) => row.includes(objects.green.name)));
    assert.equal(
      previewed.some((row) => row.includes(objects.red.name)),
      false,
    );
    await checkPage(page, '04-peer');
  });

  it('lists the peer on the peers page', async () => {
    await page.getByRole('link', { name: 'Peers and sharing' }).click();
    await page.getByTestId('peer-row').first().waitFor();
    assert.match((await page.getByTestId('peer-row').first().textContent()) ?? '', /CERT-Fiji/);
    await checkPage(page, '05-peers');
  });

  it('shows on an incident the indicators that name its observables, and on an indicator the constituents it names', async () => {
    const admin = await server.adminClient();
    const org = await admin
      .post('/api/constituents/orgs', { name: 'Revenue Authority', sector: 'government' })
      .expect<{ id: string }>(201);
    await admin
      .post(`/api/constituents/orgs/${org.id}/ownership`, {
        kind: 'domain',
        value: 'login-update.example',
      })
      .expect(201);
    const incident = await admin
      .post('/api/incidents', {
        title: 'Staff received a fake tax refund e-mail',
        observables: [
          { kind: 'url', value: 'https://login-update.example/refund' },
          { kind: 'ipv4', value: '192.0.2.44' },
        ],
      })
      .expect<{ id: string }>(201);
    incidentId = incident.id;
    await page.goto(`${server.baseUrl}/incidents/${incident.id}`);
    const panel = page.getByTestId('intel-panel');
    const hit = panel.locator('[data-indicator]');
    await hit.first().waitFor();
    // The lead may read RED: both indicators name the URL's host.
    const names = await Promise.all(
      (await hit.all()).map((one) => one.getAttribute('data-indicator')),
    );
    assert.deepEqual(names.sort(), [objects.red.name, objects.green.name].sort());
    assert.match((await hit.first().textContent()) ?? '', /its host is named/);
    await checkPage(page, '06-incident-intel');
    await panel.getByRole('link', { name: objects.green.name }).click();
    const named = page.getByTestId('named-constituents');
    await named.locator('[data-org="Revenue Authority"]').waitFor();
    assert.match((await named.textContent()) ?? '', /login-update\.example/);
    await checkPage(page, '07-object-named-constituents');
  });

  it('shares the incident as an anonymised report: preview first, the victim left out, then confirmed', async () => {
    await page.goto(`${server.baseUrl}/incidents/${incidentId}`);
    await page.getByTestId('share-open').click();
    const dialog = page.getByTestId('share-dialog');
    const preview = dialog.getByTestId('share-preview-block');
    await preview.waitFor();
    // The URL's host belongs to a constituent: unticked, with the owner named.
    const url = dialog.getByRole('checkbox', { name: 'https://login-update.example/refund' });
    assert.equal(await url.isChecked(), false);
    await dialog.getByText('Owned by Revenue Authority').waitFor();
    assert.equal(await dialog.getByRole('checkbox', { name: '192.0.2.44' }).isChecked(), true);
    const types = await Promise.all(
      (await preview.locator('[data-type]').all()).map(
        async (item) => (await item.getAttribute('data-type')) ?? '',
      ),
    );
    assert.deepEqual(types.sort(), ['identity', 'incident', 'indicator', 'ipv4-addr', 'report']);
    assert.equal(((await preview.textContent()) ?? '').includes('login-update'), false);
    await dialog
      .getByLabel('Summary for peers')
      .fill('Fake tax refund e-mails with a credential form.');
    // A change asks for a new preview before sharing.
    assert.equal(await dialog.getByTestId('share-confirm').isDisabled(), true);
    await dialog.getByTestId('share-preview').click();
    await preview.waitFor();
    await dialog.screenshot({ path: path.join(shots, '08-share-dialog.png') });
    await checkPage(page, '08-share-preview');
    await dialog.getByTestId('share-confirm').click();
    await dialog.getByTestId('share-done').waitFor();
    await checkPage(page, '09-share-done');
    await dialog.getByRole('button', { name: 'Close' }).first().click();
    await page
      .getByTestId('timeline')
      .getByText('Shared with peers as an anonymised STIX report')
      .waitFor();
  });

  it('creates an indicator in the editor, with the pattern checked, then makes a new version of it', async () => {
    await page.goto(`${server.baseUrl}/exchange`);
    await page.getByTestId('new-object').click();
    const editor = page.getByTestId('object-editor');
    await editor.waitFor();
    await editor.getByLabel('Name (required)').fill('Credential phishing kit');
    await editor.getByLabel('Pattern (required)').fill("[url:value = 'http://kit.example/'");
    await editor.getByLabel('TLP', { exact: true }).selectOption('green');
    await page.getByTestId('editor-save').click();
    // The grammar's refusal shows under the pattern, with its place.
    await editor.getByText(/column \d+/).waitFor();
    await checkPage(page, '10-editor-error');
    await editor.getByLabel('Pattern (required)').fill("[url:value = 'http://kit.example/']");
    await page.getByTestId('editor-save').click();
    await page.getByTestId('object-json').waitFor();
    assert.match((await page.getByTestId('object-json').textContent()) ?? '', /kit\.example/);
    await page.getByTestId('edit-object').click();
    await editor.waitFor();
    assert.equal(
      await editor.getByLabel('Name (required)').inputValue(),
      'Credential phishing kit',
    );
    await checkPage(page, '11-editor-version');
    await editor.getByLabel('Name (required)').fill('Credential phishing kit (v2)');
    await page.getByTestId('editor-save').click();
    await page.getByRole('heading', { name: 'Credential phishing kit (v2)' }).waitFor();
    assert.equal(
      await page
        .getByRole('table', { name: 'Versions of this object' })
        .locator('tbody tr')
        .count(),
      2,
    );
  });

  it('makes a sharing group of peers and opens a collection to it', async () => {
    await page.goto(`${server.baseUrl}/exchange/peers`);
    await page.getByLabel('Name of a new group').fill('Pacific CERTs');
    await page.getByTestId('add-group').click();
    await page.waitForURL(/\/exchange\/groups\/[^/]+$/);
    const form = page.getByTestId('group-form');
    await form.getByRole('checkbox', { name: 'CERT-Fiji (FJI)' }).check();
    await page.getByTestId('save-group').click();
    await form.getByText('The group is saved.').waitFor();
    await page.getByTestId('add-grant').click();
    await page.getByTestId('grant-row').waitFor();
    await checkPage(page, '12-group');
    await page.getByRole('link', { name: 'Peers and sharing' }).click();
    const row = page.getByTestId('group-row');
    await row.waitFor();
    assert.match((await row.textContent()) ?? '', /Pacific CERTs.*CERT-Fiji/);
  });

  it('imports a MISP event file and shows where the MISP feed of the collection is published', async () => {
    await page.goto(`${server.baseUrl}/exchange`);
    const panel = page.getByTestId('misp-panel');
    await panel.waitFor();
    await panel
      .getByTestId('misp-file')
      .setInputFiles(
        new URL('../../fixtures/exchange/misp-event-phishing.json', import.meta.url).pathname,
      );
    const result = panel.getByTestId('misp-result');
    await result.waitFor();
    assert.match(
      (await result.textContent()) ?? '',
      /6 objects stored, 0 refused; attributes without a STIX counterpart: 1/,
    );
    assert.match(
      (await panel.getByTestId('misp-feed-address').textContent()) ?? '',
      /\/misp-feed\/[^/]+\/$/,
    );
    await checkPage(page, '13-misp');
  });

  it("shows on the registry's country page the profile a national instance published over TAXII", async () => {
    const admin = await server.adminClient();
    const collection = await admin
      .post('/api/exchange/collections', { title: 'Team profiles' })
      .expect<{ id: string }>(201);
    const issued = await admin
      .post('/api/exchange/peers', {
        name: 'FJ-CERT instance',
        relationship: 'community',
        country: 'FJI',
      })
      .expect<{ peer: { id: string }; secret: string }>(201);
    await admin
      .post('/api/exchange/grants', {
        collectionId: collection.id,
        peerId: issued.peer.id,
        canRead: true,
        canWrite: true,
        tlpLevels: ['clear', 'green'],
      })
      .expect(201);
    const identity = profileIdentity(
      {
        id: `identity--${randomUUID()}`,
        created: '2026-01-10T00:00:00.000Z',
        name: 'FJ-CERT',
      },
      {
        extension_type: 'property-extension',
        country: 'FJI',
        team_type: 'national',
        status: 'operational',
        established: '2023',
        maturity: { framework: 'SIM3', tier: 'basic', assessed_on: '2026-09-15' },
        services: ['incident-management'],
        rfc2350_url: 'https://cert.example.fj/rfc2350.txt',
        contacts: [],
        indicators: [{ id: 'incidents_handled', value: 212, as_of: '2026-09-30' }],
      },
      '2026-11-20T08:00:00.000Z',
      'green',
    );
    const response = await fetch(
      `${server.baseUrl}/taxii2/cirtkit/collections/${collection.id}/objects/`,
      {
        method: 'POST',
        headers: {
          accept: 'application/taxii+json;version=2.1',
          'content-type': 'application/taxii+json;version=2.1',
          authorization: `Bearer ${issued.secret}`,
        },
        body: JSON.stringify({ objects: [cirtkitIdentity, teamProfileExtension, identity] }),
      },
    );
    assert.equal(response.status, 202);
    await page.goto(`${server.baseUrl}/registry/countries/FJI`);
    const panel = page.getByTestId('federation-panel');
    await panel.locator('[data-team="FJ-CERT"]').waitFor();
    const text = (await panel.textContent()) ?? '';
    assert.match(text, /National CIRT/);
    assert.match(text, /Basic, assessed on 2026-09-15/);
    assert.match(text, /Sent by FJ-CERT instance over TAXII/);
    assert.equal(
      await panel.getByTestId('federation-signature').getAttribute('data-state'),
      'unsigned',
    );
    await checkPage(page, '14-registry-federation');
    // The progress report sets it beside the registry, which records a government CIRT only.
    await page.goto(`${server.baseUrl}/registry/report`);
    const row = page.getByTestId('report-self-reported').locator('tr[data-iso3="FJI"]');
    await row.waitFor();
    assert.equal(await row.getAttribute('data-agrees'), 'false');
    assert.match((await row.textContent()) ?? '', /Differs/);
    await checkPage(page, '15-report-self-reported');
  });
});
