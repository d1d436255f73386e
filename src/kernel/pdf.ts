import { existsSync } from 'node:fs';
import { AppError } from './errors.js';

/** Flags for a headless Chromium on a server: no sandbox (root), no GPU, no calls home. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Where Chromium is looked for; CIRTKIT_CHROMIUM overrides (another path, another distro). */
export const chromiumPath = () => process.env.CIRTKIT_CHROMIUM ?? '/usr/bin/chromium';

/**
 * Prints an HTML document to PDF with headless Chromium, the same engine users print with.
 * Chromium is a system package: without it, say how to get it instead of failing obscurely.
 */
export async function htmlToPdf(html: string): Promise<Buffer> {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) {
    throw new AppError(
      'not_ready',
      `PDF needs Chromium at ${executablePath} (Debian: apt-get install chromium), or set CIRTKIT_CHROMIUM; the HTML report prints from any browser`,
    );
  }
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath,
    args: chromiumArgs,
  });
  try {
    const page = await browser.newPage();
    // The document is self-contained: block any request so a report can never reach out.
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  } finally {
    await browser.close();
  }
}
