import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
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

/** How long an idle Chromium is kept for the next document before it is closed. */
const idleMs = 60_000;
let warm: Promise<Browser> | null = null;
let idleTimer: NodeJS.Timeout | null = null;
let inFlight = 0;

/**
 * One Chromium serves every document while they keep coming (starting it is most of the
 * time a PDF takes); it closes after a minute without work so an idle server holds no
 * browser. Each document gets its own context, so nothing is shared between two prints.
 */
async function browser(executablePath: string): Promise<Browser> {
  if (!warm) {
    const { chromium } = await import('playwright-core');
    warm = chromium.launch({ executablePath, args: chromiumArgs });
    const launched = warm;
    launched.then(
      (b) =>
        b.on('disconnected', () => {
          if (warm === launched) warm = null;
        }),
      () => {
        if (warm === launched) warm = null;
      },
    );
  }
  return warm;
}

function scheduleClose(): void {
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = setTimeout(() => {
    if (inFlight > 0 || !warm) return;
    const closing = warm;
    warm = null;
    void closing.then((b) => b.close()).catch(() => undefined);
  }, idleMs);
  idleTimer.unref();
}

/** Closes the shared Chromium now (at shutdown and after tests). */
export async function closePdfBrowser(): Promise<void> {
  if (idleTimer) clearTimeout(idleTimer);
  const closing = warm;
  warm = null;
  if (closing) await closing.then((b) => b.close()).catch(() => undefined);
}

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
  inFlight++;
  try {
    const context = await (await browser(executablePath)).newContext();
    try {
      const page = await context.newPage();
      // The document is self-contained: block any request so a report can never reach out.
      await page.route('**/*', (route) => route.abort());
      await page.setContent(html, { waitUntil: 'load' });
      return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    } finally {
      await context.close();
    }
  } finally {
    inFlight--;
    scheduleClose();
  }
}
