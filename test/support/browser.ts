import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumArgs, chromiumPath as kernelChromiumPath } from '../../src/kernel/index.js';
import type { TestServer } from './server.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const chromiumPath = kernelChromiumPath();
export const screenshotDir = path.join(root, 'test-results', 'screenshots');

/**
 * Why browser tests cannot run here, or undefined when they can. CI sets
 * CIRTKIT_REQUIRE_BROWSER=1, which turns a missing browser into a failure instead of a skip.
 */
export function browserUnavailable(): string | undefined {
  const reason = !existsSync(chromiumPath)
    ? `Chromium not found at ${chromiumPath} (Debian: apt-get install chromium)`
    : !existsSync('/usr/bin/pdftotext')
      ? 'pdftotext not found (Debian: apt-get install poppler-utils)'
      : !existsSync(path.join(root, 'dist/web/index.html'))
        ? 'the web UI is not built (npm run build)'
        : undefined;
  if (reason && process.env.CIRTKIT_REQUIRE_BROWSER === '1')
    throw new Error(`browser tests required but ${reason}`);
  return reason;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: chromiumArgs,
  });
}

export async function newPage(browser: Browser): Promise<Page> {
  // bypassCSP lets the test inject axe-core; the app's own CSP is checked in the API tests.
  const context = await browser.newContext({
    bypassCSP: true,
    viewport: { width: 1280, height: 860 },
    locale: 'en-GB',
  });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  return page;
}

/**
 * Signs in through the login form (the server's admin unless `user` is given) and waits for the
 * app's main navigation.
 *
 * @example
 * await signIn(page, server);
 * await signIn(readerPage, server, { email: 'reader@example.org', password: reader.password });
 */
export async function signIn(
  page: Page,
  server: Pick<TestServer, 'baseUrl' | 'admin'>,
  user: { email: string; password: string } = server.admin,
): Promise<void> {
  await page.goto(`${server.baseUrl}/login`);
  await page.getByLabel('E-mail address').fill(user.email);
  await page.getByLabel('Password', { exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Main navigation' }).waitFor();
}

/**
 * Chooses a language in the shell's selector as a signed-in user would, and waits until the
 * choice is saved on the profile: the next page load applies the saved language, so a test that
 * navigates before the save lands would see the old one.
 */
export async function chooseLanguage(page: Page, code: string): Promise<void> {
  await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/api/me') && r.request().method() === 'PATCH'),
    page.locator('#language-select').selectOption(code),
  ]);
  await page.waitForFunction(`document.documentElement.lang === ${JSON.stringify(code)}`);
}

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core on the page and returns serious and critical violations. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: axeSource });
  // A string expression: the test code is compiled without DOM types.
  const violations = await page.evaluate<AxeViolation[]>(
    "axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations)",
  );
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export function describeViolations(violations: AxeViolation[]): string {
  return violations
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    )
    .join('\n');
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
}

/** Saves a screenshot, then fails on any serious or critical accessibility violation. */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  const violations = await seriousViolations(page);
  assert.equal(violations.length, 0, `${name}:\n${describeViolations(violations)}`);
}
